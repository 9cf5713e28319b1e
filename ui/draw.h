/* draw.h — the one way data reaches the screen. Every string that came
 * from the book goes through draw_text(), which escapes control characters
 * (in the escape colour), measures accents, combining marks and
 * double-width characters in terminal columns, never writes past its
 * width, and falls back to ASCII when the terminal has no UTF-8. */
#ifndef RELANCE_UI_DRAW_H
#define RELANCE_UI_DRAW_H
#include <stddef.h>
#include <stdint.h>

#include "theme.h"

/* Call once after initscr: decides UTF-8 or ASCII drawing. */
void draw_init(int force_ascii);
int draw_is_ascii(void);
/* Draws s at (y, x) in at most width columns, padding with blanks to width
 * when pad is set. Text that does not fit is never cut silently: its last
 * column is an ellipsis (~ in ASCII). Returns the columns drawn (before
 * padding). */
int draw_text(int y, int x, int width, const char *s, enum element el, int pad);
/* The same, right-aligned in width columns. */
int draw_text_right(int y, int x, int width, const char *s, enum element el);
/* Columns one code point takes when drawn (an escape: 4 a byte of its
 * len-byte encoding). */
int draw_cp_columns(uint32_t cp, size_t len);
/* Columns s takes when drawn (escapes count four columns a byte). */
int draw_width(const char *s);
/* Blanks from x over width columns. */
void draw_fill(int y, int x, int width, enum element el);
/* A horizontal bar of `cells` columns (full blocks, or '#' in ASCII). */
void draw_bar(int y, int x, int cells, enum element el);
/* The attribute element of a whole line (for the cursor): draws the line's
 * blank background first. */
void draw_line_background(int y, enum element el);

#endif
