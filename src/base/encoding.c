/* encoding.c — iconv wrapper: converts whole files to UTF-8. */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *encoding_canonical(const char *name)
{
	static const struct { const char *alias, *iconv; } names[] = {
		{"utf-8", "UTF-8"}, {"utf8", "UTF-8"},
		{"cp1252", "CP1252"}, {"windows-1252", "CP1252"}, {"win1252", "CP1252"},
		{"iso-8859-1", "ISO-8859-1"}, {"iso8859-1", "ISO-8859-1"}, {"latin1", "ISO-8859-1"},
		{"latin-1", "ISO-8859-1"},
		{"iso-8859-15", "ISO-8859-15"}, {"iso8859-15", "ISO-8859-15"},
		{"latin9", "ISO-8859-15"}, {"latin-9", "ISO-8859-15"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcasecmp(name, names[i].alias) == 0)
			return names[i].iconv;
	return NULL;
}

int encoding_to_utf8(const char *from, const char *buf, size_t len,
		     char **out, size_t *outlen, size_t *bad_offset)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		*bad_offset = 0;
		return -1;
	}
	size_t cap = len * 3 + 1; /* a single byte becomes at most 3 */
	char *dst = malloc(cap);
	if (!dst) {
		iconv_close(cd);
		*bad_offset = 0;
		return -1;
	}
	char *in = (char *)buf, *o = dst;
	size_t inleft = len, oleft = cap - 1;
	size_t r = iconv(cd, &in, &inleft, &o, &oleft);
	iconv_close(cd);
	if (r == (size_t)-1) {
		*bad_offset = (size_t)(in - buf);
		free(dst);
		return -1;
	}
	*o = '\0';
	*out = dst;
	*outlen = (size_t)(o - dst);
	return 0;
}
