/* lang.c — the forms of the four languages letters are written in:
 * numbers grouped by thousands (en ',', fr narrow no-break space, nl and de
 * '.'), amounts with the currency after a no-break space, rates "12,50 %",
 * French dates on the first of the month ("1er décembre"), the greeting
 * with and without a contact person (and with a title in any language),
 * the IBAN in groups of four; then the country table: names in capitals
 * in each language, postcode places (GB's own line, US after the town,
 * NL "1234 AB" kept), no country line at home, the code when unknown. */
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>

#define NB "\u00a0"
#define NNB "\u202f"

static day_t day(const char *s)
{
	day_t d = 0;
	if (date_parse(s, strlen(s), DATE_ISO, &d) != 0)
		printf("# bad fixture %s\n", s);
	return d;
}

static void numbers(void)
{
	char out[96];
	lang_number("en", 123456789, 2, out, sizeof out);
	is_str(out, "1,234,567.89", "en: commas and a point");
	lang_number("fr", 123456789, 2, out, sizeof out);
	is_str(out, "1" NNB "234" NNB "567,89", "fr: narrow no-break spaces and a comma");
	lang_number("nl", 123456789, 2, out, sizeof out);
	is_str(out, "1.234.567,89", "nl: points and a comma");
	lang_number("de", -100000, 2, out, sizeof out);
	is_str(out, "-1.000,00", "de: a negative thousand");
	lang_number("fr", 5, 2, out, sizeof out);
	is_str(out, "0,05", "five cents: a leading zero");
	lang_number("nl", -5, 2, out, sizeof out);
	is_str(out, "-0,05", "minus five cents");
	lang_number("de", 1234, 0, out, sizeof out);
	is_str(out, "1.234", "no decimals: 1.234 days in German");
	lang_number("en", 999, 0, out, sizeof out);
	is_str(out, "999", "no group under a thousand");
	lang_number("fr", INT64_MIN, 2, out, sizeof out);
	is_str(out, "-92" NNB "233" NNB "720" NNB "368" NNB "547" NNB "758,08", "the smallest int64, whole");
	lang_number("es", 123456, 2, out, sizeof out);
	is_str(out, "1,234.56", "another language: English");
}

static void amounts_and_rates(void)
{
	char out[96];
	lang_money("en", 123456, "EUR", out, sizeof out);
	is_str(out, "1,234.56" NB "EUR", "en: the currency after a no-break space");
	lang_money("fr", 123456, "EUR", out, sizeof out);
	is_str(out, "1" NNB "234,56" NB "EUR", "fr");
	lang_money("nl", 123456, "", out, sizeof out);
	is_str(out, "1.234,56" NB "EUR", "nl, no currency: EUR");
	lang_money("de", 4000, "USD", out, sizeof out);
	is_str(out, "40,00" NB "USD", "de, another currency");
	lang_rate("en", 1250, out, sizeof out);
	is_str(out, "12.50" NB "%", "en rate");
	lang_rate("fr", 1250, out, sizeof out);
	is_str(out, "12,50" NNB "%", "fr rate: a comma, a narrow no-break space before %%");
	lang_rate("nl", 1050, out, sizeof out);
	is_str(out, "10,50" NB "%", "nl rate");
	lang_rate("de", 800, out, sizeof out);
	is_str(out, "8,00" NB "%", "de rate");
}

static void dates(void)
{
	char out[64];
	lang_date("fr", day("2026-12-01"), out, sizeof out);
	is_str(out, "1er décembre 2026", "fr: the first of the month is 1er");
	lang_date("fr", day("2026-12-02"), out, sizeof out);
	is_str(out, "2 décembre 2026", "fr: the second is 2");
	lang_date("fr", day("2027-01-11"), out, sizeof out);
	is_str(out, "11 janvier 2027", "fr: 11, not 11er");
	lang_date("fr", day("2027-01-21"), out, sizeof out);
	is_str(out, "21 janvier 2027", "fr: 21, not 21er");
	lang_date("en", day("2026-12-01"), out, sizeof out);
	is_str(out, "1 December 2026", "en: 1");
	lang_date("nl", day("2026-12-01"), out, sizeof out);
	is_str(out, "1 december 2026", "nl: 1");
	lang_date("de", day("2026-12-01"), out, sizeof out);
	is_str(out, "1. Dezember 2026", "de: 1.");
}

#define G(lang, contact, want) do { \
		lang_greeting(lang, contact, out, sizeof out); \
		is_str(out, want, "%s greeting to %s", lang, contact ? contact : "nobody"); \
	} while (0)

static void greetings(void)
{
	char out[300];
	G("en", NULL, "Dear Sir or Madam,");
	G("fr", "", "Madame, Monsieur,");
	G("nl", " ", "Geachte heer, mevrouw,");
	G("de", NULL, "Sehr geehrte Damen und Herren,");
	G("en", "Marie Lambert", "Dear Marie Lambert,");
	G("fr", "Marie Lambert", "Bonjour Marie Lambert,");
	G("nl", "Marie Lambert", "Geachte Marie Lambert,");
	G("de", "Marie Lambert", "Guten Tag Marie Lambert,");
	G("en", "Mme Lambert", "Dear Ms Lambert,");
	G("fr", "Mrs Lambert", "Bonjour Madame Lambert,");
	G("nl", "Frau Lambert", "Geachte mevrouw Lambert,");
	G("de", "mevr. Lambert", "Sehr geehrte Frau Lambert,");
	G("en", "Herr Müller", "Dear Mr Müller,");
	G("fr", "de heer Peeters", "Bonjour Monsieur Peeters,");
	G("nl", "M. Dupont", "Geachte heer Dupont,");
	G("de", "Mr. Smith", "Sehr geehrter Herr Smith,");
	G("de", "Monsieur", "Guten Tag Monsieur,");
	G("en", "Mmeister", "Dear Mmeister,");
}

static void ibans(void)
{
	char out[64];
	iban_grouped("BE68539007547034", out, sizeof out);
	is_str(out, "BE68 5390 0754 7034", "groups of four");
	iban_grouped("be68 5390 0754 7034", out, sizeof out);
	is_str(out, "BE68 5390 0754 7034", "blanks and case do not matter");
	iban_grouped("FR7630006000011234567890189", out, sizeof out);
	is_str(out, "FR76 3000 6000 0112 3456 7890 189", "the last group shorter");
	iban_grouped("", out, sizeof out);
	is_str(out, "", "none: nothing");
}

static const char *address(const char *lang, const char *street, const char *pc, const char *city,
			   const char *country)
{
	static char out[400];
	struct sbuf b = {0};
	country_address(lang, "BE", street, pc, city, country, &b);
	snprintf(out, sizeof out, "%.*s", (int)b.len, b.s ? b.s : "");
	sbuf_free(&b);
	return out;
}

static void countries(void)
{
	is_str(country_name("DE", "fr"), "ALLEMAGNE", "DE in French");
	is_str(country_name("de", "nl"), "DUITSLAND", "de (either case) in Dutch");
	is_str(country_name("GB", "de"), "VEREINIGTES KÖNIGREICH", "GB in German");
	is_str(country_name("NL", "en"), "NETHERLANDS", "NL in English");
	is_str(country_name("US", "fr"), "ÉTATS-UNIS", "US in French, capitals with their accent");
	is_str(country_name("CH", "es"), "SWITZERLAND", "another language: English");
	is_int(country_postcode_place("gb"), POSTCODE_OWN_LINE, "GB: the postcode on its own line");
	is_int(country_postcode_place("ZZ"), POSTCODE_BEFORE_TOWN, "unknown: before the town");
	ok(country_name("ZZ", "fr") == NULL, "an unknown code: no name");
	ok(country_name("D", "fr") == NULL && country_name(NULL, "fr") == NULL, "not a code: no name");
	is_str(address("fr", "Rue Haute 1", "1000", "Bruxelles", "BE"), "Rue Haute 1\n1000 Bruxelles\n",
	       "at home: no country line");
	is_str(address("fr", "Rue Haute 1", "1000", "Bruxelles", ""), "Rue Haute 1\n1000 Bruxelles\n",
	       "no country: at home");
	is_str(address("fr", "Hauptstraße 5", "10115", "Berlin", "DE"), "Hauptstraße 5\n10115 Berlin\nALLEMAGNE\n",
	       "Germany from a French letter: postcode, town; ALLEMAGNE last");
	is_str(address("en", "1 High Street", "EC1A 1AA", "London", "GB"),
	       "1 High Street\nLondon\nEC1A 1AA\nUNITED KINGDOM\n", "the UK: the town, then the postcode on its own line");
	is_str(address("nl", "Damrak 1", "1012 AB", "Amsterdam", "NL"), "Damrak 1\n1012 AB Amsterdam\nNEDERLAND\n",
	       "the Netherlands: \"1012 AB\" kept, before the town");
	is_str(address("de", "1 Main St", "NY 10001", "New York", "US"),
	       "1 Main St\nNew York NY 10001\nVEREINIGTE STAATEN\n", "the US: the postcode after the town");
	is_str(address("fr", "1 Road", "12345", "Nowhere", "ZZ"), "1 Road\n12345 Nowhere\nZZ\n",
	       "an unknown country: its code kept");
	is_str(address("fr", "", "", "Genève", "CH"), "Genève\nSUISSE\n", "empty parts: no line");
}

int main(void)
{
	numbers();
	amounts_and_rates();
	dates();
	greetings();
	ibans();
	countries();
	return done_testing();
}
