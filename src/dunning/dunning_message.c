/* dunning_message.c — a message's amounts (principal, interest,
 * compensation or damages, fee), its payment reference and deadline, its
 * text from the template, its letter as a PDF and its EPC QR code. */
#include "dunning.h"

#include <stdlib.h>
#include <string.h>

#include "company.h"
#include "epc.h"
#include "base/lib.h"
#include "interest.h"
#include "letter_pdf.h"
#include "qr.h"
#include "template.h"

void dunning_account_reference(const struct dun_account *a, char out[64])
{
	/* one sequence of numbers for accounts and invoices: never an invoice's */
	if (a->ref_no > 0)
		payref_of_number(a->ref_no, company_reference_kind(), out);
	else
		out[0] = '\0';
}

int dunning_consumer_rules(const struct dun_account *a)
{
	if (!a->proc.consumer)
		return 0;
	return !company.country[0] || !strcmp(company.country, "BE") ? 1 : 2;
}

int dunning_claimable(const struct dun_account *a, const struct dun_invoice *v, day_t today)
{
	if (v->waived || a->claims == 0 || v->due >= today)
		return 0;
	switch (dunning_consumer_rules(a)) {
	case 0:
		return 1;
	case 1: /* the free first reminder was sent and its 14 days have run */
		return v->first_pay_by && v->first_pay_by < today;
	default:
		return 0;
	}
}

void dunning_debt(const struct dun_account *a, const struct dun_invoice *v, struct interest_debt *d)
{
	d->amount = v->amount;
	d->open = v->open;
	d->paid = v->npaid ? a->paid + v->paid_at : NULL;
	d->npaid = v->npaid;
}

int dunning_interest(sqlite3 *db, const struct dun_account *a, const struct dun_invoice *v, day_t until,
		     struct interest_calc *c, char *err, size_t errlen)
{
	struct interest_debt debt;
	dunning_debt(a, v, &debt);
	if (!a->proc.consumer)
		return a->rates ? interest_compute_with(a->rates, company.country, a->rate, &debt, v->due, until, c,
							err, errlen)
				: interest_compute(db, company.country, a->rate, &debt, v->due, until, c, err, errlen);
	memset(c, 0, sizeof *c);
	if (a->rate < 0 || dunning_consumer_rules(a) != 1 || !v->first_pay_by)
		return 0; /* none without a contract, none before the first reminder's period ends */
	struct interest_calc law;
	day_t from = v->first_pay_by > v->due ? v->first_pay_by : v->due;
	if (a->rates ? interest_compute_with(a->rates, company.country, a->rate, &debt, from, until, c, err, errlen) ||
		       interest_compute_with(a->rates, company.country, -1, &debt, from, until, &law, err, errlen)
		     : interest_compute(db, company.country, a->rate, &debt, from, until, c, err, errlen) ||
		       interest_compute(db, company.country, -1, &debt, from, until, &law, err, errlen))
		return -1;
	c->total = 0; /* no higher than the business rate, period by period */
	for (int k = 0; k < c->n; k++) {
		if (law.lines[k].rate < c->lines[k].rate)
			c->lines[k] = law.lines[k];
		c->total += c->lines[k].cents;
	}
	return 0;
}

/* The deadline a message gives: the oldest due date before it; 14 days
 * to pay, counted from the day after an e-mail or text, or from the
 * third working day after a letter is posted (XIX.2, for everyone alike;
 * weekends and Belgian public holidays are not working days). */
static day_t deadline(const struct dun_message *m, day_t today)
{
	if (m->step->days < 0) {
		day_t due = 0;
		for (size_t i = 0; i < m->n; i++)
			if (!due || m->a->inv[m->which[i]].due < due)
				due = m->a->inv[m->which[i]].due;
		return due;
	}
	return channel_on_paper(m->channel) ? working_days_after(today, 3) + 13 : today + 14;
}

static void short_date(const char *lang, day_t d, char out[11])
{
	int y, mo, dd;
	civil_from_days(d, &y, &mo, &dd);
	if (!strcmp(lang, "en"))
		date_iso(d, out);
	else
		snprintf(out, 11, !strcmp(lang, "de") ? "%02d.%02d.%04d" : "%02d/%02d/%04d", dd % 100, mo % 100,
			 y % 10000);
}

/* Pads s with blanks to `width` columns (display width). */
static void pad(struct sbuf *b, const char *s, size_t width, int right)
{
	size_t w = utf8_width(s, strlen(s));
	if (right)
		for (size_t i = w; i < width; i++)
			sbuf_put(b, " ", 1);
	sbuf_puts(b, s);
	if (!right)
		for (size_t i = w; i < width; i++)
			sbuf_put(b, " ", 1);
}

/* The invoice table of an e-mail or text: one line a invoice. */
static void invoice_table(const struct dun_message *m, const char *lang, struct sbuf *b)
{
	size_t wno = utf8_width(lang_label(lang, L_INVOICE), strlen(lang_label(lang, L_INVOICE)));
	for (size_t i = 0; i < m->n; i++) {
		const char *no = m->a->inv[m->which[i]].invoice_no;
		if (utf8_width(no, strlen(no)) > wno)
			wno = utf8_width(no, strlen(no));
	}
	sbuf_puts(b, "  ");
	pad(b, lang_label(lang, L_INVOICE), wno + 2, 0);
	pad(b, lang_label(lang, L_DATE), 12, 0);
	pad(b, lang_label(lang, L_DUE), 12, 0);
	pad(b, lang_label(lang, L_AMOUNT), 16, 1);
	pad(b, lang_label(lang, L_OPEN), 16, 1);
	sbuf_puts(b, "\n");
	for (size_t i = 0; i < m->n; i++) {
		const struct dun_invoice *v = &m->a->inv[m->which[i]];
		char issue[11] = "", due[11], amount[64], open[64];
		day_t d;
		if (v->issue_date[0] && !date_parse(v->issue_date, strlen(v->issue_date), DATE_ISO, &d))
			short_date(lang, d, issue);
		short_date(lang, v->due, due);
		lang_money(lang, v->amount, v->currency, amount, sizeof amount);
		lang_money(lang, v->open, v->currency, open, sizeof open);
		sbuf_puts(b, "  ");
		pad(b, v->invoice_no, wno + 2, 0);
		pad(b, issue, 12, 0);
		pad(b, due, 12, 0);
		pad(b, amount, 16, 1);
		pad(b, open, 16, 1);
		if (v->description[0]) { /* what it was for, under its date (XIX.2) */
			sbuf_puts(b, "\n  ");
			pad(b, "", wno + 2, 0);
			sbuf_puts(b, v->description);
		}
		if (i + 1 < m->n)
			sbuf_puts(b, "\n");
	}
}

/* Percent-encodes s for a URL. */
static void url_put(struct sbuf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || strchr("-._~", c))
			sbuf_put(b, (const char *)&c, 1);
		else
			sbuf_printf(b, "%%%02X", c);
	}
}

static void pay_link(const struct dun_message *m, struct sbuf *b)
{
	char amount[32];
	money_format(m->grand, amount, sizeof amount);
	for (const char *p = company.payment_link; *p; p++) {
		if (*p == '%' && (p[1] == 'r' || p[1] == 'a' || p[1] == 'c')) {
			url_put(b, p[1] == 'r' ? m->reference : p[1] == 'a' ? amount : m->a->account_no);
			p++;
		} else {
			sbuf_put(b, p, 1);
		}
	}
}

static void add_rate(struct dun_message *m, int rate)
{
	for (int j = 0; j < m->nrates; j++)
		if (m->rate_list[j] == rate)
			return;
	if (m->nrates < DUN_MAX_RATES)
		m->rate_list[m->nrates++] = rate;
}

/* m->rates: each rate used, in lang's way: "11,50 % / 10,50 %". */
static void rates_text(struct dun_message *m, const char *lang)
{
	size_t o = 0;
	m->rates[0] = '\0';
	for (int j = 0; j < m->nrates; j++) {
		char r[32];
		lang_rate(lang, m->rate_list[j], r, sizeof r);
		o += (size_t)snprintf(m->rates + o, sizeof m->rates - o, "%s%s", j ? " / " : "", r);
		if (o >= sizeof m->rates)
			break;
	}
}

/* What the message claims beyond the principal. Each invoice's interest
 * and compensation (a Belgian consumer's: damages on the balance of those
 * invoices) once the procedure claims at this step and the invoice is
 * claimable (dunning_claimable); a Belgian consumer's fee only once
 * something is (XIX.2, XIX.4: after the free first reminder's period, at
 * most 7.50 plus postage); nothing at all from a consumer under another
 * law, or when the contract provides for none. */
static int amounts(sqlite3 *db, struct dun_message *m, day_t today, char *err, size_t errlen)
{
	const struct dun_account *a = m->a;
	const struct procedure *p = &a->proc;
	int rules = dunning_consumer_rules(a);
	int claims = procedure_claims_at(p, m->step->step) && a->claims != 0;
	int64_t damages_base = 0, claimable = 0;
	m->interest_rate = -1;
	for (size_t i = 0; i < m->n; i++)
		m->total += a->inv[m->which[i]].open;
	m->nrates = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct dun_invoice *v = &a->inv[m->which[i]];
		if (!dunning_claimable(a, v, today))
			continue;
		claimable++;
		if (!claims)
			continue;
		if (!p->consumer || a->rate >= 0) {
			struct interest_calc c;
			if (dunning_interest(db, a, v, today, &c, err, errlen))
				return -1;
			m->interest += c.total;
			for (int k = 0; k < c.n; k++) /* each rate used, once (written in render_as) */
				add_rate(m, c.lines[k].rate);
			if (c.n && m->interest_rate < 0)
				m->interest_rate = c.lines[c.n - 1].rate;
		}
		if (!p->consumer)
			m->compensation += COMPENSATION_CENTS;
		damages_base += v->open;
	}
	if (claims && rules == 1)
		m->damages = consumer_damages(damages_base);
	m->fee = m->step->fee;
	if (a->claims == 0 || rules == 2 || (rules == 1 && !claimable))
		m->fee = 0;
	if (rules == 1 && m->fee > 750)
		m->fee = 750;
	if (rules == 1 && m->fee && channel_on_paper(m->channel))
		m->fee += company.postage;
	m->grand = m->total + m->interest + m->compensation + m->damages + m->fee;
	return 0;
}

/* Replaces "; " separated address parts with ", " for a line of text. */
static void one_line(const char *s, char *out, size_t size)
{
	size_t o = 0;
	for (; *s && o + 3 < size; s++) {
		if (*s == ';') {
			out[o++] = ',';
			if (s[1] != ' ')
				out[o++] = ' ';
		} else {
			out[o++] = *s;
		}
	}
	out[o] = '\0';
}

#define INVOICES_MARK "\x1e"

/* The person a letter is written to: the contact, unless it only repeats
 * the name; a consumer without one is the person himself. NULL: nobody by
 * name (a company without a contact person). */
static const char *contact_person(const struct dun_account *a)
{
	if (a->contact[0] && strcmp(a->contact, a->name))
		return a->contact;
	return a->proc.consumer ? a->name : NULL;
}

/* probe: every value present (dunning_render_check: a template that
 * renders so cannot fail, whatever the values). */
static int render_as(sqlite3 *db, struct dun_message *m, const char *lang, day_t today, int for_letter,
		     int probe, char *err, size_t errlen)
{
	(void)db;
	const struct dun_account *a = m->a;
	char used[3];
	char *text = template_find(m->step->template, lang, used, m->where, sizeof m->where);
	if (!text) {
		snprintf(err, errlen, "no template %s (data/templates/%s/)", m->step->template, lang);
		return -1;
	}
	snprintf(m->lang, sizeof m->lang, "%s", lang_known(used));
	const char *L = m->lang;
	const char *cur = m->n ? a->inv[m->which[0]].currency : "EUR";
	char total[64], interest[64], comp[64], fee[64], damages[64], grand[64], ref[64];
	char oldest[64] = "", days[32] = "0", date[64], pay_by[64], address[300], greeting[600], iban[64];
	lang_money(L, m->total, cur, total, sizeof total);
	lang_money(L, m->interest, cur, interest, sizeof interest);
	lang_money(L, m->compensation, cur, comp, sizeof comp);
	lang_money(L, m->fee, cur, fee, sizeof fee);
	/* a Belgian consumer's first reminder says what damages will be claimed,
	 * when the procedure and the contract will claim them */
	int claims_later = a->claims != 0 && a->proc.nsteps &&
			   procedure_claims_at(&a->proc, a->proc.steps[a->proc.nsteps - 1].step);
	int64_t will = m->damages;
	if (!will && dunning_consumer_rules(a) == 1 && claims_later && !procedure_claims_at(&a->proc, m->step->step))
		will = consumer_damages(m->total);
	/* a business is told what the law lets us claim, when we will */
	const char *will_claim = claims_later && dunning_consumer_rules(a) == 0 ? "yes" : "";
	lang_money(L, will, cur, damages, sizeof damages);
	lang_money(L, m->grand, cur, grand, sizeof grand);
	rates_text(m, L);
	payref_display(m->reference, ref, sizeof ref);
	if (m->n) {
		day_t due = a->inv[m->which[0]].due;
		for (size_t i = 1; i < m->n; i++)
			if (a->inv[m->which[i]].due < due)
				due = a->inv[m->which[i]].due;
		lang_date(L, due, oldest, sizeof oldest);
		lang_number(L, today > due ? (int64_t)(today - due) : 0, 0, days, sizeof days);
	}
	lang_date(L, today, date, sizeof date);
	lang_date(L, m->pay_by, pay_by, sizeof pay_by);
	one_line(company.address, address, sizeof address);
	lang_greeting(L, contact_person(a), greeting, sizeof greeting);
	iban_grouped(company.iban, iban, sizeof iban);
	struct sbuf table = {0}, link = {0};
	if (for_letter)
		sbuf_puts(&table, INVOICES_MARK);
	else
		invoice_table(m, L, &table);
	pay_link(m, &link);
	char count[16], full_name[200], number[40];
	snprintf(count, sizeof count, "%zu", m->n);
	/* the legal mentions (CCA 2:20): a letter has them in its letterhead */
	struct sbuf legal = {0};
	if (!for_letter)
		company_legal(L, "\n", &legal);
	company_full_name(full_name, sizeof full_name);
	company_number(number, sizeof number);
	const struct tpl_value v[] = {
		{"company", full_name, 0}, {"company_vat", company.vat, 0},
		{"company_number", number[0] ? number : company.vat, 0}, {"company_legal", legal.s ? legal.s : "", 0},
		{"company_address", address, 0}, {"company_iban", iban, 0},
		{"company_bic", company.bic, 0}, {"company_email", company.email, 0},
		{"company_phone", company.phone, 0}, {"name", a->name, 0},
		{"contact", a->contact[0] ? a->contact : a->name, 0}, {"account", a->account_no, 0},
		{"greeting", greeting, 0},
		{"invoices", table.s ? table.s : "", 0}, {"count", count, 0},
		{"total", total, 1}, {"oldest_due", oldest, 0}, {"days", days, 0},
		{"interest", interest, 1}, {"interest_rate", m->rates, 0}, {"compensation", comp, 1},
		{"will_claim", will_claim, 0},
		{"fee", fee, 1}, {"damages", damages, 1}, {"grand_total", grand, 1},
		{"reference", ref, 0}, {"reference_label", payref_label(m->reference, L), 0},
		{"pay_link", link.s ? link.s : "", 0}, {"pay_by", pay_by, 0},
		{"date", date, 0}, {"collector", a->collector, 0},
	};
	struct tpl_value all[sizeof v / sizeof v[0]];
	for (size_t i = 0; probe && i < sizeof v / sizeof v[0]; i++)
		all[i] = (struct tpl_value){v[i].key, "1", v[i].amount};
	m->subject.len = m->body.len = 0;
	int rc = template_render(text, m->where, probe ? all : v, sizeof v / sizeof v[0], &m->subject, &m->body, err,
				 errlen);
	free(text);
	sbuf_free(&legal);
	sbuf_free(&table);
	sbuf_free(&link);
	return rc;
}

/* The message's payment reference and deadline: only its text says them. */
static void reference_deadline(struct dun_message *m, day_t today)
{
	if (m->n == 1)
		snprintf(m->reference, sizeof m->reference, "%s",
			 dunning_invoice_reference(&m->a->inv[m->which[0]]));
	else
		dunning_account_reference(m->a, m->reference);
	m->pay_by = deadline(m, today);
}

/* What dunning_render does before the text (text: with what only the
 * text says). */
static int render_prepare(sqlite3 *db, struct dun_message *m, day_t today, int text, char *err, size_t errlen)
{
	if (!m->step || !m->n) {
		snprintf(err, errlen, "nothing to send");
		return -1;
	}
	m->total = m->interest = m->compensation = m->fee = m->damages = m->grand = 0;
	snprintf(m->channel, sizeof m->channel, "%s", m->step->channel);
	if ((!strcmp(m->channel, "email") && !m->a->email[0]) || (!strcmp(m->channel, "sms") && !m->a->phone[0]))
		snprintf(m->channel, sizeof m->channel, "letter");
	if (text)
		reference_deadline(m, today);
	return amounts(db, m, today, err, errlen);
}

int dunning_render(sqlite3 *db, struct dun_message *m, const char *lang, day_t today, char *err, size_t errlen)
{
	if (render_prepare(db, m, today, 1, err, errlen))
		return -1;
	return render_as(db, m, lang ? lang : m->a->language, today, 0, 0, err, errlen);
}

void dun_templates_free(struct dun_templates *t)
{
	t->n = 0;
}

int dunning_render_check(struct dun_run *r, struct dun_message *m, day_t today, char *err, size_t errlen)
{
	sqlite3 *db = dunning_run_db(r);
	if (render_prepare(db, m, today, 0, err, errlen))
		return -1;
	const char *lang = m->a->language;
	struct dun_templates *t = dunning_run_templates(r);
	struct dun_template_seen *seen = NULL;
	for (size_t i = 0; i < t->n && !seen; i++)
		if (!strcmp(t->t[i].name, m->step->template) && !strcmp(t->t[i].lang, lang))
			seen = &t->t[i];
	if (!seen && t->n < DUN_RUN_TEMPLATES && strlen(m->step->template) < sizeof seen->name &&
	    strlen(lang) < sizeof seen->lang) {
		/* tried once with every value present: every line is then read through */
		struct dun_message probe = *m;
		reference_deadline(&probe, today);
		probe.subject = probe.body = (struct sbuf){0};
		char perr[8];
		seen = &t->t[t->n++];
		snprintf(seen->name, sizeof seen->name, "%s", m->step->template);
		snprintf(seen->lang, sizeof seen->lang, "%s", lang);
		seen->sure = render_as(db, &probe, lang, today, 0, 1, perr, sizeof perr) == 0;
		snprintf(seen->used, sizeof seen->used, "%s", probe.lang);
		snprintf(seen->where, sizeof seen->where, "%s", probe.where);
		sbuf_free(&probe.subject);
		sbuf_free(&probe.body);
	}
	if (!seen || !seen->sure) { /* it may fail: as dunning_render, to fail the same way */
		reference_deadline(m, today);
		return render_as(db, m, lang, today, 0, 0, err, errlen);
	}
	snprintf(m->lang, sizeof m->lang, "%s", seen->used);
	snprintf(m->where, sizeof m->where, "%s", seen->where);
	return 0;
}

void dunning_message_free(struct dun_message *m)
{
	free(m->which);
	m->which = NULL;
	sbuf_free(&m->subject);
	sbuf_free(&m->body);
}

int dunning_epc(const struct dun_account *a, int64_t cents, const char *ref, struct sbuf *out, char *err,
		size_t errlen)
{
	char shown[64], info[80];
	payref_display(ref, shown, sizeof shown);
	snprintf(info, sizeof info, "%s", a->account_no);
	char stored[64];
	enum payref_kind k = payref_parse(ref, strlen(ref), stored, sizeof stored);
	int structured = k == PAYREF_RF || k == PAYREF_OGM;
	struct epc e = {company.bic, company.name, company.iban, cents, NULL, structured ? stored : NULL,
			structured ? NULL : shown, info};
	return epc_payload(&e, out, err, errlen);
}

/* Address lines for the envelope window: the contact, then the address
 * laid out the country's way, its name in the letter's language last when
 * abroad. */
static void address_lines(const struct dun_account *a, const char *lang, struct sbuf *b)
{
	if (a->contact[0] && strcmp(a->contact, a->name))
		sbuf_printf(b, "%s\n", a->contact);
	country_address(lang, company.country, a->street, a->postcode, a->city, a->country, b);
	sbuf_put(b, "", 0);
}

int dunning_letter_pdf(const struct dun_message *m, day_t today, const char *path, char *err, size_t errlen)
{
	/* the letter's text: the same template, the table laid out by the PDF */
	struct dun_message lm = *m;
	lm.subject = (struct sbuf){0};
	lm.body = (struct sbuf){0};
	int rc = render_as(NULL, &lm, m->lang, today, 1, 0, err, errlen);
	const char *L = m->lang;
	struct sbuf to = {0}, company_lines = {0}, payload = {0};
	struct letter_row *rows = calloc(m->n ? m->n : 1, sizeof *rows);
	char (*cells)[4][64] = calloc(m->n ? m->n : 1, sizeof *cells);
	char (*first)[640] = calloc(m->n ? m->n : 1, sizeof *first); /* the number, then what it was for */
	if (!rows || !cells || !first)
		abort();
	char *after = NULL;
	if (!rc) {
		char *mark = strstr(lm.body.s, INVOICES_MARK "\n");
		if (!mark)
			mark = strstr(lm.body.s, INVOICES_MARK);
		if (mark) {
			*mark = '\0';
			after = mark + 1 + (mark[1] == '\n');
		}
	}
	address_lines(m->a, L, &to);
	for (const char *p = company.address; *p; p++) {
		if (*p != ';') {
			sbuf_put(&company_lines, p, 1);
			continue;
		}
		sbuf_put(&company_lines, "\n", 1);
		while (p[1] == ' ')
			p++;
	}
	sbuf_put(&company_lines, "", 0);
	for (size_t i = 0; i < m->n; i++) {
		const struct dun_invoice *v = &m->a->inv[m->which[i]];
		day_t d;
		if (v->issue_date[0] && !date_parse(v->issue_date, strlen(v->issue_date), DATE_ISO, &d))
			short_date(L, d, cells[i][0]);
		short_date(L, v->due, cells[i][1]);
		lang_money(L, v->amount, v->currency, cells[i][2], sizeof cells[i][2]);
		lang_money(L, v->open, v->currency, cells[i][3], sizeof cells[i][3]);
		snprintf(first[i], sizeof first[i], "%s%s%s", v->invoice_no, v->description[0] ? "\n" : "",
			 v->description);
		rows[i] = (struct letter_row){{first[i], cells[i][0], cells[i][1], cells[i][2], cells[i][3]}};
	}
	const char *cur = m->n ? m->a->inv[m->which[0]].currency : "EUR";
	char amounts[6][64], labels[6][sizeof m->rates + 64];
	struct letter_total totals[6];
	size_t nt = 0;
	struct {
		enum lang_label l;
		int64_t v;
	} parts[] = {{L_PRINCIPAL, m->total}, {L_INTEREST, m->interest}, {L_COMPENSATION, m->compensation},
		     {L_DAMAGES, m->damages}, {L_FEE, m->fee}};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (i && !parts[i].v)
			continue;
		lang_money(L, parts[i].v, cur, amounts[nt], sizeof amounts[nt]);
		if (parts[i].l == L_INTEREST && m->rates[0]) {
			snprintf(labels[nt], sizeof labels[nt], "%s (%s)", lang_label(L, L_INTEREST), m->rates);
		} else {
			snprintf(labels[nt], sizeof labels[nt], "%s", lang_label(L, parts[i].l));
		}
		totals[nt] = (struct letter_total){labels[nt], amounts[nt], 0};
		nt++;
	}
	lang_money(L, m->grand, cur, amounts[nt], sizeof amounts[nt]);
	totals[nt] = (struct letter_total){lang_label(L, L_TOTAL), amounts[nt], 1};
	nt++;
	char ref[64], pay_line[512], account_line[128], date_line[160], date[64], footer[800], iban[64];
	payref_display(m->reference, ref, sizeof ref);
	iban_grouped(company.iban, iban, sizeof iban);
	snprintf(pay_line, sizeof pay_line, "%s %s%s%s%s%s — %s %s", lang_label(L, L_PAY), amounts[nt - 1],
		 iban[0] ? " — IBAN " : "", iban, company.bic[0] ? " — BIC " : "", company.bic,
		 payref_label(m->reference, L), ref);
	snprintf(account_line, sizeof account_line, "%s %s", lang_label(L, L_ACCOUNT), m->a->account_no);
	lang_date(L, today, date, sizeof date);
	snprintf(date_line, sizeof date_line, "%s%s%s", company.city, company.city[0] ? ", " : "", date);
	char full_name[200];
	struct sbuf legal_lines = {0}, legal_line = {0};
	company_full_name(full_name, sizeof full_name);
	company_legal(L, "\n", &legal_lines);
	company_legal(L, " — ", &legal_line);
	snprintf(footer, sizeof footer, "%s%s%s", full_name, legal_line.len ? " — " : "",
		 legal_line.s ? legal_line.s : "");
	struct qr code = {0};
	char qerr[160];
	if (!rc && company.iban[0] && company.name[0] &&
	    dunning_epc(m->a, m->grand, m->reference, &payload, qerr, sizeof qerr) == 0)
		qr_encode(payload.s, payload.len, &code);
	struct letter l = {
		.company_name = full_name, .company_address = company_lines.s, .company_vat = legal_lines.s,
		.company_iban = iban, .company_bic = company.bic, .company_email = company.email,
		.company_phone = company.phone, .to_name = m->a->name, .to_address = to.s,
		.account_line = account_line, .date_line = date_line,
		.mark = !strcmp(m->channel, "registered") ? lang_label(L, L_REGISTERED) : NULL,
		.subject = lm.subject.s, .body_before = lm.body.s, .body_after = after,
		.headings = {lang_label(L, L_INVOICE), lang_label(L, L_DATE), lang_label(L, L_DUE),
			     lang_label(L, L_AMOUNT), lang_label(L, L_OPEN)},
		.rows = rows, .nrows = m->n, .totals = totals, .ntotals = nt, .pay_line = pay_line,
		.qr = code.width ? &code : NULL, .qr_caption = lang_label(L, L_SCAN), .footer = footer,
	};
	if (!rc)
		rc = letter_pdf_write(&l, path, err, errlen);
	qr_free(&code);
	free(rows);
	free(cells);
	free(first);
	sbuf_free(&to);
	sbuf_free(&company_lines);
	sbuf_free(&legal_lines);
	sbuf_free(&legal_line);
	sbuf_free(&payload);
	sbuf_free(&lm.subject);
	sbuf_free(&lm.body);
	return rc;
}
