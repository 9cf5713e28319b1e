/* cmd_sync.c — the commands that keep copies of the book in step:
 * `export changes`, `import changes`, `sync status|show|name` and `clone`
 * (the engine is in sync_*.c). `export` of anything else is the
 * accounting exports' (cmd_export_tables.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "base/lib.h"
#include "sync/lib.h"

static int export_changes(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *out = "-";
	int all = 0;
	opts_init(&o, "export changes", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "-o") || opts_value(&o, "--output"))
			out = o.arg;
		else if (opts_flag(&o, "--all"))
			all = 1;
		else if (opts_positional(&o))
			msg_error("export changes: unexpected argument %s", argv[o.i - 1]), o.bad = 1;
	}
	if (o.bad)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, BOOK_EXISTING))
		return 1;
	struct sync_export_result r;
	int rc = sync_export(&b, g->user, all, out, &r);
	book_close(&b);
	if (rc)
		return 1;
	FILE *say = strcmp(out, "-") ? stdout : stderr;
	fprintf(say, "%s: %lld unit%s", strcmp(out, "-") ? out : "<stdout>", r.units, r.units == 1 ? "" : "s");
	const char *sep = ": ";
	for (size_t i = 0; i < sync_ntables && i < sizeof r.per_table / sizeof *r.per_table; i++)
		if (r.per_table[i]) {
			fprintf(say, "%s%lld %s", sep, r.per_table[i],
				r.per_table[i] == 1 ? sync_tables[i].what : sync_tables[i].whats);
			sep = ", ";
		}
	fprintf(say, "%s\n", r.units ? "" : " (nothing new since the last export)");
	return 0;
}

int cmd_export(const struct cli_globals *g, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "changes"))
		return export_changes(g, argc - 1, argv + 1);
	return cmd_export_table(g, argc, argv);
}

int cmd_import_changes(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *files[64];
	size_t nfiles = 0;
	int dry_run = 0, quiet = 0;
	opts_init(&o, "import changes", argc, argv);
	while (opts_more(&o)) {
		if (opts_flag(&o, "--dry-run") || opts_flag(&o, "-n"))
			dry_run = 1;
		else if (opts_flag(&o, "--quiet") || opts_flag(&o, "-q"))
			quiet = 1;
		else {
			const char *a = opts_positional(&o);
			if (!a)
				break;
			if (nfiles < sizeof files / sizeof *files)
				files[nfiles++] = a;
			else
				msg_error("import changes: at most 64 files at a time"), o.bad = 1;
		}
	}
	if (o.bad)
		return 2;
	if (nfiles == 0) {
		msg_error("import changes: usage: relance import changes FILE... [--dry-run]");
		return 2;
	}
	struct book b;
	if (book_open_at(&b, g->db, dry_run ? BOOK_EXISTING : BOOK_CREATE)) /* a dry run writes nothing */
		return 1;
	int status = 0;
	for (size_t i = 0; i < nfiles && status == 0; i++) {
		struct sync_import_result r;
		if (sync_import(&b, files[i], dry_run, stdout, &r)) {
			status = 1;
			break;
		}
		if (quiet)
			continue;
		long long conflicts = r.won + r.lost, changed = r.new_ + r.newer + r.won;
		printf("%s: %lld unit%s: %lld new (%lld journal entr%s), %lld newer, %lld already here, %lld older, "
		       "%lld conflict%s (%lld won by the file, %lld kept here)%s\n",
		       strcmp(files[i], "-") ? files[i] : "<stdin>", r.units, r.units == 1 ? "" : "s", r.new_,
		       r.journal_new, r.journal_new == 1 ? "y" : "ies", r.newer, r.same, r.older, conflicts,
		       conflicts == 1 ? "" : "s", r.won, r.lost,
		       dry_run ? " (dry run: nothing written)" : changed ? "" : " (nothing changed)");
	}
	book_close(&b);
	return status;
}

int cmd_sync(const struct cli_globals *g, int argc, char **argv)
{
	const char *what = argc >= 2 ? argv[1] : "";
	if (!strcmp(what, "show")) {
		if (argc != 3) {
			msg_error("sync show: usage: relance sync show FILE");
			return 2;
		}
		/* the book at hand, if there is one, checks the file's signature */
		struct book b = {0};
		char *path = book_resolve_path(g->db);
		int have = access(path, F_OK) == 0;
		free(path);
		if (have && book_open_at(&b, g->db, BOOK_READ))
			return 1;
		int rc = sync_show(have ? &b : NULL, argv[2], stdout) ? 1 : 0;
		if (have)
			book_close(&b);
		return rc;
	}
	if (strcmp(what, "status") && strcmp(what, "name") && strcmp(what, "join")) {
		msg_error("sync: say status, show FILE, name NAME or join BOOK");
		return 2;
	}
	if ((!strcmp(what, "status") && argc != 2) || (strcmp(what, "status") && argc != 3)) {
		msg_error("sync: usage: relance sync status | sync show FILE | sync name NAME | sync join BOOK");
		return 2;
	}
	struct book b;
	/* a new book may join a family before it receives its first file */
	enum book_mode mode = !strcmp(what, "join") ? BOOK_CREATE : !strcmp(what, "name") ? BOOK_EXISTING : BOOK_READ;
	if (book_open_at(&b, g->db, mode))
		return 1;
	int rc;
	if (!strcmp(what, "join")) {
		rc = sync_join(&b, argv[2]) ? 1 : 0;
		if (rc == 0)
			printf("%s: now of the family of %s: it takes change files from that book's copies\n", b.path,
			       argv[2]);
	} else {
		rc = !strcmp(what, "name") ? sync_set_name(&b, argv[2]) : sync_status(&b, stdout) ? 1 : 0;
	}
	book_close(&b);
	return rc;
}

int cmd_clone(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *src = NULL, *dst = NULL, *name = NULL;
	opts_init(&o, "clone", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--name"))
			name = o.arg;
		else {
			const char *a = opts_positional(&o);
			if (!a)
				break;
			if (!src)
				src = a;
			else if (!dst)
				dst = a;
			else
				msg_error("clone: unexpected argument %s", a), o.bad = 1;
		}
	}
	if (o.bad)
		return 2;
	if (!src || !dst) {
		msg_error("clone: usage: relance clone SRC DST [--name NAME]");
		return 2;
	}
	(void)g;
	char id[40];
	if (sync_clone(src, dst, name, id))
		return 1;
	printf("%s: a new copy of %s, copy %s\n", dst, src, id);
	return 0;
}
