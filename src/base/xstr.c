/* xstr.c — xstrdup, xstrndup. */
#include "xstr.h"

#include <stdlib.h>
#include <string.h>

char *xstrdup(const char *s)
{
	s = s ? s : "";
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (!d)
		abort();
	memcpy(d, s, n);
	return d;
}

char *xstrndup(const char *s, size_t n)
{
	s = s ? s : "";
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);
	if (!d)
		abort();
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}
