/* camt.c — camt.053 and camt.054 read through bank_read (the format found
 * from the content) from hand-written files of tests/data/bank made from
 * the ISO 20022 layouts (001.02 and 001.08, a notification, an entry of
 * two transactions, a reversal, a debit, pending and information entries
 * skipped, OGM, RF, a reference that does not check, free text); every
 * field written by camt_write read back the same, lines past 65535
 * included; broken files refused whole with the line and the element;
 * entity expansion, an external entity and deep nesting refused fast; a
 * statement that does not add up read with a warning. */
#include "bank/lib.h"
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char path[512];

static const char *data_path(const char *name)
{
	const char *d = getenv("TESTS_DATA");
	snprintf(path, sizeof path, "%s/bank/%s", d && *d ? d : "tests/data", name);
	return path;
}

static char *slurp(const char *name, size_t *len)
{
	FILE *f = fopen(data_path(name), "rb");
	if (!f) {
		printf("# cannot open %s\n", path);
		exit(1);
	}
	char *b = NULL;
	size_t cap = 0;
	*len = 0;
	for (;;) {
		if (*len + 4096 > cap && !(b = realloc(b, cap = cap * 2 + 8192)))
			exit(1);
		size_t k = fread(b + *len, 1, 4096, f);
		if (!k)
			break;
		*len += k;
	}
	fclose(f);
	b[*len] = '\0';
	return b;
}

static char err[1024], warn[1024];

/* bank_read of a file of tests/data/bank, named by its file name */
static int read_named(const char *name, struct bank_file *out)
{
	size_t len;
	char *d = slurp(name, &len);
	err[0] = '\0';
	int rc = bank_read(name, d, len, out, err, sizeof err, warn, sizeof warn);
	free(d);
	return rc;
}

static const char *or_null(const char *s)
{
	return s ? s : "(null)";
}

static void same_movement(const struct bank_movement *a, const struct bank_movement *b, size_t i)
{
	is_str(a->booking_date, b->booking_date, "movement %zu: booking date", i);
	is_str(a->value_date, b->value_date, "movement %zu: value date", i);
	is_int(a->amount, b->amount, "movement %zu: amount", i);
	is_str(a->currency, b->currency, "movement %zu: currency", i);
	is_int(a->reversal, b->reversal, "movement %zu: reversal", i);
	is_str(or_null(a->counterparty), or_null(b->counterparty), "movement %zu: counterparty", i);
	is_str(or_null(a->iban), or_null(b->iban), "movement %zu: IBAN", i);
	is_str(or_null(a->bic), or_null(b->bic), "movement %zu: BIC", i);
	is_str(or_null(a->reference), or_null(b->reference), "movement %zu: reference", i);
	is_str(or_null(a->communication), or_null(b->communication), "movement %zu: communication", i);
	is_str(or_null(a->bank_ref), or_null(b->bank_ref), "movement %zu: bank reference", i);
}

static void v02(void)
{
	struct bank_file f;
	ok(read_named("camt053-v02.xml", &f) == 0, "camt.053.001.02 is read: %s", err);
	is_str(warn, "", "it adds up: no warning");
	if (f.n != 1) {
		ok(0, "one statement, not %zu", f.n);
		bank_file_free(&f);
		return;
	}
	struct bank_statement *s = &f.st[0];
	is_int(s->format, BANK_CAMT053, "format camt.053");
	is_str(s->id, "camt:BE68539007547034:STMT-2026-0230:230", "id: the account, Stmt/Id and ElctrncSeqNb");
	is_str(s->seq, "230", "sequence: ElctrncSeqNb before LglSeqNb");
	is_str(s->iban, "BE68539007547034", "the account's IBAN without its blanks");
	is_str(s->currency, "EUR", "Acct/Ccy");
	is_str(s->date, "2026-11-20", "date: the closing balance's");
	ok(s->has_balances && s->opening == 100000 && s->closing == 125450, "OPBD 1000.00 and CLBD 1254.50");
	is_int(s->n, 5, "five movements: the pending entry is skipped, the entry of two transactions is two");
	if (s->n != 5) {
		bank_file_free(&f);
		return;
	}
	struct bank_movement *m = s->mv;
	is_int(m[0].amount, 15000, "a credit of 150.00");
	is_str(m[0].reference, "010806817183", "its OGM (SCOR, BBA) in the stored form");
	is_str(m[0].counterparty, "Boulangerie Dupont SPRL", "Dbtr/Nm");
	is_str(m[0].iban, "BE71096123456769", "DbtrAcct/Id/IBAN");
	is_str(m[0].bic, "GKCCBEBB", "DbtrAgt's BIC");
	is_str(m[0].bank_ref, "2026112000001", "the entry's AcctSvcrRef (EndToEndId NOTPROVIDED is nothing)");
	ok(!m[0].communication && !m[0].reversal, "no free text, no reversal");
	is_str(m[0].booking_date, "2026-11-20", "BookgDt");
	is_str(m[0].value_date, "2026-11-19", "ValDt");
	is_int(m[0].line, 48, "the line of its Ntry");
	is_int(m[1].amount, 10000, "first transaction of the entry: its own amount 100.00");
	is_int(m[2].amount, 20000, "second: 200.00");
	is_str(m[1].reference, "RF18539007547034", "an RF reference");
	is_str(m[1].counterparty, "Garage Martin", "each transaction its debtor");
	is_str(m[1].bank_ref, "2026112000002/E2E-A-1", "the entry's reference with the EndToEndId");
	is_str(m[2].bank_ref, "2026112000002-B", "the transaction's own AcctSvcrRef");
	is_str(m[2].counterparty, "Café & Co", "UTF-8 and a predefined entity");
	is_str(m[2].communication, "facture F2026-0412 et F2026-0413", "Ustrd lines joined by a blank");
	ok(!m[2].reference && !m[2].iban, "no reference, no account given");
	ok(m[1].line == m[2].line && m[1].line == 111, "both on the line of their Ntry (%u)", m[1].line);
	is_int(m[3].amount, -4550, "a debit is negative");
	is_str(m[3].counterparty, "Proximus", "a debit's counterparty is the creditor");
	is_str(m[3].iban, "BE82210000000168", "CdtrAcct");
	is_str(m[3].bic, "GEBABEBB", "CdtrAgt");
	is_int(m[4].amount, -15000, "the reversal of a credit moves money out: negative");
	is_int(m[4].reversal, 1, "and is a reversal");
	is_str(m[4].counterparty, "Boulangerie Dupont SPRL", "its counterparty is the original debtor");
	bank_file_free(&f);
}

static void v08(void)
{
	struct bank_file f;
	ok(read_named("camt053-v08.xml", &f) == 0, "camt.053.001.08 is read: %s", err);
	if (f.n != 1) {
		ok(0, "one statement, not %zu", f.n);
		bank_file_free(&f);
		return;
	}
	struct bank_statement *s = &f.st[0];
	is_str(s->id, "camt:BE68539007547034:B08-STMT-77:77", "id with LglSeqNb when there is no ElctrncSeqNb");
	ok(s->has_balances && s->opening == -2000 && s->closing == 121456, "a debit opening balance is negative");
	is_str(warn, "", "-20.00 + 1234.56 = 1214.56");
	is_int(s->n, 1, "the INFO entry is skipped");
	if (s->n == 1) {
		struct bank_movement *m = s->mv;
		is_int(m->amount, 123456, "TxDtls/Amt");
		is_str(m->counterparty, "Müller GmbH", "Dbtr/Pty/Nm");
		is_str(m->bic, "COBADEFFXXX", "BICFI");
		is_str(m->booking_date, "2026-11-21", "BookgDt/DtTm's date");
		ok(!m->reference, "a structured reference that does not check is no reference");
		is_str(m->communication, "Rechnung 2026-0099 Kunde C000042 010806817184",
		       "it is kept in the communication, after the Ustrd lines");
		is_str(m->bank_ref, "B08-0001", "AcctSvcrRef");
	}
	bank_file_free(&f);
}

static void notification(void)
{
	struct bank_file f;
	ok(read_named("camt054.xml", &f) == 0, "camt.054 is read: %s", err);
	if (f.n != 1) {
		ok(0, "one notification, not %zu", f.n);
		bank_file_free(&f);
		return;
	}
	struct bank_statement *s = &f.st[0];
	is_int(s->format, BANK_CAMT054, "format camt.054");
	is_str(s->id, "camt054:BE68539007547034:NTF-0042", "id: camt054, the account and Ntfctn/Id");
	is_str(s->date, "2026-11-22", "no balances: the date it was made (CreDtTm)");
	ok(!s->has_balances, "no balances");
	is_str(s->currency, "EUR", "the currency of its entries when the account has none");
	if (s->n == 1) {
		is_str(s->mv[0].reference, "010806817183", "an OGM written with its marks");
		is_str(s->mv[0].counterparty, "Jansen BV", "the debtor");
		is_int(s->mv[0].amount, 7525, "75.25");
	} else
		ok(0, "one movement, not %zu", s->n);
	bank_file_free(&f);
}

static void refused(const char *name, const char *want)
{
	struct bank_file f;
	int rc = read_named(name, &f);
	ok(rc == -1 && f.n == 0 && f.st == NULL, "%s is refused whole", name);
	is_str(err, want, "%s: the message", name);
}

/* data read from memory, not from a file */
static int read_text(const char *name, const char *text, struct bank_file *out)
{
	err[0] = warn[0] = '\0';
	return bank_read(name, text, strlen(text), out, err, sizeof err, warn, sizeof warn);
}

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void hostile(void)
{
	struct bank_file f;
	double t0 = seconds();
	ok(read_named("billion-laughs.xml", &f) == -1, "entity expansion is refused");
	ok(seconds() - t0 < 1, "at once (%.3f s)", seconds() - t0);
	ok(strstr(err, "billion-laughs.xml:") == err && strstr(err, ": DOCTYPE: declares entities (lol"),
	   "naming the file and the entities: %s", err);

	ok(read_named("xxe.xml", &f) == -1, "an external entity is refused");
	ok(!strstr(err, "root:"), "and /etc/passwd is not read into anything: %s", err);
	ok(strstr(err, "xxe.xml:") == err && strstr(err, ": DOCTYPE: declares entities (passwd): refused"),
	   "naming the entity: %s", err);

	/* an external DTD is never loaded (a file that is no DTD would fail) */
	ok(read_text("dtd.xml",
		     "<!DOCTYPE Document SYSTEM \"file:///etc/passwd\">\n"
		     "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>"
		     "</Stmt></BkToCstmrStmt></Document>", &f) == 0,
	   "a DOCTYPE declaring no entity is read, its external DTD not loaded: %s", err);
	bank_file_free(&f);

	/* 10,000 levels: inside an entry and right under the root */
	const char *head = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id><Ntry>";
	size_t n = 10000, len = strlen(head) + n * 7 + 64;
	char *d = malloc(len), *p = d;
	p += sprintf(p, "%s", head);
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<a>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "</a>");
	sprintf(p, "</Ntry></Stmt></BkToCstmrStmt></Document>");
	t0 = seconds();
	ok(read_text("deep.xml", d, &f) == -1, "10,000 levels in an entry are refused");
	ok(seconds() - t0 < 1, "at once (%.3f s)", seconds() - t0);
	is_str(err, "deep.xml:1: XML: nested deeper than 64 levels", "with the line and why");
	p = d + sprintf(d, "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "<Stmt>");
	*p = '\0';
	ok(read_text("deep.xml", d, &f) == -1, "10,000 statements in statements are refused");
	is_str(err, "deep.xml:1: Stmt: nested deeper than 64 levels", "past 64 levels");
	free(d);

	/* a text past 4096 bytes is refused, not cut */
	char *big = malloc(6000);
	p = big + sprintf(big, "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>\n<Id>");
	memset(p, 'x', 5000);
	sprintf(p + 5000, "</Id></Stmt></BkToCstmrStmt></Document>");
	ok(read_text("big.xml", big, &f) == -1, "a text of 5000 bytes is refused");
	is_str(err, "big.xml:2: Stmt/Id: a text of 5000 bytes, more than 4096", "saying how long");
	free(big);
}

static void broken(void)
{
	refused("not-camt.xml",
		"not-camt.xml:2: Document: not a camt document (namespace urn:iso:std:iso:20022:tech:xsd:pain.001.001.03, not urn:iso:std:iso:20022:tech:xsd:camt.053 or camt.054)");
	refused("camt052.xml",
		"camt052.xml:2: Document: namespace urn:iso:std:iso:20022:tech:xsd:camt.052.001.02: not camt.053 or camt.054 of version 001.02 to 001.08");
	refused("bad-amount.xml", "bad-amount.xml:10: Ntry/Amt: not an amount: 12.345 (more than 2 decimals)");
	refused("bad-date.xml", "bad-date.xml:13: Ntry/BookgDt: not a date (YYYY-MM-DD): 2026-02-30");
	refused("missing-amt.xml", "missing-amt.xml:9: Ntry/Amt: missing");

	struct bank_file f;
	read_text("html.xml", "<html><body/></html>", &f);
	is_str(err, "html.xml:1: html: not a camt document (namespace none, not urn:iso:std:iso:20022:tech:xsd:camt.053 or camt.054)",
	       "XML that is not camt");
	read_text("v9.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.09\"/>", &f);
	ok(strstr(err, "v9.xml:1: Document: namespace urn:iso:std:iso:20022:tech:xsd:camt.053.001.09: not") == err,
	   "an unknown version: %s", err);
	read_text("cut.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>", &f);
	is_str(err, "cut.xml:1: XML: the file ends before the end of its root element (cut short?)", "a file cut short");

	/* amounts */
	static const char *amounts[][2] = {
		{ "-1.00", "not an amount: -1.00" }, { "+1.00", "not an amount: +1.00" },
		{ "1e3", "not an amount: 1e3" }, { "1.", "not an amount: 1." }, { ".5", "not an amount: .5" },
		{ "1 000.00", "not an amount: 1 000.00" },
		{ "1234567890123456", "1234567890123456: more than 12 digits before the decimal mark" },
		{ "12345678901234.56", "12345678901234.56: more than 12 digits before the decimal mark" },
		{ "30888888888888888888", "30888888888888888888: more than 12 digits before the decimal mark" },
		/* 15 digits and no decimals: 10^17 cents, which 93 credits made
		 * too much for a sum in 64 bits */
		{ "999999999999999", "999999999999999: more than 12 digits before the decimal mark" },
		{ "1000000000000.00", "1000000000000.00: more than 12 digits before the decimal mark" },
		{ "1.234", "not an amount: 1.234 (more than 2 decimals)" },
	};
	for (size_t i = 0; i < sizeof amounts / sizeof *amounts; i++) {
		char doc[1024], want[256];
		snprintf(doc, sizeof doc,
			 "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
			 "<Ntry><Amt Ccy=\"EUR\">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>"
			 "</Stmt></BkToCstmrStmt></Document>", amounts[i][0]);
		snprintf(want, sizeof want, "a.xml:2: Ntry/Amt: %s", amounts[i][1]);
		read_text("a.xml", doc, &f);
		is_str(err, want, "amount %s refused", amounts[i][0]);
	}
	read_text("a.xml",
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
		  "<Ntry><Amt Ccy=\"EUR\">012345678901.5</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>"
		  "</Stmt></BkToCstmrStmt></Document>", &f);
	ok(f.n == 1 && f.st[0].n == 1 && f.st[0].mv[0].amount == 1234567890150,
	   "11 digits after a leading zero and one decimal are read: %s", err);
	bank_file_free(&f);
	static const struct {
		const char *text;
		int64_t cents;
	} largest[] = { { "999999999999.99", 99999999999999 }, { "000000000000999999999999", 99999999999900 } };
	for (size_t i = 0; i < sizeof largest / sizeof *largest; i++) {
		char doc[1024];
		snprintf(doc, sizeof doc,
			 "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
			 "<Ntry><Amt Ccy=\"EUR\">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>"
			 "</Stmt></BkToCstmrStmt></Document>", largest[i].text);
		if (read_text("a.xml", doc, &f) == 0) {
			ok(f.st[0].mv[0].amount == largest[i].cents, "12 digits before the mark are read: %s", largest[i].text);
			bank_file_free(&f);
		} else
			ok(0, "12 digits before the mark are read: %s (%s)", largest[i].text, err);
	}
	read_text("a.xml",
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
		  "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt>\n"
		  "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">4.00</Amt></TxDtls>\n<TxDtls><Amt Ccy=\"EUR\">5.00</Amt></TxDtls></NtryDtls></Ntry>"
		  "</Stmt></BkToCstmrStmt></Document>", &f);
	is_str(err, "a.xml:2: Ntry/NtryDtls: its 2 transactions add up to 9.00, not the entry's 10.00",
	       "transactions that do not make their entry");
	read_text("a.xml",
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
		  "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt>\n"
		  "<NtryDtls><TxDtls><Amt Ccy=\"EUR\">4.00</Amt></TxDtls>\n<TxDtls><Refs/></TxDtls></NtryDtls></Ntry>"
		  "</Stmt></BkToCstmrStmt></Document>", &f);
	is_str(err, "a.xml:4: Ntry/NtryDtls/TxDtls: no amount (Amt or AmtDtls/TxAmt/Amt) in one of the entry's 2 transactions",
	       "a transaction of several without an amount");
	read_text("a.xml",
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>\n<Stmt>\n"
		  "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>"
		  "</Stmt></BkToCstmrStmt></Document>", &f);
	is_str(err, "a.xml:2: Stmt/Id: missing", "a statement without its Id");
	read_text("a.xml",
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
		  "<Ntry><Amt>10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>"
		  "</Stmt></BkToCstmrStmt></Document>", &f);
	is_str(err, "a.xml:2: Ntry/Amt: no currency (Ccy)", "an amount without its currency");
	read_text("a.xml",
		  "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>S</Id>\n"
		  "<Ntry><Amt Ccy=\"EUR\">10.00</Amt><CdtDbtInd>CRED</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-01-01</Dt></BookgDt></Ntry>"
		  "</Stmt></BkToCstmrStmt></Document>", &f);
	is_str(err, "a.xml:2: Ntry/CdtDbtInd: not CRDT or DBIT: CRED", "a direction that is neither");
}

static void unbalanced(void)
{
	size_t len;
	char *d = slurp("camt053-v02.xml", &len);
	char *c = strstr(d, ">1254.50<");
	c[7] = '1';
	struct bank_file f;
	err[0] = '\0';
	ok(bank_read("off.xml", d, len, &f, err, sizeof err, warn, sizeof warn) == 0, "a statement that does not add up is read");
	is_str(warn,
	       "off.xml: statement camt:BE68539007547034:STMT-2026-0230:230 does not add up: opening 1000.00 + movements 254.50 is not closing 1254.51",
	       "with a warning naming it");
	bank_file_free(&f);
	free(d);
}

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void add(struct bank_statement *s, const char *date, const char *vdate, int64_t amount, int rev,
		const char *who, const char *iban, const char *bic, const char *ref, const char *comm, const char *bref)
{
	struct bank_movement *m = bank_statement_add(s);
	snprintf(m->booking_date, sizeof m->booking_date, "%s", date);
	snprintf(m->value_date, sizeof m->value_date, "%s", vdate);
	m->amount = amount;
	memcpy(m->currency, "EUR", 4);
	m->reversal = rev;
	m->counterparty = dup(who), m->iban = dup(iban), m->bic = dup(bic);
	m->reference = dup(ref), m->communication = dup(comm), m->bank_ref = dup(bref);
}

/* camt_write then bank_read: every field back; lines counted past 65535 */
static void round_trip(void)
{
	struct bank_file w = { 0 };
	struct bank_statement *s = bank_file_add(&w);
	s->format = BANK_CAMT053;
	s->id = strdup("camt:BE68539007547034:RT-1:17");
	s->iban = strdup("BE68539007547034");
	s->seq = strdup("17");
	memcpy(s->currency, "EUR", 4);
	memcpy(s->date, "2026-11-23", 11);
	s->has_balances = 1;
	s->opening = -5000;
	char longtext[400];
	snprintf(longtext, sizeof longtext, "%s",
		 "Paiement des factures F2026-0001 F2026-0002 F2026-0003 F2026-0004 F2026-0005 F2026-0006 "
		 "F2026-0007 F2026-0008 F2026-0009 F2026-0010 F2026-0011 F2026-0012 F2026-0013 F2026-0014 "
		 "F2026-0015 F2026-0016 <merci> & \"bonne\" journée");
	add(s, "2026-11-23", "2026-11-22", 15000, 0, "Boulangerie Dupont", "BE71096123456769", "GKCCBEBB",
	    "010806817183", NULL, "R-1");
	add(s, "2026-11-23", "", 2050, 0, "Müller GmbH", "DE89370400440532013000", "COBADEFFXXX",
	    "RF18539007547034", longtext, "R-2");
	add(s, "2026-11-23", "2026-11-23", -4550, 0, "Proximus", "BE82210000000168", "GEBABEBB", NULL,
	    "phone", "R-3");
	add(s, "2026-11-23", "", -15000, 1, "Boulangerie Dupont", "BE71096123456769", NULL, NULL, NULL, "R-4");
	add(s, "2026-11-23", "", 1, 0, NULL, NULL, NULL, NULL, NULL, NULL);
	/* enough entries for lines past 65535 */
	for (int i = 0; i < 2000; i++) {
		char ref[32];
		snprintf(ref, sizeof ref, "BULK-%d", i);
		add(s, "2026-11-23", "2026-11-23", 100 + i, 0, "Client", "BE71096123456769", NULL, NULL, "bulk", ref);
	}
	int64_t sum = 0;
	for (size_t i = 0; i < s->n; i++)
		sum += s->mv[i].amount;
	s->closing = s->opening + sum;
	struct bank_statement *s2 = bank_file_add(&w);
	s2->format = BANK_CAMT053;
	s2->id = strdup("camt::RT-2:");
	memcpy(s2->currency, "EUR", 4);
	memcpy(s2->date, "2026-11-24", 11);
	add(s2, "2026-11-24", "", 990, 0, "Jansen", NULL, NULL, NULL, "x", "R-5");

	FILE *f = tmpfile();
	ok(camt_write(f, &w) == 0, "camt_write writes %zu movements", s->n + s2->n);
	long len = ftell(f);
	rewind(f);
	char *text = malloc((size_t)len + 1);
	ok(fread(text, 1, (size_t)len, f) == (size_t)len, "read back");
	text[len] = '\0';
	fclose(f);
	ok(strstr(text, "xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\""), "a camt.053.001.08 file");
	ok(strstr(text, "<Issr>BBA</Issr>") && strstr(text, "<Ref>010806817183</Ref>"), "the OGM as its 12 digits, Issr BBA");
	ok(strstr(text, "&lt;merci&gt; &amp;"), "text escaped by the writer");
	struct bank_file r;
	err[0] = '\0';
	ok(bank_read("rt.xml", text, (size_t)len, &r, err, sizeof err, warn, sizeof warn) == 0, "read back: %s", err);
	is_str(warn, "", "it adds up");
	ok(r.n == 2, "two statements");
	if (r.n == 2) {
		for (size_t k = 0; k < 2; k++) {
			struct bank_statement *a = &r.st[k], *b = &w.st[k];
			is_str(a->id, b->id, "statement %zu: id", k);
			is_str(or_null(a->seq), or_null(b->seq), "statement %zu: seq", k);
			is_str(or_null(a->iban), or_null(b->iban), "statement %zu: IBAN", k);
			is_str(a->currency, b->currency, "statement %zu: currency", k);
			is_str(a->date, b->date, "statement %zu: date", k);
			is_int(a->has_balances, b->has_balances, "statement %zu: balances", k);
			ok(a->opening == b->opening && a->closing == b->closing, "statement %zu: opening and closing", k);
			is_int(a->n, b->n, "statement %zu: movements", k);
			for (size_t i = 0; i < a->n && i < b->n && i < 6; i++)
				same_movement(&a->mv[i], &b->mv[i], i);
			int all = 1;
			for (size_t i = 6; i < a->n && i < b->n; i++)
				all &= a->mv[i].amount == b->mv[i].amount && !strcmp(a->mv[i].bank_ref, b->mv[i].bank_ref);
			ok(all, "statement %zu: the bulk movements", k);
		}
		/* the line of the last entry, counted in the text */
		unsigned line = 1, at = 0, seen = 0;
		for (const char *p = text; *p; p++) {
			line += *p == '\n';
			if (!strncmp(p, "<Ntry>", 6) && ++seen == r.st[0].n)
				at = line;
		}
		ok(at > 65535, "the last entry is past line 65535 (%u)", at);
		is_int(r.st[0].mv[r.st[0].n - 1].line, at, "its line is right");
	}
	bank_file_free(&r);
	bank_file_free(&w);
	free(text);
}

/* A statement of account BE68539007547034 (or another), Id S1, sequence 5,
 * with the entries given and a closing balance */
static void doc_of(char *doc, size_t size, const char *iban, const char *close_date, const char *entries,
		   const char *more)
{
	snprintf(doc, size,
		 "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>\n"
		 "<Stmt><Id>S1</Id><ElctrncSeqNb>5</ElctrncSeqNb><Acct><Id><IBAN>%s</IBAN></Id></Acct>\n"
		 "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
		 "<Dt><Dt>%s</Dt></Dt></Bal>\n%s</Stmt>\n%s</BkToCstmrStmt></Document>",
		 iban, close_date, entries, more);
}

#define NTRY(amt, day) "<Ntry><Amt Ccy=\"EUR\">" amt "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>" \
		       "<BookgDt><Dt>" day "</Dt></BookgDt></Ntry>\n"

/* Stmt/Id is the bank's: another account's statement of the same Id is
 * another statement; the same id twice in a file must be the same. */
static void ids(void)
{
	struct bank_file f;
	char doc[4096];
	doc_of(doc, sizeof doc, "BE68539007547034", "2026-11-23", NTRY("1.00", "2026-11-23"), "");
	if (ok(read_text("a.xml", doc, &f) == 0, "a statement: %s", err)) {
		is_str(f.st[0].id, "camt:BE68539007547034:S1:5", "its id: the account, Stmt/Id, ElctrncSeqNb");
		is_int(f.st[0].line, 2, "the line of its Stmt");
		bank_file_free(&f);
	}
	doc_of(doc, sizeof doc, "NL91 ABNA 0417 1643 00", "2026-11-23", NTRY("1.00", "2026-11-23"), "");
	if (ok(read_text("a.xml", doc, &f) == 0, "another account's: %s", err)) {
		is_str(f.st[0].id, "camt:NL91ABNA0417164300:S1:5", "another id, of the same Stmt/Id and sequence");
		bank_file_free(&f);
	}
	/* the same statement twice: read (the book keeps one) */
	const char *again = "<Stmt><Id>S1</Id><ElctrncSeqNb>5</ElctrncSeqNb><Acct><Id><IBAN>BE68539007547034</IBAN></Id></Acct>\n"
			    "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
			    "<Dt><Dt>2026-11-23</Dt></Dt></Bal>\n" NTRY("1.00", "2026-11-23") "</Stmt>\n";
	doc_of(doc, sizeof doc, "BE68539007547034", "2026-11-23", NTRY("1.00", "2026-11-23"), again);
	if (ok(read_text("a.xml", doc, &f) == 0, "the same statement twice in a file is read: %s", err)) {
		is_int(f.n, 2, "both");
		bank_file_free(&f);
	}
	/* another of the same id: refused, or its movements would be lost */
	const char *other = "<Stmt><Id>S1</Id><ElctrncSeqNb>5</ElctrncSeqNb><Acct><Id><IBAN>BE68539007547034</IBAN></Id></Acct>\n"
			    "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">3.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
			    "<Dt><Dt>2026-11-23</Dt></Dt></Bal>\n" NTRY("1.00", "2026-11-23") NTRY("2.00", "2026-11-23") "</Stmt>\n";
	doc_of(doc, sizeof doc, "BE68539007547034", "2026-11-23", NTRY("1.00", "2026-11-23"), other);
	is_int(read_text("a.xml", doc, &f), -1, "another statement of the same id in the file is refused");
	is_str(err, "a.xml:6: statement camt:BE68539007547034:S1:5 is in the file twice with other movements: "
	       "1 movement of 1.00 in all on line 2; 2 movements of 3.00 in all here",
	       "naming the statement, both lines and what differs");
}

/* today is pinned to 2026-11-24: tomorrow's booking is read (a bank's
 * day may end after midnight where the collector is), not the day after */
static void future(void)
{
	struct bank_file f;
	char doc[4096];
	doc_of(doc, sizeof doc, "BE68539007547034", "2026-11-25", NTRY("1.00", "2026-11-25"), "");
	if (ok(read_text("a.xml", doc, &f) == 0, "a statement of tomorrow is read: %s", err))
		bank_file_free(&f);
	doc_of(doc, sizeof doc, "BE68539007547034", "2099-12-31", NTRY("1.00", "2026-11-24"), "");
	is_int(read_text("a.xml", doc, &f), -1, "a statement dated 2099-12-31 is refused");
	is_str(err, "a.xml:2: statement camt:BE68539007547034:S1:5: its date 2099-12-31 is after tomorrow "
	       "(today is 2026-11-24): a bank books no day to come; is the file or the computer's date wrong?",
	       "naming the file, the line and the date");
	ok(f.n == 0 && f.st == NULL, "nothing kept");
	doc_of(doc, sizeof doc, "BE68539007547034", "2026-11-24", NTRY("1.00", "2026-11-24") NTRY("1.00", "2026-11-26"), "");
	is_int(read_text("a.xml", doc, &f), -1, "a booking the day after tomorrow is refused");
	is_str(err, "a.xml:5: booking date 2026-11-26 is after tomorrow (today is 2026-11-24): a bank books no day to "
	       "come; is the file or the computer's date wrong?", "naming the entry's line");
}

/* sums of amounts that 64 bits cannot hold: the readers never get there
 * (12 digits), but a statement made otherwise says so, and never wraps */
static void sums(void)
{
	struct bank_file w = { 0 };
	struct bank_statement *s = bank_file_add(&w);
	s->id = strdup("camt::BIG:1");
	s->has_balances = 1;
	for (int i = 0; i < 3; i++) {
		struct bank_movement *m = bank_statement_add(s);
		m->amount = INT64_MAX / 2;
	}
	int64_t sum;
	is_int(bank_statement_sum(s, &sum), -1, "a sum past 64 bits is said");
	char buf[256];
	const char *wn = bank_statement_unbalanced(s, buf, sizeof buf);
	is_str(wn ? wn : "", "statement camt::BIG:1 does not add up: its movements add up to more than can be counted",
	       "and the statement does not add up");
	s->n = 2;
	s->opening = 10;
	is_int(bank_statement_sum(s, &sum), 0, "two of them fit");
	wn = bank_statement_unbalanced(s, buf, sizeof buf);
	ok(wn && strstr(wn, "more than can be counted"), "but not with the opening balance");
	bank_file_free(&w);
}

int main(void)
{
	/* every date of the files is before it, and the future one's after */
	today_set("2026-11-24");
	v02();
	v08();
	notification();
	broken();
	hostile();
	unbalanced();
	round_trip();
	ids();
	future();
	sums();
	return done_testing();
}
