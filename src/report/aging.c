/* aging.c — open amounts by age bucket as of any day. An invoice's open
 * amount on day D is what it is today plus what was paid on it after D
 * (the ledger's payments that name it and what the bank's matched credits
 * paid of it, by their dates: money_received), at most its
 * amount: last quarter's aging is reproduced today. A reduction no
 * payment dates (a credit note set against it) counts from the start.
 * Invoices issued after D are left out; credit notes count at their open
 * amount, in the bucket of their due date. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"

#define BUCKETS 6
static const struct {
	const char *name;
	int from, to; /* days past due, both included; to -1: no end */
} buckets[BUCKETS] = {
	{"not due", -100000, 0}, {"1-30", 1, 30}, {"31-60", 31, 60}, {"61-90", 61, 90},
	{"91-180", 91, 180}, {"180+", 181, -1},
};

static int bucket_of(int days)
{
	for (int b = BUCKETS - 1; b > 0; b--)
		if (days >= buckets[b].from)
			return b;
	return 0;
}

enum { C_GROUP, C_CURRENCY, C_BUCKET, C_FROM, C_TO, C_AMOUNT, C_DISPUTED, C_INVOICES, C_ACCOUNTS };

struct block { /* one group and currency */
	char group[128], currency[4];
	int64_t amount[BUCKETS], disputed[BUCKETS], invoices[BUCKETS], accounts[BUCKETS];
	char last[BUCKETS][65]; /* the account counted last in each bucket */
	size_t row0;
};

static void block_rows(struct report *r, struct block *b, int with_group)
{
	for (int k = 0; k < BUCKETS; k++) {
		size_t row = b->row0 + (size_t)k;
		report_set_text(r, row, C_GROUP, with_group ? b->group : "all");
		report_set_text(r, row, C_CURRENCY, b->currency);
		report_set_text(r, row, C_BUCKET, buckets[k].name);
		report_set_value(r, row, C_FROM, k ? buckets[k].from : 0);
		if (k == 0)
			report_set_empty(r, row, C_FROM);
		if (buckets[k].to < 0 || k == 0)
			report_set_empty(r, row, C_TO);
		else
			report_set_value(r, row, C_TO, buckets[k].to);
		report_set_value(r, row, C_AMOUNT, b->amount[k]);
		report_set_value(r, row, C_DISPUTED, b->disputed[k]);
		report_set_value(r, row, C_INVOICES, b->invoices[k]);
		report_set_value(r, row, C_ACCOUNTS, b->accounts[k]);
	}
}

/* n items of account acc, open amount `open` of which `disputed` is
 * disputed, in bucket k of block b. */
static void add(struct report *r, struct block *b, int k, const char *acc, int64_t open, int64_t disputed,
		int64_t n)
{
	if (!n)
		return;
	b->amount[k] += open;
	b->disputed[k] += disputed;
	b->invoices[k] += n;
	if (strcmp(b->last[k], acc)) { /* rows come account by account */
		snprintf(b->last[k], sizeof b->last[k], "%s", acc);
		b->accounts[k]++;
	}
	report_add_account(r, b->row0 + (size_t)k, acc);
}

/* The accounts behind a row of the whole book's aging of today: those
 * with an open item in its bucket (account_aging), asked for when a
 * collector drills down. */
static int accounts_of(sqlite3 *db, struct report *r, size_t row)
{
	const char *bucket = report_cell(r, row, C_BUCKET)->s, *cur = report_cell(r, row, C_CURRENCY)->s;
	int k = -1;
	for (int i = 0; bucket && i < BUCKETS; i++)
		if (!strcmp(buckets[i].name, bucket))
			k = i;
	if (k < 0 || !cur)
		return 0; /* a total row */
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT account_no FROM account_aging WHERE currency = ?1 AND n%d > 0 "
				  "ORDER BY account_no", k);
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, cur, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		report_add_account(r, row, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int report_aging(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[] = {
		{"group", RU_TEXT}, {"currency", RU_TEXT}, {"bucket", RU_TEXT}, {"from_days", RU_COUNT},
		{"to_days", RU_COUNT}, {"amount", RU_MONEY}, {"disputed", RU_MONEY}, {"invoices", RU_COUNT},
		{"accounts", RU_COUNT},
	};
	struct report_opts o = r->o;
	report_begin(r, "aging", "Aging of receivables", &o, cols, (int)(sizeof cols / sizeof *cols));
	if (o.by != BY_NONE)
		snprintf(r->cols[C_GROUP].name, sizeof r->cols[C_GROUP].name, "%s", report_by_name(o.by));
	char asof[11];
	date_iso(o.as_of, asof);
	char sql[2048];
	/* today, on a book that can be written: the buckets kept per account
	 * (account_aging), brought up to date first; any other day (or a book
	 * opened read-only): from the invoices and payments */
	int kept = o.as_of == today() && !sqlite3_db_readonly(db, "main") && aging_refresh(db, o.as_of) >= 0;
	/* the whole book: its sums kept by currency (aging_totals), the
	 * accounts behind a bucket found when asked; by group: summed by SQL,
	 * unless the accounts behind each bucket are wanted */
	int totals = kept && o.by == BY_NONE;
	int summed = totals || (kept && !o.with_accounts);
	if (totals) {
		snprintf(sql, sizeof sql,
			 "SELECT 'all', currency, '', a0, d0, n0, a1, d1, n1, a2, d2, n2, a3, d3, n3, a4, d4, n4, "
			 "a5, d5, n5, c0, c1, c2, c3, c4, c5 FROM aging_totals "
			 "WHERE ?1 IS NOT NULL AND (?2 = '' OR currency = ?2) "
			 "AND n0 + n1 + n2 + n3 + n4 + n5 > 0 ORDER BY currency");
		if (o.with_accounts)
			r->accounts_of = accounts_of;
	} else if (summed)
		snprintf(sql, sizeof sql,
			 "SELECT %s AS grp, a.currency, '', sum(a0), sum(d0), sum(n0), sum(a1), sum(d1), sum(n1), "
			 "sum(a2), sum(d2), sum(n2), sum(a3), sum(d3), sum(n3), sum(a4), sum(d4), sum(n4), "
			 "sum(a5), sum(d5), sum(n5), sum(n0 > 0), sum(n1 > 0), sum(n2 > 0), sum(n3 > 0), sum(n4 > 0), "
			 "sum(n5 > 0) FROM account_aging a %s "
			 "WHERE ?1 IS NOT NULL AND (?2 = '' OR a.currency = ?2) GROUP BY 1, 2 ORDER BY 1, 2",
			 report_by_sql(o.by), o.by == BY_NONE ? "" : "JOIN customers c ON c.account_no = a.account_no");
	else if (kept)
		snprintf(sql, sizeof sql,
			 "SELECT %s AS grp, a.currency, a.account_no, a0, d0, n0, a1, d1, n1, a2, d2, n2, "
			 "a3, d3, n3, a4, d4, n4, a5, d5, n5 "
			 "FROM account_aging a JOIN customers c ON c.account_no = a.account_no "
			 "WHERE ?1 IS NOT NULL AND (?2 = '' OR a.currency = ?2) ORDER BY 1, 2, a.account_no",
			 report_by_sql(o.by));
	else
		snprintf(sql, sizeof sql,
			 "WITH later AS (SELECT invoice_no, sum(amount) AS paid FROM (" REPORT_PAID_AFTER_SQL ") "
			 "               GROUP BY invoice_no), "
		 /* the invoices under a dispute on D: opened by then, not yet settled */
			 "disputed AS (SELECT DISTINCT invoice_no FROM disputes WHERE substr(opened_at, 1, 10) <= ?1 "
			 "             AND (status = 'open' OR substr(coalesce(resolved_at, '9999'), 1, 10) > ?1)) "
			 "SELECT %s AS grp, i.currency, i.account_no, i.due_date, "
			 "       CASE WHEN i.kind = 'credit_note' THEN i.open_amount "
			 "            ELSE min(i.amount, max(i.open_amount, 0) + coalesce(l.paid, 0)) END, "
			 "       x.invoice_no IS NOT NULL "
			 "FROM invoices i JOIN customers c ON c.account_no = i.account_no "
			 "LEFT JOIN later l ON l.invoice_no = i.invoice_no LEFT JOIN disputed x ON x.invoice_no = i.invoice_no "
			 "WHERE (i.status = 'open' OR l.paid IS NOT NULL) AND coalesce(i.issue_date, '') <= ?1 "
			 "AND (?2 = '' OR i.currency = ?2) "
			 "ORDER BY 1, 2, i.account_no",
			 report_by_sql(o.by));
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, asof, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o.currency, -1, SQLITE_STATIC);
	struct block b;
	int have = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *grp = (const char *)sqlite3_column_text(st, 0);
		const char *cur = (const char *)sqlite3_column_text(st, 1);
		const char *acc = (const char *)sqlite3_column_text(st, 2);
		if (!grp || !cur || !acc)
			continue;
		if (!have || strcmp(b.group, grp) || strcmp(b.currency, cur)) {
			if (have)
				block_rows(r, &b, o.by != BY_NONE);
			memset(&b, 0, sizeof b);
			snprintf(b.group, sizeof b.group, "%s", grp);
			snprintf(b.currency, sizeof b.currency, "%s", cur);
			b.row0 = r->nrows;
			for (int k = 0; k < BUCKETS; k++)
				report_row(r);
			have = 1;
		}
		if (summed) { /* one group and currency, summed: its six buckets whole */
			for (int k = 0; k < BUCKETS; k++) {
				b.amount[k] = sqlite3_column_int64(st, 3 + 3 * k);
				b.disputed[k] = sqlite3_column_int64(st, 4 + 3 * k);
				b.invoices[k] = sqlite3_column_int64(st, 5 + 3 * k);
				b.accounts[k] = sqlite3_column_int64(st, 21 + k);
			}
			continue;
		}
		if (kept) { /* a row of account_aging: the account's six buckets */
			for (int k = 0; k < BUCKETS; k++)
				add(r, &b, k, acc, sqlite3_column_int64(st, 3 + 3 * k), sqlite3_column_int64(st, 4 + 3 * k),
				    sqlite3_column_int64(st, 5 + 3 * k));
			continue;
		}
		const char *due = (const char *)sqlite3_column_text(st, 3);
		int64_t open = sqlite3_column_int64(st, 4);
		day_t d;
		if (!due || !open || date_parse(due, strlen(due), DATE_ISO, &d))
			continue;
		add(r, &b, bucket_of((int)(o.as_of - d)), acc, open, sqlite3_column_int(st, 5) ? open : 0, 1);
	}
	if (have)
		block_rows(r, &b, o.by != BY_NONE);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* a total per currency: the sum of its rows */
	size_t body = r->nrows;
	char currencies[8][4];
	int nc = 0;
	for (size_t i = 0; i < body; i++) {
		const char *c = report_cell(r, i, C_CURRENCY)->s;
		int seen = 0;
		for (int k = 0; k < nc; k++)
			seen |= !strcmp(currencies[k], c);
		if (!seen && nc < 8)
			snprintf(currencies[nc++], 4, "%s", c);
	}
	for (int k = 0; k < nc; k++) {
		size_t row = report_row(r);
		int64_t s[4] = {0};
		for (size_t i = 0; i < body; i++)
			if (!strcmp(report_cell(r, i, C_CURRENCY)->s, currencies[k])) {
				s[0] += report_cell(r, i, C_AMOUNT)->v, s[1] += report_cell(r, i, C_DISPUTED)->v;
				s[2] += report_cell(r, i, C_INVOICES)->v;
			}
		report_set_text(r, row, C_GROUP, "total");
		report_set_text(r, row, C_CURRENCY, currencies[k]);
		report_set_text(r, row, C_BUCKET, "total");
		report_set_empty(r, row, C_FROM);
		report_set_empty(r, row, C_TO);
		report_set_value(r, row, C_AMOUNT, s[0]);
		report_set_value(r, row, C_DISPUTED, s[1]);
		report_set_value(r, row, C_INVOICES, s[2]);
		report_set_empty(r, row, C_ACCOUNTS); /* an account may stand in several buckets */
		r->total_rows++;
	}
	if (nc == 1)
		snprintf(r->currency, sizeof r->currency, "%s", currencies[0]);
	r->style = CHART_BARS;
	r->label_col = C_BUCKET;
	r->series[0] = C_AMOUNT, r->nseries = 1;
	return 0;
}
