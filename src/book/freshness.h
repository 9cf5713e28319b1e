/* freshness.h — how fresh the book's payments are: the day they are known
 * as of (the later of the last ledger import of invoices or payments and
 * the last bank statement), how many working days that lies behind today,
 * and whether that is more than the collector accepts (stale-days). The
 * workstation's title says it; `dunning run` will not send on stale data. */
#ifndef RELANCE_FRESHNESS_H
#define RELANCE_FRESHNESS_H

#include "book.h"
#include "base/lib.h"

/* stale_days meaning "never stale" (set stale-days = off). */
#define FRESHNESS_NEVER (-1)

struct freshness {
	int known;   /* 0: no invoices, payments nor bank statement were ever imported */
	day_t as_of; /* the day payments are known as of (when known) */
	int behind;  /* working days after as_of up to today, today counted; 0 when as_of >= today */
	int stale;   /* behind > stale_days (always, when not known; never with FRESHNESS_NEVER) */
};

/* The book's freshness as of today, judged against stale_days working
 * days (FRESHNESS_NEVER: never stale). Two look-ups by index. Returns 0,
 * or -1 (said). */
int book_freshness(sqlite3 *db, day_t today, int stale_days, struct freshness *out);

/* Whether f is stale against stale_days: what book_freshness set in
 * f->stale, again for another limit (a setting changed live). */
int freshness_stale(const struct freshness *f, int stale_days);

/* "payments as of 2026-11-27 (3 working days; stale-days is 2)", or "no
 * payments imported yet": what the title and the dunning run say. */
void freshness_text(const struct freshness *f, int stale_days, char *out, size_t size);

#endif
