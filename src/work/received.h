/* received.h — reading money_received (migration 014: the ledger's
 * payments and the bank's matched credits) account by account. SQLite
 * carries a bound account into each part of the view and reads it through
 * the parts' indexes (payments_account, bank_movements_account); an
 * account taken from another table (p.account_no) it cannot, and reads
 * every payment instead. So a rule over many accounts (promises, plans)
 * runs its statement once per account, bound. */
#ifndef RELANCE_RECEIVED_H
#define RELANCE_RECEIVED_H
#include <stddef.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"

/* The accounts `sql` selects (its first column), ?1 bound to param when
 * not NULL, into out (initialised by the caller). 0 or -1. */
int received_accounts(sqlite3 *db, const char *sql, const char *param, struct strset *out);
/* sqlite3_step(q), where q reads one account's rows (?1, the account):
 * when q is done and accounts is not NULL, q is bound to the next of them
 * (*next counts them) and stepped again. SQLITE_ROW, SQLITE_DONE or an
 * error code. */
int received_step(sqlite3_stmt *q, const struct strset *accounts, size_t *next);

/* The writes of such a rule (promises, plans): in a transaction of its own
 * for one account or when none is open; over every account in the
 * caller's, no savepoint of its own (promise.c says why), the caller
 * rolling back on failure. Versions quiet meanwhile; the figures of the
 * accounts touched recomputed once at the end. */
struct received_write {
	int own, began, nested;
	struct strset touched;
};
void received_write_init(struct received_write *w, struct book *b, const char *account_no);
/* Begins, once (later calls do nothing): 0 or -1. */
int received_write_begin(struct received_write *w, struct book *b);
/* An account whose figures move. 0 or -1. */
int received_write_touch(struct received_write *w, const char *account_no);
/* After rc (0: the rule's writes went well): the figures, versions back
 * on, commit; or rollback. Frees w. Returns 0 or -1. */
int received_write_end(struct received_write *w, struct book *b, int rc);

#endif
