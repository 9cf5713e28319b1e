/* lib.h — the sync library. Copies of the book kept in step, and what
 * the accounting system gets back: change files (export, import, show, clone) and
 * the CSV/JSON exports of promises, disputes, plans and journal entries.
 * It uses base, book and work. */
#ifndef RELANCE_SYNC_LIB_H
#define RELANCE_SYNC_LIB_H

#include "export_tables.h" /* exports for the accounting system */
#include "sync.h"          /* change files between copies */

#endif
