/* date_words.c — dates as people type them: words, steps and weekdays
 * counted from a today given by the caller (never the clock), then the
 * full dates date_parse reads. It must never guess: what is none of the
 * forms in date_words.h is no date. */
#include "date_words.h"

#include <string.h>

const char date_typed_forms[] = "YYYY-MM-DD, DD/MM, today, tomorrow, +3, +2w, +1m, fri, eom";

static const struct {
	const char *name;
	int days;
} day_words[] = {
	{"today", 0}, {"vandaag", 0}, {"aujourd'hui", 0},
	{"tomorrow", 1}, {"morgen", 1}, {"demain", 1},
	{"yesterday", -1}, {"gisteren", -1}, {"hier", -1},
};

/* 0 Monday .. 6 Sunday, as date_weekday */
static const struct {
	const char *name;
	int weekday;
} weekday_words[] = {
	{"mon", 0}, {"tue", 1}, {"wed", 2}, {"thu", 3}, {"fri", 4}, {"sat", 5}, {"sun", 6},
	{"monday", 0}, {"tuesday", 1}, {"wednesday", 2}, {"thursday", 3}, {"friday", 4},
	{"saturday", 5}, {"sunday", 6},
	{"lun", 0}, {"mar", 1}, {"mer", 2}, {"jeu", 3}, {"ven", 4}, {"sam", 5}, {"dim", 6},
	{"lundi", 0}, {"mardi", 1}, {"mercredi", 2}, {"jeudi", 3}, {"vendredi", 4},
	{"samedi", 5}, {"dimanche", 6},
	{"ma", 0}, {"di", 1}, {"wo", 2}, {"do", 3}, {"vr", 4}, {"za", 5}, {"zo", 6},
	{"maandag", 0}, {"dinsdag", 1}, {"woensdag", 2}, {"donderdag", 3}, {"vrijdag", 4},
	{"zaterdag", 5}, {"zondag", 6},
};

/* 0 and *out when day z is one date_valid allows; -1 otherwise. */
static int in_range(day_t z, day_t *out)
{
	int y, m, d;
	civil_from_days(z, &y, &m, &d);
	if (!date_valid(y, m, d))
		return -1;
	*out = z;
	return 0;
}

/* y-m-d, or the month's last day when d is past it; -1 when the month is
 * out of range. */
static int clamped(int y, int m, int d, day_t *out)
{
	if (!date_valid(y, m, 1))
		return -1;
	while (d > 28 && !date_valid(y, m, d))
		d--;
	*out = days_from_civil(y, m, d);
	return 0;
}

/* "+N", "-N" with an optional unit d, w, m or y. */
static int parse_step(const char *s, day_t today, day_t *out)
{
	int sign = *s++ == '-' ? -1 : 1;
	long n = 0;
	size_t k = 0;
	while (s[k] >= '0' && s[k] <= '9' && k < 5)
		n = n * 10 + (s[k++] - '0');
	if (k == 0 || k > 4 || (s[k] && s[k + 1]))
		return -1;
	n *= sign;
	int y, m, d;
	civil_from_days(today, &y, &m, &d);
	long months;
	switch (s[k]) {
	case '\0':
	case 'd': return in_range(today + (day_t)n, out);
	case 'w': return in_range(today + (day_t)(7 * n), out);
	case 'm': months = n; break;
	case 'y': months = 12 * n; break;
	default: return -1;
	}
	long at = (long)y * 12 + (m - 1) + months;
	if (at < 0)
		return -1;
	return clamped((int)(at / 12), (int)(at % 12) + 1, d, out);
}

/* "DD/MM" (or . or -): this year, or next when that day is already past. */
static int parse_day_month(const char *s, day_t today, day_t *out)
{
	int d = 0, m = 0;
	size_t i = 0, k;
	for (k = 0; k < 2 && s[i] >= '0' && s[i] <= '9'; k++)
		d = d * 10 + (s[i++] - '0');
	if (!k || !s[i] || !strchr("/.-", s[i]))
		return -1;
	i++;
	for (k = 0; k < 2 && s[i] >= '0' && s[i] <= '9'; k++)
		m = m * 10 + (s[i++] - '0');
	if (!k || s[i])
		return -1;
	int ty, tm, td;
	civil_from_days(today, &ty, &tm, &td);
	int y = m < tm || (m == tm && d < td) ? ty + 1 : ty;
	if (!date_valid(y, m, d))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

int date_parse_typed(const char *s, day_t today, day_t *out)
{
	size_t n;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	char w[16];
	if (n == 0)
		return -1;
	if (n < sizeof w) {
		for (size_t i = 0; i < n; i++)
			w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		w[n] = '\0';
		for (size_t i = 0; i < sizeof day_words / sizeof *day_words; i++)
			if (!strcmp(w, day_words[i].name))
				return in_range(today + day_words[i].days, out);
		for (size_t i = 0; i < sizeof weekday_words / sizeof *weekday_words; i++)
			if (!strcmp(w, weekday_words[i].name))
				return in_range(today + 1 + (weekday_words[i].weekday - date_weekday(today) + 6) % 7,
						out);
		if (!strcmp(w, "eom")) {
			int y, m, d;
			civil_from_days(today, &y, &m, &d);
			return clamped(y, m, 31, out);
		}
		if (w[0] == '+' || w[0] == '-')
			return parse_step(w, today, out);
		if (n <= 5 && parse_day_month(w, today, out) == 0)
			return 0;
	}
	return date_parse(s, n, DATE_AUTO, out);
}
