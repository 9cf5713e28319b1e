/* dso.c — days sales outstanding, month by month, two ways side by side.
 * The receivables at a month's end are counted as aging counts them on
 * that day (receivables.c); sales are invoice amounts (credit notes
 * negative) by issue date. The last month ends on --to (else --as-of)
 * when that comes first: month to date.
 *   countback: take the receivables; subtract that month's sales, then
 *     the month before's, ... counting every month consumed in full by its
 *     days, plus the share of the last one (what is left ÷ its sales × its
 *     days); a month whose sales are below 0 counts as 0.
 *   simple: receivables ÷ the sales of the month and the two before ×
 *     the days of those three months.
 * A month without sales (0 or less) has neither figure: empty, as is a
 * countback the book's sales never consume (older than its first sale). */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "receivables.h"

enum { C_GROUP, C_MONTH, C_CURRENCY, C_END, C_RECEIVABLES, C_SALES, C_COUNTBACK, C_SIMPLE };
enum { F_RECV, F_SALES };
#define MAX_MONTHS 120  /* rows */
#define MAX_BACK 240    /* months a countback goes back before the first row */

/* The first month with a sale in the book, or `otherwise`. */
static int first_sale_month(sqlite3 *db, const struct report_opts *o, int otherwise)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT min(issue_date) FROM invoices WHERE issue_date IS NOT NULL "
					  "AND (?1 = '' OR currency = ?1)");
	if (!st)
		return otherwise;
	sqlite3_bind_text(st, 1, o->currency, -1, SQLITE_STATIC);
	int m = otherwise;
	day_t d;
	const char *s;
	if (sqlite3_step(st) == SQLITE_ROW && (s = (const char *)sqlite3_column_text(st, 0)) &&
	    !date_parse(s, strlen(s), DATE_ISO, &d))
		m = month_of(d);
	sqlite3_finalize(st);
	return m;
}

/* The countback in tenths of a day for period p (its days: days_p), or -1
 * when the sales of the book do not consume the receivables. */
static int64_t countback(const struct rtab *t, size_t k, int p, int days_p, int base)
{
	int64_t rem = *rtab_at(t, k, p, F_RECV), tenths = 0;
	if (rem <= 0)
		return 0;
	for (int q = p; q >= 0; q--) {
		int days = q == p ? days_p : month_days(base + q);
		int64_t s = *rtab_at(t, k, q, F_SALES);
		if (s < 0)
			s = 0;
		if (rem <= s)
			return tenths + div_round(rem * days * 10, s);
		rem -= s;
		tenths += days * 10;
	}
	return -1;
}

int report_dso(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[] = {
		{"group", RU_TEXT}, {"month", RU_TEXT}, {"currency", RU_TEXT}, {"end", RU_DATE},
		{"receivables", RU_MONEY}, {"sales", RU_MONEY}, {"dso_countback", RU_DAYS}, {"dso_simple", RU_DAYS},
	};
	struct report_opts o = r->o;
	report_begin(r, "dso", "Days sales outstanding", &o, cols, (int)(sizeof cols / sizeof *cols));
	if (o.by != BY_NONE)
		snprintf(r->cols[C_GROUP].name, sizeof r->cols[C_GROUP].name, "%s", report_by_name(o.by));
	day_t cut;
	int first, last;
	if (report_months(&o, "dso", MAX_MONTHS, &first, &last, &cut))
		return -1;
	int base = first_sale_month(db, &o, first - 2);
	if (base > first - 2)
		base = first - 2;
	if (base < first - MAX_BACK)
		base = first - MAX_BACK;
	struct rtab t;
	rtab_init(&t, last - base + 1, 2);
	int rc = sales_by_month(db, &o, base, cut, &t, F_SALES);
	if (!rc) /* every month end in one pass */
		rc = receivables_month_ends(db, &o, first, last, cut, &t, first - base, F_RECV, -1);
	if (rc) {
		rtab_free(&t);
		return -1;
	}
	size_t *ix = rtab_order(&t);
	int ncur = 0;
	const char *cur1 = NULL;
	for (size_t i = 0; i < t.nkeys; i++) {
		size_t k = ix[i];
		int any = 0;
		for (int m = first; m <= last; m++)
			any |= *rtab_at(&t, k, m - base, F_RECV) || *rtab_at(&t, k, m - base, F_SALES);
		if (!any) /* sales long ago only: no row */
			continue;
		if (!cur1)
			cur1 = t.keys[k].currency, ncur = 1;
		else if (strcmp(cur1, t.keys[k].currency))
			ncur = 2;
		for (int m = first; m <= last; m++) {
			int p = m - base;
			day_t end = month_first(m + 1) - 1;
			if (end > cut)
				end = cut;
			int days = (int)(end - month_first(m)) + 1;
			int64_t recv = *rtab_at(&t, k, p, F_RECV), sales = *rtab_at(&t, k, p, F_SALES);
			size_t row = report_row(r);
			char month[16], iso[11];
			snprintf(month, sizeof month, "%04d-%02d", m / 12, m % 12 + 1);
			date_iso(end, iso);
			report_set_text(r, row, C_GROUP, o.by != BY_NONE ? t.keys[k].group : "all");
			report_set_text(r, row, C_MONTH, month);
			report_set_text(r, row, C_CURRENCY, t.keys[k].currency);
			report_set_text(r, row, C_END, iso);
			report_set_value(r, row, C_RECEIVABLES, recv);
			report_set_value(r, row, C_SALES, sales);
			int64_t cb = countback(&t, k, p, days, base);
			if (sales <= 0 || cb < 0)
				report_set_empty(r, row, C_COUNTBACK);
			else
				report_set_value(r, row, C_COUNTBACK, cb);
			/* the month and the two before it */
			int64_t s3 = sales + *rtab_at(&t, k, p - 1, F_SALES) + *rtab_at(&t, k, p - 2, F_SALES);
			int d3 = days + month_days(m - 1) + month_days(m - 2);
			if (sales <= 0 || s3 <= 0)
				report_set_empty(r, row, C_SIMPLE);
			else
				report_set_value(r, row, C_SIMPLE, div_round(recv * d3 * 10, s3));
			rtab_accounts_to_row(&t, k, p, r, row);
		}
	}
	/* one currency throughout: the chart says which (days are no money,
	 * but receivables and sales are) */
	if (ncur == 1 && cur1)
		snprintf(r->currency, sizeof r->currency, "%s", cur1);
	free(ix);
	rtab_free(&t);
	r->style = CHART_COLUMNS;
	r->label_col = C_MONTH;
	r->series[0] = C_COUNTBACK, r->nseries = 1;
	return 0;
}
