/* country.h — the countries a Belgian company's debtors live in, as an
 * envelope writes them: the name in the letter's language, in capitals on
 * the last line of an address abroad (the UPU's and bpost's rule), and
 * where the postcode goes (before the town, after it, or on a line of its
 * own). It knows only these; it never guesses a name it lacks. */
#ifndef RELANCE_COUNTRY_H
#define RELANCE_COUNTRY_H

#include "sbuf.h"

enum postcode_place {
	POSTCODE_BEFORE_TOWN, /* "1000 Bruxelles", "75008 Paris", "1012 AB Amsterdam" */
	POSTCODE_AFTER_TOWN,  /* "New York NY 10001" (US, CA, AU, MT) */
	POSTCODE_OWN_LINE     /* the town, then "EC1A 1AA" below it (GB, IE) */
};

/* The name of `code` (ISO 3166 alpha-2, either case) in lang (en, fr, nl,
 * de; en when another), in capitals: "ALLEMAGNE", "VERENIGD KONINKRIJK";
 * NULL when the table lacks it. */
const char *country_name(const char *code, const char *lang);
enum postcode_place country_postcode_place(const char *code);

/* Appends the lines of a postal address to b, each ending in "\n": the
 * street; postcode and town as `country` lays them out (the `home`
 * country's way when country is empty); and, when country is neither
 * empty nor home, its name in lang in capitals as the last line (the code
 * itself when the table lacks it). Empty parts make no line. */
void country_address(const char *lang, const char *home, const char *street, const char *postcode,
		     const char *city, const char *country, struct sbuf *b);

#endif
