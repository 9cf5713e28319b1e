/* csv.c — the CSV reader: comma, semicolon and tab files; RFC 4180 quoting
 * (embedded delimiters, doubled quotes, embedded newlines, with the line
 * numbers kept right after them); CRLF and LF; blank lines; text after a
 * closing quote; an unclosed quote; records wider than the caller's array;
 * many quoted fields in one record; and delimiter detection. */
#include "base/lib.h"
#include "tap.h"

#include <stdlib.h>

/* A field as a NUL-terminated string (four rotating buffers, so that a
 * test can compare several fields in one statement). */
static const char *fs(const struct csv_field *f)
{
	static char bufs[4][2048];
	static int next;
	char *b = bufs[next++ & 3];
	if (!f->s)
		return "(null)";
	size_t n = f->n < sizeof bufs[0] - 1 ? f->n : sizeof bufs[0] - 1;
	memcpy(b, f->s, n);
	b[n] = '\0';
	return b;
}

static void init(struct csv_reader *r, const char *text, char delim)
{
	csv_init(r, text, strlen(text), delim);
}

static void test_basic_delimiters(void)
{
	struct csv_reader r;
	struct csv_field f[8];

	init(&r, "a,b,c\n1,2,3\n", ',');
	is_int(r.line, 1, "comma: the reader starts on line 1");
	is_int(csv_next(&r, f, 8), 3, "comma: header has 3 fields");
	is_str(fs(&f[0]), "a", "comma: field 1");
	is_str(fs(&f[1]), "b", "comma: field 2");
	is_str(fs(&f[2]), "c", "comma: field 3");
	is_int(r.record_line, 1, "comma: first record on line 1");
	is_int(csv_next(&r, f, 8), 3, "comma: row has 3 fields");
	is_str(fs(&f[0]), "1", "comma: row field 1");
	is_str(fs(&f[2]), "3", "comma: row field 3");
	is_int(r.record_line, 2, "comma: second record on line 2");
	is_int(csv_next(&r, f, 8), 0, "comma: end of buffer");
	is_int(csv_next(&r, f, 8), 0, "comma: end of buffer stays the end");
	is_int(r.line, 3, "comma: after two lines, the next line is 3");
	csv_free(&r);

	init(&r, "Facture;Montant;Client\nF-1;1.234,56;Dupont, Jean\n", ';');
	is_int(csv_next(&r, f, 8), 3, "semicolon: header has 3 fields");
	is_str(fs(&f[1]), "Montant", "semicolon: header field 2");
	is_int(csv_next(&r, f, 8), 3, "semicolon: commas are not delimiters");
	is_str(fs(&f[0]), "F-1", "semicolon: field 1");
	is_str(fs(&f[1]), "1.234,56", "semicolon: decimal comma kept in the field");
	is_str(fs(&f[2]), "Dupont, Jean", "semicolon: comma in an unquoted field");
	csv_free(&r);

	init(&r, "a\tb c\td;e,f\n", '\t');
	is_int(csv_next(&r, f, 8), 3, "tab: 3 fields");
	is_str(fs(&f[0]), "a", "tab: field 1");
	is_str(fs(&f[1]), "b c", "tab: spaces stay in the field");
	is_str(fs(&f[2]), "d;e,f", "tab: ; and , are ordinary characters");
	csv_free(&r);

	init(&r, " a , b ,c\n", ',');
	is_int(csv_next(&r, f, 8), 3, "blanks: 3 fields");
	is_str(fs(&f[0]), " a ", "blanks around a field are kept");
	is_str(fs(&f[1]), " b ", "blanks around field 2 are kept");
	csv_free(&r);

	init(&r, "ab\"c,d\n", ',');
	is_int(csv_next(&r, f, 8), 2, "a quote inside an unquoted field: 2 fields");
	is_str(fs(&f[0]), "ab\"c", "a quote inside an unquoted field is literal");
	csv_free(&r);
}

static void test_empty_fields(void)
{
	struct csv_reader r;
	struct csv_field f[8];

	init(&r, ",,\n", ',');
	is_int(csv_next(&r, f, 8), 3, "',,' has three fields");
	is_int(f[0].n, 0, "',,' field 1 empty");
	is_int(f[1].n, 0, "',,' field 2 empty");
	is_int(f[2].n, 0, "',,' field 3 empty");
	csv_free(&r);

	init(&r, "a,b,\nc", ',');
	is_int(csv_next(&r, f, 8), 3, "a trailing delimiter makes an empty last field");
	is_int(f[2].n, 0, "the last field is empty");
	is_int(csv_next(&r, f, 8), 1, "last line without a newline is read");
	is_str(fs(&f[0]), "c", "last line's field");
	is_int(r.record_line, 2, "last line without a newline is on line 2");
	is_int(csv_next(&r, f, 8), 0, "then the end");
	csv_free(&r);

	init(&r, "a,b,", ',');
	is_int(csv_next(&r, f, 8), 3, "trailing delimiter at the very end of the buffer");
	is_int(f[2].n, 0, "... gives an empty third field");
	csv_free(&r);

	init(&r, "", ',');
	is_int(csv_next(&r, f, 8), 0, "empty buffer: no record");
	csv_free(&r);

	init(&r, "\n\r\n\n", ',');
	is_int(csv_next(&r, f, 8), 0, "only blank lines: no record");
	is_int(r.line, 4, "only blank lines: three line ends counted");
	csv_free(&r);
}

static void test_quoting(void)
{
	struct csv_reader r;
	struct csv_field f[8];
	const char *text;

	text = "\"Dupont, Jean\",12\n";
	init(&r, text, ',');
	is_int(csv_next(&r, f, 8), 2, "quoted field with a comma: 2 fields");
	is_str(fs(&f[0]), "Dupont, Jean", "embedded delimiter kept");
	ok(f[0].s == text + 1, "a plain quoted field points into the buffer");
	is_str(fs(&f[1]), "12", "field after the quoted one");
	csv_free(&r);

	init(&r, "x;\"a;b;c\";y\n", ';');
	is_int(csv_next(&r, f, 8), 3, "quoted semicolons: 3 fields");
	is_str(fs(&f[1]), "a;b;c", "embedded semicolons kept");
	is_str(fs(&f[2]), "y", "field after the quoted semicolons");
	csv_free(&r);

	init(&r, "\"a\tb\"\tc\n", '\t');
	is_int(csv_next(&r, f, 8), 2, "quoted tab: 2 fields");
	is_str(fs(&f[0]), "a\tb", "embedded tab kept");
	csv_free(&r);

	init(&r, "\"say \"\"hi\"\"\",x\n", ',');
	is_int(csv_next(&r, f, 8), 2, "doubled quotes: 2 fields");
	is_str(fs(&f[0]), "say \"hi\"", "doubled quotes become one");
	is_int(f[0].n, 8, "doubled quotes: length 8");
	is_str(fs(&f[1]), "x", "field after doubled quotes");
	csv_free(&r);

	init(&r, "\"\"\"\",\"\",\"a\"\"\"\"b\"\n", ',');
	is_int(csv_next(&r, f, 8), 3, "quote-only fields: 3 fields");
	is_str(fs(&f[0]), "\"", "\"\"\"\" is one quote");
	is_int(f[1].n, 0, "\"\" is an empty field");
	is_str(fs(&f[2]), "a\"\"b", "two doubled quotes in a row");
	csv_free(&r);

	init(&r, "\"12 \"\"x\"\" 34\";\"5\";\"6\"\"\"\r\n", ';');
	is_int(csv_next(&r, f, 8), 3, "several quoted fields, CRLF: 3 fields");
	is_str(fs(&f[0]), "12 \"x\" 34", "doubled quotes in the middle");
	is_str(fs(&f[1]), "5", "plain quoted field between scratch fields");
	is_str(fs(&f[2]), "6\"", "doubled quote at the end of the field");
	csv_free(&r);

	/* text between a closing quote and the delimiter is kept literally */
	init(&r, "\"abc\"def,x\n\"a\"\"b\"c,y\n\"12\" ,z\n", ',');
	is_int(csv_next(&r, f, 8), 2, "text after the closing quote: 2 fields");
	is_str(fs(&f[0]), "abcdef", "\"abc\"def is abcdef");
	is_str(fs(&f[1]), "x", "field after it");
	is_int(csv_next(&r, f, 8), 2, "doubled quote and text after the close: 2 fields");
	is_str(fs(&f[0]), "a\"bc", "\"a\"\"b\"c is a\"bc");
	is_int(csv_next(&r, f, 8), 2, "blank after the closing quote: 2 fields");
	is_str(fs(&f[0]), "12 ", "\"12\" followed by a blank keeps the blank");
	is_int(r.record_line, 3, "third record on line 3");
	csv_free(&r);

	/* the fields of a record must survive the scratch space growing while
	 * later fields of the same record are read */
	{
		static char big[2048];
		char want0[16], want1[1024];
		size_t o = 0;
		o += (size_t)snprintf(big + o, sizeof big - o, "\"a\"\"b\",\"");
		for (int i = 0; i < 300; i++)
			big[o++] = 'x';
		o += (size_t)snprintf(big + o, sizeof big - o, "\"\"\",\"c\"\"d\"\n");
		snprintf(want0, sizeof want0, "a\"b");
		memset(want1, 'x', 300);
		want1[300] = '"';
		want1[301] = '\0';
		csv_init(&r, big, o, ',');
		is_int(csv_next(&r, f, 8), 3, "scratch growth: 3 fields");
		is_str(fs(&f[0]), want0, "scratch growth: first field still right");
		is_str(fs(&f[1]), want1, "scratch growth: the long field");
		is_str(fs(&f[2]), "c\"d", "scratch growth: last field");
		csv_free(&r);
	}
}

static void test_newlines(void)
{
	struct csv_reader r;
	struct csv_field f[8];

	init(&r, "a,b\r\nc,d\r\n", ',');
	is_int(csv_next(&r, f, 8), 2, "CRLF: 2 fields");
	is_str(fs(&f[1]), "b", "CRLF: the CR is not part of the last field");
	is_int(csv_next(&r, f, 8), 2, "CRLF: second record");
	is_str(fs(&f[0]), "c", "CRLF: second record field 1");
	is_str(fs(&f[1]), "d", "CRLF: second record field 2");
	is_int(r.record_line, 2, "CRLF: second record on line 2");
	is_int(csv_next(&r, f, 8), 0, "CRLF: end");
	is_int(r.line, 3, "CRLF: two line ends counted");
	csv_free(&r);

	init(&r, "id,note\n1,\"line one\nline two\"\n2,plain\n", ',');
	is_int(csv_next(&r, f, 8), 2, "embedded newline: header");
	is_int(csv_next(&r, f, 8), 2, "embedded newline: the record is one record");
	is_str(fs(&f[0]), "1", "embedded newline: field 1");
	is_str(fs(&f[1]), "line one\nline two", "embedded newline kept in the field");
	is_int(r.record_line, 2, "embedded newline: record starts on line 2");
	is_int(csv_next(&r, f, 8), 2, "record after the embedded newline");
	is_str(fs(&f[1]), "plain", "record after the embedded newline, field 2");
	is_int(r.record_line, 4, "record after a two-line record is on line 4");
	is_int(csv_next(&r, f, 8), 0, "embedded newline: end");
	is_int(r.line, 5, "embedded newline: four physical lines");
	csv_free(&r);

	init(&r, "a,\"x\r\ny\"\r\nb,c\r\n", ',');
	is_int(csv_next(&r, f, 8), 2, "embedded CRLF: 2 fields");
	is_str(fs(&f[1]), "x\r\ny", "embedded CRLF kept as it is");
	is_int(csv_next(&r, f, 8), 2, "record after an embedded CRLF");
	is_int(r.record_line, 3, "record after an embedded CRLF is on line 3");
	csv_free(&r);

	/* newlines on both sides of doubled quotes, and several fields */
	init(&r, "\"a\"\"\nb\"\"\nc\",\"\n\",z\nlast\n", ',');
	is_int(csv_next(&r, f, 8), 3, "newlines around doubled quotes: 3 fields");
	is_str(fs(&f[0]), "a\"\nb\"\nc", "newlines around doubled quotes kept");
	is_str(fs(&f[1]), "\n", "a field that is only a newline");
	is_str(fs(&f[2]), "z", "field after the newline field");
	is_int(r.record_line, 1, "that record starts on line 1");
	is_int(csv_next(&r, f, 8), 1, "the record after it");
	is_str(fs(&f[0]), "last", "the record after it, field 1");
	is_int(r.record_line, 5, "three embedded newlines: next record on line 5");
	csv_free(&r);

	/* blank lines are skipped and still counted */
	init(&r, "\n\na,b\n\n\r\n\nc\n", ',');
	is_int(csv_next(&r, f, 8), 2, "blank lines before the first record are skipped");
	is_str(fs(&f[0]), "a", "first record after blank lines");
	is_int(r.record_line, 3, "first record is on line 3");
	is_int(csv_next(&r, f, 8), 1, "blank LF and CRLF lines between records are skipped");
	is_str(fs(&f[0]), "c", "second record after blank lines");
	is_int(r.record_line, 7, "second record is on line 7");
	is_int(csv_next(&r, f, 8), 0, "end after blank lines");
	csv_free(&r);
}

static void test_unclosed_quote(void)
{
	struct csv_reader r;
	struct csv_field f[8];

	init(&r, "ok,1\nbad,\"open\nmore\n", ',');
	is_int(csv_next(&r, f, 8), 2, "record before the unclosed quote is read");
	is_int(r.error, 0, "no error on a good record");
	is_int(csv_next(&r, f, 8), -1, "a quote that never closes returns -1");
	is_int(r.error, 1, "and sets error");
	is_int(r.record_line, 2, "the bad record started on line 2");
	is_int(csv_next(&r, f, 8), 0, "after the error, the buffer is at its end");
	csv_free(&r);

	init(&r, "\"", ',');
	is_int(csv_next(&r, f, 8), -1, "a lone quote is an unclosed quote");
	csv_free(&r);

	init(&r, "\"a\"\"", ',');
	is_int(csv_next(&r, f, 8), -1, "a doubled quote at the end does not close the field");
	csv_free(&r);
}

static void test_max_fields(void)
{
	struct csv_reader r;
	struct csv_field f[8];
	static const char marker[] = "untouched";

	for (int i = 0; i < 8; i++)
		f[i].s = marker, f[i].n = 9;
	init(&r, "a,b,c,d,e\nx,y\n", ',');
	is_int(csv_next(&r, f, 3), 5, "more fields than max: the real count is returned");
	is_str(fs(&f[0]), "a", "more than max: field 1 stored");
	is_str(fs(&f[2]), "c", "more than max: field 3 stored");
	ok(f[3].s == marker && f[3].n == 9, "more than max: f[max] is not written");
	is_int(csv_next(&r, f, 3), 2, "the next record is read normally");
	is_str(fs(&f[0]), "x", "next record field 1");
	is_int(r.record_line, 2, "next record on line 2");
	csv_free(&r);

	for (int i = 0; i < 8; i++)
		f[i].s = marker, f[i].n = 9;
	init(&r, "1,\"2\"\"\",\"x\"\"y\",4\n", ',');
	is_int(csv_next(&r, f, 2), 4, "quoted fields beyond max are counted");
	is_str(fs(&f[1]), "2\"", "quoted scratch field within max");
	ok(f[2].s == marker && f[2].n == 9, "a scratch field beyond max is not written");
	csv_free(&r);

	init(&r, "a,b\n", ',');
	is_int(csv_next(&r, f, 0), 2, "max 0 still counts the fields");
	csv_free(&r);
}

/* A record with many fields that need unescaping ("q""q" each): every one
 * of them must read q"q, however many there are. */
static void test_many_quoted_fields(void)
{
	enum { N = 70 };
	static char text[N * 8 + 2];
	struct csv_field f[N];
	struct csv_reader r;
	size_t o = 0;
	for (int i = 0; i < N; i++) {
		memcpy(text + o, "\"q\"\"q\",", 7);
		o += 7;
	}
	text[o - 1] = '\n';
	csv_init(&r, text, o, ',');
	is_int(csv_next(&r, f, N), N, "70 quoted fields with doubled quotes: 70 fields");
	int bad = -1;
	for (int i = 0; i < N; i++)
		if (!f[i].s || f[i].n != 3 || memcmp(f[i].s, "q\"q", 3) != 0) {
			bad = i;
			break;
		}
	is_int(bad, -1, "every one of 70 unescaped fields reads q\"q (first wrong index)");
	if (bad >= 0)
		printf("#   field %d is \"%s\"\n", bad, fs(&f[bad]));
	csv_free(&r);
}

static void test_detect(void)
{
#define DETECT(s) csv_detect_delimiter((s), strlen(s))
	is_int(DETECT("a,b,c\n"), ',', "detect: comma");
	is_int(DETECT("a;b;c\n"), ';', "detect: semicolon");
	is_int(DETECT("a\tb\tc\n"), '\t', "detect: tab");
	is_int(DETECT("abc\n"), 0, "detect: no delimiter at all");
	is_int(DETECT(""), 0, "detect: empty buffer");
	is_int(DETECT("\n"), 0, "detect: an empty first line");
	is_int(DETECT("Facture;Montant;Date\n1,5;2,5;3,5\n"), ';', "detect: only the first line counts");
	is_int(DETECT("a;b\r\nc,d,e,f\r\n"), ';', "detect: stops at CR");
	is_int(DETECT("a;b;c,d\n"), ';', "detect: semicolon majority");
	is_int(DETECT("a,b,c;d\n"), ',', "detect: comma majority");
	is_int(DETECT("a\tb,c,d\n"), ',', "detect: comma beats a single tab");
	is_int(DETECT("\"x;y;z;w\",a,b\n"), ',', "detect: delimiters inside quotes are ignored");
	is_int(DETECT("\"a,b,c,d,e\"\n"), 0, "detect: only quoted delimiters: none");
	is_int(DETECT("\"a\"\"b,c\",d;e;f\n"), ';', "detect: doubled quotes keep the field quoted");
	is_int(DETECT("\"a\nb,c,d\";x;y\nz,z,z,z\n"), ';', "detect: a quoted newline does not end the first line");
	/* ties: tab beats semicolon and comma, semicolon beats comma */
	is_int(DETECT("a,b;c\n"), ';', "detect: comma/semicolon tie goes to semicolon");
	is_int(DETECT("a,b\tc\n"), '\t', "detect: comma/tab tie goes to tab");
	is_int(DETECT("a;b\tc\n"), '\t', "detect: semicolon/tab tie goes to tab");
	is_int(DETECT("a,b;c\td\n"), '\t', "detect: three-way tie goes to tab");
	is_int(csv_detect_delimiter("a,b;c;d", 3), ',', "detect: only len bytes are read");
#undef DETECT
}

int main(void)
{
	test_basic_delimiters();
	test_empty_fields();
	test_quoting();
	test_newlines();
	test_unclosed_quote();
	test_max_fields();
	test_many_quoted_fields();
	test_detect();
	return done_testing();
}
