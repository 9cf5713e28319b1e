/* cmd_work.c — the collector's writes from the command line: `log call`,
 * `note`, `promise add|change|cancel`, `promises`, `dispute`,
 * `task add|done|move|edit`, `tasks`, `plan add|show|cancel`, `snooze`. The same
 * engine functions the workstation's forms will call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "work/lib.h"
#include "cli.h"
#include "book/lib.h"
#include "base/lib.h"

/* The book, to write (a read-only one is refused at once), or to read
 * (BOOK_READ: lists, which a read-only book gives as last written). */
static int open_book_as(const struct cli_globals *g, struct book *b, enum book_mode mode)
{
	return book_open_at(b, g->db, mode);
}

static int open_book(const struct cli_globals *g, struct book *b)
{
	return open_book_as(g, b, BOOK_EXISTING);
}

/* open_book_as, and an account (when one is named) that must be in it; on
 * failure the book is closed again. 0, or 1 after a message. */
static int open_book_account(const struct cli_globals *g, struct book *b, const char *account, enum book_mode mode)
{
	if (open_book_as(g, b, mode))
		return 1;
	if (account && ledger_account_exists(b->db, account) <= 0) {
		msg_error("no account %s in the book", account);
		book_close(b);
		return 1;
	}
	return 0;
}

/* An amount option's value in cents; -1 after an error. */
static int amount_arg(struct opts *o, int64_t *cents)
{
	enum money_error e = money_parse(o->arg, strlen(o->arg), MARK_UNKNOWN, cents);
	if (e != MONEY_OK || *cents <= 0) {
		msg_error("%s: %s %s", o->cmd, o->arg, e != MONEY_OK ? money_error_text(e) : "is not more than zero");
		o->bad = 1;
		return -1;
	}
	return 0;
}

static int finish(struct book *b, int rc)
{
	book_close(b);
	return rc < 0 ? 1 : rc;
}

int cmd_log(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	struct call c = {0};
	const char *what = NULL;
	int quiet = 0;
	opts_init(&o, "log", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q"))
			quiet = 1;
		else if (opts_value(&o, "--outcome"))
			c.outcome = o.arg;
		else if (opts_value(&o, "--duration"))
			c.duration_s = opts_long(&o, 0, 86400);
		else if (opts_value(&o, "--note"))
			c.note = o.arg;
		else if (opts_value(&o, "--number"))
			c.number = o.arg;
		else if (opts_value(&o, "--follow-up"))
			opts_date(&o, WHEN_NOT_PAST, &c.follow_up);
		else {
			const char *a = opts_positional(&o);
			if (a && !what)
				what = a;
			else if (a && !c.account_no)
				c.account_no = a;
			else if (a)
				msg_error("log: unexpected argument %s", a), o.bad = 1;
		}
	}
	if (!o.bad && (!what || strcmp(what, "call") || !c.account_no || !c.outcome)) {
		msg_error("log: usage: relance log call ACCOUNT --outcome O [--duration S] [--note T] [--quiet]");
		o.bad = 1;
	}
	if (o.bad)
		return opts_exit(&o);
	struct book b;
	if (open_book(g, &b))
		return 1;
	char entry[UID_LEN + 1], task[UID_LEN + 1];
	int rc = call_log_ids(&b, g->user, &c, entry, task);
	if (rc == 0 && !quiet) {
		printf("call %s\n", entry);
		if (*task)
			printf("task %s\n", task);
	}
	return finish(&b, rc);
}

static const struct table_column open_call_cols[] = {
	{"id", CELL_TEXT}, {"account_no", CELL_TEXT}, {"number", CELL_TEXT}, {"started", CELL_TEXT}, {"user", CELL_TEXT},
};

int cmd_calls(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *close = NULL, *user = NULL;
	int open = 0, fmt = FMT_TEXT;
	opts_init(&o, "calls", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--open"))
			open = 1;
		else if (opts_value(&o, "--close"))
			close = o.arg;
		else if (opts_value(&o, "--user"))
			user = o.arg;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_positional(&o))
			msg_error("calls: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (!o.bad && open == !!close) {
		msg_error("calls: usage: relance calls --open [--format F], or relance calls --close ID");
		o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (open_book_as(g, &b, close ? BOOK_EXISTING : BOOK_READ))
		return 1;
	if (close) {
		struct call_open c;
		int rc = call_open_find(&b, close, &c);
		if (rc == 0)
			rc = call_close_interrupted(&b, &c, -1);
		if (rc == 0)
			printf("closed the call to %s begun %s as interrupted\n", c.account_no, c.started);
		return finish(&b, rc);
	}
	int n = call_open_list(&b, user, NULL, 0);
	struct call_open *calls = n > 0 ? calloc((size_t)n, sizeof *calls) : NULL;
	if (n > 0 && (!calls || call_open_list(&b, user, calls, n) != n))
		n = -1;
	struct table t;
	table_begin(&t, (enum out_format)fmt, open_call_cols, sizeof open_call_cols / sizeof *open_call_cols, stdout);
	for (int i = 0; i < n; i++) {
		const char *cells[] = {calls[i].id, calls[i].account_no, calls[i].number, calls[i].started, calls[i].user};
		table_row(&t, cells);
	}
	table_end(&t);
	free(calls);
	return finish(&b, n < 0 ? -1 : 0);
}

int cmd_note(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL, *corrects = NULL;
	char text[4096] = "";
	size_t used = 0;
	int quiet = 0;
	opts_init(&o, "note", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q")) {
			quiet = 1;
		} else if (opts_value(&o, "--corrects")) {
			corrects = o.arg;
		} else {
			const char *w = opts_positional(&o);
			if (!w)
				break;
			if (!account) {
				account = w;
				continue;
			}
			int n = snprintf(text + used, sizeof text - used, "%s%s", used ? " " : "", w);
			if (n > 0 && used + (size_t)n < sizeof text)
				used += (size_t)n;
		}
	}
	if (!o.bad && (!account || !*text)) {
		msg_error("note: usage: relance note ACCOUNT TEXT [--corrects ENTRY_ID] [--quiet]");
		o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (open_book_account(g, &b, account, BOOK_EXISTING))
		return 1;
	if (corrects && journal_entry_of(b.db, corrects, account) <= 0) {
		msg_error("note: --corrects %s: no entry of account %s has that id (relance history %s --format tsv)",
			  corrects, account, account);
		return finish(&b, 1);
	}
	struct journal_entry e = {account, "note", g->user, NULL, text, NULL, NULL, corrects};
	char id[UID_LEN + 1];
	int rc = journal_add(&b, &e, id);
	if (rc == 0 && !quiet)
		printf("note %s\n", id);
	return finish(&b, rc);
}

int cmd_promise(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	struct promise_request r = {0};
	const char *what = NULL;
	int has_date = 0;
	opts_init(&o, "promise", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--amount"))
			amount_arg(&o, &r.amount);
		else if (opts_value(&o, "--date"))
			has_date = opts_date(&o, WHEN_NOT_PAST, &r.date) == 0;
		else if (opts_value(&o, "--invoices"))
			r.invoices = o.arg;
		else if (opts_value(&o, "--note"))
			r.note = o.arg;
		else {
			const char *a = opts_positional(&o);
			if (a && !what)
				what = a;
			else if (a && !r.account_no)
				r.account_no = a;
			else if (a)
				msg_error("promise: unexpected argument %s", a), o.bad = 1;
		}
	}
	int change = what && (!strcmp(what, "change") || !strcmp(what, "cancel"));
	if (!o.bad && (!what || (!change && strcmp(what, "add")) || !r.account_no || (!change && !has_date) ||
		       (change && r.invoices))) {
		msg_error("promise: usage: relance promise add ACCOUNT --date D [--amount A] [--invoices N,...]\n"
			  "   or: relance promise change PROMISE_ID [--date D] [--amount A] [--note T]\n"
			  "   or: relance promise cancel PROMISE_ID [--note T]");
		o.bad = 1;
	}
	if (o.bad)
		return opts_exit(&o);
	struct book b;
	if (open_book(g, &b))
		return 1;
	char id[UID_LEN + 1];
	int rc;
	if (change)
		rc = promise_change(&b, g->user, r.account_no, has_date ? r.date : 0, r.amount, !strcmp(what, "cancel"),
				    r.note);
	else
		rc = promise_add(&b, g->user, &r, id);
	if (rc == 0 && !change)
		printf("%s\n", id);
	return finish(&b, rc);
}

static const struct table_column promise_cols[] = {
	{"id", CELL_TEXT}, {"account_no", CELL_TEXT}, {"amount", CELL_NUMBER}, {"paid", CELL_NUMBER},
	{"promised_date", CELL_TEXT}, {"status", CELL_TEXT}, {"invoices", CELL_TEXT},
	{"made_at", CELL_TEXT}, {"user", CELL_TEXT},
};

struct promise_printer {
	struct table t;
	int text;
};

static void promise_line(const struct promise_row *r, void *arg)
{
	struct promise_printer *p = arg;
	char amt[32], paid[32];
	(p->text ? money_format_grouped : money_format)(r->amount, amt, sizeof amt);
	(p->text ? money_format_grouped : money_format)(r->paid, paid, sizeof paid);
	const char *cells[] = {r->id, r->account_no, amt, paid, r->promised_date, r->status, r->invoices,
			       r->made_at, r->user};
	table_row(&p->t, cells);
}

int cmd_promises(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL;
	int fmt = FMT_TEXT;
	opts_init(&o, "promises", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else {
			opts_account(&o, &account);
		}
	}
	if (o.bad)
		return 2;
	struct book b;
	if (open_book_account(g, &b, account, BOOK_READ))
		return 1;
	/* the rules first: what is listed is as of today */
	if (promise_evaluate(&b, today(), account) < 0)
		return finish(&b, 1);
	struct promise_printer p = {.text = fmt == FMT_TEXT};
	table_begin(&p.t, (enum out_format)fmt, promise_cols, sizeof promise_cols / sizeof *promise_cols, stdout);
	long n = promise_list(b.db, account, promise_line, &p);
	table_end(&p.t);
	return finish(&b, n < 0 ? -1 : 0);
}

int cmd_dispute(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *reason = NULL, *note = NULL, *resolve_as = NULL, *first = NULL, *invoice = NULL;
	int quiet = 0;
	opts_init(&o, "dispute", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q"))
			quiet = 1;
		else if (opts_value(&o, "--reason"))
			reason = o.arg;
		else if (opts_value(&o, "--note"))
			note = o.arg;
		else if (opts_value(&o, "--as"))
			resolve_as = o.arg;
		else {
			const char *a = opts_positional(&o);
			if (a && !first)
				first = a;
			else if (a && !invoice)
				invoice = a;
			else if (a)
				msg_error("dispute: unexpected argument %s", a), o.bad = 1;
		}
	}
	int resolving = first && !strcmp(first, "resolve");
	if (!resolving)
		invoice = first;
	if (!o.bad && (!invoice || (resolving ? !resolve_as : !reason))) {
		msg_error("dispute: usage: relance dispute INVOICE --reason R [--note T] [--quiet], or "
			  "relance dispute resolve INVOICE --as credit_note|rejected|resolved");
		o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (open_book(g, &b))
		return 1;
	if (resolving)
		return finish(&b, dispute_resolve(&b, g->user, invoice, resolve_as, note));
	int rc = dispute_open(&b, g->user, invoice, reason, note);
	if (rc == 0 && !quiet)
		printf("dispute %s\n", journal_last_id());
	return finish(&b, rc);
}

int cmd_task(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	day_t due = 0;
	int has_date = 0;
	const char *what = NULL, *target = NULL;
	char text[1024] = "";
	size_t used = 0;
	opts_init(&o, "task", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--date")) {
			has_date = opts_date(&o, WHEN_NOT_PAST, &due) == 0;
		} else {
			const char *a = opts_positional(&o);
			if (!a)
				break;
			if (!what)
				what = a;
			else if (!target)
				target = a;
			else {
				int n = snprintf(text + used, sizeof text - used, "%s%s", used ? " " : "", a);
				if (n > 0 && used + (size_t)n < sizeof text)
					used += (size_t)n;
			}
		}
	}
	int adding = what && !strcmp(what, "add"), done = what && !strcmp(what, "done");
	int moving = what && !strcmp(what, "move"), editing = what && !strcmp(what, "edit");
	if (!o.bad && !((adding && target && has_date && *text) || (done && target && !*text && !has_date) ||
			(moving && target && has_date && !*text) || (editing && target && *text))) {
		msg_error("task: usage: relance task add ACCOUNT --date D TEXT, relance task done TASK_ID,\n"
			  "   relance task move TASK_ID --date D, or relance task edit TASK_ID [--date D] TEXT");
		o.bad = 1;
	}
	if (o.bad)
		return opts_exit(&o);
	struct book b;
	if (open_book(g, &b))
		return 1;
	if (done)
		return finish(&b, task_done(&b, g->user, target));
	if (moving || editing)
		return finish(&b, task_change(&b, g->user, target, has_date ? due : 0, editing ? text : NULL));
	char id[UID_LEN + 1];
	int rc = task_add(&b, g->user, target, due, text, id);
	if (rc == 0)
		printf("%s\n", id);
	return finish(&b, rc);
}

static const struct table_column task_cols[] = {
	{"id", CELL_TEXT}, {"account_no", CELL_TEXT}, {"due_date", CELL_TEXT},
	{"text", CELL_TEXT}, {"user", CELL_TEXT}, {"created_at", CELL_TEXT},
};

static void task_line(const struct task_row *r, void *arg)
{
	const char *cells[] = {r->id, r->account_no, r->due_date, r->text, r->user, r->created_at};
	table_row(arg, cells);
}

int cmd_tasks(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL;
	day_t due = 0;
	int fmt = FMT_TEXT, has_due = 0;
	opts_init(&o, "tasks", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--due"))
			has_due = opts_date(&o, WHEN_ANY_DAY, &due) == 0;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else
			opts_account(&o, &account);
	}
	if (o.bad)
		return 2;
	struct book b;
	if (open_book_account(g, &b, account, BOOK_READ))
		return 1;
	struct table t;
	table_begin(&t, (enum out_format)fmt, task_cols, sizeof task_cols / sizeof *task_cols, stdout);
	long n = task_list(b.db, account, has_due ? &due : NULL, task_line, &t);
	table_end(&t);
	return finish(&b, n < 0 ? -1 : 0);
}

static const struct table_column installment_cols[] = {
	{"seq", CELL_NUMBER}, {"due_date", CELL_TEXT}, {"amount", CELL_NUMBER}, {"paid", CELL_NUMBER},
	{"status", CELL_TEXT}, {"plan", CELL_TEXT},
};

static void installment_line(const struct installment_row *r, void *arg)
{
	struct promise_printer *p = arg;
	char seq[16], amt[32], paid[32];
	snprintf(seq, sizeof seq, "%d", r->seq);
	(p->text ? money_format_grouped : money_format)(r->amount, amt, sizeof amt);
	(p->text ? money_format_grouped : money_format)(r->paid, paid, sizeof paid);
	const char *cells[] = {seq, r->due_date, amt, paid, r->status, r->plan_status};
	table_row(&p->t, cells);
}

int cmd_plan(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	struct plan_request r = {.every = EVERY_MONTH};
	const char *what = NULL;
	int fmt = FMT_TEXT, has_first = 0, has_every = 0;
	opts_init(&o, "plan", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--installments"))
			r.installments = (int)opts_long(&o, 1, PLAN_MAX_INSTALLMENTS);
		else if (opts_value(&o, "--every")) {
			int e = plan_every_named(o.arg);
			if (e < 0)
				msg_error("plan: --every %s: say week, 2weeks or month", o.arg), o.bad = 1;
			r.every = (enum plan_every)e, has_every = 1;
		} else if (opts_value(&o, "--first"))
			has_first = opts_date(&o, WHEN_NOT_PAST, &r.first) == 0;
		else if (opts_value(&o, "--down"))
			amount_arg(&o, &r.down);
		else if (opts_value(&o, "--fee"))
			amount_arg(&o, &r.fee);
		else if (opts_value(&o, "--total"))
			amount_arg(&o, &r.total);
		else if (opts_value(&o, "--invoices"))
			r.invoices = o.arg;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else {
			const char *a = opts_positional(&o);
			if (a && !what)
				what = a;
			else if (a && !r.account_no)
				r.account_no = a;
			else if (a)
				msg_error("plan: unexpected argument %s", a), o.bad = 1;
		}
	}
	int adding = what && !strcmp(what, "add");
	int known = what && (adding || !strcmp(what, "show") || !strcmp(what, "cancel"));
	if (!o.bad && (!known || !r.account_no || (adding && (!r.installments || !has_first || !has_every)))) {
		msg_error("plan: usage: relance plan add ACCOUNT --installments K --every week|2weeks|month "
			  "--first D [--down A] [--fee A] [--total A]; plan show ACCOUNT; plan cancel ACCOUNT");
		o.bad = 1;
	}
	if (o.bad)
		return opts_exit(&o);
	struct book b;
	if (open_book_as(g, &b, adding || !strcmp(what, "cancel") ? BOOK_EXISTING : BOOK_READ))
		return 1;
	if (adding) {
		char id[UID_LEN + 1];
		int rc = plan_add(&b, g->user, &r, id);
		if (rc == 0)
			printf("%s\n", id);
		return finish(&b, rc);
	}
	if (!strcmp(what, "cancel"))
		return finish(&b, plan_cancel(&b, g->user, r.account_no));
	if (ledger_account_exists(b.db, r.account_no) <= 0) {
		msg_error("no account %s in the book", r.account_no);
		return finish(&b, 1);
	}
	if (plan_evaluate(&b, today(), r.account_no) < 0)
		return finish(&b, 1);
	struct promise_printer p = {.text = fmt == FMT_TEXT};
	table_begin(&p.t, (enum out_format)fmt, installment_cols, sizeof installment_cols / sizeof *installment_cols,
		    stdout);
	long n = plan_installments(b.db, r.account_no, installment_line, &p);
	table_end(&p.t);
	if (n == 0 && fmt == FMT_TEXT)
		printf("account %s has no payment plan\n", r.account_no);
	return finish(&b, n < 0 ? -1 : 0);
}

int cmd_snooze(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL;
	day_t until = 0;
	int has_until = 0;
	int off = 0;
	opts_init(&o, "snooze", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--until"))
			has_until = opts_date(&o, WHEN_NOT_PAST, &until) == 0;
		else if (opts_flag(&o, "--off"))
			off = 1;
		else {
			opts_account(&o, &account);
		}
	}
	if (!o.bad && (!account || has_until == off)) {
		msg_error("snooze: usage: relance snooze ACCOUNT --until D, or relance snooze ACCOUNT --off");
		o.bad = 1;
	}
	if (o.bad)
		return opts_exit(&o);
	struct book b;
	if (open_book(g, &b))
		return 1;
	if (off)
		return finish(&b, task_unsnooze(&b, g->user, account));
	return finish(&b, task_snooze(&b, g->user, account, until));
}

int cmd_rules(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	long values[32];
	const char *names[32];
	int n = 0;
	opts_init(&o, "rules", argc, argv);
	while (opts_more(&o)) {
		int matched = 0;
		for (const struct rule *r = book_rules; r->name && !matched; r++) {
			char opt[64];
			snprintf(opt, sizeof opt, "--%s", r->name);
			if (opts_value(&o, opt)) {
				matched = 1;
				if (n < 32) {
					names[n] = r->name;
					values[n++] = opts_long(&o, r->lo, r->hi);
				}
			}
		}
		if (!matched && opts_positional(&o))
			msg_error("rules: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (open_book_as(g, &b, n ? BOOK_EXISTING : BOOK_READ))
		return 1;
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = rule_set(b.db, names[i], values[i]);
	for (const struct rule *r = book_rules; rc == 0 && r->name; r++)
		printf("%s = %d\t# %s (default %d)\n", r->name, rule_value(b.db, r->name), r->help, r->fallback);
	return finish(&b, rc);
}
