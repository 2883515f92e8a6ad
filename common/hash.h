/*
 * hash.h: SHA-256 (libcrypto) as lower-case hex.
 */
#ifndef GK_HASH_H
#define GK_HASH_H

#include <stddef.h>

#define GK_SHA256_HEX 65	/* 64 hex digits and a NUL */

void gk_sha256_hex(const void *p, size_t n, char out[GK_SHA256_HEX]);
/* Is s a SHA-256 as gk writes it: 64 lower-case hex digits, then NUL? */
int gk_sha256_hex_ok(const char *s);

/* Incremental form, for bodies that arrive in pieces. */
struct gk_sha256;
struct gk_sha256 *gk_sha256_new(void);
void gk_sha256_add(struct gk_sha256 *, const void *, size_t);
/* Writes the hex digest and frees the context. */
void gk_sha256_end(struct gk_sha256 *, char out[GK_SHA256_HEX]);

/* A document id: the first 16 hex digits of SHA-256(URL). */
void gk_doc_id(const char *url, char out[17]);

#endif
