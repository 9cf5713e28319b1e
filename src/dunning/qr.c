/* qr.c — QR codes: bytes to modules with libqrencode (level M, smallest
 * version that fits), modules to half-block text or to a PNG with cairo.
 * It owns no policy: what goes in the code (the EPC payload and its
 * 331-byte limit) is the caller's business; this never writes anywhere but
 * the buffer or the path it is given. */
#include "qr.h"

#include <cairo.h>
#include <limits.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/lib.h"

#define QR_PNG_QUIET 4

int qr_encode(const char *data, size_t n, struct qr *out)
{
	out->width = 0;
	out->dark = NULL;
	if (n == 0 || n > INT_MAX)
		return -1;
	QRcode *code = QRcode_encodeData((int)n, (const unsigned char *)data, 0, QR_ECLEVEL_M);
	if (!code)
		return -1;
	size_t cells = (size_t)code->width * (size_t)code->width;
	out->dark = malloc(cells);
	if (!out->dark) {
		QRcode_free(code);
		return -1;
	}
	/* libqrencode packs flags in each byte; bit 0 says dark */
	for (size_t i = 0; i < cells; i++)
		out->dark[i] = code->data[i] & 1;
	out->width = code->width;
	QRcode_free(code);
	return 0;
}

void qr_free(struct qr *q)
{
	free(q->dark);
	q->dark = NULL;
	q->width = 0;
}

/* Module (row, col) counted from the corner of the quiet zone: everything
 * outside the code, the quiet zone and a missing last row, is light. */
static int dark_at(const struct qr *q, int quiet, int row, int col)
{
	row -= quiet;
	col -= quiet;
	if (row < 0 || col < 0 || row >= q->width || col >= q->width)
		return 0;
	return q->dark[(size_t)row * (size_t)q->width + (size_t)col];
}

/* Whether the module is drawn as a block in this ink. */
static int block_at(const struct qr *q, int quiet, enum qr_ink ink, int row, int col)
{
	int dark = dark_at(q, quiet, row, col);
	return ink == QR_INK_DARK ? dark : !dark;
}

static void text_ascii(const struct qr *q, int quiet, enum qr_ink ink, struct sbuf *out)
{
	int side = q->width + 2 * quiet;
	for (int r = 0; r < side; r++) {
		for (int c = 0; c < side; c++)
			sbuf_put(out, block_at(q, quiet, ink, r, c) ? "##" : "  ", 2);
		sbuf_put(out, "\n", 1);
	}
}

static void text_halves(const struct qr *q, int quiet, enum qr_ink ink, struct sbuf *out)
{
	/* indexed by top block + 2 * bottom block */
	static const char *const glyph[4] = {" ", "\u2580", "\u2584", "\u2588"};
	int side = q->width + 2 * quiet;
	for (int r = 0; r < side; r += 2) {
		for (int c = 0; c < side; c++) {
			int top = block_at(q, quiet, ink, r, c);
			int bottom = block_at(q, quiet, ink, r + 1, c);
			sbuf_puts(out, glyph[top + 2 * bottom]);
		}
		sbuf_put(out, "\n", 1);
	}
}

void qr_text(const struct qr *q, int quiet, enum qr_ink ink, int ascii, struct sbuf *out)
{
	if (q->width <= 0 || !q->dark)
		return;
	if (quiet < 0)
		quiet = 0;
	if (ascii)
		text_ascii(q, quiet, ink, out);
	else
		text_halves(q, quiet, ink, out);
}

static cairo_status_t png_write(void *fp, const unsigned char *data, unsigned int n)
{
	return fwrite(data, 1, n, fp) == n ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

int qr_png(const struct qr *q, int scale, const char *path, char *err, size_t errlen)
{
	snprintf(err, errlen, "cannot draw the code (%d pixels a module)", scale);
	if (q->width <= 0 || !q->dark || scale < 1)
		return -1;
	int side = q->width + 2 * QR_PNG_QUIET;
	if (scale > INT_MAX / side)
		return -1;
	int px = side * scale;
	/* cairo refuses sizes it cannot handle with an error status */
	cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, px, px);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(surface);
		return -1;
	}
	cairo_t *cr = cairo_create(surface);
	cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int r = 0; r < q->width; r++)
		for (int c = 0; c < q->width; c++)
			if (q->dark[(size_t)r * (size_t)q->width + (size_t)c])
				cairo_rectangle(cr, (double)(c + QR_PNG_QUIET) * scale,
				                (double)(r + QR_PNG_QUIET) * scale, scale, scale);
	cairo_fill(cr);
	int rc = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_destroy(cr);
	cairo_surface_flush(surface);
	/* mode 0600, written whole or not at all (private_file.h) */
	struct private_file f;
	if (rc == 0 && private_file_open(&f, path) != 0) {
		snprintf(err, errlen, "%s", f.err);
		rc = -1;
	} else if (rc == 0) {
		int ok = cairo_surface_write_to_png_stream(surface, png_write, f.fp) == CAIRO_STATUS_SUCCESS;
		if (!ok)
			snprintf(err, errlen, "cannot write %s", path);
		rc = private_file_close(&f, ok) == 0 ? 0 : -1;
		if (ok && rc)
			snprintf(err, errlen, "%s", f.err);
	}
	cairo_surface_destroy(surface);
	return rc;
}
