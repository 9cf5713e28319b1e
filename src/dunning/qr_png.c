/* qr_png.c — a QR code's modules drawn as a PNG image with cairo (a
 * quiet zone of four modules, black on white, no smoothing). It lives in
 * relance-media.so with the other files drawn by cairo (src/base/module.c):
 * commands that draw nothing do not load cairo. */
#include "qr.h"

#include <cairo.h>
#include <limits.h>
#include <stdio.h>

#include "base/lib.h"

#define QR_PNG_QUIET 4

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
