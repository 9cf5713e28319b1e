/* money.h — amounts as integer cents: parsing the ways accounting exports
 * write them, detecting a file's decimal mark, and formatting. Never a float. */
#ifndef RELANCE_MONEY_H
#define RELANCE_MONEY_H
#include <stddef.h>
#include <stdint.h>

/* The largest amount the book holds, in cents: 999,999,999,999.99. */
#define MONEY_MAX_CENTS 99999999999999LL

enum decimal_mark { MARK_UNKNOWN, MARK_POINT, MARK_COMMA };

enum money_error {
	MONEY_OK,
	MONEY_EMPTY,
	MONEY_SYNTAX,     /* not an amount */
	MONEY_DECIMALS,   /* more than two decimals */
	MONEY_AMBIGUOUS,  /* "1.234": thousands or decimals? mark unknown */
	MONEY_RANGE       /* too large */
};

/* What one value says about the decimal mark: MARK_POINT or MARK_COMMA when
 * it decides ("12,50", "1.234,56", "1,234,567"), MARK_UNKNOWN when it does
 * not ("1234", "1.234"). */
enum decimal_mark money_mark_evidence(const char *s, size_t n);

/* Parses s[0..n) into cents. Accepts a leading or trailing sign, brackets
 * for negatives, spaces, non-breaking spaces and apostrophes as thousands
 * separators, and "€" or "EUR" before or after the number. With
 * MARK_UNKNOWN, a lone separator followed by three digits is ambiguous. */
enum money_error money_parse(const char *s, size_t n, enum decimal_mark mark, int64_t *cents);
const char *money_error_text(enum money_error e);

/* "1234.56", "-0.05": the exchange format (tsv, json, csv). */
void money_format(int64_t cents, char *out, size_t size);
/* "1,234.56": for people. */
void money_format_grouped(int64_t cents, char *out, size_t size);

#endif
