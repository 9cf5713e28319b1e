/* encoding.c — bytes to UTF-8 through iconv: CP1252 text as Windows
 * accounting packages write it ("Société Générale", "Müller GmbH", the
 * euro sign at 0x80, curly quotes), the same euro in ISO-8859-15 (0xA4)
 * and what 0xA4 is in ISO-8859-1, every ISO-8859-1 byte, the bytes CP1252
 * leaves undefined (0x81...) reported with their offset, UTF-8 checked,
 * an unknown encoding, the empty input, and encoding_canonical's aliases. */
#include "base/lib.h"
#include "tap.h"

#include <stdlib.h>

#define S(lit) (lit), (sizeof(lit) - 1)

/* Converts and compares with want (a string literal, length wn). */
static void conv_is(const char *from, const char *in, size_t n, const char *want, size_t wn,
		    const char *what)
{
	char *out = NULL;
	size_t outlen = 12345, bad = 12345;
	int rc = encoding_to_utf8(from, in, n, &out, &outlen, &bad);
	ok(rc == 0, "%s: converts", what);
	ok(rc == 0 && outlen == wn && memcmp(out, want, wn) == 0, "%s: UTF-8 bytes", what);
	ok(rc == 0 && out[outlen] == '\0', "%s: NUL-terminated", what);
	if (rc == 0 && outlen != wn)
		printf("#   length %zu, expected %zu\n", outlen, wn);
	free(out);
}

/* Conversion that must fail with *bad_offset == at. */
static void conv_bad(const char *from, const char *in, size_t n, size_t at, const char *what)
{
	char *out = NULL;
	size_t outlen = 0, bad = 12345;
	int rc = encoding_to_utf8(from, in, n, &out, &outlen, &bad);
	is_int(rc, -1, "%s: refused", what);
	is_int(bad, at, "%s: bad offset", what);
	ok(out == NULL, "%s: no output buffer", what);
}

static void test_cp1252(void)
{
	conv_is("CP1252", S("Soci\xe9t\xe9 G\xe9n\xe9rale"),
		S("Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale"), "CP1252 Société Générale");
	conv_is("CP1252", S("M\xfcller GmbH"), S("M\xc3\xbcller GmbH"), "CP1252 Müller GmbH");
	conv_is("CP1252", S("\x80 12,50"), S("\xe2\x82\xac 12,50"), "CP1252 0x80 is the euro sign");
	conv_is("CP1252", S("\xa4"), S("\xc2\xa4"), "CP1252 0xA4 is the currency sign");
	conv_is("CP1252", S("\x8c\x9c\x8a\x9f"), S("\xc5\x92\xc5\x93\xc5\xa0\xc5\xb8"), "CP1252 Œ œ Š Ÿ");
	conv_is("CP1252", S("\x93quoted\x94 \x96 x"), S("\xe2\x80\x9cquoted\xe2\x80\x9d \xe2\x80\x93 x"),
		"CP1252 curly quotes and en dash");
	conv_is("CP1252", S("Stra\xdf" "e"), S("Stra\xc3\x9f" "e"), "CP1252 Straße");
	conv_is("CP1252", S("plain;ascii\r\n"), S("plain;ascii\r\n"), "CP1252 ASCII unchanged");

	conv_bad("CP1252", S("\x81"), 0, "CP1252 0x81 at offset 0");
	conv_bad("CP1252", S("ab\x81" "cd"), 2, "CP1252 0x81 at offset 2");
	conv_bad("CP1252", S("Soci\xe9t\xe9\x8d"), 7, "CP1252 0x8D after accented text");
	conv_bad("CP1252", S("x\x8f"), 1, "CP1252 0x8F");
	conv_bad("CP1252", S("xy\x90"), 2, "CP1252 0x90");
	conv_bad("CP1252", S("\x80\x80\x9d"), 2, "CP1252 0x9D after two euros");

	/* a long run of bytes that each become three: the output must fit */
	static char euros[3000], want[9000];
	for (size_t i = 0; i < sizeof euros; i++) {
		euros[i] = '\x80';
		memcpy(want + 3 * i, "\xe2\x82\xac", 3);
	}
	conv_is("CP1252", euros, sizeof euros, want, sizeof want, "3000 euro signs become 9000 bytes");
}

static void test_iso8859(void)
{
	conv_is("ISO-8859-15", S("\xa4 5"), S("\xe2\x82\xac 5"), "ISO-8859-15 0xA4 is the euro sign");
	conv_is("ISO-8859-15", S("\xa6\xa8\xb4\xb8\xbc\xbd\xbe"),
		S("\xc5\xa0\xc5\xa1\xc5\xbd\xc5\xbe\xc5\x92\xc5\x93\xc5\xb8"), "ISO-8859-15 Š š Ž ž Œ œ Ÿ");
	conv_is("ISO-8859-15", S("Soci\xe9t\xe9"), S("Soci\xc3\xa9t\xc3\xa9"), "ISO-8859-15 Société");
	conv_is("ISO-8859-1", S("\xa4"), S("\xc2\xa4"), "ISO-8859-1 0xA4 is the currency sign, not the euro");
	conv_is("ISO-8859-1", S("\x80"), S("\xc2\x80"), "ISO-8859-1 0x80 is the control U+0080");
	conv_is("ISO-8859-1", S("M\xfcller GmbH"), S("M\xc3\xbcller GmbH"), "ISO-8859-1 Müller GmbH");

	/* every ISO-8859-1 byte is the code point of the same number */
	static char all[256], want[384];
	size_t w = 0;
	for (int b = 0; b < 256; b++) {
		all[b] = (char)b;
		if (b < 0x80) {
			want[w++] = (char)b;
		} else {
			want[w++] = (char)(0xc0 | (b >> 6));
			want[w++] = (char)(0x80 | (b & 0x3f));
		}
	}
	conv_is("ISO-8859-1", all, sizeof all, want, w, "all 256 ISO-8859-1 bytes");
}

static void test_utf8_and_errors(void)
{
	conv_is("UTF-8", S("Soci\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
		S("Soci\xc3\xa9t\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "UTF-8 stays as it is");
	conv_bad("UTF-8", S("ab\xff" "c"), 2, "UTF-8 with a bad byte at 2");
	conv_bad("UTF-8", S("Soci\xe9t\xe9"), 4, "CP1252 text read as UTF-8");
	conv_bad("UTF-8", S("abc\xc3"), 3, "UTF-8 truncated at the end");

	char *out = NULL;
	size_t outlen = 99, bad = 99;
	is_int(encoding_to_utf8("NO-SUCH-ENCODING-42", "abc", 3, &out, &outlen, &bad), -1,
	       "unknown encoding refused");
	is_int(bad, 0, "unknown encoding: bad offset 0");

	out = NULL;
	outlen = 99;
	is_int(encoding_to_utf8("CP1252", "", 0, &out, &outlen, &bad), 0, "empty input converts");
	is_int(outlen, 0, "empty input: length 0");
	ok(out && out[0] == '\0', "empty input: an empty NUL-terminated string");
	free(out);
}

static void test_canonical(void)
{
	static const struct { const char *in, *want; } names[] = {
		{"utf-8", "UTF-8"}, {"UTF-8", "UTF-8"}, {"utf8", "UTF-8"}, {"Utf8", "UTF-8"},
		{"cp1252", "CP1252"}, {"CP1252", "CP1252"}, {"windows-1252", "CP1252"},
		{"Windows-1252", "CP1252"}, {"win1252", "CP1252"},
		{"iso-8859-1", "ISO-8859-1"}, {"ISO-8859-1", "ISO-8859-1"}, {"iso8859-1", "ISO-8859-1"},
		{"latin1", "ISO-8859-1"}, {"Latin-1", "ISO-8859-1"}, {"LATIN1", "ISO-8859-1"},
		{"iso-8859-15", "ISO-8859-15"}, {"ISO8859-15", "ISO-8859-15"},
		{"latin9", "ISO-8859-15"}, {"LATIN-9", "ISO-8859-15"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		is_str(encoding_canonical(names[i].in), names[i].want, "canonical \"%s\"", names[i].in);
	static const char *unknown[] = {"", "ascii", "utf-16", "cp1250", "latin", "iso-8859", "utf-8 ",
					 "iso-8859-155", "windows"};
	for (size_t i = 0; i < sizeof unknown / sizeof *unknown; i++)
		ok(encoding_canonical(unknown[i]) == NULL, "\"%s\" is not an encoding relance reads", unknown[i]);
	/* every canonical name is one iconv knows */
	static const char *canon[] = {"UTF-8", "CP1252", "ISO-8859-1", "ISO-8859-15"};
	for (size_t i = 0; i < sizeof canon / sizeof *canon; i++) {
		char *out = NULL;
		size_t outlen, bad;
		ok(encoding_to_utf8(encoding_canonical(canon[i]), "x", 1, &out, &outlen, &bad) == 0,
		   "iconv opens %s", canon[i]);
		free(out);
	}
}

int main(void)
{
	test_cp1252();
	test_iso8859();
	test_utf8_and_errors();
	test_canonical();
	return done_testing();
}
