/* bank.h — bank movements in the book (tables of migration 014): storing
 * statements (all or nothing, a statement read twice changes nothing),
 * matching credits to invoices by one rule set (bank_match.c), applying a
 * match to the invoices, promises and plans in one transaction
 * (bank_apply.c), and noticing when the ledger has booked the same money
 * (bank_booked.c). */
#ifndef RELANCE_BANK_H
#define RELANCE_BANK_H
#include <stddef.h>
#include <stdint.h>

#include "book/lib.h"
#include "statement.h"

/* The rules, in the order they are tried; each match stores its name. */
#define BANK_RULE_REFERENCE    "reference"         /* 1: an invoice's reference */
#define BANK_RULE_ACCOUNT_REF  "account-reference" /* 2: an account's own reference */
#define BANK_RULE_INVOICE_NO   "invoice-number"    /* 3: invoice numbers in the text */
#define BANK_RULE_IBAN_AMOUNT  "iban-amount"       /* 4: known IBAN, amount fits */
#define BANK_RULE_MANUAL       "manual"            /* assigned by a collector */

struct bank_import_result {
	int statements, repeated;      /* new statements; ones already in the book */
	int movements, credits;
	int matched, suggested, unmatched;
	char warnings[2048];           /* statements that do not add up */
};

/* Stores the statements of f (read from path) and matches their credits,
 * in one transaction; a statement already in the book is left as it is
 * and counted in repeated. dry_run: the same, rolled back. 0, or -1 with
 * a message printed. A statement whose id is in the book with other
 * movements (their count, sum or closing balance) is refused, and all
 * of f with it: one would be taken for the other. Called inside a
 * transaction of the caller's (not a dry run), it writes in it without a
 * savepoint of its own: on -1 the caller rolls back. */
int bank_import(struct book *b, const char *path, const struct bank_file *f, int dry_run,
		struct bank_import_result *r);

/* What a credit pays: an invoice and how much of it. */
struct bank_alloc {
	char invoice_no[65];
	int64_t amount;
};

/* A candidate for an unmatched or suggested credit, best first. */
struct bank_candidate {
	char account_no[65];
	char name[129];
	char why[128];                 /* "same amount as F-1001", "name like ..." */
	int score;
	char invoice_no[65];           /* the invoice it is about, "" for the account */
	struct bank_alloc *alloc;      /* what it would pay (oldest first) */
	size_t nalloc;
};
/* The candidates for movement id (at most max), best first. Returns how
 * many, or -1. Free with bank_candidates_free. */
int bank_candidates(struct book *b, const char *movement_id, struct bank_candidate *out, size_t max);
void bank_candidates_free(struct bank_candidate *c, size_t n);

/* The allocation of amount to an account's open invoices, oldest due
 * first (an invoice under dispute last); the rest is unapplied. */
int bank_allocate_oldest(struct book *b, const char *account_no, int64_t amount,
			 struct bank_alloc **out, size_t *n, int64_t *unapplied);

/* Applies a credit to an account, in a transaction of its own (a
 * savepoint within the caller's when one is open): each
 * allocation lowers its invoice's open amount (closing it at zero; an
 * amount of 0: its open amount, within what the credit has left), the
 * rest is unapplied credit; the movement becomes 'matched' with rule;
 * the account's history gets a "payment received" entry; its promises
 * and plans are evaluated; its figures recomputed; a manual match teaches
 * the counterparty's IBAN to the account. 0, or -1 with err set. */
int bank_apply(struct book *b, const char *movement_id, const char *account_no,
	       const struct bank_alloc *a, size_t n, const char *rule, const char *user,
	       char *err, size_t errlen);
/* Undoes a match (the invoices get back what it took); the movement is
 * 'unmatched' again. bank_ignore: 'ignored', not a customer payment. */
int bank_unapply(struct book *b, const char *movement_id, const char *user, char *err, size_t errlen);
int bank_ignore(struct book *b, const char *movement_id, const char *user, char *err, size_t errlen);

/* What is stored, for the lists (bank_store.c): each statement, newest
 * first; each credit and debit, newest first (only the unmatched and
 * suggested credits when unmatched_only). Strings NULL when empty;
 * invoices: what a match paid, "F-1,F-2". 0 or -1. */
struct bank_statement_row {
	const char *id, *iban, *date, *currency;
	int has_balances;
	int64_t opening, closing;
	long movements;
};
struct bank_movement_row {
	const char *id, *date, *currency, *counterparty, *iban, *reference, *communication, *status,
		*account_no, *invoices, *rule;
	int64_t amount;
};
/* A movement's signed amount: 1 found, 0 no such movement, -1. */
int bank_movement_amount(struct book *b, const char *id, int64_t *amount);
int bank_statements_each(sqlite3 *db, void (*fn)(const struct bank_statement_row *, void *), void *arg);
int bank_movements_each(sqlite3 *db, int unmatched_only, void (*fn)(const struct bank_movement_row *, void *),
			void *arg);

/* One word of an allocation, w[0..len): "F-1001" (amount 0: none
 * given) or "F-1001=120.00". 0; 1 when the invoice number is empty or too
 * long; 2 when the amount is not one above zero. */
int bank_alloc_word(const char *w, size_t len, struct bank_alloc *a);
/* "F-1001=120.00 F-1002" (blanks, commas or semicolons between; an
 * invoice without an amount: amount 0, for the caller to fill) into a
 * malloc'ed array. 0, or -1 with err saying which word is wrong. */
int bank_alloc_parse(const char *words, struct bank_alloc **out, size_t *n, char *err, size_t errlen);

/* What the bank's matched credits left on an account beyond the invoices
 * they paid (until the ledger's payments show them): its unapplied
 * credit, cents; -1 on error. */
int64_t bank_unapplied(sqlite3 *db, const char *account_no);

/* After a ledger import wrote invoices ("invoices") or payments
 * ("payments"), in its transaction: what the ledger now shows is booked
 * and no longer subtracted; what it does not yet show is subtracted
 * again from the ledger's new figures. imported_at: the import's stamp
 * (the invoices it wrote carry it; the others still hold a lowered open
 * amount, not the ledger's). Returns how many were booked, -1. */
int bank_ledger_booked(struct book *b, const char *kind, const char *imported_at);

#endif
