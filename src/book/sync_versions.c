/* sync_versions.c — the versions of units that the triggers of schema 4
 * do not keep: none while the rules or an import of changes write
 * (sync_quiet), and those of the ledger, recorded in one statement at the
 * end of an import for the rows it wrote — the rows stamped with its time
 * (a trigger per row doubles the time of an import; a temporary one, or
 * noting each key as it is written, adds half). */
#include <stdio.h>
#include <string.h>

#include "base/lib.h"
#include "versions.h"

int sync_quiet(sqlite3 *db, int on)
{
	return db_exec(db, on ? "INSERT OR REPLACE INTO book_meta(key, value) VALUES ('sync_quiet', '1')"
			      : "DELETE FROM book_meta WHERE key = 'sync_quiet'");
}

/* The rule of sync_touch_insert (data/migrations/004-sync.sql), for the
 * rows `rows` selects (tbl, key) at once, numbered in the order it gives
 * them, or by its column n when `numbered` (no window to rank them). */
static int record(sqlite3 *db, const char *rows, const char *imported_at, int numbered)
{
	char *sql = sqlite3_mprintf(
		"INSERT INTO main.sync_rows(tbl, key, rev, at, copy, seq) "
		"SELECT t.tbl, t.key, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER), "
		" (SELECT n FROM main.sync_copies WHERE id = (SELECT value FROM main.book_meta WHERE key = 'copy_id')), "
		" (SELECT coalesce(max(seq), 0) FROM main.sync_rows) + %s "
		"FROM (%s) t WHERE true "
		"ON CONFLICT (tbl, key) DO UPDATE SET "
		" base_at = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER) "
		"  FROM main.book_meta WHERE key = 'sync_exported'), 0), base_at, at), "
		" base_copy = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER) "
		"  FROM main.book_meta WHERE key = 'sync_exported'), 0), base_copy, copy), "
		" rev = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER) "
		"  FROM main.book_meta WHERE key = 'sync_exported'), 0), rev, rev + 1), "
		" at = excluded.at, copy = excluded.copy, gone = 0, seq = excluded.seq",
		numbered ? "t.n" : "row_number() OVER ()", rows);
	sqlite3_stmt *st = sql ? db_prepare(db, sql) : NULL;
	sqlite3_free(sql);
	if (!st)
		return -1;
	if (imported_at)
		sqlite3_bind_text(st, 1, imported_at, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		msg_error("database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

int sync_ledger_record(sqlite3 *db, const char *table, const char *imported_at)
{
	const struct sync_table *t = sync_table_named(table);
	if (!t || !t->ledger)
		return -1;
	/* table and key come from sync_tables, not from data */
	char rows[256];
	snprintf(rows, sizeof rows, "SELECT '%s' AS tbl, %s AS key FROM main.%s WHERE imported_at = ?1", t->name,
		 t->key, t->name);
	if (record(db, rows, imported_at, 0))
		return -1;
	/* collectors come with accounts and are never changed: the new ones */
	return strcmp(table, "customers") ? 0 :
		record(db, "SELECT 'collectors' AS tbl, login AS key FROM main.collectors c WHERE NOT EXISTS "
			   "(SELECT 1 FROM main.sync_rows v WHERE v.tbl = 'collectors' AND v.key = c.login)", NULL, 0);
}

int sync_record(sqlite3 *db, const char *rows)
{
	return record(db, rows, NULL, 0);
}

int sync_record_numbered(sqlite3 *db, const char *rows)
{
	return record(db, rows, NULL, 1);
}
