/* lib.h — the ledger library. Reading the accounting system's files into
 * the book: the import driver, column names, customers, invoices and payments
 * (all or nothing, idempotent), and the demo book made from a seed.
 * It uses base, book and work (payments settle promises and plans). */
#ifndef RELANCE_LEDGER_LIB_H
#define RELANCE_LEDGER_LIB_H

#include "demo.h"   /* the demo book */
#include "import.h" /* importing customers, invoices and payments */

#endif
