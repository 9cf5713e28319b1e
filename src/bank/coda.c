/* coda.c — CODA (Febelfin 2.x) statements: to be written (issue 14). */
#include "statement.h"

int coda_read(const char *path, const char *data, size_t len, struct bank_file *out, char *err, size_t errlen)
{
	(void)data, (void)len, (void)out;
	snprintf(err, errlen, "%s: CODA is not read yet", path);
	return -1;
}
