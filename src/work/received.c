/* received.c — a rule's statement over money_received, run account by
 * account (received.h says why), and the rule's writes. Owns no SQL of its
 * own but the caller's. */
#include "received.h"

void received_write_init(struct received_write *w, struct book *b, const char *account_no)
{
	w->own = account_no || sqlite3_get_autocommit(b->db);
	w->began = 0;
	w->nested = 1;
	strset_init(&w->touched);
}

int received_write_begin(struct received_write *w, struct book *b)
{
	if (w->began)
		return 0;
	if (w->own && db_tx_begin(b->db, &w->nested))
		return -1;
	w->began = 1;
	return sync_quiet(b->db, 1);
}

int received_write_touch(struct received_write *w, const char *account_no)
{
	return strset_add(&w->touched, account_no, strlen(account_no), 0, NULL) < 0 ? -1 : 0;
}

int received_write_end(struct received_write *w, struct book *b, int rc)
{
	if (w->began && rc == 0) /* the figures once, for every account moved */
		rc = summary_changed(b->db, &w->touched);
	if (w->began && rc == 0)
		rc = sync_quiet(b->db, 0);
	if (w->began && w->own && rc == 0)
		rc = db_tx_commit(b->db, w->nested);
	else if (w->began && w->own)
		db_tx_rollback(b->db, w->nested);
	strset_free(&w->touched);
	return rc ? -1 : 0;
}

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
