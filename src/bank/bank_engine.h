/* bank_engine.h — inside the bank library only: the statements that
 * matching and applying share, prepared once for a whole import (or for
 * one command), and the verdict of the rules on one credit. Never
 * included outside src/bank/. */
#ifndef RELANCE_BANK_ENGINE_H
#define RELANCE_BANK_ENGINE_H
#include <stdint.h>

#include "bank.h"
#include "base/lib.h"

struct bank_engine {
	struct book *b;
	int bulk;               /* an import: promises, plans and figures once, at the end */
	struct strset touched;  /* bulk: the accounts money came to */
	char now[21];           /* updated_at of what it writes */
	char today_iso[11];
	day_t today;
	sqlite3_stmt *inv_by_no;     /* an invoice: account, open, kind, currency, ledger_open */
	sqlite3_stmt *inv_by_key;    /* open invoices whose number, normalised, is ?1 */
	sqlite3_stmt *inv_by_amount; /* open invoices of amount ?1 (two at most) */
	sqlite3_stmt *ibans;         /* the accounts of an IBAN (two at most) */
	sqlite3_stmt *open_of;       /* an account's open invoices, oldest due first */
	sqlite3_stmt *mv_get;        /* a movement */
	sqlite3_stmt *inv_pay;       /* lowers an invoice's open amount */
	sqlite3_stmt *alloc_ins;
	sqlite3_stmt *mv_matched;
	sqlite3_stmt *touch;         /* a new version of an invoice (sync_touch) */
	sqlite3_stmt *learn;         /* a counterparty's IBAN, learned */
	sqlite3_stmt *account_ok;
	sqlite3_stmt *iban_elsewhere; /* 1 when IBAN ?1 is known for another account than ?2 and not for ?2 */
	/* bulk: the versions of what it writes noted in temp.bank_versions
	 * under sync_quiet and made at the end in one statement (a trigger a
	 * row is most of an import's time) */
	int quiet;
	sqlite3_stmt *note;
	int64_t noted;          /* the units noted so far: the next one's number - 1 */
	struct journal_writer journal; /* the "payment received" entries */
	struct payref_owners owners;   /* whose a reference is (rules 1 and 2) */
};

int bank_engine_open(struct bank_engine *e, struct book *b, int bulk);
/* Bulk: the promises and plans evaluated and the figures of the accounts
 * money came to recomputed. 0 or -1. */
int bank_engine_finish(struct bank_engine *e);
/* Bulk: a new version of the unit (tbl, key) to make at the end (the
 * sync_touch of a write); not bulk, at once. 0 or -1. */
int bank_engine_version(struct bank_engine *e, const char *tbl, const char *key);
void bank_engine_close(struct bank_engine *e);

/* What the rules make of one credit. */
enum bank_verdict { BANK_UNMATCHED, BANK_SUGGESTED, BANK_MATCHED };
struct bank_match {
	enum bank_verdict verdict;
	const char *rule;            /* BANK_RULE_... when matched */
	char account_no[65];
	struct bank_alloc *alloc;    /* malloc'ed */
	size_t n;
};
struct bank_credit {
	int64_t amount;
	const char *currency, *iban, *reference, *communication, *counterparty;
};
/* Runs the rules on a credit. 0, or -1 on a database error. */
int bank_match_credit(struct bank_engine *e, const struct bank_credit *c, struct bank_match *m);
void bank_match_free(struct bank_match *m);

/* An import's credit that the rules matched, not yet in the book: the
 * checks of bank_apply_with, then write_movement(arg, unapplied) writes
 * the movement matched at once (its version noted), then the rest of the
 * match; the row is not written twice (new, then matched). With an
 * amount to fill (0), write_movement(arg, -1) writes it unmatched and
 * bank_apply_with matches it. 0, or -1 with err set. */
int bank_apply_new(struct bank_engine *e, const char *movement_id, int64_t amount, const char *currency,
		   const char *iban, const char *account_no, const struct bank_alloc *a, size_t n, const char *rule,
		   int (*write_movement)(void *arg, int64_t unapplied), void *arg, char *err, size_t errlen);

/* bank_apply with the engine's statements. */
int bank_apply_with(struct bank_engine *e, const char *movement_id, const char *account_no,
		    const struct bank_alloc *a, size_t n, const char *rule, const char *user,
		    char *err, size_t errlen);

/* A key of an invoice number as people write it: upper case, without
 * blanks and dashes, without the zeros in front (as migration 018's
 * index). out: at least n + 1 bytes. */
void bank_invoice_key(const char *s, size_t n, char *out);

/* The indexes of open invoices the rules look up: an invoice number as
 * people write it in a message (upper case, without blanks, dashes and
 * the zeros in front: the queries spell the expression word for word),
 * and an amount. Made by the first bank import of a book (migration 021
 * says why not by a migration). */
#define BANK_MATCH_INDEXES \
	"CREATE INDEX IF NOT EXISTS invoices_no_key ON invoices(ltrim(upper(replace(replace(invoice_no, ' ', ''), " \
	"'-', '')), '0')) WHERE status = 'open'; " \
	"CREATE INDEX IF NOT EXISTS invoices_open_amount ON invoices(open_amount) WHERE status = 'open'"

#endif
