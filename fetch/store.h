/*
 * store.h: gk-fetch's state under --state DIR.
 *
 * DIR/fetch.state is a journal: a header line, then one line per event,
 * appended as the crawl goes (E: what a URL is now, C: it was checked and
 * had not changed, F: it is forgotten, R: a run ended).  Reading replays
 * the lines in order; a torn last line (a run killed while writing it) is
 * cut off.  Now and then the journal is compacted: one E line per URL,
 * written to a temporary file, synced and renamed over it.  The
 * content-addressed cache (cache/ab/abcdef..., the name is the SHA-256 of
 * the bytes) holds the bodies; a journal line never names a cache file
 * before that file is synced.  DIR/delivered.tsv (written by gk-load:
 * URL, SHA-256, run) says which bytes of each URL the data set holds.
 * A lock file keeps two runs apart.
 */
#ifndef GK_FETCH_STORE_H
#define GK_FETCH_STORE_H

#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "common/hash.h"

/* What a URL is to the crawl (the KIND field of the journal). */
enum {
	SK_UNKNOWN = '?',	/* from a version 1 state file: not known yet */
	SK_ROBOTS = 'T',	/* a robots.txt */
	SK_LISTING = 'L',	/* a listing page, a hub, an agency's page */
	SK_REPORT = 'R',	/* a report page: the head of its group */
	SK_FILE = 'D',		/* a file a listing links: a group of its own */
	SK_ATTACH = 'A',	/* an attachment of the report page PAGE */
	SK_GIVEN = 'G'		/* a URL given on the command line */
};

/* This run's marks on an entry (never written). */
enum {
	SR_EMITTED = 1 << 0,	/* its doc record went out this run */
	SR_PARSED = 1 << 1,	/* a report page read this run: its links are known */
	SR_DIRTY = 1 << 2,	/* changed since its last E line */
	SR_CHECKED = 1 << 3,	/* checked, unchanged, since its last line */
	SR_WALKED = 1 << 4	/* a listing page read this run */
};

struct sentry {
	char *url;
	char *page;		/* SK_ATTACH: the report page; else NULL */
	char *etag;		/* never NULL below: "" when none */
	char *title, *agency;	/* report pages, files: from the page or listing */
	char *msg;		/* a lasting failure's message, "" when none */
	char lastmod[40];
	char sha[GK_SHA256_HEX];	/* "" when the URL failed */
	char dsha[GK_SHA256_HEX];	/* delivered (delivered.tsv), "" never */
	char type[8];
	char charset[24];
	char published[16];	/* YYYY-MM-DD or "" */
	char kind;		/* SK_* */
	unsigned char code;	/* a lasting failure (enum gk_err), 0 none */
	unsigned char run;	/* SR_* */
	long long bytes;
	time_t first;		/* first seen */
	time_t fetched;		/* its body last downloaded */
	time_t checked;		/* last known to be as recorded (200 or 304) */
	struct sentry *next;	/* hash chain */
};

struct store;

/*
 * Make DIR and DIR/cache, take the lock, replay DIR/fetch.state (a
 * version 1 file is converted), read DIR/delivered.tsv.  With a new state
 * an empty delivered.tsv is made, so that delivery is tracked from the
 * first night.  NULL with a reason in err.
 */
struct store *store_open(const char *dir, char *err, size_t errsz);
/* Rewrite the journal as one line per entry: when force, or when it has
 * grown past twice its entries.  0 or -1. */
int store_compact(struct store *, int force);
/* Sync the journal, free everything, release the lock. */
void store_close(struct store *);
struct sentry *store_get(struct store *, const char *url);
/* The entry for url, made empty (kind SK_UNKNOWN) when new and not yet
 * journaled.  NULL when out of memory or over the entry limit. */
struct sentry *store_put(struct store *, const char *url);
/* Replace one of an entry's strings (NULL: ""); -1 when out of memory. */
int store_set(char **field, const char *s);

/* Journal lines: e as it is now (E), e checked at e->checked and
 * unchanged (C), e forgotten (F, e is freed), a run's end (R).  Buffered;
 * store_sync writes them out.  0, or -1 (errno) when the write failed. */
int store_write(struct store *, struct sentry *);
int store_checked(struct store *, struct sentry *);
int store_forget(struct store *, struct sentry *);
int store_run_end(struct store *, time_t, int complete, int full);
/* A run started at t: an R line saying so goes before its first line. */
void store_run_start(struct store *, time_t t, int full);
/* Flush and fdatasync the journal: when force, or a second after the
 * last time.  0 or -1. */
int store_sync(struct store *, int force);

/* The last run's end (0: none), whether it was complete, and the end of
 * the last complete full walk (0: none). */
time_t store_last_run(const struct store *, int *complete);
time_t store_last_full(const struct store *);
/* 1 when delivered.tsv is tracked. */
int store_delivery(const struct store *);
size_t store_count(const struct store *);
/* Bytes written to the journal (and by compaction) this run. */
long long store_written(const struct store *);
/* Every entry, sorted by URL, in a malloc'd array of *n; NULL when out of
 * memory.  Valid until the next store_put or store_forget. */
struct sentry **store_entries(struct store *, size_t *n);

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
/*
 * Remove the cache files no entry names (the old copy of a revised
 * document, a document forgotten): after a complete run, when every
 * entry is known.  Their count and bytes in *files and *bytes; 0 or -1
 * (out of memory: nothing removed).
 */
int store_sweep(struct store *, long *files, long long *bytes);

/*
 * For the fuzz harness and the tests: a store in memory only (no folder,
 * no lock, no journal file), one journal line applied to it (without its
 * newline; 0 applied, -1 not a good line), and an entry's E line written
 * to fp (the line store_write appends).
 */
struct store *store_mem(void);
int store_feed(struct store *, char *line);
int store_format(FILE *fp, const struct sentry *);

#endif
