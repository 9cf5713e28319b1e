/* sha256.h — SHA-256 and HMAC-SHA256, from Nettle: the
 * checksum of ids derived from a name (uid_from_name), of payment
 * references, and the signature of change files. */
#ifndef RELANCE_SHA256_H
#define RELANCE_SHA256_H
#include <stddef.h>

struct sha256 {
	void *ctx; /* Nettle's struct sha256_ctx */
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* Writes the digest and frees the context. */
void sha256_final(struct sha256 *s, unsigned char out[32]);
/* The digest of data[0..n) as 64 lowercase hex digits and a NUL. */
void sha256_hex(const void *data, size_t n, char out[65]);

/* HMAC-SHA256 (RFC 2104) under key, fed in parts; the result as 64
 * lowercase hex digits and a NUL (final frees the context). */
struct hmac_sha256 {
	void *ctx; /* Nettle's struct hmac_sha256_ctx */
};
void hmac_sha256_init(struct hmac_sha256 *h, const unsigned char *key, size_t keylen);
void hmac_sha256_update(struct hmac_sha256 *h, const void *data, size_t n);
void hmac_sha256_final_hex(struct hmac_sha256 *h, char out[65]);
/* The same of data[0..n) at once. */
void hmac_sha256_hex(const unsigned char *key, size_t keylen, const void *data, size_t n, char out[65]);

#endif
