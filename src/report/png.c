/* png.c — SCAFFOLD, to be replaced by the PNG chart. */
#include "report.h"

#include <stdio.h>

int report_png(const struct report *r, const char *path, int width, int height, char *err, size_t errlen)
{
	(void)r, (void)path, (void)width, (void)height;
	snprintf(err, errlen, "--png is not built yet");
	return -1;
}
