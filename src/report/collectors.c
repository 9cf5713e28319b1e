/* collectors.c — each collector's work, day by day over the period (the
 * 7 days up to --as-of by default), or week by week (Monday to Sunday,
 * clipped to the period) when the period is longer than 31 days:
 *   accounts_worked  accounts with a journal entry by the collector that
 *                    day (call, note, email, letter, sms, promise, plan,
 *                    dispute), counted once a day: a week row is the sum
 *                    of its days (account-days), so totals are sums;
 *   calls, reached   logged calls (entries with an outcome; a "call
 *                    started" entry is not one) and those whose outcome is
 *                    reached; reached_rate = reached ÷ calls;
 *   talk_time        seconds, the durations of the reached calls;
 *   promises, plans  promises and plans the collector made (any currency);
 *   promised         the amount of those promises in the report's currency;
 *   collected        payments received (amount > 0) dated in the row's
 *                    period in the report's currency, on the accounts whose
 *                    collector is that collector TODAY (the book does not
 *                    keep who held an account on a past day).
 * Days are the collector's local days of the UTC stamps. The report's
 * currency is --currency, else EUR: other currencies' amounts are left
 * out, never converted. The queue left at the end of a day is not shown:
 * it depends on snoozes, tasks, dunning and ledger imports as they stood
 * that evening, which the book does not keep. A total row sums the rows
 * (its rate recomputed). */
#include "reports.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"

enum {
	C_COLLECTOR, C_FROM, C_TO, C_CURRENCY, C_WORKED, C_CALLS, C_REACHED, C_RATE, C_TALK, C_PROMISES,
	C_PROMISED, C_PLANS, C_COLLECTED, NCOLS
};

struct tally {
	int64_t v[NCOLS];
};

struct coll {
	char login[65];
	struct tally *t; /* one a period */
};

struct behind { /* an account behind a (collector, period) */
	size_t coll, period;
	char *account_no;
};

struct work {
	day_t from, to;
	int weekly;
	size_t nperiods;
	struct coll *c;
	size_t nc;
	struct behind *b;
	size_t nb, capb;
	int with_accounts;
};

static size_t period_of(const struct work *w, day_t d)
{
	if (!w->weekly)
		return (size_t)(d - w->from);
	day_t monday0 = w->from - date_weekday(w->from);
	return (size_t)((d - monday0) / 7);
}

static day_t period_start(const struct work *w, size_t p)
{
	if (!w->weekly)
		return w->from + (day_t)p;
	day_t s = w->from - date_weekday(w->from) + 7 * (day_t)p;
	return s < w->from ? w->from : s;
}

static day_t period_end(const struct work *w, size_t p)
{
	if (!w->weekly)
		return w->from + (day_t)p;
	day_t e = w->from - date_weekday(w->from) + 7 * (day_t)p + 6;
	return e > w->to ? w->to : e;
}

/* The tally of login on day d (NULL outside the period or for 'system'). */
static struct tally *tally_at(struct work *w, const char *login, day_t d, size_t *ci)
{
	if (!login || !*login || !strcmp(login, "system") || d < w->from || d > w->to)
		return NULL;
	size_t i = 0;
	while (i < w->nc && strcmp(w->c[i].login, login))
		i++;
	if (i == w->nc) {
		struct coll *c = realloc(w->c, (w->nc + 1) * sizeof *c);
		if (!c)
			abort();
		w->c = c;
		snprintf(c[i].login, sizeof c[i].login, "%s", login);
		if (!(c[i].t = calloc(w->nperiods, sizeof *c[i].t)))
			abort();
		w->nc++;
	}
	*ci = i;
	return &w->c[i].t[period_of(w, d)];
}

static void behind(struct work *w, size_t ci, day_t d, const char *account_no)
{
	if (!w->with_accounts || !account_no)
		return;
	if (w->nb == w->capb) {
		w->capb = w->capb ? 2 * w->capb : 64;
		struct behind *b = realloc(w->b, w->capb * sizeof *b);
		if (!b)
			abort();
		w->b = b;
	}
	w->b[w->nb] = (struct behind){ci, period_of(w, d), strdup(account_no)};
	if (!w->b[w->nb].account_no)
		abort();
	w->nb++;
}

static sqlite3_stmt *query(sqlite3 *db, const char *sql, const char *from, const char *to, const char *cur)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (st) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, cur, -1, SQLITE_TRANSIENT);
	}
	return st;
}

static int gather(sqlite3 *db, struct work *w, const char *cur)
{
	char from[11], to[11], from1[11], to1[11];
	date_iso(w->from, from), date_iso(w->to, to);
	date_iso(w->from - 1, from1), date_iso(w->to + 1, to1); /* UTC stamps, local days */
	int rc;
	/* the journal: sorted by collector, account and time, so that an
	 * account's days come in order and each is counted once */
	sqlite3_stmt *st = query(db,
		"SELECT user, account_no, at, type, "
		"       CASE WHEN json_valid(detail) THEN json_extract(detail, '$.outcome') END, "
		"       CASE WHEN json_valid(detail) THEN json_extract(detail, '$.duration_s') END "
		"FROM activities WHERE substr(at, 1, 10) BETWEEN ?1 AND ?2 AND ?3 = ?3 "
		"AND type IN ('call', 'note', 'email', 'letter', 'sms', 'promise', 'plan', 'dispute') "
		"ORDER BY user, account_no, at", from1, to1, cur);
	if (!st)
		return -1;
	char last_user[65] = "", last_acc[80] = "";
	day_t last_day = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *user = (const char *)sqlite3_column_text(st, 0);
		const char *acc = (const char *)sqlite3_column_text(st, 1);
		const char *type = (const char *)sqlite3_column_text(st, 3);
		const char *outcome = (const char *)sqlite3_column_text(st, 4);
		day_t d = utc_local_day((const char *)sqlite3_column_text(st, 2));
		size_t ci;
		struct tally *t = tally_at(w, user, d, &ci);
		if (!t || !acc || !type)
			continue;
		if (strcmp(last_user, user) || strcmp(last_acc, acc) || last_day != d) {
			t->v[C_WORKED]++;
			snprintf(last_user, sizeof last_user, "%s", user);
			snprintf(last_acc, sizeof last_acc, "%s", acc);
			last_day = d;
			behind(w, ci, d, acc);
		}
		if (!strcmp(type, "call") && outcome) {
			t->v[C_CALLS]++;
			if (!strcmp(outcome, "reached")) {
				t->v[C_REACHED]++;
				if (sqlite3_column_type(st, 5) == SQLITE_INTEGER && sqlite3_column_int64(st, 5) > 0)
					t->v[C_TALK] += sqlite3_column_int64(st, 5);
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* promises and plans made */
	st = query(db,
		"SELECT user, made_at, account_no, iif(currency = ?3, amount, 0), 1 FROM promises "
		"WHERE substr(made_at, 1, 10) BETWEEN ?1 AND ?2 "
		"UNION ALL SELECT user, created_at, account_no, 0, 0 FROM plans "
		"WHERE substr(created_at, 1, 10) BETWEEN ?1 AND ?2", from1, to1, cur);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t ci;
		day_t d = utc_local_day((const char *)sqlite3_column_text(st, 1));
		struct tally *t = tally_at(w, (const char *)sqlite3_column_text(st, 0), d, &ci);
		if (!t)
			continue;
		if (sqlite3_column_int(st, 4))
			t->v[C_PROMISES]++, t->v[C_PROMISED] += sqlite3_column_int64(st, 3);
		else
			t->v[C_PLANS]++;
		behind(w, ci, d, (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* collected: payments dated in the period, by the account's collector */
	st = query(db,
		"SELECT c.collector, y.date, y.account_no, y.amount FROM payments y "
		"JOIN customers c ON c.account_no = y.account_no "
		"WHERE y.date BETWEEN ?1 AND ?2 AND y.currency = ?3 AND y.amount > 0 AND c.collector IS NOT NULL",
		from, to, cur);
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *date = (const char *)sqlite3_column_text(st, 1);
		day_t d;
		size_t ci;
		if (!date || date_parse(date, strlen(date), DATE_ISO, &d))
			continue;
		struct tally *t = tally_at(w, (const char *)sqlite3_column_text(st, 0), d, &ci);
		if (!t)
			continue;
		t->v[C_COLLECTED] += sqlite3_column_int64(st, 3);
		behind(w, ci, d, (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	/* every active collector has rows, even a day without work */
	st = db_prepare(db, "SELECT login FROM collectors WHERE active = 1");
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t ci;
		tally_at(w, (const char *)sqlite3_column_text(st, 0), w->from, &ci);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const struct coll *sort_base;
static int by_login(const void *a, const void *b)
{
	return strcmp(sort_base[*(const size_t *)a].login, sort_base[*(const size_t *)b].login);
}

static void set_rate(struct report *r, size_t row)
{
	struct report_cell *x = report_cell(r, row, 0);
	if (x[C_CALLS].v > 0)
		report_set_value(r, row, C_RATE, (x[C_REACHED].v * 20000 + x[C_CALLS].v) / (2 * x[C_CALLS].v));
	else
		report_set_empty(r, row, C_RATE);
}

static void work_free(struct work *w)
{
	for (size_t i = 0; i < w->nc; i++)
		free(w->c[i].t);
	free(w->c);
	for (size_t i = 0; i < w->nb; i++)
		free(w->b[i].account_no);
	free(w->b);
}

int report_collectors(sqlite3 *db, struct report *r)
{
	static const struct report_col cols[NCOLS] = {
		{"collector", RU_TEXT}, {"from", RU_DATE}, {"to", RU_DATE}, {"currency", RU_TEXT},
		{"accounts_worked", RU_COUNT}, {"calls", RU_COUNT}, {"reached", RU_COUNT},
		{"reached_rate", RU_PERCENT}, {"talk_time", RU_SECONDS}, {"promises", RU_COUNT},
		{"promised", RU_MONEY}, {"plans", RU_COUNT}, {"collected", RU_MONEY},
	};
	struct report_opts o = r->o;
	if (!o.to)
		o.to = o.as_of;
	if (!o.from)
		o.from = o.to - 6;
	if (!o.currency[0])
		snprintf(o.currency, sizeof o.currency, "EUR");
	report_begin(r, "collectors", "Collectors' work", &o, cols, NCOLS);
	struct work w = {.from = o.from, .to = o.to, .weekly = o.to - o.from + 1 > 31,
			 .with_accounts = o.with_accounts};
	w.nperiods = period_of(&w, w.to) + 1;
	if (gather(db, &w, o.currency)) {
		work_free(&w);
		return -1;
	}
	/* collectors by login: order[] the rows' order, rank[] its inverse */
	size_t *order = calloc(w.nc + 1, sizeof *order), *rank = calloc(w.nc + 1, sizeof *rank);
	if (!order || !rank)
		abort();
	for (size_t k = 0; k < w.nc; k++)
		order[k] = k;
	sort_base = w.c;
	qsort(order, w.nc, sizeof *order, by_login);
	for (size_t k = 0; k < w.nc; k++)
		rank[order[k]] = k;
	for (size_t k = 0; k < w.nc; k++)
		for (size_t p = 0; p < w.nperiods; p++) {
			const struct coll *c = &w.c[order[k]];
			size_t row = report_row(r);
			char from[11], to[11];
			date_iso(period_start(&w, p), from), date_iso(period_end(&w, p), to);
			report_set_text(r, row, C_COLLECTOR, c->login);
			report_set_text(r, row, C_FROM, from);
			report_set_text(r, row, C_TO, to);
			report_set_text(r, row, C_CURRENCY, o.currency);
			for (int x = C_WORKED; x < NCOLS; x++)
				report_set_value(r, row, x, c->t[p].v[x]);
			set_rate(r, row);
		}
	for (size_t i = 0; i < w.nb; i++)
		report_add_account(r, rank[w.b[i].coll] * w.nperiods + w.b[i].period, w.b[i].account_no);
	/* the total: the sum of the rows */
	size_t body = r->nrows, row = report_row(r);
	report_set_text(r, row, C_COLLECTOR, "total");
	report_set_text(r, row, C_CURRENCY, o.currency);
	char from[11], to[11];
	date_iso(o.from, from), date_iso(o.to, to);
	report_set_text(r, row, C_FROM, from);
	report_set_text(r, row, C_TO, to);
	for (int x = C_WORKED; x < NCOLS; x++) {
		int64_t sum = 0;
		for (size_t i = 0; i < body; i++)
			sum += report_cell(r, i, x)->v;
		report_set_value(r, row, x, sum);
	}
	set_rate(r, row);
	r->total_rows = 1;
	free(order);
	free(rank);
	work_free(&w);
	r->style = CHART_BARS;
	r->label_col = C_FROM;
	r->label_with = C_COLLECTOR + 1; /* "amy 2026-11-24": a collector has a row a day or week */
	r->series[0] = C_WORKED, r->nseries = 1;
	return 0;
}
