/* sync_stage.c — the empty copies of the tables that travel (in an
 * attached in-memory database) that export fills and import reads a file
 * into. */
#include <stdio.h>
#include <string.h>

#include "base/lib.h"
#include "sync.h"

int sync_stage_create(sqlite3 *db, const char *schema)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?1");
	if (!st)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sync_ntables; i++) {
		const char *t = sync_tables[i].name;
		sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
		const char *sql = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		char head[96];
		snprintf(head, sizeof head, "CREATE TABLE %s", t);
		if (!sql || strncmp(sql, head, strlen(head))) {
			msg_error("database: table %s is missing or not as expected", t);
			rc = -1;
		} else {
			char *create = sqlite3_mprintf("CREATE TABLE %s.%s", schema, sql + strlen("CREATE TABLE "));
			rc = create ? db_exec(db, create) : -1;
			sqlite3_free(create);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc)
		return -1;
	char *sql = sqlite3_mprintf(
		"CREATE TABLE %s.sync_versions (tbl TEXT NOT NULL, key TEXT NOT NULL, rev INTEGER NOT NULL, "
		"at INTEGER NOT NULL, copy TEXT NOT NULL, base_at INTEGER, base_copy TEXT, gone INTEGER NOT NULL, "
		"PRIMARY KEY (tbl, key)) WITHOUT ROWID", schema);
	rc = sql ? db_exec(db, sql) : -1;
	sqlite3_free(sql);
	return rc;
}

