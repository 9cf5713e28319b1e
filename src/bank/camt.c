/* camt.c — camt.053 and camt.054 (ISO 20022): to be written (issue 14). */
#include "statement.h"

int camt_read(const char *path, const char *data, size_t len, struct bank_file *out, char *err, size_t errlen)
{
	(void)data, (void)len, (void)out;
	snprintf(err, errlen, "%s: camt is not read yet", path);
	return -1;
}
