/* cmd_account.c — `relance queue`, `relance show ACCOUNT` and `relance
 * history ACCOUNT`: the command-line twins of the workstation's queue,
 * account (with its commitments block) and history panes. Every data string goes out through table.c's
 * escaping. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "cli.h"
#include "bank/lib.h"
#include "dunning/lib.h"
#include "base/lib.h"
#include "work/lib.h"

/* ---- queue ------------------------------------------------------------- */

static const struct table_column queue_cols[] = {
	{"rank", CELL_NUMBER}, {"account_no", CELL_TEXT}, {"name", CELL_TEXT},
	{"collector", CELL_TEXT}, {"overdue", CELL_NUMBER}, {"oldest_days", CELL_NUMBER},
	{"flags", CELL_TEXT}, {"next_action", CELL_TEXT}, {"next_date", CELL_TEXT},
	{"reason", CELL_TEXT}, {"last_contact", CELL_TEXT}, {"worked_today", CELL_NUMBER},
	{"score", CELL_NUMBER},
};

static const struct table_column term_cols[] = {
	{"term", CELL_TEXT}, {"weight", CELL_NUMBER}, {"value", CELL_NUMBER}, {"points", CELL_NUMBER},
	{"about", CELL_TEXT},
};

/* `queue --explain ACCOUNT`: the account's next action and its score, term by term. */
static int explain(const struct queue *q, const char *account_no, int fmt)
{
	const struct queue_row *r = queue_find(q, account_no);
	if (!r) {
		msg_error("queue: %s is not in the queue (nothing overdue, nothing to do, or not yours: try --all)",
			  account_no);
		return 1;
	}
	if (fmt == FMT_TEXT) {
		struct queue_explain_head h;
		queue_explain_head(q, r, &h);
		printf("%s\n%s\n%s\n", h.who, h.next, h.rank);
	}
	struct queue_term_line t[QT_COUNT];
	queue_terms(q, r, t);
	struct table tb;
	table_begin(&tb, (enum out_format)fmt, term_cols, sizeof term_cols / sizeof *term_cols, stdout);
	for (int i = 0; i < QT_COUNT; i++) {
		char w[24], v[24], p[24];
		snprintf(w, sizeof w, "%d", t[i].weight);
		snprintf(v, sizeof v, "%lld", (long long)t[i].value);
		snprintf(p, sizeof p, "%lld", (long long)t[i].points);
		const char *cells[] = {t[i].name, w, v, p, t[i].about};
		table_row(&tb, cells);
	}
	table_end(&tb);
	if (fmt == FMT_TEXT)
		printf("score %lld\n", (long long)r->score);
	return 0;
}

int cmd_queue(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int fmt = FMT_TEXT, all = 0, sort = QS_DEFAULT, all_dates = 0, done = 0;
	const char *why = NULL;
	opts_init(&o, "queue", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--all"))
			all = 1;
		else if (opts_flag(&o, "--all-dates"))
			all_dates = 1;
		else if (opts_flag(&o, "--done"))
			done = 1;
		else if (opts_value(&o, "--explain"))
			why = o.arg;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_value(&o, "--sort")) {
			if ((sort = queue_sort_named(o.arg)) < 0)
				msg_error("queue: --sort %s: use default, overdue, days, name or next", o.arg), o.bad = 1;
		} else if (opts_positional(&o))
			msg_error("queue: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	struct queue q;
	if (promise_evaluate_lapsed(&b, today()) < 0 || plan_evaluate_lapsed(&b, today()) < 0 ||
	    queue_load(&q, b.db, today(), all ? NULL : g->user)) {
		book_close(&b);
		return 1;
	}
	if (why) {
		int rc = explain(&q, why, fmt);
		queue_free(&q);
		book_close(&b);
		return rc;
	}
	q.sort = (enum queue_sort)sort;
	q.filter.all_dates = all_dates;
	q.filter.show_done = done;
	queue_apply(&q);
	struct table t;
	table_begin(&t, (enum out_format)fmt, queue_cols, sizeof queue_cols / sizeof *queue_cols, stdout);
	for (size_t i = 0; i < q.nview; i++) {
		const struct queue_row *r = &q.rows[q.view[i]];
		char rank[24], overdue[32], days[16], flags[5], next[11] = "", score[24];
		snprintf(rank, sizeof rank, "%zu", i + 1);
		if (fmt == FMT_TEXT)
			money_format_grouped(r->overdue, overdue, sizeof overdue);
		else
			money_format(r->overdue, overdue, sizeof overdue);
		snprintf(days, sizeof days, "%d", r->oldest_days);
		queue_flag_letters(r->flags, flags);
		if (r->next_action[0])
			date_iso(r->next_date, next);
		snprintf(score, sizeof score, "%lld", (long long)r->score);
		const char *cells[] = {rank, r->account_no, r->name, r->collector, overdue, days, flags,
				       r->next_action, next, r->reason, r->last_contact, r->worked_today ? "1" : "0",
				       score};
		table_row(&t, cells);
	}
	table_end(&t);
	if (fmt == FMT_TEXT) {
		char total[32];
		money_format_grouped(q.view_total, total, sizeof total);
		printf("%zu account%s, %s overdue (%s); today %zu of %zu done\n", q.nview, q.nview == 1 ? "" : "s",
		       total, all ? "all collectors" : g->user, q.done, q.done + q.todo);
	}
	queue_free(&q);
	book_close(&b);
	return 0;
}

/* ---- history ------------------------------------------------------------ */

static const struct table_column history_cols[] = {
	{"id", CELL_TEXT}, {"at", CELL_TEXT}, {"type", CELL_TEXT}, {"user", CELL_TEXT},
	{"summary", CELL_TEXT}, {"corrects", CELL_TEXT}, {"copy", CELL_TEXT},
};

static void history_row(const struct history_entry *e, void *arg)
{
	char summary[512];
	history_summary(e, summary, sizeof summary);
	/* people read the copy's name; tsv and json give its id */
	char copy[80];
	history_copy_label(e, copy, sizeof copy);
	const struct table *t = arg;
	/* the entry it corrects (a call's outcome completing its start is no correction) */
	const char *corrects = !e->corrects_type ? "" : t->fmt == FMT_TEXT ? uid_short(e->corrects) : e->corrects;
	const char *cells[] = {e->id, e->at, e->type, e->user, summary, corrects, t->fmt == FMT_TEXT ? copy : e->copy_id};
	table_row(arg, cells);
}

static int print_history(sqlite3 *db, const char *account, const char *type, int fmt)
{
	struct table t;
	table_begin(&t, (enum out_format)fmt, history_cols, sizeof history_cols / sizeof *history_cols, stdout);
	long n = history_list(db, account, type, 0, -1, history_row, &t);
	table_end(&t);
	return n < 0 ? -1 : 0;
}

/* Reads ACCOUNT and the options shared by show and history. */
static int account_args(struct opts *o, const char **account, int *fmt, const char **type)
{
	while (opts_more(o)) {
		if (fmt && opts_value(o, "--format")) {
			*fmt = opts_format(o);
		} else if (type && opts_value(o, "--type")) {
			*type = o->arg;
		} else {
			opts_account(o, account);
		}
	}
	if (!o->bad && !*account) {
		msg_error("%s: which account? (relance %s ACCOUNT)", o->cmd, o->cmd);
		o->bad = 1;
	}
	return o->bad ? -1 : 0;
}

static int known_account(sqlite3 *db, const char *account)
{
	int found = ledger_account_exists(db, account);
	if (found == 0)
		msg_error("no account %s in the book", account);
	return found > 0;
}

int cmd_history(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL, *type = NULL;
	int fmt = FMT_TEXT;
	opts_init(&o, "history", argc, argv);
	if (account_args(&o, &account, &fmt, &type))
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	int rc = known_account(b.db, account) ? print_history(b.db, account, type, fmt) : -1;
	book_close(&b);
	return rc ? 1 : 0;
}

/* ---- show --------------------------------------------------------------- */

static void field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	printf("  %-14s ", label);
	table_put_safe(stdout, value);
	putchar('\n');
}

static void money_line(const char *label, int64_t cents)
{
	char buf[32];
	money_format_grouped(cents, buf, sizeof buf);
	printf("  %-14s %14s\n", label, buf);
}

static void show_figures(const struct account_summary *s, void *arg)
{
	const struct account *a = arg;
	printf("\nFigures as of today%s%s%s\n", *s->currency ? " (" : "", s->currency, *s->currency ? ")" : "");
	money_line("open", s->open);
	money_line("overdue", s->overdue);
	money_line("disputed", s->disputed);
	money_line("current", s->current);
	money_line("1-30 days", s->d1_30);
	money_line("31-60 days", s->d31_60);
	money_line("61-90 days", s->d61_90);
	money_line("90+ days", s->d90_plus);
	if (s->oldest_days)
		printf("  %-14s %14d\n", "oldest (days)", s->oldest_days);

	if (a->has_credit_limit && a->credit_limit > 0) {
		char used[32];
		money_format_grouped(s->open, used, sizeof used);
		printf("  %-14s %14s (%lld%% of the limit)\n", "credit used", used,
		       (long long)(s->open * 100 / a->credit_limit));
	}
}

static void item_line(const struct open_item *it, void *arg)
{
	struct table *t = arg;
	char amt[32], open[32], days[16];
	money_format_grouped(it->amount, amt, sizeof amt);
	money_format_grouped(it->open, open, sizeof open);
	snprintf(days, sizeof days, "%d", it->days_past_due);
	const char *cells[] = {it->invoice_no, it->kind, it->issue_date, it->due_date, amt, open, days, it->status};
	table_row(t, cells);
}

/* What was agreed, as the account screen's block shows it. */
static int show_commitments(struct book *b, const char *account)
{
	struct commitments c;
	if (commitments_read(b, account, today(), &c)) {
		commitments_free(&c);
		return -1;
	}
	char line[1024];
	printf("\nCommitments\n");
	if (commitments_none(&c))
		printf("  nothing agreed\n");
	commitments_promise_text(&c, today(), line, sizeof line);
	field("promise", line);
	commitments_plan_text(&c, line, sizeof line);
	field("plan", line);
	for (int i = 0; i < c.ntasks; i++) {
		snprintf(line, sizeof line, "%s %s", c.tasks[i].due, c.tasks[i].text);
		field("task", line);
	}
	field("snoozed until", c.snoozed_until);
	struct dun_account d;
	if (dunning_account(b->db, account, today(), &d) == 0) {
		struct dun_standing s;
		dunning_standing(&d, &s);
		dunning_standing_text(&s, today(), line, sizeof line);
		field("dunning", line);
		dunning_account_free(&d);
	}
	commitments_contact_text(&c, c.contact.at, line, sizeof line);
	field("last contact", line);
	commitments_free(&c);
	return 0;
}

int cmd_show(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL;
	opts_init(&o, "show", argc, argv);
	if (account_args(&o, &account, NULL, NULL))
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	struct account a;
	int found = account_load(b.db, account, &a);
	if (found <= 0) {
		if (found == 0)
			msg_error("no account %s in the book", account);
		book_close(&b);
		return 1;
	}
	table_put_safe(stdout, a.account_no);
	fputs("  ", stdout);
	table_put_safe(stdout, a.name);
	putchar('\n');
	field("VAT", a.vat_no);
	field("contact", a.contact);
	field("phone", a.phone);
	field("e-mail", a.email);
	char address[512];
	snprintf(address, sizeof address, "%s%s%s%s%s%s%s", a.street, *a.street ? ", " : "", a.postcode,
		 *a.postcode ? " " : "", a.city, *a.country ? ", " : "", a.country);
	field("address", address);
	field("language", a.language);
	field("segment", a.segment);
	field("collector", a.collector_name);
	if (a.has_credit_limit) {
		char limit[32];
		money_format_grouped(a.credit_limit, limit, sizeof limit);
		field("credit limit", limit);
	}
	field("ledger read", a.imported_at);
	struct account_filter f = {.account_no = account};
	int rc = ledger_accounts(b.db, today(), &f, show_figures, &a);
	int64_t unapplied = rc == 0 ? bank_unapplied(b.db, account) : 0;
	if (unapplied > 0) /* the bank's credit the invoices did not take */
		money_line("unapplied", unapplied);
	if (rc == 0)
		rc = show_commitments(&b, account);
	static const struct table_column cols[] = {
		{"invoice_no", CELL_TEXT}, {"kind", CELL_TEXT}, {"issue_date", CELL_TEXT},
		{"due_date", CELL_TEXT}, {"amount", CELL_NUMBER}, {"open", CELL_NUMBER},
		{"days", CELL_NUMBER}, {"status", CELL_TEXT},
	};
	struct table t;
	printf("\nOpen items\n");
	table_begin(&t, FMT_TEXT, cols, sizeof cols / sizeof *cols, stdout);
	if (rc == 0 && ledger_items(b.db, account, today(), 0, item_line, &t) < 0)
		rc = -1;
	table_end(&t);
	printf("\nHistory\n");
	if (rc == 0)
		rc = print_history(b.db, account, NULL, FMT_TEXT);
	account_free(&a);
	book_close(&b);
	return rc ? 1 : 0;
}
