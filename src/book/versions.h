/* versions.h — the rows that travel between copies of the book and their
 * versions (table sync_rows, schema 4): which tables travel, and the
 * versions that the triggers do not keep. Moving them is the sync's. */
#ifndef RELANCE_VERSIONS_H
#define RELANCE_VERSIONS_H
#include <stddef.h>

#include "book.h"

struct sync_table {
	const char *name;
	const char *key;     /* a head's primary key; a child's column naming its head */
	const char *head;    /* NULL for a head; the head table of a child */
	const char *account; /* the column naming the account, if any */
	const char *what;    /* a head, in words */
	const char *whats;   /* and in the plural */
	int ledger;          /* the accounting system's: versions kept by imports */
};
/* In the order the foreign keys need: heads before what names them. */
extern const struct sync_table sync_tables[];
extern const size_t sync_ntables;
const struct sync_table *sync_table_named(const char *name);

/* Versions the triggers do not keep (sync_versions.c). Inside a
 * transaction:
 * sync_quiet: around writes that make no new version (on, then off): the
 *   rules' verdicts, and an import of changes (which brings its versions).
 * sync_ledger_record: at the end of an import of the ledger, new versions
 *   for the rows of `table` it wrote (their imported_at is its time; the
 *   new collectors with customers). 0 or -1. */
int sync_quiet(sqlite3 *db, int on);
int sync_ledger_record(sqlite3 *db, const char *table, const char *imported_at);
/* sync_record: new versions, as sync_touch would have made them one at a
 * time, for the units (tbl, key) that the query rows selects, in its
 * order: what a writer that wrote many under sync_quiet (a bank import)
 * noted, at its end. rows is the program's SQL, never data. 0 or -1. */
int sync_record(sqlite3 *db, const char *rows);
/* sync_record_numbered: the same, rows selecting (tbl, key, n), n the
 * unit's place from 1 (in the order sync_record would have numbered
 * them): what a writer that knows the order writes without ranking the
 * rows first (the first load of an import). */
int sync_record_numbered(sqlite3 *db, const char *rows);

#endif
