/* payref.c — OGM/VCS (mod 97, 97 for 0) and ISO 11649 RF (ISO 7064 MOD
 * 97-10) references. */
#include "payref.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

static unsigned ogm_check(unsigned long long base10)
{
	unsigned c = (unsigned)(base10 % 97);
	return c ? c : 97;
}

/* mod 97 of the digits made from s (letters A=10 .. Z=35). -1 if not alnum. */
static int mod97_alnum(const char *s, size_t n)
{
	unsigned r = 0;
	for (size_t i = 0; i < n; i++) {
		int c = toupper((unsigned char)s[i]);
		if (c >= '0' && c <= '9')
			r = (r * 10 + (unsigned)(c - '0')) % 97;
		else if (c >= 'A' && c <= 'Z')
			r = (r * 100 + (unsigned)(c - 'A' + 10)) % 97;
		else
			return -1;
	}
	return (int)r;
}

enum payref_kind payref_parse(const char *s, size_t n, char *out, size_t size)
{
	char compact[64];
	size_t k = 0, digits = 0;
	int ogm_marks = 0, plus_star = 0, dash_dot = 0;
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0) {
		out[0] = '\0';
		return PAYREF_NONE;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '+' || c == '*' || c == '/')
			ogm_marks++, plus_star += c != '/';
		else if (c == ' ' || c == '-' || c == '.')
			dash_dot += c != ' ';
		else if (k + 1 < sizeof compact)
			digits += isdigit((unsigned char)c) != 0, compact[k++] = c;
		else
			k = sizeof compact; /* too long for a structured reference */
	}
	compact[k < sizeof compact ? k : 0] = '\0';
	/* twelve digits alone, in groups split by blanks (0108 0681 7183), or
	 * with the marks: never a number with dashes or dots (a phone number) */
	if (k == 12 && digits == 12 && (ogm_marks || !dash_dot)) {
		unsigned long long base = 0;
		for (int i = 0; i < 10; i++)
			base = base * 10 + (unsigned)(compact[i] - '0');
		unsigned check = (unsigned)((compact[10] - '0') * 10 + compact[11] - '0');
		if (check == ogm_check(base)) {
			snprintf(out, size, "%s", compact);
			return PAYREF_OGM;
		}
		if (ogm_marks) {
			snprintf(out, size, "%.*s", (int)n, s);
			return PAYREF_BAD_OGM;
		}
	} else if (ogm_marks >= 6 && digits == k) {
		snprintf(out, size, "%.*s", (int)n, s);
		return PAYREF_BAD_OGM; /* +++ form with the wrong number of digits */
	}
	if (k >= 5 && k <= 25 && toupper((unsigned char)compact[0]) == 'R' &&
	    toupper((unsigned char)compact[1]) == 'F' && isdigit((unsigned char)compact[2]) &&
	    isdigit((unsigned char)compact[3]) && !plus_star) {
		/* RF18/5390/0754/7034: slashes group it as blanks do */
		/* move RFkk to the end and check mod 97 == 1 */
		char moved[64];
		/* by length: a NUL among the characters is no letter nor digit,
		 * and must not end the reference early */
		memcpy(moved, compact + 4, k - 4);
		memcpy(moved + k - 4, compact, 4);
		int r = mod97_alnum(moved, k);
		for (size_t i = 0; i < k; i++)
			compact[i] = (char)toupper((unsigned char)compact[i]);
		if (r == 1) {
			snprintf(out, size, "%s", compact);
			return PAYREF_RF;
		}
		snprintf(out, size, "%.*s", (int)n, s);
		return PAYREF_BAD_RF;
	}
	snprintf(out, size, "%.*s", (int)n, s);
	return PAYREF_FREE;
}

/* One character of s at byte i, as a person can read it back: itself
 * when printable, else \xNN; its length in bytes in *len. */
static void shown_char(const char *s, size_t n, size_t i, char out[16], size_t *len)
{
	uint32_t cp;
	size_t l = utf8_decode(s + i, n - i, &cp);
	if (l == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
		snprintf(out, 16, "\\x%02X", (unsigned char)s[i]);
		*len = 1;
		return;
	}
	snprintf(out, 16, "%.*s", (int)l, s + i);
	*len = l;
}

/* The first character of s that is neither a separator nor allowed
 * (digits only, or letters and digits): its 1-based position in what was
 * typed, in why. Returns 1 when there is one. */
static int stray_char(const char *s, size_t n, size_t skip, const char *seps, int letters, const char *what,
		      char *why, size_t whylen)
{
	for (size_t i = 0, pos = 1; i < n; pos++) {
		unsigned char c = (unsigned char)s[i];
		size_t len = 1;
		if (i >= skip && !strchr(seps, c) && !isdigit(c) && !(letters && c < 0x80 && isalpha(c))) {
			char ch[16];
			shown_char(s, n, i, ch, &len);
			snprintf(why, whylen, "character %zu ('%s') is not %s", pos, ch, what);
			return 1;
		}
		uint32_t cp;
		if (c >= 0x80 && (len = utf8_decode(s + i, n - i, &cp)) == 0)
			len = 1;
		i += len;
	}
	return 0;
}

/* What is wrong with an OGM: a stray character, the count of digits, or
 * the check digits (with the right ones). */
static void ogm_why(const char *s, size_t n, char *why, size_t whylen)
{
	if (stray_char(s, n, 0, "+*/ -.", 0, "a digit", why, whylen))
		return;
	char d[13];
	size_t nd = 0;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]) && nd++ < 12)
			d[nd - 1] = s[i];
	if (nd != 12) {
		snprintf(why, whylen, "too %s: %zu digit%s, 12 expected", nd < 12 ? "short" : "long", nd,
			 nd == 1 ? "" : "s");
		return;
	}
	unsigned long long base = 0;
	for (int i = 0; i < 10; i++)
		base = base * 10 + (unsigned)(d[i] - '0');
	snprintf(why, whylen, "its check digits are wrong: %.2s, expected %02u", d + 10, ogm_check(base));
}

/* What is wrong with an RF reference: a character, its length, its check
 * digits (with the right ones). s starts with "RF". */
static void rf_why(const char *s, size_t n, char *why, size_t whylen)
{
	if (stray_char(s, n, 2, " /-.", 1, "a letter or a digit", why, whylen))
		return;
	char c[64];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (isalnum((unsigned char)s[i]) && k < sizeof c - 1)
			c[k++] = (char)toupper((unsigned char)s[i]);
	c[k] = '\0';
	if (k < 4 || !isdigit((unsigned char)c[2]) || !isdigit((unsigned char)c[3])) {
		snprintf(why, whylen, "RF must be followed by two check digits");
		return;
	}
	if (k == 4) {
		snprintf(why, whylen, "too short: nothing after RF%.2s, 1 to 21 letters and digits expected", c + 2);
		return;
	}
	if (k > 25) {
		snprintf(why, whylen, "too long: %zu characters after RF%.2s, at most 21", k - 4, c + 2);
		return;
	}
	char want[64];
	if (payref_rf_make(c + 4, want, sizeof want) == 0)
		snprintf(why, whylen, "its check digits are wrong: %.2s, expected %.2s", c + 2, want + 2);
	else
		snprintf(why, whylen, "its check digits are wrong");
}

enum payref_kind payref_check(const char *s, size_t n, char *out, size_t size, char *why, size_t whylen)
{
	why[0] = '\0';
	enum payref_kind k = payref_parse(s, n, out, size);
	if (k == PAYREF_OGM || k == PAYREF_RF || k == PAYREF_NONE)
		return k;
	size_t skip = 0;
	while (skip < n && isspace((unsigned char)s[skip]))
		skip++;
	while (n > skip && isspace((unsigned char)s[n - 1]))
		n--;
	const char *t = s + skip;
	size_t m = n - skip;
	if (m >= 2 && toupper((unsigned char)t[0]) == 'R' && toupper((unsigned char)t[1]) == 'F') {
		rf_why(t, m, why, whylen);
		return PAYREF_BAD_RF;
	}
	/* meant as an OGM: it has the marks, or it is (nearly) all digits */
	size_t digits = 0, others = 0, marks = 0;
	for (size_t i = 0; i < m; i++) {
		unsigned char c = (unsigned char)t[i];
		if (isdigit(c))
			digits++;
		else if (c == '+' || c == '*' || c == '/')
			marks++;
		else if (c != ' ' && c != '-' && c != '.')
			others++;
	}
	if (marks || (digits && !others) || (digits >= 10 && others <= 2)) {
		ogm_why(s + skip, m, why, whylen);
		return PAYREF_BAD_OGM;
	}
	snprintf(why, whylen, "not a structured communication nor an RF reference");
	return PAYREF_FREE;
}

void payref_ogm_format(const char *d, char out[21])
{
	snprintf(out, 21, "+++%.3s/%.4s/%.5s+++", d, d + 3, d + 7);
}

void payref_ogm_make(unsigned long long base10, char out[13])
{
	base10 %= 10000000000ull;
	snprintf(out, 13, "%010llu%02u", base10, ogm_check(base10));
}

int payref_rf_make(const char *ref, char *out, size_t size)
{
	size_t n = strlen(ref);
	char tmp[40];
	if (n == 0 || n > 21)
		return -1;
	snprintf(tmp, sizeof tmp, "%sRF00", ref);
	int r = mod97_alnum(tmp, strlen(tmp));
	if (r < 0)
		return -1;
	snprintf(out, size, "RF%02d", 98 - r);
	size_t o = strlen(out);
	for (size_t i = 0; i < n && o + 1 < size; i++)
		out[o++] = (char)toupper((unsigned char)ref[i]);
	out[o] = '\0';
	return 0;
}

const char *payref_label(const char *stored, const char *lang)
{
	/* fr, nl, de, en: in Belgium "communication structurée" is the +++ OGM only */
	static const char *const ogm[] = {"Communication structurée", "Gestructureerde mededeling",
					  "Strukturierte Mitteilung", "Structured communication"};
	static const char *const rf[] = {"Référence structurée (RF)", "Gestructureerde referentie (RF)",
					 "Strukturierte Referenz (RF)", "Structured reference (RF)"};
	static const char *const other[] = {"Communication", "Mededeling", "Verwendungszweck", "Reference"};
	int l = !strcmp(lang, "fr") ? 0 : !strcmp(lang, "nl") ? 1 : !strcmp(lang, "de") ? 2 : 3;
	char out[64];
	enum payref_kind k = payref_parse(stored, strlen(stored), out, sizeof out);
	return k == PAYREF_OGM ? ogm[l] : k == PAYREF_RF ? rf[l] : other[l];
}

void payref_display(const char *stored, char *out, size_t size)
{
	size_t n = strlen(stored);
	int digits = n == 12;
	for (size_t i = 0; digits && i < n; i++)
		digits = isdigit((unsigned char)stored[i]);
	if (digits && size >= 21) {
		payref_ogm_format(stored, out);
		return;
	}
	if (n > 4 && !strncmp(stored, "RF", 2)) {
		size_t o = 0;
		for (size_t i = 0; i < n && o + 2 < size; i++) {
			if (i && i % 4 == 0)
				out[o++] = ' ';
			out[o++] = stored[i];
		}
		out[o] = '\0';
		return;
	}
	snprintf(out, size, "%s", stored);
}

enum payref_kind payref_find(const char *text, char out[64])
{
	size_t n = strlen(text);
	for (size_t i = 0; i < n; i++) {
		/* an OGM: 12 digits among + * / . and blanks */
		if (isdigit((unsigned char)text[i]) || text[i] == '+' || text[i] == '*') {
			size_t j = i, digits = 0;
			while (j < n && digits < 12 && (isdigit((unsigned char)text[j]) || strchr("+*/. ", text[j])))
				digits += isdigit((unsigned char)text[j++]) != 0;
			while (j < n && (text[j] == '+' || text[j] == '*'))
				j++;
			int alone = (i == 0 || !isdigit((unsigned char)text[i - 1])) &&
				    (j == n || !isdigit((unsigned char)text[j]));
			if (digits == 12 && alone && payref_parse(text + i, j - i, out, 64) == PAYREF_OGM)
				return PAYREF_OGM;
		}
		/* an RF reference: RF, two digits, then letters and digits (blanks allowed) */
		if ((text[i] == 'R' || text[i] == 'r') && i + 4 < n && (text[i + 1] == 'F' || text[i + 1] == 'f') &&
		    isdigit((unsigned char)text[i + 2]) && isdigit((unsigned char)text[i + 3]) &&
		    (i == 0 || !isalnum((unsigned char)text[i - 1]))) {
			size_t j = i + 4, chars = 0, end = j;
			while (j < n && chars < 21 && (isalnum((unsigned char)text[j]) || text[j] == ' ')) {
				if (text[j] != ' ')
					chars++, end = j + 1;
				j++;
			}
			/* the longest run that checks: a following word may be glued on */
			for (size_t e = end; e > i + 4; e--)
				if (isalnum((unsigned char)text[e - 1]) && payref_parse(text + i, e - i, out, 64) == PAYREF_RF)
					return PAYREF_RF;
		}
	}
	out[0] = '\0';
	return PAYREF_NONE;
}

int iban_valid(const char *iban)
{
	char s[64];
	size_t n = 0;
	for (const char *p = iban; *p; p++) {
		if (*p == ' ')
			continue;
		if (!isalnum((unsigned char)*p) || n + 1 >= sizeof s)
			return 0;
		s[n++] = *p;
	}
	if (n < 15 || n > 34 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]) || !isdigit((unsigned char)s[3]))
		return 0;
	/* the country and check digits move to the end, as for an RF reference */
	char moved[64];
	memcpy(moved, s + 4, n - 4);
	memcpy(moved + n - 4, s, 4);
	return mod97_alnum(moved, n) == 1;
}

void payref_of_number(long long n, const char *kind, char out[64])
{
	if (kind && !strcmp(kind, "rf")) {
		char digits[24];
		snprintf(digits, sizeof digits, "%lld", n);
		payref_rf_make(digits, out, 64);
		return;
	}
	payref_ogm_make((unsigned long long)n, out);
}

long long payref_number(const char *stored)
{
	long long n = 0;
	size_t len = strlen(stored);
	const char *d = stored, *end = stored + len;
	if (len > 4 && len <= 25 && stored[0] == 'R' && stored[1] == 'F')
		d = stored + 4; /* RF of a number: its digits, no zero in front (payref_of_number) */
	else if (len == 12)
		end = stored + 10; /* an OGM: its ten digits, the check after */
	else
		return -1;
	if (d != stored && *d == '0')
		return -1;
	if (d == end || end - d > 15)
		return -1;
	for (const char *p = d; p < end; p++) {
		if (!isdigit((unsigned char)*p))
			return -1;
		n = n * 10 + (*p - '0');
	}
	return n > 0 ? n : -1;
}
