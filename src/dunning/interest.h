/* interest.h — what a late payer owes beyond the principal: statutory or
 * contractual late-payment interest on the amount due in each period (split
 * at each payment and each half-year), the statutory rates (built in from
 * data/interest-rates.tsv, a book may add its own), and the damages the
 * Belgian consumer rules allow. */
#ifndef RELANCE_INTEREST_H
#define RELANCE_INTEREST_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lib.h"

#define INTEREST_MAX_LINES 256
#define COMPENSATION_CENTS 4000 /* the fixed €40 per late invoice (2011/7/EU) */

struct interest_line {
	day_t from, to;  /* both included */
	int days;
	int rate;        /* hundredths of a percent */
	int64_t base;    /* the amount due all through the period */
	int64_t cents;   /* base * rate * days / 365, rounded to the cent */
};

struct interest_calc {
	struct interest_line lines[INTEREST_MAX_LINES];
	int n;
	int64_t total;   /* the sum of the lines */
};

/* A payment of the debt: on `day` what is due falls by `cents`, from the
 * next day on (the day of payment still bears interest on it). */
struct interest_paid {
	day_t day;
	int64_t cents;
};

/* A debt through time: due at first `amount`, now `open`; on any day, what
 * is due is `open` plus what was paid after that day, at most `amount`
 * (a reduction no payment explains, a credit note say, counts from the
 * start: interest is never claimed on what the book cannot date). */
struct interest_debt {
	int64_t amount, open;
	const struct interest_paid *paid; /* any order */
	size_t npaid;
};
/* What is due at the end of day d. */
int64_t interest_due_on(const struct interest_debt *debt, day_t d);
/* The last day anything of the debt was due: the last payment's day when
 * it is paid, else 0 (still due). */
day_t interest_paid_on(const struct interest_debt *debt);

/* Simple interest on the debt from the day after `start` to `until`,
 * actual days / 365, at the contractual rate (rate >= 0) or else at the
 * statutory rate of `country` for each half-year: one line per period in
 * which both the amount due and the rate stay the same (none while nothing
 * is due). Returns 0, or -1 with the reason in err (a half-year without a
 * statutory rate, named; more periods than a calc holds). */
int interest_compute(sqlite3 *db, const char *country, int rate, const struct interest_debt *debt, day_t start,
		     day_t until, struct interest_calc *c, char *err, size_t errlen);

/* The book's own rates of a country (relance rates set). */
struct interest_rates {
	char country[8];
	size_t n;
	struct {
		char since[11];
		int rate;
	} r[256];
};
/* Reads them. Returns 0, or -1 with err. */
int interest_rates_load(sqlite3 *db, const char *country, struct interest_rates *t, char *err, size_t errlen);
/* interest_compute with the book's rates already read (a run reads them
 * once, not once an invoice). */
int interest_compute_with(const struct interest_rates *rates, const char *country, int rate,
			  const struct interest_debt *debt, day_t start, day_t until, struct interest_calc *c,
			  char *err, size_t errlen);
/* The built-in rates (data/interest-rates.tsv, compiled in: generated). */
struct builtin_rate {
	char country[3], since[11];
	int rate;
};
extern const struct builtin_rate relance_rates[];
extern const size_t relance_rates_count;

/* Belgian consumers' damages for a balance: €20 up to €150; €30 + 10 % of
 * the part above €150 up to €500; €65 + 5 % of the part above €500, at most
 * €2,000 (Code of Economic Law XIX.4). */
int64_t consumer_damages(int64_t balance);

/* "10.50 %" for 1050. */
void rate_format(int rate, char *out, size_t size);

#endif
