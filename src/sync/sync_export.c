/* sync_export.c — `export changes`: the units this copy changed (or
 * received) since its last export, written as a change file.
 *
 * The change set is written here, row by row as the queries return them,
 * in SQLite's session format (the one changeset_check.c walks and
 * sqlite3changeset_start reads): per table a header ('T', the column
 * count, each column's place in the primary key, the name), then one
 * INSERT per row. Nothing is held whole: memory does not grow with the
 * number of units (the bench and tests/cli/sync_stream.t check it). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "sync.h"

#define MAX_COLUMNS 64

/* A varint as SQLite writes it: 7 bits a byte, big-endian, the ninth
 * byte whole. Its length. */
static size_t put_varint(unsigned char *p, uint64_t v)
{
	if (v & ((uint64_t)0xff000000 << 32)) {
		p[8] = (unsigned char)v;
		v >>= 8;
		for (int i = 7; i >= 0; i--, v >>= 7)
			p[i] = (unsigned char)((v & 0x7f) | 0x80);
		return 9;
	}
	unsigned char b[10];
	size_t n = 0;
	do {
		b[n++] = (unsigned char)((v & 0x7f) | 0x80);
		v >>= 7;
	} while (v);
	b[0] &= 0x7f;
	for (size_t i = 0; i < n; i++)
		p[i] = b[n - 1 - i];
	return n;
}

static void put_be64(unsigned char *p, uint64_t v)
{
	for (int i = 7; i >= 0; i--, v >>= 8)
		p[i] = (unsigned char)v;
}

/* The rows of st, each an INSERT of table `name` whose primary key is
 * pk[] (a column's place in it from 1, or 0); the table's header comes
 * before its first row. The number of rows, or -1. */
static long long put_rows(sqlite3 *db, struct sync_writer *w, sqlite3_stmt *st, const char *name,
			  const unsigned char *pk, int ncol)
{
	long long rows = 0;
	int rc, bad = 0;
	unsigned char v[16];
	while (!bad && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (rows++ == 0) {
			v[0] = 'T';
			size_t n = 1 + put_varint(v + 1, (uint64_t)ncol);
			bad |= sync_file_put(w, v, n) | sync_file_put(w, pk, (size_t)ncol) |
			       sync_file_put(w, name, strlen(name) + 1);
		}
		v[0] = SQLITE_INSERT, v[1] = 0; /* not indirect */
		bad |= sync_file_put(w, v, 2);
		for (int i = 0; i < ncol; i++) {
			size_t n = 1;
			switch (sqlite3_column_type(st, i)) {
			case SQLITE_INTEGER:
				v[0] = SQLITE_INTEGER;
				put_be64(v + 1, (uint64_t)sqlite3_column_int64(st, i));
				bad |= sync_file_put(w, v, 9);
				break;
			case SQLITE_FLOAT: {
				double d = sqlite3_column_double(st, i);
				uint64_t u;
				memcpy(&u, &d, sizeof u);
				v[0] = SQLITE_FLOAT;
				put_be64(v + 1, u);
				bad |= sync_file_put(w, v, 9);
				break;
			}
			case SQLITE_TEXT:
			case SQLITE_BLOB: {
				int text = sqlite3_column_type(st, i) == SQLITE_TEXT;
				const void *p = text ? (const void *)sqlite3_column_text(st, i) : sqlite3_column_blob(st, i);
				size_t len = (size_t)sqlite3_column_bytes(st, i);
				v[0] = text ? SQLITE_TEXT : SQLITE_BLOB;
				n += put_varint(v + 1, len);
				bad |= sync_file_put(w, v, n);
				if (len)
					bad |= sync_file_put(w, p, len);
				break;
			}
			default:
				v[0] = SQLITE_NULL;
				bad |= sync_file_put(w, v, 1);
			}
		}
	}
	if (!bad && rc != SQLITE_DONE) {
		msg_error("database: %s", sqlite3_errmsg(db));
		return -1;
	}
	return bad ? -1 : rows;
}

/* The rows of table t that belong to the units (seq_from, seq_to], of
 * which there are `units`. */
static long long put_table(sqlite3 *db, struct sync_writer *w, const struct sync_table *t, long long units,
			   long long from, long long to)
{
	/* the primary key, as the session extension records it; a table
	 * without one it leaves out, and so does this */
	unsigned char pk[MAX_COLUMNS];
	int ncol = 0, keyed = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT pk FROM pragma_table_info(?1, 'main') ORDER BY cid");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW && ncol < MAX_COLUMNS) {
		pk[ncol] = (unsigned char)sqlite3_column_int(st, 0);
		keyed |= pk[ncol++] != 0;
	}
	sqlite3_finalize(st);
	if (!keyed)
		return 0;
	/* a few units of a big book are found by their seq (read at random);
	 * many, by their table: in the order of their keys, the rows come
	 * page after page (the versions the book ever made, to, bound the
	 * units of the table: read them all when they are under 8 times the
	 * units sent) */
	char *sql = sqlite3_mprintf("SELECT t.* FROM main.sync_rows v %s JOIN main.%s t ON t.%s = v.key "
				    "WHERE v.tbl = '%s' AND v.gone = 0 AND v.seq > ?1 AND v.seq <= ?2",
				    units * 8 < to ? "INDEXED BY sync_rows_seq" : "", t->name, t->key,
				    t->head ? t->head : t->name);
	st = sql ? db_prepare(db, sql) : NULL;
	sqlite3_free(sql);
	if (!st)
		return -1;
	if (sqlite3_column_count(st) != ncol) {
		msg_error("database: table %s has more than %d columns", t->name, MAX_COLUMNS);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	long long n = put_rows(db, w, st, t->name, pk, ncol);
	sqlite3_finalize(st);
	return n;
}

/* The versions of the `units` units: one sync_versions row each
 * (sync_stage.c). */
static long long put_versions(sqlite3 *db, struct sync_writer *w, long long units, long long from, long long to)
{
	static const unsigned char pk[8] = {1, 2, 0, 0, 0, 0, 0, 0};
	/* as put_table: many units, all the versions read in their order */
	char *sql = sqlite3_mprintf("SELECT v.tbl, v.key, v.rev, v.at, c.id, v.base_at, b.id, v.gone "
				    "FROM main.sync_rows v %s JOIN main.sync_copies c ON c.n = v.copy "
				    "LEFT JOIN main.sync_copies b ON b.n = v.base_copy "
				    "WHERE v.seq > ?1 AND v.seq <= ?2", units * 8 < to ? "" : "NOT INDEXED");
	sqlite3_stmt *st = sql ? db_prepare(db, sql) : NULL;
	sqlite3_free(sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	long long n = put_rows(db, w, st, "sync_versions", pk, 8);
	sqlite3_finalize(st);
	return n;
}

/* The units of (from, to], in all and per table of units (into n[],
 * sync_ntables long), counted as the index of seq gives them: a GROUP BY
 * would sort them all in memory. 0 or -1. */
static int count_units(sqlite3 *db, struct sync_export_result *r, long long *n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT tbl FROM main.sync_rows WHERE seq > ?1 AND seq <= ?2");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, r->seq_from);
	sqlite3_bind_int64(st, 2, r->seq_to);
	int rc;
	size_t last = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *tbl = (const char *)sqlite3_column_text(st, 0);
		r->units++;
		if (!tbl)
			continue;
		if (strcmp(tbl, sync_tables[last].name)) { /* units of a table come in runs */
			const struct sync_table *t = sync_table_named(tbl);
			if (!t)
				continue;
			last = (size_t)(t - sync_tables);
		}
		n[last]++;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < sync_ntables && i < sizeof r->per_table / sizeof r->per_table[0]; i++)
		if (!sync_tables[i].head)
			r->per_table[i] = n[i];
	if (rc != SQLITE_DONE) {
		msg_error("database: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int sync_export(struct book *b, const char *user, int all, const char *out, struct sync_export_result *r)
{
	memset(r, 0, sizeof *r);
	sqlite3 *db = b->db;
	struct sync_family fam;
	struct sync_writer *w = NULL;
	long long *units = calloc(sync_ntables, sizeof *units);
	if (!units) {
		msg_error("out of memory");
		return -1;
	}
	/* read, not mapped: pages of a mapped book stay in the process's
	 * memory as they are touched, and an export touches them all */
	long long mmap = db_int(db, "PRAGMA mmap_size");
	long long cache = db_int(db, "PRAGMA cache_size");
	db_exec(db, "PRAGMA mmap_size = 0; PRAGMA cache_size = -16384");
	/* one read of the book from the count to the last row */
	int rc = db_begin(db);
	if (rc == 0)
		rc = sync_family(b, 1, &fam);
	if (rc == 0) {
		char v[32];
		book_meta_get(db, "sync_exported", v, sizeof v);
		r->seq_from = all ? 0 : atoll(v);
		r->seq_to = db_int(db, "SELECT coalesce(max(seq), 0) FROM sync_rows");
		rc = count_units(db, r, units);
	}
	if (rc == 0) {
		struct sync_header h = {.format = SYNC_FORMAT, .schema = book_schema_version(),
					.seq_from = r->seq_from, .seq_to = r->seq_to, .units = r->units};
		snprintf(h.copy, sizeof h.copy, "%s", b->copy_id);
		book_meta_get(db, "copy_name", h.name, sizeof h.name);
		snprintf(h.user, sizeof h.user, "%s", user);
		now_utc(h.made);
		w = sync_file_begin(out, &h, &fam);
		rc = w ? 0 : -1;
	}
	for (size_t i = 0; rc == 0 && i < sync_ntables; i++) {
		const struct sync_table *t = &sync_tables[i];
		const struct sync_table *unit = t->head ? sync_table_named(t->head) : t;
		if (unit && units[unit - sync_tables]) /* a table with no units is not read */
			rc = put_table(db, w, t, units[unit - sync_tables], r->seq_from, r->seq_to) < 0 ? -1 : 0;
	}
	free(units);
	if (rc == 0) {
		long long n = put_versions(db, w, r->units, r->seq_from, r->seq_to);
		if (n >= 0 && n != r->units) { /* cannot be, inside one transaction */
			msg_error("database: %lld units counted, %lld read", r->units, n);
			n = -1;
		}
		rc = n < 0 ? -1 : 0;
	}
	if (rc == 0) {
		rc = sync_file_end(w);
	} else if (w) {
		msg_error("%s: not written", out);
		sync_file_abort(w);
	}
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
	char sql[96];
	snprintf(sql, sizeof sql, "PRAGMA mmap_size = %lld; PRAGMA cache_size = %lld", mmap, cache);
	db_exec(db, sql);
	return rc;
}
