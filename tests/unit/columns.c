/* columns.c — import header matching: columns_normalise (folded, lower
 * case, letters and digits only: "N° facture" -> "nfacture"), and
 * columns_map: canonical names, French/Dutch/German synonyms, case and
 * accents ignored, no prefix matching, unknown and empty header cells,
 * duplicate columns warned about, --map overrides (normalised, winning
 * over synonyms, unknown canonical names ignored), and the list of
 * missing required columns (also when the buffer is small). */
#include "ledger/columns.h"
#include "tap.h"

enum { C_INVOICE, C_ACCOUNT, C_DUE, C_AMOUNT, C_CURRENCY, C_REFERENCE, C_COUNT };

static const struct column_def defs[C_COUNT] = {
	{"invoice_no", 1, "invoice no|invoice number|n\xc2\xb0 facture|num\xc3\xa9ro de facture|facture|"
			  "factuurnummer|rechnungsnummer"},
	{"account_no", 1, "customer|client|n\xc2\xb0 client|klant|kundennummer"},
	{"due_date", 1, "due|\xc3\xa9" "ch\xc3\xa9" "ance|date d'\xc3\xa9" "ch\xc3\xa9" "ance|vervaldatum|"
			"f\xc3\xa4lligkeitsdatum"},
	{"amount", 1, "total|montant|bedrag|betrag"},
	{"currency", 0, "devise|munt|w\xc3\xa4hrung"},
	{"reference", 0, NULL},
};

/* Splits a ';'-separated header line into fields that point into it (so
 * that no field is NUL-terminated except the last). */
static size_t split(const char *line, struct csv_field *f, size_t max)
{
	size_t n = 0;
	const char *p = line;
	for (;;) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		if (n < max)
			f[n].s = p, f[n].n = len;
		n++;
		if (!semi)
			break;
		p = semi + 1;
	}
	return n;
}

struct warnings {
	int count;
	char last[512];
};

static void warn_cb(void *ctx, const char *msg)
{
	struct warnings *w = ctx;
	w->count++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

struct mapping {
	int idx[COLUMNS_MAX];
	int nmissing;
	char missing[256];
	struct warnings w;
};

static void map(const char *line, const struct column_override *ov, size_t nov, struct mapping *m)
{
	struct csv_field f[COLUMNS_MAX];
	size_t n = split(line, f, COLUMNS_MAX);
	memset(m, 0, sizeof *m);
	for (int i = 0; i < COLUMNS_MAX; i++)
		m->idx[i] = 77;
	m->nmissing = columns_map(defs, C_COUNT, f, n, ov, nov, m->idx, m->missing, sizeof m->missing,
				  warn_cb, &m->w);
}

/* The mapping as "i,a,d,m,c,r" for one-line comparisons. */
static const char *idx_str(const struct mapping *m)
{
	static char buf[64];
	snprintf(buf, sizeof buf, "%d,%d,%d,%d,%d,%d", m->idx[0], m->idx[1], m->idx[2], m->idx[3],
		 m->idx[4], m->idx[5]);
	return buf;
}

static const char *norm(const char *s, size_t size)
{
	static char buf[128];
	memset(buf, 'Z', sizeof buf);
	columns_normalise(s, strlen(s), buf, size);
	return buf;
}

static void test_normalise(void)
{
	static const struct { const char *in, *want; } cases[] = {
		{"N\xc2\xb0 facture", "nfacture"},
		{"N\xc2\xb0 Facture", "nfacture"},
		{"Date d'\xc3\xa9" "ch\xc3\xa9" "ance", "datedecheance"},
		{"DATE D'\xc3\x89" "CH\xc3\x89" "ANCE", "datedecheance"},
		{"E\xcc\x81" "che\xcc\x81" "ance", "echeance"},
		{"  Invoice_No  ", "invoiceno"},
		{"invoice-no", "invoiceno"},
		{"Montant TTC (\xe2\x82\xac)", "montantttc"},
		{"F\xc3\xa4lligkeitsdatum", "falligkeitsdatum"},
		{"Stra\xc3\x9f" "e", "strasse"},
		{"\xc5\x92UVRE", "oeuvre"},
		{"Rechnungs-Nr.", "rechnungsnr"},
		{"NUM\xc3\x89RO", "numero"},
		{"Col 2", "col2"},
		{"Code TVA/BTW #1", "codetvabtw1"},
		{"\xce\xa9", ""},
		{"\xe6\x97\xa5\xe4\xbb\x98", ""},
		{"", ""},
		{"\xef\xbb\xbfinvoice", "invoice"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(norm(cases[i].in, 128), cases[i].want, "normalise \"%s\"", cases[i].in);
	is_str(norm("abcdefgh", 5), "abcd", "normalise truncates to size-1");
	is_str(norm("Abc", 1), "", "normalise into one byte is empty");
	char out[32];
	columns_normalise("Facture;Client", 7, out, sizeof out);
	is_str(out, "facture", "normalise reads only n bytes");
}

static void test_names_and_synonyms(void)
{
	struct mapping m;

	map("invoice_no;account_no;due_date;amount;currency;reference", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,2,3,4,5", "canonical names");
	is_int(m.nmissing, 0, "canonical names: nothing missing");
	is_str(m.missing, "", "canonical names: missing list empty");
	is_int(m.w.count, 0, "canonical names: no warning");
	is_int(m.idx[C_COUNT], 77, "idx past ndefs is not written");

	map("Invoice No;ACCOUNT-NO;Due Date;Amount;Currency;Reference", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,2,3,4,5", "canonical names in other spellings");

	map("N\xc2\xb0 Facture;Client;Date d'\xc3\xa9" "ch\xc3\xa9" "ance;Montant;Devise", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,2,3,4,-1", "French header");
	is_int(m.nmissing, 0, "French header: nothing missing (reference is optional)");

	map("Bedrag;Vervaldatum;Klant;Factuurnummer", NULL, 0, &m);
	is_str(idx_str(&m), "3,2,1,0,-1,-1", "Dutch header in another order");
	is_int(m.nmissing, 0, "Dutch header: nothing missing");

	map("Rechnungsnummer;Kundennummer;F\xc3\xa4lligkeitsdatum;Betrag;W\xc3\xa4hrung", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,2,3,4,-1", "German header");

	map("NUMERO DE FACTURE;CLIENT;ECHEANCE;MONTANT;DEVISE", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,2,3,4,-1", "upper case without accents matches accented synonyms");

	map("f\xc3\xa1" "ct\xc3\xbc" "r\xc3\xab;cl\xc3\xaf" "ent;\xc3\x89" "CH\xc3\x89" "ANCE;m\xc3\xb4ntant", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,2,3,-1,-1", "accents where the synonyms have none");

	map("Foo;Facture;Bar;Client;\xc3\x89" "ch\xc3\xa9" "ance;Montant;Baz", NULL, 0, &m);
	is_str(idx_str(&m), "1,3,4,5,-1,-1", "unknown columns are skipped");
	is_int(m.w.count, 0, "unknown columns: no warning");

	map("Facture Date;Montant HT;Client No;Due;Facture;Client;Total", NULL, 0, &m);
	is_str(idx_str(&m), "4,5,3,6,-1,-1", "no prefix matching (Facture Date, Montant HT, Client No)");

	map(";Facture;;Client;\xc2\xb0;\xc3\x89" "ch\xc3\xa9" "ance;Montant", NULL, 0, &m);
	is_str(idx_str(&m), "1,3,5,6,-1,-1", "empty header cells and punctuation-only cells are skipped");
	is_int(m.w.count, 0, "empty cells: no warning");
}

static void test_missing(void)
{
	struct mapping m;

	map("Facture;Montant", NULL, 0, &m);
	is_int(m.nmissing, 2, "two required columns missing");
	is_str(m.missing, "account_no, due_date", "missing list");
	is_str(idx_str(&m), "0,-1,-1,1,-1,-1", "found columns still mapped");

	map("Foo;Bar;Devise", NULL, 0, &m);
	is_int(m.nmissing, 4, "all four required columns missing");
	is_str(m.missing, "invoice_no, account_no, due_date, amount", "all required listed, optional not");

	struct csv_field none[1];
	int idx[COLUMNS_MAX];
	char missing[64] = "junk";
	is_int(columns_map(defs, C_COUNT, none, 0, NULL, 0, idx, missing, sizeof missing, NULL, NULL), 4,
	       "an empty header misses the four required columns");
	is_str(missing, "invoice_no, account_no, due_date, amount", "empty header missing list");

	struct csv_field f[4];
	size_t n = split("Foo;Bar", f, 4);
	char small[12];
	memset(small, 'Z', sizeof small);
	is_int(columns_map(defs, C_COUNT, f, n, NULL, 0, idx, small, sizeof small, NULL, NULL), 4,
	       "small missing buffer: still four missing");
	ok(memchr(small, '\0', sizeof small) != NULL, "small missing buffer is NUL-terminated");
	ok(strncmp(small, "invoice_no", 10) == 0, "small missing buffer starts with the first name");

	char zero[4] = "abc";
	is_int(columns_map(defs, C_COUNT, f, n, NULL, 0, idx, zero, 0, NULL, NULL), 4,
	       "missing_size 0: still counted");
	is_str(zero, "abc", "missing_size 0: buffer untouched");
}

static void test_duplicates(void)
{
	struct mapping m;

	map("Facture;Client;N\xc2\xb0 facture;\xc3\x89" "ch\xc3\xa9" "ance;Montant", NULL, 0, &m);
	is_str(idx_str(&m), "0,1,3,4,-1,-1", "the first of two invoice columns wins");
	is_int(m.w.count, 1, "one warning for the duplicate");
	is_str(m.w.last, "column \"N\xc2\xb0 facture\" ignored: invoice_no is read from column \"Facture\"",
	       "duplicate warning text");

	map("invoice_no;Facture;Client;Due;Total;Montant;Bedrag", NULL, 0, &m);
	is_str(idx_str(&m), "0,2,3,4,-1,-1", "canonical name first, then synonyms");
	is_int(m.w.count, 3, "three warnings (Facture, Montant, Bedrag)");
	is_str(m.w.last, "column \"Bedrag\" ignored: amount is read from column \"Total\"", "last warning text");

	struct csv_field f[8];
	int idx[COLUMNS_MAX];
	char missing[64];
	size_t n = split("Facture;Facture;Client;Due;Total", f, 8);
	is_int(columns_map(defs, C_COUNT, f, n, NULL, 0, idx, missing, sizeof missing, NULL, NULL), 0,
	       "duplicates without a warn callback");
	is_int(idx[C_INVOICE], 0, "duplicates without a warn callback: the first wins");
}

static void test_overrides(void)
{
	struct mapping m;
	static const char header[] = "Montant;Total TTC;Facture;Client;\xc3\x89" "ch\xc3\xa9" "ance";

	map(header, NULL, 0, &m);
	is_int(m.idx[C_AMOUNT], 0, "without --map, Montant is the amount");

	static const struct column_override ttc[] = {{"amount", "Total TTC"}};
	map(header, ttc, 1, &m);
	is_str(idx_str(&m), "2,3,4,1,-1,-1", "--map amount=Total TTC");
	is_int(m.nmissing, 0, "--map: nothing missing");
	is_int(m.w.count, 1, "--map: the synonym column is reported as ignored");
	is_str(m.w.last, "column \"Montant\" ignored: amount is read from column \"Total TTC\"",
	       "--map: warning text");

	static const struct column_override loose[] = {{"amount", "  TOTAL-ttc "}};
	map(header, loose, 1, &m);
	is_int(m.idx[C_AMOUNT], 1, "--map header is compared normalised");

	static const struct column_override steal[] = {{"invoice_no", "Client"}, {"account_no", "Ref"}};
	map("Client;Ref;Due;Total", steal, 2, &m);
	is_str(idx_str(&m), "0,1,2,3,-1,-1", "--map takes a header that is another column's synonym");
	is_int(m.nmissing, 0, "--map steal: nothing missing");
	is_int(m.w.count, 0, "--map steal: no warning");

	static const struct column_override nfact[] = {{"invoice_no", "n\xc2\xb0 fact."}};
	map("N\xc2\xb0 Fact;Client;Due;Total", nfact, 1, &m);
	is_int(m.idx[C_INVOICE], 0, "--map with accents and punctuation");

	static const struct column_override ref[] = {{"reference", "Communication"}, {"currency", "Monnaie"}};
	map("Facture;Client;Due;Total;Communication;Monnaie", ref, 2, &m);
	is_str(idx_str(&m), "0,1,2,3,5,4", "--map optional columns, including one without synonyms");

	static const struct column_override unknown[] = {{"no_such_column", "Facture"}};
	map("Facture;Client;Due;Total", unknown, 1, &m);
	is_str(idx_str(&m), "0,1,2,3,-1,-1", "--map of an unknown canonical name changes nothing");

	static const struct column_override caseful[] = {{"AMOUNT", "Total TTC"}};
	map(header, caseful, 1, &m);
	is_int(m.idx[C_AMOUNT], 0, "--map canonical names are exact (AMOUNT is not amount)");
}

int main(void)
{
	test_normalise();
	test_names_and_synonyms();
	test_missing();
	test_duplicates();
	test_overrides();
	return done_testing();
}
