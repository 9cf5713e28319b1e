/* demo.c — the demo generator. One random stream per account (splitmix64
 * seeded by seed and account number), so --accounts 10 is the start of
 * --accounts 1000 and a seed always gives the same book. */
#include "demo.h"
#include "demo_rng.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "demo_names.h"
#include "import.h"
#include "base/lib.h"
#include "book/lib.h"

struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r) { return demo_draw(&r->s); }

static long range(struct rng *r, long lo, long hi)
{
	return lo + (long)(next(r) % (uint64_t)(hi - lo + 1));
}

static int chance(struct rng *r, int pct) { return (int)(next(r) % 100) < pct; }

static const char *pick(struct rng *r, const struct demo_list *l)
{
	return l->items[next(r) % l->n];
}

/* What the history step needs to know about an account. */
struct demo_account {
	char no[32];
	int lang, collector;
	char phone[40];
	int64_t overdue;
	char oldest_invoice[32];
	int64_t oldest_open;
	day_t oldest_due;
	day_t last_payment;
	int64_t last_payment_amount;
	uint64_t seed;
};

struct demo_state {
	struct demo_account *accounts;
	long n;
};

static void iso(day_t d, char out[11]) { date_iso(d, out); }

static void money(int64_t cents, char *out, size_t size) { money_format(cents, out, size); }

/* "boulangerie-dubois" from a name: folded, letters and digits, '-' between words. */
static void slug(const char *name, char *out, size_t size, char sep)
{
	char folded[256];
	size_t n = utf8_fold(name, strlen(name), folded, sizeof folded), o = 0;
	int gap = 0;
	for (size_t i = 0; i < n && o + 2 < size; i++) {
		char c = folded[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (gap && o)
				out[o++] = sep;
			out[o++] = c, gap = 0;
		} else if (c >= 'A' && c <= 'Z') {
			if (gap && o)
				out[o++] = sep;
			out[o++] = (char)(c - 'A' + 'a'), gap = 0;
		} else {
			gap = 1;
		}
	}
	out[o] = '\0';
}

static void phone_number(struct rng *r, const struct demo_city *c, int mobile, char *out, size_t size)
{
	if (mobile && !strcmp(c->country, "BE"))
		snprintf(out, size, "+32 4%02ld %02ld %02ld %02ld", range(r, 70, 99), range(r, 10, 99),
			 range(r, 10, 99), range(r, 10, 99));
	else if (mobile && !strcmp(c->country, "FR"))
		snprintf(out, size, "+33 6 %02ld %02ld %02ld %02ld", range(r, 10, 99), range(r, 10, 99),
			 range(r, 10, 99), range(r, 10, 99));
	else
		snprintf(out, size, "%s %03ld %02ld %02ld", c->phone_prefix, range(r, 200, 999),
			 range(r, 10, 99), range(r, 10, 99));
}

/* A Belgian enterprise number: 10 digits, the last two 97 - (first 8 mod 97). */
static void vat_number(struct rng *r, const char *country, char *out, size_t size)
{
	long base = range(r, 2000000, 9999999);
	if (!strcmp(country, "BE"))
		snprintf(out, size, "BE0%07ld%02ld", base, 97 - (base % 97));
	else if (!strcmp(country, "FR"))
		snprintf(out, size, "FR%02ld%09ld", range(r, 10, 99), base * 100 + range(r, 0, 99));
	else
		snprintf(out, size, "%s%09ld", country, base * 10 + range(r, 0, 9));
}

static int lang_index(const char *code)
{
	return !strcmp(code, "nl") ? DEMO_NL : !strcmp(code, "en") ? DEMO_EN : DEMO_FR;
}

/* A Belgian IBAN for account i, the same for the same i (drawn from no
 * generator, so that the rest of the demo stays as it was): ten digits,
 * their check mod 97, then the IBAN's own check (ISO 13616) */
static void demo_iban(long i, char out[24])
{
	unsigned long long base = (unsigned long long)(i * 7919 + 123456789) % 10000000000ull;
	unsigned national = (unsigned)(base % 97);
	char digits[32];
	snprintf(digits, sizeof digits, "%010llu%02u111400", base, national ? national : 97);
	unsigned rest = 0;
	for (const char *p = digits; *p; p++)
		rest = (rest * 10 + (unsigned)(*p - '0')) % 97;
	snprintf(out, 24, "BE%02u%010llu%02u", 98 - rest, base, national ? national : 97);
}

static void customer(struct rng *r, long i, struct demo_files *f, struct demo_account *a)
{
	const struct demo_city *city = &demo_cities[next(r) % demo_ncities];
	int lang = lang_index(city->lang);
	if (!strcmp(city->postcode, "1000") && chance(r, 20))
		lang = DEMO_NL; /* Brussels is bilingual */
	int consumer = chance(r, 25);
	const char *surname = chance(r, 6) ? pick(r, &demo_foreign_surnames) : pick(r, &demo_surnames[lang]);
	char name[160], contact[120] = "", email[256], phone[96], vat[32] = "", limit[32] = "";
	char s1[96], s2[96], street[160], account_slug[96];
	const char *segment;
	if (consumer) {
		const char *first = pick(r, &demo_first_names[lang]);
		snprintf(name, sizeof name, "%s %s", first, surname);
		slug(first, s1, sizeof s1, '-');
		slug(surname, s2, sizeof s2, '-');
		snprintf(email, sizeof email, "%s.%s@%s", s1, s2,
			 chance(r, 50) ? "gmail.com" : !strcmp(city->country, "FR") ? "orange.fr" : "skynet.be");
		segment = "consumer";
	} else {
		const char *trade = pick(r, &demo_trades[lang]), *form = pick(r, &demo_legal_forms[lang]);
		if (chance(r, 70))
			snprintf(name, sizeof name, "%s %s %s", trade, surname, form);
		else
			snprintf(name, sizeof name, "%s %s", surname, form);
		snprintf(contact, sizeof contact, "%s %s", pick(r, &demo_first_names[lang]),
			 pick(r, &demo_surnames[lang]));
		slug(name, account_slug, sizeof account_slug, '-');
		snprintf(email, sizeof email, "%s@%s.%s", chance(r, 50) ? "compta" : "info", account_slug,
			 !strcmp(city->country, "BE") ? "be" : !strcmp(city->country, "FR") ? "fr" : "com");
		segment = chance(r, 8) ? "key account" : chance(r, 10) ? "public" : "business";
		vat_number(r, city->country, vat, sizeof vat);
		money(range(r, 2, 40) * 250000, limit, sizeof limit);
	}
	phone_number(r, city, consumer, phone, sizeof phone);
	if (chance(r, 30)) { /* a second number */
		char more[40];
		phone_number(r, city, !consumer, more, sizeof more);
		size_t len = strlen(phone);
		snprintf(phone + len, sizeof phone - len, "; %s", more);
	}
	snprintf(street, sizeof street, "%s %ld", pick(r, &demo_streets[lang]), range(r, 1, 180));
	snprintf(a->no, sizeof a->no, "C%06ld", i + 1);
	a->lang = lang;
	a->collector = (int)range(r, 0, (long)demo_ncollectors - 1);
	snprintf(a->phone, sizeof a->phone, "%.*s", (int)strcspn(phone, ";"), phone);

	static const char *const lang_codes[] = {"fr", "nl", "en"};
	char iban[24] = "";
	if (i % 10 < 6) /* the bank account six in ten pay from, known to the ledger */
		demo_iban(i, iban);
	const char *fields[] = {a->no, name, vat, contact, phone, email, street, city->postcode,
				city->name, city->country, chance(r, 5) ? "" : lang_codes[lang],
				segment, demo_collectors[a->collector].login, limit, iban};
	for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
		if (k)
			sbuf_put(&f->customers, ",", 1);
		sbuf_csv_field(&f->customers, fields[k], ',');
	}
	sbuf_put(&f->customers, "\n", 1);
}

/* Counters shared by all accounts: invoice and payment numbers. */
struct numbers {
	long invoice, credit_note, payment;
};

static void invoices(struct rng *r, day_t today, struct numbers *num, struct demo_files *f,
		     struct demo_account *a, int consumer)
{
	int payer = (int)range(r, 0, 99); /* < 45 good, < 80 average, else poor */
	long n = consumer ? range(r, 1, 6) : range(r, 2, 22);
	static const int terms[] = {30, 30, 30, 14, 45, 60};
	for (long k = 0; k < n; k++) {
		day_t issue = today - (day_t)(chance(r, 80) ? range(r, 0, 150) : range(r, 151, 420));
		day_t due = issue + terms[next(r) % 6];
		int dpd = today - due;
		int64_t amount, open;
		char no[32], ref[13] = "", ogm[21] = "";
		const char *kind = "invoice";
		if (chance(r, 3)) {
			kind = "credit_note";
			snprintf(no, sizeof no, "NC%06ld", ++num->credit_note);
			amount = -range(r, 1000, 50000);
			open = chance(r, 60) ? amount : 0;
		} else {
			snprintf(no, sizeof no, "F%07ld", ++num->invoice);
			amount = consumer ? range(r, 1500, 60000) : range(r, 5000, 250000) * (chance(r, 5) ? 8 : 1);
			int paid;
			if (dpd < -5)
				paid = chance(r, 5);
			else if (payer < 45)
				paid = dpd > 3 ? chance(r, 97) : chance(r, 30);
			else if (payer < 80)
				paid = dpd > 60 ? chance(r, 85) : dpd > 20 ? chance(r, 60) : dpd > 0 ? chance(r, 30) : chance(r, 5);
			else
				paid = dpd > 120 ? chance(r, 40) : chance(r, 10);
			int partial = !paid && dpd > 0 && chance(r, 10);
			open = paid ? 0 : partial ? amount - amount * range(r, 20, 70) / 100 : amount;
			/* the ledger's own structured communications, numbered as an
			 * accounting system numbers them (not the book's small numbers) */
			payref_ogm_make(4000000000ULL + (unsigned long long)num->invoice, ref);
			payref_ogm_format(ref, ogm);
			if (open != amount) {
				day_t pay = due + (day_t)range(r, -5, 20);
				if (pay > today)
					pay = today;
				if (pay < issue)
					pay = issue;
				char pref[32], pdate[11], pamt[32];
				snprintf(pref, sizeof pref, "P%08ld", ++num->payment);
				iso(pay, pdate);
				money(amount - open, pamt, sizeof pamt);
				int how = (int)range(r, 0, 9);
				sbuf_printf(&f->payments, "%s,%s,%s,%s,%s,%s\n", pref, how < 2 ? "" : a->no,
					    pdate, pamt, how < 8 ? no : "",
					    how < 7 ? ogm : how < 9 ? no : "");
				if (pay > a->last_payment) {
					a->last_payment = pay;
					a->last_payment_amount = amount - open;
				}
			}
		}
		if (dpd > 0 && open > 0) {
			a->overdue += open;
			if (!a->oldest_invoice[0] || due < a->oldest_due) {
				snprintf(a->oldest_invoice, sizeof a->oldest_invoice, "%s", no);
				a->oldest_due = due;
				a->oldest_open = open;
			}
		}
		char di[11], dd[11], am[32], op[32];
		iso(issue, di);
		iso(due, dd);
		money(amount, am, sizeof am);
		money(open, op, sizeof op);
		sbuf_printf(&f->invoices, "%s,%s,%s,%s,%s,%s,%s,EUR,%s\n", no, a->no, kind, di, dd, am, op,
			    ref[0] && chance(r, 70) ? ogm : ref);
	}
}

int demo_generate(const struct demo_opts *o, day_t today, struct demo_files *f, void **state)
{
	memset(f, 0, sizeof *f);
	sbuf_puts(&f->customers, "account_no,name,vat_no,contact,phone,email,street,postcode,city,"
				 "country,language,segment,collector,credit_limit,iban\n");
	sbuf_puts(&f->invoices, "invoice_no,account_no,kind,issue_date,due_date,amount,open_amount,"
				"currency,reference\n");
	sbuf_puts(&f->payments, "payment_ref,account_no,date,amount,invoice_no,communication\n");
	struct demo_state *st = calloc(1, sizeof *st);
	if (!st || !(st->accounts = calloc((size_t)o->accounts, sizeof *st->accounts)))
		abort();
	st->n = o->accounts;
	struct numbers num = {0, 0, 0};
	for (long i = 0; i < o->accounts; i++) {
		struct demo_account *a = &st->accounts[i];
		struct rng r = {o->seed * 0x100000001b3ull ^ ((uint64_t)(i + 1) * 0x9e3779b97f4a7c15ull)};
		next(&r);
		int consumer_draw = (int)(next(&r) % 100);
		customer(&r, i, f, a);
		a->last_payment = INT32_MIN;
		invoices(&r, today, &num, f, a, consumer_draw < 25);
		a->seed = next(&r);
	}
	if (state)
		*state = st;
	else {
		free(st->accounts);
		free(st);
	}
	return 0;
}

void demo_files_free(struct demo_files *f)
{
	sbuf_free(&f->customers);
	sbuf_free(&f->invoices);
	sbuf_free(&f->payments);
}

/* ---- history ----------------------------------------------------------- */

struct history {
	struct book *b;
	day_t today;
	sqlite3_stmt *activity, *promise, *promise_invoice, *task, *dispute;
	long activities, promises, tasks, disputes;
};

static void stamp(day_t d, long minutes, char out[21])
{
	char day[11];
	iso(d, day);
	unsigned m = (unsigned)(minutes % (24 * 60) + 24 * 60) % (24 * 60);
	snprintf(out, 21, "%.10sT%02u:%02u:00Z", day, m / 60 % 24, m % 60);
}

static int step_done(struct history *h, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		msg_error("demo: %s", sqlite3_errmsg(h->b->db));
		return -1;
	}
	return 0;
}

static int activity(struct history *h, const struct demo_account *a, const char *at,
		    const char *type, const char *user, const char *invoice, const char *summary,
		    const char *body, const char *detail)
{
	char id[UID_LEN + 1];
	uid_new(id);
	sqlite3_stmt *st = h->activity;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, a->no, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, h->b->copy_id, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 7, invoice, invoice ? strlen(invoice) : 0);
	sqlite3_bind_text(st, 8, summary, -1, SQLITE_TRANSIENT);
	db_bind_text_or_null(st, 9, body, body ? strlen(body) : 0);
	db_bind_text_or_null(st, 10, detail, detail ? strlen(detail) : 0);
	h->activities++;
	return step_done(h, st);
}

static int promise(struct history *h, const struct demo_account *a, struct rng *r, int64_t amount,
		   day_t made, day_t promised, const char *status, int64_t paid, const char *invoice)
{
	const char *user = demo_collectors[a->collector].login;
	char id[UID_LEN + 1], made_at[21], pdate[11], amt[32], summary[160], later[21];
	uid_new(id);
	stamp(made, range(r, 8 * 60, 17 * 60), made_at);
	iso(promised, pdate);
	money_format_grouped(amount, amt, sizeof amt);
	stamp(promised > h->today ? h->today : promised, 6 * 60, later);
	sqlite3_stmt *st = h->promise;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, a->no, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, amount);
	sqlite3_bind_text(st, 4, pdate, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, made_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, paid);
	sqlite3_bind_text(st, 9, !strcmp(status, "open") ? made_at : later, -1, SQLITE_TRANSIENT);
	if (step_done(h, st))
		return -1;
	if (invoice) {
		sqlite3_bind_text(h->promise_invoice, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(h->promise_invoice, 2, invoice, -1, SQLITE_TRANSIENT);
		if (step_done(h, h->promise_invoice))
			return -1;
	}
	h->promises++;
	snprintf(summary, sizeof summary, "Promise to pay %s EUR by %s", amt, pdate);
	if (activity(h, a, made_at, "promise", user, invoice, summary, NULL, NULL))
		return -1;
	if (!strcmp(status, "open"))
		return 0;
	day_t when = promised + 3 > h->today ? h->today : promised + 3;
	stamp(when, 6 * 60, later);
	if (!strcmp(status, "kept"))
		snprintf(summary, sizeof summary, "Promise kept: %s EUR received", amt);
	else
		snprintf(summary, sizeof summary, "Promise broken: %s EUR not received by %s", amt, pdate);
	return activity(h, a, later, "system", "system", invoice, summary, NULL, NULL);
}

static int account_history(struct history *h, const struct demo_account *a)
{
	struct rng r = {a->seed};
	const char *user = demo_collectors[a->collector].login;
	char at[21], summary[200], detail[400];
	day_t today = h->today;
	if (a->last_payment != INT32_MIN && today - a->last_payment < 60 && chance(&r, 30) &&
	    a->last_payment_amount > 0) {
		day_t made = a->last_payment - (day_t)range(&r, 3, 10);
		if (promise(h, a, &r, a->last_payment_amount, made, a->last_payment + (day_t)range(&r, 0, 2),
			    "kept", a->last_payment_amount, NULL))
			return -1;
	}
	if (a->overdue <= 0)
		return 0;
	int dpd = today - a->oldest_due;
	char amt[32];
	money_format_grouped(a->oldest_open, amt, sizeof amt);
	/* the reminders the dunning run would have sent, journaled as it does
	 * (dunning.c reads the steps taken from their detail) */
	static const struct {
		int days, step;
		const char *type, *channel, *template, *how;
	} reminders[] = {{7, 2, "email", "email", "reminder-1", "by e-mail"},
			 {21, 3, "letter", "letter", "reminder-2", "by letter"}};
	for (size_t k = 0; k < sizeof reminders / sizeof reminders[0]; k++) {
		if (dpd <= reminders[k].days)
			break;
		day_t sent = a->oldest_due + reminders[k].days;
		char pay_by[11], open[32];
		date_iso(sent + 14, pay_by);
		money_format(a->oldest_open, open, sizeof open);
		stamp(sent, 5 * 60, at);
		snprintf(summary, sizeof summary, "Dunning step %d (%s) %s: 1 invoice, %s EUR", reminders[k].step,
			 reminders[k].template, reminders[k].how, amt);
		snprintf(detail, sizeof detail,
			 "{\"dunning\":{\"procedure\":\"business\",\"step\":%d,\"channel\":\"%s\","
			 "\"template\":\"%s\",\"invoices\":[\"%s\"],\"pay_by\":\"%s\","
			 "\"amount\":\"%s\"}}",
			 reminders[k].step, reminders[k].channel, reminders[k].template, a->oldest_invoice,
			 pay_by, open);
		if (activity(h, a, at, reminders[k].type, "system", a->oldest_invoice, summary, NULL, detail))
			return -1;
	}
	static const char *const outcomes[] = {"reached", "no_answer", "voicemail", "busy", "reached"};
	long calls = range(&r, 0, 3);
	for (long k = 0; k < calls; k++) {
		const char *outcome = outcomes[next(&r) % 5];
		long secs = !strcmp(outcome, "reached") ? range(&r, 40, 600) : range(&r, 0, 30);
		day_t d = today - (day_t)range(&r, 1, dpd < 30 ? dpd : 30);
		stamp(d, range(&r, 8 * 60 + 30, 17 * 60 + 30), at);
		snprintf(summary, sizeof summary, "Call %s: %s (%ld:%02ld)", a->phone, outcome, secs / 60, secs % 60);
		snprintf(detail, sizeof detail, "{\"outcome\":\"%s\",\"duration_s\":%ld,\"number\":\"%s\"}",
			 outcome, secs, a->phone);
		const char *note = pick(&r, &demo_call_notes[a->lang]);
		if (activity(h, a, at, "call", user, NULL, summary, *note ? note : NULL, detail))
			return -1;
	}
	if (chance(&r, 30)) {
		const char *note = pick(&r, &demo_notes[a->lang]);
		stamp(today - (day_t)range(&r, 0, 40), range(&r, 8 * 60, 18 * 60), at);
		if (activity(h, a, at, "note", user, NULL, note, NULL, NULL))
			return -1;
	}
	if (chance(&r, 25)) {
		int64_t amount = a->oldest_open < a->overdue ? a->oldest_open : a->overdue;
		if (chance(&r, 50)) {
			day_t promised = today - (day_t)range(&r, 4, 30);
			if (promise(h, a, &r, amount, promised - (day_t)range(&r, 3, 10), promised, "broken", 0,
				    a->oldest_invoice))
				return -1;
		} else if (promise(h, a, &r, amount, today - (day_t)range(&r, 0, 5),
				   today + (day_t)range(&r, 0, 14), "open", 0, a->oldest_invoice)) {
			return -1;
		}
	}
	if (chance(&r, 12)) {
		char id[UID_LEN + 1], due[11], created[21];
		uid_new(id);
		iso(today + (day_t)range(&r, -5, 7), due);
		stamp(today - (day_t)range(&r, 1, 10), range(&r, 8 * 60, 18 * 60), created);
		sqlite3_stmt *st = h->task;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, a->no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, due, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, pick(&r, &demo_tasks[a->lang]), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, created, -1, SQLITE_TRANSIENT);
		if (step_done(h, st))
			return -1;
		h->tasks++;
	}
	if (chance(&r, 4)) {
		static const char *const reasons[] = {"price", "quality", "not_delivered", "not_received",
						      "already_paid", "other"};
		const char *reason = reasons[next(&r) % 6];
		char id[UID_LEN + 1];
		uid_new(id);
		stamp(today - (day_t)range(&r, 0, dpd), range(&r, 8 * 60, 18 * 60), at);
		sqlite3_stmt *st = h->dispute;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, a->oldest_invoice, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a->no, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 6, user, -1, SQLITE_STATIC);
		if (step_done(h, st))
			return -1;
		h->disputes++;
		snprintf(summary, sizeof summary, "Dispute opened on %s: %s", a->oldest_invoice, reason);
		if (activity(h, a, at, "dispute", user, a->oldest_invoice, summary, NULL, NULL))
			return -1;
	}
	return 0;
}

static int add_history(struct history *h, const struct demo_state *st)
{
	sqlite3 *db = h->b->db;
	h->activity = db_prepare(db, "INSERT INTO activities(id, account_no, at, type, user, copy_id, "
				     "invoice_no, summary, body, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	h->promise = db_prepare(db, "INSERT INTO promises(id, account_no, amount, promised_date, made_at, "
				    "user, status, paid_amount, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	h->promise_invoice = db_prepare(db, "INSERT INTO promise_invoices(promise_id, invoice_no) VALUES (?1, ?2)");
	h->task = db_prepare(db, "INSERT INTO tasks(id, account_no, due_date, text, user, created_at, updated_at) "
				 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
	h->dispute = db_prepare(db, "INSERT INTO disputes(id, invoice_no, account_no, reason, opened_at, "
				    "opened_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5)");
	sqlite3_stmt *who = db_prepare(db, "UPDATE collectors SET name = ?2, email = ?3 WHERE login = ?1");
	int rc = h->activity && h->promise && h->promise_invoice && h->task && h->dispute && who ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < demo_ncollectors; i++) {
		sqlite3_bind_text(who, 1, demo_collectors[i].login, -1, SQLITE_STATIC);
		sqlite3_bind_text(who, 2, demo_collectors[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(who, 3, demo_collectors[i].email, -1, SQLITE_STATIC);
		rc = step_done(h, who);
	}
	for (long i = 0; rc == 0 && i < st->n; i++)
		rc = account_history(h, &st->accounts[i]);
	sqlite3_finalize(who);
	sqlite3_finalize(h->activity);
	sqlite3_finalize(h->promise);
	sqlite3_finalize(h->promise_invoice);
	sqlite3_finalize(h->task);
	sqlite3_finalize(h->dispute);
	return rc;
}

int demo_build(struct book *b, const struct demo_opts *o)
{
	sqlite3 *db = b->db;
	if (db_int(db, "SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM activities)")) {
		msg_error("demo: %s is not empty; the demo only fills an empty book", b->path);
		return -1;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct demo_files f;
	void *state = NULL;
	demo_generate(o, today(), &f, &state);
	struct demo_state *st = state;
	struct import_opts io;
	import_opts_default(&io);
	io.quiet = 1;
	io.progress = 0;
	struct import_stats s[3];
	struct history h = {.b = b, .today = today()};
	struct book_bulk saved;
	book_bulk_begin(db, &saved);
	int rc = db_begin(db);
	if (rc == 0)
		rc = import_buffer(b, &import_customers, "demo customers.csv", f.customers.s, f.customers.len, &io, &s[0]);
	if (rc == 0)
		rc = import_buffer(b, &import_invoices, "demo invoices.csv", f.invoices.s, f.invoices.len, &io, &s[1]);
	if (rc == 0)
		rc = import_buffer(b, &import_payments, "demo payments.csv", f.payments.s, f.payments.len, &io, &s[2]);
	if (rc == 0)
		rc = add_history(&h, st);
	if (rc == 0)
		rc = summary_rebuild(db, today());
	if (rc == 0)
		rc = db_commit(db);
	if (rc != 0)
		db_rollback(db);
	book_bulk_end(db, &saved);
	demo_files_free(&f);
	free(st->accounts);
	free(st);
	if (rc != 0) {
		msg_error("demo: the book was left as it was");
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("demo: %ld accounts, %ld invoices and credit notes, %ld payments, %ld journal entries, "
	       "%ld promises, %ld tasks, %ld disputes in %.1f s (seed %llu)\n",
	       s[0].added, s[1].added, s[2].added, h.activities, h.promises, h.tasks, h.disputes,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       (unsigned long long)o->seed);
	return 0;
}

static int write_file(const char *dir, const char *name, const struct sbuf *b)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct private_file f;
	if (private_file_open(&f, path)) {
		msg_error("demo: %s", f.err);
		return -1;
	}
	if (fwrite(b->s, 1, b->len, f.fp) != b->len) {
		msg_error("demo: cannot write %s: %s", path, strerror(errno));
		private_file_close(&f, 0);
		return -1;
	}
	if (private_file_close(&f, 1) != 0) {
		msg_error("demo: %s", f.err);
		return -1;
	}
	return 0;
}

int demo_write_csv(const struct demo_opts *o, const char *dir)
{
	struct demo_files f;
	if (private_dir(dir) != 0) {
		msg_error("demo: cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	demo_generate(o, today(), &f, NULL);
	int rc = write_file(dir, "customers.csv", &f.customers);
	if (rc == 0)
		rc = write_file(dir, "invoices.csv", &f.invoices);
	if (rc == 0)
		rc = write_file(dir, "payments.csv", &f.payments);
	demo_files_free(&f);
	return rc;
}
