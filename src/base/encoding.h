/* encoding.h — bringing a file's bytes to UTF-8 through iconv: the named
 * encoding when one is given, otherwise UTF-8 if the bytes are valid
 * UTF-8, else CP1252 (what Windows accounting packages write). */
#ifndef RELANCE_ENCODING_H
#define RELANCE_ENCODING_H
#include <stddef.h>

/* Canonical iconv name for a user's spelling ("latin1" -> "ISO-8859-1"),
 * or NULL when the encoding is not one relance reads. */
const char *encoding_canonical(const char *name);

/* Converts buf[0..len) from `from` to UTF-8 into a new malloc'ed,
 * NUL-terminated buffer. Returns 0, or -1 with *bad_offset set to the
 * offset of the first byte that is not valid in `from`. */
int encoding_to_utf8(const char *from, const char *buf, size_t len,
		     char **out, size_t *outlen, size_t *bad_offset);

#endif
