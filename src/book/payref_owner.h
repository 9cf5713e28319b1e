/* payref_owner.h — whose a structured payment reference is: the invoice
 * the ledger gave it to, or the invoice or account whose number (ref_no,
 * migration 015) it was made from; and the one reference an invoice or an
 * account is paid with, wherever it is printed or encoded (letters,
 * e-mails, QR codes, find). The book's numbers: handed out by imports. */
#ifndef RELANCE_PAYREF_OWNER_H
#define RELANCE_PAYREF_OWNER_H

#include "book.h"

enum payref_owner_kind {
	PAYREF_OWNER_NONE,      /* no invoice or account of the book */
	PAYREF_OWNER_INVOICE,   /* invoice_no and its account_no */
	PAYREF_OWNER_ACCOUNT,   /* account_no: its balance */
	PAYREF_OWNER_AMBIGUOUS  /* the ledger gave it to two invoices or more, or to one
				 * while a number of the book makes it for another
				 * invoice or an account: names none */
};
/* stored: payref's stored form (12 digits, RF...). The ledger's own
 * reference of one invoice first, then the book's numbers. -1 on error. */
int payref_owner(sqlite3 *db, const char *stored, char invoice_no[65], char account_no[65]);
/* The same for many lookups (an import): the statements prepared once,
 * when first needed, and kept until payref_owners_close. */
#define PAYREF_OWNERS_N 4
struct payref_owners {
	sqlite3 *db;
	sqlite3_stmt *q[PAYREF_OWNERS_N];
};
void payref_owners_open(struct payref_owners *o, sqlite3 *db);
int payref_owner_with(struct payref_owners *o, const char *stored, char invoice_no[65], char account_no[65]);
void payref_owners_close(struct payref_owners *o);

/* The book's numbers start here (migration 020): far above the numbers
 * ledgers make their structured references of (an invoice's number with
 * its check: +++000/0000/10197+++), so that the book's and the ledger's
 * do not meet. */
#define PAYREF_BOOK_FIRST 9000000001LL
#define PAYREF_BOOK_FIRST_TEXT "9000000001" /* the same, as an OGM's first ten digits */

/* SQL: the book's number a stored reference r (an SQL expression) is made
 * from, as payref_number reads it (NULL when none): an OGM's ten digits,
 * an RF's digits when they do not begin with 0. */
#define PAYREF_NUMBER_SQL(r) \
	"(CASE WHEN length(" r ") = 12 AND " r " NOT GLOB '*[^0-9]*' THEN CAST(substr(" r ", 1, 10) AS INTEGER) " \
	"WHEN " r " GLOB 'RF[0-9][0-9][1-9]*' AND length(" r ") <= 19 AND substr(" r ", 5) NOT GLOB '*[^0-9]*' " \
	"THEN CAST(substr(" r ", 5) AS INTEGER) END)"
/* SQL: 1 when the ledger's reference of invoice i (an alias of invoices)
 * is not its alone: another invoice has it from the ledger too, or it is
 * the one a number the book gave another invoice or an account makes. The
 * invoice is then paid with the reference of its own number. */
#define PAYREF_SHARED_SQL(i) \
	"(" i ".reference IS NOT NULL AND (" \
	"EXISTS (SELECT 1 FROM invoices o_ WHERE o_.reference = " i ".reference AND o_.invoice_no <> " i ".invoice_no) " \
	/* the numbers looked up only when one up to the largest given: once */ \
	"OR coalesce(" PAYREF_NUMBER_SQL(i ".reference") " <= (SELECT max(m_) FROM (SELECT max(ref_no) AS m_ " \
	"FROM customers WHERE ref_no IS NOT NULL UNION ALL SELECT max(ref_no) FROM invoices WHERE ref_no IS NOT NULL)) " \
	"AND (EXISTS (SELECT 1 FROM invoices o_ WHERE o_.ref_no = " PAYREF_NUMBER_SQL(i ".reference") \
	" AND o_.invoice_no <> " i ".invoice_no) " \
	"OR EXISTS (SELECT 1 FROM customers o_ WHERE o_.ref_no = " PAYREF_NUMBER_SQL(i ".reference") ")), 0)))"
/* The same for a query over many invoices: a WITH table payref_shared(r)
 * of every reference PAYREF_SHARED_SQL says is shared, read once (the
 * numbers through their ranges of the index of references), and the
 * columns of PAYREF_INVOICE_COLS that ask it. */
#define PAYREF_SHARED_CTE \
	"payref_shared(r) AS MATERIALIZED (" \
	"SELECT reference FROM invoices WHERE reference IS NOT NULL GROUP BY reference HAVING count(*) > 1 " \
	"UNION " PAYREF_SHARED_BOOK_SQL ")"
/* Its second part: the references that are the OGM or RF of a number the
 * book gave another invoice or an account (the first: those two invoices
 * have). */
#define PAYREF_SHARED_BOOK_SQL \
	"SELECT i_.reference FROM invoices i_ WHERE (i_.reference >= '" PAYREF_BOOK_FIRST_TEXT "' " \
	"AND i_.reference < (SELECT printf('%010d', 1 + " \
	"max(coalesce((SELECT max(ref_no) FROM customers WHERE ref_no IS NOT NULL), 0), " \
	"coalesce((SELECT max(ref_no) FROM invoices WHERE ref_no IS NOT NULL), 0)))) " \
	"OR i_.reference >= 'RF' AND i_.reference < 'RG') AND " PAYREF_SHARED_SQL("i_")
#define PAYREF_INVOICE_COLS_SWEEP(i) \
	"coalesce(" i ".reference, ''), coalesce(" i ".ref_no, 0), " i ".reference IN payref_shared"
/* The columns payref_invoice_of reads, for invoice alias i: the ledger's
 * reference (or ''), the book's number (or 0), whether it is shared. */
#define PAYREF_INVOICE_COLS(i) "coalesce(" i ".reference, ''), coalesce(" i ".ref_no, 0), " PAYREF_SHARED_SQL(i)

/* The reference an invoice is paid with, from PAYREF_INVOICE_COLS: the
 * ledger's own when it is a structured one (OGM or RF) that no other
 * invoice or account shares; else the one made from the book's number,
 * of kind "ogm" or "rf" (payref_of_number). "" when it has neither. */
void payref_invoice_of(const char *given, long long ref_no, int shared, const char *kind, char out[64]);
/* The same for an invoice of the book; and an account's own reference (a
 * QR code for its whole balance), made from its number. 0, 1 when there
 * is no such invoice or account (out ""), -1 on error. */
int payref_invoice(sqlite3 *db, const char *invoice_no, const char *kind, char out[64]);
int payref_account(sqlite3 *db, const char *account_no, const char *kind, char out[64]);


/* Under the write lock, before an import gives its new rows their
 * numbers: temp.payref_next holds the last number given (the largest of
 * customers' and invoices'), temp.payref_skip the numbers after it whose
 * OGM or RF is a ledger reference (of the book, or staged[0..nstaged):
 * the numbers of the references being imported), never given. Then
 * PAYREF_NEXT_SQL(r) is the r-th number to give (r from 1, in order).
 * 0, or -1 after a message. */
int payref_numbers_begin(sqlite3 *db, const long long *staged, size_t nstaged, long long count);
#define PAYREF_NEXT_SQL(r) \
	"((SELECT last FROM temp.payref_next) + " r " + CASE WHEN (SELECT skips FROM temp.payref_next) " \
	"THEN (SELECT count(*) FROM temp.payref_skip WHERE g < (SELECT last FROM temp.payref_next) + " r ") " \
	"ELSE 0 END)"

#endif
