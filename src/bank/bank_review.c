/* bank_review.c — what the workstation needs of the bank besides the
 * engine: an allocation typed as words read back ("F-1001=120.00
 * F-1002"), and an account's unapplied credit. */
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "base/lib.h"

int bank_alloc_word(const char *w, size_t len, struct bank_alloc *a)
{
	const char *eq = memchr(w, '=', len);
	size_t nolen = eq ? (size_t)(eq - w) : len;
	memset(a, 0, sizeof *a);
	if (nolen == 0 || nolen >= sizeof a->invoice_no)
		return 1;
	memcpy(a->invoice_no, w, nolen);
	if (eq && (money_parse(eq + 1, len - nolen - 1, MARK_UNKNOWN, &a->amount) != MONEY_OK || a->amount <= 0))
		return 2;
	return 0;
}

int bank_alloc_parse(const char *words, struct bank_alloc **out, size_t *n, char *err, size_t errlen)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	const char *p = words;
	for (;;) {
		p += strspn(p, " \t,;");
		if (!*p)
			return 0;
		size_t len = strcspn(p, " \t,;");
		struct bank_alloc a;
		int bad = bank_alloc_word(p, len, &a);
		if (bad) {
			const char *amt = memchr(p, '=', len);
			if (bad == 1)
				snprintf(err, errlen, "'%.*s': not an invoice number", (int)len, p);
			else
				snprintf(err, errlen, "%s: '%.*s' is not an amount above zero", a.invoice_no,
					 (int)(p + len - amt - 1), amt + 1);
			free(*out);
			*out = NULL;
			*n = 0;
			return -1;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			struct bank_alloc *m = realloc(*out, cap * sizeof *m);
			if (!m)
				abort();
			*out = m;
		}
		(*out)[(*n)++] = a;
		p += len;
	}
}

int64_t bank_unapplied(sqlite3 *db, const char *account_no)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT coalesce(sum(unapplied), 0) FROM bank_movements "
					 "WHERE account_no = ?1 AND status = 'matched' AND ledger_payment IS NULL");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, account_no, -1, SQLITE_STATIC);
	int64_t sum = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_finalize(q);
	return sum;
}
