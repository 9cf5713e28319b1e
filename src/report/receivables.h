/* receivables.h — what dso, cei and forecast share: figures kept by group
 * (--by) and currency and by period (a month, a week), the receivables of
 * a past day counted as aging counts them, and sales month by month. */
#ifndef RELANCE_RECEIVABLES_H
#define RELANCE_RECEIVABLES_H
#include "report.h"

/* Figures by key (group, currency) and period: nfig int64 each. */
struct rtab {
	struct rkey {
		char group[128], currency[4];
	} *keys;
	size_t nkeys, capkeys;
	int nper, nfig;
	int64_t *v;                 /* nkeys * nper * nfig */
	struct racc {               /* the accounts behind each figure (with_accounts) */
		size_t key;
		int per;
		char *no;
	} *acc;
	size_t nacc, capacc;
};

void rtab_init(struct rtab *t, int nper, int nfig);
void rtab_free(struct rtab *t);
/* The key's index, added (all figures 0) when new. */
size_t rtab_key(struct rtab *t, const char *group, const char *currency);
int64_t *rtab_at(const struct rtab *t, size_t key, int per, int fig);
void rtab_account(struct rtab *t, size_t key, int per, const char *account_no);
/* The keys' indexes in order of group, then currency (malloc'd, nkeys). */
size_t *rtab_order(const struct rtab *t);
/* Adds to r's row the accounts noted for (key, per). */
void rtab_accounts_to_row(const struct rtab *t, size_t key, int per, struct report *r, size_t row);

/* The receivables at the end of each month first..last (into periods
 * per0 onwards; the last month ends at `cut`, counted to date), as aging.c
 * counts them: an invoice issued on or before the day is open by today's
 * open amount plus what was paid on it after the day, at most its amount;
 * a credit note by its open amount. Added to figure fig_open; the part
 * not yet due on the day (due that day or later, aging's "not due") to
 * fig_current, unless it is -1. One pass over the invoices. Returns 0, or
 * -1 after a message. */
int receivables_month_ends(sqlite3 *db, const struct report_opts *o, int first, int last, day_t cut, struct rtab *t,
			   int per0, int fig_open, int fig_current);

/* Sales (invoice amounts, credit notes negative) by the month of their
 * issue date, issued on or before last: added to figure fig of period
 * month - first_month (month numbers as month_of gives them); months
 * outside the table are left out. Returns 0, or -1. */
int sales_by_month(sqlite3 *db, const struct report_opts *o, int first_month, day_t last, struct rtab *t, int fig);

/* The months a monthly report covers: the 12 ending with the month of
 * --to (else --as-of), or from that of --from; *cut is the last day
 * counted (--to, else --as-of). Returns 0, or -1 after a message naming
 * the report (a --from after the last month, more than max months). */
int report_months(const struct report_opts *o, const char *name, int max, int *first, int *last, day_t *cut);

/* Months as numbers (year * 12 + month - 1), their first day and days. */
int month_of(day_t d);
day_t month_first(int month);
int month_days(int month);

/* n / d rounded half away from zero; d > 0. */
int64_t div_round(int64_t n, int64_t d);

#endif
