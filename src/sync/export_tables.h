/* export_tables.h — exports of the collectors' work for the accounting
 * system: the promises, disputes, payment plans and journal entries of the
 * book as CSV (RFC 4180) or JSON, one row at a time from one SQL query (the
 * book is only read). The columns of each table are fixed and documented
 * in relance(1); amounts are plain decimals ("1234.56") made from cents. */
#ifndef RELANCE_EXPORT_TABLES_H
#define RELANCE_EXPORT_TABLES_H
#include <sqlite3.h>
#include <stdio.h>

enum export_table { EXPORT_PROMISES, EXPORT_DISPUTES, EXPORT_PLANS, EXPORT_ACTIVITIES };
enum export_format { EXPORT_CSV, EXPORT_JSON };

struct export_options {
	enum export_format format;
	char delimiter;    /* csv: ',' ';' '\t' or '|' */
	int bom;           /* csv: begin with a UTF-8 byte order mark */
	const char *since; /* "YYYY-MM-DD": only rows made or changed on or after
			      that day (UTC timestamps); NULL: every row */
};

/* "promises", "disputes", "plans", "activities" -> table; -1 when unknown. */
int export_table_named(const char *name);

/* Writes table t to out (named out_name in messages), header first, rows
 * in the order they were made (their ids are time-ordered). Text cells of
 * CSV that begin with = + - @ tab or CR get a leading apostrophe, so that
 * a spreadsheet never runs them as formulas; amounts never do. Returns the
 * number of rows written, or -1 after a message (a database error, or a
 * write error: the caller must not keep the output). */
long export_table_write(sqlite3 *db, enum export_table t, const struct export_options *o, FILE *out,
			const char *out_name);

/* The command-line handler, `relance export TABLE ...` (cmd_export_tables.c):
 * argv[0] is "export", the table is the first positional argument. Also
 * declared in cli.h. */
struct cli_globals;
int cmd_export_table(const struct cli_globals *g, int argc, char **argv);

#endif
