/* changeset_read.c — reads a change set's rows in place, in the format
 * changeset_check.c describes, without SQLite's changeset iterator: that
 * copies every value into an sqlite3_value that import then copies again
 * to bind it, a third of the time of staging a file. The values here
 * point into the change set, to be bound as they are. Every read is
 * bounded still, though import reads only what changeset_check passed. */
#include "changeset_read.h"
#include "changeset_check.h"

#include <string.h>

#define CHANGE_INSERT 18 /* SQLITE_INSERT */

static int varint(struct changeset_reader *r, unsigned long long *out)
{
	return changeset_varint(&r->p, r->end, out);
}

/* 8 bytes, big-endian, as SQLite writes integers and reals */
static unsigned long long be64(const unsigned char *p)
{
	unsigned long long x = 0;
	for (int i = 0; i < 8; i++)
		x = (x << 8) | p[i];
	return x;
}

static int value(struct changeset_reader *r, struct changeset_value *v)
{
	if (r->p >= r->end)
		return -1;
	v->type = *r->p++;
	unsigned long long n, x;
	switch (v->type) {
	case 1: /* INTEGER */
	case 2: /* REAL */
		if (r->end - r->p < 8)
			return -1;
		x = be64(r->p);
		r->p += 8;
		if (v->type == 1)
			v->i = (long long)x;
		else
			memcpy(&v->d, &x, sizeof v->d);
		return 0;
	case 3: /* TEXT */
	case 4: /* BLOB */
		if (varint(r, &n) || n > (unsigned long long)(r->end - r->p))
			return -1;
		v->p = r->p;
		v->n = (size_t)n;
		r->p += n;
		return 0;
	case 5: /* NULL */
		return 0;
	default:
		return -1;
	}
}

void changeset_read_start(struct changeset_reader *r, const void *cs, size_t n)
{
	r->p = cs;
	r->end = r->p + n;
	r->table = NULL;
	r->ncol = 0;
}

int changeset_read_next(struct changeset_reader *r)
{
	while (r->p < r->end && *r->p == 'T') {
		unsigned long long ncol;
		r->p++;
		if (varint(r, &ncol) || ncol == 0 || ncol > CHANGESET_MAX_COLUMNS ||
		    ncol > (unsigned long long)(r->end - r->p))
			return -1;
		r->p += ncol; /* the key flags */
		const unsigned char *nul = memchr(r->p, '\0', (size_t)(r->end - r->p));
		if (!nul || nul == r->p)
			return -1;
		r->table = (const char *)r->p;
		r->ncol = (int)ncol;
		r->p = nul + 1;
	}
	if (r->p >= r->end)
		return 0;
	if (!r->table || *r->p != CHANGE_INSERT || r->end - r->p < 2 || r->p[1] > 1)
		return -1;
	r->p += 2;
	for (int i = 0; i < r->ncol; i++)
		if (value(r, &r->v[i]))
			return -1;
	return 1;
}
