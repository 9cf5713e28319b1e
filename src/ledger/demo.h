/* demo.h — the demo book: a deterministic, realistic book made from a seed.
 * The ledger part is written as the three CSV files an accounting system
 * would export and goes through the ordinary import; the collector work
 * (calls, notes, promises kept and broken, tasks, disputes) is added
 * after, in the same transaction. */
#ifndef RELANCE_DEMO_H
#define RELANCE_DEMO_H
#include <stdint.h>

#include "book/lib.h"
#include "base/lib.h"

struct demo_opts {
	long accounts;
	uint64_t seed;
};

struct demo_files {
	struct sbuf customers, invoices, payments;
};

/* Builds the three CSV files in memory; history facts are kept in *state
 * (NULL: not wanted) for demo_build. Returns 0. */
int demo_generate(const struct demo_opts *o, day_t today, struct demo_files *out, void **state);
void demo_files_free(struct demo_files *f);

/* Fills an empty book; refuses (and changes nothing) when it is not empty.
 * Prints a summary. Returns 0, or -1 after a message. */
int demo_build(struct book *b, const struct demo_opts *o);

/* Writes the demo's bank files into dir (demo_bank.c): yesterday's
 * statement as demo-bank.cod (CODA), today's as demo-bank.xml (camt.053),
 * `credits` credits in all paying the book's overdue invoices (by
 * reference, by invoice number, by the account's reference, by a known
 * IBAN, in part, too much) or from payers the book does not know; and
 * bank-payments.csv, the customers' credits as the ledger would export
 * them. 0, or -1 after a message. */
int demo_bank_write(struct book *b, const struct demo_opts *o, const char *dir, long credits);

/* Writes customers.csv, invoices.csv and payments.csv into dir. */
int demo_write_csv(const struct demo_opts *o, const char *dir);

#endif
