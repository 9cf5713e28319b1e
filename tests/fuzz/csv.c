/* csv.c (fuzz) — feeds any bytes to the CSV reader with each delimiter
 * (comma, semicolon, tab, and the one csv_detect_delimiter picks). Checks
 * that it ends, that line numbers only grow and stay within the text's,
 * and that the records read, written again with every field quoted, are
 * read back field for field the same. */
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "fuzz.h"

#define MAXF 64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

/* The record f[0..nf) as RFC 4180 with every field quoted, and LF. */
static void write_record(struct sbuf *out, const struct csv_field *f, long nf, char d)
{
	for (long i = 0; i < nf; i++) {
		if (i)
			sbuf_put(out, &d, 1);
		sbuf_put(out, "\"", 1);
		for (size_t k = 0; k < f[i].n; k++) {
			if (f[i].s[k] == '"')
				sbuf_put(out, "\"", 1);
			sbuf_put(out, &f[i].s[k], 1);
		}
		sbuf_put(out, "\"", 1);
	}
	sbuf_put(out, "\n", 1);
}

static void read_with(const char *buf, size_t len, char d)
{
	struct csv_reader r, again;
	struct csv_field f[MAXF], g[MAXF];
	struct sbuf out = {0};
	size_t lines = 1, last = 0;
	for (size_t i = 0; i < len; i++)
		lines += buf[i] == '\n' || (buf[i] == '\r' && (i + 1 == len || buf[i + 1] != '\n'));
	csv_init(&r, buf, len, d);
	long nf, records = 0;
	int whole = 1; /* every record had at most MAXF fields */
	while ((nf = csv_next(&r, f, MAXF)) > 0) {
		FUZZ_CHECK(++records <= (long)len, "%ld records from %zu bytes", records, len);
		FUZZ_CHECK(r.record_line >= last && r.record_line <= lines, "record on line %zu after %zu (of %zu)",
			   r.record_line, last, lines);
		last = r.record_line;
		for (long i = 0; i < nf && i < MAXF; i++)
			FUZZ_CHECK(f[i].s || f[i].n == 0, "field %ld has no text", i);
		if (nf > MAXF)
			whole = 0;
		else
			write_record(&out, f, nf, d);
	}
	FUZZ_CHECK(r.line <= lines + 1, "ended on line %zu of %zu", r.line, lines);
	if (nf == 0 && whole) {
		/* what was read, written again, reads the same */
		csv_free(&r);
		csv_init(&r, buf, len, d);
		csv_init(&again, out.s ? out.s : "", out.len, d);
		while ((nf = csv_next(&r, f, MAXF)) > 0) {
			long ng = csv_next(&again, g, MAXF);
			FUZZ_CHECK(ng == nf, "record of %ld fields read back with %ld", nf, ng);
			for (long i = 0; i < nf; i++)
				FUZZ_CHECK(f[i].n == g[i].n && !memcmp(f[i].s, g[i].s, f[i].n),
					   "field %ld: %.*s read back as %.*s", i, (int)f[i].n, f[i].s, (int)g[i].n,
					   g[i].s);
		}
		FUZZ_CHECK(csv_next(&again, g, MAXF) == 0, "more records read back than were read");
		csv_free(&again);
	}
	csv_free(&r);
	sbuf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	char d = csv_detect_delimiter(buf, size);
	FUZZ_CHECK(d == 0 || d == ',' || d == ';' || d == '\t', "detected delimiter %d", d);
	read_with(buf, size, ',');
	read_with(buf, size, ';');
	read_with(buf, size, '\t');
	return 0;
}
