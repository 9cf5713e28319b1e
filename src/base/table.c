/* table.c — text/tsv/json output of lists. Data never reaches the
 * terminal raw: control characters and invalid UTF-8 are escaped here. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xstr.h"

int table_format_named(const char *name)
{
	if (!strcmp(name, "text"))
		return FMT_TEXT;
	if (!strcmp(name, "tsv"))
		return FMT_TSV;
	if (!strcmp(name, "json"))
		return FMT_JSON;
	return -1;
}

/* Writes s for format fmt: printable characters as they are, unsafe bytes
 * (utf8_safe_at) escaped as the format wants. */
static void put_escaped(FILE *out, const char *s, enum out_format fmt)
{
	size_t n = strlen(s), i = 0;
	while (i < n) {
		/* printable ASCII that needs no escape goes out as one run */
		size_t run = i;
		while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f && s[run] != '\\' &&
		       !(fmt == FMT_JSON && s[run] == '"'))
			run++;
		if (run > i) {
			fwrite(s + i, 1, run - i, out);
			i = run;
			continue;
		}
		size_t len;
		unsigned char ch = (unsigned char)s[i];
		if (utf8_safe_at(s, n, i, &len)) {
			if ((fmt == FMT_JSON && (ch == '"' || ch == '\\')) || (fmt == FMT_TSV && ch == '\\'))
				fputc('\\', out);
			fwrite(s + i, 1, len, out);
		} else if (fmt == FMT_JSON) {
			uint32_t cp;
			if (ch >= 0x80 && utf8_decode(s + i, n - i, &cp))
				fprintf(out, "\\u%04x", (unsigned)cp);
			else if (ch < 0x80)
				fprintf(out, "\\u%04x", ch);
			else
				fputs("\\ufffd", out);
		} else if (fmt == FMT_TSV && (ch == '\t' || ch == '\n' || ch == '\r')) {
			fputs(ch == '\t' ? "\\t" : ch == '\n' ? "\\n" : "\\r", out);
		} else {
			for (size_t j = 0; j < len; j++)
				fprintf(out, "\\x%02x", (unsigned char)s[i + j]);
		}
		i += len;
	}
}

void table_put_safe(FILE *out, const char *s)
{
	put_escaped(out, s, FMT_TEXT);
}

void table_put_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	put_escaped(out, s, FMT_JSON);
	fputc('"', out);
}

/* Width of s as printed by put_escaped in text mode. */
static size_t text_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0;
	while (i < n) {
		size_t len;
		if (utf8_safe_at(s, n, i, &len)) {
			uint32_t cp = (unsigned char)s[i];
			if (len > 1)
				utf8_decode(s + i, n - i, &cp);
			w += (size_t)utf8_cp_width(cp);
		} else {
			w += 4 * len;
		}
		i += len;
	}
	return w;
}

void table_begin(struct table *t, enum out_format fmt, const struct table_column *cols,
		 size_t ncols, FILE *out)
{
	memset(t, 0, sizeof *t);
	t->fmt = fmt, t->cols = cols, t->ncols = ncols, t->out = out;
	if (fmt == FMT_TSV) {
		for (size_t c = 0; c < ncols; c++)
			fprintf(out, "%s%s", c ? "\t" : "", cols[c].name);
		fputc('\n', out);
	} else if (fmt == FMT_JSON) {
		fputc('[', out);
	}
}

void table_row(struct table *t, const char *const *cells)
{
	FILE *out = t->out;
	if (t->fmt == FMT_TSV) {
		for (size_t c = 0; c < t->ncols; c++) {
			if (c)
				fputc('\t', out);
			if (cells[c])
				put_escaped(out, cells[c], FMT_TSV);
		}
		fputc('\n', out);
	} else if (t->fmt == FMT_JSON) {
		fputs(t->rows ? ",\n {" : "\n {", out);
		for (size_t c = 0; c < t->ncols; c++) {
			fprintf(out, "%s\"%s\": ", c ? ", " : "", t->cols[c].name);
			if (!cells[c] || !*cells[c]) {
				fputs("null", out);
			} else if (t->cols[c].kind == CELL_NUMBER) {
				fputs(cells[c], out);
			} else {
				table_put_json_string(out, cells[c]);
			}
		}
		fputc('}', out);
	} else {
		if (t->ncells + t->ncols > t->cap) {
			t->cap = t->cap ? t->cap * 2 : 64 * t->ncols;
			t->cells = realloc(t->cells, t->cap * sizeof *t->cells);
			if (!t->cells)
				abort();
		}
		for (size_t c = 0; c < t->ncols; c++)
			t->cells[t->ncells++] = xstrdup(cells[c]);
	}
	t->rows++;
}

static void pad(FILE *out, size_t n)
{
	while (n--)
		fputc(' ', out);
}

void table_end(struct table *t)
{
	if (t->fmt == FMT_JSON) {
		fputs(t->rows ? "\n]\n" : "]\n", t->out);
		return;
	}
	if (t->fmt != FMT_TEXT)
		return;
	size_t *w = calloc(t->ncols, sizeof *w);
	if (!w)
		abort();
	for (size_t c = 0; c < t->ncols; c++)
		w[c] = strlen(t->cols[c].name);
	for (size_t i = 0; i < t->ncells; i++) {
		size_t tw = text_width(t->cells[i]);
		if (tw > w[i % t->ncols])
			w[i % t->ncols] = tw;
	}
	for (size_t c = 0; c < t->ncols; c++) {
		size_t len = strlen(t->cols[c].name);
		int right = t->cols[c].kind == CELL_NUMBER;
		if (right)
			pad(t->out, w[c] - len);
		fputs(t->cols[c].name, t->out);
		if (c + 1 < t->ncols)
			pad(t->out, (right ? 0 : w[c] - len) + 2);
	}
	fputc('\n', t->out);
	for (size_t i = 0; i < t->ncells; i++) {
		size_t c = i % t->ncols, tw = text_width(t->cells[i]);
		int right = t->cols[c].kind == CELL_NUMBER;
		if (right)
			pad(t->out, w[c] - tw);
		put_escaped(t->out, t->cells[i], FMT_TEXT);
		if (c + 1 < t->ncols)
			pad(t->out, (right ? 0 : w[c] - tw) + 2);
		else
			fputc('\n', t->out);
		free(t->cells[i]);
	}
	free(t->cells);
	free(w);
	t->cells = NULL;
}
