/* utf8.h — decoding, validating, measuring and folding UTF-8 text. The
 * book holds UTF-8 only; everything that compares names goes through the
 * fold here so that "societe" finds "Société". */
#ifndef RELANCE_UTF8_H
#define RELANCE_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s; returns its length, or 0 when the bytes are
 * not valid UTF-8 (overlong forms and surrogates included). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* 1 when s[0..n) is valid UTF-8; otherwise 0 and *bad = offset of the first
 * bad byte. */
int utf8_valid(const char *s, size_t n, size_t *bad);
/* At s[i]: 1 when a printable character starts there (its byte length in
 * *len), 0 when the bytes there must be escaped before reaching a
 * terminal: C0 controls, DEL, C1 controls (U+0080-U+009F), bidi controls
 * and line/paragraph separators, and bytes that are not UTF-8 (*len bytes
 * to escape). */
int utf8_safe_at(const char *s, size_t n, size_t i, size_t *len);
/* Copies s[0..n) into out, at most max_bytes of it, with unsafe bytes
 * written as \xNN and never cutting a character; appends "..." when it
 * cut. Always NUL-terminates. */
void utf8_escape(const char *s, size_t n, size_t max_bytes, char *out, size_t size);
/* Columns a code point takes on a terminal: 0 (combining), 1 or 2 (wide). */
int utf8_cp_width(uint32_t cp);
/* Characters (code points) in s[0..n); an invalid byte counts as one. */
size_t utf8_length(const char *s, size_t n);
/* Columns s[0..n) takes; invalid bytes count as one column each. */
size_t utf8_width(const char *s, size_t n);
/* An ASCII stand-in for a code point, case kept ("É" -> "E", "ß" -> "ss",
 * "€" -> "EUR"); "?" when there is none. For terminals without UTF-8. */
const char *utf8_ascii(uint32_t cp, char buf[2]);
/* Writes s folded to lower-case ASCII where a letter has an ASCII base
 * ("Société" -> "societe", "Straße" -> "strasse"); other code points are
 * copied as they are. Returns the length written (always NUL-terminated,
 * truncated to size-1). */
size_t utf8_fold(const char *s, size_t n, char *out, size_t size);

#endif
