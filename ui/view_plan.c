/* view_plan.c — the plan editor: the schedule as a table whose dates and
 * amounts can be changed, with a running remainder (the total less what is
 * scheduled); it saves only at zero. A new plan is made from a form; an
 * account's active plan opens with each installment's status (due, paid,
 * late, missed): its rows not paid yet can be changed (journaled), or the
 * plan cancelled. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "form.h"
#include "base/lib.h"
#include "work/lib.h"

#define ROWS (PLAN_MAX_INSTALLMENTS + 1)

struct plan_view {
	char account[80], title[120];
	int existing;           /* an active plan, shown */
	int64_t total;
	struct installment rows[ROWS];
	char status[ROWS][12];
	int64_t paid[ROWS];
	struct list l;
	int nrows, page;
	struct plan_request req; /* how the new plan was asked for */
	char invoices[512];
	int dirty;
};

static const char *title(struct app *a, struct view *v)
{
	(void)a;
	return ((struct plan_view *)v->data)->title;
}

static int64_t scheduled(const struct plan_view *pv)
{
	int64_t s = 0;
	for (int i = 0; i < pv->nrows; i++)
		s += pv->rows[i].amount;
	return s;
}

static void draw(struct app *a, struct view *v, int top, int rows)
{
	(void)a;
	struct plan_view *pv = v->data;
	char t[32], s[32], r[32], line[256];
	money_format_grouped(pv->total, t, sizeof t);
	money_format_grouped(scheduled(pv), s, sizeof s);
	money_format_grouped(pv->total - scheduled(pv), r, sizeof r);
	snprintf(line, sizeof line, "%s | total %s | scheduled %s | remainder %s", pv->existing ? "active plan" : "new plan",
		 t, s, r);
	draw_text(top, 0, COLS, line, pv->total == scheduled(pv) ? EL_PANE_TITLE : EL_ERROR, 1);
	draw_fill(top + 1, 0, COLS, EL_HEADER);
	draw_text(top + 1, 2, 6, "No", EL_HEADER, 0);
	draw_text(top + 1, 9, 10, "Due", EL_HEADER, 0);
	draw_text_right(top + 1, 21, 13, "Amount", EL_HEADER);
	draw_text_right(top + 1, 36, 13, "Paid", EL_HEADER);
	draw_text(top + 1, 51, 10, "Status", EL_HEADER, 0);
	pv->page = rows - 3;
	pv->l.count = pv->nrows;
	list_fit(&pv->l, pv->page);
	for (int i = 0; i < pv->page && pv->l.top + i < pv->nrows; i++) {
		int k = pv->l.top + i, y = top + 2 + i, sel = k == pv->l.cursor;
		enum element el = sel ? EL_CURSOR : !strcmp(pv->status[k], "missed") ? EL_OVERDUE : EL_DEFAULT;
		if (sel)
			draw_line_background(y, EL_CURSOR);
		char no[16], due[11], amt[32], paid[32];
		snprintf(no, sizeof no, "%s", pv->rows[k].seq ? "" : "down");
		if (pv->rows[k].seq)
			snprintf(no, sizeof no, "%d", pv->rows[k].seq);
		date_iso(pv->rows[k].due, due);
		money_format_grouped(pv->rows[k].amount, amt, sizeof amt);
		money_format_grouped(pv->paid[k], paid, sizeof paid);
		draw_text(y, 2, 6, no, el, 0);
		draw_text(y, 9, 10, due, el, 0);
		draw_text_right(y, 21, 13, amt, el);
		draw_text_right(y, 36, 13, pv->existing ? paid : "", el);
		draw_text(y, 51, 10, pv->status[k], el, 0);
	}
	draw_text(top + rows - 1, 0, COLS, pv->existing ? "Enter: change  a: add  d: delete  =: spread  w: save  C: cancel plan  q: back"
			  : "Enter: change  a: add  d: delete  =: spread  w: save (remainder 0)  q: back", EL_MUTED, 1);
}

static int save_row(struct app *a, struct form *f, void *arg)
{
	struct installment *row = arg;
	day_t d;
	int64_t c;
	if (date_parse(f->fields[0].value, strlen(f->fields[0].value), DATE_ISO, &d) != 0 ||
	    money_parse(f->fields[1].value, strlen(f->fields[1].value), MARK_UNKNOWN, &c) != MONEY_OK)
		return 1;
	if (d < a->today) {
		msg_error("Due: %s is in the past", f->fields[0].value);
		return 1;
	}
	row->due = d, row->amount = c;
	return 0;
}

/* 1 when row i may still change: any row of a new plan, one not paid yet
 * of an active plan. */
static int editable(const struct plan_view *pv, int i)
{
	return !pv->existing || !strcmp(pv->status[i], "due") || !strcmp(pv->status[i], "missed");
}

/* Keeps the rows that can still change in date order, numbered so, each
 * with its status and payment; the cursor stays on the row `keep`. */
static void order_rows(struct plan_view *pv, int keep)
{
	struct installment rows[ROWS];
	int at[ROWS], from[ROWS], n = 0;
	for (int i = 0; i < pv->nrows; i++)
		if (editable(pv, i))
			at[n] = i, rows[n++] = pv->rows[i];
	plan_rows_order(rows, n, from);
	char status[ROWS][12];
	int64_t paid[ROWS];
	for (int k = 0; k < n; k++) {
		memcpy(status[k], pv->status[at[from[k]]], sizeof status[k]);
		paid[k] = pv->paid[at[from[k]]];
	}
	for (int k = 0; k < n; k++) {
		pv->rows[at[k]] = rows[k];
		memcpy(pv->status[at[k]], status[k], sizeof status[k]);
		pv->paid[at[k]] = paid[k];
		if (at[from[k]] == keep)
			pv->l.cursor = at[k];
	}
}

/* Closes the plan (this view's data goes with it) and shows the account
 * again with its figures and the queue reloaded, saying msg. */
static void back_to_account(struct app *a, const char *account, const char *msg)
{
	char no[80];
	snprintf(no, sizeof no, "%s", account); /* account dies with the view */
	app_pop(a);
	app_account_changed(a, no);
	app_message(a, 0, "%s", msg);
}

static int key(struct app *a, struct view *v, enum action act)
{
	struct plan_view *pv = v->data;
	if (list_move(&pv->l, act, pv->page))
		return 1;
	switch (act) {
	case ACT_PLAN_EDIT: {
		if (pv->nrows == 0)
			return 1;
		if (pv->existing && strcmp(pv->status[pv->l.cursor], "due") && strcmp(pv->status[pv->l.cursor], "missed")) {
			app_message(a, 1, "a paid installment is not changed");
			return 1;
		}
		struct installment *row = &pv->rows[pv->l.cursor];
		struct field fl[] = {{"Due", FIELD_DATE_FUTURE, 1, NULL, ""}, {"Amount", FIELD_AMOUNT, 1, NULL, ""}};
		date_iso(row->due, fl[0].value);
		money_format(row->amount, fl[1].value, sizeof fl[1].value);
		struct form f = {"Installment", fl, 2};
		if (form_run(a, &f, save_row, row)) {
			pv->dirty = 1;
			order_rows(pv, pv->l.cursor);
		}
		return 1;
	}
	case ACT_PLAN_ADD_ROW: {
		if (pv->nrows == ROWS) {
			app_message(a, 1, "a plan has %d installments at most", PLAN_MAX_INSTALLMENTS);
			return 1;
		}
		int k = pv->nrows, seq = 0;
		day_t last = a->today;
		for (int i = 0; i < k; i++) {
			if (pv->rows[i].seq > seq)
				seq = pv->rows[i].seq;
			if (pv->rows[i].due > last)
				last = pv->rows[i].due;
		}
		int64_t rest = pv->total - scheduled(pv);
		pv->rows[k] = (struct installment){seq + 1, plan_step(last, pv->existing ? EVERY_MONTH : pv->req.every, 1),
						   rest > 0 ? rest : 0};
		pv->paid[k] = 0;
		snprintf(pv->status[k], sizeof pv->status[k], "%s", pv->existing ? "due" : "new");
		pv->nrows++;
		pv->l.cursor = k;
		struct field fl[] = {{"Due", FIELD_DATE_FUTURE, 1, NULL, ""}, {"Amount", FIELD_AMOUNT, 1, NULL, ""}};
		date_iso(pv->rows[k].due, fl[0].value);
		money_format(pv->rows[k].amount, fl[1].value, sizeof fl[1].value);
		struct form f = {"New installment", fl, 2};
		if (!form_run(a, &f, save_row, &pv->rows[k])) {
			pv->nrows--; /* cancelled: no row */
			pv->l.cursor = k > 0 ? k - 1 : 0;
			return 1;
		}
		pv->dirty = 1;
		order_rows(pv, k);
		return 1;
	}
	case ACT_PLAN_DELETE_ROW: {
		int k = pv->l.cursor, open = 0;
		if (pv->nrows == 0)
			return 1;
		for (int i = 0; i < pv->nrows; i++)
			open += editable(pv, i);
		if (!editable(pv, k)) {
			app_message(a, 1, "a paid installment is not changed");
			return 1;
		}
		if (open == 1) {
			app_message(a, 1, pv->existing ? "the last installment to pay stays: C cancels the plan"
						   : "the last installment stays: q leaves the plan");
			return 1;
		}
		int seq = pv->rows[k].seq;
		for (int i = k; i + 1 < pv->nrows; i++) {
			pv->rows[i] = pv->rows[i + 1];
			pv->paid[i] = pv->paid[i + 1];
			memcpy(pv->status[i], pv->status[i + 1], sizeof pv->status[i]);
		}
		pv->nrows--;
		if (seq == 0) /* the down payment gone: the plan has none */
			pv->req.down = 0;
		/* a new plan's rows after it move up a number (an active plan's
		 * keep theirs: paid ones may come after) */
		for (int i = 0; !pv->existing && seq > 0 && i < pv->nrows; i++)
			if (pv->rows[i].seq > seq)
				pv->rows[i].seq--;
		if (pv->l.cursor >= pv->nrows)
			pv->l.cursor = pv->nrows - 1;
		pv->dirty = 1;
		return 1;
	}
	case ACT_PLAN_SPREAD: { /* each row not paid takes its share of the remainder */
		int n = 0, last = -1;
		int64_t rest = pv->total - scheduled(pv);
		for (int i = 0; i < pv->nrows; i++)
			if (editable(pv, i) && pv->rows[i].seq > 0)
				n++, last = i;
		if (n == 0) {
			app_message(a, 1, "no installment to spread over");
			return 1;
		}
		for (int i = 0; i < pv->nrows; i++)
			if (editable(pv, i) && pv->rows[i].seq > 0 &&
			    pv->rows[i].amount + rest / n + (i == last ? rest % n : 0) <= 0) {
				app_message(a, 1, "installment %d would be zero or less: change it first", pv->rows[i].seq);
				return 1;
			}
		for (int i = 0; i < pv->nrows; i++)
			if (editable(pv, i) && pv->rows[i].seq > 0)
				pv->rows[i].amount += rest / n + (i == last ? rest % n : 0);
		pv->dirty = 1;
		app_message(a, 0, "the remainder spread over %d installment%s", n, n == 1 ? "" : "s");
		return 1;
	}
	case ACT_PLAN_SAVE: {
		if (pv->existing && !pv->dirty) {
			app_message(a, 0, "nothing changed");
			return 1;
		}
		if (scheduled(pv) != pv->total) {
			char r[32];
			money_format_grouped(pv->total - scheduled(pv), r, sizeof r);
			app_message(a, 1, "the remainder is %s: it must be zero to save", r);
			return 1;
		}
		int saved;
		if (pv->existing) { /* the rows not paid yet replace the plan's */
			struct installment left[ROWS];
			int n = 0;
			for (int i = 0; i < pv->nrows; i++)
				if (!strcmp(pv->status[i], "due") || !strcmp(pv->status[i], "missed"))
					left[n++] = pv->rows[i];
			saved = plan_change(a->book, a->user, pv->account, left, n) == 0;
		} else {
			pv->req.rows = pv->rows;
			pv->req.nrows = pv->nrows;
			pv->req.total = pv->total - pv->req.fee; /* plan_add adds the fee */
			saved = plan_add(a->book, a->user, &pv->req, NULL) == 0;
		}
		if (saved)
			back_to_account(a, pv->account, "plan saved");
		return 1;
	}
	case ACT_PLAN_CANCEL:
		if (!pv->existing)
			app_message(a, 1, "this plan is not saved: q leaves it");
		else if (app_confirm(a, "Cancel the plan? (y/n) ") && plan_cancel(a->book, a->user, pv->account) == 0)
			back_to_account(a, pv->account, "plan cancelled");
		return 1;
	case ACT_BACK:
		if (pv->dirty && !app_confirm(a, "Leave the plan without saving it? (y/n) "))
			return 1;
		return 0; /* the driver goes back */
	default:
		return 0;
	}
}

static void close_view(struct view *v)
{
	free(v->data);
	free(v);
}

static const struct view_ops plan_ops = {VIEW_PLAN, title, draw, key, NULL, close_view};

static void take_row(const struct installment_row *r, void *arg)
{
	struct plan_view *pv = arg;
	if (pv->nrows == ROWS || strcmp(r->plan_status, "active"))
		return;
	int k = pv->nrows++;
	day_t d = 0;
	date_parse(r->due_date, strlen(r->due_date), DATE_ISO, &d);
	pv->rows[k] = (struct installment){r->seq, d, r->amount};
	pv->paid[k] = r->paid;
	snprintf(pv->status[k], sizeof pv->status[k], "%s", r->status);
	pv->total += r->amount;
}

static int save_params(struct app *a, struct form *f, void *arg)
{
	(void)a;
	struct plan_view *pv = arg;
	int k = atoi(f->fields[0].value);
	if (k < 1 || k > PLAN_MAX_INSTALLMENTS) {
		msg_error("Installments: from 1 to %d", PLAN_MAX_INSTALLMENTS);
		return 1;
	}
	pv->req.installments = k;
	pv->req.every = (enum plan_every)plan_every_named(f->fields[1].value);
	date_parse(f->fields[2].value, strlen(f->fields[2].value), DATE_ISO, &pv->req.first);
	pv->req.down = 0, pv->req.fee = 0;
	if (f->fields[3].value[0])
		money_parse(f->fields[3].value, strlen(f->fields[3].value), MARK_UNKNOWN, &pv->req.down);
	if (f->fields[4].value[0])
		money_parse(f->fields[4].value, strlen(f->fields[4].value), MARK_UNKNOWN, &pv->req.fee);
	snprintf(pv->invoices, sizeof pv->invoices, "%s", f->fields[5].value);
	pv->req.invoices = pv->invoices[0] ? pv->invoices : NULL;
	if (pv->req.invoices) { /* the plan covers those: their open amounts are its total */
		char bad[64];
		int64_t sum = ledger_invoices_open(a->book->db, pv->account, pv->invoices, bad);
		if (sum < 0) {
			msg_error("Invoices: %s is not an open invoice of this account", bad);
			return 1;
		}
		pv->total = sum;
	}
	if (pv->req.first < a->today) {
		msg_error("First: the first installment is in the past");
		return 1;
	}
	if (pv->req.down >= pv->total + pv->req.fee) {
		msg_error("Down payment: must be less than the total");
		return 1;
	}
	return 0;
}

struct view *view_plan_new(struct app *a, const char *account_no, int64_t overdue)
{
	struct plan_view *pv = calloc(1, sizeof *pv);
	struct view *v = calloc(1, sizeof *v);
	if (!pv || !v)
		abort();
	snprintf(pv->account, sizeof pv->account, "%s", account_no);
	snprintf(pv->title, sizeof pv->title, "plan of %s", account_no);
	v->ops = &plan_ops;
	v->data = pv;
	plan_evaluate(a->book, a->today, account_no);
	plan_installments(a->book->db, account_no, take_row, pv);
	if (pv->nrows) {
		pv->existing = 1;
		return v;
	}
	if (overdue <= 0) {
		app_message(a, 1, "nothing overdue to plan");
		close_view(v);
		return NULL;
	}
	static const char *const every[] = {"month", "2weeks", "week", NULL};
	struct field fl[] = {{"Installments", FIELD_TEXT, 1, NULL, "3"}, {"Every", FIELD_CHOICE, 1, every, "month"},
			     {"First", FIELD_DATE_FUTURE, 1, NULL, ""}, {"Down payment", FIELD_AMOUNT, 0, NULL, ""},
			     {"Fee", FIELD_AMOUNT, 0, NULL, ""}, {"Invoices", FIELD_TEXT, 0, NULL, ""}};
	date_iso(a->today + 30, fl[2].value);
	char heading[96], amt[32];
	money_format_grouped(overdue, amt, sizeof amt);
	snprintf(heading, sizeof heading, "Payment plan for %s EUR", amt);
	struct form f = {heading, fl, 6};
	pv->total = overdue;
	pv->req.account_no = pv->account;
	if (!form_run(a, &f, save_params, pv)) {
		close_view(v);
		return NULL;
	}
	pv->total += pv->req.fee; /* the balance, or the invoices chosen */
	pv->nrows = plan_schedule(&pv->req, a->today, pv->total, pv->rows);
	for (int i = 0; i < pv->nrows; i++)
		snprintf(pv->status[i], sizeof pv->status[i], "%s", "new");
	return v;
}
