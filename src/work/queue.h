/* queue.h — the collector's to-do list: the accounts that need attention,
 * with their flags, overdue figures and next action, filtered and ordered.
 * Loaded once from the per-account figures (summary.c) and the small
 * tables of collector work; sorting, filtering and searching then work on
 * the rows in memory, so no key press reads the whole book. */
#ifndef RELANCE_QUEUE_H
#define RELANCE_QUEUE_H
#include <stdint.h>

#include "book/lib.h"
#include "base/lib.h"

enum queue_flag {
	QF_BROKEN = 1 << 0,   /* B: the latest promise was broken */
	QF_MISSED = 1 << 1,   /* M: a plan installment was missed */
	QF_DISPUTE = 1 << 2,  /* D: an invoice is under open dispute */
	QF_FOLLOWUP = 1 << 3, /* F: a follow-up task is due */
};
#define QF_LETTERS "BMDF"

/* The terms of the score that orders the day's list (relance(1)): each a
 * book rule's weight times a value read from the account. */
enum queue_term { QT_BROKEN, QT_MISSED, QT_EURO_DAYS, QT_LEVEL, QT_CONTACT, QT_COUNT };

struct queue_row {
	char *account_no, *name, *collector, *segment;
	int64_t overdue;      /* cents, disputes left out */
	int64_t euro_days;    /* sum over overdue items of open amount x days past due */
	int oldest_days;      /* days past due of the oldest overdue item; 0 when none */
	unsigned flags;
	char next_action[64]; /* what to do: "" when nothing */
	char reason[80];      /* where it came from */
	day_t next_date;      /* valid when next_action[0] */
	int due;              /* the next action is due today or earlier */
	int worked_today;     /* a collector journaled something on it today */
	char last_contact[48];/* "2026-11-20 call no_answer": the latest call, e-mail,
			       * letter or SMS (local day); "" when none */
	int contact_days;     /* days since then; 0 when none */
	int level;            /* the step of the latest reminder sent */
	char *phone;          /* the first phone number; "" none */
	int64_t open_total;   /* cents: every open item, credit notes included */
	char promise[32];     /* the latest promise: "2026-11-27 open"; "" none */
	int64_t value[QT_COUNT]; /* the score's values (queue_term) */
	int64_t score;        /* sum of weight x value */
	char *folded;         /* account number and name folded, for searching */
	char *name_key;       /* the name folded, for sorting by name */
	int own;              /* account_no is a block of the row's own, not of the queue's chunks */
};

enum queue_sort { QS_DEFAULT, QS_OVERDUE, QS_DAYS, QS_NAME, QS_NEXT, QS_COUNT };

struct queue_filter {
	const char *collector; /* NULL: everybody's */
	const char *segment;   /* NULL: any */
	int bucket;            /* -1 any; else 0: 1-30, 1: 31-60, 2: 61-90, 3: 90+ (oldest item) */
	unsigned flags;        /* rows having all these flags */
	int64_t min_overdue;   /* cents */
	int all_dates;         /* 0: the day's list, the accounts whose next action is
				  due and that nobody worked today; 1: every account loaded */
	int show_done;         /* the day's list keeps those worked today, at the end */
	const char *const *accounts; /* NULL: any; else only these account numbers
				      * (naccounts, sorted by strcmp: a report's drill-down) */
	size_t naccounts;
};

struct queue {
	struct queue_row *rows;  /* every row loaded */
	size_t n;
	size_t *view;            /* indexes of the rows that pass the filter, in order */
	size_t nview;
	int64_t view_total;      /* overdue of the rows in view */
	size_t todo, done;       /* of every row loaded: due and not worked today; worked today */
	enum queue_sort sort;
	struct queue_filter filter;
	day_t today;
	int weight[QT_COUNT];    /* the book's rules score-* */
	int grace;               /* the book's rule promise-grace-days */
	char scope[65];          /* the collector whose accounts are loaded; "": everybody's */
	size_t *slots;           /* account number -> row + 1 (0: empty), open addressing:
				  * queue_find in constant time, not a walk of the rows */
	size_t nslots;           /* a power of two, at least twice n; 0: none yet */
	struct queue_chunk *chunks; /* the strings of the rows queue_load read (queue.c) */
};

extern const char *const queue_term_names[QT_COUNT]; /* "broken promise", ... */

/* Loads the accounts of collector (everybody's when NULL) that need
 * attention: something overdue, a next action, or worked today; with the
 * next action, reason and score of each. Figures that went stale since
 * they were made are recomputed first. Returns 0 or -1. */
int queue_load(struct queue *q, sqlite3 *db, day_t today, const char *collector);
void queue_free(struct queue *q);
/* Reads one account's row again after a write to it (its cached figures
 * are right: summary.c), adding or dropping it as it now needs attention
 * or not, and puts it in its place in the view by the filter and order
 * (the other rows keep theirs): what logging a call costs, without reading
 * or sorting the whole queue. Returns 0 or -1. */
int queue_reload_account(struct queue *q, sqlite3 *db, const char *account_no);
/* Re-applies filter and order to the loaded rows (no database access). */
void queue_apply(struct queue *q);
const char *queue_sort_name(enum queue_sort s);
int queue_sort_named(const char *name); /* -1 when unknown */
/* Index in q->view of the next row (from `from`, in direction dir = +1 or
 * -1, wrapping) whose number or name contains the folded needle; -1. */
long queue_search(const struct queue *q, const char *needle, long from, int dir);
/* The row of account_no among those loaded; NULL when not loaded. */
const struct queue_row *queue_find(const struct queue *q, const char *account_no);
/* The rank (1-based) of a row in the day's list ordered by score (as the
 * default order has it); 0 when not in it. */
size_t queue_rank(const struct queue *q, const struct queue_row *r);

/* One term of a row's score, with a few words on where its value came from. */
struct queue_term_line {
	const char *name;
	int weight;
	int64_t value, points;
	char about[64];
};
/* The terms of r's score, QT_COUNT of them; their points sum to r->score. */
void queue_terms(const struct queue *q, const struct queue_row *r, struct queue_term_line out[QT_COUNT]);

/* The words above a row's score terms: who, the next action with its
 * reason, and the rank in the day's list (or why it is not in it). */
struct queue_explain_head {
	char who[400], next[400], rank[96];
};
void queue_explain_head(const struct queue *q, const struct queue_row *r, struct queue_explain_head *out);

/* What was done today by user (NULL: everybody): promises and plans made. */
struct queue_day {
	long promises, plans;
	int64_t promised; /* cents */
};
int queue_day_load(sqlite3 *db, day_t today, const char *user, struct queue_day *out);
/* Whether account_no has a promise or a plan made today, whatever its
 * status or user: the only accounts whose writes can move queue_day's
 * figures (1), so that a write to any other (a note, a call) need not
 * read the day's promises again (0). 1 too when it cannot tell. */
int queue_day_touched(sqlite3 *db, day_t today, const char *account_no);

/* "BD" style letters for flags, into out (5 bytes). */
void queue_flag_letters(unsigned flags, char out[5]);
/* Parses "B", "broken", "dispute"... into a flag; 0 when unknown. */
unsigned queue_flag_named(const char *name);

#endif
