/* msg.c — error and warning lines on standard error, or to a sink. */
#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

static void (*sink_fn)(const char *text, int error, void *arg);
static void *sink_arg;

void msg_redirect(void (*sink)(const char *text, int error, void *arg), void *arg)
{
	sink_fn = sink;
	sink_arg = arg;
}

static void emit(int error, const char *fmt, va_list ap)
{
	char text[1024];
	vsnprintf(text, sizeof text, fmt, ap);
	if (sink_fn)
		sink_fn(text, error, sink_arg);
	else
		fprintf(stderr, "relance: %s%s\n", error ? "" : "warning: ", text);
}

void msg_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(1, fmt, ap);
	va_end(ap);
}

void msg_warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit(0, fmt, ap);
	va_end(ap);
}
