/* utf8.c — UTF-8: decoding at every length boundary; overlong forms,
 * surrogates, code points past U+10FFFF, bad continuation bytes and
 * truncated sequences refused; utf8_valid and the offset of the first bad
 * byte (on both sides of its eight-byte ASCII fast path); terminal widths
 * (combining marks 0, CJK and emoji 2); and utf8_fold to lower-case ASCII
 * (accents, ß, Œ, Æ, Latin Extended-A, combining marks, truncation). */
#include "base/lib.h"
#include "tap.h"

#define S(lit) (lit), (sizeof(lit) - 1)

/* Decodes a string literal; returns the length, *cp = 0xDEADBEEF if the
 * decoder did not set it. */
static size_t dec(const char *s, size_t n, uint32_t *cp)
{
	*cp = 0xdeadbeefu;
	return utf8_decode(s, n, cp);
}

static void test_decode(void)
{
	uint32_t cp;
	static const struct { const char *s; size_t n; size_t len; uint32_t cp; const char *what; } good[] = {
		{"A", 1, 1, 0x41, "ASCII A"},
		{"\0", 1, 1, 0, "NUL"},
		{"\x7f", 1, 1, 0x7f, "U+007F, last one-byte"},
		{"\xc2\x80", 2, 2, 0x80, "U+0080, first two-byte"},
		{"\xc3\xa9", 2, 2, 0xe9, "U+00E9 e acute"},
		{"\xdf\xbf", 2, 2, 0x7ff, "U+07FF, last two-byte"},
		{"\xe0\xa0\x80", 3, 3, 0x800, "U+0800, first three-byte"},
		{"\xe2\x82\xac", 3, 3, 0x20ac, "U+20AC euro sign"},
		{"\xed\x9f\xbf", 3, 3, 0xd7ff, "U+D7FF, just below the surrogates"},
		{"\xee\x80\x80", 3, 3, 0xe000, "U+E000, just above the surrogates"},
		{"\xef\xbf\xbf", 3, 3, 0xffff, "U+FFFF, last three-byte"},
		{"\xf0\x90\x80\x80", 4, 4, 0x10000, "U+10000, first four-byte"},
		{"\xf0\x9f\x98\x80", 4, 4, 0x1f600, "U+1F600 emoji"},
		{"\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff, "U+10FFFF, the last code point"},
		{"\xc3\xa9xyz", 5, 2, 0xe9, "only the first code point is decoded"},
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		size_t k = dec(good[i].s, good[i].n, &cp);
		is_int(k, good[i].len, "decode length: %s", good[i].what);
		is_int(cp, good[i].cp, "decode value: %s", good[i].what);
	}

	static const struct { const char *s; size_t n; const char *what; } bad[] = {
		{"", 0, "nothing to decode"},
		{"\xc0\x80", 2, "overlong NUL (C0 80)"},
		{"\xc1\xbf", 2, "overlong U+007F (C1 BF)"},
		{"\xe0\x80\x80", 3, "overlong NUL in three bytes"},
		{"\xe0\x9f\xbf", 3, "overlong U+07FF in three bytes"},
		{"\xf0\x80\x80\x80", 4, "overlong NUL in four bytes"},
		{"\xf0\x8f\xbf\xbf", 4, "overlong U+FFFF in four bytes"},
		{"\xed\xa0\x80", 3, "surrogate U+D800"},
		{"\xed\xb2\x80", 3, "surrogate U+DC80"},
		{"\xed\xbf\xbf", 3, "surrogate U+DFFF"},
		{"\xf4\x90\x80\x80", 4, "U+110000, past the last code point"},
		{"\xf5\x80\x80\x80", 4, "lead byte F5"},
		{"\xf7\xbf\xbf\xbf", 4, "lead byte F7"},
		{"\xf8\x88\x80\x80\x80", 5, "five-byte form"},
		{"\xfc\x84\x80\x80\x80\x80", 6, "six-byte form"},
		{"\xfe", 1, "byte FE"},
		{"\xff", 1, "byte FF"},
		{"\x80", 1, "a lone continuation byte"},
		{"\xbf\xbf", 2, "continuation bytes only"},
		{"\xc3", 1, "truncated two-byte sequence"},
		{"\xe2\x82", 2, "truncated three-byte sequence"},
		{"\xe2", 1, "three-byte lead alone"},
		{"\xf0\x9f\x98", 3, "truncated four-byte sequence"},
		{"\xc3\x41", 2, "two-byte lead then ASCII"},
		{"\xe2\x28\xa1", 3, "bad second byte of three"},
		{"\xe2\x82\x28", 3, "bad third byte of three"},
		{"\xf0\x9f\x98\x41", 4, "bad fourth byte of four"},
		{"\xc3\xc3\xa9", 3, "lead byte where a continuation should be"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		is_int(dec(bad[i].s, bad[i].n, &cp), 0, "decode refuses: %s", bad[i].what);
	is_int(dec("\xc3\xa9", 1, &cp), 0, "a valid sequence cut short by n is refused");
	is_int(dec("\xf0\x9f\x98\x80", 3, &cp), 0, "a four-byte sequence with n = 3 is refused");
}

static void test_valid(void)
{
	size_t bad;
	bad = 12345;
	is_int(utf8_valid("", 0, &bad), 1, "empty is valid");
	is_int(bad, 12345, "valid: bad offset left alone");
	is_int(utf8_valid(S("plain ASCII text, longer than eight bytes"), &bad), 1, "long ASCII is valid");
	is_int(utf8_valid(S("Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale"), &bad), 1, "Société Générale is valid");
	is_int(utf8_valid(S("\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80 \xe2\x82\xac"), &bad), 1, "CJK, emoji, euro valid");
	is_int(utf8_valid(S("a\0b\0c"), &bad), 1, "NUL bytes are valid UTF-8");

	static const struct { const char *s; size_t n; size_t at; const char *what; } cases[] = {
		{S("abc\xff"), 3, "FF after 3 ASCII bytes"},
		{S("\xff" "abcdefghij"), 0, "FF at offset 0"},
		{S("abcdefg\xff"), 7, "bad byte at 7 (before the fast path applies)"},
		{S("abcdefgh\xc3"), 8, "truncated sequence at 8, right after one fast-path word"},
		{S("abcdefghi\xc3("), 9, "bad sequence at 9"},
		{S("abcdefghijklmnop\xed\xa0\x80xyz"), 16, "surrogate at 16 after two fast-path words"},
		{S("\xc3\xa9\x80"), 2, "lone continuation after e acute"},
		{S("Soci\xe9t\xe9"), 4, "CP1252 e acute at 4"},
		{S("\xc3\xa9" "abcdefgh" "\xc0\x80"), 10, "overlong after a multibyte and eight ASCII bytes"},
		{S("\xe2\x82\xac\xe2\x82\xac\xe2\x82"), 6, "truncated euro at the end"},
		{S("12345678\xf4\x90\x80\x80"), 8, "code point past U+10FFFF at 8"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bad = 999;
		int v = utf8_valid(cases[i].s, cases[i].n, &bad);
		ok(v == 0 && bad == cases[i].at, "invalid, offset %zu: %s (got %d, %zu)", cases[i].at,
		   cases[i].what, v, bad);
	}
	is_int(utf8_valid(S("\xff"), NULL), 0, "bad may be NULL");
	is_int(utf8_valid("abc\xff", 3, &bad), 1, "only n bytes are checked");
}

static void test_width(void)
{
	is_int(utf8_cp_width('A'), 1, "width of A");
	is_int(utf8_cp_width(0), 0, "width of NUL");
	is_int(utf8_cp_width(0xe9), 1, "width of e acute");
	is_int(utf8_cp_width(0x20ac), 1, "width of euro");
	is_int(utf8_cp_width(0x301), 0, "combining acute is 0");
	is_int(utf8_cp_width(0x300), 0, "combining grave (first of the block) is 0");
	is_int(utf8_cp_width(0x36f), 0, "last of the combining block is 0");
	is_int(utf8_cp_width(0x370), 1, "U+0370 after the block is 1");
	is_int(utf8_cp_width(0x20d7), 0, "combining mark for symbols is 0");
	is_int(utf8_cp_width(0x200b), 0, "zero width space is 0");
	is_int(utf8_cp_width(0x200d), 0, "zero width joiner is 0");
	is_int(utf8_cp_width(0xfeff), 0, "BOM / ZWNBSP is 0");
	is_int(utf8_cp_width(0x4e2d), 2, "CJK U+4E2D is 2");
	is_int(utf8_cp_width(0x65e5), 2, "CJK U+65E5 is 2");
	is_int(utf8_cp_width(0x3042), 2, "hiragana is 2");
	is_int(utf8_cp_width(0xac00), 2, "hangul syllable is 2");
	is_int(utf8_cp_width(0x1100), 2, "hangul jamo is 2");
	is_int(utf8_cp_width(0x3000), 2, "ideographic space is 2");
	is_int(utf8_cp_width(0xff21), 2, "fullwidth A is 2");
	is_int(utf8_cp_width(0xff61), 1, "halfwidth ideographic stop is 1");
	is_int(utf8_cp_width(0x1f600), 2, "emoji is 2");
	is_int(utf8_cp_width(0x20000), 2, "CJK extension B is 2");
	is_int(utf8_cp_width(0x3b1), 1, "Greek alpha is 1");

	is_int(utf8_width(S("")), 0, "width of empty");
	is_int(utf8_width(S("abc")), 3, "width of abc");
	is_int(utf8_width(S("Soci\xc3\xa9t\xc3\xa9")), 7, "width of Société (precomposed)");
	is_int(utf8_width(S("Socie\xcc\x81te\xcc\x81")), 7, "width of Société (combining accents)");
	is_int(utf8_width(S("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e")), 6, "width of three CJK characters");
	is_int(utf8_width(S("\xe4\xb8\xad" "a")), 3, "CJK then ASCII");
	is_int(utf8_width(S("\xf0\x9f\x98\x80!")), 3, "emoji then !");
	is_int(utf8_width(S("abc\xff")), 4, "an invalid byte is one column");
	is_int(utf8_width(S("\xe2\x82")), 2, "a truncated sequence is one column a byte");
	is_int(utf8_width(S("a\xe2\x80\x8b" "b")), 2, "zero width space takes nothing");
}

static void test_fold(void)
{
	char out[128];
	size_t n;
	static const struct { const char *in; const char *want; } cases[] = {
		{"Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale", "societe generale"},
		{"M\xc3\xbcller", "muller"},
		{"Stra\xc3\x9f" "e", "strasse"},
		{"\xc5\x92uvre", "oeuvre"},
		{"\xc5\x93uf", "oeuf"},
		{"\xc3\x86ther \xc3\xa6", "aether ae"},
		{"ABC xyz 123 _-.", "abc xyz 123 _-."},
		{"\xc3\x80\xc3\x89\xc3\x8e\xc3\x95\xc3\x9c\xc3\x87\xc3\x91\xc3\x9d", "aeioucny"},
		{"\xc3\xa0\xc3\xa1\xc3\xa2\xc3\xa3\xc3\xa4\xc3\xa5", "aaaaaa"},
		{"\xc3\xbf\xc3\xb8\xc3\x98", "yoo"},
		{"Fran\xc3\xa7ois D\xc3\xa9j\xc3\xa0 \xc3\x89l\xc3\xa8ve", "francois deja eleve"},
		{"\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz"},
		{"Dvo\xc5\x99\xc3\xa1k", "dvorak"},
		{"\xc5\xa0" "t\xc4\x9b" "p\xc3\xa1nek \xc5\xbd" "i\xc5\xbe" "ka", "stepanek zizka"},
		{"\xc4\xb0stanbul \xc4\x9e\xc3\xbcne\xc5\x9f", "istanbul gunes"},
		{"\xc5\x90rs\xc3\xa9g \xc5\xb1", "orseg u"},
		{"\xc5\xb8 \xc5\xbf \xc4\x80 \xc4\x81", "y s a a"},
		{"Socie\xcc\x81te\xcc\x81", "societe"},
		{"a\xe2\x80\x8b" "b", "ab"},
		{"\xe6\x97\xa5\xe6\x9c\xac", "\xe6\x97\xa5\xe6\x9c\xac"},
		{"\xce\xa9mega", "\xce\xa9mega"},
		{"\xe2\x82\xac" "100", "\xe2\x82\xac" "100"},
		{"N\xc2\xb0 facture", "n\xc2\xb0 facture"},
		{"a\xff" "B", "a\xff" "b"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		memset(out, 'Z', sizeof out);
		n = utf8_fold(cases[i].in, strlen(cases[i].in), out, sizeof out);
		is_str(out, cases[i].want, "fold \"%s\"", cases[i].in);
		is_int(n, strlen(cases[i].want), "fold \"%s\": returned length", cases[i].in);
	}

	/* truncation: never a partial expansion, never a partial code point */
	n = utf8_fold(S("Stra\xc3\x9f" "e"), out, 5);
	is_str(out, "stra", "fold into 5 bytes: stra");
	is_int(n, 4, "fold into 5 bytes: length 4");
	n = utf8_fold(S("Stra\xc3\x9f" "e"), out, 6);
	is_str(out, "stra", "fold into 6 bytes: ss does not fit after stra");
	is_int(n, 4, "fold into 6 bytes: length 4");
	n = utf8_fold(S("Stra\xc3\x9f" "e"), out, 7);
	is_str(out, "strass", "fold into 7 bytes: strass");
	is_int(n, 6, "fold into 7 bytes: length 6");
	n = utf8_fold(S("ab\xe6\x97\xa5"), out, 4);
	is_str(out, "ab", "fold: a CJK character that does not fit is left out whole");
	is_int(n, 2, "fold: length 2");
	n = utf8_fold(S("abc"), out, 1);
	is_str(out, "", "fold into 1 byte: empty");
	is_int(n, 0, "fold into 1 byte: length 0");
	out[0] = 'Z';
	n = utf8_fold(S("abc"), out, 0);
	is_int(n, 0, "fold into 0 bytes: length 0");
	is_int(out[0], 'Z', "fold into 0 bytes writes nothing");
	n = utf8_fold("ABCDEF", 3, out, sizeof out);
	is_str(out, "abc", "fold reads only n bytes");
}

int main(void)
{
	test_decode();
	test_valid();
	test_width();
	test_fold();
	return done_testing();
}
