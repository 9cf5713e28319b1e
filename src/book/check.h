/* check.h — the book's health: SQLite's own checks and the invariants the
 * book promises (journal append-only, statuses that follow amounts, plans
 * whose installments add up, ids of the right shape). */
#ifndef RELANCE_CHECK_H
#define RELANCE_CHECK_H
#include <stdio.h>

#include "book.h"

/* Prints one line per check ("ok" or what is wrong) to out; returns the
 * number of problems found, or -1 when the checks could not run. */
int check_book(struct book *b, FILE *out);

#endif
