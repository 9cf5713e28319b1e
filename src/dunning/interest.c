/* interest.c — late-payment interest on what was due in each period: the
 * periods end at each half-year (the statutory rate is fixed per
 * half-year) and at each payment; the statutory rates; the consumer
 * damages bands. Integer arithmetic throughout: cents, hundredths of a
 * percent, days. */
#include "interest.h"

#include <stdio.h>
#include <string.h>

#include "book/lib.h"

/* a * b * c / d, rounded half up, for non-negative a, b, c and d > 0 */
static int64_t muldiv_round(int64_t a, int64_t b, int64_t c, int64_t d)
{
	return (a * b * c + d / 2) / d;
}

/* The first day of the half-year after the one holding d. */
static day_t next_half_year(day_t d)
{
	int y, m, dd;
	civil_from_days(d, &y, &m, &dd);
	return m <= 6 ? days_from_civil(y, 7, 1) : days_from_civil(y + 1, 1, 1);
}

static day_t half_year_start(day_t d)
{
	int y, m, dd;
	civil_from_days(d, &y, &m, &dd);
	return days_from_civil(y, m <= 6 ? 1 : 7, 1);
}

int64_t interest_due_on(const struct interest_debt *debt, day_t d)
{
	int64_t due = debt->open > 0 ? debt->open : 0;
	int64_t cap = debt->amount > due ? debt->amount : due;
	for (size_t i = 0; i < debt->npaid; i++)
		if (debt->paid[i].day >= d && debt->paid[i].cents > 0)
			due += debt->paid[i].cents;
	return due < cap ? due : cap;
}

day_t interest_paid_on(const struct interest_debt *debt)
{
	if (debt->open > 0)
		return 0;
	day_t last = 0;
	for (size_t i = 0; i < debt->npaid; i++)
		if (debt->paid[i].cents > 0 && debt->paid[i].day > last)
			last = debt->paid[i].day;
	return last;
}

/* The first payment day on or after d, or 0. */
static day_t next_payment(const struct interest_debt *debt, day_t d)
{
	day_t next = 0;
	for (size_t i = 0; i < debt->npaid; i++)
		if (debt->paid[i].day >= d && debt->paid[i].cents > 0 && (!next || debt->paid[i].day < next))
			next = debt->paid[i].day;
	return next;
}

int interest_rates_load(sqlite3 *db, const char *country, struct interest_rates *t, char *err, size_t errlen)
{
	t->n = 0;
	snprintf(t->country, sizeof t->country, "%s", country);
	sqlite3_stmt *st = db_prepare(db, "SELECT since, rate FROM interest_rates WHERE country = ?1 ORDER BY since");
	if (!st) {
		snprintf(err, errlen, "cannot read the interest rates");
		return -1;
	}
	sqlite3_bind_text(st, 1, country, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && t->n < sizeof t->r / sizeof t->r[0]) {
		snprintf(t->r[t->n].since, sizeof t->r[t->n].since, "%s", (const char *)sqlite3_column_text(st, 0));
		t->r[t->n++].rate = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		snprintf(err, errlen, "cannot read the interest rates");
		return -1;
	}
	return 0;
}

/* The rate of the half-year starting on `since`: the book's, else the
 * built-in one; -1 with err naming the half-year when there is none. */
static int rate_of(const struct interest_rates *t, const char *country, day_t since, char *err, size_t errlen)
{
	char iso[11];
	date_iso(since, iso);
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->r[i].since, iso))
			return t->r[i].rate;
	for (size_t i = 0; i < relance_rates_count; i++)
		if (!strcmp(relance_rates[i].country, country) && !strcmp(relance_rates[i].since, iso))
			return relance_rates[i].rate;
	int y, m, d;
	civil_from_days(since, &y, &m, &d);
	snprintf(err, errlen,
		 "no statutory interest rate for %s in the half-year %04d H%d (from %s): relance rates set %s %s RATE",
		 country, y % 10000, m <= 6 ? 1 : 2, iso, country, iso);
	return -1;
}

int interest_compute(sqlite3 *db, const char *country, int rate, const struct interest_debt *debt, day_t start,
		     day_t until, struct interest_calc *c, char *err, size_t errlen)
{
	memset(c, 0, sizeof *c);
	struct interest_rates book;
	book.n = 0;
	if (rate < 0 && interest_rates_load(db, country, &book, err, errlen))
		return -1;
	return interest_compute_with(&book, country, rate, debt, start, until, c, err, errlen);
}

int interest_compute_with(const struct interest_rates *rates, const char *country, int rate,
			  const struct interest_debt *debt, day_t start, day_t until, struct interest_calc *c,
			  char *err, size_t errlen)
{
	memset(c, 0, sizeof *c);
	const struct interest_rates none = {.n = 0};
	const struct interest_rates *book = rate < 0 ? rates : &none;
	day_t half = 0;
	int half_rate = rate;
	for (day_t from = start + 1; from <= until;) {
		int64_t base = interest_due_on(debt, from);
		if (base > 100000000000LL)
			base = 100000000000LL; /* a billion: beyond any ledger here, and no overflow */
		day_t end = next_half_year(from) - 1, paid = next_payment(debt, from);
		if (paid && paid < end)
			end = paid;
		if (end > until)
			end = until;
		if (base <= 0) { /* nothing due: no line, and nothing more once it is all paid */
			if (!paid)
				break;
			from = end + 1;
			continue;
		}
		if (rate < 0 && half != half_year_start(from)) {
			half = half_year_start(from);
			if ((half_rate = rate_of(book, country, half, err, errlen)) < 0) {
				c->n = 0, c->total = 0;
				return -1;
			}
		}
		if (c->n == INTEREST_MAX_LINES) {
			snprintf(err, errlen, "more than %d periods of interest: too many to list", INTEREST_MAX_LINES);
			c->n = 0, c->total = 0;
			return -1;
		}
		struct interest_line *l = &c->lines[c->n++];
		l->from = from, l->to = end, l->days = (int)(end - from + 1);
		l->rate = half_rate, l->base = base;
		l->cents = muldiv_round(base, l->rate, l->days, 365LL * 10000);
		c->total += l->cents;
		from = end + 1;
	}
	return 0;
}

int64_t consumer_damages(int64_t balance)
{
	if (balance <= 0)
		return 0;
	if (balance <= 15000)
		return 2000;
	if (balance <= 50000)
		return 3000 + ((balance - 15000) * 10 + 50) / 100;
	int64_t d = 6500 + ((balance - 50000) * 5 + 50) / 100;
	return d > 200000 ? 200000 : d;
}

void rate_format(int rate, char *out, size_t size)
{
	snprintf(out, size, "%d.%02d %%", rate / 100, rate % 100);
}
