/* today.c — owns "today" and "now" for the whole program. Nothing else may
 * call time() or localtime() to decide a date. */
#include "today.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int pinned;
static day_t pinned_day;

int today_set(const char *iso)
{
	day_t d;
	if (!iso || date_parse(iso, strlen(iso), DATE_ISO, &d) != 0)
		return -1;
	pinned = 1;
	pinned_day = d;
	return 0;
}

int today_from_env(void)
{
	const char *v = getenv("RELANCE_TODAY");
	if (!v || !*v)
		return 0;
	return today_set(v);
}

day_t today(void)
{
	if (pinned)
		return pinned_day;
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void stamp(time_t t, char out[21])
{
	struct tm tm;
	gmtime_r(&t, &tm);
	if (pinned) {
		int y, m, d;
		civil_from_days(pinned_day, &y, &m, &d);
		tm.tm_year = y - 1900, tm.tm_mon = m - 1, tm.tm_mday = d;
	}
	date_iso(days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), out);
	snprintf(out + 10, 11, "T%02u:%02u:%02uZ", (unsigned)tm.tm_hour % 24u,
		 (unsigned)tm.tm_min % 60u, (unsigned)tm.tm_sec % 61u);
}

void now_utc(char out[21])
{
	stamp(time(NULL), out);
}

void now_utc_ms(char out[25])
{
	/* two calls in one process never give the same stamp */
	static long long last;
	struct timespec ts;
	long long ms;
	do {
		clock_gettime(CLOCK_REALTIME, &ts);
		ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	} while (ms == last);
	last = ms;
	char s[21];
	stamp(ts.tv_sec, s);
	snprintf(out, 25, "%.19s.%03uZ", s, (unsigned)(ms % 1000) % 1000u);
}

int now_local_minutes(void)
{
	const char *v = getenv("RELANCE_CLOCK");
	unsigned h, m;
	char end;
	if (v && sscanf(v, "%2u:%2u%c", &h, &m, &end) == 2 && h < 24 && m < 60)
		return (int)(h * 60 + m);
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

/* Zone names of the tz database: letters, digits and - _ + / (no "..",
 * nothing absolute), a file under $TZDIR or /usr/share/zoneinfo. */
int time_zone_known(const char *zone)
{
	if (!zone || !*zone || *zone == '/' || strstr(zone, "..") || strlen(zone) > 200)
		return 0;
	for (const char *p = zone; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && !(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') &&
		    !strchr("-_+/", *p))
			return 0;
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", zone);
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	char magic[4] = "";
	size_t got = fread(magic, 1, 4, f);
	fclose(f);
	return got == 4 && !memcmp(magic, "TZif", 4);
}

int utc_parse(const char *ts, time_t *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	char z = 0;
	if (!ts || sscanf(ts, "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
			  &tm.tm_min, &tm.tm_sec, &z) != 7 || (z != 'Z' && z != '.'))
		return -1;
	/* timegm would carry a 13th month or a 25th hour into the next */
	if (!date_valid(tm.tm_year, tm.tm_mon, tm.tm_mday) || tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60 ||
	    tm.tm_hour < 0 || tm.tm_min < 0 || tm.tm_sec < 0)
		return -1;
	tm.tm_year -= 1900, tm.tm_mon -= 1;
	*out = timegm(&tm);
	return 0;
}

/* Two digits at s, or -1. */
static int two(const char *s)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' ? (s[0] - '0') * 10 + s[1] - '0' : -1;
}

day_t utc_local_day_utc(const char *ts, day_t *utc)
{
	/* "YYYY-MM-DDTHH:MM:SS": read by hand, a character after the other
	 * (the first that is not so stops, the NUL of a shorter text among
	 * them), and the zone's offset asked of the C library once per hour
	 * of UTC time (a queue reads tens of thousands of stamps) */
	static struct { long hour, offset; } seen[1024];
	static int filled;
	int c, y, mo, d, h, mi, se;
	if (!ts || (c = two(ts)) < 0 || (y = two(ts + 2)) < 0 || ts[4] != '-' || (mo = two(ts + 5)) < 0 ||
	    ts[7] != '-' || (d = two(ts + 8)) < 0 || ts[10] != 'T' || (h = two(ts + 11)) < 0 || ts[13] != ':' ||
	    (mi = two(ts + 14)) < 0 || ts[16] != ':' || (se = two(ts + 17)) < 0)
		return 0;
	if (!date_valid(c * 100 + y, mo, d) || h > 23 || mi > 59 || se > 60)
		return 0;
	day_t day = days_from_civil(c * 100 + y, mo, d);
	long long t = (long long)day * 86400 + h * 3600 + mi * 60 + se;
	long hour = (long)(t / 3600);
	size_t k = (size_t)hour % (sizeof seen / sizeof *seen);
	if (!filled) {
		for (size_t i = 0; i < sizeof seen / sizeof *seen; i++)
			seen[i].hour = -1;
		filled = 1;
	}
	if (seen[k].hour != hour) {
		time_t mid = (time_t)hour * 3600 + 1800;
		struct tm tm;
		if (!localtime_r(&mid, &tm))
			return 0;
		seen[k].hour = hour;
		seen[k].offset = tm.tm_gmtoff;
	}
	long long local = t + seen[k].offset;
	*utc = day;
	return (day_t)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

day_t utc_local_day(const char *ts)
{
	day_t utc;
	return utc_local_day_utc(ts, &utc);
}

int time_local(const char *utc, const char *zone, struct local_time *out)
{
	memset(out, 0, sizeof *out);
	time_t t;
	if (utc_parse(utc, &t)) {
		snprintf(out->when, sizeof out->when, "%s", utc ? utc : "");
		return -1;
	}
	snprintf(out->utc, sizeof out->utc, "%.10s %.5s", utc, utc + 11);
	/* a zone of its own: TZ for the time of one conversion */
	char old[256] = "";
	const char *env = getenv("TZ");
	int had = env != NULL, own = zone && *zone;
	if (had)
		snprintf(old, sizeof old, "%s", env);
	if (own) {
		setenv("TZ", zone, 1);
		tzset();
	}
	struct tm lt;
	localtime_r(&t, &lt);
	char abbr[16] = "";
	if (!strftime(abbr, sizeof abbr, "%Z", &lt))
		abbr[0] = '\0'; /* too long: the contents are undefined */
	if (own) {
		if (had)
			setenv("TZ", old, 1);
		else
			unsetenv("TZ");
		tzset();
	}
	strftime(out->when, sizeof out->when, "%Y-%m-%d %H:%M", &lt);
	struct tm back = lt;
	out->offset = (long)(timegm(&back) - t);
	const char *name = own ? zone : had && *old ? old : abbr;
	if (*name == ':')
		name++;
	/* a name too long to show whole (a POSIX TZ rule, not a zone's name)
	 * gives way to its abbreviation rather than being cut */
	size_t len = strlen(name);
	if (len < sizeof out->zone)
		memcpy(out->zone, name, len + 1);
	else if (*abbr)
		memcpy(out->zone, abbr, strlen(abbr) + 1);
	else
		snprintf(out->zone, sizeof out->zone, "UTC%c%02ld:%02ld", out->offset < 0 ? '-' : '+',
			 labs(out->offset) / 3600, labs(out->offset) / 60 % 60);
	return 0;
}

double monotonic_seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}
