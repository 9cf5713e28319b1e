/* cmd_dunning.c — `relance dunning run|status|hold|release|set`: the
 * reminders due today, sent or listed; where an account's invoices stand;
 * holding an account out of dunning and its own procedure and rate. */
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
	long messages, invoices, failed, by_channel[CHANNELS];
};

static void count_channel(struct run_counts *c, const char *ch)
{
	for (int i = 0; i < CHANNELS; i++)
		if (!strcmp(ch, channel_names[i]))
			c->by_channel[i]++;
}

/* One account: each step's message, sent (or only listed). */
static int run_account(struct book *b, struct dun_run *r, const char *user, const char *account, day_t today,
		       int dry_run, struct table *t, struct run_counts *c)
{
	/* a real run reads and sends under the book's write lock, one account
	 * at a time: two runs at once never send one step twice */
	int nested = 0;
	if (!dry_run && db_tx_begin(b->db, &nested))
		return -1;
	struct dun_account a;
	int rc = dunning_account_in(r, account, today, &a);
	if (rc) {
		if (!dry_run)
			db_tx_rollback(b->db, nested);
		return rc < 0 ? -1 : 0;
	}
	for (;;) {
		struct dun_message m;
		if (dunning_collect(&a, 0, DUN_COLLECT_DUE, &m) <= 0) {
			dunning_message_free(&m);
			break;
		}
		char err[512] = "", file[1100];
		int failed = dunning_render(b->db, &m, NULL, today, err, sizeof err);
		if (!failed && !dry_run)
			failed = dunning_send(b, user, &m, today, file, sizeof file, err, sizeof err);
		if (failed) {
			msg_error("dunning: %s step %d (%s): %s", a.account_no, m.step->step, m.channel, err);
			c->failed++;
		} else {
			c->messages++;
			count_channel(c, m.channel);
			for (size_t i = 0; i < m.n; i++) {
				const struct dun_invoice *v = &a.inv[m.which[i]];
				char step[12], amount[32];
				snprintf(step, sizeof step, "%d", m.step->step);
				money_format(v->open, amount, sizeof amount);
				const char *cells[] = {a.account_no, v->invoice_no, step, m.channel,
						       m.step->template, m.lang, amount};
				table_row(t, cells);
				c->invoices++;
			}
		}
		/* these invoices are dealt with for today, sent or not */
		for (size_t i = 0; i < m.n; i++)
			a.inv[m.which[i]].state = DUN_WAITING;
		dunning_message_free(&m);
	}
	dunning_account_free(&a);
	return !dry_run && db_tx_commit(b->db, nested) ? -1 : 0;
}

static int dunning_run(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int dry_run = 0, quiet = 0, fmt = FMT_TEXT;
	const char *only = NULL;
	opts_init(&o, "dunning run", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--dry-run") || opts_flag(&o, "-n"))
			dry_run = 1;
		else if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q"))
			quiet = 1;
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
	char horizon[11];
	date_iso(today_d + 90, horizon);
	sqlite3_stmt *st = db_prepare(b.db,
		"SELECT DISTINCT account_no FROM invoices WHERE status = 'open' AND kind = 'invoice' "
		"AND due_date <= ?1 AND (?2 IS NULL OR account_no = ?2) ORDER BY account_no");
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
	struct table t;
	table_begin(&t, (enum out_format)fmt, run_cols, sizeof run_cols / sizeof run_cols[0], stdout);
	struct run_counts c = {0};
	int rc = 0;
	struct dun_run *r = dunning_run_begin(b.db);
	/* a dry run reads one snapshot (and takes the file's lock once);
	 * a real one writes after each message */
	int snapshot = dry_run && db_exec(b.db, "BEGIN") == 0;
	for (size_t i = 0; i < n; i++) {
		if (!rc && run_account(&b, r, g->user, accounts[i], today_d, dry_run, &t, &c))
			rc = -1;
		free(accounts[i]);
	}
	if (snapshot)
		db_exec(b.db, "COMMIT");
	dunning_run_end(r);
	free(accounts);
	table_end(&t);
	if (!quiet) {
		fprintf(stderr, "dunning%s: %ld message%s for %ld invoice%s (%ld e-mail, %ld letter, %ld registered, "
			 "%ld SMS, %ld call, %ld agency, %ld lawyer)%s%ld failed\n",
			 dry_run ? " (dry run, nothing sent)" : "", c.messages, c.messages == 1 ? "" : "s", c.invoices,
			 c.invoices == 1 ? "" : "s", c.by_channel[0], c.by_channel[1], c.by_channel[2], c.by_channel[3],
			 c.by_channel[4], c.by_channel[5], c.by_channel[6], "; ", c.failed);
	}
	book_close(&b);
	return rc || c.failed ? 1 : 0;
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
		const char *cells[] = {v->invoice_no, due, open, a.proc.name, level, level_day,
				       dun_state_name(v->state), next, channel, next_day};
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
				.rate = -2};
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
		} else if (opts_value(&o, "--note"))
			s.note = o.arg;
		else {
			opts_account(&o, &account);
		}
	}
	if (!o.bad && !account)
		msg_error("%s: give an account", verb), o.bad = 1;
	if (!o.bad && set && !s.procedure && s.rate == -2)
		msg_error("%s: give --procedure NAME|default or --rate R|none", verb), o.bad = 1;
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

int cmd_dunning(const struct cli_globals *g, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "";
	if (!strcmp(sub, "run"))
		return dunning_run(g, argc - 1, argv + 1);
	if (!strcmp(sub, "status"))
		return dunning_status(g, argc - 1, argv + 1);
	if (!strcmp(sub, "hold"))
		return dunning_setting(g, "dunning hold", argc - 1, argv + 1);
	if (!strcmp(sub, "release"))
		return dunning_setting(g, "dunning release", argc - 1, argv + 1);
	if (!strcmp(sub, "set"))
		return dunning_setting(g, "dunning set", argc - 1, argv + 1);
	msg_error("dunning: say run, status, hold, release or set (relance dunning --help)");
	return 2;
}
