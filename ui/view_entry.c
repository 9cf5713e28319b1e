/* view_entry.c — a page of text, scrolled with the usual keys: a history
 * entry shown whole, and (with another id) the help screen. Lines longer
 * than the screen are wrapped at blanks when drawn. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "base/lib.h"

struct text_view {
	char **lines;
	int n;
	struct list l; /* over wrapped lines */
	int rows;
	char title[64];
	struct line_style {
		enum element el;
		int hang; /* columns a wrapped line's continuation is indented by */
	} *styles;        /* per line */
};

static const char *title(struct app *a, struct view *v)
{
	(void)a;
	return ((struct text_view *)v->data)->title;
}

/* Bytes of s that fit in width columns, cut at a blank when there is one. */
static size_t fit(const char *s, int width)
{
	size_t n = strlen(s), i = 0, blank = 0;
	int col = 0;
	while (i < n) {
		size_t len;
		int w;
		if (utf8_safe_at(s, n, i, &len)) {
			uint32_t cp = (unsigned char)s[i];
			if (len > 1)
				utf8_decode(s + i, n - i, &cp);
			w = draw_cp_columns(cp, len);
		} else {
			w = 4 * (int)len;
		}
		if (col + w > width)
			return blank ? blank : (i ? i : len);
		if (s[i] == ' ')
			blank = i + 1;
		col += w;
		i += len;
	}
	return n;
}

/* Calls fn for each screen line; returns how many there are. */
static int wrapped(struct text_view *tv, int width,
		   void (*fn)(const char *, size_t, enum element, int, int, void *), void *arg)
{
	int k = 0;
	for (int i = 0; i < tv->n; i++) {
		const char *s = tv->lines[i];
		int hang = 0;
		do {
			size_t take = fit(s, width - hang);
			if (fn)
				fn(s, take, tv->styles[i].el, hang, k, arg);
			k++;
			s += take;
			while (hang && *s == ' ')
				s++; /* a continuation starts at its word */
			if (tv->styles[i].hang < width / 2)
				hang = tv->styles[i].hang;
		} while (*s);
	}
	return k;
}

struct draw_ctx {
	struct text_view *tv;
	int top;
};

static void draw_one(const char *s, size_t n, enum element el, int hang, int k, void *arg)
{
	struct draw_ctx *c = arg;
	if (k < c->tv->l.top || k >= c->tv->l.top + c->tv->rows)
		return;
	char buf[1024];
	size_t m = n < sizeof buf - 1 ? n : sizeof buf - 1;
	memcpy(buf, s, m);
	buf[m] = '\0';
	draw_text(c->top + k - c->tv->l.top, 1 + hang, COLS - 2 - hang, buf, el, 0);
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	(void)a;
	struct text_view *tv = v->data;
	tv->rows = rows;
	tv->l.count = wrapped(tv, COLS - 2, NULL, NULL);
	/* the cursor is the top line here: a page scrolls, nothing is selected */
	if (tv->l.top > tv->l.count - rows)
		tv->l.top = tv->l.count - rows;
	if (tv->l.top < 0)
		tv->l.top = 0;
	struct draw_ctx c = {tv, top};
	wrapped(tv, COLS - 2, draw_one, &c);
}

static int key(struct app *a, struct view *v, enum action act)
{
	(void)a;
	struct text_view *tv = v->data;
	struct list l = {tv->l.top, tv->l.top, tv->l.count};
	int max_top = tv->l.count - tv->rows > 0 ? tv->l.count - tv->rows : 0;
	switch (act) {
	case ACT_MOVE_DOWN: l.top++; break;
	case ACT_MOVE_UP: l.top--; break;
	case ACT_MOVE_FIRST: l.top = 0; break;
	case ACT_MOVE_LAST: l.top = max_top; break;
	case ACT_PAGE_DOWN: l.top += tv->rows - 1; break;
	case ACT_PAGE_UP: l.top -= tv->rows - 1; break;
	case ACT_HALF_DOWN: l.top += tv->rows / 2; break;
	case ACT_HALF_UP: l.top -= tv->rows / 2; break;
	default: return 0;
	}
	tv->l.top = l.top < 0 ? 0 : l.top > max_top ? max_top : l.top;
	return 1;
}

/* The screen line line i of tv begins on, in width columns. */
struct row_of {
	int line, row;
	const struct text_view *tv;
};

static void find_row(const char *s, size_t n, enum element el, int hang, int k, void *arg)
{
	(void)s, (void)n, (void)el, (void)hang;
	struct row_of *r = arg;
	/* the k-th screen line: which logical line is it? (the first time
	 * each is met, in order) */
	if (r->row < 0 && s == r->tv->lines[r->line])
		r->row = k;
}

static int first_row(struct text_view *tv, int i)
{
	struct row_of r = {i, -1, tv};
	wrapped(tv, COLS - 2, find_row, &r);
	return r.row < 0 ? 0 : r.row;
}

static int search(struct app *a, struct view *v, const char *needle, int dir)
{
	(void)a;
	struct text_view *tv = v->data;
	char want[256], hay[1024];
	utf8_fold(needle, strlen(needle), want, sizeof want);
	/* from the logical line at the top of the page (lines wrap: a page's
	 * top is a screen line) */
	int at = 0;
	while (at + 1 < tv->n && first_row(tv, at + 1) <= tv->l.top)
		at++;
	for (int k = 1; k <= tv->n; k++) {
		int i = ((at + dir * k) % tv->n + tv->n) % tv->n;
		utf8_fold(tv->lines[i], strlen(tv->lines[i]), hay, sizeof hay);
		if (strstr(hay, want)) {
			tv->l.top = first_row(tv, i);
			return 1;
		}
	}
	return 0;
}

static void close_view(struct view *v)
{
	struct text_view *tv = v->data;
	for (int i = 0; i < tv->n; i++)
		free(tv->lines[i]);
	free(tv->lines);
	free(tv->styles);
	free(tv);
	free(v);
}

static void add_line_hanging(struct text_view *tv, const char *s, size_t n, enum element el, int hang)
{
	char **nl = realloc(tv->lines, (size_t)(tv->n + 1) * sizeof *nl);
	struct line_style *ns = realloc(tv->styles, (size_t)(tv->n + 1) * sizeof *ns);
	if (!nl || !ns)
		abort();
	tv->lines = nl, tv->styles = ns;
	char *d = malloc(n + 1);
	if (!d)
		abort();
	memcpy(d, s, n);
	d[n] = '\0';
	tv->lines[tv->n] = d;
	tv->styles[tv->n++] = (struct line_style){el, hang};
}

static void add_line(struct text_view *tv, const char *s, size_t n, enum element el)
{
	add_line_hanging(tv, s, n, el, 0);
}

void view_entry_append(struct view *v, const char *text)
{
	struct text_view *tv = v->data;
	do {
		size_t n = strcspn(text, "\n");
		size_t keep = n && text[n - 1] == '\r' ? n - 1 : n;
		add_line(tv, text, keep, EL_DEFAULT);
		text += n;
		if (*text == '\n')
			text++;
		else
			break;
	} while (1);
}

static const struct view_ops entry_ops = {VIEW_ENTRY, title, draw, key, search, close_view};
static const struct view_ops help_ops = {VIEW_HELP, title, draw, key, search, close_view};

static struct view *text_view(const struct view_ops *ops, const char *name)
{
	struct view *v = calloc(1, sizeof *v);
	struct text_view *tv = calloc(1, sizeof *tv);
	if (!v || !tv)
		abort();
	snprintf(tv->title, sizeof tv->title, "%s", name);
	tv->rows = 1;
	v->ops = ops;
	v->data = tv;
	return v;
}

struct view *view_entry_new(struct app *a, const char *const *lines, int n, const char *name)
{
	(void)a;
	struct view *v = text_view(&entry_ops, name);
	for (int i = 0; i < n; i++)
		view_entry_append(v, lines[i]);
	return v;
}

/* ---- help: made from the live keymap ------------------------------------ */

#include <stdio.h>

#include "keymap.h"

/* The actions of `view` (the generic ones: VIEW_GENERIC), with the keys
 * that run them in the view `in`, where the help was asked for. */
static void help_section(struct view *v, enum view_id view, enum view_id in, const char *heading)
{
	struct text_view *tv = v->data;
	add_line(tv, heading, strlen(heading), EL_PANE_TITLE);
	for (int act = 1; act < ACT_COUNT; act++) {
		if (action_table[act].view != view)
			continue;
		char keys[96], line[256];
		keymap_keys_of(view == VIEW_GENERIC ? in : view, (enum action)act, keys, sizeof keys);
		int at = snprintf(line, sizeof line, "  %-18s %-16s ", *keys ? keys : "(not bound here)",
				  action_table[act].name);
		snprintf(line + at, sizeof line - (size_t)at, "%s", action_table[act].help);
		add_line_hanging(tv, line, strlen(line), *keys ? EL_DEFAULT : EL_MUTED, at); /* under the help */
	}
	add_line(tv, "", 0, EL_DEFAULT);
}

struct view *view_help_new(struct app *a, enum view_id from)
{
	(void)a;
	struct view *v = text_view(&help_ops, "help");
	static const char *const headings[] = {
		"Keys everywhere", "Keys in the queue", "Keys in an account", "Keys in an entry", "Keys in the help",
		"Keys in the plan editor", "Keys in the find list",
		"Keys in the task list", "Keys in the dashboard", "Keys in the bank's credits"};
	_Static_assert(sizeof headings / sizeof *headings == VIEW_COUNT, "a heading for each view");
	enum view_id in = from == VIEW_HELP ? VIEW_GENERIC : from;
	static char generic_heading[64];
	snprintf(generic_heading, sizeof generic_heading, "%s%s", headings[VIEW_GENERIC],
		 in == VIEW_GENERIC ? "" : " (as they work here)");
	if (in != VIEW_GENERIC)
		help_section(v, in, in, headings[in]);
	help_section(v, VIEW_GENERIC, in, generic_heading);
	for (int other = VIEW_QUEUE; other < VIEW_COUNT; other++)
		if (other != (int)in && other != VIEW_ENTRY && other != VIEW_HELP)
			help_section(v, (enum view_id)other, (enum view_id)other, headings[other]);
	struct text_view *tv = v->data;
	static const char heading[] = "Commands (press :)";
	add_line(tv, heading, strlen(heading), EL_PANE_TITLE);
	for (size_t i = 0; app_commands[i].usage; i++) {
		char line[256];
		int at = snprintf(line, sizeof line, "  %-22s ", app_commands[i].usage);
		snprintf(line + at, sizeof line - (size_t)at, "%s", app_commands[i].help);
		add_line_hanging(tv, line, strlen(line), EL_DEFAULT, at);
	}
	static const char *const notes[] = {
		"",
		"Flags: B broken promise, M missed installment, D dispute, F follow-up due.",
		"Keys and colours are set in ~/.config/relance/relancerc (see relancerc(5)).",
	};
	for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
		add_line(tv, notes[i], strlen(notes[i]), EL_DEFAULT);
	return v;
}
