/* company.c — the creditor's details and the dunning settings: their
 * defaults, checking a value when it is set, and writing them back. */
#include "company.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lib.h"
#include "book/lib.h"

struct company company;

void company_defaults(void)
{
	memset(&company, 0, sizeof company);
	snprintf(company.country, sizeof company.country, "BE");
	snprintf(company.sendmail, sizeof company.sendmail, "/usr/sbin/sendmail -t -oi");
	/* never the working directory: letters name debtors */
	data_home_path("letters", company.letters_dir, sizeof company.letters_dir);
	snprintf(company.reference_kind, sizeof company.reference_kind, "ogm");
	company.stale_days = 2;
}

/* Copies v into dst without blanks, upper case: how IBANs and BICs are kept. */
static void compact_upper(char *dst, size_t size, const char *v)
{
	size_t n = 0;
	for (; *v && n + 1 < size; v++)
		if (*v != ' ')
			dst[n++] = (char)toupper((unsigned char)*v);
	dst[n] = '\0';
}

static int set_text(char *dst, size_t size, const char *v, const char *name, char *why, size_t whylen)
{
	if (strlen(v) >= size) {
		snprintf(why, whylen, "%s: at most %zu bytes", name, size - 1);
		return -1;
	}
	snprintf(dst, size, "%s", v);
	return 0;
}

int company_set(const char *name, const char *v, char *why, size_t whylen)
{
	struct {
		const char *name;
		char *dst;
		size_t size;
	} texts[] = {
		{"company-name", company.name, sizeof company.name},
		{"company-address", company.address, sizeof company.address},
		{"company-vat", company.vat, sizeof company.vat},
		{"company-email", company.email, sizeof company.email},
		{"company-phone", company.phone, sizeof company.phone},
		{"company-legal-form", company.legal_form, sizeof company.legal_form},
		{"company-rpm", company.rpm, sizeof company.rpm},
		{"company-website", company.website, sizeof company.website},
		{"company-city", company.city, sizeof company.city},
		{"sendmail", company.sendmail, sizeof company.sendmail},
		{"sms-command", company.sms_command, sizeof company.sms_command},
		{"letters-dir", company.letters_dir, sizeof company.letters_dir},
		{"payment-link", company.payment_link, sizeof company.payment_link},
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (!strcmp(name, texts[i].name))
			return set_text(texts[i].dst, texts[i].size, v, name, why, whylen);
	if (!strcmp(name, "company-iban")) {
		if (*v && !iban_valid(v)) {
			snprintf(why, whylen, "company-iban: %s is not an IBAN (its check digits are wrong)", v);
			return -1;
		}
		compact_upper(company.iban, sizeof company.iban, v);
		return 0;
	}
	if (!strcmp(name, "company-bic")) {
		char b[16];
		compact_upper(b, sizeof b, v);
		size_t n = strlen(b);
		int okay = n == 0 || n == 8 || n == 11;
		for (size_t i = 0; okay && i < n; i++)
			okay = i < 6 ? isalpha((unsigned char)b[i]) : isalnum((unsigned char)b[i]);
		if (!okay) {
			snprintf(why, whylen, "company-bic: %s is not a BIC (8 or 11 letters and digits)", v);
			return -1;
		}
		snprintf(company.bic, sizeof company.bic, "%s", b);
		return 0;
	}
	if (!strcmp(name, "company-country")) {
		if (strlen(v) != 2 || !isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1])) {
			snprintf(why, whylen, "company-country: two letters (BE, FR, ...)");
			return -1;
		}
		company.country[0] = (char)toupper((unsigned char)v[0]);
		company.country[1] = (char)toupper((unsigned char)v[1]);
		company.country[2] = '\0';
		return 0;
	}
	if (!strcmp(name, "payment-reference")) {
		if (strcmp(v, "ogm") && strcmp(v, "rf")) {
			snprintf(why, whylen, "payment-reference: say ogm or rf");
			return -1;
		}
		snprintf(company.reference_kind, sizeof company.reference_kind, "%s", v);
		return 0;
	}
	if (!strcmp(name, "email-pdf")) {
		if (!strcmp(v, "yes") || !strcmp(v, "no")) {
			company.email_pdf = !strcmp(v, "yes");
			return 0;
		}
		snprintf(why, whylen, "email-pdf: say yes or no");
		return -1;
	}
	if (!strcmp(name, "postage")) {
		int64_t c;
		if (money_parse(v, strlen(v), MARK_POINT, &c) != MONEY_OK || c < 0 || c > 10000) {
			snprintf(why, whylen, "postage: an amount between 0.00 and 100.00");
			return -1;
		}
		company.postage = c;
		return 0;
	}
	if (!strcmp(name, "stale-days")) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!strcmp(v, "off"))
			n = FRESHNESS_NEVER;
		else if (!*v || *end || n < 0 || n > 365) {
			snprintf(why, whylen, "stale-days: a number of working days from 0 to 365, or off (got %s)", v);
			return -1;
		}
		company.stale_days = (int)n;
		return 0;
	}
	return 1;
}

const char *company_reference_kind(void)
{
	return company.reference_kind[0] ? company.reference_kind : "ogm";
}

void company_full_name(char *out, size_t size)
{
	size_t n = strlen(company.name), f = strlen(company.legal_form);
	/* "Relance SRL" with legal form "SRL", or "srl": said once */
	int said = f && n > f && company.name[n - f - 1] == ' ' &&
		   !strcasecmp(company.name + n - f, company.legal_form);
	snprintf(out, size, "%s%s%s", company.name, f && !said ? " " : "", said ? "" : company.legal_form);
}

void company_number(char *out, size_t size)
{
	const char *v = company.vat;
	char d[16];
	size_t n = 0;
	out[0] = '\0';
	while (*v == ' ')
		v++;
	if (isalpha((unsigned char)v[0])) {
		if (toupper((unsigned char)v[0]) != 'B' || toupper((unsigned char)v[1]) != 'E')
			return; /* another country's VAT number: no Belgian enterprise number */
		v += 2;
	}
	for (; *v; v++) {
		if (isdigit((unsigned char)*v) && n < 10)
			d[n++] = *v;
		else if (!strchr(" .-", *v) || isdigit((unsigned char)*v))
			return;
	}
	if (n == 9) { /* the old nine digits: a 0 in front */
		memmove(d + 1, d, 9);
		d[0] = '0', n = 10;
	}
	if (n != 10)
		return;
	snprintf(out, size, "%.4s.%.3s.%.3s", d, d + 4, d + 7);
}

void company_legal(const char *lang, const char *sep, struct sbuf *out)
{
	/* fr, nl, de, en */
	static const char *const number_label[] = {"Numéro d'entreprise", "Ondernemingsnummer", "Unternehmensnummer",
						   "Company number"};
	static const char *const vat_label[] = {"TVA", "BTW", "USt-IdNr.", "VAT"};
	int l = !strcmp(lang, "fr") ? 0 : !strcmp(lang, "nl") ? 1 : !strcmp(lang, "de") ? 2 : 3;
	char number[16];
	size_t start = out->len;
	company_number(number, sizeof number);
	if (number[0])
		sbuf_printf(out, "%s %s", number_label[l], number);
	if (company.rpm[0])
		sbuf_printf(out, "%s%s", out->len > start ? sep : "", company.rpm);
	const char *v = company.vat;
	while (*v == ' ')
		v++;
	/* with its country prefix it is the VAT number; without, only the
	 * enterprise number (a company need not be subject to VAT) */
	if (isalpha((unsigned char)v[0]) && isalpha((unsigned char)v[1]))
		sbuf_printf(out, "%s%s %c%c%s", out->len > start ? sep : "", vat_label[l], toupper((unsigned char)v[0]),
			    toupper((unsigned char)v[1]), v + 2);
	else if (*v && !number[0])
		sbuf_printf(out, "%s%s", out->len > start ? sep : "", v); /* no number we know: as given */
	if (company.website[0])
		sbuf_printf(out, "%s%s", out->len > start ? sep : "", company.website);
	sbuf_put(out, "", 0);
}

/* A value as relancerc quotes it (quotes keep blanks; there are no escapes). */
static void dump_text(FILE *out, const char *name, const char *v)
{
	fprintf(out, "set %s = ", name);
	config_value_dump(out, v);
	fputc('\n', out);
}

void config_value_dump(FILE *out, const char *v)
{
	/* a value with a quote in it was a bare word (a quoted one cannot
	 * hold one), so it has no blank: written bare, it reads back */
	fprintf(out, strchr(v, '"') ? "%s" : "\"%s\"", v);
}

void company_dump(FILE *out)
{
	char postage[32];
	money_format(company.postage, postage, sizeof postage);
	dump_text(out, "company-name", company.name);
	dump_text(out, "company-address", company.address);
	dump_text(out, "company-vat", company.vat);
	dump_text(out, "company-iban", company.iban);
	dump_text(out, "company-bic", company.bic);
	dump_text(out, "company-email", company.email);
	dump_text(out, "company-phone", company.phone);
	dump_text(out, "company-city", company.city);
	dump_text(out, "company-legal-form", company.legal_form);
	dump_text(out, "company-rpm", company.rpm);
	dump_text(out, "company-website", company.website);
	fprintf(out, "set company-country = %s\n", company.country);
	dump_text(out, "sendmail", company.sendmail);
	dump_text(out, "sms-command", company.sms_command);
	dump_text(out, "letters-dir", company.letters_dir);
	dump_text(out, "payment-link", company.payment_link);
	fprintf(out, "set payment-reference = %s\n", company.reference_kind);
	fprintf(out, "set email-pdf = %s\n", company.email_pdf ? "yes" : "no");
	fprintf(out, "set postage = %s\n", postage);
	if (company.stale_days == FRESHNESS_NEVER)
		fprintf(out, "set stale-days = off\n");
	else
		fprintf(out, "set stale-days = %d\n", company.stale_days);
}
