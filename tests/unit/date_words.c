/* date_words.c — dates as people type them, date_parse_typed: the words
 * (en, nl, fr), steps of days, weeks, months and years on month ends, leap
 * days (2028 leap, 2027 not, 2100 not, 2000 yes) and year ends, weekdays
 * strictly after today in each language, eom, DD/MM this year or next,
 * every full date, and what is refused; then a walk over five years
 * checking the weekday and month rules on every day. */
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>

static day_t iso(const char *s)
{
	day_t d = 0;
	if (date_parse(s, strlen(s), DATE_ISO, &d) != 0)
		printf("# bad fixture %s\n", s);
	return d;
}

/* What s means on day `on`, as YYYY-MM-DD, or "none". */
static const char *typed(const char *s, const char *on)
{
	static char out[11];
	day_t d;
	if (date_parse_typed(s, iso(on), &d) != 0)
		return "none";
	date_iso(d, out);
	return out;
}

#define T(s, on, want) is_str(typed(s, on), want, "%s on %s is %s", s, on, want)

static void test_words(void)
{
	T("today", "2026-11-24", "2026-11-24");
	T("TODAY", "2026-11-24", "2026-11-24");
	T("  Tomorrow ", "2026-11-24", "2026-11-25");
	T("yesterday", "2026-11-24", "2026-11-23");
	T("vandaag", "2026-11-24", "2026-11-24");
	T("morgen", "2026-11-24", "2026-11-25");
	T("gisteren", "2026-11-24", "2026-11-23");
	T("aujourd'hui", "2026-11-24", "2026-11-24");
	T("demain", "2026-11-24", "2026-11-25");
	T("hier", "2026-11-24", "2026-11-23");
	T("tomorrow", "2026-12-31", "2027-01-01");
	T("tomorrow", "2028-02-28", "2028-02-29");
	T("tomorrow", "2027-02-28", "2027-03-01");
}

static void test_steps(void)
{
	T("+3", "2026-11-24", "2026-11-27");
	T("+0", "2026-11-24", "2026-11-24");
	T("+3d", "2026-11-24", "2026-11-27");
	T("+3D", "2026-11-24", "2026-11-27");
	T("+2w", "2026-11-24", "2026-12-08");
	T("+1m", "2026-11-24", "2026-12-24");
	T("+1y", "2026-11-24", "2027-11-24");
	T("-3", "2026-11-24", "2026-11-21");
	T("-1w", "2026-11-24", "2026-11-17");
	T("+8", "2026-12-28", "2027-01-05");
	T("+1w", "2026-12-28", "2027-01-04");
	T("+1", "2028-02-28", "2028-02-29");
	T("+1", "2027-02-28", "2027-03-01");
	T("+365", "2028-01-01", "2028-12-31");
	T("+365", "2027-01-01", "2028-01-01");
	/* month ends: the same day, or the month's last */
	T("+1m", "2028-01-31", "2028-02-29");
	T("+1m", "2027-01-31", "2027-02-28");
	T("+1m", "2028-01-29", "2028-02-29");
	T("+1m", "2027-01-29", "2027-02-28");
	T("+1m", "2026-03-31", "2026-04-30");
	T("+1m", "2026-12-31", "2027-01-31");
	T("+2m", "2026-12-31", "2027-02-28");
	T("+13m", "2027-01-31", "2028-02-29");
	T("+1m", "2028-02-29", "2028-03-29");
	T("-1m", "2026-03-31", "2026-02-28");
	T("-1m", "2028-03-31", "2028-02-29");
	T("-1m", "2027-01-15", "2026-12-15");
	T("+12m", "2026-11-24", "2027-11-24");
	/* leap days a year on */
	T("+1y", "2028-02-29", "2029-02-28");
	T("+4y", "2028-02-29", "2032-02-29");
	T("-1y", "2028-02-29", "2027-02-28");
	T("+72y", "2028-02-29", "2100-02-28");
	/* not steps */
	T("+", "2026-11-24", "none");
	T("-", "2026-11-24", "none");
	T("+3x", "2026-11-24", "none");
	T("+3dd", "2026-11-24", "none");
	T("++3", "2026-11-24", "none");
	T("+ 3", "2026-11-24", "none");
	T("+3 w", "2026-11-24", "none");
	T("+10000", "2026-11-24", "none");
	T("+9999", "2026-11-24", "2054-04-10");
	/* outside the years date_valid allows */
	T("+1y", "2999-06-01", "none");
	T("+1", "2999-12-31", "none");
	T("-1m", "1900-01-15", "none");
	T("+1m", "2999-11-30", "2999-12-30");
}

static void test_weekdays(void)
{
	/* 2026-11-24 is a Tuesday: the next Monday is the 30th, the next Tuesday a week on */
	static const char *const want[] = {"2026-11-30", "2026-12-01", "2026-11-25", "2026-11-26",
					   "2026-11-27", "2026-11-28", "2026-11-29"};
	static const char *const names[][7] = {
		{"mon", "tue", "wed", "thu", "fri", "sat", "sun"},
		{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"},
		{"lun", "mar", "mer", "jeu", "ven", "sam", "dim"},
		{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"},
		{"ma", "di", "wo", "do", "vr", "za", "zo"},
		{"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"},
	};
	for (size_t l = 0; l < sizeof names / sizeof *names; l++)
		for (int i = 0; i < 7; i++)
			T(names[l][i], "2026-11-24", want[i]);
	T("FRI", "2026-11-24", "2026-11-27");
	T("Vendredi", "2026-11-24", "2026-11-27");
	T("ZO", "2026-11-24", "2026-11-29");
	/* over a year end and a leap day */
	T("fri", "2026-12-31", "2027-01-01");
	T("thu", "2026-12-31", "2027-01-07");
	T("tue", "2028-02-27", "2028-02-29");
	T("mon", "2027-02-28", "2027-03-01");
	T("fr", "2026-11-24", "none");
	T("next friday", "2026-11-24", "none");
}

static void test_eom(void)
{
	T("eom", "2026-11-24", "2026-11-30");
	T("EOM", "2026-11-30", "2026-11-30");
	T("eom", "2028-02-10", "2028-02-29");
	T("eom", "2027-02-10", "2027-02-28");
	T("eom", "2100-02-01", "2100-02-28");
	T("eom", "2000-02-01", "2000-02-29");
	T("eom", "2026-12-01", "2026-12-31");
	T("eom", "2026-04-01", "2026-04-30");
}

static void test_day_month(void)
{
	T("15/12", "2026-11-24", "2026-12-15");
	T("15.12", "2026-11-24", "2026-12-15");
	T("15-12", "2026-11-24", "2026-12-15");
	T("24/11", "2026-11-24", "2026-11-24");
	T("23/11", "2026-11-24", "2027-11-23");
	T("1/1", "2026-11-24", "2027-01-01");
	T("05/01", "2026-11-24", "2027-01-05");
	T("31/12", "2026-12-31", "2026-12-31");
	T("29/02", "2027-12-01", "2028-02-29");
	T("29/02", "2028-01-10", "2028-02-29");
	T("29/02", "2027-01-10", "none");
	T("29/02", "2028-03-01", "none");
	T("28/02", "2028-03-01", "2029-02-28");
	T("31/04", "2026-01-01", "none");
	T("32/01", "2026-11-24", "none");
	T("15/13", "2026-11-24", "none");
	T("0/12", "2026-11-24", "none");
	T("15/", "2026-11-24", "none");
	T("/12", "2026-11-24", "none");
	T("15/12/", "2026-11-24", "none");
	T("115/12", "2026-11-24", "none");
}

static void test_full_dates(void)
{
	T("2026-12-15", "2026-11-24", "2026-12-15");
	T("2025-01-01", "2026-11-24", "2025-01-01");
	T("15/12/2026", "2026-11-24", "2026-12-15");
	T("15-12-2026", "2026-11-24", "2026-12-15");
	T("15.12.2026", "2026-11-24", "2026-12-15");
	T(" 2028-02-29 ", "2026-11-24", "2028-02-29");
	T("2027-02-29", "2026-11-24", "none");
	T("2026-02-30", "2026-11-24", "none");
	T("2026-12-15T10:00:00", "2026-11-24", "2026-12-15");
	T("", "2026-11-24", "none");
	T("   ", "2026-11-24", "none");
	T("soon", "2026-11-24", "none");
	T("12/15/2026", "2026-11-24", "none");
	T("2026-12-15 and more words after it", "2026-11-24", "none");
}

/* Every day of 2024..2028: each weekday name is the next such day within
 * a week, strictly after; +1m is the same day next month or its last;
 * eom is in the month and the day after it is the 1st. */
static void test_walk(void)
{
	static const char *const en[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	int bad_weekday = 0, bad_month = 0, bad_eom = 0;
	for (day_t t = days_from_civil(2024, 1, 1); t <= days_from_civil(2028, 12, 31); t++) {
		day_t d;
		int y, m, dd, y2, m2, d2;
		for (int w = 0; w < 7; w++)
			if (date_parse_typed(en[w], t, &d) || d <= t || d > t + 7 || date_weekday(d) != w)
				bad_weekday++;
		civil_from_days(t, &y, &m, &dd);
		if (date_parse_typed("+1m", t, &d))
			bad_month++;
		else {
			civil_from_days(d, &y2, &m2, &d2);
			int want_y = m == 12 ? y + 1 : y, want_m = m == 12 ? 1 : m + 1;
			int fits = date_valid(want_y, want_m, dd);
			if (y2 != want_y || m2 != want_m || (fits ? d2 != dd : date_valid(y2, m2, d2 + 1) || d2 >= dd))
				bad_month++;
		}
		if (date_parse_typed("eom", t, &d))
			bad_eom++;
		else {
			civil_from_days(d, &y2, &m2, &d2);
			int ny, nm, nd;
			civil_from_days(d + 1, &ny, &nm, &nd);
			if (y2 != y || m2 != m || nd != 1)
				bad_eom++;
		}
	}
	is_int(bad_weekday, 0, "every day of 2024..2028: each weekday is the next one, within a week, after today");
	is_int(bad_month, 0, "every day of 2024..2028: +1m is the same day next month, or that month's last");
	is_int(bad_eom, 0, "every day of 2024..2028: eom is the last day of the month");
}

int main(void)
{
	test_words();
	test_steps();
	test_weekdays();
	test_eom();
	test_day_month();
	test_full_dates();
	test_walk();
	is_str(date_typed_forms, "YYYY-MM-DD, DD/MM, today, tomorrow, +3, +2w, +1m, fri, eom", "the forms, for messages");
	return done_testing();
}
