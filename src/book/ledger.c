/* ledger.c — aging and open items, computed from the invoices table with
 * date cutoffs as ISO strings (so the query compares text, not dates). */
#include "ledger.h"
#include "payref_owner.h"
#include "summary.h"

#include <stdio.h>
#include <string.h>

#include "base/lib.h"

static const char *text(sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return s ? (const char *)s : "";
}

/* Per-account figures; the caller appends WHERE, GROUP BY and ORDER BY. */
#define ACCOUNTS_SQL \
	"SELECT c.account_no, c.name, c.collector, coalesce(i.currency, ''), " \
	" coalesce(sum(i.open_amount), 0), " \
	" coalesce(sum(CASE WHEN late THEN i.open_amount END), 0) AS overdue, " \
	" coalesce(sum(CASE WHEN d.id IS NULL AND (i.kind = 'credit_note' OR i.due_date >= ?1) " \
	"   THEN i.open_amount END), 0), " \
	" coalesce(sum(CASE WHEN late AND i.due_date >= ?2 THEN i.open_amount END), 0), " \
	" coalesce(sum(CASE WHEN late AND i.due_date < ?2 AND i.due_date >= ?3 THEN i.open_amount END), 0), " \
	" coalesce(sum(CASE WHEN late AND i.due_date < ?3 AND i.due_date >= ?4 THEN i.open_amount END), 0), " \
	" coalesce(sum(CASE WHEN late AND i.due_date < ?4 THEN i.open_amount END), 0), " \
	" min(CASE WHEN late THEN i.due_date END), " \
	" coalesce(sum(CASE WHEN d.id IS NOT NULL THEN i.open_amount END), 0) " \
	"FROM customers c LEFT JOIN invoices i ON i.account_no = c.account_no AND i.status = 'open' " \
	"LEFT JOIN disputes d ON d.id = (SELECT x.id FROM disputes x WHERE x.invoice_no = i.invoice_no " \
	" AND x.status = 'open' LIMIT 1) " \
	"LEFT JOIN (SELECT 1 AS late) ON i.kind = 'invoice' AND i.due_date < ?1 AND d.id IS NULL "

/* Every account, or a collector's, from the rows account_aging keeps per
 * account and currency (summary.c; relance check compares them with the
 * ledger): the same figures as ACCOUNTS_SQL. Late: a bucket's amount less
 * its part under dispute and its credit notes (current, as in
 * ACCOUNTS_SQL); an item dated after today counts as current until then.
 * ?5 the collector or NULL, ?6 overdue only (?1 to ?4 go unused). */
#define KEPT_LATE(k) "(x.a" #k " - x.d" #k " - x.k" #k ")"
#define KEPT_SQL \
	"SELECT account_no, name, collector, currency, open, overdue, current, l1, l2, l3, l4 + l5, late_since, " \
	" disputed FROM (SELECT c.account_no, c.name, c.collector, coalesce(x.currency, '') AS currency, " \
	" coalesce(x.a0 + x.a1 + x.a2 + x.a3 + x.a4 + x.a5 + x.af, 0) AS open, " \
	" coalesce(" KEPT_LATE(1) " + " KEPT_LATE(2) " + " KEPT_LATE(3) " + " KEPT_LATE(4) " + " KEPT_LATE(5) \
	", 0) AS overdue, coalesce(x.a0 - x.d0 + x.k1 + x.k2 + x.k3 + x.k4 + x.k5 + x.af - x.df, 0) AS current, " \
	" coalesce(" KEPT_LATE(1) ", 0) AS l1, coalesce(" KEPT_LATE(2) ", 0) AS l2, " \
	" coalesce(" KEPT_LATE(3) ", 0) AS l3, coalesce(" KEPT_LATE(4) ", 0) AS l4, " \
	" coalesce(" KEPT_LATE(5) ", 0) AS l5, x.late_since, " \
	" coalesce(x.d0 + x.d1 + x.d2 + x.d3 + x.d4 + x.d5 + x.df, 0) AS disputed " \
	" FROM customers c LEFT JOIN account_aging x ON x.account_no = c.account_no " \
	" WHERE (?5 IS NULL OR c.collector = ?5)) WHERE ?6 = 0 OR overdue > 0 " \
	"ORDER BY account_no, currency"

int ledger_accounts(sqlite3 *db, day_t today, const struct account_filter *f,
		    void (*fn)(const struct account_summary *, void *), void *arg)
{
	/* a list: the kept rows, brought to today first (most days, only the
	 * accounts an item of which changed bucket since) */
	int kept = !(f && f->account_no);
	if (kept && aging_refresh(db, today) < 0)
		return -1;
	char t0[11], t30[11], t60[11], t90[11];
	date_iso(today, t0);
	date_iso(today - 30, t30);
	date_iso(today - 60, t60);
	date_iso(today - 90, t90);
	/* late: an invoice past due and not under open dispute; one account
	 * is read from its invoices through the primary key */
	sqlite3_stmt *st = db_prepare(db, kept ? KEPT_SQL
					       : ACCOUNTS_SQL "WHERE c.account_no = ?7 GROUP BY c.account_no, i.currency "
							      "HAVING ?6 = 0 OR overdue > 0 ORDER BY c.account_no, i.currency");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, t0, 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, t30, 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t60, 10, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, t90, 10, SQLITE_STATIC);
	if (f && f->collector)
		sqlite3_bind_text(st, 5, f->collector, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, f && f->overdue_only);
	if (f && f->account_no)
		sqlite3_bind_text(st, 7, f->account_no, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct account_summary a = {
			.account_no = text(st, 0), .name = text(st, 1), .collector = text(st, 2),
			.currency = text(st, 3),
			.open = sqlite3_column_int64(st, 4), .overdue = sqlite3_column_int64(st, 5),
			.current = sqlite3_column_int64(st, 6), .d1_30 = sqlite3_column_int64(st, 7),
			.d31_60 = sqlite3_column_int64(st, 8), .d61_90 = sqlite3_column_int64(st, 9),
			.d90_plus = sqlite3_column_int64(st, 10), .disputed = sqlite3_column_int64(st, 12),
		};
		const char *oldest = (const char *)sqlite3_column_text(st, 11);
		day_t d;
		if (oldest && date_parse(oldest, strlen(oldest), DATE_ISO, &d) == 0)
			a.oldest_days = today - d;
		fn(&a, arg);
	}
	if (rc != SQLITE_DONE)
		msg_error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int ledger_account_exists(sqlite3 *db, const char *account_no)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM customers WHERE account_no = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

static int items(sqlite3 *db, const char *account_no, day_t today, int all, int refs,
		 void (*fn)(const struct open_item *, void *), void *arg)
{
	int found = ledger_account_exists(db, account_no);
	if (found <= 0) {
		if (found == 0)
			msg_error("no account %s in the book", account_no);
		return -1;
	}
	sqlite3_stmt *st = db_prepare(db,
		"SELECT i.invoice_no, i.kind, coalesce(i.issue_date, ''), i.due_date, i.currency, i.amount, "
		"i.open_amount, CASE WHEN d.id IS NULL OR i.status <> 'open' THEN i.status ELSE 'disputed' END, "
		"coalesce(i.reference, ''), ?3 * coalesce(i.ref_no, 0), CASE WHEN ?3 THEN " PAYREF_SHARED_SQL("i") " ELSE 0 END "
		"FROM invoices i "
		"LEFT JOIN disputes d ON d.id = (SELECT x.id FROM disputes x WHERE x.invoice_no = i.invoice_no "
		"AND x.status = 'open' LIMIT 1) "
		"WHERE i.account_no = ?1 AND (?2 OR i.status = 'open') ORDER BY i.due_date, i.invoice_no");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, all != 0);
	sqlite3_bind_int(st, 3, refs != 0);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct open_item it = {
			.invoice_no = text(st, 0), .kind = text(st, 1), .issue_date = text(st, 2),
			.due_date = text(st, 3), .currency = text(st, 4),
			.amount = sqlite3_column_int64(st, 5), .open = sqlite3_column_int64(st, 6),
			.status = text(st, 7), .reference = text(st, 8),
			.ref_no = sqlite3_column_int64(st, 9), .ref_shared = sqlite3_column_int(st, 10),
		};
		day_t d;
		if (date_parse(it.due_date, strlen(it.due_date), DATE_ISO, &d) == 0)
			it.days_past_due = today - d;
		fn(&it, arg);
		n++;
	}
	if (rc != SQLITE_DONE)
		msg_error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

int ledger_items(sqlite3 *db, const char *account_no, day_t today, int all,
		 void (*fn)(const struct open_item *, void *), void *arg)
{
	return items(db, account_no, today, all, 0, fn, arg);
}

int ledger_items_refs(sqlite3 *db, const char *account_no, day_t today, int all,
		      void (*fn)(const struct open_item *, void *), void *arg)
{
	return items(db, account_no, today, all, 1, fn, arg);
}

int ledger_invoices_normal(const char *in, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (const char *p = in; *p;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t len = strcspn(p, ",");
		size_t keep = len;
		while (keep && (p[keep - 1] == ' ' || p[keep - 1] == '\t'))
			keep--;
		if (o + keep + 2 >= size)
			return -1;
		int seen = 0; /* each once */
		for (const char *q = out; *q && !seen; q += strcspn(q, ",") + (q[strcspn(q, ",")] == ',')) {
			size_t n = strcspn(q, ",");
			seen = n == keep && !memcmp(q, p, keep);
		}
		if (keep && !seen)
			o += (size_t)snprintf(out + o, size - o, "%s%.*s", o ? "," : "", (int)keep, p);
		p += len;
		if (*p == ',')
			p++;
	}
	return 0;
}

int64_t ledger_invoices_open(sqlite3 *db, const char *account_no, const char *invoices, char *bad)
{
	char list[1024];
	if (ledger_invoices_normal(invoices, list, sizeof list)) {
		if (bad)
			snprintf(bad, 64, "%s", "(the list is too long)");
		return -1;
	}
	sqlite3_stmt *q = db_prepare(db, "SELECT open_amount FROM invoices WHERE account_no = ?1 AND status = 'open' "
				     "AND kind = 'invoice' AND invoice_no = ?2");
	if (!q)
		return -1;
	int64_t sum = 0;
	const char *p = list;
	if (!*p) {
		if (bad)
			snprintf(bad, 64, "%s", "(none)");
		sqlite3_finalize(q);
		return -1;
	}
	while (*p) {
		size_t len = strcspn(p, ",");
		sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, p, (int)len, SQLITE_STATIC);
		int found = sqlite3_step(q) == SQLITE_ROW;
		if (found)
			sum += sqlite3_column_int64(q, 0);
		sqlite3_reset(q);
		if (!found) {
			if (bad)
				snprintf(bad, 64, "%.*s", (int)(len > 63 ? 63 : len), p);
			sqlite3_finalize(q);
			return -1;
		}
		p += len;
		if (*p == ',')
			p++;
	}
	sqlite3_finalize(q);
	return sum;
}
