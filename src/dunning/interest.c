/* interest.c — late-payment interest split at half-year boundaries (the
 * statutory rate is fixed per half-year), and the consumer damages bands.
 * Integer arithmetic throughout: cents, hundredths of a percent, days. */
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

/* The rate in force on `start` (the first day of a half-year): the row of
 * that half-year, else the latest before it (*carried = 1); -1 if none. */
static int rate_on(sqlite3_stmt *st, const char *country, day_t start, int *carried)
{
	char iso[11];
	date_iso(start, iso);
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, country, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_TRANSIENT);
	int rate = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		rate = sqlite3_column_int(st, 1);
		*carried = strcmp((const char *)sqlite3_column_text(st, 0), iso) != 0;
	}
	sqlite3_reset(st);
	return rate;
}

int interest_compute(sqlite3 *db, const char *country, int rate, int64_t base, day_t due, day_t until,
		     struct interest_calc *c, char *err, size_t errlen)
{
	memset(c, 0, sizeof *c);
	if (base <= 0 || until <= due)
		return 0;
	if (base > 100000000000LL)
		base = 100000000000LL; /* a billion: beyond any ledger here, and no overflow */
	sqlite3_stmt *st = NULL;
	if (rate < 0) {
		st = db_prepare(db, "SELECT since, rate FROM interest_rates WHERE country = ?1 AND since <= ?2 "
				    "ORDER BY since DESC LIMIT 1");
		if (!st) {
			snprintf(err, errlen, "cannot read the interest rates");
			return -1;
		}
	}
	int rc = 0;
	for (day_t from = due + 1; from <= until && c->n < INTEREST_MAX_LINES;) {
		day_t end = next_half_year(from) - 1;
		if (end > until)
			end = until;
		struct interest_line *l = &c->lines[c->n];
		l->from = from, l->to = end, l->days = (int)(end - from + 1);
		if (rate >= 0) {
			l->rate = rate;
		} else if ((l->rate = rate_on(st, country, half_year_start(from), &l->carried)) < 0) {
			char iso[11];
			date_iso(from, iso);
			snprintf(err, errlen, "no statutory interest rate for %s on %s (relance rates set %s ...)",
				 country, iso, country);
			rc = -1;
			break;
		}
		l->cents = muldiv_round(base, l->rate, l->days, 365LL * 10000);
		c->total += l->cents;
		c->n++;
		from = end + 1;
	}
	sqlite3_finalize(st);
	if (rc)
		c->n = 0, c->total = 0;
	return rc;
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
