/* coda_write.c — writing bank statements as a CODA 2 file (Febelfin), as
 * a Belgian bank delivers them: the demo's statements and the tests' round
 * trips. The columns are coda.c's (its comment holds the layout). It
 * never cuts a text to make it fit: what does not fit refuses the file.
 *
 * Per statement: 0 (created on the statement's date), 1 (structure 2 for
 * a Belgian IBAN, 3 for another; the old balance dated the statement's
 * date, as nothing else is known), per movement a 2.1 with its 2.2 (BIC)
 * and 2.3 (IBAN, name) when it has them, 8, 9 with the count and totals.
 * Records are 128 characters ended by \r\n, text in CP1252.
 * - seq must be 1 to 3 digits (the paper statement number, also written as
 *   the CODA sequence number); dates must fall in 2000-2099;
 * - a reference that is an OGM goes in a structured communication 101 and
 *   the free communication, if any, in an information record 3.1 (3.2,
 *   3.3); another reference (RF) is written before the free text, as
 *   Belgian banks pass RF references; free text fills 2.1, 2.2 and 2.3
 *   (149 characters) and goes on in 3.1-3.3 (268 more);
 * - a reversal is transaction 01-49 (a debit) or 01-99 (a credit), each
 *   "cancellation or correction"; other movements 01-01 (transfer order,
 *   debit) or 01-50 (transfer in your favour, credit);
 * - without balances, the opening is 0 and the closing the movements' sum.
 * Returns 0, or -1 with errno: EOVERFLOW when a value does not fit its
 * field (a name over 35 characters, a communication over 417...), EILSEQ
 * when a text has a character CP1252 lacks or a control character,
 * EINVAL for a missing account, a bad date, currency or sequence number,
 * EIO when writing failed. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "statement.h"

#define REC 128
#define CENTS_MAX 99999999999999LL /* 15 digits of mills */

struct writer {
	FILE *out;
	char r[REC + 1];
	long records;
	int64_t debit, credit; /* mills */
};

static int refuse(int e)
{
	errno = e;
	return -1;
}

static void blank(struct writer *w, char type)
{
	memset(w->r, ' ', REC);
	w->r[REC] = '\0';
	w->r[0] = type;
}

static void put(struct writer *w, int col, const char *s, size_t n)
{
	memcpy(w->r + col - 1, s, n);
}

static void putnum(struct writer *w, int col, int width, unsigned long long v)
{
	char b[24];
	snprintf(b, sizeof b, "%0*llu", width, v);
	put(w, col, b, (size_t)width);
}

static int putdate(struct writer *w, int col, const char *iso, int none_ok)
{
	int y, m, d;
	if (none_ok && !iso[0]) {
		put(w, col, "000000", 6);
		return 0;
	}
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < 2000 || y > 2099 || !date_valid(y, m, d))
		return refuse(EINVAL);
	char b[8];
	snprintf(b, sizeof b, "%02d%02d%02d", d, m, y % 100);
	put(w, col, b, 6);
	return 0;
}

static int putamount(struct writer *w, int sign_col, int col, int64_t cents)
{
	if (cents > CENTS_MAX || cents < -CENTS_MAX)
		return refuse(EOVERFLOW);
	w->r[sign_col - 1] = cents < 0 ? '1' : '0';
	putnum(w, col, 15, (unsigned long long)(cents < 0 ? -cents : cents) * 10);
	return 0;
}

static int emit(struct writer *w)
{
	if (w->r[0] != '0' && w->r[0] != '9')
		w->records++;
	return fwrite(w->r, 1, REC, w->out) == REC && fputs("\r\n", w->out) != EOF ? 0 : refuse(EIO);
}

/* UTF-8 text as CP1252 into a new buffer (*n bytes); "" for NULL. */
static int cp1252(const char *s, char **out, size_t *n)
{
	s = s ? s : "";
	size_t len = strlen(s), i;
	*out = NULL;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return refuse(EILSEQ);
	for (i = 0; i < len && !(s[i] & 0x80); i++)
		;
	if (i == len) {
		*out = xstrdup(s);
		*n = len;
		return 0;
	}
	iconv_t cd = iconv_open("CP1252", "UTF-8");
	if (cd == (iconv_t)-1)
		return refuse(EILSEQ);
	char *buf = malloc(len + 1), *in = (char *)s, *o = buf;
	size_t inleft = len, oleft = len;
	if (!buf || iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		iconv_close(cd);
		free(buf);
		return refuse(buf ? EILSEQ : ENOMEM);
	}
	iconv_close(cd);
	*o = '\0';
	*out = buf;
	*n = (size_t)(o - buf);
	return 0;
}

/* A text field of width bytes at col, from UTF-8. */
static int puttext(struct writer *w, int col, int width, const char *s)
{
	char *t;
	size_t n;
	if (cp1252(s, &t, &n))
		return -1;
	if (n > (size_t)width) {
		free(t);
		return refuse(EOVERFLOW);
	}
	put(w, col, t, n);
	free(t);
	return 0;
}

/* The 37 columns of the account and its currency (records 1 and 8). */
static int account(const struct bank_statement *s, char *structure, char field[38])
{
	size_t n = s->iban ? strlen(s->iban) : 0;
	int be = n == 16 && !strncmp(s->iban, "BE", 2);
	if (!n || n > (be ? 31u : 34u))
		return refuse(n ? EOVERFLOW : EINVAL);
	for (size_t i = 0; i < n; i++)
		if (s->iban[i] <= ' ' || s->iban[i] > '~')
			return refuse(EINVAL);
	for (int i = 0; i < 3; i++)
		if (s->currency[i] < 'A' || s->currency[i] > 'Z')
			return refuse(EINVAL);
	*structure = be ? '2' : '3';
	memset(field, ' ', 37);
	memcpy(field, s->iban, n);
	memcpy(field + 34, s->currency, 3);
	field[37] = '\0';
	return 0;
}

/* One movement: 2.1, 2.2, 2.3 as needed, 3.1-3.3 for what goes on. */
static int movement(struct writer *w, const struct bank_statement *s, size_t i, const char *seq3)
{
	const struct bank_movement *m = &s->mv[i];
	char stored[64];
	int ogm = m->reference && payref_parse(m->reference, strlen(m->reference), stored, sizeof stored) == PAYREF_OGM &&
		  !strcmp(stored, m->reference);
	struct sbuf t = {0};
	if (m->reference && !ogm)
		sbuf_puts(&t, m->reference);
	if (m->communication && m->communication[0]) {
		if (t.len)
			sbuf_puts(&t, " ");
		sbuf_puts(&t, m->communication);
	}
	char *free_text;
	size_t n;
	int rc = cp1252(t.s, &free_text, &n);
	sbuf_free(&t);
	if (rc)
		return -1;
	/* zone: the 149 columns of 2.1-2.3; info: the 268 of 3.1-3.3 */
	char zone[150], info[269];
	memset(zone, ' ', 149), memset(info, ' ', 268);
	size_t zn = 0, in = 0;
	if (ogm) {
		memcpy(zone, "101", 3), memcpy(zone + 3, m->reference, 12);
		zn = 15;
		in = n;
	} else {
		zn = n < 149 ? n : 149;
		in = n - zn;
	}
	if (in > 268) {
		free(free_text);
		return refuse(EOVERFLOW);
	}
	memcpy(ogm ? zone + 15 : zone, free_text, ogm ? 0 : zn);
	memcpy(info, free_text + (ogm ? 0 : zn), in);
	free(free_text);
	int need23 = (m->iban && m->iban[0]) || (m->counterparty && m->counterparty[0]) || (!ogm && zn > 106);
	int need22 = need23 || (m->bic && m->bic[0]) || (!ogm && zn > 53);
	int need3 = in > 0;
	unsigned long long seq = (i + 1) % 10000;
	char link = need3 ? '1' : '0';

	blank(w, '2');
	w->r[1] = '1';
	putnum(w, 3, 4, seq), put(w, 7, "0000", 4);
	if (puttext(w, 11, 21, m->bank_ref) || putamount(w, 32, 33, m->amount) ||
	    putdate(w, 48, m->value_date, 1) || putdate(w, 116, m->booking_date, 0))
		return -1;
	put(w, 54, m->reversal ? (m->amount < 0 ? "00149000" : "00199000") : (m->amount < 0 ? "00101000" : "00150000"), 8);
	w->r[61] = ogm ? '1' : '0';
	put(w, 63, zone, 53);
	put(w, 122, seq3, 3);
	w->r[124] = '0', w->r[125] = need22 ? '1' : '0', w->r[127] = link;
	if (emit(w))
		return -1;
	int64_t mills = (m->amount < 0 ? -m->amount : m->amount) * 10;
	*(m->amount < 0 ? &w->debit : &w->credit) += mills;
	if (need22) {
		blank(w, '2');
		w->r[1] = '2';
		putnum(w, 3, 4, seq), put(w, 7, "0000", 4);
		put(w, 11, zone + 53, 53);
		if (puttext(w, 99, 11, m->bic))
			return -1;
		w->r[125] = need23 ? '1' : '0', w->r[127] = link;
		if (emit(w))
			return -1;
	}
	if (need23) {
		blank(w, '2');
		w->r[1] = '3';
		putnum(w, 3, 4, seq), put(w, 7, "0000", 4);
		if (puttext(w, 11, 34, m->iban) || puttext(w, 48, 35, m->counterparty))
			return -1;
		if (m->iban && m->iban[0])
			put(w, 45, m->currency[0] ? m->currency : s->currency, 3);
		put(w, 83, zone + 106, 43);
		w->r[125] = '0', w->r[127] = link;
		if (emit(w))
			return -1;
	}
	if (need3) {
		blank(w, '3');
		w->r[1] = '1';
		putnum(w, 3, 4, seq), put(w, 7, "0001", 4);
		if (puttext(w, 11, 21, m->bank_ref))
			return -1;
		put(w, 32, m->reversal ? (m->amount < 0 ? "00149000" : "00199000") : (m->amount < 0 ? "00101000" : "00150000"), 8);
		w->r[39] = '0';
		put(w, 41, info, 73);
		w->r[125] = in > 73 ? '1' : '0';
		if (emit(w))
			return -1;
		if (in > 73) {
			blank(w, '3');
			w->r[1] = '2';
			putnum(w, 3, 4, seq), put(w, 7, "0001", 4);
			put(w, 11, info + 73, 105);
			w->r[125] = in > 178 ? '1' : '0';
			if (emit(w))
				return -1;
		}
		if (in > 178) {
			blank(w, '3');
			w->r[1] = '3';
			putnum(w, 3, 4, seq), put(w, 7, "0001", 4);
			put(w, 11, info + 178, 90);
			if (emit(w))
				return -1;
		}
	}
	return 0;
}

static int statement(struct writer *w, const struct bank_statement *s, int last)
{
	char structure, acct[38], seq3[4];
	size_t sl = s->seq ? strlen(s->seq) : 0;
	if (!sl || sl > 3 || strspn(s->seq, "0123456789") != sl)
		return refuse(EINVAL);
	if (account(s, &structure, acct))
		return -1;
	snprintf(seq3, sizeof seq3, "%03d", atoi(s->seq));
	int64_t opening = s->has_balances ? s->opening : 0, closing = opening;
	if (s->has_balances)
		closing = s->closing;
	else
		for (size_t i = 0; i < s->n; i++)
			closing += s->mv[i].amount;
	w->records = 0, w->debit = w->credit = 0;

	blank(w, '0');
	put(w, 2, "0000", 4);
	if (putdate(w, 6, s->date, 0))
		return -1;
	put(w, 12, "000", 3), put(w, 15, "05", 2), put(w, 84, "00000", 5);
	w->r[127] = '2';
	if (emit(w))
		return -1;

	blank(w, '1');
	w->r[1] = structure;
	put(w, 3, seq3, 3), put(w, 6, acct, 37);
	if (putamount(w, 43, 44, opening) || putdate(w, 59, s->date, 0))
		return -1;
	put(w, 126, seq3, 3);
	if (emit(w))
		return -1;

	for (size_t i = 0; i < s->n; i++)
		if (movement(w, s, i, seq3))
			return -1;

	blank(w, '8');
	put(w, 2, seq3, 3), put(w, 5, acct, 37);
	if (putamount(w, 42, 43, closing) || putdate(w, 58, s->date, 0))
		return -1;
	w->r[127] = '0';
	if (emit(w))
		return -1;

	if (w->records > 999999 || w->debit > CENTS_MAX * 10 || w->credit > CENTS_MAX * 10)
		return refuse(EOVERFLOW);
	blank(w, '9');
	putnum(w, 17, 6, (unsigned long long)w->records);
	putnum(w, 23, 15, (unsigned long long)w->debit);
	putnum(w, 38, 15, (unsigned long long)w->credit);
	w->r[127] = last ? '2' : '1';
	return emit(w);
}

int coda_write(FILE *out, const struct bank_file *f)
{
	struct writer w = {.out = out};
	for (size_t i = 0; i < f->n; i++)
		if (statement(&w, &f->st[i], i + 1 == f->n))
			return -1;
	return fflush(out) || ferror(out) ? refuse(EIO) : 0;
}
