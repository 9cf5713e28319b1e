/* bank_review.c — the bank's credits as a collector reviews them (the
 * workstation's :bank, `relance bank list`): one row a movement, with the
 * invoices a match paid; and an allocation typed as words read back
 * ("F-1001=120.00 F-1002"). */
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "base/lib.h"

static const char *text(sqlite3_stmt *q, int col)
{
	const char *s = (const char *)sqlite3_column_text(q, col);
	return s ? s : "";
}

int bank_rows(struct book *b, int unmatched_only, bank_row_fn fn, void *arg)
{
	/* the list a collector works: the oldest credit first, as a bank
	 * statement reads; the whole list: the newest first */
	static const char *const sql[2] = {
		"SELECT m.id, m.booking_date, m.amount, m.currency, m.counterparty, m.iban, m.reference, "
		" m.communication, m.status, m.account_no, "
		" (SELECT group_concat(a.invoice_no, ' ') FROM bank_allocations a WHERE a.movement_id = m.id), "
		" m.rule, m.unapplied "
		"FROM bank_movements m ORDER BY m.booking_date DESC, m.id DESC",
		"SELECT m.id, m.booking_date, m.amount, m.currency, m.counterparty, m.iban, m.reference, "
		" m.communication, m.status, NULL, NULL, NULL, 0 "
		"FROM bank_movements m WHERE m.status IN ('unmatched', 'suggested') "
		"ORDER BY m.booking_date, m.id",
	};
	sqlite3_stmt *q = db_prepare(b->db, sql[unmatched_only != 0]);
	if (!q)
		return -1;
	int rc, n = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct bank_row r;
		r.id = text(q, 0);
		r.date = text(q, 1);
		r.amount = sqlite3_column_int64(q, 2);
		r.currency = text(q, 3);
		r.counterparty = text(q, 4);
		r.iban = text(q, 5);
		r.reference = text(q, 6);
		r.communication = text(q, 7);
		r.status = text(q, 8);
		r.account_no = text(q, 9);
		r.invoices = text(q, 10);
		r.rule = text(q, 11);
		r.unapplied = sqlite3_column_int64(q, 12);
		fn(&r, arg);
		n++;
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? n : -1;
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

int bank_assign(struct book *b, const char *movement_id, const char *account_no, const struct bank_alloc *a,
		size_t n, const char *user, char *err, size_t errlen)
{
	int nested;
	err[0] = '\0';
	if (db_tx_begin(b->db, &nested))
		return -1;
	if (bank_apply(b, movement_id, account_no, a, n, BANK_RULE_MANUAL, user, err, errlen)) {
		db_tx_rollback(b->db, nested);
		return -1;
	}
	return db_tx_commit(b->db, nested);
}

int bank_set_aside(struct book *b, const char *movement_id, const char *user, char *err, size_t errlen)
{
	int nested;
	err[0] = '\0';
	if (db_tx_begin(b->db, &nested))
		return -1;
	if (bank_ignore(b, movement_id, user, err, errlen)) {
		db_tx_rollback(b->db, nested);
		return -1;
	}
	return db_tx_commit(b->db, nested);
}
