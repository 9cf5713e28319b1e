/* dunning_rules.c — the arithmetic and texts under dunning: the consumer
 * damages at each band's edges, interest across half-years (rounded per
 * line, a half-year no rate is known for (an error), a contractual
 * rate), the EPC payload's fields and limits, references generated for
 * invoices, template filling, and amounts and dates in four languages. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "dunning/lib.h"
#include "dunning/epc.h"
#include "base/lib.h"
#include "tap.h"
#include "dunning/template.h"

static day_t day(const char *iso)
{
	day_t d = 0;
	date_parse(iso, strlen(iso), DATE_ISO, &d);
	return d;
}

static void damages(void)
{
	is_int(consumer_damages(0), 0, "no balance, no damages");
	is_int(consumer_damages(1), 2000, "0.01: 20.00");
	is_int(consumer_damages(15000), 2000, "150.00: still 20.00");
	is_int(consumer_damages(15001), 3000, "150.01: 30.00 (+ 10 %% of 0.01, rounded)");
	is_int(consumer_damages(20000), 3500, "200.00: 30.00 + 5.00");
	is_int(consumer_damages(50000), 6500, "500.00: 30.00 + 35.00");
	is_int(consumer_damages(50001), 6500, "500.01: 65.00 (+ 5 %% of 0.01, rounded)");
	is_int(consumer_damages(100000), 9000, "1,000.00: 65.00 + 25.00");
	is_int(consumer_damages(3920000), 200000, "39,200.00: 65.00 + 1,935.00 = the cap, 2,000.00");
	is_int(consumer_damages(3919980), 199999, "just under the cap");
	is_int(consumer_damages(100000000), 200000, "a million: still 2,000.00");
}

/* A debt of `cents` never paid, for interest_compute. */
static const struct interest_debt *unpaid(int64_t cents)
{
	static struct interest_debt d;
	d = (struct interest_debt){cents, cents, NULL, 0};
	return &d;
}

static void interest(sqlite3 *db)
{
	static struct interest_calc c;
	char err[256] = "";
	/* 10,000.00 due 2025-05-15, until 2025-08-14: 46 days of H1 2025 at
	 * 11.50 %, 45 days of H2 at 10.50 % */
	is_int(interest_compute(db, "BE", -1, unpaid(1000000), day("2025-05-15"), day("2025-08-14"), &c, err,
				sizeof err), 0, "interest across 2025-07-01");
	is_int(c.n, 2, "two lines, one a half-year");
	is_int(c.lines[0].days, 46, "2025-05-16 .. 06-30: 46 days");
	is_int(c.lines[0].rate, 1150, "at 11.50 %%");
	is_int(c.lines[0].cents, 14493, "1,000,000 x 11.50 %% x 46 / 365 = 144.93");
	is_int(c.lines[1].days, 45, "07-01 .. 08-14: 45 days");
	is_int(c.lines[1].rate, 1050, "at 10.50 %%");
	is_int(c.lines[1].cents, 12945, "1,000,000 x 10.50 %% x 45 / 365 = 129.45");
	is_int(c.total, 27438, "the sum of the rounded lines: 274.38");

	is_int(interest_compute(db, "BE", -1, unpaid(1000000), day("2026-06-20"), day("2026-07-10"), &c, err,
				sizeof err), 0, "into 2026-H2: built in");
	ok(c.n == 2 && c.lines[1].rate == 1050, "2026 H2 at its own rate, 10.50 %%");
	is_int(interest_compute(db, "BE", -1, unpaid(1000000), day("2026-12-20"), day("2027-01-10"), &c, err,
				sizeof err), -1, "into 2027-H1, which nobody knows yet");
	ok(strstr(err, "2027 H1 (from 2027-01-01)") != NULL, "an error naming the half-year: %s", err);
	is_int(c.n, 0, "and no line");

	is_int(interest_compute(db, "BE", 800, unpaid(1000000), day("2025-05-15"), day("2025-08-14"), &c, err,
				sizeof err), 0, "a contractual rate of 8 %%");
	is_int(c.total, 10082 + 9863, "8 %% on both lines: 100.82 + 98.63");

	is_int(interest_compute(db, "BE", -1, unpaid(1000000), day("2025-05-15"), day("2025-05-15"), &c, err,
				sizeof err), 0, "not late yet");
	is_int(c.total, 0, "no interest on the due date");
	is_int(interest_compute(db, "BE", -1, unpaid(1000000), day("2025-05-15"), day("2025-05-16"), &c, err,
				sizeof err), 0, "one day late");
	is_int(c.total, 315, "one day at 11.50 %%: 3.15");
	is_int(interest_compute(db, "XX", -1, unpaid(1000000), day("2025-05-15"), day("2025-06-15"), &c, err,
				sizeof err), -1, "a country without rates");
	ok(strstr(err, "no statutory interest rate for XX") != NULL, "says so: %s", err);

	/* 1,000.00 due 2025-03-31: 600.00 paid on 05-31, 250.00 on 07-10, open 150.00 */
	struct interest_paid paid[] = {{day("2025-07-10"), 25000}, {day("2025-05-31"), 60000}};
	struct interest_debt d = {100000, 15000, paid, 2};
	is_int(interest_due_on(&d, day("2025-05-31")), 100000, "on the day of a payment, the amount before it");
	is_int(interest_due_on(&d, day("2025-06-01")), 40000, "the next day, what is left");
	is_int(interest_due_on(&d, day("2025-07-11")), 15000, "after both: the open amount");
	is_int(interest_compute(db, "BE", -1, &d, day("2025-03-31"), day("2025-07-31"), &c, err, sizeof err), 0,
	       "payments split the periods");
	is_int(c.n, 4, "04-01..05-31, 06-01..06-30, 07-01..07-10, 07-11..07-31");
	ok(c.lines[0].base == 100000 && c.lines[1].base == 40000 && c.lines[2].base == 40000 &&
	   c.lines[3].base == 15000, "on 1,000.00, 400.00, 400.00, 150.00");
	is_int(c.lines[2].days, 10, "07-01 .. 07-10: the day of the second payment included");
	is_int(c.total, 1922 + 378 + 115 + 91, "19.22 + 3.78 + 1.15 + 0.91 (10.50 %% from 07-01: 150.00 x 21 days)");
	d.open = 0, paid[0].cents = 40000; /* paid in full on 07-10 */
	is_int(interest_paid_on(&d), day("2025-07-10"), "paid in full on 07-10");
	is_int(interest_compute(db, "BE", -1, &d, day("2025-03-31"), day("2025-12-31"), &c, err, sizeof err), 0,
	       "paid in full: until that day only");
	is_int(c.lines[c.n - 1].to, day("2025-07-10"), "no line after the last payment");
	struct interest_debt credited = {100000, 30000, NULL, 0};
	is_int(interest_due_on(&credited, day("2025-04-01")), 30000,
	       "a reduction no payment dates counts from the start: never claimed on");

	char r[16];
	rate_format(1050, r, sizeof r);
	is_str(r, "10.50 %", "rate_format");
}

static void epc(void)
{
	char err[256] = "";
	struct sbuf b = {0};
	struct epc e = {"GKCCBEBB", "Relance Demo SA", "BE71 0961 2345 6769", 123456, NULL, "+++090/9337/55493+++",
			NULL, "C000001"};
	is_int(epc_payload(&e, &b, err, sizeof err), 0, "a payload with a Belgian structured communication");
	is_str(b.s, "BCD\n002\n1\nSCT\nGKCCBEBB\nRelance Demo SA\nBE71096123456769\nEUR1234.56\n\n"
		    "090933755493\n\nC000001",
	       "its twelve lines: the OGM's digits in the structured line, the text line empty, the IBAN "
	       "without blanks, the amount with a dot");
	b.len = 0;
	e.reference = "RF18 5390 0754 7034";
	is_int(epc_payload(&e, &b, err, sizeof err), 0, "with an RF reference");
	ok(strstr(b.s, "\n\nRF18539007547034\n\nC000001") != NULL, "it goes on line 10, the text line stays empty");
	b.len = 0;
	e.reference = "090/9337/55494";
	is_int(epc_payload(&e, &b, err, sizeof err), -1, "an OGM with a wrong check is not a structured reference");
	e.reference = NULL;
	e.text = "+++090/9337/55493+++";
	e.iban = "BE71 0961 2345 6760";
	is_int(epc_payload(&e, &b, err, sizeof err), -1, "a wrong IBAN is refused");
	ok(strstr(err, "not an IBAN") != NULL, "%s", err);
	e.iban = "BE71096123456769";
	e.cents = 100000000000LL;
	is_int(epc_payload(&e, &b, err, sizeof err), -1, "1,000,000,000.00 is above the EPC's limit");
	e.cents = 0;
	b.len = 0;
	is_int(epc_payload(&e, &b, err, sizeof err), 0, "no amount: the payer types it");
	ok(strstr(b.s, "BE71096123456769\n\n") != NULL, "the amount line is empty");
	char name[200];
	memset(name, 0, sizeof name);
	for (int i = 0; i < 40; i++)
		strcat(name, "é");
	strcat(name, "abcdefghijklmnopqrstuvwxyz0123456789");
	e.name = name;
	b.len = 0;
	is_int(epc_payload(&e, &b, err, sizeof err), 0, "a 76-character name");
	char *line = strstr(b.s, "SCT\nGKCCBEBB\n") + strlen("SCT\nGKCCBEBB\n");
	is_int((int)(strchr(line, '\n') - line), 40 * 2 + 30, "cut to 70 characters, never inside one");
	char text[200];
	memset(text, 'x', 140);
	text[140] = '\0';
	e.name = "A";
	e.text = text;
	e.info = "1234567890123456789012345678901234567890123456789012345678901234567890";
	b.len = 0;
	is_int(epc_payload(&e, &b, err, sizeof err), 0, "140 characters of text and a 70-character note fit");
	ok(b.len <= EPC_MAX_BYTES, "%zu bytes, at most 331", b.len);
	strcat(text, "x");
	is_int(epc_payload(&e, &b, err, sizeof err), -1, "141 do not");
	e.text = "a\nb";
	e.info = NULL;
	b.len = 0;
	is_int(epc_payload(&e, &b, err, sizeof err), 0, "a line break in the text");
	ok(strstr(b.s, "\na b") != NULL, "becomes a blank: it would shift the lines");
	sbuf_free(&b);
}

static void references(void)
{
	char out[64], shown[64];
	payref_of_number(20260042, "ogm", out);
	is_str(out, "002026004240", "OGM of a number the book gave (20260042 -> 0020260042, check 40)");
	payref_display(out, shown, sizeof shown);
	is_str(shown, "+++002/0260/04240+++", "shown the Belgian way");
	is_int((int)payref_number(out), 20260042, "and its number read back from it");
	char check[64];
	payref_of_number(20260042, "rf", out);
	ok(payref_parse(out, strlen(out), check, sizeof check) == PAYREF_RF, "rf: a valid RF reference (%s)", out);
	ok(!strcmp(out + 4, "20260042"), "made of the number's digits");
	is_int((int)payref_number(out), 20260042, "read back from it");
	payref_display(out, shown, sizeof shown);
	is_str(shown, "RF88 2026 0042", "shown in groups of four");
	ok(payref_number("RF6400042") == -1 && payref_number("RF18539007547034") == 539007547034LL,
	   "an RF whose digits begin with 0 is no number of the book; one without is");
	ok(payref_find("Facture F1 +++090/9337/55493+++ merci", out) == PAYREF_OGM && !strcmp(out, "090933755493"),
	   "an OGM in a transfer's text");
	ok(payref_find("VCS 090/9337/55493.", out) == PAYREF_OGM, "written with slashes, a full stop after");
	ok(payref_find("090933755494", out) == PAYREF_NONE, "a wrong check: none");
	ok(payref_find("9090933755493", out) == PAYREF_NONE, "13 digits are not an OGM");
	ok(payref_find("paid rf18 5390 0754 7034 thanks", out) == PAYREF_RF && !strcmp(out, "RF18539007547034"),
	   "an RF reference in groups, any case");
	ok(payref_find("nothing here", out) == PAYREF_NONE, "plain text: none");
}

static void templates(void)
{
	struct tpl_value v[] = {{"name", "Alpha", 0}, {"interest", "0.00 EUR", 1}, {"fee", "7.50 EUR", 1},
				{"invoices", "  line 1\n  line 2", 0}, {"pay_link", "", 0}};
	struct sbuf subject = {0}, body = {0};
	char err[256] = "";
	is_int(template_render("Subject: To {{name}}\n\nDear {{name}},\n{{invoices}}\n{{?interest}}Interest {{interest}}\n"
			       "{{?fee}}Fee {{fee}}\n{{?pay_link}}Pay at {{pay_link}}\nBye\n",
			       "t.txt", v, 5, &subject, &body, err, sizeof err),
	       0, "a template fills in");
	is_str(subject.s, "To Alpha", "the subject line");
	is_str(body.s, "Dear Alpha,\n  line 1\n  line 2\nFee 7.50 EUR\nBye\n",
	       "the table on its line; a zero amount's line and an empty value's line go");
	subject.len = body.len = 0;
	is_int(template_render("Hi {{nme}}\n", "t.txt", v, 5, &subject, &body, err, sizeof err), -1,
	       "an unknown placeholder");
	is_str(err, "t.txt:1: no placeholder {{nme}}", "is named with its file and line");
	is_int(template_render("a\nb {{name\n", "t.txt", v, 5, &subject, &body, err, sizeof err), -1, "an open {{");
	is_str(err, "t.txt:2: {{ is not closed", "is named too");
	sbuf_free(&subject);
	sbuf_free(&body);
	char lang[3], where[1100];
	char *t = template_find("formal-notice", "nl", lang, where, sizeof where);
	ok(t && !strcmp(lang, "nl") && strstr(t, "Ingebrekestelling"), "the Dutch formal notice");
	free(t);
	t = template_find("formal-notice", "xx", lang, where, sizeof where);
	ok(t && !strcmp(lang, "en"), "an unknown language falls back to English");
	free(t);
	ok(!template_find("../etc/passwd", "en", lang, where, sizeof where), "a name is a name, not a path");
	ok(!template_exists("nosuch"), "nosuch does not exist");
}

static void calendar(void)
{
	char iso[11];
	date_iso(easter_sunday(2026), iso);
	is_str(iso, "2026-04-05", "Easter 2026");
	date_iso(easter_sunday(2027), iso);
	is_str(iso, "2027-03-28", "Easter 2027");
	date_iso(easter_sunday(2000), iso);
	is_str(iso, "2000-04-23", "Easter 2000");
	ok(be_public_holiday(day("2026-07-21")), "21 July");
	ok(be_public_holiday(day("2026-04-06")), "Easter Monday 2026");
	ok(be_public_holiday(day("2026-05-14")), "Ascension 2026");
	ok(be_public_holiday(day("2026-05-25")), "Whit Monday 2026");
	ok(!be_public_holiday(day("2026-07-22")), "22 July is not");
	date_iso(working_days_after(day("2026-07-20"), 3), iso);
	is_str(iso, "2026-07-24", "posted Monday 20 July 2026: Tuesday is the national holiday, Friday the third working day");
	date_iso(working_days_after(day("2026-11-27"), 3), iso);
	is_str(iso, "2026-12-02", "posted on a Friday: Monday, Tuesday, Wednesday");
	date_iso(working_days_after(day("2026-12-23"), 3), iso);
	is_str(iso, "2026-12-29", "before Christmas: 24, (25 off, 26 and 27 a weekend) 28, 29");
}

static void languages(void)
{
	char out[64];
	lang_money("en", 123456789, "EUR", out, sizeof out);
	is_str(out, "1,234,567.89\u00a0EUR", "en amounts");
	lang_money("fr", 123456789, "EUR", out, sizeof out);
	is_str(out, "1\u202f234\u202f567,89\u00a0EUR", "fr: narrow no-break spaces and a comma");
	lang_money("nl", -123456, "EUR", out, sizeof out);
	is_str(out, "-1.234,56\u00a0EUR", "nl: points and a comma");
	lang_date("fr", day("2026-08-01"), out, sizeof out);
	is_str(out, "1er août 2026", "fr dates: the first is 1er");
	lang_date("de", day("2026-03-24"), out, sizeof out);
	is_str(out, "24. März 2026", "de dates");
	lang_date("nl", day("2026-12-08"), out, sizeof out);
	is_str(out, "8 december 2026", "nl dates");
}

int main(void)
{
	company_defaults();
	sqlite3 *db;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(db, "CREATE TABLE interest_rates (country TEXT, since TEXT, rate INTEGER);"
			     "INSERT INTO interest_rates VALUES ('BE', '2025-01-01', 1150), ('BE', '2025-07-01', 1050),"
			     "('BE', '2026-01-01', 1050);", NULL, NULL, NULL) != SQLITE_OK) {
		printf("Bail out! no in-memory database\n");
		return 1;
	}
	damages();
	interest(db);
	epc();
	references();
	templates();
	languages();
	calendar();
	sqlite3_close(db);
	done_testing();
}
