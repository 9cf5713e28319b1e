/* task.h — what the collector plans on an account: follow-up tasks (made,
 * done, listed in the queue on their date) and snoozes (the account out of
 * the queue until a date). */
#ifndef RELANCE_TASK_H
#define RELANCE_TASK_H

#include "book/lib.h"
#include "base/lib.h"

/* Adds a task (with its journal entry and the account's queue figures) in
 * one transaction. Returns 0, or -1 after a message. */
int task_add(struct book *b, const char *user, const char *account_no, day_t due, const char *text,
	     char id[UID_LEN + 1]);
/* Marks a task done. Returns 0, 1 when there is no open task with that id
 * (message printed), -1 on error. */
int task_done(struct book *b, const char *user, const char *task_id);
/* Changes an open task: its date (0: keep; not in the past) and/or its
 * text (NULL: keep), journaled with what it was. task_reschedule and
 * task_edit are the two halves. Returns 0, 1 when refused (message
 * printed), -1 on error. */
int task_change(struct book *b, const char *user, const char *task_id, day_t due, const char *text);
int task_reschedule(struct book *b, const char *user, const char *task_id, day_t due);
int task_edit(struct book *b, const char *user, const char *task_id, const char *text);

/* Snoozes an account: out of the queue before `until` (today or earlier:
 * back at once). Journaled, type snooze. Returns 0, 1 when refused, -1 on error. */
int task_snooze(struct book *b, const char *user, const char *account_no, day_t until);
/* Lifts the snooze in force (a snooze until today). Returns 0, 1 when the
 * account is not snoozed (message printed), -1 on error. */
int task_unsnooze(struct book *b, const char *user, const char *account_no);

/* Calls fn for the open tasks of an account, by date. Returns the count or -1. */
long task_list_open(sqlite3 *db, const char *account_no,
		    void (*fn)(const char *id, const char *due, const char *text, void *), void *arg);

/* An open task (a follow-up not done yet). */
struct task_row {
	const char *id, *account_no, *due_date, *text, *user, *created_at;
};
/* Calls fn for the open tasks of one account (account_no NULL: of all),
 * due on or before *due_by (NULL: any day), by due date then account.
 * Returns the count or -1. */
long task_list(sqlite3 *db, const char *account_no, const day_t *due_by,
	       void (*fn)(const struct task_row *, void *), void *arg);

#endif
