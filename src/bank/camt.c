/* camt.c — reading camt.053 statements (versions 001.02 to 001.08) and
 * camt.054 notifications (ISO 20022) into struct bank_file, with libxml2's
 * streaming reader: one entry (Ntry) or one piece of a statement's header
 * is expanded into a small tree at a time and freed when the reader moves
 * on, so a file of 100,000 entries never becomes one tree. No network,
 * no DTD, no entity substitution; a DOCTYPE declaring entities, nesting
 * deeper than 64 levels and texts longer than 4096 bytes are refused.
 * Lives in relance-xml.so (camt_call.c is the program's side).
 *
 * Each TxDtls of an entry is a movement (the entry itself when it has
 * none). Signs: the amount is what the account really moved, credit > 0,
 * by the CdtDbtInd of the entry (or of the TxDtls when it has its own).
 * ISO's rule for a reversal (RvslInd true) is that CdtDbtInd gives the
 * reversal's own direction: the reversal of a credit is a DBIT, so it is
 * read as a negative amount with reversal = 1. The counterparty is the
 * other side of the original transaction: the debtor (Dbtr, DbtrAcct,
 * DbtrAgt) of a credit and of the reversal of one, the creditor (Cdtr...)
 * of a debit and of the reversal of one.
 *
 * A statement's id is "camt:IBAN:STMTID:SEQ": its account (Acct/Id/IBAN,
 * else Acct/Id/Othr/Id, "" when none), its Stmt/Id and its ElctrncSeqNb
 * (else LglSeqNb); a notification's is "camt054:IBAN:NTFCTNID". Stmt/Id
 * is the bank's own name for the statement, unique among that bank's
 * only: two banks, or two accounts, may well use the same. */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/xmlreader.h>

#include "statement.h"

#include "base/lib.h"

#define MAX_DEPTH 64
#define MAX_TEXT 4096
#define NS_PREFIX "urn:iso:std:iso:20022:tech:xsd:camt."

struct rd {
	const char *path;
	char *err;
	size_t errlen;
	int failed;
	xmlTextReaderPtr r;
	xmlChar *ns;            /* the document's namespace */
	enum bank_format fmt;
	struct bank_file *out;
	long st;                /* the statement being read, -1 outside one */
	unsigned st_line;
	char *st_id, *elctrnc, *lgl;
	char cre_date[11], grp_date[11];
	int has_open, has_close, open_prcd;
	char close_date[11];
	char close_ccy[4];
	char xml_err[400];      /* libxml2's first error */
	long xml_line;
	long at_line;           /* the line of the Ntry or Stmt being read */
};

__attribute__((format(printf, 4, 5)))
static int fail(struct rd *rd, long line, const char *where, const char *fmt, ...)
{
	if (rd->failed)
		return -1;
	rd->failed = 1;
	if (line <= 0)
		line = rd->at_line;
	int k = snprintf(rd->err, rd->errlen, "%s:%ld: %s: ", rd->path, line > 0 ? line : 1, where);
	if (k >= 0 && (size_t)k < rd->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(rd->err + k, rd->errlen - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static void on_xml_error(void *arg, xmlErrorPtr e)
{
	struct rd *rd = arg;
	if (rd->xml_err[0] || !e)
		return;
	const char *m = e->message ? e->message : "not well-formed";
	/* libxml2's own limit (256) said in the reader's words */
	if (!strncmp(m, "Excessive depth", 15))
		m = "nested deeper than 64 levels";
	snprintf(rd->xml_err, sizeof rd->xml_err, "%s", m);
	size_t n = strlen(rd->xml_err);
	while (n && (rd->xml_err[n - 1] == '\n' || rd->xml_err[n - 1] == ' '))
		rd->xml_err[--n] = '\0';
	rd->xml_line = e->line;
}

static void first_name(void *payload, void *data, const xmlChar *name)
{
	(void)payload;
	const char **first = data;
	if (!*first)
		*first = (const char *)name;
}

/* A DOCTYPE that declares entities, named, or NULL. */
static const char *declared_entity(xmlTextReaderPtr r)
{
	xmlDocPtr doc = xmlTextReaderCurrentDoc(r);
	if (!doc || !doc->intSubset)
		return NULL;
	const char *first = NULL;
	if (doc->intSubset->entities)
		xmlHashScan(doc->intSubset->entities, first_name, &first);
	if (!first && doc->intSubset->pentities)
		xmlHashScan(doc->intSubset->pentities, first_name, &first);
	return first ? first : doc->intSubset->entities || doc->intSubset->pentities ? "?" : NULL;
}

/* --- the expanded trees ------------------------------------------------- */

static int is(const struct rd *rd, const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, rd->ns) &&
	       !strcmp((const char *)n->name, name);
}

static xmlNode *child(const struct rd *rd, const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(rd, c, name))
			return c;
	return NULL;
}

/* The first element along path "A/B/C" below n. */
static xmlNode *at(const struct rd *rd, const xmlNode *n, const char *path)
{
	char name[64];
	while (n && *path) {
		size_t k = strcspn(path, "/");
		if (k >= sizeof name)
			return NULL;
		memcpy(name, path, k);
		name[k] = '\0';
		n = child(rd, n, name);
		path += k + (path[k] == '/');
	}
	return (xmlNode *)n;
}

/* The line where n starts. libxml2 keeps an element's line up to 65535;
 * past it (XML_PARSE_BIG_LINES) only text nodes know theirs, as the line
 * where the text ended: the first text inside n, less the line breaks in
 * it, is the line where it began, right after n's start tag. */
static long line_of(const xmlNode *n)
{
	if (!n)
		return 0;
	if (n->line > 0 && n->line < 65535)
		return n->line;
	const xmlNode *t = n;
	while (t && t->type != XML_TEXT_NODE)
		t = t->children;
	if (!t || !t->psvi)
		return n->line;
	long line = (long)(ptrdiff_t)t->psvi;
	for (const xmlChar *c = t->content; c && *c; c++)
		line -= *c == '\n';
	return line;
}

/* Refuses a tree nested deeper than the levels left. */
static int check_depth(struct rd *rd, const xmlNode *top, int levels, const char *where)
{
	const xmlNode *n = top;
	int d = 0;
	for (;;) {
		if (n->type == XML_ENTITY_REF_NODE)
			return fail(rd, line_of(n->parent), where, "an entity reference (&%s;): entities are refused",
				    (const char *)n->name);
		if (n->type == XML_ELEMENT_NODE && n->children) {
			if (++d > levels)
				return fail(rd, line_of(n), where, "nested deeper than %d levels", MAX_DEPTH);
			n = n->children;
			continue;
		}
		while (n != top && !n->next)
			n = n->parent, d--;
		if (n == top)
			return 0;
		n = n->next;
	}
}

/* The text of n, trimmed, malloc'ed; NULL (no error) when n is NULL or
 * the text empty. Longer than MAX_TEXT: refused. */
static char *text(struct rd *rd, const xmlNode *n, const char *where, int *bad)
{
	if (!n)
		return NULL;
	xmlChar *c = xmlNodeGetContent(n);
	if (!c) {
		*bad = fail(rd, line_of(n), where, "out of memory");
		return NULL;
	}
	char *s = (char *)c, *e = s + strlen(s);
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		e--;
	size_t len = (size_t)(e - s);
	char *r = NULL;
	if (len > MAX_TEXT)
		*bad = fail(rd, line_of(n), where, "a text of %zu bytes, more than %d", len, MAX_TEXT);
	else if (len && !(r = strndup(s, len)))
		*bad = fail(rd, line_of(n), where, "out of memory");
	xmlFree(c);
	return r;
}

/* The text as a message shows it: at most 80 bytes, then "..." */
static const char *shown(const char *s, char buf[96])
{
	if (strlen(s) <= 80)
		return s;
	snprintf(buf, 96, "%.80s...", s);
	return buf;
}

/* "12.34" -> 1234: digits, at most 2 decimals, at most 12 digits before
 * the decimal mark (what CODA allows: sums of them stay far below what
 * cents in 64 bits can count); no sign, no exponent, no blanks inside. */
static int amount(struct rd *rd, const xmlNode *n, const char *where, int64_t *out, char ccy[4])
{
	int bad = 0;
	char *s = text(rd, n, where, &bad);
	if (bad)
		return -1;
	if (!s)
		return fail(rd, line_of(n), where, n ? "empty" : "missing");
	const char *p = s;
	int64_t v = 0;
	int digits = 0, whole = 0, decimals = 0;
	const char *why = NULL;
	/* leading zeros are no digits of the amount; digits past the 12th
	 * are counted, not added: refused below */
	while (isdigit((unsigned char)*p)) {
		digits++;
		if (whole || *p != '0') {
			if (whole < 12)
				v = v * 10 + (*p - '0');
			whole++;
		}
		p++;
	}
	if (!digits)
		why = "";
	else if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			if (++decimals <= 2)
				v = v * 10 + (*p - '0');
			p++;
		}
		if (!decimals)
			why = "";
	}
	if (!why && *p)
		why = "";
	else if (!why && decimals > 2)
		why = " (more than 2 decimals)";
	if (why || whole > 12) {
		char b[96];
		if (why)
			fail(rd, line_of(n), where, "not an amount: %s%s", shown(s, b), why);
		else
			fail(rd, line_of(n), where, "%s: more than 12 digits before the decimal mark", shown(s, b));
		free(s);
		return -1;
	}
	for (; decimals < 2; decimals++)
		v *= 10;
	free(s);
	*out = v;
	if (ccy) {
		xmlChar *c = xmlGetNoNsProp(n, (const xmlChar *)"Ccy");
		int okc = c && strlen((char *)c) == 3 && isupper(c[0]) && isupper(c[1]) && isupper(c[2]);
		if (okc)
			memcpy(ccy, c, 4);
		else {
			char b[96];
			fail(rd, line_of(n), where, c ? "not a currency: %s" : "no currency (Ccy)%s",
			     c ? shown((char *)c, b) : "");
		}
		xmlFree(c);
		if (!okc)
			return -1;
	}
	return 0;
}

/* CdtDbtInd below n: +1 CRDT, -1 DBIT; 0 when missing and optional. */
static int direction(struct rd *rd, const xmlNode *n, const char *where, int optional)
{
	const xmlNode *c = child(rd, n, "CdtDbtInd");
	int bad = 0;
	char *s = text(rd, c, where, &bad);
	int d = 0;
	if (bad)
		return -2;
	if (s && !strcmp(s, "CRDT"))
		d = 1;
	else if (s && !strcmp(s, "DBIT"))
		d = -1;
	else if (s || !optional) {
		char b[96];
		fail(rd, line_of(c ? c : n), where, s ? "not CRDT or DBIT: %s" : "missing%s", s ? shown(s, b) : "");
		d = -2;
	}
	free(s);
	return d;
}

/* A date "YYYY-MM-DD" from n's Dt, or the date of its DtTm
 * ("YYYY-MM-DDThh:mm:ss..."), or of n itself when dttm (CreDtTm). */
static int date_of(struct rd *rd, const xmlNode *n, int dttm, const char *where, char out[11])
{
	const xmlNode *c = n;
	int is_dttm = dttm;
	if (!dttm) {
		c = child(rd, n, "Dt");
		if (!c)
			c = child(rd, n, "DtTm"), is_dttm = 1;
	}
	int bad = 0;
	char *s = text(rd, c, where, &bad);
	if (bad)
		return -1;
	if (!s)
		return fail(rd, line_of(c ? c : n), where, c ? "empty" : "missing (Dt or DtTm)");
	size_t len = strlen(s);
	int ok = len >= 10 && (is_dttm ? len > 10 && s[10] == 'T' : len == 10);
	for (int i = 0; ok && i < 10; i++)
		ok = i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i]) != 0;
	if (ok)
		ok = date_valid(atoi(s), atoi(s + 5), atoi(s + 8));
	if (!ok) {
		char b[96];
		fail(rd, line_of(c), where, "not a date (YYYY-MM-DD): %s", shown(s, b));
	} else
		memcpy(out, s, 10), out[10] = '\0';
	free(s);
	return ok ? 0 : -1;
}

/* An IBAN or BIC as stored: no blanks, upper case. */
static void compact_upper(char *s)
{
	char *w = s;
	for (char *p = s; p && *p; p++)
		if (*p != ' ')
			*w++ = (char)toupper((unsigned char)*p);
	if (s)
		*w = '\0';
}

/* Appends piece to *acc with a blank between (frees piece). */
static int join(char **acc, char *piece)
{
	if (!piece)
		return 0;
	if (!*acc) {
		*acc = piece;
		return 0;
	}
	size_t a = strlen(*acc), b = strlen(piece);
	char *n = realloc(*acc, a + b + 2);
	if (!n) {
		free(piece);
		return -1;
	}
	n[a] = ' ';
	memcpy(n + a + 1, piece, b + 1);
	*acc = n;
	free(piece);
	return 0;
}

/* --- a statement's header ------------------------------------------------ */

static struct bank_statement *cur(struct rd *rd)
{
	return &rd->out->st[rd->st];
}

static int header_piece(struct rd *rd, xmlNode *n)
{
	struct bank_statement *s = cur(rd);
	int bad = 0;
	const char *name = (const char *)n->name;
	const char *top = rd->fmt == BANK_CAMT054 ? "Ntfctn" : "Stmt";
	char where[64];
	snprintf(where, sizeof where, "%s/%s", top, name);
	if (is(rd, n, "Id") && !rd->st_id)
		rd->st_id = text(rd, n, where, &bad);
	else if (is(rd, n, "ElctrncSeqNb") && !rd->elctrnc)
		rd->elctrnc = text(rd, n, where, &bad);
	else if (is(rd, n, "LglSeqNb") && !rd->lgl)
		rd->lgl = text(rd, n, where, &bad);
	else if (is(rd, n, "CreDtTm"))
		bad = date_of(rd, n, 1, where, rd->cre_date);
	else if (is(rd, n, "Acct")) {
		xmlNode *i = at(rd, n, "Id/IBAN");
		snprintf(where, sizeof where, "%s/Acct/Id/%s", top, i ? "IBAN" : "Othr/Id");
		if (!i)
			i = at(rd, n, "Id/Othr/Id");
		free(s->iban);
		s->iban = text(rd, i, where, &bad);
		if (s->iban && !strcmp(s->iban, "NOTPROVIDED"))
			free(s->iban), s->iban = NULL;
		compact_upper(s->iban);
		xmlNode *c = child(rd, n, "Ccy");
		snprintf(where, sizeof where, "%s/Acct/Ccy", top);
		char *ccy = text(rd, c, where, &bad);
		if (ccy && (strlen(ccy) != 3 || !isupper((unsigned char)ccy[0]) ||
			    !isupper((unsigned char)ccy[1]) || !isupper((unsigned char)ccy[2]))) {
			char b[96];
			bad = fail(rd, line_of(c), where, "not a currency: %s", shown(ccy, b));
		} else if (ccy)
			memcpy(s->currency, ccy, 4);
		free(ccy);
	} else if (is(rd, n, "Bal")) {
		xmlNode *tp = at(rd, n, "Tp/CdOrPrtry/Cd");
		if (!tp)
			tp = at(rd, n, "Tp/CdOrPrtry/Prtry");
		char *code = text(rd, tp, "Bal/Tp/CdOrPrtry/Cd", &bad);
		int open = code && (!strcmp(code, "OPBD") || (!strcmp(code, "PRCD") && !rd->has_open));
		int close = code && !strcmp(code, "CLBD") && !rd->has_close;
		int prcd = code && !strcmp(code, "PRCD");
		free(code);
		if (bad || (!open && !close) || (open && rd->has_open && !rd->open_prcd))
			return bad;
		int64_t v;
		char ccy[4], date[11];
		rd->at_line = line_of(n);
		if (!child(rd, n, "Amt"))
			return fail(rd, line_of(n), "Bal/Amt", "missing");
		if (amount(rd, child(rd, n, "Amt"), "Bal/Amt", &v, ccy))
			return -1;
		int d = direction(rd, n, "Bal/CdtDbtInd", 0);
		if (d == -2 || date_of(rd, child(rd, n, "Dt"), 0, "Bal/Dt", date))
			return -1;
		if (open)
			s->opening = d * v, rd->has_open = 1, rd->open_prcd = prcd;
		else {
			s->closing = d * v, rd->has_close = 1;
			memcpy(rd->close_date, date, 11);
			memcpy(rd->close_ccy, ccy, 4);
		}
	}
	return bad ? -1 : 0;
}

static int statement_end(struct rd *rd)
{
	struct bank_statement *s = cur(rd);
	const char *top = rd->fmt == BANK_CAMT054 ? "Ntfctn" : "Stmt";
	if (!rd->st_id) {
		char where[16];
		snprintf(where, sizeof where, "%s/Id", top);
		return fail(rd, rd->st_line, where, "missing");
	}
	const char *seq = rd->elctrnc ? rd->elctrnc : rd->lgl;
	s->seq = seq ? strdup(seq) : NULL;
	size_t n = strlen(rd->st_id) + (seq ? strlen(seq) : 0) + 16;
	const char *iban = s->iban ? s->iban : "";
	n += strlen(iban);
	s->id = malloc(n);
	if (!s->id || (seq && !s->seq))
		return fail(rd, rd->st_line, top, "out of memory");
	if (rd->fmt == BANK_CAMT054)
		snprintf(s->id, n, "camt054:%s:%s", iban, rd->st_id);
	else
		snprintf(s->id, n, "camt:%s:%s:%s", iban, rd->st_id, seq ? seq : "");
	s->has_balances = rd->has_open && rd->has_close;
	if (!s->has_balances)
		s->opening = s->closing = 0;
	memcpy(s->date, rd->has_close ? rd->close_date : rd->cre_date[0] ? rd->cre_date : rd->grp_date, 11);
	if (!s->currency[0])
		snprintf(s->currency, sizeof s->currency, "%s", rd->has_close ? rd->close_ccy : s->n ? s->mv[0].currency : "");
	free(rd->st_id), free(rd->elctrnc), free(rd->lgl);
	rd->st_id = rd->elctrnc = rd->lgl = NULL;
	rd->st = -1;
	return 0;
}

/* --- an entry ----------------------------------------------------------- */

/* The remittance of one TxDtls: the first valid OGM or RF of Strd's
 * CdtrRefInf/Ref as the reference; the Ustrd lines, then any structured
 * reference that does not check and Strd's AddtlRmtInf, as the
 * communication. */
static int remittance(struct rd *rd, const xmlNode *tx, struct bank_movement *m)
{
	xmlNode *ri = child(rd, tx, "RmtInf");
	int bad = 0;
	char *comm = NULL, *rest = NULL;
	for (xmlNode *c = ri ? ri->children : NULL; c && !bad; c = c->next) {
		if (is(rd, c, "Ustrd")) {
			if (join(&comm, text(rd, c, "Ntry/NtryDtls/TxDtls/RmtInf/Ustrd", &bad)))
				bad = fail(rd, line_of(c), "Ntry/NtryDtls/TxDtls/RmtInf/Ustrd", "out of memory");
		} else if (is(rd, c, "Strd")) {
			xmlNode *r = at(rd, c, "CdtrRefInf/Ref");
			char *ref = text(rd, r, "Ntry/NtryDtls/TxDtls/RmtInf/Strd/CdtrRefInf/Ref", &bad);
			char stored[64];
			enum payref_kind k = ref ? payref_parse(ref, strlen(ref), stored, sizeof stored) : PAYREF_NONE;
			if ((k == PAYREF_OGM || k == PAYREF_RF) && !m->reference) {
				free(ref);
				if (!(m->reference = strdup(stored)))
					bad = fail(rd, line_of(r), "Ntry/NtryDtls/TxDtls/RmtInf/Strd", "out of memory");
			} else if (join(&rest, ref))
				bad = fail(rd, line_of(r), "Ntry/NtryDtls/TxDtls/RmtInf/Strd", "out of memory");
			for (xmlNode *a = c->children; a && !bad; a = a->next)
				if (is(rd, a, "AddtlRmtInf") &&
				    join(&rest, text(rd, a, "Ntry/NtryDtls/TxDtls/RmtInf/Strd/AddtlRmtInf", &bad)))
					bad = fail(rd, line_of(a), "Ntry/NtryDtls/TxDtls/RmtInf/Strd", "out of memory");
		}
	}
	if (!bad) {
		if (join(&comm, rest))
			bad = fail(rd, line_of(ri), "Ntry/NtryDtls/TxDtls/RmtInf", "out of memory");
		rest = NULL;
	}
	free(rest);
	m->communication = comm;
	return bad ? -1 : 0;
}

/* The counterparty of one TxDtls: debtor's side (original credit) or
 * creditor's side. */
static int parties(struct rd *rd, const xmlNode *tx, int debtor, struct bank_movement *m)
{
	const char *pty = debtor ? "RltdPties/Dbtr" : "RltdPties/Cdtr";
	char path[64], where[96];
	int bad = 0;
	xmlNode *p = at(rd, tx, pty), *nm = NULL;
	if (p && !(nm = at(rd, p, "Pty/Nm")))
		nm = child(rd, p, "Nm");
	snprintf(where, sizeof where, "Ntry/NtryDtls/TxDtls/%s/Nm", pty);
	m->counterparty = text(rd, nm, where, &bad);
	snprintf(path, sizeof path, "RltdPties/%s/Id/IBAN", debtor ? "DbtrAcct" : "CdtrAcct");
	snprintf(where, sizeof where, "Ntry/NtryDtls/TxDtls/%s", path);
	m->iban = text(rd, at(rd, tx, path), where, &bad);
	compact_upper(m->iban);
	snprintf(path, sizeof path, "RltdAgts/%s/FinInstnId", debtor ? "DbtrAgt" : "CdtrAgt");
	xmlNode *fi = at(rd, tx, path), *bic = child(rd, fi, "BICFI");
	if (!bic)
		bic = child(rd, fi, "BIC");
	snprintf(where, sizeof where, "Ntry/NtryDtls/TxDtls/%s/%s", path, bic ? (const char *)bic->name : "BICFI");
	m->bic = text(rd, bic, where, &bad);
	compact_upper(m->bic);
	return bad ? -1 : 0;
}

static int entry(struct rd *rd, xmlNode *n)
{
	if (check_depth(rd, n, MAX_DEPTH - xmlTextReaderDepth(rd->r), "Ntry"))
		return -1;
	long line = line_of(n);
	int bad = 0;
	rd->at_line = line;
	/* the status: <Sts>BOOK</Sts> (001.02 to 001.05), <Sts><Cd>BOOK</Cd></Sts> */
	xmlNode *sts = child(rd, n, "Sts");
	if (!sts)
		return fail(rd, line, "Ntry/Sts", "missing");
	xmlNode *code = child(rd, sts, "Cd");
	if (!code)
		code = child(rd, sts, "Prtry");
	char *st = text(rd, code ? code : sts, "Ntry/Sts", &bad);
	int booked = st && !strcmp(st, "BOOK");
	free(st);
	if (bad || !booked)
		return bad;

	int64_t amt;
	char ccy[4];
	if (!child(rd, n, "Amt"))
		return fail(rd, line, "Ntry/Amt", "missing");
	if (amount(rd, child(rd, n, "Amt"), "Ntry/Amt", &amt, ccy))
		return -1;
	int dir = direction(rd, n, "Ntry/CdtDbtInd", 0);
	if (dir == -2)
		return -1;
	int reversal = 0;
	xmlNode *rv = child(rd, n, "RvslInd");
	char *rvs = text(rd, rv, "Ntry/RvslInd", &bad);
	if (rvs && (!strcmp(rvs, "true") || !strcmp(rvs, "1")))
		reversal = 1;
	else if (rvs && strcmp(rvs, "false") && strcmp(rvs, "0")) {
		char b[96];
		bad = fail(rd, line_of(rv), "Ntry/RvslInd", "not true or false: %s", shown(rvs, b));
	}
	free(rvs);
	char booking[11], value[11] = "";
	if (bad || date_of(rd, child(rd, n, "BookgDt"), 0, "Ntry/BookgDt", booking))
		return -1;
	if (child(rd, n, "ValDt") && date_of(rd, child(rd, n, "ValDt"), 0, "Ntry/ValDt", value))
		return -1;
	char *ref = text(rd, child(rd, n, "AcctSvcrRef"), "Ntry/AcctSvcrRef", &bad);
	if (bad)
		return -1;

	/* the transactions: every TxDtls of every NtryDtls */
	size_t ntx = 0;
	for (xmlNode *d = n->children; d; d = d->next)
		for (xmlNode *t = is(rd, d, "NtryDtls") ? d->children : NULL; t; t = t->next)
			ntx += is(rd, t, "TxDtls");
	struct bank_statement *s = cur(rd);
	size_t k = 0;
	int64_t sum = 0;
	int same_ccy = 1;
	xmlNode *d = n->children, *t = NULL;
	do {
		/* the next TxDtls, or none for an entry without */
		t = t ? t->next : NULL;
		while (ntx && !is(rd, t, "TxDtls")) {
			if (t)
				t = t->next;
			else {
				while (d && !is(rd, d, "NtryDtls"))
					d = d->next;
				t = d ? d->children : NULL;
				d = d ? d->next : NULL;
			}
		}
		struct bank_movement *m = bank_statement_add(s);
		if (!m) {
			free(ref);
			return fail(rd, line, "Ntry", "out of memory");
		}
		memcpy(m->booking_date, booking, 11);
		memcpy(m->value_date, value, 11);
		m->reversal = reversal;
		m->line = (unsigned)line;
		int mdir = dir;
		m->amount = dir * amt;
		memcpy(m->currency, ccy, 4);
		if (t && ntx > 1) {
			xmlNode *a = child(rd, t, "Amt");
			const char *w = "Ntry/NtryDtls/TxDtls/Amt";
			if (!a)
				a = at(rd, t, "AmtDtls/TxAmt/Amt"), w = "Ntry/NtryDtls/TxDtls/AmtDtls/TxAmt/Amt";
			if (!a) {
				free(ref);
				return fail(rd, line_of(t), "Ntry/NtryDtls/TxDtls",
					    "no amount (Amt or AmtDtls/TxAmt/Amt) in one of the entry's %zu transactions", ntx);
			}
			int64_t v;
			int td = direction(rd, t, "Ntry/NtryDtls/TxDtls/CdtDbtInd", 1);
			if (td == -2 || amount(rd, a, w, &v, m->currency)) {
				free(ref);
				return -1;
			}
			mdir = td ? td : dir;
			m->amount = mdir * v;
			same_ccy &= !strcmp(m->currency, ccy);
		}
		if (__builtin_add_overflow(sum, m->amount, &sum)) {
			free(ref);
			return fail(rd, line, "Ntry/NtryDtls", "its transactions add up to more than can be counted");
		}
		int debtor = (mdir > 0) != reversal;
		if (t && (parties(rd, t, debtor, m) || remittance(rd, t, m))) {
			free(ref);
			return -1;
		}
		/* the bank's reference: the transaction's own, else the entry's
		 * (with the EndToEndId, else the rank, when it has several) */
		char *own = t ? text(rd, at(rd, t, "Refs/AcctSvcrRef"), "Ntry/NtryDtls/TxDtls/Refs/AcctSvcrRef", &bad) : NULL;
		char *e2e = t && !own ? text(rd, at(rd, t, "Refs/EndToEndId"), "Ntry/NtryDtls/TxDtls/Refs/EndToEndId", &bad) : NULL;
		if (e2e && !strcmp(e2e, "NOTPROVIDED"))
			free(e2e), e2e = NULL;
		if (own)
			m->bank_ref = own;
		else if (ref && ntx > 1) {
			size_t len = strlen(ref) + (e2e ? strlen(e2e) : 20) + 2;
			if ((m->bank_ref = malloc(len))) {
				if (e2e)
					snprintf(m->bank_ref, len, "%s/%s", ref, e2e);
				else
					snprintf(m->bank_ref, len, "%s/%zu", ref, k + 1);
			}
		} else if (ref)
			m->bank_ref = strdup(ref);
		else
			m->bank_ref = e2e, e2e = NULL;
		free(e2e);
		if (bad || (ref && !m->bank_ref)) {
			free(ref);
			return bad ? -1 : fail(rd, line, "Ntry", "out of memory");
		}
		k++;
	} while (k < ntx);
	free(ref);
	if (ntx > 1 && same_ccy && sum != dir * amt) {
		char a[32], b[32];
		snprintf(a, sizeof a, "%.2f", (double)sum / 100);
		snprintf(b, sizeof b, "%.2f", (double)(dir * amt) / 100);
		return fail(rd, line, "Ntry/NtryDtls", "its %zu transactions add up to %s, not the entry's %s", ntx, a, b);
	}
	return 0;
}

/* --- the document -------------------------------------------------------- */

/* The line of the reader's node: its own when known (a start tag's line
 * is known up to 65535), else the parser's. */
static long reader_line(struct rd *rd)
{
	xmlNode *n = xmlTextReaderCurrentNode(rd->r);
	long l = n ? xmlGetLineNo(n) : -1;
	return l > 0 && l < 65535 ? l : xmlTextReaderGetParserLineNumber(rd->r);
}

/* The root: Document in the namespace of camt.053.001.02-08 or
 * camt.054.001.02-08. */
static int root(struct rd *rd)
{
	const char *name = (const char *)xmlTextReaderConstLocalName(rd->r);
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(rd->r);
	long line = reader_line(rd);
	char b[96];
	if (!ns || strncmp(ns, NS_PREFIX, strlen(NS_PREFIX)))
		return fail(rd, line, name ? name : "?",
			    "not a camt document (namespace %s, not urn:iso:std:iso:20022:tech:xsd:camt.053 or camt.054)",
			    ns ? shown(ns, b) : "none");
	const char *v = ns + strlen(NS_PREFIX);
	int kind = !strncmp(v, "053.001.0", 9) ? 53 : !strncmp(v, "054.001.0", 9) ? 54 : 0;
	if (!kind || v[9] < '2' || v[9] > '8' || v[10])
		return fail(rd, line, name, "namespace %s: not camt.053 or camt.054 of version 001.02 to 001.08",
			    shown(ns, b));
	if (strcmp(name, "Document"))
		return fail(rd, line, name, "not a camt document (its root is not Document)");
	rd->fmt = kind == 53 ? BANK_CAMT053 : BANK_CAMT054;
	rd->ns = xmlStrdup((const xmlChar *)ns);
	return rd->ns ? 0 : fail(rd, line, name, "out of memory");
}

static int is_here(struct rd *rd, const char *name)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(rd->r);
	return ns && !strcmp(ns, (const char *)rd->ns) && !strcmp((const char *)xmlTextReaderConstLocalName(rd->r), name);
}

/* One element of the stream at depth 1 to 3; sets *skip when its subtree
 * is done with. */
static int element(struct rd *rd, int depth, int *skip)
{
	const char *top = rd->fmt == BANK_CAMT054 ? "Ntfctn" : "Stmt";
	const char *msg = rd->fmt == BANK_CAMT054 ? "BkToCstmrDbtCdtNtfctn" : "BkToCstmrStmt";
	long line = reader_line(rd);
	if (depth == 1) {
		if (!is_here(rd, msg))
			return fail(rd, line, (const char *)xmlTextReaderConstLocalName(rd->r), "not %s", msg);
		return 0;
	}
	if (depth == 2 && is_here(rd, top)) {
		struct bank_statement *s = bank_file_add(rd->out);
		if (!s)
			return fail(rd, line, top, "out of memory");
		s->format = rd->fmt;
		rd->st = (long)(s - rd->out->st);
		rd->st_line = (unsigned)line;
		s->line = (unsigned)line;
		rd->at_line = line;
		rd->has_open = rd->has_close = rd->open_prcd = 0;
		rd->cre_date[0] = '\0';
		if (xmlTextReaderIsEmptyElement(rd->r))
			return statement_end(rd);
		return 0;
	}
	/* what is expanded: the group header, and a statement's entries and
	 * the parts of its header read; anything else is walked through (its
	 * depth checked at each element) and left */
	static const char *const parts[] = { "Ntry", "Id", "ElctrncSeqNb", "LglSeqNb", "CreDtTm", "Acct", "Bal" };
	int ours = 0;
	if (depth == 2)
		ours = is_here(rd, "GrpHdr");
	else if (depth == 3 && rd->st >= 0)
		for (size_t i = 0; i < sizeof parts / sizeof *parts && !ours; i++)
			ours = is_here(rd, parts[i]);
	if (!ours)
		return 0;
	*skip = 1;
	xmlNode *n = xmlTextReaderExpand(rd->r);
	if (!n)
		return rd->xml_err[0] ? fail(rd, rd->xml_line, "XML", "%s", rd->xml_err) : fail(rd, line, top, "out of memory");
	if (depth == 2) {
		if (check_depth(rd, n, MAX_DEPTH - depth, "GrpHdr"))
			return -1;
		xmlNode *c = child(rd, n, "CreDtTm");
		return c ? date_of(rd, c, 1, "GrpHdr/CreDtTm", rd->grp_date) : 0;
	}
	if (is(rd, n, "Ntry"))
		return entry(rd, n);
	if (check_depth(rd, n, MAX_DEPTH - depth, top))
		return -1;
	return header_piece(rd, n);
}

int camt_read(const char *path, const char *data, size_t len, struct bank_file *out, char *err, size_t errlen)
{
	struct rd rd = { .path = path, .err = err, .errlen = errlen, .out = out, .st = -1 };
	if (len > INT_MAX)
		return fail(&rd, 1, "Document", "a file of %zu bytes, too large", len);
	/* no network, no DTD, entities left as they are (never substituted),
	 * the default limits (no XML_PARSE_HUGE), lines past 65535 */
	rd.r = xmlReaderForMemory(data, (int)len, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	if (!rd.r)
		return fail(&rd, 1, "Document", "out of memory");
	xmlTextReaderSetStructuredErrorHandler(rd.r, on_xml_error, &rd);
	xmlSetStructuredErrorFunc(&rd, on_xml_error);
	int ret = 0, skip = 0, seen_root = 0, root_closed = 0;
	while (!rd.failed && (ret = skip ? xmlTextReaderNext(rd.r) : xmlTextReaderRead(rd.r)) == 1) {
		skip = 0;
		int type = xmlTextReaderNodeType(rd.r), depth = xmlTextReaderDepth(rd.r);
		long line = reader_line(&rd);
		if (depth >= MAX_DEPTH) {
			fail(&rd, line, (const char *)xmlTextReaderConstLocalName(rd.r), "nested deeper than %d levels", MAX_DEPTH);
			break;
		}
		const char *ent = declared_entity(rd.r);
		if (ent) {
			fail(&rd, line, "DOCTYPE", "declares entities (%s): refused", ent);
			break;
		}
		if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
			fail(&rd, line, "Document", "an entity reference (&%s;): entities are refused",
			     (const char *)xmlTextReaderConstLocalName(rd.r));
			break;
		}
		if (type == XML_READER_TYPE_END_ELEMENT && depth == 2 && rd.st >= 0)
			statement_end(&rd);
		if (depth == 0 && (type == XML_READER_TYPE_END_ELEMENT ||
				   (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(rd.r))))
			root_closed = 1;
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		if (depth == 0) {
			seen_root = 1;
			root(&rd);
		} else
			element(&rd, depth, &skip);
	}
	/* what libxml2 stopped on, said plainly where it can be: entities it
	 * refused to expand (a loop, an amplification) are refused here for
	 * being declared; a file cut short is one */
	const char *ent = rd.failed ? NULL : declared_entity(rd.r);
	if (ent)
		fail(&rd, rd.xml_line, "DOCTYPE", "declares entities (%s): refused", ent);
	if (!rd.failed && ret == -1 && seen_root && !root_closed &&
	    !strcmp(rd.xml_err, "Extra content at the end of the document"))
		fail(&rd, rd.xml_line, "XML", "the file ends before the end of its root element (cut short?)");
	if (!rd.failed && ret == -1)
		fail(&rd, rd.xml_line, "XML", "%s", rd.xml_err[0] ? rd.xml_err : "not well-formed");
	if (!rd.failed && rd.xml_err[0])
		fail(&rd, rd.xml_line, "XML", "%s", rd.xml_err);
	if (!rd.failed && !seen_root)
		fail(&rd, 1, "Document", "no root element");
	if (!rd.failed && out->n == 0)
		fail(&rd, 1, rd.fmt == BANK_CAMT054 ? "BkToCstmrDbtCdtNtfctn" : "BkToCstmrStmt", "no %s",
		     rd.fmt == BANK_CAMT054 ? "Ntfctn" : "Stmt");
	/* the tree asked for by xmlTextReaderCurrentDoc is ours to free */
	xmlDocPtr doc = xmlTextReaderCurrentDoc(rd.r);
	xmlFreeTextReader(rd.r);
	xmlFreeDoc(doc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFree(rd.ns);
	free(rd.st_id), free(rd.elctrnc), free(rd.lgl);
	if (rd.failed)
		bank_file_free(out);
	return rd.failed ? -1 : 0;
}
