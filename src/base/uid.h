/* uid.h — globally unique ids for rows made in this copy of the book.
 * Time-ordered (UUID version 7: 48 bits of milliseconds, 74 random bits
 * from the kernel), so two copies of one file — even a plain cp — never
 * mint the same id, and new rows land at the end of their index. */
#ifndef RELANCE_UID_H
#define RELANCE_UID_H

#define UID_LEN 36
/* Writes a new id, "0190b3a2-7c1e-7f3a-9b2d-1c3e5f7a9b0d", and a NUL. */
void uid_new(char out[UID_LEN + 1]);
/* The id every copy derives from the same name (UUID version 8 from the
 * SHA-256 of name): for entries that several copies make on their own and
 * that must be one entry once they meet (a rule's verdict, a conflict). */
void uid_from_name(const char *name, char out[UID_LEN + 1]);
/* An id in a few characters, for people: its last 8 (the start of a
 * UUIDv7 is its time, alike for ids made together). */
const char *uid_short(const char *id);
/* 1 when s has the shape of an id made by uid_new or uid_from_name. */
int uid_valid(const char *s);

#endif
