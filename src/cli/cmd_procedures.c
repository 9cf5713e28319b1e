/* cmd_procedures.c — `relance procedures list|export|import` (the book's
 * dunning procedures as a readable text file) and `relance rates
 * list|set` (the statutory interest rates per country and half-year). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book/lib.h"
#include "cli.h"
#include "dunning/lib.h"
#include "base/lib.h"

static int procedures_list(sqlite3 *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM procedures ORDER BY name <> 'business', name");
	if (!st)
		return 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct procedure p;
		if (procedure_load(db, (const char *)sqlite3_column_text(st, 0), &p))
			continue;
		printf("%s (%s): %s\n", p.name, p.consumer ? "consumer" : "business", p.title);
		for (int i = 0; i < p.nsteps; i++) {
			const struct step *s = &p.steps[i];
			char fee[32] = "";
			if (s->fee) {
				money_format(s->fee, fee + 5, sizeof fee - 5);
				memcpy(fee, " fee ", 5);
			}
			printf("  %2d  %+5d days  %-10s  %-20s%s%s\n", s->step, s->days, s->channel, s->template, fee,
			       s->claims ? "  claims" : "");
		}
	}
	sqlite3_finalize(st);
	st = db_prepare(db, "SELECT segment, procedure FROM segment_procedures ORDER BY segment");
	while (st && sqlite3_step(st) == SQLITE_ROW)
		printf("segment %s follows %s\n", (const char *)sqlite3_column_text(st, 0),
		       (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	return 0;
}

int cmd_procedures(const struct cli_globals *g, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "list";
	struct opts o;
	const char *out = NULL, *file = NULL;
	int dry_run = 0;
	opts_init(&o, "procedures", argc - (argc > 1), argv + (argc > 1));
	while (opts_more(&o)) {
		if (opts_value(&o, "-o") || opts_value(&o, "--output"))
			out = o.arg;
		else if (opts_flag(&o, "--dry-run") || opts_flag(&o, "-n"))
			dry_run = 1;
		else {
			const char *a = opts_positional(&o);
			if (a && (file || strcmp(sub, "import")))
				msg_error("procedures: unexpected argument %s", a), o.bad = 1;
			file = a;
		}
	}
	if (!o.bad && strcmp(sub, "list") && strcmp(sub, "export") && strcmp(sub, "import"))
		msg_error("procedures: say list, export or import"), o.bad = 1;
	if (!o.bad && !strcmp(sub, "import") && !file)
		msg_error("procedures: usage: relance procedures import FILE [--dry-run]"), o.bad = 1;
	if (o.bad)
		return 2;
	struct book b;
	if (book_open_at(&b, g->db, strcmp(sub, "import") ? BOOK_READ : BOOK_EXISTING))
		return 1;
	int rc = 0;
	if (!strcmp(sub, "list")) {
		rc = procedures_list(b.db);
	} else if (!strcmp(sub, "export")) {
		struct private_file f;
		if (private_file_open(&f, out)) {
			msg_error("procedures: %s", f.err);
			rc = 1;
		} else {
			int ok = procedures_export(b.db, f.fp) == 0;
			if (private_file_close(&f, ok)) {
				if (ok)
					msg_error("procedures: %s", f.err);
				rc = 1;
			}
		}
	} else {
		int np, ns;
		rc = procedures_import(b.db, file, dry_run, &np, &ns) ? 1 : 0;
		if (!rc)
			fprintf(stderr, "procedures: %s: %d procedure%s, %d step%s%s\n", file, np, np == 1 ? "" : "s", ns,
				ns == 1 ? "" : "s", dry_run ? " (dry run, nothing changed)" : "");
	}
	book_close(&b);
	return rc;
}

static const struct table_column rate_cols[] = {
	{"country", CELL_TEXT}, {"since", CELL_TEXT}, {"rate", CELL_NUMBER}, {"source", CELL_TEXT},
};

struct rate_row {
	char country[3], since[11];
	int rate, book; /* book: set by relance rates set (built in otherwise) */
};

static int rate_row_cmp(const void *x, const void *y)
{
	const struct rate_row *a = x, *b = y;
	int c = strcmp(a->country, b->country);
	return c ? c : strcmp(a->since, b->since);
}

/* The built-in rates (of `country`, NULL all) and the book's, which come
 * before them, in order. */
static int rates_list(sqlite3 *db, const char *country, struct table *t)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT country, since, rate FROM interest_rates "
					  "WHERE ?1 IS NULL OR country = ?1");
	if (!st)
		return -1;
	if (country)
		sqlite3_bind_text(st, 1, country, -1, SQLITE_STATIC);
	size_t n = 0, cap = relance_rates_count + 16;
	struct rate_row *r = malloc(cap * sizeof *r);
	if (!r)
		abort();
	for (size_t i = 0; i < relance_rates_count; i++)
		if (!country || !strcmp(country, relance_rates[i].country)) {
			snprintf(r[n].country, sizeof r[n].country, "%s", relance_rates[i].country);
			snprintf(r[n].since, sizeof r[n].since, "%s", relance_rates[i].since);
			r[n].rate = relance_rates[i].rate, r[n++].book = 0;
		}
	size_t builtin = n;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *c = (const char *)sqlite3_column_text(st, 0), *since = (const char *)sqlite3_column_text(st, 1);
		struct rate_row *row = NULL;
		for (size_t i = 0; i < builtin && !row; i++)
			if (!strcmp(r[i].country, c) && !strcmp(r[i].since, since))
				row = &r[i];
		if (!row) {
			if (n == cap) {
				struct rate_row *grown = realloc(r, (cap *= 2) * sizeof *r);
				if (!grown)
					abort();
				r = grown;
			}
			row = &r[n++];
			snprintf(row->country, sizeof row->country, "%s", c);
			snprintf(row->since, sizeof row->since, "%s", since);
		}
		row->rate = sqlite3_column_int(st, 2), row->book = 1;
	}
	sqlite3_finalize(st);
	qsort(r, n, sizeof *r, rate_row_cmp);
	for (size_t i = 0; rc == SQLITE_DONE && i < n; i++) {
		char v[32];
		money_format(r[i].rate, v, sizeof v);
		const char *cells[] = {r[i].country, r[i].since, v, r[i].book ? "book" : "built-in"};
		table_row(t, cells);
	}
	free(r);
	return rc == SQLITE_DONE ? 0 : -1;
}

int cmd_rates(const struct cli_globals *g, int argc, char **argv)
{
	int named = argc > 1 && argv[1][0] != '-'; /* rates --country BE: a list */
	const char *sub = named ? argv[1] : "list";
	struct opts o;
	const char *country = NULL, *args[3] = {0};
	int fmt = FMT_TEXT, nargs = 0;
	opts_init(&o, "rates", argc - named, argv + named);
	while (opts_more(&o)) {
		if (opts_value(&o, "--country"))
			country = o.arg;
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else {
			const char *a = opts_positional(&o);
			if (a && nargs < 3)
				args[nargs++] = a;
			else if (a)
				msg_error("rates: unexpected argument %s", a), o.bad = 1;
		}
	}
	if (!o.bad && strcmp(sub, "list") && strcmp(sub, "set"))
		msg_error("rates: say list or set"), o.bad = 1;
	if (!o.bad && !strcmp(sub, "set") && nargs != 3)
		msg_error("rates: usage: relance rates set COUNTRY YYYY-01-01|YYYY-07-01 RATE"), o.bad = 1;
	if (o.bad || fmt < 0)
		return 2;
	int64_t rate = 0;
	if (!strcmp(sub, "set")) {
		if (strlen(args[0]) != 2 || args[0][0] < 'A' || args[0][0] > 'Z' || args[0][1] < 'A' || args[0][1] > 'Z')
			msg_error("rates set: country: %s: two capital letters (BE, FR, ...)", args[0]), o.bad = 1;
		if (strlen(args[1]) != 10 || (strcmp(args[1] + 4, "-01-01") && strcmp(args[1] + 4, "-07-01")))
			msg_error("rates set: since: %s: a half-year starts on YYYY-01-01 or YYYY-07-01", args[1]), o.bad = 1;
		if (money_parse(args[2], strlen(args[2]), MARK_POINT, &rate) != MONEY_OK || rate < 0 || rate > 10000)
			msg_error("rates set: rate: %s: a yearly rate in percent (10.5)", args[2]), o.bad = 1;
		if (o.bad)
			return 2;
	}
	struct book b;
	if (book_open_at(&b, g->db, strcmp(sub, "set") ? BOOK_READ : BOOK_EXISTING))
		return 1;
	int rc = 0;
	if (!strcmp(sub, "set")) {
		sqlite3_stmt *st = db_prepare(b.db, "INSERT INTO interest_rates(country, since, rate) VALUES (?1, ?2, ?3) "
						    "ON CONFLICT (country, since) DO UPDATE SET rate = ?3");
		if (st) {
			sqlite3_bind_text(st, 1, args[0], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, args[1], -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, rate);
			if (sqlite3_step(st) != SQLITE_DONE) {
				msg_error("rates set: %s", sqlite3_errmsg(b.db));
				rc = 1;
			}
			sqlite3_finalize(st);
		} else {
			rc = 1;
		}
	} else {
		struct table t;
		table_begin(&t, (enum out_format)fmt, rate_cols, 4, stdout);
		rc = rates_list(b.db, country, &t) ? 1 : 0;
		table_end(&t);
	}
	book_close(&b);
	return rc;
}
