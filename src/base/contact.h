/* contact.h — what a phone number and an e-mail address look like, for
 * every way they enter the book (imports, change files, forms). */
#ifndef RELANCE_CONTACT_H
#define RELANCE_CONTACT_H
#include <stddef.h>

/* s[0..n): one or more numbers separated by ';' or ','. Each is digits,
 * blanks and + ( ) . / -, has a digit, and begins with a digit, + or (:
 * never with '-', so that no number can pass for a command's option. */
int phone_list_valid(const char *s, size_t n);
/* s[0..n): one or more addresses separated by ';' or ','. */
int email_list_valid(const char *s, size_t n);

#endif
