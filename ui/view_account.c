/* view_account.c — one account: identity and contact, figures and aging
 * bars, the block of what was agreed (commitments_ui.c), the open items
 * pane and the history pane (Tab between them), the next and previous
 * account of the queue with ] and [. Everything is read
 * through the engine once when the account opens: keys then only move. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank/lib.h"
#include "book/lib.h"
#include "work/lib.h"
#include "call_ui.h"
#include "commitments_ui.h"
#include "dunning_ui.h"
#include "base/lib.h"
#include "config.h"
#include "editor.h"
#include "spawn.h"
#include "form.h"
#include "keymap.h"
#include "app.h"
#include "draw.h"

static int key_move(struct app *a, struct view *v, enum action act);

struct item {
	char *no, *kind, *issue, *due, *status;
	char dunning[24]; /* level and next step (dunning_item_label) */
	int64_t amount, open;
	int days;
};

struct entry {
	char *id, *at, *type, *user, *summary, *body, *detail, *invoice, *corrects;
	char *copy; /* the copy of the book that made it: its name, else its id's last 8 */
	char when[17]; /* at, as the pane shows it: local time (entry_when) */
	/* a correction: the type, time and summary of what it corrects
	 * (corrects_type NULL: it corrects nothing) */
	char *corrects_type, *corrects_at, *corrects_summary;
	char *corrected_at, *corrected_by; /* its latest correction's time and "type: summary" (NULL: none) */
	int corrected_n;
	char mark[64];      /* "corrects note 11-21 09:30", "corrected 11-24 10:00" (entry_when) */
};

enum { PANE_ITEMS, PANE_HISTORY };

/* Columns of the aging chart at the right of the summary. */
#define AGING_WIDTH (COLS >= 110 ? 44 : 32)

struct account_view {
	struct account acc;
	int has_figures;
	int64_t open, overdue, disputed, current, b[4];
	int64_t unapplied; /* the bank's credit left on the account */
	int oldest;
	char currency[8];
	struct item *items;
	struct entry *hist;
	struct commit_block commit;
	struct list li, lh;
	int pane, rows_items, rows_hist;
	int consumer; /* follows a consumer procedure: calling hours are limited */
	char type[16];
	char title[160];
	char when_zone[64]; /* settings.time_zone when the entries' `when` were made */
};

static void free_history(struct account_view *av)
{
	for (int i = 0; i < av->lh.count; i++) {
		struct entry *e = &av->hist[i];
		free(e->id), free(e->at), free(e->type), free(e->user), free(e->summary);
		free(e->body), free(e->detail), free(e->invoice), free(e->corrects), free(e->copy);
		free(e->corrects_type), free(e->corrects_at), free(e->corrects_summary), free(e->corrected_at);
		free(e->corrected_by);
	}
	free(av->hist);
	av->hist = NULL;
}

static void free_data(struct account_view *av)
{
	for (int i = 0; i < av->li.count; i++) {
		struct item *it = &av->items[i];
		free(it->no), free(it->kind), free(it->issue), free(it->due), free(it->status);
	}
	free(av->items);
	free_history(av);
	commit_block_free(&av->commit);
	av->items = NULL, av->hist = NULL;
	av->li.count = av->lh.count = 0;
	account_free(&av->acc);
}

static void take_figures(const struct account_summary *s, void *arg)
{
	struct account_view *av = arg;
	if (av->has_figures)
		return; /* several currencies: the first is shown */
	av->has_figures = 1;
	av->open = s->open, av->overdue = s->overdue, av->disputed = s->disputed;
	av->current = s->current, av->b[0] = s->d1_30, av->b[1] = s->d31_60;
	av->b[2] = s->d61_90, av->b[3] = s->d90_plus, av->oldest = s->oldest_days;
	snprintf(av->currency, sizeof av->currency, "%s", s->currency);
}

static void take_item(const struct open_item *it, void *arg)
{
	struct account_view *av = arg;
	struct item *n = realloc(av->items, (size_t)(av->li.count + 1) * sizeof *n);
	if (!n)
		abort();
	av->items = n;
	n[av->li.count++] = (struct item){xstrdup(it->invoice_no), xstrdup(it->kind), xstrdup(it->issue_date),
					   xstrdup(it->due_date), xstrdup(it->status), "", it->amount, it->open,
					   it->days_past_due};
}

/* A stored time as the pane shows it: local (relancerc's time-zone, else
 * TZ; stored in UTC). */
static void local_when(const char *at, char when[17])
{
	struct local_time lt;
	if (time_local(at, settings.time_zone, &lt))
		snprintf(when, 17, "%.16s", at);
	else
		snprintf(when, 17, "%s", lt.when);
}

/* The time of an entry in the pane, local; a payment's day as the ledger
 * gives it (no time). With it, the mark of a correction or of an entry
 * corrected, in the same time. */
static void entry_when(struct entry *e)
{
	if (!strcmp(e->type, "payment"))
		snprintf(e->when, sizeof e->when, "%.10s", e->at);
	else
		local_when(e->at, e->when);
	char w[17];
	e->mark[0] = '\0';
	if (e->corrects_type) {
		local_when(e->corrects_at, w);
		snprintf(e->mark, sizeof e->mark, "corrects %s %s", e->corrects_type, w + 5);
	} else if (e->corrected_at) {
		local_when(e->corrected_at, w);
		if (e->corrected_n > 1)
			snprintf(e->mark, sizeof e->mark, "corrected %d times, last %s", e->corrected_n, w + 5);
		else
			snprintf(e->mark, sizeof e->mark, "corrected %s", w + 5);
	}
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void take_entry(const struct history_entry *e, void *arg)
{
	struct account_view *av = arg;
	struct entry *n = realloc(av->hist, (size_t)(av->lh.count + 1) * sizeof *n);
	if (!n)
		abort();
	av->hist = n;
	char summary[512], copy[160];
	history_summary(e, summary, sizeof summary);
	history_copy_label(e, copy, sizeof copy);
	n[av->lh.count] = (struct entry){xstrdup(e->id), xstrdup(e->at), xstrdup(e->type), xstrdup(e->user), xstrdup(summary),
					  xstrdup(e->body), xstrdup(e->detail), xstrdup(e->invoice_no), xstrdup(e->corrects),
					  xstrdup(copy), "", dup_or_null(e->corrects_type), dup_or_null(e->corrects_at),
					  dup_or_null(e->corrects_summary), dup_or_null(e->corrected_at),
					  dup_or_null(e->corrected_by), e->corrected_n, ""};
	entry_when(&n[av->lh.count++]);
}

static void load_history(struct app *a, struct account_view *av)
{
	free_history(av);
	av->lh = (struct list){0, 0, 0};
	history_list(a->book->db, av->acc.account_no, av->type[0] ? av->type : NULL, 0, -1, take_entry, av);
	snprintf(av->when_zone, sizeof av->when_zone, "%s", settings.time_zone);
}

/* Reads the account; 0 when it is not in the book. */
static int load(struct app *a, struct account_view *av, const char *account_no)
{
	free_data(av);
	av->has_figures = 0;
	if (account_load(a->book->db, account_no, &av->acc) <= 0)
		return 0;
	struct account_filter f = {.account_no = av->acc.account_no};
	ledger_accounts(a->book->db, a->today, &f, take_figures, av);
	av->unapplied = bank_unapplied(a->book->db, av->acc.account_no);
	av->li = (struct list){0, 0, 0};
	ledger_items(a->book->db, av->acc.account_no, a->today, 0, take_item, av);
	struct dun_account dun;
	av->consumer = 0;
	if (dunning_account(a->book->db, av->acc.account_no, a->today, &dun) == 0) {
		for (int i = 0; i < av->li.count; i++)
			dunning_item_label(&dun, av->items[i].no, av->items[i].dunning, sizeof av->items[i].dunning);
		av->consumer = dun.proc.consumer;
		commit_block_load(a, &av->commit, av->acc.account_no, &dun);
		dunning_account_free(&dun);
	} else {
		commit_block_load(a, &av->commit, av->acc.account_no, NULL);
	}
	load_history(a, av);
	snprintf(av->title, sizeof av->title, "account %s", av->acc.account_no);
	return 1;
}

static const char *title(struct app *a, struct view *v)
{
	(void)a;
	return ((struct account_view *)v->data)->title;
}

/* One "label value" of the summary. */
struct pair {
	const char *label;
	char value[512];
	enum element el;
};

static void add_pair(struct pair *p, int *n, const char *label, const char *value, enum element el)
{
	if (!value || !*value)
		return;
	p[*n].label = label;
	snprintf(p[*n].value, sizeof p[*n].value, "%s", value);
	p[*n].el = el;
	(*n)++;
}

/* The summary's pairs flow over its lines by width, each whole on a line
 * (a pair wider than the line alone is cut with an ellipsis), the figures
 * first so that they are never the ones left out; what does not fit on
 * the last line is marked there. */
static void draw_summary(struct account_view *av, int top)
{
	const struct account *c = &av->acc;
	int right = COLS - AGING_WIDTH - 1;
	char line[512], m1[32];
	int x = draw_text(top, 0, right, c->account_no, EL_PANE_TITLE, 0);
	draw_text(top, x + 2, right - x - 2, c->name, EL_PANE_TITLE, 0);
	struct pair p[16];
	int n = 0;
	money_format_grouped(av->open, m1, sizeof m1);
	add_pair(p, &n, "open", m1, EL_DEFAULT);
	money_format_grouped(av->overdue, m1, sizeof m1);
	add_pair(p, &n, "overdue", m1, av->overdue ? EL_OVERDUE : EL_DEFAULT);
	if (av->disputed) {
		money_format_grouped(av->disputed, m1, sizeof m1);
		add_pair(p, &n, "disputed", m1, EL_DISPUTED);
	}
	if (av->unapplied > 0) {
		money_format_grouped(av->unapplied, m1, sizeof m1);
		add_pair(p, &n, "unapplied credit", m1, EL_DEFAULT);
	}
	if (av->oldest) {
		snprintf(line, sizeof line, "%d day%s", av->oldest, av->oldest == 1 ? "" : "s");
		add_pair(p, &n, "oldest", line, EL_DEFAULT);
	}
	if (c->has_credit_limit) {
		money_format_grouped(c->credit_limit, m1, sizeof m1);
		if (c->credit_limit > 0)
			snprintf(line, sizeof line, "%s, used %lld%%", m1, (long long)(av->open * 100 / c->credit_limit));
		else
			snprintf(line, sizeof line, "%s", m1);
		add_pair(p, &n, "credit limit", line, EL_DEFAULT);
	}
	add_pair(p, &n, "contact", c->contact, EL_DEFAULT);
	add_pair(p, &n, "phone", c->phone, EL_DEFAULT);
	add_pair(p, &n, "e-mail", c->email, EL_DEFAULT);
	add_pair(p, &n, "language", c->language, EL_DEFAULT);
	add_pair(p, &n, "segment", c->segment, EL_DEFAULT);
	add_pair(p, &n, "collector", c->collector_name, EL_DEFAULT);
	add_pair(p, &n, "VAT", c->vat_no, EL_DEFAULT);
	snprintf(line, sizeof line, "%s%s%s", c->postcode, *c->postcode ? " " : "", c->city);
	add_pair(p, &n, "city", line, EL_DEFAULT);
	int y = top + 1, last = top + 5;
	x = 0;
	for (int i = 0; i < n; i++) {
		int w = draw_width(p[i].label) + 1 + draw_width(p[i].value);
		if (x > 0 && x + w > right) {
			y++, x = 0;
		}
		if (y > last) {
			/* no room for the rest: say so at the end of the last line */
			draw_text(last, right - 1, 1, draw_is_ascii() ? "~" : "\u2026", EL_MUTED, 0);
			break;
		}
		x += draw_text(y, x, right - x, p[i].label, EL_LABEL, 0) + 1;
		x += draw_text(y, x, right - x, p[i].value, p[i].el, 0) + 2;
	}
	/* aging: one bar a bucket, scaled to the largest */
	static const char *const labels[5] = {"current", "1-30", "31-60", "61-90", "90+"};
	int64_t v[5] = {av->current, av->b[0], av->b[1], av->b[2], av->b[3]}, max = 1;
	for (int i = 0; i < 5; i++)
		if (v[i] > max)
			max = v[i];
	int bx = COLS - AGING_WIDTH, bar = AGING_WIDTH - 8 - 13 - 1;
	snprintf(line, sizeof line, "aging%s%s", *av->currency ? " " : "", av->currency);
	draw_text(top, bx, AGING_WIDTH, line, EL_LABEL, 0);
	for (int i = 0; i < 5; i++) {
		draw_text(top + 1 + i, bx, 8, labels[i], EL_LABEL, 0);
		int cells = v[i] > 0 ? (int)(v[i] * bar / max) : 0;
		if (v[i] > 0 && cells == 0)
			cells = 1;
		draw_bar(top + 1 + i, bx + 8, cells, i == 0 ? EL_BAR : EL_OVERDUE);
		money_format_grouped(v[i], m1, sizeof m1);
		draw_text_right(top + 1 + i, bx + 8 + bar + 1, 13, m1, EL_AMOUNT);
	}
}

static void draw_items(struct account_view *av, int top, int rows)
{
	char t[64];
	snprintf(t, sizeof t, "%s Open items (%d)", av->pane == PANE_ITEMS ? ">" : " ", av->li.count);
	draw_text(top, 0, COLS, t, EL_PANE_TITLE, 1);
	static const char *const head[] = {"Invoice", "Issued", "Due", "Amount", "Open", "Days", "Status", "Dunning"};
	static const int w[] = {12, 10, 10, 13, 13, 5, 9, 12};
	int x = 2;
	draw_fill(top + 1, 0, COLS, EL_HEADER);
	for (int k = 0; k < 8; k++) {
		if (k >= 3 && k <= 5)
			draw_text_right(top + 1, x, w[k], head[k], EL_HEADER);
		else
			draw_text(top + 1, x, w[k], head[k], EL_HEADER, 0);
		x += w[k] + 1;
	}
	av->rows_items = rows - 2;
	list_fit(&av->li, av->rows_items);
	if (av->li.count == 0)
		draw_text(top + 2, 2, COLS - 4, "no open items", EL_MUTED, 0);
	for (int i = 0; i < av->rows_items && av->li.top + i < av->li.count; i++) {
		int idx = av->li.top + i, y = top + 2 + i;
		const struct item *it = &av->items[idx];
		int sel = idx == av->li.cursor;
		enum element base = sel ? (av->pane == PANE_ITEMS ? EL_CURSOR : EL_CURSOR_INACTIVE)
				       : !strcmp(it->status, "disputed") ? EL_DISPUTED : EL_DEFAULT;
		if (sel)
			draw_line_background(y, base);
		char amt[32], open[32], days[16];
		money_format_grouped(it->amount, amt, sizeof amt);
		money_format_grouped(it->open, open, sizeof open);
		snprintf(days, sizeof days, "%d", it->days);
		const char *cells[] = {it->no, it->issue, it->due, amt, open, days,
				       !strcmp(it->kind, "credit_note") ? "credit" : it->status, it->dunning};
		x = 2;
		for (int k = 0; k < 8; k++) {
			enum element el = base;
			if (!sel && k == 5 && it->days > 0)
				el = EL_OVERDUE;
			if (k >= 3 && k <= 5)
				draw_text_right(y, x, w[k], cells[k], el);
			else
				draw_text(y, x, w[k], cells[k], el, 0);
			x += w[k] + 1;
		}
	}
}

static void draw_history(struct account_view *av, int top, int rows)
{
	char t[96];
	snprintf(t, sizeof t, "%s History (%d)%s%s", av->pane == PANE_HISTORY ? ">" : " ", av->lh.count,
		 av->type[0] ? ", only " : "", av->type);
	draw_text(top, 0, COLS, t, EL_PANE_TITLE, 1);
	av->rows_hist = rows - 1;
	list_fit(&av->lh, av->rows_hist);
	if (strcmp(av->when_zone, settings.time_zone)) { /* :set time-zone shows at once */
		for (int i = 0; i < av->lh.count; i++)
			entry_when(&av->hist[i]);
		snprintf(av->when_zone, sizeof av->when_zone, "%s", settings.time_zone);
	}
	if (av->lh.count == 0)
		draw_text(top + 1, 2, COLS - 4, "no history", EL_MUTED, 0);
	for (int i = 0; i < av->rows_hist && av->lh.top + i < av->lh.count; i++) {
		int idx = av->lh.top + i, y = top + 1 + i;
		const struct entry *e = &av->hist[idx];
		int sel = idx == av->lh.cursor;
		enum element base = sel ? (av->pane == PANE_HISTORY ? EL_CURSOR : EL_CURSOR_INACTIVE) : EL_DEFAULT;
		if (sel)
			draw_line_background(y, base);
		draw_text(y, 2, 16, e->when, sel ? base : EL_MUTED, 0);
		draw_text(y, 19, 8, e->type, base, 0);
		draw_text(y, 28, 9, e->user, sel ? base : EL_MUTED, 0);
		int x = 38;
		if (e->mark[0]) /* which entry it corrects, or that it was corrected: before the summary */
			x += draw_text(y, x, COLS - x, e->mark, sel ? base : EL_LABEL, 0) + 1;
		if (x < COLS)
			draw_text(y, x, COLS - x, e->summary, base, 0);
	}
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	struct account_view *av = v->data;
	draw_summary(av, top);
	/* what was agreed: a few lines, the open items and history keep the rest */
	int block = commit_block_draw(a, &av->commit, top + 6, rows / 7);
	top += block;
	int rest = rows - 6 - block;
	int items = rest * 2 / 5;
	if (items < 4)
		items = 4;
	draw_items(av, top + 6, items);
	draw_history(av, top + 6 + items, rest - items);
}

/* The whole entry as lines of text, wrapped to the screen. */
struct entry_text {
	const char *lines[48];
	char buf[48][512];
	int n;
};

static void entry_line(struct entry_text *t, const char *fmt, ...)
{
	if (t->n == 48)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->buf[t->n], sizeof t->buf[0], fmt, ap);
	va_end(ap);
	t->lines[t->n] = t->buf[t->n];
	t->n++;
}

/* A field of the detail, in words; its times local like the pane's. */
static void entry_field(const char *label, const char *value, int is_time, void *arg)
{
	struct local_time lt;
	if (is_time && time_local(value, settings.time_zone, &lt) == 0)
		value = lt.when;
	entry_line(arg, "%-9s %s", label, value);
}

/* "2026-11-24 09:00 (Europe/Brussels; stored 08:00 UTC)": the local time
 * and the UTC the book keeps. */
static void entry_when_line(struct entry_text *t, const struct entry *e)
{
	struct local_time lt;
	if (!strcmp(e->type, "payment"))
		entry_line(t, "when      %.10s", e->at); /* a day */
	else if (time_local(e->at, settings.time_zone, &lt))
		entry_line(t, "when      %s", e->at);
	else if (lt.offset == 0 && (!strcmp(lt.zone, "UTC") || !strcmp(lt.zone, "Etc/UTC")))
		entry_line(t, "when      %s UTC (as stored)", lt.when);
	else
		entry_line(t, "when      %s (%s; stored %s UTC)", lt.when, lt.zone,
			   strncmp(lt.when, lt.utc, 10) ? lt.utc : lt.utc + 11);
}

static void open_entry(struct app *a, struct account_view *av)
{
	if (av->lh.count == 0)
		return;
	const struct entry *e = &av->hist[av->lh.cursor];
	struct entry_text *t = calloc(1, sizeof *t);
	if (!t)
		abort();
	entry_when_line(t, e);
	entry_line(t, "type      %s", e->type);
	entry_line(t, "by        %s", e->user);
	if (*e->copy)
		entry_line(t, "copy      %s", e->copy);
	if (*e->invoice)
		entry_line(t, "invoice   %s", e->invoice);
	/* a call's outcome completes its start: the start is in its fields */
	if (e->corrects_type) {
		char w[17];
		local_when(e->corrects_at, w);
		entry_line(t, "corrects  the %s of %s (entry %s):", e->corrects_type, w, uid_short(e->corrects));
		entry_line(t, "          %s", e->corrects_summary ? e->corrects_summary : "");
	}
	if (e->corrected_at) {
		char w[17];
		local_when(e->corrected_at, w);
		entry_line(t, "corrected %s%s:", w, e->corrected_n > 1 ? " (the latest of its corrections)" : "");
		entry_line(t, "          %s", e->corrected_by ? e->corrected_by : "");
	}
	entry_line(t, "id        %s", e->id);
	entry_line(t, "%s", "");
	int head = t->n;
	/* a long note's summary is its body's first line: shown once, in the body */
	if (!*e->body || strncmp(e->body, e->summary, strlen(e->summary)))
		entry_line(t, "%s", e->summary);
	history_detail(a->book->db, e->detail, entry_field, t);
	struct view *ev = view_entry_new(a, t->lines, t->n, "entry");
	if (ev && *e->body) {
		/* the body keeps its own lines: the entry view wraps them */
		if (t->n > head)
			view_entry_append(ev, "");
		view_entry_append(ev, e->body);
	}
	free(t);
	app_push(a, ev);
}

/* ---- writes: each a form, saved through the engine in one transaction ---- */

struct write_ctx {
	struct account_view *av;
	const char *invoice; /* the selected item, for disputes */
};

static int64_t amount_of(const char *s)
{
	int64_t c = 0;
	money_parse(s, strlen(s), MARK_UNKNOWN, &c);
	return c;
}

static day_t day_of(const char *s)
{
	day_t d = 0;
	date_parse(s, strlen(s), DATE_ISO, &d);
	return d;
}

static int save_note(struct app *a, struct form *f, void *arg)
{
	struct write_ctx *w = arg;
	struct journal_entry e = {w->av->acc.account_no, "note", a->user, NULL, f->fields[0].value, NULL, NULL, NULL};
	return journal_add(a->book, &e, NULL);
}

static int save_task(struct app *a, struct form *f, void *arg)
{
	struct write_ctx *w = arg;
	return task_add(a->book, a->user, w->av->acc.account_no, day_of(f->fields[0].value), f->fields[1].value, NULL);
}

static int save_promise(struct app *a, struct form *f, void *arg)
{
	struct write_ctx *w = arg;
	struct promise_request r = {w->av->acc.account_no, amount_of(f->fields[0].value), day_of(f->fields[1].value),
				    f->fields[2].value[0] ? f->fields[2].value : NULL,
				    f->fields[3].value[0] ? f->fields[3].value : NULL};
	return promise_add(a->book, a->user, &r, NULL);
}

static int save_dispute(struct app *a, struct form *f, void *arg)
{
	struct write_ctx *w = arg;
	return dispute_open(a->book, a->user, w->invoice, f->fields[0].value,
			    f->fields[1].value[0] ? f->fields[1].value : NULL);
}

static int save_resolve(struct app *a, struct form *f, void *arg)
{
	struct write_ctx *w = arg;
	return dispute_resolve(a->book, a->user, w->invoice, f->fields[0].value,
			       f->fields[1].value[0] ? f->fields[1].value : NULL);
}

#define MAX_TASKS 32

struct open_tasks {
	char ids[MAX_TASKS][UID_LEN + 1];
	char labels[MAX_TASKS][160];
	const char *choices[MAX_TASKS + 1];
	int n;
};

static void take_task(const char *id, const char *due, const char *text, void *arg)
{
	struct open_tasks *t = arg;
	if (t->n == MAX_TASKS)
		return;
	snprintf(t->ids[t->n], sizeof t->ids[0], "%s", id);
	snprintf(t->labels[t->n], sizeof t->labels[0], "%s %s", due, text);
	t->choices[t->n] = t->labels[t->n];
	t->n++;
	t->choices[t->n] = NULL;
}

static struct open_tasks *tasks_shown;

static int save_task_done(struct app *a, struct form *f, void *arg)
{
	(void)arg;
	for (int i = 0; i < tasks_shown->n; i++)
		if (!strcmp(tasks_shown->labels[i], f->fields[0].value))
			return task_done(a->book, a->user, tasks_shown->ids[i]);
	return 1;
}

static int save_snooze(struct app *a, struct form *f, void *arg)
{
	struct write_ctx *w = arg;
	return task_snooze(a->book, a->user, w->av->acc.account_no, day_of(f->fields[0].value));
}

static int chosen(struct app *a, struct form *f, void *arg)
{
	(void)a, (void)f, (void)arg;
	return 0;
}

/* The number to call: the only one, or the one chosen when the account
 * has several (separated by ';' or ','). Returns 0, or 1 when cancelled. */
static int choose_number(struct app *a, const char *phones, char *out, size_t size)
{
	static char numbers[8][64];
	static const char *choices[9];
	int n = 0;
	const char *p = phones;
	while (*p && n < 8) {
		size_t len = strcspn(p, ";,");
		while (len && p[len - 1] == ' ')
			len--;
		if (len)
			snprintf(numbers[n], sizeof numbers[n], "%.*s", (int)len, p), choices[n] = numbers[n], n++;
		p += strcspn(p, ";,");
		while (*p == ';' || *p == ',' || *p == ' ')
			p++;
	}
	choices[n] = NULL;
	if (n <= 1) {
		snprintf(out, size, "%s", n ? numbers[0] : "");
		return 0;
	}
	struct field fl[] = {{"Number", FIELD_CHOICE, 1, choices, ""}};
	snprintf(fl[0].value, sizeof fl[0].value, "%s", numbers[0]);
	struct form f = {"Which number? (Left/Right)", fl, 1};
	if (!form_run(a, &f, chosen, NULL))
		return 1;
	snprintf(out, size, "%.*s", (int)(size - 1), fl[0].value);
	return 0;
}

/* Runs a form and, once saved, shows the account and the queue again. */
static int write_form(struct app *a, struct view *v, struct form *f, int (*save)(struct app *, struct form *, void *),
		      const char *invoice, const char *done)
{
	struct account_view *av = v->data;
	struct write_ctx w = {av, invoice};
	if (!form_run(a, f, save, &w))
		return 0;
	char no[80];
	snprintf(no, sizeof no, "%s", av->acc.account_no);
	app_account_changed(a, no);
	app_message(a, 0, "%s", done);
	return 1;
}

/* After a write made outside write_form: the queue and the account again,
 * the message kept. */
static void reread(struct app *a, struct view *v)
{
	struct account_view *av = v->data;
	char no[80], msg[256];
	int err = a->status_error;
	snprintf(no, sizeof no, "%s", av->acc.account_no);
	snprintf(msg, sizeof msg, "%s", a->status);
	app_account_changed(a, no);
	app_message(a, err, "%s", msg);
}

static const char *selected_invoice(struct account_view *av)
{
	if (av->pane != PANE_ITEMS || av->li.count == 0)
		return NULL;
	return av->items[av->li.cursor].no;
}

static void write_action(struct app *a, struct view *v, enum action act)
{
	struct account_view *av = v->data;
	char day[11];
	switch (act) {
	case ACT_NOTE: {
		struct field fl[] = {{"Note", FIELD_TEXT, 1, NULL, ""}};
		struct form f = {"Note", fl, 1};
		write_form(a, v, &f, save_note, NULL, "note added");
		break;
	}
	case ACT_LONG_NOTE: {
		const char *why = NULL;
		char *text = editor_text(&why);
		if (!text) {
			app_message(a, 0, "%s", why);
			break;
		}
		char summary[100]; /* the first line, shortened, sums it up */
		snprintf(summary, sizeof summary, "%.*s", (int)strcspn(text, "\n"), text);
		struct journal_entry e = {av->acc.account_no, "note", a->user, NULL, summary, text, NULL, NULL};
		if (journal_add(a->book, &e, NULL) == 0) {
			char no[80];
			snprintf(no, sizeof no, "%s", av->acc.account_no);
			app_account_changed(a, no);
			app_message(a, 0, "note added");
		}
		free(text);
		break;
	}
	case ACT_SNOOZE: {
		struct field fl[] = {{"Until", FIELD_DATE_FUTURE, 1, NULL, ""}};
		date_iso(a->today + 7, fl[0].value);
		struct form f = {"Snooze the account (back on this day)", fl, 1};
		if (write_form(a, v, &f, save_snooze, NULL, "snoozed"))
			app_message(a, 0, "snoozed until %s", fl[0].value); /* the day as read, "+2w" or not */
		break;
	}
	case ACT_TASK_DONE: {
		struct open_tasks t = {.n = 0};
		t.choices[0] = NULL;
		task_list_open(a->book->db, av->acc.account_no, take_task, &t);
		if (t.n == 0) {
			app_message(a, 1, "no open task on this account");
			break;
		}
		struct field fl[] = {{"Task", FIELD_CHOICE, 1, t.choices, ""}};
		snprintf(fl[0].value, sizeof fl[0].value, "%s", t.labels[0]);
		struct form f = {"Mark a task done (Left/Right: which)", fl, 1};
		tasks_shown = &t;
		write_form(a, v, &f, save_task_done, NULL, "task done");
		tasks_shown = NULL;
		break;
	}
	case ACT_TASK: {
		struct field fl[] = {{"Date", FIELD_DATE_FUTURE, 1, NULL, ""}, {"Text", FIELD_TEXT, 1, NULL, ""}};
		date_iso(a->today + 7, fl[0].value);
		struct form f = {"Follow-up task", fl, 2};
		write_form(a, v, &f, save_task, NULL, "follow-up task added");
		break;
	}
	case ACT_PROMISE: {
		if (!strcmp(av->commit.c.promise.status, "open")) { /* the open one, to change or cancel */
			if (commit_promise_change(a, &av->commit, av->acc.account_no))
				reread(a, v);
			break;
		}
		/* Invoices: empty, the oldest open ones up to the amount */
		struct field fl[] = {{"Amount", FIELD_AMOUNT, 1, NULL, ""}, {"Date", FIELD_DATE_FUTURE, 1, NULL, ""},
				     {"Invoices", FIELD_TEXT, 0, NULL, ""}, {"Note", FIELD_TEXT, 0, NULL, ""}};
		money_format(av->overdue, fl[0].value, sizeof fl[0].value);
		date_iso(a->today + 7, day);
		snprintf(fl[1].value, sizeof fl[1].value, "%s", day);
		struct form f = {"Promise to pay", fl, 4};
		write_form(a, v, &f, save_promise, NULL, "promise recorded");
		break;
	}
	case ACT_DISPUTE:
	case ACT_RESOLVE: {
		const char *invoice = selected_invoice(av);
		if (!invoice) {
			app_message(a, 1, "select an invoice in the open items first");
			break;
		}
		/* a form that can only fail does not open: say why at once */
		const struct item *it = &av->items[av->li.cursor];
		int disputed = !strcmp(it->status, "disputed");
		if (act == ACT_DISPUTE && strcmp(it->kind, "invoice")) {
			app_message(a, 1, "%s is a credit note: only an invoice can be disputed", invoice);
			break;
		}
		if (act == ACT_DISPUTE && disputed) {
			char keys[32];
			keymap_keys_of(VIEW_ACCOUNT, ACT_RESOLVE, keys, sizeof keys);
			app_message(a, 1, "%s is disputed already%s%s", invoice, keys[0] ? ": resolve it with " : "", keys);
			break;
		}
		if (act == ACT_RESOLVE && !disputed) {
			app_message(a, 1, "%s has no open dispute to resolve", invoice);
			break;
		}
		char title[128];
		snprintf(title, sizeof title, "%s %s", act == ACT_DISPUTE ? "Dispute" : "Resolve the dispute on", invoice);
		struct field fl[] = {{act == ACT_DISPUTE ? "Reason" : "How", FIELD_CHOICE, 1,
				      act == ACT_DISPUTE ? dispute_reasons : dispute_resolutions, ""},
				     {"Note", FIELD_TEXT, 0, NULL, ""}};
		snprintf(fl[0].value, sizeof fl[0].value, "%s", fl[0].choices[0]);
		struct form f = {title, fl, 2};
		write_form(a, v, &f, act == ACT_DISPUTE ? save_dispute : save_resolve, invoice,
			   act == ACT_DISPUTE ? "dispute opened" : "dispute resolved");
		break;
	}
	case ACT_CALL:
		if (!a->call.account_no[0]) {
			char number[64];
			int minutes = now_local_minutes();
			if (av->consumer && (minutes >= 22 * 60 || minutes < 8 * 60)) {
				char q[160];
				snprintf(q, sizeof q, "%02d:%02d: consumers may not be called between 22:00 and 08:00 "
					 "(XIX.4). Call anyway? (y/n) ", minutes / 60, minutes % 60);
				if (!app_confirm(a, q)) {
					app_message(a, 0, "no call");
					break;
				}
			}
			if (choose_number(a, av->acc.phone, number, sizeof number))
				break;
			/* journaled at once: a call is never lost, even if relance dies */
			if (call_begin(a, av->acc.account_no, av->acc.name, number) == 0)
				view_account_show(a, v, av->acc.account_no);
		} else {
			call_end(a);
		}
		break;
	default:
		break;
	}
}

static int key(struct app *a, struct view *v, enum action act)
{
	switch (act) {
	case ACT_NOTE: case ACT_TASK: case ACT_PROMISE: case ACT_DISPUTE: case ACT_RESOLVE: case ACT_CALL:
	case ACT_LONG_NOTE: case ACT_TASK_DONE: case ACT_SNOOZE:
		write_action(a, v, act);
		return 1;
	case ACT_PLAN: {
		struct account_view *av = v->data;
		app_push(a, view_plan_new(a, av->acc.account_no, av->overdue));
		return 1;
	}
	case ACT_TASKS:
		app_push(a, view_tasks_new(a, ((struct account_view *)v->data)->acc.account_no));
		return 1;
	case ACT_UNSNOOZE:
	case ACT_RELEASE_HOLD: {
		struct account_view *av = v->data;
		if (act == ACT_UNSNOOZE ? commit_unsnooze(a, &av->commit, av->acc.account_no)
					: commit_release_hold(a, &av->commit, av->acc.account_no))
			reread(a, v);
		return 1;
	}
	case ACT_DUNNING_NEXT: {
		struct account_view *av = v->data;
		char no[80];
		snprintf(no, sizeof no, "%s", av->acc.account_no);
		dunning_preview(a, no);
		reread(a, v);
		return 1;
	}
	case ACT_QR_CODE:
		dunning_qr(a, ((struct account_view *)v->data)->acc.account_no);
		return 1;
	case ACT_NEXT_ACCOUNT: case ACT_PREV_ACCOUNT:
		if (call_holds(a))
			return 1;
		break;
	default:
		break;
	}
	return key_move(a, v, act);
}

static int key_move(struct app *a, struct view *v, enum action act)
{
	struct account_view *av = v->data;
	struct list *l = av->pane == PANE_ITEMS ? &av->li : &av->lh;
	if (list_move(l, act, av->pane == PANE_ITEMS ? av->rows_items : av->rows_hist))
		return 1;
	switch (act) {
	case ACT_NEXT_PANE:
	case ACT_PREV_PANE:
		av->pane = av->pane == PANE_ITEMS ? PANE_HISTORY : PANE_ITEMS;
		return 1;
	case ACT_NEXT_ACCOUNT:
	case ACT_PREV_ACCOUNT: {
		const char *next = view_queue_step(a, act == ACT_NEXT_ACCOUNT ? 1 : -1);
		if (!next && act == ACT_NEXT_ACCOUNT && !a->queue.todo)
			app_message(a, 0, a->queue.done ? "the day's list is done: nothing left to do today"
							 : "the queue is empty");
		else if (!next)
			app_message(a, 1, act == ACT_NEXT_ACCOUNT ? "this is the last account of the queue"
								  : "this is the first account of the queue");
		else
			view_account_show(a, v, next);
		return 1;
	}
	case ACT_OPEN_ENTRY:
		if (av->pane == PANE_HISTORY)
			open_entry(a, av);
		else
			app_message(a, 0, "Tab to the history, Enter to read an entry");
		return 1;
	case ACT_HISTORY_FILTER: {
		char buf[16];
		snprintf(buf, sizeof buf, "%s", av->type);
		app_message(a, 0, "call note email letter sms promise dispute plan task snooze system payment");
		if (app_prompt(a, "history type (empty: all): ", buf, sizeof buf)) {
			static const char *const types[] = {"call", "note", "email", "letter", "sms", "promise",
							    "dispute", "plan", "task", "snooze", "system", "payment"};
			int ok = !*buf;
			for (size_t i = 0; i < sizeof types / sizeof *types; i++)
				ok |= !strcmp(buf, types[i]);
			if (!ok) {
				app_message(a, 1, "no history type %s", buf);
				return 1;
			}
			snprintf(av->type, sizeof av->type, "%s", buf);
			load_history(a, av);
			av->pane = PANE_HISTORY;
		}
		return 1;
	}
	case ACT_RELOAD:
		view_account_show(a, v, av->acc.account_no);
		app_message(a, 0, "read the book again");
		return 1;
	default:
		return 0;
	}
}

/* Searches the history summaries, accent-blind. */
static int search(struct app *a, struct view *v, const char *needle, int dir)
{
	(void)a;
	struct account_view *av = v->data;
	char want[256], hay[1024];
	utf8_fold(needle, strlen(needle), want, sizeof want);
	int n = av->lh.count;
	for (int k = 1; k <= n; k++) {
		int i = ((av->lh.cursor + dir * k) % n + n) % n;
		const struct entry *e = &av->hist[i];
		char both[1024];
		snprintf(both, sizeof both, "%s %s %s", e->type, e->summary, e->body);
		utf8_fold(both, strlen(both), hay, sizeof hay);
		if (strstr(hay, want)) {
			av->pane = PANE_HISTORY;
			av->lh.cursor = i;
			list_fit(&av->lh, av->rows_hist);
			return 1;
		}
	}
	return 0;
}

static void close_view(struct view *v)
{
	struct account_view *av = v->data;
	free_data(av);
	free(av);
	free(v);
}

static const struct view_ops account_ops = {VIEW_ACCOUNT, title, draw, key, search, close_view};

struct view *view_account_new(struct app *a, const char *account_no)
{
	struct account_view *av = calloc(1, sizeof *av);
	struct view *v = calloc(1, sizeof *v);
	if (!av || !v)
		abort();
	av->rows_items = av->rows_hist = 1;
	if (!load(a, av, account_no)) {
		free_data(av);
		free(av);
		free(v);
		return NULL;
	}
	v->ops = &account_ops;
	v->data = av;
	return v;
}

const char *view_account_current(struct view *v)
{
	return ((struct account_view *)v->data)->acc.account_no;
}

void view_account_show(struct app *a, struct view *v, const char *account_no)
{
	struct account_view *av = v->data;
	char no[80];
	snprintf(no, sizeof no, "%s", account_no);
	int pane = av->pane, same = av->acc.account_no && !strcmp(av->acc.account_no, no);
	struct list li = av->li, lh = av->lh;
	if (load(a, av, no)) {
		av->pane = pane;
		if (same) { /* read again: the cursors stay where they were */
			av->li.cursor = li.cursor, av->li.top = li.top;
			av->lh.cursor = lh.cursor, av->lh.top = lh.top;
		}
	}
}
