/*
 * cache.h: gk-extract's results kept by the content they were read from
 * (gk-extract --cache DIR), so that a document whose bytes were already
 * read is not read again.
 *
 * An entry is DIR/BUILD/ab/abcdef... (the document's SHA-256), BUILD the
 * build id of this gk-extract (the GNU build-id note the linker puts in
 * the program): a gk built from other code reads every document again.
 * An entry holds the document's para, cell and note records with an empty
 * DOC field, or its one error (code and reason, without the document's
 * name), between a header and an end line; it is written to a temporary
 * file and renamed, so a torn entry is never taken (no end line: read the
 * document again).  Each entry taken is touched (its mtime is the last
 * night that used it), so that gk-harvest can sweep those no run uses.
 */
#ifndef GK_EXTRACT_CACHE_H
#define GK_EXTRACT_CACHE_H

#include <stdio.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/err.h"

struct xcache;

/* An entry is at most the records of one document (sink.c's bound). */
#define XCACHE_ENTRY_MAX	((size_t)GK_MAX_UNZIPPED * 2 + 4096)

/* Open (make) DIR/BUILD.  NULL with a reason in err. */
struct xcache *xcache_open(const char *dir, char *err, size_t errsz);
void xcache_close(struct xcache *);
/* BUILD: the build id in hex. */
const char *xcache_build(const struct xcache *);

/* Is s a SHA-256 in lower-case hex (a key)? */
int xcache_key_ok(const char *s);

/*
 * The entry of sha into recs (its lines, DOC empty; an error is left in
 * *err and reason instead).  1 found, 0 none (or torn).
 */
int xcache_get(struct xcache *, const char *sha, struct gk_buf *recs,
    enum gk_err *err, char *reason, size_t reasonsz);

/*
 * Keep the result of sha: the records recs (the sink's, each with its DOC
 * field doc, which is left empty in the entry), or the error err with its
 * reason.  0, or -1 (the cache is only a cache: the caller goes on).
 */
int xcache_put(struct xcache *, const char *sha, const char *doc,
    const struct gk_buf *recs, enum gk_err err, const char *reason);

/*
 * Write recs (an entry's lines, DOC empty) with DOC doc put in.  0 or -1
 * (a write error).
 */
int xcache_write(FILE *out, const struct gk_buf *recs, const char *doc);

#endif
