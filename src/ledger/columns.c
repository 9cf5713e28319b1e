/* columns.c — header name matching for imports. */
#include "columns.h"

#include <stdio.h>
#include <string.h>

#include "base/lib.h"

void columns_normalise(const char *s, size_t n, char *out, size_t size)
{
	char folded[256];
	size_t len = utf8_fold(s, n, folded, sizeof folded), o = 0;
	for (size_t i = 0; i < len && o + 1 < size; i++) {
		char c = folded[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[o++] = c;
		else if (c >= 'A' && c <= 'Z')
			out[o++] = (char)(c - 'A' + 'a');
	}
	out[o] = '\0';
}

/* 1 when the normalised header equals the canonical name or a synonym. */
static int matches(const struct column_def *d, const char *norm)
{
	char buf[128];
	columns_normalise(d->name, strlen(d->name), buf, sizeof buf);
	if (strcmp(buf, norm) == 0)
		return 1;
	const char *p = d->synonyms;
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		columns_normalise(p, n, buf, sizeof buf);
		if (strcmp(buf, norm) == 0)
			return 1;
		p = bar ? bar + 1 : NULL;
	}
	return 0;
}

int columns_map(const struct column_def *defs, size_t ndefs,
		const struct csv_field *header, size_t nheader,
		const struct column_override *ov, size_t nov,
		int idx[COLUMNS_MAX], char *missing, size_t missing_size,
		void (*warn)(void *ctx, const char *msg), void *ctx)
{
	char norm[128], msg[512];
	for (size_t c = 0; c < ndefs; c++)
		idx[c] = -1;
	/* --map first: it wins over any name match */
	for (size_t o = 0; o < nov; o++) {
		char want[128];
		columns_normalise(ov[o].header, strlen(ov[o].header), want, sizeof want);
		for (size_t c = 0; c < ndefs; c++) {
			if (strcmp(defs[c].name, ov[o].canonical) != 0)
				continue;
			for (size_t h = 0; h < nheader; h++) {
				columns_normalise(header[h].s, header[h].n, norm, sizeof norm);
				if (strcmp(norm, want) == 0) {
					idx[c] = (int)h;
					break;
				}
			}
		}
	}
	for (size_t h = 0; h < nheader; h++) {
		int taken = 0;
		for (size_t c = 0; c < ndefs; c++)
			if (idx[c] == (int)h)
				taken = 1;
		if (taken)
			continue;
		columns_normalise(header[h].s, header[h].n, norm, sizeof norm);
		if (!*norm)
			continue;
		for (size_t c = 0; c < ndefs; c++) {
			if (!matches(&defs[c], norm))
				continue;
			if (idx[c] < 0) {
				idx[c] = (int)h;
			} else if (warn) {
				char a[200], b[200];
				utf8_escape(header[h].s, header[h].n, 60, a, sizeof a);
				utf8_escape(header[idx[c]].s, header[idx[c]].n, 60, b, sizeof b);
				snprintf(msg, sizeof msg, "column \"%s\" ignored: %s is read from column \"%s\"",
					 a, defs[c].name, b);
				warn(ctx, msg);
			}
			break;
		}
	}
	int nmissing = 0;
	size_t used = 0;
	if (missing_size)
		missing[0] = '\0';
	for (size_t c = 0; c < ndefs; c++) {
		if (idx[c] >= 0 || !defs[c].required)
			continue;
		nmissing++;
		int w = snprintf(missing + used, missing_size - used, "%s%s", used ? ", " : "", defs[c].name);
		if (w > 0 && used + (size_t)w < missing_size)
			used += (size_t)w;
	}
	return nmissing;
}
