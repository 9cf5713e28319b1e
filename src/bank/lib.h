/* lib.h — the bank library. Bank statements (CODA, camt.053, camt.054)
 * read and written, their movements stored, credits matched to invoices
 * and applied at once, and booked when the ledger shows the same money.
 * It uses base, book and work (a payment settles promises and plans). */
#ifndef RELANCE_BANK_LIB_H
#define RELANCE_BANK_LIB_H

#include "bank.h"      /* statements in the book, matching, applying, booking */
#include "statement.h" /* reading and writing the banks' files */

#endif
