/* sync_export.c — `export changes`: the units this copy changed (or
 * received) since its last export, written as a change file. The rows are
 * copied into an attached in-memory database under an SQLite session,
 * whose changeset is the file's payload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "sync.h"

/* Copies the rows of the units in out.sync_versions into out's tables. */
static int fill(sqlite3 *db, struct sync_export_result *r)
{
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		char *sql = sqlite3_mprintf("INSERT INTO out.%s SELECT * FROM main.%s WHERE %s IN "
					    "(SELECT key FROM out.sync_versions WHERE tbl = '%s' AND gone = 0)",
					    t->name, t->name, t->key, t->head ? t->head : t->name);
		rc = sql ? db_exec(db, sql) : -1;
		sqlite3_free(sql);
		if (rc == 0 && !t->head && i < sizeof r->per_table / sizeof r->per_table[0]) {
			sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM out.sync_versions WHERE tbl = ?1");
			if (st) {
				sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
				if (sqlite3_step(st) == SQLITE_ROW)
					r->per_table[i] = sqlite3_column_int64(st, 0);
			}
			sqlite3_finalize(st);
		}
	}
	return rc;
}

int sync_export(struct book *b, const char *user, int all, const char *out, struct sync_export_result *r)
{
	memset(r, 0, sizeof *r);
	sqlite3 *db = b->db;
	/* out's tables keep the book's REFERENCES clauses; the rows of a
	 * change file need not have their parents in it */
	if (db_exec(db, "PRAGMA foreign_keys = OFF; ATTACH ':memory:' AS out"))
		return -1;
	sqlite3_session *s = NULL;
	void *cs = NULL;
	struct sync_family fam;
	int n = 0, rc = db_begin(db);
	if (rc == 0)
		rc = sync_family(b, 1, &fam);
	if (rc == 0)
		rc = sync_stage_create(db, "out");
	if (rc == 0 && sqlite3session_create(db, "out", &s) != SQLITE_OK) {
		msg_error("database: %s", sqlite3_errmsg(db));
		rc = -1;
	}
	if (rc == 0)
		rc = sqlite3session_attach(s, NULL) == SQLITE_OK ? 0 : -1;
	if (rc == 0) {
		char v[32];
		book_meta_get(db, "sync_exported", v, sizeof v);
		r->seq_from = all ? 0 : atoll(v);
		r->seq_to = db_int(db, "SELECT coalesce(max(seq), 0) FROM sync_rows");
		sqlite3_stmt *st = db_prepare(db, "INSERT INTO out.sync_versions SELECT v.tbl, v.key, v.rev, v.at, c.id, "
						  "v.base_at, b.id, v.gone FROM main.sync_rows v "
						  "JOIN main.sync_copies c ON c.n = v.copy "
						  "LEFT JOIN main.sync_copies b ON b.n = v.base_copy "
						  "WHERE v.seq > ?1 AND v.seq <= ?2");
		rc = st ? 0 : -1;
		if (st) {
			sqlite3_bind_int64(st, 1, r->seq_from);
			sqlite3_bind_int64(st, 2, r->seq_to);
			rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
			if (rc)
				msg_error("database: %s", sqlite3_errmsg(db));
			r->units = sqlite3_changes(db);
		}
		sqlite3_finalize(st);
	}
	if (rc == 0)
		rc = fill(db, r);
	if (rc == 0 && sqlite3session_changeset(s, &n, &cs) != SQLITE_OK) {
		msg_error("database: cannot make the change set: %s", sqlite3_errmsg(db));
		rc = -1;
	}
	if (s)
		sqlite3session_delete(s);
	if (rc == 0) {
		struct sync_header h = {.format = SYNC_FORMAT, .schema = book_schema_version(),
					.seq_from = r->seq_from, .seq_to = r->seq_to, .units = r->units,
					.bytes = (size_t)n};
		snprintf(h.copy, sizeof h.copy, "%s", b->copy_id);
		book_meta_get(db, "copy_name", h.name, sizeof h.name);
		snprintf(h.user, sizeof h.user, "%s", user);
		now_utc(h.made);
		rc = sync_file_write(out, &h, &fam, cs ? cs : "", (size_t)n);
	}
	sqlite3_free(cs);
	if (rc == 0) {
		sqlite3_stmt *st = db_prepare(db, "INSERT INTO book_meta(key, value) VALUES ('sync_exported', ?1) "
						  "ON CONFLICT(key) DO UPDATE SET value = max(CAST(value AS INTEGER), "
						  "CAST(excluded.value AS INTEGER))");
		rc = st ? 0 : -1;
		if (st) {
			sqlite3_bind_int64(st, 1, r->seq_to);
			rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		}
		sqlite3_finalize(st);
		char now[21];
		now_utc(now);
		if (rc == 0)
			rc = book_meta_set(db, "sync_exported_at", now);
		if (rc == 0)
			rc = db_commit(db);
		if (rc)
			msg_error("%s was written, but the book could not record it as sent: "
				  "the next export will send it again", out);
	}
	db_rollback(db);
	db_exec(db, "DETACH out; PRAGMA foreign_keys = ON");
	return rc;
}
