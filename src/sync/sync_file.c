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
			 "units %lld\nbytes %zu\n\n",
			 SYNC_FORMAT, h->schema, h->family, h->copy, h->name, h->user, h->made, h->seq_from, h->seq_to,
			 h->units, h->bytes);
	return n > 0 && (size_t)n < size ? n : -1;
}

/* The signature of header, change set and the newline that ends it. */
static void sign(const struct sync_family *fam, const char *head, size_t hl, const void *cs, size_t n,
		 char out[65])
{
	struct hmac_sha256 h;
	hmac_sha256_init(&h, fam->key, sizeof fam->key);
	hmac_sha256_update(&h, head, hl);
	hmac_sha256_update(&h, cs, n);
	hmac_sha256_update(&h, "\n", 1);
	hmac_sha256_final_hex(&h, out);
}

int sync_file_write(const char *path, const struct sync_header *in, const struct sync_family *fam,
		    const void *changeset, size_t n)
{
	char head[1024], tail[96], tmp[4096], mac[65];
	struct sync_header h = *in;
	snprintf(h.family, sizeof h.family, "%s", fam->id);
	int hl = header_text(&h, head, sizeof head);
	if (hl < 0) {
		msg_error("%s: header too long", path);
		return -1;
	}
	sign(fam, head, (size_t)hl, changeset, n, mac);
	/* the change set ends with a newline of its own, so that the
	 * signature is a line of its own too */
	int tl = snprintf(tail, sizeof tail, "\n" SIGNATURE "%s\n", mac);

	/* a regular file is written whole under another name, then renamed;
	 * standard output, a pipe, a device or a link is written in place */
	struct stat sb;
	int in_place = !strcmp(path, "-") || (lstat(path, &sb) == 0 && !S_ISREG(sb.st_mode));
	int to_stdout = !strcmp(path, "-");
	FILE *f = stdout;
	if (in_place && !to_stdout) {
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600); /* a link may name no file yet */
		f = fd < 0 ? NULL : fdopen(fd, "wb");
		if (!f) {
			msg_error("cannot write %s: %s", path, strerror(errno));
			if (fd >= 0)
				close(fd);
			return -1;
		}
	}
	if (!in_place) {
		if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", path) >= sizeof tmp) {
			msg_error("%s: name too long", path);
			return -1;
		}
		/* a change file holds the book's data: as private as the book
		 * (a .tmp left by a crash is replaced) */
		if (unlink(tmp) != 0 && errno != ENOENT) {
			msg_error("cannot write %s: %s", tmp, strerror(errno));
			return -1;
		}
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0600);
		f = fd < 0 ? NULL : fdopen(fd, "wb");
		if (!f) {
			if (fd >= 0)
				close(fd);
			msg_error("cannot write %s: %s", tmp, strerror(errno));
			return -1;
		}
	}
	int bad = fwrite(head, 1, (size_t)hl, f) != (size_t)hl || fwrite(changeset, 1, n, f) != n ||
		  fwrite(tail, 1, (size_t)tl, f) != (size_t)tl;
	bad |= fflush(f) != 0;
	if (!in_place)
		bad |= fsync(fileno(f)) != 0;
	if (!to_stdout)
		bad |= fclose(f) != 0;
	if (bad) {
		msg_error("cannot write %s: %s", to_stdout ? "standard output" : path, strerror(errno));
		if (!in_place)
			remove(tmp);
		return -1;
	}
	if (!in_place && rename(tmp, path) != 0) {
		msg_error("cannot write %s: %s", path, strerror(errno));
		remove(tmp);
		return -1;
	}
	return 0;
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
	if (h->format != SYNC_FORMAT) {
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
	    field(buf, hend, "units", v, sizeof v) || sscanf(v, "%lld", &h->units) != 1 ||
	    field(buf, hend, "bytes", v, sizeof v) || sscanf(v, "%zu", &h->bytes) != 1) {
		why = "its header lacks made, seq, units or bytes";
		goto bad;
	}
	if (h->bytes >= len || h->bytes + 1 != len - tl - (size_t)(body - buf) || body[h->bytes] != '\n') {
		why = "damaged: the change set's length is not the one its header gives";
		goto bad;
	}
	*n = h->bytes;
	*changeset = malloc(h->bytes ? h->bytes : 1);
	if (!*changeset) {
		why = "out of memory";
		goto bad;
	}
	memcpy(*changeset, body, h->bytes);
	free(buf);
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
