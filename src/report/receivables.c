/* receivables.c — what dso, cei and forecast share: a table of figures by
 * group and currency and by period, the receivables of any past day
 * (counted exactly as aging.c counts them), sales by month, and month
 * arithmetic. Two currencies are never summed: the currency is part of
 * every key. */
#include "receivables.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"

void rtab_init(struct rtab *t, int nper, int nfig)
{
	memset(t, 0, sizeof *t);
	t->nper = nper, t->nfig = nfig;
}

void rtab_free(struct rtab *t)
{
	for (size_t i = 0; i < t->nacc; i++)
		free(t->acc[i].no);
	free(t->acc);
	free(t->keys);
	free(t->v);
	memset(t, 0, sizeof *t);
}

size_t rtab_key(struct rtab *t, const char *group, const char *currency)
{
	for (size_t i = 0; i < t->nkeys; i++)
		if (!strcmp(t->keys[i].group, group) && !strcmp(t->keys[i].currency, currency))
			return i;
	if (t->nkeys == t->capkeys) {
		size_t cap = t->capkeys ? 2 * t->capkeys : 8;
		struct rkey *k = realloc(t->keys, cap * sizeof *k);
		int64_t *v = realloc(t->v, cap * (size_t)t->nper * (size_t)t->nfig * sizeof *v);
		if (!k || !v)
			abort();
		t->keys = k, t->v = v, t->capkeys = cap;
	}
	size_t per_key = (size_t)t->nper * (size_t)t->nfig;
	memset(t->v + t->nkeys * per_key, 0, per_key * sizeof *t->v);
	snprintf(t->keys[t->nkeys].group, sizeof t->keys[t->nkeys].group, "%s", group);
	snprintf(t->keys[t->nkeys].currency, sizeof t->keys[t->nkeys].currency, "%s", currency);
	return t->nkeys++;
}

int64_t *rtab_at(const struct rtab *t, size_t key, int per, int fig)
{
	return &t->v[(key * (size_t)t->nper + (size_t)per) * (size_t)t->nfig + (size_t)fig];
}

void rtab_account(struct rtab *t, size_t key, int per, const char *account_no)
{
	if (t->nacc == t->capacc) {
		t->capacc = t->capacc ? 2 * t->capacc : 64;
		struct racc *a = realloc(t->acc, t->capacc * sizeof *a);
		if (!a)
			abort();
		t->acc = a;
	}
	struct racc *a = &t->acc[t->nacc++];
	a->key = key, a->per = per;
	if (!(a->no = strdup(account_no)))
		abort();
}

void rtab_accounts_to_row(const struct rtab *t, size_t key, int per, struct report *r, size_t row)
{
	for (size_t i = 0; i < t->nacc; i++)
		if (t->acc[i].key == key && t->acc[i].per == per)
			report_add_account(r, row, t->acc[i].no);
}

static const struct rtab *order_of; /* qsort has no argument */

static int key_cmp(const void *a, const void *b)
{
	const struct rkey *x = &order_of->keys[*(const size_t *)a], *y = &order_of->keys[*(const size_t *)b];
	int c = strcmp(x->group, y->group);
	return c ? c : strcmp(x->currency, y->currency);
}

size_t *rtab_order(const struct rtab *t)
{
	size_t *ix = malloc((t->nkeys ? t->nkeys : 1) * sizeof *ix);
	if (!ix)
		abort();
	for (size_t i = 0; i < t->nkeys; i++)
		ix[i] = i;
	order_of = t;
	qsort(ix, t->nkeys, sizeof *ix, key_cmp);
	return ix;
}

/* The payments of an invoice after the first day asked, "DATE AMOUNT,...",
 * as days and amounts (at most max of them; the rest summed into the
 * last, which is then the latest date: never claimed too little). */
static int paid_list(const char *list, day_t *day, int64_t *cents, int max)
{
	int n = 0;
	for (const char *p = list; p && *p && n < max;) {
		day_t d;
		if (!date_parse(p, 10, DATE_ISO, &d)) {
			day[n] = d;
			cents[n++] = strtoll(p + 11, NULL, 10);
		}
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	return n;
}

/* The receivables on each of n days (days[k] into period per0 + k): see
 * receivables_month_ends. */
static int receivables_on_days(sqlite3 *db, const struct report_opts *o, const day_t *days, int n, struct rtab *t,
			       int per0, int fig_open, int fig_current)
{
	if (n <= 0)
		return 0;
	day_t first = days[0], last = days[0];
	for (int k = 1; k < n; k++)
		first = days[k] < first ? days[k] : first, last = days[k] > last ? days[k] : last;
	char sql[2048];
	snprintf(sql, sizeof sql,
		 "WITH later AS (SELECT invoice_no, group_concat(date || ' ' || amount, ',') AS paid FROM ("
		 REPORT_PAID_AFTER_SQL ") GROUP BY invoice_no) "
		 "SELECT %s AS grp, i.currency, i.account_no, i.kind = 'credit_note', i.amount, i.open_amount, "
		 "       coalesce(i.issue_date, ''), i.due_date, l.paid "
		 "FROM invoices i JOIN customers c ON c.account_no = i.account_no "
		 "LEFT JOIN later l ON l.invoice_no = i.invoice_no "
		 "WHERE (i.status = 'open' OR l.paid IS NOT NULL) AND coalesce(i.issue_date, '') <= ?3 "
		 "AND (?2 = '' OR i.currency = ?2) ORDER BY i.account_no",
		 report_by_sql(o->by));
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	char from[11], to[11];
	date_iso(first, from);
	date_iso(last, to);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	/* the account noted last for each period: rows come account by account */
	char (*noted)[65] = calloc((size_t)n, sizeof *noted);
	size_t *noted_key = calloc((size_t)n, sizeof *noted_key);
	if (!noted || !noted_key)
		abort();
	int rc;
	size_t last_key = (size_t)-1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *grp = (const char *)sqlite3_column_text(st, 0);
		const char *cur = (const char *)sqlite3_column_text(st, 1);
		const char *acc = (const char *)sqlite3_column_text(st, 2);
		const char *issued = (const char *)sqlite3_column_text(st, 6);
		const char *due = (const char *)sqlite3_column_text(st, 7);
		const char *paid = (const char *)sqlite3_column_text(st, 8);
		if (!grp || !cur || !acc || !issued || !due)
			continue;
		int credit = sqlite3_column_int(st, 3);
		int64_t amount = sqlite3_column_int64(st, 4), open_now = sqlite3_column_int64(st, 5);
		day_t issue_day = 0, due_day = 0, pday[64];
		int64_t pcents[64];
		if (*issued && date_parse(issued, strlen(issued), DATE_ISO, &issue_day))
			continue;
		if (date_parse(due, strlen(due), DATE_ISO, &due_day))
			continue;
		int np = credit ? 0 : paid_list(paid, pday, pcents, 64);
		size_t key = last_key < t->nkeys && !strcmp(t->keys[last_key].group, grp) &&
				     !strcmp(t->keys[last_key].currency, cur) ? last_key : rtab_key(t, grp, cur);
		last_key = key;
		for (int k = 0; k < n; k++) {
			if (*issued && issue_day > days[k])
				continue;
			int64_t open = credit ? open_now : open_now > 0 ? open_now : 0;
			for (int j = 0; j < np; j++)
				if (pday[j] > days[k])
					open += pcents[j];
			if (!credit && open > amount)
				open = amount;
			if (!open)
				continue;
			*rtab_at(t, key, per0 + k, fig_open) += open;
			if (fig_current >= 0 && due_day >= days[k])
				*rtab_at(t, key, per0 + k, fig_current) += open;
			if (o->with_accounts && (strcmp(noted[k], acc) || noted_key[k] != key)) {
				snprintf(noted[k], sizeof noted[k], "%s", acc);
				noted_key[k] = key;
				rtab_account(t, key, per0 + k, acc);
			}
		}
	}
	sqlite3_finalize(st);
	free(noted);
	free(noted_key);
	if (rc != SQLITE_DONE) {
		msg_error("report: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int receivables_month_ends(sqlite3 *db, const struct report_opts *o, int first, int last, day_t cut, struct rtab *t,
			   int per0, int fig_open, int fig_current)
{
	int n = last - first + 1;
	day_t *ends = malloc((size_t)(n > 0 ? n : 1) * sizeof *ends);
	if (!ends)
		abort();
	for (int m = first; m <= last; m++) {
		day_t end = month_first(m + 1) - 1;
		ends[m - first] = end < cut ? end : cut;
	}
	int rc = receivables_on_days(db, o, ends, n, t, per0, fig_open, fig_current);
	free(ends);
	return rc;
}

int sales_by_month(sqlite3 *db, const struct report_opts *o, int first_month, day_t last, struct rtab *t, int fig)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "SELECT %s AS grp, i.currency, substr(i.issue_date, 1, 7), sum(i.amount) "
		 "FROM invoices i JOIN customers c ON c.account_no = i.account_no "
		 "WHERE i.issue_date IS NOT NULL AND i.issue_date >= ?3 AND substr(i.issue_date, 1, 10) <= ?1 "
		 "AND (?2 = '' OR i.currency = ?2) "
		 "GROUP BY 1, 2, 3",
		 report_by_sql(o->by));
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	char day[11], from[11];
	date_iso(last, day);
	date_iso(month_first(first_month), from);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->currency, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *grp = (const char *)sqlite3_column_text(st, 0);
		const char *cur = (const char *)sqlite3_column_text(st, 1);
		const char *ym = (const char *)sqlite3_column_text(st, 2);
		if (!grp || !cur || !ym || strlen(ym) != 7)
			continue;
		int per = atoi(ym) * 12 + atoi(ym + 5) - 1 - first_month;
		if (per < 0 || per >= t->nper)
			continue;
		*rtab_at(t, rtab_key(t, grp, cur), per, fig) += sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("report: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int report_months(const struct report_opts *o, const char *name, int max, int *first, int *last, day_t *cut)
{
	*cut = o->to ? o->to : o->as_of;
	*last = month_of(*cut);
	*first = o->from ? month_of(o->from) : *last - 11;
	if (*first > *last) {
		msg_error("report: %s: --from is after the last month (that of --to, else --as-of)", name);
		return -1;
	}
	if (*last - *first + 1 > max) {
		msg_error("report: %s: %d months asked, at most %d", name, *last - *first + 1, max);
		return -1;
	}
	return 0;
}

int month_of(day_t d)
{
	int y, m, dd;
	civil_from_days(d, &y, &m, &dd);
	return y * 12 + m - 1;
}

day_t month_first(int month)
{
	return days_from_civil(month / 12, month % 12 + 1, 1);
}

int month_days(int month)
{
	return (int)(month_first(month + 1) - month_first(month));
}

int64_t div_round(int64_t n, int64_t d)
{
	return n >= 0 ? (n + d / 2) / d : -((-n + d / 2) / d);
}
