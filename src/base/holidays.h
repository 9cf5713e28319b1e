/* holidays.h — Belgium's public holidays, on which the post does not
 * deliver: the third working day after a letter is posted skips them. */
#ifndef RELANCE_HOLIDAYS_H
#define RELANCE_HOLIDAYS_H
#include "date.h"

/* Easter Sunday of year y (Gregorian). */
day_t easter_sunday(int y);
/* 1 on a Belgian public holiday: 1 January, Easter Monday, 1 May,
 * Ascension, Whit Monday, 21 July, 15 August, 1 and 11 November,
 * 25 December. */
int be_public_holiday(day_t d);
/* The n-th day after d that is neither a Saturday, a Sunday nor a public holiday. */
day_t working_days_after(day_t d, int n);

#endif
