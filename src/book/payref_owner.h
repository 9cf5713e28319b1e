/* payref_owner.h — whose a structured payment reference is: the invoice
 * the ledger gave it to, or the invoice or account whose number (ref_no,
 * migration 015) it was made from. */
#ifndef RELANCE_PAYREF_OWNER_H
#define RELANCE_PAYREF_OWNER_H

#include "book.h"

enum payref_owner_kind {
	PAYREF_OWNER_NONE,      /* no invoice or account of the book */
	PAYREF_OWNER_INVOICE,   /* invoice_no and its account_no */
	PAYREF_OWNER_ACCOUNT,   /* account_no: its balance */
	PAYREF_OWNER_AMBIGUOUS  /* the ledger gave it to two invoices or more: names none */
};
/* stored: payref's stored form (12 digits, RF...). The ledger's own
 * reference of one invoice first, then the book's numbers. -1 on error. */
int payref_owner(sqlite3 *db, const char *stored, char invoice_no[65], char account_no[65]);

#endif
