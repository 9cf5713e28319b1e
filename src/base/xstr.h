/* xstr.h — a copy of a string that never fails: out of memory, relance
 * stops (there is nothing sensible to do without memory for a name). */
#ifndef RELANCE_XSTR_H
#define RELANCE_XSTR_H

/* A malloc'ed copy of s; of "" when s is NULL. */
char *xstrdup(const char *s);

#endif
