/* sync_tables.c — which tables travel between copies, and the empty
 * copies of them (in an attached in-memory database) that export fills
 * and import reads a file into. */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "sync.h"

const struct sync_table sync_tables[] = {
	{"collectors", "login", NULL, NULL, "collector", "collectors"},
	{"customers", "account_no", NULL, "account_no", "account", "accounts"},
	{"invoices", "invoice_no", NULL, "account_no", "invoice", "invoices"},
	{"payments", "payment_ref", NULL, "account_no", "payment", "payments"},
	{"activities", "id", NULL, "account_no", "journal entry", "journal entries"},
	{"promises", "id", NULL, "account_no", "promise", "promises"},
	{"promise_invoices", "promise_id", "promises", NULL, NULL, NULL},
	{"plans", "id", NULL, "account_no", "payment plan", "payment plans"},
	{"plan_installments", "plan_id", "plans", NULL, NULL, NULL},
	{"plan_invoices", "plan_id", "plans", NULL, NULL, NULL},
	{"disputes", "id", NULL, "account_no", "dispute", "disputes"},
	{"tasks", "id", NULL, "account_no", "task", "tasks"},
	{"account_snoozes", "id", NULL, "account_no", "snooze", "snoozes"},
};
const size_t sync_ntables = sizeof sync_tables / sizeof sync_tables[0];

const struct sync_table *sync_table_named(const char *name)
{
	for (size_t i = 0; i < sync_ntables; i++)
		if (!strcmp(sync_tables[i].name, name))
			return &sync_tables[i];
	return NULL;
}

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
		"at TEXT NOT NULL, copy TEXT NOT NULL, base_at TEXT, base_copy TEXT, gone INTEGER NOT NULL, "
		"PRIMARY KEY (tbl, key)) WITHOUT ROWID", schema);
	rc = sql ? db_exec(db, sql) : -1;
	sqlite3_free(sql);
	return rc;
}

int sync_derived(sqlite3 *db, int on)
{
	return db_exec(db, on ? "INSERT OR REPLACE INTO book_meta(key, value) VALUES ('sync_derived', '1')"
			      : "DELETE FROM book_meta WHERE key = 'sync_derived'");
}
