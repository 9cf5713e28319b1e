/* country.c — country names in four languages and where each country puts
 * its postcode, for addresses on envelopes. A table, not a locale: the
 * names are the ones a Belgian sender writes (EU, EEA, the United Kingdom,
 * Switzerland and a few trading partners); a code not in it is written as
 * it is, never dropped. */
#include "country.h"

#include <string.h>

#include "lang.h"

static const struct country {
	char code[3];
	enum postcode_place place;
	const char *name[4]; /* en, fr, nl, de, in capitals */
} countries[] = {
	{"AD", POSTCODE_BEFORE_TOWN, {"ANDORRA", "ANDORRE", "ANDORRA", "ANDORRA"}},
	{"AE", POSTCODE_BEFORE_TOWN, {"UNITED ARAB EMIRATES", "ÉMIRATS ARABES UNIS", "VERENIGDE ARABISCHE EMIRATEN",
				      "VEREINIGTE ARABISCHE EMIRATE"}},
	{"AT", POSTCODE_BEFORE_TOWN, {"AUSTRIA", "AUTRICHE", "OOSTENRIJK", "ÖSTERREICH"}},
	{"AU", POSTCODE_AFTER_TOWN, {"AUSTRALIA", "AUSTRALIE", "AUSTRALIË", "AUSTRALIEN"}},
	{"BE", POSTCODE_BEFORE_TOWN, {"BELGIUM", "BELGIQUE", "BELGIË", "BELGIEN"}},
	{"BG", POSTCODE_BEFORE_TOWN, {"BULGARIA", "BULGARIE", "BULGARIJE", "BULGARIEN"}},
	{"CA", POSTCODE_AFTER_TOWN, {"CANADA", "CANADA", "CANADA", "KANADA"}},
	{"CH", POSTCODE_BEFORE_TOWN, {"SWITZERLAND", "SUISSE", "ZWITSERLAND", "SCHWEIZ"}},
	{"CN", POSTCODE_BEFORE_TOWN, {"CHINA", "CHINE", "CHINA", "CHINA"}},
	{"CY", POSTCODE_BEFORE_TOWN, {"CYPRUS", "CHYPRE", "CYPRUS", "ZYPERN"}},
	{"CZ", POSTCODE_BEFORE_TOWN, {"CZECHIA", "TCHÉQUIE", "TSJECHIË", "TSCHECHIEN"}},
	{"DE", POSTCODE_BEFORE_TOWN, {"GERMANY", "ALLEMAGNE", "DUITSLAND", "DEUTSCHLAND"}},
	{"DK", POSTCODE_BEFORE_TOWN, {"DENMARK", "DANEMARK", "DENEMARKEN", "DÄNEMARK"}},
	{"EE", POSTCODE_BEFORE_TOWN, {"ESTONIA", "ESTONIE", "ESTLAND", "ESTLAND"}},
	{"ES", POSTCODE_BEFORE_TOWN, {"SPAIN", "ESPAGNE", "SPANJE", "SPANIEN"}},
	{"FI", POSTCODE_BEFORE_TOWN, {"FINLAND", "FINLANDE", "FINLAND", "FINNLAND"}},
	{"FR", POSTCODE_BEFORE_TOWN, {"FRANCE", "FRANCE", "FRANKRIJK", "FRANKREICH"}},
	{"GB", POSTCODE_OWN_LINE, {"UNITED KINGDOM", "ROYAUME-UNI", "VERENIGD KONINKRIJK", "VEREINIGTES KÖNIGREICH"}},
	{"GR", POSTCODE_BEFORE_TOWN, {"GREECE", "GRÈCE", "GRIEKENLAND", "GRIECHENLAND"}},
	{"HR", POSTCODE_BEFORE_TOWN, {"CROATIA", "CROATIE", "KROATIË", "KROATIEN"}},
	{"HU", POSTCODE_BEFORE_TOWN, {"HUNGARY", "HONGRIE", "HONGARIJE", "UNGARN"}},
	{"IE", POSTCODE_OWN_LINE, {"IRELAND", "IRLANDE", "IERLAND", "IRLAND"}},
	{"IN", POSTCODE_AFTER_TOWN, {"INDIA", "INDE", "INDIA", "INDIEN"}},
	{"IS", POSTCODE_BEFORE_TOWN, {"ICELAND", "ISLANDE", "IJSLAND", "ISLAND"}},
	{"IT", POSTCODE_BEFORE_TOWN, {"ITALY", "ITALIE", "ITALIË", "ITALIEN"}},
	{"JP", POSTCODE_BEFORE_TOWN, {"JAPAN", "JAPON", "JAPAN", "JAPAN"}},
	{"LI", POSTCODE_BEFORE_TOWN, {"LIECHTENSTEIN", "LIECHTENSTEIN", "LIECHTENSTEIN", "LIECHTENSTEIN"}},
	{"LT", POSTCODE_BEFORE_TOWN, {"LITHUANIA", "LITUANIE", "LITOUWEN", "LITAUEN"}},
	{"LU", POSTCODE_BEFORE_TOWN, {"LUXEMBOURG", "LUXEMBOURG", "LUXEMBURG", "LUXEMBURG"}},
	{"LV", POSTCODE_BEFORE_TOWN, {"LATVIA", "LETTONIE", "LETLAND", "LETTLAND"}},
	{"MA", POSTCODE_BEFORE_TOWN, {"MOROCCO", "MAROC", "MAROKKO", "MAROKKO"}},
	{"MC", POSTCODE_BEFORE_TOWN, {"MONACO", "MONACO", "MONACO", "MONACO"}},
	{"MT", POSTCODE_AFTER_TOWN, {"MALTA", "MALTE", "MALTA", "MALTA"}},
	{"NL", POSTCODE_BEFORE_TOWN, {"NETHERLANDS", "PAYS-BAS", "NEDERLAND", "NIEDERLANDE"}},
	{"NO", POSTCODE_BEFORE_TOWN, {"NORWAY", "NORVÈGE", "NOORWEGEN", "NORWEGEN"}},
	{"PL", POSTCODE_BEFORE_TOWN, {"POLAND", "POLOGNE", "POLEN", "POLEN"}},
	{"PT", POSTCODE_BEFORE_TOWN, {"PORTUGAL", "PORTUGAL", "PORTUGAL", "PORTUGAL"}},
	{"RO", POSTCODE_BEFORE_TOWN, {"ROMANIA", "ROUMANIE", "ROEMENIË", "RUMÄNIEN"}},
	{"SE", POSTCODE_BEFORE_TOWN, {"SWEDEN", "SUÈDE", "ZWEDEN", "SCHWEDEN"}},
	{"SI", POSTCODE_BEFORE_TOWN, {"SLOVENIA", "SLOVÉNIE", "SLOVENIË", "SLOWENIEN"}},
	{"SK", POSTCODE_BEFORE_TOWN, {"SLOVAKIA", "SLOVAQUIE", "SLOWAKIJE", "SLOWAKEI"}},
	{"SM", POSTCODE_BEFORE_TOWN, {"SAN MARINO", "SAINT-MARIN", "SAN MARINO", "SAN MARINO"}},
	{"TR", POSTCODE_BEFORE_TOWN, {"TÜRKIYE", "TURQUIE", "TURKIJE", "TÜRKEI"}},
	{"US", POSTCODE_AFTER_TOWN, {"UNITED STATES", "ÉTATS-UNIS", "VERENIGDE STATEN", "VEREINIGTE STAATEN"}},
};

static const struct country *find(const char *code)
{
	if (!code || strlen(code) != 2)
		return NULL;
	char c[3] = {code[0], code[1], '\0'};
	for (int k = 0; k < 2; k++)
		if (c[k] >= 'a' && c[k] <= 'z')
			c[k] = (char)(c[k] - 'a' + 'A');
	for (size_t i = 0; i < sizeof countries / sizeof *countries; i++)
		if (!strcmp(countries[i].code, c))
			return &countries[i];
	return NULL;
}

const char *country_name(const char *code, const char *lang)
{
	static const char *const langs[] = {"en", "fr", "nl", "de"};
	const struct country *c = find(code);
	if (!c)
		return NULL;
	const char *known = lang_known(lang);
	for (int i = 0; i < 4; i++)
		if (!strcmp(known, langs[i]))
			return c->name[i];
	return c->name[0];
}

enum postcode_place country_postcode_place(const char *code)
{
	const struct country *c = find(code);
	return c ? c->place : POSTCODE_BEFORE_TOWN;
}

static int same_country(const char *a, const char *b)
{
	return a && b && strlen(a) == 2 && strlen(b) == 2 && (a[0] | 0x20) == (b[0] | 0x20) &&
	       (a[1] | 0x20) == (b[1] | 0x20);
}

void country_address(const char *lang, const char *home, const char *street, const char *postcode,
		     const char *city, const char *country, struct sbuf *b)
{
	int abroad = country && *country && !same_country(country, home);
	enum postcode_place place = country_postcode_place(abroad ? country : home);
	const char *pc = postcode ? postcode : "", *town = city ? city : "";
	if (street && *street)
		sbuf_printf(b, "%s\n", street);
	if (place == POSTCODE_OWN_LINE) {
		if (*town)
			sbuf_printf(b, "%s\n", town);
		if (*pc)
			sbuf_printf(b, "%s\n", pc);
	} else if (*pc || *town) {
		const char *first = place == POSTCODE_BEFORE_TOWN ? pc : town;
		const char *second = place == POSTCODE_BEFORE_TOWN ? town : pc;
		sbuf_printf(b, "%s%s%s\n", first, *first && *second ? " " : "", second);
	}
	if (abroad) {
		const char *name = country_name(country, lang);
		sbuf_printf(b, "%s\n", name ? name : country);
	}
}
