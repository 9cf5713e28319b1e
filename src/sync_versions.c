/* sync_versions.c — the versions of units that the triggers of schema 4
 * do not keep: none while the rules or an import of changes write
 * (sync_quiet), and those of the ledger, which an import notes row by row
 * as it writes and records in one statement at its end (a trigger per row
 * doubles the time of an import; a temporary one, nearly as much). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "msg.h"
#include "sync.h"

int sync_quiet(sqlite3 *db, int on)
{
	return db_exec(db, on ? "INSERT OR REPLACE INTO book_meta(key, value) VALUES ('sync_quiet', '1')"
			      : "DELETE FROM book_meta WHERE key = 'sync_quiet'");
}

int sync_ledger_begin(struct sync_ledger *l, sqlite3 *db)
{
	l->db = db;
	l->note = NULL;
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS sync_touched (tbl TEXT NOT NULL, key TEXT NOT NULL, "
			"PRIMARY KEY (tbl, key)) WITHOUT ROWID; DELETE FROM temp.sync_touched"))
		return -1;
	l->note = db_prepare(db, "INSERT OR IGNORE INTO temp.sync_touched(tbl, key) VALUES (?1, ?2)");
	return l->note ? 0 : -1;
}

int sync_ledger_note(struct sync_ledger *l, const char *table, const char *key, size_t n)
{
	sqlite3_bind_text(l->note, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(l->note, 2, key, (int)n, SQLITE_STATIC);
	int rc = sqlite3_step(l->note);
	sqlite3_reset(l->note);
	return rc == SQLITE_DONE ? 0 : -1;
}

int sync_ledger_end(struct sync_ledger *l, int record)
{
	int rc = 0;
	if (record) /* the rule of sync_touch_insert (data/migrations/004-sync.sql), for many rows at once */
		rc = db_exec(l->db,
			"INSERT INTO main.sync_rows(tbl, key, rev, at, copy, seq) "
			"SELECT t.tbl, t.key, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER), "
			" (SELECT n FROM main.sync_copies WHERE id = (SELECT value FROM main.book_meta WHERE key = 'copy_id')), "
			" (SELECT coalesce(max(seq), 0) FROM main.sync_rows) + row_number() OVER () "
			"FROM temp.sync_touched t WHERE true "
			"ON CONFLICT (tbl, key) DO UPDATE SET "
			" base_at = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER) "
			"  FROM main.book_meta WHERE key = 'sync_exported'), 0), base_at, at), "
			" base_copy = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER) "
			"  FROM main.book_meta WHERE key = 'sync_exported'), 0), base_copy, copy), "
			" rev = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER) "
			"  FROM main.book_meta WHERE key = 'sync_exported'), 0), rev, rev + 1), "
			" at = excluded.at, copy = excluded.copy, gone = 0, seq = excluded.seq");
	sqlite3_finalize(l->note);
	l->note = NULL;
	if (record && rc == 0)
		rc = db_exec(l->db, "DELETE FROM temp.sync_touched");
	return rc;
}

void sync_time_iso(long long ms, int with_ms, char out[32])
{
	time_t s = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&s, &tm);
	size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	if (with_ms)
		snprintf(out + n, 32 - n, ".%03lldZ", ms % 1000);
	else
		snprintf(out + n, 32 - n, "Z");
}
