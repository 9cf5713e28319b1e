/* statement.h — bank statements as the bank writes them, read into one
 * shape whatever the format: CODA (Febelfin 2.x), camt.053 and camt.054
 * (ISO 20022). Reading (coda.c, camt.c, statement.c picks the format from
 * the content) and writing (coda_write.c, camt_write.c: the demo's files).
 * No SQL here: storing and matching are bank_store.c's and bank_match.c's. */
#ifndef RELANCE_BANK_STATEMENT_H
#define RELANCE_BANK_STATEMENT_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum bank_format { BANK_CODA, BANK_CAMT053, BANK_CAMT054 };

/* One movement (CODA: a movement record 2.x with its 3.x; camt: one
 * TxDtls of an Ntry, or the Ntry when it has none). Strings are malloc'ed
 * UTF-8, NULL when the bank gave nothing. */
struct bank_movement {
	char booking_date[11];  /* YYYY-MM-DD */
	char value_date[11];    /* "" when none */
	int64_t amount;         /* cents, signed: a credit (money in) > 0 */
	char currency[4];
	int reversal;           /* camt RvslInd, CODA's reversal codes */
	char *counterparty;     /* the debtor's (or creditor's) name */
	char *iban;             /* the counterparty's account, no blanks, upper case */
	char *bic;
	char *reference;        /* structured: payref's stored form (12 digits, RF...) */
	char *communication;    /* free text, lines joined by a blank */
	char *bank_ref;         /* the bank's own reference of the movement */
	unsigned line;          /* where in the file: CODA's line, camt's line of the Ntry */
};

struct bank_statement {
	enum bank_format format;
	char *id;               /* stable, from the bank: "coda:IBAN:YYYY:SEQ",
				 * "camt:IBAN:STMTID:SEQ" (camt.054:
				 * "camt054:IBAN:NTFCTNID"): coda.c and camt.c say why */
	char *iban;             /* the statement's own account */
	char currency[4];
	char *seq;              /* sequence number as the bank writes it */
	char date[11];          /* the statement's date (closing balance's) */
	int has_balances;       /* opening/closing given */
	int64_t opening, closing;
	unsigned line;          /* where it begins: CODA's record 1, camt's Stmt */
	struct bank_movement *mv;
	size_t n, cap;
};

struct bank_file {
	struct bank_statement *st;
	size_t n, cap;
};

/* Reads data[0..len) of the file named path (for messages): CODA when
 * it begins with a CODA header record, camt when it is XML with a camt
 * namespace. Returns 0, or -1 with a message in err naming the file, the
 * line (or element) and the field that is wrong ("bank.cod:3: record 2.1:
 * amount: not 15 digits"); nothing of a refused file is kept. Refused
 * too, whatever the format: an amount of more than 12 digits before the
 * decimal mark, a statement whose amounts add up past what cents can
 * count, a statement date or a booking date later than tomorrow (today()),
 * and two statements of one id that differ. A statement whose movements
 * do not add up from opening to closing is read, with a warning in warn
 * (one line per statement, "" when none). */
int bank_read(const char *path, const char *data, size_t len, struct bank_file *out,
	      char *err, size_t errlen, char *warn, size_t warnlen);
int coda_read(const char *path, const char *data, size_t len, struct bank_file *out,
	      char *err, size_t errlen);
int camt_read(const char *path, const char *data, size_t len, struct bank_file *out,
	      char *err, size_t errlen);
/* The sum of a statement's movements in *sum: 0, or -1 when it overflows. */
int bank_statement_sum(const struct bank_statement *s, int64_t *sum);
/* The warning for a statement whose movements do not add up, or NULL. */
const char *bank_statement_unbalanced(const struct bank_statement *s, char *buf, size_t size);
void bank_file_free(struct bank_file *f);
/* A new statement at the end of f, a new movement at the end of s, zeroed
 * (the readers' way to grow them); NULL when memory runs out. */
struct bank_statement *bank_file_add(struct bank_file *f);
struct bank_movement *bank_statement_add(struct bank_statement *s);

/* Writes f as a CODA file, as a camt.053 file (libxml2's writer). 0 or -1. */
int coda_write(FILE *out, const struct bank_file *f);
int camt_write(FILE *out, const struct bank_file *f);

#endif
