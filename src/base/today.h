/* today.h — the one source of "today" and "now". Every rule that depends on
 * the date asks here, so tests can pin the date with RELANCE_TODAY or
 * --today. */
#ifndef RELANCE_TODAY_H
#define RELANCE_TODAY_H
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

/* The local time of day in minutes since midnight: the rule on calling
 * hours asks here. RELANCE_CLOCK=HH:MM pins it (for tests). */
int now_local_minutes(void);

#endif
