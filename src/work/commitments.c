/* commitments.c — an account's commitments read in one go: the promise the
 * queue's flag comes from (index promises_latest), the active plan's
 * installments (plans_account), the open tasks (tasks_account), the snooze
 * in force (account_snoozes_account) and the last contact
 * (activities_account). Reads only, after the rules of promise.c and
 * plan.c have been applied to the account. */
#include "commitments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "promise.h"
#include "task.h"
#include "book/lib.h"
#include "base/lib.h"

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

static int read_promise(sqlite3 *db, const char *account_no, struct commitments *c)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, promised_date, status, amount, paid_amount FROM promises "
					  "WHERE account_no = ?1 AND status <> 'cancelled' "
					  "ORDER BY made_at DESC, id DESC LIMIT 1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && strcmp(col(st, 2), "kept")) { /* kept: nothing is owed under it */
		snprintf(c->promise.id, sizeof c->promise.id, "%s", col(st, 0));
		snprintf(c->promise.date, sizeof c->promise.date, "%s", col(st, 1));
		snprintf(c->promise.status, sizeof c->promise.status, "%s", col(st, 2));
		c->promise.amount = sqlite3_column_int64(st, 3);
		c->promise.paid = sqlite3_column_int64(st, 4);
		day_t d = 0;
		date_parse(c->promise.date, strlen(c->promise.date), DATE_ISO, &d);
		c->promise.grace_until = d + RULE_GRACE(db);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static void take_installment(const struct installment_row *r, void *arg)
{
	struct commitments *c = arg;
	if (strcmp(r->plan_status, "active"))
		return;
	snprintf(c->plan.id, sizeof c->plan.id, "%s", r->plan_id);
	c->plan.count++;
	c->plan.paid += !strcmp(r->status, "paid");
	c->plan.late += !strcmp(r->status, "late");
	c->plan.missed += !strcmp(r->status, "missed");
	if (!c->plan.next_date[0] && !strcmp(r->status, "due")) { /* by date: the first is the next */
		snprintf(c->plan.next_date, sizeof c->plan.next_date, "%s", r->due_date);
		c->plan.next_amount = r->amount - r->paid;
	}
}

static void take_task(const char *id, const char *due, const char *text, void *arg)
{
	struct commitments *c = arg;
	struct commitment_task *n = realloc(c->tasks, (size_t)(c->ntasks + 1) * sizeof *n);
	if (!n)
		abort();
	c->tasks = n;
	struct commitment_task *t = &n[c->ntasks++];
	snprintf(t->id, sizeof t->id, "%s", id);
	snprintf(t->due, sizeof t->due, "%s", due);
	t->text = xstrdup(text);
}

static int read_snooze(sqlite3 *db, const char *account_no, day_t today, struct commitments *c)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT until FROM account_snoozes WHERE account_no = ?1 "
					  "ORDER BY at DESC, id DESC LIMIT 1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	char day[11];
	date_iso(today, day);
	if (rc == SQLITE_ROW && strcmp(col(st, 0), day) > 0) /* back on its day: not in force any more */
		snprintf(c->snoozed_until, sizeof c->snoozed_until, "%s", col(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* The latest call, e-mail, letter or SMS; a call's start entry counts only
 * while no outcome completes it (the outcome is the later entry then). */
static int read_contact(sqlite3 *db, const char *account_no, struct commitments *c)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT at, user, type, CASE WHEN type <> 'call' OR NOT json_valid(detail) THEN '' "
		" ELSE coalesce(json_extract(detail, '$.outcome'), "
		"  iif(json_extract(detail, '$.start') IS NULL, '', 'started')) END "
		"FROM activities a WHERE account_no = ?1 "
		"AND type IN ('call', 'email', 'letter', 'sms') "
		"AND NOT (type = 'call' AND EXISTS (SELECT 1 FROM activities d WHERE d.corrects = a.id "
		" AND d.type = 'call')) ORDER BY at DESC, id DESC LIMIT 1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(c->contact.at, sizeof c->contact.at, "%s", col(st, 0));
		snprintf(c->contact.user, sizeof c->contact.user, "%s", col(st, 1));
		snprintf(c->contact.type, sizeof c->contact.type, "%s", col(st, 2));
		snprintf(c->contact.outcome, sizeof c->contact.outcome, "%s", col(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int commitments_read(struct book *b, const char *account_no, day_t today, struct commitments *c)
{
	memset(c, 0, sizeof *c);
	if (promise_evaluate(b, today, account_no) < 0 || plan_evaluate(b, today, account_no) < 0)
		return -1;
	if (read_promise(b->db, account_no, c) || plan_installments(b->db, account_no, take_installment, c) < 0 ||
	    task_list_open(b->db, account_no, take_task, c) < 0 || read_snooze(b->db, account_no, today, c) ||
	    read_contact(b->db, account_no, c)) {
		msg_error("commitments of %s: %s", account_no, sqlite3_errmsg(b->db));
		return -1;
	}
	return 0;
}

void commitments_free(struct commitments *c)
{
	for (int i = 0; i < c->ntasks; i++)
		free(c->tasks[i].text);
	free(c->tasks);
	c->tasks = NULL;
	c->ntasks = 0;
}

int commitments_none(const struct commitments *c)
{
	return !c->promise.id[0] && !c->plan.id[0] && c->ntasks == 0 && !c->snoozed_until[0];
}

void commitments_promise_text(const struct commitments *c, day_t today, char *out, size_t size)
{
	out[0] = '\0';
	if (!c->promise.id[0])
		return;
	char amt[32], paid[32], state[48];
	money_format_grouped(c->promise.amount, amt, sizeof amt);
	money_format_grouped(c->promise.paid, paid, sizeof paid);
	day_t d = 0;
	date_parse(c->promise.date, strlen(c->promise.date), DATE_ISO, &d);
	if (!strcmp(c->promise.status, "partly_kept"))
		snprintf(state, sizeof state, "partly kept");
	else if (strcmp(c->promise.status, "open"))
		snprintf(state, sizeof state, "%s", c->promise.status);
	else if (today < d)
		snprintf(state, sizeof state, "due in %d day%s", (int)(d - today), d - today == 1 ? "" : "s");
	else if (today == d)
		snprintf(state, sizeof state, "due today");
	else {
		char until[11];
		date_iso(c->promise.grace_until, until);
		snprintf(state, sizeof state, "in grace until %s", until);
	}
	snprintf(out, size, "%s by %s, %s received, %s", amt, c->promise.date, paid, state);
}

void commitments_plan_text(const struct commitments *c, char *out, size_t size)
{
	out[0] = '\0';
	if (!c->plan.id[0])
		return;
	char next[64] = "nothing left due", amt[32], late[24] = "", missed[24] = "";
	if (c->plan.next_date[0]) {
		money_format_grouped(c->plan.next_amount, amt, sizeof amt);
		snprintf(next, sizeof next, "next %s on %s", amt, c->plan.next_date);
	}
	if (c->plan.late)
		snprintf(late, sizeof late, " (%d late)", c->plan.late);
	if (c->plan.missed)
		snprintf(missed, sizeof missed, ", %d missed", c->plan.missed);
	snprintf(out, size, "%s; %d of %d paid%s%s", next, c->plan.paid + c->plan.late, c->plan.count, late, missed);
}

void commitments_contact_text(const struct commitments *c, const char *when, char *out, size_t size)
{
	out[0] = '\0';
	if (!c->contact.at[0])
		return;
	snprintf(out, size, "%s %s by %s%s%s", when, c->contact.type, c->contact.user, c->contact.outcome[0] ? ": " : "",
		 c->contact.outcome);
	for (char *p = out; *p; p++) /* no_answer: no answer */
		if (*p == '_')
			*p = ' ';
}
