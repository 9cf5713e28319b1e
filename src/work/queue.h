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

struct queue_row {
	char *account_no, *name, *collector, *segment;
	int64_t overdue;      /* cents, disputes left out */
	int64_t euro_days;    /* sum over overdue items of open amount x days past due */
	int oldest_days;      /* days past due of the oldest overdue item; 0 when none */
	unsigned flags;
	char next_action[64]; /* "" when none */
	day_t next_date;      /* valid when next_action[0] */
	int due;              /* an action is due today or earlier */
	char *folded;         /* account number and name folded, for searching */
	char *name_key;       /* the name folded, for sorting by name */
};

enum queue_sort { QS_DEFAULT, QS_OVERDUE, QS_DAYS, QS_NAME, QS_NEXT, QS_COUNT };

struct queue_filter {
	const char *collector; /* NULL: everybody's */
	const char *segment;   /* NULL: any */
	int bucket;            /* -1 any; else 0: 1-30, 1: 31-60, 2: 61-90, 3: 90+ (oldest item) */
	unsigned flags;        /* rows having all these flags */
	int64_t min_overdue;   /* cents */
};

struct queue {
	struct queue_row *rows;  /* every row loaded */
	size_t n;
	size_t *view;            /* indexes of the rows that pass the filter, in order */
	size_t nview;
	int64_t view_total;      /* overdue of the rows in view */
	enum queue_sort sort;
	struct queue_filter filter;
	day_t today;
};

/* Loads the accounts of f->collector (everybody's when NULL) that need
 * attention: something overdue, or an action due. Figures that went stale
 * since they were made are recomputed first. Returns 0 or -1. */
int queue_load(struct queue *q, sqlite3 *db, day_t today, const char *collector);
void queue_free(struct queue *q);
/* Re-applies filter and order to the loaded rows (no database access). */
void queue_apply(struct queue *q);
const char *queue_sort_name(enum queue_sort s);
int queue_sort_named(const char *name); /* -1 when unknown */
/* Index in q->view of the next row (from `from`, in direction dir = +1 or
 * -1, wrapping) whose number or name contains the folded needle; -1. */
long queue_search(const struct queue *q, const char *needle, long from, int dir);
/* "BD" style letters for flags, into out (5 bytes). */
void queue_flag_letters(unsigned flags, char out[5]);
/* Parses "B", "broken", "dispute"... into a flag; 0 when unknown. */
unsigned queue_flag_named(const char *name);

#endif
