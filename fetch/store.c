/*
 * store.c: the state file, the cache and the lock.
 */
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
#include <unistd.h>

#include "store.h"
#include "url.h"

#define STATE_MAGIC "# gk-fetch state 1"
#define STATE_MAX_ENTRIES 1000000

struct store {
	char dir[PATH_MAX];
	int lockfd;
	struct sentry **tab;
	size_t nb, n;
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

static void
copyf(char *dst, size_t dsz, const char *src)
{
	snprintf(dst, dsz, "%s", src);
}

static int
load(struct store *st, char *err, size_t errsz)
{
	char path[PATH_MAX + 16], *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp;
	unsigned long no = 0;

	snprintf(path, sizeof(path), "%s/fetch.state", st->dir);
	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		char *f[9], *p = line;
		struct sentry *e;
		int i;

		no++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (no == 1 && strcmp(line, STATE_MAGIC) != 0) {
			snprintf(err, errsz, "%s: not a gk-fetch state file",
			    path);
			goto bad;
		}
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (i = 0; i < 9 && p != NULL; i++) {
			f[i] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (i != 8 || p != NULL || strlen(f[3]) != 64) {
			/* a damaged line is dropped: that URL is fetched anew */
			continue;
		}
		if (st->n >= STATE_MAX_ENTRIES ||
		    (e = store_put(st, f[0])) == NULL) {
			snprintf(err, errsz, "%s: too many entries", path);
			goto bad;
		}
		copyf(e->etag, sizeof(e->etag), f[1]);
		copyf(e->lastmod, sizeof(e->lastmod), f[2]);
		copyf(e->sha, sizeof(e->sha), f[3]);
		e->bytes = strtoll(f[4], NULL, 10);
		copyf(e->type, sizeof(e->type), f[5]);
		copyf(e->charset, sizeof(e->charset), f[6]);
		copyf(e->fetched, sizeof(e->fetched), f[7]);
	}
	free(line);
	fclose(fp);
	return 0;
bad:
	free(line);
	fclose(fp);
	return -1;
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

struct store *
store_open(const char *dir, char *err, size_t errsz)
{
	char p[PATH_MAX + 16];
	struct store *st;

	if ((st = calloc(1, sizeof(*st))) == NULL) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	st->lockfd = -1;
	snprintf(p, sizeof(p), "%s/cache/tmp", dir);
	if (mkdirs(p) == -1 || realpath(dir, st->dir) == NULL) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		free(st);
		return NULL;
	}
	snprintf(p, sizeof(p), "%s/fetch.lock", st->dir);
	if ((st->lockfd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0666)) == -1 ||
	    flock(st->lockfd, LOCK_EX | LOCK_NB) == -1) {
		snprintf(err, errsz, "%s: %s", p, errno == EWOULDBLOCK ?
		    "another gk-fetch run holds the lock" : strerror(errno));
		if (st->lockfd != -1)
			close(st->lockfd);
		free(st);
		return NULL;
	}
	st->nb = 4096;
	if ((st->tab = calloc(st->nb, sizeof(*st->tab))) == NULL) {
		snprintf(err, errsz, "out of memory");
		store_close(st);
		return NULL;
	}
	sweep_tmp(st);
	if (load(st, err, errsz) == -1) {
		store_close(st);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; st->tab != NULL && i < st->nb; i++) {
		struct sentry *e, *nx;

		for (e = st->tab[i]; e != NULL; e = nx) {
			nx = e->next;
			free(e->url);
			free(e);
		}
	}
	free(st->tab);
	if (st->lockfd != -1)
		close(st->lockfd);
	free(st);
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
	    (e->url = strdup(url)) == NULL) {
		free(e);
		return NULL;
	}
	h = url_hash(url) % st->nb;
	e->next = st->tab[h];
	st->tab[h] = e;
	st->n++;
	return e;
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

int
store_save(struct store *st)
{
	char tmp[PATH_MAX + 32], path[PATH_MAX + 16];
	struct sentry **v, *e;
	size_t i, k = 0;
	FILE *fp;
	int fd, rc = 0;

	if ((v = malloc((st->n + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < st->nb; i++)
		for (e = st->tab[i]; e != NULL; e = e->next)
			if (e->sha[0] != '\0')
				v[k++] = e;
	/* sorted, so two runs that saw the same site write the same file */
	qsort(v, k, sizeof(*v), cmp_entry);
	snprintf(tmp, sizeof(tmp), "%s/fetch.state.tmp", st->dir);
	snprintf(path, sizeof(path), "%s/fetch.state", st->dir);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666)) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd != -1)
			close(fd);
		free(v);
		return -1;
	}
	fprintf(fp, "%s\n# URL\tETAG\tLAST_MODIFIED\tSHA256\tBYTES\tTYPE\t"
	    "CHARSET\tFETCHED\n", STATE_MAGIC);
	for (i = 0; i < k; i++)
		fprintf(fp, "%s\t%s\t%s\t%s\t%lld\t%s\t%s\t%s\n", v[i]->url,
		    v[i]->etag, v[i]->lastmod, v[i]->sha, v[i]->bytes,
		    v[i]->type, v[i]->charset, v[i]->fetched);
	free(v);
	if (fflush(fp) == EOF || ferror(fp) || fsync(fd) == -1)
		rc = -1;
	if (fclose(fp) == EOF)
		rc = -1;
	if (rc == 0 && rename(tmp, path) == -1)
		rc = -1;
	if (rc == -1)
		unlink(tmp);
	else
		(void)fsync_dir(st->dir);
	return rc;
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

	if (sha[0] == '\0')
		return 0;
	store_cache_path(st, sha, path, sizeof(path));
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}
