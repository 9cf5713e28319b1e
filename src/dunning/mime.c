/* mime.c — owns the shape of an outgoing e-mail: header encoding and
 * folding (RFC 5322, RFC 2047 encoded-words, RFC 2231 parameters), the
 * quoted-printable text part, base64 attachments, the multipart envelope,
 * and the hand-over to a sendmail-like command. It never decides who gets
 * mail or what it says, never reads the clock itself (today.c does), and
 * never leaves the process's signal dispositions changed. */
#include "mime.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/lib.h"

#define HDR_WIDTH 78 /* RFC 5322 2.1.1: header lines SHOULD stay within 78 */
#define EW_MAX 75    /* RFC 2047 2: an encoded-word is at most 75 characters */
#define QP_MAX 76    /* RFC 2045 6.7: encoded lines are at most 76 characters */
#define B64_LINE 76  /* RFC 2045 6.8 */
#define EW_OPEN "=?UTF-8?B?"
#define EW_FRAME 12  /* "=?UTF-8?B?" and "?=" */

static const char hex_digits[] = "0123456789ABCDEF";
static const char b64_alphabet[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* ---- small text helpers ------------------------------------------------ */

/* Bytes of the UTF-8 character at s; 1 for a byte that does not start a
 * complete one. Encoded-words and parameter pieces are cut only between
 * the characters this finds. */
static size_t u8_len(const unsigned char *s, size_t n)
{
	size_t want = s[0] < 0x80 ? 1
		: (s[0] & 0xe0) == 0xc0 ? 2
		: (s[0] & 0xf0) == 0xe0 ? 3
		: (s[0] & 0xf8) == 0xf0 ? 4 : 1;
	if (want > n)
		return 1;
	for (size_t i = 1; i < want; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 1;
	return want;
}

/* 1 when every byte of s is printable ASCII (space included). */
static int printable_ascii(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p > 0x7e)
			return 0;
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* A plain addr-spec, local@domain: printable ASCII without spaces, one
 * '@' with something on both sides, none of the characters that would
 * change the header's structure. Quoted local parts and non-ASCII
 * (SMTPUTF8) addresses are refused. Also the shape of a Message-ID. */
static int addr_ok(const char *a, size_t n)
{
	size_t at = n, ats = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)a[i];
		if (c <= 0x20 || c >= 0x7f || strchr("<>()\",;:\\", c))
			return 0;
		if (c == '@')
			at = i, ats++;
	}
	return ats == 1 && at > 0 && at + 1 < n;
}

/* Up to three bytes as four base64 characters, '=' padded. */
static void b64_quantum(const unsigned char *p, size_t n, char out[4])
{
	unsigned long v = (unsigned long)p[0] << 16 | (n > 1 ? (unsigned long)p[1] << 8 : 0)
		| (n > 2 ? p[2] : 0);
	out[0] = b64_alphabet[v >> 18 & 63];
	out[1] = b64_alphabet[v >> 12 & 63];
	out[2] = n > 1 ? b64_alphabet[v >> 6 & 63] : '=';
	out[3] = n > 2 ? b64_alphabet[v & 63] : '=';
}

/* ---- header lines, folded -------------------------------------------- */

/* One header being written: words go after a space, or after CRLF SP when
 * the line would pass 78 characters. */
struct hline {
	struct sbuf *out;
	size_t col;   /* characters on the current physical line */
	int words;    /* words written after "Name:" */
};

static void hl_start(struct hline *h, struct sbuf *out, const char *name)
{
	h->out = out;
	h->words = 0;
	sbuf_puts(out, name);
	sbuf_put(out, ":", 1);
	h->col = strlen(name) + 1;
}

static void hl_fold(struct hline *h)
{
	sbuf_put(h->out, "\r\n", 2);
	h->col = 0;
}

static void hl_put(struct hline *h, const char *w, size_t n)
{
	sbuf_put(h->out, " ", 1);
	sbuf_put(h->out, w, n);
	h->col += 1 + n;
	h->words++;
}

/* A word; folded before it when it does not fit. An empty word never
 * folds, so no line is only whitespace. */
static void hl_word(struct hline *h, const char *w, size_t n)
{
	if (h->words && n && h->col + 1 + n > HDR_WIDTH)
		hl_fold(h);
	hl_put(h, w, n);
}

/* Text glued to the last word (a ',' or ';'). */
static void hl_append(struct hline *h, const char *s)
{
	sbuf_puts(h->out, s);
	h->col += strlen(s);
}

static void hl_end(struct hline *h)
{
	sbuf_put(h->out, "\r\n", 2);
}

/* How many bytes of p (whole characters) one encoded-word of at most
 * `room` characters holds. */
static size_t ew_take(const unsigned char *p, size_t n, size_t room)
{
	size_t max = room >= EW_FRAME + 4 ? (room - EW_FRAME) / 4 * 3 : 0, take = 0;
	while (take < n) {
		size_t c = u8_len(p + take, n - take);
		if (take + c > max)
			break;
		take += c;
	}
	return take;
}

static size_t ew_room(const struct hline *h)
{
	size_t room = h->col + 1 < HDR_WIDTH ? HDR_WIDTH - h->col - 1 : 0;
	return room < EW_MAX ? room : EW_MAX;
}

/* s[0..n) as B encoded-words (RFC 2047): each at most 75 characters, cut
 * only between characters; a new line for the next one unless the rest
 * fits on this one. Readers drop the folding between encoded-words, so
 * the text comes back whole. */
static void hl_encoded(struct hline *h, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	char w[EW_MAX + 1];
	for (size_t i = 0; i < n;) {
		size_t take = ew_take(p + i, n - i, ew_room(h));
		if (take == 0 || (h->words && take < n - i)) {
			hl_fold(h);
			take = ew_take(p + i, n - i, ew_room(h));
			if (take == 0) /* cannot happen: a fresh line holds 45 bytes */
				take = u8_len(p + i, n - i);
		}
		size_t k = sizeof EW_OPEN - 1;
		memcpy(w, EW_OPEN, k);
		for (size_t j = 0; j < take; j += 3) {
			b64_quantum(p + i + j, take - j < 3 ? take - j : 3, w + k);
			k += 4;
		}
		memcpy(w + k, "?=", 2);
		hl_put(h, w, k + 2);
		i += take;
	}
}

/* Text that must go in encoded-words: anything but printable ASCII and
 * tabs, or something a reader would take for an encoded-word. */
static int needs_encoding(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p > 0x7e)
			return 1;
	return strstr(s, "=?") != NULL;
}

/* An unstructured value (Subject): plain ASCII folded at its spaces (the
 * spacing comes back exactly on unfolding), otherwise encoded-words. */
static void put_unstructured(struct sbuf *out, const char *name, const char *v)
{
	struct hline h;
	hl_start(&h, out, name);
	if (needs_encoding(v)) {
		hl_encoded(&h, v, strlen(v));
	} else {
		for (const char *p = v;;) {
			size_t n = strcspn(p, " ");
			hl_word(&h, p, n);
			if (!p[n])
				break;
			p += n + 1;
		}
	}
	hl_end(&h);
}

/* A display name: atoms as they are, a quoted-string when it holds
 * specials, encoded-words when it is not plain ASCII. */
static void hl_phrase(struct hline *h, const char *name)
{
	if (needs_encoding(name)) {
		hl_encoded(h, name, strlen(name));
	} else if (strpbrk(name, "()<>[]:;@\\,.\"")) {
		struct sbuf q = {0};
		sbuf_put(&q, "\"", 1);
		for (const char *p = name; *p; p++) {
			if (*p == '"' || *p == '\\')
				sbuf_put(&q, "\\", 1);
			sbuf_put(&q, p, 1);
		}
		sbuf_put(&q, "\"", 1);
		hl_word(h, q.s, q.len);
		sbuf_free(&q);
	} else {
		for (const char *p = name; *p;) {
			size_t n = strcspn(p, " \t");
			if (n)
				hl_word(h, p, n);
			p += n + (p[n] != '\0');
		}
	}
}

/* "Name <addr>", or the bare address when there is no name. */
static void hl_mailbox(struct hline *h, const char *name, const char *a, size_t n)
{
	if (!name || !*name) {
		hl_word(h, a, n);
		return;
	}
	hl_phrase(h, name);
	struct sbuf w = {0};
	sbuf_put(&w, "<", 1);
	sbuf_put(&w, a, n);
	sbuf_put(&w, ">", 1);
	hl_word(h, w.s, w.len);
	sbuf_free(&w);
}

/* RFC 2231 attr-char: what a parameter value may hold unencoded. */
static int attr_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| (c && strchr("!#$&+-.^_`|~", c));
}

/* One character of a parameter value as written: percent-encoded bytes
 * (ext, RFC 2231) or quoted-string text. Returns the bytes it read. */
static size_t param_char(const unsigned char *s, size_t n, int ext, char out[16], size_t *outlen)
{
	size_t c = ext ? u8_len(s, n) : 1, k = 0;
	for (size_t i = 0; i < c; i++) {
		if (!ext) {
			if (s[i] == '"' || s[i] == '\\')
				out[k++] = '\\';
			out[k++] = (char)s[i];
		} else if (attr_char(s[i])) {
			out[k++] = (char)s[i];
		} else {
			out[k++] = '%';
			out[k++] = hex_digits[s[i] >> 4];
			out[k++] = hex_digits[s[i] & 15];
		}
	}
	*outlen = k;
	return c;
}

/* "; attr=value": quoted when the value is printable ASCII, otherwise
 * attr*=UTF-8''%XX (RFC 2231 4). A value too long for one line is cut
 * into attr*0, attr*1, ... continuations (RFC 2231 3), between
 * characters, one to a line. */
static void hl_param(struct hline *h, const char *attr, const char *value)
{
	const unsigned char *v = (const unsigned char *)value;
	size_t n = strlen(value), clen;
	int ext = !printable_ascii(value);
	char c[16];
	struct sbuf w = {0};

	sbuf_printf(&w, ext ? "%s*=UTF-8''" : "%s=\"", attr);
	for (size_t i = 0; i < n;) {
		i += param_char(v + i, n - i, ext, c, &clen);
		sbuf_put(&w, c, clen);
	}
	if (!ext)
		sbuf_put(&w, "\"", 1);
	hl_append(h, ";");
	if (w.len + 2 <= HDR_WIDTH) { /* " " before, ";" after */
		hl_word(h, w.s, w.len);
		sbuf_free(&w);
		return;
	}
	unsigned k = 0;
	for (size_t i = 0; i < n; k++) {
		w.len = 0;
		if (ext)
			sbuf_printf(&w, "%s*%u*=%s", attr, k, k ? "" : "UTF-8''");
		else
			sbuf_printf(&w, "%s*%u=\"", attr, k);
		size_t head = w.len;
		while (i < n) {
			size_t used = param_char(v + i, n - i, ext, c, &clen);
			if (w.len > head && w.len + clen + !ext + 2 > HDR_WIDTH)
				break;
			sbuf_put(&w, c, clen);
			i += used;
		}
		if (!ext)
			sbuf_put(&w, "\"", 1);
		if (k)
			hl_append(h, ";");
		hl_word(h, w.s, w.len);
	}
	sbuf_free(&w);
}

/* ---- the headers ------------------------------------------------------ */

static const char *const weekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* The given date, or now (today.c's clock, so a pinned today shows) as
 * "Tue, 24 Nov 2026 10:00:00 +0000". */
static int put_date(struct sbuf *out, const char *date, char *err, size_t errlen)
{
	if (date && *date) {
		sbuf_printf(out, "Date: %s\r\n", date);
		return 0;
	}
	char now[21];
	int y, mo, d, hh, mi, ss;
	now_utc(now);
	if (sscanf(now, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &hh, &mi, &ss) != 6 || mo < 1 || mo > 12)
		return fail(err, errlen, "Date: the clock gave \"%s\"", now);
	day_t z = days_from_civil(y, mo, d);
	sbuf_printf(out, "Date: %s, %d %s %04d %02d:%02d:%02d +0000\r\n", weekdays[date_weekday(z)], d,
		    months[mo - 1], y, hh, mi, ss);
	return 0;
}

/* A list of addresses split on ',' or ';', blanks skipped; the first one
 * carries first_name. */
static int put_addresses(struct sbuf *out, const char *hdr, const char *list,
			 const char *first_name, char *err, size_t errlen)
{
	struct hline h;
	int count = 0;
	hl_start(&h, out, hdr);
	for (const char *p = list ? list : ""; *p;) {
		size_t n = strcspn(p, ",;"), len = n;
		const char *a = p;
		trim(&a, &len);
		p += n + (p[n] != '\0');
		if (!len)
			continue;
		if (!addr_ok(a, len))
			return fail(err, errlen, "%s: \"%.*s\" is not an e-mail address", hdr,
				    (int)(len < 60 ? len : 60), a);
		if (count++)
			hl_append(&h, ",");
		hl_mailbox(&h, count == 1 ? first_name : NULL, a, len);
	}
	if (!count)
		return fail(err, errlen, "%s: no address", hdr);
	hl_end(&h);
	return 0;
}

static int put_from(struct sbuf *out, const struct mime_mail *m, char *err, size_t errlen)
{
	const char *a = m->from_addr ? m->from_addr : "";
	size_t len = strlen(a);
	trim(&a, &len);
	if (!len)
		return fail(err, errlen, "From: no address");
	if (!addr_ok(a, len))
		return fail(err, errlen, "From: \"%.*s\" is not an e-mail address",
			    (int)(len < 60 ? len : 60), a);
	struct hline h;
	hl_start(&h, out, "From");
	hl_mailbox(&h, m->from_name, a, len);
	hl_end(&h);
	return 0;
}

static int put_message_id(struct sbuf *out, const char *id, char *err, size_t errlen)
{
	if (id && *id) {
		if (!addr_ok(id, strlen(id)))
			return fail(err, errlen, "Message-ID: \"%.60s\" is not left@right", id);
		sbuf_printf(out, "Message-ID: <%s>\r\n", id);
		return 0;
	}
	char u[UID_LEN + 1];
	uid_new(u);
	sbuf_printf(out, "Message-ID: <%s@relance>\r\n", u);
	return 0;
}

/* Headers this file writes itself: a second copy from the caller would
 * make the message ambiguous. */
static int reserved_header(const char *name, size_t n)
{
	static const char *const own[] = {"Date", "From", "To", "Reply-To", "Subject",
		"Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"};
	for (size_t i = 0; i < sizeof own / sizeof own[0]; i++)
		if (strlen(own[i]) == n && !strncasecmp(own[i], name, n))
			return 1;
	return 0;
}

/* The caller's extra lines, each "Name: value\n", checked and given CRLF. */
static int put_extra(struct sbuf *out, const char *hs, char *err, size_t errlen)
{
	for (const char *p = hs; *p;) {
		const char *nl = strchr(p, '\n');
		if (!nl)
			return fail(err, errlen, "extra header \"%.40s\" does not end with a newline", p);
		size_t n = (size_t)(nl - p), name = 0;
		while (name < n && p[name] > 0x20 && p[name] < 0x7f && p[name] != ':')
			name++;
		if (!name || name == n || p[name] != ':')
			return fail(err, errlen, "extra header \"%.*s\" is not \"Name: value\"",
				    (int)(n < 40 ? n : 40), p);
		for (size_t i = name + 1; i < n; i++) {
			unsigned char c = (unsigned char)p[i];
			if (c == '\r')
				return fail(err, errlen, "%.*s: a line break in the value", (int)name, p);
			if ((c < 0x20 && c != '\t') || c > 0x7e)
				return fail(err, errlen, "%.*s: not printable ASCII", (int)name, p);
		}
		if (n > 998)
			return fail(err, errlen, "%.*s: longer than 998 characters", (int)name, p);
		if (reserved_header(p, name))
			return fail(err, errlen, "%.*s: written by relance, not an extra header", (int)name, p);
		sbuf_put(out, p, n);
		sbuf_put(out, "\r\n", 2);
		p = nl + 1;
	}
	return 0;
}

/* ---- the body --------------------------------------------------------- */

/* The next quoted-printable token for s[i] at column col. Literal: printable
 * ASCII but '=', and spaces or tabs not ending the line. Also encoded at the
 * start of an encoded line: '.' (a lone "." ends the message for a sendmail
 * run without -i) and the 'F' of "From " (mbox readers mangle it). */
static size_t qp_token(const char *s, size_t n, size_t i, size_t col, char tok[3])
{
	unsigned char c = (unsigned char)s[i];
	int literal = (c > 0x20 && c < 0x7f && c != '=') || ((c == ' ' || c == '\t') && i + 1 < n);
	if (col == 0 && (c == '.' || (c == 'F' && n - i >= 5 && !memcmp(s + i, "From ", 5))))
		literal = 0;
	if (literal) {
		tok[0] = (char)c;
		return 1;
	}
	tok[0] = '=';
	tok[1] = hex_digits[c >> 4];
	tok[2] = hex_digits[c & 15];
	return 3;
}

/* One text line: at most 76 characters per encoded line, a soft break
 * '=' ending all but the last, CRLF after it. */
static void qp_line(struct sbuf *out, const char *s, size_t n)
{
	char tok[3];
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		size_t t = qp_token(s, n, i, col, tok);
		if (col + t > (i + 1 == n ? QP_MAX : QP_MAX - 1)) {
			sbuf_put(out, "=\r\n", 3);
			col = 0;
			t = qp_token(s, n, i, col, tok);
		}
		sbuf_put(out, tok, t);
		col += t;
	}
	sbuf_put(out, "\r\n", 2);
}

/* The text, each '\n' (or "\r\n") a hard line break; a last line without
 * one gets one. */
static void qp_body(struct sbuf *out, const char *text)
{
	for (const char *p = text ? text : ""; *p;) {
		size_t n = strcspn(p, "\n"), len = n;
		if (p[n] == '\n' && len && p[len - 1] == '\r')
			len--;
		qp_line(out, p, len);
		p += n + (p[n] == '\n');
	}
}

static void b64_body(struct sbuf *out, const unsigned char *d, size_t n)
{
	char line[B64_LINE + 2];
	size_t col = 0;
	for (size_t i = 0; i < n; i += 3) {
		b64_quantum(d + i, n - i < 3 ? n - i : 3, line + col);
		col += 4;
		if (col == B64_LINE) {
			memcpy(line + col, "\r\n", 2);
			sbuf_put(out, line, col + 2);
			col = 0;
		}
	}
	if (col) {
		sbuf_put(out, line, col);
		sbuf_put(out, "\r\n", 2);
	}
}

static const char text_part[] = "Content-Type: text/plain; charset=UTF-8\r\n"
				"Content-Transfer-Encoding: quoted-printable\r\n\r\n";

/* "type/subtype", tokens both, then optional printable "; parameters". */
static int content_type_ok(const char *t)
{
	const unsigned char *p = (const unsigned char *)t;
	for (int part = 0; part < 2; part++) {
		size_t n = 0;
		while (p[n] > 0x20 && p[n] < 0x7f && !strchr("()<>@,;:\\\"/[]?=", p[n]))
			n++;
		if (!n || (part == 0 && p[n] != '/'))
			return 0;
		p += n + (part == 0);
	}
	return (*p == '\0' || *p == ';') && printable_ascii((const char *)p);
}

static int put_attachment(struct sbuf *out, const char *boundary,
			  const struct mime_attachment *a, size_t k, char *err, size_t errlen)
{
	const char *type = a->content_type && *a->content_type ? a->content_type
							       : "application/octet-stream";
	if (strpbrk(type, "\r\n"))
		return fail(err, errlen, "attachment %zu: a line break in its content type", k + 1);
	if (!content_type_ok(type))
		return fail(err, errlen, "attachment %zu: \"%.60s\" is not a content type", k + 1, type);
	if (a->filename && strpbrk(a->filename, "\r\n"))
		return fail(err, errlen, "attachment %zu: a line break in its file name", k + 1);
	if (a->len && !a->data)
		return fail(err, errlen, "attachment %zu: no data", k + 1);
	int named = a->filename && *a->filename;
	struct hline h;
	sbuf_printf(out, "\r\n--%s\r\n", boundary);
	hl_start(&h, out, "Content-Type");
	hl_word(&h, type, strlen(type));
	if (named)
		hl_param(&h, "name", a->filename);
	hl_end(&h);
	hl_start(&h, out, "Content-Disposition");
	hl_word(&h, "attachment", 10);
	if (named)
		hl_param(&h, "filename", a->filename);
	hl_end(&h);
	sbuf_puts(out, "Content-Transfer-Encoding: base64\r\n\r\n");
	b64_body(out, a->data, a->len);
	return 0;
}

/* multipart/mixed: the text, then each attachment. The boundary holds
 * "=_", which neither quoted-printable ('=' is followed by hex digits or
 * a line end) nor base64 can produce, and part headers never start a
 * line with "--". */
static int put_multipart(struct sbuf *out, const struct mime_mail *m, char *err, size_t errlen)
{
	if (!m->attachments)
		return fail(err, errlen, "%zu attachments but no array of them", m->nattachments);
	char u[UID_LEN + 1], boundary[sizeof "=_relance_" + UID_LEN];
	uid_new(u);
	snprintf(boundary, sizeof boundary, "=_relance_%s", u);
	struct hline h;
	hl_start(&h, out, "Content-Type");
	hl_word(&h, "multipart/mixed", 15);
	hl_param(&h, "boundary", boundary);
	hl_end(&h);
	sbuf_printf(out, "\r\nThis is a multi-part message in MIME format.\r\n--%s\r\n%s",
		    boundary, text_part);
	qp_body(out, m->body);
	for (size_t k = 0; k < m->nattachments; k++)
		if (put_attachment(out, boundary, &m->attachments[k], k, err, errlen))
			return -1;
	sbuf_printf(out, "\r\n--%s--\r\n", boundary);
	return 0;
}

static int check_line_breaks(const struct mime_mail *m, char *err, size_t errlen)
{
	const struct { const char *hdr, *v; } f[] = {
		{"Date", m->date}, {"From", m->from_name}, {"From", m->from_addr},
		{"To", m->to_name}, {"To", m->to}, {"Reply-To", m->reply_to},
		{"Subject", m->subject}, {"Message-ID", m->message_id},
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i].v && strpbrk(f[i].v, "\r\n"))
			return fail(err, errlen, "%s: a line break in the value", f[i].hdr);
	return 0;
}

static int build(const struct mime_mail *m, struct sbuf *out, char *err, size_t errlen)
{
	if (check_line_breaks(m, err, errlen) || put_date(out, m->date, err, errlen)
	    || put_from(out, m, err, errlen)
	    || put_addresses(out, "To", m->to, m->to_name, err, errlen))
		return -1;
	if (m->reply_to && *m->reply_to
	    && put_addresses(out, "Reply-To", m->reply_to, NULL, err, errlen))
		return -1;
	if (m->subject && *m->subject)
		put_unstructured(out, "Subject", m->subject);
	if (put_message_id(out, m->message_id, err, errlen))
		return -1;
	sbuf_puts(out, "MIME-Version: 1.0\r\n");
	if (m->headers && put_extra(out, m->headers, err, errlen))
		return -1;
	if (m->nattachments)
		return put_multipart(out, m, err, errlen);
	sbuf_puts(out, text_part);
	qp_body(out, m->body);
	return 0;
}

/* On failure nothing is left appended to out. */
int mime_build(const struct mime_mail *m, struct sbuf *out, char *err, size_t errlen)
{
	size_t start = out->len;
	if (build(m, out, err, errlen) == 0)
		return 0;
	out->len = start;
	if (out->s)
		out->s[start] = '\0';
	return -1;
}

/* ---- handing it over -------------------------------------------------- */

/* A copy of fd numbered 3 or above, close-on-exec; the original closed.
 * So a caller started with 0, 1 or 2 closed cannot have a pipe end
 * clobbered by the child's dup2 onto them. */
static int fd_high(int fd)
{
	if (fd < 0)
		return -1;
	int hi = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	int e = errno;
	close(fd);
	errno = e;
	return hi;
}

static void fd_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static int pipe_high(int fd[2])
{
	int p[2];
	if (pipe(p) != 0)
		return -1;
	fd[0] = fd_high(p[0]);
	fd[1] = fd_high(p[1]);
	if (fd[0] < 0 || fd[1] < 0) {
		int e = errno;
		fd_close(&fd[0]);
		fd_close(&fd[1]);
		errno = e;
		return -1;
	}
	return 0;
}

/* The child's descriptors: our ends of three pipes (its stdin, its
 * stderr, a close-on-exec pipe that carries errno back if exec fails) and
 * /dev/null for its stdout, which must not scribble over a full screen. */
struct child_fds {
	int in[2], err[2], exec[2], null;
};

__attribute__((noreturn))
static void child_run(const char *command, struct child_fds *f)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (dup2(f->in[0], 0) < 0 || dup2(f->null, 1) < 0 || dup2(f->err[1], 2) < 0)
		goto failed;
	/* all are close-on-exec and at 3 or above already; closed here anyway */
	close(f->in[0]), close(f->in[1]), close(f->err[0]), close(f->err[1]);
	close(f->null), close(f->exec[0]);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
failed:;
	int e = errno;
	ssize_t w = write(f->exec[1], &e, sizeof e);
	(void)w;
	_exit(127);
}

/* The exchange with a running child: the message to its stdin, its
 * stderr into cap, both at once so neither side can block the other. */
struct talk {
	int in, err;          /* our ends; -1 once closed */
	const char *msg;
	size_t len, off;
	int write_errno;      /* a write failure other than EPIPE */
	char cap[1024];       /* the start of its stderr; the rest is read and dropped */
	size_t ncap;
};

static void set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/* Writes a piece of the message; closes stdin when all is written or the
 * reader is gone (EPIPE: it may well exit 0 without reading, which is its
 * business). */
static void talk_feed(struct talk *t)
{
	size_t n = t->len - t->off < 65536 ? t->len - t->off : 65536;
	ssize_t w = write(t->in, t->msg + t->off, n);
	if (w > 0)
		t->off += (size_t)w;
	else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return;
	else if (w < 0 && errno != EPIPE)
		t->write_errno = errno;
	if (w <= 0 || t->off == t->len)
		fd_close(&t->in);
}

/* Reads what stderr has; 1 when it read, 0 when it had nothing yet; closes
 * it at end of file. */
static int talk_drain(struct talk *t)
{
	char buf[4096];
	ssize_t r = read(t->err, buf, sizeof buf);
	if (r > 0) {
		size_t keep = sizeof t->cap - t->ncap;
		if (keep > (size_t)r)
			keep = (size_t)r;
		memcpy(t->cap + t->ncap, buf, keep);
		t->ncap += keep;
		return 1;
	}
	if (r < 0 && errno == EINTR)
		return 1;
	if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	fd_close(&t->err);
	return 0;
}

/* Runs the exchange until both pipes are done, or the child has exited
 * while something it left behind (a background job) still holds them.
 * Returns 1 and *status when the child was reaped here. */
static int talk_run(struct talk *t, pid_t pid, int *status)
{
	set_nonblock(t->in);
	set_nonblock(t->err);
	if (t->len == 0)
		fd_close(&t->in);
	while (t->in >= 0 || t->err >= 0) {
		struct pollfd p[2];
		nfds_t n = 0;
		int pi = -1, pe = -1;
		if (t->in >= 0)
			pi = (int)n, p[n++] = (struct pollfd){.fd = t->in, .events = POLLOUT};
		if (t->err >= 0)
			pe = (int)n, p[n++] = (struct pollfd){.fd = t->err, .events = POLLIN};
		int r = poll(p, n, 100);
		if (r < 0 && errno != EINTR)
			break;
		if (r == 0 && waitpid(pid, status, WNOHANG) == pid) {
			while (t->err >= 0 && talk_drain(t))
				;
			return 1;
		}
		if (r <= 0)
			continue;
		if (pi >= 0 && p[pi].revents)
			talk_feed(t);
		if (pe >= 0 && p[pe].revents)
			talk_drain(t);
	}
	return 0;
}

/* The first non-blank line of what it wrote on stderr, trailing blanks
 * dropped, control characters shown as '?', cut between UTF-8 characters
 * when it does not fit. */
static void first_line(const char *s, size_t n, char *out, size_t size)
{
	size_t b = 0, e = 0;
	for (; b < n; b = e + 1) {
		for (e = b; e < n && s[e] != '\n';)
			e++;
		while (e > b && strchr(" \t\r", s[e - 1]))
			e--;
		if (e > b)
			break;
	}
	size_t len = b < n ? e - b : 0;
	if (len > size - 1) {
		len = size - 1;
		while (len && ((unsigned char)s[b + len] & 0xc0) == 0x80)
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[b + i];
		out[i] = c == '\t' ? ' ' : c < 0x20 || c == 0x7f ? '?' : (char)c;
	}
	out[len] = '\0';
}

static int wait_child(pid_t pid, int *status)
{
	pid_t r;
	do
		r = waitpid(pid, status, 0);
	while (r < 0 && errno == EINTR);
	return r == pid ? 0 : -1;
}

/* What became of the child, in err. */
static int report(int status, const struct talk *t, char *err, size_t errlen)
{
	char line[200];
	first_line(t->cap, t->ncap, line, sizeof line);
	const char *sep = *line ? ": " : "";
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		if (t->write_errno)
			return fail(err, errlen, "could not write the message to it: %s",
				    strerror(t->write_errno));
		return 0;
	}
	if (WIFEXITED(status))
		return fail(err, errlen, "exited with status %d%s%s", WEXITSTATUS(status), sep, line);
	if (WIFSIGNALED(status))
		return fail(err, errlen, "killed by signal %d (%s)%s%s", WTERMSIG(status),
			    strsignal(WTERMSIG(status)), sep, line);
	return fail(err, errlen, "stopped with wait status %d%s%s", status, sep, line);
}

int mime_send(const char *command, const char *msg, size_t len, char *err, size_t errlen)
{
	if (!command || !*command)
		return fail(err, errlen, "could not run: no command");
	struct child_fds f = {{-1, -1}, {-1, -1}, {-1, -1}, -1};
	if (pipe_high(f.in) || pipe_high(f.err) || pipe_high(f.exec)
	    || (f.null = fd_high(open("/dev/null", O_WRONLY))) < 0) {
		int e = errno;
		fd_close(&f.in[0]), fd_close(&f.in[1]), fd_close(&f.err[0]), fd_close(&f.err[1]);
		fd_close(&f.exec[0]), fd_close(&f.exec[1]);
		return fail(err, errlen, "could not run: %s", strerror(e));
	}
	pid_t pid = fork();
	if (pid == 0)
		child_run(command, &f);
	int fork_errno = errno;
	fd_close(&f.in[0]), fd_close(&f.err[1]), fd_close(&f.exec[1]), fd_close(&f.null);
	struct talk t = {.in = f.in[1], .err = f.err[0], .msg = msg, .len = msg ? len : 0};
	if (pid < 0) {
		fd_close(&t.in), fd_close(&t.err), fd_close(&f.exec[0]);
		return fail(err, errlen, "could not run: fork: %s", strerror(fork_errno));
	}

	int exec_errno = 0, status = 0;
	ssize_t r;
	do
		r = read(f.exec[0], &exec_errno, sizeof exec_errno);
	while (r < 0 && errno == EINTR);
	fd_close(&f.exec[0]);
	if (r == (ssize_t)sizeof exec_errno) {
		fd_close(&t.in), fd_close(&t.err);
		wait_child(pid, &status);
		return fail(err, errlen, "could not run /bin/sh: %s", strerror(exec_errno));
	}

	/* A reader that goes away must give us EPIPE, not kill the program:
	 * SIGPIPE ignored for the exchange only, and only in this process
	 * (the child was forked before, its disposition is untouched). */
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	int reaped = talk_run(&t, pid, &status);
	fd_close(&t.in), fd_close(&t.err);
	sigaction(SIGPIPE, &old, NULL);

	if (!reaped && wait_child(pid, &status) != 0)
		return fail(err, errlen, "could not wait for it: %s", strerror(errno));
	return report(status, &t, err, errlen);
}
