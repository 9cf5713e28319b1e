/* pending.h — reminders on their way (table dunning_pending, migration
 * 008): recorded before a message leaves the book, turned into its journal
 * entry once it has left, deleted when it could not go. A row whose
 * process is gone is a message whose outcome is unknown: it is never sent
 * again without a person saying so (relance dunning pending). */
#ifndef RELANCE_DUNNING_PENDING_H
#define RELANCE_DUNNING_PENDING_H
#include <signal.h>
#include <stdint.h>

#include "book/lib.h"

struct dun_pending {
	int64_t id;
	char account_no[65], channel[12], at[25], host[65];
	char recipient[512], file[1100];
	int step;
	long pid;
	int live;             /* its process still runs here: on its way, not unknown */
};

/* Set (by a signal handler) when the run is asked to stop: a hand-over
 * that fails meanwhile (sendmail killed by the same Ctrl-C) is of unknown
 * outcome and stays pending. */
extern volatile sig_atomic_t dunning_stopping;

/* Records e, the journal entry of a message about to leave by channel ch,
 * inside the caller's transaction. Its id in *id. 0 or -1. */
int dunning_pending_add(struct book *b, const struct journal_entry *e, const char *ch, int step, const char *to,
			const char *file, int64_t *id);
/* The message has left: its journal entry, and the row gone, in one
 * transaction (nested in the caller's if one is open). 0, 1 no such row
 * (resolved meanwhile), -1 on error. */
int dunning_pending_sent(struct book *b, int64_t id);
/* It did not leave, or may go again: the row deleted. 0, 1 none, -1. */
int dunning_pending_drop(struct book *b, int64_t id);

/* Calls fn for each pending row (of account, NULL every account), oldest
 * first. Returns the number of rows, -1 on error. */
long dunning_pending_each(sqlite3 *db, const char *account,
			  void (*fn)(const struct dun_pending *p, void *arg), void *arg);

#endif
