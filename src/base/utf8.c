/* utf8.c — UTF-8 decoding, validation, terminal width and ASCII folding. */
#include "utf8.h"

#include <string.h>

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((s[0] & 0xe0) == 0xc0)
		len = 2, c = s[0] & 0x1f, min = 0x80;
	else if ((s[0] & 0xf0) == 0xe0)
		len = 3, c = s[0] & 0x0f, min = 0x800;
	else if ((s[0] & 0xf8) == 0xf0)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

int utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		/* fast path over ASCII, eight bytes at a time */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ull)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (!(s[i] & 0x80)) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += k;
	}
	return 1;
}

int utf8_safe_at(const char *s, size_t n, size_t i, size_t *len)
{
	unsigned char ch = (unsigned char)s[i];
	if (ch < 0x80) {
		*len = 1;
		return ch >= 0x20 && ch != 0x7f;
	}
	uint32_t cp;
	size_t k = utf8_decode(s + i, n - i, &cp);
	if (!k) {
		*len = 1;
		return 0;
	}
	*len = k;
	if (cp >= 0x80 && cp < 0xa0) /* C1 controls */
		return 0;
	/* bidi overrides and isolates, and line/paragraph separators: they
	 * can reorder or break what a terminal shows */
	if ((cp >= 0x200e && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061c)
		return 0;
	return 1;
}

void utf8_escape(const char *s, size_t n, size_t max_bytes, char *out, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0, i = 0;
	if (size == 0)
		return;
	while (i < n) {
		size_t len;
		int safe = utf8_safe_at(s, n, i, &len);
		size_t need = safe ? len : 4 * len;
		if (i + len > max_bytes || o + need + 4 >= size) {
			if (o + 3 < size)
				memcpy(out + o, "...", 3), o += 3;
			break;
		}
		if (safe) {
			memcpy(out + o, s + i, len);
			o += len;
		} else {
			for (size_t j = 0; j < len; j++) {
				unsigned char b = (unsigned char)s[i + j];
				out[o++] = '\\', out[o++] = 'x', out[o++] = hex[b >> 4], out[o++] = hex[b & 15];
			}
		}
		i += len;
	}
	out[o] = '\0';
}

int utf8_cp_width(uint32_t c)
{
	if (c == 0)
		return 0;
	if ((c >= 0x0300 && c <= 0x036f) || (c >= 0x0483 && c <= 0x0489) ||
	    (c >= 0x0591 && c <= 0x05bd) || (c >= 0x05bf && c <= 0x05c7 && c != 0x05c0 && c != 0x05c3 && c != 0x05c6) ||
	    (c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c == 0x0e31 ||
	    (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e) || (c >= 0x1160 && c <= 0x11ff) ||
	    (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) ||
	    (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xfe20 && c <= 0xfe2f) || (c >= 0x200b && c <= 0x200d) ||
	    c == 0xfeff)
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f680 && c <= 0x1f6ff) || (c >= 0x1f900 && c <= 0x1faff) ||
	    (c >= 0x20000 && c <= 0x3fffd) || c == 0x231a || c == 0x231b || c == 0x23f0 || c == 0x23f3 ||
	    (c >= 0x23e9 && c <= 0x23ec) || c == 0x2614 || c == 0x2615 || (c >= 0x2648 && c <= 0x2653) ||
	    c == 0x267f || c == 0x2693 || c == 0x26a1 || c == 0x26aa || c == 0x26ab || c == 0x26bd ||
	    c == 0x26be || c == 0x26c4 || c == 0x26c5 || c == 0x26ce || c == 0x26d4 || c == 0x26ea ||
	    c == 0x26f2 || c == 0x26f3 || c == 0x26f5 || c == 0x26fa || c == 0x26fd || c == 0x2705 ||
	    c == 0x270a || c == 0x270b || c == 0x2728 || c == 0x274c || c == 0x274e ||
	    (c >= 0x2753 && c <= 0x2755) || c == 0x2757 || (c >= 0x2795 && c <= 0x2797) ||
	    c == 0x27b0 || c == 0x27bf || c == 0x2b1b || c == 0x2b1c || c == 0x2b50 || c == 0x2b55)
		return 2;
	return 1;
}

size_t utf8_length(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xc0) != 0x80;
	return count;
}

size_t utf8_width(const char *s, size_t n)
{
	size_t w = 0, i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		if (!k) {
			w++, i++;
			continue;
		}
		w += (size_t)utf8_cp_width(cp);
		i += k;
	}
	return w;
}

/* ASCII bases of U+00C0..U+00FF and U+0100..U+017F. */
static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const char latin_ext_a[] =
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLlLl"
	"NnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* The letters' ASCII base, case kept; NULL for anything else. */
static const char *latin_base(uint32_t c, char one[2])
{
	switch (c) {
	case 0xdf: return "ss";
	case 0xc6: return "AE";
	case 0xe6: return "ae";
	case 0x152: return "OE";
	case 0x153: return "oe";
	}
	if (c < 0x80)
		one[0] = (char)c;
	else if (c >= 0xc0 && c <= 0xff)
		one[0] = latin1[c - 0xc0];
	else if (c >= 0x100 && c <= 0x17f)
		one[0] = latin_ext_a[c - 0x100];
	else
		return NULL;
	one[1] = '\0';
	return one;
}

const char *utf8_ascii(uint32_t c, char one[2])
{
	const char *base = latin_base(c, one);
	if (base)
		return base;
	switch (c) {
	case 0x20ac: return "EUR";
	case 0x2018: case 0x2019: return "'";
	case 0x201c: case 0x201d: return "\"";
	case 0x2013: case 0x2014: return "-";
	case 0xa0: case 0x202f: return " ";
	}
	return "?";
}

/* The lower-case ASCII base of a letter, in buf; NULL for anything else. */
static const char *fold_cp(uint32_t c, char buf[4])
{
	char one[2];
	const char *base = latin_base(c, one);
	if (!base)
		return NULL;
	size_t i = 0;
	for (; base[i] && i < 3; i++)
		buf[i] = base[i] >= 'A' && base[i] <= 'Z' ? (char)(base[i] - 'A' + 'a') : base[i];
	buf[i] = '\0';
	return buf;
}

size_t utf8_fold(const char *s, size_t n, char *out, size_t size)
{
	size_t o = 0, i = 0;
	if (size == 0)
		return 0;
	while (i < n) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80) { /* ASCII, most of every name: no decoding */
			if (o + 1 >= size)
				break;
			out[o++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : (char)ch;
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(s + i, n - i, &cp);
		char one[4];
		const char *f;
		size_t flen;
		if (!k) {
			f = s + i, flen = 1, k = 1;
		} else if (utf8_cp_width(cp) == 0 && cp >= 0x300) {
			i += k; /* combining accent: drop */
			continue;
		} else if ((f = fold_cp(cp, one)) != NULL) {
			flen = strlen(f);
		} else {
			f = s + i, flen = k;
		}
		if (o + flen >= size)
			break;
		memcpy(out + o, f, flen);
		o += flen;
		i += k;
	}
	out[o] = '\0';
	return o;
}
