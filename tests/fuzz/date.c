/* date.c (fuzz) — feeds any bytes to date_parse in every format and to
 * date_parse_typed (the words people type: +2w, fri, 15/12). Checks that
 * a day read is a valid date that reads back as the same day from its ISO
 * form and from the DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY and MM/DD/YYYY
 * forms, and that day numbers and civil dates convert both ways. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_hermetic();
	return 0;
}

static void same_day(const char *text, enum date_format fmt, day_t want, const char *from)
{
	day_t back = 0;
	int r = date_parse(text, strlen(text), fmt, &back);
	FUZZ_CHECK(r == 0 && back == want, "%s: day %ld written %s reads %d %ld", from, (long)want, text, r,
		   (long)back);
}

static void reads_back(day_t day, const char *from)
{
	int y, m, d;
	char iso[11], text[32];
	civil_from_days(day, &y, &m, &d);
	FUZZ_CHECK(date_valid(y, m, d), "%s: day %ld is %d-%d-%d", from, (long)day, y, m, d);
	FUZZ_CHECK(days_from_civil(y, m, d) == day, "%s: %d-%d-%d is not day %ld", from, y, m, d, (long)day);
	int wd = date_weekday(day);
	FUZZ_CHECK(wd >= 0 && wd <= 6, "%s: weekday %d", from, wd);
	date_iso(day, iso);
	same_day(iso, DATE_ISO, day, from);
	same_day(iso, DATE_AUTO, day, from);
	snprintf(text, sizeof text, "%02d/%02d/%04d", d, m, y);
	same_day(text, DATE_DMY_SLASH, day, from);
	same_day(text, DATE_AUTO, day, from);
	snprintf(text, sizeof text, "%d-%d-%04d", d, m, y);
	same_day(text, DATE_DMY_DASH, day, from);
	snprintf(text, sizeof text, "%02d.%02d.%04d", d, m, y);
	same_day(text, DATE_DMY_DOT, day, from);
	snprintf(text, sizeof text, "%d/%d/%04d", m, d, y);
	same_day(text, DATE_MDY_SLASH, day, from);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	static const enum date_format fmts[] = {DATE_AUTO, DATE_ISO, DATE_DMY_SLASH, DATE_DMY_DASH, DATE_DMY_DOT,
						DATE_MDY_SLASH};
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		day_t day;
		if (date_parse(s, size, fmts[i], &day) == 0)
			reads_back(day, "date_parse");
	}
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	day_t day;
	if (date_parse_typed(text, today(), &day) == 0)
		reads_back(day, "date_parse_typed");
	(void)date_format_from_name(text);
	free(text);
	/* a day number from the bytes, in the years date_valid allows */
	if (size >= 4) {
		uint32_t v = (uint32_t)data[0] | (uint32_t)data[1] << 8 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 24;
		day_t lo = days_from_civil(1900, 1, 1), hi = days_from_civil(2999, 12, 31);
		reads_back(lo + (day_t)(v % (uint32_t)(hi - lo + 1)), "day number");
	}
	return 0;
}
