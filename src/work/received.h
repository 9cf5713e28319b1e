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

#endif
