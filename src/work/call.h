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

/* The day a call's outcome brings the account back to the queue when no
 * follow-up date is given (book rules recontact-*): reached, some days
 * later; no answer, busy, voicemail and an interrupted call, some working
 * days later; 0 for a wrong number (its task "find a number" does it). */
day_t call_recontact_day(sqlite3 *db, const char *outcome, day_t today);

/* Returns 0, 1 when refused (message printed), -1 on error. Besides
 * call_outcomes, "interrupted" closes a call that was never ended (the
 * program stopped); its duration may be -1: not known. */
int call_log(struct book *b, const char *user, const struct call *c);
/* The same, with the ids of what it saved: the call's journal entry in
 * entry_id, its follow-up task in task_id ("" when none); either may be NULL. */
int call_log_ids(struct book *b, const char *user, const struct call *c, char entry_id[UID_LEN + 1],
		 char task_id[UID_LEN + 1]);

/* A call begun on this copy and not logged yet: the program ended (a
 * crash, a lost connection) while it ran. Kept in book_meta, which does
 * not travel: the call is this copy's to finish. */
struct call_open {
	char id[UID_LEN + 1]; /* its "call started" entry */
	char user[65], account_no[80], number[64];
	char started[21];     /* UTC */
};
/* The open calls of user (NULL: everyone's), oldest first, at most max;
 * returns how many there are (which may be more than max), -1 on error. */
int call_open_list(struct book *b, const char *user, struct call_open *out, int max);
/* The open call whose entry id is id (or starts with it, when that names
 * one only): 0, 1 when none or several (message printed), -1 on error. */
int call_open_find(struct book *b, const char *id, struct call_open *out);
/* Logs the open call o as interrupted: duration_s its real length, or -1
 * when not known. Returns as call_log. */
int call_close_interrupted(struct book *b, const struct call_open *o, long duration_s);

#endif
