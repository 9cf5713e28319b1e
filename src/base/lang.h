/* lang.h — the words and number and date forms of the four languages
 * messages are written in (en, fr, nl, de): amounts, dates, and the few
 * labels a letter's table and totals need. */
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

/* "en" when lang is not one of the four. */
const char *lang_known(const char *lang);
const char *lang_label(const char *lang, enum lang_label l);
/* "1,234.56 EUR" (en), "1 234,56 EUR" (fr), "1.234,56 EUR" (nl, de). */
void lang_money(const char *lang, int64_t cents, const char *currency, char *out, size_t size);
/* "24 November 2026", "24 novembre 2026", "24 november 2026", "24. November 2026". */
void lang_date(const char *lang, day_t d, char *out, size_t size);

#endif
