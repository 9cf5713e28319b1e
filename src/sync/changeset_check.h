/* changeset_check.h — a change set's structure checked before SQLite's
 * changeset reader is given it (changeset_check.c). */
#ifndef RELANCE_CHANGESET_CHECK_H
#define RELANCE_CHANGESET_CHECK_H
#include <stddef.h>

/* 0 when cs[0..n) is a well-formed change set of INSERTs; otherwise -1
 * and what is wrong, and where, in why ("damaged: ..."). */
int changeset_check(const void *cs, size_t n, char *why, size_t whylen);

/* A varint as SQLite writes it (1 to 9 bytes, big-endian groups of 7
 * bits, the ninth byte whole) at *p, before end: 0 and *p past it, or -1
 * when the bytes end first. The walk here and the reader
 * (changeset_read.c) both read them so. */
int changeset_varint(const unsigned char **p, const unsigned char *end, unsigned long long *out);

#endif
