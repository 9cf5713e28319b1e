/* bank_match.c — which invoices a bank credit pays: the rules, in order
 * (a structured reference of an invoice, of an account; invoice numbers
 * in the message; a known IBAN and an amount that fits), each one or two
 * indexed lookups, and the ranked candidates of a credit no rule made
 * certain. It decides and writes nothing: bank_apply.c writes. Never a
 * guess between two equal candidates: that is a suggestion. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bank_engine.h"

void bank_invoice_key(const char *s, size_t n, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '-')
			continue;
		if (ch == '0' && k == 0)
			continue;
		out[k++] = (char)(ch < 0x80 ? toupper(ch) : ch);
	}
	out[k] = '\0';
}

static void copy65(char out[65], const unsigned char *s)
{
	snprintf(out, 65, "%s", s ? (const char *)s : "");
}

static int push(struct bank_match *m, const char *invoice_no, int64_t amount)
{
	struct bank_alloc *a = realloc(m->alloc, (m->n + 1) * sizeof *a);
	if (!a)
		return -1;
	m->alloc = a;
	snprintf(a[m->n].invoice_no, sizeof a[m->n].invoice_no, "%s", invoice_no);
	a[m->n++].amount = amount;
	return 0;
}

void bank_match_free(struct bank_match *m)
{
	free(m->alloc);
	m->alloc = NULL;
	m->n = 0;
}

/* An open invoice of an account, as the rules see it. */
struct open_inv {
	char no[65];
	int64_t open;
	int same_currency;
};

/* The open invoices of account (oldest due first, disputed last), at
 * most max; *more: there were more. -1 on error, else how many. */
static int open_invoices(sqlite3_stmt *st, const char *account, const char *currency, struct open_inv *out,
			 int max, int *more)
{
	int n = 0, rc;
	*more = 0;
	sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == max) {
			*more = 1;
			break;
		}
		copy65(out[n].no, sqlite3_column_text(st, 0));
		out[n].open = sqlite3_column_int64(st, 1);
		const char *cur = (const char *)sqlite3_column_text(st, 2);
		out[n].same_currency = !currency || (cur && !strcmp(cur, currency));
		n++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? n : -1;
}

#define OPEN_SQL "SELECT i.invoice_no, i.open_amount, i.currency FROM invoices i " \
	"WHERE i.account_no = ?1 AND i.status = 'open' AND i.kind = 'invoice' " \
	"ORDER BY EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_no = i.invoice_no AND d.status = 'open'), " \
	"i.due_date, i.invoice_no"

/* amount to the account's open invoices oldest first into m; 1 when an
 * open invoice is in another currency (then nothing is allocated). */
static int allocate_oldest(sqlite3_stmt *open_of, const char *account, int64_t amount, const char *currency,
			   struct bank_match *m)
{
	int64_t left = amount;
	int rc, foreign = 0;
	sqlite3_bind_text(open_of, 1, account, -1, SQLITE_STATIC);
	while (left > 0 && (rc = sqlite3_step(open_of)) == SQLITE_ROW) {
		const char *cur = (const char *)sqlite3_column_text(open_of, 2);
		if (currency && (!cur || strcmp(cur, currency))) {
			foreign = 1;
			break;
		}
		int64_t open = sqlite3_column_int64(open_of, 1), take = open < left ? open : left;
		if (take > 0 && push(m, (const char *)sqlite3_column_text(open_of, 0), take)) {
			sqlite3_reset(open_of);
			return -1;
		}
		left -= take;
	}
	sqlite3_reset(open_of);
	if (foreign)
		bank_match_free(m);
	return foreign;
}

static int oldest(sqlite3 *db, const char *account_no, int64_t amount, struct bank_alloc **out, size_t *n,
		  int64_t *unapplied)
{
	struct bank_match m = {0};
	sqlite3_stmt *st = db_prepare(db, OPEN_SQL);
	int rc = st ? allocate_oldest(st, account_no, amount, NULL, &m) : -1;
	sqlite3_finalize(st);
	if (rc < 0) {
		bank_match_free(&m);
		return -1;
	}
	int64_t paid = 0;
	for (size_t i = 0; i < m.n; i++)
		paid += m.alloc[i].amount;
	*out = m.alloc, *n = m.n, *unapplied = amount - paid;
	return 0;
}

int bank_allocate_oldest(struct book *b, const char *account_no, int64_t amount,
			 struct bank_alloc **out, size_t *n, int64_t *unapplied)
{
	return oldest(b->db, account_no, amount, out, n, unapplied);
}

/* An invoice: its account, open amount, currency; 1 found, 0 not, -1. */
static int invoice(struct bank_engine *e, const char *no, char account[65], int64_t *open, char currency[4],
		   int *is_invoice)
{
	sqlite3_stmt *st = e->inv_by_no;
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy65(account, sqlite3_column_text(st, 0));
		*open = sqlite3_column_int64(st, 1);
		*is_invoice = !strcmp((const char *)sqlite3_column_text(st, 2), "invoice");
		snprintf(currency, 4, "%s", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Rules 1 and 2 for one stored reference: 1 when it decided, 0 when not
 * (*suggest set when it points somewhere without certainty), -1. */
static int by_reference(struct bank_engine *e, const struct bank_credit *c, const char *ref, struct bank_match *m,
			int *suggest)
{
	char inv[65], acc[65], cur[4];
	int k = payref_owner_with(&e->owners, ref, inv, acc);
	if (k < 0)
		return -1;
	if (k == PAYREF_OWNER_AMBIGUOUS) {
		*suggest = 1;
		return 0;
	}
	if (k == PAYREF_OWNER_INVOICE) {
		int64_t open;
		int is_inv;
		int f = invoice(e, inv, acc, &open, cur, &is_inv);
		if (f <= 0)
			return f;
		if (strcmp(cur, c->currency)) { /* another currency: a person decides */
			*suggest = 1;
			return 0;
		}
		if (is_inv && open > 0 && push(m, inv, open < c->amount ? open : c->amount))
			return -1;
		m->rule = BANK_RULE_REFERENCE;
	} else if (k == PAYREF_OWNER_ACCOUNT) {
		int f = allocate_oldest(e->open_of, acc, c->amount, c->currency, m);
		if (f < 0)
			return -1;
		if (f) {
			*suggest = 1;
			return 0;
		}
		m->rule = BANK_RULE_ACCOUNT_REF;
	} else {
		return 0;
	}
	snprintf(m->account_no, sizeof m->account_no, "%s", acc);
	m->verdict = BANK_MATCHED;
	return 1;
}

/* Calls fn on each word of text that holds a digit, and on each two
 * words one blank apart joined ("F 1001"), at most 40 calls. */
#define WORD_SEP " \t\r\n,;:()[]{}\"'#*+"
static int has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 1;
	return 0;
}

static int each_word(const char *text, int (*fn)(void *, const char *, size_t), void *arg)
{
	const char *prev = NULL;
	size_t prevn = 0;
	int calls = 0, rc;
	for (const char *p = text; *p && calls < 40;) {
		const char *gap = p;
		p += strspn(p, WORD_SEP);
		size_t whole = strcspn(p, WORD_SEP), n = whole;
		while (n && (p[n - 1] == '.' || p[n - 1] == '/'))
			n--;
		if (n && has_digit(p, n)) {
			if ((rc = fn(arg, p, n)) != 0)
				return rc;
			calls++;
		}
		if (n && prev && p - gap == 1 && *gap == ' ' && prevn + n < 64) {
			char both[64];
			memcpy(both, prev, prevn);
			memcpy(both + prevn, p, n);
			if (has_digit(both, prevn + n)) {
				if ((rc = fn(arg, both, prevn + n)) != 0)
					return rc;
				calls++;
			}
		}
		prev = n ? p : NULL, prevn = n;
		if (n != whole)
			prev = NULL; /* "F." then "1001": two words, not one */
		p += whole;
	}
	return 0;
}

/* A key that may name an invoice by itself: not empty, and not a number
 * of less than five digits (a year, a quantity, a day). */
static int invoice_key_ok(const char *key)
{
	size_t n = strlen(key);
	return n >= 5 || (n > 0 && strspn(key, "0123456789") < n);
}

/* 1 when the credit's IBAN is known for another account than account
 * and not for it; 0 when not; -1. */
static int iban_elsewhere(struct bank_engine *e, const char *iban, const char *account)
{
	if (!iban || !*iban)
		return 0;
	sqlite3_stmt *st = e->iban_elsewhere;
	sqlite3_bind_text(st, 1, iban, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, account, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), v = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return v;
}

/* Rule 3's state: the invoices the words name. */
struct named {
	struct bank_engine *e;
	char no[16][65], account[16][65];
	int n, ambiguous;
};

static int name_word(void *arg, const char *w, size_t n)
{
	struct named *s = arg;
	char key[128];
	if (n > 64)
		return 0;
	bank_invoice_key(w, n, key);
	if (!invoice_key_ok(key))
		return 0;
	sqlite3_stmt *st = s->e->inv_by_key;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int rc, rows = 0;
	char no[65] = "", acc[65] = "";
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (rows++ == 0) {
			copy65(no, sqlite3_column_text(st, 0));
			copy65(acc, sqlite3_column_text(st, 1));
		}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (rows > 1)
		s->ambiguous = 1;
	if (rows != 1)
		return 0;
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->no[i], no))
			return 0;
	if (s->n < 16) {
		memcpy(s->no[s->n], no, sizeof no);
		memcpy(s->account[s->n++], acc, sizeof acc);
	}
	return 0;
}

static int by_invoice_numbers(struct bank_engine *e, const struct bank_credit *c, struct bank_match *m,
			      int *suggest)
{
	if (!c->communication)
		return 0;
	struct named s = {.e = e};
	if (each_word(c->communication, name_word, &s))
		return -1;
	if (!s.n && !s.ambiguous)
		return 0;
	/* a word that names two invoices, invoices of two accounts: a person
	 * decides, whatever the other words name */
	*suggest = 1;
	if (s.ambiguous)
		return 0;
	for (int i = 1; i < s.n; i++)
		if (strcmp(s.account[i], s.account[0]))
			return 0;
	/* the payer's IBAN is another account's: the text and who paid say
	 * two things, and rule 4 is not to pick the one (2: decided, a
	 * suggestion) */
	int k = iban_elsewhere(e, c->iban, s.account[0]);
	if (k)
		return k < 0 ? -1 : 2;
	int64_t left = c->amount;
	for (int i = 0; i < s.n; i++) {
		char acc[65], cur[4];
		int64_t open;
		int is_inv, f = invoice(e, s.no[i], acc, &open, cur, &is_inv);
		if (f < 0)
			return -1;
		if (strcmp(cur, c->currency)) {
			bank_match_free(m);
			*suggest = 1;
			return 0;
		}
		int64_t take = !is_inv || open <= 0 ? 0 : open < left ? open : left;
		if (take > 0 && push(m, s.no[i], take))
			return -1;
		left -= take;
	}
	snprintf(m->account_no, sizeof m->account_no, "%s", s.account[0]);
	m->rule = BANK_RULE_INVOICE_NO;
	m->verdict = BANK_MATCHED;
	return 1;
}

/* The subsets of v[0..n) (n <= 20) that sum to target: how many (0, 1, 2
 * meaning two or more, or when the search ran too long), the first in
 * *mask. */
struct subset {
	const int64_t *v;
	int n, found;
	long budget;
	uint32_t mask;
	int64_t suffix[21];
};

static void subset_walk(struct subset *s, int i, int64_t left, uint32_t mask)
{
	if (s->found >= 2)
		return;
	if (--s->budget < 0) {
		s->found = 2;
		return;
	}
	if (left == 0) {
		if (s->found++ == 0)
			s->mask = mask;
		return;
	}
	if (i == s->n || left < 0 || s->suffix[i] < left)
		return;
	subset_walk(s, i + 1, left - s->v[i], mask | (uint32_t)1 << i);
	subset_walk(s, i + 1, left, mask);
}

static int subsets(const int64_t *v, int n, int64_t target, uint32_t *mask)
{
	struct subset s = {.v = v, .n = n, .budget = 2000000};
	s.suffix[n] = 0;
	for (int i = n - 1; i >= 0; i--)
		s.suffix[i] = s.suffix[i + 1] + v[i];
	subset_walk(&s, 0, target, 0);
	*mask = s.mask;
	return s.found;
}

#define RULE4_MAX 20

static int by_iban_amount(struct bank_engine *e, const struct bank_credit *c, struct bank_match *m, int *suggest)
{
	if (!c->iban || !*c->iban)
		return 0;
	sqlite3_stmt *st = e->ibans;
	sqlite3_bind_text(st, 1, c->iban, -1, SQLITE_STATIC);
	int rc, rows = 0;
	char acc[65] = "";
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (rows++ == 0)
			copy65(acc, sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (rows == 0)
		return 0;
	*suggest = 1; /* known: a candidate at least */
	if (rows > 1)
		return 0;
	struct open_inv inv[RULE4_MAX];
	int more, n = open_invoices(e->open_of, acc, c->currency, inv, RULE4_MAX, &more);
	if (n < 0)
		return -1;
	if (more) /* what fits among the oldest may fit among the others too */
		return 0;
	int64_t v[RULE4_MAX];
	int idx[RULE4_MAX], k = 0, single = -1, singles = 0;
	for (int i = 0; i < n; i++) {
		if (!inv[i].same_currency || inv[i].open <= 0)
			continue;
		if (inv[i].open == c->amount)
			singles++, single = i;
		idx[k] = i;
		v[k++] = inv[i].open;
	}
	if (singles > 1)
		return 0;
	if (singles == 1) {
		if (push(m, inv[single].no, c->amount))
			return -1;
	} else {
		uint32_t mask;
		if (subsets(v, k, c->amount, &mask) != 1)
			return 0;
		for (int j = 0; j < k; j++)
			if (mask & (uint32_t)1 << j && push(m, inv[idx[j]].no, v[j]))
				return -1;
	}
	snprintf(m->account_no, sizeof m->account_no, "%s", acc);
	m->rule = BANK_RULE_IBAN_AMOUNT;
	m->verdict = BANK_MATCHED;
	return 1;
}

/* 1 when an open invoice has the credit's amount and currency. */
static int same_amount(struct bank_engine *e, const struct bank_credit *c)
{
	sqlite3_stmt *st = e->inv_by_amount;
	sqlite3_bind_int64(st, 1, c->amount);
	sqlite3_bind_text(st, 2, c->currency, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int bank_match_credit(struct bank_engine *e, const struct bank_credit *c, struct bank_match *m)
{
	memset(m, 0, sizeof *m);
	int suggest = 0, rc;
	char found[64];
	const char *refs[2] = {c->reference && *c->reference ? c->reference : NULL, NULL};
	if (c->communication && payref_find(c->communication, found) != PAYREF_NONE &&
	    (!refs[0] || strcmp(refs[0], found)))
		refs[refs[0] ? 1 : 0] = found;
	for (int i = 0; i < 2; i++)
		if (refs[i] && (rc = by_reference(e, c, refs[i], m, &suggest)) != 0)
			return rc < 0 ? -1 : 0;
	rc = by_invoice_numbers(e, c, m, &suggest); /* 2: a suggestion, rule 4 not tried */
	if (rc == 0)
		rc = by_iban_amount(e, c, m, &suggest);
	if (rc < 0)
		return -1;
	if (rc == 1)
		return 0;
	if (!suggest && (rc = same_amount(e, c)) != 0) {
		if (rc < 0)
			return -1;
		suggest = 1;
	}
	bank_match_free(m);
	m->verdict = suggest ? BANK_SUGGESTED : BANK_UNMATCHED;
	return 0;
}

/* --- candidates: what a person chooses from ------------------------- */

struct cands {
	struct bank_candidate *c;
	size_t n, max;
};

/* Adds (or raises) an account's candidacy; invoice: what it would pay
 * (NULL: the account's open invoices, oldest first, filled in later). */
static int cand_add(struct cands *cs, sqlite3 *db, const char *account, int score, const char *invoice,
		    const char *fmt, const char *arg)
{
	for (size_t i = 0; i < cs->n; i++)
		if (!strcmp(cs->c[i].account_no, account)) {
			if (score > cs->c[i].score) {
				cs->c[i].score = score;
				snprintf(cs->c[i].why, sizeof cs->c[i].why, fmt, arg);
				if (invoice)
					snprintf(cs->c[i].invoice_no, sizeof cs->c[i].invoice_no, "%s", invoice);
			}
			return 0;
		}
	if (cs->n == cs->max) { /* full: the weakest gives way */
		size_t low = 0;
		for (size_t i = 1; i < cs->n; i++)
			if (cs->c[i].score < cs->c[low].score)
				low = i;
		if (cs->c[low].score >= score)
			return 0;
		cs->n--;
		cs->c[low] = cs->c[cs->n];
	}
	struct bank_candidate *c = &cs->c[cs->n];
	memset(c, 0, sizeof *c);
	snprintf(c->account_no, sizeof c->account_no, "%s", account);
	snprintf(c->why, sizeof c->why, fmt, arg);
	snprintf(c->invoice_no, sizeof c->invoice_no, "%s", invoice ? invoice : "");
	c->score = score;
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM customers WHERE account_no = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, account, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(c->name, sizeof c->name, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	cs->n++;
	return 0;
}

/* Runs sql (?1 text, ?2 integer, ?3 text) and adds each (invoice_no,
 * account_no) row it returns. */
static int cand_rows(struct cands *cs, sqlite3 *db, const char *sql, const char *t1, int64_t i2, const char *t3,
		     int score, const char *fmt)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, t1, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, i2);
	sqlite3_bind_text(st, 3, t3, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char inv[65], acc[65];
		copy65(inv, sqlite3_column_text(st, 0));
		copy65(acc, sqlite3_column_text(st, 1));
		if (cand_add(cs, db, acc, score, inv[0] ? inv : NULL, fmt, inv)) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int word_candidate(void *arg, const char *w, size_t n)
{
	struct { struct cands *cs; sqlite3 *db; } *a = arg;
	char key[128];
	if (n > 64)
		return 0;
	bank_invoice_key(w, n, key);
	if (!invoice_key_ok(key))
		return 0;
	return cand_rows(a->cs, a->db, "SELECT invoice_no, account_no FROM invoices WHERE "
			 "ltrim(upper(replace(replace(invoice_no, ' ', ''), '-', '')), '0') = ?1 AND status = 'open' LIMIT 5",
			 key, 0, "", 80, "invoice %s named in the message");
}

/* 1 when hay holds needle, ASCII case aside. */
static int holds(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return 1;
	return 0;
}

/* Names like the counterparty's: the accounts whose name holds its
 * longest word (4 letters or more), case aside, scored by how many of
 * its words they share. A bounded scan (LIKE, at most 50 names): there is
 * no index on names' words, and this runs for one credit a person looks
 * at, never during an import. */
static int name_candidates(struct cands *cs, sqlite3 *db, const char *name)
{
	char words[8][64];
	int nw = 0;
	size_t best = 0;
	int bi = -1;
	for (const char *p = name; *p && nw < 8;) {
		p += strspn(p, " \t.,;:-&/()'\"");
		size_t n = strcspn(p, " \t.,;:-&/()'\"");
		if (n >= 3 && n < 64) {
			memcpy(words[nw], p, n);
			words[nw][n] = '\0';
			if (n > best && n >= 4)
				best = n, bi = nw;
			nw++;
		}
		p += n;
	}
	if (bi < 0)
		return 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT account_no, name FROM customers WHERE name LIKE '%' || ?1 || '%' "
					  "ESCAPE '\\' LIMIT 50");
	if (!st)
		return -1;
	char pat[160];
	size_t k = 0;
	for (const char *p = words[bi]; *p && k < sizeof pat - 2; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			pat[k++] = '\\';
		pat[k++] = *p;
	}
	pat[k] = '\0';
	sqlite3_bind_text(st, 1, pat, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *cname = (const char *)sqlite3_column_text(st, 1);
		int shared = 0;
		for (int i = 0; i < nw; i++)
			if (holds(cname, words[i]))
				shared++;
		char acc[65];
		copy65(acc, sqlite3_column_text(st, 0));
		if (cand_add(cs, db, acc, 20 + 30 * shared / nw, NULL, "name like %s", cname)) {
			rc = SQLITE_ERROR;
			break;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* What a candidate would pay: its invoice up to its open amount, or the
 * account's open invoices oldest first. */
static int cand_alloc(sqlite3 *db, struct bank_candidate *c, int64_t amount)
{
	int64_t unapplied;
	if (!c->invoice_no[0])
		return oldest(db, c->account_no, amount, &c->alloc, &c->nalloc, &unapplied);
	sqlite3_stmt *st = db_prepare(db, "SELECT open_amount FROM invoices WHERE invoice_no = ?1 AND status = 'open'");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, c->invoice_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int64_t open = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (open <= 0)
		return 0;
	if (!(c->alloc = malloc(sizeof *c->alloc)))
		return -1;
	snprintf(c->alloc[0].invoice_no, sizeof c->alloc[0].invoice_no, "%s", c->invoice_no);
	c->alloc[0].amount = open < amount ? open : amount;
	c->nalloc = 1;
	return 0;
}

static int by_score(const void *a, const void *b)
{
	const struct bank_candidate *x = a, *y = b;
	return x->score != y->score ? y->score - x->score : strcmp(x->account_no, y->account_no);
}

int bank_candidates(struct book *b, const char *movement_id, struct bank_candidate *out, size_t max)
{
	sqlite3 *db = b->db;
	sqlite3_stmt *st = db_prepare(db, "SELECT amount, currency, iban, reference, communication, counterparty "
					  "FROM bank_movements WHERE id = ?1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, movement_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		msg_error("bank: no movement '%s'", movement_id);
		return -1;
	}
	int64_t amount = sqlite3_column_int64(st, 0);
	char *f[5];
	for (int i = 0; i < 5; i++) {
		const char *t = (const char *)sqlite3_column_text(st, i + 1);
		f[i] = strdup(t ? t : "");
	}
	sqlite3_finalize(st);
	const char *currency = f[0], *iban = f[1], *reference = f[2], *text = f[3], *name = f[4];
	struct cands cs = {.c = out, .max = max};
	int rc = 0;
	char found[64];
	const char *refs[2] = {reference[0] ? reference : NULL,
			       payref_find(text, found) != PAYREF_NONE ? found : NULL};
	for (int i = 0; i < 2 && !rc && max; i++) {
		if (!refs[i])
			continue;
		char inv[65], acc[65];
		int k = payref_owner(db, refs[i], inv, acc);
		if (k < 0)
			rc = -1;
		else if (k == PAYREF_OWNER_INVOICE)
			rc = cand_add(&cs, db, acc, 90, inv, "reference of invoice %s", inv);
		else if (k == PAYREF_OWNER_ACCOUNT)
			rc = cand_add(&cs, db, acc, 90, NULL, "the account's own reference%s", "");
		else if (k == PAYREF_OWNER_AMBIGUOUS)
			rc = cand_rows(&cs, db, "SELECT invoice_no, account_no FROM invoices WHERE reference = ?1 "
				       "AND ?2 = ?2 AND ?3 = ?3 LIMIT 10", refs[i], 0, "", 85,
				       "reference of invoice %s (given to several)");
	}
	if (!rc && max && text[0]) {
		struct { struct cands *cs; sqlite3 *db; } a = {&cs, db};
		rc = each_word(text, word_candidate, &a);
	}
	if (!rc && max && iban[0])
		rc = cand_rows(&cs, db, "SELECT NULL, account_no FROM customer_ibans WHERE iban = ?1 AND ?2 = ?2 "
			       "AND ?3 = ?3 LIMIT 10", iban, 0, "", 70, "the IBAN is known for this account%s");
	if (!rc && max && amount > 0)
		rc = cand_rows(&cs, db, "SELECT invoice_no, account_no FROM invoices WHERE open_amount = ?2 "
			       "AND status = 'open' AND kind = 'invoice' AND currency = ?3 AND ?1 = ?1 LIMIT 10",
			       "", amount, currency, 60, "same amount as invoice %s");
	if (!rc && max && name[0])
		rc = name_candidates(&cs, db, name);
	for (size_t i = 0; !rc && i < cs.n; i++)
		rc = cand_alloc(db, &cs.c[i], amount);
	for (int i = 0; i < 5; i++)
		free(f[i]);
	if (rc) {
		bank_candidates_free(out, cs.n);
		return -1;
	}
	qsort(out, cs.n, sizeof *out, by_score);
	return (int)cs.n;
}

void bank_candidates_free(struct bank_candidate *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].alloc);
		c[i].alloc = NULL;
		c[i].nalloc = 0;
	}
}
