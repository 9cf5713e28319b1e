/* promises.c — promises to pay by collector (the promise's user) and the
 * month they were made in (made_at, the collector's local day), each
 * currency apart: how many were made, kept, partly kept, broken, still
 * open and cancelled, with their amounts, and the kept rate: kept ÷
 * decided (kept + partly kept + broken), empty when none was decided.
 * Statuses are read as the promise rules last decided them (any command
 * that applies the rules, such as `relance promises`); the report only
 * reads the book. A total row per currency sums the rows; its rate is
 * recomputed from the summed counts. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"

enum {
	C_COLLECTOR, C_MONTH, C_CURRENCY, C_MADE, C_AMOUNT, C_PAID, C_KEPT, C_KEPT_AMOUNT, C_PARTLY,
	C_PARTLY_AMOUNT, C_PARTLY_PAID, C_BROKEN, C_BROKEN_AMOUNT, C_OPEN, C_CANCELLED, C_RATE, NCOLS
};

/* kept ÷ decided in hundredths of a percent, rounded half up. */
static void set_rate(struct report *r, size_t row, int64_t kept, int64_t decided)
{
	if (decided > 0)
		report_set_value(r, row, C_RATE, (kept * 20000 + decided) / (2 * decided));
	else
		report_set_empty(r, row, C_RATE);
}

/* The first day of the month n months before d's month. */
static day_t month_start(day_t d, int back)
{
	int y, m, dd;
	civil_from_days(d, &y, &m, &dd);
	m -= back;
	while (m < 1)
		m += 12, y--;
	return days_from_civil(y, m, 1);
}

int report_promises(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[NCOLS] = {
		{"collector", RU_TEXT}, {"month", RU_TEXT}, {"currency", RU_TEXT}, {"made", RU_COUNT},
		{"amount", RU_MONEY}, {"paid", RU_MONEY}, {"kept", RU_COUNT}, {"kept_amount", RU_MONEY},
		{"partly_kept", RU_COUNT}, {"partly_amount", RU_MONEY}, {"partly_paid", RU_MONEY},
		{"broken", RU_COUNT}, {"broken_amount", RU_MONEY}, {"open", RU_COUNT}, {"cancelled", RU_COUNT},
		{"kept_rate", RU_PERCENT},
	};
	struct report_opts o = r->o;
	/* the period: the twelve months ending with --as-of's (or --to's) month */
	if (!o.to)
		o.to = o.as_of;
	if (!o.from)
		o.from = month_start(o.to, 11);
	report_begin(r, "promises", "Promises to pay", &o, cols, NCOLS);
	char from[11], to[11];
	date_iso(o.from - 1, from); /* a day's margin: made_at is UTC, the day is local */
	date_iso(o.to + 1, to);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT p.currency, p.user, p.made_at, p.status, p.amount, p.paid_amount, p.account_no "
		"FROM promises p WHERE substr(p.made_at, 1, 10) BETWEEN ?1 AND ?2 "
		"AND (?3 = '' OR p.currency = ?3) ORDER BY p.currency, p.user, p.made_at");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, o.currency, -1, SQLITE_STATIC);
	/* rows come sorted by currency, collector and time (so by month: the
	 * local day grows with the UTC stamp); a row is found among the
	 * current collector's */
	size_t first = 0; /* the current currency-and-collector's first row */
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cur = (const char *)sqlite3_column_text(st, 0);
		const char *user = (const char *)sqlite3_column_text(st, 1);
		const char *status = (const char *)sqlite3_column_text(st, 3);
		const char *acc = (const char *)sqlite3_column_text(st, 6);
		day_t d = utc_local_day((const char *)sqlite3_column_text(st, 2));
		if (!cur || !user || !status || !acc || !d || d < o.from || d > o.to)
			continue;
		int y, m, dd;
		civil_from_days(d, &y, &m, &dd);
		char month[16];
		snprintf(month, sizeof month, "%04d-%02d", y, m);
		if (first < r->nrows && (strcmp(report_cell(r, first, C_CURRENCY)->s, cur) ||
					 strcmp(report_cell(r, first, C_COLLECTOR)->s, user)))
			first = r->nrows;
		size_t row = first;
		while (row < r->nrows && strcmp(report_cell(r, row, C_MONTH)->s, month))
			row++;
		if (row == r->nrows) {
			row = report_row(r);
			report_set_text(r, row, C_COLLECTOR, user);
			report_set_text(r, row, C_MONTH, month);
			report_set_text(r, row, C_CURRENCY, cur);
			for (int c = C_MADE; c < C_RATE; c++)
				report_set_value(r, row, c, 0);
		}
		int64_t amount = sqlite3_column_int64(st, 4), paid = sqlite3_column_int64(st, 5);
		struct report_cell *x = report_cell(r, row, 0);
		x[C_MADE].v++, x[C_AMOUNT].v += amount, x[C_PAID].v += paid;
		if (!strcmp(status, "kept"))
			x[C_KEPT].v++, x[C_KEPT_AMOUNT].v += amount;
		else if (!strcmp(status, "partly_kept"))
			x[C_PARTLY].v++, x[C_PARTLY_AMOUNT].v += amount, x[C_PARTLY_PAID].v += paid;
		else if (!strcmp(status, "broken"))
			x[C_BROKEN].v++, x[C_BROKEN_AMOUNT].v += amount;
		else if (!strcmp(status, "open"))
			x[C_OPEN].v++;
		else
			x[C_CANCELLED].v++;
		report_add_account(r, row, acc);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	size_t body = r->nrows;
	for (size_t i = 0; i < body; i++) {
		struct report_cell *a = report_cell(r, i, 0);
		set_rate(r, i, a[C_KEPT].v, a[C_KEPT].v + a[C_PARTLY].v + a[C_BROKEN].v);
	}
	/* a total per currency: the sum of its rows */
	for (size_t i = 0; i < body; i++) {
		const char *cur = report_cell(r, i, C_CURRENCY)->s;
		if (i && !strcmp(report_cell(r, i - 1, C_CURRENCY)->s, cur))
			continue; /* the body is sorted by currency: one total per run */
		size_t row = report_row(r);
		report_set_text(r, row, C_COLLECTOR, "total");
		report_set_text(r, row, C_CURRENCY, cur);
		for (int c = C_MADE; c < C_RATE; c++) {
			int64_t s = 0;
			for (size_t k = 0; k < body; k++)
				if (!strcmp(report_cell(r, k, C_CURRENCY)->s, cur))
					s += report_cell(r, k, c)->v;
			report_set_value(r, row, c, s);
		}
		struct report_cell *t = report_cell(r, row, 0);
		set_rate(r, row, t[C_KEPT].v, t[C_KEPT].v + t[C_PARTLY].v + t[C_BROKEN].v);
		r->total_rows++;
	}
	if (r->total_rows == 1)
		snprintf(r->currency, sizeof r->currency, "%s", report_cell(r, body, C_CURRENCY)->s);
	r->style = CHART_COLUMNS;
	r->label_col = C_MONTH;
	r->label_with = C_COLLECTOR + 1; /* a row a collector and month */
	r->series[0] = C_KEPT, r->series[1] = C_BROKEN, r->nseries = 2;
	return 0;
}
