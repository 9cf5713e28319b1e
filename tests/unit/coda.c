/* coda.c — CODA statements read and written (src/bank/coda.c,
 * coda_write.c): a file built in C written and read back field by field;
 * tests/data/bank's hand-made files (two statements, an OGM, free text
 * with invoice numbers, a debit, reversals, a globalised movement and its
 * details, an OGM that does not check, Latin-1 text, LF and CRLF); the
 * broken ones refused with file, line, record and field; the warning for
 * a statement that does not add up; what the writer refuses. */
#include "bank/lib.h"
#include "base/lib.h"
#include "tap.h"

#include <errno.h>
#include <stdlib.h>

static char *data_path(const char *name)
{
	static char p[512];
	const char *dir = getenv("TESTS_DATA");
	snprintf(p, sizeof p, "%s/bank/%s", dir && dir[0] ? dir : "tests/data", name);
	return p;
}

static char *load(const char *name, size_t *len)
{
	struct sbuf b = {0};
	if (sbuf_read_file(&b, data_path(name))) {
		printf("# cannot read %s\n", data_path(name));
		*len = 0;
		return NULL;
	}
	*len = b.len;
	return b.s;
}

static void str_is(const char *got, const char *want, const char *what)
{
	if (!want)
		ok(got == NULL, "%s: none (got \"%s\")", what, got ? got : "");
	else
		is_str(got, want, "%s", what);
}

/* ---- the writer and the reader agree ------------------------------------ */

static void movement(struct bank_statement *s, const char *booking, const char *value, int64_t amount, int reversal,
		     const char *name, const char *iban, const char *bic, const char *ref, const char *comm,
		     const char *bank_ref)
{
	struct bank_movement *m = bank_statement_add(s);
	snprintf(m->booking_date, sizeof m->booking_date, "%s", booking);
	snprintf(m->value_date, sizeof m->value_date, "%s", value);
	m->amount = amount;
	memcpy(m->currency, "EUR", 4);
	m->reversal = reversal;
	m->counterparty = name ? xstrdup(name) : NULL;
	m->iban = iban ? xstrdup(iban) : NULL;
	m->bic = bic ? xstrdup(bic) : NULL;
	m->reference = ref ? xstrdup(ref) : NULL;
	m->communication = comm ? xstrdup(comm) : NULL;
	m->bank_ref = bank_ref ? xstrdup(bank_ref) : NULL;
}

static struct bank_statement *statement(struct bank_file *f, const char *iban, const char *seq, const char *date,
					int64_t opening, int64_t closing)
{
	struct bank_statement *s = bank_file_add(f);
	s->format = BANK_CODA;
	s->iban = xstrdup(iban);
	s->seq = xstrdup(seq);
	memcpy(s->currency, "EUR", 4);
	snprintf(s->date, sizeof s->date, "%s", date);
	s->has_balances = 1;
	s->opening = opening;
	s->closing = closing;
	return s;
}

static const char long_text[] =
	"Paiement des factures VF-1001, VF-1002 et VF-1003 du mois d'octobre, avec nos excuses pour le retard "
	"dû à un changement de banque chez nous; la facture VF-1004 suivra la semaine prochaine après "
	"validation par notre service comptable à Liège, merci de votre patience et à bientôt.";

static void build(struct bank_file *f)
{
	memset(f, 0, sizeof *f);
	struct bank_statement *s = statement(f, "BE68539007547034", "045", "2026-11-21", 100000, 0);
	movement(s, "2026-11-21", "2026-11-20", 12100, 0, "Société Générale", "BE71096123456769", "GEBABEBB",
		 "123456789002", NULL, "0001ABCD0000000000001");
	movement(s, "2026-11-21", "2026-11-21", 25000, 0, "Brasserie De Koninck", "BE43068244477201", "KREDBEBB",
		 NULL, "Facture VF-1001 et VF-1002", "0002ABCD");
	movement(s, "2026-11-21", "", -8000, 0, NULL, NULL, NULL, NULL, "Loyer novembre", NULL);
	movement(s, "2026-11-21", "2026-11-21", -5000, 1, "Müller GmbH", "DE89370400440532013000", "COBADEFFXXX",
		 NULL, "Annulation € 50", "R1");
	movement(s, "2026-11-21", "2026-11-21", 33333, 0, "Brasserie De Koninck", "BE43068244477201", NULL,
		 "000000010104", "acompte VF-1005 et VF-1006", NULL);
	movement(s, "2026-11-21", "2026-11-21", 99999999000000LL, 0, NULL, NULL, NULL, NULL, long_text, NULL);
	int64_t sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->mv[i].amount;
	s->closing = s->opening + sum;
	s = statement(f, "NL91ABNA0417164300", "7", "2027-01-04", -2050, 0);
	movement(s, "2027-01-04", "2027-01-03", 2050, 1, "Jansen BV", "NL91ABNA0417164300", NULL, NULL, NULL, NULL);
	s->closing = 0;
}

static void same_movement(const struct bank_movement *got, const struct bank_movement *want, const char *what)
{
	char w[200];
	snprintf(w, sizeof w, "%s: booking date", what), is_str(got->booking_date, want->booking_date, "%s", w);
	snprintf(w, sizeof w, "%s: value date", what), is_str(got->value_date, want->value_date, "%s", w);
	is_int(got->amount, want->amount, "%s: amount", what);
	is_str(got->currency, want->currency, "%s: currency", what);
	is_int(got->reversal, want->reversal, "%s: reversal", what);
	snprintf(w, sizeof w, "%s: counterparty", what), str_is(got->counterparty, want->counterparty, w);
	snprintf(w, sizeof w, "%s: iban", what), str_is(got->iban, want->iban, w);
	snprintf(w, sizeof w, "%s: bic", what), str_is(got->bic, want->bic, w);
	snprintf(w, sizeof w, "%s: reference", what), str_is(got->reference, want->reference, w);
	snprintf(w, sizeof w, "%s: communication", what), str_is(got->communication, want->communication, w);
	snprintf(w, sizeof w, "%s: bank reference", what), str_is(got->bank_ref, want->bank_ref, w);
}

static void test_round_trip(void)
{
	struct bank_file f, back;
	build(&f);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	is_int(coda_write(mem, &f), 0, "round trip: written");
	fclose(mem);

	/* every record 128 characters and CRLF */
	size_t lines = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - buf) - i : len - i;
		if (n != 129 || buf[i + 128] != '\r')
			bad++;
		lines++;
		i += n + 1;
	}
	is_int(bad, 0, "round trip: %zu records, each 128 characters and CRLF", lines);
	ok(len > 0 && buf[len - 1] == '\n', "round trip: the file ends with a newline");

	char err[512] = "", warn[512] = "x";
	int rc = bank_read("mem.cod", buf, len, &back, err, sizeof err, warn, sizeof warn);
	is_int(rc, 0, "round trip: read back (%s)", err);
	is_str(warn, "", "round trip: the statements add up");
	is_int(back.n, f.n, "round trip: statements");
	for (size_t i = 0; i < f.n && i < back.n; i++) {
		const struct bank_statement *g = &back.st[i], *w = &f.st[i];
		is_int(g->format, BANK_CODA, "statement %zu: format", i);
		is_str(g->iban, w->iban, "statement %zu: iban", i);
		is_str(g->currency, w->currency, "statement %zu: currency", i);
		is_str(g->date, w->date, "statement %zu: date", i);
		is_int(g->has_balances, 1, "statement %zu: balances", i);
		is_int(g->opening, w->opening, "statement %zu: opening", i);
		is_int(g->closing, w->closing, "statement %zu: closing", i);
		is_int(g->n, w->n, "statement %zu: movements", i);
		for (size_t j = 0; j < g->n && j < w->n; j++) {
			char what[64];
			snprintf(what, sizeof what, "statement %zu movement %zu", i, j);
			same_movement(&g->mv[j], &w->mv[j], what);
		}
	}
	if (back.n == 2) {
		is_str(back.st[0].seq, "045", "statement 0: seq as written");
		is_str(back.st[0].id, "coda:BE68539007547034:2026:045", "statement 0: id");
		is_str(back.st[1].seq, "007", "statement 1: seq, three digits");
		is_str(back.st[1].id, "coda:NL91ABNA0417164300:2027:007", "statement 1: id (a foreign IBAN)");
		ok(back.st[0].mv[0].line == 3 && back.st[0].mv[1].line == 6, "movements' lines: %u %u",
		   back.st[0].mv[0].line, back.st[0].mv[1].line);
	}
	bank_file_free(&back);
	free(buf);

	/* an RF reference has no structured type in CODA: it goes before the text */
	struct bank_statement *s = &f.st[0];
	free(s->mv[2].reference);
	s->mv[2].reference = xstrdup("RF18539007547034");
	mem = open_memstream(&buf, &len);
	is_int(coda_write(mem, &f), 0, "RF reference: written");
	fclose(mem);
	rc = bank_read("mem.cod", buf, len, &back, err, sizeof err, warn, sizeof warn);
	is_int(rc, 0, "RF reference: read back (%s)", err);
	if (!rc) {
		str_is(back.st[0].mv[2].reference, NULL, "RF reference: not a structured communication");
		is_str(back.st[0].mv[2].communication, "RF18539007547034 Loyer novembre", "RF reference: before the text");
		bank_file_free(&back);
	}
	free(buf);
	bank_file_free(&f);
}

static void test_write_refused(void)
{
	struct bank_file f;
	char *buf;
	size_t len;
	struct {
		const char *what;
		int field;
		const char *value;
		int err;
	} cases[] = {
		{"a name of 36 characters", 0, "Brasserie De Koninck et Fils Réunies", EOVERFLOW},
		{"a name with a character CP1252 lacks", 0, "Ωmega", EILSEQ},
		{"a communication with a newline", 1, "line\nother", EILSEQ},
		{"a sequence number of four digits", 2, "1234", EINVAL},
		{"a bank reference of 22 characters", 3, "0123456789012345678901", EOVERFLOW},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		build(&f);
		char **slot = cases[i].field == 0 ? &f.st[0].mv[0].counterparty
			    : cases[i].field == 1 ? &f.st[0].mv[1].communication
			    : cases[i].field == 2 ? &f.st[0].seq
						  : &f.st[0].mv[0].bank_ref;
		free(*slot);
		*slot = xstrdup(cases[i].value);
		FILE *mem = open_memstream(&buf, &len);
		errno = 0;
		int rc = coda_write(mem, &f);
		int e = errno;
		fclose(mem);
		free(buf);
		ok(rc == -1 && e == cases[i].err, "writer refuses %s (rc %d, errno %d)", cases[i].what, rc, e);
		bank_file_free(&f);
	}
	/* a name of exactly 35 characters (accents are one byte in CP1252) fits */
	build(&f);
	free(f.st[0].mv[0].counterparty);
	f.st[0].mv[0].counterparty = xstrdup("Brasserie De Koninck et Fils Réunis");
	FILE *mem = open_memstream(&buf, &len);
	is_int(coda_write(mem, &f), 0, "a name of 35 characters with an accent fits");
	fclose(mem);
	free(buf);
	bank_file_free(&f);
}

/* ---- the hand-made files ---------------------------------------------------- */

static void test_two_statements(void)
{
	size_t len;
	char *data = load("coda-two.cod", &len);
	struct bank_file f;
	char err[512] = "", warn[512] = "x";
	int rc = bank_read("coda-two.cod", data ? data : "", len, &f, err, sizeof err, warn, sizeof warn);
	is_int(rc, 0, "coda-two.cod: read (%s)", err);
	is_str(warn, "", "coda-two.cod: both statements add up");
	free(data);
	if (rc)
		return;
	is_int(f.n, 2, "coda-two.cod: two statements");
	if (f.n != 2) {
		bank_file_free(&f);
		return;
	}
	const struct bank_statement *s = &f.st[0];
	is_str(s->id, "coda:BE68539007547034:2026:045", "statement 1: id");
	is_str(s->iban, "BE68539007547034", "statement 1: iban");
	is_str(s->currency, "EUR", "statement 1: currency");
	is_str(s->seq, "045", "statement 1: seq");
	is_str(s->date, "2026-11-21", "statement 1: date (the new balance's)");
	ok(s->has_balances && s->opening == 100000 && s->closing == 154100, "statement 1: balances %lld %lld",
	   (long long)s->opening, (long long)s->closing);
	is_int(s->n, 5, "statement 1: five movements (the globalised one's details are not movements)");
	if (s->n == 5) {
		const struct bank_movement *m = &s->mv[0];
		is_int(m->amount, 12100, "OGM: amount");
		is_str(m->reference, "123456789002", "OGM: the reference, stored form");
		str_is(m->communication, NULL, "OGM: no free text");
		is_str(m->counterparty, "Société Générale", "OGM: counterparty, Latin-1 made UTF-8");
		is_str(m->iban, "BE71096123456769", "OGM: counterparty's IBAN, without the currency after it");
		is_str(m->bic, "GEBABEBB", "OGM: BIC");
		is_str(m->bank_ref, "0001ABCD0000000000001", "OGM: bank reference");
		is_str(m->booking_date, "2026-11-21", "OGM: booking date");
		is_str(m->value_date, "2026-11-21", "OGM: value date");
		is_int(m->line, 3, "OGM: line of its 2.1");
		is_int(m->reversal, 0, "OGM: no reversal");

		m = &s->mv[1];
		is_int(m->amount, 25000, "free text: amount");
		is_str(m->communication, "Facture VF-1001 et VF-1002, merci pour votre confiance et a bientot",
		       "free text: 2.1 and 2.2 are one zone");
		str_is(m->reference, NULL, "free text: no reference");
		is_str(m->iban, "BE43068244477201", "free text: IBAN without blanks, upper case");
		is_str(m->counterparty, "Brasserie De Koninck", "free text: counterparty");

		m = &s->mv[2];
		is_int(m->amount, -8000, "debit: a negative amount");
		is_str(m->communication, "Loyer novembre", "debit: communication");
		ok(!m->counterparty && !m->iban && !m->bic, "debit: no counterparty records, nothing made up");
		is_int(m->reversal, 0, "debit: no reversal");

		m = &s->mv[3];
		is_int(m->reversal, 1, "transaction 01-49: a reversal");
		is_int(m->amount, -5000, "reversal: amount");
		is_str(m->value_date, "", "value date 000000: none");

		m = &s->mv[4];
		is_int(m->amount, 30000, "globalised: the total is the movement");
		is_str(m->communication, "Lot de paiements Remise 17 du client +++000/0001/00131+++ VF-1003",
		       "globalised: its 3.1 and its details' communications appended");
		str_is(m->reference, NULL, "globalised: a detail's OGM is no reference of the total");
		is_int(m->line, 11, "globalised: line of its 2.1");
	}
	s = &f.st[1];
	is_str(s->id, "coda:BE68539007547034:2026:046", "statement 2: id");
	ok(s->opening == 154100 && s->closing == 167650, "statement 2: balances");
	is_int(s->n, 2, "statement 2: two movements");
	if (s->n == 2) {
		str_is(s->mv[0].reference, NULL, "an OGM whose check is wrong is no reference");
		is_str(s->mv[0].communication, "+++123/4567/89000+++", "an OGM whose check is wrong stays as text");
		is_int(s->mv[1].reversal, 1, "R-transaction type 2 (return) in 2.2: a reversal");
		is_int(s->mv[1].amount, 7550, "return: amount");
		is_str(s->mv[1].bic, "BBRUBEBB", "return: BIC");
		is_int(s->mv[1].line, 20, "return: line");
	}
	bank_file_free(&f);
}

static void test_unbalanced(void)
{
	size_t len;
	char *data = load("coda-unbalanced.cod", &len);
	struct bank_file f;
	char err[512] = "", warn[512] = "";
	int rc = bank_read("coda-unbalanced.cod", data ? data : "", len, &f, err, sizeof err, warn, sizeof warn);
	is_int(rc, 0, "unbalanced (LF, no final newline): read (%s)", err);
	is_str(warn,
	       "coda-unbalanced.cod: statement coda:BE68539007547034:2026:050 does not add up: "
	       "opening 0.00 + movements 10.00 is not closing 20.00",
	       "unbalanced: the warning");
	if (!rc) {
		is_int(f.n, 1, "unbalanced: the statement is read");
		bank_file_free(&f);
	}
	free(data);
}

static void refused(const char *name, const char *data, size_t len, const char *want)
{
	struct bank_file f;
	char err[512] = "", warn[64] = "";
	int rc = bank_read(name, data, len, &f, err, sizeof err, warn, sizeof warn);
	is_int(rc, -1, "%s: refused", name);
	is_str(err, want, "%s: message", name);
	ok(f.n == 0 && f.st == NULL, "%s: nothing kept", name);
}

static void test_bad_files(void)
{
	struct {
		const char *name, *want;
	} cases[] = {
		{"coda-bad-length.cod", "coda-bad-length.cod:3: record 2.1: 127 characters, not 128"},
		{"coda-bad-version.cod",
		 "coda-bad-version.cod:1: record 0: version: CODA version 1 (column 128) is not read: ask the bank for version 2"},
		{"coda-bad-trailer.cod",
		 "coda-bad-trailer.cod:8: record 9: credit total: 100.00 in the trailer, but the movements (2.1 of detail 0000) add up to 135.50"},
		{"coda-bad-amount.cod",
		 "coda-bad-amount.cod:3: record 2.1: amount: not 15 digits: 16 from column 33 (the record is 129 characters, not 128)"},
		{"coda-bad-date.cod",
		 "coda-bad-date.cod:3: record 2.1: booking date: '310226' (column 116) is not a date DDMMYY"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len;
		char *data = load(cases[i].name, &len);
		refused(cases[i].name, data ? data : "", len, cases[i].want);
		free(data);
	}
}

/* coda-two.cod's second statement (lines 17-24) with line `line` (1-8)
 * replaced by `with` at column `col` (a NULL with: the line removed). */
static char *variant(int line, int col, const char *with, size_t *len)
{
	size_t all;
	char *data = load("coda-two.cod", &all);
	struct sbuf b = {0};
	int n = 0;
	for (size_t i = 0; data && i < all;) {
		const char *nl = memchr(data + i, '\n', all - i);
		size_t end = nl ? (size_t)(nl - data) + 1 : all;
		if (++n > 16) {
			int k = n - 16;
			if (k == line && with) {
				char rec[200];
				memcpy(rec, data + i, end - i);
				memcpy(rec + col - 1, with, strlen(with));
				sbuf_put(&b, rec, end - i);
			} else if (k != line)
				sbuf_put(&b, data + i, end - i);
		}
		i = end;
	}
	free(data);
	*len = b.len;
	return b.s;
}

static void test_bad_records(void)
{
	struct {
		int line, col;
		const char *with, *want;
	} cases[] = {
		{3, 33, "00000000006000x", "t.cod:3: record 2.1: amount: not 15 digits ('00000000006000x', column 33)"},
		{3, 33, "000000000060005",
		 "t.cod:3: record 2.1: amount: 60.005 has a tenth of a cent: amounts are kept in whole cents"},
		{3, 32, "7", "t.cod:3: record 2.1: sign: '7' (column 32) is neither 0 (credit) nor 1 (debit)"},
		{1, 128, "3", "t.cod:1: record 0: version: '3' (column 128) is not a CODA version this reader knows (2 expected)"},
		{1, 6, "300226", "t.cod:1: record 0: creation date: '300226' (column 6) is not a date DDMMYY"},
		{3, 1, "5", "t.cod:3: '5' is not a CODA record type (0, 1, 2.1-2.3, 3.1-3.3, 4, 8 or 9)"},
		{3, 1, "24", "t.cod:3: '24' is not a CODA record type (0, 1, 2.1-2.3, 3.1-3.3, 4, 8 or 9)"},
		{3, 70, "\t", "t.cod:3: record 2.1: column 70: byte 0x09 is not text (CP1252)"},
		{3, 70, "\x81", "t.cod:3: record 2.1: column 70: byte 0x81 is not text (CP1252)"},
		{3, 62, "2", "t.cod:3: record 2.1: communication type: '2' (column 62) is neither 0 (free) nor 1 (structured)"},
		{3, 7, "0001", "t.cod:3: record 2.1: detail number: detail 0001 of movement 0001, which is not the movement before it"},
		{5, 3, "0003", "t.cod:5: record 2.2: sequence number: 0003, but the movement before it (line 4) is 0002"},
		{8, 17, "000009", "t.cod:8: record 9: number of records: 9 in the trailer, but the statement has 5 (records 1, 2.x, 3.x and 8)"},
		{8, 23, "000000000001000",
		 "t.cod:8: record 9: debit total: 1.00 in the trailer, but the movements (2.1 of detail 0000) add up to 0.00"},
		{7, 58, "000000", "t.cod:7: record 8: new balance date: '000000' (column 58) is not a date DDMMYY"},
		{2, 2, "7", "t.cod:2: record 1: account structure: '7' (column 2) is not 0, 1, 2 or 3"},
		{2, 10, "-", "t.cod:2: record 1: account: 'BE68-39007547034' (column 6) is not an account number: letters and digits"},
		{2, 40, "eur", "t.cod:2: record 1: currency: 'eur' (column 40) is not a currency code"},
		{2, 0, NULL, "t.cod:2: record 2.1: not expected here: the old balance (record 1) expected after the header"},
		{7, 0, NULL, "t.cod:7: record 9: not expected here: movements (2.x, 3.x), free messages (4) or the new balance (8) expected"},
		{8, 0, NULL, "t.cod:8: the file ends before the trailer (record 9) of the statement begun on line 1"},
		{1, 0, NULL, "t.cod:1: not a bank statement: neither CODA (a first record 0000...) nor camt XML"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len;
		char *data = variant(cases[i].line, cases[i].col, cases[i].with, &len);
		refused("t.cod", data ? data : "", len, cases[i].want);
		free(data);
	}

	/* an empty line inside the file, and blank lines after its end */
	size_t len;
	char *data = variant(0, 0, NULL, &len);
	struct sbuf b = {0};
	sbuf_put(&b, data, 260);
	sbuf_puts(&b, "\r\n");
	sbuf_put(&b, data + 260, len - 260);
	refused("t.cod", b.s, b.len, "t.cod:3: an empty line: every CODA record is 128 characters");
	sbuf_free(&b);
	sbuf_put(&b, data, len);
	sbuf_puts(&b, "\r\n\r\n");
	struct bank_file f;
	char err[512] = "", warn[64];
	is_int(bank_read("t.cod", b.s, b.len, &f, err, sizeof err, warn, sizeof warn), 0,
	       "blank lines after the last record are allowed (%s)", err);
	if (!err[0])
		bank_file_free(&f);
	sbuf_free(&b);
	/* a UTF-8 byte order mark before the header */
	sbuf_puts(&b, "\xEF\xBB\xBF");
	sbuf_put(&b, data, len);
	err[0] = '\0';
	is_int(bank_read("t.cod", b.s, b.len, &f, err, sizeof err, warn, sizeof warn), 0,
	       "a byte order mark is skipped (%s)", err);
	if (!err[0])
		bank_file_free(&f);
	sbuf_free(&b);
	free(data);
}

/* data[0..len) with line `line` (from 1) overwritten at column col */
static void patch(char *data, size_t len, int line, int col, const char *with)
{
	size_t i = 0;
	for (int n = 1; n < line && i < len; n++) {
		const char *nl = memchr(data + i, '\n', len - i);
		i = nl ? (size_t)(nl - data) + 1 : len;
	}
	if (i + (size_t)col - 1 + strlen(with) <= len)
		memcpy(data + i + col - 1, with, strlen(with));
}

/* The id: the CODA sequence number (columns 126-128 of record 1), which
 * each daily statement has of its own, not the paper statement's number
 * (columns 3-5), which a week's or a month's share. */
static void test_ids(void)
{
	size_t len;
	char *data = variant(2, 126, "101", &len);
	struct bank_file f;
	char err[512] = "", warn[512];
	if (is_int(bank_read("t.cod", data, len, &f, err, sizeof err, warn, sizeof warn), 0, "paper 046, CODA 101 (%s)", err)) {
		is_str(f.st[0].id, "coda:BE68539007547034:2026:101", "the id has the CODA sequence number");
		is_str(f.st[0].seq, "101", "and so has seq");
		is_int(f.st[0].line, 2, "the statement's line: its record 1");
		bank_file_free(&f);
	}
	free(data);
	data = variant(2, 126, "000", &len);
	if (is_int(bank_read("t.cod", data, len, &f, err, sizeof err, warn, sizeof warn), 0, "CODA 000 (%s)", err)) {
		is_str(f.st[0].id, "coda:BE68539007547034:2026:046", "without one, the paper statement number");
		bank_file_free(&f);
	}
	free(data);
	data = variant(2, 3, "000", &len);
	patch(data, len, 2, 126, "000");
	if (is_int(bank_read("t.cod", data, len, &f, err, sizeof err, warn, sizeof warn), 0, "both 000 (%s)", err)) {
		is_str(f.st[0].id, "coda:BE68539007547034:2026:d1122", "without either, the new balance's day");
		bank_file_free(&f);
	}
	free(data);

	/* two days of one paper statement: two statements */
	data = load("coda-two.cod", &len);
	patch(data, len, 18, 3, "045");
	if (is_int(bank_read("t.cod", data, len, &f, err, sizeof err, warn, sizeof warn), 0, "two days, paper 045 (%s)", err)) {
		is_str(f.st[0].id, "coda:BE68539007547034:2026:045", "the first day's id");
		is_str(f.st[1].id, "coda:BE68539007547034:2026:046", "the second day's, another");
		bank_file_free(&f);
	}
	/* two statements of one id that differ: refused */
	patch(data, len, 18, 126, "045");
	is_int(bank_read("t.cod", data, len, &f, err, sizeof err, warn, sizeof warn), -1,
	       "two statements of one id that differ are refused");
	is_str(err, "t.cod:18: statement coda:BE68539007547034:2026:045 is in the file twice with other movements: "
	       "5 movements of 541.00 in all, closing 1,541.00 on line 2; 2 movements of 135.50 in all, closing 1,676.50 here",
	       "naming both lines and what differs");
	free(data);
	/* the same statement twice: read, the book keeps one */
	data = load("coda-two.cod", &len);
	struct sbuf b = {0};
	size_t first = 0;
	for (int n = 0; n < 16; n++)
		first = (size_t)((const char *)memchr(data + first, '\n', len - first) - data) + 1;
	sbuf_put(&b, data, first);
	sbuf_put(&b, data, first);
	err[0] = '\0';
	if (is_int(bank_read("t.cod", b.s, b.len, &f, err, sizeof err, warn, sizeof warn), 0,
		   "the same statement twice in a file is read (%s)", err)) {
		is_int(f.n, 2, "both");
		bank_file_free(&f);
	}
	sbuf_free(&b);
	free(data);
}

/* today pinned to 2026-11-24: tomorrow is read, the day after refused */
static void test_future(void)
{
	today_set("2026-11-24");
	size_t len;
	struct bank_file f;
	char err[512] = "", warn[512];
	char *data = variant(3, 116, "251126", &len);
	if (is_int(bank_read("t.cod", data, len, &f, err, sizeof err, warn, sizeof warn), 0,
		   "a booking date of tomorrow is read (%s)", err))
		bank_file_free(&f);
	free(data);
	data = variant(3, 116, "261126", &len);
	refused("t.cod", data, len, "t.cod:3: booking date 2026-11-26 is after tomorrow (today is 2026-11-24): "
		"a bank books no day to come; is the file or the computer's date wrong?");
	free(data);
	data = variant(7, 58, "311299", &len);
	refused("t.cod", data, len, "t.cod:2: statement coda:BE68539007547034:2099:046: its date 2099-12-31 is after "
		"tomorrow (today is 2026-11-24): a bank books no day to come; is the file or the computer's date wrong?");
	free(data);
	today_set("2027-01-31");
}

int main(void)
{
	/* after every date of the tests' statements (the round trip's are of
	 * January 2027) */
	today_set("2027-01-31");
	test_round_trip();
	test_write_refused();
	test_two_statements();
	test_unbalanced();
	test_bad_files();
	test_bad_records();
	test_ids();
	test_future();
	return done_testing();
}
