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
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (sscanf(ts, "%4d-%2d-%2dT%2d:%2d:%2dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
		   &tm.tm_sec) != 6) {
		snprintf(out, 21, "%s", ts);
		return;
	}
	tm.tm_year -= 1900, tm.tm_mon -= 1;
	time_t t = timegm(&tm) - seconds;
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
	return journal_add(b, &e, id);
}

int call_log(struct book *b, const char *user, const struct call *c)
{
	int known = 0;
	for (const char *const *o = call_outcomes; *o; o++)
		known |= !strcmp(*o, c->outcome);
	if (!known) {
		msg_error("call: outcome %s: say reached, no_answer, voicemail, busy or wrong_number", c->outcome);
		return 1;
	}
	if (c->duration_s < 0 || c->duration_s > 24 * 3600) {
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
	for (const char *p = number; *p; p++)
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
	snprintf(summary, sizeof summary, "Call%s%s: %s (%ld:%02ld)", *number ? " " : "", number, c->outcome,
		 c->duration_s / 60, c->duration_s % 60);
	snprintf(detail, sizeof detail, "{\"outcome\":\"%s\",\"duration_s\":%ld,\"number\":\"%s\","
		 "\"start\":\"%s\",\"end\":\"%s\"}", c->outcome, c->duration_s, number, start, end);
	int nested;
	if (db_tx_begin(b->db, &nested))
		return -1;
	struct journal_entry e = {c->account_no, "call", user, NULL, summary, c->note, detail, c->completes};
	int rc = journal_add(b, &e, NULL);
	if (rc == 0 && c->follow_up)
		rc = task_add(b, user, c->account_no, c->follow_up, "call back", NULL);
	if (rc == 0)
		rc = db_tx_commit(b->db, nested);
	if (rc)
		db_tx_rollback(b->db, nested);
	return rc ? -1 : 0;
}
