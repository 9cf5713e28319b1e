/* import_invoices.c — the open-items file: invoices and credit notes. The
 * file is the ledger's truth about what is still owed: open_amount (default:
 * amount) replaces what the book had. With --snapshot it is the complete
 * list, and open items it does not list are closed. Credit notes are
 * stored with negative amounts, whatever sign the file uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "bank/lib.h"
#include "base/lib.h"
#include "book/lib.h"

enum { I_INVOICE, I_ACCOUNT, I_KIND, I_ISSUE, I_DUE, I_AMOUNT, I_OPEN, I_CURRENCY,
       I_REFERENCE, I_DESCRIPTION, I_COUNT };

static const struct column_def columns[I_COUNT] = {
	{"invoice_no", 1, INVOICE_SYNONYMS},
	{"account_no", 1, ACCOUNT_SYNONYMS},
	{"kind", 0, "type|document type|doc type|type de document|type document|soort|"
		    "documenttype|belegart"},
	{"issue_date", 0, "invoice date|date|date facture|date de facture|date d'émission|"
			  "date pièce|document date|factuurdatum|datum|documentdatum|rechnungsdatum"},
	{"due_date", 1, "due|due on|échéance|date d'échéance|date échéance|vervaldatum|vervaldag|"
			"vervaldatum factuur|fälligkeitsdatum|fällig"},
	{"amount", 1, "total|amount incl vat|total amount|montant|montant ttc|total ttc|bedrag|"
		      "totaal|bedrag incl btw|factuurbedrag|betrag|bruttobetrag"},
	{"open_amount", 0, "open|balance|outstanding|amount due|remaining|solde|solde dû|reste dû|"
			   "montant ouvert|montant restant|restant dû|openstaand|openstaand bedrag|"
			   "saldo|restbedrag|offen|offener betrag"},
	{"currency", 0, CURRENCY_SYNONYMS},
	{"reference", 0, "payment reference|structured communication|communication structurée|"
			 "référence|ref|ogm|vcs|gestructureerde mededeling|betalingsreferentie"},
	/* what the invoice was for: a consumer's first reminder must say it (XIX.2) */
	{"description", 0, "libellé|libelle|désignation|designation|objet|omschrijving|beschrijving|"
			   "bezeichnung|beschreibung|leistung"},
};

struct state {
	sqlite3_stmt *stage;          /* a checked row into temp.stage_invoices */
	sqlite3_stmt *account_exists;
	sqlite3_stmt *held;           /* the book's invoices in key order, from ?1: a cursor */
	int positioned, on_row;       /* the cursor was sought; it is on a row */
	char last[65];                /* the key looked for last (keys are at most 64 bytes) */
	size_t nlast;
	struct strset accounts;       /* those found in the book, not asked again */
	int bank_pending;             /* some bank payment lowers an open amount below the ledger's */
	struct strset refs;           /* the file's structured references, with their line */
	struct strset dups;           /* those it gives to two invoices or more */
	long long *nums;              /* the book's numbers the file's references are made of */
	size_t nnums, capnums;        /* (payref_number): never handed out */
	char prev[65];                /* the key staged last */
	size_t nprev;
	long staged;
	int descends;                 /* a staged key is not after the one before it */
	int first;                    /* apply wrote every invoice of the book (first_load) */
};

/* An invoice's open amount as the ledger last gave it: a bank payment the
 * ledger does not show yet keeps it lowered (bank_booked.c), and a file
 * that says the ledger's figure again changes nothing. Only while
 * bank_pending: else the import costs no probe per row. */
#define LEDGER_OPEN(inv) "coalesce((SELECT max(a.ledger_open) FROM main.bank_allocations a " \
	"WHERE a.invoice_no = " inv ".invoice_no AND a.booked = 0), " inv ".open_amount)"

static int begin(struct import_ctx *c)
{
	struct state *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	c->state = s;
	strset_init(&s->accounts);
	strset_init(&s->refs);
	strset_init(&s->dups);
	/* an invoice the ledger moved to another account moves the old
	 * account's figures too: a temporary trigger notes it */
	if (db_exec(c->book->db,
		    "CREATE TEMP TABLE IF NOT EXISTS moved_from(account_no TEXT PRIMARY KEY) WITHOUT ROWID;"
		    "DELETE FROM temp.moved_from;"
		    "CREATE TEMP TRIGGER IF NOT EXISTS invoice_moved AFTER UPDATE OF account_no ON main.invoices "
		    "WHEN old.account_no IS NOT new.account_no BEGIN "
		    "INSERT OR IGNORE INTO moved_from VALUES (old.account_no); END;"
		    "DROP TABLE IF EXISTS temp.stage_invoices;"
		    "CREATE TEMP TABLE stage_invoices(invoice_no TEXT, account_no TEXT, kind TEXT, "
		    "issue_date TEXT, due_date TEXT, amount INTEGER, open_amount INTEGER, currency TEXT, "
		    "reference TEXT, description TEXT)"))
		return -1;
	s->account_exists = db_prepare(c->book->db, "SELECT 1 FROM main.customers WHERE account_no = ?1");
	s->stage = db_prepare(c->book->db, "INSERT INTO temp.stage_invoices VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	if (!s->stage || !s->account_exists)
		return -1;
	/* a book without invoices holds none of the rows: not asked per row */
	s->bank_pending = db_int(c->book->db, "SELECT EXISTS (SELECT 1 FROM main.bank_allocations "
				 "INDEXED BY bank_allocations_invoice WHERE booked = 0)") == 1;
	if (c->trust_book && db_int(c->book->db, "SELECT EXISTS (SELECT 1 FROM main.invoices)") == 1 &&
	    !(s->held = db_prepare(c->book->db, s->bank_pending ?
				   "SELECT invoice_no, account_no, kind, issue_date, due_date, "
				   "amount, " LEDGER_OPEN("invoices") ", currency, reference, description FROM main.invoices "
				   "WHERE invoice_no >= ?1 ORDER BY invoice_no" :
				   "SELECT invoice_no, account_no, kind, issue_date, due_date, "
				   "amount, open_amount, currency, reference, description FROM main.invoices "
				   "WHERE invoice_no >= ?1 ORDER BY invoice_no")))
		return -1;
	return 0;
}

static void cleanup(struct import_ctx *c)
{
	struct state *s = c->state;
	if (!s)
		return;
	sqlite3_finalize(s->stage);
	sqlite3_finalize(s->account_exists);
	sqlite3_finalize(s->held);
	strset_free(&s->accounts);
	strset_free(&s->refs);
	strset_free(&s->dups);
	free(s->nums);
	sqlite3_exec(c->book->db, "DROP TRIGGER IF EXISTS temp.invoice_moved; "
		     "DROP TABLE IF EXISTS temp.stage_invoices", NULL, NULL, NULL);
	free(s);
	c->state = NULL;
}

/* invoice / credit_note from the spellings ledgers use; NULL if unknown. */
static const char *kind_code(struct csv_field f)
{
	static const char *const credit[] = {
		"creditnote", "credit", "cn", "nc", "notedecredit", "avoir", "creditnota",
		"credit_note", "gutschrift", "cr",
	};
	static const char *const invoice[] = {
		"invoice", "inv", "facture", "fac", "fa", "factuur", "f", "rechnung", "in", "i",
	};
	if (f.n == 7 && !memcmp(f.s, "invoice", 7)) /* the canonical spellings, at once */
		return "invoice";
	if (f.n == 11 && !memcmp(f.s, "credit_note", 11))
		return "credit_note";
	char norm[64];
	columns_normalise(f.s, f.n, norm, sizeof norm);
	for (size_t i = 0; i < sizeof credit / sizeof *credit; i++)
		if (strcmp(norm, credit[i]) == 0)
			return "credit_note";
	for (size_t i = 0; i < sizeof invoice / sizeof *invoice; i++)
		if (strcmp(norm, invoice[i]) == 0)
			return "invoice";
	return NULL;
}

static int unknown_account(struct import_ctx *c, struct csv_field account)
{
	return import_error(c, I_ACCOUNT, "%s is not an account of the book (import customers first)",
			    import_quote(account));
}

/* What apply binds to both statements: ?10 today, ?11 now, and whether
 * the file has the columns issue_date (?21), currency (?22), reference
 * (?23), description (?24); a column it does not have leaves the book's
 * value alone. */
static void bind_apply(struct import_ctx *c, sqlite3_stmt *st)
{
	sqlite3_bind_text(st, 10, c->today_iso, 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, c->now, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 21, c->col[I_ISSUE] >= 0);
	sqlite3_bind_int(st, 22, c->col[I_CURRENCY] >= 0);
	sqlite3_bind_int(st, 23, c->col[I_REFERENCE] >= 0);
	sqlite3_bind_int(st, 24, c->col[I_DESCRIPTION] >= 0);
	sqlite3_bind_int(st, 25, ((struct state *)c->state)->bank_pending);
}

/* 1 when the account is in the book. */
static int account_known(struct state *s, struct csv_field account)
{
	if (strset_has(&s->accounts, account.s, account.n, NULL))
		return 1;
	sqlite3_bind_text(s->account_exists, 1, account.s, (int)account.n, SQLITE_STATIC);
	int known = sqlite3_step(s->account_exists) == SQLITE_ROW;
	sqlite3_reset(s->account_exists);
	if (known)
		strset_add(&s->accounts, account.s, account.n, 0, NULL);
	return known;
}

static int64_t abs64(int64_t v) { return v < 0 ? -v : v; }

/* 1 when column i of the book's row is the text t[0..n) (NULL when !t). */
static int same_text(sqlite3_stmt *st, int i, const char *t, size_t n)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return t == NULL;
	const void *v = sqlite3_column_blob(st, i);
	return t && sqlite3_column_type(st, i) == SQLITE_TEXT && (size_t)sqlite3_column_bytes(st, i) == n &&
	       (n == 0 || memcmp(v, t, n) == 0);
}

static int same_int(sqlite3_stmt *st, int i, int64_t v)
{
	return sqlite3_column_type(st, i) == SQLITE_INTEGER && sqlite3_column_int64(st, i) == v;
}

/* a <=> b as SQLite orders TEXT (BINARY): bytes, then length */
static int key_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	int d = memcmp(a, b, na < nb ? na : nb);
	return d ? d : (na > nb) - (na < nb);
}

/* The cursor's key <=> key. */
static int cursor_cmp(sqlite3_stmt *st, struct csv_field key)
{
	const char *k = sqlite3_column_blob(st, 0);
	return key_cmp(k ? k : "", (size_t)sqlite3_column_bytes(st, 0), key.s, key.n);
}

static void seek(struct state *s, struct csv_field key)
{
	sqlite3_reset(s->held);
	sqlite3_bind_text(s->held, 1, key.s, (int)key.n, SQLITE_TRANSIENT);
	s->on_row = sqlite3_step(s->held) == SQLITE_ROW;
	s->positioned = 1;
}

/* 1 when the cursor is on the book's invoice `key`. It stays on the first
 * invoice at or after the key looked for last: a file in key order moves
 * it a step at a time (one pass over the book), a key further on than a
 * few steps, or an earlier one, seeks. */
static int find_held(struct state *s, struct csv_field key)
{
	if (!s->positioned || key_cmp(key.s, key.n, s->last, s->nlast) < 0) {
		seek(s, key);
	} else {
		for (int steps = 0; s->on_row && cursor_cmp(s->held, key) < 0; steps++) {
			if (steps == 8) {
				seek(s, key);
				break;
			}
			s->on_row = sqlite3_step(s->held) == SQLITE_ROW;
		}
	}
	memcpy(s->last, key.s, key.n);
	s->nlast = key.n;
	return s->on_row && cursor_cmp(s->held, key) == 0;
}

/* 1 when the book holds the invoice with every value the row would write
 * (apply's UPDATE compares the same): the row is left out of the staging
 * table, which import.c trusts only while the book stays as it was read.
 * A column the file does not have keeps the book's value: it is equal. */
static int held_as_is(struct import_ctx *c, struct state *s, struct csv_field inv, struct csv_field account,
		      const char *kind, const char *issue, const char *due, int64_t amount, int64_t open,
		      const char *currency, struct csv_field reference, struct csv_field description)
{
	sqlite3_stmt *st = s->held;
	if (!st || !find_held(s, inv))
		return 0;
	return same_text(st, 1, account.s, account.n) &&
	       same_text(st, 2, kind, strlen(kind)) &&
	       (c->col[I_ISSUE] < 0 || same_text(st, 3, issue, issue ? 10 : 0)) &&
	       same_text(st, 4, due, 10) &&
	       same_int(st, 5, amount) && same_int(st, 6, open) &&
	       (c->col[I_CURRENCY] < 0 || same_text(st, 7, currency, 3)) &&
	       (c->col[I_REFERENCE] < 0 || same_text(st, 8, reference.n ? reference.s : NULL, reference.n)) &&
	       (c->col[I_DESCRIPTION] < 0 || same_text(st, 9, description.n ? description.s : NULL, description.n));
}

/* A structured reference of a row to be written: noted when a second
 * invoice of the file has it (a warning once written, warn_shared), and
 * its number, if a number of the book makes it, kept from being handed
 * out. */
static int note_reference(struct import_ctx *c, struct state *s, struct csv_field ref)
{
	long old;
	int fresh = strset_add(&s->refs, ref.s, ref.n, (long)c->line, &old);
	if (fresh < 0 || (fresh == 0 && strset_add(&s->dups, ref.s, ref.n, old, NULL) < 0))
		return -1;
	long long num = payref_number(ref.s);
	if (num <= 0)
		return 0;
	if (s->nnums == s->capnums) {
		s->capnums = s->capnums ? 2 * s->capnums : 256;
		long long *grown = realloc(s->nums, s->capnums * sizeof *grown);
		if (!grown)
			return -1;
		s->nums = grown;
	}
	s->nums[s->nnums++] = num;
	return 0;
}

static int row(struct import_ctx *c)
{
	struct state *s = c->state;
	struct csv_field inv, account, f;
	day_t issue = 0, due = 0;
	int64_t amount = 0, open = 0;
	char currency[4], ref[64] = "";
	const char *kind = NULL;
	int bad = 0, has_issue, has_open;

	bad |= import_text(c, I_INVOICE, 1, &inv) < 0;
	bad |= import_text(c, I_ACCOUNT, 1, &account) < 0;
	bad |= (has_issue = import_date(c, I_ISSUE, 0, &issue)) < 0;
	bad |= import_date(c, I_DUE, 1, &due) < 0;
	bad |= import_amount(c, I_AMOUNT, 1, &amount) < 0;
	bad |= (has_open = import_amount(c, I_OPEN, 0, &open)) < 0;
	bad |= import_currency(c, I_CURRENCY, currency) < 0;
	if (bad)
		return -1;
	if (inv.n > 64)
		return import_error(c, I_INVOICE, "is longer than 64 characters");
	if ((f = import_field(c, I_KIND)).n) {
		if (!(kind = kind_code(f)))
			return import_error(c, I_KIND, "%s is neither invoice nor credit_note",
					    import_quote(f));
	} else {
		kind = amount < 0 ? "credit_note" : "invoice";
	}
	if (has_open != 0)
		open = amount;
	int credit = kind[0] == 'c';
	if (credit) { /* ledgers write credit notes either way: store them negative */
		amount = -abs64(amount);
		open = -abs64(open);
	} else if (amount < 0) {
		return import_error(c, I_AMOUNT, "is negative on an invoice (say kind credit_note)");
	} else if (open < 0) {
		return import_error(c, I_OPEN, "is negative on an invoice");
	}
	if (abs64(open) > abs64(amount))
		return import_error(c, I_OPEN, "is larger than the amount");
	if (has_issue == 0 && issue > due)
		return import_error(c, I_DUE, "is before the issue date");
	struct csv_field reference;
	if (import_text(c, I_REFERENCE, 0, &reference) < 0)
		return -1;
	if (utf8_length(reference.s, reference.n) > 140)
		return import_error(c, I_REFERENCE, "is longer than 140 characters");
	if ((f = reference).n) {
		switch (payref_parse(f.s, f.n, ref, sizeof ref)) {
		case PAYREF_BAD_OGM:
			return import_error(c, I_REFERENCE, "%s is a structured communication "
					    "with a wrong check number", import_quote(f));
		case PAYREF_BAD_RF:
			return import_error(c, I_REFERENCE, "%s is an RF reference with wrong "
					    "check digits", import_quote(f));
		case PAYREF_OGM:
		case PAYREF_RF: /* stored in their normal form */
			reference = (struct csv_field){ref, strlen(ref)};
			break;
		default: /* free text, as written */
			break;
		}
	}
	struct csv_field description;
	if (import_text(c, I_DESCRIPTION, 0, &description) < 0)
		return -1;
	if (description.n && (memchr(description.s, '\n', description.n) || memchr(description.s, '\r', description.n)))
		return import_error(c, I_DESCRIPTION, "has a line break (a description is one line)");
	if (utf8_length(description.s, description.n) > 140)
		return import_error(c, I_DESCRIPTION, "is longer than 140 characters");
	if (!account_known(s, account))
		return unknown_account(c, account);
	if (!c->writing)
		return 0;

	char issue_iso[11], due_iso[11];
	date_iso(issue, issue_iso);
	date_iso(due, due_iso);
	if (held_as_is(c, s, inv, account, kind, has_issue == 0 ? issue_iso : NULL, due_iso, amount, open,
		       currency, reference, description)) {
		c->left_out++;
		return 0;
	}
	/* a row the book holds as it is has its reference there already */
	if (ref[0] && reference.s == ref && note_reference(c, s, reference) < 0)
		return import_db_error(c);
	sqlite3_stmt *st = s->stage;
	sqlite3_bind_text(st, 1, inv.s, (int)inv.n, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account.s, (int)account.n, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	if (has_issue == 0)
		sqlite3_bind_text(st, 4, issue_iso, 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, due_iso, 10, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, amount);
	sqlite3_bind_int64(st, 7, open);
	sqlite3_bind_text(st, 8, currency, 3, SQLITE_STATIC);
	db_bind_text_or_null(st, 9, reference.s, reference.n);
	db_bind_text_or_null(st, 10, description.s, description.n);
	/* staged in key order, the rows are numbered as the book's scan of
	 * them would number them (versions) */
	if (s->staged++ && key_cmp(inv.s, inv.n, s->prev, s->nprev) <= 0)
		s->descends = 1;
	memcpy(s->prev, inv.s, inv.n);
	s->nprev = inv.n;
	return import_stage(c, st);
}

/* Under the write lock: the staged rows into the book. A row already
 * there is changed only when the file says something else of it. */
static int apply_rows(struct import_ctx *c)
{
	return import_apply(c,
		"UPDATE main.invoices SET account_no = s.account_no, kind = s.kind, "
		"issue_date = iif(?21, s.issue_date, invoices.issue_date), due_date = s.due_date, "
		"amount = s.amount, open_amount = s.open_amount, "
		"currency = iif(?22, s.currency, invoices.currency), "
		"reference = iif(?23, s.reference, invoices.reference), "
		"description = iif(?24, s.description, invoices.description), "
		"status = CASE WHEN s.open_amount <> 0 THEN 'open' ELSE 'closed' END, "
		"closed_on = CASE WHEN s.open_amount <> 0 THEN NULL ELSE coalesce(invoices.closed_on, ?10) END, "
		"imported_at = ?11 "
		"FROM temp.stage_invoices AS s WHERE invoices.invoice_no = s.invoice_no AND "
		"(invoices.account_no, invoices.kind, invoices.issue_date, invoices.due_date, invoices.amount, "
		"iif(?25, " LEDGER_OPEN("invoices") ", invoices.open_amount), "
		"invoices.currency, invoices.reference, invoices.description) IS NOT "
		"(s.account_no, s.kind, iif(?21, s.issue_date, invoices.issue_date), s.due_date, s.amount, "
		"s.open_amount, iif(?22, s.currency, invoices.currency), iif(?23, s.reference, invoices.reference), "
		"iif(?24, s.description, invoices.description)) "
		"RETURNING account_no",
		/* a new invoice gets the book's next number, in the file's order */
		"INSERT INTO main.invoices(invoice_no, account_no, kind, issue_date, due_date, amount, "
		"open_amount, currency, reference, description, status, closed_on, imported_at, ref_no) "
		"SELECT invoice_no, account_no, kind, issue_date, due_date, amount, open_amount, currency, "
		"reference, description, CASE WHEN open_amount <> 0 THEN 'open' ELSE 'closed' END, "
		"CASE WHEN open_amount <> 0 THEN NULL ELSE ?10 END, ?11, " PAYREF_NEXT_SQL("r") " "
		"FROM (SELECT *, row_number() OVER (ORDER BY rowid) AS r FROM temp.stage_invoices s "
		"      WHERE NOT EXISTS (SELECT 1 FROM main.invoices i WHERE i.invoice_no = s.invoice_no)) "
		"WHERE true ON CONFLICT(invoice_no) DO NOTHING RETURNING account_no",
		bind_apply, 1);
}

/* Under the write lock, a book without invoices: every staged row is new.
 * One INSERT, without the UPDATE before it or a row handed back per
 * invoice: the accounts it moves are those of the file's rows. */
static int first_load(struct import_ctx *c)
{
	struct state *s = c->state;
	sqlite3 *db = c->book->db;
	/* no number to skip (the file's references are not made of the next
	 * ones): the r-th row gets last + r, bound once (?12 = last + 1 - the
	 * first rowid), not asked of temp.payref_next per row */
	long long skips = db_int(db, "SELECT skips FROM temp.payref_next");
	sqlite3_stmt *st = db_prepare(db, skips != 0 ?
		"INSERT INTO main.invoices(invoice_no, account_no, kind, issue_date, due_date, amount, "
		"open_amount, currency, reference, description, status, closed_on, imported_at, ref_no) "
		"SELECT invoice_no, account_no, kind, issue_date, due_date, amount, open_amount, currency, "
		"reference, description, CASE WHEN open_amount <> 0 THEN 'open' ELSE 'closed' END, "
		"CASE WHEN open_amount <> 0 THEN NULL ELSE ?10 END, ?11, " PAYREF_NEXT_SQL("r") " "
		/* every staged row is new, and the rows are numbered as staged (the
		 * table is made afresh for each import): no window to rank them */
		"FROM (SELECT *, rowid - (SELECT min(rowid) FROM temp.stage_invoices) + 1 AS r "
		"      FROM temp.stage_invoices)" :
		"INSERT INTO main.invoices(invoice_no, account_no, kind, issue_date, due_date, amount, "
		"open_amount, currency, reference, description, status, closed_on, imported_at, ref_no) "
		"SELECT invoice_no, account_no, kind, issue_date, due_date, amount, open_amount, currency, "
		"reference, description, CASE WHEN open_amount <> 0 THEN 'open' ELSE 'closed' END, "
		"CASE WHEN open_amount <> 0 THEN NULL ELSE ?10 END, ?11, ?12 + rowid FROM temp.stage_invoices");
	if (!st)
		return -1;
	bind_apply(c, st);
	if (skips == 0) {
		long long last = db_int(db, "SELECT last FROM temp.payref_next");
		long long first = db_int(db, "SELECT coalesce(min(rowid), 1) FROM temp.stage_invoices");
		if (last < 0 || first < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_bind_int64(st, 12, last + 1 - first);
	}
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		fprintf(stderr, "%s: writing the rows: %s\n", c->file, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	if (rc)
		return -1;
	c->stats.added += sqlite3_changes(db);
	const char *key;
	size_t n;
	for (size_t i = 0; strset_entry_at(&s->accounts, i, &key, &n); i++)
		if (strset_add(&c->touched, key, n, 0, NULL) < 0)
			return -1;
	return 0;
}

/* The line of the file that lists invoice no, or 0. */
static long line_of_invoice(struct import_ctx *c, const char *no)
{
	long line = 0;
	strset_has(&c->keys, no, strlen(no), &line);
	return line;
}

/* After apply: a warning for each written invoice whose structured
 * reference from the file is not its alone, because another invoice has
 * it too (in the file or the book: only the file's repeated ones after a
 * first load, which wrote every invoice), or because a number of the book
 * makes it for another invoice or an account. Such a reference is used
 * neither for matching payments (payref_owner) nor on letters
 * (payref_invoice). The import goes on: it is the ledger's data. */
static int warn_shared(struct import_ctx *c, int first)
{
	struct state *s = c->state;
	sqlite3 *db = c->book->db;
	/* the numbers a reference of the file is made of that the book gave:
	 * asked only when one of them is not above the last number given */
	long long last = db_int(db, "SELECT last FROM temp.payref_next");
	/* and not below the first number given (the book's start far above
	 * the numbers ledgers make their references of): a file of such
	 * references does not ask the book for each of them */
	long long low = db_int(db, "SELECT min(coalesce((SELECT min(ref_no) FROM main.customers WHERE ref_no IS NOT NULL), "
			       "9223372036854775807), coalesce((SELECT min(ref_no) FROM main.invoices WHERE ref_no IS NOT NULL), "
			       "9223372036854775807))");
	int numbered = 0;
	for (size_t i = 0; i < s->nnums && !numbered; i++)
		numbered = s->nums[i] >= low && s->nums[i] <= last;
	if (first && s->dups.count == 0 && !numbered)
		return 0;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS payref_dups(r TEXT PRIMARY KEY) WITHOUT ROWID;"
			"DELETE FROM temp.payref_dups"))
		return -1;
	sqlite3_stmt *add = db_prepare(db, "INSERT OR IGNORE INTO temp.payref_dups VALUES (?1)");
	if (!add)
		return -1;
	const char *key;
	size_t n;
	for (size_t i = 0; strset_entry_at(&s->dups, i, &key, &n); i++) {
		sqlite3_bind_text(add, 1, key, (int)n, SQLITE_STATIC);
		sqlite3_step(add);
		sqlite3_reset(add);
	}
	sqlite3_finalize(add);
	sqlite3_stmt *q = db_prepare(db,
		/* after a first load, only the file's repeated ones: from the few */
		"SELECT s.invoice_no, s.reference, 'invoice ' || o.invoice_no || '''s', o.invoice_no "
		"FROM temp.payref_dups d JOIN main.invoices s ON s.reference = d.r "
		"JOIN main.invoices o ON o.reference = s.reference AND o.invoice_no <> s.invoice_no WHERE ?1 "
		"UNION ALL SELECT s.invoice_no, s.reference, 'invoice ' || o.invoice_no || '''s', o.invoice_no "
		"FROM temp.stage_invoices s JOIN main.invoices o ON o.reference = s.reference "
		"AND o.invoice_no <> s.invoice_no WHERE NOT ?1 AND s.reference IS NOT NULL "
		"UNION ALL SELECT s.invoice_no, s.reference, 'the reference of the number the book gave invoice ' || o.invoice_no, NULL "
		"FROM temp.stage_invoices s JOIN main.invoices o ON o.ref_no = " PAYREF_NUMBER_SQL("s.reference") " "
		"AND o.invoice_no <> s.invoice_no WHERE ?2 AND s.reference IS NOT NULL "
		"UNION ALL SELECT s.invoice_no, s.reference, 'the reference of the number the book gave account ' || o.account_no, NULL "
		"FROM temp.stage_invoices s JOIN main.customers o ON o.ref_no = " PAYREF_NUMBER_SQL("s.reference") " "
		"WHERE ?2 AND s.reference IS NOT NULL ORDER BY 1, 3");
	if (!q)
		return -1;
	sqlite3_bind_int(q, 1, first);
	sqlite3_bind_int(q, 2, numbered);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(q, 0), *ref = (const char *)sqlite3_column_text(q, 1);
		char stored[64], shown[64];
		enum payref_kind k = payref_parse(ref, strlen(ref), stored, sizeof stored);
		if (k != PAYREF_OGM && k != PAYREF_RF)
			continue; /* free text: never a payment's reference */
		payref_display(stored, shown, sizeof shown);
		char other[96] = "";
		if (sqlite3_column_type(q, 3) != SQLITE_NULL) {
			long line = line_of_invoice(c, (const char *)sqlite3_column_text(q, 3));
			if (line)
				snprintf(other, sizeof other, " (line %ld)", line);
		}
		fprintf(stderr, "%s:%ld: warning: reference: %s of invoice %s is also %s%s; it is not used: "
			"payments quoting it are matched to neither, and letters carry the invoice's own "
			"reference from the book\n", c->file, line_of_invoice(c, no), shown, no,
			(const char *)sqlite3_column_text(q, 2), other);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "%s: looking for shared references: %s\n", c->file, sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* Under the write lock: the staged rows into the book, each new invoice
 * with the book's next number (payref_numbers_begin). */
static int apply(struct import_ctx *c)
{
	struct state *s = c->state;
	sqlite3 *db = c->book->db;
	long long any = db_int(db, "SELECT EXISTS (SELECT 1 FROM main.invoices)");
	long long count = db_int(db, any == 0 ? "SELECT count(*) FROM temp.stage_invoices"
		: "SELECT count(*) FROM temp.stage_invoices s "
		  "WHERE NOT EXISTS (SELECT 1 FROM main.invoices i WHERE i.invoice_no = s.invoice_no)");
	if (payref_numbers_begin(db, s->nums, s->nnums, count))
		return -1;
	/* RELANCE_IMPORT_GENERAL, for the tests: the statements of a book
	 * with invoices, which a first load must match row for row */
	const char *general = getenv("RELANCE_IMPORT_GENERAL");
	s->first = any == 0 && !(general && *general);
	int rc = s->first ? first_load(c) : apply_rows(c);
	return rc ? rc : warn_shared(c, s->first);
}

/* The versions of a first load whose rows were staged in key order: the
 * staging table lists what was written (every invoice of the book), in
 * the order sync_ledger_record's scan of the invoices would number them.
 * Anything else is left to it (1). */
static int versions(struct import_ctx *c)
{
	struct state *s = c->state;
	if (!s->first || s->descends)
		return 1;
	return sync_record_numbered(c->book->db,
		"SELECT 'invoices' AS tbl, invoice_no AS key, "
		"rowid - (SELECT min(rowid) FROM temp.stage_invoices) + 1 AS n FROM temp.stage_invoices") ? -1 : 0;
}

/* Under the write lock: the account of every staged row is still in the
 * book (the foreign key invoices.account_no, checked once per account;
 * step one found each of them, and customers are never deleted). */
static int references(struct import_ctx *c)
{
	struct state *s = c->state;
	const char *key;
	size_t n;
	for (size_t i = 0; strset_entry_at(&s->accounts, i, &key, &n); i++) {
		sqlite3_bind_text(s->account_exists, 1, key, (int)n, SQLITE_STATIC);
		int rc = sqlite3_step(s->account_exists);
		sqlite3_reset(s->account_exists);
		if (rc != SQLITE_ROW) {
			fprintf(stderr, "%s: account %s %s; nothing was imported\n", c->file,
				import_quote((struct csv_field){key, n}),
				rc == SQLITE_DONE ? "left the book while the file was read" : sqlite3_errmsg(c->book->db));
			return -1;
		}
	}
	return 0;
}

/* The figures of every account the file moved, in the same transaction;
 * first, the bank's payments the ledger now shows are booked, the others
 * subtracted again (bank_booked.c). */
static int update_summaries(struct import_ctx *c)
{
	if (bank_ledger_booked(c->book, "invoices", c->now) < 0)
		return -1;
	sqlite3_stmt *q = db_prepare(c->book->db, "SELECT account_no FROM temp.moved_from");
	if (!q)
		return -1;
	while (sqlite3_step(q) == SQLITE_ROW)
		strset_add(&c->touched, (const char *)sqlite3_column_text(q, 0),
			   (size_t)sqlite3_column_bytes(q, 0), 0, NULL);
	sqlite3_finalize(q);
	return summary_changed(c->book->db, &c->touched);
}

/* --snapshot: open items of the book that the file did not list are paid.
 * So is an invoice the bank paid in full (closed, its allocations not
 * booked): the ledger, which lists open items only, leaves it out once it
 * has booked the payment, and its open amount, 0, is the ledger's word.
 * It is stamped with the import's imported_at, and bank_ledger_booked
 * books its allocations (the ledger's figure fell by them). Without
 * --snapshot, a file that leaves it out says nothing of it. */
static int end(struct import_ctx *c)
{
	if (!c->opts->snapshot)
		return update_summaries(c);
	if (c->stats.rows == 0) {
		fprintf(stderr, "%s: a snapshot without rows would close every open item; "
			"nothing was imported\n", c->file);
		return -1;
	}
	sqlite3 *db = c->book->db;
	/* the open items, and the invoices the bank paid in full (a probe of
	 * the index of allocations not booked) */
	sqlite3_stmt *q = db_prepare(db,
		"SELECT invoice_no, account_no, 1 FROM invoices WHERE status = 'open' UNION ALL "
		"SELECT DISTINCT i.invoice_no, i.account_no, 0 FROM main.bank_allocations a "
		"INDEXED BY bank_allocations_invoice JOIN main.invoices i ON i.invoice_no = a.invoice_no "
		"WHERE a.booked = 0 AND i.status = 'closed'");
	sqlite3_stmt *close = db_prepare(db,
		"UPDATE invoices SET open_amount = 0, status = 'closed', closed_on = coalesce(closed_on, ?2), "
		"imported_at = ?3 WHERE invoice_no = ?1");
	struct strset gone; /* value 1: open, closed now; 0: the bank's, stamped */
	int rc = 0;
	strset_init(&gone);
	if (!q || !close)
		rc = -1;
	while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(q, 0);
		size_t n = (size_t)sqlite3_column_bytes(q, 0);
		if (strset_has(&c->keys, no, n, NULL))
			continue;
		if (strset_add(&gone, no, n, sqlite3_column_int(q, 2), NULL) < 0 ||
		    strset_add(&c->touched, (const char *)sqlite3_column_text(q, 1),
			       (size_t)sqlite3_column_bytes(q, 1), 0, NULL) < 0)
			rc = -1;
	}
	sqlite3_finalize(q);
	/* close them once the scan is over: never update the table being read */
	const char *key;
	size_t n;
	long was_open;
	for (size_t i = 0; rc == 0 && strset_entry_at(&gone, i, &key, &n); i++) {
		sqlite3_bind_text(close, 1, key, (int)n, SQLITE_STATIC);
		sqlite3_bind_text(close, 2, c->today_iso, 10, SQLITE_STATIC);
		sqlite3_bind_text(close, 3, c->now, -1, SQLITE_STATIC);
		if (sqlite3_step(close) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(close);
		if (strset_has(&gone, key, n, &was_open) && was_open)
			c->stats.closed++;
	}
	if (rc)
		fprintf(stderr, "%s: closing the invoices the file does not list: %s\n", c->file,
			sqlite3_errmsg(db));
	sqlite3_finalize(close);
	strset_free(&gone);
	return rc ? rc : update_summaries(c);
}

const struct import_kind import_invoices = {
	.name = "invoices",
	.columns = columns,
	.ncolumns = I_COUNT,
	.amount_columns = {I_AMOUNT, I_OPEN, -1},
	.key_column = I_INVOICE,
	.begin = begin,
	.row = row,
	.apply = apply,
	.end = end,
	.references = references,
	.versions = versions,
	.cleanup = cleanup,
};
