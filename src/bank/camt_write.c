/* camt_write.c — a struct bank_file written as a camt.053.001.08 file with
 * libxml2's writer (the demo's statements, the tests' round trips): a
 * group header, then per statement its Id, ElctrncSeqNb, account, OPBD
 * and CLBD balances and one booked Ntry per movement, with one TxDtls
 * holding the counterparty (the debtor of a credit, the creditor of a
 * debit), its account and agent, the free text (Ustrd) and the structured
 * reference (Strd/CdtrRefInf: an OGM as its 12 digits with Issr BBA, as
 * Belgian banks write it; an RF reference with Issr ISO). camt.c reads
 * back every field. Lives in relance-xml.so. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "statement.h"

#include "base/lib.h"

#define NS "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"
#define USTRD_MAX 140 /* ISO's Max140Text */

static int to_file(void *ctx, const char *buf, int len)
{
	return fwrite(buf, 1, (size_t)len, ctx) == (size_t)len ? len : -1;
}

static int no_close(void *ctx)
{
	(void)ctx;
	return 0;
}

#define X(s) ((const xmlChar *)(s))

static int el(xmlTextWriterPtr w, const char *name, const char *text)
{
	return xmlTextWriterWriteElement(w, X(name), X(text)) < 0 ? -1 : 0;
}

static int open_el(xmlTextWriterPtr w, const char *name)
{
	return xmlTextWriterStartElement(w, X(name)) < 0 ? -1 : 0;
}

static int close_el(xmlTextWriterPtr w)
{
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* <Amt Ccy="EUR">12.34</Amt>, the sign left to CdtDbtInd */
static int amt(xmlTextWriterPtr w, int64_t v, const char *ccy)
{
	uint64_t a = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	char s[32];
	snprintf(s, sizeof s, "%" PRIu64 ".%02u", a / 100, (unsigned)(a % 100));
	if (open_el(w, "Amt") || xmlTextWriterWriteAttribute(w, X("Ccy"), X(ccy[0] ? ccy : "EUR")) < 0 ||
	    xmlTextWriterWriteString(w, X(s)) < 0 || close_el(w))
		return -1;
	return 0;
}

/* Tp/CdOrPrtry/Cd */
static int code(xmlTextWriterPtr w, const char *what, const char *cd)
{
	if (open_el(w, "Tp") || open_el(w, "CdOrPrtry") || el(w, "Cd", cd) || close_el(w))
		return -1;
	if (what && el(w, "Issr", what))
		return -1;
	return close_el(w);
}

static int balance(xmlTextWriterPtr w, const char *cd, int64_t v, const char *ccy, const char *date)
{
	if (open_el(w, "Bal") || code(w, NULL, cd) || amt(w, v, ccy) ||
	    el(w, "CdtDbtInd", v < 0 ? "DBIT" : "CRDT") || open_el(w, "Dt") || el(w, "Dt", date) ||
	    close_el(w) || close_el(w))
		return -1;
	return 0;
}

/* The free text as Ustrd lines of at most 140 bytes, cut at a blank
 * (which camt.c puts back when it joins them); a word longer than that
 * stays whole on its own line. */
static int ustrd(xmlTextWriterPtr w, const char *s)
{
	while (*s) {
		size_t n = strlen(s), cut = n;
		if (n > USTRD_MAX) {
			cut = USTRD_MAX;
			while (cut && s[cut] != ' ')
				cut--;
			if (!cut)
				cut = strcspn(s, " ");
		}
		if (xmlTextWriterWriteFormatElement(w, X("Ustrd"), "%.*s", (int)cut, s) < 0)
			return -1;
		s += cut + (s[cut] == ' ');
	}
	return 0;
}

static int movement(xmlTextWriterPtr w, const struct bank_movement *m)
{
	/* the counterparty is on the side opposite the account holder in the
	 * original transaction (see camt.c) */
	int credit = m->amount >= 0, debtor = credit != (m->reversal != 0);
	if (open_el(w, "Ntry") || amt(w, m->amount, m->currency) || el(w, "CdtDbtInd", credit ? "CRDT" : "DBIT"))
		return -1;
	if (m->reversal && el(w, "RvslInd", "true"))
		return -1;
	if (open_el(w, "Sts") || el(w, "Cd", "BOOK") || close_el(w) || open_el(w, "BookgDt") ||
	    el(w, "Dt", m->booking_date) || close_el(w))
		return -1;
	if (m->value_date[0] && (open_el(w, "ValDt") || el(w, "Dt", m->value_date) || close_el(w)))
		return -1;
	if (m->bank_ref && el(w, "AcctSvcrRef", m->bank_ref))
		return -1;
	/* BkTxCd is required: a SEPA credit transfer received or issued */
	if (open_el(w, "BkTxCd") || open_el(w, "Domn") || el(w, "Cd", "PMNT") || open_el(w, "Fmly") ||
	    el(w, "Cd", debtor ? "RCDT" : "ICDT") || el(w, "SubFmlyCd", "ESCT") || close_el(w) || close_el(w) ||
	    close_el(w))
		return -1;
	if (open_el(w, "NtryDtls") || open_el(w, "TxDtls") || open_el(w, "Refs") ||
	    el(w, "EndToEndId", "NOTPROVIDED") || close_el(w) || amt(w, m->amount, m->currency) ||
	    el(w, "CdtDbtInd", credit ? "CRDT" : "DBIT"))
		return -1;
	if (m->counterparty || m->iban) {
		if (open_el(w, "RltdPties"))
			return -1;
		if (m->counterparty && (open_el(w, debtor ? "Dbtr" : "Cdtr") || open_el(w, "Pty") ||
					el(w, "Nm", m->counterparty) || close_el(w) || close_el(w)))
			return -1;
		if (m->iban && (open_el(w, debtor ? "DbtrAcct" : "CdtrAcct") || open_el(w, "Id") ||
				el(w, "IBAN", m->iban) || close_el(w) || close_el(w)))
			return -1;
		if (close_el(w))
			return -1;
	}
	if (m->bic && (open_el(w, "RltdAgts") || open_el(w, debtor ? "DbtrAgt" : "CdtrAgt") ||
		       open_el(w, "FinInstnId") || el(w, "BICFI", m->bic) || close_el(w) || close_el(w) ||
		       close_el(w)))
		return -1;
	if (m->communication || m->reference) {
		if (open_el(w, "RmtInf") || (m->communication && ustrd(w, m->communication)))
			return -1;
		if (m->reference) {
			int rf = !strncmp(m->reference, "RF", 2);
			if (open_el(w, "Strd") || open_el(w, "CdtrRefInf") || code(w, rf ? "ISO" : "BBA", "SCOR") ||
			    el(w, "Ref", m->reference) || close_el(w) || close_el(w))
				return -1;
		}
		if (close_el(w))
			return -1;
	}
	return close_el(w) || close_el(w) || close_el(w) ? -1 : 0; /* TxDtls, NtryDtls, Ntry */
}

/* A statement id "camt:IBAN:ID:SEQ" (camt.c's, of the statement's own
 * account and sequence) gives back ID; any other is the id. */
static void stmt_id(const struct bank_statement *s, char *out, size_t size)
{
	const char *id = s->id ? s->id : "", *iban = s->iban ? s->iban : "";
	size_t n = strlen(id), i = strlen(iban), k = s->seq ? strlen(s->seq) : 0;
	if (!strncmp(id, "camt:", 5) && !strncmp(id + 5, iban, i) && n >= 7 + i + k && id[5 + i] == ':' &&
	    id[n - k - 1] == ':' && (!k || !strcmp(id + n - k, s->seq)))
		snprintf(out, size, "%.*s", (int)(n - k - 7 - i), id + 6 + i);
	else
		snprintf(out, size, "%s", id);
}

static int statement(xmlTextWriterPtr w, const struct bank_statement *s, const char *now)
{
	char id[256];
	stmt_id(s, id, sizeof id);
	if (open_el(w, "Stmt") || el(w, "Id", id[0] ? id : "1"))
		return -1;
	if (s->seq && s->seq[0] && strspn(s->seq, "0123456789") == strlen(s->seq) && el(w, "ElctrncSeqNb", s->seq))
		return -1;
	if (s->seq && s->seq[0] && strspn(s->seq, "0123456789") != strlen(s->seq) && el(w, "LglSeqNb", s->seq))
		return -1;
	/* created on its date when it has one: what camt.c reads as the date
	 * of a statement without balances */
	char cre[24];
	snprintf(cre, sizeof cre, "%sT00:00:00", s->date);
	if (el(w, "CreDtTm", s->date[0] ? cre : now) || open_el(w, "Acct") || open_el(w, "Id"))
		return -1;
	if (s->iban ? el(w, "IBAN", s->iban) : (open_el(w, "Othr") || el(w, "Id", "NOTPROVIDED") || close_el(w)))
		return -1;
	if (close_el(w) || (s->currency[0] && el(w, "Ccy", s->currency)) || close_el(w))
		return -1;
	if (s->has_balances && (balance(w, "OPBD", s->opening, s->currency, s->date) ||
				balance(w, "CLBD", s->closing, s->currency, s->date)))
		return -1;
	for (size_t i = 0; i < s->n; i++)
		if (movement(w, &s->mv[i]))
			return -1;
	return close_el(w);
}

int camt_write(FILE *out, const struct bank_file *f)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(to_file, no_close, out, NULL);
	if (!buf)
		return -1;
	xmlTextWriterPtr w = xmlNewTextWriter(buf); /* owns buf from here */
	if (!w) {
		xmlOutputBufferClose(buf);
		return -1;
	}
	char now[21], msg[40];
	now_utc(now);
	now[19] = '\0'; /* ISODateTime without the Z: local to the bank */
	snprintf(msg, sizeof msg, "RELANCE-%.4s%.2s%.2s%.2s%.2s%.2s", now, now + 5, now + 8, now + 11, now + 14, now + 17);
	int rc = xmlTextWriterSetIndent(w, 1) < 0 || xmlTextWriterSetIndentString(w, X("  ")) < 0 ||
		 xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 || open_el(w, "Document") ||
		 xmlTextWriterWriteAttribute(w, X("xmlns"), X(NS)) < 0 || open_el(w, "BkToCstmrStmt") ||
		 open_el(w, "GrpHdr") || el(w, "MsgId", msg) || el(w, "CreDtTm", now) || close_el(w);
	for (size_t i = 0; !rc && i < f->n; i++)
		rc = statement(w, &f->st[i], now);
	if (!rc)
		rc = xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	return rc || fflush(out) ? -1 : 0;
}
