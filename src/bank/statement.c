/* statement.c — what the readers of bank files share: picking the format
 * from the content, the checks of what was read whatever the format (sums
 * that cents can count, no date after tomorrow, one id for one statement
 * only), the check that a statement's movements add up, and freeing what
 * was read. The formats are coda.c's and camt.c's. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "statement.h"

#include "base/lib.h"

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

int bank_statement_sum(const struct bank_statement *s, int64_t *sum)
{
	*sum = 0;
	for (size_t i = 0; i < s->n; i++)
		if (__builtin_add_overflow(*sum, s->mv[i].amount, sum))
			return -1;
	return 0;
}

/* "12 movements of 1,000.00 in all, closing 1,234.56": what is compared
 * of two statements of one id. */
static void described(const struct bank_statement *s, int64_t sum, char *out, size_t size)
{
	char a[32], c[32];
	money_format_grouped(sum, a, sizeof a);
	money_format_grouped(s->closing, c, sizeof c);
	snprintf(out, size, "%zu movement%s of %s in all%s%s", s->n, s->n == 1 ? "" : "s", a,
		 s->has_balances ? ", closing " : "", s->has_balances ? c : "");
}

static int same_statement(const struct bank_statement *a, int64_t asum, const struct bank_statement *b, int64_t bsum)
{
	return a->n == b->n && asum == bsum && a->has_balances == b->has_balances &&
	       (!a->has_balances || a->closing == b->closing);
}

static const struct bank_file *sorting;

static int by_id(const void *x, const void *y)
{
	const struct bank_statement *a = &sorting->st[*(const size_t *)x], *b = &sorting->st[*(const size_t *)y];
	int c = strcmp(a->id ? a->id : "", b->id ? b->id : "");
	return c ? c : a->line < b->line ? -1 : a->line > b->line;
}

/* Two statements of one id in the file: the same is read twice (the book
 * keeps one), another is refused, or one would hide the other. */
static int same_ids(const char *path, const struct bank_file *f, char *err, size_t errlen)
{
	if (f->n < 2)
		return 0;
	size_t *ix = malloc(f->n * sizeof *ix);
	if (!ix) {
		snprintf(err, errlen, "%s:1: out of memory", path);
		return -1;
	}
	for (size_t i = 0; i < f->n; i++)
		ix[i] = i;
	sorting = f;
	qsort(ix, f->n, sizeof *ix, by_id);
	int rc = 0;
	for (size_t i = 1; i < f->n && !rc; i++) {
		const struct bank_statement *a = &f->st[ix[i - 1]], *b = &f->st[ix[i]];
		int64_t as, bs;
		if (!a->id || !b->id || strcmp(a->id, b->id) || bank_statement_sum(a, &as) || bank_statement_sum(b, &bs) ||
		    same_statement(a, as, b, bs))
			continue;
		char da[128], db[128];
		described(a, as, da, sizeof da);
		described(b, bs, db, sizeof db);
		snprintf(err, errlen, "%s:%u: statement %s is in the file twice with other movements: "
			 "%s on line %u; %s here", path, b->line, b->id, da, a->line, db);
		rc = -1;
	}
	free(ix);
	return rc;
}

/* A day after tomorrow is no day a bank has booked yet: such a statement
 * would make the book's payments look fresh for good. */
static int after_tomorrow(const char *path, unsigned line, const char *what, const char *iso, day_t tomorrow,
			  char *err, size_t errlen)
{
	day_t d;
	if (!iso[0] || date_parse(iso, strlen(iso), DATE_ISO, &d) || d <= tomorrow)
		return 0;
	char t[11];
	date_iso(tomorrow - 1, t);
	snprintf(err, errlen, "%s:%u: %s %s is after tomorrow (today is %s): a bank books no day to come; "
		 "is the file or the computer's date wrong?", path, line ? line : 1, what, iso, t);
	return -1;
}

static int checks(const char *path, const struct bank_file *f, char *err, size_t errlen)
{
	day_t tomorrow = today() + 1;
	for (size_t i = 0; i < f->n; i++) {
		const struct bank_statement *s = &f->st[i];
		int64_t sum, total;
		char what[256];
		if (bank_statement_sum(s, &sum) || __builtin_add_overflow(s->opening, sum, &total)) {
			snprintf(err, errlen, "%s:%u: statement %s: its amounts add up to more than can be counted",
				 path, s->line ? s->line : 1, s->id ? s->id : "?");
			return -1;
		}
		snprintf(what, sizeof what, "statement %s: its date", s->id ? s->id : "?");
		if (after_tomorrow(path, s->line, what, s->date, tomorrow, err, errlen))
			return -1;
		for (size_t j = 0; j < s->n; j++)
			if (after_tomorrow(path, s->mv[j].line, "booking date", s->mv[j].booking_date, tomorrow, err, errlen))
				return -1;
	}
	return same_ids(path, f, err, errlen);
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
	if (!rc)
		rc = checks(path, out, err, errlen);
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
	int64_t sum, total;
	if (bank_statement_sum(s, &sum) || __builtin_add_overflow(s->opening, sum, &total)) {
		snprintf(buf, size, "statement %s does not add up: its movements add up to more than can be counted",
			 s->id ? s->id : "?");
		return buf;
	}
	if (total == s->closing)
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
