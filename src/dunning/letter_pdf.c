/* letter_pdf.c — lays a dunning letter out on A4 pages with pango and
 * writes it as a PDF through cairo. It owns the page geometry (margins, the
 * envelope window, the footer), the fonts, pagination (the table's headings
 * repeat on each page it runs onto) and the file's creation: a temporary
 * file beside the target, renamed over it only once whole.
 *
 * It never interprets the strings it is given: no markup (bold is a font
 * description, never "<b>"), no formatting of amounts, dates or IBANs. What
 * arrives is printed as it is; invalid UTF-8 is repaired, not rejected.
 *
 * The pages are laid out twice with the same code: once without drawing to
 * count them (the footer says "2/3"), then for real. */
#include "letter_pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/lib.h"

/* --- geometry, in PDF points (1/72 inch) ------------------------------------ */
#define MM (72.0 / 25.4)
#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN (20 * MM)
#define LEFT MARGIN
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define HEAD_W (85 * MM)                /* the letterhead, left of the window */
#define WINDOW_X (110 * MM)             /* right-hand window (C5/DL, BE/FR use) */
#define WINDOW_Y (50 * MM)
#define WINDOW_W (PAGE_W - MARGIN - WINDOW_X)
#define WINDOW_BOTTOM (90 * MM)         /* the body starts below the window */
#define COL_GAP (4 * MM)                /* between two table columns */
#define CELL_PAD 2.0                    /* above and below a table row's text */
#define QR_SIZE (38 * MM)               /* the code with its quiet zone */
#define QR_QUIET 4                      /* modules of quiet zone on each side */
#define FOOT_GAP (4 * MM)               /* between the body and the footer */
#define KEEP_LINES 4                    /* a paragraph this short is never split */

enum style { S_BODY, S_BODY_BOLD, S_TABLE, S_TABLE_BOLD, S_SMALL, S_NAME, S_FOOT, S_COUNT };

static const struct {
	double size; /* points */
	int bold;
} styles[S_COUNT] = {
	[S_BODY] = {10, 0},  [S_BODY_BOLD] = {10, 1}, [S_TABLE] = {9, 0}, [S_TABLE_BOLD] = {9, 1},
	[S_SMALL] = {8, 0},  [S_NAME] = {15, 1},      [S_FOOT] = {7, 0},
};

#define GREY 0.35 /* the footer's and the running head's ink */

/* The table's columns: where each starts and how wide it is (the last two
 * align right); whether there is a heading row at all. */
struct columns {
	double x[5], w[5];
	int any_heading;
};

/* Where the layout stands. Invariant: top <= y; a block is only moved to a
 * new page when y > top, so that nothing loops on a block taller than a
 * page (it then runs past the bottom instead). */
struct pen {
	const struct letter *l;
	PangoContext *ctx;
	PangoFontDescription *font[S_COUNT];
	PangoLayout *foot, *head; /* the footer, the running head of pages 2.. */
	double foot_h;
	cairo_t *cr;              /* NULL while the pages are only counted */
	int page, pages;          /* this page from 1; pages in all, 0 while counting */
	double y;                 /* where the next block starts */
	double top, bottom;       /* this page's room for the body */
	struct columns col;
};

static int has(const char *s)
{
	return s && *s;
}

/* s (n bytes, or up to its NUL when n < 0) as the layout's plain text:
 * never markup, so '<' and '&' print as they are. */
static void set_text(PangoLayout *lay, const char *s, long n)
{
	if (!s) {
		s = "";
		n = 0;
	}
	if (n < 0)
		n = (long)strlen(s);
	if (n > INT_MAX / 2)
		n = INT_MAX / 2;
	if (g_utf8_validate(s, (gssize)n, NULL)) {
		pango_layout_set_text(lay, s, (int)n);
		return;
	}
	char *ok = g_utf8_make_valid(s, (gssize)n);
	pango_layout_set_text(lay, ok, -1);
	g_free(ok);
}

/* A layout of text in style st; width > 0 wraps it at width points. */
static PangoLayout *text_layout(struct pen *p, const char *s, long n, enum style st, double width,
				PangoAlignment align)
{
	PangoLayout *lay = pango_layout_new(p->ctx);
	pango_layout_set_font_description(lay, p->font[st]);
	if (width > 0) {
		pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(lay, align);
	set_text(lay, s, n);
	return lay;
}

static double height(PangoLayout *lay)
{
	int w, h;
	pango_layout_get_size(lay, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double width_of(PangoLayout *lay)
{
	int w, h;
	pango_layout_get_size(lay, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* Draws the whole layout with its top left corner at (x, y). */
static void show(struct pen *p, PangoLayout *lay, double x, double y, double grey)
{
	if (!p->cr)
		return;
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, lay);
}

static void rule(struct pen *p, double x0, double x1, double y, double width, double grey)
{
	if (!p->cr)
		return;
	cairo_set_source_rgb(p->cr, grey, grey, grey);
	cairo_set_line_width(p->cr, width);
	cairo_move_to(p->cr, x0, y);
	cairo_line_to(p->cr, x1, y);
	cairo_stroke(p->cr);
}

/* Appends s to b on a line of its own (or after sep), if there is an s. */
static void join(struct sbuf *b, const char *s, const char *sep)
{
	if (!has(s))
		return;
	if (b->len)
		sbuf_puts(b, sep);
	sbuf_puts(b, s);
}

/* --- pages --------------------------------------------------------------- */

/* The footer (small print, then the bank account) with its last line at the
 * bottom margin; "n/N" at its right when there are several pages. */
static void draw_footer(struct pen *p)
{
	double y = PAGE_H - MARGIN - p->foot_h;
	if (p->foot) {
		rule(p, LEFT, LEFT + TEXT_W, y - 1.5 * MM, 0.4, 0.6);
		show(p, p->foot, LEFT, y, GREY);
	}
	if (p->pages > 1 && p->cr) {
		char n[32];
		snprintf(n, sizeof n, "%d/%d", p->page, p->pages);
		PangoLayout *lay = text_layout(p, n, -1, S_FOOT, TEXT_W, PANGO_ALIGN_RIGHT);
		show(p, lay, LEFT, PAGE_H - MARGIN - height(lay), GREY);
		g_object_unref(lay);
	}
}

static void begin_page(struct pen *p)
{
	p->page++;
	p->bottom = PAGE_H - MARGIN - p->foot_h - FOOT_GAP;
	draw_footer(p);
	p->y = p->top = MARGIN;
	if (p->page > 1 && p->head) {
		show(p, p->head, LEFT, MARGIN, GREY);
		p->y = p->top = MARGIN + height(p->head) + 6 * MM;
	}
}

static void next_page(struct pen *p)
{
	if (p->cr)
		cairo_show_page(p->cr);
	begin_page(p);
}

/* Makes room for a block h points tall: a new page when it does not fit
 * below y (and y is not already the page's top). 1 when a page began. */
static int need(struct pen *p, double h)
{
	if (p->y + h <= p->bottom || p->y <= p->top)
		return 0;
	next_page(p);
	return 1;
}

/* Vertical space, except at the top of a page. */
static void space(struct pen *p, double h)
{
	if (p->y > p->top)
		p->y += h;
}

/* Draws lay at x line by line from y, going on on a new page whenever a
 * line would cross the bottom. */
static void flow(struct pen *p, PangoLayout *lay, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	double base = 0; /* the layout's y that stands at `top` on this page */
	double top = p->y;
	do {
		int y0, y1;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		double ly0 = (double)y0 / PANGO_SCALE, ly1 = (double)y1 / PANGO_SCALE;
		p->y = top + ly0 - base;
		if (top + ly1 - base > p->bottom && p->y > p->top) {
			next_page(p);
			top = p->y;
			base = ly0;
		}
		if (p->cr) {
			PangoRectangle r;
			pango_layout_iter_get_line_extents(it, NULL, &r);
			double baseline = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			cairo_move_to(p->cr, x + (double)r.x / PANGO_SCALE, top + baseline - base);
			pango_cairo_show_layout_line(p->cr, pango_layout_iter_get_line_readonly(it));
		}
		p->y = top + ly1 - base;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* Lines of lay may break at spaces only, not within a word: a payment
 * reference such as "+++090/9337/55493+++" or "1/2026" stays whole. A
 * word too long for any line may still be cut (so it never runs past the
 * margin). */
static void break_at_spaces(PangoLayout *lay)
{
	const char *s = pango_layout_get_text(lay);
	PangoAttrList *attrs = pango_attr_list_new();
	for (size_t i = 0, j; s[i]; i = j) {
		for (j = i; s[j] && !strchr(" \t\r\n", s[j]); j++)
			;
		if (j - i > 1 && j - i <= 40) {
			PangoAttribute *a = pango_attr_allow_breaks_new(FALSE);
			a->start_index = (guint)i;
			a->end_index = (guint)j;
			pango_attr_list_insert(attrs, a);
		}
		if (j == i)
			j++;
	}
	pango_layout_set_attributes(lay, attrs);
	pango_attr_list_unref(attrs);
}

/* n bytes of s as one block across the text width, flowing over pages. */
static void block(struct pen *p, const char *s, long n, enum style st, PangoAlignment align, int whole_words)
{
	PangoLayout *lay = text_layout(p, s, n, st, TEXT_W, align);
	if (whole_words)
		break_at_spaces(lay);
	if (pango_layout_get_line_count(lay) <= KEEP_LINES)
		need(p, height(lay));
	flow(p, lay, LEFT);
	g_object_unref(lay);
}

/* A line holding nothing but blanks ends at *next (past its '\n'). */
static int blank_line(const char *s, const char **next)
{
	int blank = 1;
	for (; *s && *s != '\n'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			blank = 0;
	*next = *s ? s + 1 : s;
	return blank;
}

/* Paragraphs are separated by one or more blank lines; a single '\n' is a
 * line break within a paragraph. */
static void paragraphs(struct pen *p, const char *text, double gap, int whole_words)
{
	const char *s = text ? text : "", *next;
	int first = 1;
	while (*s) {
		if (blank_line(s, &next)) {
			s = next;
			continue;
		}
		const char *start = s, *end = s;
		while (*s && !blank_line(s, &next)) {
			end = next;
			s = next;
		}
		while (end > start && strchr(" \t\r\n", end[-1]))
			end--;
		if (!first)
			space(p, gap);
		first = 0;
		block(p, start, end - start, S_BODY, PANGO_ALIGN_LEFT, whole_words);
	}
}

/* --- page 1: letterhead, window, date, subject ------------------------------ */

static void letterhead(struct pen *p)
{
	const struct letter *l = p->l;
	double y = MARGIN;
	if (has(l->company_name)) {
		PangoLayout *lay = text_layout(p, l->company_name, -1, S_NAME, HEAD_W, PANGO_ALIGN_LEFT);
		show(p, lay, LEFT, y, 0);
		y += height(lay) + 1.5 * MM;
		g_object_unref(lay);
	}
	struct sbuf b = {0};
	join(&b, l->company_address, "\n");
	join(&b, l->company_vat, "\n");
	join(&b, l->company_phone, "\n");
	join(&b, l->company_email, "\n");
	if (b.len) {
		PangoLayout *lay = text_layout(p, b.s, (long)b.len, S_SMALL, HEAD_W, PANGO_ALIGN_LEFT);
		show(p, lay, LEFT, y, 0);
		y += height(lay);
		g_object_unref(lay);
	}
	sbuf_free(&b);

	/* the envelope window: the mark, then the addressee */
	double wy = WINDOW_Y;
	if (has(l->mark)) {
		PangoLayout *lay = text_layout(p, l->mark, -1, S_TABLE_BOLD, WINDOW_W, PANGO_ALIGN_LEFT);
		show(p, lay, WINDOW_X, wy, 0);
		wy += height(lay) + 2 * MM;
		g_object_unref(lay);
	}
	join(&b, l->to_name, "\n");
	join(&b, l->to_address, "\n");
	if (b.len) {
		PangoLayout *lay = text_layout(p, b.s, (long)b.len, S_BODY, WINDOW_W, PANGO_ALIGN_LEFT);
		show(p, lay, WINDOW_X, wy, 0);
		wy += height(lay);
		g_object_unref(lay);
	}
	sbuf_free(&b);

	double below = y > wy ? y : wy;
	p->y = p->top = (below > WINDOW_BOTTOM ? below : WINDOW_BOTTOM) + 5 * MM;
}

static void heading_lines(struct pen *p)
{
	const struct letter *l = p->l;
	if (has(l->date_line))
		block(p, l->date_line, -1, S_BODY, PANGO_ALIGN_RIGHT, 0);
	if (has(l->account_line)) {
		space(p, 2 * MM);
		block(p, l->account_line, -1, S_BODY, PANGO_ALIGN_LEFT, 0);
	}
	if (has(l->subject)) {
		space(p, 6 * MM);
		block(p, l->subject, -1, S_BODY_BOLD, PANGO_ALIGN_LEFT, 0);
	}
	space(p, 5 * MM);
}

/* --- the invoice table and the totals --------------------------------------- */

static PangoAlignment col_align(int i)
{
	return i >= 3 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static double natural(PangoLayout *m, const char *s)
{
	if (!has(s))
		return 0;
	set_text(m, s, -1);
	return width_of(m);
}

/* Each column as wide as its widest cell (the last one also holds the
 * totals' amounts), the room left shared out evenly; when the cells do not
 * fit, the first column (the invoice) wraps, or failing that all do. */
static void table_columns(struct pen *p)
{
	const struct letter *l = p->l;
	struct columns *c = &p->col;
	double nat[5] = {0};
	PangoLayout *m = text_layout(p, "", 0, S_TABLE, 0, PANGO_ALIGN_LEFT);
	PangoLayout *mb = text_layout(p, "", 0, S_TABLE_BOLD, 0, PANGO_ALIGN_LEFT);
	c->any_heading = 0;
	for (int i = 0; i < 5; i++) {
		nat[i] = natural(mb, l->headings[i]);
		c->any_heading |= has(l->headings[i]);
		for (size_t r = 0; l->rows && r < l->nrows; r++) {
			double w = natural(m, l->rows[r].cells[i]);
			nat[i] = w > nat[i] ? w : nat[i];
		}
	}
	for (size_t t = 0; l->totals && t < l->ntotals; t++) {
		double w = natural(l->totals[t].strong ? mb : m, l->totals[t].amount);
		nat[4] = w > nat[4] ? w : nat[4];
	}
	g_object_unref(m);
	g_object_unref(mb);

	double room = TEXT_W - 4 * COL_GAP, sum = 0;
	for (int i = 0; i < 5; i++)
		sum += nat[i];
	for (int i = 0; i < 5; i++) {
		if (sum <= room)
			c->w[i] = nat[i] + (room - sum) / 5;
		else if (room - (sum - nat[0]) >= room / 4)
			c->w[i] = i ? nat[i] : room - (sum - nat[0]);
		else
			c->w[i] = nat[i] * room / sum;
		c->x[i] = i ? c->x[i - 1] + c->w[i - 1] + COL_GAP : LEFT;
	}
}

/* One table row in style st: its height, drawn at y when draw is set. */
static double invoice_table_row(struct pen *p, const char *const cells[5], enum style st, int draw)
{
	double h = 0;
	for (int i = 0; i < 5; i++) {
		if (!has(cells[i]))
			continue;
		PangoLayout *lay = text_layout(p, cells[i], -1, st, p->col.w[i], col_align(i));
		double hi = height(lay);
		h = hi > h ? hi : h;
		if (draw)
			show(p, lay, p->col.x[i], p->y + CELL_PAD, 0);
		g_object_unref(lay);
	}
	if (h == 0) { /* a row of empty cells still takes a line */
		PangoLayout *lay = text_layout(p, " ", 1, st, 0, PANGO_ALIGN_LEFT);
		h = height(lay);
		g_object_unref(lay);
	}
	return h + 2 * CELL_PAD;
}

#define HEAD_RULE 3.0 /* the rule under the headings, and the space after it */

static double headings_height(struct pen *p)
{
	return p->col.any_heading ? invoice_table_row(p, p->l->headings, S_TABLE_BOLD, 0) + HEAD_RULE : 0;
}

static void draw_headings(struct pen *p)
{
	if (!p->col.any_heading)
		return;
	p->y += invoice_table_row(p, p->l->headings, S_TABLE_BOLD, 1);
	rule(p, LEFT, LEFT + TEXT_W, p->y + 0.5, 0.6, 0);
	p->y += HEAD_RULE;
}

/* The rows, with the headings above them on every page they run onto; the
 * headings never stand alone at the foot of a page. */
static void table(struct pen *p)
{
	const struct letter *l = p->l;
	if (!l->rows || !l->nrows)
		return;
	double hh = headings_height(p);
	for (size_t r = 0; r < l->nrows; r++) {
		double h = invoice_table_row(p, l->rows[r].cells, S_TABLE, 0);
		if (r == 0) {
			need(p, hh + h);
			draw_headings(p);
		} else if (need(p, h)) {
			draw_headings(p);
		}
		invoice_table_row(p, l->rows[r].cells, S_TABLE, 1);
		p->y += h;
	}
	rule(p, LEFT, LEFT + TEXT_W, p->y + 0.5, 0.4, 0.5);
	p->y += 2;
}

/* One totals line: the label right-aligned up to the last column, the
 * amount right-aligned in it. Its height; drawn when draw is set. */
static double total_line(struct pen *p, const struct letter_total *t, int draw)
{
	enum style st = t->strong ? S_TABLE_BOLD : S_TABLE;
	double lw = p->col.x[4] - COL_GAP - LEFT;
	PangoLayout *label = text_layout(p, t->label, -1, st, lw, PANGO_ALIGN_RIGHT);
	PangoLayout *amount = text_layout(p, t->amount, -1, st, p->col.w[4], PANGO_ALIGN_RIGHT);
	double h = height(label) > height(amount) ? height(label) : height(amount);
	if (draw) {
		show(p, label, LEFT, p->y + CELL_PAD, 0);
		show(p, amount, p->col.x[4], p->y + CELL_PAD, 0);
	}
	g_object_unref(label);
	g_object_unref(amount);
	return h + 2 * CELL_PAD;
}

/* The totals stay together, on one page. */
static void totals(struct pen *p)
{
	const struct letter *l = p->l;
	if (!l->totals || !l->ntotals)
		return;
	double h = 0;
	for (size_t t = 0; t < l->ntotals; t++)
		h += total_line(p, &l->totals[t], 0);
	need(p, h);
	for (size_t t = 0; t < l->ntotals; t++)
		p->y += total_line(p, &l->totals[t], 1);
}

/* --- the QR code ------------------------------------------------------------ */

/* The dark modules as runs of rectangles filled at once (no seams between
 * neighbours), the first at (x, y), m points a module. */
static void draw_modules(cairo_t *cr, const struct qr *q, double x, double y, double m)
{
	size_t w = (size_t)q->width;
	for (size_t r = 0; r < w; r++)
		for (size_t c = 0; c < w;) {
			if (!q->dark[r * w + c]) {
				c++;
				continue;
			}
			size_t s = c;
			while (c < w && q->dark[r * w + c])
				c++;
			cairo_rectangle(cr, x + (double)s * m, y + (double)r * m, (double)(c - s) * m, m);
		}
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_fill(cr);
}

/* The code, its dark modules in line with the text's left edge (its quiet
 * zone reaching into the margin), the caption beside it, both on one page. */
static void qr_block(struct pen *p)
{
	const struct qr *q = p->l->qr;
	if (!q || q->width <= 0 || q->width > 1000 || !q->dark)
		return;
	double m = QR_SIZE / (q->width + 2 * QR_QUIET), code = m * q->width;
	double cx = LEFT + code + QR_QUIET * m + 2 * MM;
	PangoLayout *cap = NULL;
	if (has(p->l->qr_caption))
		cap = text_layout(p, p->l->qr_caption, -1, S_TABLE, LEFT + TEXT_W - cx, PANGO_ALIGN_LEFT);
	double h = QR_SIZE;
	if (cap && height(cap) > code)
		h = height(cap) + 2 * QR_QUIET * m;
	need(p, h);
	double top = p->y + (h - code) / 2;
	if (p->cr)
		draw_modules(p->cr, q, LEFT, top, m);
	if (cap) {
		show(p, cap, cx, top + (code - height(cap)) / 2, 0);
		g_object_unref(cap);
	}
	p->y += h;
}

static void pay_and_qr(struct pen *p)
{
	paragraphs(p, p->l->pay_line, 2 * MM, 1);
	space(p, 2 * MM);
	qr_block(p);
}

/* The payment line and the code, on one page when they fit on one: laid
 * out once on an endless page to measure them, then for real. */
static void payment(struct pen *p)
{
	struct pen dry = *p;
	dry.cr = NULL;
	dry.y = dry.top = 0;
	dry.bottom = HUGE_VAL;
	pay_and_qr(&dry);
	need(p, dry.y);
	pay_and_qr(p);
}

/* --- the whole letter ------------------------------------------------------- */

static void lay_out(struct pen *p)
{
	const struct letter *l = p->l;
	p->page = 0;
	begin_page(p);
	letterhead(p);
	heading_lines(p);
	paragraphs(p, l->body_before, 3.5 * MM, 0);
	space(p, 5 * MM);
	table(p);
	space(p, 1 * MM);
	totals(p);
	space(p, 5 * MM);
	payment(p);
	space(p, 2 * MM);
	paragraphs(p, l->body_after, 3.5 * MM, 0);
}

static void pen_open(struct pen *p, const struct letter *l, PangoFontMap *fm, cairo_t *cr)
{
	memset(p, 0, sizeof *p);
	p->l = l;
	p->ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(cr, p->ctx);
	pango_cairo_context_set_resolution(p->ctx, 72); /* a point is a unit */
	pango_context_set_round_glyph_positions(p->ctx, FALSE);
	for (int i = 0; i < S_COUNT; i++) {
		p->font[i] = pango_font_description_new();
		pango_font_description_set_family_static(p->font[i], "DejaVu Sans");
		pango_font_description_set_size(p->font[i], (int)(styles[i].size * PANGO_SCALE));
		pango_font_description_set_weight(p->font[i], styles[i].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	}

	struct sbuf b = {0}, bank = {0};
	join(&b, l->footer, "\n");
	if (has(l->company_iban))
		sbuf_printf(&bank, "IBAN %s", l->company_iban);
	if (has(l->company_bic))
		sbuf_printf(&bank, "%sBIC %s", bank.len ? "  \xc2\xb7  " : "", l->company_bic);
	join(&b, bank.s, "\n");
	if (b.len)
		p->foot = text_layout(p, b.s, (long)b.len, S_FOOT, TEXT_W - 15 * MM, PANGO_ALIGN_LEFT);
	sbuf_free(&b);
	sbuf_free(&bank);
	/* a line is kept for "n/N" even when there is no footer */
	PangoLayout *one = text_layout(p, "1/1", -1, S_FOOT, 0, PANGO_ALIGN_LEFT);
	p->foot_h = p->foot && height(p->foot) > height(one) ? height(p->foot) : height(one);
	g_object_unref(one);

	join(&b, l->company_name, "  \xc2\xb7  ");
	join(&b, l->account_line, "  \xc2\xb7  ");
	join(&b, l->date_line, "  \xc2\xb7  ");
	if (b.len)
		p->head = text_layout(p, b.s, (long)b.len, S_SMALL, TEXT_W, PANGO_ALIGN_LEFT);
	sbuf_free(&b);
	table_columns(p);
}

static void pen_close(struct pen *p)
{
	if (p->foot)
		g_object_unref(p->foot);
	if (p->head)
		g_object_unref(p->head);
	for (int i = 0; i < S_COUNT; i++)
		pango_font_description_free(p->font[i]);
	g_object_unref(p->ctx);
}

/* --- the file --------------------------------------------------------------- */

struct out {
	int fd;
	int err; /* errno of the first failed write */
};

static cairo_status_t out_write(void *closure, const unsigned char *data, unsigned int n)
{
	struct out *o = closure;
	while (n > 0 && !o->err) {
		ssize_t k = write(o->fd, data, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			o->err = k < 0 ? errno : EIO;
			break;
		}
		data += k;
		n -= (unsigned int)k;
	}
	return o->err ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static void set_err(char *err, size_t errlen, const char *path, const char *why)
{
	if (err && errlen)
		snprintf(err, errlen, "cannot write %s: %s", path, why);
}

static void set_metadata(cairo_surface_t *pdf, const struct letter *l)
{
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "relance");
	if (has(l->subject) && g_utf8_validate(l->subject, -1, NULL))
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, l->subject);
	if (has(l->company_name) && g_utf8_validate(l->company_name, -1, NULL))
		cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, l->company_name);
}

/* Lays the letter out on a PDF written through o: CAIRO_STATUS_SUCCESS or
 * the first error. */
static cairo_status_t render(const struct letter *l, struct out *o)
{
	cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream(out_write, o, PAGE_W, PAGE_H);
	set_metadata(pdf, l);
	cairo_t *cr = cairo_create(pdf);
	/* a font map of its own, dropped afterwards, rather than pango's
	 * process-wide one */
	PangoFontMap *fm = pango_cairo_font_map_new();
	struct pen p;
	pen_open(&p, l, fm, cr);
	lay_out(&p); /* counting the pages */
	p.pages = p.page;
	p.cr = cr;
	lay_out(&p);
	pen_close(&p);
	g_object_unref(fm);

	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(pdf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(pdf);
	cairo_surface_destroy(pdf);
	return st;
}

int letter_pdf_write(const struct letter *l, const char *path, char *err, size_t errlen)
{
	static const struct letter none;
	if (!l)
		l = &none;
	/* mode 0600 (a letter names its debtor), whole or not at all */
	struct private_file f;
	if (private_file_open(&f, path)) {
		if (err && errlen)
			snprintf(err, errlen, "%s", f.err);
		return -1;
	}
	struct out o = {.fd = fileno(f.fp)};
	cairo_status_t st = render(l, &o);
	if (st != CAIRO_STATUS_SUCCESS) {
		set_err(err, errlen, path, o.err ? strerror(o.err) : cairo_status_to_string(st));
		private_file_close(&f, 0);
		return -1;
	}
	if (private_file_close(&f, 1)) {
		if (err && errlen)
			snprintf(err, errlen, "%s", f.err);
		return -1;
	}
	return 0;
}
