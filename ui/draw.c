/* draw.c — safe text output. Printable runs are gathered as wide
 * characters and written with addnwstr (so combining marks join their base
 * character); unsafe bytes are written as \xNN in the escape colour. */
#include "draw.h"

#include <curses.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>

#include "base/lib.h"

static int ascii;

/* Columns of a code point as ncurses will draw it; -1: not printable here. */
static int cp_columns(uint32_t cp)
{
	return cp < 0x80 ? 1 : wcwidth((wchar_t)cp);
}

void draw_init(int force_ascii)
{
	const char *cs = nl_langinfo(CODESET);
	ascii = force_ascii || !cs || strcmp(cs, "UTF-8") != 0;
}

int draw_is_ascii(void) { return ascii; }

int draw_cp_columns(uint32_t cp, size_t len)
{
	if (ascii && cp >= 0x80) {
		char one[2];
		return utf8_cp_width(cp) == 0 ? 0 : (int)strlen(utf8_ascii(cp, one));
	}
	int w = cp_columns(cp);
	return w < 0 ? 4 * (int)len : w;
}

/* Writes bytes as \xNN in the escape colour; returns the columns taken. */
static int put_escaped(int y, int x, const char *bytes, size_t len, int draw)
{
	for (size_t k = 0; draw && k < len; k++) {
		char esc[8];
		snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)bytes[k]);
		attrset((attr_t)theme_attr(EL_ESCAPE));
		mvaddstr(y, x + 4 * (int)k, esc);
	}
	return 4 * (int)len;
}

/* Visits the characters of s: fn(cp or the unsafe byte, columns, safe). */
static int walk(int y, int x, int width, const char *s, enum element el, int draw)
{
	size_t n = strlen(s), i = 0;
	int col = 0;
	wchar_t run[256];
	int nrun = 0;
	attr_t attr = (attr_t)theme_attr(el);
#define FLUSH() do { if (draw && nrun) { attrset(attr); mvaddnwstr(y, x + col - run_cols, run, nrun); } nrun = 0; run_cols = 0; } while (0)
	int run_cols = 0;
	while (i < n) {
		size_t len;
		if (utf8_safe_at(s, n, i, &len)) {
			uint32_t cp = (unsigned char)s[i];
			if (len > 1)
				utf8_decode(s + i, n - i, &cp);
			if (ascii && cp >= 0x80) {
				char one[2];
				const char *a = utf8_ascii(cp, one);
				if (utf8_cp_width(cp) == 0) { /* combining: its base is already there */
					i += len;
					continue;
				}
				size_t al = strlen(a);
				if (col + (int)al > width)
					break;
				for (size_t k = 0; k < al; k++) {
					if (nrun == 255)
						FLUSH();
					run[nrun++] = (wchar_t)a[k];
					col++, run_cols++;
				}
				i += len;
				continue;
			}
			int w = cp_columns(cp);
			if (w < 0) { /* the terminal cannot show it: escape it */
				FLUSH();
				if (col + 4 * (int)len > width)
					break;
				col += put_escaped(y, x + col, s + i, len, draw);
				i += len;
				continue;
			}
			if (col + w > width)
				break;
			if (nrun == 255)
				FLUSH();
			run[nrun++] = (wchar_t)cp;
			col += w, run_cols += w;
			i += len;
		} else {
			FLUSH();
			if (col + 4 * (int)len > width)
				break;
			col += put_escaped(y, x + col, s + i, len, draw);
			i += len;
		}
	}
	FLUSH();
#undef FLUSH
	if (draw)
		attrset(A_NORMAL);
	return col;
}

int draw_text(int y, int x, int width, const char *s, enum element el, int pad)
{
	if (width <= 0)
		return 0;
	s = s ? s : "";
	int col;
	if (walk(0, 0, width + 1, s, el, 0) <= width) {
		col = walk(y, x, width, s, el, 1);
	} else { /* never cut silently: what does not fit ends in an ellipsis */
		col = walk(y, x, width - 1, s, el, 1);
		attrset((attr_t)theme_attr(el));
		if (ascii)
			mvaddch(y, x + col, '~');
		else
			mvaddwstr(y, x + col, L"\u2026");
		attrset(A_NORMAL);
		col++;
	}
	if (pad && col < width)
		draw_fill(y, x + col, width - col, el);
	return col;
}

int draw_width(const char *s) { return walk(0, 0, 1 << 20, s ? s : "", EL_DEFAULT, 0); }

int draw_text_right(int y, int x, int width, const char *s, enum element el)
{
	int w = draw_width(s);
	if (w > width)
		w = width;
	draw_fill(y, x, width - w, el);
	return draw_text(y, x + width - w, w, s, el, 0);
}

void draw_fill(int y, int x, int width, enum element el)
{
	if (width <= 0)
		return;
	attrset((attr_t)theme_attr(el));
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

void draw_bar(int y, int x, int cells, enum element el)
{
	attrset((attr_t)theme_attr(el));
	for (int i = 0; i < cells; i++) {
		if (ascii)
			mvaddch(y, x + i, '#');
		else
			mvaddwstr(y, x + i, L"\u2588");
	}
	attrset(A_NORMAL);
}

void draw_line_background(int y, enum element el)
{
	draw_fill(y, 0, COLS, el);
}
