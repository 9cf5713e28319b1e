/* history.c — reading the journal and the payments of an account as one
 * list, newest first (indexes activities_account and payments_account); a
 * call is one row: its start entry is left out once the entry that logs its
 * outcome completes it (index activities_corrects). An entry that corrects
 * another comes with what it corrects, and a corrected one with its latest
 * correction. */
#include "history.h"

#include <stdio.h>
#include <string.h>

#include "base/lib.h"

/* Entry `by` corrects entry `of` unless it is a call's outcome completing
 * the call's start. */
#define NOT_A_CALL(by, of) "NOT (" by ".type = 'call' AND " of ".type = 'call')"

#define HISTORY_SQL \
	"SELECT * FROM (" \
	" SELECT id, at, type, user, summary, body, detail, invoice_no, corrects, 0 AS amount, '' AS currency, " \
	"  copy_id, coalesce((SELECT name FROM sync_peers WHERE sync_peers.copy_id = activities.copy_id), " \
	"   (SELECT value FROM book_meta WHERE key = 'copy_name' AND activities.copy_id = " \
	"    (SELECT value FROM book_meta WHERE key = 'copy_id'))) AS copy_name, " \
	/* what it corrects, and the latest of what corrects it (a call's \
	 * outcome completing its start is no correction) */ \
	" (SELECT o.at FROM activities o WHERE o.id = activities.corrects AND " NOT_A_CALL("activities", "o") "), " \
	" (SELECT o.type FROM activities o WHERE o.id = activities.corrects AND " NOT_A_CALL("activities", "o") "), " \
	" (SELECT o.summary FROM activities o WHERE o.id = activities.corrects AND " NOT_A_CALL("activities", "o") "), " \
	" (SELECT c.at FROM activities c WHERE c.corrects = activities.id AND " NOT_A_CALL("c", "activities") \
	"  ORDER BY c.at DESC LIMIT 1), " \
	" (SELECT count(*) FROM activities c WHERE c.corrects = activities.id AND " NOT_A_CALL("c", "activities") "), " \
	" (SELECT c.type || ': ' || c.summary FROM activities c WHERE c.corrects = activities.id AND " \
	NOT_A_CALL("c", "activities") " ORDER BY c.at DESC LIMIT 1) " \
	" FROM activities WHERE account_no = ?1 " \
	/* a call's start, once an entry completes it, is that entry's row */ \
	"  AND NOT (type = 'call' AND EXISTS (SELECT 1 FROM activities AS done " \
	"   WHERE done.corrects = activities.id AND done.type = 'call')) " \
	" UNION ALL " \
	" SELECT payment_ref, date || 'T00:00:00Z', 'payment', 'ledger', NULL, NULL, NULL, invoice_no, " \
	" NULL, amount, currency || ' ' || coalesce(communication, ''), NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL " \
	" FROM payments WHERE account_no = ?1" \
	") WHERE ?2 IS NULL OR type = ?2 "

static const char *text(sqlite3_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st, col);
}

long history_list(sqlite3 *db, const char *account_no, const char *type, long offset, long limit,
		  void (*fn)(const struct history_entry *, void *), void *arg)
{
	sqlite3_stmt *st = db_prepare(db, HISTORY_SQL "ORDER BY at DESC, id DESC LIMIT ?3 OFFSET ?4");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	if (type)
		sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, limit);
	sqlite3_bind_int64(st, 4, offset);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct history_entry e = {
			.id = text(st, 0), .at = text(st, 1), .type = text(st, 2), .user = text(st, 3),
			.summary = text(st, 4), .body = text(st, 5), .detail = text(st, 6),
			.invoice_no = text(st, 7), .corrects = text(st, 8),
			.amount = sqlite3_column_int64(st, 9), .currency = text(st, 10),
			.copy_id = text(st, 11), .copy_name = text(st, 12),
			.corrects_at = text(st, 13), .corrects_type = text(st, 14), .corrects_summary = text(st, 15),
			.corrected_at = text(st, 16), .corrected_n = sqlite3_column_int(st, 17),
			.corrected_by = text(st, 18),
		};
		fn(&e, arg);
		n++;
	}
	if (rc != SQLITE_DONE) {
		msg_error("history: %s", sqlite3_errmsg(db));
		n = -1;
	}
	sqlite3_finalize(st);
	return n;
}

long history_count(sqlite3 *db, const char *account_no, const char *type)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM (" HISTORY_SQL ")");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	if (type)
		sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

void history_summary(const struct history_entry *e, char *out, size_t size)
{
	/* a ledger's payment (no summary of its own); the bank's are journal
	 * entries, which say what they paid */
	if (e->type && !strcmp(e->type, "payment") && !e->summary) {
		char amt[32];
		money_format_grouped(e->amount, amt, sizeof amt);
		/* currency holds "EUR communication" */
		const char *cur = e->currency ? e->currency : "";
		const char *sp = strchr(cur, ' ');
		int curlen = sp ? (int)(sp - cur) : (int)strlen(cur);
		const char *comm = sp && sp[1] ? sp + 1 : NULL;
		snprintf(out, size, "payment received %s %.*s%s%s%s", amt, curlen, cur,
			 comm ? " (" : "", comm ? comm : "", comm ? ")" : "");
		return;
	}
	snprintf(out, size, "%s", e->summary ? e->summary : "");
}

void history_copy_label(const struct history_entry *e, char *out, size_t size)
{
	if (e->copy_name && *e->copy_name)
		snprintf(out, size, "%s", e->copy_name);
	else
		snprintf(out, size, "%s", uid_short(e->copy_id));
}

/* A detail key in words: "pay_by" is "pay by"; a few say more. */
static void label_of(const char *key, char *out, size_t size)
{
	static const char *const named[][2] = {
		{"duration_s", "duration"}, {"start", "started"}, {"end", "ended"}, {"sent_on", "sent on"},
	};
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (!strcmp(key, named[i][0])) {
			snprintf(out, size, "%s", named[i][1]);
			return;
		}
	snprintf(out, size, "%s", key);
	for (char *p = out; *p; p++)
		if (*p == '_')
			*p = ' ';
}

static int is_timestamp(const char *s)
{
	size_t n = strlen(s);
	return n >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[n - 1] == 'Z';
}

long history_detail(sqlite3 *db, const char *detail, void (*fn)(const char *, const char *, int, void *),
		    void *arg)
{
	if (!detail || !*detail)
		return 0;
	/* the leaves of the object in their order; a list is one field */
	sqlite3_stmt *st = db_prepare(db, "SELECT t.key, t.type, CASE t.type WHEN 'array' THEN "
					  "(SELECT group_concat(e.value, ', ') FROM json_each(t.value) AS e) "
					  "ELSE t.atom END FROM json_tree(iif(json_valid(?1), ?1, '{}')) AS t "
					  "WHERE t.type <> 'object' AND typeof(t.key) = 'text' "
					  "ORDER BY t.id");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, detail, -1, SQLITE_STATIC);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = text(st, 0), *type = text(st, 1), *value = text(st, 2);
		char label[64], shown[512];
		label_of(key, label, sizeof label);
		int integer = !strcmp(type, "integer");
		if (!strcmp(key, "duration_s")) {
			long s = integer ? (long)sqlite3_column_int64(st, 2) : -1;
			if (s >= 0)
				snprintf(shown, sizeof shown, "%ld:%02ld", s / 60, s % 60);
			else
				snprintf(shown, sizeof shown, "not known");
		} else if (!strcmp(type, "null") || !value || !*value) {
			continue; /* nothing to say */
		} else if (integer && (!strcmp(key, "amount") || !strcmp(key, "paid"))) {
			money_format_grouped(sqlite3_column_int64(st, 2), shown, sizeof shown); /* cents */
		} else if (!strcmp(type, "true") || !strcmp(type, "false")) {
			snprintf(shown, sizeof shown, "%s", !strcmp(type, "true") ? "yes" : "no");
		} else if (uid_valid(value)) {
			snprintf(shown, sizeof shown, "%s", uid_short(value)); /* as the lists show ids */
		} else {
			snprintf(shown, sizeof shown, "%s", value ? value : "");
			if (!strcmp(key, "outcome") || !strcmp(key, "status"))
				for (char *p = shown; *p; p++)
					if (*p == '_')
						*p = ' ';
		}
		fn(label, shown, value && is_timestamp(value), arg);
		n++;
	}
	if (rc != SQLITE_DONE)
		n = -1;
	sqlite3_finalize(st);
	return n;
}
