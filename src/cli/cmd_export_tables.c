/* cmd_export_tables.c — `relance export promises|disputes|plans|activities`:
 * the options, and where the export goes: standard output, or a file
 * written whole or not at all (FILE.tmp, then renamed over FILE). The
 * writing itself is export_tables.c's. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book/lib.h"
#include "cli.h"
#include "base/lib.h"
#include "sync/lib.h"

#define EXPORT_USAGE                                                                                         \
	"export: usage: relance export promises|disputes|plans|activities [--format csv|json] [--since D] " \
	"[--bom] [--delimiter C] [-o FILE]"

/* Where the export goes: standard output; a regular file (or one still
 * to make), written as FILE.tmp and renamed over FILE once whole; or a
 * symbolic link, device or pipe (/dev/stdout, a fifo), written through as
 * it is, never replaced. */
struct sink {
	FILE *fp;
	const char *file; /* NULL: standard output */
	char *tmp;        /* FILE.tmp; NULL: written in place */
};

/* Opens k for file (NULL or "-": standard output). -1 after a message. */
static int sink_open(struct sink *k, const char *file)
{
	memset(k, 0, sizeof *k);
	k->fp = stdout;
	if (!file || !strcmp(file, "-"))
		return 0;
	k->file = file;
	struct stat sb;
	if (lstat(file, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		errno = stat(file, &sb) == 0 && S_ISDIR(sb.st_mode) ? EISDIR : 0;
		if (errno || !(k->fp = fopen(file, "wb"))) {
			msg_error("export: cannot write %s: %s", file, strerror(errno));
			return -1;
		}
		return 0;
	}
	size_t n = strlen(file);
	k->tmp = malloc(n + sizeof ".tmp");
	if (!k->tmp)
		abort();
	memcpy(k->tmp, file, n);
	memcpy(k->tmp + n, ".tmp", sizeof ".tmp");
	/* mode 0600, like the book: it names debtors; never through a link */
	int fd = open(k->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || !(k->fp = fdopen(fd, "wb"))) {
		msg_error("export: cannot create %s: %s", k->tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(k->tmp);
		}
		free(k->tmp);
		return -1;
	}
	return 0;
}

/* The name of k in messages. */
static const char *sink_name(const struct sink *k)
{
	return k->tmp ? k->tmp : k->file ? k->file : "standard output";
}

/* Ends k: when ok, the file is flushed to disk, closed and renamed into
 * place; otherwise (or on any failure) FILE.tmp is removed and FILE left
 * as it was. Returns 0, or -1 after a message. */
static int sink_close(struct sink *k, int ok)
{
	if (!k->file)
		return ok ? 0 : -1; /* export_table_write flushed it */
	int rc = ok ? 0 : -1;
	if (rc == 0 && (fflush(k->fp) != 0 || (k->tmp && fsync(fileno(k->fp)) != 0))) {
		msg_error("export: cannot write %s: %s", sink_name(k), strerror(errno));
		rc = -1;
	}
	if (fclose(k->fp) != 0 && rc == 0) {
		msg_error("export: cannot write %s: %s", sink_name(k), strerror(errno));
		rc = -1;
	}
	if (k->tmp) {
		if (rc == 0 && rename(k->tmp, k->file) != 0) {
			msg_error("export: cannot rename %s to %s: %s", k->tmp, k->file, strerror(errno));
			rc = -1;
		}
		if (rc)
			unlink(k->tmp);
		free(k->tmp);
	}
	return rc;
}

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
	if (book_open_at(&b, g->db, BOOK_EXISTING))
		return 1;
	struct sink k;
	if (sink_open(&k, file)) {
		book_close(&b);
		return 1;
	}
	long rows = export_table_write(b.db, (enum export_table)t, &eo, k.fp, sink_name(&k));
	book_close(&b);
	return sink_close(&k, rows >= 0) ? 1 : 0;
}
