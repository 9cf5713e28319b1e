/* csv.c — RFC 4180 reader over an in-memory UTF-8 buffer, and the writer
 * of a text cell (the exports' and the reports' quoting and formula guard). */
#include "csv.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void csv_init(struct csv_reader *r, const char *buf, size_t len, char delim)
{
	memset(r, 0, sizeof *r);
	r->p = buf;
	r->end = buf + len;
	r->delim = delim;
	r->line = 1;
}

/* A field unescaped into scratch: stored as an offset until the record
 * ends, because scratch may move while the record is read. */
struct csv_pending {
	size_t idx, off, len;
};

void csv_free(struct csv_reader *r)
{
	free(r->scratch);
	free(r->pending);
	r->scratch = NULL;
	r->pending = NULL;
}

static int pending_put(struct csv_reader *r, size_t idx, size_t off, size_t len)
{
	if (r->npending == r->pending_cap) {
		size_t cap = r->pending_cap ? r->pending_cap * 2 : 16;
		struct csv_pending *np = realloc(r->pending, cap * sizeof *np);
		if (!np)
			return -1;
		r->pending = np;
		r->pending_cap = cap;
	}
	r->pending[r->npending++] = (struct csv_pending){idx, off, len};
	return 0;
}

static int scratch_put(struct csv_reader *r, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	if (r->scratch_len + n > r->scratch_cap) {
		size_t cap = r->scratch_cap ? r->scratch_cap * 2 : 256;
		while (cap < r->scratch_len + n)
			cap *= 2;
		char *nb = realloc(r->scratch, cap);
		if (!nb)
			return -1;
		r->scratch = nb;
		r->scratch_cap = cap;
	}
	memcpy(r->scratch + r->scratch_len, s, n);
	r->scratch_len += n;
	return 0;
}

long csv_next(struct csv_reader *r, struct csv_field *f, size_t max)
{
	const char *p = r->p, *end = r->end;
	char d = r->delim;
	/* skip blank lines; a line ends with LF, CRLF or a lone CR */
	while (p < end && (*p == '\n' || *p == '\r')) {
		if (*p == '\n' || p + 1 >= end || p[1] != '\n')
			r->line++;
		p++;
	}
	if (p >= end) {
		r->p = p;
		return 0;
	}
	r->record_line = r->line;
	r->scratch_len = 0;
	r->error = 0;
	r->npending = 0;
	long nf = 0;
	for (;;) {
		const char *start = p;
		size_t len;
		int in_scratch = 0;
		size_t soff = 0;
		/* blanks before an opening quote are not part of the field */
		const char *b = p;
		while (b < end && (*b == ' ' || (*b == '\t' && d != '\t')))
			b++;
		if (b < end && *b == '"')
			p = b;
		if (p < end && *p == '"') {
			/* quoted field */
			const char *q = ++p;
			for (;;) {
				const char *quote = memchr(q, '"', (size_t)(end - q));
				if (!quote) {
					r->error = 1;
					r->p = end;
					return -1;
				}
				for (const char *c = q; c < quote; c++)
					if (*c == '\n' || (*c == '\r' && (c + 1 >= end || c[1] != '\n')))
						r->line++;
				if (quote + 1 < end && quote[1] == '"') {
					if (!in_scratch) {
						in_scratch = 1;
						soff = r->scratch_len;
						if (scratch_put(r, p, (size_t)(quote + 1 - p)))
							return -1;
					} else if (scratch_put(r, q, (size_t)(quote + 1 - q))) {
						return -1;
					}
					q = quote + 2;
					continue;
				}
				if (in_scratch) {
					if (scratch_put(r, q, (size_t)(quote - q)))
						return -1;
					len = r->scratch_len - soff;
				} else {
					start = p;
					len = (size_t)(quote - p);
				}
				p = quote + 1;
				break;
			}
			/* anything between the closing quote and the delimiter is
			 * taken literally, as spreadsheets do */
			const char *tail = p;
			while (p < end && *p != d && *p != '\n' && *p != '\r')
				p++;
			if (p > tail) {
				if (!in_scratch) {
					in_scratch = 1;
					soff = r->scratch_len;
					if (scratch_put(r, start, len))
						return -1;
				}
				if (scratch_put(r, tail, (size_t)(p - tail)))
					return -1;
				len = r->scratch_len - soff;
			}
		} else {
			while (p < end && *p != d && *p != '\n' && *p != '\r')
				p++;
			len = (size_t)(p - start);
		}
		if ((size_t)nf < max) {
			if (in_scratch) {
				if (pending_put(r, (size_t)nf, soff, len))
					return -1;
				f[nf].s = NULL, f[nf].n = 0;
			} else {
				f[nf].s = start, f[nf].n = len;
			}
		}
		nf++;
		if (p < end && *p == d) {
			p++;
			continue;
		}
		/* end of record: LF, CRLF or a lone CR */
		if (p < end && *p == '\r') {
			p++;
			if (p >= end || *p != '\n')
				r->line++;
		}
		if (p < end && *p == '\n') {
			p++;
			r->line++;
		}
		break;
	}
	for (size_t i = 0; i < r->npending; i++) {
		struct csv_pending *pd = &r->pending[i];
		f[pd->idx].s = r->scratch + pd->off, f[pd->idx].n = pd->len;
	}
	r->p = p;
	return nf;
}

char csv_detect_delimiter(const char *buf, size_t len)
{
	size_t comma = 0, semi = 0, tab = 0;
	int quoted = 0;
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];
		if (c == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (c == '\n' || c == '\r')
			break;
		else if (c == ',')
			comma++;
		else if (c == ';')
			semi++;
		else if (c == '\t')
			tab++;
	}
	if (!comma && !semi && !tab)
		return 0;
	if (tab >= semi && tab >= comma)
		return '\t';
	return semi >= comma ? ';' : ',';
}

/* ---- writing --------------------------------------------------------------- */

/* U+FFFD, written in place of bytes that are not UTF-8. */
static const char replacement[] = "\xEF\xBF\xBD";

/* Writes s[0..n) with every quote doubled and bytes that are not UTF-8
 * replaced, in runs. */
static void csv_put(FILE *out, const char *s, size_t n)
{
	size_t start = 0, i = 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		size_t len = 1;
		uint32_t cp;
		if (ch >= 0x80 && (len = utf8_decode(s + i, n - i, &cp)) == 0) {
			fwrite(s + start, 1, i - start, out);
			fputs(replacement, out);
			start = ++i;
			continue;
		}
		if (ch == '"') {
			fwrite(s + start, 1, i + 1 - start, out);
			fputc('"', out);
			start = i + 1;
		}
		i += len;
	}
	fwrite(s + start, 1, n - start, out);
}

/* A text cell: quoted when it holds the delimiter, a quote, CR or LF;
 * an apostrophe first when a spreadsheet would take it for a formula. */
void csv_write_text(FILE *out, const char *s, size_t n, char delim)
{
	int guard = n > 0 && s[0] && strchr("=+-@\t\r", s[0]) != NULL;
	int quote = 0;
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (quote)
		fputc('"', out);
	if (guard)
		fputc('\'', out);
	csv_put(out, s, n);
	if (quote)
		fputc('"', out);
}
