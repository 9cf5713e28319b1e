/* standing.h — an account's dunning at a glance (the furthest step taken,
 * the next one and its day, or why there is none) and its own dunning
 * settings: held out of dunning, another procedure, a contractual rate. */
#ifndef RELANCE_STANDING_H
#define RELANCE_STANDING_H

#include "dunning.h"
#include "book/lib.h"
#include "base/lib.h"

struct dun_standing {
	int invoices;       /* open invoices in the procedure; 0: nothing to say */
	int level;          /* the furthest step taken on one of them, 0 none */
	day_t level_day;    /* when */
	int next;           /* the next step (the soonest of any invoice), 0 none */
	day_t next_day;
	char channel[12];   /* the next step's channel */
	int hold;           /* the account is held out of dunning */
	enum dun_state why; /* no next step: held, promised, plan, disputed, credit or done */
};
/* Sums up a (dunning_account) as one line's worth. */
void dunning_standing(const struct dun_account *a, struct dun_standing *s);

/* s in words: "held, furthest step 2" (out of dunning), "no reminder yet,
 * next step 1 (email) due today", "furthest step 2, next step 3 (letter)
 * on 2026-12-01" (the furthest step one of its invoices reached; the
 * next due may be an earlier step of another), "furthest step 1,
 * stopped: under a promise";
 * empty when the account has nothing in dunning. */
void dunning_standing_text(const struct dun_standing *s, day_t today, char *out, size_t size);

/* A change to an account's own settings. */
struct dun_setting {
	int hold;              /* 1 hold, 0 release, -1 as it is */
	const char *procedure; /* a procedure's name, "default" (the segment's), NULL as it is */
	long rate;             /* hundredths of a percent a year; -1 the law's; -2 as it is */
	int claims;            /* 0 the contract provides for no interest, damages or fees;
				  -1 as the procedure says; -2 as it is */
	const char *note;      /* NULL: none */
};
/* Saves s for the account, journaled (a system entry saying what was set;
 * its summary in summary, may be NULL). Returns 0, 1 when refused (no such
 * account or procedure: message printed), -1 on error. */
int dunning_setting_save(struct book *b, const char *user, const char *account_no, const struct dun_setting *s,
			 char *summary, size_t size);

#endif
