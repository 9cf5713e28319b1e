/* sync_file.c — writing and checking change files (format in sync_file.h). */
#include "sync_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/lib.h"
#include "changeset_check.h"

#define MAGIC "relance changes "
#define SIGNATURE "hmac-sha256 "

/* A header value stays on its line: control characters become '?'. */
static void one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

static int header_text(const struct sync_header *in, char *buf, size_t size)
{
	struct sync_header copy = *in, *h = &copy;
	one_line(h->name);
	one_line(h->user);
	int n = snprintf(buf, size,
			 MAGIC "%d\nschema %d\nfamily %s\ncopy %s\nname %s\nuser %s\nmade %s\nseq %lld %lld\n"
			 "units %lld\n\n",
			 SYNC_FORMAT, h->schema, h->family, h->copy, h->name, h->user, h->made, h->seq_from, h->seq_to,
			 h->units);
	return n > 0 && (size_t)n < size ? n : -1;
}

/* A change file being written: bytes gather in buf, then go to the file
 * and into the signature together. */
struct sync_writer {
	FILE *f;
	int in_place, to_stdout, bad;
	struct hmac_sha256 mac;
	char path[4096], tmp[4096];
	size_t n;
	unsigned char buf[1 << 16];
};

/* p[0..n) to the file and into the signature. */
static void emit(struct sync_writer *w, const void *p, size_t n)
{
	hmac_sha256_update(&w->mac, p, n);
	if (fwrite(p, 1, n, w->f) != n)
		w->bad = 1;
}

static void drain(struct sync_writer *w)
{
	if (w->n)
		emit(w, w->buf, w->n);
	w->n = 0;
}

int sync_file_put(struct sync_writer *w, const void *p, size_t n)
{
	if (n > sizeof w->buf - w->n) {
		drain(w);
		if (n > sizeof w->buf) {
			emit(w, p, n);
			return w->bad ? -1 : 0;
		}
	}
	memcpy(w->buf + w->n, p, n);
	w->n += n;
	return w->bad ? -1 : 0;
}

struct sync_writer *sync_file_begin(const char *path, const struct sync_header *in, const struct sync_family *fam)
{
	char head[1024];
	struct sync_header h = *in;
	snprintf(h.family, sizeof h.family, "%s", fam->id);
	int hl = header_text(&h, head, sizeof head);
	if (hl < 0) {
		msg_error("%s: header too long", path);
		return NULL;
	}
	struct sync_writer *w = calloc(1, sizeof *w);
	if (!w || (size_t)snprintf(w->path, sizeof w->path, "%s", path) >= sizeof w->path ||
	    (size_t)snprintf(w->tmp, sizeof w->tmp, "%s.tmp", path) >= sizeof w->tmp) {
		msg_error(w ? "%s: name too long" : "%s: out of memory", path);
		free(w);
		return NULL;
	}
	/* a regular file is written whole under another name, then renamed;
	 * standard output, a pipe, a device or a link is written in place */
	struct stat sb;
	w->to_stdout = !strcmp(path, "-");
	w->in_place = w->to_stdout || (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode));
	w->f = stdout;
	if (!w->to_stdout) {
		const char *name = w->in_place ? path : w->tmp;
		int fd = -1;
		if (w->in_place) {
			fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600); /* a link may name no file yet */
		} else if (unlink(w->tmp) == 0 || errno == ENOENT) {
			/* a change file holds the book's data: as private as the
			 * book (a .tmp left by a crash is replaced) */
			fd = open(w->tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
		}
		w->f = fd < 0 ? NULL : fdopen(fd, "wb");
		if (!w->f) {
			msg_error("cannot write %s: %s", name, strerror(errno));
			if (fd >= 0)
				close(fd);
			free(w);
			return NULL;
		}
	}
	hmac_sha256_init(&w->mac, fam->key, sizeof fam->key);
	sync_file_put(w, head, (size_t)hl);
	return w;
}

/* Closes w's file (not standard output); with `failed`, what it wrote is
 * removed. 0, or -1 after a message. */
static int finish(struct sync_writer *w, int failed)
{
	int bad = failed || w->bad;
	if (!failed) {
		bad |= fflush(w->f) != 0;
		if (!w->in_place)
			bad |= fsync(fileno(w->f)) != 0;
	}
	if (!w->to_stdout)
		bad |= fclose(w->f) != 0;
	if (bad && !failed)
		msg_error("cannot write %s: %s", w->to_stdout ? "standard output" : w->path, strerror(errno));
	if (!bad && !w->in_place && rename(w->tmp, w->path) != 0) {
		msg_error("cannot write %s: %s", w->path, strerror(errno));
		bad = 1;
	}
	if (bad && !w->in_place)
		remove(w->tmp);
	free(w);
	return bad ? -1 : 0;
}

int sync_file_end(struct sync_writer *w)
{
	/* the change set ends with a newline of its own, so that the
	 * signature is a line of its own too */
	sync_file_put(w, "\n", 1);
	drain(w);
	char mac[65], tail[96];
	hmac_sha256_final_hex(&w->mac, mac);
	int tl = snprintf(tail, sizeof tail, SIGNATURE "%s\n", mac);
	if (fwrite(tail, 1, (size_t)tl, w->f) != (size_t)tl)
		w->bad = 1;
	return finish(w, 0);
}

void sync_file_abort(struct sync_writer *w)
{
	if (w)
		finish(w, 1);
}

int sync_file_write(const char *path, const struct sync_header *h, const struct sync_family *fam,
		    const void *changeset, size_t n)
{
	struct sync_writer *w = sync_file_begin(path, h, fam);
	if (!w)
		return -1;
	sync_file_put(w, changeset, n);
	return sync_file_end(w);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		msg_error("cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap)
			break;
		char *nb = realloc(buf, cap * 2 + 1);
		if (!nb) {
			free(buf);
			buf = NULL;
			break;
		}
		buf = nb, cap *= 2;
	}
	int err = ferror(f);
	if (f != stdin)
		fclose(f);
	if (!buf || err) {
		msg_error("cannot read %s: %s", path, buf ? strerror(errno) : "out of memory");
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Compares n bytes in a time that does not depend on where they differ. */
static int strings_equal_timed(const char *a, const char *b, size_t n)
{
	unsigned char d = 0;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

/* The value of header line `key` in [p, end), copied to out; -1 when absent. */
static int field(const char *p, const char *end, const char *key, char *out, size_t size)
{
	size_t kl = strlen(key);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		if ((size_t)(nl - p) > kl && !memcmp(p, key, kl) && p[kl] == ' ') {
			size_t vl = (size_t)(nl - p) - kl - 1;
			if (vl >= size)
				return -1;
			memcpy(out, p + kl + 1, vl);
			out[vl] = '\0';
			return 0;
		}
		p = nl + 1;
	}
	return -1;
}

int sync_file_read(const char *path, int max_schema, const struct sync_family *fam, struct sync_header *h,
		   void **changeset, size_t *n)
{
	size_t len;
	char *buf = slurp(path, &len);
	if (!buf)
		return -1;
	memset(h, 0, sizeof *h);
	const char *why = NULL;
	char v[128], whybuf[256];
	if (len < sizeof MAGIC || memcmp(buf, MAGIC, sizeof MAGIC - 1)) {
		why = "not a relance changes file (it does not begin with \"" MAGIC "\")";
		goto bad;
	}
	h->format = atoi(buf + sizeof MAGIC - 1);
	if (h->format == 1) {
		why = "made by a relance from before change files were signed: export it again with this relance";
		goto bad;
	}
	if (h->format != SYNC_FORMAT && h->format != 2) {
		msg_error("%s: change file format %d; this relance reads format %d: use a %s relance", path,
			  h->format, SYNC_FORMAT, h->format > SYNC_FORMAT ? "newer" : "matching");
		free(buf);
		return -1;
	}
	/* the last line: the signature, 64 hex digits */
	const size_t tl = sizeof SIGNATURE - 1 + 64 + 1;
	if (len < tl || buf[len - 1] != '\n' || memcmp(buf + len - tl, SIGNATURE, sizeof SIGNATURE - 1) ||
	    strspn(buf + len - tl + sizeof SIGNATURE - 1, "0123456789abcdef") != 64) {
		why = "truncated: its last line is not its signature";
		goto bad;
	}
	const char *hend0 = strstr(buf, "\n\n");
	if (!hend0 || (size_t)(hend0 - buf) > len - tl ||
	    field(buf, hend0 + 2, "family", h->family, sizeof h->family) || strlen(h->family) != 36 ||
	    strspn(h->family, "0123456789abcdef-") != 36) {
		why = "its header names no family of books";
		goto bad;
	}
	if (fam && strcmp(fam->id, h->family)) {
		snprintf(whybuf, sizeof whybuf, "it comes from another book (family %.8s), not from a copy of this "
			 "one (family %.8s): a book takes change files only from its own copies", h->family, fam->id);
		why = whybuf;
		goto bad;
	}
	if (fam) {
		char want[65];
		hmac_sha256_hex(fam->key, sizeof fam->key, buf, len - tl, want);
		if (!strings_equal_timed(want, buf + len - tl + sizeof SIGNATURE - 1, 64)) {
			why = "its signature does not match: it was changed after a copy of this book wrote it, "
			      "or it was not written by one";
			goto bad;
		}
		h->signature_checked = 1;
	}
	const char *body = strstr(buf, "\n\n");
	if (!body || (size_t)(body - buf) > len - tl) {
		why = "damaged: no end to its header";
		goto bad;
	}
	body += 2;
	const char *hend = body;
	if (field(buf, hend, "schema", v, sizeof v) || (h->schema = atoi(v)) < 1) {
		why = "its header has no schema version";
		goto bad;
	}
	if (h->schema > max_schema) {
		msg_error("%s: made by a book of schema version %d; this relance knows up to %d: "
			  "use a relance that knows schema %d", path, h->schema, max_schema, h->schema);
		free(buf);
		return -1;
	}
	if (field(buf, hend, "copy", h->copy, sizeof h->copy) || strlen(h->copy) != 36 ||
	    strspn(h->copy, "0123456789abcdef-") != 36) {
		why = "its header names no sending copy";
		goto bad;
	}
	field(buf, hend, "name", h->name, sizeof h->name);
	field(buf, hend, "user", h->user, sizeof h->user);
	if (field(buf, hend, "made", h->made, sizeof h->made) || strspn(h->made, "0123456789-T:.Z") != strlen(h->made) ||
	    field(buf, hend, "seq", v, sizeof v) || sscanf(v, "%lld %lld", &h->seq_from, &h->seq_to) != 2 ||
	    field(buf, hend, "units", v, sizeof v) || sscanf(v, "%lld", &h->units) != 1) {
		why = "its header lacks made, seq or units";
		goto bad;
	}
	/* format 2 gave the change set's length; since 3 it runs to the
	 * newline before the signature (a file written as it is made) */
	if (h->format == 2 && (field(buf, hend, "bytes", v, sizeof v) || sscanf(v, "%zu", &h->bytes) != 1)) {
		why = "its header lacks bytes";
		goto bad;
	}
	if (h->format != 2) {
		if ((size_t)(body - buf) + 1 > len - tl) {
			why = "damaged: no newline ends its change set";
			goto bad;
		}
		h->bytes = len - tl - (size_t)(body - buf) - 1;
	}
	if (h->bytes >= len || h->bytes + 1 != len - tl - (size_t)(body - buf) || body[h->bytes] != '\n') {
		why = "damaged: the change set's length is not the one its header gives";
		goto bad;
	}
	/* the change set moves to the start of the file's buffer, which it
	 * becomes: a large file is not held twice */
	*n = h->bytes;
	memmove(buf, body, h->bytes);
	*changeset = buf;
	if (changeset_check(*changeset, *n, whybuf, sizeof whybuf)) {
		msg_error("%s: %s; nothing was changed", path, whybuf);
		free(*changeset);
		*changeset = NULL;
		return -1;
	}
	return 0;
bad:
	msg_error("%s: %s; nothing was changed", path, why);
	free(buf);
	return -1;
}
