/* waive.h — waiving an account's late-payment interest and compensation
 * (or damages): a journal entry that the dunning rules read back, so that
 * no letter claims them again and relance interest --paid no longer lists
 * them as owed. */
#ifndef RELANCE_WAIVE_H
#define RELANCE_WAIVE_H
#include <stddef.h>

#include "book/lib.h"

/* Waives invoices[0..n-1] of the account (n 0: every one that bears
 * interest: open and overdue, or paid late), with a note saying why,
 * journaled in one entry (its summary in summary, may be NULL). Returns 0;
 * 1 refused (no such account, an invoice that is not the account's or
 * bears none, nothing left to waive: message printed); -1 on error. */
int interest_waive(struct book *b, const char *user, const char *account_no, char *const *invoices, size_t n,
		   const char *note, char *summary, size_t size);

#endif
