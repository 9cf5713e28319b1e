/* journal.c — the one place that writes activities. */
#include "journal.h"

#include <stdio.h>
#include <string.h>

#include "base/lib.h"
#include "summary.h"

/* the id of the entry this process added last (journal_last_id) */
static char last_id[UID_LEN + 1];

#define INSERT_SQL "INSERT INTO activities(id, account_no, at, type, user, copy_id, invoice_no, summary, body, " \
	"detail, corrects) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"

/* ins: the insert prepared by the caller (a writer's), NULL: prepared
 * here for this one entry. */
static int add(struct book *b, sqlite3_stmt *ins, const struct journal_entry *e, const struct journal_stamp *stamp,
	       char id_out[UID_LEN + 1])
{
	char id[UID_LEN + 1], now[21];
	if (stamp)
		snprintf(id, sizeof id, "%s", stamp->id);
	else
		uid_new(id);
	now_utc(now);
	sqlite3_stmt *st = ins ? ins : db_prepare(b->db, stamp ?
		"INSERT OR IGNORE INTO activities(id, account_no, at, type, user, copy_id, invoice_no, summary, body, "
		"detail, corrects) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)" : INSERT_SQL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->account_no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, stamp ? stamp->at : now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, stamp ? stamp->copy_id : b->copy_id, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 7, e->invoice_no, e->invoice_no ? strlen(e->invoice_no) : 0);
	sqlite3_bind_text(st, 8, e->summary, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 9, e->body, e->body ? strlen(e->body) : 0);
	db_bind_text_or_null(st, 10, e->detail, e->detail ? strlen(e->detail) : 0);
	db_bind_text_or_null(st, 11, e->corrects, e->corrects ? strlen(e->corrects) : 0);
	int rc = sqlite3_step(st);
	if (ins) {
		sqlite3_reset(ins);
		sqlite3_clear_bindings(ins);
	} else {
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE) {
		db_say(b->db, "journal");
		return -1;
	}
	if (stamp && sqlite3_changes(b->db) == 1) {
		/* its version too is the same on every copy that makes it */
		st = db_prepare(b->db, "INSERT OR IGNORE INTO sync_copies(id) VALUES (?1)");
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, stamp->copy_id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
		/* (made here by the rules, the triggers may be quiet) */
		st = db_prepare(b->db, "INSERT INTO sync_rows(tbl, key, rev, at, copy, seq) VALUES ('activities', ?1, 1, "
				       "CAST(round((julianday(?2) - 2440587.5) * 86400000) AS INTEGER), "
				       "(SELECT n FROM sync_copies WHERE id = ?3), "
				       "(SELECT coalesce(max(seq), 0) + 1 FROM sync_rows)) "
				       "ON CONFLICT (tbl, key) DO UPDATE SET at = excluded.at, copy = excluded.copy");
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, stamp->at, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, stamp->copy_id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	if (id_out)
		memcpy(id_out, id, UID_LEN + 1);
	memcpy(last_id, id, UID_LEN + 1);
	return 0;
}

const char *journal_last_id(void)
{
	return last_id;
}

int journal_add(struct book *b, const struct journal_entry *e, char id_out[UID_LEN + 1])
{
	/* the account's cached work (last contact, worked today) moves with it */
	if (add(b, NULL, e, NULL, id_out))
		return -1;
	return summary_account_changed(b->db, e->account_no);
}

int journal_add_stamped(struct book *b, const struct journal_entry *e, const struct journal_stamp *stamp)
{
	return add(b, NULL, e, stamp, NULL);
}

int journal_writer_open(struct journal_writer *w, struct book *b)
{
	w->b = b;
	w->ins = db_prepare(b->db, INSERT_SQL);
	return w->ins ? 0 : -1;
}

int journal_writer_add(struct journal_writer *w, const struct journal_entry *e, char id_out[UID_LEN + 1])
{
	return add(w->b, w->ins, e, NULL, id_out);
}

void journal_writer_close(struct journal_writer *w)
{
	sqlite3_finalize(w->ins);
	w->ins = NULL;
}

void journal_rule_stamp(struct rule_stamp *r, const char *name, const char *at)
{
	uid_from_name(name, r->id);
	snprintf(r->at, sizeof r->at, "%s", at);
	r->s.id = r->id;
	r->s.at = r->at;
	r->s.copy_id = "rules";
}

int journal_entry_of(sqlite3 *db, const char *id, const char *account_no)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM activities WHERE id = ?1 AND account_no = ?2");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int journal_account_change(struct book *b, const struct journal_entry *e)
{
	return journal_add(b, e, NULL);
}

int journal_finish_change(struct book *b, int nested, int rc, const struct journal_entry *e)
{
	if (rc == 0)
		rc = journal_account_change(b, e);
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc ? -1 : 0;
}
