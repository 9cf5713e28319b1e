/* import_customers.c — the customers file: accounts with their contact
 * data, language, segment, collector and credit limit, and the IBANs they
 * pay from (customer_ibans, source 'import': the bank's matching knows the
 * account by them). Only ledger columns are written; nothing a collector
 * made here is touched, nor an IBAN learned from a match. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import.h"
#include "book/lib.h"

enum { C_ACCOUNT, C_NAME, C_VAT, C_CONTACT, C_PHONE, C_EMAIL, C_STREET, C_POSTCODE,
       C_CITY, C_COUNTRY, C_LANGUAGE, C_SEGMENT, C_COLLECTOR, C_CREDIT_LIMIT, C_IBAN, C_COUNT };

static const struct column_def columns[C_COUNT] = {
	{"account_no", 1, ACCOUNT_SYNONYMS},
	{"name", 1, "customer name|company|company name|nom|raison sociale|nom client|"
		    "dénomination|naam|klantnaam|bedrijfsnaam|firma|firmenname"},
	{"vat_no", 0, "vat|vat number|tva|n° tva|numéro tva|numéro de tva|btw|btw nummer|"
		      "btw-nummer|ondernemingsnummer|enterprise number|ust-idnr"},
	{"contact", 0, "contact person|contact name|personne de contact|contactpersoon|ansprechpartner"},
	{"phone", 0, "telephone|tel|téléphone|phone number|gsm|mobile|telefoon|telefoonnummer|telefon"},
	{"email", 0, "e-mail|mail|courriel|adresse email|adresse e-mail|e-mailadres|emailadres"},
	{"street", 0, "address|adresse|rue|straat|adres|strasse|straße"},
	{"postcode", 0, "postal code|zip|zip code|code postal|cp|postnummer|plz"},
	{"city", 0, "town|ville|localité|commune|gemeente|stad|plaats|woonplaats|ort"},
	{"country", 0, "pays|land|country code|code pays|landcode"},
	{"language", 0, "lang|langue|taal|sprache|language code"},
	{"segment", 0, "category|catégorie|customer group|groupe|groupe client|klantengroep|categorie"},
	{"collector", 0, "credit controller|gestionnaire|gestionnaire crédit|responsable|"
			 "beheerder|incasseerder|dossierbeheerder"},
	{"credit_limit", 0, "credit limit|limite de crédit|limite crédit|plafond|plafond de crédit|"
			    "kredietlimiet|kredietlimit|kreditlimit"},
	/* one or more, separated by ';' */
	{"iban", 0, "ibans|bank account|bank account number|compte bancaire|numéro de compte|"
		    "rekeningnummer|bankrekening|bankrekeningnummer|bankverbindung"},
};

struct state {
	sqlite3_stmt *stage; /* a checked row into temp.stage_customers */
	sqlite3_stmt *stage_iban; /* an IBAN of it into temp.stage_ibans */
};

static int begin(struct import_ctx *c)
{
	struct state *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	c->state = s;
	if (db_exec(c->book->db, "DROP TABLE IF EXISTS temp.stage_customers;"
		    "CREATE TEMP TABLE stage_customers(account_no TEXT, name TEXT, vat_no TEXT, contact TEXT, "
		    "phone TEXT, email TEXT, street TEXT, postcode TEXT, city TEXT, country TEXT, "
		    "language TEXT, segment TEXT, collector TEXT, credit_limit INTEGER)"))
		return -1;
	s->stage = db_prepare(c->book->db, "INSERT INTO temp.stage_customers "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (db_exec(c->book->db, "DROP TABLE IF EXISTS temp.stage_ibans;"
		    "CREATE TEMP TABLE stage_ibans(account_no TEXT, iban TEXT, PRIMARY KEY (account_no, iban)) "
		    "WITHOUT ROWID"))
		return -1;
	s->stage_iban = db_prepare(c->book->db, "INSERT OR IGNORE INTO temp.stage_ibans VALUES (?1, ?2)");
	return s->stage && s->stage_iban ? 0 : -1;
}

static void cleanup(struct import_ctx *c)
{
	struct state *s = c->state;
	if (!s)
		return;
	sqlite3_finalize(s->stage);
	sqlite3_finalize(s->stage_iban);
	sqlite3_exec(c->book->db, "DROP TABLE IF EXISTS temp.stage_customers; "
		     "DROP TABLE IF EXISTS temp.stage_ibans", NULL, NULL, NULL);
	free(s);
	c->state = NULL;
}

/* fr, nl, en, de from a code or a name in any of the four languages. */
static const char *language_code(struct csv_field f)
{
	static const struct { const char *name, *code; } names[] = {
		{"fr", "fr"}, {"fra", "fr"}, {"fre", "fr"}, {"french", "fr"}, {"francais", "fr"},
		{"frans", "fr"}, {"franzosisch", "fr"},
		{"nl", "nl"}, {"nld", "nl"}, {"dut", "nl"}, {"dutch", "nl"}, {"nederlands", "nl"},
		{"neerlandais", "nl"}, {"vlaams", "nl"}, {"flemish", "nl"}, {"niederlandisch", "nl"},
		{"en", "en"}, {"eng", "en"}, {"english", "en"}, {"anglais", "en"}, {"engels", "en"},
		{"englisch", "en"},
		{"de", "de"}, {"deu", "de"}, {"ger", "de"}, {"german", "de"}, {"deutsch", "de"},
		{"allemand", "de"}, {"duits", "de"},
	};
	char norm[64];
	columns_normalise(f.s, f.n, norm, sizeof norm);
	/* "fr-BE", "nl_BE": the language part decides */
	if (f.n == 5 && (f.s[2] == '-' || f.s[2] == '_'))
		norm[2] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(norm, names[i].name) == 0)
			return names[i].code;
	return NULL;
}

/* ISO 3166 alpha-2 from a code or a common name. */
static int country_code(struct csv_field f, char out[3])
{
	static const struct { const char *name, *code; } names[] = {
		{"belgique", "BE"}, {"belgie", "BE"}, {"belgium", "BE"}, {"belgien", "BE"},
		{"france", "FR"}, {"frankrijk", "FR"}, {"frankreich", "FR"},
		{"nederland", "NL"}, {"paysbas", "NL"}, {"netherlands", "NL"}, {"niederlande", "NL"},
		{"luxembourg", "LU"}, {"luxemburg", "LU"}, {"deutschland", "DE"}, {"allemagne", "DE"},
		{"duitsland", "DE"}, {"germany", "DE"}, {"suisse", "CH"}, {"zwitserland", "CH"},
		{"schweiz", "CH"}, {"switzerland", "CH"}, {"unitedkingdom", "GB"}, {"royaumeuni", "GB"},
		{"verenigdkoninkrijk", "GB"}, {"espagne", "ES"}, {"spain", "ES"}, {"spanje", "ES"},
		{"italie", "IT"}, {"italy", "IT"}, {"italien", "IT"}, {"oostenrijk", "AT"},
		{"autriche", "AT"}, {"austria", "AT"}, {"osterreich", "AT"},
	};
	char norm[64];
	columns_normalise(f.s, f.n, norm, sizeof norm);
	if (f.n == 2 && strlen(norm) == 2 && norm[0] >= 'a' && norm[1] >= 'a') {
		out[0] = (char)(norm[0] - 'a' + 'A'), out[1] = (char)(norm[1] - 'a' + 'A'), out[2] = '\0';
		return 0;
	}
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(norm, names[i].name) == 0) {
			memcpy(out, names[i].code, 3);
			return 0;
		}
	return -1;
}

/* When the file gives no language: the country's, and for Belgium the
 * region's by postcode (1000-1499 Brussels and Walloon Brabant: fr;
 * 1500-3999 and 8000-9999: nl; 4000-7999: fr). */
static const char *default_language(const char *country, struct csv_field postcode)
{
	if (!strcmp(country, "FR") || !strcmp(country, "LU") || !strcmp(country, "MC"))
		return "fr";
	if (!strcmp(country, "NL"))
		return "nl";
	if (!strcmp(country, "DE") || !strcmp(country, "AT"))
		return "de";
	if (!strcmp(country, "BE") && postcode.n == 4) {
		int pc = 0;
		for (int i = 0; i < 4; i++)
			pc = pc * 10 + (postcode.s[i] - '0');
		return (pc >= 1500 && pc < 4000) || pc >= 8000 ? "nl" : "fr";
	}
	return "en";
}

/* The IBANs of the iban column (';' between them, blanks inside one
 * allowed), each checked and, while writing, staged in the form banks
 * give: capitals, no blanks. 0, or -1 after reporting. */
static int ibans(struct import_ctx *c, struct state *s, struct csv_field account)
{
	struct csv_field f = import_field(c, C_IBAN);
	for (size_t i = 0; i < f.n;) {
		size_t end = i;
		while (end < f.n && f.s[end] != ';')
			end++;
		char iban[64];
		size_t n = 0;
		int bad = 0;
		for (size_t k = i; k < end; k++) {
			char ch = f.s[k];
			if (ch == ' ' || ch == '\t')
				continue;
			if (n + 1 >= sizeof iban) {
				bad = 1;
				break;
			}
			iban[n++] = ch >= 'a' && ch <= 'z' ? (char)(ch - 'a' + 'A') : ch;
		}
		iban[n] = '\0';
		struct csv_field one = {f.s + i, end - i};
		if (n && (bad || !iban_valid(iban)))
			return import_error(c, C_IBAN, "%s is not an IBAN (two letters, two check digits, "
					    "15 to 34 characters in all, ';' between two)", import_quote(one));
		if (n && c->writing) {
			sqlite3_bind_text(s->stage_iban, 1, account.s, (int)account.n, SQLITE_STATIC);
			sqlite3_bind_text(s->stage_iban, 2, iban, (int)n, SQLITE_STATIC);
			int rc = sqlite3_step(s->stage_iban);
			sqlite3_reset(s->stage_iban);
			if (rc != SQLITE_DONE)
				return import_db_error(c);
		}
		i = end + 1;
	}
	return 0;
}

static void bind_field(sqlite3_stmt *st, int idx, struct import_ctx *c, int col)
{
	struct csv_field f = import_field(c, col);
	db_bind_text_or_null(st, idx, f.s, f.n);
}

/* What apply binds to both statements: ?15 now, and ?23..?34 whether the
 * file has the column of vat_no..credit_limit; a column it does not have
 * leaves the book's value alone. */
static void bind_apply(struct import_ctx *c, sqlite3_stmt *st)
{
	sqlite3_bind_text(st, 15, c->now, -1, SQLITE_STATIC);
	for (int col = C_VAT; col <= C_CREDIT_LIMIT; col++)
		sqlite3_bind_int(st, col + 21, c->col[col] >= 0);
}

static int row(struct import_ctx *c)
{
	struct state *s = c->state;
	struct csv_field f, account, postcode;
	char country[3] = "", lang[3] = "";
	int64_t limit = 0;
	int has_limit, bad = 0;

	bad |= import_text(c, C_ACCOUNT, 1, &account) < 0;
	bad |= import_text(c, C_NAME, 1, &f) < 0;
	for (int col = C_VAT; col <= C_COLLECTOR; col++)
		bad |= import_text(c, col, 0, &f) < 0;
	if (bad)
		return -1;
	if (account.n > 64)
		return import_error(c, C_ACCOUNT, "is longer than 64 characters");
	if ((f = import_field(c, C_EMAIL)).n && !email_list_valid(f.s, f.n))
		return import_error(c, C_EMAIL, "%s is not an e-mail address", import_quote(f));
	if ((f = import_field(c, C_PHONE)).n && !phone_list_valid(f.s, f.n))
		return import_error(c, C_PHONE, "%s is not a phone number", import_quote(f));
	if ((f = import_field(c, C_COUNTRY)).n && country_code(f, country) != 0)
		return import_error(c, C_COUNTRY, "%s is not a country (use a code like BE)",
				    import_quote(f));
	postcode = import_field(c, C_POSTCODE);
	if ((f = import_field(c, C_LANGUAGE)).n) {
		const char *code = language_code(f);
		if (!code)
			return import_error(c, C_LANGUAGE, "%s is not one of fr, nl, en, de",
					    import_quote(f));
		memcpy(lang, code, 3);
	} else {
		memcpy(lang, default_language(country, postcode), 3);
	}
	if ((has_limit = import_amount(c, C_CREDIT_LIMIT, 0, &limit)) < 0)
		return -1;
	if (has_limit == 0 && limit < 0)
		return import_error(c, C_CREDIT_LIMIT, "is negative");
	if ((f = import_field(c, C_COLLECTOR)).n > 64)
		return import_error(c, C_COLLECTOR, "is longer than 64 characters");
	if (ibans(c, s, account) < 0)
		return -1;
	if (!c->writing)
		return 0;

	sqlite3_stmt *st = s->stage;
	for (int col = C_ACCOUNT; col <= C_CITY; col++)
		bind_field(st, col + 1, c, col);
	db_bind_text_or_null(st, 10, country, strlen(country));
	sqlite3_bind_text(st, 11, lang, -1, SQLITE_STATIC);
	bind_field(st, 12, c, C_SEGMENT);
	bind_field(st, 13, c, C_COLLECTOR);
	if (has_limit == 0)
		sqlite3_bind_int64(st, 14, limit);
	return import_stage(c, st);
}

/* Under the write lock: the collectors the file names, then the staged
 * rows into the book. Only ledger columns are written, and a row already
 * there only when the file says something else of it. */
static int apply(struct import_ctx *c)
{
	if (db_exec(c->book->db, "INSERT OR IGNORE INTO main.collectors(login) "
		    "SELECT DISTINCT collector FROM temp.stage_customers WHERE collector IS NOT NULL"))
		return -1;
	/* a new account gets the book's next number, in the file's order */
	if (payref_numbers_begin(c->book->db, NULL, 0,
				 db_int(c->book->db, "SELECT count(*) FROM temp.stage_customers s WHERE NOT EXISTS "
					"(SELECT 1 FROM main.customers c WHERE c.account_no = s.account_no)")))
		return -1;
	return import_apply(c,
		"UPDATE main.customers SET name = s.name, vat_no = iif(?23, s.vat_no, customers.vat_no), "
		"contact = iif(?24, s.contact, customers.contact), phone = iif(?25, s.phone, customers.phone), "
		"email = iif(?26, s.email, customers.email), street = iif(?27, s.street, customers.street), "
		"postcode = iif(?28, s.postcode, customers.postcode), city = iif(?29, s.city, customers.city), "
		"country = iif(?30, s.country, customers.country), "
		"language = iif(?31, s.language, customers.language), "
		"segment = iif(?32, s.segment, customers.segment), "
		"collector = iif(?33, s.collector, customers.collector), "
		"credit_limit = iif(?34, s.credit_limit, customers.credit_limit), imported_at = ?15 "
		"FROM temp.stage_customers AS s WHERE customers.account_no = s.account_no AND "
		"(customers.name, customers.vat_no, customers.contact, customers.phone, customers.email, "
		"customers.street, customers.postcode, customers.city, customers.country, customers.language, "
		"customers.segment, customers.collector, customers.credit_limit) IS NOT "
		"(s.name, iif(?23, s.vat_no, customers.vat_no), iif(?24, s.contact, customers.contact), "
		"iif(?25, s.phone, customers.phone), iif(?26, s.email, customers.email), "
		"iif(?27, s.street, customers.street), iif(?28, s.postcode, customers.postcode), "
		"iif(?29, s.city, customers.city), iif(?30, s.country, customers.country), "
		"iif(?31, s.language, customers.language), iif(?32, s.segment, customers.segment), "
		"iif(?33, s.collector, customers.collector), iif(?34, s.credit_limit, customers.credit_limit)) "
		"RETURNING account_no",
		"INSERT INTO main.customers(account_no, name, vat_no, contact, phone, email, street, "
		"postcode, city, country, language, segment, collector, credit_limit, imported_at, ref_no) "
		"SELECT account_no, name, vat_no, contact, phone, email, street, postcode, city, country, "
		"language, segment, collector, credit_limit, ?15, " PAYREF_NEXT_SQL("r") " "
		"FROM (SELECT *, row_number() OVER (ORDER BY rowid) AS r FROM temp.stage_customers s "
		"      WHERE NOT EXISTS (SELECT 1 FROM main.customers c WHERE c.account_no = s.account_no)) "
		"WHERE true ON CONFLICT(account_no) DO NOTHING RETURNING account_no",
		bind_apply, 1);
}

/* With an iban column: the IBANs it gives each account it lists become
 * the account's 'import' ones (an account listed without one has none);
 * those learned from matches stay. Only what differs is written, so that
 * the same file again changes nothing; an account whose IBANs alone moved
 * counts as changed. */
static int store_ibans(struct import_ctx *c)
{
	if (c->col[C_IBAN] < 0)
		return 0;
	sqlite3 *db = c->book->db;
	sqlite3_stmt *del = db_prepare(db,
		"DELETE FROM main.customer_ibans WHERE source = 'import' "
		"AND account_no IN (SELECT account_no FROM temp.stage_customers) AND NOT EXISTS "
		"(SELECT 1 FROM temp.stage_ibans s WHERE s.account_no = customer_ibans.account_no "
		"AND s.iban = customer_ibans.iban) RETURNING account_no");
	sqlite3_stmt *ins = db_prepare(db,
		"INSERT INTO main.customer_ibans(iban, account_no, source) "
		"SELECT iban, account_no, 'import' FROM temp.stage_ibans WHERE true "
		"ON CONFLICT (iban, account_no) DO NOTHING RETURNING account_no");
	struct strset moved;
	strset_init(&moved);
	int rc = del && ins ? 0 : -1;
	sqlite3_stmt *both[2] = {del, ins};
	for (int k = 0; rc == 0 && k < 2; k++) {
		int step;
		while ((step = sqlite3_step(both[k])) == SQLITE_ROW) {
			const char *a = (const char *)sqlite3_column_text(both[k], 0);
			size_t n = (size_t)sqlite3_column_bytes(both[k], 0);
			if (strset_add(&moved, a, n, 0, NULL) == 1 && !strset_has(&c->touched, a, n, NULL))
				c->stats.changed++;
		}
		rc = step == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	strset_free(&moved);
	return rc ? import_db_error(c) : 0;
}

/* New accounts get their (empty) figures and changed ones their new name,
 * collector and segment in the summary, in this transaction. */
static int end(struct import_ctx *c)
{
	if (store_ibans(c))
		return -1;
	return summary_changed(c->book->db, &c->touched);
}

const struct import_kind import_customers = {
	.name = "customers",
	.columns = columns,
	.ncolumns = C_COUNT,
	.amount_columns = {C_CREDIT_LIMIT, -1},
	.key_column = C_ACCOUNT,
	.begin = begin,
	.row = row,
	.apply = apply,
	.end = end,
	.cleanup = cleanup,
};
