/* sync_file.h — the change file that carries work between copies of the
 * book: a text header (format, schema version, the book's family, sending
 * copy, who, when, the sender's range of changes), a blank line, the
 * changeset (SQLite's session format), and a last line with the
 * HMAC-SHA256 of everything before it under the family's key, which only
 * copies of the book hold. The file is written as its rows are read
 * (sync_file_begin, _put, _end): no part of it is held whole. Writing is atomic (a temporary file renamed);
 * reading checks the whole file (signature, header, the change set's
 * structure) before anyone looks at its contents. */
#ifndef RELANCE_SYNC_FILE_H
#define RELANCE_SYNC_FILE_H
#include <stddef.h>

#define SYNC_FORMAT 3 /* 1: before files were signed; 2: with the change
			* set's length in the header (still read) */

/* The family a book's copies share (sync_family.c). */
struct sync_family {
	char id[37];
	unsigned char key[32];
};

struct sync_header {
	int format, schema;
	char family[40];    /* the family of the book it comes from */
	int signature_checked; /* read with the family's key */
	char copy[40];      /* the sending copy's id */
	char name[65];      /* its name, if it has one */
	char user[65];      /* who exported */
	char made[32];      /* UTC timestamp */
	long long seq_from, seq_to; /* the sender's changes (from, to] */
	long long units;
	size_t bytes;       /* of the changeset (not written since format 3) */
};

/* Writes header and changeset to path ("-": standard output), signed with
 * the family's key (h->family is taken from fam). 0, or -1 after a
 * message; a failed write leaves no file. */
int sync_file_write(const char *path, const struct sync_header *h, const struct sync_family *fam,
		    const void *changeset, size_t n);
/* The same, in pieces: begin writes the header (h->units must be known),
 * put adds bytes of the change set (0, or -1 once a write failed), end
 * signs and closes (0, or -1 after a message; the file is then gone),
 * abort gives up and removes what was written. */
struct sync_writer;
struct sync_writer *sync_file_begin(const char *path, const struct sync_header *h, const struct sync_family *fam);
int sync_file_put(struct sync_writer *w, const void *p, size_t n);
int sync_file_end(struct sync_writer *w);
void sync_file_abort(struct sync_writer *w);
/* Reads and checks path: the magic line, the family and the signature
 * (with fam; NULL: a file shown without a book, its signature unchecked),
 * the header's fields, a schema no newer than max_schema, the change set's
 * structure. On success *changeset is malloc'ed. On failure: -1 after a
 * message that names the file and what is wrong. */
int sync_file_read(const char *path, int max_schema, const struct sync_family *fam, struct sync_header *h,
		   void **changeset, size_t *n);

#endif
