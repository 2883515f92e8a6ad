/*
 * hash.c: SHA-256 through OpenSSL's libcrypto EVP interface (a well-kept,
 * fast implementation; libcurl already pulls libcrypto in).
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "hash.h"
#include "log.h"

struct gk_sha256 {
	EVP_MD_CTX *ctx;
};

static void
to_hex(const unsigned char *d, unsigned n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hx[d[i] >> 4];
		out[2 * i + 1] = hx[d[i] & 15];
	}
	out[2 * n] = '\0';
}

struct gk_sha256 *
gk_sha256_new(void)
{
	struct gk_sha256 *h;

	if ((h = malloc(sizeof(*h))) == NULL)
		gk_fatal(NULL, "out of memory");
	if ((h->ctx = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL) != 1)
		gk_fatal(NULL, "libcrypto: cannot start SHA-256");
	return h;
}

void
gk_sha256_add(struct gk_sha256 *h, const void *p, size_t n)
{
	if (n > 0 && EVP_DigestUpdate(h->ctx, p, n) != 1)
		gk_fatal(NULL, "libcrypto: SHA-256 update failed");
}

void
gk_sha256_end(struct gk_sha256 *h, char out[GK_SHA256_HEX])
{
	unsigned char d[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	if (EVP_DigestFinal_ex(h->ctx, d, &n) != 1 || n != 32)
		gk_fatal(NULL, "libcrypto: SHA-256 final failed");
	to_hex(d, n, out);
	EVP_MD_CTX_free(h->ctx);
	free(h);
}

void
gk_sha256_hex(const void *p, size_t n, char out[GK_SHA256_HEX])
{
	struct gk_sha256 *h = gk_sha256_new();

	gk_sha256_add(h, p, n);
	gk_sha256_end(h, out);
}

void
gk_doc_id(const char *url, char out[17])
{
	char hex[GK_SHA256_HEX];

	gk_sha256_hex(url, strlen(url), hex);
	memcpy(out, hex, 16);
	out[16] = '\0';
}

int
gk_sha256_hex_ok(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}
