/* media_calls.c — the program's side of the letters, QR images and mail
 * that relance-media.so draws and writes (src/base/module.h): each function
 * loads the module on first use and calls its namesake there. The tests and
 * fuzzers link the module's files themselves instead of these. */
#include <stdio.h>

#include "letter_pdf.h"
#include "mime.h"
#include "qr.h"

#include "base/lib.h"

int letter_pdf_write(const struct letter *l, const char *path, char *err, size_t errlen)
{
	char own[512];
	int (*fn)(const struct letter *, const char *, char *, size_t);
	*(void **)&fn = module_symbol("letter_pdf_write", err ? err : own, err ? errlen : sizeof own);
	return fn ? fn(l, path, err, errlen) : -1;
}

int qr_png(const struct qr *q, int scale, const char *path, char *err, size_t errlen)
{
	int (*fn)(const struct qr *, int, const char *, char *, size_t);
	*(void **)&fn = module_symbol("qr_png", err, errlen);
	return fn ? fn(q, scale, path, err, errlen) : -1;
}

int mime_build(const struct mime_mail *m, struct sbuf *out, char *err, size_t errlen)
{
	int (*fn)(const struct mime_mail *, struct sbuf *, char *, size_t);
	*(void **)&fn = module_symbol("mime_build", err, errlen);
	return fn ? fn(m, out, err, errlen) : -1;
}
