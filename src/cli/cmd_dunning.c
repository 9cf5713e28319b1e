/* cmd_dunning.c — `relance dunning run|status|pending|hold|release|set`:
 * the reminders due today, sent or listed (a run stops cleanly on SIGINT,
 * SIGTERM or SIGHUP); where an account's invoices stand; the messages a stopped
 * run left pending; holding an account out of dunning and its own
 * procedure and rate. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dunning/lib.h"
#include "book/lib.h"
#include "base/lib.h"
#include "ui/lib.h"

static const struct table_column run_cols[] = {
	{"account_no", CELL_TEXT}, {"invoice_no", CELL_TEXT}, {"step", CELL_NUMBER}, {"channel", CELL_TEXT},
	{"template", CELL_TEXT}, {"language", CELL_TEXT}, {"amount", CELL_NUMBER},
};

struct run_counts {
	long messages, invoices, failed, unknown, pending, by_channel[CHANNELS];
};

static void count_channel(struct run_counts *c, const char *ch)
{
	for (int i = 0; i < CHANNELS; i++)
		if (!strcmp(ch, channel_names[i]))
			c->by_channel[i]++;
}

/* SIGINT, SIGTERM or SIGHUP: the message being sent is finished and journaled,
 * then the run stops. The handler goes with the first signal, so that a
 * second one stops at once (what it cuts stays pending). */
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig)
{
	stop_signal = sig;
	dunning_stopping = 1;
}

static void catch_stop(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESETHAND | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* The invoices an account's messages gathered in this run, sent or not:
 * once a message has gone the account is read again, and must not offer
 * them again today. */
struct dealt {
	char (*no)[65];
	size_t n, cap;
};

static void dealt_add(struct dealt *d, const char *no)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 8;
		d->no = realloc(d->no, d->cap * sizeof *d->no);
		if (!d->no)
			abort();
	}
	snprintf(d->no[d->n++], sizeof *d->no, "%s", no);
}

static void dealt_apply(const struct dealt *d, struct dun_account *a)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t k = 0; k < d->n; k++)
			if (!strcmp(a->inv[i].invoice_no, d->no[k]) && a->inv[i].state == DUN_DUE)
				a->inv[i].state = DUN_WAITING;
}

static void print_rows(const struct dun_account *a, const struct dun_message *m, struct table *t,
		       struct run_counts *c)
{
	c->messages++;
	count_channel(c, m->channel);
	for (size_t i = 0; i < m->n; i++) {
		const struct dun_invoice *v = &a->inv[m->which[i]];
		char step[12], amount[32];
		snprintf(step, sizeof step, "%d", m->step->step);
		money_format(v->open, amount, sizeof amount);
		const char *cells[] = {a->account_no, v->invoice_no, step, m->channel, m->step->template, m->lang, amount};
		table_row(t, cells);
		c->invoices++;
	}
}

/* One account: each step's message, sent (or only listed). A real run
 * decides under the book's write lock and records the message as pending
 * before it goes (dunning_send ends the transaction): two runs at once,
 * or a run killed at any point, never send one step twice. Returns 0, -1
 * on error, 1 when it stopped on a signal with messages left. */
static int run_account(struct book *b, struct dun_run *r, const char *user, const char *account, day_t today,
		       int dry_run, struct table *t, struct run_counts *c)
{
	struct dealt d = {0};
	int rc = 0;
	for (int again = 1; again && !rc;) {
		again = 0;
		if (!dry_run && db_begin(b->db)) {
			rc = -1;
			break;
		}
		struct dun_account a;
		int read = dunning_account_in(r, account, today, &a);
		if (read) {
			if (!dry_run)
				db_rollback(b->db);
			rc = read < 0 ? -1 : 0;
			break;
		}
		dealt_apply(&d, &a);
		int open = !dry_run; /* the transaction, until dunning_send ends it */
		for (;;) {
			struct dun_message m;
			int more = dunning_collect(&a, 0, DUN_COLLECT_DUE, &m) > 0;
			if (more && stop_signal && !dry_run)
				rc = 1; /* asked to stop: the account has messages left */
			if (!more || rc) {
				dunning_message_free(&m);
				break;
			}
			char err[1200] = "", file[1100];
			/* a dry run lists: the text is not written unless it may fail */
			int failed = dry_run ? dunning_render_check(r, &m, today, err, sizeof err)
					     : dunning_render(b->db, &m, NULL, today, err, sizeof err);
			if (!failed && !dry_run) {
				failed = dunning_send(b, user, &m, today, file, sizeof file, err, sizeof err);
				open = 0;
			}
			if (failed) {
				msg_error("dunning: %s step %d (%s): %s", a.account_no, m.step->step, m.channel, err);
				if (failed == -2)
					c->unknown++;
				else
					c->failed++;
			} else {
				print_rows(&a, &m, t, c);
			}
			/* these invoices are dealt with for today, sent or not */
			for (size_t i = 0; i < m.n; i++) {
				a.inv[m.which[i]].state = DUN_WAITING;
				dealt_add(&d, a.inv[m.which[i]].invoice_no);
			}
			dunning_message_free(&m);
			if (!dry_run && !open) { /* it went: read again, under a new lock */
				again = 1;
				break;
			}
		}
		if (open && db_commit(b->db)) {
			db_rollback(b->db);
			rc = -1;
		}
		dunning_account_free(&a);
	}
	free(d.no);
	return rc;
}

/* A message left pending by a run that was stopped on its way: never sent
 * again without a person saying so. */
static void warn_pending(const struct dun_pending *p, void *arg)
{
	struct run_counts *c = arg;
	if (p->live)
		return; /* another run is sending it now */
	msg_warn("dunning: %s step %d (%s%s%s) was on its way when a run was stopped (%s): it may have gone; "
		 "not sent again until resolved (relance dunning pending)", p->account_no, p->step, p->channel,
		 p->recipient[0] ? " to " : "", p->recipient, p->at);
	c->pending++;
}

/* For make bench (RELANCE_BENCH_LOG names a file): a real run's time from
 * its first account to its last, and how much of it went waiting for
 * sendmail (or the SMS command) and writing letters. */
static void bench_log(double all, const struct run_counts *c)
{
	const char *path = getenv("RELANCE_BENCH_LOG");
	FILE *fp = path && *path ? fopen(path, "a") : NULL;
	if (!fp)
		return;
	const struct dun_send_times *t = &dunning_send_times;
	fprintf(fp, "dunning-run all %.3f messages %ld sendmail %.3f calls %ld letters %.3f pdfs %ld\n", all,
		c->messages, t->child, t->children, t->letters, t->pdfs);
	fclose(fp);
}

static int by_name(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Stale payment data (book/freshness.h, set stale-days) stops a real run
 * before it writes anything: a reminder to a debtor who has paid is the
 * worst a collector can send. --force sends all the same and says so; a
 * dry run lists and warns. Returns 0 to go on, 1 to stop. */
static int check_fresh(struct book *b, day_t today, int dry_run, int force)
{
	struct freshness f;
	char said[160];
	if (book_freshness(b->db, today, company.stale_days, &f))
		return 1;
	if (!f.stale)
		return 0;
	freshness_text(&f, company.stale_days, said, sizeof said);
	if (force) {
		msg_warn("dunning run: payment data is stale: %s: sending anyway (--force)", said);
		return 0;
	}
	if (dry_run) {
		msg_warn("dunning run: payment data is stale: %s: a run would refuse to send (import the ledger's "
			 "payments or a bank statement first, or use --force)", said);
		return 0;
	}
	msg_error("payment data is stale: %s: import the ledger's payments or a bank statement first, or use "
		  "--force; nothing was sent", said);
	return 1;
}

static int dunning_run(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int dry_run = 0, quiet = 0, force = 0, fmt = FMT_TEXT;
	const char *only = NULL;
	opts_init(&o, "dunning run", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--dry-run") || opts_flag(&o, "-n"))
			dry_run = 1;
		else if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q"))
			quiet = 1;
		else if (opts_flag(&o, "--force"))
			force = 1;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_value(&o, "--account"))
			only = o.arg;
		else if (opts_positional(&o))
			msg_error("dunning run: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad || fmt < 0)
		return 2;
	if (ui_config_load())
		return 1;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_EXISTING))
		return 1;
	day_t today_d = today();
	if (check_fresh(&b, today_d, dry_run, force)) {
		book_close(&b);
		return 1;
	}
	char horizon[11];
	date_iso(today_d + 90, horizon);
	/* read through the table, sorted and made distinct here (by bytes, as
	 * SQLite's BINARY order): not a look-up a row through the index */
	sqlite3_stmt *st = db_prepare(b.db,
		"SELECT account_no FROM invoices WHERE status = 'open' AND kind = 'invoice' "
		"AND due_date <= ?1 AND (?2 IS NULL OR account_no = ?2)");
	if (!st) {
		book_close(&b);
		return 1;
	}
	sqlite3_bind_text(st, 1, horizon, -1, SQLITE_STATIC);
	if (only)
		sqlite3_bind_text(st, 2, only, -1, SQLITE_STATIC);
	if (only && ledger_account_exists(b.db, only) <= 0) {
		msg_error("dunning run: no account %s in the book", only);
		sqlite3_finalize(st);
		book_close(&b);
		return 1;
	}
	/* the accounts first: sending must not hold a read open on the book */
	char **accounts = NULL;
	size_t n = 0, cap = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			accounts = realloc(accounts, cap * sizeof *accounts);
			if (!accounts)
				abort();
		}
		accounts[n++] = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (n)
		qsort(accounts, n, sizeof *accounts, by_name);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept && !strcmp(accounts[kept - 1], accounts[i]))
			free(accounts[i]);
		else
			accounts[kept++] = accounts[i];
	}
	n = kept;
	struct run_counts c = {0};
	if (dunning_pending_each(b.db, only, warn_pending, &c) < 0) {
		book_close(&b);
		return 1;
	}
	if (!dry_run)
		catch_stop();
	struct table t;
	table_begin(&t, (enum out_format)fmt, run_cols, sizeof run_cols / sizeof run_cols[0], stdout);
	int rc = 0;
	size_t left = 0; /* accounts not gone through, when stopped */
	/* a dry run reads one snapshot (and takes the file's lock once), each
	 * table once in account order; a real one writes after each message,
	 * and reads each account again under the write lock */
	int snapshot = dry_run && db_exec(b.db, "BEGIN") == 0;
	struct dun_run *r = snapshot ? dunning_run_sweep(b.db) : dunning_run_begin(b.db);
	if (!dry_run)
		dunning_send_durable(&b, 1);
	double t0 = monotonic_seconds();
	for (size_t i = 0; i < n; i++) {
		if (!rc && stop_signal)
			rc = 1;
		if (!rc)
			rc = run_account(&b, r, g->user, accounts[i], today_d, dry_run, &t, &c);
		if (rc > 0 && !left)
			left = n - i;
		free(accounts[i]);
	}
	if (!dry_run)
		bench_log(monotonic_seconds() - t0, &c);
	dunning_run_end(r); /* a sweep's statements end before its snapshot */
	if (snapshot)
		db_exec(b.db, "COMMIT");
	if (!dry_run)
		dunning_send_durable(&b, 0);
	free(accounts);
	table_end(&t);
	if (!quiet) {
		fprintf(stderr, "dunning%s: %ld message%s for %ld invoice%s (%ld e-mail, %ld letter, %ld registered, "
			 "%ld SMS, %ld call, %ld agency, %ld lawyer)%s%ld failed",
			 dry_run ? " (dry run, nothing sent)" : "", c.messages, c.messages == 1 ? "" : "s", c.invoices,
			 c.invoices == 1 ? "" : "s", c.by_channel[0], c.by_channel[1], c.by_channel[2], c.by_channel[3],
			 c.by_channel[4], c.by_channel[5], c.by_channel[6], "; ", c.failed);
		if (c.unknown + c.pending)
			fprintf(stderr, "; %ld pending, outcome unknown (relance dunning pending)", c.unknown + c.pending);
		fputc('\n', stderr);
	}
	if (stop_signal)
		msg_error("dunning run: stopped by %s after %ld message%s sent; %zu of %zu accounts not gone through: "
			  "run it again to send the rest", stop_signal == SIGINT ? "SIGINT" : stop_signal == SIGHUP ? "SIGHUP" : "SIGTERM", c.messages,
			  c.messages == 1 ? "" : "s", left, n);
	book_close(&b);
	if (stop_signal)
		return 128 + stop_signal;
	return rc || c.failed || c.unknown || c.pending ? 1 : 0;
}

static const struct table_column status_cols[] = {
	{"invoice_no", CELL_TEXT}, {"due_date", CELL_TEXT}, {"open", CELL_NUMBER}, {"procedure", CELL_TEXT},
	{"level", CELL_NUMBER}, {"level_date", CELL_TEXT}, {"state", CELL_TEXT}, {"next_step", CELL_NUMBER},
	{"next_channel", CELL_TEXT}, {"next_date", CELL_TEXT},
};

static int dunning_status(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int fmt = FMT_TEXT;
	const char *account = NULL;
	opts_init(&o, "dunning status", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else {
			opts_account(&o, &account);
		}
	}
	if (!o.bad && !account)
		msg_error("dunning status: usage: relance dunning status ACCOUNT"), o.bad = 1;
	if (o.bad || fmt < 0)
		return 2;
	struct book b;
	struct dun_account a;
	if (dunning_cmd_load(g, "dunning status", account, &b, &a))
		return 1;
	struct table t;
	table_begin(&t, (enum out_format)fmt, status_cols, sizeof status_cols / sizeof status_cols[0], stdout);
	for (size_t i = 0; i < a.n; i++) {
		const struct dun_invoice *v = &a.inv[i];
		char due[11], open[32], level[12], level_day[11] = "", next[12] = "", next_day[11] = "";
		const char *channel = "";
		date_iso(v->due, due);
		money_format(v->open, open, sizeof open);
		snprintf(level, sizeof level, "%d", v->level);
		if (v->level)
			date_iso(v->level_day, level_day);
		if (v->next && (v->state == DUN_DUE || v->state == DUN_WAITING)) {
			snprintf(next, sizeof next, "%d", v->next);
			date_iso(v->next_day, next_day);
			channel = a.proc.steps[v->next - 1].channel;
		}
		/* a message about it on its way, or its outcome unknown: not "waiting" */
		const char *state = v->pending ? "pending" : dun_state_name(v->state);
		const char *cells[] = {v->invoice_no, due, open, a.proc.name, level, level_day,
				       state, next, channel, next_day};
		table_row(&t, cells);
	}
	table_end(&t);
	if (fmt == FMT_TEXT && a.hold)
		printf("the account is held out of dunning (relance dunning release %s)\n", a.account_no);
	dunning_account_free(&a);
	book_close(&b);
	return 0;
}

/* hold, release, set: one row of account_dunning, journaled (standing.c). */
static int dunning_setting(const struct cli_globals *g, const char *verb, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL;
	struct dun_setting s = {.hold = !strcmp(verb, "dunning hold") ? 1 : !strcmp(verb, "dunning release") ? 0 : -1,
				.rate = -2, .claims = -2};
	opts_init(&o, verb, argc, argv);
	int set = !strcmp(verb, "dunning set");
	while (opts_more(&o)) {
		if (set && opts_value(&o, "--procedure"))
			s.procedure = o.arg;
		else if (set && opts_value(&o, "--rate")) {
			if (!strcmp(o.arg, "none"))
				s.rate = -1;
			else {
				int64_t r;
				if (money_parse(o.arg, strlen(o.arg), MARK_POINT, &r) != MONEY_OK || r < 0 || r > 10000)
					msg_error("%s: --rate %s: a yearly rate in percent (8.5) or none", verb, o.arg),
						o.bad = 1;
				else
					s.rate = (long)r;
			}
		} else if (set && opts_value(&o, "--claims")) {
			if (!strcmp(o.arg, "no") || !strcmp(o.arg, "default"))
				s.claims = !strcmp(o.arg, "no") ? 0 : -1;
			else
				msg_error("%s: --claims %s: no (the contract provides for no interest, damages or "
					  "fees) or default (as the procedure says)", verb, o.arg), o.bad = 1;
		} else if (opts_value(&o, "--note"))
			s.note = o.arg;
		else {
			opts_account(&o, &account);
		}
	}
	if (!o.bad && !account)
		msg_error("%s: give an account", verb), o.bad = 1;
	if (!o.bad && set && !s.procedure && s.rate == -2 && s.claims == -2)
		msg_error("%s: give --procedure NAME|default, --rate R|none or --claims no|default", verb), o.bad = 1;
	if (o.bad)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_EXISTING))
		return 1;
	char summary[300];
	int rc = dunning_setting_save(&b, g->user, account, &s, summary, sizeof summary);
	if (!rc)
		printf("%s: %s\n", account, summary);
	book_close(&b);
	return rc ? 1 : 0;
}

static const struct table_column pending_cols[] = {
	{"account_no", CELL_TEXT}, {"step", CELL_NUMBER}, {"channel", CELL_TEXT}, {"recipient", CELL_TEXT},
	{"since", CELL_TEXT}, {"state", CELL_TEXT}, {"file", CELL_TEXT},
};

struct pending_list {
	struct table *t;
	struct dun_pending *rows;
	size_t n, cap;
};

static void list_pending(const struct dun_pending *p, void *arg)
{
	struct pending_list *l = arg;
	if (l->t) {
		char step[12], state[40];
		snprintf(step, sizeof step, "%d", p->step);
		if (p->live)
			snprintf(state, sizeof state, "sending (pid %ld)", p->pid);
		else
			snprintf(state, sizeof state, "unknown");
		const char *cells[] = {p->account_no, step, p->channel, p->recipient, p->at, state, p->file};
		table_row(l->t, cells);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->rows = realloc(l->rows, l->cap * sizeof *l->rows);
		if (!l->rows)
			abort();
	}
	l->rows[l->n++] = *p;
}

/* dunning pending: the messages a stopped run left on their way, and
 * what became of them once a person knows (--sent: journaled as the step
 * taken; --retry: forgotten, the next run sends them again). */
static int dunning_pending(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int fmt = FMT_TEXT, all = 0, sent = 0, retry = 0;
	const char *account = NULL;
	opts_init(&o, "dunning pending", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_flag(&o, "--sent"))
			sent = 1;
		else if (opts_flag(&o, "--retry"))
			retry = 1;
		else if (opts_flag(&o, "--all"))
			all = 1;
		else
			opts_account(&o, &account);
	}
	if (!o.bad && sent && retry)
		msg_error("dunning pending: --sent or --retry, not both"), o.bad = 1;
	if (!o.bad && (sent || retry) && !account == !all)
		msg_error("dunning pending: %s: give an account or --all", sent ? "--sent" : "--retry"), o.bad = 1;
	if (!o.bad && !sent && !retry && all)
		msg_error("dunning pending: --all goes with --sent or --retry"), o.bad = 1;
	if (o.bad || fmt < 0)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_EXISTING))
		return 1;
	if (account && ledger_account_exists(b.db, account) <= 0) {
		msg_error("dunning pending: no account %s in the book", account);
		book_close(&b);
		return 1;
	}
	struct table t;
	struct pending_list l = {0};
	if (!sent && !retry) {
		table_begin(&t, (enum out_format)fmt, pending_cols, sizeof pending_cols / sizeof pending_cols[0], stdout);
		l.t = &t;
	}
	long n = dunning_pending_each(b.db, account, list_pending, &l);
	int rc = n < 0;
	if (l.t) {
		table_end(&t);
		if (fmt == FMT_TEXT && n > 0)
			printf("sent? relance dunning pending --sent ACCOUNT|--all journals them as sent; "
			       "--retry ACCOUNT|--all lets the next run send them again\n");
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct dun_pending *p = &l.rows[i];
		if (p->live) {
			msg_warn("dunning pending: %s step %d (%s) is being sent by a run now (pid %ld): left alone",
				 p->account_no, p->step, p->channel, p->pid);
			continue;
		}
		int r = sent ? dunning_pending_sent(&b, p->id) : dunning_pending_drop(&b, p->id);
		if (r < 0) {
			msg_error("dunning pending: %s step %d: %s", p->account_no, p->step, sqlite3_errmsg(b.db));
			rc = 1;
		} else if (r == 0) {
			printf("%s step %d (%s%s%s): %s\n", p->account_no, p->step, p->channel, p->recipient[0] ? " to " : "",
			       p->recipient, sent ? "journaled as sent" : "forgotten: the next run sends it again");
		}
	}
	if ((sent || retry) && l.n == 0)
		printf("nothing pending%s%s\n", account ? " for " : "", account ? account : "");
	free(l.rows);
	book_close(&b);
	return rc;
}

int cmd_dunning(const struct cli_globals *g, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (!strcmp(sub, "run"))
		return dunning_run(g, argc - 1, argv + 1);
	if (!strcmp(sub, "status"))
		return dunning_status(g, argc - 1, argv + 1);
	if (!strcmp(sub, "pending"))
		return dunning_pending(g, argc - 1, argv + 1);
	if (!strcmp(sub, "hold"))
		return dunning_setting(g, "dunning hold", argc - 1, argv + 1);
	if (!strcmp(sub, "release"))
		return dunning_setting(g, "dunning release", argc - 1, argv + 1);
	if (!strcmp(sub, "set"))
		return dunning_setting(g, "dunning set", argc - 1, argv + 1);
	msg_error("dunning: say run, status, pending, hold, release or set (relance dunning --help)");
	return 2;
}
