/* qr.h — QR codes: encoding bytes with libqrencode (error correction M),
 * and drawing the modules as UTF-8 half blocks or as a PNG image. */
#ifndef RELANCE_QR_H
#define RELANCE_QR_H
#include <stddef.h>

#include "base/lib.h"

struct qr {
	int width;           /* modules per side, without the quiet zone */
	unsigned char *dark; /* width * width bytes, row by row: 1 dark, 0 light */
};

/* Encodes data[0..n) as 8-bit bytes at level M. Returns 0, or -1 when the
 * data does not fit (or n is 0); out is then empty. */
int qr_encode(const char *data, size_t n, struct qr *out);
void qr_free(struct qr *q);

enum qr_ink {
	QR_INK_LIGHT, /* blocks are light modules: a plain terminal, light text on dark */
	QR_INK_DARK   /* blocks are dark modules: drawn dark on light by the caller */
};
/* The code with a quiet zone of `quiet` modules, two module rows a text
 * line, in U+2580 U+2584 U+2588 and spaces; each line ends with '\n'. With
 * ascii, two characters a module and one line a row ("##" and "  "). */
void qr_text(const struct qr *q, int quiet, enum qr_ink ink, int ascii, struct sbuf *out);
/* A PNG of `scale` pixels a module with a quiet zone of 4, written to path
 * (mode 0600, whole or not at all; "-": standard output): -1 on failure,
 * with why in err. */
int qr_png(const struct qr *q, int scale, const char *path, char *err, size_t errlen);

#endif
