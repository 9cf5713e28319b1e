/* interest.h — what a late payer owes beyond the principal: statutory or
 * contractual late-payment interest, line by line per half-year, and the
 * damages the Belgian consumer rules allow. */
#ifndef RELANCE_INTEREST_H
#define RELANCE_INTEREST_H
#include <sqlite3.h>
#include <stdint.h>

#include "base/lib.h"

#define INTEREST_MAX_LINES 64
#define COMPENSATION_CENTS 4000 /* the fixed €40 per late invoice (2011/7/EU) */

struct interest_line {
	day_t from, to;  /* both included */
	int days;
	int rate;        /* hundredths of a percent */
	int carried;     /* no rate in the book for this half-year: the last one known */
	int64_t cents;   /* base * rate * days / 365, rounded to the cent */
};

struct interest_calc {
	struct interest_line lines[INTEREST_MAX_LINES];
	int n;
	int64_t total;   /* the sum of the lines */
};

/* Simple interest on `base` cents from the day after `due` to `until`,
 * actual days / 365, at the contractual rate (rate >= 0) or else at the
 * statutory rate of `country` for each half-year (interest_rates). Returns
 * 0, or -1 with the reason in err (no rate at all for the country). */
int interest_compute(sqlite3 *db, const char *country, int rate, int64_t base, day_t due, day_t until,
		     struct interest_calc *c, char *err, size_t errlen);

/* Belgian consumers' damages for a balance: €20 up to €150; €30 + 10 % of
 * the part above €150 up to €500; €65 + 5 % of the part above €500, at most
 * €2,000 (Code of Economic Law XIX.4). */
int64_t consumer_damages(int64_t balance);

/* "10.50 %" for 1050. */
void rate_format(int rate, char *out, size_t size);

#endif
