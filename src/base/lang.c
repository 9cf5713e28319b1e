/* lang.c — four languages' labels, amounts and dates for messages. */
#include "lang.h"

#include <stdio.h>
#include <string.h>

#include "money.h"

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

void lang_money(const char *lang, int64_t cents, const char *currency, char *out, size_t size)
{
	char g[72];
	money_format_grouped(cents, g, sizeof g);
	int i = lang_index(lang);
	if (i > 0) { /* swap the marks: "1,234.56" -> "1.234,56" or "1 234,56" */
		const char *thousands = i == 1 ? "\u202f" : ".";
		char t[72];
		size_t o = 0;
		for (const char *p = g; *p && o + 4 < sizeof t; p++) {
			if (*p == ',')
				o += (size_t)snprintf(t + o, sizeof t - o, "%s", thousands);
			else
				t[o++] = *p == '.' ? ',' : *p;
		}
		t[o] = '\0';
		memcpy(g, t, o + 1);
	}
	snprintf(out, size, "%s %s", g, currency && *currency ? currency : "EUR");
}

void lang_date(const char *lang, day_t d, char *out, size_t size)
{
	int y, m, dd, i = lang_index(lang);
	civil_from_days(d, &y, &m, &dd);
	snprintf(out, size, i == 3 ? "%d. %s %d" : "%d %s %d", dd, months[i][m - 1], y);
}
