/* forecast.c — expected receipts a week for the 12 weeks from --as-of
 * (weeks from Monday; the first holds --as-of, and what was expected
 * before --as-of and is still owed falls in it), three parts shown apart:
 *   promises: what open promises still owe, on their promised date, times
 *     the account's kept rate: the amounts kept (a partly kept promise:
 *     what was paid on it) ÷ the amounts promised, over its promises kept,
 *     partly kept or broken in that currency; an account without such
 *     promises takes the rate of the whole book in that currency, and a
 *     book without any, 1.
 *   plans: the installments of active plans not yet paid (what is left of
 *     each), on their due date, times the plan's rate: installments paid
 *     in their grace ÷ installments paid, paid late or missed so far; a
 *     plan with none of them: 1.
 *   not_yet_due: open invoices due on --as-of or later, on their due date
 *     shifted by the account's average days late (over its paid invoices:
 *     the last payment naming the invoice − its due date, rounded to the
 *     day; never below 0). Left out: credit notes, invoices under an open
 *     dispute, and those an open promise or active plan names (they come
 *     in with it).
 * Each expected amount is rounded to the cent; a part is the sum of its
 * amounts, the total the sum of the parts, and the total rows (one per
 * currency) the sums of the rows. Statuses are the book's as it stands. */
#include "reports.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "receivables.h"

enum { C_GROUP, C_WEEK, C_CURRENCY, C_PROMISES, C_PLANS, C_NOT_DUE, C_TOTAL };
enum { F_PROMISES, F_PLANS, F_NOT_DUE, NFIG };
#define WEEKS 12

/* a × n ÷ d rounded, n ≤ d (a rate); a huge rate is scaled down first. */
static int64_t weighted(int64_t a, int64_t n, int64_t d)
{
	if (d <= 0 || n >= d)
		return a;
	if (n <= 0 || a <= 0)
		return a <= 0 ? a : 0;
	while (n > 0 && a > INT64_MAX / n)
		n >>= 1, d >>= 1;
	return d > 0 ? div_round(a * n, d) : a;
}

static const char *const part_sql[NFIG] = {
	/* grp, currency, account, date, amount, rate numerator, denominator */
	"WITH done AS (SELECT account_no, currency, "
	"              sum(CASE status WHEN 'kept' THEN amount WHEN 'partly_kept' THEN min(paid_amount, amount) "
	"                  ELSE 0 END) AS kept, sum(amount) AS promised "
	"              FROM promises WHERE status IN ('kept', 'partly_kept', 'broken') GROUP BY 1, 2), "
	"     book AS (SELECT currency, sum(kept) AS kept, sum(promised) AS promised FROM done GROUP BY 1) "
	"SELECT %s, p.currency, p.account_no, p.promised_date, p.amount - p.paid_amount, "
	"       coalesce(a.kept, b.kept, 1), coalesce(a.promised, b.promised, 1) "
	"FROM promises p JOIN customers c ON c.account_no = p.account_no "
	"LEFT JOIN done a ON a.account_no = p.account_no AND a.currency = p.currency "
	"LEFT JOIN book b ON b.currency = p.currency "
	"WHERE p.status = 'open' AND p.amount > p.paid_amount AND (?2 = '' OR p.currency = ?2)",

	"WITH hist AS (SELECT plan_id, sum(status = 'paid') AS on_time, "
	"              sum(status IN ('paid', 'late', 'missed')) AS settled FROM plan_installments GROUP BY 1) "
	"SELECT %s, pl.currency, pl.account_no, i.due_date, i.amount - i.paid_amount, "
	"       CASE WHEN h.settled > 0 THEN h.on_time ELSE 1 END, CASE WHEN h.settled > 0 THEN h.settled ELSE 1 END "
	"FROM plans pl JOIN customers c ON c.account_no = pl.account_no "
	"JOIN plan_installments i ON i.plan_id = pl.id JOIN hist h ON h.plan_id = pl.id "
	"WHERE pl.status = 'active' AND i.status IN ('due', 'missed') AND i.amount > i.paid_amount "
	"AND (?2 = '' OR pl.currency = ?2)",

	/* the rate columns carry the shift: total days late, invoices paid */
	"WITH paid AS (SELECT i.account_no, i.due_date, max(p.date) AS paid_on FROM invoices i "
	"              JOIN payments p ON p.invoice_no = i.invoice_no AND p.amount > 0 "
	"              WHERE i.kind = 'invoice' AND i.status = 'closed' GROUP BY i.invoice_no), "
	"     late AS (SELECT account_no, sum(CAST(round(julianday(substr(paid_on, 1, 10)) - julianday(due_date)) "
	"                                          AS INTEGER)) AS days, count(*) AS n FROM paid GROUP BY 1), "
	/* counted elsewhere or not to be counted: promised, under a plan, disputed (one set, read once:
	 * promise_invoices and plan_invoices have no index by invoice) */
	"     held AS (SELECT k.invoice_no FROM promise_invoices k JOIN promises p ON p.id = k.promise_id "
	"              WHERE p.status = 'open' "
	"              UNION SELECT k.invoice_no FROM plan_invoices k JOIN plans pl ON pl.id = k.plan_id "
	"              WHERE pl.status = 'active' UNION SELECT invoice_no FROM disputes WHERE status = 'open') "
	"SELECT %s, i.currency, i.account_no, i.due_date, i.open_amount, coalesce(l.days, 0), coalesce(l.n, 1) "
	"FROM invoices i JOIN customers c ON c.account_no = i.account_no "
	"LEFT JOIN late l ON l.account_no = i.account_no "
	"WHERE i.kind = 'invoice' AND i.status = 'open' AND i.due_date >= ?1 AND (?2 = '' OR i.currency = ?2) "
	"AND i.invoice_no NOT IN (SELECT invoice_no FROM held)",
};

/* Adds one part's expected amounts to t, week by week from monday. */
static int part(sqlite3 *db, const struct report_opts *o, int fig, day_t monday, struct rtab *t)
{
	char sql[3072];
	snprintf(sql, sizeof sql, part_sql[fig], report_by_sql(o->by));
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	char asof[11];
	date_iso(o->as_of, asof);
	sqlite3_bind_text(st, 1, asof, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, o->currency, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *grp = (const char *)sqlite3_column_text(st, 0);
		const char *cur = (const char *)sqlite3_column_text(st, 1);
		const char *acc = (const char *)sqlite3_column_text(st, 2);
		const char *date = (const char *)sqlite3_column_text(st, 3);
		int64_t amount = sqlite3_column_int64(st, 4), n = sqlite3_column_int64(st, 5),
			d = sqlite3_column_int64(st, 6);
		day_t when;
		if (!grp || !cur || !acc || !date || date_parse(date, strlen(date), DATE_ISO, &when))
			continue;
		if (fig == F_NOT_DUE) {
			int64_t shift = div_round(n, d > 0 ? d : 1);
			when += (day_t)(shift > 0 ? shift : 0);
		} else
			amount = weighted(amount, n, d);
		int week = when < o->as_of ? 0 : (int)((when - monday) / 7);
		if (week >= WEEKS || !amount)
			continue;
		size_t k = rtab_key(t, grp, cur);
		*rtab_at(t, k, week, fig) += amount;
		if (o->with_accounts)
			rtab_account(t, k, week, acc);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("report: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int report_forecast(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[] = {
		{"group", RU_TEXT},    {"week", RU_DATE},  {"currency", RU_TEXT},      {"promises", RU_MONEY},
		{"plans", RU_MONEY},   {"not_yet_due", RU_MONEY}, {"total", RU_MONEY},
	};
	struct report_opts o = r->o;
	report_begin(r, "forecast", "Expected receipts", &o, cols, (int)(sizeof cols / sizeof *cols));
	if (o.by != BY_NONE)
		snprintf(r->cols[C_GROUP].name, sizeof r->cols[C_GROUP].name, "%s", report_by_name(o.by));
	day_t monday = o.as_of - date_weekday(o.as_of);
	struct rtab t;
	rtab_init(&t, WEEKS, NFIG);
	for (int f = 0; f < NFIG; f++)
		if (part(db, &o, f, monday, &t)) {
			rtab_free(&t);
			return -1;
		}
	size_t *ix = rtab_order(&t);
	for (size_t i = 0; i < t.nkeys; i++) {
		size_t k = ix[i];
		for (int w = 0; w < WEEKS; w++) {
			size_t row = report_row(r);
			char iso[11];
			date_iso(monday + 7 * w, iso);
			report_set_text(r, row, C_GROUP, o.by != BY_NONE ? t.keys[k].group : "all");
			report_set_text(r, row, C_WEEK, iso);
			report_set_text(r, row, C_CURRENCY, t.keys[k].currency);
			int64_t sum = 0;
			for (int f = 0; f < NFIG; f++) {
				report_set_value(r, row, C_PROMISES + f, *rtab_at(&t, k, w, f));
				sum += *rtab_at(&t, k, w, f);
			}
			report_set_value(r, row, C_TOTAL, sum);
			rtab_accounts_to_row(&t, k, w, r, row);
		}
	}
	/* a total per currency: the sums of its rows */
	size_t body = r->nrows;
	int ncur = 0;
	for (size_t i = 0; i < t.nkeys; i++) {
		const char *cur = t.keys[ix[i]].currency;
		int seen = 0;
		for (size_t j = 0; j < i; j++)
			seen |= !strcmp(t.keys[ix[j]].currency, cur);
		if (seen)
			continue;
		ncur++;
		size_t row = report_row(r);
		report_set_text(r, row, C_GROUP, "total");
		report_set_text(r, row, C_CURRENCY, cur);
		for (int c = C_PROMISES; c <= C_TOTAL; c++) {
			int64_t s = 0;
			for (size_t b = 0; b < body; b++)
				if (!strcmp(report_cell(r, b, C_CURRENCY)->s, cur))
					s += report_cell(r, b, c)->v;
			report_set_value(r, row, c, s);
		}
		r->total_rows++;
	}
	if (ncur == 1)
		snprintf(r->currency, sizeof r->currency, "%s", t.keys[ix[0]].currency);
	free(ix);
	rtab_free(&t);
	r->style = CHART_COLUMNS;
	r->label_col = C_WEEK;
	r->series[0] = C_PROMISES, r->series[1] = C_PLANS, r->series[2] = C_NOT_DUE, r->nseries = 3;
	return 0;
}
