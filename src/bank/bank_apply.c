/* bank_apply.c — a credit applied to an account, undone, or set aside as
 * no customer's: the invoices' open amounts (and their versions, so that
 * they travel), the allocations with what the ledger last said of each
 * invoice, the movement, the account's journal, promises, plans and
 * figures, all in the caller's transaction. The only writer of
 * bank_allocations and of a movement's match. Decides nothing: the rules
 * are bank_match.c's, a person's choice the caller's. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bank_engine.h"
#include "work/lib.h"

static const char *const engine_sql[] = {
	/* inv_by_no */
	"SELECT account_no, open_amount, kind, currency, status, "
	"open_amount + coalesce((SELECT sum(amount) FROM bank_allocations WHERE invoice_no = ?1 AND booked = 0), 0) "
	"FROM invoices WHERE invoice_no = ?1",
	/* inv_by_key: the expression of migration 018's index, word for word */
	"SELECT invoice_no, account_no FROM invoices "
	"WHERE ltrim(upper(replace(replace(invoice_no, ' ', ''), '-', '')), '0') = ?1 AND status = 'open' LIMIT 3",
	/* inv_by_amount */
	"SELECT invoice_no, account_no FROM invoices WHERE open_amount = ?1 AND status = 'open' "
	"AND kind = 'invoice' AND currency = ?2 LIMIT 2",
	/* ibans */
	"SELECT account_no FROM customer_ibans WHERE iban = ?1 LIMIT 2",
	/* open_of */
	"SELECT i.invoice_no, i.open_amount, i.currency FROM invoices i "
	"WHERE i.account_no = ?1 AND i.status = 'open' AND i.kind = 'invoice' "
	"ORDER BY EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_no = i.invoice_no AND d.status = 'open'), "
	"i.due_date, i.invoice_no",
	/* mv_get */
	"SELECT amount, currency, status, iban, account_no FROM bank_movements WHERE id = ?1",
	/* inv_pay */
	"UPDATE invoices SET open_amount = open_amount - ?2, "
	"status = iif(open_amount - ?2 = 0, 'closed', 'open'), "
	"closed_on = iif(open_amount - ?2 = 0, ?3, NULL) WHERE invoice_no = ?1",
	/* alloc_ins */
	"INSERT INTO bank_allocations(movement_id, invoice_no, amount, ledger_open) VALUES (?1, ?2, ?3, ?4)",
	/* mv_matched */
	"UPDATE bank_movements SET status = 'matched', account_no = ?2, rule = ?3, unapplied = ?4, "
	"updated_at = ?5 WHERE id = ?1",
	/* touch */
	"INSERT INTO sync_touch(tbl, key, gone) VALUES ('invoices', ?1, NULL)",
	/* learn */
	"INSERT OR IGNORE INTO customer_ibans(iban, account_no, source) VALUES (?1, ?2, 'learned')",
	/* account_ok */
	"SELECT 1 FROM customers WHERE account_no = ?1",
	/* iban_elsewhere */
	"SELECT EXISTS (SELECT 1 FROM customer_ibans WHERE iban = ?1 AND account_no <> ?2) "
	"AND NOT EXISTS (SELECT 1 FROM customer_ibans WHERE iban = ?1 AND account_no = ?2)",
};

static sqlite3_stmt **engine_slot(struct bank_engine *e, size_t i)
{
	sqlite3_stmt **slots[] = {&e->inv_by_no, &e->inv_by_key, &e->inv_by_amount, &e->ibans, &e->open_of,
				  &e->mv_get, &e->inv_pay, &e->alloc_ins, &e->mv_matched, &e->touch,
				  &e->learn, &e->account_ok, &e->iban_elsewhere};
	return slots[i];
}

int bank_engine_open(struct bank_engine *e, struct book *b, int bulk)
{
	memset(e, 0, sizeof *e);
	e->b = b;
	e->bulk = bulk;
	strset_init(&e->touched);
	now_utc(e->now);
	e->today = today();
	date_iso(e->today, e->today_iso);
	for (size_t i = 0; i < sizeof engine_sql / sizeof *engine_sql; i++)
		if (!(*engine_slot(e, i) = db_prepare(b->db, engine_sql[i]))) {
			bank_engine_close(e);
			return -1;
		}
	payref_owners_open(&e->owners, b->db);
	if (journal_writer_open(&e->journal, b)) {
		bank_engine_close(e);
		return -1;
	}
	/* (already quiet: the caller's writes make no versions, nor do ours
	 * but the invoices', as the triggers would) */
	if (bulk && db_int(b->db, "SELECT count(*) FROM book_meta WHERE key = 'sync_quiet'") == 0) {
		/* each unit once, numbered from 1 in the order first noted
		 * (e->noted: an insert ignored takes no number): the order
		 * sync_record would give them, without sorting 400,000 rows
		 * to find it, in one tree keyed by the unit */
		if (db_exec(b->db, "DROP TABLE IF EXISTS temp.bank_versions; "
				   "CREATE TEMP TABLE bank_versions(tbl TEXT NOT NULL, key TEXT NOT NULL, "
				   "n INTEGER NOT NULL, PRIMARY KEY (tbl, key)) WITHOUT ROWID") ||
		    !(e->note = db_prepare(b->db, "INSERT OR IGNORE INTO temp.bank_versions(tbl, key, n) "
						  "VALUES (?1, ?2, ?3)")) ||
		    sync_quiet(b->db, 1)) {
			bank_engine_close(e);
			return -1;
		}
		e->quiet = 1;
	}
	return 0;
}

int bank_engine_version(struct bank_engine *e, const char *tbl, const char *key)
{
	sqlite3_stmt *st = e->quiet ? e->note : !strcmp(tbl, "invoices") ? e->touch : NULL;
	if (!st)
		return 0; /* the triggers' */
	if (e->quiet) {
		sqlite3_bind_text(st, 1, tbl, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, e->noted + 1);
	} else {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE && e->quiet && sqlite3_changes(e->b->db) == 1)
		e->noted++;
	return rc == SQLITE_DONE ? 0 : -1;
}

void bank_engine_close(struct bank_engine *e)
{
	for (size_t i = 0; i < sizeof engine_sql / sizeof *engine_sql; i++) {
		sqlite3_finalize(*engine_slot(e, i));
		*engine_slot(e, i) = NULL;
	}
	journal_writer_close(&e->journal);
	payref_owners_close(&e->owners);
	sqlite3_finalize(e->note);
	e->note = NULL;
	if (e->quiet) /* not finished: the caller rolls back */
		sync_quiet(e->b->db, 0);
	e->quiet = 0;
	strset_free(&e->touched);
}

/* Money came to an account: its promises, plans and figures follow. */
static int settle(struct bank_engine *e, const char *account)
{
	if (e->bulk)
		return strset_add(&e->touched, account, strlen(account), 0, NULL) < 0 ? -1 : 0;
	if (promise_evaluate(e->b, e->today, account) < 0 || plan_evaluate(e->b, e->today, account) < 0)
		return -1;
	return summary_account_changed(e->b->db, account);
}

int bank_engine_finish(struct bank_engine *e)
{
	if (e->quiet) {
		if (sync_record_numbered(e->b->db, "SELECT tbl, key, n FROM temp.bank_versions") ||
		    db_exec(e->b->db, "DELETE FROM temp.bank_versions") || sync_quiet(e->b->db, 0))
			return -1;
		e->quiet = 0;
		e->noted = 0;
	}
	if (!e->bulk || e->touched.count == 0)
		return 0;
	/* the figures first: when the accounts paid are most of the book,
	 * the table is marked stale at once, and the promises and plans that
	 * change then recompute nothing (each moves its account's figures) */
	if (summary_changed(e->b->db, &e->touched))
		return -1;
	return promise_evaluate(e->b, e->today, NULL) < 0 || plan_evaluate(e->b, e->today, NULL) < 0 ? -1 : 0;
}

__attribute__((format(printf, 3, 4)))
static int refuse(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static int db_fail(struct bank_engine *e, char *err, size_t errlen)
{
	return refuse(err, errlen, "database: %s", sqlite3_errmsg(e->b->db));
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* s as a JSON string's inside (quotes, backslashes, controls escaped). */
static void json_text(struct sbuf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			sbuf_printf(out, "\\%c", c);
		else if (c < 0x20)
			sbuf_printf(out, "\\u%04x", c);
		else
			sbuf_put(out, s, 1);
	}
}

/* A movement as apply and unapply read it. */
struct movement {
	int64_t amount;
	char currency[4], status[16], iban[40], account[65];
};

static int movement_get(struct bank_engine *e, const char *id, struct movement *m)
{
	sqlite3_stmt *st = e->mv_get;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *t;
		m->amount = sqlite3_column_int64(st, 0);
		snprintf(m->currency, sizeof m->currency, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(m->status, sizeof m->status, "%s", (const char *)sqlite3_column_text(st, 2));
		snprintf(m->iban, sizeof m->iban, "%s", (t = (const char *)sqlite3_column_text(st, 3)) ? t : "");
		snprintf(m->account, sizeof m->account, "%s", (t = (const char *)sqlite3_column_text(st, 4)) ? t : "");
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Checks one allocation against its invoice; its open amount before, and
 * what the ledger last said of it (ledger_open). */
static int check_alloc(struct bank_engine *e, const struct movement *mv, const char *account,
		       const struct bank_alloc *a, int64_t *open, int64_t *ledger_open, char *err, size_t errlen)
{
	sqlite3_stmt *st = e->inv_by_no;
	sqlite3_bind_text(st, 1, a->invoice_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return rc == SQLITE_DONE ? refuse(err, errlen, "no invoice '%s'", a->invoice_no) : db_fail(e, err, errlen);
	}
	char inv_account[65], kind[16], currency[4], status[8];
	snprintf(inv_account, sizeof inv_account, "%s", (const char *)sqlite3_column_text(st, 0));
	*open = sqlite3_column_int64(st, 1);
	snprintf(kind, sizeof kind, "%s", (const char *)sqlite3_column_text(st, 2));
	snprintf(currency, sizeof currency, "%s", (const char *)sqlite3_column_text(st, 3));
	snprintf(status, sizeof status, "%s", (const char *)sqlite3_column_text(st, 4));
	*ledger_open = sqlite3_column_int64(st, 5);
	sqlite3_reset(st);
	char amt[32], op[32];
	money_format_grouped(a->amount, amt, sizeof amt);
	money_format_grouped(*open, op, sizeof op);
	if (strcmp(inv_account, account))
		return refuse(err, errlen, "invoice %s is account %s's, not %s's", a->invoice_no, inv_account, account);
	if (strcmp(kind, "invoice") || strcmp(status, "open"))
		return refuse(err, errlen, "invoice %s is not an open invoice", a->invoice_no);
	if (strcmp(currency, mv->currency))
		return refuse(err, errlen, "invoice %s is in %s, the payment in %s", a->invoice_no, currency,
			      mv->currency);
	if (a->amount <= 0)
		return refuse(err, errlen, "invoice %s: the amount must be more than 0", a->invoice_no);
	if (a->amount > *open)
		return refuse(err, errlen, "invoice %s: %s is more than its open amount %s", a->invoice_no, amt, op);
	return 0;
}

static int bank_apply_checked(struct bank_engine *e, const char *movement_id, const struct movement *mvp,
			      const char *account_no, const struct bank_alloc *a, size_t n, const char *rule,
			      const char *user, char *err, size_t errlen);

int bank_apply_with(struct bank_engine *e, const char *movement_id, const char *account_no,
		    const struct bank_alloc *a, size_t n, const char *rule, const char *user,
		    char *err, size_t errlen)
{
	struct movement mv;
	int rc = movement_get(e, movement_id, &mv);
	if (rc <= 0)
		return rc ? db_fail(e, err, errlen) : refuse(err, errlen, "no movement '%s'", movement_id);
	if (mv.amount <= 0)
		return refuse(err, errlen, "movement %s is a debit: only credits are matched", movement_id);
	if (!strcmp(mv.status, "matched"))
		return refuse(err, errlen, "movement %s is already matched to account %s (unmatch it first)",
			      movement_id, mv.account);
	sqlite3_bind_text(e->account_ok, 1, account_no, -1, SQLITE_STATIC);
	rc = sqlite3_step(e->account_ok);
	sqlite3_reset(e->account_ok);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? refuse(err, errlen, "no account '%s'", account_no) : db_fail(e, err, errlen);
	/* an amount of 0: the invoice's open amount, within what is left */
	struct bank_alloc *fill = NULL;
	int64_t left = mv.amount;
	for (size_t i = 0; i < n; i++)
		left -= a[i].amount;
	for (size_t i = 0; i < n; i++) {
		if (a[i].amount != 0)
			continue;
		if (!fill) {
			if (!(fill = malloc(n * sizeof *fill)))
				return refuse(err, errlen, "out of memory");
			memcpy(fill, a, n * sizeof *fill);
			a = fill;
		}
		char acc[65], cur[4], kind[16];
		int64_t open = 0;
		sqlite3_bind_text(e->inv_by_no, 1, fill[i].invoice_no, -1, SQLITE_STATIC);
		if (sqlite3_step(e->inv_by_no) == SQLITE_ROW) {
			snprintf(acc, sizeof acc, "%s", (const char *)sqlite3_column_text(e->inv_by_no, 0));
			snprintf(kind, sizeof kind, "%s", (const char *)sqlite3_column_text(e->inv_by_no, 2));
			snprintf(cur, sizeof cur, "%s", (const char *)sqlite3_column_text(e->inv_by_no, 3));
			open = sqlite3_column_int64(e->inv_by_no, 1);
		}
		sqlite3_reset(e->inv_by_no);
		fill[i].amount = open < left ? open : left;
		if (fill[i].amount <= 0 && open > 0) {
			free(fill);
			return refuse(err, errlen, "nothing of the payment is left for invoice %s", a[i].invoice_no);
		}
		if (fill[i].amount > 0)
			left -= fill[i].amount;
	}
	rc = bank_apply_checked(e, movement_id, &mv, account_no, a, n, rule, user, err, errlen);
	free(fill);
	return rc;
}

/* The checks of a match: each allocation against its invoice (what the
 * ledger last said of it in ledger_open[i]: the writes of one match
 * touch no other of its invoices, so it stays true until written), and
 * their sum within the payment. 0, or -1 with err set. */
static int apply_check(struct bank_engine *e, const struct movement *mv, const char *account_no,
		       const struct bank_alloc *a, size_t n, int64_t *ledger_open, int64_t *sum, char *err,
		       size_t errlen)
{
	*sum = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < i; j++)
			if (!strcmp(a[i].invoice_no, a[j].invoice_no))
				return refuse(err, errlen, "invoice %s is named twice", a[i].invoice_no);
		int64_t open;
		if (check_alloc(e, mv, account_no, &a[i], &open, &ledger_open[i], err, errlen))
			return -1;
		*sum += a[i].amount;
	}
	if (*sum > mv->amount) {
		char s[32], m[32];
		money_format_grouped(*sum, s, sizeof s);
		money_format_grouped(mv->amount, m, sizeof m);
		return refuse(err, errlen, "the invoices take %s, the payment is %s", s, m);
	}
	return 0;
}

/* The writes of a checked match; the movement's own row only when
 * mark_movement (an import writes it matched at once: bank_apply_new). */
static int apply_write(struct bank_engine *e, const char *movement_id, const struct movement *mvp,
		       const char *account_no, const struct bank_alloc *a, size_t n, const int64_t *ledger_open,
		       int64_t sum, const char *rule, const char *user, int mark_movement, char *err, size_t errlen)
{
	sqlite3 *db = e->b->db;
	const struct movement mv = *mvp;
	struct sbuf list = {0}, detail = {0};
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(e->inv_pay, 1, a[i].invoice_no, -1, SQLITE_STATIC);
		sqlite3_bind_int64(e->inv_pay, 2, a[i].amount);
		sqlite3_bind_text(e->inv_pay, 3, e->today_iso, -1, SQLITE_STATIC);
		sqlite3_bind_text(e->alloc_ins, 1, movement_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(e->alloc_ins, 2, a[i].invoice_no, -1, SQLITE_STATIC);
		sqlite3_bind_int64(e->alloc_ins, 3, a[i].amount);
		sqlite3_bind_int64(e->alloc_ins, 4, ledger_open[i]);
		if (step_done(e->inv_pay) || step_done(e->alloc_ins) ||
		    bank_engine_version(e, "invoices", a[i].invoice_no)) {
			db_fail(e, err, errlen);
			goto fail;
		}
		sbuf_printf(&list, "%s%s", i ? ", " : "", a[i].invoice_no);
	}
	if (mark_movement) {
		sqlite3_stmt *st = e->mv_matched;
		sqlite3_bind_text(st, 1, movement_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, account_no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, rule, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, mv.amount - sum);
		sqlite3_bind_text(st, 5, e->now, -1, SQLITE_STATIC);
		if (step_done(st) || bank_engine_version(e, "bank_movements", movement_id)) {
			db_fail(e, err, errlen);
			goto fail;
		}
	}
	if (!strcmp(rule, BANK_RULE_MANUAL) && strlen(mv.iban) >= 15 && strlen(mv.iban) <= 34) {
		sqlite3_bind_text(e->learn, 1, mv.iban, -1, SQLITE_STATIC);
		sqlite3_bind_text(e->learn, 2, account_no, -1, SQLITE_STATIC);
		if (step_done(e->learn) || bank_engine_version(e, "customers", account_no)) {
			db_fail(e, err, errlen);
			goto fail;
		}
	}
	char amount[32], rest[32], summary[1024];
	money_format_grouped(mv.amount, amount, sizeof amount);
	money_format_grouped(mv.amount - sum, rest, sizeof rest);
	if (mv.amount - sum > 0)
		snprintf(summary, sizeof summary, "Payment received %s %s (bank, rule %s): %s%s%s unapplied", amount,
			 mv.currency, rule, list.len ? list.s : "", list.len ? "; " : "", rest);
	else
		snprintf(summary, sizeof summary, "Payment received %s %s (bank, rule %s): %s", amount, mv.currency,
			 rule, list.s);
	sbuf_puts(&detail, "{\"movement\":\"");
	json_text(&detail, movement_id);
	sbuf_printf(&detail, "\",\"rule\":\"%s\",\"unapplied\":%lld}", rule, (long long)(mv.amount - sum));
	struct journal_entry je = {.account_no = account_no, .type = "payment", .user = user ? user : "system",
				   .summary = summary, .detail = detail.s};
	/* the entry's figures (last contact) move with the rest: settle */
	char entry[UID_LEN + 1];
	if (journal_writer_add(&e->journal, &je, entry) || bank_engine_version(e, "activities", entry) ||
	    settle(e, account_no)) {
		snprintf(err, errlen, "database: %s", sqlite3_errmsg(db));
		goto fail;
	}
	sbuf_free(&list);
	sbuf_free(&detail);
	return 0;
fail:
	sbuf_free(&list);
	sbuf_free(&detail);
	return -1;
}

/* bank_apply_with once every amount is known. */
static int bank_apply_checked(struct bank_engine *e, const char *movement_id, const struct movement *mvp,
			      const char *account_no, const struct bank_alloc *a, size_t n, const char *rule,
			      const char *user, char *err, size_t errlen)
{
	int64_t one, *ledger_open = n > 1 ? malloc(n * sizeof *ledger_open) : &one, sum;
	if (!ledger_open)
		return refuse(err, errlen, "out of memory");
	int rc = apply_check(e, mvp, account_no, a, n, ledger_open, &sum, err, errlen) ||
		 apply_write(e, movement_id, mvp, account_no, a, n, ledger_open, sum, rule, user, 1, err, errlen) ? -1 : 0;
	if (ledger_open != &one)
		free(ledger_open);
	return rc;
}

int bank_apply_new(struct bank_engine *e, const char *movement_id, int64_t amount, const char *currency,
		   const char *iban, const char *account_no, const struct bank_alloc *a, size_t n, const char *rule,
		   int (*write_movement)(void *arg, int64_t unapplied), void *arg, char *err, size_t errlen)
{
	struct movement mv = {.amount = amount};
	snprintf(mv.currency, sizeof mv.currency, "%s", currency);
	snprintf(mv.status, sizeof mv.status, "%s", "unmatched");
	snprintf(mv.iban, sizeof mv.iban, "%s", iban ? iban : "");
	int zero = amount <= 0;
	for (size_t i = 0; i < n; i++)
		zero |= a[i].amount == 0;
	if (zero) { /* as bank_apply_with would fill it, on the movement written */
		if (write_movement(arg, -1))
			return db_fail(e, err, errlen);
		return bank_apply_with(e, movement_id, account_no, a, n, rule, "system", err, errlen);
	}
	sqlite3_bind_text(e->account_ok, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(e->account_ok);
	sqlite3_reset(e->account_ok);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? refuse(err, errlen, "no account '%s'", account_no) : db_fail(e, err, errlen);
	int64_t one, *ledger_open = n > 1 ? malloc(n * sizeof *ledger_open) : &one, sum;
	if (!ledger_open)
		return refuse(err, errlen, "out of memory");
	rc = apply_check(e, &mv, account_no, a, n, ledger_open, &sum, err, errlen);
	if (!rc && write_movement(arg, amount - sum))
		rc = db_fail(e, err, errlen);
	if (!rc)
		rc = apply_write(e, movement_id, &mv, account_no, a, n, ledger_open, sum, rule, "system", 0, err, errlen);
	if (ledger_open != &one)
		free(ledger_open);
	return rc;
}

/* One change of the caller's, in a savepoint of its own so that a
 * refusal halfway leaves nothing. */
static int in_tx(struct book *b, int rc_of_work, int nested)
{
	if (rc_of_work) {
		db_tx_rollback(b->db, nested);
		return -1;
	}
	return db_tx_commit(b->db, nested) ? -1 : 0;
}

/* The engine for one write of a person's, in a transaction of its own
 * (or a savepoint in the caller's). 0, or -1 with err set. */
static int engine_begin(struct bank_engine *e, struct book *b, int *nested, char *err, size_t errlen)
{
	if (bank_engine_open(e, b, 0))
		return refuse(err, errlen, "database: %s", sqlite3_errmsg(b->db));
	if (db_tx_begin(b->db, nested)) {
		bank_engine_close(e);
		return refuse(err, errlen, "database: %s", sqlite3_errmsg(b->db));
	}
	return 0;
}

int bank_apply(struct book *b, const char *movement_id, const char *account_no,
	       const struct bank_alloc *a, size_t n, const char *rule, const char *user,
	       char *err, size_t errlen)
{
	struct bank_engine e;
	int nested;
	if (engine_begin(&e, b, &nested, err, errlen))
		return -1;
	int rc = bank_apply_with(&e, movement_id, account_no, a, n, rule, user, err, errlen);
	bank_engine_close(&e);
	return in_tx(b, rc, nested);
}

/* An unmatched credit set aside ('ignored'), or brought back ('unmatched'). */
static int set_status(struct bank_engine *e, const char *movement_id, const char *status, char *err, size_t errlen)
{
	sqlite3_stmt *st = db_prepare(e->b->db, "UPDATE bank_movements SET status = ?3, updated_at = ?2 WHERE id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, movement_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, status, -1, SQLITE_STATIC);
	int rc = step_done(st) ? db_fail(e, err, errlen) : 0;
	sqlite3_finalize(st);
	return rc;
}

int bank_unapply(struct book *b, const char *movement_id, const char *user, char *err, size_t errlen)
{
	struct bank_engine e;
	int nested, rc;
	if (engine_begin(&e, b, &nested, err, errlen))
		return -1;
	struct movement mv;
	sqlite3_stmt *sel = NULL, *give = NULL;
	struct sbuf list = {0}, detail = {0};
	int step;
	rc = movement_get(&e, movement_id, &mv);
	if (rc <= 0) {
		rc = rc ? db_fail(&e, err, errlen) : refuse(err, errlen, "no movement '%s'", movement_id);
		goto out;
	}
	if (!strcmp(mv.status, "ignored")) { /* set aside: back among the unmatched */
		rc = set_status(&e, movement_id, "unmatched", err, errlen);
		goto out;
	}
	if (strcmp(mv.status, "matched")) {
		rc = refuse(err, errlen, "movement %s is not matched (it is %s)", movement_id, mv.status);
		goto out;
	}
	/* the ledger's payments show the money: undone, the ledger's payment
	 * would stay the credit's, and the credit, matched again, never count */
	sel = db_prepare(b->db, "SELECT ledger_payment FROM bank_movements WHERE id = ?1 AND ledger_payment IS NOT NULL");
	if (!sel) {
		rc = db_fail(&e, err, errlen);
		goto out;
	}
	sqlite3_bind_text(sel, 1, movement_id, -1, SQLITE_STATIC);
	if ((step = sqlite3_step(sel)) != SQLITE_DONE) {
		rc = step == SQLITE_ROW ? refuse(err, errlen, "movement %s: the ledger's payment %s shows it: "
						 "it can no longer be unmatched", movement_id,
						 (const char *)sqlite3_column_text(sel, 0))
					: db_fail(&e, err, errlen);
		goto out;
	}
	sqlite3_finalize(sel);
	rc = -1;
	sel = db_prepare(b->db, "SELECT invoice_no, amount, booked FROM bank_allocations WHERE movement_id = ?1 "
				"ORDER BY invoice_no");
	give = db_prepare(b->db, "UPDATE invoices SET open_amount = open_amount + ?2, status = 'open', closed_on = NULL "
				 "WHERE invoice_no = ?1");
	if (!sel || !give) {
		db_fail(&e, err, errlen);
		goto out;
	}
	sqlite3_bind_text(sel, 1, movement_id, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(sel)) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(sel, 0);
		if (sqlite3_column_int(sel, 2)) {
			refuse(err, errlen, "movement %s: the ledger has booked its payment of invoice %s: "
				      "it can no longer be unmatched", movement_id, no);
			goto out;
		}
		sqlite3_bind_text(give, 1, no, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(give, 2, sqlite3_column_int64(sel, 1));
		sqlite3_bind_text(e.touch, 1, no, -1, SQLITE_TRANSIENT);
		if (step_done(give) || step_done(e.touch)) {
			db_fail(&e, err, errlen);
			goto out;
		}
		sbuf_printf(&list, "%s%s", list.len ? ", " : "", no);
	}
	if (step != SQLITE_DONE) {
		db_fail(&e, err, errlen);
		goto out;
	}
	sqlite3_stmt *st = db_prepare(b->db, "DELETE FROM bank_allocations WHERE movement_id = ?1");
	sqlite3_stmt *st2 = db_prepare(b->db, "UPDATE bank_movements SET status = 'unmatched', account_no = NULL, "
					      "rule = NULL, unapplied = 0, updated_at = ?2 WHERE id = ?1");
	/* a match undone teaches nothing: the IBAN it taught the account is
	 * forgotten, unless another of the account's matches has it too */
	sqlite3_stmt *st3 = db_prepare(b->db, "DELETE FROM customer_ibans WHERE iban = ?1 AND account_no = ?2 "
					      "AND source = 'learned' AND NOT EXISTS (SELECT 1 FROM bank_movements m "
					      "WHERE m.iban = ?1 AND m.account_no = ?2 AND m.status = 'matched')");
	int bad = !st || !st2 || !st3;
	if (!bad) {
		sqlite3_bind_text(st, 1, movement_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st2, 1, movement_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st2, 2, e.now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st3, 1, mv.iban, -1, SQLITE_STATIC);
		sqlite3_bind_text(st3, 2, mv.account, -1, SQLITE_STATIC);
		bad = step_done(st) || step_done(st2) || (*mv.iban && step_done(st3));
	}
	sqlite3_finalize(st);
	sqlite3_finalize(st2);
	sqlite3_finalize(st3);
	if (bad) {
		db_fail(&e, err, errlen);
		goto out;
	}
	char amount[32], summary[1024];
	money_format_grouped(mv.amount, amount, sizeof amount);
	snprintf(summary, sizeof summary, "Payment unassigned %s %s (bank)%s%s", amount, mv.currency,
		 list.len ? ": " : "", list.len ? list.s : "");
	sbuf_puts(&detail, "{\"movement\":\"");
	json_text(&detail, movement_id);
	sbuf_puts(&detail, "\"}");
	struct journal_entry je = {.account_no = mv.account, .type = "payment", .user = user ? user : "system",
				   .summary = summary, .detail = detail.s};
	if (journal_add(b, &je, NULL) || settle(&e, mv.account)) {
		snprintf(err, errlen, "database: %s", sqlite3_errmsg(b->db));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(give);
	sbuf_free(&list);
	sbuf_free(&detail);
	bank_engine_close(&e);
	return in_tx(b, rc, nested);
}

int bank_ignore(struct book *b, const char *movement_id, const char *user, char *err, size_t errlen)
{
	(void)user; /* no account: no journal to write in */
	struct bank_engine e;
	int nested, rc;
	if (engine_begin(&e, b, &nested, err, errlen))
		return -1;
	struct movement mv;
	rc = movement_get(&e, movement_id, &mv);
	if (rc <= 0) {
		rc = rc ? db_fail(&e, err, errlen) : refuse(err, errlen, "no movement '%s'", movement_id);
	} else if (strcmp(mv.status, "unmatched") && strcmp(mv.status, "suggested")) {
		rc = refuse(err, errlen, "movement %s is %s: only an unmatched or suggested credit can be ignored%s",
			    movement_id, mv.status, !strcmp(mv.status, "matched") ? " (unmatch it first)" : "");
	} else {
		rc = set_status(&e, movement_id, "ignored", err, errlen);
	}
	bank_engine_close(&e);
	return in_tx(b, rc, nested);
}
