/* dispute.c — opening and resolving disputes, each journaled and moving
 * the account's figures (summary.c) in the same transaction. */
#include "dispute.h"

#include <stdio.h>
#include <string.h>

#include "book/lib.h"
#include "base/lib.h"

const char *const dispute_reasons[] = {"price", "quality", "not_delivered", "not_received",
				       "already_paid", "other", NULL};
const char *const dispute_resolutions[] = {"credit_note", "rejected", "resolved", NULL};

static int in_list(const char *const *list, const char *word)
{
	for (; *list; list++)
		if (!strcmp(*list, word))
			return 1;
	return 0;
}

/* The account of an open invoice into account; 0 when there is none. */
static int open_invoice(struct book *b, const char *invoice_no, char *account, size_t size)
{
	sqlite3_stmt *q = db_prepare(b->db, "SELECT account_no FROM invoices WHERE invoice_no = ?1 "
					    "AND status = 'open' AND kind = 'invoice'");
	int found = 0;
	if (q) {
		sqlite3_bind_text(q, 1, invoice_no, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW) {
			snprintf(account, size, "%s", (const char *)sqlite3_column_text(q, 0));
			found = 1;
		}
		sqlite3_finalize(q);
	}
	return found;
}

/* Runs sql (binding ?1..?n from args) then journals and moves the figures. */
static int change(struct book *b, const char *sql, const char *const *args, int nargs,
		 const struct journal_entry *e)
{
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	sqlite3_stmt *st = db_prepare(b->db, sql);
	int rc = st ? 0 : -1;
	if (st) {
		for (int i = 0; i < nargs; i++)
			db_bind_text_or_null(st, i + 1, args[i], args[i] ? strlen(args[i]) : 0);
		if (sqlite3_step(st) != SQLITE_DONE) {
			msg_error("dispute: %s", sqlite3_errmsg(b->db));
			rc = -1;
		}
		sqlite3_finalize(st);
	}
	return journal_finish_change(b, nested, rc, e);
}

int dispute_open(struct book *b, const char *user, const char *invoice_no, const char *reason,
		 const char *note)
{
	char account[80], id[UID_LEN + 1], now[21], summary[256];
	if (!in_list(dispute_reasons, reason)) {
		msg_error("dispute: reason %s: say price, quality, not_delivered, not_received, already_paid or other",
			  reason);
		return 1;
	}
	if (!open_invoice(b, invoice_no, account, sizeof account)) {
		msg_error("dispute: %s is not an open invoice of the book", invoice_no);
		return 1;
	}
	sqlite3_stmt *q = db_prepare(b->db, "SELECT 1 FROM disputes WHERE invoice_no = ?1 AND status = 'open'");
	int already = 0;
	if (q) {
		sqlite3_bind_text(q, 1, invoice_no, -1, SQLITE_STATIC);
		already = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_finalize(q);
	}
	if (already) {
		msg_error("dispute: %s is under dispute already", invoice_no);
		return 1;
	}
	uid_new(id);
	now_utc(now);
	snprintf(summary, sizeof summary, "Dispute opened on %s: %s", invoice_no, reason);
	const char *args[] = {id, invoice_no, account, reason, note, now, user};
	struct journal_entry e = {account, "dispute", user, invoice_no, summary, note, NULL, NULL};
	return change(b, "INSERT INTO disputes(id, invoice_no, account_no, reason, note, opened_at, opened_by, "
			"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6)", args, 7, &e) ? -1 : 0;
}

int dispute_resolve(struct book *b, const char *user, const char *invoice_no, const char *how,
		    const char *note)
{
	char account[80] = "", now[21], summary[256];
	if (!in_list(dispute_resolutions, how)) {
		msg_error("dispute: resolve as credit_note, rejected or resolved, not %s", how);
		return 1;
	}
	sqlite3_stmt *q = db_prepare(b->db, "SELECT account_no FROM disputes WHERE invoice_no = ?1 AND status = 'open'");
	if (q) {
		sqlite3_bind_text(q, 1, invoice_no, -1, SQLITE_STATIC);
		if (sqlite3_step(q) == SQLITE_ROW)
			snprintf(account, sizeof account, "%s", (const char *)sqlite3_column_text(q, 0));
		sqlite3_finalize(q);
	}
	if (!*account) {
		msg_error("dispute: %s has no open dispute", invoice_no);
		return 1;
	}
	now_utc(now);
	snprintf(summary, sizeof summary, "Dispute on %s closed: %s", invoice_no, how);
	const char *args[] = {invoice_no, how, now, user};
	struct journal_entry e = {account, "dispute", user, invoice_no, summary, note, NULL, NULL};
	return change(b, "UPDATE disputes SET status = ?2, resolved_at = ?3, resolved_by = ?4, updated_at = ?3 "
			"WHERE invoice_no = ?1 AND status = 'open'", args, 4, &e) ? -1 : 0;
}
