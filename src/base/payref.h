/* payref.h — structured payment references: the Belgian structured
 * communication (OGM/VCS, +++ddd/dddd/ddddd+++) and ISO 11649 RF creditor
 * references. Reading, checking, making and writing them. */
#ifndef RELANCE_PAYREF_H
#define RELANCE_PAYREF_H
#include <stddef.h>

enum payref_kind {
	PAYREF_NONE,    /* empty */
	PAYREF_OGM,     /* out: 12 digits */
	PAYREF_RF,      /* out: "RF" + check + reference, upper case, no blanks */
	PAYREF_FREE,    /* out: the text as given */
	PAYREF_BAD_OGM, /* looks like an OGM, check digits wrong */
	PAYREF_BAD_RF   /* looks like an RF reference, check digits wrong */
};

/* Classifies s[0..n) and writes its stored form into out (size >= 64). */
enum payref_kind payref_parse(const char *s, size_t n, char *out, size_t size);
/* payref_parse for a person checking a reference (`relance ref check`):
 * also a plain 12-digit number with a wrong check is a BAD_OGM, and why
 * says in words what is wrong ("too short: 11 digits, 12 expected",
 * "character 5 ('a') is not a digit", "its check digits are wrong: 94,
 * expected 93"); "" when the reference is valid (or empty). */
enum payref_kind payref_check(const char *s, size_t n, char *out, size_t size, char *why, size_t whylen);
/* "+++123/4567/89002+++" from 12 digits (out: 21 bytes). */
void payref_ogm_format(const char *digits12, char out[21]);
/* The OGM for a 10-digit base number (out: 13 bytes, 12 digits). */
void payref_ogm_make(unsigned long long base10, char out[13]);
/* "RFkk" + ref, for a reference of up to 21 letters and digits; -1 if not. */
int payref_rf_make(const char *ref, char *out, size_t size);

/* The reference made from a number the book handed out (an account's
 * or an invoice's ref_no): kind "rf": RF + check + its digits; else the
 * OGM of it. payref_number: the number back from a stored OGM or RF
 * reference (an RF whose body is digits, the first not 0: one that
 * payref_of_number makes), or -1. */
void payref_of_number(long long n, const char *kind, char out[64]);
long long payref_number(const char *stored);
/* The first valid structured communication or RF reference written
 * anywhere in a free text (a bank transfer's message), in its stored form
 * in out (64 bytes). Returns PAYREF_OGM, PAYREF_RF or PAYREF_NONE. */
enum payref_kind payref_find(const char *text, char out[64]);
/* 1 when an IBAN (blanks allowed) has 15 to 34 characters, a country and
 * right check digits (ISO 13616: the RF references' mod 97). */
int iban_valid(const char *iban);
/* What a letter in lang (fr, nl, de; else en) calls the reference: the
 * structured communication for an OGM, the structured reference (RF) for
 * an RF reference, a plain "reference" for anything else. */
const char *payref_label(const char *stored, const char *lang);
/* A stored reference as people write it: +++ddd/dddd/ddddd+++, RF in
 * groups of four, anything else as it is. */
void payref_display(const char *stored, char *out, size_t size);

#endif
