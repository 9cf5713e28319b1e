/* bank_review.c — what the workstation needs of the bank besides the
 * engine: an allocation typed as words read back ("F-1001=120.00
 * F-1002"), and an account's unapplied credit. */
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "base/lib.h"

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
		const char *eq = memchr(p, '=', len);
		size_t nolen = eq ? (size_t)(eq - p) : len;
		struct bank_alloc a = {{0}, 0};
		if (nolen == 0 || nolen >= sizeof a.invoice_no) {
			snprintf(err, errlen, "'%.*s': not an invoice number", (int)len, p);
			goto bad;
		}
		memcpy(a.invoice_no, p, nolen);
		if (eq) {
			const char *amt = eq + 1;
			size_t alen = len - nolen - 1;
			if (money_parse(amt, alen, money_mark_evidence(amt, alen), &a.amount) != MONEY_OK ||
			    a.amount <= 0) {
				snprintf(err, errlen, "%s: '%.*s' is not an amount above zero", a.invoice_no, (int)alen, amt);
				goto bad;
			}
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
bad:
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
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
