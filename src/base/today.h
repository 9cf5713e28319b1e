/* today.h — the one source of "today" and "now". Every rule that depends on
 * the date asks here, so tests can pin the date with RELANCE_TODAY or
 * --today. */
#ifndef RELANCE_TODAY_H
#define RELANCE_TODAY_H
#include <time.h>

#include "date.h"

/* Pin today to an ISO date; returns -1 when it is not one. */
int today_set(const char *iso);
/* Reads RELANCE_TODAY once; returns -1 (and leaves the clock alone) if it
 * is set but not a date. */
int today_from_env(void);
/* Today's local date as a day number. */
day_t today(void);
/* Now as a UTC ISO-8601 timestamp "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with NUL).
 * When today is pinned, the date part is the pinned date. */
void now_utc(char out[21]);
/* The same to the millisecond, "YYYY-MM-DDTHH:MM:SS.mmmZ", never twice the
 * same in one process: what an import stamps its rows with. */
void now_utc_ms(char out[25]);
/* Seconds since 1970 of a UTC timestamp "YYYY-MM-DDTHH:MM:SSZ"
 * (milliseconds allowed): 0, or -1 when ts is no such timestamp. */
int utc_parse(const char *ts, time_t *out);

/* The local day (where the collector is: the TZ variable) of a stored UTC
 * timestamp "YYYY-MM-DDTHH:MM:SS..." (what may follow is ignored); 0 when
 * ts is no such timestamp. Fast: for reading many rows. */
day_t utc_local_day(const char *ts);
/* The same, and the stamp's own UTC day into *utc (left as it is when ts
 * is no timestamp): a caller that shows the local day can copy the
 * stamp's first ten characters when the two agree, not write them. */
day_t utc_local_day_utc(const char *ts, day_t *utc);

/* The local time of day in minutes since midnight: the rule on calling
 * hours asks here. RELANCE_CLOCK=HH:MM pins it (for tests). */
int now_local_minutes(void);

/* A stored UTC timestamp as a person reads it where they are. */
struct local_time {
	char when[17];  /* "YYYY-MM-DD HH:MM", local */
	char utc[17];   /* "YYYY-MM-DD HH:MM", as stored (UTC) */
	char zone[64];  /* the zone's name: as given, else $TZ, else its abbreviation */
	long offset;    /* seconds east of UTC at that time */
};
/* utc ("YYYY-MM-DDTHH:MM:SSZ", milliseconds allowed) in the zone `zone` (a
 * name of the tz database, "Europe/Brussels"; NULL or "": the TZ variable,
 * else the system's zone). Returns 0, or -1 when utc is no such timestamp
 * (when then holds it as it is). Display only: dates that rules decide
 * come from today(). */
int time_local(const char *utc, const char *zone, struct local_time *out);
/* 1 when zone names a zone of the tz database ($TZDIR, else
 * /usr/share/zoneinfo). */
int time_zone_known(const char *zone);

/* Seconds on a clock that only moves forward (CLOCK_MONOTONIC): how long
 * something took, never a date. */
double monotonic_seconds(void);

#endif
