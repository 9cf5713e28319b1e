/* cmd_check.c — `relance check [--rebuild]`: runs the book's checks (after
 * remaking the derived tables, with --rebuild), exits 1 when anything is
 * wrong. */
#include <stdio.h>
#include <stdlib.h>

#include "book/lib.h"
#include "cli.h"
#include "base/lib.h"

int cmd_check(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	int rebuild = 0;
	opts_init(&o, "check", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--rebuild"))
			rebuild = 1;
		else if (opts_positional(&o))
			msg_error("check: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	int rc = book_open_at(&b, g->db, rebuild ? BOOK_EXISTING : BOOK_READ);
	if (rc)
		return 1;
	if (rebuild) {
		if (summary_rebuild(b.db, today())) {
			book_close(&b);
			return 1;
		}
		printf("rebuilt the cached account figures\n");
	}
	int problems = check_book(&b, stdout);
	book_close(&b);
	if (problems < 0)
		return 1;
	printf("%s: %d problem%s\n", problems ? "FAIL" : "ok", problems, problems == 1 ? "" : "s");
	return problems ? 1 : 0;
}
