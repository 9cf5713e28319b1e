/* money.c — parsing and formatting of amounts in integer cents. */
#include "money.h"

#include <stdio.h>
#include <string.h>

#define MAX_CENTS MONEY_MAX_CENTS

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Drops the decoration around a number: blanks, currency signs and codes. */
static void trim_decoration(const char **ps, size_t *pn)
{
	const char *s = *ps;
	size_t n = *pn;
	for (;;) {
		if (n && (*s == ' ' || *s == '\t')) { s++, n--; continue; }
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) { n--; continue; }
		if (n >= 3 && !memcmp(s, "\xe2\x82\xac", 3)) { s += 3, n -= 3; continue; } /* € */
		if (n >= 3 && !memcmp(s + n - 3, "\xe2\x82\xac", 3)) { n -= 3; continue; }
		if (n >= 3 && !memcmp(s, "EUR", 3)) { s += 3, n -= 3; continue; }
		if (n >= 3 && !memcmp(s + n - 3, "EUR", 3)) { n -= 3; continue; }
		break;
	}
	*ps = s;
	*pn = n;
}

/* Length of a thousands-separator-like blank at s: space, NBSP, NNBSP, '\''. */
static size_t blank_len(const char *s, size_t n)
{
	if (n >= 1 && (*s == ' ' || *s == '\''))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	if (n >= 3 && !memcmp(s, "\xe2\x80\xaf", 3))
		return 3;
	return 0;
}

enum decimal_mark money_mark_evidence(const char *s, size_t n)
{
	size_t points = 0, commas = 0, last = 0;
	char lastc = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.' || s[i] == ',') {
			s[i] == '.' ? points++ : commas++;
			lastc = s[i];
			last = i;
		}
	if (points && commas)
		return lastc == '.' ? MARK_POINT : MARK_COMMA;
	if (points + commas == 0)
		return MARK_UNKNOWN;
	if (points + commas > 1) /* the repeated one groups thousands */
		return points ? MARK_COMMA : MARK_POINT;
	size_t digits = 0;
	for (size_t i = last + 1; i < n && is_digit(s[i]); i++)
		digits++;
	if (digits == 3)
		return MARK_UNKNOWN;
	return lastc == '.' ? MARK_POINT : MARK_COMMA;
}

enum money_error money_parse(const char *s, size_t n, enum decimal_mark mark, int64_t *cents)
{
	int neg = 0;
	trim_decoration(&s, &n);
	if (n == 0)
		return MONEY_EMPTY;
	if (n >= 2 && s[0] == '(' && s[n - 1] == ')')
		neg = 1, s++, n -= 2;
	else if (s[0] == '-' || s[0] == '+')
		neg = s[0] == '-', s++, n--;
	else if (s[n - 1] == '-')
		neg = 1, n--;
	trim_decoration(&s, &n);
	if (n == 0 || !(is_digit(s[0]) || s[0] == '.' || s[0] == ','))
		return MONEY_SYNTAX;
	if (mark == MARK_UNKNOWN) {
		mark = money_mark_evidence(s, n);
		if (mark == MARK_UNKNOWN) {
			if (memchr(s, '.', n) || memchr(s, ',', n))
				return MONEY_AMBIGUOUS;
			mark = MARK_POINT;
		}
	}
	char dec = mark == MARK_COMMA ? ',' : '.';
	char grp = mark == MARK_COMMA ? '.' : ',';

	int64_t units = 0;
	size_t i = 0, group_digits = 0, groups = 0;
	int seen_digit = 0;
	while (i < n && s[i] != dec) {
		size_t b;
		if (is_digit(s[i])) {
			units = units * 10 + (s[i] - '0');
			if (units > MAX_CENTS / 100)
				return MONEY_RANGE;
			group_digits++, seen_digit = 1, i++;
		} else if (s[i] == grp || (b = blank_len(s + i, n - i)) != 0) {
			/* a separator must follow 1-3 digits, then groups of exactly 3 */
			if (!seen_digit || (groups && group_digits != 3) || group_digits > 3)
				return MONEY_SYNTAX;
			groups++, group_digits = 0;
			i += s[i] == grp ? 1 : blank_len(s + i, n - i);
		} else {
			return MONEY_SYNTAX;
		}
	}
	if (groups && group_digits != 3)
		return MONEY_SYNTAX;
	int64_t frac = 0;
	if (i < n) { /* decimal part */
		size_t d = 0;
		for (i++; i < n; i++, d++) {
			if (!is_digit(s[i]))
				return MONEY_SYNTAX;
			if (d >= 2) {
				if (s[i] != '0')
					return MONEY_DECIMALS;
				continue;
			}
			frac = frac * 10 + (s[i] - '0');
		}
		if (d == 1)
			frac *= 10;
		if (d == 0 && !seen_digit)
			return MONEY_SYNTAX;
	} else if (!seen_digit) {
		return MONEY_SYNTAX;
	}
	*cents = (units * 100 + frac) * (neg ? -1 : 1);
	return MONEY_OK;
}

const char *money_error_text(enum money_error e)
{
	switch (e) {
	case MONEY_OK: return "ok";
	case MONEY_EMPTY: return "is empty";
	case MONEY_SYNTAX: return "is not an amount";
	case MONEY_DECIMALS: return "has more than two decimals";
	case MONEY_AMBIGUOUS: return "is ambiguous (thousands or decimals?): write the cents, as 1234.00 or 1.234,00";
	case MONEY_RANGE: return "is too large";
	}
	return "?";
}

void money_format(int64_t cents, char *out, size_t size)
{
	uint64_t a = cents < 0 ? (uint64_t)-(cents + 1) + 1 : (uint64_t)cents;
	snprintf(out, size, "%s%llu.%02llu", cents < 0 ? "-" : "",
		 (unsigned long long)(a / 100), (unsigned long long)(a % 100));
}

void money_format_grouped(int64_t cents, char *out, size_t size)
{
	char plain[32], *p = plain;
	money_format(cents, plain, sizeof plain);
	size_t pos = 0;
	if (*p == '-' && pos + 1 < size)
		out[pos++] = *p++;
	size_t intlen = strcspn(p, ".");
	for (size_t i = 0; p[i] && pos + 1 < size; i++) {
		if (i && i < intlen && (intlen - i) % 3 == 0) {
			out[pos++] = ',';
			if (pos + 1 >= size)
				break;
		}
		out[pos++] = p[i];
	}
	out[pos] = '\0';
}
