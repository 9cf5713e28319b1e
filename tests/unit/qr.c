/* qr.c — QR codes: an EPC-like payload encodes to a valid version size, the
 * same every time; empty and oversized data are refused; the text drawings
 * (half blocks and ascii, both inks) have the right number of lines, lines
 * of equal width, the finder pattern where it belongs, and the two inks are
 * exact complements; the PNG has the right size, bad arguments fail, and
 * zbarimg (when installed) reads back exactly the payload, UTF-8 included. */
#include "dunning/lib.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char epc[] =
	"BCD\n002\n1\nSCT\nBNPAFRPPXXX\nSociete Generale\n"
	"FR7630004000031234567890143\nEUR1234.56\n\n\nRLC-2024-000123";

/* Code points in s[0..n): every byte that is not a continuation byte. */
static size_t code_points(const char *s, size_t n)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += ((unsigned char)s[i] & 0xC0) != 0x80;
	return count;
}

/* Lines of the drawing, and whether they all hold `want` code points and
 * end with '\n' (the text must end with one, too). */
static int lines_of(const struct sbuf *b, size_t want, int *same_width)
{
	int lines = 0;
	*same_width = b->len > 0 && b->s[b->len - 1] == '\n';
	for (size_t start = 0; start < b->len;) {
		const char *nl = memchr(b->s + start, '\n', b->len - start);
		size_t end = nl ? (size_t)(nl - b->s) : b->len;
		if (code_points(b->s + start, end - start) != want)
			*same_width = 0;
		lines++;
		start = end + 1;
	}
	return lines;
}

/* The cell at *p as top block + 2 * bottom block (0 to 3), -1 for a newline
 * and -2 for anything unexpected; advances *p past it. ascii cells are "##"
 * and "  ", full and empty. */
static int cell(const char **p, int ascii)
{
	static const char *const glyph[] = {" ", "\u2580", "\u2584", "\u2588"};
	if (**p == '\n') {
		++*p;
		return -1;
	}
	if (ascii) {
		if (strncmp(*p, "##", 2) && strncmp(*p, "  ", 2))
			return -2;
		int c = **p == '#' ? 3 : 0;
		*p += 2;
		return c;
	}
	for (int i = 0; i < 4; i++) {
		size_t n = strlen(glyph[i]);
		if (!strncmp(*p, glyph[i], n)) {
			*p += n;
			return i;
		}
	}
	return -2;
}

/* Whether b is a, cell for cell, with every block and gap swapped. */
static int complements(const struct sbuf *a, const struct sbuf *b, int ascii)
{
	const char *p = a->s, *q = b->s;
	while (*p && *q) {
		int x = cell(&p, ascii), y = cell(&q, ascii);
		if (x == -2 || y == -2 || (x == -1) != (y == -1) || (x >= 0 && x != 3 - y))
			return 0;
	}
	return !*p && !*q;
}

/* Whether the last line holds only cells whose bottom is (not) a block. */
static int last_line_bottoms(const struct sbuf *b, int block)
{
	const char *p = b->s + b->len - 1; /* the final '\n' */
	while (p > b->s && p[-1] != '\n')
		p--;
	int c;
	while ((c = cell(&p, 0)) >= 0)
		if ((c >= 2) != block)
			return 0;
	return c == -1;
}

static void text_tests(const struct qr *q)
{
	int w = q->width, same;
	struct sbuf light = {0}, dark = {0};
	qr_text(q, 2, QR_INK_LIGHT, 0, &light);
	qr_text(q, 2, QR_INK_DARK, 0, &dark);
	is_int(lines_of(&light, (size_t)w + 4, &same), (w + 4 + 1) / 2, "half blocks, light ink: ceil((w+4)/2) lines");
	ok(same, "half blocks, light ink: every line w+4 code points and a newline");
	is_int(lines_of(&dark, (size_t)w + 4, &same), (w + 4 + 1) / 2, "half blocks, dark ink: ceil((w+4)/2) lines");
	ok(same, "half blocks, dark ink: every line w+4 code points and a newline");
	ok(complements(&light, &dark, 0), "half blocks: the two inks are complements, glyph for glyph");
	/* w + 4 is odd: the last line's bottom half is light */
	ok(last_line_bottoms(&dark, 0) && last_line_bottoms(&light, 1), "odd height: the last bottom half is light in both inks");
	/* padded rows 2 and 3 are finder rows 0 (all dark) and 1 (dark ends) */
	const char *line1 = memchr(dark.s, '\n', dark.len);
	ok(line1 && !strncmp(line1 + 1, "  \u2588\u2580\u2580\u2580\u2580\u2580\u2588 ", 2 + 7 * 3 + 1),
	   "dark ink: the finder's top edge after two quiet columns");
	ok(!strncmp(light.s, "\u2588\u2588\u2588", 9), "light ink: the quiet zone is drawn in full blocks");

	struct sbuf ascii_light = {0}, ascii_dark = {0};
	qr_text(q, 2, QR_INK_LIGHT, 1, &ascii_light);
	qr_text(q, 2, QR_INK_DARK, 1, &ascii_dark);
	is_int(lines_of(&ascii_dark, 2 * ((size_t)w + 4), &same), w + 4, "ascii: w+4 lines");
	ok(same, "ascii: every line 2*(w+4) characters and a newline");
	is_int(lines_of(&ascii_light, 2 * ((size_t)w + 4), &same), w + 4, "ascii, light ink: w+4 lines");
	ok(same && complements(&ascii_light, &ascii_dark, 1), "ascii: the two inks are complements");
	const char *row2 = ascii_dark.s + 2 * (2 * ((size_t)w + 4) + 1);
	ok(!strncmp(row2, "    ##############  ", 20), "ascii, dark ink: the finder's top edge on row 2");

	struct sbuf none = {0}, bare = {0};
	struct qr empty = {0};
	qr_text(&empty, 2, QR_INK_DARK, 0, &none);
	is_int(none.len, 0, "an empty code draws nothing");
	qr_text(q, 0, QR_INK_DARK, 0, &bare);
	is_int(lines_of(&bare, (size_t)w, &same), (w + 1) / 2, "no quiet zone: ceil(w/2) lines");
	ok(same, "no quiet zone: w code points a line");
	sbuf_free(&light);
	sbuf_free(&dark);
	sbuf_free(&ascii_light);
	sbuf_free(&ascii_dark);
	sbuf_free(&bare);
}

/* Width and height from the IHDR chunk, after checking the signature. */
static int png_size(const char *path, long *width, long *height)
{
	unsigned char h[24];
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	size_t n = fread(h, 1, sizeof h, f);
	fclose(f);
	if (n != sizeof h || memcmp(h, "\x89PNG\r\n\x1a\n", 8) || memcmp(h + 12, "IHDR", 4))
		return -1;
	*width = (long)h[16] << 24 | (long)h[17] << 16 | (long)h[18] << 8 | h[19];
	*height = (long)h[20] << 24 | (long)h[21] << 16 | (long)h[22] << 8 | h[23];
	return 0;
}

/* What zbarimg reads in path, as raw bytes (-Sbinary: no charset guessing,
 * which turns "é" into CJK), without a trailing newline; NULL on failure. */
static char *zbar_read(const char *path, char *buf, size_t size)
{
	char cmd[512];
	snprintf(cmd, sizeof cmd, "zbarimg --quiet --raw --nodbus -Sbinary '%s' 2>/dev/null", path);
	FILE *p = popen(cmd, "r");
	if (!p)
		return NULL;
	size_t n = fread(buf, 1, size - 1, p);
	int rc = pclose(p);
	if (rc != 0)
		return NULL;
	if (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return buf;
}

static void png_round_trip(const char *dir, const char *name, const char *data, int have_zbar)
{
	char path[256], got[4096], err[512];
	struct qr q;
	snprintf(path, sizeof path, "%s/%s.png", dir, name);
	if (qr_encode(data, strlen(data), &q) != 0) {
		ok(0, "%s: encodes", name);
		return;
	}
	is_int(qr_png(&q, 4, path, err, sizeof err), 0, "%s: PNG written", name);
	long w = 0, h = 0;
	int sized = png_size(path, &w, &h);
	ok(sized == 0 && w == (q.width + 8) * 4 && h == w,
	   "%s: a PNG of (width + 8) * 4 = %d pixels a side (%ldx%ld)", name, (q.width + 8) * 4, w, h);
	if (have_zbar)
		is_str(zbar_read(path, got, sizeof got), data, "%s: zbarimg reads back the payload", name);
	else
		ok(1, "%s: zbarimg reads back the payload # skip zbarimg not installed", name);
	unlink(path);
	qr_free(&q);
}

static void png_tests(const struct qr *q)
{
	char dir[] = "/tmp/relance-qr.XXXXXX";
	if (!mkdtemp(dir)) {
		ok(0, "a temporary directory");
		return;
	}
	int have_zbar = system("command -v zbarimg >/dev/null 2>&1") == 0;
	png_round_trip(dir, "epc", epc, have_zbar);
	png_round_trip(dir, "utf8", "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", have_zbar);

	char path[256], err[512];
	struct qr empty = {0};
	snprintf(path, sizeof path, "%s/bad.png", dir);
	is_int(qr_png(q, 0, path, err, sizeof err), -1, "PNG: scale 0 fails");
	is_int(qr_png(&empty, 4, path, err, sizeof err), -1, "PNG: an empty code fails");
	is_int(qr_png(q, 100000, path, err, sizeof err), -1, "PNG: a surface too big for cairo fails");
	ok(access(path, F_OK) != 0, "PNG: failures write no file");
	snprintf(path, sizeof path, "%s/missing/x.png", dir);
	is_int(qr_png(q, 4, path, err, sizeof err), -1, "PNG: an unwritable path fails");
	ok(strstr(err, "cannot write ") && strstr(err, path) && strstr(err, "No such file or directory"),
	   "PNG: and says which and why: %s", err);
	snprintf(path, sizeof path, "%s/private.png", dir);
	mode_t old = umask(0);
	struct stat sb;
	is_int(qr_png(q, 4, path, err, sizeof err), 0, "PNG: written under umask 000");
	is_int(stat(path, &sb) == 0 ? (int)(sb.st_mode & 0777) : -1, 0600, "PNG: mode 0600 all the same");
	umask(old);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	struct qr q, again;
	ok(strlen(epc) > 90 && strlen(epc) < 120, "the EPC-like payload is about 100 bytes (%zu)", strlen(epc));
	is_int(qr_encode(epc, strlen(epc), &q), 0, "EPC payload encodes");
	ok(q.width >= 21 && q.width <= 177 && (q.width - 21) % 4 == 0, "width %d is 21 + 4k", q.width);
	int binary = 1;
	for (int i = 0; i < q.width * q.width; i++)
		binary &= q.dark[i] <= 1;
	ok(binary, "modules are 0 or 1");
	is_int(qr_encode(epc, strlen(epc), &again), 0, "encodes again");
	ok(again.width == q.width && !memcmp(again.dark, q.dark, (size_t)q.width * (size_t)q.width),
	   "the same payload gives the same modules");
	qr_free(&again);
	ok(again.width == 0 && again.dark == NULL, "qr_free empties the code");

	struct qr bad = {7, (unsigned char *)epc};
	is_int(qr_encode("", 0, &bad), -1, "empty data is refused");
	ok(bad.width == 0 && bad.dark == NULL, "and leaves the code empty");
	static char big[3000];
	memset(big, 'x', sizeof big);
	bad.width = 7;
	is_int(qr_encode(big, sizeof big, &bad), -1, "3000 bytes do not fit at level M");
	ok(bad.width == 0 && bad.dark == NULL, "and leave the code empty");
	char nul[] = {'a', '\0', 'b'};
	is_int(qr_encode(nul, sizeof nul, &bad), 0, "data with a NUL byte encodes");
	qr_free(&bad);

	text_tests(&q);
	png_tests(&q);
	qr_free(&q);
	return done_testing();
}
