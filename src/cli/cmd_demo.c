/* cmd_demo.c — `relance demo`: fills an empty book, or writes the demo's
 * CSV files for a benchmark or a test; --bank: and the bank's files of
 * money the ledger does not show yet. */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "book/lib.h"
#include "ledger/lib.h"
#include "base/lib.h"

int cmd_demo(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	struct demo_opts d = {.accounts = 1000, .seed = 1};
	const char *csv_dir = NULL, *bank_dir = NULL;
	long credits = 60;
	opts_init(&o, "demo", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--accounts"))
			d.accounts = opts_long(&o, 1, 10000000);
		else if (opts_value(&o, "--seed"))
			d.seed = (uint64_t)opts_long(&o, 0, 2147483647);
		else if (opts_value(&o, "--csv"))
			csv_dir = o.arg;
		else if (opts_value(&o, "--bank"))
			bank_dir = o.arg;
		else if (opts_value(&o, "--bank-credits"))
			credits = opts_long(&o, 1, 10000000);
		else if (opts_positional(&o))
			msg_error("demo: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	if (csv_dir)
		return demo_write_csv(&d, csv_dir) ? 1 : 0;
	struct book b;
	int rc = book_open_at(&b, g->db, BOOK_CREATE);
	if (rc)
		return 1;
	/* --bank on a book already made: its files only */
	if (!bank_dir || b.created || !db_int(b.db, "SELECT count(*) FROM customers"))
		rc = demo_build(&b, &d);
	if (rc == 0 && bank_dir)
		rc = demo_bank_write(&b, &d, bank_dir, credits);
	book_close(&b);
	return rc ? 1 : 0;
}
