/* dispute.h — disputed invoices: a dispute takes an invoice out of the
 * overdue figures, the queue order and dunning while it is open. */
#ifndef RELANCE_DISPUTE_H
#define RELANCE_DISPUTE_H

#include "book/lib.h"

/* Reasons and resolutions, as stored: NULL-terminated lists. */
extern const char *const dispute_reasons[];
extern const char *const dispute_resolutions[];

/* Opens a dispute on an open invoice (one open dispute per invoice).
 * Returns 0, 1 when refused (message printed), -1 on error. */
int dispute_open(struct book *b, const char *user, const char *invoice_no, const char *reason,
		 const char *note);
/* Resolves the open dispute of an invoice: credit_note, rejected or resolved. */
int dispute_resolve(struct book *b, const char *user, const char *invoice_no, const char *how,
		    const char *note);

#endif
