/* date.c — day numbers <-> civil dates (proleptic Gregorian, after Howard
 * Hinnant's algorithms), and strict parsing: a date that does not exist is
 * an error, never normalised into the next month. */
#include "date.h"

#include <string.h>

day_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void civil_from_days(day_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int date_valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* Reads 1..max digits; returns digits consumed (0 on none). */
static size_t read_num(const char *s, size_t n, size_t max, int *out)
{
	size_t i = 0;
	int v = 0;
	while (i < n && i < max && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (s[i++] - '0');
	*out = v;
	return i;
}

static int parse_ymd(const char *s, size_t n, int *y, int *m, int *d)
{
	size_t i = read_num(s, n, 4, y), k;
	if (i != 4 || i >= n || s[i] != '-')
		return -1;
	i++;
	if (!(k = read_num(s + i, n - i, 2, m)) || (i += k) >= n || s[i] != '-')
		return -1;
	i++;
	if (!(k = read_num(s + i, n - i, 2, d)))
		return -1;
	i += k;
	/* optional time part */
	if (i < n && (s[i] == 'T' || s[i] == ' ')) {
		for (size_t j = i + 1; j < n; j++)
			if (!strchr("0123456789:.+-Z", s[j]))
				return -1;
		return 0;
	}
	return i == n ? 0 : -1;
}

/* a SEP b SEP yyyy, with a and b 1..2 digits */
static int parse_xxy(const char *s, size_t n, char sep, int *a, int *b, int *y)
{
	size_t i = 0, k;
	if (!(k = read_num(s, n, 2, a)) || (i += k) >= n || s[i] != sep)
		return -1;
	i++;
	if (!(k = read_num(s + i, n - i, 2, b)) || (i += k) >= n || s[i] != sep)
		return -1;
	i++;
	if ((k = read_num(s + i, n - i, 4, y)) != 4)
		return -1;
	i += k;
	if (i < n && s[i] == ' ') /* "05/01/2026 00:00:00" */
		for (size_t j = i + 1; j < n; j++)
			if (!strchr("0123456789:.", s[j]))
				return -1;
	return i == n || s[i] == ' ' ? 0 : -1;
}

int date_parse(const char *s, size_t n, enum date_format fmt, day_t *out)
{
	int y = 0, m = 0, d = 0, r = -1;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (fmt == DATE_AUTO) {
		size_t lead = 0;
		while (lead < n && s[lead] >= '0' && s[lead] <= '9')
			lead++;
		if (lead == 4 && n >= 5 && s[4] == '-') /* a year first: YYYY-MM-DD */
			fmt = DATE_ISO;
		else if (memchr(s, '/', n))
			fmt = DATE_DMY_SLASH;
		else if (memchr(s, '.', n))
			fmt = DATE_DMY_DOT;
		else
			fmt = DATE_DMY_DASH;
	}
	switch (fmt) {
	case DATE_ISO: r = parse_ymd(s, n, &y, &m, &d); break;
	case DATE_DMY_SLASH: r = parse_xxy(s, n, '/', &d, &m, &y); break;
	case DATE_DMY_DASH: r = parse_xxy(s, n, '-', &d, &m, &y); break;
	case DATE_DMY_DOT: r = parse_xxy(s, n, '.', &d, &m, &y); break;
	case DATE_MDY_SLASH: r = parse_xxy(s, n, '/', &m, &d, &y); break;
	case DATE_AUTO: break;
	}
	if (r != 0 || !date_valid(y, m, d))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

int date_format_from_name(const char *name)
{
	static const struct { const char *name; enum date_format fmt; } names[] = {
		{"YYYY-MM-DD", DATE_ISO}, {"DD/MM/YYYY", DATE_DMY_SLASH},
		{"DD-MM-YYYY", DATE_DMY_DASH}, {"DD.MM.YYYY", DATE_DMY_DOT},
		{"MM/DD/YYYY", DATE_MDY_SLASH}, {"auto", DATE_AUTO},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i].name) == 0)
			return (int)names[i].fmt;
	return -1;
}

/* Writes n digits of v, zero-padded. */
static void digits(char *out, int v, int n)
{
	for (int i = n - 1; i >= 0; i--, v /= 10)
		out[i] = (char)('0' + v % 10);
}

void date_iso(day_t z, char out[11])
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = 0;
	digits(out, y, 4);
	out[4] = '-';
	digits(out + 5, m, 2);
	out[7] = '-';
	digits(out + 8, d, 2);
	out[10] = '\0';
}

int date_weekday(day_t d)
{
	return (int)((d % 7 + 7 + 3) % 7); /* day 0, 1970-01-01, was a Thursday */
}
