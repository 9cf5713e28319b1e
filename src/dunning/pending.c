/* pending.c — reminders on their way (table dunning_pending): the row
 * recorded before a message leaves the book, made its journal entry once
 * it has left, deleted when it could not go; and the rows left behind by a
 * run that was killed, listed for a person to resolve. */
#include "pending.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/lib.h"

volatile sig_atomic_t dunning_stopping;

static void this_host(char out[65])
{
	if (gethostname(out, 65) != 0)
		snprintf(out, 65, "?");
	out[64] = '\0';
}

int dunning_pending_add(struct book *b, const struct journal_entry *e, const char *ch, int step, const char *to,
			const char *file, int64_t *id)
{
	char now[25], host[65];
	now_utc_ms(now);
	this_host(host);
	sqlite3_stmt *st = db_prepare(b->db,
		"INSERT INTO dunning_pending(account_no, step, channel, recipient, file, at, pid, host, type, user, "
		"invoice_no, summary, body, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, e->account_no, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, step);
	sqlite3_bind_text(st, 3, ch, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 4, to, to ? strlen(to) : 0);
	db_bind_text_or_null(st, 5, file, file ? strlen(file) : 0);
	sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)getpid());
	sqlite3_bind_text(st, 8, host, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, e->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, e->user, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 11, e->invoice_no, e->invoice_no ? strlen(e->invoice_no) : 0);
	sqlite3_bind_text(st, 12, e->summary, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 13, e->body, e->body ? strlen(e->body) : 0);
	sqlite3_bind_text(st, 14, e->detail, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		msg_error("cannot record the message as pending: %s", sqlite3_errmsg(b->db));
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(b->db);
	return rc;
}

static int drop(sqlite3 *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM dunning_pending WHERE id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st) == SQLITE_DONE ? sqlite3_changes(db) ? 0 : 1 : -1;
	sqlite3_finalize(st);
	return rc;
}

int dunning_pending_sent(struct book *b, int64_t id)
{
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db,
		"SELECT account_no, type, user, invoice_no, summary, body, detail FROM dunning_pending WHERE id = ?1");
	int rc = -1;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		int step = sqlite3_step(st);
		if (step == SQLITE_ROW) {
			const char *c[7];
			for (int i = 0; i < 7; i++)
				c[i] = (const char *)sqlite3_column_text(st, i);
			struct journal_entry e = {c[0], c[1], c[2], c[3], c[4], c[5], c[6], NULL};
			rc = journal_account_change(b, &e);
		} else if (step == SQLITE_DONE) {
			rc = 1;
		}
		sqlite3_finalize(st);
	}
	if (rc == 0)
		rc = drop(b->db, id);
	if (rc == 0 && db_tx_commit(b->db, nested))
		rc = -1;
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc;
}

int dunning_pending_drop(struct book *b, int64_t id)
{
	return drop(b->db, id);
}

/* Another process that still runs on this host recorded p: it is on its
 * way. (Rows of this process are resolved before the run reads again, so
 * one of its pid is a dead predecessor's; a pid taken again by another
 * process only makes a message wait, never go twice.) */
static int alive(const struct dun_pending *p)
{
	char host[65];
	this_host(host);
	if (strcmp(host, p->host) || p->pid <= 0 || p->pid == (long)getpid())
		return 0;
	return kill((pid_t)p->pid, 0) == 0 || errno == EPERM;
}

static void text(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(out, size, "%s", t ? (const char *)t : "");
}

long dunning_pending_each(sqlite3 *db, const char *account,
			  void (*fn)(const struct dun_pending *p, void *arg), void *arg)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, account_no, step, channel, coalesce(recipient, ''), coalesce(file, ''), at, pid, host "
		"FROM dunning_pending WHERE ?1 IS NULL OR account_no = ?1 ORDER BY at, id");
	if (!st)
		return -1;
	if (account)
		sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dun_pending p;
		memset(&p, 0, sizeof p);
		p.id = sqlite3_column_int64(st, 0);
		text(st, 1, p.account_no, sizeof p.account_no);
		p.step = sqlite3_column_int(st, 2);
		text(st, 3, p.channel, sizeof p.channel);
		text(st, 4, p.recipient, sizeof p.recipient);
		text(st, 5, p.file, sizeof p.file);
		text(st, 6, p.at, sizeof p.at);
		p.pid = (long)sqlite3_column_int64(st, 7);
		text(st, 8, p.host, sizeof p.host);
		p.live = alive(&p);
		fn(&p, arg);
		n++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}
