/* mime.h — e-mail as mail clients write it: an RFC 5322 / MIME message
 * (UTF-8, encoded-word headers, a quoted-printable text part, base64
 * attachments) written by GMime (mime.c), and its hand-over to a
 * sendmail-compatible command (mail_send.c). */
#ifndef RELANCE_MIME_H
#define RELANCE_MIME_H
#include <stddef.h>

#include "base/lib.h"

struct mime_attachment {
	const char *filename;     /* UTF-8; encoded in the header when not ASCII */
	const char *content_type; /* "application/pdf" */
	const unsigned char *data;
	size_t len;
};

struct mime_mail {
	const char *from_name, *from_addr;
	const char *to_name;
	const char *to;           /* one or more addresses separated by ';' or ',' */
	const char *reply_to;     /* NULL: none */
	const char *subject;      /* UTF-8 */
	const char *body;         /* UTF-8 text, lines end with '\n' */
	const struct mime_attachment *attachments;
	size_t nattachments;
	const char *date;         /* RFC 5322 date; NULL: now (today.c) */
	const char *message_id;   /* without <>; NULL: made from a new uid */
	const char *headers;      /* extra header lines, each ending in '\n'; NULL: none */
};

/* Appends the whole message (CRLF line ends) to out. Returns 0, or -1 with
 * a reason in err when a field cannot be written (no address, a newline in
 * a header value). */
int mime_build(const struct mime_mail *m, struct sbuf *out, char *err, size_t errlen);

/* Runs `command` with /bin/sh -c, the message on its standard input
 * (mail_send.c).
 * Returns 0 when it exits with status 0; otherwise -1 with what happened
 * (exit status, signal, what it wrote on standard error, first line) in err. */
int mime_send(const char *command, const char *msg, size_t len, char *err, size_t errlen);

#endif
