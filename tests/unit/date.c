/* date.c — calendar dates: day numbers for known dates, a day-by-day walk
 * of days_from_civil/civil_from_days over -400..9999, date_valid (leap
 * years, century rule, 1900..2999), every parse format (ISO with and
 * without a time part, DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, forced
 * MM/DD/YYYY), dates that do not exist refused, date_iso and
 * date_format_from_name. */
#include "base/lib.h"
#include "tap.h"

#include <stdio.h>

/* date_parse on a C string; returns the day, or the sentinel -999999 when
 * the parse fails (with *rc set to its return value). */
static long pd(const char *s, enum date_format fmt, int *rc)
{
	day_t d = -999999;
	*rc = date_parse(s, strlen(s), fmt, &d);
	return (long)d;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_len(int y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return len[m - 1] + (m == 2 && is_leap(y));
}

static void test_known_days(void)
{
	is_int(days_from_civil(1970, 1, 1), 0, "1970-01-01 is day 0");
	is_int(days_from_civil(1969, 12, 31), -1, "1969-12-31 is day -1");
	is_int(days_from_civil(2000, 1, 1), 10957, "2000-01-01 is day 10957");
	is_int(days_from_civil(2000, 2, 29), 11016, "2000-02-29 is day 11016");
	is_int(days_from_civil(2024, 2, 29), 19782, "2024-02-29 is day 19782");
	is_int(days_from_civil(2025, 3, 1), 20148, "2025-03-01 is day 20148");
	is_int(days_from_civil(2026, 1, 5), 20458, "2026-01-05 is day 20458");
	is_int(days_from_civil(2026, 12, 31), 20818, "2026-12-31 is day 20818");
	is_int(days_from_civil(2100, 3, 1), 47541, "2100-03-01 is day 47541");
	is_int(days_from_civil(1900, 1, 1), -25567, "1900-01-01 is day -25567");
	is_int(days_from_civil(1600, 2, 29), -135081, "1600-02-29 is day -135081");
	is_int(days_from_civil(1, 1, 1), -719162, "0001-01-01 is day -719162");
	is_int(days_from_civil(9999, 12, 31), 2932896, "9999-12-31 is day 2932896");

	int y, m, d;
	civil_from_days(0, &y, &m, &d);
	ok(y == 1970 && m == 1 && d == 1, "day 0 is 1970-01-01");
	civil_from_days(19782, &y, &m, &d);
	ok(y == 2024 && m == 2 && d == 29, "day 19782 is 2024-02-29");
	civil_from_days(-1, &y, &m, &d);
	ok(y == 1969 && m == 12 && d == 31, "day -1 is 1969-12-31");
	civil_from_days(-719162, &y, &m, &d);
	ok(y == 1 && m == 1 && d == 1, "day -719162 is 0001-01-01");
	civil_from_days(47541, &y, &m, &d);
	ok(y == 2100 && m == 3 && d == 1, "day 47541 is 2100-03-01");
}

/* Walks the calendar one day at a time from -0400-01-01 (day -865625:
 * 0001-01-01 is -719162, year 0 is leap, 400 years are 146097 days) to
 * 9999-12-31, with its own month lengths; every date must get the next day
 * number and come back unchanged. */
static void test_walk(void)
{
	long expect = -865625;
	long bad_from = 0, bad_to = 0;
	int first_bad_y = 0, first_bad_m = 0, first_bad_d = 0;
	for (int y = -400; y <= 9999; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= month_len(y, m); d++, expect++) {
				day_t z = days_from_civil(y, m, d);
				int yy, mm, dd;
				if (z != expect && !bad_from++)
					first_bad_y = y, first_bad_m = m, first_bad_d = d;
				civil_from_days((day_t)expect, &yy, &mm, &dd);
				if ((yy != y || mm != m || dd != d) && !bad_to++ && !bad_from)
					first_bad_y = y, first_bad_m = m, first_bad_d = d;
			}
	is_int(expect - 1, 2932896, "the walk ends on day 2932896");
	is_int(bad_from, 0, "days_from_civil counts every day from -400 to 9999");
	is_int(bad_to, 0, "civil_from_days gives every date back from -400 to 9999");
	if (bad_from || bad_to)
		printf("#   first wrong date %d-%02d-%02d\n", first_bad_y, first_bad_m, first_bad_d);
}

static void test_valid(void)
{
	is_int(date_valid(2024, 2, 29), 1, "2024-02-29 exists");
	is_int(date_valid(2025, 2, 29), 0, "2025-02-29 does not exist");
	is_int(date_valid(2000, 2, 29), 1, "2000-02-29 exists (divisible by 400)");
	is_int(date_valid(2100, 2, 29), 0, "2100-02-29 does not exist (century)");
	is_int(date_valid(1900, 2, 29), 0, "1900-02-29 does not exist (century)");
	is_int(date_valid(2026, 2, 28), 1, "2026-02-28 exists");
	is_int(date_valid(2026, 4, 30), 1, "2026-04-30 exists");
	is_int(date_valid(2026, 4, 31), 0, "2026-04-31 does not exist");
	is_int(date_valid(2026, 12, 31), 1, "2026-12-31 exists");
	is_int(date_valid(2026, 1, 0), 0, "day 0 refused");
	is_int(date_valid(2026, 0, 1), 0, "month 0 refused");
	is_int(date_valid(2026, 13, 1), 0, "month 13 refused");
	is_int(date_valid(1900, 1, 1), 1, "1900 is the first year accepted");
	is_int(date_valid(1899, 12, 31), 0, "1899 refused");
	is_int(date_valid(2999, 12, 31), 1, "2999 is the last year accepted");
	is_int(date_valid(3000, 1, 1), 0, "3000 refused");
}

static void test_parse_formats(void)
{
	int rc;
	/* ISO */
	is_int(pd("2026-01-05", DATE_ISO, &rc), 20458, "ISO 2026-01-05");
	is_int(rc, 0, "ISO returns 0");
	is_int(pd("2026-01-05", DATE_AUTO, &rc), 20458, "auto: ISO");
	is_int(pd("2026-1-5", DATE_ISO, &rc), 20458, "ISO with one-digit month and day");
	is_int(pd("2024-02-29", DATE_AUTO, &rc), 19782, "ISO 2024-02-29");
	is_int(pd("1900-01-01", DATE_ISO, &rc), -25567, "ISO 1900-01-01");
	is_int(pd("2999-12-31", DATE_ISO, &rc), 376199, "ISO 2999-12-31");
	/* ISO with a time part */
	is_int(pd("2026-01-05T00:00:00", DATE_ISO, &rc), 20458, "ISO with T00:00:00");
	is_int(pd("2026-01-05 10:00", DATE_AUTO, &rc), 20458, "ISO with a blank and 10:00");
	is_int(pd("2026-01-05T23:59:59Z", DATE_AUTO, &rc), 20458, "ISO with a Z time");
	is_int(pd("2026-01-05T10:00:00+01:00", DATE_ISO, &rc), 20458, "ISO with an offset");
	is_int(pd("2026-01-05T10:00:00.123-05:00", DATE_ISO, &rc), 20458, "ISO with fractions and a negative offset");
	/* DD/MM/YYYY */
	is_int(pd("05/01/2026", DATE_DMY_SLASH, &rc), 20458, "DD/MM/YYYY 05/01/2026");
	is_int(pd("05/01/2026", DATE_AUTO, &rc), 20458, "auto: DD/MM/YYYY");
	is_int(pd("5/1/2026", DATE_AUTO, &rc), 20458, "auto: D/M/YYYY");
	is_int(pd("31/12/2026", DATE_DMY_SLASH, &rc), 20818, "DD/MM/YYYY 31/12/2026");
	is_int(pd("05/01/2026 00:00:00", DATE_AUTO, &rc), 20458, "DD/MM/YYYY with a time");
	/* DD-MM-YYYY */
	is_int(pd("05-01-2026", DATE_DMY_DASH, &rc), 20458, "DD-MM-YYYY 05-01-2026");
	is_int(pd("05-01-2026", DATE_AUTO, &rc), 20458, "auto: DD-MM-YYYY");
	is_int(pd("1-3-2025", DATE_AUTO, &rc), 20148, "auto: D-M-YYYY");
	is_int(pd("5-01-2026", DATE_DMY_DASH, &rc), 20458, "DD-MM-YYYY forced: 5-01-2026");
	is_int(pd("05-1-2026", DATE_DMY_DASH, &rc), 20458, "DD-MM-YYYY forced: 05-1-2026");
	/* auto must not take these for ISO because their fifth byte is a dash */
	is_int(pd("5-01-2026", DATE_AUTO, &rc), 20458, "auto: D-MM-YYYY (5-01-2026)");
	is_int(pd("05-1-2026", DATE_AUTO, &rc), 20458, "auto: DD-M-YYYY (05-1-2026)");
	is_int(pd("5/01/2026", DATE_AUTO, &rc), 20458, "auto: D/MM/YYYY, the same shape with slashes");
	/* DD.MM.YYYY */
	is_int(pd("05.01.2026", DATE_DMY_DOT, &rc), 20458, "DD.MM.YYYY 05.01.2026");
	is_int(pd("05.01.2026", DATE_AUTO, &rc), 20458, "auto: DD.MM.YYYY");
	is_int(pd("29.2.2024", DATE_AUTO, &rc), 19782, "auto: DD.M.YYYY leap day");
	/* MM/DD/YYYY, only when forced */
	is_int(pd("01/05/2026", DATE_MDY_SLASH, &rc), 20458, "MM/DD/YYYY 01/05/2026 is 5 January");
	is_int(pd("12/31/2026", DATE_MDY_SLASH, &rc), 20818, "MM/DD/YYYY 12/31/2026");
	is_int(pd("02/29/2024", DATE_MDY_SLASH, &rc), 19782, "MM/DD/YYYY 02/29/2024");
	is_int(pd("01/05/2026", DATE_AUTO, &rc), 20574, "auto reads 01/05/2026 as 1 May, never MDY");
	pd("12/31/2026", DATE_AUTO, &rc);
	is_int(rc, -1, "auto: 12/31/2026 is not a date (month 31)");
	pd("31/12/2026", DATE_MDY_SLASH, &rc);
	is_int(rc, -1, "MDY forced: 31/12/2026 refused (month 31)");
	/* blanks around the date are trimmed */
	is_int(pd("  2026-01-05 ", DATE_AUTO, &rc), 20458, "blanks around an ISO date");
	is_int(pd("\t05/01/2026\t", DATE_AUTO, &rc), 20458, "tabs around a DMY date");
}

static void test_parse_refused(void)
{
	static const struct { const char *s; enum date_format fmt; const char *why; } bad[] = {
		{"31/02/2026", DATE_DMY_SLASH, "31/02/2026 does not exist"},
		{"31/02/2026", DATE_AUTO, "31/02/2026 does not exist (auto)"},
		{"29/02/2025", DATE_AUTO, "29/02/2025 does not exist"},
		{"29.02.2100", DATE_AUTO, "29.02.2100 does not exist (century)"},
		{"31-04-2026", DATE_AUTO, "31-04-2026 does not exist"},
		{"2026-02-30", DATE_ISO, "2026-02-30 does not exist"},
		{"2026-13-01", DATE_ISO, "month 13 (ISO)"},
		{"2026-00-10", DATE_ISO, "month 0 (ISO)"},
		{"00/01/2026", DATE_AUTO, "day 0"},
		{"01/13/2026", DATE_DMY_SLASH, "month 13 (DMY)"},
		{"01/01/1899", DATE_AUTO, "year 1899"},
		{"3000-01-01", DATE_AUTO, "year 3000"},
		{"", DATE_AUTO, "empty"},
		{"   ", DATE_AUTO, "blanks only"},
		{"abc", DATE_AUTO, "letters"},
		{"20260105", DATE_AUTO, "no separators"},
		{"05/01/26", DATE_AUTO, "two-digit year"},
		{"26-01-05", DATE_AUTO, "two-digit year, dashes"},
		{"05/01/20261", DATE_AUTO, "five-digit year"},
		{"005/01/2026", DATE_AUTO, "three-digit day"},
		{"05/001/2026", DATE_AUTO, "three-digit month"},
		{"2026-001-05", DATE_ISO, "three-digit ISO month"},
		{"05/01-2026", DATE_AUTO, "mixed separators"},
		{"2026/01/05", DATE_ISO, "slashes in an ISO date"},
		{"2026/01/05", DATE_AUTO, "YYYY/MM/DD is not a format"},
		{"05/01/2026", DATE_ISO, "DMY text forced to ISO"},
		{"05/01/2026", DATE_DMY_DOT, "slashes forced to dots"},
		{"05.01.2026", DATE_DMY_DASH, "dots forced to dashes"},
		{"2026-01-05", DATE_DMY_DASH, "ISO text forced to DD-MM-YYYY"},
		{"2026-01-05x", DATE_ISO, "letter after an ISO date"},
		{"2026-01-05Tnoon", DATE_ISO, "letters in the time part"},
		{"2026-01-", DATE_ISO, "ISO without a day"},
		{"2026-01", DATE_AUTO, "ISO without a day, auto"},
		{"05/01/2026 abc", DATE_AUTO, "letters after a DMY date"},
		{"05/01/2026x", DATE_AUTO, "a letter straight after a DMY date"},
		{"-5/01/2026", DATE_AUTO, "a sign"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int rc;
		long d = pd(bad[i].s, bad[i].fmt, &rc);
		ok(rc == -1 && d == -999999, "refused, out untouched: %s (\"%s\")", bad[i].why, bad[i].s);
	}
	int rc;
	is_int(pd("29/02/2024", DATE_DMY_SLASH, &rc), 19782, "29/02/2024 accepted");
	is_int(rc, 0, "29/02/2024 returns 0");
	is_int(pd("29/02/2000", DATE_AUTO, &rc), 11016, "29/02/2000 accepted");
	/* only n bytes are read */
	day_t d = -1;
	is_int(date_parse("2026-01-05junk", 10, DATE_AUTO, &d), 0, "only n bytes are parsed");
	is_int(d, 20458, "only n bytes are parsed: 2026-01-05");
}

static void test_iso_and_names(void)
{
	char buf[11];
	date_iso(0, buf);
	is_str(buf, "1970-01-01", "date_iso(0)");
	date_iso(20458, buf);
	is_str(buf, "2026-01-05", "date_iso(20458)");
	date_iso(19782, buf);
	is_str(buf, "2024-02-29", "date_iso(19782)");
	date_iso(-1, buf);
	is_str(buf, "1969-12-31", "date_iso(-1)");
	date_iso(-25567, buf);
	is_str(buf, "1900-01-01", "date_iso(-25567)");
	date_iso(2932896, buf);
	is_str(buf, "9999-12-31", "date_iso(2932896)");
	date_iso(-719162, buf);
	is_str(buf, "0001-01-01", "date_iso(-719162)");

	/* every day of 2024 as DD/MM/YYYY parses to the matching ISO text */
	int bad = 0;
	day_t expect = 19723; /* 2024-01-01 */
	for (int m = 1; m <= 12; m++)
		for (int dd = 1; dd <= month_len(2024, m); dd++, expect++) {
			char dmy[32], iso[32];
			day_t z = 0;
			snprintf(dmy, sizeof dmy, "%d/%d/2024", dd, m);
			snprintf(iso, sizeof iso, "2024-%02d-%02d", m, dd);
			if (date_parse(dmy, strlen(dmy), DATE_AUTO, &z) != 0 || z != expect) {
				bad++;
				continue;
			}
			date_iso(z, buf);
			if (strcmp(buf, iso) != 0)
				bad++;
		}
	is_int(bad, 0, "all 366 days of 2024: D/M/YYYY -> day -> ISO");
	is_int(expect, 20089, "2024 has 366 days");

	is_int(date_format_from_name("YYYY-MM-DD"), DATE_ISO, "name YYYY-MM-DD");
	is_int(date_format_from_name("DD/MM/YYYY"), DATE_DMY_SLASH, "name DD/MM/YYYY");
	is_int(date_format_from_name("DD-MM-YYYY"), DATE_DMY_DASH, "name DD-MM-YYYY");
	is_int(date_format_from_name("DD.MM.YYYY"), DATE_DMY_DOT, "name DD.MM.YYYY");
	is_int(date_format_from_name("MM/DD/YYYY"), DATE_MDY_SLASH, "name MM/DD/YYYY");
	is_int(date_format_from_name("auto"), DATE_AUTO, "name auto");
	is_int(date_format_from_name(""), -1, "empty name unknown");
	is_int(date_format_from_name("DD/MM/YY"), -1, "DD/MM/YY unknown");
	is_int(date_format_from_name("YYYY/MM/DD"), -1, "YYYY/MM/DD unknown");
	is_int(date_format_from_name("iso"), -1, "iso unknown");
}

int main(void)
{
	test_known_days();
	test_walk();
	test_valid();
	test_parse_formats();
	test_parse_refused();
	test_iso_and_names();
	return done_testing();
}
