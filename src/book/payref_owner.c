/* payref_owner.c — whose a structured payment reference is, the one
 * reference an invoice or account is paid with, and the numbers an import
 * hands out (see payref_owner.h). */
#include <stdlib.h>
#include <string.h>

#include "payref_owner.h"
#include "base/lib.h"

static void copy(char out[65], const unsigned char *s)
{
	snprintf(out, 65, "%s", s ? (const char *)s : "");
}

/* The statements of payref_owner, prepared when first needed. */
enum { Q_BY_REF, Q_TAKEN, Q_INV_NO, Q_ACC_NO };
static const char *const owner_sql[PAYREF_OWNERS_N] = {
	"SELECT invoice_no, account_no FROM invoices WHERE reference = ?1 LIMIT 2",
	"SELECT EXISTS (SELECT 1 FROM invoices WHERE ref_no = ?1 AND invoice_no <> ?2) "
	"OR EXISTS (SELECT 1 FROM customers WHERE ref_no = ?1)",
	"SELECT invoice_no, account_no FROM invoices WHERE ref_no = ?1",
	"SELECT NULL, account_no FROM customers WHERE ref_no = ?1",
};

static sqlite3_stmt *owner_q(struct payref_owners *o, int i)
{
	if (!o->q[i])
		o->q[i] = db_prepare(o->db, owner_sql[i]);
	return o->q[i];
}

/* A statement done with: ready for the next lookup. */
static void done(sqlite3_stmt *q)
{
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
}

/* 1 when the book's number num is another invoice's than invoice_no or an
 * account's; 0 when not; -1 on error. */
static int number_taken(struct payref_owners *o, long long num, const char *invoice_no)
{
	sqlite3_stmt *q = owner_q(o, Q_TAKEN);
	if (!q)
		return -1;
	sqlite3_bind_int64(q, 1, num);
	sqlite3_bind_text(q, 2, invoice_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	done(q);
	return rc;
}

void payref_owners_open(struct payref_owners *o, sqlite3 *db)
{
	memset(o, 0, sizeof *o);
	o->db = db;
}

void payref_owners_close(struct payref_owners *o)
{
	for (int i = 0; i < PAYREF_OWNERS_N; i++) {
		sqlite3_finalize(o->q[i]);
		o->q[i] = NULL;
	}
}

int payref_owner(sqlite3 *db, const char *stored, char invoice_no[65], char account_no[65])
{
	struct payref_owners o;
	payref_owners_open(&o, db);
	int rc = payref_owner_with(&o, stored, invoice_no, account_no);
	payref_owners_close(&o);
	return rc;
}

int payref_owner_with(struct payref_owners *o, const char *stored, char invoice_no[65], char account_no[65])
{
	invoice_no[0] = account_no[0] = '\0';
	sqlite3_stmt *q = owner_q(o, Q_BY_REF);
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, stored, -1, SQLITE_STATIC);
	int n = 0, rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW)
		if (n++ == 0) {
			copy(invoice_no, sqlite3_column_text(q, 0));
			copy(account_no, sqlite3_column_text(q, 1));
		}
	done(q);
	if (rc != SQLITE_DONE)
		return -1;
	long long num = payref_number(stored);
	if (n == 1 && num > 0) {
		/* the ledger's, unless the book made it for another as well */
		int taken = number_taken(o, num, invoice_no);
		if (taken < 0)
			return -1;
		if (taken)
			n = 2;
	}
	if (n > 1) {
		invoice_no[0] = account_no[0] = '\0';
		return PAYREF_OWNER_AMBIGUOUS;
	}
	if (n == 1)
		return PAYREF_OWNER_INVOICE;
	if (num < 0)
		return PAYREF_OWNER_NONE;
	for (int i = 0; i < 2; i++) {
		q = owner_q(o, i == 0 ? Q_INV_NO : Q_ACC_NO);
		if (!q)
			return -1;
		sqlite3_bind_int64(q, 1, num);
		rc = sqlite3_step(q);
		if (rc == SQLITE_ROW) {
			copy(invoice_no, sqlite3_column_text(q, 0));
			copy(account_no, sqlite3_column_text(q, 1));
		}
		done(q);
		if (rc == SQLITE_ROW)
			return i == 0 ? PAYREF_OWNER_INVOICE : PAYREF_OWNER_ACCOUNT;
		if (rc != SQLITE_DONE)
			return -1;
	}
	return PAYREF_OWNER_NONE;
}

void payref_invoice_of(const char *given, long long ref_no, int shared, const char *kind, char out[64])
{
	char stored[64];
	enum payref_kind k = payref_parse(given, strlen(given), stored, sizeof stored);
	if ((k == PAYREF_OGM || k == PAYREF_RF) && !shared)
		snprintf(out, 64, "%s", stored);
	else if (ref_no > 0)
		payref_of_number(ref_no, kind, out);
	else
		out[0] = '\0'; /* a row no import numbered: none rather than another's */
}

int payref_invoice(sqlite3 *db, const char *invoice_no, const char *kind, char out[64])
{
	out[0] = '\0';
	sqlite3_stmt *q = db_prepare(db, "SELECT " PAYREF_INVOICE_COLS("i") " FROM invoices i WHERE i.invoice_no = ?1");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, invoice_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		payref_invoice_of((const char *)sqlite3_column_text(q, 0), sqlite3_column_int64(q, 1),
				  sqlite3_column_int(q, 2), kind, out);
	sqlite3_finalize(q);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

int payref_account(sqlite3 *db, const char *account_no, const char *kind, char out[64])
{
	out[0] = '\0';
	sqlite3_stmt *q = db_prepare(db, "SELECT coalesce(ref_no, 0) FROM customers WHERE account_no = ?1");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW && sqlite3_column_int64(q, 0) > 0)
		payref_of_number(sqlite3_column_int64(q, 0), kind, out);
	sqlite3_finalize(q);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* ---- handing out numbers ------------------------------------------------ */

struct nums {
	long long *v;
	size_t n, cap;
};

static void push(struct nums *s, long long v)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		long long *grown = realloc(s->v, s->cap * sizeof *grown);
		if (!grown)
			abort();
		s->v = grown;
	}
	s->v[s->n++] = v;
}

static int by_value(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* The numbers of the book's ledger references that sql selects (bound
 * ?1, ?2 when given), those after last, into s. */
static int collect(sqlite3 *db, const char *sql, const char *lo, const char *hi, long long last, struct nums *s)
{
	sqlite3_stmt *q = db_prepare(db, sql);
	if (!q)
		return -1;
	if (lo) {
		sqlite3_bind_text(q, 1, lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, hi, -1, SQLITE_STATIC);
	}
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		long long num = payref_number((const char *)sqlite3_column_text(q, 0));
		if (num > last)
			push(s, num);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		db_say(db, "handing out reference numbers");
		return -1;
	}
	return 0;
}

int payref_numbers_begin(sqlite3 *db, const long long *staged, size_t nstaged, long long count)
{
	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS payref_next(last INTEGER, skips INTEGER);"
			"DELETE FROM temp.payref_next;"
			"CREATE TEMP TABLE IF NOT EXISTS payref_skip(g INTEGER);"
			"CREATE INDEX IF NOT EXISTS temp.payref_skip_g ON payref_skip(g);"
			"DELETE FROM temp.payref_skip"))
		return -1;
	/* IS NOT NULL: the partial indexes of the numbers answer at once */
	long long last = db_int(db, "SELECT max(coalesce((SELECT max(ref_no) FROM main.customers WHERE ref_no IS NOT NULL), 0), "
				    "coalesce((SELECT max(ref_no) FROM main.invoices WHERE ref_no IS NOT NULL), 0))");
	if (last < PAYREF_BOOK_FIRST - 1)
		last = PAYREF_BOOK_FIRST - 1;
	struct nums f = {0};
	for (size_t i = 0; i < nstaged; i++)
		if (staged[i] > last)
			push(&f, staged[i]);
	/* the RF references of the book once; its OGMs a window of numbers at
	 * a time (they sort as their numbers do), widened by the ones found */
	int rc = count > 0 ? collect(db, "SELECT reference FROM main.invoices WHERE reference >= 'RF' AND reference < 'RG'",
				     NULL, NULL, last, &f) : 0;
	long long from = last + 1, to = last + count;
	while (rc == 0 && count > 0 && from <= to && to < 10000000000LL) {
		char lo[24], hi[24];
		snprintf(lo, sizeof lo, "%010lld", from);
		snprintf(hi, sizeof hi, "%010lld", to + 1);
		rc = collect(db, "SELECT reference FROM main.invoices WHERE reference >= ?1 AND reference < ?2", lo, hi,
			     last, &f);
		if (f.n)
			qsort(f.v, f.n, sizeof *f.v, by_value);
		size_t k = 0, i = 0;
		for (; i < f.n && f.v[i] <= to; i++)
			k += i == 0 || f.v[i] != f.v[i - 1];
		from = to + 1;
		to = last + count + (long long)k;
	}
	sqlite3_stmt *ins = rc ? NULL : db_prepare(db, "INSERT INTO temp.payref_skip(g) VALUES (?1)");
	if (!rc && !ins)
		rc = -1;
	if (f.n)
		qsort(f.v, f.n, sizeof *f.v, by_value);
	/* g_j = f_j - j: the r-th number given is last + r + #{j: g_j < last + r} */
	long long j = 0;
	for (size_t i = 0; rc == 0 && i < f.n && f.v[i] < from; i++) {
		if (i && f.v[i] == f.v[i - 1])
			continue;
		sqlite3_bind_int64(ins, 1, f.v[i] - ++j);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	free(f.v);
	if (rc)
		return -1;
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO temp.payref_next VALUES (?1, ?2)");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, last);
	sqlite3_bind_int(st, 2, j > 0);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc)
		db_say(db, "handing out reference numbers");
	sqlite3_finalize(st);
	return rc;
}
