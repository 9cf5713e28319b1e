/* sha256.c — SHA-256 and HMAC-SHA256 through Nettle (which uses the
 * processor's SHA instructions: a change file's signature costs a seventh
 * of GLib's, and the program starts without GLib): a maintained library,
 * no hash is written by hand. */
#include "sha256.h"

#include <nettle/hmac.h>
#include <nettle/sha2.h>
/* Nettle names its functions as ours by macros: its own names are used */
#undef hmac_sha256_set_key
#undef hmac_sha256_update
#undef hmac_sha256_digest
#undef sha256_init
#undef sha256_update
#undef sha256_digest
#include <stdio.h>
#include <stdlib.h>

void sha256_init(struct sha256 *s)
{
	struct sha256_ctx *c = malloc(sizeof *c);
	if (!c)
		abort();
	nettle_sha256_init(c);
	s->ctx = c;
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	nettle_sha256_update(s->ctx, n, data);
}

void sha256_final(struct sha256 *s, unsigned char out[32])
{
	nettle_sha256_digest(s->ctx, 32, out);
	free(s->ctx);
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
	struct hmac_sha256_ctx *c = malloc(sizeof *c);
	if (!c)
		abort();
	nettle_hmac_sha256_set_key(c, keylen, key);
	h->ctx = c;
}

void hmac_sha256_update(struct hmac_sha256 *h, const void *data, size_t n)
{
	nettle_hmac_sha256_update(h->ctx, n, data);
}

void hmac_sha256_final_hex(struct hmac_sha256 *h, char out[65])
{
	unsigned char d[32];
	nettle_hmac_sha256_digest(h->ctx, sizeof d, d);
	free(h->ctx);
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
