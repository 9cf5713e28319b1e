/* promise.h — promises to pay: making them, and the rules that follow them
 * over time (kept, partly kept, broken), each change journaled. */
#ifndef RELANCE_PROMISE_H
#define RELANCE_PROMISE_H
#include <stdint.h>

#include "book/lib.h"
#include "base/lib.h"


struct promise_request {
	const char *account_no;
	int64_t amount;        /* cents; 0: the account's overdue balance */
	day_t date;            /* today or later */
	const char *invoices;  /* "N1,N2"; NULL: open invoices oldest first, up to the amount */
	const char *note;
};

/* Records a promise (covered invoices, journal entry, queue figures) in one
 * transaction. Returns 0, 1 when refused (message printed), -1 on error. */
int promise_add(struct book *b, const char *user, const struct promise_request *r, char id[UID_LEN + 1]);

/* Changes an open promise's date and/or amount (0: keep), or cancels it
 * (cancel != 0); journaled with what it was. Returns 0, 1 when refused
 * (message printed), -1 on error. */
int promise_change(struct book *b, const char *user, const char *id, day_t date, int64_t amount, int cancel,
		   const char *note);

/* Applies the rules to the open promises of an account (all accounts when
 * NULL), as of today: payments on the covered invoices (or on the account,
 * naming no invoice) from the day the promise was made to its date plus
 * the grace (rules.h, promise-grace-days). Full: kept. After the grace: some, partly kept;
 * none, broken. Every change is a system journal entry. Returns the number
 * of promises whose status changed, or -1. */
int promise_evaluate(struct book *b, day_t today, const char *account_no);
/* Only the open promises whose grace has run out: what time alone changes
 * (money that comes in is seen on import). Cheap enough for every open. */
int promise_evaluate_lapsed(struct book *b, day_t today);

struct promise_row {
	const char *id, *account_no, *promised_date, *made_at, *user, *status, *currency, *note, *invoices;
	int64_t amount, paid;
};
/* Lists promises, newest first (of one account, or all). Returns the count or -1. */
long promise_list(sqlite3 *db, const char *account_no, void (*fn)(const struct promise_row *, void *), void *arg);

#endif
