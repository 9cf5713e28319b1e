/* call.c — logging a call: one journal entry (type call, with outcome,
 * duration and number in its detail) and, when asked, a follow-up task, in
 * one transaction. */
#include "call.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "book/lib.h"
#include "base/lib.h"
#include "task.h"

const char *const call_outcomes[] = {"reached", "no_answer", "voicemail", "busy", "wrong_number", NULL};

/* The UTC timestamp `seconds` before `ts` (both "YYYY-MM-DDTHH:MM:SSZ"). */
static void utc_before(const char *ts, long seconds, char out[21])
{
	time_t t;
	if (utc_parse(ts, &t)) {
		snprintf(out, 21, "%s", ts);
		return;
	}
	t -= seconds;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int call_start(struct book *b, const char *user, const char *account_no, const char *number,
	       char id[UID_LEN + 1], char started[21])
{
	char summary[128], detail[160];
	now_utc(started);
	snprintf(summary, sizeof summary, "Call%s%s started", *number ? " to " : "", number);
	snprintf(detail, sizeof detail, "{\"number\":\"%s\",\"start\":\"%s\"}", number, started);
	struct journal_entry e = {account_no, "call", user, NULL, summary, NULL, detail, NULL};
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	int rc = journal_add(b, &e, id);
	if (rc == 0) {
		char key[UID_LEN + 16], value[300];
		snprintf(key, sizeof key, "call_open:%s", id);
		snprintf(value, sizeof value, "%s\t%s\t%s\t%s", user, account_no, number, started);
		rc = book_meta_set(b->db, key, value);
	}
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc ? -1 : 0;
}

/* book_meta's value for an open call: user, account, number, start. */
static int open_parse(const char *key, const char *value, struct call_open *o)
{
	memset(o, 0, sizeof *o);
	snprintf(o->id, sizeof o->id, "%s", key + strlen("call_open:"));
	const char *f[4];
	size_t len[4];
	for (int i = 0; i < 4; i++) {
		f[i] = value;
		len[i] = strcspn(value, "\t");
		value += len[i];
		if (*value == '\t')
			value++;
		else if (i < 3)
			return -1;
	}
	snprintf(o->user, sizeof o->user, "%.*s", (int)len[0], f[0]);
	snprintf(o->account_no, sizeof o->account_no, "%.*s", (int)len[1], f[1]);
	snprintf(o->number, sizeof o->number, "%.*s", (int)len[2], f[2]);
	snprintf(o->started, sizeof o->started, "%.*s", (int)len[3], f[3]);
	return 0;
}

/* The open calls whose id starts with prefix (all: "") and whose user is
 * user (NULL: any). */
static int open_select(struct book *b, const char *user, const char *prefix, struct call_open *out, int max)
{
	sqlite3_stmt *q = db_prepare(b->db, "SELECT key, value FROM book_meta WHERE key >= 'call_open:' || ?1 "
					    "AND key < 'call_open:' || ?1 || char(1114111) ORDER BY substr(value, "
					    "length(value) - 19), key");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, prefix, -1, SQLITE_STATIC);
	int n = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		struct call_open o;
		if (open_parse((const char *)sqlite3_column_text(q, 0), (const char *)sqlite3_column_text(q, 1), &o))
			continue;
		if (user && strcmp(user, o.user))
			continue;
		if (n < max)
			out[n] = o;
		n++;
	}
	sqlite3_finalize(q);
	return n;
}

int call_open_list(struct book *b, const char *user, struct call_open *out, int max)
{
	return open_select(b, user, "", out, max);
}

int call_open_find(struct book *b, const char *id, struct call_open *out)
{
	int n = *id ? open_select(b, NULL, id, out, 1) : 0;
	if (n < 0)
		return -1;
	if (n != 1)
		msg_error(n ? "call %s: several open calls begin so; give more of the id" :
			  "call %s: no open call has that id (relance calls --open lists them)", id);
	return n == 1 ? 0 : 1;
}

int call_close_interrupted(struct book *b, const struct call_open *o, long duration_s)
{
	struct call c = {o->account_no, "interrupted", duration_s, o->number, NULL, 0, o->started, o->id};
	return call_log(b, o->user, &c);
}

day_t call_recontact_day(sqlite3 *db, const char *outcome, day_t today)
{
	static const struct { const char *outcome, *rule; } working[] = {
		{"no_answer", "recontact-no-answer-days"}, {"busy", "recontact-busy-days"},
		{"voicemail", "recontact-voicemail-days"}, {"interrupted", "recontact-no-answer-days"},
	};
	if (!strcmp(outcome, "reached"))
		return today + rule_value(db, "recontact-reached-days");
	for (size_t i = 0; i < sizeof working / sizeof *working; i++)
		if (!strcmp(outcome, working[i].outcome)) {
			int n = rule_value(db, working[i].rule);
			return n ? working_days_after(today, n) : today;
		}
	return 0;
}

/* The call's day to call again: its follow-up date when one was given. */
static day_t recontact(sqlite3 *db, const struct call *c)
{
	return c->follow_up ? c->follow_up : call_recontact_day(db, c->outcome, today());
}

int call_log(struct book *b, const char *user, const struct call *c)
{
	return call_log_ids(b, user, c, NULL, NULL);
}

int call_log_ids(struct book *b, const char *user, const struct call *c, char entry_id[UID_LEN + 1],
		 char task_id[UID_LEN + 1])
{
	char entry[UID_LEN + 1] = "", task[UID_LEN + 1] = "";
	int known = 0, interrupted = !strcmp(c->outcome, "interrupted");
	for (const char *const *o = call_outcomes; *o; o++)
		known |= !strcmp(*o, c->outcome);
	if (!known && !interrupted) {
		msg_error("call: outcome %s: say reached, no_answer, voicemail, busy, wrong_number or interrupted",
			  c->outcome);
		return 1;
	}
	if (c->duration_s < (interrupted ? -1 : 0) || c->duration_s > 24 * 3600) {
		msg_error("call: a duration is seconds, from 0 to 86400");
		return 1;
	}
	if (ledger_account_exists(b->db, c->account_no) <= 0) {
		msg_error("no account %s in the book", c->account_no);
		return 1;
	}
	char number[64] = "";
	if (c->number) {
		snprintf(number, sizeof number, "%s", c->number);
	} else {
		sqlite3_stmt *q = db_prepare(b->db, "SELECT coalesce(phone, '') FROM customers WHERE account_no = ?1");
		if (q) {
			sqlite3_bind_text(q, 1, c->account_no, -1, SQLITE_STATIC);
			if (sqlite3_step(q) == SQLITE_ROW)
				snprintf(number, sizeof number, "%.*s", (int)strcspn((const char *)sqlite3_column_text(q, 0), ";,"),
					 (const char *)sqlite3_column_text(q, 0));
			sqlite3_finalize(q);
		}
	}
	/* (a call begun in the workstation took its number as the book has it) */
	for (const char *p = number; !c->completes && *p; p++)
		if (!strchr("0123456789 +()./-", *p)) {
			msg_error("call: %s is not a phone number", number);
			return 1;
		}
	char summary[256], detail[320], end[21], start[21];
	now_utc(end);
	if (c->started)
		snprintf(start, sizeof start, "%s", c->started);
	else
		utc_before(end, c->duration_s, start);
	char length[32] = "null", shown[32] = "duration not known";
	if (c->duration_s >= 0) {
		snprintf(length, sizeof length, "%ld", c->duration_s);
		snprintf(shown, sizeof shown, "%ld:%02ld", c->duration_s / 60, c->duration_s % 60);
	}
	snprintf(summary, sizeof summary, "Call%s%s: %s (%s)", *number ? " " : "", number, c->outcome, shown);
	char again[32] = "";
	day_t back = recontact(b->db, c);
	if (back) {
		char iso[11];
		date_iso(back, iso);
		snprintf(again, sizeof again, ",\"recontact\":\"%s\"", iso);
	}
	snprintf(detail, sizeof detail, "{\"outcome\":\"%s\",\"duration_s\":%s,\"number\":\"%s\","
		 "\"start\":\"%s\",\"end\":\"%s\"%s}", c->outcome, length, number, start, end, again);
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	struct journal_entry e = {c->account_no, "call", user, NULL, summary, c->note, detail, c->completes};
	int rc = journal_add(b, &e, entry);
	if (rc == 0 && c->completes) {
		char key[UID_LEN + 16];
		snprintf(key, sizeof key, "call_open:%s", c->completes);
		sqlite3_stmt *d = db_prepare(b->db, "DELETE FROM book_meta WHERE key = ?1");
		rc = d ? 0 : -1;
		if (d) {
			sqlite3_bind_text(d, 1, key, -1, SQLITE_STATIC);
			rc = sqlite3_step(d) == SQLITE_DONE ? 0 : -1;
			sqlite3_finalize(d);
			if (rc == 0 && sqlite3_changes(b->db) == 0) { /* closed elsewhere meanwhile */
				msg_error("call: the call to %s begun %s was logged already", c->account_no,
					  c->started ? c->started : "");
				rc = 1;
			}
		}
	}
	if (rc == 0 && c->follow_up)
		rc = task_add(b, user, c->account_no, c->follow_up, "call back", task);
	else if (rc == 0 && !strcmp(c->outcome, "wrong_number"))
		rc = task_add(b, user, c->account_no, today(), "find a number", task);
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc) {
		db_tx_rollback(b->db, nested);
		return rc > 0 ? 1 : -1;
	}
	if (entry_id)
		memcpy(entry_id, entry, UID_LEN + 1);
	if (task_id)
		memcpy(task_id, task, UID_LEN + 1);
	return 0;
}
