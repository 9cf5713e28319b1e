/* cmd_find.c — `relance find TEXT...`: any account of the book, from its
 * number, name, contact, phone, e-mail, VAT number, or an invoice's number
 * or payment reference (find.c decides), as text, tsv or json. Like grep,
 * it exits 1 when nothing matches. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "book/lib.h"
#include "base/lib.h"

#define FIND_LIMIT 200

static const struct table_column find_cols[] = {
	{"account_no", CELL_TEXT}, {"name", CELL_TEXT}, {"match", CELL_TEXT}, {"detail", CELL_TEXT},
};

int cmd_find(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int fmt = FMT_TEXT;
	long limit = FIND_LIMIT;
	char text[256] = "";
	size_t len = 0;
	opts_init(&o, "find", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--format")) {
			fmt = opts_format(&o);
		} else if (opts_value(&o, "--limit")) {
			limit = opts_long(&o, 1, 1000000);
		} else {
			const char *w = opts_positional(&o);
			if (!w)
				continue;
			int n = snprintf(text + len, sizeof text - len, "%s%s", len ? " " : "", w);
			if (n < 0 || len + (size_t)n >= sizeof text) {
				msg_error("find: the text is longer than %zu bytes", sizeof text - 1);
				return 2;
			}
			len += (size_t)n;
		}
	}
	if (o.bad)
		return 2;
	if (strspn(text, " \t") == len) {
		msg_error("find: usage: relance find TEXT... [--format text|tsv|json] [--limit N]");
		return 2;
	}
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	struct find_result r;
	int rc = find_accounts(b.db, text, (size_t)limit, &r);
	book_close(&b);
	if (rc)
		return 1;
	if (r.n == 0 && fmt == FMT_TEXT) {
		msg_error("find: no account matches \"%s\"", text);
		find_result_free(&r);
		return 1;
	}
	struct table t;
	table_begin(&t, (enum out_format)fmt, find_cols, sizeof find_cols / sizeof *find_cols, stdout);
	for (size_t i = 0; i < r.n; i++) {
		const struct find_match *m = &r.m[i];
		const char *cells[] = {m->account_no, m->name, find_class_word(m->cls), m->detail};
		table_row(&t, cells);
	}
	table_end(&t);
	fflush(stdout); /* the list, then what it left out */
	if (r.total > r.n)
		msg_warn("find: %zu of %zu accounts shown (--limit %zu shows them all)", r.n, r.total, r.total);
	rc = r.n ? 0 : 1;
	find_result_free(&r);
	return rc;
}
