/*
 * url.h: absolute URLs in one canonical spelling, so that one document is
 * fetched once whatever way a page spells its link.
 *
 * Normal form: scheme and host in lower case, no userinfo, no default
 * port, no fragment, dot segments removed, an empty path made "/",
 * percent-escapes of unreserved characters decoded and the others written
 * with upper-case hex, and bytes that may not appear in a URL (spaces,
 * UTF-8 of Chinese file names) percent-encoded.  Only http, https and file
 * URLs are accepted.
 */
#ifndef GK_FETCH_URL_H
#define GK_FETCH_URL_H

#include <stddef.h>
#include <stdint.h>

#define URL_MAX 4096

/* Normalise an absolute URL.  0, or -1 when it is not a usable URL. */
int url_normalize(const char *in, char *out, size_t outsz);

/* Resolve ref against the absolute base (RFC 3986 5.2) and normalise. */
int url_resolve(const char *base, const char *ref, char *out, size_t outsz);

/* The parts of a normalised URL, copied out ("" when absent). */
int url_scheme(const char *url, char *out, size_t outsz);
int url_host(const char *url, char *out, size_t outsz);
/* Path and query, e.g. "/a/b.html?x=1". */
const char *url_path(const char *url);

/* 1 when host is an IPv4 or bracketed IPv6 literal. */
int url_host_is_ip(const char *host);

/* FNV-1a of a URL, for the hash tables of crawl.c and store.c. */
uint32_t url_hash(const char *url);

/* The decoded path of a file:// URL, for opening. */
int url_file_path(const char *url, char *out, size_t outsz);

#endif
