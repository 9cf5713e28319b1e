/* date.h — calendar dates as day numbers (days since 1970-01-01), parsing
 * of the date formats accounting packages write, and ISO formatting. */
#ifndef RELANCE_DATE_H
#define RELANCE_DATE_H
#include <stddef.h>
#include <stdint.h>

typedef int32_t day_t;

enum date_format {
	DATE_AUTO,      /* any of the formats below except MDY, by shape */
	DATE_ISO,       /* YYYY-MM-DD */
	DATE_DMY_SLASH, /* DD/MM/YYYY */
	DATE_DMY_DASH,  /* DD-MM-YYYY */
	DATE_DMY_DOT,   /* DD.MM.YYYY */
	DATE_MDY_SLASH  /* MM/DD/YYYY, only when forced */
};

day_t days_from_civil(int y, int m, int d);
void civil_from_days(day_t z, int *y, int *m, int *d);
int date_valid(int y, int m, int d);

/* Parse s[0..n) in format fmt. Returns 0 and sets *out, or -1 when the
 * text is not a date (31/02/2026 included). A time part after an ISO date
 * ("2026-01-05T00:00:00", "2026-01-05 10:00") is accepted and ignored. */
int date_parse(const char *s, size_t n, enum date_format fmt, day_t *out);

/* "YYYY-MM-DD", "DD/MM/YYYY", ... -> format; -1 when unknown. */
int date_format_from_name(const char *name);

/* Writes "YYYY-MM-DD" and a NUL into out (11 bytes). */
void date_iso(day_t d, char out[11]);
/* The day of the week: 0 Monday .. 6 Sunday. */
int date_weekday(day_t d);

#endif
