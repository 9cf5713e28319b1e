/* task.c — follow-up tasks. Each change is journaled and moves the
 * account's cached work columns (summary.c) in the same transaction. */
#include "task.h"

#include <stdio.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"

int task_add(struct book *b, const char *user, const char *account_no, day_t due, const char *text,
	     char id_out[UID_LEN + 1])
{
	if (!text || !*text) {
		msg_error("a task needs a text");
		return -1;
	}
	if (ledger_account_exists(b->db, account_no) <= 0) {
		msg_error("no account %s in the book", account_no);
		return -1;
	}
	char id[UID_LEN + 1], now[21], day[11], summary[256];
	uid_new(id);
	now_utc(now);
	date_iso(due, day);
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db, "INSERT INTO tasks(id, account_no, due_date, text, user, created_at, "
					     "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, account_no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			msg_error("task: %s", sqlite3_errmsg(b->db));
			rc = -1;
		}
		sqlite3_finalize(st);
	}
	snprintf(summary, sizeof summary, "Follow-up on %s: %s", day, text);
	struct journal_entry e = {account_no, "task", user, NULL, summary, NULL, NULL, NULL};
	if (journal_finish_change(b, nested, rc, &e))
		return -1;
	if (id_out)
		memcpy(id_out, id, UID_LEN + 1);
	return 0;
}

int task_snooze(struct book *b, const char *user, const char *account_no, day_t until)
{
	if (ledger_account_exists(b->db, account_no) <= 0) {
		msg_error("no account %s in the book", account_no);
		return 1;
	}
	char id[UID_LEN + 1], now[21], day[11], summary[96];
	uid_new(id);
	now_utc(now);
	date_iso(until, day);
	if (until > today())
		snprintf(summary, sizeof summary, "Snoozed until %s", day);
	else
		snprintf(summary, sizeof summary, "%s", SUMMARY_SNOOZE_LIFTED);
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db, "INSERT INTO account_snoozes(id, account_no, until, user, at) "
					     "VALUES (?1, ?2, ?3, ?4, ?5)");
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, account_no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	struct journal_entry e = {account_no, "snooze", user, NULL, summary, NULL, NULL, NULL};
	return journal_finish_change(b, nested, rc, &e);
}

long task_list_open(sqlite3 *db, const char *account_no,
		    void (*fn)(const char *id, const char *due, const char *text, void *), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, due_date, text FROM tasks WHERE account_no = ?1 "
					  "AND status = 'open' ORDER BY due_date, created_at");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	long n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		fn((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
		   (const char *)sqlite3_column_text(st, 2), arg);
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

long task_list(sqlite3 *db, const char *account_no, const day_t *due_by,
	       void (*fn)(const struct task_row *, void *), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, account_no, due_date, text, user, created_at FROM tasks "
					  "WHERE status = 'open' AND (?1 IS NULL OR account_no = ?1) "
					  "AND (?2 IS NULL OR due_date <= ?2) "
					  "ORDER BY due_date, account_no, created_at, id");
	if (!st)
		return -1;
	char day[11];
	if (account_no)
		sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	if (due_by) {
		date_iso(*due_by, day);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	}
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct task_row r = {
			(const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
			(const char *)sqlite3_column_text(st, 4), (const char *)sqlite3_column_text(st, 5),
		};
		fn(&r, arg);
		n++;
	}
	if (rc != SQLITE_DONE) {
		msg_error("tasks: %s", sqlite3_errmsg(db));
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

int task_done(struct book *b, const char *user, const char *task_id)
{
	char now[21], account[80] = "", text[256] = "", summary[320];
	now_utc(now);
	sqlite3_stmt *q = db_prepare(b->db, "SELECT account_no, text FROM tasks WHERE id = ?1 AND status = 'open'");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, task_id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW) {
		snprintf(account, sizeof account, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(text, sizeof text, "%s", (const char *)sqlite3_column_text(q, 1));
	}
	sqlite3_finalize(q);
	if (!*account) {
		msg_error("no open task %s", task_id);
		return 1;
	}
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db, "UPDATE tasks SET status = 'done', done_at = ?2, done_by = ?3, "
					     "updated_at = ?2 WHERE id = ?1");
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, user, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	snprintf(summary, sizeof summary, "Follow-up done: %s", text);
	struct journal_entry e = {account, "task", user, NULL, summary, NULL, NULL, NULL};
	if (journal_finish_change(b, nested, rc, &e))
		return -1;
	return 0;
}

int task_change(struct book *b, const char *user, const char *task_id, day_t due, const char *text)
{
	if (text && !*text) {
		msg_error("task: a task needs a text");
		return 1;
	}
	if (due && due < today()) {
		msg_error("task: the date is in the past");
		return 1;
	}
	char account[80] = "", was_text[256] = "", was_day[11] = "";
	sqlite3_stmt *q = db_prepare(b->db, "SELECT account_no, text, due_date FROM tasks WHERE id = ?1 "
					    "AND status = 'open'");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, task_id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW) {
		snprintf(account, sizeof account, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(was_text, sizeof was_text, "%s", (const char *)sqlite3_column_text(q, 1));
		snprintf(was_day, sizeof was_day, "%s", (const char *)sqlite3_column_text(q, 2));
	}
	sqlite3_finalize(q);
	if (!*account) {
		msg_error("no open task %s", task_id);
		return 1;
	}
	char day[11], now[21], summary[640];
	if (due)
		date_iso(due, day);
	else
		snprintf(day, sizeof day, "%s", was_day);
	if (!text)
		text = was_text;
	int moved = strcmp(day, was_day) != 0, edited = strcmp(text, was_text) != 0;
	if (!moved && !edited) {
		msg_error("task: nothing to change (due %s: %s)", was_day, was_text);
		return 1;
	}
	if (moved && !edited)
		snprintf(summary, sizeof summary, "Follow-up moved to %s (was %s): %s", day, was_day, text);
	else if (!moved)
		snprintf(summary, sizeof summary, "Follow-up on %s changed: %s (was: %s)", day, text, was_text);
	else
		snprintf(summary, sizeof summary, "Follow-up changed: %s on %s (was: %s on %s)", text, day, was_text,
			 was_day);
	now_utc(now);
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db, "UPDATE tasks SET due_date = ?2, text = ?3, updated_at = ?4 WHERE id = ?1");
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, task_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	struct journal_entry e = {account, "task", user, NULL, summary, NULL, NULL, NULL};
	return journal_finish_change(b, nested, rc, &e);
}

int task_reschedule(struct book *b, const char *user, const char *task_id, day_t due)
{
	return task_change(b, user, task_id, due, NULL);
}

int task_edit(struct book *b, const char *user, const char *task_id, const char *text)
{
	return task_change(b, user, task_id, 0, text ? text : "");
}

int task_unsnooze(struct book *b, const char *user, const char *account_no)
{
	sqlite3_stmt *q = db_prepare(b->db, "SELECT until FROM account_snoozes WHERE account_no = ?1 "
					    "ORDER BY at DESC, id DESC LIMIT 1");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
	char until[11] = "", day[11];
	if (sqlite3_step(q) == SQLITE_ROW)
		snprintf(until, sizeof until, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	date_iso(today(), day);
	if (ledger_account_exists(b->db, account_no) <= 0) {
		msg_error("no account %s in the book", account_no);
		return 1;
	}
	if (strcmp(until, day) <= 0) {
		msg_error("account %s is not snoozed", account_no);
		return 1;
	}
	return task_snooze(b, user, account_no, today());
}
