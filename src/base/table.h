/* table.h — printing lists in the three formats every list command offers:
 * text (aligned columns for people; control characters escaped), tsv (one
 * header line, tab-separated, backslash escapes) and json (an array of
 * objects). Amount cells are plain "1234.56" in tsv and json. */
#ifndef RELANCE_TABLE_H
#define RELANCE_TABLE_H
#include <stdio.h>

enum out_format { FMT_TEXT, FMT_TSV, FMT_JSON };
enum cell_kind { CELL_TEXT, CELL_NUMBER };

struct table_column {
	const char *name;
	enum cell_kind kind;
};

struct table {
	enum out_format fmt;
	const struct table_column *cols;
	size_t ncols;
	FILE *out;
	size_t rows;
	/* text: buffered rows, to measure column widths */
	char **cells;
	size_t ncells, cap;
};

/* -1 when the name is not text, tsv or json. */
int table_format_named(const char *name);
void table_begin(struct table *t, enum out_format fmt, const struct table_column *cols,
		 size_t ncols, FILE *out);
/* One row: ncols cells, NULL for an empty cell. */
void table_row(struct table *t, const char *const *cells);
void table_end(struct table *t);

/* Writes s to out with control characters and invalid UTF-8 escaped. */
void table_put_safe(FILE *out, const char *s);
/* Writes s as a JSON string: quoted, with quotes, backslashes, controls,
 * bidi and line separators as \uXXXX and invalid UTF-8 as \ufffd. */
void table_put_json_string(FILE *out, const char *s);

#endif
