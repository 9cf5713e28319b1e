/* sbuf.h — a growable byte buffer for building text (CSV, messages). */
#ifndef RELANCE_SBUF_H
#define RELANCE_SBUF_H
#include <stddef.h>

struct sbuf {
	char *s;
	size_t len, cap;
};

void sbuf_put(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* One CSV field, quoted when it holds the delimiter, a quote or a newline. */
void sbuf_csv_field(struct sbuf *b, const char *s, char delim);
void sbuf_free(struct sbuf *b);
/* Appends a whole file; -1 (and nothing appended) when it cannot be read.
 * b->s is then allocated, even for an empty file. */
int sbuf_read_file(struct sbuf *b, const char *path);

#endif
