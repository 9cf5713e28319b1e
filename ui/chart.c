/* chart.c — a report's chart in a rectangle: horizontal bars or columns,
 * up to REPORT_MAX_SERIES series each in its theme colour, in eighth
 * blocks (# for bars and = for columns with ASCII). Figures are never
 * cut: a bar's figure is printed whole at the right (the bars take what
 * is left); labels that do not fit end in an ellipsis. A negative value
 * (a credit) draws no bar, as 0: its figure is printed with its sign
 * (bars), or a - stands on the 0 line (columns). Every string goes
 * through draw_text; this file never reads the book. */
#include "chart.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "base/lib.h"

/* The series' colours, from the theme. */
static const enum element series_el[REPORT_MAX_SERIES] = {EL_BAR, EL_FLAG_FOLLOWUP, EL_FLAG_MISSED, EL_OVERDUE};

static const char *const eighths_h[8] = {"", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589"};
static const char *const eighths_v[8] = {"", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587"};
#define FULL "\u2588"

int chart_count(const struct report *r)
{
	long n = (long)r->nrows - r->total_rows;
	return n > 0 ? (int)n : 0;
}

static int nseries(const struct report *r)
{
	return r->nseries < 1 ? 0 : r->nseries > REPORT_MAX_SERIES ? REPORT_MAX_SERIES : r->nseries;
}


void chart_figure(enum report_unit u, int64_t v, char *out, size_t size)
{
	int64_t m = v < 0 ? -v : v;
	switch (u) {
	case RU_MONEY:
		money_format_grouped(v, out, size);
		break;
	case RU_PERCENT:
		snprintf(out, size, "%s%lld.%02lld", v < 0 ? "-" : "", (long long)(m / 100), (long long)(m % 100));
		break;
	case RU_DAYS:
		snprintf(out, size, "%s%lld.%lld", v < 0 ? "-" : "", (long long)(m / 10), (long long)(m % 10));
		break;
	default:
		snprintf(out, size, "%lld", (long long)v);
		break;
	}
}

/* A charted cell's figure ("n/a" when it does not exist). */
static void cell_figure(const struct report *r, size_t row, int col, char *out, size_t size)
{
	const struct report_cell *c = report_cell(r, row, col);
	if (c->empty)
		snprintf(out, size, "n/a");
	else
		chart_figure(r->cols[col].unit, c->v, out, size);
}

/* The largest value charted (0 when none is above 0). */
static int64_t chart_max(const struct report *r)
{
	int64_t max = 0;
	for (int i = 0; i < chart_count(r); i++)
		for (int s = 0; s < nseries(r); s++) {
			const struct report_cell *c = report_cell(r, (size_t)i, r->series[s]);
			if (!c->empty && c->v > max)
				max = c->v;
		}
	return max;
}

/* v in eighths of `cells` cells, max filling them all; a value above 0
 * shows at least one eighth, a negative one none. */
static int64_t eighths_of(int64_t v, int64_t max, int cells)
{
	if (v <= 0 || max <= 0 || cells <= 0)
		return 0;
	long double e = (long double)v * cells * 8 / (long double)max;
	int64_t n = (int64_t)(e + 0.5L);
	return n < 1 ? 1 : n > (int64_t)cells * 8 ? (int64_t)cells * 8 : n;
}

/* The legend: each series' name in its colour; 1 when drawn. */
static int draw_legend(const struct report *r, int y, int x, int cols)
{
	if (nseries(r) < 2)
		return 0;
	int at = 0;
	for (int s = 0; s < nseries(r) && at < cols; s++) {
		char item[64];
		snprintf(item, sizeof item, "%s %s", draw_is_ascii() ? (r->style == CHART_BARS ? "#" : "=") : FULL,
			 r->cols[r->series[s]].name);
		at += draw_text(y, x + at, cols - at, item, series_el[s], 0) + 2;
	}
	return 1;
}

int chart_lines_wanted(const struct report *r)
{
	int legend = nseries(r) > 1;
	if (r->style == CHART_BARS)
		return legend + chart_count(r) * (nseries(r) ? nseries(r) : 1);
	return legend + 10;
}

/* A horizontal bar of e eighths, as a string. */
static void bar_text(int64_t e, char *out, size_t size)
{
	size_t o = 0;
	out[0] = '\0';
	if (draw_is_ascii()) {
		for (int64_t k = 0; k < (e + 4) / 8 && o + 1 < size; k++)
			out[o++] = '#';
		if (e > 0 && o == 0 && size > 1)
			out[o++] = '#';
		out[o] = '\0';
		return;
	}
	for (int64_t k = 0; k < e / 8 && o + 4 < size; k++)
		o += (size_t)snprintf(out + o, size - o, "%s", FULL);
	if (e % 8 && o + 4 < size)
		snprintf(out + o, size - o, "%s", eighths_h[e % 8]);
}

static void draw_bars(const struct report *r, int y, int x, int rows, int cols, int selected)
{
	int n = chart_count(r), ns = nseries(r), per = ns ? ns : 1;
	y += draw_legend(r, y, x, cols), rows -= nseries(r) > 1;
	if (rows < 1 || cols < 4)
		return;
	/* the rows in view; the last line says what is out of it */
	int vis = rows / per, top = 0;
	if (vis < n && rows >= 2)
		vis = (rows - 1) / per;
	if (vis < 1)
		vis = 1;
	if (selected >= vis)
		top = selected - vis + 1;
	if (top > n - vis)
		top = n - vis > 0 ? n - vis : 0;
	int lw = 0, vw = 0;
	for (int i = 0; i < n; i++) {
		char t[192];
		report_row_label(r, (size_t)i, t, sizeof t);
		if (draw_width(t) > lw)
			lw = draw_width(t);
		for (int s = 0; s < ns; s++) {
			cell_figure(r, (size_t)i, r->series[s], t, sizeof t);
			if (draw_width(t) > vw)
				vw = draw_width(t);
		}
	}
	int lmax = cols / 3 > 8 ? cols / 3 : 8;
	if (lw > lmax)
		lw = lmax;
	if (vw > cols - 2)
		vw = cols - 2; /* a figure wider than the chart: the widget is too small */
	int area = cols - lw - vw - 2;
	if (area < 0)
		area = 0, lw = cols - vw - 1 > 0 ? cols - vw - 1 : 0;
	int64_t max = chart_max(r);
	for (int i = top; i < n && i < top + vis; i++) {
		int line = y + (i - top) * per;
		char label[192];
		report_row_label(r, (size_t)i, label, sizeof label);
		enum element lel = i == selected ? EL_CURSOR : EL_LABEL;
		if (i == selected)
			draw_fill(line, x, cols, EL_CURSOR);
		draw_text(line, x, lw, label, lel, i == selected);
		for (int s = 0; s < ns; s++) {
			const struct report_cell *c = report_cell(r, (size_t)i, r->series[s]);
			char bar[4 * 512], fig[64];
			bar_text(c->empty ? 0 : eighths_of(c->v, max, area), bar, sizeof bar);
			draw_text(line + s, x + lw + 1, area, bar, series_el[s], 0);
			cell_figure(r, (size_t)i, r->series[s], fig, sizeof fig);
			draw_text_right(line + s, x + cols - vw, vw, fig, i == selected ? EL_CURSOR : EL_AMOUNT);
		}
	}
	if (n > vis) {
		char more[96];
		snprintf(more, sizeof more, "%d of %d shown (j/k)%s%s", vis, n, top ? ", more above" : "",
			 top + vis < n ? ", more below" : "");
		draw_text(y + rows - 1, x, cols, more, EL_MUTED, 0);
	}
}

/* One cell of a column whose height is e eighths, at `level` cells up. */
static const char *column_cell(int64_t e, int level)
{
	int64_t rest = e - (int64_t)level * 8;
	if (draw_is_ascii())
		return (e + 4) / 8 > level || (level == 0 && e > 0) ? "=" : NULL;
	return rest >= 8 ? FULL : rest > 0 ? eighths_v[rest] : NULL;
}

/* A column's label in `width` cells: a month (YYYY-MM) as "Jan" (or "01"
 * in two cells), a day
 * (YYYY-MM-DD) as "07/12" or "07" when the whole does not fit, without the
 * currency in front of it then; else as it is (cut with an ellipsis when
 * drawn). The table under the chart shows the selected one whole. */
static void compact_label(const char *label, int width, char *out, size_t size)
{
	static const char months[][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	size_t n = strlen(label);
	if (n > 4 && (int)n > width && isupper((unsigned char)label[0]) && isupper((unsigned char)label[1]) &&
	    isupper((unsigned char)label[2]) && label[3] == ' ')
		label += 4, n -= 4; /* "EUR 2026-11": the currency is in the table's selected row */
	int digits = n >= 7 && isdigit((unsigned char)label[0]) && isdigit((unsigned char)label[3]) &&
		     label[4] == '-' && isdigit((unsigned char)label[5]) && isdigit((unsigned char)label[6]);
	int month = digits ? (label[5] - '0') * 10 + (label[6] - '0') : 0;
	if (digits && n == 7 && width < 7 && month >= 1 && month <= 12)
		snprintf(out, size, "%.*s", width >= 3 ? 3 : 2, width >= 3 ? months[month - 1] : label + 5);
	else if (digits && n == 10 && width < 10 && label[7] == '-')
		snprintf(out, size, width >= 5 ? "%.2s/%.2s" : "%.2s", label + 8, label + 5);
	else
		snprintf(out, size, "%s", label);
}

static void draw_columns(const struct report *r, int y, int x, int rows, int cols, int selected)
{
	int n = chart_count(r), ns = nseries(r);
	y += draw_legend(r, y, x, cols), rows -= nseries(r) > 1;
	int h = rows - 1; /* the labels' line under the columns */
	if (h < 2 || ns < 1 || n < 1)
		return;
	int64_t max = chart_max(r);
	char top_fig[64];
	chart_figure(r->cols[r->series[0]].unit, max, top_fig, sizeof top_fig);
	int aw = draw_width(top_fig);
	int w = cols - aw - 1;
	if (w < ns + 1)
		return;
	/* each group: ns columns of bw cells and a gap */
	int bw = (w / n - 1) / ns;
	bw = bw < 1 ? 1 : bw > 3 ? 3 : bw;
	int gw = ns * bw + 1, vis = w / gw, first = 0;
	if (vis > n)
		vis = n;
	if (selected >= vis)
		first = selected - vis + 1;
	/* the axis: its top value, 0, and a line */
	draw_text_right(y, x, aw, top_fig, EL_MUTED);
	draw_text_right(y + h - 1, x, aw, "0", EL_MUTED);
	for (int k = 0; k < h; k++)
		draw_text(y + k, x + aw, 1, draw_is_ascii() ? "|" : "\u2502", EL_MUTED, 0);
	for (int i = first; i < first + vis; i++) {
		int gx = x + aw + 1 + (i - first) * gw + 1;
		for (int s = 0; s < ns; s++) {
			const struct report_cell *c = report_cell(r, (size_t)i, r->series[s]);
			int64_t e = c->empty ? 0 : eighths_of(c->v, max, h);
			for (int k = 0; k < h; k++) {
				const char *cell = column_cell(e, k);
				for (int b = 0; cell && b < bw; b++)
					draw_text(y + h - 1 - k, gx + s * bw + b, 1, cell, series_el[s], 0);
			}
			if (!c->empty && c->v < 0) /* a credit: drawn as 0, marked */
				draw_text(y + h - 1, gx + s * bw, 1, "-", EL_MUTED, 0);
		}
		char label[192], shown[192];
		int lw = gw - 1 > 0 ? gw - 1 : 1;
		report_row_label(r, (size_t)i, label, sizeof label);
		compact_label(label, lw, shown, sizeof shown);
		draw_text(y + h, gx, lw, shown, i == selected ? EL_CURSOR : EL_LABEL, 0);
	}
	/* columns out of view are said at either end of the labels' line */
	if (first > 0)
		draw_text(y + h, x, aw, draw_is_ascii() ? "<" : "\u2190", EL_MUTED, 0);
	if (first + vis < n)
		draw_text(y + h, x + cols - 1, 1, draw_is_ascii() ? ">" : "\u2192", EL_MUTED, 0);
}

void chart_draw(const struct report *r, int y, int x, int rows, int cols, int selected)
{
	if (rows < 1 || cols < 1 || !chart_count(r) || !nseries(r))
		return;
	if (r->style == CHART_COLUMNS)
		draw_columns(r, y, x, rows, cols, selected);
	else
		draw_bars(r, y, x, rows, cols, selected);
}
