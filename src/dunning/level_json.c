/* level_json.c — a dunning entry's or a waiver's detail read in C, for a
 * sweep of the journal: as SQLite's json functions would read it (they
 * parsed it seven times a row, most of a dry run's reading of the
 * journal), but only in the form relance writes: one object whose first
 * key is "dunning" or "interest_waived", plain integers, strings without
 * escapes, no key twice. Anything else is left to SQLite (0). */
#include "level_json.h"

#include <string.h>

struct cur {
	const char *p;
};

static void ws(struct cur *c)
{
	while (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')
		c->p++;
}

/* A string without escapes or control characters: its bytes in [*s, *s + *n). */
static int str(struct cur *c, const char **s, size_t *n)
{
	if (*c->p != '"')
		return 0;
	const char *b = ++c->p;
	while (*c->p != '"') {
		if (!*c->p || *c->p == '\\' || (unsigned char)*c->p < 0x20)
			return 0;
		c->p++;
	}
	*s = b, *n = (size_t)(c->p - b);
	c->p++;
	return 1;
}

/* Any value read over (to skip it): strings as str, numbers, true, false,
 * null, arrays and objects of those (nested at most 8 deep). */
static int skip(struct cur *c, int depth)
{
	const char *s;
	size_t n;
	ws(c);
	if (*c->p == '"')
		return str(c, &s, &n);
	if (*c->p == '[' || *c->p == '{') {
		char close = *c->p == '[' ? ']' : '}';
		int obj = *c->p == '{';
		if (depth > 8)
			return 0;
		c->p++;
		ws(c);
		if (*c->p == close) {
			c->p++;
			return 1;
		}
		for (;;) {
			if (obj) {
				ws(c);
				if (!str(c, &s, &n))
					return 0;
				ws(c);
				if (*c->p++ != ':')
					return 0;
			}
			if (!skip(c, depth + 1))
				return 0;
			ws(c);
			if (*c->p == ',') {
				c->p++;
				continue;
			}
			if (*c->p++ != close)
				return 0;
			return 1;
		}
	}
	if (!strncmp(c->p, "true", 4) || !strncmp(c->p, "null", 4)) {
		c->p += 4;
		return 1;
	}
	if (!strncmp(c->p, "false", 5)) {
		c->p += 5;
		return 1;
	}
	/* a number: plain JSON grammar */
	const char *b = c->p;
	if (*c->p == '-')
		c->p++;
	if (*c->p == '0')
		c->p++;
	else if (*c->p >= '1' && *c->p <= '9')
		while (*c->p >= '0' && *c->p <= '9')
			c->p++;
	else
		return 0;
	if (*c->p == '.') {
		c->p++;
		if (!(*c->p >= '0' && *c->p <= '9'))
			return 0;
		while (*c->p >= '0' && *c->p <= '9')
			c->p++;
	}
	if (*c->p == 'e' || *c->p == 'E') {
		c->p++;
		if (*c->p == '+' || *c->p == '-')
			c->p++;
		if (!(*c->p >= '0' && *c->p <= '9'))
			return 0;
		while (*c->p >= '0' && *c->p <= '9')
			c->p++;
	}
	return c->p > b;
}

static int key_is(const char *s, size_t n, const char *k)
{
	return strlen(k) == n && !memcmp(s, k, n);
}

/* A field the rules read: a string (*s, *n), or null (none); 1 read, 0 not
 * in the form asked. */
static int opt_str(struct cur *c, const char **s, size_t *n)
{
	ws(c);
	if (!strncmp(c->p, "null", 4)) {
		c->p += 4;
		*s = NULL, *n = 0;
		return 1;
	}
	return str(c, s, n);
}

int level_json_read(const char *detail, struct level_json *out)
{
	memset(out, 0, sizeof *out);
	struct cur c = {detail};
	const char *s;
	size_t n;
	ws(&c);
	if (*c.p++ != '{')
		return 0;
	ws(&c);
	if (!str(&c, &s, &n))
		return 0;
	if (key_is(s, n, "dunning"))
		out->waiver = 0;
	else if (key_is(s, n, "interest_waived"))
		out->waiver = 1;
	else
		return 0;
	ws(&c);
	if (*c.p++ != ':')
		return 0;
	ws(&c);
	if (*c.p++ != '{')
		return 0;
	/* its members: each once */
	unsigned seen = 0;
	ws(&c);
	if (*c.p == '}') {
		c.p++;
	} else {
		for (;;) {
			ws(&c);
			if (!str(&c, &s, &n))
				return 0;
			ws(&c);
			if (*c.p++ != ':')
				return 0;
			static const char *const keys[] = {"invoices", "step", "sent_on", "pay_by", "procedure",
							   "template"};
			int k = -1;
			for (int i = 0; i < 6 && k < 0; i++)
				if (key_is(s, n, keys[i]))
					k = i;
			if (k >= 0 && (seen & (1u << k)))
				return 0; /* twice: which one SQLite reads is its business */
			if (k >= 0)
				seen |= 1u << k;
			ws(&c);
			if (k == 0) { /* an array of strings */
				if (*c.p++ != '[')
					return 0;
				ws(&c);
				if (*c.p == ']') {
					c.p++;
				} else {
					for (;;) {
						ws(&c);
						if (out->ninv == LEVEL_JSON_INVOICES || !str(&c, &s, &n))
							return 0;
						out->inv[out->ninv] = s, out->inv_len[out->ninv] = n;
						out->ninv++;
						ws(&c);
						if (*c.p == ',') {
							c.p++;
							continue;
						}
						if (*c.p++ != ']')
							return 0;
						break;
					}
				}
			} else if (k == 1) { /* a plain integer of a few digits, or null */
				if (!strncmp(c.p, "null", 4)) {
					c.p += 4;
				} else {
					int v = 0, d = 0;
					while (*c.p >= '0' && *c.p <= '9' && d < 7)
						v = v * 10 + (*c.p++ - '0'), d++;
					if (!d || (d > 1 && c.p[-d] == '0') || (*c.p >= '0' && *c.p <= '9') ||
					    *c.p == '.' || *c.p == 'e' || *c.p == 'E')
						return 0;
					out->step = v;
				}
			} else if (k >= 2) {
				const char **vs = k == 2 ? &out->sent_on : k == 3 ? &out->pay_by
						: k == 4 ? &out->procedure : &out->template;
				size_t *vn = k == 2 ? &out->sent_on_len : k == 3 ? &out->pay_by_len
					   : k == 4 ? &out->procedure_len : &out->template_len;
				if (!opt_str(&c, vs, vn))
					return 0;
			} else if (!skip(&c, 0)) {
				return 0;
			}
			ws(&c);
			if (*c.p == ',') {
				c.p++;
				continue;
			}
			if (*c.p++ != '}')
				return 0;
			break;
		}
	}
	/* the rest of the object: nothing the rules read, and no second
	 * "dunning" or "interest_waived" */
	for (;;) {
		ws(&c);
		if (*c.p == '}') {
			c.p++;
			break;
		}
		if (*c.p++ != ',')
			return 0;
		ws(&c);
		if (!str(&c, &s, &n) || key_is(s, n, "dunning") || key_is(s, n, "interest_waived"))
			return 0;
		ws(&c);
		if (*c.p++ != ':' || !skip(&c, 0))
			return 0;
	}
	ws(&c);
	return *c.p == '\0';
}
