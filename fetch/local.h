/*
 * local.h: gk-fetch's local mode: files and folders on disk become `doc`
 * records without any crawling or caching.
 */
#ifndef GK_FETCH_LOCAL_H
#define GK_FETCH_LOCAL_H

#include <stdio.h>

/* Emit one `doc` record per file at or under path (folders walked in name
 * order), or one `error` record per path that cannot be read.  Returns the
 * number of failures. */
int local_emit(FILE *out, const char *path);

/* file:// URL of an absolute path, bytes outside RFC 3986's unreserved set
 * and '/' percent-encoded.  Returns -1 when out does not fit. */
int local_file_url(const char *abspath, char *out, size_t outsz);

#endif
