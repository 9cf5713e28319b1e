/* camt_call.c — the program's side of the camt reader and writer, which
 * live in relance-xml.so with libxml2 (src/base/module.h): libxml2 and the
 * ICU it brings would cost every command's start their relocations, so
 * they are loaded the first time a camt file is read or written. The
 * tests and fuzzers link camt.c and camt_write.c themselves instead. */
#include <stdio.h>

#include "statement.h"

#include "base/lib.h"

#define XML_MODULE "relance-xml.so"

int camt_read(const char *path, const char *data, size_t len, struct bank_file *out, char *err, size_t errlen)
{
	char why[1024];
	int (*fn)(const char *, const char *, size_t, struct bank_file *, char *, size_t);
	*(void **)&fn = module_symbol_in(XML_MODULE, "camt files", "camt_read", why, sizeof why);
	if (!fn) {
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	return fn(path, data, len, out, err, errlen);
}

int camt_write(FILE *out, const struct bank_file *f)
{
	char why[1024];
	int (*fn)(FILE *, const struct bank_file *);
	*(void **)&fn = module_symbol_in(XML_MODULE, "camt files", "camt_write", why, sizeof why);
	if (!fn) {
		fprintf(stderr, "relance: %s\n", why);
		return -1;
	}
	return fn(out, f);
}
