/* commitments.h — what was agreed on an account, at a glance: its promise,
 * its active plan, its open tasks, the snooze in force and the last time
 * the debtor was reached (call, e-mail, letter, SMS). Read in one go for
 * the account screen's block and `relance show`; the dunning side (hold,
 * level, next step) is the dunning library's (dunning_standing). */
#ifndef RELANCE_COMMITMENTS_H
#define RELANCE_COMMITMENTS_H
#include <stdint.h>

#include "book/lib.h"
#include "base/lib.h"

struct commitment_task {
	char id[UID_LEN + 1];
	char due[11];
	char *text;
};

struct commitments {
	/* the latest promise not cancelled, when it is open, broken or
	 * partly kept (the queue's flag comes from it); id "": none */
	struct {
		char id[UID_LEN + 1], date[11], status[16];
		int64_t amount, paid;
		day_t grace_until; /* the last day it may still be paid */
	} promise;
	/* the active plan; id "": none */
	struct {
		char id[UID_LEN + 1];
		char next_date[11]; /* the first installment not paid nor missed: "" none */
		int64_t next_amount;
		int count, paid, late, missed;
	} plan;
	struct commitment_task *tasks; /* open, by date */
	int ntasks;
	char snoozed_until[11]; /* "" when no snooze is in force */
	/* the last contact: a call (its outcome; "started" while it runs),
	 * an e-mail, a letter or an SMS; at "" none */
	struct {
		char at[25], user[65], type[16], outcome[32];
	} contact;
};

/* Brings the account's promises and plan up to date (the rules as of
 * today, journaled as they always are), then reads its commitments into
 * c. Returns 0, -1 on error (c is to be freed either way). */
int commitments_read(struct book *b, const char *account_no, day_t today, struct commitments *c);
void commitments_free(struct commitments *c);
/* The parts in words, the same on the screen and the command line:
 * "200.00 by 2026-12-01, 50.00 received, due in 7 days";
 * "next 100.00 on 2026-12-15; 2 of 4 paid (1 late), 1 missed";
 * "2026-11-20 14:05 call by tester: reached" (when: the contact's time as
 * the caller shows it). Empty when there is no such part. */
void commitments_promise_text(const struct commitments *c, day_t today, char *out, size_t size);
void commitments_plan_text(const struct commitments *c, char *out, size_t size);
void commitments_contact_text(const struct commitments *c, const char *when, char *out, size_t size);
/* 1 when nothing is agreed: no promise, plan, task nor snooze. */
int commitments_none(const struct commitments *c);

#endif
