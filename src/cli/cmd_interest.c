/* cmd_interest.c — `relance interest`: an account's late-payment interest
 * period by period (split at each payment and half-year), what may not be
 * claimed and why, invoices paid late (--paid), and waiving (waive). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dunning/lib.h"
#include "base/lib.h"

static const struct table_column interest_cols[] = {
	{"invoice_no", CELL_TEXT}, {"base", CELL_NUMBER}, {"from", CELL_TEXT}, {"to", CELL_TEXT},
	{"days", CELL_NUMBER}, {"rate", CELL_NUMBER}, {"interest", CELL_NUMBER}, {"note", CELL_TEXT},
};

/* Why nothing may be claimed on v, in words. */
static void why_not(const struct dun_account *a, const struct dun_invoice *v, char *out, size_t size)
{
	if (v->waived)
		snprintf(out, size, "waived");
	else if (a->claims == 0)
		snprintf(out, size, "the contract provides for no interest (dunning set --claims no)");
	else if (dunning_consumer_rules(a) == 2)
		snprintf(out, size, "a consumer under %s law: collection costs stay with the creditor", company.country);
	else if (!v->first_pay_by)
		snprintf(out, size, "a consumer: nothing before the free first reminder's 14 days have run (not sent)");
	else {
		char d[11];
		date_iso(v->first_pay_by, d);
		snprintf(out, size, "a consumer: nothing before the first reminder's period ends on %s", d);
	}
}

struct sums {
	int64_t principal, interest, late; /* late: invoices that owe the compensation */
};

/* The rows of one invoice; 0 or -1 after a message. */
static int invoice_rows(struct table *t, sqlite3 *db, const struct dun_account *a, const struct dun_invoice *v,
			day_t until, struct sums *s)
{
	char base[32], note[160];
	if (!dunning_claimable(a, v, until)) {
		why_not(a, v, note, sizeof note);
		money_format(v->open, base, sizeof base);
		const char *cells[] = {v->invoice_no, base, "", "", "0", "", "0.00", note};
		table_row(t, cells);
		return 0;
	}
	struct interest_calc *c = malloc(sizeof *c);
	char err[256];
	if (!c)
		abort();
	if (dunning_interest(db, a, v, until, c, err, sizeof err)) {
		msg_error("interest: %s: %s", v->invoice_no, err);
		free(c);
		return -1;
	}
	s->principal += v->open, s->interest += c->total, s->late++;
	if (!c->n) {
		money_format(v->open, base, sizeof base);
		const char *cells[] = {v->invoice_no, base, "", "", "0", "", "0.00",
				       a->proc.consumer ? "a consumer: interest only at a contractual rate" : ""};
		table_row(t, cells);
	}
	day_t paid = 0;
	if (v->npaid) {
		struct interest_debt d;
		dunning_debt(a, v, &d);
		paid = interest_paid_on(&d);
	}
	for (int k = 0; k < c->n; k++) {
		const struct interest_line *l = &c->lines[k];
		char from[11], to[11], days[12], rate[16], cents[32];
		money_format(l->base, base, sizeof base);
		date_iso(l->from, from);
		date_iso(l->to, to);
		snprintf(days, sizeof days, "%d", l->days);
		money_format(l->rate, rate, sizeof rate);
		money_format(l->cents, cents, sizeof cents);
		note[0] = '\0';
		if (a->rate >= 0)
			snprintf(note, sizeof note, "contractual rate");
		if (k == c->n - 1 && paid)
			snprintf(note + strlen(note), sizeof note - strlen(note), "%spaid in full on %s",
				 note[0] ? "; " : "", to);
		const char *cells[] = {v->invoice_no, base, from, to, days, rate, cents, note};
		table_row(t, cells);
	}
	free(c);
	return 0;
}

static int waive(const struct cli_globals *g, int argc, char **argv)
{
	struct opts o;
	const char *account = NULL, *note = NULL;
	char **invoices = calloc((size_t)argc + 1, sizeof *invoices);
	size_t n = 0;
	if (!invoices)
		abort();
	opts_init(&o, "interest waive", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--note"))
			note = o.arg;
		else {
			const char *p = opts_positional(&o);
			if (p && !account)
				account = p;
			else if (p)
				invoices[n++] = (char *)p;
		}
	}
	if (!o.bad && (!account || !note || !*note))
		msg_error("interest waive: usage: relance interest waive ACCOUNT [INVOICE...] --note TEXT"), o.bad = 1;
	struct book b;
	int rc = o.bad ? 2 : book_open_at(&b, g->db, BOOK_EXISTING) ? 1 : 0;
	if (!rc) {
		char summary[400];
		rc = interest_waive(&b, g->user, account, invoices, n, note, summary, sizeof summary);
		if (!rc)
			printf("%s: %s\n", account, summary);
		rc = rc ? 1 : 0;
		book_close(&b);
	}
	free(invoices);
	return rc;
}

int cmd_interest(const struct cli_globals *g, int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "waive"))
		return waive(g, argc - 1, argv + 1);
	struct opts o;
	const char *account = NULL;
	int fmt = FMT_TEXT, paid = 0;
	day_t until = 0;
	opts_init(&o, "interest", argc, argv);
	while (opts_more(&o)) {
		if (opts_value(&o, "--until"))
			opts_date(&o, WHEN_ANY_DAY, &until);
		else if (opts_value(&o, "--format"))
			fmt = opts_format(&o);
		else if (opts_flag(&o, "--paid"))
			paid = 1;
		else
			opts_account(&o, &account);
	}
	if (!o.bad && !account)
		msg_error("interest: usage: relance interest ACCOUNT [--until D] [--paid]"), o.bad = 1;
	if (o.bad || fmt < 0)
		return 2;
	struct book b;
	struct dun_account a;
	if (dunning_cmd_load(g, "interest", account, &b, &a))
		return 1;
	if (!until)
		until = today();
	int rc = paid && dunning_load_paid_late(b.db, &a) ? 1 : 0;
	struct table t;
	struct sums s = {0};
	table_begin(&t, (enum out_format)fmt, interest_cols, sizeof interest_cols / sizeof interest_cols[0], stdout);
	for (size_t i = 0; !rc && !paid && i < a.n; i++)
		if (a.inv[i].due < until && a.inv[i].state != DUN_DISPUTED && invoice_rows(&t, b.db, &a, &a.inv[i], until, &s))
			rc = 1;
	for (size_t i = 0; !rc && paid && i < a.nlate; i++)
		if (invoice_rows(&t, b.db, &a, &a.late[i], until, &s))
			rc = 1;
	table_end(&t);
	if (!rc && fmt == FMT_TEXT) {
		int rules = dunning_consumer_rules(&a);
		char s_principal[32], s_total[32], s_comp[32], s_all[32], s_until[11];
		date_iso(until, s_until);
		int64_t comp = rules == 1 ? consumer_damages(s.principal) : rules == 0 ? COMPENSATION_CENTS * s.late : 0;
		money_format_grouped(s.principal, s_principal, sizeof s_principal);
		money_format_grouped(s.interest, s_total, sizeof s_total);
		money_format_grouped(comp, s_comp, sizeof s_comp);
		money_format_grouped(s.principal + s.interest + comp, s_all, sizeof s_all);
		if (paid)
			printf("\n%d invoice%s paid late: interest %s (until each was paid in full)\n", (int)s.late,
			       s.late == 1 ? "" : "s", s_total);
		else
			printf("\nprincipal %s; interest %s (%s%s, on what was due in each period, simple, "
			       "actual days / 365, until %s)\n",
			       s_principal, s_total,
			       rules ? a.rate >= 0 ? "a consumer: contractual rate, at most the statutory one, "
						     "from the end of the first reminder's period"
						   : "none without a contractual rate: a consumer"
			       : a.rate >= 0 ? "contractual rate" : "statutory rate of ",
			       a.rate >= 0 || rules ? "" : company.country, s_until);
		if (rules == 1)
			printf("damages (consumer bands, XIX.4) %s", s_comp);
		else if (rules == 0)
			printf("fixed compensation (40.00 per late invoice) %s", s_comp);
		else
			printf("no compensation or damages: a consumer under %s law", company.country);
		printf("; in all %s\n", s_all);
	}
	dunning_account_free(&a);
	book_close(&b);
	return rc;
}
