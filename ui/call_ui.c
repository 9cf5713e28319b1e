/* call_ui.c — the call under way: started with c on an account, its timer
 * on the status line, its account kept open until c logs the outcome
 * (from any view), Ctrl-C during it, and a call an earlier session left
 * open (the start is journaled at once, so a call is never lost). */
#include "call_ui.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "draw.h"
#include "form.h"
#include "spawn.h"
#include "config.h"
#include "work/lib.h"
#include "book/lib.h"
#include "base/lib.h"

int call_holds(struct app *a)
{
	if (!a->call.account_no[0])
		return 0;
	app_message(a, 1, "a call is running: c logs it first");
	return 1;
}

void call_timer_text(const struct app *a, int width, char *out, size_t size)
{
	long sec = app_call_seconds(a);
	char head[32];
	snprintf(head, sizeof head, " CALL %02ld:%02ld ", sec / 60, sec % 60);
	/* the time whole; then the number if it fits; the name takes the rest */
	int room = width - draw_width(head) - 1;
	int nw = draw_width(a->call.number);
	const char *number = nw + 1 <= room - 4 ? a->call.number : "";
	room -= *number ? nw + 1 : 0;
	char name[128] = "";
	const char *src = a->call.name;
	size_t at = 0;
	if (draw_width(src) <= room) {
		snprintf(name, sizeof name, "%s", src);
	} else if (room > 1) { /* cut on a character, and say so */
		while (src[at]) {
			size_t len = 1;
			while ((src[at + len] & 0xC0) == 0x80)
				len++;
			char try[128];
			snprintf(try, sizeof try, "%.*s", (int)(at + len), src);
			if (draw_width(try) > room - 1)
				break;
			at += len;
		}
		while (at && src[at - 1] == ' ')
			at--;
		snprintf(name, sizeof name, "%.*s%s", (int)at, src, draw_is_ascii() ? "~" : "\u2026");
	}
	snprintf(out, size, "%s%s%s%s ", head, name, *number ? " " : "", number);
}

int call_begin(struct app *a, const char *account_no, const char *name, const char *number)
{
	if (call_start(a->book, a->user, account_no, number, a->call.entry, a->call.started_at))
		return -1;
	snprintf(a->call.account_no, sizeof a->call.account_no, "%s", account_no);
	snprintf(a->call.name, sizeof a->call.name, "%s", name);
	snprintf(a->call.number, sizeof a->call.number, "%s", number);
	app_clock(&a->call.started);
	if (settings.dial_command[0] && a->call.number[0] && !phone_list_valid(number, strlen(number)))
		app_message(a, 1, "not dialled: not a phone number");
	else if (settings.dial_command[0] && a->call.number[0] && spawn_detached(settings.dial_command, a->call.number) != 0)
		app_message(a, 1, "call started, but the dial command could not run");
	else
		app_message(a, 0, "call started: c again ends it");
	return 0;
}

/* The day to call again the outcome form proposes: the one the outcome
 * chosen brings by the book's rules (reached: a week; no answer: the next
 * working day...; a wrong number: none, a task to find one). Left as
 * proposed, it makes no task: a promise or a plan made next outweighs
 * it. Changed, it is a follow-up task. */
static char proposed[11];

static void propose(struct app *a, struct field *outcome, struct field *follow_up)
{
	day_t d = call_recontact_day(a->book->db, outcome->value, a->today);
	int untouched = !strcmp(follow_up->value, proposed);
	proposed[0] = '\0';
	if (d)
		date_iso(d, proposed);
	if (untouched)
		snprintf(follow_up->value, sizeof follow_up->value, "%s", proposed);
}

static void outcome_chosen(struct form *f, int field, void *arg)
{
	if (field == 0)
		propose(arg, &f->fields[0], &f->fields[2]);
}

static struct timespec saving; /* for make bench: from the save to the queue read again */

static int save_outcome(struct app *a, struct form *f, void *arg)
{
	(void)arg; /* the app, for outcome_chosen */
	clock_gettime(CLOCK_MONOTONIC, &saving);
	day_t follow_up = 0;
	if (f->fields[2].value[0] && strcmp(f->fields[2].value, proposed))
		date_parse(f->fields[2].value, strlen(f->fields[2].value), DATE_ISO, &follow_up);
	long seconds = app_call_seconds(a);
	if (seconds > 24 * 3600) /* taken up after a long stop: a day at most */
		seconds = 24 * 3600;
	struct call c = {a->call.account_no, f->fields[0].value, seconds, a->call.number,
			 f->fields[1].value[0] ? f->fields[1].value : NULL, follow_up, a->call.started_at, a->call.entry};
	return call_log(a->book, a->user, &c);
}

void call_end(struct app *a)
{
	struct field fl[] = {{"Outcome", FIELD_CHOICE, 1, call_outcomes, "reached"},
			     {"Note", FIELD_TEXT, 0, NULL, ""}, {"Follow-up", FIELD_DATE_FUTURE, 0, NULL, ""}};
	proposed[0] = '\0';
	propose(a, &fl[0], &fl[2]);
	char title[200];
	snprintf(title, sizeof title, "The call's outcome (%s)", a->call.account_no);
	struct form f = {title, fl, 3};
	if (!form_run_choosing(a, &f, save_outcome, outcome_chosen, a)) {
		app_message(a, 0, "the call goes on: c ends it");
		return;
	}
	char no[80];
	snprintf(no, sizeof no, "%s", a->call.account_no);
	a->call.account_no[0] = '\0';
	app_account_changed(a, no);
	app_bench_note("call-logged", &saving);
	app_message(a, 0, "call logged");
}

/* Forgets the call under way once it is logged as interrupted. */
static int close_interrupted(struct app *a, long seconds)
{
	struct call_open o;
	memset(&o, 0, sizeof o);
	snprintf(o.id, sizeof o.id, "%.*s", UID_LEN, a->call.entry);
	snprintf(o.user, sizeof o.user, "%s", a->user);
	snprintf(o.account_no, sizeof o.account_no, "%s", a->call.account_no);
	snprintf(o.number, sizeof o.number, "%s", a->call.number);
	snprintf(o.started, sizeof o.started, "%s", a->call.started_at);
	if (seconds > 24 * 3600) /* taken up after a long stop: a day at most */
		seconds = 24 * 3600;
	if (call_close_interrupted(a->book, &o, seconds))
		return -1;
	a->call.account_no[0] = '\0';
	return 0;
}

int call_interrupt(struct app *a)
{
	if (!a->call.account_no[0])
		return 1;
	char q[200];
	snprintf(q, sizeof q, "A call to %s is running: log it as interrupted and quit? (y/n) ", a->call.account_no);
	if (!app_confirm(a, q)) {
		app_message(a, 0, "the call goes on: c ends it and logs it");
		return 0;
	}
	return close_interrupted(a, app_call_seconds(a)) == 0;
}

void call_take_up_open(struct app *a)
{
	struct call_open o;
	if (call_open_list(a->book, a->user, &o, 1) < 1)
		return;
	char q[300];
	struct local_time lt;
	if (time_local(o.started, settings.time_zone, &lt))
		snprintf(lt.when, sizeof lt.when, "%.16s", o.started);
	snprintf(q, sizeof q, "A call to %s begun %s was never logged. Take it up? (y: c logs it; n: interrupted) ",
		 o.account_no, lt.when);
	app_draw(a);
	int again = app_confirm(a, q);
	if (!again && app_stopping())
		return; /* Ctrl-C: no answer; the call stays open for the next start */
	snprintf(a->call.entry, sizeof a->call.entry, "%s", o.id);
	snprintf(a->call.started_at, sizeof a->call.started_at, "%s", o.started);
	snprintf(a->call.account_no, sizeof a->call.account_no, "%s", o.account_no);
	snprintf(a->call.number, sizeof a->call.number, "%s", o.number);
	if (!again) {
		if (close_interrupted(a, -1) == 0)
			app_message(a, 0, "the call to %s is closed as interrupted", o.account_no);
		a->call.account_no[0] = '\0';
		return;
	}
	/* the timer counts from the call's real start (both on the book's clock) */
	char now[21];
	now_utc(now);
	time_t now_s = 0, start_s = 0;
	long ago = utc_parse(now, &now_s) || utc_parse(o.started, &start_s) ? 0 : (long)(now_s - start_s);
	if (ago < 0) /* a clock that went back, or no start to read */
		ago = 0;
	if (ago > 24 * 3600)
		ago = 24 * 3600;
	app_clock(&a->call.started);
	a->call.started.tv_sec -= ago;
	a->call.account_no[0] = '\0'; /* the lock must not refuse its own account */
	if (!app_open_account(a, o.account_no)) {
		app_message(a, 1, "the open call's account %s is not in the book", o.account_no);
		return;
	}
	snprintf(a->call.account_no, sizeof a->call.account_no, "%s", o.account_no);
	struct account acc;
	if (account_load(a->book->db, o.account_no, &acc) == 1) {
		snprintf(a->call.name, sizeof a->call.name, "%s", acc.name);
		account_free(&acc);
	}
	app_message(a, 0, "call taken up: c ends it and logs its outcome");
}
