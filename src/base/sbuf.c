/* sbuf.c — growable buffer; aborts when memory runs out (nothing to save). */
#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct sbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s)
		abort();
	b->s = s;
	b->cap = cap;
}

void sbuf_put(struct sbuf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sbuf_puts(struct sbuf *b, const char *s) { sbuf_put(b, s, strlen(s)); }

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void sbuf_csv_field(struct sbuf *b, const char *s, char delim)
{
	if (!strchr(s, delim) && !strpbrk(s, "\"\r\n")) {
		sbuf_puts(b, s);
		return;
	}
	sbuf_put(b, "\"", 1);
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sbuf_put(b, "\"", 1);
		sbuf_put(b, p, 1);
	}
	sbuf_put(b, "\"", 1);
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int sbuf_read_file(struct sbuf *b, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t start = b->len;
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sbuf_put(b, buf, n);
	int bad = ferror(fp);
	fclose(fp);
	sbuf_put(b, "", 0);
	if (bad) {
		b->len = start;
		b->s[start] = '\0';
		return -1;
	}
	return 0;
}
