/* call.h — phone calls to debtors: what was said, how long, and the
 * follow-up it calls for, journaled in one go. */
#ifndef RELANCE_CALL_H
#define RELANCE_CALL_H

#include "book/lib.h"
#include "base/lib.h"

extern const char *const call_outcomes[]; /* NULL-terminated */

struct call {
	const char *account_no;
	const char *outcome;   /* reached, no_answer, voicemail, busy, wrong_number */
	long duration_s;
	const char *number;    /* NULL: the account's first phone number */
	const char *note;      /* NULL: none */
	day_t follow_up;       /* 0: none; else a follow-up task on that day */
	const char *started;   /* UTC timestamp it began; NULL: now less the duration */
	const char *completes; /* the "call started" entry it completes; NULL: none */
};

/* Journals that a call has begun (so that a call is never lost, even if the
 * program dies before it is logged); its id in id. Returns 0 or -1. */
int call_start(struct book *b, const char *user, const char *account_no, const char *number,
	       char id[UID_LEN + 1], char started[21]);

/* Returns 0, 1 when refused (message printed), -1 on error. */
int call_log(struct book *b, const char *user, const struct call *c);

#endif
