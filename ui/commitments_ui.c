/* commitments_ui.c — the account screen's block of what was agreed: the
 * promise, the plan, the open tasks, the snooze, the dunning (held, level,
 * next step) and the last contact, flowed over a few lines above the open
 * items; and what is changed from it: the open promise (p), the snooze
 * (u), the dunning hold (H). Reads and writes through the engine only. */
#include "commitments_ui.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "draw.h"
#include "form.h"
#include "base/lib.h"
#include "work/lib.h"

void commit_block_load(struct app *a, struct commit_block *k, const char *account_no, const struct dun_account *dun)
{
	commitments_read(a->book, account_no, a->today, &k->c);
	k->has_dunning = dun != NULL;
	if (dun)
		dunning_standing(dun, &k->d);
}

void commit_block_free(struct commit_block *k)
{
	commitments_free(&k->c);
	memset(k, 0, sizeof *k);
}

/* One part of the block: "label value". A part whose value is text (cut
 * 1) may end in an ellipsis to fit what is left of a line; the others
 * (figures) go whole on the next line instead. */
struct part {
	char label[24];
	char value[640];
	enum element el;
	int cut;
};

#define PARTS 16
#define MIN_TEXT 12 /* columns a cut text keeps at least */

static void add(struct part *p, int *n, const char *label, const char *value, enum element el, int cut)
{
	if (*n == PARTS || !value || !*value)
		return;
	snprintf(p[*n].label, sizeof p[*n].label, "%s", label);
	snprintf(p[*n].value, sizeof p[*n].value, "%s", value);
	p[*n].el = el, p[*n].cut = cut;
	(*n)++;
}

/* Flows the parts over at most max lines of COLS columns from row top
 * (draw 0: only counts). Returns the lines taken. */
static int flow(const struct part *p, int n, int top, int max, int draw)
{
	int y = 0, x = 0;
	for (int i = 0; i < n; i++) {
		int lw = *p[i].label ? draw_width(p[i].label) + 1 : 0;
		int w = lw + draw_width(p[i].value);
		int room = COLS - x;
		int fits = w <= room || (p[i].cut && x > 0 && room >= lw + MIN_TEXT);
		if (x > 0 && !fits)
			y++, x = 0;
		if (y >= max) {
			/* no room for the rest: said at the end of the last line */
			if (draw)
				draw_text(top + max - 1, COLS - 1, 1, draw_is_ascii() ? "~" : "\u2026", EL_MUTED, 0);
			return max;
		}
		if (draw) {
			int cx = x;
			if (lw)
				cx += draw_text(top + y, cx, COLS - cx, p[i].label, EL_LABEL, 0) + 1;
			draw_text(top + y, cx, COLS - cx, p[i].value, p[i].el, 0);
		}
		x += w + 2;
		if (x >= COLS)
			y++, x = 0;
	}
	return x > 0 ? y + 1 : y;
}

int commit_block_draw(struct app *a, const struct commit_block *k, int top, int max)
{
	const struct commitments *c = &k->c;
	struct part p[PARTS];
	int n = 0;
	char text[640], when[17];
	if (max < 1)
		max = 1;
	if (commitments_none(c))
		add(p, &n, "", "nothing agreed", EL_MUTED, 0);
	commitments_promise_text(c, a->today, text, sizeof text);
	add(p, &n, "promise", text, strcmp(c->promise.status, "open") ? EL_FLAG_BROKEN : EL_DEFAULT, 0);
	commitments_plan_text(c, text, sizeof text);
	add(p, &n, "plan", text, c->plan.missed ? EL_FLAG_MISSED : EL_DEFAULT, 0);
	/* the tasks, by date, as one text: T lists them whole */
	char day[11], label[24];
	date_iso(a->today, day);
	size_t o = 0;
	text[0] = '\0';
	for (int i = 0; i < c->ntasks && o < sizeof text; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, "%s%s %s", i ? "; " : "", c->tasks[i].due,
				      c->tasks[i].text);
	snprintf(label, sizeof label, c->ntasks > 1 ? "tasks (%d)" : "task", c->ntasks);
	add(p, &n, label, text, c->ntasks && strcmp(c->tasks[0].due, day) <= 0 ? EL_DUE : EL_DEFAULT, 1);
	add(p, &n, "snoozed until", c->snoozed_until, EL_DEFAULT, 0);
	if (k->has_dunning) {
		dunning_standing_text(&k->d, a->today, text, sizeof text);
		add(p, &n, "dunning", text, k->d.hold ? EL_DISPUTED : EL_DEFAULT, 1);
	}
	if (c->contact.at[0]) {
		struct local_time lt; /* local, as the history shows it */
		if (time_local(c->contact.at, settings.time_zone, &lt))
			snprintf(when, sizeof when, "%.16s", c->contact.at);
		else
			snprintf(when, sizeof when, "%s", lt.when);
		commitments_contact_text(c, when, text, sizeof text);
		add(p, &n, "last contact", text, EL_DEFAULT, 1);
	}
	int lines = flow(p, n, top, max, 0);
	flow(p, n, top, lines, 1);
	return lines > 0 ? lines : 1;
}

/* ---- the open promise: changed or cancelled --------------------------------- */

static const char *const no_yes[] = {"no", "yes", NULL};

struct promise_ctx {
	const struct commit_block *k;
	int cancelled;
};

static int save_promise(struct app *a, struct form *f, void *arg)
{
	(void)a;
	struct promise_ctx *x = arg;
	const char *id = x->k->c.promise.id;
	const char *note = f->fields[2].value[0] ? f->fields[2].value : NULL;
	if (!strcmp(f->fields[3].value, "yes")) {
		x->cancelled = 1;
		return promise_change(a->book, a->user, id, 0, 0, 1, note);
	}
	int64_t amount = 0;
	day_t date = 0;
	money_parse(f->fields[0].value, strlen(f->fields[0].value), MARK_UNKNOWN, &amount);
	date_parse(f->fields[1].value, strlen(f->fields[1].value), DATE_ISO, &date);
	char was[11];
	date_iso(date, was);
	if (amount == x->k->c.promise.amount && !strcmp(was, x->k->c.promise.date) && !note) {
		msg_error("nothing changed: change the amount or the date, or Cancel it");
		return 1;
	}
	if (amount <= 0) {
		msg_error("Amount: must be more than zero");
		return 1;
	}
	/* what did not change is kept as it is (a date in its grace may stay) */
	return promise_change(a->book, a->user, id, strcmp(was, x->k->c.promise.date) ? date : 0,
			      amount == x->k->c.promise.amount ? 0 : amount, 0, note);
}

int commit_promise_change(struct app *a, const struct commit_block *k, const char *account_no)
{
	(void)account_no;
	struct field fl[] = {{"Amount", FIELD_AMOUNT, 1, NULL, ""}, {"Date", FIELD_DATE_FUTURE, 1, NULL, ""},
			     {"Note", FIELD_TEXT, 0, NULL, ""}, {"Cancel it", FIELD_CHOICE, 1, no_yes, "no"}};
	money_format(k->c.promise.amount, fl[0].value, sizeof fl[0].value);
	snprintf(fl[1].value, sizeof fl[1].value, "%s", k->c.promise.date);
	char title[160], paid[32];
	money_format_grouped(k->c.promise.paid, paid, sizeof paid);
	snprintf(title, sizeof title, "The open promise (%s received): change it, or cancel it", paid);
	struct form f = {title, fl, 4};
	struct promise_ctx x = {k, 0};
	if (!form_run(a, &f, save_promise, &x))
		return 0;
	app_message(a, 0, x.cancelled ? "promise cancelled" : "promise changed");
	return 1;
}

/* ---- the snooze and the dunning hold ---------------------------------------- */

int commit_unsnooze(struct app *a, const struct commit_block *k, const char *account_no)
{
	if (!k->c.snoozed_until[0]) {
		app_message(a, 1, "%s is not snoozed", account_no);
		return 0;
	}
	char q[96];
	snprintf(q, sizeof q, "Lift the snooze until %s: back in the queue today? (y/n) ", k->c.snoozed_until);
	if (!app_confirm(a, q)) {
		app_message(a, 0, "still snoozed until %s", k->c.snoozed_until);
		return 0;
	}
	if (task_unsnooze(a->book, a->user, account_no))
		return 0;
	app_message(a, 0, "snooze lifted: %s is back in the queue", account_no);
	return 1;
}

int commit_release_hold(struct app *a, const struct commit_block *k, const char *account_no)
{
	if (!k->has_dunning || !k->d.hold) {
		app_message(a, 1, "%s is not held out of dunning", account_no);
		return 0;
	}
	if (!app_confirm(a, "Release the dunning hold: reminders go again? (y/n) ")) {
		app_message(a, 0, "still held out of dunning");
		return 0;
	}
	struct dun_setting s = {.hold = 0, .procedure = NULL, .rate = -2, .claims = -2, .note = NULL};
	if (dunning_setting_save(a->book, a->user, account_no, &s, NULL, 0))
		return 0;
	app_message(a, 0, "dunning released: %s is back in dunning", account_no);
	return 1;
}
