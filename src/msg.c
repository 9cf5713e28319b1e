/* msg.c — error and warning lines on standard error. */
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

void msg_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("relance: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("relance: warning: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
