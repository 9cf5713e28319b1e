/* date_words.h — dates as a person types them on the command line or in a
 * form: words and steps counted from a given today ("tomorrow", "+2w",
 * "fri", "eom", "15/12") besides every full date date_parse reads. Files
 * of the accounting system never come here: their formats are fixed. */
#ifndef RELANCE_DATE_WORDS_H
#define RELANCE_DATE_WORDS_H

#include "date.h"

/* Parses s (a C string; case and surrounding blanks do not matter) as a
 * day counted from `today`:
 *   today, tomorrow, yesterday (and vandaag, morgen, aujourd'hui, demain)
 *   +N or +Nd   N days on;  +Nw  N weeks on
 *   +Nm, +Ny    N months, years on, the same day of the month, or that
 *               month's last day when it is shorter (31 January +1m: the
 *               end of February; 29 February +1y: 28 February)
 *   -N, -Nd, -Nw, -Nm, -Ny   the same backwards
 *   a weekday   the next such day, strictly after today (on a Tuesday,
 *               "tue" is a week on): mon..sun and monday..sunday, lun..dim
 *               and lundi..dimanche, ma di wo do vr za zo and
 *               maandag..zondag
 *   eom         the last day of today's month
 *   DD/MM       (or DD.MM, DD-MM) this year, or next year when that day
 *               is already past this year; a day that does not exist in
 *               that year (29/02 outside leap years) is no date
 *   and every full date of date_parse(DATE_AUTO): YYYY-MM-DD, DD/MM/YYYY,
 *   DD-MM-YYYY, DD.MM.YYYY.
 * Returns 0 and sets *out, or -1 when s is none of these or the day falls
 * outside the years date_valid allows. */
int date_parse_typed(const char *s, day_t today, day_t *out);

/* The forms above in one line, for messages: "YYYY-MM-DD, DD/MM, today,
 * +3, +2w, +1m, fri, eom". */
extern const char date_typed_forms[];

#endif
