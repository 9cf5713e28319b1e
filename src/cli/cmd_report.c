/* cmd_report.c — `relance report NAME`: one of the reports (src/report)
 * as text, tsv, json or csv, or as a PNG chart. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "base/lib.h"
#include "book/lib.h"
#include "report/lib.h"

static int by_named(const char *s)
{
	static const char *const names[] = {"collector", "segment", "procedure", "country"};
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i + 1;
	return -1;
}

/* The report as CSV: a header, then each row; the exports' quoting. */
static void write_csv(const struct report *r, FILE *out)
{
	for (int c = 0; c < r->ncols; c++) {
		if (c)
			fputc(',', out);
		csv_write_text(out, r->cols[c].name, strlen(r->cols[c].name), ',');
	}
	fputs("\r\n", out);
	for (size_t i = 0; i < r->nrows; i++) {
		for (int c = 0; c < r->ncols; c++) {
			char v[160];
			report_cell_text(r, i, c, 0, v, sizeof v);
			if (c)
				fputc(',', out);
			if (r->cols[c].unit == RU_TEXT)
				csv_write_text(out, v, strlen(v), ',');
			else
				fputs(v, out);
		}
		fputs("\r\n", out);
	}
}

static void write_table(const struct report *r, enum out_format fmt, FILE *out)
{
	struct table_column cols[REPORT_MAX_COLS];
	for (int c = 0; c < r->ncols; c++)
		cols[c] = (struct table_column){r->cols[c].name,
						r->cols[c].unit == RU_TEXT || r->cols[c].unit == RU_DATE ? CELL_TEXT
													    : CELL_NUMBER};
	struct table t;
	table_begin(&t, fmt, cols, (size_t)r->ncols, out);
	for (size_t i = 0; i < r->nrows; i++) {
		char v[REPORT_MAX_COLS][160];
		const char *cells[REPORT_MAX_COLS];
		for (int c = 0; c < r->ncols; c++) {
			report_cell_text(r, i, c, fmt == FMT_TEXT, v[c], sizeof v[c]);
			cells[c] = v[c];
		}
		table_row(&t, cells);
	}
	table_end(&t);
}

int cmd_report(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *name = NULL, *png = NULL;
	int fmt = FMT_TEXT, csv = 0;
	struct report_opts ro = {0};
	opts_init(&o, "report", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--as-of"))
			opts_date(&o, WHEN_LOOKING_BACK, &ro.as_of);
		else if (opts_value(&o, "--from"))
			opts_date(&o, WHEN_LOOKING_BACK, &ro.from);
		else if (opts_value(&o, "--to"))
			opts_date(&o, WHEN_LOOKING_BACK, &ro.to);
		else if (opts_value(&o, "--by")) {
			int by = by_named(o.arg);
			if (by < 0)
				msg_error("report: --by %s: collector, segment, procedure or country", o.arg), o.bad = 1;
			else
				ro.by = (enum report_by)by;
		} else if (opts_value(&o, "--currency")) {
			if (strlen(o.arg) != 3)
				msg_error("report: --currency %s: a three-letter code (EUR)", o.arg), o.bad = 1;
			else
				for (int i = 0; i < 3; i++)
					ro.currency[i] = (char)(o.arg[i] >= 'a' && o.arg[i] <= 'z' ? o.arg[i] - 32 : o.arg[i]);
		} else if (opts_value(&o, "--format")) {
			csv = !strcmp(o.arg, "csv");
			if (!csv)
				fmt = opts_format(&o);
		} else if (opts_value(&o, "--png"))
			png = o.arg;
		else {
			const char *p = opts_positional(&o);
			if (p && !name)
				name = p;
			else if (p)
				msg_error("report: unexpected argument %s", p), o.bad = 1;
		}
	}
	const struct report_def *def = name ? report_find(name) : NULL;
	if (!o.bad && !def) {
		msg_error("report: %s%sname one of:", name ? name : "", name ? ": no such report; " : "");
		for (const struct report_def *d = report_defs; d->name; d++)
			fprintf(stderr, "  %-11s %s\n", d->name, d->help);
		o.bad = 1;
	}
	if (!o.bad && ro.from && ro.to && ro.from > ro.to)
		msg_error("report: --from is after --to"), o.bad = 1;
	if (o.bad || fmt < 0)
		return opts_exit(&o);
	if (!ro.as_of)
		ro.as_of = today();
	struct book b;
	if (book_open_at(&b, g->db, BOOK_READ))
		return 1;
	struct report r = {.o = ro};
	int rc = def->fill(b.db, &r) ? 1 : 0;
	if (!rc && png) {
		char err[256];
		if (report_png(&r, png, 1200, 675, err, sizeof err)) {
			msg_error("report: %s: %s", png, err);
			rc = 1;
		}
	} else if (!rc && csv) {
		write_csv(&r, stdout);
	} else if (!rc) {
		if (fmt == FMT_TEXT) {
			char asof[11];
			date_iso(r.o.as_of, asof);
			printf("%s as of %s%s%s%s\n\n", r.title, asof, r.currency[0] ? " (" : "", r.currency,
			       r.currency[0] ? ")" : "");
		}
		write_table(&r, (enum out_format)fmt, stdout);
	}
	report_free(&r);
	book_close(&b);
	return rc;
}
