/* changeset_read.h — the rows of a change set that changeset_check has
 * passed, read in place (changeset_read.c). */
#ifndef RELANCE_CHANGESET_READ_H
#define RELANCE_CHANGESET_READ_H
#include <stddef.h>

#define CHANGESET_MAX_COLUMNS 256

/* One value: type as SQLite's (1 INTEGER, 2 FLOAT, 3 TEXT, 4 BLOB,
 * 5 NULL); text and blobs point into the change set. */
struct changeset_value {
	int type;
	long long i;
	double d;
	const unsigned char *p;
	size_t n;
};

struct changeset_reader {
	const unsigned char *p, *end;
	const char *table; /* the current table's name, in the change set */
	int ncol;
	struct changeset_value v[CHANGESET_MAX_COLUMNS];
};

void changeset_read_start(struct changeset_reader *r, const void *cs, size_t n);

/* The next row into r (r->table, r->ncol, r->v): 1; 0 at the end; -1 when
 * the bytes are not a change set of INSERTs. */
int changeset_read_next(struct changeset_reader *r);

#endif
