/* payref.c (fuzz) — feeds any bytes to the payment references: reading
 * (payref_parse), finding one in a transfer's message (payref_find), the
 * references made of a number the book hands out (payref_of_number,
 * read back by payref_number), payref_rf_make, payref_ogm_make, their
 * display and iban_valid. Checks
 * that every reference made validates, that a reference found or read is
 * read again the same from its display form, and that making one is
 * deterministic. */
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

/* A stored OGM or RF reference reads back as itself, from its stored and
 * its display forms. */
static void reads_back(const char *stored, enum payref_kind kind, const char *from)
{
	char out[64], shown[80];
	enum payref_kind k = payref_parse(stored, strlen(stored), out, sizeof out);
	FUZZ_CHECK(k == kind && !strcmp(out, stored), "%s: stored %s reads as kind %d %s", from, stored, (int)k, out);
	payref_display(stored, shown, sizeof shown);
	k = payref_parse(shown, strlen(shown), out, sizeof out);
	FUZZ_CHECK(k == kind && !strcmp(out, stored), "%s: %s shown as %s reads as kind %d %s", from, stored, shown,
		   (int)k, out);
}

/* The reference of a number reads back as itself, and its number back. */
static void made(long long n, const char *kind)
{
	char a[64], b[64];
	payref_of_number(n, kind, a);
	payref_of_number(n, kind, b);
	FUZZ_CHECK(!strcmp(a, b), "%s of %lld twice: %s then %s", kind, n, a, b);
	reads_back(a, !strcmp(kind, "rf") ? PAYREF_RF : PAYREF_OGM, "payref_of_number");
	FUZZ_CHECK(payref_number(a) == n, "%s of %lld reads back as %lld", a, n, payref_number(a));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	char out[64];
	enum payref_kind k = payref_parse((const char *)data, size, out, sizeof out);
	FUZZ_CHECK(strlen(out) < sizeof out, "parse wrote %zu bytes", strlen(out));
	if (k == PAYREF_OGM || k == PAYREF_RF)
		reads_back(out, k, "payref_parse");
	k = payref_find(text, out);
	FUZZ_CHECK(k == PAYREF_NONE || k == PAYREF_OGM || k == PAYREF_RF, "find gave kind %d", (int)k);
	if (k != PAYREF_NONE)
		reads_back(out, k, "payref_find");
	unsigned long long v = 0; /* a number from the first bytes */
	for (size_t i = 0; i < size && i < 8; i++)
		v = v << 8 | data[i];
	made((long long)(v % 9999999999ULL) + 1, "ogm");
	made((long long)(v % 999999999999999ULL) + 1, "rf");
	if (payref_rf_make(text, out, sizeof out) == 0)
		reads_back(out, PAYREF_RF, "payref_rf_make");
	unsigned long long base = 0;
	for (size_t i = 0; i < size && i < 8; i++)
		base = base << 8 | data[i];
	payref_ogm_make(base, out);
	reads_back(out, PAYREF_OGM, "payref_ogm_make");
	(void)iban_valid(text);
	free(text);
	return 0;
}
