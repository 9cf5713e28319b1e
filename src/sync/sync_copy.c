/* sync_copy.c — a copy's identity and standing: making a clone (a new
 * copy with its own id), naming a copy, and its sync status (what waits
 * to be exported, what was received from whom). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/lib.h"
#include "sync.h"

int sync_status(struct book *b, FILE *out)
{
	char name[80], parent[40], since[32], sent[32], sent_at[32];
	book_meta_get(b->db, "copy_name", name, sizeof name);
	book_meta_get(b->db, "copy_parent", parent, sizeof parent);
	book_meta_get(b->db, "copy_since", since, sizeof since);
	book_meta_get(b->db, "sync_exported", sent, sizeof sent);
	book_meta_get(b->db, "sync_exported_at", sent_at, sizeof sent_at);
	fprintf(out, "this copy: %s", b->copy_id);
	if (name[0]) {
		fputs(" (", out);
		table_put_safe(out, name);
		fputs(")", out);
	}
	fprintf(out, ", %s\n", b->path);
	if (parent[0])
		fprintf(out, "made from copy %s on %s\n", parent, since);
	sqlite3_stmt *st = db_prepare(b->db, "SELECT tbl, count(*) FROM sync_rows WHERE seq > ?1 GROUP BY tbl");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, atoll(sent));
	long long total = 0;
	struct {
		char what[32];
		long long n;
	} w[16];
	size_t nw = 0;
	while (sqlite3_step(st) == SQLITE_ROW && nw < 16) {
		const struct sync_table *t = sync_table_named((const char *)sqlite3_column_text(st, 0));
		w[nw].n = sqlite3_column_int64(st, 1);
		snprintf(w[nw].what, sizeof w[nw].what, "%s", !t ? "?" : w[nw].n == 1 ? t->what : t->whats);
		total += w[nw++].n;
	}
	sqlite3_finalize(st);
	fprintf(out, "waiting to be exported: %lld unit%s", total, total == 1 ? "" : "s");
	for (size_t i = 0; i < nw; i++)
		fprintf(out, "%s%lld %s", i ? ", " : ": ", w[i].n, w[i].what);
	if (sent_at[0])
		fprintf(out, " (last export %s)", sent_at);
	else
		fprintf(out, " (never exported)");
	fputc('\n', out);
	static const struct table_column cols[] = {
		{"copy", CELL_TEXT}, {"name", CELL_TEXT}, {"user", CELL_TEXT}, {"last_file_made", CELL_TEXT},
		{"received", CELL_TEXT}, {"files", CELL_NUMBER}, {"units", CELL_NUMBER}, {"their_seq", CELL_NUMBER},
	};
	st = db_prepare(b->db, "SELECT copy_id, name, user, last_made, received, files, units, last_seq "
			       "FROM sync_peers ORDER BY received DESC, copy_id");
	if (!st)
		return -1;
	long long peers = db_int(b->db, "SELECT count(*) FROM sync_peers");
	fprintf(out, "received from:%s\n", peers ? "" : " no other copy yet");
	if (!peers) {
		sqlite3_finalize(st);
		return 0;
	}
	struct table t;
	table_begin(&t, FMT_TEXT, cols, sizeof cols / sizeof *cols, out);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *cells[8];
		for (int i = 0; i < 8; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		table_row(&t, cells);
	}
	table_end(&t);
	sqlite3_finalize(st);
	return 0;
}

int sync_set_name(struct book *b, const char *name)
{
	if (!*name || strlen(name) > 64 || strpbrk(name, "\n\r\t")) {
		msg_error("sync name: a name is 1 to 64 characters on one line");
		return 2;
	}
	return book_meta_set(b->db, "copy_name", name) ? 1 : 0;
}

int sync_clone(const char *src, const char *dst, const char *name, char id_out[40])
{
	struct book b;
	if (book_open(&b, src, BOOK_READ)) /* a read-only book can be cloned */
		return -1;
	/* the clone is of the source's family: a source of none gets one
	 * now, which needs it writable */
	struct sync_family fam;
	int have = sync_family(&b, 0, &fam);
	if (have == 1) {
		book_close(&b);
		if (book_open(&b, src, BOOK_EXISTING))
			return -1;
		have = sync_family(&b, 1, &fam);
	}
	if (have) {
		book_close(&b);
		return -1;
	}
	int fd = open(dst, O_CREAT | O_EXCL | O_WRONLY, 0600);
	if (fd < 0) {
		msg_error("clone: cannot create %s: %s", dst, errno == EEXIST ? "it exists already" : strerror(errno));
		book_close(&b);
		return -1;
	}
	close(fd);
	long long seq = db_int(b.db, "SELECT coalesce(max(seq), 0) FROM sync_rows");
	char src_id[40], src_name[80];
	snprintf(src_id, sizeof src_id, "%s", b.copy_id);
	book_meta_get(b.db, "copy_name", src_name, sizeof src_name);
	sqlite3_stmt *st = db_prepare(b.db, "VACUUM INTO ?1");
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, dst, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		if (rc)
			msg_error("clone: %s", sqlite3_errmsg(b.db));
	}
	sqlite3_finalize(st);
	book_close(&b);
	/* opened in another file, the clone takes a copy id of its own
	 * (book.c); it has everything the source had, so it sends none of
	 * that, and it knows the source as a copy it received from */
	if (rc == 0)
		rc = book_open(&b, dst, BOOK_EXISTING);
	if (rc) {
		unlink(dst);
		return -1;
	}
	char now[21];
	now_utc(now);
	char sent[24];
	snprintf(sent, sizeof sent, "%lld", seq);
	rc = db_begin(b.db);
	if (rc == 0)
		rc = book_meta_set(b.db, "sync_exported", sent);
	if (rc == 0)
		rc = book_meta_set(b.db, "sync_exported_at", now);
	st = rc ? NULL : db_prepare(b.db, "INSERT OR REPLACE INTO sync_peers(copy_id, name, user, last_seq, last_made, "
					  "received, files, units) VALUES (?1, nullif(?2, ''), NULL, ?3, ?4, ?4, 0, 0)");
	if (st) {
		sqlite3_bind_text(st, 1, src_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, src_name, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, seq);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(st);
	if (rc == 0)
		rc = db_exec(b.db, "DELETE FROM book_meta WHERE key = 'copy_name'");
	if (rc == 0 && name)
		rc = sync_set_name(&b, name) ? -1 : 0;
	if (rc == 0)
		rc = db_commit(b.db);
	else
		db_rollback(b.db);
	snprintf(id_out, 40, "%s", b.copy_id);
	book_close(&b);
	if (rc)
		unlink(dst);
	return rc;
}
