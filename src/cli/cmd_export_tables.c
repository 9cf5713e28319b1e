/* cmd_export_tables.c — `relance export promises|disputes|plans|activities`:
 * the options, and where the export goes: standard output, or a file
 * written whole or not at all (private_file.h). The writing itself is
 * export_tables.c's. */
#include <stdio.h>
#include <string.h>

#include "book/lib.h"
#include "cli.h"
#include "base/lib.h"
#include "sync/lib.h"

#define EXPORT_USAGE                                                                                         \
	"export: usage: relance export promises|disputes|plans|activities [--format csv|json] [--since D] " \
	"[--bom] [--delimiter C] [-o FILE]"

/* --since: a day in any form people type (DATES in relance(1)),
 * normalised into day[11]. */
static int since_arg(struct opts *o, char day[11])
{
	day_t d;
	if (opts_date(o, WHEN_ANY_DAY, &d) != 0)
		return -1;
	date_iso(d, day);
	return 0;
}

int cmd_export_table(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	struct export_options eo = {.format = EXPORT_CSV, .delimiter = ','};
	const char *table = NULL, *file = NULL;
	int has_delimiter = 0;
	char since[11];
	opts_init(&o, "export", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--format")) {
			if (!strcmp(o.arg, "csv"))
				eo.format = EXPORT_CSV;
			else if (!strcmp(o.arg, "json"))
				eo.format = EXPORT_JSON;
			else
				msg_error("export: --format %s: use csv or json", o.arg), o.bad = 1;
		} else if (opts_value(&o, "--since")) {
			if (since_arg(&o, since) == 0)
				eo.since = since;
		} else if (opts_flag(&o, "--bom")) {
			eo.bom = 1;
		} else if (opts_value(&o, "--delimiter")) {
			has_delimiter = 1;
			int d = opts_delimiter(&o);
			if (d >= 0)
				eo.delimiter = (char)d;
		} else if (opts_value(&o, "-o") || opts_value(&o, "--output")) {
			file = o.arg;
		} else {
			const char *a = opts_positional(&o);
			if (a && !table)
				table = a;
			else if (a)
				msg_error("export: unexpected argument %s", a), o.bad = 1;
		}
	}
	if (o.bad)
		return 2;
	if (!table) {
		msg_error(EXPORT_USAGE);
		return 2;
	}
	int t = export_table_named(table);
	if (t < 0) {
		msg_error("export: no table %s: say changes, promises, disputes, plans or activities", table);
		return 2;
	}
	if (eo.format == EXPORT_JSON && (eo.bom || has_delimiter)) {
		msg_error("export: %s is for csv only", eo.bom ? "--bom" : "--delimiter");
		return 2;
	}
	if (file && !*file) {
		msg_error("export: -o needs a file name");
		return 2;
	}

	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	/* standard output, or a file written whole (0600) or not at all */
	struct private_file k;
	if (private_file_open(&k, file)) {
		msg_error("export: %s", k.err);
		book_close(&b);
		return 1;
	}
	long rows = export_table_write(b.db, (enum export_table)t, &eo, k.fp, private_file_name(&k));
	book_close(&b);
	if (private_file_close(&k, rows >= 0)) {
		if (rows >= 0)
			msg_error("export: %s", k.err);
		return 1;
	}
	return 0;
}
