/* contact.c — phone numbers and e-mail addresses checked (contact.h). */
#include "contact.h"

#include <string.h>

/* Calls ok(part) for each ';' or ','-separated part of s, blanks trimmed;
 * 0 as soon as one is not. */
static int each_part(const char *s, size_t n, int (*ok)(const char *p, size_t n))
{
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != ';' && s[i] != ',')
			continue;
		const char *p = s + start;
		size_t len = i - start;
		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (!ok(p, len))
			return 0;
		start = i + 1;
	}
	return 1;
}

static int one_phone(const char *p, size_t n)
{
	if (n == 0)
		return 1; /* "a; ; b" keeps its numbers */
	if (!strchr("0123456789+(", *p))
		return 0;
	int digit = 0;
	for (size_t i = 0; i < n; i++) {
		if (!p[i] || !strchr("0123456789 +()./-", p[i]))
			return 0;
		digit |= p[i] >= '0' && p[i] <= '9';
	}
	return digit;
}

static int one_email(const char *p, size_t n)
{
	const char *at = memchr(p, '@', n);
	return at && at != p && at != p + n - 1 && !memchr(p, ' ', n) && !memchr(p, '\0', n);
}

int phone_list_valid(const char *s, size_t n)
{
	return each_part(s, n, one_phone);
}

int email_list_valid(const char *s, size_t n)
{
	return each_part(s, n, one_email);
}
