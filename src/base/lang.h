/* lang.h — the words and number and date forms of the four languages
 * messages are written in (en, fr, nl, de): numbers, amounts, rates,
 * dates, the greeting, the IBAN as printed, and the few labels a letter's
 * table and totals need. */
#ifndef RELANCE_LANG_H
#define RELANCE_LANG_H
#include <stddef.h>
#include <stdint.h>

#include "date.h"

enum lang_label {
	L_INVOICE, L_DATE, L_DUE, L_AMOUNT, L_OPEN,
	L_PRINCIPAL, L_INTEREST, L_COMPENSATION, L_FEE, L_DAMAGES, L_TOTAL,
	L_ACCOUNT, L_SCAN, L_REGISTERED, L_PAY, L_REFERENCE,
	L_COUNT
};

/* The marks the forms below use, as UTF-8. */
#define LANG_NBSP "\u00a0"   /* no-break space: before a currency, a "%" */
#define LANG_NNBSP "\u202f"  /* narrow no-break space: French thousands, "%" */

/* "en" when lang is not one of the four. */
const char *lang_known(const char *lang);
const char *lang_label(const char *lang, enum lang_label l);
/* value / 10^decimals (decimals 0 to 4), grouped by thousands: "1,234.56"
 * (en), "1 234,56" (fr, narrow no-break spaces), "1.234,56" (nl, de). */
void lang_number(const char *lang, int64_t value, int decimals, char *out, size_t size);
/* The number of cents, a no-break space, the currency (EUR when none):
 * "1,234.56 EUR" (en), "1 234,56 EUR" (fr), "1.234,56 EUR" (nl, de). */
void lang_money(const char *lang, int64_t cents, const char *currency, char *out, size_t size);
/* A yearly rate in hundredths of a percent, 1250: "12.50 %" (en),
 * "12,50 %" (fr: a narrow no-break space), "12,50 %" (nl, de). */
void lang_rate(const char *lang, int rate, char *out, size_t size);
/* "24 November 2026", "1er décembre 2026", "24 november 2026", "24. November 2026". */
void lang_date(const char *lang, day_t d, char *out, size_t size);
/* The greeting line of a letter to `contact` (a person; NULL or "" when
 * there is none): without one, the language's formal greeting ("Dear Sir
 * or Madam,", "Madame, Monsieur,", "Geachte heer, mevrouw,", "Sehr
 * geehrte Damen und Herren,"); with one, the person by name ("Dear Marie
 * Lambert,", "Bonjour Marie Lambert,", "Geachte Marie Lambert,", "Guten
 * Tag Marie Lambert,"), and the gendered form when the name begins with a
 * title in any of the four languages (Mr, Mrs, Ms, M., Mme, Madame,
 * Monsieur, dhr., mevr., de heer, mevrouw, Herr, Frau): "Dear Ms Lambert,",
 * "Bonjour Madame Lambert,", "Geachte mevrouw Lambert,", "Sehr geehrte
 * Frau Lambert,". */
void lang_greeting(const char *lang, const char *contact, char *out, size_t size);
/* An IBAN as printed on paper: capitals in groups of four, "BE68 5390
 * 0754 7034" (blanks in iban do not matter). Machines (the EPC QR code)
 * take it without blanks. */
void iban_grouped(const char *iban, char *out, size_t size);

#endif
