/* sync_tables.c — which tables travel between copies, and the empty
 * copies of them (in an attached in-memory database) that export fills
 * and import reads a file into. */
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "sync.h"

const struct sync_table sync_tables[] = {
	{"collectors", "login", NULL, NULL, "collector", "collectors", 1},
	{"customers", "account_no", NULL, "account_no", "account", "accounts", 1},
	{"invoices", "invoice_no", NULL, "account_no", "invoice", "invoices", 1},
	{"payments", "payment_ref", NULL, "account_no", "payment", "payments", 1},
	{"activities", "id", NULL, "account_no", "journal entry", "journal entries", 0},
	{"promises", "id", NULL, "account_no", "promise", "promises", 0},
	{"promise_invoices", "promise_id", "promises", NULL, NULL, NULL, 0},
	{"plans", "id", NULL, "account_no", "payment plan", "payment plans", 0},
	{"plan_installments", "plan_id", "plans", NULL, NULL, NULL, 0},
	{"plan_invoices", "plan_id", "plans", NULL, NULL, NULL, 0},
	{"disputes", "id", NULL, "account_no", "dispute", "disputes", 0},
	{"tasks", "id", NULL, "account_no", "task", "tasks", 0},
	{"account_snoozes", "id", NULL, "account_no", "snooze", "snoozes", 0},
	{"account_dunning", "account_no", NULL, "account_no", "dunning setting", "dunning settings", 0},
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
		"at INTEGER NOT NULL, copy TEXT NOT NULL, base_at INTEGER, base_copy TEXT, gone INTEGER NOT NULL, "
		"PRIMARY KEY (tbl, key)) WITHOUT ROWID", schema);
	rc = sql ? db_exec(db, sql) : -1;
	sqlite3_free(sql);
	return rc;
}

