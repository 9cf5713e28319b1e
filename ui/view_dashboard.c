/* view_dashboard.c — the dashboard: one report (src/report) as of today,
 * its chart (chart.c) above its table; j/k move between the bars (or
 * columns, or rows), Enter drills down to the queue filtered to the
 * accounts behind the one selected. It asks the report library for the
 * figures and never reads the book itself. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "chart.h"
#include "draw.h"
#include "report/lib.h"

struct dashboard {
	struct report r;
	struct list l;  /* over the charted rows */
	int rows;
};

static const char *title(struct app *a, struct view *v)
{
	static char t[64];
	(void)a;
	struct dashboard *d = v->data;
	snprintf(t, sizeof t, "dashboard: %s", d->r.name);
	return t;
}

/* The unit of the chart's figures, for its heading. */
static const char *unit_words(const struct report *r)
{
	if (r->nseries < 1)
		return "";
	switch (r->cols[r->series[0]].unit) {
	case RU_MONEY: return r->currency[0] ? r->currency : "each currency apart";
	case RU_PERCENT: return "%";
	case RU_DAYS: return "days";
	case RU_SECONDS: return "seconds";
	default: return "";
	}
}

/* The table: as many columns as fit, in order (the heading says how many
 * had no room); figures right-aligned and whole. Rows from `first`, the
 * totals kept at the bottom when there is room. */
static void draw_table(const struct report *r, int y, int rows, int selected, int *left_out)
{
	int w[REPORT_MAX_COLS], shown = 0, used = 0;
	*left_out = 0;
	for (int c = 0; c < r->ncols; c++) {
		w[c] = draw_width(r->cols[c].name);
		for (size_t i = 0; i < r->nrows; i++) {
			char t[160];
			report_cell_text(r, i, c, 1, t, sizeof t);
			if (draw_width(t) > w[c])
				w[c] = draw_width(t);
		}
		if (w[c] > 40 && (r->cols[c].unit == RU_TEXT))
			w[c] = 40; /* a long name ends in an ellipsis */
		if (used + w[c] + (shown ? 1 : 0) > COLS) {
			w[c] = -1;
			(*left_out)++;
			continue;
		}
		used += w[c] + (shown ? 1 : 0);
		shown++;
	}
	if (rows < 2)
		return;
	int x = 0;
	draw_fill(y, 0, COLS, EL_HEADER);
	for (int c = 0; c < r->ncols; c++) {
		if (w[c] < 0)
			continue;
		int text = r->cols[c].unit == RU_TEXT || r->cols[c].unit == RU_DATE;
		if (text)
			draw_text(y, x, w[c], r->cols[c].name, EL_HEADER, 0);
		else
			draw_text_right(y, x, w[c], r->cols[c].name, EL_HEADER);
		x += w[c] + 1;
	}
	int body = (int)r->nrows - r->total_rows, lines = rows - 1;
	int totals = r->total_rows < lines ? r->total_rows : 0;
	int room = lines - totals, first = selected >= room ? selected - room + 1 : 0;
	if (body <= room) /* every row fits: the totals right under them */
		room = body;
	for (int k = 0; k < lines; k++) {
		int i = k < room ? first + k : body + (k - room);
		if (k < room && i >= body)
			continue;
		if (i >= (int)r->nrows)
			break;
		int line = y + 1 + k, sel = i == selected;
		enum element el = sel ? EL_CURSOR : i >= body ? EL_LABEL : EL_DEFAULT;
		if (sel)
			draw_line_background(line, EL_CURSOR);
		x = 0;
		for (int c = 0; c < r->ncols; c++) {
			if (w[c] < 0)
				continue;
			char t[160];
			report_cell_text(r, (size_t)i, c, 1, t, sizeof t);
			if (r->cols[c].unit == RU_TEXT || r->cols[c].unit == RU_DATE)
				draw_text(line, x, w[c], t, el, 0);
			else
				draw_text_right(line, x, w[c], t, el);
			x += w[c] + 1;
		}
	}
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	struct dashboard *d = v->data;
	const struct report *r = &d->r;
	int n = chart_count(r);
	d->l.count = n;
	char asof[11], head[256];
	date_iso(r->o.as_of, asof);
	const char *unit = unit_words(r);
	snprintf(head, sizeof head, "%s as of %s%s%s%s: %d %s%s", r->title, asof, *unit ? " (" : "", unit,
		 *unit ? ")" : "", n, r->style == CHART_BARS ? "bar" : "column", n == 1 ? "" : "s");
	draw_text(top, 0, COLS, head, EL_PANE_TITLE, 1);
	if (!n) {
		draw_text(top + 2, 2, COLS - 4, "nothing to chart: the report has no rows", EL_MUTED, 0);
		return;
	}
	/* the chart first, with at most half the room when the table is long */
	int avail = rows - 2, want = chart_lines_wanted(r);
	int table_want = 1 + (int)r->nrows;
	int ch = want;
	if (ch + 1 + table_want > avail)
		ch = avail - 1 - table_want < avail / 2 ? avail / 2 : avail - 1 - table_want;
	if (r->style == CHART_COLUMNS && ch < avail - 1 - table_want)
		ch = avail - 1 - table_want; /* columns grow with the terminal */
	if (ch > want && r->style == CHART_BARS)
		ch = want;
	if (ch < 3)
		ch = avail < 3 ? avail : 3;
	list_fit(&d->l, 1);
	chart_draw(r, top + 1, 1, ch, COLS - 2, d->l.cursor);
	int ty = top + 1 + ch + 1, tr = top + rows - ty, left_out = 0;
	if (tr >= 2)
		draw_table(r, ty, tr - 1, d->l.cursor, &left_out);
	char foot[160];
	snprintf(foot, sizeof foot, "Enter: the accounts behind the %s, in the queue", r->style == CHART_BARS ? "bar" : "column");
	if (left_out) /* said, not dropped silently */
		snprintf(foot + strlen(foot), sizeof foot - strlen(foot), " | %d column%s of the table without room",
			 left_out, left_out == 1 ? "" : "s");
	draw_text(top + rows - 1, 0, COLS, foot, EL_MUTED, 0);
	(void)a;
}

static void drill(struct app *a, struct dashboard *d)
{
	struct report *r = &d->r;
	if (d->l.cursor < 0 || d->l.cursor >= chart_count(r) || !r->accounts) {
		app_message(a, 1, "nothing selected");
		return;
	}
	if (report_accounts_of(a->book->db, r, (size_t)d->l.cursor))
		return; /* its message is on the status line */
	const struct report_accounts *acc = &r->accounts[d->l.cursor];
	char label[192], what[256];
	report_row_label(r, (size_t)d->l.cursor, label, sizeof label);
	snprintf(what, sizeof what, "%s %s", r->name, label);
	if (!acc->n) {
		app_message(a, 1, "no account behind %s", what);
		return;
	}
	view_queue_drill(a, what, (const char *const *)acc->no, acc->n);
}

static int key(struct app *a, struct view *v, enum action act)
{
	struct dashboard *d = v->data;
	d->l.count = chart_count(&d->r);
	if (act == ACT_MOVE_DOWN || act == ACT_MOVE_UP || act == ACT_MOVE_FIRST || act == ACT_MOVE_LAST)
		return list_move(&d->l, act, 1);
	switch (act) {
	case ACT_DRILL_DOWN:
		drill(a, d);
		return 1;
	case ACT_RELOAD: {
		char name[16];
		snprintf(name, sizeof name, "%s", d->r.name);
		struct report r = {.o = d->r.o};
		r.o.as_of = today();
		const struct report_def *def = report_find(name);
		if (def && !def->fill(a->book->db, &r)) {
			report_free(&d->r);
			d->r = r;
			app_message(a, 0, "read the book again");
		} else {
			report_free(&r);
		}
		return 1;
	}
	default:
		return 0;
	}
}

static void close_view(struct view *v)
{
	struct dashboard *d = v->data;
	report_free(&d->r);
	free(d);
	free(v);
}

static const struct view_ops dashboard_ops = {VIEW_DASHBOARD, title, draw, key, NULL, close_view};

int view_dashboard_open(struct app *a, const char *name)
{
	if (!name || !*name)
		name = "aging";
	const struct report_def *def = report_find(name);
	if (!def) {
		char names[160] = "";
		size_t o = 0;
		for (const struct report_def *k = report_defs; k->name && o < sizeof names; k++)
			o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", o ? ", " : "", k->name);
		app_message(a, 1, "no report %s: %s", name, names);
		return 0;
	}
	struct dashboard *d = calloc(1, sizeof *d);
	struct view *v = calloc(1, sizeof *v);
	if (!d || !v)
		abort();
	d->r.o.as_of = a->today;
	d->r.o.with_accounts = 1;
	if (def->fill(a->book->db, &d->r)) { /* its message is on the status line */
		report_free(&d->r);
		free(d), free(v);
		return 0;
	}
	v->ops = &dashboard_ops;
	v->data = d;
	/* one dashboard at a time: another report takes its place */
	if (app_top(a) && app_top(a)->ops == &dashboard_ops)
		app_pop(a);
	app_push(a, v);
	return 1;
}
