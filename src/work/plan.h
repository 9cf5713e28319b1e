/* plan.h — payment plans: a balance paid in installments (after an
 * optional down payment), their schedule, and the rules that follow them
 * (rules.h): an installment not paid by its date plus promise-grace-days is
 * missed; plan-max-missed missed installments break the plan. */
#ifndef RELANCE_PLAN_H
#define RELANCE_PLAN_H
#include <stdint.h>

#include "book/lib.h"
#include "base/lib.h"

#define PLAN_MAX_INSTALLMENTS 120

enum plan_every { EVERY_WEEK, EVERY_2WEEKS, EVERY_MONTH };

struct installment;

struct plan_request {
	const char *account_no;
	const struct installment *rows; /* an edited schedule (NULL: computed); must add up to the total */
	int nrows;
	int64_t total;     /* cents; 0: the overdue balance, or that of `invoices` */
	const char *invoices; /* "N1,N2": the open invoices it covers; NULL: the balance */
	int64_t down;      /* down payment, due on the day the plan is made */
	int64_t fee;       /* added to the total */
	int installments;  /* 1..PLAN_MAX_INSTALLMENTS */
	enum plan_every every;
	day_t first;       /* the first installment: today or later */
};

struct installment {
	int seq;           /* 0: the down payment */
	day_t due;
	int64_t amount;
};

/* The schedule: the down payment, then equal installments with the odd
 * cent on the last; months keep their day, or the month's last. Returns
 * the number of rows written to out (room for installments + 1). */
int plan_schedule(const struct plan_request *r, day_t today, int64_t total, struct installment *out);
/* The date n periods after first (months keep their day, or the month's
 * last). */
day_t plan_step(day_t first, enum plan_every every, int n);
/* "week", "2weeks", "month" -> every; -1 when unknown. */
int plan_every_named(const char *name);

/* Puts installments in date order (the down payment, seq 0, first on its
 * day), numbering them in that order with the seq numbers they had; from
 * (may be NULL) gets, for each place, the index its row had before. */
void plan_rows_order(struct installment *rows, int n, int *from);

/* Records a plan (one active plan per account). Returns 0, 1 when refused
 * (message printed), -1 on error. */
int plan_add(struct book *b, const char *user, const struct plan_request *r, char id[UID_LEN + 1]);
/* Changes the active plan of an account: its installments not paid yet
 * (status due or missed) are replaced by rows (seq numbers kept from the
 * caller), which must add up to what they replace and be to come. Journaled.
 * Returns 0, 1 when refused (message printed), -1 on error. */
int plan_change(struct book *b, const char *user, const char *account_no, const struct installment *rows, int n);
/* Cancels the active plan of an account. Returns 0, 1 when there is none. */
int plan_cancel(struct book *b, const char *user, const char *account_no);
/* The rules as of today, for an account's active plan (all when NULL).
 * Returns the number of changes, or -1. */
int plan_evaluate(struct book *b, day_t today, const char *account_no);
/* Only the plans with an installment still due whose grace has run out. */
int plan_evaluate_lapsed(struct book *b, day_t today);

struct installment_row {
	const char *plan_id, *status, *plan_status, *due_date;
	int seq;
	int64_t amount, paid;
};
/* The installments of the account's latest plan. Returns their count, or -1. */
long plan_installments(sqlite3 *db, const char *account_no, void (*fn)(const struct installment_row *, void *),
		       void *arg);

#endif
