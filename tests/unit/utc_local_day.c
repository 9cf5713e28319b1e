/* utc_local_day.c — the local day of a stored UTC stamp, read by hand for
 * speed (the queue reads tens of thousands): the day and the stamp's own
 * UTC day across zones and midnight, and anything short of a stamp
 * refused, a short text without reading past its end. */
#include "base/lib.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static day_t day(const char *iso)
{
	day_t d = 0;
	date_parse(iso, strlen(iso), DATE_ISO, &d);
	return d;
}

int main(void)
{
	setenv("TZ", "Europe/Brussels", 1);
	tzset();
	day_t utc = -1;
	is_int(utc_local_day_utc("2026-11-24T09:30:00Z", &utc), day("2026-11-24"), "a morning stamp: that day");
	is_int(utc, day("2026-11-24"), "and its UTC day, the same");
	is_int(utc_local_day_utc("2026-11-23T23:30:00Z call reached", &utc), day("2026-11-24"),
	       "23:30 UTC is the next day in Brussels, words after the stamp ignored");
	is_int(utc, day("2026-11-23"), "its UTC day is the day before");
	char iso[11];
	date_iso(utc, iso);
	is_str(iso, "2026-11-23", "the stamp's own first ten characters");
	is_int(utc_local_day("2026-11-23T23:30:00Z"), day("2026-11-24"), "utc_local_day agrees");
	setenv("TZ", "America/New_York", 1);
	tzset();
	is_int(utc_local_day_utc("2026-11-24T03:00:00.123Z", &utc), day("2026-11-23"),
	       "03:00 UTC is still the day before in New York (another zone, read again)");
	is_int(utc, day("2026-11-24"), "its UTC day");

	static const char *const bad[] = {
		"", "2026", "2026-11-24", "2026-11-24T09", "2026-11-24T09:30", "2026-11-24T09:30:0",
		"2026-11-24 09:30:00Z", "2026/11/24T09:30:00Z", "2026-13-01T09:30:00Z", "2026-02-29T09:30:00Z",
		"2026-11-24T24:00:00Z", "2026-11-24T09:60:00Z", "2026-11-24T09:30:61Z", "x026-11-24T09:30:00Z",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		/* each one at the very end of its own allocation: ASan sees a read past it */
		size_t n = strlen(bad[i]);
		char *s = malloc(n + 1);
		memcpy(s, bad[i], n + 1);
		utc = -1;
		is_int(utc_local_day_utc(s, &utc), 0, "no stamp: \"%s\"", bad[i]);
		is_int(utc, -1, "its UTC day left as it was");
		free(s);
	}
	is_int(utc_local_day_utc(NULL, &utc), 0, "NULL: none");
	is_int(utc_local_day("2026-11-24T09:30:60Z"), day("2026-11-24"), "a leap second is a stamp");
	return done_testing();
}
