/* summary.c — account_summary: one grouped query computes an account's
 * figures from its open invoices (index invoices_account) and their open
 * disputes (index disputes_open). */
#include "summary.h"

#include <stdio.h>
#include <string.h>

#include "base/lib.h"

/* A call's outcome, from its detail (a call's start has none). */
#define CALL_OUTCOME "CASE WHEN json_valid(a.detail) THEN json_extract(a.detail, '$.outcome') END"
/* A reminder the dunning run sent is not a collector's work; one sent by
 * hand from the account (its detail says "by_hand") is. Nor is lifting a
 * snooze (SUMMARY_SNOOZE_LIFTED): the account is back today. */
#define NOT_DUNNING_RUN \
	"(a.detail IS NULL OR a.detail NOT LIKE '{\"dunning\":%' OR a.detail LIKE '%\"by_hand\":true%')"

/* ?1 today (ISO). The caller appends the WHERE clause choosing accounts. */
#define SUMMARY_SELECT \
	"INSERT OR REPLACE INTO account_summary(account_no, collector, name, segment, as_of, " \
	" open_total, overdue, overdue_items, due_weight, oldest_due, next_due, disputed, disputes, " \
	" promise_status, promise_date, task_date, task_text, missed_date, snoozed_until, " \
	" plan_next_date, followed_at, recontact_date, last_contact, worked_at, dunning_level, phone) " \
	"SELECT c.account_no, c.collector, c.name, c.segment, ?1, coalesce(sum(i.open_amount), 0), " \
	" coalesce(sum(CASE WHEN o.late THEN i.open_amount END), 0), " \
	" count(CASE WHEN o.late THEN 1 END), " \
	" coalesce(sum(CASE WHEN o.late THEN i.open_amount * " \
	"   CAST(julianday(i.due_date) - 2440587.5 AS INTEGER) END), 0), " \
	" min(CASE WHEN o.late THEN i.due_date END), " \
	" min(CASE WHEN i.kind = 'invoice' AND i.due_date >= ?1 AND d.id IS NULL THEN i.due_date END), " \
	" coalesce(sum(CASE WHEN d.id IS NOT NULL THEN i.open_amount END), 0), " \
	" (SELECT count(*) FROM disputes x WHERE x.account_no = c.account_no AND x.status = 'open'), " \
	" (SELECT status FROM promises p WHERE p.account_no = c.account_no AND p.status <> 'cancelled' " \
	"  ORDER BY p.made_at DESC LIMIT 1), " \
	" (SELECT promised_date FROM promises p WHERE p.account_no = c.account_no AND p.status <> 'cancelled' " \
	"  ORDER BY p.made_at DESC LIMIT 1), " \
	" (SELECT due_date FROM tasks t WHERE t.account_no = c.account_no AND t.status = 'open' " \
	"  ORDER BY t.due_date LIMIT 1), " \
	" (SELECT text FROM tasks t WHERE t.account_no = c.account_no AND t.status = 'open' " \
	"  ORDER BY t.due_date LIMIT 1), " \
	" (SELECT max(n.due_date) FROM plans l JOIN plan_installments n ON n.plan_id = l.id " \
	"  WHERE l.account_no = c.account_no AND l.status IN ('active', 'broken') AND n.status = 'missed'), " \
	" (SELECT until FROM account_snoozes z WHERE z.account_no = c.account_no ORDER BY z.at DESC LIMIT 1), " \
	" (SELECT min(n.due_date) FROM plans l JOIN plan_installments n ON n.plan_id = l.id " \
	"  WHERE l.account_no = c.account_no AND l.status = 'active' AND n.status = 'due'), " \
	" (SELECT max(t) FROM (SELECT (SELECT a.at FROM activities a WHERE a.account_no = c.account_no " \
	"  AND a.type = 'call' AND " CALL_OUTCOME " IS NOT NULL ORDER BY a.at DESC LIMIT 1) AS t " \
	"  UNION ALL SELECT max(p.made_at) FROM promises p WHERE p.account_no = c.account_no " \
	"  UNION ALL SELECT max(l.created_at) FROM plans l WHERE l.account_no = c.account_no)), " \
	" (SELECT coalesce(json_extract(a.detail, '$.recontact'), json_extract(a.detail, '$.dunning.pay_by')) " \
	"  FROM activities a WHERE a.account_no = c.account_no AND (a.type = 'call' AND " CALL_OUTCOME " IS NOT NULL " \
	"  OR a.detail LIKE '{\"dunning\":%\"by_hand\":true%' AND json_valid(a.detail)) ORDER BY a.at DESC LIMIT 1), " \
	" (SELECT a.at || ' ' || a.type || CASE WHEN a.type = 'call' THEN ' ' || " CALL_OUTCOME " ELSE '' END " \
	"  FROM activities a WHERE a.account_no = c.account_no AND (a.type IN ('email', 'letter', 'sms') " \
	"  OR a.type = 'call' AND " CALL_OUTCOME " IS NOT NULL) ORDER BY a.at DESC LIMIT 1), " \
	" (SELECT a.at FROM activities a WHERE a.account_no = c.account_no AND a.type <> 'system' " \
	"  AND a.user <> 'system' AND " NOT_DUNNING_RUN " AND NOT (a.type = 'snooze' AND a.summary = '" SUMMARY_SNOOZE_LIFTED "') " \
	"  ORDER BY a.at DESC LIMIT 1), " \
	" coalesce((SELECT json_extract(a.detail, '$.dunning.step') FROM activities a " \
	"  WHERE a.account_no = c.account_no AND a.detail LIKE '{\"dunning\":%' AND json_valid(a.detail) " \
	"  ORDER BY a.at DESC LIMIT 1), 0), " \
	" c.phone " \
	"FROM customers c " \
	"LEFT JOIN invoices i ON i.account_no = c.account_no AND i.status = 'open' " \
	"LEFT JOIN disputes d ON d.id = (SELECT x.id FROM disputes x WHERE x.invoice_no = i.invoice_no " \
	" AND x.status = 'open' LIMIT 1) " \
	"LEFT JOIN (SELECT 1 AS late) o ON i.kind = 'invoice' AND i.due_date < ?1 AND d.id IS NULL "

static int run(sqlite3 *db, const char *sql, day_t today, const char *account);

/* account_aging (migration 011): ?1 today; the rows of the accounts the
 * filter (AGING_WHERE_*) names are deleted, then computed again. */
#define AGING_DAYS "CAST(julianday(?1) - julianday(i.due_date) AS INTEGER)"
#define AGING_SUMS(k) \
	" sum(CASE WHEN x.b = " #k " THEN x.open_amount ELSE 0 END)," \
	" sum(CASE WHEN x.b = " #k " AND x.disp THEN x.open_amount ELSE 0 END)," \
	" sum(x.b = " #k "),"
/* migration 013: what the accounts list reads besides the buckets */
#define AGING_CREDITS(k) " sum(CASE WHEN x.b = " #k " AND x.kind = 'credit_note' AND NOT x.disp THEN x.open_amount ELSE 0 END),"
#define AGING_HEAD \
	"INSERT INTO account_aging(account_no, currency, as_of, a0, d0, n0, a1, d1, n1, a2, d2, n2, " \
	" a3, d3, n3, a4, d4, n4, a5, d5, n5, k1, k2, k3, k4, k5, late_since, af, df, next_change) " \
	"SELECT x.account_no, x.currency, ?1," AGING_SUMS(0) AGING_SUMS(1) AGING_SUMS(2) AGING_SUMS(3) \
	AGING_SUMS(4) AGING_SUMS(5) AGING_CREDITS(1) AGING_CREDITS(2) AGING_CREDITS(3) AGING_CREDITS(4) \
	AGING_CREDITS(5) " min(CASE WHEN x.b >= 1 AND x.kind = 'invoice' AND NOT x.disp THEN x.due_date END)," \
	" sum(CASE WHEN x.b = -1 THEN x.open_amount ELSE 0 END)," \
	" sum(CASE WHEN x.b = -1 AND x.disp THEN x.open_amount ELSE 0 END), min(x.next) " \
	"FROM (SELECT i.account_no, i.currency, i.kind, i.due_date, CASE WHEN coalesce(i.issue_date, '') > ?1 THEN -1 " \
	"  WHEN dd <= 0 THEN 0 WHEN dd <= 30 THEN 1 WHEN dd <= 60 THEN 2 WHEN dd <= 90 THEN 3 " \
	"  WHEN dd <= 180 THEN 4 ELSE 5 END AS b, i.open_amount, " \
	"  CASE WHEN coalesce(i.issue_date, '') > ?1 THEN i.issue_date " \
	"  WHEN dd <= 0 THEN date(i.due_date, '+1 day') WHEN dd <= 30 THEN date(i.due_date, '+31 days') " \
	"  WHEN dd <= 60 THEN date(i.due_date, '+61 days') WHEN dd <= 90 THEN date(i.due_date, '+91 days') " \
	"  WHEN dd <= 180 THEN date(i.due_date, '+181 days') END AS next, " \
	"  EXISTS (SELECT 1 FROM disputes z WHERE z.invoice_no = i.invoice_no AND z.status = 'open') AS disp " \
	" FROM (SELECT i.*, " AGING_DAYS " AS dd FROM invoices i WHERE i.status = 'open' "
#define AGING_TAIL ") i) x GROUP BY x.account_no, x.currency"

/* Computes the aging rows of every account, or of those in
 * temp.summary_pending (in_pending). */
static int aging_accounts(sqlite3 *db, day_t today, int in_pending)
{
	const char *where = in_pending ? "AND i.account_no IN (SELECT account_no FROM temp.summary_pending) " : "";
	const char *del = in_pending ? "DELETE FROM account_aging WHERE account_no IN "
				       "(SELECT account_no FROM temp.summary_pending) AND ?1 IS NOT NULL"
				     : "DELETE FROM account_aging WHERE ?1 IS NOT NULL";
	char sql[8192];
	snprintf(sql, sizeof sql, "%s%s%s", AGING_HEAD, where, AGING_TAIL);
	/* the rows go and come back at once: a writer outside a transaction
	 * (a note) must not meet another between the two */
	int nested;
	if (db_tx_begin(db, &nested))
		return -1;
	if (run(db, del, today, NULL) || run(db, sql, today, NULL)) {
		db_tx_rollback(db, nested);
		return -1;
	}
	return db_tx_commit(db, nested);
}

static int run(sqlite3 *db, const char *sql, day_t today, const char *account)
{
	char t[11];
	date_iso(today, t);
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, t, 10, SQLITE_TRANSIENT);
	if (account)
		sqlite3_bind_text(st, 2, account, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("account figures: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* temp.summary_pending holds exactly the accounts of the set: what the
 * one-pass statements read. 0 or -1. */
static int pending_fill(sqlite3 *db, const struct strset *accounts)
{
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS summary_pending(account_no TEXT PRIMARY KEY) WITHOUT ROWID;"
			"DELETE FROM temp.summary_pending"))
		return -1;
	sqlite3_stmt *ins = db_prepare(db, "INSERT OR IGNORE INTO temp.summary_pending VALUES (?1)");
	const char *key;
	size_t n;
	int rc = ins ? 0 : -1;
	for (size_t i = 0; rc == 0 && strset_entry_at(accounts, i, &key, &n); i++) {
		sqlite3_bind_text(ins, 1, key, (int)n, SQLITE_STATIC);
		rc = sqlite3_step(ins) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	return rc;
}

/* The accounts a query (?1: today, ISO) names, into *out (initialised
 * here, freed by the caller). 0 or -1. */
static int stale_accounts(sqlite3 *db, const char *sql, const char *today_iso, struct strset *out)
{
	strset_init(out);
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, today_iso, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		strset_add(out, (const char *)sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0), 0, NULL);
	sqlite3_finalize(st);
	return 0;
}

int summary_accounts(sqlite3 *db, day_t today, const struct strset *accounts)
{
	if (!accounts)
		return run(db, SUMMARY_SELECT "GROUP BY c.account_no", today, NULL) || aging_accounts(db, today, 0)
			       ? -1 : 0;
	int rc = 0;
	/* a few accounts: one indexed query each; many: one pass over a temp
	 * list (the aging rows, one pass whatever their number) */
	if (accounts->count < 2000) {
		sqlite3_stmt *st = db_prepare(db, SUMMARY_SELECT "WHERE c.account_no = ?2 GROUP BY c.account_no");
		char t[11];
		const char *key;
		size_t n;
		rc = st ? 0 : -1;
		date_iso(today, t);
		for (size_t i = 0; rc == 0 && strset_entry_at(accounts, i, &key, &n); i++) {
			sqlite3_bind_text(st, 1, t, 10, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, key, (int)n, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_DONE) {
				msg_error("account figures: %s", sqlite3_errmsg(db));
				rc = -1;
			}
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
	if (rc == 0)
		rc = pending_fill(db, accounts);
	if (rc == 0 && accounts->count >= 2000)
		rc = run(db, SUMMARY_SELECT "WHERE c.account_no IN (SELECT account_no FROM temp.summary_pending) "
			     "GROUP BY c.account_no", today, NULL);
	if (rc == 0)
		rc = aging_accounts(db, today, 1);
	db_exec(db, "DELETE FROM temp.summary_pending");
	return rc;
}

/* book_meta 'summary_day': the day every row was last brought up to date.
 * Rows go stale only forwards in time, so from that day on, the stale ones
 * are found through the next_due index; an earlier day (a clock set back,
 * a test) or a book without the mark is recomputed whole. */
static int summary_day(sqlite3 *db, day_t *day)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM book_meta WHERE key = 'summary_day'");
	int found = 0;
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		found = v && date_parse(v, strlen(v), DATE_ISO, day) == 0;
	}
	sqlite3_finalize(st);
	return found;
}

static int set_summary_day(sqlite3 *db, day_t today)
{
	char t[11];
	date_iso(today, t);
	return book_meta_set(db, "summary_day", t);
}

long summary_refresh(sqlite3 *db, day_t today)
{
	day_t day;
	if (!summary_day(db, &day) || today < day) {
		long n = db_int(db, "SELECT count(*) FROM customers");
		return summary_rebuild(db, today) ? -1 : n;
	}
	if (today == day)
		return 0;
	char t[11];
	date_iso(today, t);
	struct strset stale;
	if (stale_accounts(db, "SELECT account_no FROM account_summary WHERE next_due < ?1", t, &stale))
		return -1;
	long n = (long)stale.count;
	int nested;
	int rc = db_tx_begin(db, &nested);
	if (rc == 0 && n)
		rc = summary_accounts(db, today, &stale);
	if (rc == 0)
		rc = set_summary_day(db, today);
	if (rc == 0)
		rc = db_tx_commit(db, nested);
	else
		db_tx_rollback(db, nested);
	strset_free(&stale);
	return rc ? -1 : n;
}

int summary_changed(sqlite3 *db, const struct strset *accounts)
{
	day_t day;
	if (accounts->count == 0 || !summary_day(db, &day))
		return 0; /* no mark: the whole table is stale already */
	if (accounts->count > 2000 && (long long)accounts->count * 4 > db_int(db, "SELECT count(*) FROM customers"))
		return db_exec(db, "DELETE FROM book_meta WHERE key = 'summary_day'");
	/* as of the day the other rows are right for, whatever the writer's
	 * date: a reader on that day must find them all right */
	return summary_accounts(db, day, accounts);
}

int summary_account_changed(sqlite3 *db, const char *account_no)
{
	struct strset one;
	strset_init(&one);
	int rc = strset_add(&one, account_no, strlen(account_no), 0, NULL) < 0 ? -1 : summary_changed(db, &one);
	strset_free(&one);
	return rc;
}

int summary_rebuild(sqlite3 *db, day_t today)
{
	int nested;
	if (db_tx_begin(db, &nested))
		return -1;
	if (db_exec(db, "DELETE FROM account_summary; DELETE FROM account_aging; DELETE FROM aging_totals") ||
	    summary_accounts(db, today, NULL) ||
	    set_summary_day(db, today)) {
		db_tx_rollback(db, nested);
		return -1;
	}
	return db_tx_commit(db, nested);
}

long aging_refresh(sqlite3 *db, day_t today)
{
	if (summary_refresh(db, today) < 0) /* a book without the mark is computed whole here */
		return -1;
	char t[11];
	date_iso(today, t);
	struct strset stale;
	if (stale_accounts(db, "SELECT account_no FROM account_aging WHERE next_change <= ?1 OR as_of > ?1", t, &stale))
		return -1;
	long n = (long)stale.count;
	int nested, rc = 0;
	if (n && !(rc = db_tx_begin(db, &nested))) {
		rc = pending_fill(db, &stale);
		if (rc == 0)
			rc = aging_accounts(db, today, 1);
		db_exec(db, "DELETE FROM temp.summary_pending");
		if (rc == 0)
			rc = db_tx_commit(db, nested);
		else
			db_tx_rollback(db, nested);
	}
	strset_free(&stale);
	return rc ? -1 : n;
}
