/* sync_show.c — `sync show FILE`: a change file made readable, so that
 * people can see what it would bring before importing it: its header,
 * whether its checksum holds, then each unit's version and its rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/lib.h"
#include "sync.h"

extern const char *const relance_migrations[];
extern const size_t relance_migrations_count;

/* The value as text; `or` when there is none. */
static const char *text_or(sqlite3_value *v, const char *or)
{
	const char *s = v ? (const char *)sqlite3_value_text(v) : NULL;
	return s ? s : or;
}

static void value(FILE *out, sqlite3_value *v)
{
	if (!v || sqlite3_value_type(v) == SQLITE_NULL) {
		fputs("NULL", out);
		return;
	}
	if (sqlite3_value_type(v) == SQLITE_INTEGER) {
		fprintf(out, "%lld", (long long)sqlite3_value_int64(v));
		return;
	}
	fputc('"', out);
	table_put_safe(out, text_or(v, ""));
	fputc('"', out);
}

/* Column names of the tables, from an empty book built in memory. */
static sqlite3 *schema_db(void)
{
	sqlite3 *db = NULL;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	for (size_t i = 0; i < relance_migrations_count; i++)
		sqlite3_exec(db, relance_migrations[i], NULL, NULL, NULL);
	return db;
}

static void column_name(sqlite3 *db, const char *table, int i, char *out, size_t size)
{
	sqlite3_stmt *st = NULL;
	snprintf(out, size, "%d", i + 1);
	if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_table_info(?1) WHERE cid = ?2", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, i);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
}

int sync_show(struct book *b, const char *path, FILE *out)
{
	struct sync_header h;
	struct sync_family fam;
	void *cs = NULL;
	size_t n = 0;
	int have = b ? sync_family(b, 0, &fam) : 1;
	if (have < 0)
		return -1;
	/* any schema: showing changes nothing */
	if (sync_file_read(path, 1 << 30, have == 0 ? &fam : NULL, &h, &cs, &n))
		return -1;
	fputs("file:    ", out);
	table_put_safe(out, path);
	fprintf(out, " (format %d, %s)\nschema:  %d\nfamily:  %s\ncopy:    %s", h.format,
		h.signature_checked ? "signed by a copy of this book"
		: "signature not checked: no copy of its book at hand", h.schema, h.family, h.copy);
	if (h.name[0]) {
		fputs(" (", out);
		table_put_safe(out, h.name);
		fputc(')', out);
	}
	fputs("\nuser:    ", out);
	table_put_safe(out, h.user);
	fprintf(out, "\nmade:    %s\nchanges: %lld to %lld of the sending copy\nunits:   %lld\n", h.made, h.seq_from,
		h.seq_to, h.units);
	sqlite3 *names = schema_db();
	char last[64] = "";
	sqlite3_changeset_iter *it = NULL;
	int rc = sqlite3changeset_start(&it, (int)n, cs) == SQLITE_OK ? 0 : -1;
	while (rc == 0 && sqlite3changeset_next(it) == SQLITE_ROW) {
		const char *tab;
		int ncol, op, indirect;
		sqlite3changeset_op(it, &tab, &ncol, &op, &indirect);
		if (op != SQLITE_INSERT) {
			rc = -1;
			break;
		}
		if (strcmp(last, tab)) {
			snprintf(last, sizeof last, "%s", tab);
			fputc('\n', out);
			table_put_safe(out, !strcmp(tab, "sync_versions") ? "units and their versions" : tab);
			fputs(":\n", out);
		}
		if (!strcmp(tab, "sync_versions")) {
			/* tbl, key, rev, at, copy, base_at, base_copy, gone */
			sqlite3_value *v[8] = {0};
			for (int i = 0; i < 8 && i < ncol; i++)
				sqlite3changeset_new(it, i, &v[i]);
			fputs("  ", out);
			table_put_safe(out, text_or(v[0], "?"));
			fputc(' ', out);
			table_put_safe(out, text_or(v[1], "?"));
			char at[32];
			sync_time_iso(v[3] ? sqlite3_value_int64(v[3]) : 0, 1, at);
			fprintf(out, ": version %lld, %s, copy ", v[2] ? (long long)sqlite3_value_int64(v[2]) : 0LL, at);
			table_put_safe(out, uid_short(text_or(v[4], "?")));
			if (v[5] && sqlite3_value_type(v[5]) != SQLITE_NULL) {
				sync_time_iso(sqlite3_value_int64(v[5]), 1, at);
				fprintf(out, ", made on %s, copy ", at);
				table_put_safe(out, uid_short(text_or(v[6], "?")));
			}
			if (v[7] && sqlite3_value_int(v[7]))
				fputs(", deleted", out);
			fputc('\n', out);
			continue;
		}
		fputs(" ", out);
		for (int i = 0; i < ncol; i++) {
			sqlite3_value *v = NULL;
			char col[64];
			sqlite3changeset_new(it, i, &v);
			column_name(names, tab, i, col, sizeof col);
			fprintf(out, " %s=", col);
			value(out, v);
		}
		fputc('\n', out);
	}
	if (it && sqlite3changeset_finalize(it) != SQLITE_OK)
		rc = -1;
	free(cs);
	sqlite3_close(names);
	if (rc)
		msg_error("%s: its change set is damaged", path);
	return rc;
}

void sync_time_iso(long long ms, int with_ms, char out[32])
{
	time_t s = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&s, &tm);
	size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
	if (with_ms)
		snprintf(out + n, 32 - n, ".%03lldZ", ms % 1000);
	else
		snprintf(out + n, 32 - n, "Z");
}
