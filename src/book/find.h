/* find.h — finding any account of the book from one text, whatever the
 * collector has at hand: the account's number, its name, contact, phone,
 * e-mail or VAT number, or one of its invoices' number or payment
 * reference. What `relance find`, F and :find in the workstation, and the
 * Tab of :goto ask. */
#ifndef RELANCE_FIND_H
#define RELANCE_FIND_H
#include <stddef.h>

#include "book.h"

/* Why an account matched, best first: the results are in this order, then
 * by account number. */
enum find_class {
	FC_NUMBER,        /* the account number, whole (case aside) */
	FC_INVOICE,       /* an invoice or credit note number, whole */
	FC_REFERENCE,     /* an invoice's structured payment reference */
	FC_VAT,           /* the VAT number, whole (blanks, dots, country aside) */
	FC_EMAIL,         /* one of its e-mail addresses, whole */
	FC_PHONE,         /* one of its phone numbers (its last 8 or 9 digits) */
	FC_NUMBER_PREFIX, /* the account number begins with the text */
	FC_NAME_PREFIX,   /* the name begins with it (case, accents, punctuation aside) */
	FC_NAME,          /* the name holds it */
	FC_CONTACT,       /* the contact's name holds it */
	FC_EMAIL_PART,    /* an e-mail address holds it */
	FC_PHONE_PART,    /* the digits of a phone number hold its digits */
	FC_VAT_PART,      /* the VAT number holds it */
	FC_COUNT
};

struct find_match {
	char *account_no, *name;
	enum find_class cls;
	char *detail; /* what matched: the number, address, invoice... ("" when
		       * the name or number says it) */
};

struct find_result {
	struct find_match *m;
	size_t n;     /* kept: at most the limit asked */
	size_t total; /* accounts that matched; total - n were left out */
};

/* The word for a class: "number", "invoice", "reference", "VAT",
 * "e-mail", "phone", "name", "contact". */
const char *find_class_word(enum find_class c);

/* Every account the text finds, best first, at most limit of them kept
 * (total counts them all). Names and contacts are compared without regard
 * to case, accents and punctuation; a text of digits (with blanks, +, -,
 * /, . and brackets) of 4 digits or more is also looked for in the phone
 * numbers, where a 00 or 0 in front does not count: with 8 digits or
 * more it finds the numbers ending with the same last 9 digits (8 when
 * either number has only 8), with fewer those whose digits hold them. A
 * text that is a structured communication or an RF reference, in any
 * usual spelling, finds the account of the invoice (or the account) a
 * payment quoting it is matched to (payref_owner), or, when the ledger
 * gave it to several invoices, each of them.
 * 0, or -1 after a message. */
int find_accounts(sqlite3 *db, const char *text, size_t limit, struct find_result *r);
void find_result_free(struct find_result *r);

/* The account numbers that begin with prefix, in order: at most limit in
 * no[], more set when there are others; common is the longest beginning
 * all of them share (prefix itself when none matches). For :goto's Tab:
 * a range of the customers' key, never a scan. */
struct find_prefix {
	char **no;
	size_t n;
	int more;
	char common[72];
};
int find_account_prefix(sqlite3 *db, const char *prefix, size_t limit, struct find_prefix *p);
void find_prefix_free(struct find_prefix *p);

#endif
