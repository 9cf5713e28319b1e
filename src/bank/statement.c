/* statement.c — what the readers of bank files share: picking the format
 * from the content, the check that a statement's movements add up, and
 * freeing what was read. The formats are coda.c's and camt.c's. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "statement.h"

/* CODA: fixed records of 128 characters, the first a header '0' whose
 * columns 6-10 are the creation date (DDMMYY) and whose column 128 is the
 * version (1 or 2) */
static int looks_like_coda(const char *d, size_t len)
{
	if (len >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB && (unsigned char)d[2] == 0xBF)
		d += 3, len -= 3;
	return len >= 5 && !memcmp(d, "00000", 5);
}

static int looks_like_xml(const char *d, size_t len)
{
	size_t i = 0;
	if (len >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB && (unsigned char)d[2] == 0xBF)
		i = 3;
	while (i < len && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n'))
		i++;
	return i < len && d[i] == '<';
}

int bank_read(const char *path, const char *data, size_t len, struct bank_file *out,
	      char *err, size_t errlen, char *warn, size_t warnlen)
{
	int rc;
	memset(out, 0, sizeof *out);
	if (warnlen)
		warn[0] = '\0';
	if (looks_like_coda(data, len))
		rc = coda_read(path, data, len, out, err, errlen);
	else if (looks_like_xml(data, len))
		rc = camt_read(path, data, len, out, err, errlen);
	else {
		snprintf(err, errlen, "%s:1: not a bank statement: neither CODA (a first record 0000...) nor camt XML", path);
		return -1;
	}
	if (rc) {
		bank_file_free(out);
		return -1;
	}
	size_t used = 0;
	for (size_t i = 0; i < out->n && warnlen; i++) {
		char buf[512];
		const char *w = bank_statement_unbalanced(&out->st[i], buf, sizeof buf);
		if (w && used < warnlen) {
			int k = snprintf(warn + used, warnlen - used, "%s%s: %s", used ? "\n" : "", path, w);
			used += k > 0 ? (size_t)k : 0;
		}
	}
	return 0;
}

static void cents(int64_t v, char *out, size_t size)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	snprintf(out, size, "%s%" PRIu64 ".%02u", v < 0 ? "-" : "", a / 100, (unsigned)(a % 100));
}

const char *bank_statement_unbalanced(const struct bank_statement *s, char *buf, size_t size)
{
	if (!s->has_balances)
		return NULL;
	int64_t sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->mv[i].amount;
	if (s->opening + sum == s->closing)
		return NULL;
	char o[32], m[32], c[32];
	cents(s->opening, o, sizeof o);
	cents(sum, m, sizeof m);
	cents(s->closing, c, sizeof c);
	snprintf(buf, size, "statement %s does not add up: opening %s + movements %s is not closing %s",
		 s->id ? s->id : "?", o, m, c);
	return buf;
}

static void movement_free(struct bank_movement *m)
{
	free(m->counterparty);
	free(m->iban);
	free(m->bic);
	free(m->reference);
	free(m->communication);
	free(m->bank_ref);
}

void bank_file_free(struct bank_file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		struct bank_statement *s = &f->st[i];
		for (size_t j = 0; j < s->n; j++)
			movement_free(&s->mv[j]);
		free(s->mv);
		free(s->id);
		free(s->iban);
		free(s->seq);
	}
	free(f->st);
	memset(f, 0, sizeof *f);
}

struct bank_statement *bank_file_add(struct bank_file *f)
{
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 4;
		struct bank_statement *st = realloc(f->st, cap * sizeof *st);
		if (!st)
			return NULL;
		f->st = st, f->cap = cap;
	}
	struct bank_statement *s = &f->st[f->n++];
	memset(s, 0, sizeof *s);
	return s;
}

struct bank_movement *bank_statement_add(struct bank_statement *s)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct bank_movement *mv = realloc(s->mv, cap * sizeof *mv);
		if (!mv)
			return NULL;
		s->mv = mv, s->cap = cap;
	}
	struct bank_movement *m = &s->mv[s->n++];
	memset(m, 0, sizeof *m);
	return m;
}
