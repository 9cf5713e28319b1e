/* xstr.c — xstrdup. */
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
