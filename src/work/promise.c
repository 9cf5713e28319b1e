/* promise.c — promises to pay and their rules. */
#include "promise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"
#include "received.h"

struct covered {
	struct sbuf list; /* "N1,N2" */
	int64_t open;     /* their open amount */
	int count;
};

/* Chooses or checks the invoices a promise covers. Returns 0, 1 (refused). */
static int cover(struct book *b, const struct promise_request *r, int64_t amount, struct covered *c)
{
	memset(c, 0, sizeof *c);
	char list[1024] = "";
	if (r->invoices) { /* each one named must be open, and is named if not */
		char bad[64];
		if (ledger_invoices_normal(r->invoices, list, sizeof list)) {
			msg_error("promise: too many invoices named");
			return 1;
		}
		if (ledger_invoices_open(b->db, r->account_no, list, bad) < 0) {
			msg_error("promise: invoice %s is not an open invoice of account %s", bad, r->account_no);
			return 1;
		}
	}
	sqlite3_stmt *st = db_prepare(b->db, "SELECT invoice_no, open_amount FROM invoices WHERE account_no = ?1 "
					     "AND status = 'open' AND kind = 'invoice' ORDER BY due_date, invoice_no");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->account_no, -1, SQLITE_STATIC);
	int rc = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *no = (const char *)sqlite3_column_text(st, 0);
		int64_t open = sqlite3_column_int64(st, 1);
		int take;
		if (r->invoices) { /* the ones named, in any order */
			char padded[1100], key[96];
			snprintf(padded, sizeof padded, ",%s,", list);
			snprintf(key, sizeof key, ",%s,", no);
			take = strstr(padded, key) != NULL;
		} else {
			take = c->open < amount; /* oldest first until the amount is covered */
		}
		if (!take)
			continue;
		if (c->count++)
			sbuf_put(&c->list, ",", 1);
		sbuf_puts(&c->list, no);
		c->open += open;
	}
	sqlite3_finalize(st);
	return rc;
}

int promise_add(struct book *b, const char *user, const struct promise_request *r, char id_out[UID_LEN + 1])
{
	day_t today_ = today();
	if (ledger_account_exists(b->db, r->account_no) <= 0) {
		msg_error("no account %s in the book", r->account_no);
		return 1;
	}
	if (r->date < today_) {
		msg_error("promise: the date is in the past");
		return 1;
	}
	int64_t amount = r->amount;
	if (amount == 0) { /* the overdue balance */
		sqlite3_stmt *q = db_prepare(b->db, "SELECT overdue FROM account_summary WHERE account_no = ?1");
		if (q) {
			summary_refresh(b->db, today_);
			sqlite3_bind_text(q, 1, r->account_no, -1, SQLITE_STATIC);
			if (sqlite3_step(q) == SQLITE_ROW)
				amount = sqlite3_column_int64(q, 0);
			sqlite3_finalize(q);
		}
		if (amount <= 0) {
			msg_error("promise: account %s has nothing overdue: give the amount", r->account_no);
			return 1;
		}
	}
	if (amount < 0) {
		msg_error("promise: the amount must be more than zero");
		return 1;
	}
	struct covered c;
	int rc = cover(b, r, amount, &c);
	if (rc) {
		sbuf_free(&c.list);
		return rc;
	}
	char id[UID_LEN + 1], now[21], day[11], amt[32], summary[256], detail[1024];
	uid_new(id);
	now_utc(now);
	date_iso(r->date, day);
	money_format_grouped(amount, amt, sizeof amt);
	snprintf(summary, sizeof summary, "Promise to pay %s EUR by %s", amt, day);
	snprintf(detail, sizeof detail, "{\"promise\":\"%s\",\"amount\":%lld,\"date\":\"%s\"}", id,
		 (long long)amount, day);
	int nested;
	if (db_tx_begin(b->db, &nested)) {
		sbuf_free(&c.list);
		return -1;
	}
	sqlite3_stmt *st = db_prepare(b->db, "INSERT INTO promises(id, account_no, amount, promised_date, made_at, "
					     "user, note, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5)");
	rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->account_no, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, amount);
		sqlite3_bind_text(st, 4, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, user, -1, SQLITE_STATIC);
		db_bind_text_or_null(st, 7, r->note, r->note ? strlen(r->note) : 0);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	st = rc ? NULL : db_prepare(b->db, "INSERT INTO promise_invoices(promise_id, invoice_no) VALUES (?1, ?2)");
	if (!rc && !st)
		rc = -1;
	for (char *p = c.list.s; rc == 0 && p && *p;) {
		size_t n = strcspn(p, ",");
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, p, (int)n, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
		p += n + (p[n] == ',');
	}
	sqlite3_finalize(st);
	struct journal_entry e = {r->account_no, "promise", user, NULL, summary, r->note, detail, NULL};
	if (rc == 0)
		rc = journal_add(b, &e, NULL);
	if (rc == 0)
		rc = summary_account_changed(b->db, r->account_no);
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc) {
		msg_error("promise: %s", sqlite3_errmsg(b->db));
		db_tx_rollback(b->db, nested);
	}
	sbuf_free(&c.list);
	if (rc == 0 && id_out)
		memcpy(id_out, id, UID_LEN + 1);
	return rc ? -1 : 0;
}

int promise_change(struct book *b, const char *user, const char *id, day_t date, int64_t amount, int cancel,
		   const char *note)
{
	sqlite3_stmt *q = db_prepare(b->db, "SELECT account_no, amount, promised_date, status FROM promises WHERE id = ?1");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	char account[80] = "", was_day[11] = "", status[16] = "";
	int64_t was = 0;
	if (sqlite3_step(q) == SQLITE_ROW) {
		snprintf(account, sizeof account, "%s", (const char *)sqlite3_column_text(q, 0));
		was = sqlite3_column_int64(q, 1);
		snprintf(was_day, sizeof was_day, "%s", (const char *)sqlite3_column_text(q, 2));
		snprintf(status, sizeof status, "%s", (const char *)sqlite3_column_text(q, 3));
	}
	sqlite3_finalize(q);
	if (!account[0]) {
		msg_error("promise: no promise %s", id);
		return 1;
	}
	if (strcmp(status, "open")) {
		msg_error("promise: promise %s is %s already: only an open promise changes", id, status);
		return 1;
	}
	if (!cancel && date && date < today()) {
		msg_error("promise: the date is in the past");
		return 1;
	}
	if (!cancel && amount < 0) {
		msg_error("promise: the amount must be more than zero");
		return 1;
	}
	char day[11], now[21], a_was[32], a_new[32], summary[256];
	if (cancel || !date)
		snprintf(day, sizeof day, "%s", was_day);
	else
		date_iso(date, day);
	if (cancel || !amount)
		amount = was;
	now_utc(now);
	money_format_grouped(was, a_was, sizeof a_was);
	money_format_grouped(amount, a_new, sizeof a_new);
	if (cancel)
		snprintf(summary, sizeof summary, "Promise cancelled: %s EUR by %s", a_was, was_day);
	else
		snprintf(summary, sizeof summary, "Promise changed: %s EUR by %s (was %s EUR by %s)", a_new, day, a_was,
			 was_day);
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db, "UPDATE promises SET amount = ?2, promised_date = ?3, status = ?4, "
					     "note = coalesce(?5, note), updated_at = ?6 WHERE id = ?1");
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, amount);
		sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, cancel ? "cancelled" : "open", -1, SQLITE_STATIC);
		db_bind_text_or_null(st, 5, note, note ? strlen(note) : 0);
		sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	char detail[160];
	snprintf(detail, sizeof detail, "{\"promise\":\"%s\",\"amount\":%lld,\"date\":\"%s\",\"status\":\"%s\"}", id,
		 (long long)amount, day, cancel ? "cancelled" : "open");
	struct journal_entry e = {account, "promise", user, NULL, summary, note, detail, NULL};
	return journal_finish_change(b, nested, rc, &e);
}

static int evaluate(struct book *b, day_t today_, const char *account_no, int lapsed_only);

int promise_evaluate(struct book *b, day_t today_, const char *account_no)
{
	return evaluate(b, today_, account_no, 0);
}

int promise_evaluate_lapsed(struct book *b, day_t today_)
{
	return evaluate(b, today_, NULL, 1);
}

static int evaluate(struct book *b, day_t today_, const char *account_no, int lapsed_only)
{
	if (b->readonly) /* a read-only book is shown as last written */
		return 0;
	const int grace = RULE_GRACE(b->db);
	char lapsed[11];
	date_iso(today_ - grace, lapsed); /* promised before this day: the grace is over */
	/* every account: those with an open promise; the lapsed ones, through
	 * the index of open promises by date (at each start of the
	 * workstation: most days, none, and then nothing is prepared) */
	struct strset accounts;
	strset_init(&accounts);
	if (!account_no) {
		const char *key;
		size_t len;
		if (received_accounts(b->db, lapsed_only ?
				      /* SQLite, left to itself, reads every promise
				       * through a covering index */
				      "SELECT DISTINCT account_no FROM promises INDEXED BY promises_open "
				      "WHERE status = 'open' AND promised_date < ?1" :
				      "SELECT DISTINCT account_no FROM promises WHERE status = 'open'",
				      lapsed_only ? lapsed : NULL, &accounts)) {
			strset_free(&accounts);
			return -1;
		}
		if (!strset_entry_at(&accounts, 0, &key, &len)) {
			strset_free(&accounts);
			return 0;
		}
	}
	/* paid: money received on the account (the ledger's payments and the
	 * bank's matched credits: money_received) from the day the promise
	 * was made to its date plus grace, on a covered invoice or naming
	 * none. One account at a time (received.h): ?1 */
	sqlite3_stmt *q = db_prepare(b->db,
		"SELECT p.id, p.account_no, p.amount, p.promised_date, p.status, p.paid_amount, "
		" coalesce(sum(y.amount), 0), "
		/* when it was kept: the end of the day of the last payment that counts */
		" max(p.made_at, max(y.date) || 'T23:59:59Z'), "
		/* when it broke: the day after the grace */
		" date(p.promised_date, '+' || (?2 + 1) || ' days') || 'T00:00:00Z' "
		"FROM promises p LEFT JOIN (SELECT * FROM money_received WHERE account_no = ?1) y "
		"  ON y.account_no = p.account_no "
		"  AND y.date >= substr(p.made_at, 1, 10) "
		"  AND y.date <= date(p.promised_date, '+' || ?2 || ' days') "
		"  AND (y.invoice_no IS NULL OR NOT EXISTS (SELECT 1 FROM promise_invoices k WHERE k.promise_id = p.id) "
		"       OR y.invoice_no IN (SELECT invoice_no FROM promise_invoices k WHERE k.promise_id = p.id)) "
		"WHERE p.status = 'open' AND p.account_no = ?1 "
		"AND (?3 = 0 OR p.promised_date < ?4) GROUP BY p.id");
	if (!q) {
		strset_free(&accounts);
		return -1;
	}
	if (account_no)
		sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 2, grace);
	sqlite3_bind_int(q, 3, lapsed_only);
	sqlite3_bind_text(q, 4, lapsed, 10, SQLITE_TRANSIENT);
	size_t next = 0;
	struct change {
		char id[UID_LEN + 1], account[80], status[16], date[11], at[24];
		int64_t amount, paid;
	} *changes = NULL;
	size_t n = 0;
	int rc = 0;
	while (received_step(q, account_no ? NULL : &accounts, &next) == SQLITE_ROW) {
		int64_t amount = sqlite3_column_int64(q, 2), paid = sqlite3_column_int64(q, 6);
		const char *date = (const char *)sqlite3_column_text(q, 3);
		day_t d;
		if (!date || date_parse(date, strlen(date), DATE_ISO, &d) != 0)
			continue;
		const char *status = NULL;
		if (paid >= amount)
			status = "kept";
		else if (today_ > d + grace)
			status = paid > 0 ? "partly_kept" : "broken";
		if (!status && paid == sqlite3_column_int64(q, 5))
			continue;
		struct change *nc = realloc(changes, (n + 1) * sizeof *nc);
		if (!nc) {
			rc = -1;
			break;
		}
		changes = nc;
		struct change *c = &changes[n++];
		snprintf(c->id, sizeof c->id, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(c->account, sizeof c->account, "%s", (const char *)sqlite3_column_text(q, 1));
		snprintf(c->status, sizeof c->status, "%s", status ? status : "open");
		snprintf(c->date, sizeof c->date, "%s", date);
		/* kept, or more money on an open one: when the last payment came;
		 * else when the grace ran out */
		const char *at = (const char *)sqlite3_column_text(q, !status || paid >= amount ? 7 : 8);
		snprintf(c->at, sizeof c->at, "%s", at ? at : "");
		c->amount = amount, c->paid = paid;
	}
	sqlite3_finalize(q);
	strset_free(&accounts);
	if (rc || n == 0) {
		free(changes);
		return rc ? -1 : 0;
	}
	/* Over every account in the caller's transaction (an import of
	 * payments, of a bank file, of changes), no savepoint of ours: with
	 * one open over thousands of changes, SQLite's release of each
	 * statement's journal walks all the savepoint has kept, quadratic
	 * (half of a 100,000-credit bank import). Those callers roll back
	 * the whole on failure. */
	int moved = 0;
	struct received_write w;
	received_write_init(&w, b, account_no);
	if (received_write_begin(&w, b)) {
		received_write_end(&w, b, -1);
		free(changes);
		return -1;
	}
	sqlite3_stmt *up = db_prepare(b->db, "UPDATE promises SET status = ?2, paid_amount = ?3, updated_at = ?4 "
					     "WHERE id = ?1");
	rc = up ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		struct change *c = &changes[i];
		sqlite3_bind_text(up, 1, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 2, c->status, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 3, c->paid);
		sqlite3_bind_text(up, 4, c->at, -1, SQLITE_STATIC);
		rc = sqlite3_step(up) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(up);
		if (rc || !strcmp(c->status, "open"))
			continue; /* only the amount received moved */
		char amt[32], paid[32], summary[256], detail[160];
		money_format_grouped(c->amount, amt, sizeof amt);
		money_format_grouped(c->paid, paid, sizeof paid);
		snprintf(summary, sizeof summary, "Promise %s: %s of %s EUR received by %s (+%d days' grace)",
			 !strcmp(c->status, "partly_kept") ? "partly kept" : c->status, paid, amt, c->date,
			 grace);
		snprintf(detail, sizeof detail, "{\"promise\":\"%s\",\"status\":\"%s\",\"paid\":%lld}", c->id,
			 c->status, (long long)c->paid);
		struct journal_entry e = {c->account, "system", "system", NULL, summary, NULL, detail, NULL};
		struct rule_stamp stamp;
		char name[96];
		snprintf(name, sizeof name, "promise %s %s", c->id, c->status);
		journal_rule_stamp(&stamp, name, c->at);
		rc = journal_add_stamped(b, &e, &stamp.s);
		if (rc == 0)
			rc = received_write_touch(&w, c->account);
		moved++;
	}
	sqlite3_finalize(up);
	/* the figures once, for every account moved (not an aging pass per
	 * promise) */
	rc = received_write_end(&w, b, rc);
	free(changes);
	return rc ? -1 : moved;
}

long promise_list(sqlite3 *db, const char *account_no, void (*fn)(const struct promise_row *, void *), void *arg)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT p.id, p.account_no, p.promised_date, p.made_at, p.user, p.status, p.currency, "
		"coalesce(p.note, ''), coalesce((SELECT group_concat(invoice_no, ',') FROM promise_invoices k "
		"WHERE k.promise_id = p.id), ''), p.amount, p.paid_amount FROM promises p "
		"WHERE ?1 IS NULL OR p.account_no = ?1 ORDER BY p.made_at DESC, p.id");
	if (!st)
		return -1;
	if (account_no)
		sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	long n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct promise_row r = {
			(const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
			(const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
			(const char *)sqlite3_column_text(st, 6), (const char *)sqlite3_column_text(st, 7),
			(const char *)sqlite3_column_text(st, 8), sqlite3_column_int64(st, 9),
			sqlite3_column_int64(st, 10),
		};
		fn(&r, arg);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}
