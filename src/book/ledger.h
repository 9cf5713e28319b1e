/* ledger.h — what is owed, as of today: per-account totals and aging
 * buckets, and the open items of one account. Every screen and command
 * that shows these figures gets them here. */
#ifndef RELANCE_LEDGER_H
#define RELANCE_LEDGER_H
#include <stdint.h>

#include "book.h"
#include "base/lib.h"

/* Aging buckets by days past due (today - due date). Credit notes count in
 * `open` and `current`, never in the overdue buckets. An invoice under open
 * dispute counts in `open` and `disputed` only: it is out of the overdue
 * figures while the dispute lasts. */
struct account_summary {
	const char *account_no, *name, *collector, *currency;
	int64_t open, overdue, current, d1_30, d31_60, d61_90, d90_plus, disputed;
	int oldest_days; /* of the oldest overdue invoice; 0 when none */
};

struct account_filter {
	const char *collector;  /* NULL: all */
	const char *account_no; /* NULL: all */
	int overdue_only;
};

/* Calls fn once per account and currency, by account number. Returns 0, or
 * -1 on a database error. */
int ledger_accounts(sqlite3 *db, day_t today, const struct account_filter *f,
		    void (*fn)(const struct account_summary *, void *), void *arg);

struct open_item {
	/* status: open, closed, or disputed (open, under an open dispute) */
	const char *invoice_no, *kind, *issue_date, *due_date, *currency, *status;
	const char *reference; /* the ledger's, as stored ("" none) */
	long long ref_no;      /* the book's number for it (0 none); ledger_items_refs only */
	int ref_shared;        /* the ledger's reference is not its alone (payref_owner.h); the same */
	int64_t amount, open;
	int days_past_due; /* negative: due in so many days */
};

/* 1 when the account is in the book, 0 when not, -1 on error. */
int ledger_account_exists(sqlite3 *db, const char *account_no);

/* Items of one account by due date: open ones, or all with all != 0.
 * Returns the number of items, or -1 (error printed) when the account is
 * not in the book. */
int ledger_items(sqlite3 *db, const char *account_no, day_t today, int all,
		 void (*fn)(const struct open_item *, void *), void *arg);
/* The same with ref_no and ref_shared filled in (whether the ledger's
 * reference is shared costs three lookups an item: asked only here). */
int ledger_items_refs(sqlite3 *db, const char *account_no, day_t today, int all,
		      void (*fn)(const struct open_item *, void *), void *arg);

/* A list of invoice numbers as people write it ("N1, N2 ,N3, N1") in the
 * form the book compares ("N1,N2,N3": each once). 0, or -1 when it does
 * not fit in size. */
int ledger_invoices_normal(const char *in, char *out, size_t size);
/* The open amount of the open invoices named in such a list, of an
 * account; -1 when one of them is not an open invoice of it, that number
 * then in bad (64 bytes; may be NULL). */
int64_t ledger_invoices_open(sqlite3 *db, const char *account_no, const char *invoices, char *bad);

#endif
