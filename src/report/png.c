/* png.c — a report's chart as a PNG file (cairo and pango): the title,
 * the as-of date and currency, the same bars or columns as the
 * workstation's chart (ui/chart.c), the axis with its values and the
 * names of what the axes show. A negative value (a credit) draws no bar,
 * as 0; its figure is printed. Text from the data is set as plain text
 * (never markup) and made valid UTF-8. The file is mode 0600, whole or
 * not there (private_file). */
#include "report.h"

#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "base/lib.h"

#define MARGIN 36.0

static const double palette[REPORT_MAX_SERIES][3] = {
	{0.16, 0.38, 0.71}, {0.20, 0.56, 0.27}, {0.62, 0.22, 0.60}, {0.80, 0.24, 0.20},
};

struct pen {
	cairo_t *cr;
	PangoContext *ctx;
	PangoFontDescription *font;
};

enum align { LEFT, CENTRE, RIGHT };

/* A figure of unit u as people read it (as the workstation shows it). */
static void figure(enum report_unit u, int64_t v, char *out, size_t size)
{
	int64_t m = v < 0 ? -v : v;
	if (u == RU_MONEY)
		money_format_grouped(v, out, size);
	else if (u == RU_PERCENT)
		snprintf(out, size, "%s%lld.%02lld", v < 0 ? "-" : "", (long long)(m / 100), (long long)(m % 100));
	else if (u == RU_DAYS)
		snprintf(out, size, "%s%lld.%lld", v < 0 ? "-" : "", (long long)(m / 10), (long long)(m % 10));
	else
		snprintf(out, size, "%lld", (long long)v);
}

static const char *unit_name(const struct report *r, enum report_unit u)
{
	switch (u) {
	case RU_MONEY: return r->currency[0] ? r->currency : "each currency";
	case RU_PERCENT: return "%";
	case RU_DAYS: return "days";
	case RU_SECONDS: return "seconds";
	default: return "";
	}
}

/* Lays s out in size pixels; maxw > 0: at most that wide, ending in an
 * ellipsis. Returns the layout (the caller unrefs it). */
static PangoLayout *layout(struct pen *p, const char *s, double size, int bold, double maxw)
{
	PangoLayout *lay = pango_layout_new(p->ctx);
	pango_font_description_set_absolute_size(p->font, size * PANGO_SCALE);
	pango_font_description_set_weight(p->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(lay, p->font);
	s = s ? s : "";
	if (g_utf8_validate(s, -1, NULL)) {
		pango_layout_set_text(lay, s, -1);
	} else {
		char *ok = g_utf8_make_valid(s, -1);
		pango_layout_set_text(lay, ok, -1);
		g_free(ok);
	}
	if (maxw > 0) {
		pango_layout_set_width(lay, (int)(maxw * PANGO_SCALE));
		pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
	}
	return lay;
}

/* Draws s with its top at y, aligned on x; returns its height. */
static double text(struct pen *p, const char *s, double x, double y, double size, int bold, enum align al,
		   double maxw)
{
	PangoLayout *lay = layout(p, s, size, bold, maxw);
	PangoRectangle ink, log;
	pango_layout_get_pixel_extents(lay, &ink, &log);
	double w = log.width;
	cairo_move_to(p->cr, al == LEFT ? x : al == CENTRE ? x - w / 2 : x - w, y);
	cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
	pango_cairo_show_layout(p->cr, lay);
	g_object_unref(lay);
	return log.height;
}

static double text_width(struct pen *p, const char *s, double size, int bold)
{
	PangoLayout *lay = layout(p, s, size, bold, 0);
	PangoRectangle log;
	pango_layout_get_pixel_extents(lay, NULL, &log);
	g_object_unref(lay);
	return log.width;
}

static void line(cairo_t *cr, double x0, double y0, double x1, double y1, double grey)
{
	cairo_set_source_rgb(cr, grey, grey, grey);
	cairo_set_line_width(cr, 1);
	cairo_move_to(cr, x0 + 0.5, y0 + 0.5);
	cairo_line_to(cr, x1 + 0.5, y1 + 0.5);
	cairo_stroke(cr);
}

static void box(cairo_t *cr, int s, double x, double y, double w, double h)
{
	cairo_set_source_rgb(cr, palette[s][0], palette[s][1], palette[s][2]);
	cairo_rectangle(cr, x, y, w, h);
	cairo_fill(cr);
}

static int charted(const struct report *r)
{
	long n = (long)r->nrows - r->total_rows;
	return n > 0 ? (int)n : 0;
}

static int series_count(const struct report *r)
{
	return r->nseries < 0 ? 0 : r->nseries > REPORT_MAX_SERIES ? REPORT_MAX_SERIES : r->nseries;
}

static int64_t max_value(const struct report *r)
{
	int64_t max = 0;
	for (int i = 0; i < charted(r); i++)
		for (int s = 0; s < series_count(r); s++) {
			const struct report_cell *c = report_cell(r, (size_t)i, r->series[s]);
			if (!c->empty && c->v > max)
				max = c->v;
		}
	return max;
}

/* Row i's label (its currency first when the report mixes them). */
static void label_of(const struct report *r, size_t i, char *out, size_t size)
{
	char l[160];
	report_row_label(r, i, l, sizeof l);
	int cur = -1;
	for (int c = 0; !r->currency[0] && c < r->ncols; c++)
		if (!strcmp(r->cols[c].name, "currency"))
			cur = c;
	const char *c = cur >= 0 ? report_cell(r, i, cur)->s : NULL;
	snprintf(out, size, "%s%s%s", c && *c ? c : "", c && *c ? " " : "", l);
}

static void cell_figure(const struct report *r, size_t i, int col, char *out, size_t size)
{
	const struct report_cell *c = report_cell(r, i, col);
	if (c->empty)
		snprintf(out, size, "n/a");
	else
		figure(r->cols[col].unit, c->v, out, size);
}

/* The legend (more than one series): returns its height. */
static double legend(struct pen *p, const struct report *r, double x, double y)
{
	if (series_count(r) < 2)
		return 0;
	for (int s = 0; s < series_count(r); s++) {
		box(p->cr, s, x, y + 3, 12, 12);
		text(p, r->cols[r->series[s]].name, x + 16, y, 14, 0, LEFT, 0);
		x += 16 + text_width(p, r->cols[r->series[s]].name, 14, 0) + 24;
	}
	return 24;
}

#define TICKS 4

/* The value axis' name: the series' (one), else what they all are
 * ("amount" of money, several series), with the unit. */
static void axis_name(const struct report *r, enum report_unit u, char *out, size_t size)
{
	const char *name = r->nseries == 1 ? r->cols[r->series[0]].name : u == RU_MONEY ? "amount" : "value";
	snprintf(out, size, "%s (%s)", name, unit_name(r, u));
}

static void bars(struct pen *p, const struct report *r, double x0, double y0, double x1, double y1)
{
	int n = charted(r), ns = series_count(r);
	int64_t max = max_value(r);
	enum report_unit u = r->cols[r->series[0]].unit;
	double lw = 0, vw = 0;
	for (int i = 0; i < n; i++) {
		char t[192];
		label_of(r, (size_t)i, t, sizeof t);
		double w = text_width(p, t, 14, 0);
		lw = w > lw ? w : lw;
		for (int s = 0; s < ns; s++) {
			cell_figure(r, (size_t)i, r->series[s], t, sizeof t);
			w = text_width(p, t, 13, 0);
			vw = w > vw ? w : vw;
		}
	}
	if (lw > (x1 - x0) / 4)
		lw = (x1 - x0) / 4;
	/* what the bars are (the label column's name), over their labels */
	text(p, r->cols[r->label_col].name, x0 + lw + 2, y0, 13, 1, RIGHT, 0);
	y0 += 22;
	double px = x0 + lw + 10, pw = x1 - px - vw - 10, ph = y1 - y0 - 44;
	double band = ph / n, bh = band * 0.7 / ns;
	/* the axis: ticks from 0 to the largest value, its name under it */
	for (int k = 0; k <= TICKS; k++) {
		double x = px + pw * k / TICKS;
		line(p->cr, x, y0, x, y0 + ph, k ? 0.88 : 0.3);
		char f[64];
		figure(u, max * k / TICKS, f, sizeof f);
		text(p, f, x, y0 + ph + 4, 12, 0, CENTRE, 0);
	}
	char axis[96];
	axis_name(r, u, axis, sizeof axis);
	text(p, axis, px + pw / 2, y0 + ph + 22, 13, 1, CENTRE, 0);
	for (int i = 0; i < n; i++) {
		double y = y0 + band * i + band * 0.15;
		char t[192];
		label_of(r, (size_t)i, t, sizeof t);
		text(p, t, px - 8, y + (bh * ns - 17) / 2, 14, 0, RIGHT, lw);
		for (int s = 0; s < ns; s++) {
			const struct report_cell *c = report_cell(r, (size_t)i, r->series[s]);
			double w = !c->empty && c->v > 0 && max > 0 ? pw * (double)c->v / (double)max : 0;
			box(p->cr, s, px, y + bh * s, w, bh - 1);
			cell_figure(r, (size_t)i, r->series[s], t, sizeof t);
			text(p, t, px + w + 5, y + bh * s + (bh - 16) / 2, 13, 0, LEFT, 0);
		}
	}
}

static void columns(struct pen *p, const struct report *r, double x0, double y0, double x1, double y1)
{
	int n = charted(r), ns = series_count(r);
	int64_t max = max_value(r);
	enum report_unit u = r->cols[r->series[0]].unit;
	char f[64];
	figure(u, max, f, sizeof f);
	double aw = text_width(p, f, 12, 0) + 8;
	double px = x0 + aw + 22, pw = x1 - px, ph = y1 - y0 - 44;
	double band = pw / n, cw = band * 0.75 / ns;
	for (int k = 0; k <= TICKS; k++) {
		double y = y0 + ph - ph * k / TICKS;
		line(p->cr, px, y, px + pw, y, k ? 0.88 : 0.3);
		figure(u, max * k / TICKS, f, sizeof f);
		text(p, f, px - 6, y - 8, 12, 0, RIGHT, 0);
	}
	char axis[96];
	axis_name(r, u, axis, sizeof axis);
	cairo_save(p->cr); /* the value axis' name, upwards at the left */
	cairo_translate(p->cr, x0, y0 + ph / 2);
	cairo_rotate(p->cr, -G_PI / 2);
	text(p, axis, 0, 0, 13, 1, CENTRE, 0);
	cairo_restore(p->cr);
	for (int i = 0; i < n; i++) {
		double x = px + band * i + band * 0.125;
		for (int s = 0; s < ns; s++) {
			const struct report_cell *c = report_cell(r, (size_t)i, r->series[s]);
			double h = !c->empty && c->v > 0 && max > 0 ? ph * (double)c->v / (double)max : 0;
			box(p->cr, s, x + cw * s, y0 + ph - h, cw - 1, h);
		}
		char t[192];
		label_of(r, (size_t)i, t, sizeof t);
		text(p, t, px + band * i + band / 2, y0 + ph + 4, 12, 0, CENTRE, band - 2);
	}
	text(p, r->cols[r->label_col].name, px + pw / 2, y0 + ph + 22, 13, 1, CENTRE, 0);
}

static cairo_status_t png_write_fp(void *fp, const unsigned char *data, unsigned int n)
{
	return fwrite(data, 1, n, fp) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int report_png(const struct report *r, const char *path, int width, int height, char *err, size_t errlen)
{
	if (width < 320 || height < 200 || width > 8000 || height > 8000) {
		snprintf(err, errlen, "a chart of %dx%d pixels cannot be drawn (320x200 to 8000x8000)", width, height);
		return -1;
	}
	if (!charted(r) || series_count(r) < 1) {
		snprintf(err, errlen, "the %s report has no rows to chart", r->name);
		return -1;
	}
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		snprintf(err, errlen, "cannot draw a chart of %dx%d pixels", width, height);
		return -1;
	}
	struct pen p = {.cr = cairo_create(surface)};
	PangoFontMap *fm = pango_cairo_font_map_new();
	p.ctx = pango_font_map_create_context(fm);
	pango_cairo_update_context(p.cr, p.ctx);
	pango_cairo_context_set_resolution(p.ctx, 72);
	p.font = pango_font_description_new();
	pango_font_description_set_family_static(p.font, "DejaVu Sans");
	cairo_set_source_rgb(p.cr, 1, 1, 1);
	cairo_paint(p.cr);

	/* the title; the day and currency under it */
	double y = MARGIN;
	y += text(&p, r->title, MARGIN, y, 26, 1, LEFT, width - 2 * MARGIN) + 4;
	char asof[11], sub[160];
	date_iso(r->o.as_of, asof);
	enum report_unit u = r->cols[r->series[0]].unit;
	snprintf(sub, sizeof sub, "as of %s%s%s", asof, u == RU_MONEY ? " \xc2\xb7 " : "",
		 u == RU_MONEY ? unit_name(r, u) : "");
	y += text(&p, sub, MARGIN, y, 15, 0, LEFT, width - 2 * MARGIN) + 10;
	y += legend(&p, r, MARGIN, y);
	if (r->style == CHART_COLUMNS)
		columns(&p, r, MARGIN, y + 8, width - MARGIN, height - MARGIN / 2);
	else
		bars(&p, r, MARGIN, y + 8, width - MARGIN, height - MARGIN / 2);

	int rc = cairo_status(p.cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	if (rc)
		snprintf(err, errlen, "cannot draw the chart: %s", cairo_status_to_string(cairo_status(p.cr)));
	pango_font_description_free(p.font);
	g_object_unref(p.ctx);
	g_object_unref(fm);
	cairo_destroy(p.cr);
	cairo_surface_flush(surface);
	struct private_file f;
	if (rc == 0 && private_file_open(&f, path) != 0) {
		snprintf(err, errlen, "%s", f.err);
		rc = -1;
	} else if (rc == 0) {
		cairo_status_t st = cairo_surface_write_to_png_stream(surface, png_write_fp, f.fp);
		if (st != CAIRO_STATUS_SUCCESS)
			snprintf(err, errlen, "cannot write %s: %s", path, cairo_status_to_string(st));
		rc = private_file_close(&f, st == CAIRO_STATUS_SUCCESS);
		if (st == CAIRO_STATUS_SUCCESS && rc)
			snprintf(err, errlen, "%s", f.err);
		rc = st == CAIRO_STATUS_SUCCESS && !rc ? 0 : -1;
	}
	cairo_surface_destroy(surface);
	return rc;
}
