/* demo_bank.c — the demo's bank files (relance demo --bank DIR): money the
 * bank shows before the ledger does, paying the book's overdue invoices
 * the ways debtors pay. Yesterday's statement as a CODA file, today's as
 * a camt.053 file (other credits: importing both counts nothing twice),
 * and bank-payments.csv, the customers' credits of both as the ledger
 * would export them later (what `make bench` compares the bank import
 * with). The same book and seed give the same files. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "demo.h"
#include "demo_rng.h"
#include "bank/lib.h"

/* the demo company's own account (README's company-iban) */
#define DEMO_IBAN "BE71096123456769"

/* what a credit can pay: an overdue invoice and its account */
struct demo_due {
	char invoice_no[65], account_no[65], currency[4];
	char *name, *iban;  /* the account's */
	char reference[64]; /* the invoice's, as its letters print it */
	char account_ref[64];
	int64_t open;
};


static char *dup_or_null(const unsigned char *s)
{
	return s && *s ? xstrdup((const char *)s) : NULL;
}

/* A name as a bank's statement carries it: in the characters CODA's
 * code page has (a bank writes "Nguyen" for "Nguyễn"), its first 35
 * (CODA's field; banks cut longer names) */
static char *bank_name(const char *name)
{
	char latin[256], *in = (char *)name, *out = latin;
	size_t inleft = strlen(name), outleft = sizeof latin - 1;
	iconv_t cd = iconv_open("CP1252//TRANSLIT", "UTF-8");
	if (cd == (iconv_t)-1)
		return xstrdup(name);
	iconv(cd, &in, &inleft, &out, &outleft);
	iconv_close(cd);
	size_t n = (size_t)(out - latin);
	if (n > 35)
		n = 35;
	while (n > 0 && latin[n - 1] == ' ')
		n--;
	char *back = NULL;
	size_t len, bad;
	if (encoding_to_utf8("CP1252", latin, n, &back, &len, &bad) != 0)
		return xstrdup(name);
	return back;
}

/* Every overdue open invoice of the book, oldest first. */
static long read_items(sqlite3 *db, day_t today_, struct demo_due **out)
{
	sqlite3_stmt *q = db_prepare(db,
		"WITH " PAYREF_SHARED_CTE " "
		"SELECT i.invoice_no, i.account_no, i.currency, c.name, "
		" (SELECT min(iban) FROM customer_ibans x WHERE x.account_no = i.account_no), "
		PAYREF_INVOICE_COLS_SWEEP("i") ", c.ref_no, i.open_amount "
		"FROM invoices i JOIN customers c ON c.account_no = i.account_no "
		"WHERE i.status = 'open' AND i.kind = 'invoice' AND i.due_date < ?1 ORDER BY i.due_date, i.invoice_no");
	if (!q)
		return -1;
	char d[11];
	date_iso(today_, d);
	sqlite3_bind_text(q, 1, d, -1, SQLITE_TRANSIENT);
	long n = 0, cap = 0;
	struct demo_due *v = NULL;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			struct demo_due *m = realloc(v, (size_t)cap * sizeof *m);
			if (!m)
				abort();
			v = m;
		}
		struct demo_due *it = &v[n++];
		memset(it, 0, sizeof *it);
		snprintf(it->invoice_no, sizeof it->invoice_no, "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(it->account_no, sizeof it->account_no, "%s", (const char *)sqlite3_column_text(q, 1));
		snprintf(it->currency, sizeof it->currency, "%s", (const char *)sqlite3_column_text(q, 2));
		it->name = dup_or_null(sqlite3_column_text(q, 3));
		it->iban = dup_or_null(sqlite3_column_text(q, 4));
		payref_invoice_of((const char *)sqlite3_column_text(q, 5), sqlite3_column_int64(q, 6),
				  sqlite3_column_int(q, 7), "ogm", it->reference);
		payref_of_number(sqlite3_column_int64(q, 8), "ogm", it->account_ref);
		it->open = sqlite3_column_int64(q, 9);
	}
	sqlite3_finalize(q);
	if (rc != SQLITE_DONE) {
		free(v);
		return -1;
	}
	*out = v;
	return n;
}

static const char *const strangers[] = {"J. Peeters", "Garage Lambert SPRL", "M. et Mme Dupont",
					"Stichting Vrienden", "K. Schmitt", "Unknown"};

/* One credit of item it, paid one of the ways debtors pay (k: 0..99). */
static void credit(struct bank_statement *s, const struct demo_due *it, unsigned k, uint64_t *rng,
		   const char *day, long seq)
{
	struct bank_movement *m = bank_statement_add(s);
	if (!m)
		abort();
	snprintf(m->booking_date, sizeof m->booking_date, "%s", day);
	snprintf(m->value_date, sizeof m->value_date, "%s", day);
	snprintf(m->currency, sizeof m->currency, "%s", it->currency);
	char buf[160];
	snprintf(buf, sizeof buf, "DEMO%.4s%.2s%.2s%06ld", day, day + 5, day + 8, seq);
	m->bank_ref = xstrdup(buf);
	m->amount = it->open;
	m->counterparty = bank_name(it->name ? it->name : it->account_no);
	m->iban = it->iban ? xstrdup(it->iban) : NULL;
	if (k < 40) {                /* the invoice's reference, the whole amount */
		m->reference = xstrdup(it->reference);
	} else if (k < 50) {         /* the same, half of it */
		m->reference = xstrdup(it->reference);
		m->amount = it->open / 2 > 0 ? it->open / 2 : it->open;
	} else if (k < 65) {         /* the invoice number in words */
		snprintf(buf, sizeof buf, "%s %s", k & 1 ? "Facture" : "Factuur", it->invoice_no);
		m->communication = xstrdup(buf);
	} else if (k < 72) {         /* the account's own reference */
		m->reference = xstrdup(it->account_ref);
	} else if (k < 82 && it->iban) { /* only the amount, from a known IBAN */
		;
	} else if (k < 90) {         /* too much, with the reference */
		m->reference = xstrdup(it->reference);
		m->amount = it->open + 1000;
	} else {                     /* from someone the book does not know */
		free(m->counterparty);
		free(m->iban);
		m->counterparty = xstrdup(strangers[demo_draw(rng) % (sizeof strangers / sizeof *strangers)]);
		m->iban = xstrdup("BE62510007547061");
		m->amount = 1000 + (int64_t)(demo_draw(rng) % 90000);
		m->communication = xstrdup(k & 1 ? "Remboursement" : "Voorschot");
	}
}

static void debit(struct bank_statement *s, const char *day, const char *who, int64_t amount, long seq)
{
	struct bank_movement *m = bank_statement_add(s);
	if (!m)
		abort();
	snprintf(m->booking_date, sizeof m->booking_date, "%s", day);
	snprintf(m->value_date, sizeof m->value_date, "%s", day);
	snprintf(m->currency, sizeof m->currency, "EUR");
	char ref[48];
	snprintf(ref, sizeof ref, "DEMO%.4s%.2s%.2s%06ld", day, day + 5, day + 8, seq);
	m->bank_ref = xstrdup(ref);
	m->amount = -amount;
	m->counterparty = xstrdup(who);
	m->communication = xstrdup("Frais / Kosten");
}

/* A statement of day, numbered as banks number daily statements: the
 * day's number in its year (the same day, the same statement) */
static void statement_begin(struct bank_statement *s, enum bank_format fmt, const char *day)
{
	char n[16], jan1[11];
	day_t d = 0, first = 0;
	snprintf(jan1, sizeof jan1, "%.4s-01-01", day);
	date_parse(day, 10, DATE_ISO, &d);
	date_parse(jan1, 10, DATE_ISO, &first);
	int seq = (int)(d - first) + 1;
	s->format = fmt;
	s->iban = xstrdup(DEMO_IBAN);
	snprintf(s->currency, sizeof s->currency, "EUR");
	snprintf(n, sizeof n, "%03d", seq);
	s->seq = xstrdup(n);
	snprintf(s->date, sizeof s->date, "%s", day);
	char id[32]; /* camt's Stmt/Id: the bank's name for the statement */
	snprintf(id, sizeof id, "DEMO-%s", day);
	s->id = xstrdup(id);
	s->has_balances = 1;
	s->opening = 2500000;
}

static void statement_end(struct bank_statement *s)
{
	s->closing = s->opening;
	for (size_t i = 0; i < s->n; i++)
		s->closing += s->mv[i].amount;
}

static int write_with(const char *dir, const char *name, int (*fn)(FILE *, const struct bank_file *),
		      const struct bank_file *f)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct private_file pf;
	if (private_file_open(&pf, path)) {
		msg_error("demo: %s", pf.err);
		return -1;
	}
	errno = 0;
	int ok = fn(pf.fp, f) == 0;
	int why = errno;
	if (private_file_close(&pf, ok) || !ok) {
		if (ok)
			msg_error("demo: %s", pf.err);
		else
			msg_error("demo: cannot write %s: %s", path, why ? strerror(why) : "the writer refused it");
		return -1;
	}
	return 0;
}

/* bank-payments.csv: the customers' credits of both files, as the
 * ledger's payments export */
static int write_payments(FILE *fp, const struct bank_file *f, const char *const *accounts)
{
	fputs("payment_ref,account_no,date,amount,invoice_no,communication\n", fp);
	size_t k = 0;
	for (size_t i = 0; i < f->n; i++)
		for (size_t j = 0; j < f->st[i].n; j++, k++) {
			const struct bank_movement *m = &f->st[i].mv[j];
			if (m->amount <= 0 || !accounts[k])
				continue;
			char amt[32], ref[64] = "";
			money_format(m->amount, amt, sizeof amt);
			if (m->reference)
				payref_display(m->reference, ref, sizeof ref);
			fprintf(fp, "%s,%s,%s,%s,,%s\n", m->bank_ref, accounts[k], m->booking_date, amt,
				m->reference ? ref : m->communication ? m->communication : "");
		}
	return ferror(fp) ? -1 : 0;
}

int demo_bank_write(struct book *b, const struct demo_opts *o, const char *dir, long credits)
{
	day_t t = today();
	struct demo_due *items = NULL;
	long n = read_items(b->db, t, &items);
	if (n < 0)
		return -1;
	if (private_dir(dir)) {
		msg_error("demo: cannot make %s", dir);
		free(items);
		return -1;
	}
	/* yesterday (the last working day before today) and today */
	day_t y = t - 1;
	while (date_weekday(y) >= 5)
		y--;
	char days[2][11];
	date_iso(y, days[0]);
	date_iso(t, days[1]);
	struct bank_file f[2] = {{0}, {0}};
	struct bank_file all = {0};
	uint64_t rng = o->seed * 7919 + 17;
	long per = credits / 2, seq = 0;
	const char **accounts = calloc((size_t)credits + 8, sizeof *accounts);
	if (!accounts)
		abort();
	size_t k = 0;
	for (int d = 0; d < 2; d++) {
		struct bank_statement *s = bank_file_add(&f[d]);
		if (!s)
			abort();
		statement_begin(s, d ? BANK_CAMT053 : BANK_CODA, days[d]);
		long want = d ? credits - per : per;
		for (long i = 0; i < want && n > 0; i++) {
			/* each credit an invoice of its own, spread over the book */
			long at = (long)(((uint64_t)(d * per + i) * (uint64_t)n) / (uint64_t)(credits ? credits : 1));
			unsigned way = (unsigned)(demo_draw(&rng) % 100);
			credit(s, &items[at], way, &rng, days[d], ++seq);
			accounts[k++] = way >= 90 ? NULL : items[at].account_no;
		}
		debit(s, days[d], "Banque / Bank", 1250, ++seq);
		accounts[k++] = NULL;
		statement_end(s);
	}
	all.st = (struct bank_statement[]){f[0].st[0], f[1].st[0]};
	all.n = 2;
	int rc = write_with(dir, "demo-bank.cod", coda_write, &f[0]);
	if (rc == 0)
		rc = write_with(dir, "demo-bank.xml", camt_write, &f[1]);
	if (rc == 0) {
		char path[4096];
		snprintf(path, sizeof path, "%s/bank-payments.csv", dir);
		struct private_file pf;
		rc = private_file_open(&pf, path);
		if (rc == 0) {
			int ok = write_payments(pf.fp, &all, accounts) == 0;
			rc = private_file_close(&pf, ok) || !ok ? -1 : 0;
		}
		if (rc)
			msg_error("demo: %s", pf.err);
	}
	if (rc == 0)
		printf("demo: %s/demo-bank.cod (%s, %zu movements) and %s/demo-bank.xml (%s, %zu movements): "
		       "relance import bank %s/demo-bank.cod %s/demo-bank.xml\n",
		       dir, days[0], f[0].st[0].n, dir, days[1], f[1].st[0].n, dir, dir);
	free(accounts);
	for (long i = 0; i < n; i++) {
		free(items[i].name);
		free(items[i].iban);
	}
	free(items);
	bank_file_free(&f[0]);
	bank_file_free(&f[1]);
	return rc;
}
