/* lang.c — four languages' labels, numbers, amounts, rates, dates and
 * greetings for messages, and the IBAN as printed. Never a float; never
 * the machine's locale: the language is the message's. */
#include "lang.h"

#include <stdio.h>
#include <string.h>

static const char *const langs[] = {"en", "fr", "nl", "de"};

static const char *const labels[4][L_COUNT] = {
	{"Invoice", "Date", "Due", "Amount", "Open", "Principal", "Late-payment interest", "Fixed compensation",
	 "Fee", "Damages", "Total to pay", "Account", "Scan to pay", "REGISTERED", "Please pay", "Reference"},
	{"Facture", "Date", "Échéance", "Montant", "Solde", "Principal", "Intérêts de retard",
	 "Indemnité forfaitaire", "Frais", "Dommages et intérêts", "Total à payer", "Compte", "Scannez pour payer",
	 "RECOMMANDÉ", "Veuillez payer", "Communication"},
	{"Factuur", "Datum", "Vervaldag", "Bedrag", "Openstaand", "Hoofdsom", "Verwijlintresten",
	 "Forfaitaire vergoeding", "Kosten", "Schadevergoeding", "Totaal te betalen", "Rekening", "Scan om te betalen",
	 "AANGETEKEND", "Gelieve te betalen", "Mededeling"},
	{"Rechnung", "Datum", "Fällig", "Betrag", "Offen", "Hauptforderung", "Verzugszinsen", "Verzugspauschale",
	 "Gebühr", "Schadensersatz", "Zu zahlen", "Konto", "Zum Bezahlen scannen", "EINSCHREIBEN", "Bitte zahlen Sie",
	 "Verwendungszweck"},
};

static const char *const months[4][12] = {
	{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	 "November", "December"},
	{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
	 "novembre", "décembre"},
	{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
	 "november", "december"},
	{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
	 "November", "Dezember"},
};

static int lang_index(const char *lang)
{
	for (int i = 0; i < 4; i++)
		if (lang && !strcmp(lang, langs[i]))
			return i;
	return 0;
}

const char *lang_known(const char *lang)
{
	return langs[lang_index(lang)];
}

const char *lang_label(const char *lang, enum lang_label l)
{
	return labels[lang_index(lang)][l];
}

/* The marks of each language: thousands, decimals. */
static const char *const thousands[4] = {",", LANG_NNBSP, ".", "."};
static const char decimal[4] = {'.', ',', ',', ','};

/* t[0..n) put at out + o, as snprintf would: what does not fit in size
 * (with its NUL) is cut. The new end. A letter writes hundreds of
 * thousands of figures: no format string. */
static size_t put_at(char *out, size_t size, size_t o, const char *t, size_t n)
{
	if (!size || o >= size)
		return o;
	if (n > size - 1 - o)
		n = size - 1 - o;
	memcpy(out + o, t, n);
	out[o + n] = '\0';
	return o + n;
}

void lang_number(const char *lang, int64_t value, int decimals, char *out, size_t size)
{
	int i = lang_index(lang);
	if (decimals < 0)
		decimals = 0;
	if (decimals > 4)
		decimals = 4;
	/* the digits, least significant first, of the magnitude (INT64_MIN too) */
	uint64_t v = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
	char digits[24];
	int n = 0;
	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || n <= decimals);
	char t[96];
	size_t o = 0;
	if (value < 0)
		t[o++] = '-';
	for (int k = n - 1; k >= 0; k--) {
		t[o++] = digits[k];
		if (k == decimals && decimals)
			t[o++] = decimal[i];
		else if (k > decimals && (k - decimals) % 3 == 0) {
			size_t w = strlen(thousands[i]); /* a space: one to three bytes */
			memcpy(t + o, thousands[i], w);
			o += w;
		}
	}
	put_at(out, size, 0, t, o);
}

void lang_money(const char *lang, int64_t cents, const char *currency, char *out, size_t size)
{
	char g[96];
	lang_number(lang, cents, 2, g, sizeof g);
	const char *cur = currency && *currency ? currency : "EUR";
	size_t o = put_at(out, size, 0, g, strlen(g));
	o = put_at(out, size, o, LANG_NBSP, sizeof LANG_NBSP - 1);
	put_at(out, size, o, cur, strlen(cur));
}

void lang_rate(const char *lang, int rate, char *out, size_t size)
{
	char g[96];
	lang_number(lang, rate, 2, g, sizeof g);
	snprintf(out, size, "%s%s%%", g, lang_index(lang) == 1 ? LANG_NNBSP : LANG_NBSP);
}

void lang_date(const char *lang, day_t d, char *out, size_t size)
{
	int y, m, dd, i = lang_index(lang);
	civil_from_days(d, &y, &m, &dd);
	if (i == 1 && dd == 1) /* "1er décembre": the first of the month is an ordinal in French */
		snprintf(out, size, "1er %s %d", months[i][m - 1], y);
	else
		snprintf(out, size, i == 3 ? "%d. %s %d" : "%d %s %d", dd, months[i][m - 1], y);
}

/* Titles a contact's name may begin with, in the four languages. */
static const struct {
	const char *title;
	int female;
} titles[] = {
	{"mr", 0}, {"mr.", 0}, {"m.", 0}, {"monsieur", 0}, {"dhr.", 0}, {"dhr", 0}, {"de heer", 0},
	{"heer", 0}, {"herr", 0},
	{"mrs", 1}, {"mrs.", 1}, {"ms", 1}, {"ms.", 1}, {"miss", 1}, {"mme", 1}, {"mme.", 1},
	{"madame", 1}, {"mevr.", 1}, {"mevr", 1}, {"mevrouw", 1}, {"mw.", 1}, {"frau", 1},
};

/* The title contact begins with (-1 none; 0 a man's, 1 a woman's) and
 * where the name after it starts. */
static int title_of(const char *contact, const char **rest)
{
	for (size_t k = 0; k < sizeof titles / sizeof *titles; k++) {
		size_t n = strlen(titles[k].title), j;
		for (j = 0; j < n && contact[j]; j++) {
			char c = contact[j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != titles[k].title[j])
				break;
		}
		if (j < n || contact[n] != ' ')
			continue;
		const char *r = contact + n;
		while (*r == ' ')
			r++;
		if (!*r)
			continue;
		*rest = r;
		return titles[k].female;
	}
	*rest = contact;
	return -1;
}

static const char *const greetings[4][4] = {
	/* nobody, a name, a man, a woman */
	{"Dear Sir or Madam,", "Dear %s,", "Dear Mr %s,", "Dear Ms %s,"},
	{"Madame, Monsieur,", "Bonjour %s,", "Bonjour Monsieur %s,", "Bonjour Madame %s,"},
	{"Geachte heer, mevrouw,", "Geachte %s,", "Geachte heer %s,", "Geachte mevrouw %s,"},
	{"Sehr geehrte Damen und Herren,", "Guten Tag %s,", "Sehr geehrter Herr %s,", "Sehr geehrte Frau %s,"},
};

void lang_greeting(const char *lang, const char *contact, char *out, size_t size)
{
	int i = lang_index(lang);
	while (contact && *contact == ' ')
		contact++;
	if (!contact || !*contact) {
		snprintf(out, size, "%s", greetings[i][0]);
		return;
	}
	const char *rest;
	int t = title_of(contact, &rest);
	snprintf(out, size, greetings[i][t < 0 ? 1 : 2 + t], rest);
}

void iban_grouped(const char *iban, char *out, size_t size)
{
	size_t o = 0, k = 0;
	if (!size)
		return;
	for (; *iban && o + 2 < size; iban++) {
		char c = *iban;
		if (c == ' ' || c == '\t' || c == '-')
			continue;
		if (k && k % 4 == 0)
			out[o++] = ' ';
		out[o++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
		k++;
	}
	out[o] = '\0';
}
