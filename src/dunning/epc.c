/* epc.c — the EPC QR payload: its twelve lines in the order EPC069-12
 * gives them, each field checked against its limit. A structured
 * reference (RF, or OGM) goes in the structured line, free text in the
 * unstructured one: never both. */
#include "epc.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/lib.h"

/* The first max characters of s (never cutting one in two), without the
 * line breaks a payload line cannot hold. */
static void put_field(struct sbuf *out, const char *s, size_t max)
{
	size_t n = strlen(s), i = 0, chars = 0;
	while (i < n && chars < max) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			len = 1;
		if (s[i] == '\n' || s[i] == '\r')
			sbuf_put(out, " ", 1);
		else
			sbuf_put(out, s + i, len);
		i += len, chars++;
	}
}

/* A BIC without blanks, in capitals, into out: "" or 8 or 11 characters,
 * the first 6 letters (bank and country), the rest letters or digits.
 * Returns -1 when it is not one. */
static int bic_compact(const char *bic, char *out, size_t size)
{
	size_t n = 0;
	for (; *bic; bic++) {
		if (*bic == ' ')
			continue;
		if (n + 1 >= size)
			return -1;
		out[n++] = (char)toupper((unsigned char)*bic);
	}
	out[n] = '\0';
	if (n != 0 && n != 8 && n != 11)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)out[i]) && (i < 6 || !isdigit((unsigned char)out[i])))
			return -1;
	return 0;
}

int epc_payload(const struct epc *e, struct sbuf *out, char *err, size_t errlen)
{
	const char *name = e->name ? e->name : "", *iban = e->iban ? e->iban : "";
	if (!*name) {
		snprintf(err, errlen, "no beneficiary name (set company-name)");
		return -1;
	}
	if (!*iban || !iban_valid(iban)) {
		snprintf(err, errlen, *iban ? "%s is not an IBAN" : "no IBAN (set company-iban)", iban);
		return -1;
	}
	if (e->cents != 0 && (e->cents < 1 || e->cents > 99999999999LL)) {
		snprintf(err, errlen, "the amount must be between 0.01 and 999999999.99");
		return -1;
	}
	/* a structured reference (line 10): an RF, or a Belgian OGM as its 12
	 * digits, as Belgian banking apps read it there (line 11 is a message) */
	char rf[64] = "";
	if (e->reference && *e->reference) {
		enum payref_kind k = payref_parse(e->reference, strlen(e->reference), rf, sizeof rf);
		if (k != PAYREF_RF && k != PAYREF_OGM) {
			snprintf(err, errlen, "%s is not a structured reference (RF or +++ddd/dddd/ddddd+++)",
				 e->reference);
			return -1;
		}
	}
	if (e->purpose && *e->purpose) {
		size_t n = strlen(e->purpose);
		int okay = n == 4;
		for (size_t i = 0; okay && i < n; i++)
			okay = isupper((unsigned char)e->purpose[i]);
		if (!okay) {
			snprintf(err, errlen, "purpose %s: four capital letters", e->purpose);
			return -1;
		}
	}
	const char *text = e->text ? e->text : "", *info = e->info ? e->info : "";
	if (utf8_length(text, strlen(text)) > 140 || utf8_length(info, strlen(info)) > 70) {
		snprintf(err, errlen, "the remittance text is at most 140 characters and the note 70");
		return -1;
	}
	char bic[16];
	if (bic_compact(e->bic ? e->bic : "", bic, sizeof bic)) {
		snprintf(err, errlen, "BIC %s: 8 or 11 letters and digits (6 letters first)", e->bic);
		return -1;
	}
	size_t start = out->len;
	sbuf_printf(out, "BCD\n002\n1\nSCT\n%s\n", bic);
	put_field(out, name, 70);
	sbuf_puts(out, "\n");
	for (const char *p = iban; *p; p++)
		if (*p != ' ') {
			char c = (char)toupper((unsigned char)*p);
			sbuf_put(out, &c, 1);
		}
	/* the optional lines: amount, purpose, reference, text, note; those
	 * empty at the end are left out with their line feed (the payload
	 * never ends with one) */
	size_t end = out->len;
	sbuf_puts(out, "\n");
	if (e->cents) {
		char amount[32];
		money_format(e->cents, amount, sizeof amount);
		sbuf_printf(out, "EUR%s", amount);
		end = out->len;
	}
	sbuf_printf(out, "\n%s", e->purpose ? e->purpose : "");
	if (e->purpose && *e->purpose)
		end = out->len;
	sbuf_printf(out, "\n%s", rf);
	if (*rf)
		end = out->len;
	sbuf_puts(out, "\n");
	if (!*rf && *text) {
		put_field(out, text, 140);
		end = out->len;
	}
	if (*info) {
		sbuf_puts(out, "\n");
		put_field(out, info, 70);
		end = out->len;
	}
	out->len = end;
	out->s[end] = '\0';
	if (out->len - start > EPC_MAX_BYTES) {
		snprintf(err, errlen, "the payload is %zu bytes; a code holds at most %d", out->len - start,
			 EPC_MAX_BYTES);
		out->len = start;
		return -1;
	}
	return 0;
}
