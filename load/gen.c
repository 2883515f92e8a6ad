/*
 * gen.c: generations of the data set (gen.h).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "crash.h"
#include "gen.h"

#define CURRENT "current"

/* The names a reader uses, each a link through DIR/current. */
static const char *const published[] = {
	"reports", "metrics", "checks", "series", "sources", "wide-gov2019",
	"wide-gov2021", "reports.tsv", "metrics.tsv", "checks.tsv",
	"series.tsv", "sources.tsv", "wide-gov2019.tsv", "wide-gov2021.tsv",
	"agencies.tsv", "coverage.tsv", "dictionary.tsv",
	"errors.tsv", "changes.tsv", "changes.atom", "gk.sqlite",
	"index.html", "site", "csv",
};

/* Files an older gk-load wrote in place of them. */
static const char *const older[] = {
	"reports.tsv", "metrics.tsv", "checks.tsv", "wide-gov2019.tsv",
	"wide-gov2021.tsv", "errors.tsv", "index.html", "site",
};

static int
path(char *out, const char *a, const char *b)
{
	if ((size_t)snprintf(out, PATH_MAX, "%s/%s", a, b) >= PATH_MAX) {
		gk_warn(a, "path too long");
		return -1;
	}
	return 0;
}

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(p);
	return 0;
}

void
gen_rmtree(const char *p)
{
	struct stat sb;

	if (lstat(p, &sb) == 0)
		nftw(p, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static int
sync_dir(const char *p)
{
	int fd = open(p, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd == -1 || fsync(fd) == -1) {
		gk_warn(p, "%s", strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int
mkdir_p(const char *p)
{
	if (mkdir(p, 0755) == -1 && errno != EEXIST) {
		gk_warn(p, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

int
gen_open(struct gen *g, const char *dir)
{
	char p[PATH_MAX], link[PATH_MAX], keep[64];
	struct dirent *e;
	struct stat sb;
	ssize_t n;
	size_t i;
	DIR *d;

	memset(g, 0, sizeof(*g));
	snprintf(g->dir, sizeof(g->dir), "%s", dir);
	for (i = 0; i < sizeof(older) / sizeof(older[0]); i++) {
		if (path(p, dir, older[i]) == -1)
			return -1;
		if (lstat(p, &sb) == 0 && !S_ISLNK(sb.st_mode)) {
			gk_warn(dir, "holds the files of an older gk-load (%s "
			    "is not a link); this gk-load keeps generations "
			    "(%s/current): load the streams again into an "
			    "empty folder, or move the old files away",
			    older[i], dir);
			return -1;
		}
	}
	if (path(g->gk, dir, ".gk") == -1 || mkdir_p(g->gk) == -1 ||
	    path(p, g->gk, "gen") == -1 || mkdir_p(p) == -1 ||
	    path(p, g->gk, "db") == -1 || mkdir_p(p) == -1 ||
	    path(p, dir, CURRENT) == -1)
		return -1;
	if ((n = readlink(p, link, sizeof(link) - 1)) >= 0) {
		link[n] = '\0';
		if (strncmp(link, ".gk/gen/", 8) != 0 ||
		    (g->cur = strtoll(link + 8, NULL, 10)) <= 0) {
			gk_warn(p, "does not point at a generation (%s)", link);
			return -1;
		}
		if (path(g->curdir, dir, link) == -1)
			return -1;
	} else if (errno != ENOENT) {
		gk_warn(p, "%s", errno == EINVAL ? "not a symbolic link" :
		    strerror(errno));
		return -1;
	}
	/* a killed load's leftovers, and generations before the current */
	if (path(p, dir, "." CURRENT ".tmp") == -1)
		return -1;
	unlink(p);
	if (path(p, g->gk, "gen") == -1 || (d = opendir(p)) == NULL) {
		gk_warn(p, "%s", strerror(errno));
		return -1;
	}
	snprintf(keep, sizeof(keep), "%08lld", g->cur);
	while ((e = readdir(d)) != NULL) {
		char q[PATH_MAX];

		if (e->d_name[0] == '.' || strcmp(e->d_name, keep) == 0)
			continue;
		if (path(q, p, e->d_name) == 0)
			gen_rmtree(q);
	}
	closedir(d);
	return 0;
}

int
gen_begin(struct gen *g, long long run)
{
	char name[64];

	g->run = run;
	snprintf(name, sizeof(name), "gen/%08lld.tmp", run);
	if (path(g->tmp, g->gk, name) == -1)
		return -1;
	snprintf(name, sizeof(name), "gen/%08lld", run);
	if (path(g->final, g->gk, name) == -1)
		return -1;
	gen_rmtree(g->tmp);
	if (mkdir_p(g->tmp) == -1)
		return -1;
	g->open = 1;
	return 0;
}

/* The folder of rel in the new generation, made when missing. */
static int
parent(struct gen *g, const char *rel, char *out)
{
	const char *slash = strrchr(rel, '/');
	char sub[PATH_MAX], full[PATH_MAX];

	if (path(out, g->tmp, rel) == -1)
		return -1;
	if (slash == NULL)
		return 0;
	snprintf(sub, sizeof(sub), "%.*s", (int)(slash - rel), rel);
	if (path(full, g->tmp, sub) == -1)
		return -1;
	return mkdir_p(full);
}

FILE *
gen_create(struct gen *g, const char *rel)
{
	char p[PATH_MAX];
	FILE *fp;
	int fd;

	if (parent(g, rel, p) == -1)
		return NULL;
	if ((fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)) ==
	    -1 || (fp = fdopen(fd, "w")) == NULL) {
		gk_warn(p, "%s", strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	setvbuf(fp, NULL, _IOFBF, 1 << 16);
	return fp;
}

int
gen_close(struct gen *g, FILE *fp, const char *rel)
{
	int err = 0;

	if (fflush(fp) == EOF || ferror(fp) || fsync(fileno(fp)) == -1)
		err = errno ? errno : EIO;
	if (fclose(fp) == EOF && err == 0)
		err = errno;
	if (++g->written % 10 == 1)
		crash_point(rel);
	if (err != 0) {
		gk_warn(rel, "cannot write it in %s: %s", g->tmp,
		    err == ENOSPC ? "the disk is full" : strerror(err));
		return -1;
	}
	return 0;
}

int
gen_link(struct gen *g, const char *rel)
{
	char from[PATH_MAX], to[PATH_MAX];

	if (g->cur == 0)
		return 1;
	if (path(from, g->curdir, rel) == -1 || parent(g, rel, to) == -1)
		return -1;
	if (link(from, to) == -1) {
		if (errno == ENOENT)
			return 1;
		gk_warn(to, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

int
gen_link_rest(struct gen *g, const char *reldir,
    int (*keep)(const char *, void *), void *arg)
{
	char p[PATH_MAX], rel[PATH_MAX], q[PATH_MAX];
	struct dirent *e;
	struct stat sb;
	DIR *d;
	int rv = 0;

	if (g->cur == 0)
		return 0;
	if (path(p, g->curdir, reldir) == -1)
		return -1;
	if ((d = opendir(p)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while (rv == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !keep(e->d_name, arg))
			continue;
		snprintf(rel, sizeof(rel), "%s/%s", reldir, e->d_name);
		if (path(q, g->tmp, rel) == -1) {
			rv = -1;
			break;
		}
		if (lstat(q, &sb) == 0)
			continue;	/* written anew */
		if (gen_link(g, rel) == -1)
			rv = -1;
	}
	closedir(d);
	return rv;
}

int
gen_symlink(struct gen *g, const char *rel, const char *target)
{
	char p[PATH_MAX];

	if (parent(g, rel, p) == -1)
		return -1;
	if (symlink(target, p) == -1) {
		gk_warn(p, "%s", strerror(errno));
		return -1;
	}
	return 0;
}

/* Sync every folder of the new generation (files are synced when
 * written; links need their folder synced). */
static int
sync_tree(const char *top)
{
	struct dirent *e;
	struct stat sb;
	char p[PATH_MAX];
	DIR *d;
	int rv = 0;

	if ((d = opendir(top)) == NULL)
		return -1;
	while (rv == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (path(p, top, e->d_name) == -1)
			rv = -1;
		else if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
			rv = sync_dir(p);
	}
	closedir(d);
	return rv == 0 ? sync_dir(top) : -1;
}

int
gen_commit(struct gen *g)
{
	char target[64], cur[PATH_MAX], tmp[PATH_MAX], p[PATH_MAX];
	char link[PATH_MAX], gendir[PATH_MAX];
	struct stat sb;
	size_t i;

	if (sync_tree(g->tmp) == -1)
		return -1;
	crash_point("generation synced");
	if (rename(g->tmp, g->final) == -1) {
		gk_warn(g->final, "%s", strerror(errno));
		return -1;
	}
	if (path(gendir, g->gk, "gen") == -1 || sync_dir(gendir) == -1)
		return -1;
	/* the switch: one rename of a symbolic link */
	snprintf(target, sizeof(target), ".gk/gen/%08lld", g->run);
	if (path(cur, g->dir, CURRENT) == -1 ||
	    path(tmp, g->dir, "." CURRENT ".tmp") == -1)
		return -1;
	unlink(tmp);
	crash_point("generation named");
	if (symlink(target, tmp) == -1 || (crash_point("link made"),
	    rename(tmp, cur)) == -1) {
		gk_warn(cur, "%s", strerror(errno));
		unlink(tmp);
		return -1;
	}
	g->open = 0;
	crash_point("switched");
	/* the names a reader uses, made once */
	for (i = 0; i < sizeof(published) / sizeof(published[0]); i++) {
		if (path(p, g->final, published[i]) == -1)
			return -1;
		if (lstat(p, &sb) == -1)
			continue;	/* not in this generation */
		if (path(p, g->dir, published[i]) == -1)
			return -1;
		if (lstat(p, &sb) == 0)
			continue;
		snprintf(link, sizeof(link), CURRENT "/%s", published[i]);
		if (symlink(link, p) == -1) {
			gk_warn(p, "%s", strerror(errno));
			return -1;
		}
	}
	if (sync_dir(g->dir) == -1)
		return -1;
	g->cur = g->run;
	snprintf(g->curdir, sizeof(g->curdir), "%s", g->final);
	return 0;
}

void
gen_abort(struct gen *g)
{
	if (g->open)
		gen_rmtree(g->tmp);
	g->open = 0;
}
