/* qr.c — QR codes: bytes to modules with libqrencode (level M, smallest
 * version that fits), modules to half-block text (the PNG: qr_png.c).
 * It owns no policy: what goes in the code (the EPC payload and its
 * 331-byte limit) is the caller's business; this never writes anywhere but
 * the buffer or the path it is given. */
#include "qr.h"

#include <limits.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/lib.h"

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
