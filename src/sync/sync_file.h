/* sync_file.h — the change file that carries work between copies of the
 * book: a text header (format, schema version, sending copy, who, when,
 * the sender's range of changes), a blank line, the changeset (SQLite's
 * session format), and a last line with the SHA-256 of everything before
 * it. Writing is atomic (a temporary file renamed); reading checks the
 * whole file before anyone looks at its contents. */
#ifndef RELANCE_SYNC_FILE_H
#define RELANCE_SYNC_FILE_H
#include <stddef.h>

#define SYNC_FORMAT 1

struct sync_header {
	int format, schema;
	char copy[40];      /* the sending copy's id */
	char name[65];      /* its name, if it has one */
	char user[65];      /* who exported */
	char made[32];      /* UTC timestamp */
	long long seq_from, seq_to; /* the sender's changes (from, to] */
	long long units;
	size_t bytes;       /* of the changeset */
};

/* Writes header and changeset to path ("-": standard output). 0, or -1
 * after a message; a failed write leaves no file. */
int sync_file_write(const char *path, const struct sync_header *h, const void *changeset, size_t n);
/* Reads and checks path: the magic line, the checksum, the header's fields,
 * a schema no newer than max_schema. On success *changeset is malloc'ed.
 * On failure: -1 after a message that names the file and what is wrong. */
int sync_file_read(const char *path, int max_schema, struct sync_header *h, void **changeset, size_t *n);

#endif
