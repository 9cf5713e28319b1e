/* find.c — finding accounts from one text (find.h). Invoice numbers are
 * looked up by their key; payment references as a payment quoting them
 * is matched (payref_owner: indexes only);
 * names, contacts, phones, e-mails and VAT numbers by one pass over the
 * customers, compared in C. It only reads the book. */
#include "find.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lib.h"
#include "payref_owner.h"

/* The text in the forms each field is compared in, made once. */
struct needle {
	char raw[256];     /* as given, blanks at both ends taken off */
	size_t rawlen;
	char words[256];   /* folded, punctuation as single blanks: "societe generale" */
	size_t wordslen;
	char folded[256];  /* folded only: for e-mail addresses */
	size_t foldedlen;
	char vat[64];      /* letters and digits, in capitals, country left out */
	int vat_digits;
	char digits[64];   /* a phone number's digits, 00 or 0 in front left out */
	size_t ndigits;
	int phone;         /* the text is a phone number (4 digits or more) */
	int email;         /* it has an @: e-mail addresses are compared whole */
	int email_part;    /* 3 characters or more, no blank: parts of addresses too */
	char ref[64];      /* a structured reference in its stored form, or "" */
};

const char *find_class_word(enum find_class c)
{
	static const char *const words[FC_COUNT] = {
		"number", "invoice", "reference", "VAT", "e-mail", "phone", "number", "name", "name",
		"contact", "e-mail", "phone", "VAT"};
	return c < FC_COUNT ? words[c] : "?";
}

/* s folded (case, accents) with every run of ASCII punctuation and blanks
 * made one blank, none at either end. One pass: it runs on every name of
 * the book. */
static size_t fold_words(const char *s, char *out, size_t size)
{
	size_t o = 0;
	int blank = 0;
	while (*s && o + 8 < size) {
		unsigned char c = (unsigned char)*s;
		if (c < 0x80) {
			s++;
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
				blank = o > 0;
				continue;
			}
			if (blank)
				out[o++] = ' ';
			blank = 0;
			out[o++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : (char)c;
			continue;
		}
		size_t k = 1; /* one character, folded on its own */
		while (k < 4 && ((unsigned char)s[k] & 0xc0) == 0x80)
			k++;
		if (blank)
			out[o++] = ' ';
		blank = 0;
		o += utf8_fold(s, k, out + o, size - o);
		s += k;
	}
	out[o] = '\0';
	return o;
}

/* 0 when s cannot hold a folded text beginning with byte lo: none of its
 * bytes is lo (a letter in either case), nor, for a letter, a byte of an
 * accented one. Most names are passed over this way, without folding. */
static int may_hold(const char *s, unsigned char lo)
{
	unsigned char up = lo >= 'a' && lo <= 'z' ? (unsigned char)(lo - 32) : lo;
	unsigned char high = lo >= '0' && lo <= '9' ? 0xff : 0x80; /* no accent folds to a digit */
	if (lo >= 0x80)
		return 1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == lo || c == up || c >= high)
			return 1;
	}
	return 0;
}

/* A VAT number's letters and digits in capitals, without the two letters
 * of its country in front: "BE 0799.364.231" and "0799364231" compare
 * alike. Returns how many digits it has. */
static int vat_key(const char *s, char *out, size_t size)
{
	size_t o = 0;
	int digits = 0;
	for (; *s && o + 1 < size; s++)
		if (isalnum((unsigned char)*s)) {
			out[o++] = (char)toupper((unsigned char)*s);
			digits += isdigit((unsigned char)*s) != 0;
		}
	out[o] = '\0';
	if (o > 2 && isalpha((unsigned char)out[0]) && isalpha((unsigned char)out[1]) &&
	    isdigit((unsigned char)out[2]))
		memmove(out, out + 2, o - 1);
	return digits;
}

/* A phone number's digits, without the 00 (international) or 0 (national)
 * that precedes them: "+32 471 12 34 56", "0032 471..." and "0471 12 34
 * 56" all give 32471123456 or 471123456, whose ends compare. */
static size_t phone_digits(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0, zeros = 0;
	for (size_t i = 0; i < n && o + 1 < size; i++) {
		if (s[i] < '0' || s[i] > '9')
			continue;
		if (o == 0 && s[i] == '0' && zeros < 2) {
			zeros++;
			continue;
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return o;
}

static void needle_make(const char *text, struct needle *nd)
{
	memset(nd, 0, sizeof *nd);
	while (isspace((unsigned char)*text))
		text++;
	snprintf(nd->raw, sizeof nd->raw, "%s", text);
	nd->rawlen = strlen(nd->raw);
	while (nd->rawlen && isspace((unsigned char)nd->raw[nd->rawlen - 1]))
		nd->raw[--nd->rawlen] = '\0';
	nd->wordslen = fold_words(nd->raw, nd->words, sizeof nd->words);
	nd->foldedlen = utf8_fold(nd->raw, nd->rawlen, nd->folded, sizeof nd->folded);
	nd->vat_digits = vat_key(nd->raw, nd->vat, sizeof nd->vat);
	/* a phone number: digits and what people write between them */
	size_t all = 0;
	int only = nd->rawlen > 0;
	for (size_t i = 0; i < nd->rawlen; i++) {
		if (isdigit((unsigned char)nd->raw[i]))
			all++;
		else if (!strchr(" +-./()", nd->raw[i]))
			only = 0;
	}
	nd->ndigits = phone_digits(nd->raw, nd->rawlen, nd->digits, sizeof nd->digits);
	nd->phone = only && all >= 4 && nd->ndigits >= 3;
	/* a whole phone number is no part of a name, a contact or an address */
	if (nd->phone && nd->ndigits >= 8)
		nd->wordslen = 0, nd->email_part = 0;
	nd->email = strchr(nd->raw, '@') != NULL;
	nd->email_part = nd->foldedlen >= 3 && !strchr(nd->folded, ' ');
	/* a structured reference, written with or without +++, slashes and
	 * blanks (payref_parse wants the marks or 12 digits alone) */
	char compact[64];
	size_t k = 0;
	for (size_t i = 0; i < nd->rawlen && k + 1 < sizeof compact; i++)
		if (!strchr(" +*/.-", nd->raw[i]))
			compact[k++] = nd->raw[i];
	compact[k] = '\0';
	switch (payref_parse(compact, k, nd->ref, sizeof nd->ref)) {
	case PAYREF_OGM:
	case PAYREF_RF: break;
	default: nd->ref[0] = '\0'; break;
	}
}

/* ---- the results: one bucket per class, each kept to the limit ---------- */

struct finder {
	struct find_match *bucket[FC_COUNT];
	size_t kept[FC_COUNT], cap[FC_COUNT], count[FC_COUNT];
	size_t limit;
	struct strset seen; /* accounts found by their invoices, and their class */
};

static void add(struct finder *f, enum find_class c, const char *account_no, const char *name,
		const char *detail)
{
	f->count[c]++;
	if (f->kept[c] >= f->limit)
		return;
	if (f->kept[c] == f->cap[c]) {
		f->cap[c] = f->cap[c] ? 2 * f->cap[c] : 16;
		if (!(f->bucket[c] = realloc(f->bucket[c], f->cap[c] * sizeof *f->bucket[c])))
			abort();
	}
	struct find_match *m = &f->bucket[c][f->kept[c]++];
	m->account_no = xstrdup(account_no);
	m->name = xstrdup(name);
	m->cls = c;
	m->detail = xstrdup(detail);
}

/* Takes an account found by an invoice out of its bucket: its own fields
 * matched better. */
static void drop(struct finder *f, enum find_class c, const char *account_no)
{
	f->count[c]--;
	for (size_t i = 0; i < f->kept[c]; i++) {
		struct find_match *m = &f->bucket[c][i];
		if (strcmp(m->account_no, account_no))
			continue;
		free(m->account_no), free(m->name), free(m->detail);
		memmove(m, m + 1, (f->kept[c] - i - 1) * sizeof *m);
		f->kept[c]--;
		return;
	}
}

/* An account found by one of its invoices: once, in its best class. */
static void add_by_invoice(struct finder *f, enum find_class c, const char *account_no, const char *name,
			   const char *detail)
{
	long old;
	if (strset_has(&f->seen, account_no, strlen(account_no), &old))
		return; /* the same account by a better or earlier invoice */
	if (strset_add(&f->seen, account_no, strlen(account_no), c, NULL) < 0)
		abort();
	add(f, c, account_no, name, detail);
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

/* The invoice or credit note numbered as the text (or as it in capitals):
 * the invoices' key. */
static int find_invoice(sqlite3 *db, const struct needle *nd, struct finder *f)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT i.invoice_no, i.account_no, c.name FROM invoices i "
		"JOIN customers c ON c.account_no = i.account_no WHERE i.invoice_no IN (?1, ?2)");
	if (!st)
		return -1;
	char upper[256];
	size_t i = 0;
	for (; nd->raw[i]; i++)
		upper[i] = (char)toupper((unsigned char)nd->raw[i]);
	upper[i] = '\0';
	sqlite3_bind_text(st, 1, nd->raw, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add_by_invoice(f, FC_INVOICE, col(st, 1), col(st, 2), col(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("find: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* The account an invoice or account of the reference belongs to, with
 * the detail said of it: 1 when added, 0 when it is not in the book. */
static int add_owner(sqlite3 *db, struct finder *f, const char *account_no, const char *detail)
{
	sqlite3_stmt *name = db_prepare(db, "SELECT name FROM customers WHERE account_no = ?1");
	if (!name)
		return -1;
	sqlite3_bind_text(name, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(name);
	if (rc == SQLITE_ROW)
		add_by_invoice(f, FC_REFERENCE, account_no, col(name, 0), detail);
	sqlite3_finalize(name);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The account the reference is paid to, as a payment quoting it would be
 * matched (payref_owner): the invoice the ledger gave it to, or whose
 * number the book made it of, or an account's own reference (its
 * balance). A reference the ledger gave to several invoices matches none:
 * they are all shown, said to share it. Returns how many were found, or
 * -1. */
static int find_references(sqlite3 *db, const struct needle *nd, struct finder *f)
{
	if (!nd->ref[0])
		return 0;
	char shown[64], inv[65], acc[65], detail[200];
	payref_display(nd->ref, shown, sizeof shown);
	int owner = payref_owner(db, nd->ref, inv, acc);
	if (owner == PAYREF_OWNER_INVOICE || owner == PAYREF_OWNER_ACCOUNT) {
		if (owner == PAYREF_OWNER_INVOICE)
			snprintf(detail, sizeof detail, "%s (invoice %s)", shown, inv);
		else
			snprintf(detail, sizeof detail, "%s (the account's own)", shown);
		return add_owner(db, f, acc, detail);
	}
	if (owner != PAYREF_OWNER_AMBIGUOUS)
		return owner < 0 ? -1 : 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT invoice_no, account_no FROM invoices WHERE reference = ?1 "
				      "ORDER BY invoice_no");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, nd->ref, -1, SQLITE_STATIC);
	int rc, found = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(detail, sizeof detail, "%s (invoice %s; shared, matches none)", shown, col(st, 0));
		int added = add_owner(db, f, col(st, 1), detail);
		if (added < 0)
			break;
		found += added;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		msg_error("find: %s", sqlite3_errmsg(db));
		return -1;
	}
	return rc == SQLITE_DONE ? found : -1;
}

/* Whether one of the ';'-separated items of list matches: fn is given each
 * item (blanks at both ends off); the first that matches is copied to
 * out. */
static int each_item(const char *list, int (*fn)(const char *item, size_t n, const struct needle *),
		     const struct needle *nd, char *out, size_t size)
{
	while (*list) {
		size_t n = strcspn(list, ";");
		const char *s = list;
		size_t len = n;
		while (len && isspace((unsigned char)*s))
			s++, len--;
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		if (len && fn(s, len, nd)) {
			snprintf(out, size, "%.*s", (int)len, s);
			return 1;
		}
		list += n + (list[n] == ';');
	}
	return 0;
}

/* The same national number: the last 9 digits, or 8 when either has only
 * 8 (Belgian land lines), and never fewer than 8. */
static int phone_same(const char *s, size_t n, const struct needle *nd)
{
	/* most numbers end otherwise: their last two digits say so at once */
	size_t i = n, seen = 0;
	while (i > 0 && seen < 2) {
		char c = s[--i];
		if (c >= '0' && c <= '9' && c != nd->digits[nd->ndigits - 1 - seen++])
			return 0;
	}
	char d[64];
	size_t k = phone_digits(s, n, d, sizeof d);
	size_t tail = nd->ndigits < k ? nd->ndigits : k;
	if (tail > 9)
		tail = 9;
	return tail >= 8 && !memcmp(d + k - tail, nd->digits + nd->ndigits - tail, tail);
}

static int phone_part(const char *s, size_t n, const struct needle *nd)
{
	char d[64];
	phone_digits(s, n, d, sizeof d);
	return strstr(d, nd->digits) != NULL;
}

static int email_same(const char *s, size_t n, const struct needle *nd)
{
	char f[256];
	size_t k = utf8_fold(s, n, f, sizeof f);
	return k == nd->foldedlen && !memcmp(f, nd->folded, k);
}

static int email_part(const char *s, size_t n, const struct needle *nd)
{
	char f[256];
	utf8_fold(s, n, f, sizeof f);
	return strstr(f, nd->folded) != NULL;
}

/* The best class one customer's own fields (the columns of
 * find_customers, each read only when needed) match in, FC_COUNT for
 * none, and the detail to show. */
static enum find_class match_customer(const struct needle *nd, sqlite3_stmt *st, char *detail, size_t size)
{
	const char *no = col(st, 0), *vat = NULL, *email = NULL, *phone = NULL;
	char key[64] = "";
	detail[0] = '\0';
	if (!strcasecmp(no, nd->raw))
		return FC_NUMBER;
	int vat_like = nd->vat_digits && strlen(nd->vat) >= 4;
	if (vat_like && *(vat = col(st, 2))) {
		vat_key(vat, key, sizeof key);
		if (!strcmp(key, nd->vat)) {
			snprintf(detail, size, "%s", vat);
			return FC_VAT;
		}
	}
	if (nd->email && *(email = col(st, 5)) && each_item(email, email_same, nd, detail, size))
		return FC_EMAIL;
	if (nd->phone && *(phone = col(st, 4)) && nd->ndigits >= 8 && each_item(phone, phone_same, nd, detail, size))
		return FC_PHONE;
	if (!strncasecmp(no, nd->raw, nd->rawlen))
		return FC_NUMBER_PREFIX;
	if (nd->wordslen) {
		char w[512];
		const char *name = col(st, 1), *contact;
		if (may_hold(name, (unsigned char)nd->words[0])) {
			fold_words(name, w, sizeof w);
			if (!strncmp(w, nd->words, nd->wordslen))
				return FC_NAME_PREFIX;
			if (strstr(w, nd->words))
				return FC_NAME;
		}
		if (*(contact = col(st, 3)) && may_hold(contact, (unsigned char)nd->words[0])) {
			fold_words(contact, w, sizeof w);
			if (strstr(w, nd->words)) {
				snprintf(detail, size, "%s", contact);
				return FC_CONTACT;
			}
		}
	}
	if (nd->email_part && *(email = email ? email : col(st, 5)) && may_hold(email, (unsigned char)nd->folded[0]) &&
	    each_item(email, email_part, nd, detail, size))
		return FC_EMAIL_PART;
	if (nd->phone && *(phone = phone ? phone : col(st, 4)) && each_item(phone, phone_part, nd, detail, size))
		return FC_PHONE_PART;
	if (vat_like && *vat && strstr(key, nd->vat)) {
		snprintf(detail, size, "%s", vat);
		return FC_VAT_PART;
	}
	return FC_COUNT;
}

/* One pass over the customers (their key order), their own fields
 * compared in C. */
static int find_customers(sqlite3 *db, const struct needle *nd, struct finder *f)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT account_no, name, vat_no, contact, phone, email FROM customers ORDER BY account_no");
	if (!st)
		return -1;
	int rc;
	char detail[256];
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		enum find_class c = match_customer(nd, st, detail, sizeof detail);
		const char *no = col(st, 0);
		long by_invoice;
		if (f->seen.count && strset_has(&f->seen, no, strlen(no), &by_invoice)) {
			if (c >= (enum find_class)by_invoice)
				continue;
			drop(f, (enum find_class)by_invoice, no);
		}
		if (c != FC_COUNT)
			add(f, c, no, col(st, 1), detail);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		msg_error("find: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

static int by_account(const void *x, const void *y)
{
	return strcmp(((const struct find_match *)x)->account_no, ((const struct find_match *)y)->account_no);
}

int find_accounts(sqlite3 *db, const char *text, size_t limit, struct find_result *r)
{
	memset(r, 0, sizeof *r);
	struct needle nd;
	needle_make(text, &nd);
	if (!nd.rawlen) {
		msg_error("find: give a text to find");
		return -1;
	}
	if (!limit)
		limit = 1;
	struct finder f = {.limit = limit};
	strset_init(&f.seen);
	int rc = find_invoice(db, &nd, &f), refs = 0;
	if (!rc)
		rc = (refs = find_references(db, &nd, &f)) < 0 ? -1 : 0;
	/* a payment reference an invoice carries is that: not a phone number
	 * nor a name to look for among the customers */
	if (!rc && refs == 0)
		rc = find_customers(db, &nd, &f);
	size_t kept = 0;
	for (int c = 0; c < FC_COUNT; c++)
		kept += f.kept[c];
	if (!rc && !(r->m = calloc(kept < limit ? kept + 1 : limit, sizeof *r->m)))
		abort();
	for (int c = 0; c < FC_COUNT; c++) {
		/* found by invoices: in account order too */
		if (f.kept[c])
			qsort(f.bucket[c], f.kept[c], sizeof *f.bucket[c], by_account);
		for (size_t i = 0; i < f.kept[c]; i++) {
			struct find_match *m = &f.bucket[c][i];
			if (!rc && r->n < limit) {
				r->m[r->n++] = *m;
				continue;
			}
			free(m->account_no), free(m->name), free(m->detail);
		}
		r->total += f.count[c];
		free(f.bucket[c]);
	}
	strset_free(&f.seen);
	if (rc)
		find_result_free(r);
	return rc;
}

void find_result_free(struct find_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->m[i].account_no), free(r->m[i].name), free(r->m[i].detail);
	free(r->m);
	memset(r, 0, sizeof *r);
}

/* ---- account numbers by their beginning ---------------------------------- */

/* Accounts whose number begins with prefix: up to limit + 1 of them in
 * order, and the last of them all. */
static int prefix_range(sqlite3 *db, const char *prefix, size_t limit, struct find_prefix *p, char *last,
			size_t lastsize)
{
	char high[80];
	/* bytes 0xff never occur in UTF-8: every key beginning with prefix is below */
	snprintf(high, sizeof high, "%s\xff", prefix);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT account_no FROM customers WHERE account_no >= ?1 AND account_no < ?2 "
		"ORDER BY account_no LIMIT ?3");
	sqlite3_stmt *end = db_prepare(db,
		"SELECT account_no FROM customers WHERE account_no >= ?1 AND account_no < ?2 "
		"ORDER BY account_no DESC LIMIT 1");
	int rc = SQLITE_DONE;
	if (!st || !end) {
		sqlite3_finalize(st);
		sqlite3_finalize(end);
		return -1;
	}
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, high, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)limit + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (p->n == limit) {
			p->more = 1;
			continue;
		}
		p->no[p->n++] = xstrdup(col(st, 0));
	}
	if (rc == SQLITE_DONE && p->n) {
		sqlite3_bind_text(end, 1, prefix, -1, SQLITE_STATIC);
		sqlite3_bind_text(end, 2, high, -1, SQLITE_STATIC);
		rc = sqlite3_step(end);
		if (rc == SQLITE_ROW)
			snprintf(last, lastsize, "%s", col(end, 0)), rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	sqlite3_finalize(end);
	if (rc != SQLITE_DONE) {
		msg_error("find: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int find_account_prefix(sqlite3 *db, const char *prefix, size_t limit, struct find_prefix *p)
{
	memset(p, 0, sizeof *p);
	if (!(p->no = calloc(limit ? limit : 1, sizeof *p->no)))
		abort();
	char want[72], last[72] = "";
	snprintf(want, sizeof want, "%s", prefix);
	snprintf(p->common, sizeof p->common, "%s", want);
	if (prefix_range(db, want, limit, p, last, sizeof last))
		return -1;
	if (!p->n) { /* c12 for C12... */
		for (char *s = want; *s; s++)
			*s = (char)toupper((unsigned char)*s);
		if (strcmp(want, prefix) && prefix_range(db, want, limit, p, last, sizeof last))
			return -1;
	}
	if (!p->n)
		return 0;
	/* the first and the last in key order share what they all share */
	const char *first = p->no[0];
	size_t k = 0;
	while (first[k] && first[k] == last[k])
		k++;
	while (k > 0 && ((unsigned char)first[k] & 0xc0) == 0x80)
		k--; /* never half a character */
	snprintf(p->common, sizeof p->common, "%.*s", (int)k, first);
	return 0;
}

void find_prefix_free(struct find_prefix *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->no[i]);
	free(p->no);
	memset(p, 0, sizeof *p);
}
