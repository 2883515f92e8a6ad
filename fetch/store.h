/*
 * store.h: gk-fetch's state under --state DIR: the state file (what every
 * URL was last time: ETag, Last-Modified, SHA-256, ...) and the
 * content-addressed cache (cache/ab/abcdef..., the name is the SHA-256 of
 * the bytes, never anything from the URL).  Both are written to a temporary
 * name, fsynced and renamed, so a run killed at any moment leaves the last
 * good copy.  A lock file keeps two runs apart.
 */
#ifndef GK_FETCH_STORE_H
#define GK_FETCH_STORE_H

#include <stddef.h>

#include "common/hash.h"

struct sentry {
	char *url;
	char etag[256];
	char lastmod[64];
	char sha[GK_SHA256_HEX];
	long long bytes;
	char type[8];
	char charset[32];
	char fetched[24];
	struct sentry *next;
};

struct store;

/* Make DIR and DIR/cache, take the lock, load DIR/fetch.state.
 * NULL with a reason in err. */
struct store *store_open(const char *dir, char *err, size_t errsz);
void store_close(struct store *);
struct sentry *store_get(struct store *, const char *url);
/* The entry for url, made empty when new. NULL when out of memory. */
struct sentry *store_put(struct store *, const char *url);
/* Write the state file atomically.  0 or -1 (errno). */
int store_save(struct store *);
size_t store_count(const struct store *);

/* The absolute path of the cache file for sha. */
void store_cache_path(const struct store *, const char *sha, char *out,
    size_t outsz);
/* A new temporary file in the cache: fd, its path in out; -1 on error. */
int store_tmp(const struct store *, char *out, size_t outsz);
/* fsync the temporary file and rename it to its content address. 0/-1. */
int store_commit(const struct store *, int fd, const char *tmp,
    const char *sha);
/* 1 when the cache holds sha. */
int store_has(const struct store *, const char *sha);

#endif
