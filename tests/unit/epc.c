/* epc.c — the EPC QR payload line by line, byte for byte: an RF reference
 * or an OGM (as its 12 digits) goes in the structured line (10), and with
 * no note ends on it (no line feed after it), with a note the text line
 * (11) stays empty between them; free text and no note ends on
 * the text; nothing optional ends on the IBAN or the amount; the BIC is 8
 * or 11 characters (blanks and case forgiven) or left out, and any other
 * length or shape is refused with a message naming it. */
#include "base/lib.h"
#include "dunning/epc.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

/* The payload of e, or NULL (with err) when refused. */
static const char *payload(const struct epc *e, struct sbuf *b, char *err, size_t errlen)
{
	b->len = 0;
	err[0] = '\0';
	if (epc_payload(e, b, err, errlen))
		return NULL;
	return b->s;
}

/* Compares got with want byte by byte; on a difference, says at which
 * byte and line, and what each has there. */
static void same_bytes(const char *got, const char *want, const char *what)
{
	if (!got) {
		ok(0, "%s: refused", what);
		return;
	}
	size_t i = 0, line = 1;
	while (got[i] && got[i] == want[i])
		line += got[i++] == '\n';
	ok(got[i] == want[i], "%s (%zu bytes)", what, strlen(want));
	if (got[i] != want[i])
		printf("#   byte %zu (line %zu): got 0x%02x, expected 0x%02x\n", i, line, (unsigned char)got[i],
		       (unsigned char)want[i]);
}

static void lines(void)
{
	char err[256];
	struct sbuf b = {0};
	struct epc e = {"GKCCBEBB", "Relance Demo SA", "BE71 0961 2345 6769", 12345, NULL, "RF18 5390 0754 7034",
			NULL, NULL};
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45\n\nRF18539007547034",
		   "RF reference, no note: the last line is the reference, no line feed after it");
	ok(b.len && b.s[b.len - 1] != '\n', "the payload does not end with a line feed");

	e.info = "C000001";
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45\n\nRF18539007547034\n\n"
		   "C000001",
		   "RF reference and a note: the text line is empty between them");

	e.reference = "+++090/9337/55493+++";
	e.info = NULL;
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45\n\n090933755493",
		   "an OGM: its 12 digits in the structured line (10), the last line");
	e.info = "C000001";
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45\n\n090933755493\n\n"
		   "C000001",
		   "an OGM and a note: the text line (11) stays empty, never a message");
	e.text = "ignored";
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45\n\n090933755493\n\n"
		   "C000001",
		   "with a structured reference, free text is left out (EPC069-12: one or the other)");
	e.reference = "Contract 12";
	ok(payload(&e, &b, err, sizeof err) == NULL, "a reference that is not structured is refused as one");
	is_str(err, "Contract 12 is not a structured reference (RF or +++ddd/dddd/ddddd+++)", "saying so");

	e.reference = NULL;
	e.text = "Invoice 1/2026";
	e.info = NULL;
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45\n\n\n"
		   "Invoice 1/2026",
		   "free text, no note: the structured line empty, the last line is the text");

	e.text = NULL;
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR123.45",
		   "no reference, text nor note: it ends on the amount");

	e.cents = 0;
	e.bic = NULL;
	same_bytes(payload(&e, &b, err, sizeof err), "BCD\n002\n1\nSCT\n\nRelance Demo SA\nBE71096123456769",
		   "no BIC and nothing optional: the BIC line is empty and it ends on the IBAN");

	e.cents = 100;
	e.purpose = "GDDS";
	same_bytes(payload(&e, &b, err, sizeof err),
		   "BCD\n002\n1\nSCT\n\nRelance Demo SA\nBE71096123456769\nEUR1.00\nGDDS",
		   "a purpose and nothing after it: it ends on the purpose");
	sbuf_free(&b);
}

static void bics(void)
{
	char err[256];
	struct sbuf b = {0};
	struct epc e = {NULL, "Relance Demo SA", "BE71096123456769", 100, NULL, "RF18539007547034", NULL, NULL};
	static const struct { const char *bic, *line; } good[] = {
		{"GKCCBEBB", "GKCCBEBB"},
		{"GKCCBEBBXXX", "GKCCBEBBXXX"},
		{"gkcc be bb", "GKCCBEBB"},
		{"BNPAFRPP123", "BNPAFRPP123"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		e.bic = good[i].bic;
		char want[200];
		snprintf(want, sizeof want, "BCD\n002\n1\nSCT\n%s\nRelance Demo SA\nBE71096123456769\nEUR1.00\n\n"
			 "RF18539007547034", good[i].line);
		same_bytes(payload(&e, &b, err, sizeof err), want, good[i].bic[0] ? good[i].bic : "no BIC");
	}
	static const char *const bad[] = {"GKCCBE", "GKCCBEB", "GKCCBEBBX", "GKCCBEBBXXXX", "GKC1BEBB", "GKCCBEB-"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		e.bic = bad[i];
		ok(payload(&e, &b, err, sizeof err) == NULL, "BIC %s is refused", bad[i]);
		char want[128];
		snprintf(want, sizeof want, "BIC %s: 8 or 11 letters and digits (6 letters first)", bad[i]);
		is_str(err, want, "with a message naming BIC %s", bad[i]);
		is_int((int)b.len, 0, "and nothing is written for BIC %s", bad[i]);
	}
	sbuf_free(&b);
}

int main(void)
{
	lines();
	bics();
	return done_testing();
}
