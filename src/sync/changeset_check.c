/* changeset_check.c — walks a change set's bytes before SQLite reads them.
 *
 * SQLite's changeset reader trusts its input: a damaged change set can make
 * it read past the end or loop forever (a change set of the single byte
 * "T" does both in SQLite 3.40). A change file's change set is therefore
 * walked here first, by the format SQLite documents for its session
 * extension, and refused unless every byte is where it must be:
 *
 *   table header   'T', varint column count, one byte per column (0, or
 *                  its place in the primary key from 1), the table's name
 *                  ending in a NUL
 *   change         operation (only INSERT travels: a row as it stands),
 *                  indirect flag (0 or 1), one value per column
 *   value          type byte, then: 1 INTEGER and 2 REAL 8 bytes,
 *                  3 TEXT and 4 BLOB a varint length and that many bytes,
 *                  5 NULL nothing (0, "undefined", has no place in an INSERT)
 */
#include "changeset_check.h"

#include <stdio.h>
#include <string.h>

#define CHANGE_INSERT 18 /* SQLITE_INSERT */
#define MAX_COLUMNS 256
#define MAX_NAME 64

struct walk {
	const unsigned char *p, *end, *start;
};

int changeset_varint(const unsigned char **p, const unsigned char *end, unsigned long long *out)
{
	unsigned long long v = 0;
	for (int i = 0; i < 9; i++) {
		if (*p >= end)
			return -1;
		unsigned char b = *(*p)++;
		if (i == 8) {
			*out = (v << 8) | b;
			return 0;
		}
		v = (v << 7) | (b & 0x7f);
		if (!(b & 0x80)) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

static int varint(struct walk *w, unsigned long long *out)
{
	return changeset_varint(&w->p, w->end, out);
}

static int value(struct walk *w)
{
	if (w->p >= w->end)
		return -1;
	unsigned char type = *w->p++;
	unsigned long long n;
	switch (type) {
	case 1: /* INTEGER */
	case 2: /* REAL */
		n = 8;
		break;
	case 3: /* TEXT */
	case 4: /* BLOB */
		if (varint(w, &n))
			return -1;
		break;
	case 5: /* NULL */
		return 0;
	default:
		return -1;
	}
	if (n > (unsigned long long)(w->end - w->p))
		return -1;
	w->p += n;
	return 0;
}

int changeset_check(const void *cs, size_t n, char *why, size_t whylen)
{
	struct walk w = {cs, (const unsigned char *)cs + n, cs};
	unsigned long long ncol = 0;
	int have_table = 0;
	const char *what = NULL;
	while (w.p < w.end) {
		const unsigned char *at = w.p;
		if (*w.p == 'T') {
			w.p++;
			if (varint(&w, &ncol) || ncol == 0 || ncol > MAX_COLUMNS) {
				what = "a table header with no sound column count";
				goto bad;
			}
			if (ncol > (unsigned long long)(w.end - w.p)) {
				what = "a table header cut short";
				goto bad;
			}
			for (unsigned long long i = 0; i < ncol; i++)
				if (*w.p++ > ncol) {
					what = "a table header with a strange key flag";
					goto bad;
				}
			const unsigned char *nul = memchr(w.p, '\0', (size_t)(w.end - w.p));
			if (!nul || nul == w.p || nul - w.p > MAX_NAME) {
				what = "a table name that does not end, or is empty or too long";
				goto bad;
			}
			w.p = nul + 1;
			have_table = 1;
			continue;
		}
		if (!have_table) {
			what = "a row before any table header";
			goto bad;
		}
		if (*w.p != CHANGE_INSERT) {
			what = "a change other than a row as it stands";
			goto bad;
		}
		w.p++;
		if (w.p >= w.end || *w.p > 1) {
			what = "a row with no sound indirect flag";
			goto bad;
		}
		w.p++;
		for (unsigned long long i = 0; i < ncol; i++)
			if (value(&w)) {
				what = "a row whose values are cut short or of no known type";
				goto bad;
			}
		continue;
	bad:
		snprintf(why, whylen, "damaged: its change set has %s at byte %zu", what, (size_t)(at - w.start));
		return -1;
	}
	return 0;
}
