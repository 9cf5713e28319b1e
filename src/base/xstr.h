/* xstr.h — a copy of a string that never fails: out of memory, relance
 * stops (there is nothing sensible to do without memory for a name). */
#ifndef RELANCE_XSTR_H
#define RELANCE_XSTR_H
#include <stddef.h>

/* A malloc'ed copy of s; of "" when s is NULL. */
char *xstrdup(const char *s);
/* A malloc'ed copy of at most n bytes of s, ended by a NUL. */
char *xstrndup(const char *s, size_t n);

#endif
