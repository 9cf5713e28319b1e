/* cmd_import.c — `relance import customers|invoices|payments FILE...`:
 * reads the options, opens (or creates) the book, runs the import engine
 * and prints the summary line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "base/lib.h"
#include "ledger/lib.h"

static void summary(const char *file, const struct import_opts *io, const struct import_stats *s)
{
	int nothing = !s->added && !s->changed && !s->closed;
	printf("%s: %ld row%s read, %ld new, %ld changed, %ld closed in %.2f s%s\n", file, s->rows,
	       s->rows == 1 ? "" : "s", s->added, s->changed, s->closed, s->seconds,
	       io->dry_run ? " (dry run: nothing written)" : nothing ? " (nothing changed)" : "");
}

static int parse_map(struct opts *o, struct import_opts *io)
{
	const char *eq = strchr(o->arg, '=');
	if (!eq || eq == o->arg || !eq[1]) {
		msg_error("import: --map %s: write COLUMN=HEADER", o->arg);
		return -1;
	}
	if (io->nmap >= COLUMNS_MAX) {
		msg_error("import: too many --map options");
		return -1;
	}
	static char names[COLUMNS_MAX][64];
	snprintf(names[io->nmap], sizeof names[0], "%.*s", (int)(eq - o->arg), o->arg);
	io->map[io->nmap].canonical = names[io->nmap];
	io->map[io->nmap].header = eq + 1;
	io->nmap++;
	return 0;
}

int cmd_import(const struct cli_globals *g, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "changes"))
		return cmd_import_changes(g, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "bank"))
		return cmd_import_bank(g, argc - 1, argv + 1);
	struct opts o;
	struct import_opts io;
	const char *kind_name = NULL, *files[64];
	size_t nfiles = 0;
	import_opts_default(&io);
	opts_init(&o, "import", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--delimiter")) {
			int d = opts_delimiter(&o);
			if (d >= 0)
				io.delimiter = (char)d;
		} else if (opts_value(&o, "--encoding")) {
			io.encoding = o.arg;
			if (!encoding_canonical(o.arg))
				msg_error("import: --encoding %s: use utf-8, cp1252, iso-8859-1 or iso-8859-15",
					  o.arg), o.bad = 1;
		} else if (opts_flag(&o, "--decimal-comma")) {
			io.mark = MARK_COMMA;
		} else if (opts_flag(&o, "--decimal-point")) {
			io.mark = MARK_POINT;
		} else if (opts_value(&o, "--date-format")) {
			int f = date_format_from_name(o.arg);
			if (f < 0)
				msg_error("import: --date-format %s: use YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY, "
					  "DD.MM.YYYY or MM/DD/YYYY", o.arg), o.bad = 1;
			else
				io.dates = (enum date_format)f;
		} else if (opts_value(&o, "--map")) {
			if (parse_map(&o, &io))
				o.bad = 1;
		} else if (opts_flag(&o, "--snapshot")) {
			io.snapshot = 1;
		} else if (opts_flag(&o, "--dry-run") || opts_flag(&o, "-n")) {
			io.dry_run = 1;
		} else if (opts_value(&o, "--max-errors")) {
			io.max_errors = opts_long(&o, 0, 1000000);
		} else if (opts_flag(&o, "--progress")) {
			io.progress = 1;
		} else if (opts_flag(&o, "--no-progress")) {
			io.progress = 0;
		} else if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q")) {
			io.quiet = 1;
		} else {
			const char *a = opts_positional(&o);
			if (!a)
				break;
			if (!kind_name) {
				kind_name = a;
			} else if (nfiles < sizeof files / sizeof *files) {
				files[nfiles++] = a;
			} else {
				msg_error("import: at most %zu files at a time", sizeof files / sizeof *files);
				o.bad = 1;
			}
		}
	}
	if (o.bad)
		return 2;
	const struct import_kind *kind = kind_name ? import_kind_named(kind_name) : NULL;
	if (!kind || nfiles == 0) {
		if (kind_name && !kind)
			msg_error("import: %s: say customers, invoices, payments or changes", kind_name);
		else
			msg_error("import: usage: relance import customers|invoices|payments FILE...");
		return 2;
	}
	if (io.snapshot && kind != &import_invoices) {
		msg_error("import: --snapshot is for invoices files");
		return 2;
	}
	if (io.snapshot && nfiles > 1) {
		msg_error("import: --snapshot takes one file: the whole list of open items");
		return 2;
	}
	struct book b;
	int rc = book_open_at(&b, g->db, BOOK_CREATE);
	if (rc)
		return 1;
	int status = 0;
	for (size_t i = 0; i < nfiles; i++) {
		struct import_stats st;
		rc = import_file(&b, kind, files[i], &io, &st);
		if (rc == 0 && !io.quiet)
			summary(strcmp(files[i], "-") ? files[i] : "<stdin>", &io, &st);
		if (rc != 0)
			status = 1;
	}
	book_close(&b);
	return status;
}
