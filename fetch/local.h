/*
 * local.h: gk-fetch's local mode: files and folders on disk become `doc`
 * records without any crawling or caching.
 */
#ifndef GK_FETCH_LOCAL_H
#define GK_FETCH_LOCAL_H

#include <stdio.h>

/*
 * Emit one `doc` record per file at or under path (folders walked in name
 * order), or one `error` record per path that cannot be read.  In a
 * folder only documents are taken (by their magic bytes: a README or a
 * .tsv is left out, with a -v note); a file named by itself is taken
 * whatever it holds.  TITLE is the file's name without its extension.
 * A file reached twice (links, the same path again) is one document; in a
 * folder, a symbolic link that leads out of it is not followed (an
 * `error` record, code off_host).
 * Returns the number of failures.
 */
int local_emit(FILE *out, const char *path);
/* Free what local_emit remembers of the files read (no document twice). */
void local_free(void);
/*
 * The document on standard input: kept in the cache under state_dir (as
 * a fetched body is), URL urn:sha256:HEX.  Returns the number of failures.
 */
int local_emit_stdin(FILE *out, const char *state_dir);

/* file:// URL of an absolute path, bytes outside RFC 3986's unreserved set
 * and '/' percent-encoded.  Returns -1 when out does not fit. */
int local_file_url(const char *abspath, char *out, size_t outsz);

#endif
