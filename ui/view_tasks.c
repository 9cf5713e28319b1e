/* view_tasks.c — an account's open follow-up tasks, by date (T from the
 * account): each can be changed (date and text), moved to another day or
 * marked done, journaled by the engine; the account under it and the
 * queue are read again after each change. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "form.h"
#include "keymap.h"
#include "base/lib.h"
#include "work/lib.h"

struct task_item {
	char id[UID_LEN + 1], due[11];
	char *text;
};

struct tasks_view {
	char account[80], title[120];
	struct task_item *items;
	struct list l;
	int page;
};

static void free_items(struct tasks_view *tv)
{
	for (int i = 0; i < tv->l.count; i++)
		free(tv->items[i].text);
	free(tv->items);
	tv->items = NULL;
	tv->l.count = 0;
}

static void take(const char *id, const char *due, const char *text, void *arg)
{
	struct tasks_view *tv = arg;
	struct task_item *n = realloc(tv->items, (size_t)(tv->l.count + 1) * sizeof *n);
	if (!n)
		abort();
	tv->items = n;
	struct task_item *t = &n[tv->l.count++];
	snprintf(t->id, sizeof t->id, "%s", id);
	snprintf(t->due, sizeof t->due, "%s", due);
	t->text = xstrdup(text);
}

/* Reads the tasks again; the cursor stays on the task `keep` (its id)
 * when it is still open, else at its place. */
static void load(struct app *a, struct tasks_view *tv, const char *keep)
{
	char id[UID_LEN + 1];
	snprintf(id, sizeof id, "%s", keep ? keep : "");
	free_items(tv);
	task_list_open(a->book->db, tv->account, take, tv);
	for (int i = 0; *id && i < tv->l.count; i++)
		if (!strcmp(tv->items[i].id, id))
			tv->l.cursor = i;
	snprintf(tv->title, sizeof tv->title, "tasks of %s (%d open)", tv->account, tv->l.count);
}

static const char *title(struct app *a, struct view *v)
{
	(void)a;
	return ((struct tasks_view *)v->data)->title;
}

/* "Enter: change  m: move  x: done  q: back", from the keys bound now. */
static void hint(char *out, size_t size)
{
	static const struct { enum action act; enum view_id view; const char *what; } keys[] = {
		{ACT_TASK_EDIT, VIEW_TASKS, "change"}, {ACT_TASK_MOVE, VIEW_TASKS, "move"},
		{ACT_TASK_MARK_DONE, VIEW_TASKS, "done"}, {ACT_BACK, VIEW_TASKS, "back"},
	};
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char all[64], k[16] = "";
		keymap_keys_of(keys[i].view, keys[i].act, all, sizeof all);
		/* one key is enough: a letter rather than a named one (q, not Esc) */
		for (char *w = strtok(all, ", "); w; w = strtok(NULL, ", "))
			if (!*k || (strlen(w) == 1 && strlen(k) > 1))
				snprintf(k, sizeof k, "%s", w);
		if (!*k || o >= size)
			continue;
		o += (size_t)snprintf(out + o, size - o, "%s%s: %s", o ? "  " : "", k, keys[i].what);
	}
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	struct tasks_view *tv = v->data;
	char line[160], today_iso[11];
	date_iso(a->today, today_iso);
	snprintf(line, sizeof line, "Open follow-up tasks of %s (%d)", tv->account, tv->l.count);
	draw_text(top, 0, COLS, line, EL_PANE_TITLE, 1);
	draw_fill(top + 1, 0, COLS, EL_HEADER);
	draw_text(top + 1, 2, 10, "Due", EL_HEADER, 0);
	draw_text(top + 1, 14, COLS - 14, "Task", EL_HEADER, 0);
	tv->page = rows - 3;
	list_fit(&tv->l, tv->page);
	if (tv->l.count == 0)
		draw_text(top + 2, 2, COLS - 4, "no open task (t in the account adds one)", EL_MUTED, 0);
	for (int i = 0; i < tv->page && tv->l.top + i < tv->l.count; i++) {
		int k = tv->l.top + i, y = top + 2 + i, sel = k == tv->l.cursor;
		const struct task_item *t = &tv->items[k];
		enum element el = sel ? EL_CURSOR : strcmp(t->due, today_iso) <= 0 ? EL_DUE : EL_DEFAULT;
		if (sel)
			draw_line_background(y, EL_CURSOR);
		draw_text(y, 2, 10, t->due, el, 0);
		draw_text(y, 14, COLS - 14, t->text, el, 0);
	}
	hint(line, sizeof line);
	draw_text(top + rows - 1, 0, COLS, line, EL_MUTED, 1);
}

struct edit_ctx {
	const struct task_item *t;
	int moving; /* the form has the date only */
};

static int save(struct app *a, struct form *f, void *arg)
{
	struct edit_ctx *x = arg;
	day_t d = 0;
	date_parse(f->fields[0].value, strlen(f->fields[0].value), DATE_ISO, &d);
	int moved = strcmp(f->fields[0].value, x->t->due) != 0;
	if (x->moving)
		return moved ? task_reschedule(a->book, a->user, x->t->id, d) : 0;
	int edited = strcmp(f->fields[1].value, x->t->text) != 0;
	if (!moved && !edited)
		return 0; /* nothing to journal */
	return task_change(a->book, a->user, x->t->id, moved ? d : 0, edited ? f->fields[1].value : NULL);
}

static void edit(struct app *a, struct tasks_view *tv, int moving)
{
	const struct task_item *t = &tv->items[tv->l.cursor];
	struct field fl[] = {{moving ? "Move to" : "Date", FIELD_DATE_FUTURE, 1, NULL, ""}, {"Text", FIELD_TEXT, 1, NULL, ""}};
	snprintf(fl[0].value, sizeof fl[0].value, "%s", t->due);
	snprintf(fl[1].value, sizeof fl[1].value, "%s", t->text);
	char heading[160];
	snprintf(heading, sizeof heading, moving ? "Move the task to another day" : "Change the task");
	struct form f = {heading, fl, moving ? 1 : 2};
	struct edit_ctx x = {t, moving};
	char id[UID_LEN + 1], was[11];
	snprintf(id, sizeof id, "%s", t->id);
	snprintf(was, sizeof was, "%s", t->due);
	if (!form_run(a, &f, save, &x))
		return;
	int same = !strcmp(fl[0].value, was) && (moving || !strcmp(fl[1].value, t->text));
	load(a, tv, id);
	app_account_changed(a, tv->account);
	if (same)
		app_message(a, 0, "nothing changed");
	else if (moving)
		app_message(a, 0, "task moved to %s", fl[0].value);
	else
		app_message(a, 0, "task changed");
}

static int key(struct app *a, struct view *v, enum action act)
{
	struct tasks_view *tv = v->data;
	if (list_move(&tv->l, act, tv->page))
		return 1;
	switch (act) {
	case ACT_TASK_EDIT:
	case ACT_TASK_MOVE:
		if (tv->l.count == 0)
			app_message(a, 1, "no open task");
		else
			edit(a, tv, act == ACT_TASK_MOVE);
		return 1;
	case ACT_TASK_MARK_DONE: {
		if (tv->l.count == 0) {
			app_message(a, 1, "no open task");
			return 1;
		}
		char text[160];
		snprintf(text, sizeof text, "%s", tv->items[tv->l.cursor].text);
		if (task_done(a->book, a->user, tv->items[tv->l.cursor].id) == 0) {
			load(a, tv, NULL);
			app_account_changed(a, tv->account);
			app_message(a, 0, "task done: %s", text);
		}
		return 1;
	}
	case ACT_RELOAD: /* the list, then the driver the queue */
		load(a, tv, tv->l.count ? tv->items[tv->l.cursor].id : NULL);
		return 0;
	default:
		return 0;
	}
}

static void close_view(struct view *v)
{
	struct tasks_view *tv = v->data;
	free_items(tv);
	free(tv);
	free(v);
}

static const struct view_ops tasks_ops = {VIEW_TASKS, title, draw, key, NULL, close_view};

struct view *view_tasks_new(struct app *a, const char *account_no)
{
	struct tasks_view *tv = calloc(1, sizeof *tv);
	struct view *v = calloc(1, sizeof *v);
	if (!tv || !v)
		abort();
	snprintf(tv->account, sizeof tv->account, "%s", account_no);
	tv->page = 1;
	load(a, tv, NULL);
	v->ops = &tasks_ops;
	v->data = tv;
	return v;
}
