/* account.h — one account as the ledger describes it: identity, contact
 * data, language, segment, collector and credit limit. */
#ifndef RELANCE_ACCOUNT_H
#define RELANCE_ACCOUNT_H
#include <stdint.h>

#include "book.h"

struct account {
	char *account_no, *name, *vat_no, *contact, *phone, *email, *street, *postcode, *city,
		*country, *language, *segment, *collector, *collector_name, *imported_at;
	int has_credit_limit;
	int64_t credit_limit;
};

/* Loads the account; returns 1, 0 when there is no such account, -1 on error. */
int account_load(sqlite3 *db, const char *account_no, struct account *a);
void account_free(struct account *a);

#endif
