/* import_payments.c — payments received, as the ledger reports them. They
 * are receipts: they show in history and count for promises and plans, but
 * never change open amounts (the open-items file does). A payment names its
 * account, or an invoice of the book from which the account is taken. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "bank/lib.h"
#include "work/lib.h"
#include "base/lib.h"

enum { P_REF, P_ACCOUNT, P_DATE, P_AMOUNT, P_INVOICE, P_COMMUNICATION, P_CURRENCY, P_COUNT };

static const struct column_def columns[P_COUNT] = {
	{"payment_ref", 1, "payment ref|payment reference|payment id|payment no|payment number|"
			   "reference|ref|transaction|transaction id|référence paiement|n° paiement|"
			   "numéro paiement|référence|betalingsreferentie|betaling|betalingsnummer|"
			   "transactie|zahlungsnummer"},
	{"account_no", 0, ACCOUNT_SYNONYMS},
	{"date", 1, "payment date|value date|date paiement|date de paiement|date valeur|"
		    "betaaldatum|betalingsdatum|datum|valutadatum|zahlungsdatum"},
	{"amount", 1, "montant|bedrag|betrag|paid|amount paid|montant payé|betaald bedrag"},
	{"invoice_no", 0, INVOICE_SYNONYMS},
	{"communication", 0, "message|description|libellé|mededeling|omschrijving|"
			     "verwendungszweck|remittance information|remittance info"},
	{"currency", 0, CURRENCY_SYNONYMS},
};

struct state {
	sqlite3_stmt *stage, *account_of_invoice, *account_exists; /* stage: into temp.stage_payments */
};

static int begin(struct import_ctx *c)
{
	struct state *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	c->state = s;
	sqlite3 *db = c->book->db;
	if (db_exec(db, "DROP TABLE IF EXISTS temp.stage_payments;"
		    "CREATE TEMP TABLE stage_payments(payment_ref TEXT, account_no TEXT, date TEXT, "
		    "amount INTEGER, currency TEXT, invoice_no TEXT, communication TEXT)"))
		return -1;
	s->stage = db_prepare(db, "INSERT INTO temp.stage_payments VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	s->account_of_invoice = db_prepare(db, "SELECT account_no FROM main.invoices WHERE invoice_no = ?1");
	s->account_exists = db_prepare(db, "SELECT 1 FROM main.customers WHERE account_no = ?1");
	return s->stage && s->account_of_invoice && s->account_exists ? 0 : -1;
}

static void cleanup(struct import_ctx *c)
{
	struct state *s = c->state;
	if (!s)
		return;
	sqlite3_finalize(s->stage);
	sqlite3_finalize(s->account_of_invoice);
	sqlite3_finalize(s->account_exists);
	sqlite3_exec(c->book->db, "DROP TABLE IF EXISTS temp.stage_payments", NULL, NULL, NULL);
	free(s);
	c->state = NULL;
}

/* Runs a one-text-parameter query; 1 when it returns a row (its first
 * column copied into out, if given). */
static int lookup(sqlite3_stmt *st, struct csv_field key, char *out, size_t size)
{
	sqlite3_bind_text(st, 1, key.s, (int)key.n, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found && out)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return found;
}

/* What apply binds to both statements: ?8 now, and whether the file has
 * currency (?15), invoice_no (?16), communication (?17); a column it does
 * not have leaves the book's value alone. */
static void bind_apply(struct import_ctx *c, sqlite3_stmt *st)
{
	sqlite3_bind_text(st, 8, c->now, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 15, c->col[P_CURRENCY] >= 0);
	sqlite3_bind_int(st, 16, c->col[P_INVOICE] >= 0);
	sqlite3_bind_int(st, 17, c->col[P_COMMUNICATION] >= 0);
}

static int row(struct import_ctx *c)
{
	struct state *s = c->state;
	struct csv_field ref, account, invoice, f;
	day_t date = 0;
	int64_t amount = 0;
	char currency[4], inv_account[80] = "";
	int bad = 0, has_account, has_invoice;

	bad |= import_text(c, P_REF, 1, &ref) < 0;
	bad |= (has_account = import_text(c, P_ACCOUNT, 0, &account)) < 0;
	bad |= import_date(c, P_DATE, 1, &date) < 0;
	bad |= import_amount(c, P_AMOUNT, 1, &amount) < 0;
	bad |= (has_invoice = import_text(c, P_INVOICE, 0, &invoice)) < 0;
	bad |= import_text(c, P_COMMUNICATION, 0, &f) < 0;
	bad |= import_currency(c, P_CURRENCY, currency) < 0;
	if (bad)
		return -1;
	if (ref.n > 64)
		return import_error(c, P_REF, "is longer than 64 characters");
	if (amount == 0)
		return import_error(c, P_AMOUNT, "is zero");
	int invoice_known = has_invoice == 0 &&
			    lookup(s->account_of_invoice, invoice, inv_account, sizeof inv_account);
	if (has_account == 0) {
		if (!lookup(s->account_exists, account, NULL, 0))
			return import_error(c, P_ACCOUNT, "%s is not an account of the book",
					    import_quote(account));
		if (invoice_known && (strlen(inv_account) != account.n ||
				      memcmp(inv_account, account.s, account.n) != 0))
			return import_error(c, P_INVOICE, "%s belongs to account %s, not %s",
					    import_quote(invoice), import_quote((struct csv_field){inv_account, strlen(inv_account)}),
					    import_quote(account));
	} else if (invoice_known) {
		account.s = inv_account;
		account.n = strlen(inv_account);
	} else {
		return import_error(c, P_ACCOUNT, "is empty and %s", has_invoice == 0
				    ? "the invoice is not in the book" : "no invoice_no is given");
	}
	if (!c->writing)
		return 0;

	char date_s[11];
	date_iso(date, date_s);
	sqlite3_stmt *st = s->stage;
	f = import_field(c, P_COMMUNICATION);
	sqlite3_bind_text(st, 1, ref.s, (int)ref.n, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account.s, (int)account.n, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, date_s, 10, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_text(st, 5, currency, 3, SQLITE_STATIC);
	if (has_invoice == 0)
		db_bind_text_or_null(st, 6, invoice.s, invoice.n);
	db_bind_text_or_null(st, 7, f.s, f.n);
	return import_stage(c, st);
}

/* Under the write lock: the staged rows into the book. Payments move no
 * figures: no account is noted. */
static int apply(struct import_ctx *c)
{
	return import_apply(c,
		"UPDATE main.payments SET account_no = s.account_no, date = s.date, amount = s.amount, "
		"currency = iif(?15, s.currency, payments.currency), "
		"invoice_no = iif(?16, s.invoice_no, payments.invoice_no), "
		"communication = iif(?17, s.communication, payments.communication), imported_at = ?8 "
		"FROM temp.stage_payments AS s WHERE payments.payment_ref = s.payment_ref AND "
		"(payments.account_no, payments.date, payments.amount, payments.currency, payments.invoice_no, "
		"payments.communication) IS NOT (s.account_no, s.date, s.amount, "
		"iif(?15, s.currency, payments.currency), iif(?16, s.invoice_no, payments.invoice_no), "
		"iif(?17, s.communication, payments.communication))",
		"INSERT INTO main.payments(payment_ref, account_no, date, amount, currency, invoice_no, "
		"communication, imported_at) SELECT payment_ref, account_no, date, amount, currency, "
		"invoice_no, communication, ?8 FROM temp.stage_payments WHERE true "
		"ON CONFLICT(payment_ref) DO NOTHING",
		bind_apply, 0);
}

/* A payment the ledger tied to no invoice names one when its
 * communication holds a structured reference that is one invoice's of the
 * same account (payref_owner: the ledger's reference of that invoice
 * alone, or the one made from the book's number for it). */
static int recognise(struct import_ctx *c)
{
	sqlite3 *db = c->book->db;
	sqlite3_stmt *sel = db_prepare(db, "SELECT payment_ref, account_no, communication FROM payments "
					   "WHERE imported_at = ?1 AND invoice_no IS NULL AND communication IS NOT NULL "
					   "AND account_no IS NOT NULL");
	sqlite3_stmt *upd = db_prepare(db, "UPDATE payments SET invoice_no = ?2 WHERE payment_ref = ?1");
	int rc = sel && upd ? 0 : -1;
	if (!rc)
		sqlite3_bind_text(sel, 1, c->now, -1, SQLITE_STATIC);
	while (!rc && sqlite3_step(sel) == SQLITE_ROW) {
		char ref[64], inv[65], acc[65];
		if (payref_find((const char *)sqlite3_column_text(sel, 2), ref) == PAYREF_NONE)
			continue;
		int owner = payref_owner(db, ref, inv, acc);
		if (owner < 0) {
			rc = -1;
			break;
		}
		if (owner != PAYREF_OWNER_INVOICE || strcmp(acc, (const char *)sqlite3_column_text(sel, 1)))
			continue;
		sqlite3_bind_text(upd, 1, (const char *)sqlite3_column_text(sel, 0), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(upd, 2, inv, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(upd) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(upd);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	return rc;
}

/* Money that came in may keep promises: the rules run in this transaction. */
static int end(struct import_ctx *c)
{
	if (recognise(c))
		return import_db_error(c);
	/* a bank payment the ledger now shows counts once, as the ledger's */
	if (bank_ledger_booked(c->book, "payments", c->now) < 0)
		return -1;
	return promise_evaluate(c->book, c->today, NULL) < 0 || plan_evaluate(c->book, c->today, NULL) < 0 ? -1 : 0;
}

const struct import_kind import_payments = {
	.name = "payments",
	.columns = columns,
	.ncolumns = P_COUNT,
	.amount_columns = {P_AMOUNT, -1},
	.key_column = P_REF,
	.begin = begin,
	.row = row,
	.apply = apply,
	.end = end,
	.cleanup = cleanup,
};
