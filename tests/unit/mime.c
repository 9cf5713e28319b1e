/* mime.c — e-mail messages as built and sent: headers present and in
 * order, the Date from a pinned today with its weekday, a generated
 * Message-ID; subjects and names read back by GMime's parser (ASCII left
 * plain, text with blanks folded in encoded-words of at most 75 characters
 * that never cut a UTF-8 character); the quoted-printable text decoded
 * back ('=', accents, trailing blanks, long lines, "From " at a line
 * start, CRLF input); every line CRLF-ended and within 78 (998 where
 * GMime writes longer, see below);
 * refused input (line breaks in values, no or bad addresses, bad extra
 * headers) leaving the buffer as it was; multipart with attachments (NUL
 * bytes base64-decoded back, RFC 2231 names, continuations); and
 * mime_send against sh: the message delivered byte for byte, exit
 * statuses, the first stderr line, a signal, readers that do not read,
 * talkers that fill stderr, a background job holding the pipes, SIGPIPE
 * left as it was. */
#include "dunning/mime.h"
#include "tap.h"
#include "base/lib.h"

#include <gmime/gmime.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

/* ---- decoding what mime.c writes ---------------------------------------- */

static int b64_value(int c)
{
	const char *a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = c ? strchr(a, c) : NULL;
	return p ? (int)(p - a) : -1;
}

/* Base64 s[0..n) into out (CR and LF skipped); the length, or -1. */
static long b64_decode(const char *s, size_t n, unsigned char *out)
{
	unsigned long acc = 0;
	int bits = 0, pad = 0;
	long k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' || s[i] == '\n')
			continue;
		if (s[i] == '=') {
			pad++;
			continue;
		}
		int v = b64_value((unsigned char)s[i]);
		if (v < 0 || pad)
			return -1;
		acc = (acc << 6 | (unsigned long)v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[k++] = (unsigned char)(acc >> bits);
		}
	}
	return k;
}

static int hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Quoted-printable s[0..n) back to text with '\n' line ends; -1 on a bad
 * escape or a bare CR or LF. */
static int qp_decode(const char *s, size_t n, struct sbuf *out)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '=') {
			if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
				i += 2;
				continue;
			}
			if (i + 2 >= n || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0)
				return -1;
			char c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			sbuf_put(out, &c, 1);
			i += 2;
		} else if (s[i] == '\r') {
			if (i + 1 >= n || s[i + 1] != '\n')
				return -1;
			sbuf_put(out, "\n", 1);
			i++;
		} else if (s[i] == '\n') {
			return -1;
		} else {
			sbuf_put(out, s + i, 1);
		}
	}
	return 0;
}

/* The message as GMime's parser reads it; NULL when it cannot. */
static GMimeMessage *parse(const char *msg)
{
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(msg, strlen(msg));
	GMimeParser *p = g_mime_parser_new_with_stream(s);
	GMimeMessage *m = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	g_object_unref(s);
	return m;
}

static int is_ew(const char *p, size_t n)
{
	return n > 4 && !strncmp(p, "=?", 2) && !strncmp(p + n - 2, "?=", 2);
}

/* The Subject of msg decoded (a new string, "" when none): each
 * encoded-word alone by GMime, the blanks between two of them dropped,
 * other text as it is. Not g_mime_message_get_subject: GMime 3.2 reads
 * adjacent base64 words as one, and text after a word ending in '='
 * padding is lost (Python's email package reads them right). */
static char *header(const char *msg, const char *name);
static char *subject_of(const char *msg)
{
	char *v = header(msg, "Subject");
	struct sbuf d = {0};
	sbuf_put(&d, "", 0);
	int prev_ew = 0;
	for (const char *p = v ? v : ""; *p;) {
		size_t b = strspn(p, " \t"), n = strcspn(p + b, " \t");
		if (!n)
			break;
		int ew = is_ew(p + b, n);
		if (!(ew && prev_ew))
			sbuf_put(&d, p, b);
		char *w = strndup(p + b, n);
		char *t = ew ? g_mime_utils_header_decode_text(NULL, w) : NULL;
		sbuf_puts(&d, t ? t : w);
		g_free(t);
		free(w);
		prev_ew = ew;
		p += b + n;
	}
	free(v);
	return d.s;
}

/* "name|addr" of the k-th mailbox of header hdr (From, To), decoded. */
static char *mailbox(const char *msg, const char *hdr, int k)
{
	GMimeMessage *m = parse(msg);
	InternetAddressList *l = !m ? NULL : !strcmp(hdr, "From") ? g_mime_message_get_from(m)
		: g_mime_message_get_addresses(m, GMIME_ADDRESS_TYPE_TO);
	InternetAddress *ia = l && k < internet_address_list_length(l)
		? internet_address_list_get_address(l, k) : NULL;
	char *s = NULL;
	if (ia && INTERNET_ADDRESS_IS_MAILBOX(ia)) {
		const char *name = internet_address_get_name(ia);
		const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
		s = malloc(strlen(name ? name : "") + strlen(addr) + 2);
		sprintf(s, "%s|%s", name ? name : "", addr);
	}
	if (m)
		g_object_unref(m);
	return s ? s : strdup("(none)");
}

/* The encoded-words of a raw header value: *longest = the longest, *cut
 * = 1 if one of them, decoded alone, is not whole UTF-8 characters. */
static void ew_shape(const char *v, size_t *longest, int *cut)
{
	*longest = 0;
	*cut = 0;
	for (const char *p = v; *p;) {
		p += strspn(p, " \t");
		size_t n = strcspn(p, " \t");
		if (is_ew(p, n)) {
			char *w = strndup(p, n);
			char *d = g_mime_utils_header_decode_text(NULL, w);
			*cut |= !g_utf8_validate(d, -1, NULL) || strstr(d, "\xef\xbf\xbd") != NULL;
			*longest = n > *longest ? n : *longest;
			g_free(d);
			free(w);
		}
		p += n;
	}
}

/* The unfolded value of header `name` in the header block of msg (up to
 * the first empty line), leading blanks dropped; NULL when absent. The
 * caller frees it. */
static char *header(const char *msg, const char *name)
{
	const char *end = strstr(msg, "\r\n\r\n");
	size_t nlen = strlen(name);
	for (const char *p = msg; p && (!end || p <= end); p = strstr(p, "\r\n"), p = p ? p + 2 : p) {
		if (strncasecmp(p, name, nlen) || p[nlen] != ':')
			continue;
		struct sbuf v = {0};
		const char *q = p + nlen + 1;
		q += strspn(q, " \t");
		for (;;) {
			size_t n = strcspn(q, "\r");
			sbuf_put(&v, q, n);
			q += n;
			if (strncmp(q, "\r\n", 2) || (q[2] != ' ' && q[2] != '\t'))
				break;
			q += 2; /* unfolding: CRLF goes, the blank stays */
		}
		if (!v.s)
			sbuf_put(&v, "", 0);
		return v.s;
	}
	return NULL;
}

/* 0 when every line of s[0..n) ends with CRLF and holds at most max
 * characters; otherwise the number of the first line that does not. */
static int lines_ok(const char *s, size_t n, size_t max)
{
	int line = 1;
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
			if (i - start > max)
				return line;
			line++;
			start = i + 2;
			i++;
		} else if (s[i] == '\r' || s[i] == '\n') {
			return line;
		}
	}
	return start == n ? 0 : line;
}

static const char *body_of(const char *msg)
{
	const char *p = strstr(msg, "\r\n\r\n");
	return p ? p + 4 : "";
}

static int count(const char *s, const char *what)
{
	int k = 0;
	for (const char *p = strstr(s, what); p; p = strstr(p + 1, what))
		k++;
	return k;
}

/* The text a QP body decodes to, or "(bad quoted-printable)". */
static char *qp_text(const char *s, size_t n)
{
	struct sbuf t = {0};
	sbuf_put(&t, "", 0);
	if (qp_decode(s, n, &t)) {
		t.len = 0;
		sbuf_puts(&t, "(bad quoted-printable)");
	}
	return t.s;
}

static char *build(const struct mime_mail *m, int *rc, char *err, size_t errlen)
{
	struct sbuf b = {0};
	*rc = mime_build(m, &b, err, errlen);
	if (!b.s)
		sbuf_put(&b, "", 0);
	return b.s;
}

static struct mime_mail plain_mail(void)
{
	struct mime_mail m = {
		.from_name = "Cabinet Martin", .from_addr = "compta@martin.example",
		.to_name = "Jean Dupont", .to = " jean@dupont.example ; ,achats@dupont.example;",
		.reply_to = "relances@martin.example", .subject = "Facture F-2026-001 : rappel",
		.body = "Bonjour,\n\nMerci.\n", .date = "Tue, 24 Nov 2026 10:00:00 +0000",
		.message_id = "abc@relance", .headers = "X-Relance-Account: 42\nX-Mailer: relance\n",
	};
	return m;
}

/* is_str on a header, freeing it. */
static void is_header(const char *msg, const char *name, const char *want)
{
	char *v = header(msg, name);
	is_str(v, want, "%s: %s", name, want);
	free(v);
}

/* ---- the tests ------------------------------------------------------------ */

static void test_plain(void)
{
	struct mime_mail m = plain_mail();
	char err[256] = "";
	int rc;
	char *msg = build(&m, &rc, err, sizeof err);
	is_int(rc, 0, "a plain message builds (%s)", err);
	const char *start = "Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nFrom: ";
	ok(!strncmp(msg, start, strlen(start)), "Date first, the given one, then From");
	is_header(msg, "From", "Cabinet Martin <compta@martin.example>");
	is_header(msg, "To", "Jean Dupont <jean@dupont.example>, achats@dupont.example");
	is_header(msg, "Reply-To", "relances@martin.example");
	is_header(msg, "Subject", "Facture F-2026-001 : rappel");
	is_header(msg, "Message-ID", "<abc@relance>");
	is_header(msg, "MIME-Version", "1.0");
	is_header(msg, "X-Relance-Account", "42");
	is_header(msg, "X-Mailer", "relance");
	is_header(msg, "Content-Type", "text/plain; charset=UTF-8");
	is_header(msg, "Content-Transfer-Encoding", "quoted-printable");
	is_int(lines_ok(msg, strlen(msg), 78), 0, "every line CRLF, at most 78");
	char *text = qp_text(body_of(msg), strlen(body_of(msg)));
	is_str(text, m.body, "the body decodes back");
	free(text);
	free(msg);

	m.from_name = "Dupont, Jean \"JD\"";
	m.reply_to = NULL;
	m.to_name = NULL;
	m.to = "a@b.example,c@d.example";
	msg = build(&m, &rc, err, sizeof err);
	is_header(msg, "From", "\"Dupont, Jean \\\"JD\\\"\" <compta@martin.example>");
	is_header(msg, "To", "a@b.example, c@d.example");
	ok(!header(msg, "Reply-To"), "no Reply-To when none is given");
	free(msg);

	m.from_name = NULL;
	m.subject = "  two  spaces =?not encoded?= ";
	msg = build(&m, &rc, err, sizeof err);
	is_header(msg, "From", "compta@martin.example");
	/* GMime drops the blanks at either end and writes ASCII that looks
	 * like an encoded-word as it is (one that is well-formed would be
	 * decoded by readers: see the report of the move to GMime) */
	char *v = subject_of(msg);
	is_str(v, "two  spaces =?not encoded?=", "ASCII reads back, inner blanks kept: %s", v);
	free(v);
	free(msg);
}

static void test_date_and_id(void)
{
	static const struct { const char *iso, *want; } days[] = {
		{"2026-11-24", "Tue, 24 Nov 2026 "}, {"1970-01-01", "Thu, 1 Jan 1970 "},
		{"2000-02-29", "Tue, 29 Feb 2000 "}, {"2024-03-01", "Fri, 1 Mar 2024 "},
		{"2026-01-04", "Sun, 4 Jan 2026 "}, {"1969-12-31", "Wed, 31 Dec 1969 "},
		{"2099-12-31", "Thu, 31 Dec 2099 "},
	};
	struct mime_mail m = plain_mail();
	m.date = NULL;
	m.message_id = NULL;
	char err[256];
	int rc;
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		today_set(days[i].iso);
		char *msg = build(&m, &rc, err, sizeof err);
		/* the weekday as written; the date as GMime reads it back */
		char *v = header(msg, "Date");
		GMimeMessage *pm = parse(msg);
		GDateTime *t = pm ? g_mime_message_get_date(pm) : NULL;
		char *ymd = t ? g_date_time_format(t, "%Y-%m-%d") : NULL;
		size_t n = strlen(v ? v : "");
		ok(v && !strncmp(v, days[i].want, 5) && ymd && !strcmp(ymd, days[i].iso)
		   && n > 6 && !strcmp(v + n - 6, " +0000"), "%s: %s", days[i].iso, v ? v : "(none)");
		g_free(ymd);
		if (pm)
			g_object_unref(pm);
		free(v);
		free(msg);
	}
	char *msg = build(&m, &rc, err, sizeof err);
	char *v = header(msg, "Message-ID");
	char id[UID_LEN + 1] = "";
	if (v && strlen(v) == UID_LEN + 10)
		memcpy(id, v + 1, UID_LEN);
	ok(v && v[0] == '<' && uid_valid(id) && !strcmp(v + 1 + UID_LEN, "@relance>"),
	   "a generated Message-ID: %s", v ? v : "(none)");
	free(v);
	free(msg);
}

/* The Subject of a message with subject s: reads back (blanks at its end
 * aside), words within 75, none cuts a character, all lines within 78.
 * long_run: s is a run of non-ASCII without blanks, which GMime 3.2 writes
 * as one encoded-word longer than 75 (it cuts words after 39 characters,
 * not bytes): only reading back and lines within 998 are checked. */
static void check_subject(const char *s, int min_lines, int long_run)
{
	struct mime_mail m = plain_mail();
	m.subject = s;
	char err[256] = "";
	int rc;
	char *msg = build(&m, &rc, err, sizeof err);
	char *v = header(msg, "Subject");
	char *d = subject_of(msg);
	size_t want = strlen(s);
	while (want && s[want - 1] == ' ')
		want--;
	size_t longest = 0;
	int cut = 1;
	ew_shape(v ? v : "", &longest, &cut);
	ok(v && longest > 0, "subject of %zu bytes: encoded-words", strlen(s));
	ok(strlen(d) == want && !strncmp(d, s, want), "it reads back: %s", d);
	if (!long_run)
		ok(longest <= 75, "encoded-words at most 75 characters (longest %zu)", longest);
	ok(!cut, "no encoded-word cuts a UTF-8 character");
	is_int(lines_ok(msg, strlen(msg), long_run ? 998 : 78), 0, "every line CRLF, at most %d",
	       long_run ? 998 : 78);
	const char *p = strstr(msg, "\r\nSubject:");
	int lines = 0;
	for (p = p ? p + 2 : NULL; p; p = strncmp(p, "\r\n ", 3) ? NULL : p + 3) {
		lines++;
		p += strcspn(p, "\r");
	}
	ok(lines >= min_lines, "folded on %d lines", lines);
	free(v);
	free(d);
	free(msg);
}

static void test_subjects(void)
{
	check_subject("Relance : facture impayée (échéance dépassée)", 2, 0);
	struct sbuf s = {0};
	for (int i = 0; i < 7; i++)
		sbuf_puts(&s, "Échéance € 😀 dépassée — 請求書 ");
	check_subject(s.s, 5, 0);
	/* every offset of 4-byte characters against the 42/45-byte word sizes */
	for (int shift = 0; shift < 4; shift++) {
		s.len = 0;
		sbuf_put(&s, "abc", (size_t)shift);
		for (int i = 0; i < 30; i++)
			sbuf_puts(&s, "😀");
		check_subject(s.s, 1, 1);
	}
	sbuf_free(&s);

	struct mime_mail m = plain_mail();
	m.from_name = "Société Générale";
	m.to_name = "Zoë Müller-Lüdenscheidt, née Ærø";
	char err[256];
	int rc;
	char *msg = build(&m, &rc, err, sizeof err);
	static const struct { const char *h; int k; const char *want; } names[] = {
		{"From", 0, "Société Générale|compta@martin.example"},
		{"To", 0, "Zoë Müller-Lüdenscheidt, née Ærø|jean@dupont.example"},
		{"To", 1, "|achats@dupont.example"},
	};
	for (int i = 0; i < 3; i++) {
		char *v = header(msg, names[i].h), *d = mailbox(msg, names[i].h, names[i].k);
		size_t longest;
		int cut;
		ew_shape(v ? v : "", &longest, &cut);
		ok(!strcmp(d, names[i].want) && (names[i].k || (longest > 0 && longest <= 75 && !cut)),
		   "%s: a non-ASCII name as encoded-words: %s", names[i].h, v ? v : "(none)");
		free(v);
		free(d);
	}
	is_int(lines_ok(msg, strlen(msg), 78), 0, "every line CRLF, at most 78");
	free(msg);

	s.len = 0;
	for (int i = 0; i < 30; i++)
		sbuf_puts(&s, "word ");
	m = plain_mail();
	m.subject = s.s;
	msg = build(&m, &rc, err, sizeof err);
	char *v = header(msg, "Subject");
	s.s[--s.len] = '\0'; /* GMime drops the last blank */
	is_str(v, s.s, "a long ASCII subject unfolds to itself, not encoded");
	is_int(lines_ok(msg, strlen(msg), 78), 0, "and is folded within 78");
	free(v);
	free(msg);
	sbuf_free(&s);
}

static void test_body(void)
{
	struct sbuf body = {0};
	sbuf_puts(&body, "Prix = 12 € HT, a==b\nété\ntrailing spaces   \ntab\t\n\n.\n..\nFrom the desk\n");
	for (int i = 0; i < 199; i++)
		sbuf_put(&body, i % 10 == 9 ? " " : "x", 1);
	sbuf_puts(&body, " \n");
	for (int i = 0; i < 100; i++)
		sbuf_puts(&body, "=");
	sbuf_puts(&body, "\n");
	for (int i = 0; i < 60; i++)
		sbuf_puts(&body, "é");
	sbuf_puts(&body, "\nwindows\r\nbare\rcr\n");
	for (int i = 0; i < 75; i++)
		sbuf_puts(&body, "y");
	sbuf_puts(&body, ".\nlast line without newline");

	struct mime_mail m = plain_mail();
	m.body = body.s;
	char err[256];
	int rc;
	char *msg = build(&m, &rc, err, sizeof err);
	const char *b = body_of(msg);
	char *text = qp_text(b, strlen(b));
	struct sbuf want = {0};
	sbuf_puts(&want, body.s);
	/* CRLF input is a line end like LF; a last line gets its line end */
	char *crlf = strstr(want.s, "windows\r\n");
	memmove(crlf + 7, crlf + 8, strlen(crlf + 8) + 1);
	want.len--;
	sbuf_puts(&want, "\n");
	is_str(text, want.s, "the quoted-printable body decodes back");
	is_int(lines_ok(b, strlen(b), 76), 0, "body lines at most 76, CRLF");
	ok(strstr(b, "Prix =3D 12 =E2=82=AC HT, a=3D=3Db\r\n=C3=A9t=C3=A9\r\n"), "'=' and UTF-8 bytes escaped");
	ok(strstr(b, "\r\ntrailing spaces  =20\r\ntab=09\r\n"), "trailing blanks escaped");
	/* GMime writes a lone "." as it is: the sendmail command reads to the
	 * end of its input (-oi, the default), see relancerc(5) */
	ok(strstr(b, "\r\n.\r\n..\r\n=46rom the desk\r\n"), "\"From \" at a line start escaped");
	int blank_end = 0;
	for (const char *p = strstr(b, "\r\n"); p; p = strstr(p + 2, "\r\n"))
		blank_end |= p > b && (p[-1] == ' ' || p[-1] == '\t');
	ok(!blank_end, "no encoded line ends with a blank");
	free(text);
	free(msg);

	m.body = "";
	msg = build(&m, &rc, err, sizeof err);
	ok(rc == 0 && !strcmp(body_of(msg), ""), "an empty body");
	free(msg);
	sbuf_free(&body);
	sbuf_free(&want);
}

/* Expects mime_build to refuse m with an error holding `want`, leaving
 * what the buffer held. */
static void refused(const struct mime_mail *m, const char *want, const char *what)
{
	struct sbuf b = {0};
	char err[256] = "";
	sbuf_puts(&b, "kept");
	int rc = mime_build(m, &b, err, sizeof err);
	ok(rc == -1 && strstr(err, want) && !strcmp(b.s, "kept"), "%s: refused (%s)", what, err);
	sbuf_free(&b);
}

static void test_refused(void)
{
	struct mime_mail m = plain_mail();
	m.subject = "Facture\nBcc: everyone@example.com";
	refused(&m, "Subject", "a newline in the subject");
	m = plain_mail();
	m.to_name = "Jean\r";
	refused(&m, "To", "a CR in the recipient's name");
	m = plain_mail();
	m.from_name = "x\ny";
	refused(&m, "From", "a newline in the sender's name");
	m = plain_mail();
	m.date = "Tue\r\n";
	refused(&m, "Date", "a newline in the date");
	m = plain_mail();
	m.to = " ; , ";
	refused(&m, "no address", "only separators");
	m.to = NULL;
	refused(&m, "no address", "no To at all");
	m.to = "jean dupont@x.example";
	refused(&m, "To", "a space in an address");
	m.to = "<a@b.example>";
	refused(&m, "To", "brackets in an address");
	m.to = "ok@x.example; nobody";
	refused(&m, "\"nobody\" is not an e-mail address", "an address without '@'");
	m = plain_mail();
	m.from_addr = "";
	refused(&m, "From: no address", "no sender");
	m = plain_mail();
	m.message_id = "a b@c";
	refused(&m, "Message-ID", "a space in the Message-ID");
	m = plain_mail();
	m.headers = "X-A: b\nc\n";
	refused(&m, "Name: value", "an extra header line without a name");
	m.headers = "X-A: b";
	refused(&m, "newline", "an extra header without its newline");
	m.headers = "X-A: b\r\n";
	refused(&m, "X-A", "a CR in an extra header");
	m.headers = "subject: twice\n";
	refused(&m, "subject", "an extra header relance writes itself");
	m = plain_mail();
	struct mime_attachment a = {"f\n.pdf", "application/pdf", (const unsigned char *)"x", 1};
	m.attachments = &a;
	m.nattachments = 1;
	refused(&m, "attachment 1", "a newline in a file name");
	a.filename = "f.pdf";
	a.content_type = "application/pdf\r\nX: y";
	refused(&m, "attachment 1", "a bad content type");
	a.content_type = "pdf";
	refused(&m, "\"pdf\" is not a content type", "a content type without its subtype");
	a.content_type = "application/pdf; name";
	refused(&m, "is not a content type", "a parameter without its value");
}

/* Part k of a multipart message, headers and content (a new string); NULL
 * when there is no such part. */
static char *part(const char *msg, const char *boundary, int k, size_t *hdrlen)
{
	char delim[128];
	snprintf(delim, sizeof delim, "\r\n--%s", boundary);
	const char *p = strstr(body_of(msg), delim);
	for (int i = 0; p; i++) {
		p += strlen(delim);
		if (strncmp(p, "\r\n", 2))
			return NULL;
		p += 2;
		const char *next = strstr(p, delim);
		if (!next)
			return NULL;
		if (i == k) {
			const char *sep = strstr(p, "\r\n\r\n");
			*hdrlen = sep && sep < next ? (size_t)(sep - p) + 4 : 0;
			char *s = malloc((size_t)(next - p) + 1);
			memcpy(s, p, (size_t)(next - p));
			s[next - p] = '\0';
			return s;
		}
		p = next;
	}
	return NULL;
}

/* Reassembles an RFC 2231 attr*0*=UTF-8''..; attr*1*=.. value. */
static void rfc2231_join(const char *v, const char *attr, struct sbuf *out)
{
	sbuf_put(out, "", 0);
	for (int k = 0;; k++) {
		char key[64];
		snprintf(key, sizeof key, "%s*%d*=%s", attr, k, k ? "" : "UTF-8''");
		const char *p = strstr(v, key);
		if (!p)
			return;
		for (p += strlen(key); *p && *p != ';' && *p != ' '; p++) {
			if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
				char c = (char)(hexval(p[1]) * 16 + hexval(p[2]));
				sbuf_put(out, &c, 1);
				p += 2;
			} else {
				sbuf_put(out, p, 1);
			}
		}
	}
}

static void test_multipart(void)
{
	static unsigned char pdf[1000];
	for (size_t i = 0; i < sizeof pdf; i++)
		pdf[i] = (unsigned char)(i * 7 % 256);
	pdf[0] = pdf[1] = pdf[999] = 0;
	const char *long_name = "Relevé de compte détaillé du client Société Générale des Œuvres — "
				"période 2026.pdf";
	struct mime_attachment att[] = {
		{"relevé de compte.pdf", "application/pdf", pdf, sizeof pdf},
		{"notes \"v2\".txt", "text/plain; charset=UTF-8", (const unsigned char *)"a\0b", 3},
		{long_name, NULL, (const unsigned char *)"\0", 1},
		{NULL, "application/octet-stream", NULL, 0},
	};
	struct mime_mail m = plain_mail();
	m.attachments = att;
	m.nattachments = 4;
	m.body = "Veuillez trouver ci-joint le relevé.\n";
	char err[256] = "";
	int rc;
	char *msg = build(&m, &rc, err, sizeof err);
	is_int(rc, 0, "a message with attachments builds (%s)", err);
	char *ct = header(msg, "Content-Type");
	const char *bp = ct ? strstr(ct, "boundary=\"") : NULL;
	char boundary[100] = "";
	if (bp)
		snprintf(boundary, sizeof boundary, "%.*s", (int)strcspn(bp + 10, "\""), bp + 10);
	ok(ct && !strncmp(ct, "multipart/mixed;", 16) && strlen(boundary) > 10,
	   "multipart/mixed with a boundary: %s", ct ? ct : "(none)");
	free(ct);
	is_int(count(msg, boundary), 7, "the boundary: in the header, before each of 5 parts, closing");
	char close[128];
	snprintf(close, sizeof close, "\r\n--%s--\r\n", boundary);
	size_t len = strlen(msg);
	ok(len > strlen(close) && !strcmp(msg + len - strlen(close), close), "the closing delimiter ends it");
	/* GMime's RFC 2231 continuation lines reach 80: within 998 */
	is_int(lines_ok(msg, len, 998), 0, "every line CRLF, at most 998");
	is_header(msg, "MIME-Version", "1.0");

	size_t hl;
	char *p = part(msg, boundary, 0, &hl);
	is_header(p ? p : "", "Content-Type", "text/plain; charset=UTF-8");
	char *text = p ? qp_text(p + hl, strlen(p + hl)) : NULL;
	is_str(text, m.body, "the text part decodes back");
	free(text);
	free(p);

	p = part(msg, boundary, 1, &hl);
	is_header(p ? p : "", "Content-Type", "application/pdf; name*=UTF-8''relev%C3%A9%20de%20compte.pdf");
	is_header(p ? p : "", "Content-Disposition", "attachment; filename*=UTF-8''relev%C3%A9%20de%20compte.pdf");
	is_header(p ? p : "", "Content-Transfer-Encoding", "base64");
	static unsigned char got[2000];
	long n = p ? b64_decode(p + hl, strlen(p + hl), got) : -1;
	ok(n == (long)sizeof pdf && !memcmp(got, pdf, sizeof pdf), "the PDF decodes back, NUL bytes and all (%ld bytes)", n);
	ok(p && lines_ok(p + hl, strlen(p + hl), 76) == 0 && strlen(p + hl) > 78, "base64 lines of 76");
	free(p);

	p = part(msg, boundary, 2, &hl);
	is_header(p ? p : "", "Content-Type", "text/plain; charset=UTF-8; name=\"notes \\\"v2\\\".txt\"");
	is_header(p ? p : "", "Content-Disposition", "attachment; filename=\"notes \\\"v2\\\".txt\"");
	n = p ? b64_decode(p + hl, strlen(p + hl), got) : -1;
	ok(n == 3 && !memcmp(got, "a\0b", 3), "3 bytes with a NUL decode back");
	free(p);

	p = part(msg, boundary, 3, &hl);
	char *cd = p ? header(p, "Content-Disposition") : NULL;
	struct sbuf name = {0};
	rfc2231_join(cd ? cd : "", "filename", &name);
	is_str(name.s, long_name, "a long name in RFC 2231 continuations joins back");
	ok(cd && strstr(cd, "filename*1*="), "in several pieces: %s", cd ? cd : "(none)");
	sbuf_free(&name);
	free(cd);
	cd = p ? header(p, "Content-Type") : NULL;
	rfc2231_join(cd ? cd : "", "name", &name);
	ok(cd && !strncmp(cd, "application/octet-stream;", 25) && !strcmp(name.s, long_name),
	   "no content type: application/octet-stream, the name too");
	sbuf_free(&name);
	free(cd);
	free(p);

	p = part(msg, boundary, 4, &hl);
	is_header(p ? p : "", "Content-Disposition", "attachment");
	ok(p && !strcmp(p + hl, ""), "an empty attachment without a name");
	free(p);
	ok(!part(msg, boundary, 5, &hl), "and no more parts");

	/* the same, read by GMime's parser: names and bytes come back */
	GMimeMessage *pm = parse(msg);
	GMimeObject *top = pm ? g_mime_message_get_mime_part(pm) : NULL;
	ok(top && GMIME_IS_MULTIPART(top) && g_mime_multipart_get_count(GMIME_MULTIPART(top)) == 5,
	   "GMime reads a multipart of 5 parts");
	for (int k = 1; top && GMIME_IS_MULTIPART(top) && k < 5; k++) {
		GMimeObject *o = g_mime_multipart_get_part(GMIME_MULTIPART(top), k);
		const struct mime_attachment *a = &att[k - 1];
		const char *fn = GMIME_IS_PART(o) ? g_mime_part_get_filename(GMIME_PART(o)) : NULL;
		GMimeDataWrapper *w = GMIME_IS_PART(o) ? g_mime_part_get_content(GMIME_PART(o)) : NULL;
		GMimeStream *mem = g_mime_stream_mem_new();
		if (w)
			g_mime_data_wrapper_write_to_stream(w, mem);
		GByteArray *ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
		ok((a->filename ? fn && !strcmp(fn, a->filename) : !fn) && ba->len == a->len
		   && (!a->len || !memcmp(ba->data, a->data, a->len)),
		   "attachment %d: its name (%s) and its %zu bytes", k, fn ? fn : "none", a->len);
		g_object_unref(mem);
	}
	if (pm)
		g_object_unref(pm);
	free(msg);
}

/* ---- sending -------------------------------------------------------------- */

static char *slurp(const char *path, size_t *n)
{
	struct sbuf b = {0};
	sbuf_put(&b, "", 0);
	FILE *f = fopen(path, "rb");
	char buf[4096];
	size_t r;
	while (f && (r = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_put(&b, buf, r);
	if (f)
		fclose(f);
	*n = b.len;
	return b.s;
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_send(void)
{
	char path[] = "/tmp/relance-mime-XXXXXX", cmd[512], err[256];
	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	struct sigaction before, after;
	sigaction(SIGPIPE, NULL, &before);

	struct mime_mail m = plain_mail();
	struct mime_attachment a = {"a.bin", "application/octet-stream", (const unsigned char *)"\0\1\2", 3};
	m.attachments = &a;
	m.nattachments = 1;
	int rc;
	char *msg = build(&m, &rc, err, sizeof err);
	size_t len = strlen(msg), n;
	snprintf(cmd, sizeof cmd, "cat > '%s'", path);
	err[0] = '\0';
	is_int(mime_send(cmd, msg, len, err, sizeof err), 0, "cat > FILE: success (%s)", err);
	char *got = slurp(path, &n);
	ok(n == len && !memcmp(got, msg, len), "the file holds exactly the message (%zu of %zu bytes)", n, len);
	free(got);
	is_int(mime_send(cmd, "", 0, err, sizeof err), 0, "an empty message");
	got = slurp(path, &n);
	is_int(n, 0, "gives an empty file");
	free(got);

	is_int(mime_send("exit 3", msg, len, err, sizeof err), -1, "exit 3 fails");
	is_str(err, "exited with status 3", "and says its status");
	mime_send("echo 'sendmail: unknown user' >&2; exit 1", msg, len, err, sizeof err);
	is_str(err, "exited with status 1: sendmail: unknown user", "with what it wrote on stderr");
	mime_send("printf '\\n  \\r\\nfirst\\tline \\r\\nsecond\\n' >&2; exit 2", msg, len, err, sizeof err);
	is_str(err, "exited with status 2: first line", "its first non-blank line");
	is_int(mime_send("kill -9 $$", msg, len, err, sizeof err), -1, "killed: fails");
	ok(!strncmp(err, "killed by signal 9", 18), "and names the signal: %s", err);
	is_int(mime_send("/nonexistent/sendmail -t", msg, len, err, sizeof err), -1, "a command that is not there");
	ok(!strncmp(err, "exited with status 127: ", 24), "its shell says so: %s", err);
	ok(mime_send(NULL, msg, len, err, sizeof err) == -1 && strstr(err, "no command"), "no command: %s", err);
	ok(mime_send("", msg, len, err, sizeof err) == -1, "an empty command");
	free(msg);

	/* a megabyte to commands that do not read it */
	size_t big_len = 1 << 20;
	char *big = malloc(big_len);
	memset(big, 'x', big_len);
	for (size_t i = 77; i < big_len; i += 78)
		big[i - 1] = '\r', big[i] = '\n';
	double t0 = seconds();
	is_int(mime_send("exit 0", big, big_len, err, sizeof err), 0, "1 MB to a command that exits 0 unread: success");
	is_int(mime_send("exit 1", big, big_len, err, sizeof err), -1, "1 MB to one that exits 1 unread");
	is_str(err, "exited with status 1", "reported, not hung");
	is_int(mime_send("head -c 300000 /dev/zero | tr '\\000' e >&2; exit 5", big, big_len, err, sizeof err), -1,
	       "300 kB on stderr, stdin unread");
	ok(!strncmp(err, "exited with status 5: eeee", 26) && strlen(err) < sizeof err, "reported: %.40s...", err);
	snprintf(cmd, sizeof cmd, "yes 'warning: slow relay' | head -n 50000 >&2; wc -c > '%s'", path);
	is_int(mime_send(cmd, big, big_len, err, sizeof err), 0, "1 MB of stderr before it reads 1 MB of stdin");
	got = slurp(path, &n);
	is_int(strtol(got, NULL, 10), (long)big_len, "and all of it arrived");
	free(got);

	/* a background job keeps the pipes open after the shell exits */
	char pidfile[] = "/tmp/relance-mime-pid-XXXXXX";
	fd = mkstemp(pidfile);
	if (fd >= 0)
		close(fd);
	snprintf(cmd, sizeof cmd, "sleep 30 & echo $! > '%s'; exit 0", pidfile);
	double t1 = seconds();
	is_int(mime_send(cmd, big, big_len, err, sizeof err), 0, "a background job holding the pipes");
	ok(seconds() - t1 < 20, "does not keep us waiting for it (%.1f s)", seconds() - t1);
	got = slurp(pidfile, &n);
	long bg = strtol(got, NULL, 10);
	if (bg > 1)
		kill((pid_t)bg, SIGTERM);
	free(got);
	unlink(pidfile);
	ok(seconds() - t0 < 60, "none of it hung (%.1f s)", seconds() - t0);
	free(big);

	sigaction(SIGPIPE, NULL, &after);
	ok(before.sa_handler == after.sa_handler && after.sa_handler == SIG_DFL, "SIGPIPE left as it was");
	unlink(path);
}

int main(void)
{
	test_plain();
	test_date_and_id();
	test_subjects();
	test_body();
	test_refused();
	test_multipart();
	test_send();
	return done_testing();
}
