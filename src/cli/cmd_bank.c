/* cmd_bank.c — `relance import bank FILE...` and `relance bank
 * statements|list|match|unmatch|ignore`: the bank statements read, their
 * credits listed, and matched or set aside by hand. The engine is
 * src/bank/; nothing here knows SQL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "bank/lib.h"
#include "book/lib.h"
#include "base/lib.h"

/* Every file read before the book is touched: one refused, none kept. */
int cmd_import_bank(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *files[64];
	size_t nfiles = 0;
	int dry_run = 0, quiet = 0;
	opts_init(&o, "import bank", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--dry-run") || opts_flag(&o, "-n")) {
			dry_run = 1;
		} else if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q")) {
			quiet = 1;
		} else {
			const char *a = opts_positional(&o);
			if (!a)
				break;
			if (nfiles == sizeof files / sizeof *files) {
				msg_error("import bank: at most %zu files at a time", nfiles);
				o.bad = 1;
			} else {
				files[nfiles++] = a;
			}
		}
	}
	if (o.bad)
		return opts_exit(&o);
	if (!nfiles) {
		msg_error("import bank: usage: relance import bank FILE... [--dry-run]");
		return 2;
	}
	struct bank_file *read = calloc(nfiles, sizeof *read);
	if (!read)
		return 1;
	int status = 0;
	size_t nread = 0;
	for (; nread < nfiles && !status; nread++) {
		struct sbuf data = {0};
		char err[1024], warn[2048];
		if (sbuf_read_file(&data, files[nread])) {
			msg_error("import bank: %s: cannot be read", files[nread]);
			status = 1;
		} else if (bank_read(files[nread], data.s, data.len, &read[nread], err, sizeof err, warn, sizeof warn)) {
			msg_error("import bank: %s", err);
			status = 1;
		}
		sbuf_free(&data);
	}
	if (status) {
		msg_error("import bank: nothing was imported");
		goto out;
	}
	struct book b;
	if (book_open_at(&b, g->db, BOOK_CREATE)) {
		status = 1;
		goto out;
	}
	/* a large write, as an import of payments is: a rollback journal
	 * while nobody else has the book open (new pages written once, not to
	 * the WAL and again at its checkpoint); WAL again when it ends */
	struct book_bulk bulk;
	book_bulk_begin(b.db, &bulk);
	if (db_begin(b.db)) {
		book_bulk_end(b.db, &bulk);
		book_close(&b);
		status = 1;
		goto out;
	}
	for (size_t i = 0; i < nfiles && !status; i++) {
		struct bank_import_result r;
		if (bank_import(&b, files[i], &read[i], 0, &r)) {
			msg_error("import bank: %s: nothing was imported", files[i]);
			status = 1;
			break;
		}
		if (r.warnings[0])
			msg_warn("%s", r.warnings);
		if (quiet)
			continue;
		if (!r.statements)
			printf("%s: nothing new: %d statement%s already in the book\n", files[i], r.repeated,
			       r.repeated == 1 ? "" : "s");
		else
			printf("%s: %d statement%s new, %d already in the book; %d movement%s, %d credit%s: "
			       "%d matched, %d suggested, %d unmatched%s\n", files[i], r.statements,
			       r.statements == 1 ? "" : "s", r.repeated, r.movements, r.movements == 1 ? "" : "s",
			       r.credits, r.credits == 1 ? "" : "s", r.matched, r.suggested, r.unmatched,
			       dry_run ? " (dry run: nothing written)" : "");
	}
	if (status || dry_run)
		db_rollback(b.db);
	else if (db_commit(b.db))
		status = 1;
	book_bulk_end(b.db, &bulk);
	book_close(&b);
out:
	for (size_t i = 0; i < nread; i++)
		bank_file_free(&read[i]);
	free(read);
	return status;
}

static const struct table_column statement_cols[] = {
	{"statement", CELL_TEXT}, {"iban", CELL_TEXT}, {"date", CELL_TEXT}, {"opening", CELL_NUMBER},
	{"closing", CELL_NUMBER}, {"movements", CELL_NUMBER},
};

static const struct table_column movement_cols[] = {
	{"id", CELL_TEXT}, {"date", CELL_TEXT}, {"amount", CELL_NUMBER}, {"currency", CELL_TEXT},
	{"counterparty", CELL_TEXT}, {"iban", CELL_TEXT}, {"reference", CELL_TEXT},
	{"communication", CELL_TEXT}, {"status", CELL_TEXT}, {"account_no", CELL_TEXT},
	{"invoices", CELL_TEXT}, {"rule", CELL_TEXT},
};

struct printer {
	struct table t;
	int grouped;
};

static void amount(const struct printer *p, int64_t cents, char *buf, size_t size)
{
	if (p->grouped)
		money_format_grouped(cents, buf, size);
	else
		money_format(cents, buf, size);
}

static void statement_row(const struct bank_statement_row *r, void *arg)
{
	struct printer *p = arg;
	char o[32] = "", c[32] = "", n[24];
	if (r->has_balances) {
		amount(p, r->opening, o, sizeof o);
		amount(p, r->closing, c, sizeof c);
	}
	snprintf(n, sizeof n, "%ld", r->movements);
	const char *cells[] = {r->id, r->iban, r->date, r->has_balances ? o : NULL, r->has_balances ? c : NULL, n};
	table_row(&p->t, cells);
}

static void movement_row(const struct bank_movement_row *r, void *arg)
{
	struct printer *p = arg;
	char a[32], ref[64];
	amount(p, r->amount, a, sizeof a);
	if (r->reference)
		payref_display(r->reference, ref, sizeof ref);
	const char *cells[] = {r->id, r->date, a, r->currency, r->counterparty, r->iban,
			       r->reference ? ref : NULL, r->communication, r->status, r->account_no,
			       r->invoices, r->rule};
	table_row(&p->t, cells);
}

static int list(const struct cli_globals *g, int argc, char **argv, int statements)
{
	struct opts o;
	int fmt = FMT_TEXT, unmatched = 0;
	opts_init(&o, statements ? "bank statements" : "bank list", argc, argv);
	while (opts_more(&o)) {
		if (!statements && opts_flag(&o, "--unmatched"))
			unmatched = 1;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_positional(&o))
			msg_error("%s: unexpected argument %s", o.cmd, argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	struct printer p = {.grouped = fmt == FMT_TEXT};
	int rc;
	if (statements) {
		table_begin(&p.t, (enum out_format)fmt, statement_cols, sizeof statement_cols / sizeof *statement_cols,
			    stdout);
		rc = bank_statements_each(b.db, statement_row, &p);
	} else {
		table_begin(&p.t, (enum out_format)fmt, movement_cols, sizeof movement_cols / sizeof *movement_cols,
			    stdout);
		rc = bank_movements_each(b.db, unmatched, movement_row, &p);
	}
	table_end(&p.t);
	book_close(&b);
	return rc ? 1 : 0;
}

/* INVOICE or INVOICE=AMOUNT (0: its open amount, within the credit). */
static int parse_alloc(const char *cmd, const char *arg, struct bank_alloc *a)
{
	switch (bank_alloc_word(arg, strlen(arg), a)) {
	case 1:
		msg_error("%s: %s: write INVOICE or INVOICE=AMOUNT", cmd, arg);
		return -1;
	case 2:
		msg_error("%s: %s: the amount must be more than 0 (1234.56)", cmd, arg);
		return -1;
	}
	return 0;
}

/* match, unmatch, ignore: one movement, one change. */
static int change(const struct cli_globals *g, int argc, char **argv, const char *what)
{
	char cmd[32];
	snprintf(cmd, sizeof cmd, "bank %s", what);
	struct opts o;
	const char *pos[2] = {NULL, NULL};
	struct bank_alloc *al = calloc((size_t)argc + 1, sizeof *al);
	size_t nal = 0, npos = 0;
	int match = !strcmp(what, "match");
	if (!al)
		return 1;
	opts_init(&o, cmd, argc, argv);
	while (opts_more(&o)) {
		const char *a = opts_positional(&o);
		if (!a)
			break;
		if (npos < (match ? 2u : 1u))
			pos[npos++] = a;
		else if (!match)
			msg_error("%s: unexpected argument %s", cmd, a), o.bad = 1;
		else if (parse_alloc(cmd, a, &al[nal++]))
			o.bad = 1;
	}
	if (!o.bad && npos < (match ? 2u : 1u)) {
		msg_error("%s: usage: relance %s", cmd, match ? "bank match ID ACCOUNT [INVOICE[=AMOUNT]...]" :
			  !strcmp(what, "unmatch") ? "bank unmatch ID" : "bank ignore ID");
		o.bad = 1;
	}
	if (o.bad) {
		free(al);
		return opts_exit(&o);
	}
	struct book b;
	if (book_open_at(&b, g->db, BOOK_EXISTING)) {
		free(al);
		return 1;
	}
	char err[1024] = "";
	const char *user = g->user ? g->user : "system";
	int rc;
	if (match && nal == 0) { /* the account's open invoices, oldest first */
		int64_t amount = 0;
		struct bank_alloc *oldest = NULL;
		size_t n = 0;
		int64_t rest;
		int found = bank_movement_amount(&b, pos[0], &amount);
		if (found == 0)
			snprintf(err, sizeof err, "no movement '%s'", pos[0]);
		rc = found == 1 && amount > 0 ? bank_allocate_oldest(&b, pos[1], amount, &oldest, &n, &rest) : 0;
		if (found == 1 && !rc)
			rc = bank_apply(&b, pos[0], pos[1], oldest, n, BANK_RULE_MANUAL, user, err, sizeof err);
		else
			rc = -1;
		free(oldest);
	} else if (match) {
		rc = bank_apply(&b, pos[0], pos[1], al, nal, BANK_RULE_MANUAL, user, err, sizeof err);
	} else if (!strcmp(what, "unmatch")) {
		rc = bank_unapply(&b, pos[0], user, err, sizeof err);
	} else {
		rc = bank_ignore(&b, pos[0], user, err, sizeof err);
	}
	if (rc) {
		if (err[0])
			msg_error("%s: %s", cmd, err);
	} else {
		if (match)
			printf("%s: matched to %s\n", pos[0], pos[1]);
		else
			printf("%s: %s\n", pos[0], !strcmp(what, "unmatch") ? "unmatched" : "ignored");
	}
	book_close(&b);
	free(al);
	return rc ? 1 : 0;
}

int cmd_bank(const struct cli_globals *g, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : NULL;
	if (sub && !strcmp(sub, "statements"))
		return list(g, argc - 1, argv + 1, 1);
	if (sub && !strcmp(sub, "list"))
		return list(g, argc - 1, argv + 1, 0);
	if (sub && (!strcmp(sub, "match") || !strcmp(sub, "unmatch") || !strcmp(sub, "ignore")))
		return change(g, argc - 1, argv + 1, sub);
	if (sub)
		msg_error("bank: %s: say statements, list, match, unmatch or ignore", sub);
	else
		msg_error("bank: usage: relance bank statements|list|match|unmatch|ignore (relance bank --help)");
	return 2;
}
