/* money.c (fuzz) — feeds any bytes to money_parse under each decimal mark,
 * and to money_mark_evidence. Checks that an amount read is written and
 * read back to the same cents (money_format, and money_format_grouped
 * under the point mark), and that evidence never contradicts a parse that
 * the same mark accepts. */
#include <string.h>

#include "base/lib.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

static void round_trip(int64_t cents)
{
	char out[64];
	int64_t back;
	money_format(cents, out, sizeof out);
	enum money_error e = money_parse(out, strlen(out), MARK_POINT, &back);
	FUZZ_CHECK(e == MONEY_OK && back == cents, "%lld written %s reads %s %lld", (long long)cents, out,
		   money_error_text(e), (long long)back);
	money_format_grouped(cents, out, sizeof out);
	e = money_parse(out, strlen(out), MARK_POINT, &back);
	FUZZ_CHECK(e == MONEY_OK && back == cents, "%lld grouped %s reads %s %lld", (long long)cents, out,
		   money_error_text(e), (long long)back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	(void)money_mark_evidence(s, size);
	static const enum decimal_mark marks[] = {MARK_UNKNOWN, MARK_POINT, MARK_COMMA};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		int64_t cents = 0;
		enum money_error e = money_parse(s, size, marks[i], &cents);
		FUZZ_CHECK(money_error_text(e) != NULL, "no text for error %d", (int)e);
		if (e == MONEY_OK)
			round_trip(cents);
	}
	return 0;
}
