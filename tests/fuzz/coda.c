/* coda.c (fuzz) — feeds any bytes to bank_read, which takes a file that
 * begins like a CODA header to coda_read. Checks that a refused file gives
 * a message naming the file and keeps nothing; that what is read is whole
 * (ids, accounts, ISO dates, amounts a trailer can hold, UTF-8 text); and
 * that a file read and written again by coda_write reads back the same
 * statements and money. */
#include <stdlib.h>
#include <string.h>

#include "bank/lib.h"
#include "base/lib.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

static void text_ok(const char *s, const char *what)
{
	size_t bad;
	if (s)
		FUZZ_CHECK(s[0] && utf8_valid(s, strlen(s), &bad), "%s: empty or not UTF-8", what);
}

static void date_ok(const char *d, int none_ok, const char *what)
{
	day_t day;
	if (none_ok && !d[0])
		return;
	FUZZ_CHECK(date_parse(d, strlen(d), DATE_ISO, &day) == 0, "%s: '%s' is not a date", what, d);
}

static void whole(const struct bank_file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct bank_statement *s = &f->st[i];
		FUZZ_CHECK(s->format == BANK_CODA && s->id && s->iban && s->iban[0] && s->seq, "statement %zu: no id", i);
		FUZZ_CHECK(!strncmp(s->id, "coda:", 5), "statement %zu: id %s", i, s->id);
		FUZZ_CHECK(strlen(s->currency) == 3 && s->has_balances, "statement %zu: currency or balances", i);
		FUZZ_CHECK(s->opening <= MONEY_MAX_CENTS && s->opening >= -MONEY_MAX_CENTS &&
			   s->closing <= MONEY_MAX_CENTS && s->closing >= -MONEY_MAX_CENTS, "statement %zu: balances", i);
		date_ok(s->date, 0, "statement date");
		for (size_t j = 0; j < s->n; j++) {
			const struct bank_movement *m = &s->mv[j];
			date_ok(m->booking_date, 0, "booking date");
			date_ok(m->value_date, 1, "value date");
			FUZZ_CHECK(m->amount <= MONEY_MAX_CENTS && m->amount >= -MONEY_MAX_CENTS, "amount %lld",
				   (long long)m->amount);
			FUZZ_CHECK(m->line > 0, "movement without a line");
			text_ok(m->counterparty, "counterparty");
			text_ok(m->iban, "iban");
			text_ok(m->bic, "bic");
			text_ok(m->reference, "reference");
			text_ok(m->communication, "communication");
			text_ok(m->bank_ref, "bank reference");
			if (m->reference)
				FUZZ_CHECK(strlen(m->reference) == 12, "reference %s is no OGM", m->reference);
		}
	}
}

/* Written again and read back: the same statements and money. */
static void again(const struct bank_file *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	FUZZ_CHECK(mem != NULL, "open_memstream");
	int rc = coda_write(mem, f);
	fclose(mem);
	if (rc == 0) {
		struct bank_file b;
		char err[512], warn[1024];
		FUZZ_CHECK(bank_read("again.cod", buf, len, &b, err, sizeof err, warn, sizeof warn) == 0,
			   "what coda_write wrote is refused: %s", err);
		FUZZ_CHECK(b.n == f->n, "%zu statements written, %zu read", f->n, b.n);
		for (size_t i = 0; i < b.n; i++) {
			FUZZ_CHECK(b.st[i].n == f->st[i].n && b.st[i].opening == f->st[i].opening &&
				   b.st[i].closing == f->st[i].closing && !strcmp(b.st[i].iban, f->st[i].iban),
				   "statement %zu not read back the same", i);
			for (size_t j = 0; j < b.st[i].n; j++)
				FUZZ_CHECK(b.st[i].mv[j].amount == f->st[i].mv[j].amount &&
					   b.st[i].mv[j].reversal == f->st[i].mv[j].reversal,
					   "movement %zu of statement %zu not read back the same", j, i);
		}
		bank_file_free(&b);
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bank_file f;
	char err[512] = "", warn[2048];
	/* camt is another target's: CODA only here */
	if (size < 5 || memcmp(data, "00000", 5))
		return 0;
	int rc = bank_read("fuzz.cod", (const char *)data, size, &f, err, sizeof err, warn, sizeof warn);
	if (rc) {
		FUZZ_CHECK(!strncmp(err, "fuzz.cod:", 9), "message without the file: %s", err);
		FUZZ_CHECK(f.n == 0 && f.st == NULL, "a refused file kept %zu statements", f.n);
		return 0;
	}
	whole(&f);
	again(&f);
	bank_file_free(&f);
	return 0;
}
