/* cmd_lists.c — `relance accounts` and `relance items ACCOUNT`: the
 * command-line twins of the lists, in text, tsv or json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "book/lib.h"
#include "dunning/lib.h"
#include "ui/lib.h"
#include "base/lib.h"

struct printer {
	struct table t;
	int grouped; /* amounts with thousands separators (text) */
};

static void amount(const struct printer *p, int64_t cents, char *buf, size_t size)
{
	if (p->grouped)
		money_format_grouped(cents, buf, size);
	else
		money_format(cents, buf, size);
}

static const struct table_column account_cols[] = {
	{"account_no", CELL_TEXT}, {"name", CELL_TEXT}, {"collector", CELL_TEXT},
	{"currency", CELL_TEXT}, {"open", CELL_NUMBER}, {"overdue", CELL_NUMBER},
	{"current", CELL_NUMBER}, {"d1_30", CELL_NUMBER}, {"d31_60", CELL_NUMBER},
	{"d61_90", CELL_NUMBER}, {"d90_plus", CELL_NUMBER}, {"oldest_days", CELL_NUMBER},
	{"disputed", CELL_NUMBER},
};

static void account_row(const struct account_summary *a, void *arg)
{
	struct printer *p = arg;
	char m[8][32], days[16];
	const int64_t v[8] = {a->open, a->overdue, a->current, a->d1_30, a->d31_60, a->d61_90,
			      a->d90_plus, a->disputed};
	for (int i = 0; i < 8; i++)
		amount(p, v[i], m[i], sizeof m[i]);
	snprintf(days, sizeof days, "%d", a->oldest_days);
	const char *cells[] = {a->account_no, a->name, a->collector, a->currency,
			       m[0], m[1], m[2], m[3], m[4], m[5], m[6], days, m[7]};
	table_row(&p->t, cells);
}

int cmd_accounts(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	struct account_filter f = {0};
	int fmt = FMT_TEXT;
	opts_init(&o, "accounts", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--overdue"))
			f.overdue_only = 1;
		else if (opts_value(&o, "--collector"))
			f.collector = o.arg;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_positional(&o))
			msg_error("accounts: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	struct printer p = {.grouped = fmt == FMT_TEXT};
	table_begin(&p.t, (enum out_format)fmt, account_cols, sizeof account_cols / sizeof *account_cols, stdout);
	int rc = ledger_accounts(b.db, today(), &f, account_row, &p);
	table_end(&p.t);
	book_close(&b);
	return rc ? 1 : 0;
}

static const struct table_column item_cols[] = {
	{"invoice_no", CELL_TEXT}, {"kind", CELL_TEXT}, {"issue_date", CELL_TEXT},
	{"due_date", CELL_TEXT}, {"currency", CELL_TEXT}, {"amount", CELL_NUMBER},
	{"open", CELL_NUMBER}, {"days", CELL_NUMBER}, {"status", CELL_TEXT},
	{"reference", CELL_TEXT},
};

static void item_row(const struct open_item *it, void *arg)
{
	struct printer *p = arg;
	char amt[32], open[32], days[16];
	amount(p, it->amount, amt, sizeof amt);
	amount(p, it->open, open, sizeof open);
	snprintf(days, sizeof days, "%d", it->days_past_due);
	/* the reference the invoice is paid with, as letters and QR codes
	 * print it: not the ledger's when another invoice shares it */
	char ref[64];
	ref[0] = '\0';
	if (!strcmp(it->kind, "invoice"))
		payref_invoice_of(it->reference, it->ref_no, it->ref_shared,
				  company_reference_kind(), ref);
	/* a credit note is not paid, and a row no import numbered has none
	 * of its own: the ledger's, as it gave it */
	if (!ref[0] && !it->ref_shared)
		snprintf(ref, sizeof ref, "%s", it->reference);
	const char *cells[] = {it->invoice_no, it->kind, it->issue_date, it->due_date, it->currency,
			       amt, open, days, it->status, ref};
	table_row(&p->t, cells);
}

int cmd_items(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL;
	int fmt = FMT_TEXT, all = 0;
	opts_init(&o, "items", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--all"))
			all = 1;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else {
			opts_account(&o, &account);
		}
	}
	if (o.bad)
		return 2;
	if (!account) {
		msg_error("items: usage: relance items ACCOUNT [--all] [--format text|tsv|json]");
		return 2;
	}
	struct book b;
	if (ui_config_load()) /* the kind of reference the book makes (payment-reference) */
		return 1;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	if (ledger_account_exists(b.db, account) <= 0) {
		msg_error("no account %s in the book", account);
		book_close(&b);
		return 1;
	}
	struct printer p = {.grouped = fmt == FMT_TEXT};
	table_begin(&p.t, (enum out_format)fmt, item_cols, sizeof item_cols / sizeof *item_cols, stdout);
	int n = ledger_items_refs(b.db, account, today(), all, item_row, &p);
	table_end(&p.t);
	book_close(&b);
	return n < 0 ? 1 : 0;
}
