/* lib.h — the book library. The SQLite file and what it holds:
 * opening and upgrading it, the journal, what is owed (ledger, summaries),
 * accounts and their history, finding any account, how fresh its
 * payments are, the book's rules and health, the rows that travel.
 * It uses base. */
#ifndef RELANCE_BOOK_LIB_H
#define RELANCE_BOOK_LIB_H

#include "account.h"  /* one account as the ledger describes it */
#include "book.h"     /* opening the book, transactions, book_meta */
#include "check.h"    /* the book's health */
#include "find.h"     /* any account, from its number, name, phone, invoice... */
#include "freshness.h" /* how fresh the payments are: the title, dunning run */
#include "history.h"  /* an account's history, newest first */
#include "journal.h"  /* the append-only journal */
#include "ledger.h"   /* what is owed as of today: totals, aging, open items */
#include "payref_owner.h" /* whose a payment reference is */
#include "rules.h"    /* the book's rules, the same on every copy */
#include "summary.h"  /* the per-account figures the queue reads */
#include "versions.h" /* which tables travel between copies, their versions */

#endif
