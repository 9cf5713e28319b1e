/* camt.c (fuzz) — feeds any bytes to bank_read as a file named fuzz.xml
 * (camt.053/054 when it is XML: libxml2's reader in camt.c). A refused
 * file leaves nothing and a message naming the file; a file read has
 * right dates, currencies and lines, and written again by camt_write it
 * reads back with the same statements, movements and amounts. */
#include <stdio.h>
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

static int a_date(const char *d, int empty_ok)
{
	if (!d[0])
		return empty_ok;
	day_t x;
	return strlen(d) == 10 && date_parse(d, 10, DATE_ISO, &x) == 0;
}

static int a_currency(const char *c)
{
	return strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bank_file f;
	char err[1024] = "", warn[2048];
	int rc = bank_read("fuzz.xml", (const char *)data, size, &f, err, sizeof err, warn, sizeof warn);
	if (rc) {
		FUZZ_CHECK(f.n == 0 && f.st == NULL, "refused, yet %zu statements kept", f.n);
		FUZZ_CHECK(!strncmp(err, "fuzz.xml:", 9), "the message names the file: %s", err);
		return 0;
	}
	for (size_t i = 0; i < f.n; i++) {
		const struct bank_statement *s = &f.st[i];
		FUZZ_CHECK(s->id && s->id[0], "statement %zu has no id", i);
		FUZZ_CHECK(a_date(s->date, 1), "statement %s: date %s", s->id, s->date);
		for (size_t j = 0; j < s->n; j++) {
			const struct bank_movement *m = &s->mv[j];
			FUZZ_CHECK(a_date(m->booking_date, 0) && a_date(m->value_date, 1), "movement %zu: dates %s %s", j,
				   m->booking_date, m->value_date);
			FUZZ_CHECK(a_currency(m->currency), "movement %zu: currency %s", j, m->currency);
			FUZZ_CHECK(m->amount > -1000000000000000LL && m->amount < 1000000000000000LL, "movement %zu: %lld", j,
				   (long long)m->amount);
			FUZZ_CHECK(m->line > 0, "movement %zu: line 0", j);
		}
	}
	/* written again, read back the same */
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	FUZZ_CHECK(out && camt_write(out, &f) == 0, "camt_write failed");
	fclose(out);
	struct bank_file g;
	rc = bank_read("again.xml", buf, len, &g, err, sizeof err, warn, sizeof warn);
	FUZZ_CHECK(rc == 0, "what camt_write wrote is refused: %s", err);
	FUZZ_CHECK(g.n == f.n, "%zu statements written, %zu read", f.n, g.n);
	for (size_t i = 0; i < f.n; i++) {
		FUZZ_CHECK(g.st[i].n == f.st[i].n, "statement %zu: %zu movements written, %zu read", i, f.st[i].n, g.st[i].n);
		for (size_t j = 0; j < f.st[i].n; j++)
			FUZZ_CHECK(g.st[i].mv[j].amount == f.st[i].mv[j].amount, "statement %zu movement %zu: %lld, then %lld",
				   i, j, (long long)f.st[i].mv[j].amount, (long long)g.st[i].mv[j].amount);
	}
	bank_file_free(&g);
	bank_file_free(&f);
	free(buf);
	return 0;
}
