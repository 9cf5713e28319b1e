/* sha256.c — SHA-256 and HMAC-SHA256 through GLib, a maintained library
 * that pango already brings: no hash is written by hand. */
#include "sha256.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

void sha256_init(struct sha256 *s)
{
	s->ctx = g_checksum_new(G_CHECKSUM_SHA256);
	if (!s->ctx)
		abort();
}

/* GLib takes a signed length: data of any size is fed in parts. */
static void feed(GChecksum *c, GHmac *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	while (n) {
		size_t part = n > (size_t)G_MAXSSIZE ? (size_t)G_MAXSSIZE : n;
		if (c)
			g_checksum_update(c, p, (gssize)part);
		else
			g_hmac_update(h, p, (gssize)part);
		p += part, n -= part;
	}
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	feed(s->ctx, NULL, data, n);
}

void sha256_final(struct sha256 *s, unsigned char out[32])
{
	gsize len = 32;
	g_checksum_get_digest(s->ctx, out, &len);
	g_checksum_free(s->ctx);
	s->ctx = NULL;
}

static void hex(const unsigned char d[32], char out[65])
{
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void sha256_hex(const void *data, size_t n, char out[65])
{
	struct sha256 s;
	unsigned char d[32];
	sha256_init(&s);
	sha256_update(&s, data, n);
	sha256_final(&s, d);
	hex(d, out);
}

void hmac_sha256_init(struct hmac_sha256 *h, const unsigned char *key, size_t keylen)
{
	h->ctx = g_hmac_new(G_CHECKSUM_SHA256, key, keylen);
	if (!h->ctx)
		abort();
}

void hmac_sha256_update(struct hmac_sha256 *h, const void *data, size_t n)
{
	feed(NULL, h->ctx, data, n);
}

void hmac_sha256_final_hex(struct hmac_sha256 *h, char out[65])
{
	unsigned char d[32];
	gsize len = 32;
	g_hmac_get_digest(h->ctx, d, &len);
	g_hmac_unref(h->ctx);
	h->ctx = NULL;
	hex(d, out);
}

void hmac_sha256_hex(const unsigned char *key, size_t keylen, const void *data, size_t n, char out[65])
{
	struct hmac_sha256 h;
	hmac_sha256_init(&h, key, keylen);
	hmac_sha256_update(&h, data, n);
	hmac_sha256_final_hex(&h, out);
}
