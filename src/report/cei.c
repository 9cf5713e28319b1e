/* cei.c — the collection effectiveness index, month by month:
 *   (opening + sales − closing) ÷ (opening + sales − closing current) × 100
 * opening: the receivables at the end of the month before; closing: at the
 * month's end (the last month ends on --to, else --as-of, when that comes
 * first); closing current: the part of closing not yet due then (due that
 * day or later, aging's "not due"). Receivables are counted as aging
 * counts them on that day (receivables.c); sales are invoice amounts
 * (credit notes negative) issued in the month. No index when the
 * denominator is 0 or less. */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "receivables.h"

enum { C_GROUP, C_MONTH, C_CURRENCY, C_END, C_OPENING, C_SALES, C_CLOSING, C_CURRENT, C_CEI };
/* per period: the month's closing figures; period 0 is the month before
 * the first (its closing is the first's opening) */
enum { F_CLOSING, F_CURRENT, F_SALES };
#define MAX_MONTHS 120

int report_cei(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[] = {
		{"group", RU_TEXT},      {"month", RU_TEXT},  {"currency", RU_TEXT},
		{"end", RU_DATE},        {"opening", RU_MONEY}, {"sales", RU_MONEY},
		{"closing", RU_MONEY},   {"closing_current", RU_MONEY}, {"cei", RU_PERCENT},
	};
	struct report_opts o = r->o;
	report_begin(r, "cei", "Collection effectiveness index", &o, cols, (int)(sizeof cols / sizeof *cols));
	if (o.by != BY_NONE)
		snprintf(r->cols[C_GROUP].name, sizeof r->cols[C_GROUP].name, "%s", report_by_name(o.by));
	day_t cut;
	int first, last;
	if (report_months(&o, "cei", MAX_MONTHS, &first, &last, &cut))
		return -1;
	int base = first - 1;
	struct rtab t;
	rtab_init(&t, last - base + 1, 3);
	int rc = sales_by_month(db, &o, base, cut, &t, F_SALES);
	if (!rc) /* every month end in one pass */
		rc = receivables_month_ends(db, &o, base, last, cut, &t, 0, F_CLOSING, F_CURRENT);
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
		for (int m = base; m <= last; m++)
			any |= *rtab_at(&t, k, m - base, F_CLOSING) || *rtab_at(&t, k, m - base, F_SALES);
		if (!any)
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
			int64_t opening = *rtab_at(&t, k, p - 1, F_CLOSING), sales = *rtab_at(&t, k, p, F_SALES);
			int64_t closing = *rtab_at(&t, k, p, F_CLOSING), current = *rtab_at(&t, k, p, F_CURRENT);
			size_t row = report_row(r);
			char month[16], iso[11];
			snprintf(month, sizeof month, "%04d-%02d", m / 12, m % 12 + 1);
			date_iso(end, iso);
			report_set_text(r, row, C_GROUP, o.by != BY_NONE ? t.keys[k].group : "all");
			report_set_text(r, row, C_MONTH, month);
			report_set_text(r, row, C_CURRENCY, t.keys[k].currency);
			report_set_text(r, row, C_END, iso);
			report_set_value(r, row, C_OPENING, opening);
			report_set_value(r, row, C_SALES, sales);
			report_set_value(r, row, C_CLOSING, closing);
			report_set_value(r, row, C_CURRENT, current);
			int64_t den = opening + sales - current;
			if (den <= 0)
				report_set_empty(r, row, C_CEI);
			else
				report_set_value(r, row, C_CEI, div_round((opening + sales - closing) * 10000, den));
			rtab_accounts_to_row(&t, k, p, r, row);
		}
	}
	if (ncur == 1 && cur1)
		snprintf(r->currency, sizeof r->currency, "%s", cur1);
	free(ix);
	rtab_free(&t);
	r->style = CHART_COLUMNS;
	r->label_col = C_MONTH;
	r->series[0] = C_CEI, r->nseries = 1;
	return 0;
}
