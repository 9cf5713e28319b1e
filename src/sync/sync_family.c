/* sync_family.c — the family a book's copies belong to, and its key.
 *
 * A book gets a family when it first needs one (its first export, import
 * of changes or clone): an id, sent in every change file's header, and a
 * secret key of 32 random bytes that signs the file (HMAC-SHA256). Both
 * live in book_meta, which never travels in a change file; `clone` (and
 * a cp of the file) carries them, so only copies of the book can write
 * files it accepts. Copies made before families existed each get their
 * own: `relance sync join BOOK` gives one the other's family. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "base/lib.h"
#include "book/lib.h"
#include "sync.h"

static int unhex(const char *s, unsigned char *out, size_t n)
{
	if (strlen(s) != 2 * n || strspn(s, "0123456789abcdef") != 2 * n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned v;
		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			return -1;
		out[i] = (unsigned char)v;
	}
	return 0;
}

static int read_family(sqlite3 *db, struct sync_family *f)
{
	char key[80];
	book_meta_get(db, "family_id", f->id, sizeof f->id);
	book_meta_get(db, "family_key", key, sizeof key);
	if (!f->id[0] && !key[0])
		return 1;
	if (strlen(f->id) != UID_LEN || unhex(key, f->key, sizeof f->key)) {
		msg_error("the book's family (book_meta family_id, family_key) is damaged: "
			  "run `relance sync join BOOK` with a copy of this book");
		return -1;
	}
	return 0;
}

static int store_family(sqlite3 *db, const char *id, const unsigned char key[32])
{
	char hex[65];
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", key[i]);
	return book_meta_set(db, "family_id", id) || book_meta_set(db, "family_key", hex) ? -1 : 0;
}

int sync_family(struct book *b, int create, struct sync_family *f)
{
	memset(f, 0, sizeof *f);
	int rc = read_family(b->db, f);
	if (rc != 1 || !create)
		return rc;
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	rc = read_family(b->db, f); /* another process may have made one first */
	if (rc == 1) {
		uid_new(f->id);
		for (size_t got = 0; rc == 1 && got < sizeof f->key;) {
			ssize_t r = getrandom(f->key + got, sizeof f->key - got, 0);
			if (r < 0 && errno != EINTR) {
				msg_error("cannot make the book's family key: %s", strerror(errno));
				rc = -1;
			}
			if (r > 0)
				got += (size_t)r;
		}
		if (rc == 1)
			rc = store_family(b->db, f->id, f->key);
	}
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc;
}

int sync_join(struct book *b, const char *other)
{
	struct book o;
	if (book_open(&o, other, BOOK_READ))
		return -1;
	struct sync_family f;
	int rc = sync_family(&o, 0, &f);
	book_close(&o);
	if (rc == 1)
		msg_error("sync join: %s has no family yet (it never sent nor received a change file): "
			  "join it to this book instead", other);
	if (rc)
		return -1;
	struct sync_family mine;
	rc = sync_family(b, 0, &mine);
	if (rc < 0)
		return -1;
	if (rc == 0 && !strcmp(mine.id, f.id))
		return 0;
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	rc = store_family(b->db, f.id, f.key);
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc;
}
