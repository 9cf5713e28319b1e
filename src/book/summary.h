/* summary.h — the per-account figures the queue reads (table
 * account_summary): computing them from the invoices and disputes, keeping
 * them right as changes and days go by, and rebuilding them. Every write
 * that moves an account's figures calls summary_accounts() for it in the
 * same transaction. */
#ifndef RELANCE_SUMMARY_H
#define RELANCE_SUMMARY_H

#include "book.h"
#include "base/lib.h"

/* The journal's words for a snooze lifted (task.c writes them): no work
 * on the account, which is back in the queue today. */
#define SUMMARY_SNOOZE_LIFTED "Snooze lifted"

/* Recomputes the figures of the accounts in `accounts` (all accounts when
 * NULL) as of today. Returns 0 or -1 (message printed). */
int summary_accounts(sqlite3 *db, day_t today, const struct strset *accounts);
/* What a write calls for the accounts it moved, in its transaction: their
 * figures recomputed; or, when it moved most of the book (a first import),
 * the whole table marked stale, to be recomputed in one pass by the next
 * reader (queue, check). Rows are computed as of the day the table is
 * right for (book_meta 'summary_day'), not the writer's today. */
int summary_changed(sqlite3 *db, const struct strset *accounts);
/* Recomputes what is stale: the accounts an item of which has fallen due
 * since the figures were last brought up to date (everything, when today
 * is earlier than that). Returns the number recomputed, or -1. */
long summary_refresh(sqlite3 *db, day_t today);
/* summary_changed for one account. */
int summary_account_changed(sqlite3 *db, const char *account_no);
/* The aging rows (account_aging) right for today: summary_refresh, then
 * the rows whose buckets have moved since they were computed (or that were
 * computed for a later day) computed again. Returns how many, or -1. */
long aging_refresh(sqlite3 *db, day_t today);
/* Throws the table away and computes it again. */
int summary_rebuild(sqlite3 *db, day_t today);

#endif
