/* png_call.c — the program's side of report_png: the chart is drawn by
 * relance-media.so (src/base/module.h), loaded on first use, so that a
 * report written as text never loads cairo and Pango. The tests link png.c
 * itself instead. */
#include "report.h"

int report_png(const struct report *r, const char *path, int width, int height, char *err, size_t errlen)
{
	int (*fn)(const struct report *, const char *, int, int, char *, size_t);
	*(void **)&fn = module_symbol("report_png", err, errlen);
	return fn ? fn(r, path, width, height, err, errlen) : -1;
}
