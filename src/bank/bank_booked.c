/* bank_booked.c — noticing, inside a ledger import's transaction, that the
 * ledger now shows money the bank brought first, so that a payment is
 * never counted twice and never lost (man/relance.1, "When the ledger books
 * a bank payment").
 *
 * Invoices: a matched credit lowered an invoice's open amount below the
 * ledger's figure (bank_allocations.ledger_open). The next open-items
 * import writes the ledger's figure L again. Each allocation not yet
 * booked, in the order the money came: when the ledger's figure fell by
 * it, the ledger has booked it (booked = 1, nothing subtracted); else it
 * is subtracted again from L and ledger_open becomes L, the ledger's
 * latest word. Only the invoices the import wrote are looked at, through
 * the partial index of allocations not booked: an import that meets none
 * costs one probe of an empty index.
 *
 * Payments: a matched credit whose money a ledger payment shows (the same
 * amount, dated from the credit's day to ten days after; the same
 * structured reference, the same bank reference, or else the same account
 * and the nearest day) gets that payment in ledger_payment; money_received
 * (migration 014) then counts the ledger's payment only.
 *
 * It never matches credits nor undoes a match (bank_match.c, bank_apply.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bank.h"
#include "base/lib.h"
#include "book/lib.h"

/* An allocation not yet booked of an invoice the import wrote, as read. */
struct pending {
	char invoice[65], movement[201], account[65];
	int64_t amount, ledger_open, L;      /* L: the open amount the import wrote */
};

/* Books or subtracts again the allocations p[0..n) of one invoice, in the
 * order the money came. Returns how many were booked, or -1. */
static int settle(sqlite3 *db, const struct pending *p, size_t n, const char *today_iso)
{
	/* the ledger's figure when the money came: each allocation's own
	 * ledger_open says it; the largest, should a later match have taken
	 * the lowered amount for it */
	int64_t before = 0, kept = 0, L = p[0].L;
	for (size_t i = 0; i < n; i++)
		if (p[i].ledger_open > before)
			before = p[i].ledger_open;
	int64_t fall = before - L; /* what the ledger booked since, to be explained */
	int booked = 0, rc = 0;
	sqlite3_stmt *book = db_prepare(db, "UPDATE bank_allocations SET booked = 1 "
					    "WHERE movement_id = ?1 AND invoice_no = ?2");
	sqlite3_stmt *keep = db_prepare(db, "UPDATE bank_allocations SET ledger_open = ?3 "
					    "WHERE movement_id = ?1 AND invoice_no = ?2 AND ledger_open IS NOT ?3");
	sqlite3_stmt *lower = db_prepare(db,
		"UPDATE invoices SET open_amount = ?2, status = iif(?2 <> 0, 'open', 'closed'), "
		"closed_on = iif(?2 <> 0, NULL, coalesce(closed_on, ?3)) WHERE invoice_no = ?1");
	if (!book || !keep || !lower)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		sqlite3_stmt *st = fall >= p[i].amount ? book : keep;
		if (st == book)
			fall -= p[i].amount, booked++;
		else
			kept += p[i].amount;
		sqlite3_bind_text(st, 1, p[i].movement, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, p[i].invoice, -1, SQLITE_STATIC);
		if (st == keep)
			sqlite3_bind_int64(st, 3, L);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
	}
	if (rc == 0 && kept) { /* never below nothing owed */
		sqlite3_bind_text(lower, 1, p[0].invoice, -1, SQLITE_STATIC);
		sqlite3_bind_int64(lower, 2, L > kept ? L - kept : 0);
		sqlite3_bind_text(lower, 3, today_iso, 10, SQLITE_STATIC);
		rc = sqlite3_step(lower) == SQLITE_DONE ? 0 : -1;
	}
	sqlite3_finalize(book);
	sqlite3_finalize(keep);
	sqlite3_finalize(lower);
	return rc ? -1 : booked;
}

/* The allocations not booked of the invoices the import stamped
 * imported_at, by invoice and in the order the money came, into *out
 * (read whole before any is written). Returns how many, or -1. */
static long read_pending(sqlite3 *db, const char *imported_at, struct pending **out)
{
	sqlite3_stmt *q = db_prepare(db,
		"SELECT a.invoice_no, a.movement_id, i.account_no, a.amount, a.ledger_open, i.open_amount "
		"FROM bank_allocations a INDEXED BY bank_allocations_invoice "
		"JOIN invoices i ON i.invoice_no = a.invoice_no "
		"JOIN bank_movements m ON m.id = a.movement_id "
		"WHERE a.booked = 0 AND i.imported_at = ?1 AND i.kind = 'invoice' AND m.status = 'matched' "
		"ORDER BY a.invoice_no, m.booking_date, a.movement_id");
	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, imported_at, -1, SQLITE_STATIC);
	struct pending *p = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			struct pending *np = realloc(p, (cap = cap ? 2 * cap : 8) * sizeof *p);
			if (!np)
				break;
			p = np;
		}
		struct pending *e = &p[n++];
		snprintf(e->invoice, sizeof e->invoice, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(e->movement, sizeof e->movement, "%s", (const char *)sqlite3_column_text(q, 1));
		snprintf(e->account, sizeof e->account, "%s", (const char *)sqlite3_column_text(q, 2));
		e->amount = sqlite3_column_int64(q, 3);
		e->ledger_open = sqlite3_column_int64(q, 4);
		e->L = sqlite3_column_int64(q, 5);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		free(p);
		return -1;
	}
	*out = p;
	return (long)n;
}

/* After an open-items import stamped imported_at. */
static int booked_invoices(struct book *b, const char *imported_at)
{
	sqlite3 *db = b->db;
	struct pending *p = NULL;
	long n = read_pending(db, imported_at, &p);
	char today_iso[11];
	date_iso(today(), today_iso);
	struct strset accounts;
	strset_init(&accounts);
	int booked = 0, rc = n < 0 ? -1 : 0;
	for (long i = 0, j; rc == 0 && i < n; i = j) {
		for (j = i + 1; j < n && !strcmp(p[j].invoice, p[i].invoice); j++)
			;
		int got = settle(db, p + i, (size_t)(j - i), today_iso);
		if (got < 0 || strset_add(&accounts, p[i].account, strlen(p[i].account), 0, NULL) < 0)
			rc = -1;
		booked += got > 0 ? got : 0;
	}
	if (rc)
		db_say(db, "booking the bank's payments");
	free(p);
	/* the accounts' figures, from the open amounts as they now stand */
	if (rc == 0 && accounts.count && summary_changed(db, &accounts))
		rc = -1;
	strset_free(&accounts);
	return rc ? -1 : booked;
}

/* How well ledger payment y (its ref, communication) shows movement m, the
 * amount, currency and account, or the bank reference, being the same and
 * its date in the window (booked_payments' query): 3 the same structured
 * reference, 2 the same bank reference, 1 the same amount only. */
static int shows(sqlite3_stmt *m, sqlite3_stmt *y)
{
	const char *ref = (const char *)sqlite3_column_text(m, 1);
	const char *bank_ref = (const char *)sqlite3_column_text(m, 2);
	const char *pref = (const char *)sqlite3_column_text(y, 0);
	const char *text = (const char *)sqlite3_column_text(y, 1);
	char found[64];
	if (ref && *ref && text && payref_find(text, found) != PAYREF_NONE && !strcmp(found, ref))
		return 3;
	if (bank_ref && *bank_ref && (!strcmp(pref, bank_ref) || (text && strstr(text, bank_ref))))
		return 2;
	return 1;
}

/* A payment that may show a movement: how well, and how many days apart. */
struct candidate {
	size_t movement;        /* its index in the movements read */
	char payment[65];
	int score;
	double days;
};

/* Best first: the surer reference, then the nearer date; then the earlier
 * movement and the smaller payment ref, so that the result never depends
 * on the order rows were read in. */
static int candidate_cmp(const void *pa, const void *pb)
{
	const struct candidate *a = pa, *b = pb;
	if (a->score != b->score)
		return b->score - a->score;
	if (a->days != b->days)
		return a->days < b->days ? -1 : 1;
	if (a->movement != b->movement)
		return a->movement < b->movement ? -1 : 1;
	return strcmp(a->payment, b->payment);
}

/* After a payments import: each matched credit the ledger does not yet
 * show is looked for among the payments of the same amount and currency,
 * dated from the credit's day (its value date, if earlier) to ten days
 * after it, of its account (or whose ref is its bank reference): a ledger
 * posts the money a few days later at most, and an older payment, or one
 * of another amount, is other money even with the same reference. Of the
 * pairs found, the surest are taken first (the same structured reference,
 * then the same bank reference, then the same amount on the nearest day),
 * each credit and each payment in one pair at most, and written once the
 * reading is over. */
static int booked_payments(struct book *b)
{
	sqlite3 *db = b->db;
	sqlite3_stmt *m = db_prepare(db,
		"SELECT id, reference, bank_ref, amount, booking_date, value_date, account_no, currency "
		"FROM bank_movements INDEXED BY bank_movements_account WHERE account_no IS NOT NULL "
		"AND status = 'matched' AND ledger_payment IS NULL ORDER BY account_no, booking_date, id");
	sqlite3_stmt *y = db_prepare(db,
		"SELECT payment_ref, communication, abs(julianday(date) - julianday(?4)) FROM payments "
		"WHERE (account_no = ?1 OR payment_ref = ?2) AND amount = ?3 AND currency = ?6 "
		"AND date >= min(?4, coalesce(?5, ?4)) AND date <= date(?4, '+10 days') ORDER BY payment_ref");
	sqlite3_stmt *t = db_prepare(db,
		"SELECT ledger_payment FROM bank_movements WHERE ledger_payment IS NOT NULL");
	struct strset taken, ids; /* payments the ledger's credits have; the movements read */
	strset_init(&taken);
	strset_init(&ids);
	struct candidate *c = NULL;
	size_t n = 0, cap = 0;
	int rc = m && y && t ? 0 : -1;
	while (rc == 0 && sqlite3_step(t) == SQLITE_ROW)
		if (strset_add(&taken, (const char *)sqlite3_column_text(t, 0),
			       (size_t)sqlite3_column_bytes(t, 0), 0, NULL) < 0)
			rc = -1;
	while (rc == 0 && sqlite3_step(m) == SQLITE_ROW) {
		size_t mi = ids.count;
		if (strset_add(&ids, (const char *)sqlite3_column_text(m, 0),
			       (size_t)sqlite3_column_bytes(m, 0), 0, NULL) < 0) {
			rc = -1;
			break;
		}
		sqlite3_bind_text(y, 1, (const char *)sqlite3_column_text(m, 6), -1, SQLITE_STATIC);
		db_bind_text_or_null(y, 2, (const char *)sqlite3_column_text(m, 2),
				     (size_t)sqlite3_column_bytes(m, 2));
		sqlite3_bind_int64(y, 3, sqlite3_column_int64(m, 3));
		sqlite3_bind_text(y, 4, (const char *)sqlite3_column_text(m, 4), -1, SQLITE_STATIC);
		sqlite3_bind_value(y, 5, sqlite3_column_value(m, 5));
		sqlite3_bind_text(y, 6, (const char *)sqlite3_column_text(m, 7), -1, SQLITE_STATIC);
		while (rc == 0 && sqlite3_step(y) == SQLITE_ROW) {
			const char *ref = (const char *)sqlite3_column_text(y, 0);
			if (strset_has(&taken, ref, strlen(ref), NULL))
				continue;
			if (n == cap) {
				struct candidate *nc = realloc(c, (cap = cap ? 2 * cap : 16) * sizeof *c);
				if (!nc) {
					rc = -1;
					break;
				}
				c = nc;
			}
			c[n].movement = mi;
			snprintf(c[n].payment, sizeof c[n].payment, "%s", ref);
			c[n].score = shows(m, y);
			c[n].days = sqlite3_column_double(y, 2);
			n++;
		}
		sqlite3_reset(y);
	}
	sqlite3_finalize(m);
	sqlite3_finalize(y);
	sqlite3_finalize(t);
	if (n)
		qsort(c, n, sizeof *c, candidate_cmp);
	sqlite3_stmt *set = rc ? NULL : db_prepare(db,
		"UPDATE bank_movements SET ledger_payment = ?2, updated_at = ?3 WHERE id = ?1");
	char *linked = calloc(ids.count ? ids.count : 1, 1);
	char now[21];
	now_utc(now);
	int booked = 0;
	if (!set || !linked)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *id;
		size_t nid;
		if (linked[c[i].movement] || strset_has(&taken, c[i].payment, strlen(c[i].payment), NULL))
			continue;
		if (strset_add(&taken, c[i].payment, strlen(c[i].payment), 0, NULL) < 0 ||
		    !strset_entry_at(&ids, c[i].movement, &id, &nid)) {
			rc = -1;
			break;
		}
		linked[c[i].movement] = 1;
		sqlite3_bind_text(set, 1, id, (int)nid, SQLITE_STATIC);
		sqlite3_bind_text(set, 2, c[i].payment, -1, SQLITE_STATIC);
		sqlite3_bind_text(set, 3, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(set) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(set);
		booked++;
	}
	if (rc)
		db_say(db, "booking the bank's payments");
	sqlite3_finalize(set);
	free(linked);
	free(c);
	strset_free(&taken);
	strset_free(&ids);
	return rc ? -1 : booked;
}

int bank_ledger_booked(struct book *b, const char *kind, const char *imported_at)
{
	if (!strcmp(kind, "invoices"))
		return booked_invoices(b, imported_at);
	if (!strcmp(kind, "payments"))
		return booked_payments(b);
	return 0;
}
