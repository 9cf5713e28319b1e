/* csv.h — a reader for the CSV that accounting packages write: comma,
 * semicolon or tab; RFC 4180 quoting with embedded delimiters, quotes and
 * newlines; CRLF or LF. It reads a buffer already in UTF-8 (BOM removed)
 * and never modifies it: fields point into the buffer, or into the
 * reader's scratch space when a quoted field had doubled quotes. */
#ifndef RELANCE_CSV_H
#define RELANCE_CSV_H
#include <stddef.h>
#include <stdio.h>

struct csv_field {
	const char *s;
	size_t n;
};

struct csv_pending;
struct csv_reader {
	const char *p, *end;
	char delim;
	size_t line;        /* physical line the next record starts on (1-based) */
	size_t record_line; /* physical line the last record started on */
	char *scratch;
	size_t scratch_len, scratch_cap;
	struct csv_pending *pending; /* fields of the record living in scratch */
	size_t npending, pending_cap;
	int error;          /* 1: the last record had a quote left open */
};

void csv_init(struct csv_reader *r, const char *buf, size_t len, char delim);
void csv_free(struct csv_reader *r);
/* Reads the next non-empty record into f[0..max). Returns the number of
 * fields in the record (may exceed max: the extra ones are not stored),
 * 0 at the end of the buffer, or -1 when a quoted field never ends. */
long csv_next(struct csv_reader *r, struct csv_field *f, size_t max);
/* Picks the delimiter that occurs most often, outside quotes, in the first
 * line of buf: ',' ';' or '\t'. Returns 0 when none occurs. */
char csv_detect_delimiter(const char *buf, size_t len);

/* Writes a text cell of CSV: quoted when it holds delim, a quote, CR or
 * LF (quotes doubled); an apostrophe first when a spreadsheet would take
 * it for a formula (= + - @ tab CR); bytes that are not UTF-8 as U+FFFD.
 * The exports and the reports write their CSV so. */
void csv_write_text(FILE *out, const char *s, size_t n, char delim);

#endif
