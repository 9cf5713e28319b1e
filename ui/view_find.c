/* view_find.c — the accounts of the whole book one text finds (F, :find):
 * one line per account, its number, its name and why it was found, best
 * matches first; Enter opens one as the queue does. The search is the
 * engine's (find.c), run once per text asked, never per key. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "call_ui.h"
#include "draw.h"
#include "book/lib.h"
#include "base/lib.h"

#define FIND_LIMIT 200

struct find_view {
	char text[256];
	char title[300];
	struct find_result r;
	struct list l;
	int rows; /* lines of the list at the last draw */
};

static const char *title(struct app *a, struct view *v)
{
	(void)a;
	struct find_view *fv = v->data;
	snprintf(fv->title, sizeof fv->title, "find: %s", fv->text);
	return fv->title;
}

/* Why a row was found, as the list says it: "phone +32 471 12 34 56". */
static void why(const struct find_match *m, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", find_class_word(m->cls), *m->detail ? " " : "", m->detail);
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	(void)a;
	struct find_view *fv = v->data;
	char head[400];
	if (fv->r.total > fv->r.n)
		snprintf(head, sizeof head, "%zu accounts found, the first %zu shown: say more to see the others",
			 fv->r.total, fv->r.n);
	else
		snprintf(head, sizeof head, "%zu account%s found", fv->r.n, fv->r.n == 1 ? "" : "s");
	draw_text(top, 0, COLS, head, EL_PANE_TITLE, 1);
	fv->rows = rows - 2;
	fv->l.count = (int)fv->r.n;
	list_fit(&fv->l, fv->rows);
	/* the numbers and names as wide as those on screen need, the names
	 * at most 45% of what the numbers leave; the reason the rest */
	int acc = draw_width("Account"), name = draw_width("Name");
	for (int i = 0; i < fv->rows && fv->l.top + i < fv->l.count; i++) {
		const struct find_match *m = &fv->r.m[fv->l.top + i];
		int w = draw_width(m->account_no), n = draw_width(m->name);
		acc = w > acc ? w : acc;
		name = n > name ? n : name;
	}
	if (acc > COLS / 4)
		acc = COLS / 4;
	int rest = COLS - acc - 2;
	if (name > rest * 45 / 100)
		name = rest * 45 / 100;
	int reason = rest - name;
	int y = top + 1;
	draw_fill(y, 0, COLS, EL_HEADER);
	draw_text(y, 0, acc, "Account", EL_HEADER, 0);
	draw_text(y, acc + 1, name, "Name", EL_HEADER, 0);
	draw_text(y, acc + 2 + name, reason, "Found by", EL_HEADER, 0);
	for (int i = 0; i < fv->rows && fv->l.top + i < fv->l.count; i++) {
		const struct find_match *m = &fv->r.m[fv->l.top + i];
		int selected = fv->l.top + i == fv->l.cursor;
		enum element el = selected ? EL_CURSOR : EL_DEFAULT;
		char because[512];
		y = top + 2 + i;
		if (selected)
			draw_line_background(y, EL_CURSOR);
		why(m, because, sizeof because);
		draw_text(y, 0, acc, m->account_no, el, 0);
		draw_text(y, acc + 1, name, m->name, el, 0);
		draw_text(y, acc + 2 + name, reason, because, selected ? el : EL_MUTED, 0);
	}
}

/* Runs the search for text; 0 when it found something (fv then holds it),
 * -1 after a message (fv unchanged). */
static int run(struct app *a, struct find_view *fv, const char *text)
{
	struct find_result r;
	if (find_accounts(a->book->db, text, FIND_LIMIT, &r) != 0)
		return -1; /* the engine said why, on the status line */
	if (r.n == 0) {
		app_message(a, 1, "no account matches %s", text);
		find_result_free(&r);
		return -1;
	}
	find_result_free(&fv->r);
	fv->r = r;
	snprintf(fv->text, sizeof fv->text, "%s", text);
	fv->l.cursor = fv->l.top = 0;
	return 0;
}

/* The text to find, asked on the bottom line (Up and Down: the last ones). */
static int ask(struct app *a, const char *initial, char *buf, size_t size)
{
	snprintf(buf, size, "%s", initial);
	if (!app_prompt_aided(a, "find: ", buf, size, prompt_aid_find()) || !buf[strspn(buf, " ")])
		return 0;
	prompt_remember(prompt_aid_find(), buf);
	return 1;
}

static int key(struct app *a, struct view *v, enum action act)
{
	struct find_view *fv = v->data;
	fv->l.count = (int)fv->r.n;
	if (list_move(&fv->l, act, fv->rows))
		return 1;
	switch (act) {
	case ACT_FIND_OPEN: {
		if (fv->l.cursor >= fv->l.count)
			return 1;
		char no[80];
		snprintf(no, sizeof no, "%s", fv->r.m[fv->l.cursor].account_no);
		if (strcmp(no, a->call.account_no) && call_holds(a))
			return 1;
		if (!app_open_account(a, no))
			app_message(a, 1, "no account %s (any more)", no);
		return 1;
	}
	case ACT_FIND: { /* another text, in this list */
		char buf[256];
		if (ask(a, fv->text, buf, sizeof buf))
			run(a, fv, buf);
		return 1;
	}
	case ACT_RELOAD: { /* the same text again, then what R does everywhere */
		char again[sizeof fv->text];
		snprintf(again, sizeof again, "%s", fv->text); /* run() writes fv->text */
		run(a, fv, again);
		return 0;
	}
	default:
		return 0;
	}
}

static int search(struct app *a, struct view *v, const char *needle, int dir)
{
	(void)a;
	struct find_view *fv = v->data;
	char want[256], row[1024], hay[1024], because[512];
	utf8_fold(needle, strlen(needle), want, sizeof want);
	int n = (int)fv->r.n;
	for (int k = 1; k <= n; k++) {
		int i = ((fv->l.cursor + dir * k) % n + n) % n;
		const struct find_match *m = &fv->r.m[i];
		why(m, because, sizeof because);
		snprintf(row, sizeof row, "%s %s %s", m->account_no, m->name, because);
		utf8_fold(row, strlen(row), hay, sizeof hay);
		if (strstr(hay, want)) {
			fv->l.cursor = i;
			list_fit(&fv->l, fv->rows);
			return 1;
		}
	}
	return 0;
}

static void close_view(struct view *v)
{
	struct find_view *fv = v->data;
	find_result_free(&fv->r);
	free(fv);
	free(v);
}

static const struct view_ops find_ops = {VIEW_FIND, title, draw, key, search, close_view};

void view_find_open(struct app *a, const char *text)
{
	char buf[256];
	if (!text || !text[strspn(text, " ")]) {
		if (!ask(a, "", buf, sizeof buf))
			return;
		text = buf;
	} else {
		prompt_remember(prompt_aid_find(), text);
	}
	struct view *top = app_top(a);
	if (top && top->ops == &find_ops) { /* a list of found accounts already: this one */
		run(a, top->data, text);
		return;
	}
	struct view *v = calloc(1, sizeof *v);
	struct find_view *fv = calloc(1, sizeof *fv);
	if (!v || !fv)
		abort();
	fv->rows = 1;
	v->ops = &find_ops;
	v->data = fv;
	if (run(a, fv, text) != 0) {
		close_view(v);
		return;
	}
	app_push(a, v);
}
