/* view_queue.c — the queue: one line per account needing attention, the
 * header line with what is listed, and the keys that open, sort, filter
 * and search it. The rows live in app->queue; this view owns the cursor.
 * A drill-down (view_queue_drill) is a second queue view over a report:
 * it shows only the accounts behind a bar, and puts the queue's filter and
 * scope back when it goes. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "config.h"
#include "draw.h"
#include "queue_columns.h"
#include "base/lib.h"

struct queue_view {
	struct list l;
	int rows;         /* lines of the list at the last draw */
	char current[80]; /* the account under the cursor: it stays there when
			   * the rows are sorted, filtered or read again */
	/* a drill-down: the accounts shown (sorted), what they are, how many
	 * of them the queue has no row for, and what to put back on q */
	char **drill;
	size_t ndrill, absent;
	char what[256];
	struct queue_filter saved;
	int saved_scope;
	struct app *app;
};

static void day_text(struct app *a, char *out, size_t size, int width);

/* "queue: today 2 of 8 done · 1 promise 500.00 · 1 plan", each part only
 * when it fits whole beside the book's name and date (app_title_room). */
static const char *title(struct app *a, struct view *v)
{
	static char t[256];
	struct queue_view *qv = v->data;
	if (qv->drill) {
		snprintf(t, sizeof t, "queue: drill-down: %.200s", qv->what);
		return t;
	}
	snprintf(t, sizeof t, "queue: ");
	day_text(a, t + strlen(t), sizeof t - strlen(t), app_title_room(a) - (int)strlen(t));
	return t;
}

static void filter_text(const struct queue_filter *f, const struct queue_view *qv, char *out, size_t size)
{
	static const char *const buckets[] = {"1-30", "31-60", "61-90", "90+"};
	size_t o = 0;
	out[0] = '\0';
#define ADD(...) do { int w_ = snprintf(out + o, size - o, __VA_ARGS__); if (w_ > 0 && o + (size_t)w_ < size) o += (size_t)w_; } while (0)
	if (f->accounts && qv->drill) {
		ADD(" %s", qv->what);
		if (qv->absent) /* said: the bar counts them, the queue has no row for them */
			ADD(" (%zu not in the queue)", qv->absent);
	}
	if (f->collector)
		ADD(" collector=%s", f->collector);
	if (f->segment)
		ADD(" segment=%s", f->segment);
	if (f->bucket >= 0 && f->bucket < 4)
		ADD(" bucket=%s", buckets[f->bucket]);
	if (f->flags) {
		char letters[5];
		queue_flag_letters(f->flags, letters);
		ADD(" flags=%s", letters);
	}
	if (f->min_overdue) {
		char m[32];
		money_format(f->min_overdue, m, sizeof m);
		ADD(" min=%s", m);
	}
#undef ADD
}

static int has_filter(const struct queue_filter *f)
{
	return f->accounts || f->collector || f->segment || f->bucket >= 0 || f->flags || f->min_overdue;
}

/* "today 2 of 8 done · 1 promise 500.00 · 1 plan" in width columns: the
 * count always, the others in order while they fit whole. */
static void day_text(struct app *a, char *out, size_t size, int width)
{
	const struct queue *q = &a->queue;
	char part[96];
	size_t o = 0;
	snprintf(out, size, "today %zu of %zu done", q->done, q->done + q->todo);
	o = strlen(out);
	if (a->day.promises) {
		char m[32];
		money_format_grouped(a->day.promised, m, sizeof m);
		snprintf(part, sizeof part, " \xc2\xb7 %ld promise%s %s", a->day.promises, a->day.promises == 1 ? "" : "s", m);
		if (draw_width(out) + draw_width(part) > width || o + strlen(part) >= size)
			return; /* the parts in order: none after one left out */
		memcpy(out + o, part, strlen(part) + 1), o += strlen(part);
	}
	if (a->day.plans) {
		snprintf(part, sizeof part, " \xc2\xb7 %ld plan%s", a->day.plans, a->day.plans == 1 ? "" : "s");
		if (draw_width(out) + draw_width(part) <= width && o + strlen(part) < size)
			memcpy(out + o, part, strlen(part) + 1);
	}
}

/* Column widths for the screen width. */
struct layout {
	int flags, account, name, collector, overdue, days, action, date;
	int year; /* dates in it are written MM-DD when all shown are */
	int extra[8], extra_w[8], nextra; /* the optional columns shown (queue_columns.h) */
	int left_out;                     /* optional columns without room */
};

static int at_least(int w, const char *s)
{
	int n = draw_width(s);
	return n > w ? n : w;
}

/* The figures and numbers take the width the rows on screen need (never
 * cut); the name and the next action share what is left, the name more. */
static struct layout layout_for(struct app *a, const struct queue_view *qv, int cols, int rows)
{
	struct layout l = {.flags = 4, .account = 7, .collector = 9, .overdue = 7, .days = 4, .date = 5};
	int y, mo, d;
	civil_from_days(a->today, &y, &mo, &d);
	l.year = y;
	const struct queue *q = &a->queue;
	for (int i = 0; i < rows && qv->l.top + i < qv->l.count; i++) {
		const struct queue_row *r = &q->rows[q->view[qv->l.top + i]];
		char m[32];
		money_format_grouped(r->overdue, m, sizeof m);
		l.overdue = at_least(l.overdue, m);
		l.account = at_least(l.account, r->account_no);
		snprintf(m, sizeof m, "%d", r->oldest_days);
		l.days = at_least(l.days, m);
		if (r->next_action[0]) {
			civil_from_days(r->next_date, &y, &mo, &d);
			if (y != l.year)
				l.date = 10;
		}
	}
	if (!a->scope_all) /* my own queue: the collector is me */
		l.collector = 0;
	int fixed = l.flags + l.account + l.overdue + l.days + l.date + 6;
	if (l.collector && cols - fixed - (l.collector + 1) < 44)
		l.collector = 0; /* too narrow: 24 columns of name and 20 of next action first */
	fixed += l.collector ? l.collector + 1 : 0;
	/* the optional columns, in the order asked, each when 24 columns of
	 * name and 20 of next action are left besides (the header says how
	 * many had no room) */
	for (int k = 0; k < settings.nqueue_columns; k++) {
		enum queue_column c = (enum queue_column)settings.queue_columns[k];
		int w = draw_width(queue_column_title(c));
		for (int i = 0; i < rows && qv->l.top + i < qv->l.count; i++) {
			char cell[128];
			queue_column_cell(c, &q->rows[q->view[qv->l.top + i]], l.year, cell, sizeof cell);
			w = at_least(w, cell);
		}
		if (!queue_column_figure(c) && w > queue_column_cap(c))
			w = queue_column_cap(c);
		if (cols - fixed - (w + 1) < 44) {
			l.left_out++;
			continue;
		}
		l.extra[l.nextra] = c;
		l.extra_w[l.nextra++] = w;
		fixed += w + 1;
	}
	int rest = cols - fixed;
	if (rest < 2)
		rest = 2;
	/* the next action 20 columns when there is room, the name the rest */
	l.action = rest >= 44 ? 20 + (rest - 44) / 3 : rest * 45 / 100;
	l.name = rest - l.action;
	return l;
}

/* The four flags, or a tick on an account done today. */
static void draw_flags(const struct queue_row *r, int y, int width, int selected, enum element base)
{
	static const enum element flag_el[4] = {EL_FLAG_BROKEN, EL_FLAG_MISSED, EL_FLAG_DISPUTE, EL_FLAG_FOLLOWUP};
	if (r->worked_today) {
		draw_text(y, 0, width, settings.ascii ? "done" : "\xe2\x9c\x93", base, 0);
		return;
	}
	for (int i = 0; i < 4; i++) {
		char f[2] = {r->flags & (1u << i) ? QF_LETTERS[i] : '.', '\0'};
		draw_text(y, i, 1, f, selected ? base : (r->flags & (1u << i) ? flag_el[i] : EL_MUTED), 0);
	}
}

static void draw_row(struct app *a, const struct queue_row *r, int y, const struct layout *L, int selected)
{
	enum element base = selected ? EL_CURSOR : r->worked_today ? EL_MUTED : EL_DEFAULT;
	int x = 0;
	if (selected)
		draw_line_background(y, EL_CURSOR);
	draw_flags(r, y, L->flags, selected, base);
	x += L->flags + 1;
	draw_text(y, x, L->account, r->account_no, base, 0);
	x += L->account + 1;
	draw_text(y, x, L->name, r->name, base, 0);
	x += L->name + 1;
	if (L->collector) {
		draw_text(y, x, L->collector, r->collector, selected ? base : EL_MUTED, 0);
		x += L->collector + 1;
	}
	char m[32], d[16], date[11] = "";
	money_format_grouped(r->overdue, m, sizeof m);
	draw_text_right(y, x, L->overdue, m, selected ? base : EL_OVERDUE);
	x += L->overdue + 1;
	snprintf(d, sizeof d, "%d", r->oldest_days);
	draw_text_right(y, x, L->days, d, base);
	x += L->days + 1;
	draw_text(y, x, L->action, r->next_action, selected || r->worked_today ? base : r->due ? EL_DUE : EL_DEFAULT, 0);
	x += L->action + 1;
	if (r->next_action[0])
		date_iso(r->next_date, date);
	if (r->next_action[0] && L->date == 5) /* this year's: MM-DD */
		memmove(date, date + 5, 6);
	draw_text(y, x, L->date, date, selected || r->worked_today ? base : r->due ? EL_DUE : EL_MUTED, 0);
	x += L->date + 1;
	for (int k = 0; k < L->nextra; k++) {
		char cell[128];
		queue_column_cell((enum queue_column)L->extra[k], r, L->year, cell, sizeof cell);
		if (queue_column_figure((enum queue_column)L->extra[k]))
			draw_text_right(y, x, L->extra_w[k], cell, base);
		else
			draw_text(y, x, L->extra_w[k], cell, selected ? base : EL_MUTED, 0);
		x += L->extra_w[k] + 1;
	}
	(void)a;
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	struct queue_view *qv = v->data;
	struct queue *q = &a->queue;
	char head[1024], filters[512], total[32], narrow[48] = "";
	qv->rows = rows - 2;
	qv->l.count = (int)q->nview;
	list_fit(&qv->l, qv->rows);
	struct layout L = layout_for(a, qv, COLS, qv->rows);
	filter_text(&q->filter, qv, filters, sizeof filters);
	money_format_grouped(q->view_total, total, sizeof total);
	if (L.left_out) /* said, not dropped silently */
		snprintf(narrow, sizeof narrow, " | %d column%s without room", L.left_out, L.left_out == 1 ? "" : "s");
	snprintf(head, sizeof head, "%s%s%s%s: %zu account%s, %s overdue%s%s%s%s%s",
		 q->filter.all_dates ? "every date, " : "", a->scope_all ? "all collectors" : "mine (",
		 a->scope_all ? "" : a->user, a->scope_all ? "" : ")", q->nview, q->nview == 1 ? "" : "s", total,
		 q->sort != QS_DEFAULT ? " | sort: " : "", q->sort != QS_DEFAULT ? queue_sort_name(q->sort) : "",
		 *filters ? " | filter:" : "", filters, narrow);
	draw_text(top, 0, COLS, head, EL_PANE_TITLE, 1);
	int x = 0, y = top + 1;
	draw_fill(y, 0, COLS, EL_HEADER);
	draw_text(y, x, L.flags, "Flag", EL_HEADER, 0), x += L.flags + 1;
	draw_text(y, x, L.account, "Account", EL_HEADER, 0), x += L.account + 1;
	draw_text(y, x, L.name, "Name", EL_HEADER, 0), x += L.name + 1;
	if (L.collector)
		draw_text(y, x, L.collector, "Collector", EL_HEADER, 0), x += L.collector + 1;
	draw_text_right(y, x, L.overdue, "Overdue", EL_HEADER), x += L.overdue + 1;
	draw_text_right(y, x, L.days, "Days", EL_HEADER), x += L.days + 1;
	draw_text(y, x, L.action, "Next action", EL_HEADER, 0), x += L.action + 1;
	draw_text(y, x, L.date, "Date", EL_HEADER, 0), x += L.date + 1;
	for (int k = 0; k < L.nextra; k++) {
		const char *t = queue_column_title((enum queue_column)L.extra[k]);
		if (queue_column_figure((enum queue_column)L.extra[k]))
			draw_text_right(y, x, L.extra_w[k], t, EL_HEADER);
		else
			draw_text(y, x, L.extra_w[k], t, EL_HEADER, 0);
		x += L.extra_w[k] + 1;
	}
	qv->rows = rows - 2;
	qv->l.count = (int)q->nview;
	const struct queue_row *at = qv->l.cursor < qv->l.count ? &q->rows[q->view[qv->l.cursor]] : NULL;
	if (qv->current[0] && (!at || strcmp(at->account_no, qv->current) != 0)) {
		for (size_t i = 0; i < q->nview; i++)
			if (!strcmp(q->rows[q->view[i]].account_no, qv->current)) {
				qv->l.cursor = (int)i;
				break;
			}
	}
	list_fit(&qv->l, qv->rows);
	if (qv->l.cursor < qv->l.count)
		snprintf(qv->current, sizeof qv->current, "%s", q->rows[q->view[qv->l.cursor]].account_no);
	if (q->nview == 0) {
		const char *empty = !q->n ? "nothing needs attention: the queue is empty"
				    : has_filter(&q->filter) ? "no account passes the filter (Backspace clears it)"
				    : q->done ? "the day's list is done: nothing left for today (d shows every date)"
				    : "nothing due today (d shows every date)";
		draw_text(top + 3, 2, COLS - 4, empty, EL_MUTED, 0);
		return;
	}
	for (int i = 0; i < qv->rows && qv->l.top + i < qv->l.count; i++) {
		const struct queue_row *r = &q->rows[q->view[qv->l.top + i]];
		draw_row(a, r, top + 2 + i, &L, qv->l.top + i == qv->l.cursor);
	}
}

static int by_number(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static const struct queue_row *current(struct app *a, struct queue_view *qv)
{
	if (qv->l.cursor < 0 || (size_t)qv->l.cursor >= a->queue.nview)
		return NULL;
	return &a->queue.rows[a->queue.view[qv->l.cursor]];
}

/* Keeps the cursor on the same account across a reload, sort or filter. */
static void follow(struct app *a, struct queue_view *qv, const char *account_no)
{
	qv->l.count = (int)a->queue.nview;
	qv->l.cursor = 0;
	for (size_t i = 0; account_no && i < a->queue.nview; i++)
		if (!strcmp(a->queue.rows[a->queue.view[i]].account_no, account_no))
			qv->l.cursor = (int)i;
	list_fit(&qv->l, qv->rows);
}

static int key(struct app *a, struct view *v, enum action act)
{
	struct queue_view *qv = v->data;
	const struct queue_row *r = current(a, qv);
	char keep[80] = "";
	if (r)
		snprintf(keep, sizeof keep, "%s", r->account_no);
	qv->l.count = (int)a->queue.nview;
	if (list_move(&qv->l, act, qv->rows)) {
		qv->current[0] = '\0'; /* the cursor moved: it is at a new account */
		return 1;
	}
	switch (act) {
	case ACT_OPEN:
		if (!r)
			app_message(a, 1, "the queue is empty");
		else
			app_open_account(a, r->account_no);
		return 1;
	case ACT_TOGGLE_ALL:
		app_set_scope(a, !a->scope_all);
		follow(a, qv, keep);
		return 1;
	case ACT_SORT:
		a->queue.sort = (enum queue_sort)((a->queue.sort + 1) % QS_COUNT);
		queue_apply(&a->queue);
		follow(a, qv, keep);
		app_message(a, 0, "sorted by %s", queue_sort_name(a->queue.sort));
		return 1;
	case ACT_FILTER: {
		char buf[200] = "";
		if (app_prompt(a, "filter (collector= segment= bucket= flag= min=): ", buf, sizeof buf)) {
			char cmd[220];
			snprintf(cmd, sizeof cmd, "filter %s", buf);
			app_command(a, cmd);
			follow(a, qv, keep);
		}
		return 1;
	}
	case ACT_TOGGLE_DATES:
		a->queue.filter.all_dates = !a->queue.filter.all_dates;
		queue_apply(&a->queue);
		follow(a, qv, keep);
		app_message(a, 0, a->queue.filter.all_dates ? "every date: the accounts whose next action is later too"
							    : "today's list: the next action due, not worked today");
		return 1;
	case ACT_CLEAR_FILTER:
		app_command(a, "filter");
		follow(a, qv, keep);
		return 1;
	case ACT_RELOAD:
		app_load_queue(a);
		follow(a, qv, keep);
		app_message(a, 0, "read the book again");
		return 1;
	case ACT_DASHBOARD:
		view_dashboard_open(a, "aging");
		return 1;
	case ACT_BANK:
		view_bank_open(a);
		return 1;
	default:
		return 0;
	}
}

static int search(struct app *a, struct view *v, const char *needle, int dir)
{
	struct queue_view *qv = v->data;
	long i = queue_search(&a->queue, needle, qv->l.cursor, dir);
	if (i < 0)
		return 0;
	qv->l.cursor = (int)i;
	qv->current[0] = '\0';
	list_fit(&qv->l, qv->rows);
	return 1;
}

static void close_view(struct view *v)
{
	struct queue_view *qv = v->data;
	/* a drill-down puts the queue back as it was, however it is closed
	 * (q, or an account opened further down the stack): its filter must
	 * not outlive the accounts it points to */
	if (qv->drill && qv->app) {
		struct app *a = qv->app;
		a->queue.filter = qv->saved;
		if (a->other.filter.accounts == (const char *const *)qv->drill)
			a->other.filter = qv->saved;
		if (!a->quit)
			app_set_scope(a, qv->saved_scope);
		queue_apply(&a->queue);
	}
	for (size_t i = 0; i < qv->ndrill; i++)
		free(qv->drill[i]);
	free(qv->drill);
	free(v->data);
	free(v);
}

static const struct view_ops queue_ops = {VIEW_QUEUE, title, draw, key, search, close_view};

struct view *view_queue_new(struct app *a)
{
	(void)a;
	struct view *v = calloc(1, sizeof *v);
	struct queue_view *qv = calloc(1, sizeof *qv);
	if (!v || !qv)
		abort();
	qv->rows = 1;
	v->ops = &queue_ops;
	v->data = qv;
	return v;
}

void view_queue_drill(struct app *a, const char *what, const char *const *no, size_t n)
{
	struct view *v = view_queue_new(a);
	struct queue_view *qv = v->data;
	if (!(qv->drill = calloc(n ? n : 1, sizeof *qv->drill)))
		abort();
	for (size_t i = 0; i < n; i++)
		if (!(qv->drill[i] = strdup(no[i])))
			abort();
	qv->ndrill = n;
	snprintf(qv->what, sizeof qv->what, "%s", what);
	qv->saved = a->queue.filter;
	qv->saved_scope = a->scope_all;
	qv->app = a;
	/* everybody's accounts at every date: a report counts them all */
	app_set_scope(a, 1);
	struct queue_filter f = {.bucket = -1, .all_dates = 1, .show_done = 1,
				 .accounts = (const char *const *)qv->drill, .naccounts = n};
	a->queue.filter = f;
	queue_apply(&a->queue);
	size_t in = 0;
	for (size_t i = 0; i < a->queue.n; i++)
		in += bsearch(a->queue.rows[i].account_no, qv->drill, n, sizeof *qv->drill, by_number) != NULL;
	qv->absent = n - in;
	if (qv->absent)
		app_message(a, 0, "%zu of the %zu accounts not in the queue: nothing overdue nor to do", qv->absent, n);
	app_push(a, v);
}

/* The queue view the account views step through: the topmost one (a
 * drill-down's, when there is one). */
static struct queue_view *queue_under(struct app *a)
{
	for (int i = a->depth - 1; i >= 0; i--)
		if (a->stack[i]->ops == &queue_ops)
			return a->stack[i]->data;
	return NULL;
}

const char *view_queue_step(struct app *a, int dir)
{
	struct queue_view *qv = queue_under(a);
	if (!qv)
		return NULL;
	/* the account left where the cursor was may have moved or left the
	 * list since (worked, the queue read again): then the account now in
	 * its place is the next one, not the one after it */
	int at = -1;
	for (size_t i = 0; at < 0 && i < a->queue.nview; i++)
		if (!strcmp(a->queue.rows[a->queue.view[i]].account_no, qv->current))
			at = (int)i;
	int next = qv->l.cursor + dir;
	if (at != qv->l.cursor && dir > 0)
		next = qv->l.cursor;
	/* the accounts still to do: those worked today (show-done, every
	 * date) are passed over */
	while (next >= 0 && (size_t)next < a->queue.nview && a->queue.rows[a->queue.view[next]].worked_today)
		next += dir;
	if (next < 0 || (size_t)next >= a->queue.nview)
		return NULL;
	qv->l.cursor = next;
	list_fit(&qv->l, qv->rows);
	snprintf(qv->current, sizeof qv->current, "%s", a->queue.rows[a->queue.view[next]].account_no);
	return qv->current;
}

const char *view_queue_current(struct app *a)
{
	struct queue_view *qv = queue_under(a);
	if (!qv)
		return NULL;
	const struct queue_row *r = current(a, qv);
	return r ? r->account_no : NULL;
}
