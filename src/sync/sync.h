/* sync.h — keeping copies of the book in step by moving files: exporting
 * what this copy has not sent yet, importing what others sent, and the
 * rules that make copies converge whatever the order (sync_import.c).
 *
 * What travels is units (a synced row and the rows that belong to it) with
 * their versions (table sync_rows, schema 4). The file's payload is an
 * SQLite changeset of INSERTs: the units' rows as they stand, and one
 * sync_versions row per unit. */
#ifndef RELANCE_SYNC_H
#define RELANCE_SYNC_H
#include <stdio.h>

#include "book/lib.h"
#include "sync_file.h"

/* Milliseconds since 1970 as "2026-11-24T10:00:00.123Z" (ms != 0) or
 * "2026-11-24T10:00:00Z". */
void sync_time_iso(long long ms, int with_ms, char out[32]);

/* Creates, in attached database `schema`, empty copies of the synced
 * tables (as this book declares them) and sync_versions. 0 or -1. */
int sync_stage_create(sqlite3 *db, const char *schema);

struct sync_export_result {
	long long units, seq_from, seq_to;
	long long per_table[32];   /* by sync_tables' order: units of each head table */
};
/* Writes to `out` the units changed since the last export (all of them
 * with `all`), and records them as exported. 0, or -1 after a message. */
int sync_export(struct book *b, const char *user, int all, const char *out, struct sync_export_result *r);

struct sync_import_result {
	long long units, new_, newer, same, older, won, lost;
	long long journal_new; /* journal entries among the new */
};
/* Applies one change file, whole or not at all (dry_run: decides, reports,
 * rolls back). Conflicts are written to `report` as they are found.
 * 0, or -1 after a message naming the file (the book unchanged). */
int sync_import(struct book *b, const char *path, int dry_run, FILE *report, struct sync_import_result *r);

/* Makes dst a new copy of the book at src, with a copy id of its own and
 * (optionally) a name; its id in id_out. 0, or -1 after a message (and no
 * dst). */
int sync_clone(const char *src, const char *dst, const char *name, char id_out[40]);
/* Names this copy (shown to the copies that receive its files): 0, or 2
 * after a message. */
int sync_set_name(struct book *b, const char *name);
/* What waits to be exported, and what was received from which copy. */
int sync_status(struct book *b, FILE *out);

/* Every row of the synced tables in attached database `schema` checked as
 * the imports check theirs (sync_validate.c): 0, or -1 after a message
 * naming path, the row, the field and what is wrong. */
int sync_rows_valid(sqlite3 *db, const char *schema, const char *path);
/* The same for the tables i of sync_tables with which[i] set. */
int sync_rows_valid_some(sqlite3 *db, const char *schema, const char *path, const unsigned char *which);

/* What sync_rows_valid checks in a table's columns, to check a value
 * before it is stored: when every value of a table passes, its check
 * would find nothing. */
#define SYNC_MAX_CHECKED 64
struct sync_columns {
	int n;
	int kind[SYNC_MAX_CHECKED];
	char affinity[SYNC_MAX_CHECKED]; /* 'i' INTEGER, 't' TEXT, 'b' none (BLOB), 'o' other */
};
int sync_columns_of(sqlite3 *db, const char *schema, const char *table, struct sync_columns *c);
int sync_value_passes(const struct sync_columns *c, int col, int type, sqlite3_int64 x, const char *s, size_t n);

/* The book's family (sync_file.h) into f: 0; 1 when it has none yet (and
 * create is 0); -1 after a message. With create, one is made if needed. */
int sync_family(struct book *b, int create, struct sync_family *f);
/* Gives this book the family of the book at `other` (copies made before
 * families existed): 0, or -1 after a message. */
int sync_join(struct book *b, const char *other);

/* Prints a change file: its header, then every unit with its version and
 * its rows' values; its signature is checked with the family of book b
 * (NULL: no book at hand, the signature is said to be unchecked). 0, or -1
 * after a message. */
int sync_show(struct book *b, const char *path, FILE *out);

#endif
