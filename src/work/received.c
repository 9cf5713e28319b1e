/* received.c — a rule's statement over money_received, run account by
 * account (received.h says why). Owns no SQL of its own but the caller's. */
#include "received.h"

int received_accounts(sqlite3 *db, const char *sql, const char *param, struct strset *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	if (param)
		sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *a = (const char *)sqlite3_column_text(st, 0);
		if (a && strset_add(out, a, (size_t)sqlite3_column_bytes(st, 0), 0, NULL) < 0)
			break;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int received_step(sqlite3_stmt *q, const struct strset *accounts, size_t *next)
{
	for (;;) {
		int rc = sqlite3_step(q);
		const char *key;
		size_t n;
		if (rc != SQLITE_DONE || !accounts || !strset_entry_at(accounts, *next, &key, &n))
			return rc;
		(*next)++;
		sqlite3_reset(q);
		sqlite3_bind_text(q, 1, key, (int)n, SQLITE_STATIC);
	}
}
