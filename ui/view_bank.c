/* view_bank.c — the bank's credits no rule could match (:bank, B from the
 * queue): one line a credit, oldest first, with what the bank says of it.
 * Enter shows its candidates (the engine's, best first, each with why and
 * what it would pay); Enter on one assigns the credit to that account,
 * the invoices it pays typed or changed in a form (a split is a line
 * "F-1=100.00 F-2=20.00"); a assigns it to an account typed; x marks it
 * not a customer payment. The queue is read again after each. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "form.h"
#include "keymap.h"
#include "bank/lib.h"
#include "base/lib.h"

struct credit {
	char id[208], date[11], currency[4], status[12];
	int64_t amount;
	char *counterparty, *iban, *what; /* what: reference, else communication */
};

struct bank_view {
	struct credit *c;
	struct list l;
	int page;
	char title[160];
};

#define MAX_CANDIDATES 20

struct match_view {
	struct credit c;               /* a copy: the list may be read again */
	struct bank_candidate cand[MAX_CANDIDATES];
	int n;
	struct list l;
	int page;
	char title[300];
};

static void credit_free(struct credit *c)
{
	free(c->counterparty);
	free(c->iban);
	free(c->what);
}

static void take(const struct bank_movement_row *r, void *arg)
{
	struct bank_view *bv = arg;
	struct credit *n = realloc(bv->c, (size_t)(bv->l.count + 1) * sizeof *n);
	if (!n)
		abort();
	bv->c = n;
	struct credit *c = &n[bv->l.count++];
	snprintf(c->id, sizeof c->id, "%s", r->id);
	snprintf(c->date, sizeof c->date, "%s", r->date);
	snprintf(c->currency, sizeof c->currency, "%s", r->currency);
	snprintf(c->status, sizeof c->status, "%s", r->status);
	c->amount = r->amount;
	c->counterparty = xstrdup(r->counterparty ? r->counterparty : "");
	c->iban = xstrdup(r->iban ? r->iban : "");
	if (r->reference) {
		char shown[64];
		payref_display(r->reference, shown, sizeof shown);
		c->what = xstrdup(shown);
	} else {
		c->what = xstrdup(r->communication ? r->communication : "");
	}
}

static void load(struct app *a, struct bank_view *bv, const char *keep)
{
	char id[208];
	snprintf(id, sizeof id, "%s", keep ? keep : "");
	for (int i = 0; i < bv->l.count; i++)
		credit_free(&bv->c[i]);
	free(bv->c);
	bv->c = NULL;
	bv->l.count = 0;
	if (bank_movements_each(a->book->db, 1, take, bv) < 0)
		app_message(a, 1, "the bank's credits could not be read: %s", book_errmsg(a->book));
	int suggested = 0;
	for (int i = 0; i < bv->l.count; i++) {
		suggested += !strcmp(bv->c[i].status, "suggested");
		if (*id && !strcmp(bv->c[i].id, id))
			bv->l.cursor = i;
	}
	if (bv->l.cursor >= bv->l.count)
		bv->l.cursor = bv->l.count ? bv->l.count - 1 : 0;
	snprintf(bv->title, sizeof bv->title, "bank: %d credit%s to match, %d with candidates", bv->l.count,
		 bv->l.count == 1 ? "" : "s", suggested);
}

/* "Enter: candidates  a: assign  x: not a customer's  q: back", from the
 * keys bound now */
static void hint(enum view_id view, const enum action *acts, const char *const *what, size_t n, char *out,
		 size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		char all[64], k[16] = "";
		keymap_keys_of(acts[i] == ACT_BACK ? VIEW_GENERIC : view, acts[i], all, sizeof all);
		for (char *w = strtok(all, ", "); w; w = strtok(NULL, ", "))
			if (!*k || (strlen(w) == 1 && strlen(k) > 1))
				snprintf(k, sizeof k, "%s", w);
		if (!*k || o >= size)
			continue;
		o += (size_t)snprintf(out + o, size - o, "%s%s: %s", o ? "  " : "", k, what[i]);
	}
}

/* amount as the lists write it, with its currency */
static void amount_text(int64_t cents, const char *currency, char *out, size_t size)
{
	char m[40];
	money_format_grouped(cents, m, sizeof m);
	snprintf(out, size, "%s %s", m, currency);
}

/* the columns of a credit's line: date, amount, counterparty, what */
static void credit_line(int y, const struct credit *c, int sel)
{
	enum element el = sel ? EL_CURSOR : EL_DEFAULT;
	char amt[48];
	if (sel)
		draw_line_background(y, EL_CURSOR);
	amount_text(c->amount, c->currency, amt, sizeof amt);
	int w = COLS - 2 - 11 - 17;
	int who = w * 2 / 5;
	draw_text(y, 2, 10, c->date, el, 0);
	draw_text_right(y, 13, 15, amt, el);
	draw_text(y, 30, who - 1, *c->counterparty ? c->counterparty : c->iban, el, 0);
	char what[600];
	snprintf(what, sizeof what, "%s%s", !strcmp(c->status, "suggested") ? "? " : "", c->what);
	draw_text(y, 30 + who, COLS - 30 - who, what, sel ? el : EL_MUTED, 0);
}

static const char *bank_title(struct app *a, struct view *v)
{
	(void)a;
	return ((struct bank_view *)v->data)->title;
}

static void bank_draw(struct app *a, struct view *v, int top, int rows)
{
	(void)a;
	struct bank_view *bv = v->data;
	char line[200];
	draw_text(top, 0, COLS, bv->title, EL_PANE_TITLE, 1);
	draw_fill(top + 1, 0, COLS, EL_HEADER);
	int who = (COLS - 2 - 11 - 17) * 2 / 5;
	draw_text(top + 1, 2, 10, "Date", EL_HEADER, 0);
	draw_text_right(top + 1, 13, 15, "Amount", EL_HEADER);
	draw_text(top + 1, 30, who - 1, "From", EL_HEADER, 0);
	draw_text(top + 1, 30 + who, COLS - 30 - who, "Reference / communication", EL_HEADER, 0);
	bv->page = rows - 3;
	list_fit(&bv->l, bv->page);
	if (bv->l.count == 0)
		draw_text(top + 2, 2, COLS - 4, "every credit of the bank is matched (relance import bank FILE reads more)",
			  EL_MUTED, 0);
	for (int i = 0; i < bv->page && bv->l.top + i < bv->l.count; i++)
		credit_line(top + 2 + i, &bv->c[bv->l.top + i], bv->l.top + i == bv->l.cursor);
	static const enum action acts[] = {ACT_BANK_CANDIDATES, ACT_BANK_ASSIGN, ACT_BANK_IGNORE, ACT_BACK};
	static const char *const what[] = {"candidates", "assign to an account", "not a customer's", "back"};
	hint(VIEW_BANK, acts, what, 4, line, sizeof line);
	draw_text(top + rows - 1, 0, COLS, line, EL_MUTED, 1);
}

/* ---- assigning ----------------------------------------------------------------- */

struct assign_ctx {
	const struct credit *c;
	char account[80];
	int done;
};

static int assign_save(struct app *a, struct form *f, void *arg)
{
	struct assign_ctx *x = arg;
	struct bank_alloc *al = NULL;
	size_t n = 0;
	char err[256];
	if (bank_alloc_parse(f->fields[0].value, &al, &n, err, sizeof err)) {
		app_message(a, 1, "%s", err);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		if (al[i].amount == 0) {
			app_message(a, 1, "%s: say how much of the credit it gets (%s=AMOUNT)", al[i].invoice_no,
				    al[i].invoice_no);
			free(al);
			return 1;
		}
	err[0] = '\0';
	int rc = bank_apply(a->book, x->c->id, x->account, al, n, BANK_RULE_MANUAL, a->user, err, sizeof err);
	free(al);
	if (rc) {
		app_message(a, 1, "%s", *err ? err : book_errmsg(a->book));
		return 1;
	}
	x->done = 1;
	return 0;
}

/* The form of an assignment to account, prefilled with what the credit
 * would pay there (al: a candidate's, else the oldest invoices first). */
static int assign(struct app *a, const struct credit *c, const char *account, const struct bank_alloc *al, size_t n)
{
	struct bank_alloc *own = NULL;
	size_t nown = 0;
	int64_t unapplied = 0;
	if (!al) {
		if (bank_allocate_oldest(a->book, account, c->amount, &own, &nown, &unapplied) < 0) {
			app_message(a, 1, "no account %s", account);
			return 0;
		}
		al = own, n = nown;
	}
	struct field fl[] = {{"Invoices paid", FIELD_TEXT, 0, NULL, ""}};
	/* whole entries only: one that does not fit is left out, and said */
	size_t o = 0, left = 0;
	for (size_t i = 0; i < n; i++) {
		char m[32], one[128];
		money_format(al[i].amount, m, sizeof m);
		int k = snprintf(one, sizeof one, "%s%s=%s", o ? " " : "", al[i].invoice_no, m);
		if (left || k < 0 || (size_t)k >= sizeof one || o + (size_t)k >= sizeof fl[0].value) {
			left++;
			continue;
		}
		memcpy(fl[0].value + o, one, (size_t)k + 1);
		o += (size_t)k;
	}
	free(own);
	char heading[400], amt[48];
	amount_text(c->amount, c->currency, amt, sizeof amt);
	if (left)
		snprintf(heading, sizeof heading, "%s to %s: INVOICE=AMOUNT paid; %zu more invoices did not fit", amt,
			 account, left);
	else
		snprintf(heading, sizeof heading, "%s to %s: INVOICE=AMOUNT paid (the rest stays on the account)", amt,
			 account);
	struct form f = {heading, fl, 1};
	struct assign_ctx x = {c, "", 0};
	snprintf(x.account, sizeof x.account, "%s", account);
	if (!form_run(a, &f, assign_save, &x) || !x.done)
		return 0;
	app_account_changed(a, account);
	app_message(a, 0, "%s assigned to %s", amt, account);
	return 1;
}

static int ask_account(struct app *a, const struct credit *c)
{
	char no[128] = "";
	if (!app_prompt_aided(a, "assign to account: ", no, sizeof no, prompt_aid_goto()) || !*no)
		return 0;
	prompt_remember(prompt_aid_goto(), no);
	return assign(a, c, no, NULL, 0);
}

static int ignore(struct app *a, const struct credit *c)
{
	char amt[48], q[300], err[256] = "";
	amount_text(c->amount, c->currency, amt, sizeof amt);
	snprintf(q, sizeof q, "%s from %s is not a customer's payment? (y/n)", amt,
		 *c->counterparty ? c->counterparty : "an unknown payer");
	if (!app_confirm(a, q))
		return 0;
	int rc = bank_ignore(a->book, c->id, a->user, err, sizeof err);
	if (rc) {
		app_message(a, 1, "%s", *err ? err : book_errmsg(a->book));
		return 0;
	}
	app_message(a, 0, "%s set aside: not a customer's payment", amt);
	return 1;
}

/* ---- a credit's candidates ------------------------------------------------------ */

static void match_free(struct match_view *mv)
{
	bank_candidates_free(mv->cand, (size_t)mv->n);
	mv->n = 0;
	credit_free(&mv->c);
}

static const char *match_title(struct app *a, struct view *v)
{
	(void)a;
	return ((struct match_view *)v->data)->title;
}

static void match_draw(struct app *a, struct view *v, int top, int rows)
{
	(void)a;
	struct match_view *mv = v->data;
	char line[400], amt[48];
	amount_text(mv->c.amount, mv->c.currency, amt, sizeof amt);
	snprintf(line, sizeof line, "%s on %s from %s", amt, mv->c.date,
		 *mv->c.counterparty ? mv->c.counterparty : "an unknown payer");
	draw_text(top, 0, COLS, line, EL_PANE_TITLE, 1);
	snprintf(line, sizeof line, "  IBAN %s   %s", *mv->c.iban ? mv->c.iban : "none", mv->c.what);
	draw_text(top + 1, 0, COLS, line, EL_DEFAULT, 1);
	draw_fill(top + 2, 0, COLS, EL_HEADER);
	draw_text(top + 2, 2, 12, "Account", EL_HEADER, 0);
	draw_text(top + 2, 15, 24, "Name", EL_HEADER, 0);
	draw_text(top + 2, 40, COLS - 40, "Why, and what it would pay", EL_HEADER, 0);
	/* two lines a candidate: who and why; then what it pays */
	mv->page = (rows - 4) / 2;
	if (mv->page < 1)
		mv->page = 1;
	mv->l.count = mv->n;
	list_fit(&mv->l, mv->page);
	if (mv->n == 0)
		draw_text(top + 3, 2, COLS - 4, "no candidate: a assigns it to an account you name", EL_MUTED, 0);
	for (int i = 0; i < mv->page && mv->l.top + i < mv->n; i++) {
		int k = mv->l.top + i, y = top + 3 + 2 * i, sel = k == mv->l.cursor;
		const struct bank_candidate *c = &mv->cand[k];
		enum element el = sel ? EL_CURSOR : EL_DEFAULT;
		if (sel) {
			draw_line_background(y, EL_CURSOR);
			draw_line_background(y + 1, EL_CURSOR);
		}
		draw_text(y, 2, 12, c->account_no, el, 0);
		draw_text(y, 15, 24, c->name, el, 0);
		draw_text(y, 40, COLS - 40, c->why, el, 0);
		size_t o = 0;
		line[0] = '\0';
		for (size_t j = 0; j < c->nalloc && o < sizeof line; j++) {
			char m[32];
			money_format_grouped(c->alloc[j].amount, m, sizeof m);
			o += (size_t)snprintf(line + o, sizeof line - o, "%s%s %s", j ? ", " : "pays ", c->alloc[j].invoice_no, m);
		}
		draw_text(y + 1, 15, COLS - 15, *line ? line : "no open invoice: all of it stays on the account",
			  sel ? el : EL_MUTED, 0);
	}
	static const enum action acts[] = {ACT_BANK_CANDIDATES, ACT_BANK_ASSIGN, ACT_BANK_IGNORE, ACT_BACK};
	static const char *const what[] = {"assign to this one", "to another account", "not a customer's", "back"};
	hint(VIEW_BANK, acts, what, 4, line, sizeof line);
	draw_text(top + rows - 1, 0, COLS, line, EL_MUTED, 1);
}

static int match_key(struct app *a, struct view *v, enum action act)
{
	struct match_view *mv = v->data;
	if (list_move(&mv->l, act, mv->page))
		return 1;
	int done = 0;
	switch (act) {
	case ACT_BANK_CANDIDATES:
		if (mv->n == 0) {
			app_message(a, 1, "no candidate: a assigns the credit to an account you name");
			return 1;
		}
		done = assign(a, &mv->c, mv->cand[mv->l.cursor].account_no, mv->cand[mv->l.cursor].alloc,
			      mv->cand[mv->l.cursor].nalloc);
		break;
	case ACT_BANK_ASSIGN:
		done = ask_account(a, &mv->c);
		break;
	case ACT_BANK_IGNORE:
		done = ignore(a, &mv->c);
		break;
	default:
		return 0;
	}
	if (done) { /* back to the list, read again */
		app_pop(a);
		struct view *top = app_top(a);
		if (top && top->ops->key)
			top->ops->key(a, top, ACT_RELOAD);
	}
	return 1;
}

static void match_close(struct view *v)
{
	struct match_view *mv = v->data;
	match_free(mv);
	free(mv);
	free(v);
}

static const struct view_ops match_ops = {VIEW_BANK, match_title, match_draw, match_key, NULL, match_close};

static void open_candidates(struct app *a, const struct credit *c)
{
	struct match_view *mv = calloc(1, sizeof *mv);
	struct view *v = calloc(1, sizeof *v);
	if (!mv || !v)
		abort();
	mv->c = *c;
	mv->c.counterparty = xstrdup(c->counterparty);
	mv->c.iban = xstrdup(c->iban);
	mv->c.what = xstrdup(c->what);
	int n = bank_candidates(a->book, c->id, mv->cand, MAX_CANDIDATES);
	if (n < 0) {
		app_message(a, 1, "the candidates could not be read: %s", book_errmsg(a->book));
		n = 0;
	}
	mv->n = n;
	snprintf(mv->title, sizeof mv->title, "bank: %d candidate%s", n, n == 1 ? "" : "s");
	v->ops = &match_ops;
	v->data = mv;
	app_push(a, v);
}

static int bank_key(struct app *a, struct view *v, enum action act)
{
	struct bank_view *bv = v->data;
	if (list_move(&bv->l, act, bv->page))
		return 1;
	const struct credit *c = bv->l.count ? &bv->c[bv->l.cursor] : NULL;
	switch (act) {
	case ACT_BANK_CANDIDATES:
	case ACT_BANK_ASSIGN:
	case ACT_BANK_IGNORE:
		if (!c) {
			app_message(a, 1, "no credit to match");
			return 1;
		}
		if (act == ACT_BANK_CANDIDATES)
			open_candidates(a, c);
		else if ((act == ACT_BANK_ASSIGN ? ask_account(a, c) : ignore(a, c)))
			load(a, bv, bv->l.cursor + 1 < bv->l.count ? bv->c[bv->l.cursor + 1].id : NULL);
		return 1;
	case ACT_RELOAD:
		load(a, bv, c ? c->id : NULL);
		return 0;
	default:
		return 0;
	}
}

static int bank_search(struct app *a, struct view *v, const char *needle, int dir)
{
	(void)a;
	struct bank_view *bv = v->data;
	char want[256];
	utf8_fold(needle, strlen(needle), want, sizeof want);
	for (int k = 1; k <= bv->l.count; k++) {
		int i = ((bv->l.cursor + dir * k) % bv->l.count + bv->l.count) % bv->l.count;
		const struct credit *c = &bv->c[i];
		char row[1200], hay[1200];
		snprintf(row, sizeof row, "%s %s %s %s", c->date, c->counterparty, c->iban, c->what);
		utf8_fold(row, strlen(row), hay, sizeof hay);
		if (strstr(hay, want)) {
			bv->l.cursor = i;
			return 1;
		}
	}
	return 0;
}

static void bank_close(struct view *v)
{
	struct bank_view *bv = v->data;
	for (int i = 0; i < bv->l.count; i++)
		credit_free(&bv->c[i]);
	free(bv->c);
	free(bv);
	free(v);
}

static const struct view_ops bank_ops = {VIEW_BANK, bank_title, bank_draw, bank_key, bank_search, bank_close};

void view_bank_open(struct app *a)
{
	struct bank_view *bv = calloc(1, sizeof *bv);
	struct view *v = calloc(1, sizeof *v);
	if (!bv || !v)
		abort();
	bv->page = 1;
	load(a, bv, NULL);
	v->ops = &bank_ops;
	v->data = bv;
	app_push(a, v);
}
