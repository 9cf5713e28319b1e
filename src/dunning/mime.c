/* mime.c — owns what an outgoing e-mail says and checks that relance
 * may say it: plain addresses, no line breaks in header values, extra
 * headers of its own. GMime writes it: header encoding and folding (RFC
 * 5322, RFC 2047 encoded-words, RFC 2231 parameters), the quoted-printable
 * text part, base64 attachments, the multipart envelope, CRLF line ends.
 * It never decides who gets mail or what it says, and never reads the
 * clock itself (today.c does). mail_send.c hands the result over. */
#include "mime.h"

#include <gmime/gmime.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/lib.h"

#define CHARSET "UTF-8" /* of every text, name and file name written */

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

/* GMime is set up once, on the first message, and let go at exit.
 * g_mime_init ignores SIGPIPE for the whole process (for its crypto
 * pipes, which relance does not use): the disposition is put back, so a
 * reader of relance's output that goes away still ends it as before. */
static void gmime_start(void)
{
	static int started;
	if (started)
		return;
	started = 1;
	struct sigaction pipe_was;
	sigaction(SIGPIPE, NULL, &pipe_was);
	g_mime_init();
	sigaction(SIGPIPE, &pipe_was, NULL);
	atexit(g_mime_shutdown);
}

static void trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* A plain addr-spec, local@domain, as GMime reads it: one mailbox without
 * a name whose address is the text itself. relance writes no quoted local
 * parts and no non-ASCII (SMTPUTF8) addresses: printable ASCII without
 * blanks, quotes or backslashes. Also the shape of a Message-ID. */
static int addr_ok(const char *a)
{
	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
			return 0;
	const char *at = strchr(a, '@');
	if (!at || at == a || !at[1])
		return 0;
	InternetAddressList *l = internet_address_list_parse(NULL, a);
	InternetAddress *ia = l && internet_address_list_length(l) == 1
		? internet_address_list_get_address(l, 0) : NULL;
	const char *name = ia ? internet_address_get_name(ia) : NULL;
	int ok = ia && INTERNET_ADDRESS_IS_MAILBOX(ia) && (!name || !*name)
		&& !strcmp(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)), a);
	if (l)
		g_object_unref(l);
	return ok;
}

/* The trimmed address a[0..n) checked and added to list with its name. */
static int add_mailbox(InternetAddressList *list, const char *hdr, const char *name,
		       const char *a, size_t n, char *err, size_t errlen)
{
	char *addr = g_strndup(a, n);
	if (!addr_ok(addr)) {
		fail(err, errlen, "%s: \"%.*s\" is not an e-mail address", hdr, (int)(n < 60 ? n : 60), a);
		g_free(addr);
		return -1;
	}
	InternetAddress *ia = internet_address_mailbox_new(name && *name ? name : NULL, addr);
	internet_address_set_charset(ia, CHARSET);
	internet_address_list_add(list, ia);
	g_object_unref(ia);
	g_free(addr);
	return 0;
}

/* A list of addresses split on ',' or ';', blanks skipped; the first one
 * carries first_name. */
static int add_addresses(InternetAddressList *list, const char *hdr, const char *s,
			 const char *first_name, char *err, size_t errlen)
{
	int count = 0;
	for (const char *p = s ? s : ""; *p;) {
		size_t n = strcspn(p, ",;"), len = n;
		const char *a = p;
		trim(&a, &len);
		p += n + (p[n] != '\0');
		if (!len)
			continue;
		if (add_mailbox(list, hdr, count ? NULL : first_name, a, len, err, errlen))
			return -1;
		count++;
	}
	return count ? 0 : fail(err, errlen, "%s: no address", hdr);
}

static int set_from(GMimeMessage *msg, const struct mime_mail *m, char *err, size_t errlen)
{
	const char *a = m->from_addr ? m->from_addr : "";
	size_t len = strlen(a);
	trim(&a, &len);
	if (!len)
		return fail(err, errlen, "From: no address");
	return add_mailbox(g_mime_message_get_from(msg), "From", m->from_name, a, len, err, errlen);
}

/* The given date as it is, or now (today.c's clock, so a pinned today
 * shows) written by GMime. */
static int set_date(GMimeMessage *msg, const char *date, char *err, size_t errlen)
{
	if (date && *date) {
		g_mime_object_set_header(GMIME_OBJECT(msg), "Date", date, NULL);
		return 0;
	}
	char now[21];
	now_utc(now);
	char *iso = g_strdup_printf("%.19sZ", now);
	GTimeZone *utc = g_time_zone_new_utc();
	GDateTime *t = g_date_time_new_from_iso8601(iso, utc);
	g_time_zone_unref(utc);
	g_free(iso);
	if (!t)
		return fail(err, errlen, "Date: the clock gave \"%s\"", now);
	g_mime_message_set_date(msg, t);
	g_date_time_unref(t);
	return 0;
}

static int set_message_id(GMimeMessage *msg, const char *id, char *err, size_t errlen)
{
	if (id && *id) {
		if (!addr_ok(id))
			return fail(err, errlen, "Message-ID: \"%.60s\" is not left@right", id);
		g_mime_message_set_message_id(msg, id);
		return 0;
	}
	char u[UID_LEN + 1], own[UID_LEN + sizeof "@relance"];
	uid_new(u);
	snprintf(own, sizeof own, "%s@relance", u);
	g_mime_message_set_message_id(msg, own);
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

/* The caller's extra lines, each "Name: value\n", checked and added. */
static int add_extra(GMimeMessage *msg, const char *hs, char *err, size_t errlen)
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
		char *k = g_strndup(p, name), *v = g_strndup(p + name + 1, n - name - 1);
		g_mime_object_append_header(GMIME_OBJECT(msg), k, g_strstrip(v), NULL);
		g_free(k);
		g_free(v);
		p = nl + 1;
	}
	return 0;
}

/* bytes as the content of part, written with encoding; through filter
 * (or as they are) when GMime reads them. */
static void set_content(GMimePart *part, const void *bytes, size_t len, GMimeFilter *filter,
			GMimeContentEncoding encoding)
{
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(bytes, len);
	if (filter) {
		GMimeStream *f = g_mime_stream_filter_new(s);
		g_mime_stream_filter_add(GMIME_STREAM_FILTER(f), filter);
		g_object_unref(s);
		s = f;
	}
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(part, w);
	g_mime_part_set_content_encoding(part, encoding);
	g_object_unref(w);
	g_object_unref(s);
}

/* The text in quoted-printable UTF-8; a "\r\n" in it is a line end like
 * '\n' (GMime's dos2unix filter, which also ends the last line). */
static GMimeObject *text_part(const char *body)
{
	GMimeTextPart *t = g_mime_text_part_new_with_subtype("plain");
	g_mime_text_part_set_charset(t, CHARSET);
	const char *b = body ? body : "";
	GMimeFilter *crlf = g_mime_filter_dos2unix_new(TRUE);
	set_content(GMIME_PART(t), b, strlen(b), *b ? crlf : NULL, GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	g_object_unref(crlf);
	return GMIME_OBJECT(t);
}

static void on_warning(gint64 offset, GMimeParserWarning code, const gchar *item, gpointer flag)
{
	(void)offset, (void)item;
	if (code == GMIME_WARN_INVALID_CONTENT_TYPE || code == GMIME_WARN_INVALID_PARAMETER)
		*(int *)flag = 1;
}

/* "type/subtype; parameters" read by GMime, NULL when it is not one. */
static GMimeContentType *content_type(const char *s)
{
	int bad = 0;
	GMimeParserOptions *o = g_mime_parser_options_new();
	g_mime_parser_options_set_warning_callback(o, on_warning, &bad);
	GMimeContentType *ct = g_mime_content_type_parse(o, s);
	g_mime_parser_options_free(o);
	if (ct && bad) {
		g_object_unref(ct);
		ct = NULL;
	}
	return ct;
}

/* The file name in the part's two headers (name= and filename=), in
 * RFC 2231 UTF-8 when it is not ASCII. */
static void set_filename(GMimePart *part, const char *filename)
{
	g_mime_part_set_filename(part, filename);
	GMimeParamList *lists[] = {
		g_mime_content_type_get_parameters(g_mime_object_get_content_type(GMIME_OBJECT(part))),
		g_mime_content_disposition_get_parameters(g_mime_object_get_content_disposition(GMIME_OBJECT(part))),
	};
	const char *names[] = {"name", "filename"};
	for (int i = 0; i < 2; i++) {
		GMimeParam *p = lists[i] ? g_mime_param_list_get_parameter(lists[i], names[i]) : NULL;
		if (p)
			g_mime_param_set_charset(p, CHARSET);
	}
}

static int add_attachment(GMimeMultipart *mp, const struct mime_attachment *a, size_t k,
			  char *err, size_t errlen)
{
	const char *type = a->content_type && *a->content_type ? a->content_type
							       : "application/octet-stream";
	if (strpbrk(type, "\r\n"))
		return fail(err, errlen, "attachment %zu: a line break in its content type", k + 1);
	if (a->filename && strpbrk(a->filename, "\r\n"))
		return fail(err, errlen, "attachment %zu: a line break in its file name", k + 1);
	if (a->len && !a->data)
		return fail(err, errlen, "attachment %zu: no data", k + 1);
	GMimeContentType *ct = content_type(type);
	if (!ct)
		return fail(err, errlen, "attachment %zu: \"%.60s\" is not a content type", k + 1, type);
	GMimePart *part = g_mime_part_new();
	g_mime_object_set_content_type(GMIME_OBJECT(part), ct);
	g_object_unref(ct);
	g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
	if (a->filename && *a->filename)
		set_filename(part, a->filename);
	set_content(part, a->len ? (const void *)a->data : "", a->len, NULL, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_multipart_add(mp, GMIME_OBJECT(part));
	g_object_unref(part);
	return 0;
}

/* multipart/mixed: the text, then each attachment. */
static int set_multipart(GMimeMessage *msg, const struct mime_mail *m, char *err, size_t errlen)
{
	if (!m->attachments)
		return fail(err, errlen, "%zu attachments but no array of them", m->nattachments);
	GMimeMultipart *mp = g_mime_multipart_new_with_subtype("mixed");
	g_mime_multipart_set_prologue(mp, "This is a multi-part message in MIME format.");
	GMimeObject *text = text_part(m->body);
	g_mime_multipart_add(mp, text);
	g_object_unref(text);
	int rc = 0;
	for (size_t k = 0; k < m->nattachments && !rc; k++)
		rc = add_attachment(mp, &m->attachments[k], k, err, errlen);
	if (!rc)
		g_mime_message_set_mime_part(msg, GMIME_OBJECT(mp));
	g_object_unref(mp);
	return rc;
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

/* The message's headers in the order readers show them, then its part. */
static int fill(GMimeMessage *msg, const struct mime_mail *m, char *err, size_t errlen)
{
	if (check_line_breaks(m, err, errlen) || set_date(msg, m->date, err, errlen)
	    || set_from(msg, m, err, errlen)
	    || add_addresses(g_mime_message_get_addresses(msg, GMIME_ADDRESS_TYPE_TO), "To", m->to,
			     m->to_name, err, errlen))
		return -1;
	if (m->reply_to && *m->reply_to
	    && add_addresses(g_mime_message_get_reply_to(msg), "Reply-To", m->reply_to, NULL, err, errlen))
		return -1;
	if (m->subject && *m->subject)
		g_mime_message_set_subject(msg, m->subject, CHARSET);
	if (set_message_id(msg, m->message_id, err, errlen))
		return -1;
	if (m->headers && add_extra(msg, m->headers, err, errlen))
		return -1;
	if (m->nattachments)
		return set_multipart(msg, m, err, errlen);
	GMimeObject *text = text_part(m->body);
	g_mime_message_set_mime_part(msg, text);
	g_object_unref(text);
	return 0;
}

/* msg as bytes with CRLF line ends, appended to out. A line of the text
 * that starts with "From " is written "=46rom " (GMime's armor filter):
 * mbox readers would otherwise mangle it. */
static void write_out(GMimeMessage *msg, struct sbuf *out)
{
	GMimeFormatOptions *fo = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
	GMimeStream *mem = g_mime_stream_mem_new();
	GMimeStream *f = g_mime_stream_filter_new(mem);
	GMimeFilter *from = g_mime_filter_from_new(GMIME_FILTER_FROM_MODE_ARMOR);
	g_mime_stream_filter_add(GMIME_STREAM_FILTER(f), from);
	g_object_unref(from);
	g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, f);
	g_mime_stream_flush(f);
	GByteArray *b = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	sbuf_put(out, (const char *)b->data, b->len);
	g_object_unref(f);
	g_object_unref(mem);
	g_mime_format_options_free(fo);
}

/* On failure nothing is appended to out. */
int mime_build(const struct mime_mail *m, struct sbuf *out, char *err, size_t errlen)
{
	gmime_start();
	GMimeMessage *msg = g_mime_message_new(FALSE);
	int rc = fill(msg, m, err, errlen);
	if (rc == 0)
		write_out(msg, out);
	g_object_unref(msg);
	return rc;
}
