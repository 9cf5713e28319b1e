/* coda.c — reading CODA files (Febelfin's "coded statement of account",
 * version 2.x) into bank statements. It owns the record layout below and
 * what each column means; it never touches the book, and it keeps nothing
 * of a file it refuses.
 *
 * Every record is 128 characters (a trailing \r is allowed, the final
 * newline is optional); the columns, counted from 1:
 *
 *   0    header     1 '0'  2-5 0000  6-11 creation date  12-14 bank  15-16 05
 *                   17 D(uplicate)  35-60 addressee  61-71 BIC  128 version (2)
 *   1    old bal.   2 account structure (0 Belgian number, 1 foreign number,
 *                   2 Belgian IBAN, 3 foreign IBAN)  3-5 paper statement no.
 *                   6-42 account and currency (structure 0: 6-17 number,
 *                   19-21 currency; others: 6-39 account, 40-42 currency)
 *                   43 sign (0 credit, 1 debit)  44-58 amount  59-64 date
 *                   65-90 holder  91-125 description  126-128 CODA sequence no.
 *   2.1  movement   3-6 sequence no.  7-10 detail no.  11-31 bank reference
 *                   32 sign  33-47 amount  48-53 value date (000000: none)
 *                   54-61 transaction code (54 type, 55-56 family,
 *                   57-58 transaction, 59-61 category)  62 communication
 *                   type (0 free, 1 structured)  63-115 communication
 *                   (structured: 63-65 its type, 101/102: 66-77 the OGM)
 *                   116-121 booking date  122-124 paper statement no.
 *                   125 globalisation code  126 next code  128 link code
 *   2.2             11-63 communication (continued)  64-98 customer
 *                   reference  99-109 counterparty's BIC  113 R-transaction
 *                   type (1 reject, 2 return, 3 refund, 4 reversal,
 *                   5 cancellation)  114-117 reason  118-125 purposes
 *   2.3             11-47 counterparty's account (11-44) and currency
 *                   48-82 counterparty's name  83-125 communication (cont.)
 *   3.1  information 11-31 bank reference  32-39 transaction code
 *                   40 structure (0 free, 1 structured)  41-113 communication
 *   3.2             11-115 communication (continued)
 *   3.3             11-100 communication (continued)
 *   4    free message 3-6 sequence  7-10 detail  33-112 text
 *   8    new bal.   2-4 paper statement no.  5-41 account  42 sign
 *                   43-57 amount  58-63 date
 *   9    trailer    17-22 number of records 1, 2.x, 3.x and 8
 *                   23-37 debits  38-52 credits (2.1 records of detail 0000)
 *                   128 multiple file code
 *
 * Amounts are 15 digits with 3 implied decimals (mills): 12 digits before
 * the decimal mark at most, as camt.c allows; a last digit that is not 0
 * is refused (money is whole cents). Dates are DDMMYY, 20YY.
 * Records 3-5 of every 2.x and 3.x are the movement's sequence number.
 *
 * A file holds one statement or several, each 0, 1, movements, 8, 9 (free
 * messages, record 4, may stand anywhere between 1 and 9 and are not kept).
 * What is made of them:
 * - the statement's id is "coda:IBAN:YYYY:SEQ": its own account (a Belgian
 *   number of structure 0 turned into its IBAN), the year of the new
 *   balance's date and the CODA sequence number of record 1 (columns
 *   126-128) as written; when that is 000, the paper statement number
 *   (columns 3-5); when that too is 000, "dMMDD" of the new balance's
 *   date; seq is that SEQ. Febelfin names columns 126-128 "sequence number
 *   of the coded statement of account": one per CODA statement, counted
 *   through the year. Columns 3-5 are the "sequence number of the statement
 *   of account on paper, or Julian date, or zeros": a paper statement
 *   may be weekly or monthly, so several daily CODA statements carry the
 *   same paper number, and an id made of it would take the second day for
 *   the first one read again. Should two statements still share an id
 *   (a bank that counts from 001 again with the creation date's year),
 *   the book compares them (bank_store.c) and refuses the one that
 *   differs: never is one taken silently for the other;
 * - a 2.1 of detail number 0000 with its 2.2, 2.3 and 3.x is a movement; a
 *   2.1 of a detail number above 0 is a detail of the movement of the same
 *   sequence number before it (a globalisation, or a movement "with
 *   detailed data"): its money is in that movement's amount already (the
 *   trailer's totals count detail 0000 only), so it is no movement of its
 *   own, and its communication is appended to the movement's;
 * - communication: type 101 and 102 whose OGM checks give the reference
 *   (payref's stored form), an OGM that does not check stays as text
 *   (+++ddd/dddd/ddddd+++); other structured types are kept as text;
 *   free text of 2.1, 2.2 and 2.3 is one zone of 149 characters; free
 *   text of the information records 3.1-3.3 is appended after a blank
 *   (without one when the 2.x zone is full to its last column: the
 *   text goes on); structured 3.1 (addresses, ...) are not kept;
 * - reversal: transaction code 49 or 99 (each family's "cancellation or
 *   correction"), or an R-transaction type in 2.2 (reject, return, refund,
 *   reversal, cancellation);
 * - text is CP1252 (Latin-1 in practice), made UTF-8, blanks trimmed; a
 *   control character or a byte CP1252 leaves undefined refuses the file;
 *   a UTF-8 byte order mark at the start is skipped.
 * The trailer's record count may count the free messages (4) or not. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "statement.h"

#define REC 128
#define ZONE2 149 /* 53 + 53 + 43: the free communication of 2.1, 2.2, 2.3 */
#define MILLS_MAX 999999999999999LL

/* The 2.x and 3.x records of one movement or one detail, as read. */
struct group {
	int open;
	unsigned line;
	int seq, detail;
	int64_t mills; /* signed */
	char value_date[11], booking_date[11];
	int reversal;
	int structured;
	int has22, has23;
	int info_free; /* the last 3.1 was free text: its 3.2 and 3.3 go on with it */
	struct sbuf zone2, zone3;
	char bank_ref[22], bic[12], account[38], name[36];
};

struct coda {
	const char *path;
	char *err;
	size_t errlen;
	unsigned line;
	const char *rec; /* the record being read, its length */
	size_t len;
	char kind[4]; /* "0", "2.1", ... */
	struct bank_file *out;
	enum { WANT_HEADER, WANT_OLD, IN_BODY, AFTER_NEW } state;
	size_t st;         /* the statement being read: out->st[st] */
	unsigned header_line;
	long records, free_records;
	int64_t debit, credit; /* mills of the 2.1 of detail 0000 */
	struct group g;
	long parent;    /* the movement details go to: its index, -1 when none */
	int parent_seq;
	char paper_seq[4], coda_seq[4];
};

__attribute__((format(printf, 3, 4)))
static int fail(struct coda *c, const char *field, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->kind[0])
		snprintf(c->err, c->errlen, "%s:%u: record %s: %s%s%s", c->path, c->line, c->kind,
			 field ? field : "", field ? ": " : "", msg);
	else
		snprintf(c->err, c->errlen, "%s:%u: %s%s%s", c->path, c->line, field ? field : "",
			 field ? ": " : "", msg);
	return -1;
}

/* The column col (from 1) of the record. */
static const char *at(const struct coda *c, int col)
{
	return c->rec + col - 1;
}

/* A field shown in a message: printable ASCII, the rest as '?'. */
static const char *shown(const char *s, size_t n, char *buf, size_t size)
{
	size_t i;
	for (i = 0; i < n && i + 1 < size; i++)
		buf[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	buf[i] = '\0';
	return buf;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static long long number(const char *s, size_t n)
{
	long long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int digits(struct coda *c, int col, int n, const char *field, long long *v)
{
	char b[40];
	if (!all_digits(at(c, col), (size_t)n))
		return fail(c, field, "not %d digits ('%s', column %d)", n, shown(at(c, col), (size_t)n, b, sizeof b), col);
	*v = number(at(c, col), (size_t)n);
	return 0;
}

/* A sign (0 credit, 1 debit) and 15 digits of mills: signed mills. */
static int amount(struct coda *c, int sign_col, int col, const char *field, int64_t *mills)
{
	char sign = *at(c, sign_col);
	if (sign != '0' && sign != '1')
		return fail(c, "sign", "'%c' (column %d) is neither 0 (credit) nor 1 (debit)",
			    sign >= 0x20 && sign < 0x7f ? sign : '?', sign_col);
	long long v;
	if (digits(c, col, 15, field, &v))
		return -1;
	if (v % 10)
		return fail(c, field, "%lld.%03lld has a tenth of a cent: amounts are kept in whole cents",
			    v / 1000, v % 1000);
	*mills = sign == '1' ? -v : v;
	return 0;
}

/* DDMMYY at col into YYYY-MM-DD; 000000 gives "" when none_ok. */
static int date(struct coda *c, int col, const char *field, char out[11], int none_ok)
{
	const char *s = at(c, col);
	char b[8];
	if (none_ok && !memcmp(s, "000000", 6)) {
		out[0] = '\0';
		return 0;
	}
	if (!all_digits(s, 6))
		return fail(c, field, "'%s' (column %d) is not a date DDMMYY", shown(s, 6, b, sizeof b), col);
	unsigned d = (unsigned)number(s, 2), m = (unsigned)number(s + 2, 2), y = 2000 + (unsigned)number(s + 4, 2);
	if (!date_valid((int)y, (int)m, (int)d))
		return fail(c, field, "'%s' (column %d) is not a date DDMMYY", shown(s, 6, b, sizeof b), col);
	snprintf(out, 11, "%04u-%02u-%02u", y % 10000, m % 100, d % 100);
	return 0;
}

/* s[0..n) without the blanks around it. */
static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' '))
		(*s)++, (*n)--;
	while (*n && (*s)[*n - 1] == ' ')
		(*n)--;
}

/* s[0..n), CP1252, trimmed, as malloc'ed UTF-8; NULL when blank. The
 * bytes were checked when their record was read. */
static int text(struct coda *c, const char *s, size_t n, char **out)
{
	*out = NULL;
	trim(&s, &n);
	if (!n)
		return 0;
	size_t i = 0;
	while (i < n && !(s[i] & 0x80))
		i++;
	if (i == n) {
		*out = xstrndup(s, n);
		return 0;
	}
	size_t outlen, bad;
	if (encoding_to_utf8("CP1252", s, n, out, &outlen, &bad))
		return fail(c, NULL, "cannot convert the text to UTF-8 (out of memory?)");
	return 0;
}

/* A field of the record, trimmed, into a fixed buffer (raw CP1252). */
static void field(const struct coda *c, int col, int n, char *out)
{
	const char *s = at(c, col);
	size_t len = (size_t)n;
	trim(&s, &len);
	memcpy(out, s, len);
	out[len] = '\0';
}

/* ---- the statement's account ------------------------------------------ */

/* The IBAN of a Belgian account number (12 digits): BE, check, number. */
static void belgian_iban(const char *num12, char out[17])
{
	unsigned r = 0;
	char digits[19];
	snprintf(digits, sizeof digits, "%.12s111400", num12); /* B=11 E=14 00 */
	for (const char *p = digits; *p; p++)
		r = (r * 10 + (unsigned)(*p - '0')) % 97;
	snprintf(out, 17, "BE%02u%.12s", 98 - r, num12);
}

/* An account written with or without blanks, upper case, without them. */
static char *account_compact(const char *s, size_t n)
{
	char *o = xstrndup(s, n);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ')
			o[k++] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	o[k] = '\0';
	return o;
}

static int is_currency(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static int old_balance(struct coda *c)
{
	char structure = *at(c, 2);
	if (structure < '0' || structure > '3')
		return fail(c, "account structure", "'%c' (column 2) is not 0, 1, 2 or 3",
			    structure >= 0x20 && structure < 0x7f ? structure : '?');
	int64_t mills;
	char day[11], b[40];
	if (amount(c, 43, 44, "old balance", &mills) || date(c, 59, "old balance date", day, 0))
		return -1;
	if (!all_digits(at(c, 3), 3))
		return fail(c, "paper statement number", "not 3 digits ('%s', column 3)", shown(at(c, 3), 3, b, sizeof b));
	if (!all_digits(at(c, 126), 3))
		return fail(c, "CODA sequence number", "not 3 digits ('%s', column 126)",
			    shown(at(c, 126), 3, b, sizeof b));
	const char *cur = structure == '0' ? at(c, 19) : at(c, 40);
	if (!is_currency(cur))
		return fail(c, "currency", "'%s' (column %d) is not a currency code", shown(cur, 3, b, sizeof b),
			    structure == '0' ? 19 : 40);
	char *iban;
	if (structure == '0') {
		if (!all_digits(at(c, 6), 12))
			return fail(c, "account", "a Belgian account number is 12 digits ('%s', column 6)",
				    shown(at(c, 6), 12, b, sizeof b));
		char be[17];
		belgian_iban(at(c, 6), be);
		iban = xstrdup(be);
	} else
		iban = account_compact(at(c, 6), structure == '2' ? 31 : 34);
	if (!iban[0]) {
		free(iban);
		return fail(c, "account", "blank (columns 6-39)");
	}
	for (const char *p = iban; *p; p++)
		if (!(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9')) {
			fail(c, "account", "'%s' (column 6) is not an account number: letters and digits",
			     shown(iban, strlen(iban), b, sizeof b));
			free(iban);
			return -1;
		}
	struct bank_statement *s = bank_file_add(c->out);
	if (!s) {
		free(iban);
		return fail(c, NULL, "out of memory");
	}
	c->st = c->out->n - 1;
	s->format = BANK_CODA;
	s->line = c->line;
	s->iban = iban;
	memcpy(s->currency, cur, 3);
	s->currency[3] = '\0';
	s->has_balances = 1;
	s->opening = mills / 10;
	memcpy(c->paper_seq, at(c, 3), 3);
	c->paper_seq[3] = '\0';
	memcpy(c->coda_seq, at(c, 126), 3);
	c->coda_seq[3] = '\0';
	c->parent = -1;
	return 0;
}

static struct bank_statement *statement(struct coda *c)
{
	return &c->out->st[c->st];
}

/* ---- movements ---------------------------------------------------------- */

/* Appends piece (UTF-8) to *to after a blank. */
static void append(char **to, const char *piece)
{
	if (!piece || !piece[0])
		return;
	if (!*to) {
		*to = xstrdup(piece);
		return;
	}
	size_t a = strlen(*to), b = strlen(piece);
	char *n = realloc(*to, a + b + 2);
	if (!n) {
		fprintf(stderr, "relance: out of memory\n");
		exit(1);
	}
	n[a] = ' ';
	memcpy(n + a + 1, piece, b + 1);
	*to = n;
}

/* The group's communication (UTF-8) and reference (stored form). */
static int communication(struct coda *c, struct group *g, char **comm, char **ref)
{
	struct sbuf t = {0};
	*comm = *ref = NULL;
	const char *z = g->zone2.s ? g->zone2.s : "";
	size_t zn = g->zone2.len;
	int full = 0;
	if (g->structured) {
		char stored[64];
		if (zn >= 15 && (!memcmp(z, "101", 3) || !memcmp(z, "102", 3)) &&
		    payref_parse(z + 3, 12, stored, sizeof stored) == PAYREF_OGM)
			*ref = xstrdup(stored);
		else if (zn >= 15 && (!memcmp(z, "101", 3) || !memcmp(z, "102", 3)) && all_digits(z + 3, 12)) {
			char ogm[21], d[13];
			memcpy(d, z + 3, 12);
			d[12] = '\0';
			payref_ogm_format(d, ogm);
			sbuf_puts(&t, ogm);
		} else if (zn > 3) {
			/* another structured type: its text, runs of blanks as one */
			const char *s = z + 3;
			size_t n = zn - 3;
			trim(&s, &n);
			for (size_t i = 0; i < n; i++)
				if (s[i] != ' ' || (i + 1 < n && s[i + 1] != ' '))
					sbuf_put(&t, s + i, 1);
		}
	} else {
		const char *s = z;
		size_t n = zn;
		full = n == ZONE2 && s[n - 1] != ' ';
		trim(&s, &n);
		sbuf_put(&t, s, n);
	}
	const char *s = g->zone3.s ? g->zone3.s : "";
	size_t n = g->zone3.len;
	if (full) {
		while (n && s[n - 1] == ' ')
			n--;
	} else {
		trim(&s, &n);
		if (n && t.len)
			sbuf_put(&t, " ", 1);
	}
	sbuf_put(&t, s, n);
	int rc = text(c, t.s ? t.s : "", t.len, comm);
	sbuf_free(&t);
	return rc;
}

static void group_reset(struct group *g)
{
	sbuf_free(&g->zone2);
	sbuf_free(&g->zone3);
	memset(g, 0, sizeof *g);
}

/* The group read is done: a movement of the statement, or a detail whose
 * communication goes to its movement. */
static int group_close(struct coda *c)
{
	struct group *g = &c->g;
	if (!g->open)
		return 0;
	char *comm, *ref;
	unsigned line = c->line;
	c->line = g->line;
	int rc = communication(c, g, &comm, &ref);
	c->line = line;
	if (rc) {
		group_reset(g);
		return -1;
	}
	struct bank_statement *s = statement(c);
	if (g->detail) {
		struct bank_movement *m = &s->mv[c->parent];
		if (ref) {
			char shown_ref[64];
			payref_display(ref, shown_ref, sizeof shown_ref);
			append(&m->communication, shown_ref);
		}
		append(&m->communication, comm);
		free(comm);
		free(ref);
		group_reset(g);
		return 0;
	}
	struct bank_movement *m = bank_statement_add(s);
	if (!m) {
		free(comm);
		free(ref);
		group_reset(g);
		return fail(c, NULL, "out of memory");
	}
	c->parent = (long)s->n - 1;
	c->parent_seq = g->seq;
	memcpy(m->booking_date, g->booking_date, sizeof m->booking_date);
	memcpy(m->value_date, g->value_date, sizeof m->value_date);
	m->amount = g->mills / 10;
	memcpy(m->currency, s->currency, sizeof m->currency);
	m->reversal = g->reversal;
	m->communication = comm;
	m->reference = ref;
	m->line = g->line;
	if (text(c, g->name, strlen(g->name), &m->counterparty) || text(c, g->bic, strlen(g->bic), &m->bic) ||
	    text(c, g->bank_ref, strlen(g->bank_ref), &m->bank_ref)) {
		group_reset(g);
		return -1;
	}
	if (g->account[0]) {
		/* the account, and its currency after it when the bank wrote one */
		size_t n = strlen(g->account);
		if (n > 4 && g->account[n - 4] == ' ' && is_currency(g->account + n - 3))
			n -= 4;
		char *utf8;
		if (text(c, g->account, n, &utf8)) {
			group_reset(g);
			return -1;
		}
		m->iban = utf8 ? account_compact(utf8, strlen(utf8)) : NULL;
		free(utf8);
	}
	group_reset(g);
	return 0;
}

/* The sequence number of a 2.2, 2.3 or 3.x: its movement's. */
static int same_movement(struct coda *c)
{
	long long seq;
	if (digits(c, 3, 4, "sequence number", &seq))
		return -1;
	if (!c->g.open)
		return fail(c, "sequence number", "%04lld, but no movement (record 2.1) before it", seq);
	if (seq != c->g.seq)
		return fail(c, "sequence number", "%04lld, but the movement before it (line %u) is %04d", seq, c->g.line,
			    c->g.seq);
	return 0;
}

static int movement(struct coda *c)
{
	long long seq, detail;
	if (digits(c, 3, 4, "sequence number", &seq) || digits(c, 7, 4, "detail number", &detail))
		return -1;
	if (group_close(c))
		return -1;
	struct group *g = &c->g;
	g->open = 1;
	g->line = c->line;
	g->seq = (int)seq;
	g->detail = (int)detail;
	if (detail && (c->parent < 0 || c->parent_seq != seq))
		return fail(c, "detail number", "detail %04lld of movement %04lld, which is not the movement before it",
			    detail, seq);
	char code = *at(c, 62), b[12];
	if (amount(c, 32, 33, "amount", &g->mills) || date(c, 48, "value date", g->value_date, 1) ||
	    date(c, 116, "booking date", g->booking_date, 0))
		return -1;
	if (!all_digits(at(c, 54), 8))
		return fail(c, "transaction code", "not 8 digits ('%s', column 54)", shown(at(c, 54), 8, b, sizeof b));
	if (code != '0' && code != '1')
		return fail(c, "communication type", "'%c' (column 62) is neither 0 (free) nor 1 (structured)",
			    code >= 0x20 && code < 0x7f ? code : '?');
	g->structured = code == '1';
	g->reversal = !memcmp(at(c, 57), "49", 2) || !memcmp(at(c, 57), "99", 2);
	field(c, 11, 21, g->bank_ref);
	sbuf_put(&g->zone2, at(c, 63), 53);
	if (detail)
		return 0;
	int64_t *total = g->mills < 0 ? &c->debit : &c->credit;
	*total += g->mills < 0 ? -g->mills : g->mills;
	if (*total > MILLS_MAX)
		return fail(c, "amount", "the statement's %s add up to more than a trailer can hold",
			    g->mills < 0 ? "debits" : "credits");
	return 0;
}

static int movement2(struct coda *c)
{
	struct group *g = &c->g;
	if (same_movement(c))
		return -1;
	if (g->has22 || g->has23)
		return fail(c, NULL, "a second record 2.2, or one after the 2.3 (movement of line %u)", g->line);
	g->has22 = 1;
	sbuf_put(&g->zone2, at(c, 11), 53);
	field(c, 99, 11, g->bic);
	char r = *at(c, 113);
	if (r >= '1' && r <= '5')
		g->reversal = 1;
	return 0;
}

static int movement3(struct coda *c)
{
	struct group *g = &c->g;
	if (same_movement(c))
		return -1;
	if (g->has23)
		return fail(c, NULL, "a second record 2.3 (movement of line %u)", g->line);
	if (!g->has22) /* the zone keeps its columns */
		sbuf_put(&g->zone2, "                                                     ", 53);
	g->has22 = g->has23 = 1;
	/* columns 45-47 hold the currency (an IBAN has 34 characters at most) */
	field(c, 11, is_currency(at(c, 45)) ? 34 : 37, g->account);
	field(c, 48, 35, g->name);
	sbuf_put(&g->zone2, at(c, 83), 43);
	return 0;
}

static int information(struct coda *c, int article)
{
	struct group *g = &c->g;
	if (same_movement(c))
		return -1;
	if (article == 1) {
		char b[12];
		char code = *at(c, 40);
		if (!all_digits(at(c, 32), 8))
			return fail(c, "transaction code", "not 8 digits ('%s', column 32)",
				    shown(at(c, 32), 8, b, sizeof b));
		if (code != '0' && code != '1')
			return fail(c, "communication structure", "'%c' (column 40) is neither 0 (free) nor 1 (structured)",
				    code >= 0x20 && code < 0x7f ? code : '?');
		g->info_free = code == '0';
		if (g->info_free) {
			if (g->zone3.len)
				sbuf_put(&g->zone3, " ", 1);
			sbuf_put(&g->zone3, at(c, 41), 73);
		}
	} else if (g->info_free)
		sbuf_put(&g->zone3, at(c, 11), article == 2 ? 105 : 90);
	return 0;
}

/* ---- new balance, trailer ------------------------------------------------ */

static int new_balance(struct coda *c)
{
	if (group_close(c))
		return -1;
	struct bank_statement *s = statement(c);
	int64_t mills;
	if (amount(c, 42, 43, "new balance", &mills) || date(c, 58, "new balance date", s->date, 0))
		return -1;
	s->closing = mills / 10;
	char seq[8];
	if (strcmp(c->coda_seq, "000"))
		snprintf(seq, sizeof seq, "%s", c->coda_seq);
	else if (strcmp(c->paper_seq, "000"))
		snprintf(seq, sizeof seq, "%s", c->paper_seq);
	else
		snprintf(seq, sizeof seq, "d%.2s%.2s", s->date + 5, s->date + 8);
	s->seq = xstrdup(seq);
	struct sbuf id = {0};
	sbuf_printf(&id, "coda:%s:%.4s:%s", s->iban, s->date, seq);
	s->id = id.s;
	return 0;
}

static int trailer(struct coda *c)
{
	long long count, debit, credit;
	if (digits(c, 17, 6, "number of records", &count) || digits(c, 23, 15, "debit total", &debit) ||
	    digits(c, 38, 15, "credit total", &credit))
		return -1;
	if (count != c->records && count != c->records + c->free_records)
		return fail(c, "number of records", "%lld in the trailer, but the statement has %ld (records 1, 2.x, 3.x and 8)",
			    count, c->records);
	char want[32], got[32];
	if (debit != c->debit || credit != c->credit) {
		int d = debit != c->debit;
		money_format((d ? debit : credit) / 10, want, sizeof want);
		money_format((d ? c->debit : c->credit) / 10, got, sizeof got);
		return fail(c, d ? "debit total" : "credit total",
			    "%s in the trailer, but the movements (2.1 of detail 0000) add up to %s%s", want, got,
			    (d ? debit : credit) % 10 ? " (and the trailer's has a tenth of a cent)" : "");
	}
	return 0;
}

static int header(struct coda *c)
{
	char v = *at(c, 128), day[11];
	if (v == '1')
		return fail(c, "version", "CODA version 1 (column 128) is not read: ask the bank for version 2");
	if (v != '2')
		return fail(c, "version", "'%c' (column 128) is not a CODA version this reader knows (2 expected)",
			    v >= 0x20 && v < 0x7f ? v : '?');
	if (date(c, 6, "creation date", day, 0))
		return -1;
	c->records = c->free_records = 0;
	c->debit = c->credit = 0;
	c->header_line = c->line;
	return 0;
}

/* ---- records --------------------------------------------------------------- */

static const char *expected(int state)
{
	switch (state) {
	case WANT_HEADER: return "a header (record 0) expected";
	case WANT_OLD: return "the old balance (record 1) expected after the header";
	case IN_BODY: return "movements (2.x, 3.x), free messages (4) or the new balance (8) expected";
	default: return "free messages (4) or the trailer (9) expected after the new balance";
	}
}

/* What kind of record rec is ("2.1"), or "" when none. */
static void record_kind(struct coda *c)
{
	const char *r = c->rec;
	c->kind[0] = '\0';
	if (!c->len)
		return;
	if (r[0] && strchr("01489", r[0]))
		snprintf(c->kind, sizeof c->kind, "%c", r[0]);
	else if ((r[0] == '2' || r[0] == '3') && c->len > 1 && r[1] >= '1' && r[1] <= '3')
		snprintf(c->kind, sizeof c->kind, "%c.%c", r[0], r[1]);
}

/* A DDMMYY at s that is a date. */
static int is_date(const char *s)
{
	return all_digits(s, 6) && date_valid(2000 + (int)number(s + 4, 2), (int)number(s + 2, 2), (int)number(s, 2));
}

/* A record too long by k characters, whose amount has k digits too many
 * (the date after it is where k more digits put it, and not where it
 * belongs): say so; otherwise the length is what is wrong. */
static int wrong_length(struct coda *c)
{
	static const struct {
		char kind[4];
		int col;
		const char *field;
	} amounts[] = {{"1", 44, "old balance"}, {"2.1", 33, "amount"}, {"8", 43, "new balance"}};
	size_t k = c->len > REC ? c->len - REC : 0;
	for (size_t i = 0; k && k <= 3 && i < sizeof amounts / sizeof *amounts; i++) {
		const char *a = at(c, amounts[i].col);
		if (!strcmp(amounts[i].kind, c->kind) && all_digits(a, 15 + k) && is_date(a + 15 + k) && !is_date(a + 15))
			return fail(c, amounts[i].field, "not 15 digits: %zu from column %d (the record is %zu characters, not 128)",
				    15 + k, amounts[i].col, c->len);
	}
	return fail(c, NULL, "%zu characters, not 128", c->len);
}

static int record(struct coda *c)
{
	record_kind(c);
	if (!c->len)
		return fail(c, NULL, "an empty line: every CODA record is 128 characters");
	if (!c->kind[0]) {
		char b[4];
		return fail(c, NULL, "'%s' is not a CODA record type (0, 1, 2.1-2.3, 3.1-3.3, 4, 8 or 9)",
			    shown(c->rec, c->len > 1 && (c->rec[0] == '2' || c->rec[0] == '3') ? 2 : 1, b, sizeof b));
	}
	if (c->len != REC)
		return wrong_length(c);
	for (int i = 0; i < REC; i++) {
		unsigned char b = (unsigned char)c->rec[i];
		if (b < 0x20 || b == 0x7f || b == 0x81 || b == 0x8d || b == 0x8f || b == 0x90 || b == 0x9d)
			return fail(c, NULL, "column %d: byte 0x%02X is not text (CP1252)", i + 1, b);
	}
	char t = c->rec[0];
	int ok_here = t == '0' ? c->state == WANT_HEADER
		    : t == '1' ? c->state == WANT_OLD
		    : t == '4' ? c->state == IN_BODY || c->state == AFTER_NEW
		    : t == '9' ? c->state == AFTER_NEW
		    : c->state == IN_BODY;
	if (!ok_here)
		return fail(c, NULL, "not expected here: %s", expected(c->state));
	if (t != '0' && t != '4' && t != '9')
		c->records++;
	switch (t) {
	case '0':
		if (header(c))
			return -1;
		c->state = WANT_OLD;
		return 0;
	case '1':
		if (old_balance(c))
			return -1;
		c->state = IN_BODY;
		return 0;
	case '2':
		return c->rec[1] == '1' ? movement(c) : c->rec[1] == '2' ? movement2(c) : movement3(c);
	case '3':
		return information(c, c->rec[1] - '0');
	case '4':
		c->free_records++;
		return 0;
	case '8':
		if (new_balance(c))
			return -1;
		c->state = AFTER_NEW;
		return 0;
	default:
		if (trailer(c))
			return -1;
		c->state = WANT_HEADER;
		return 0;
	}
}

int coda_read(const char *path, const char *data, size_t len, struct bank_file *out, char *err, size_t errlen)
{
	struct coda c = {.path = path, .err = err, .errlen = errlen, .out = out, .state = WANT_HEADER, .parent = -1};
	memset(out, 0, sizeof *out);
	if (len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
	    (unsigned char)data[2] == 0xBF)
		data += 3, len -= 3;
	size_t i = 0;
	int rc = 0;
	while (i < len && !rc) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len;
		c.line++;
		c.rec = data + i;
		c.len = end - i;
		if (c.len && c.rec[c.len - 1] == '\r')
			c.len--;
		i = nl ? end + 1 : len;
		if (!c.len) {
			/* blank lines may end the file, nothing else */
			size_t j = i;
			while (j < len && (data[j] == '\r' || data[j] == '\n'))
				j++;
			if (j == len)
				break;
		}
		rc = record(&c);
	}
	if (!rc && c.state != WANT_HEADER) {
		c.kind[0] = '\0';
		c.line++;
		rc = fail(&c, NULL, "the file ends before the trailer (record 9) of the statement begun on line %u",
			  c.header_line);
	}
	if (!rc && !out->n) {
		c.kind[0] = '\0';
		rc = fail(&c, NULL, "no statement in the file");
	}
	group_reset(&c.g);
	if (rc)
		bank_file_free(out);
	return rc;
}
