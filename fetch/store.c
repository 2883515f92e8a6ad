/*
 * store.c: the state journal, the delivered list, the cache and the lock.
 *
 * The journal (fetch.state):
 *
 *   # gk-fetch state 2
 *   E URL KIND PAGE SHA256 BYTES TYPE CHARSET ETAG LAST_MODIFIED FIRST
 *     FETCHED CHECKED PUBLISHED CODE TITLE AGENCY MESSAGE
 *   C URL CHECKED
 *   F URL
 *   R TIME FLAGS
 *
 * fields separated by tabs, times as 2024-03-07T08:00:00Z, CODE an error
 * code's name (a lasting failure) or empty, FLAGS "complete", "full",
 * both (comma-separated) or "-".  A line that does not parse is skipped;
 * a last line without its newline is cut off before anything is appended.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/rec.h"
#include "common/err.h"
#include "common/log.h"
#include "common/hash.h"
#include "store.h"
#include "url.h"

#define STATE_MAGIC1 "# gk-fetch state 1"
#define STATE_MAGIC "# gk-fetch state 2"
#define STATE_HEADER "# E URL KIND PAGE SHA256 BYTES TYPE CHARSET ETAG " \
	"LAST_MODIFIED FIRST FETCHED CHECKED PUBLISHED CODE TITLE AGENCY " \
	"MESSAGE | C URL CHECKED | F URL | R TIME FLAGS"
#define STATE_MAX_ENTRIES 1000000
#define STATE_MAX_LINE (64 << 10)	/* longer lines are not ours */
#define E_FIELDS 18

struct store {
	char dir[PATH_MAX];
	int lockfd;
	int mem;		/* store_mem: no files */
	struct sentry **tab;
	size_t nb, n;
	FILE *j;		/* the journal, appending */
	long long lines;	/* E/C/F/R lines in the journal */
	long long written;
	int dirty;		/* lines not yet synced */
	struct timespec last_sync;
	int delivery;
	time_t last_run, last_full;
	int last_complete;
	time_t pending_start;	/* store_run_start: written before the next line */
	int pending_full;
};

static int
mkdirs(const char *path)
{
	char p[PATH_MAX], *s;

	if (snprintf(p, sizeof(p), "%s", path) >= (int)sizeof(p))
		return -1;
	for (s = p + 1; *s != '\0'; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(p, 0777) == -1 && errno != EEXIST)
				return -1;
			*s = '/';
		}
	if (mkdir(p, 0777) == -1 && errno != EEXIST)
		return -1;
	return 0;
}

static int
fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc;

	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

/* --- times ---------------------------------------------------------- */

static void
iso(time_t t, char out[24])
{
	struct tm tm;

	if (t <= 0 || gmtime_r(&t, &tm) == NULL) {
		out[0] = '\0';
		return;
	}
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* "2024-03-07T08:00:00Z" (or empty: 0). -1 when it is neither. */
static int
parse_iso(const char *s, time_t *out)
{
	struct tm tm;
	int n = 0;

	*out = 0;
	if (*s == '\0')
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &tm.tm_year, &tm.tm_mon,
	    &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6 ||
	    s[n] != '\0' || tm.tm_year < 1970 || tm.tm_year > 9999 ||
	    tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour > 23 || tm.tm_min > 59 ||
	    tm.tm_sec > 60 || tm.tm_hour < 0 || tm.tm_min < 0 || tm.tm_sec < 0)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	*out = timegm(&tm);
	return 0;
}

/* --- entries -------------------------------------------------------- */

int
store_set(char **field, const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		return -1;
	free(*field);
	*field = d;
	return 0;
}

static void
entry_free(struct sentry *e)
{
	free(e->url);
	free(e->page);
	free(e->etag);
	free(e->title);
	free(e->agency);
	free(e->msg);
	free(e);
}

struct sentry *
store_get(struct store *st, const char *url)
{
	struct sentry *e;

	for (e = st->tab[url_hash(url) % st->nb]; e != NULL; e = e->next)
		if (strcmp(e->url, url) == 0)
			return e;
	return NULL;
}

static void
grow(struct store *st)
{
	struct sentry **nt;
	size_t nb = st->nb * 4, i;

	if ((nt = calloc(nb, sizeof(*nt))) == NULL)
		return;		/* chains just get longer */
	for (i = 0; i < st->nb; i++) {
		struct sentry *e, *nx;

		for (e = st->tab[i]; e != NULL; e = nx) {
			nx = e->next;
			e->next = nt[url_hash(e->url) % nb];
			nt[url_hash(e->url) % nb] = e;
		}
	}
	free(st->tab);
	st->tab = nt;
	st->nb = nb;
}

struct sentry *
store_put(struct store *st, const char *url)
{
	struct sentry *e;
	uint32_t h;

	if ((e = store_get(st, url)) != NULL)
		return e;
	if (st->n >= STATE_MAX_ENTRIES)
		return NULL;
	if (st->n > st->nb * 2)
		grow(st);
	if ((e = calloc(1, sizeof(*e))) == NULL ||
	    (e->url = strdup(url)) == NULL || (e->etag = strdup("")) == NULL ||
	    (e->title = strdup("")) == NULL || (e->agency = strdup("")) ==
	    NULL || (e->msg = strdup("")) == NULL) {
		if (e != NULL)
			entry_free(e);
		return NULL;
	}
	e->kind = SK_UNKNOWN;
	h = url_hash(url) % st->nb;
	e->next = st->tab[h];
	st->tab[h] = e;
	st->n++;
	return e;
}

static void
unlink_entry(struct store *st, struct sentry *e)
{
	struct sentry **pp;

	for (pp = &st->tab[url_hash(e->url) % st->nb]; *pp != NULL;
	    pp = &(*pp)->next)
		if (*pp == e) {
			*pp = e->next;
			st->n--;
			entry_free(e);
			return;
		}
}

size_t
store_count(const struct store *st)
{
	return st->n;
}

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp((*(struct sentry *const *)a)->url,
	    (*(struct sentry *const *)b)->url);
}

struct sentry **
store_entries(struct store *st, size_t *n)
{
	struct sentry **v, *e;
	size_t i, k = 0;

	if ((v = malloc((st->n + 1) * sizeof(*v))) == NULL)
		return NULL;
	for (i = 0; i < st->nb; i++)
		for (e = st->tab[i]; e != NULL; e = e->next)
			v[k++] = e;
	qsort(v, k, sizeof(*v), cmp_entry);
	*n = k;
	return v;
}

/* --- journal lines -------------------------------------------------- */

static int
known_kind(int k)
{
	return k == SK_UNKNOWN || k == SK_ROBOTS || k == SK_LISTING ||
	    k == SK_REPORT || k == SK_FILE || k == SK_ATTACH || k == SK_GIVEN;
}

static int
code_of(const char *name, unsigned char *out)
{
	int i;

	*out = 0;
	if (*name == '\0')
		return 0;
	for (i = 1; i < GK_E_LAST; i++)
		if (strcmp(gk_errname((enum gk_err)i), name) == 0) {
			*out = (unsigned char)i;
			return 0;
		}
	return -1;
}

static int
fits(const char *s, size_t sz)
{
	return strlen(s) < sz;
}

/* A URL as the crawl writes them: normalised, so no space or control
 * byte (the journal could not hold it as it is). */
static int
url_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == '\0' || strlen(s) >= URL_MAX)
		return 0;
	for (; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f)
			return 0;
	return 1;
}

/* An E line's fields into the entry for its URL. */
static int
apply_e(struct store *st, char **f)
{
	struct sentry *e, tmp;
	char *end;

	memset(&tmp, 0, sizeof(tmp));
	if (!url_ok(f[1]) || (f[3][0] != '\0' && !url_ok(f[3])) ||
	    strlen(f[2]) != 1 ||
	    !known_kind(f[2][0]) || (f[4][0] != '\0' && !gk_sha256_hex_ok(f[4])) ||
	    !fits(f[6], sizeof(tmp.type)) || !fits(f[7], sizeof(tmp.charset)) ||
	    !fits(f[9], sizeof(tmp.lastmod)) ||
	    !fits(f[13], sizeof(tmp.published)) ||
	    parse_iso(f[10], &tmp.first) == -1 ||
	    parse_iso(f[11], &tmp.fetched) == -1 ||
	    parse_iso(f[12], &tmp.checked) == -1 ||
	    code_of(f[14], &tmp.code) == -1)
		return -1;
	errno = 0;
	tmp.bytes = strtoll(f[5], &end, 10);
	if (errno != 0 || *end != '\0' || tmp.bytes < 0)
		return -1;
	if ((e = store_put(st, f[1])) == NULL)
		return -1;
	if (store_set(&e->page, f[3]) == -1 || store_set(&e->etag, f[8]) == -1 ||
	    store_set(&e->title, f[15]) == -1 ||
	    store_set(&e->agency, f[16]) == -1 ||
	    store_set(&e->msg, f[17]) == -1)
		return -1;
	if (f[3][0] == '\0') {
		free(e->page);
		e->page = NULL;
	}
	e->kind = f[2][0];
	memcpy(e->sha, f[4], strlen(f[4]) + 1);
	e->bytes = tmp.bytes;
	memcpy(e->type, f[6], strlen(f[6]) + 1);
	memcpy(e->charset, f[7], strlen(f[7]) + 1);
	memcpy(e->lastmod, f[9], strlen(f[9]) + 1);
	e->first = tmp.first;
	e->fetched = tmp.fetched;
	e->checked = tmp.checked;
	memcpy(e->published, f[13], strlen(f[13]) + 1);
	e->code = tmp.code;
	return 0;
}

int
store_feed(struct store *st, char *line)
{
	char *f[E_FIELDS + 1];
	struct sentry *e;
	time_t t;
	int n;

	if (line[0] == '#' || line[0] == '\0')
		return 0;
	n = gk_split_tabs(line, f, E_FIELDS);
	switch (f[0][0] != '\0' && f[0][1] == '\0' ? f[0][0] : 0) {
	case 'E':
		return n == E_FIELDS ? apply_e(st, f) : -1;
	case 'C':
		if (n != 3 || parse_iso(f[2], &t) == -1 ||
		    (e = store_get(st, f[1])) == NULL)
			return -1;
		e->checked = t;
		return 0;
	case 'F':
		if (n != 2 || (e = store_get(st, f[1])) == NULL)
			return -1;
		unlink_entry(st, e);
		return 0;
	case 'R':
		if (n != 3 || parse_iso(f[1], &t) == -1 || t == 0)
			return -1;
		st->last_run = t;
		st->last_complete = strstr(f[2], "complete") != NULL;
		if (st->last_complete && strstr(f[2], "full") != NULL)
			st->last_full = t;
		return 0;
	default:
		return -1;
	}
}

/* A field as written: no tab, no line break. */
static void
field(FILE *fp, const char *s, int last)
{
	for (; s != NULL && *s != '\0'; s++)
		putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
	putc(last ? '\n' : '\t', fp);
}

int
store_format(FILE *fp, const struct sentry *e)
{
	char first[24], fetched[24], checked[24], kind[2] = { e->kind, '\0' },
	    bytes[24];

	iso(e->first, first);
	iso(e->fetched, fetched);
	iso(e->checked, checked);
	snprintf(bytes, sizeof(bytes), "%lld", e->bytes);
	field(fp, "E", 0);
	field(fp, e->url, 0);
	field(fp, kind, 0);
	field(fp, e->page, 0);
	field(fp, e->sha, 0);
	field(fp, bytes, 0);
	field(fp, e->type, 0);
	field(fp, e->charset, 0);
	field(fp, e->etag, 0);
	field(fp, e->lastmod, 0);
	field(fp, first, 0);
	field(fp, fetched, 0);
	field(fp, checked, 0);
	field(fp, e->published, 0);
	field(fp, e->code != 0 ? gk_errname((enum gk_err)e->code) : "", 0);
	field(fp, e->title, 0);
	field(fp, e->agency, 0);
	field(fp, e->msg, 1);
	return ferror(fp) ? -1 : 0;
}

/* --- the journal file ---------------------------------------------- */

/* Count what a line to the journal costs, and mark it for the next sync. */
static int
appended(struct store *st, long before)
{
	long after = ftell(st->j);

	st->lines++;
	st->dirty = 1;
	if (before >= 0 && after >= before)
		st->written += after - before;
	return ferror(st->j) ? -1 : 0;
}

static int start_line(struct store *);

int
store_write(struct store *st, struct sentry *e)
{
	long pos;

	e->run &= ~(SR_DIRTY | SR_CHECKED);
	if (st->j == NULL)
		return 0;
	if (start_line(st) == -1)
		return -1;
	pos = ftell(st->j);
	store_format(st->j, e);
	return appended(st, pos);
}

int
store_checked(struct store *st, struct sentry *e)
{
	char t[24];
	long pos;

	e->run &= ~SR_CHECKED;
	if (st->j == NULL)
		return 0;
	if (start_line(st) == -1)
		return -1;
	pos = ftell(st->j);
	iso(e->checked, t);
	fputs("C\t", st->j);
	field(st->j, e->url, 0);
	field(st->j, t, 1);
	return appended(st, pos);
}

int
store_forget(struct store *st, struct sentry *e)
{
	long pos;
	int rc = 0;

	if (st->j != NULL && (rc = start_line(st)) == 0) {
		pos = ftell(st->j);
		fputs("F\t", st->j);
		field(st->j, e->url, 1);
		rc = appended(st, pos);
	}
	unlink_entry(st, e);
	return rc;
}

/*
 * A run has started: "R TIME -" (a run not finished) is written before
 * its first line, so that a run killed after it wrote something makes
 * the next one walk every listing; a run that writes nothing (the site
 * did not answer) leaves the file as it was.
 */
void
store_run_start(struct store *st, time_t t, int full)
{
	st->pending_start = t;
	st->pending_full = full;
}

static int
start_line(struct store *st)
{
	time_t t = st->pending_start;

	if (t == 0)
		return 0;
	st->pending_start = 0;
	return store_run_end(st, t, 0, st->pending_full);
}

int
store_run_end(struct store *st, time_t t, int complete, int full)
{
	char ts[24];
	long pos;

	st->pending_start = 0;
	st->last_run = t;
	st->last_complete = complete;
	if (complete && full)
		st->last_full = t;
	if (st->j == NULL)
		return 0;
	iso(t, ts);
	pos = ftell(st->j);
	fprintf(st->j, "R\t%s\t%s\n", ts, complete && full ?
	    "complete,full" : complete ? "complete" : full ? "full" : "-");
	return appended(st, pos);
}

int
store_sync(struct store *st, int force)
{
	struct timespec now;

	if (st->j == NULL || !st->dirty)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!force && (now.tv_sec - st->last_sync.tv_sec) * 1000 +
	    (now.tv_nsec - st->last_sync.tv_nsec) / 1000000 < 1000)
		return 0;
	st->last_sync = now;
	st->dirty = 0;
	if (fflush(st->j) == EOF || fdatasync(fileno(st->j)) == -1)
		return -1;
	return 0;
}

/*
 * Write every entry to fetch.state.tmp, sync it, rename it over the
 * journal: one E line per URL (sorted, so that two runs that saw the same
 * site write the same file) and the last run's R line.
 */
static int
compact(struct store *st)
{
	char tmp[PATH_MAX + 32], path[PATH_MAX + 16];
	struct sentry **v;
	size_t i, k;
	FILE *fp;
	int fd, rc = 0;

	if ((v = store_entries(st, &k)) == NULL)
		return -1;
	snprintf(tmp, sizeof(tmp), "%s/fetch.state.tmp", st->dir);
	snprintf(path, sizeof(path), "%s/fetch.state", st->dir);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd != -1)
			close(fd);
		free(v);
		return -1;
	}
	fprintf(fp, "%s\n%s\n", STATE_MAGIC, STATE_HEADER);
	for (i = 0; i < k; i++)
		if (v[i]->kind != SK_UNKNOWN || v[i]->sha[0] != '\0')
			store_format(fp, v[i]);
	free(v);
	/* the last complete full walk, then the last run */
	if (st->last_full > 0 && st->last_full != st->last_run) {
		char ts[24];

		iso(st->last_full, ts);
		fprintf(fp, "R\t%s\tcomplete,full\n", ts);
	}
	if (st->last_run > 0) {
		char ts[24];

		iso(st->last_run, ts);
		fprintf(fp, "R\t%s\t%s\n", ts, st->last_complete &&
		    st->last_full == st->last_run ? "complete,full" :
		    st->last_complete ? "complete" : "-");
	}
	if (fflush(fp) == EOF || ferror(fp) || fsync(fd) == -1)
		rc = -1;
	st->written += ftell(fp) > 0 ? ftell(fp) : 0;
	if (fclose(fp) == EOF)
		rc = -1;
	if (rc == 0 && rename(tmp, path) == -1)
		rc = -1;
	if (rc == -1)
		unlink(tmp);
	else {
		(void)fsync_dir(st->dir);
		st->lines = (long long)k;
	}
	return rc;
}

/* Open the journal for appending; a torn last line is cut off first. */
static int
open_journal(struct store *st)
{
	char path[PATH_MAX + 16];
	struct stat sb;
	int fd;

	snprintf(path, sizeof(path), "%s/fetch.state", st->dir);
	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1 ||
	    fstat(fd, &sb) == -1)
		goto bad;
	if (sb.st_size > 0) {
		/* the last newline: everything after it is a torn line */
		off_t end = sb.st_size;
		char buf[4096];

		while (end > 0) {
			off_t from = end > (off_t)sizeof(buf) ? end -
			    (off_t)sizeof(buf) : 0;
			ssize_t n = pread(fd, buf, (size_t)(end - from), from);
			ssize_t i;

			if (n <= 0)
				goto bad;
			for (i = n - 1; i >= 0 && buf[i] != '\n'; i--)
				;
			if (i >= 0) {
				end = from + i + 1;
				break;
			}
			end = from;
		}
		if (end != sb.st_size && ftruncate(fd, end) == -1)
			goto bad;
	}
	if (lseek(fd, 0, SEEK_END) == -1 || (st->j = fdopen(fd, "a")) == NULL)
		goto bad;
	if (sb.st_size == 0) {
		fprintf(st->j, "%s\n%s\n", STATE_MAGIC, STATE_HEADER);
		st->dirty = 1;
	}
	return 0;
bad:
	if (fd != -1)
		close(fd);
	return -1;
}

/* Replay the journal (or read a version 1 state file). */
static int
load(struct store *st, int *v1, char *err, size_t errsz)
{
	char path[PATH_MAX + 16], *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp;
	unsigned long no = 0, bad = 0;

	*v1 = 0;
	snprintf(path, sizeof(path), "%s/fetch.state", st->dir);
	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		no++;
		if (len == 0 || line[len - 1] != '\n')
			break;		/* a torn last line */
		line[--len] = '\0';
		if (no == 1) {
			if (strcmp(line, STATE_MAGIC1) == 0)
				*v1 = 1;
			else if (strcmp(line, STATE_MAGIC) != 0) {
				snprintf(err, errsz, "%s: not a gk-fetch state "
				    "file", path);
				goto fail;
			}
			continue;
		}
		if (line[0] == '#' || line[0] == '\0')
			continue;
		st->lines++;
		if (len > STATE_MAX_LINE) {
			bad++;
			continue;
		}
		if (*v1) {
			/* URL ETAG LAST_MODIFIED SHA256 BYTES TYPE CHARSET
			 * FETCHED: known bytes, of a kind not known yet */
			char *f[9];
			struct sentry *e;

			if (gk_split_tabs(line, f, 8) != 8 || !gk_sha256_hex_ok(f[3]) ||
			    !fits(f[2], sizeof(e->lastmod)) ||
			    !fits(f[5], sizeof(e->type)) ||
			    !fits(f[6], sizeof(e->charset)) || !url_ok(f[0])) {
				bad++;
				continue;
			}
			if ((e = store_put(st, f[0])) == NULL ||
			    store_set(&e->etag, f[1]) == -1) {
				snprintf(err, errsz, "%s: too many entries",
				    path);
				goto fail;
			}
			memcpy(e->lastmod, f[2], strlen(f[2]) + 1);
			memcpy(e->sha, f[3], 65);
			e->bytes = strtoll(f[4], NULL, 10);
			memcpy(e->type, f[5], strlen(f[5]) + 1);
			memcpy(e->charset, f[6], strlen(f[6]) + 1);
			(void)parse_iso(f[7], &e->fetched);
			e->first = e->fetched;
			continue;
		}
		if (store_feed(st, line) == -1) {
			if (st->n >= STATE_MAX_ENTRIES) {
				snprintf(err, errsz, "%s: too many entries",
				    path);
				goto fail;
			}
			bad++;
		}
	}
	if (bad > 0)
		gk_debug("%s: %lu damaged lines skipped", path, bad);
	free(line);
	fclose(fp);
	return 0;
fail:
	free(line);
	fclose(fp);
	return -1;
}

/* DIR/delivered.tsv: URL SHA256 RUN a line, the last line of a URL wins. */
static void
load_delivered(struct store *st, int fresh)
{
	char path[PATH_MAX + 32], *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp;
	int fd;

	snprintf(path, sizeof(path), "%s/delivered.tsv", st->dir);
	if ((fp = fopen(path, "r")) == NULL) {
		/* a new state: delivery is tracked from the first run on */
		if (errno == ENOENT && fresh && (fd = open(path, O_WRONLY |
		    O_CREAT | O_EXCL | O_CLOEXEC, 0666)) != -1) {
			close(fd);
			st->delivery = 1;
		}
		return;
	}
	st->delivery = 1;
	while ((len = getline(&line, &cap, fp)) != -1) {
		char *f[4];
		struct sentry *e;

		if (len == 0 || line[len - 1] != '\n' || len > URL_MAX + 256)
			continue;	/* torn, or not ours */
		line[--len] = '\0';
		if (gk_split_tabs(line, f, 3) < 2 || !gk_sha256_hex_ok(f[1]))
			continue;
		if ((e = store_get(st, f[0])) != NULL)
			memcpy(e->dsha, f[1], sizeof(e->dsha));
	}
	free(line);
	fclose(fp);
}

/* Temporary files of a killed run: we hold the lock, so none is live. */
static void
sweep_tmp(const struct store *st)
{
	char d[PATH_MAX + 16], f[PATH_MAX + 300];
	struct dirent *de;
	DIR *dp;

	snprintf(d, sizeof(d), "%s/cache/tmp", st->dir);
	if ((dp = opendir(d)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] != '.') {
			snprintf(f, sizeof(f), "%s/%s", d, de->d_name);
			unlink(f);
		}
	closedir(dp);
	snprintf(f, sizeof(f), "%s/fetch.state.tmp", st->dir);
	unlink(f);
}

static struct store *
store_new(void)
{
	struct store *st;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	st->lockfd = -1;
	st->nb = 4096;
	if ((st->tab = calloc(st->nb, sizeof(*st->tab))) == NULL) {
		free(st);
		return NULL;
	}
	return st;
}

struct store *
store_mem(void)
{
	struct store *st = store_new();

	if (st != NULL)
		st->mem = 1;
	return st;
}

struct store *
store_open(const char *dir, char *err, size_t errsz)
{
	char p[PATH_MAX + 16];
	struct stat sb;
	struct store *st;
	int v1, fresh;

	if ((st = store_new()) == NULL) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	snprintf(p, sizeof(p), "%s/cache/tmp", dir);
	if (mkdirs(p) == -1 || realpath(dir, st->dir) == NULL) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		store_close(st);
		return NULL;
	}
	snprintf(p, sizeof(p), "%s/fetch.lock", st->dir);
	if ((st->lockfd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1 ||
	    flock(st->lockfd, LOCK_EX | LOCK_NB) == -1) {
		snprintf(err, errsz, "%s: %s", p, errno == EWOULDBLOCK ?
		    "another gk-fetch run holds the lock" : strerror(errno));
		store_close(st);
		return NULL;
	}
	sweep_tmp(st);
	snprintf(p, sizeof(p), "%s/fetch.state", st->dir);
	fresh = stat(p, &sb) == -1 && errno == ENOENT;
	if (load(st, &v1, err, errsz) == -1) {
		store_close(st);
		return NULL;
	}
	/* a version 1 file becomes a journal before anything is appended */
	if ((v1 && compact(st) == -1) || open_journal(st) == -1) {
		snprintf(err, errsz, "%s: %s", p, strerror(errno));
		store_close(st);
		return NULL;
	}
	load_delivered(st, fresh);
	return st;
}

int
store_compact(struct store *st, int force)
{
	FILE *j = st->j;

	if (j == NULL || (!force && st->lines <= 2 * (long long)st->n + 64))
		return 0;
	if (store_sync(st, 1) == -1)
		return -1;
	if (compact(st) == -1) {
		gk_warn("state", "cannot compact the journal: %s",
		    strerror(errno));
		return -1;
	}
	/* the new file takes the lines from now on */
	st->j = NULL;
	fclose(j);
	return open_journal(st);
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	if (st->j != NULL) {
		if (store_sync(st, 1) == -1)
			gk_warn("state", "cannot write the journal: %s",
			    strerror(errno));
		fclose(st->j);
	}
	for (i = 0; st->tab != NULL && i < st->nb; i++) {
		struct sentry *e, *nx;

		for (e = st->tab[i]; e != NULL; e = nx) {
			nx = e->next;
			entry_free(e);
		}
	}
	free(st->tab);
	if (st->lockfd != -1)
		close(st->lockfd);
	free(st);
}

time_t
store_last_run(const struct store *st, int *complete)
{
	*complete = st->last_complete;
	return st->last_run;
}

time_t
store_last_full(const struct store *st)
{
	return st->last_full;
}

int
store_delivery(const struct store *st)
{
	return st->delivery;
}

long long
store_written(const struct store *st)
{
	return st->written;
}

void
store_cache_path(const struct store *st, const char *sha, char *out,
    size_t outsz)
{
	snprintf(out, outsz, "%s/cache/%.2s/%s", st->dir, sha, sha);
}

int
store_tmp(const struct store *st, char *out, size_t outsz)
{
	if (snprintf(out, outsz, "%s/cache/tmp/body.XXXXXX", st->dir) >=
	    (int)outsz)
		return -1;
	return mkostemp(out, O_CLOEXEC);
}

int
store_commit(const struct store *st, int fd, const char *tmp,
    const char *sha)
{
	char dir[PATH_MAX + 16], path[PATH_MAX + 96];

	if (fsync(fd) == -1)
		return -1;
	snprintf(dir, sizeof(dir), "%s/cache/%.2s", st->dir, sha);
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		return -1;
	store_cache_path(st, sha, path, sizeof(path));
	if (rename(tmp, path) == -1)
		return -1;
	return fsync_dir(dir);
}

int
store_has(const struct store *st, const char *sha)
{
	char path[PATH_MAX + 96];
	struct stat sb;

	if (sha[0] == '\0' || st->mem)
		return 0;
	store_cache_path(st, sha, path, sizeof(path));
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int
cmp_sha(const void *a, const void *b)
{
	return memcmp(a, b, GK_SHA256_HEX - 1);
}

int
store_sweep(struct store *st, long *files, long long *bytes)
{
	char (*shas)[GK_SHA256_HEX], path[PATH_MAX + 600];
	struct sentry **v;
	struct dirent *de, *fe;
	struct stat sb;
	DIR *top, *sub;
	size_t i, n, k = 0;

	*files = 0;
	*bytes = 0;
	if (st->mem)
		return 0;
	if ((v = store_entries(st, &n)) == NULL)
		return -1;
	if ((shas = malloc((n + 1) * sizeof(*shas))) == NULL) {
		free(v);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (v[i]->sha[0] != '\0')
			memcpy(shas[k++], v[i]->sha, GK_SHA256_HEX);
	free(v);
	qsort(shas, k, sizeof(*shas), cmp_sha);
	snprintf(path, sizeof(path), "%s/cache", st->dir);
	if ((top = opendir(path)) == NULL) {
		free(shas);
		return 0;
	}
	while ((de = readdir(top)) != NULL) {
		/* the folders ab/ of the content addresses, not tmp/ */
		if (strlen(de->d_name) != 2 || !isxdigit((unsigned char)
		    de->d_name[0]) || !isxdigit((unsigned char)de->d_name[1]))
			continue;
		snprintf(path, sizeof(path), "%s/cache/%s", st->dir,
		    de->d_name);
		if ((sub = opendir(path)) == NULL)
			continue;
		while ((fe = readdir(sub)) != NULL) {
			if (!gk_sha256_hex_ok(fe->d_name) || strncmp(fe->d_name,
			    de->d_name, 2) != 0 || bsearch(fe->d_name, shas, k,
			    sizeof(*shas), cmp_sha) != NULL)
				continue;
			snprintf(path, sizeof(path), "%s/cache/%s/%s", st->dir,
			    de->d_name, fe->d_name);
			if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
			    unlink(path) == 0) {
				(*files)++;
				*bytes += sb.st_size;
			}
		}
		closedir(sub);
	}
	closedir(top);
	free(shas);
	return 0;
}
