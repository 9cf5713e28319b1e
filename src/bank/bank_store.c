/* bank_store.c — a read bank file into the book: its new statements and
 * their movements, each credit through the rules (bank_match.c) and a
 * certain match applied at once (bank_apply.c), in one transaction; a
 * statement already in the book is left as it is (one of its id with
 * other movements refuses the file). Every statement is
 * prepared once per call: an import of 100,000 credits is a few indexed
 * lookups and inserts per credit, and the promises, plans and figures of
 * the accounts paid once at the end. */
#include <stdlib.h>
#include <string.h>

#include "bank_engine.h"

struct store {
	sqlite3_stmt *exists, *st_ins, *mv_ins;
};

static void store_close(struct store *s)
{
	sqlite3_finalize(s->exists);
	sqlite3_finalize(s->st_ins);
	sqlite3_finalize(s->mv_ins);
}

static int store_open(struct store *s, sqlite3 *db)
{
	s->exists = db_prepare(db, "SELECT 1 FROM bank_statements WHERE id = ?1");
	s->st_ins = db_prepare(db, "INSERT INTO bank_statements(id, format, iban, currency, seq, date, opening, "
				   "closing, movements, warning, file, imported_at) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
	s->mv_ins = db_prepare(db, "INSERT INTO bank_movements(id, statement_id, booking_date, value_date, amount, "
				   "currency, counterparty, iban, bic, reference, communication, bank_ref, status, "
				   "updated_at, account_no, rule, unapplied) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
	return s->exists && s->st_ins && s->mv_ins ? 0 : -1;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
	db_bind_text_or_null(st, i, s, s ? strlen(s) : 0);
}

static const char *format_name(enum bank_format f)
{
	return f == BANK_CODA ? "coda" : f == BANK_CAMT053 ? "camt.053" : "camt.054";
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int statement_insert(struct store *s, const struct bank_statement *t, const char *path, const char *now,
			    const char *warning)
{
	sqlite3_stmt *st = s->st_ins;
	sqlite3_bind_text(st, 1, t->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, format_name(t->format), -1, SQLITE_STATIC);
	bind_opt(st, 3, t->iban);
	sqlite3_bind_text(st, 4, t->currency, -1, SQLITE_STATIC);
	bind_opt(st, 5, t->seq);
	sqlite3_bind_text(st, 6, t->date, -1, SQLITE_STATIC);
	if (t->has_balances) {
		sqlite3_bind_int64(st, 7, t->opening);
		sqlite3_bind_int64(st, 8, t->closing);
	} else {
		sqlite3_bind_null(st, 7);
		sqlite3_bind_null(st, 8);
	}
	sqlite3_bind_int64(st, 9, (sqlite3_int64)t->n);
	bind_opt(st, 10, warning);
	sqlite3_bind_text(st, 11, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, now, -1, SQLITE_STATIC);
	return step_done(st);
}

/* A movement: matched (account, rule, unapplied) when account is not NULL. */
static int movement_insert(struct store *s, const char *id, const struct bank_statement *t,
			   const struct bank_movement *m, const char *currency, const char *status, const char *now,
			   const char *account, const char *rule, int64_t unapplied)
{
	sqlite3_stmt *st = s->mv_ins;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->booking_date, -1, SQLITE_STATIC);
	bind_opt(st, 4, m->value_date[0] ? m->value_date : NULL);
	sqlite3_bind_int64(st, 5, m->amount);
	sqlite3_bind_text(st, 6, currency, -1, SQLITE_STATIC);
	bind_opt(st, 7, m->counterparty);
	bind_opt(st, 8, m->iban);
	bind_opt(st, 9, m->bic);
	bind_opt(st, 10, m->reference);
	bind_opt(st, 11, m->communication);
	bind_opt(st, 12, m->bank_ref);
	sqlite3_bind_text(st, 13, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 14, now, -1, SQLITE_STATIC);
	bind_opt(st, 15, account);
	bind_opt(st, 16, rule);
	sqlite3_bind_int64(st, 17, account ? unapplied : 0);
	return step_done(st);
}

static void add_warning(struct bank_import_result *r, const char *w)
{
	size_t used = strlen(r->warnings);
	if (used < sizeof r->warnings - 1)
		snprintf(r->warnings + used, sizeof r->warnings - used, "%s%s", used ? "\n" : "", w);
}

/* A credit the rules matched, written by bank_apply_new. */
struct new_credit {
	struct bank_engine *e;
	struct store *s;
	const char *id, *currency;
	const struct bank_statement *t;
	const struct bank_movement *m;
	const struct bank_match *bm;
};

static int write_matched(void *arg, int64_t unapplied)
{
	const struct new_credit *c = arg;
	int matched = unapplied >= 0;
	return movement_insert(c->s, c->id, c->t, c->m, c->currency, matched ? "matched" : "unmatched", c->e->now,
			       matched ? c->bm->account_no : NULL, matched ? c->bm->rule : NULL, unapplied) ||
	       bank_engine_version(c->e, "bank_movements", c->id) ? -1 : 0;
}

/* One credit: the rules, then the match applied or the verdict stored. */
static int credit(struct bank_engine *e, struct store *s, const char *id, const struct bank_statement *t,
		  const struct bank_movement *m, const char *currency, struct bank_import_result *r)
{
	struct bank_match bm;
	struct bank_credit c = {.amount = m->amount, .currency = currency, .iban = m->iban,
				.reference = m->reference, .communication = m->communication,
				.counterparty = m->counterparty};
	if (m->amount > 0 && bank_match_credit(e, &c, &bm))
		return -1;
	if (m->amount == 0)
		memset(&bm, 0, sizeof bm);
	if (bm.verdict != BANK_MATCHED &&
	    (movement_insert(s, id, t, m, currency, bm.verdict == BANK_SUGGESTED ? "suggested" : "unmatched", e->now,
			     NULL, NULL, 0) ||
	     bank_engine_version(e, "bank_movements", id))) {
		bank_match_free(&bm);
		return -1;
	}
	int rc = 0;
	if (bm.verdict == BANK_MATCHED) {
		char err[512];
		struct new_credit nc = {.e = e, .s = s, .id = id, .currency = currency, .t = t, .m = m, .bm = &bm};
		if (bank_apply_new(e, id, m->amount, currency, m->iban, bm.account_no, bm.alloc, bm.n, bm.rule,
				   write_matched, &nc, err, sizeof err)) {
			msg_error("bank: %s: %s", id, err);
			rc = -1;
		}
		r->matched++;
	} else if (bm.verdict == BANK_SUGGESTED) {
		r->suggested++;
	} else {
		r->unmatched++;
	}
	bank_match_free(&bm);
	return rc;
}

static int import_statement(struct bank_engine *e, struct store *s, const char *path,
			    const struct bank_statement *t, struct bank_import_result *r)
{
	sqlite3_bind_text(s->exists, 1, t->id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s->exists);
	sqlite3_reset(s->exists);
	if (rc == SQLITE_ROW) {
		/* the same statement read again, or another of the same id,
		 * which the book would take for it: its movements dropped */
		sqlite3_stmt *q = db_prepare(e->b->db, "SELECT s.movements, s.closing, "
			"(SELECT count(*) FROM bank_movements m WHERE m.id > ?1 || '/' AND m.id < ?1 || '0' "
			"AND m.statement_id = ?1), "
			"(SELECT sum(amount) FROM bank_movements m WHERE m.id > ?1 || '/' AND m.id < ?1 || '0' "
			"AND m.statement_id = ?1) FROM bank_statements s WHERE s.id = ?1");
		if (!q)
			return -1;
		sqlite3_bind_text(q, 1, t->id, -1, SQLITE_STATIC);
		if (sqlite3_step(q) != SQLITE_ROW) {
			sqlite3_finalize(q);
			return -1;
		}
		int64_t n = sqlite3_column_int64(q, 0), kept = sqlite3_column_int64(q, 2);
		int64_t sum = sqlite3_column_int64(q, 3), closing = sqlite3_column_int64(q, 1);
		int has_closing = sqlite3_column_type(q, 1) != SQLITE_NULL;
		sqlite3_finalize(q);
		int64_t here = 0;
		int over = bank_statement_sum(t, &here);
		if (!over && n == kept && n == (int64_t)t->n && sum == here && has_closing == !!t->has_balances &&
		    (!has_closing || closing == t->closing)) {
			r->repeated++;
			return 0;
		}
		char a[32], c[32], ha[32], hc[32];
		money_format_grouped(sum, a, sizeof a);
		money_format_grouped(closing, c, sizeof c);
		money_format_grouped(here, ha, sizeof ha);
		money_format_grouped(t->closing, hc, sizeof hc);
		msg_error("%s:%u: statement %s is already in the book with other movements: "
			  "%lld movement%s of %s in all%s%s; this file has %zu movement%s of %s in all%s%s", path,
			  t->line ? t->line : 1, t->id, (long long)n, n == 1 ? "" : "s", a, has_closing ? ", closing " : "",
			  has_closing ? c : "", t->n, t->n == 1 ? "" : "s", over ? "more than can be counted" : ha,
			  t->has_balances ? ", closing " : "", t->has_balances ? hc : "");
		return -2;
	}
	if (rc != SQLITE_DONE)
		return -1;
	char buf[512];
	const char *warning = bank_statement_unbalanced(t, buf, sizeof buf);
	if (warning) {
		char line[1024];
		snprintf(line, sizeof line, "%s: %s", path, warning);
		add_warning(r, line);
	}
	if (statement_insert(s, t, path, e->now, warning) || bank_engine_version(e, "bank_statements", t->id))
		return -1;
	r->statements++;
	for (size_t i = 0; i < t->n; i++) {
		const struct bank_movement *m = &t->mv[i];
		const char *currency = m->currency[0] ? m->currency : t->currency;
		char id[256];
		snprintf(id, sizeof id, "%s/%04zu", t->id, i + 1);
		r->movements++;
		if (m->amount < 0) {
			if (movement_insert(s, id, t, m, currency, "debit", e->now, NULL, NULL, 0) ||
			    bank_engine_version(e, "bank_movements", id))
				return -1;
			continue;
		}
		r->credits++;
		if (credit(e, s, id, t, m, currency, r))
			return -1;
	}
	return 0;
}

int bank_import(struct book *b, const char *path, const struct bank_file *f, int dry_run,
		struct bank_import_result *r)
{
	memset(r, 0, sizeof *r);
	struct bank_engine e;
	struct store s = {0};
	/* In the caller's transaction, no savepoint of ours (but for a dry
	 * run): an import writes to thousands of pages, and with a savepoint
	 * open over it SQLite's release of each statement walks all the
	 * savepoint has kept — quadratic. The caller rolls back on failure. */
	int nested = !sqlite3_get_autocommit(b->db), own = !nested || dry_run;
	if (own && db_tx_begin(b->db, &nested))
		return -1;
	/* a cache large enough never to spill, as an import of payments has
	 * (book_bulk_begin): in WAL, a large transaction's spills are
	 * quadratic (a fifth of a 100,000-credit import, and as much again
	 * reading back the pages spilt) */
	struct book_bulk bulk;
	book_bulk_begin_wal(b->db, &bulk);
	/* the indexes matching looks up among the open invoices (018, made
	 * on first use by 021), before the engine's statements are planned */
	if (db_exec(b->db, BANK_MATCH_INDEXES) || bank_engine_open(&e, b, 1)) {
		if (own)
			db_tx_rollback(b->db, nested);
		book_bulk_end(b->db, &bulk);
		return -1;
	}
	int rc = store_open(&s, b->db);
	for (size_t i = 0; !rc && i < f->n; i++)
		if ((rc = import_statement(&e, &s, path, &f->st[i], r))) {
			if (rc == -1) /* -2: refused, and said why */
				db_say(b->db, path);
			rc = -1;
		}
	if (!rc && bank_engine_finish(&e))
		rc = -1;
	store_close(&s);
	bank_engine_close(&e);
	book_bulk_end(b->db, &bulk);
	if (!own)
		return rc;
	if (rc || dry_run) {
		db_tx_rollback(b->db, nested);
		return rc;
	}
	return db_tx_commit(b->db, nested) ? -1 : 0;
}

/* --- the lists ------------------------------------------------------- */

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s && *s ? s : NULL;
}

int bank_statements_each(sqlite3 *db, void (*fn)(const struct bank_statement_row *, void *), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, iban, date, currency, opening, closing, movements "
					  "FROM bank_statements ORDER BY date DESC, id");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bank_statement_row r = {
			.id = col(st, 0), .iban = col(st, 1), .date = col(st, 2), .currency = col(st, 3),
			.has_balances = sqlite3_column_type(st, 4) != SQLITE_NULL,
			.opening = sqlite3_column_int64(st, 4), .closing = sqlite3_column_int64(st, 5),
			.movements = (long)sqlite3_column_int64(st, 6)};
		fn(&r, arg);
	}
	if (rc != SQLITE_DONE)
		db_say(db, "bank statements");
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int bank_movements_each(sqlite3 *db, int unmatched_only, void (*fn)(const struct bank_movement_row *, void *),
			void *arg)
{
	sqlite3_stmt *st = db_prepare(db, unmatched_only ?
		"SELECT id, booking_date, amount, currency, counterparty, iban, reference, communication, status, "
		"account_no, NULL, rule FROM bank_movements WHERE status IN ('unmatched', 'suggested') "
		"ORDER BY booking_date DESC, id" :
		"SELECT id, booking_date, amount, currency, counterparty, iban, reference, communication, status, "
		"account_no, (SELECT group_concat(invoice_no, ',') FROM (SELECT invoice_no FROM bank_allocations a "
		"WHERE a.movement_id = m.id ORDER BY invoice_no)), rule FROM bank_movements m "
		"ORDER BY booking_date DESC, id");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct bank_movement_row r = {
			.id = col(st, 0), .date = col(st, 1), .amount = sqlite3_column_int64(st, 2),
			.currency = col(st, 3), .counterparty = col(st, 4), .iban = col(st, 5),
			.reference = col(st, 6), .communication = col(st, 7), .status = col(st, 8),
			.account_no = col(st, 9), .invoices = col(st, 10), .rule = col(st, 11)};
		fn(&r, arg);
	}
	if (rc != SQLITE_DONE)
		db_say(db, "bank movements");
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int bank_movement_amount(struct book *b, const char *id, int64_t *amount)
{
	sqlite3_stmt *st = db_prepare(b->db, "SELECT amount FROM bank_movements WHERE id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*amount = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
