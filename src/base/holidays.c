/* holidays.c — the Belgian calendar of public holidays, the movable ones
 * from Easter (the anonymous Gregorian computus). */
#include "holidays.h"

day_t easter_sunday(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
	return days_from_civil(y, month, day);
}

int be_public_holiday(day_t d)
{
	int y, m, dd;
	civil_from_days(d, &y, &m, &dd);
	static const int fixed[][2] = {{1, 1}, {5, 1}, {7, 21}, {8, 15}, {11, 1}, {11, 11}, {12, 25}};
	for (unsigned i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (m == fixed[i][0] && dd == fixed[i][1])
			return 1;
	day_t easter = easter_sunday(y);
	return d == easter + 1 || d == easter + 39 || d == easter + 50;
}

day_t working_days_after(day_t d, int n)
{
	while (n > 0) {
		d++;
		if (date_weekday(d) < 5 && !be_public_holiday(d))
			n--;
	}
	return d;
}
