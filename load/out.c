/*
 * out.c: temporary file, fsync, rename, fsync of the folder.
 *
 * Every file is written in full under a hidden temporary name first, and
 * only when all of them are safely on disk are they renamed into place,
 * one rename each.  rename(2) is atomic, so each file is always either the
 * old one or the new one, never a mix; the window in which some files are
 * new and others still old is the few renames at the end.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "out.h"

#define TMPSUFFIX ".gk-tmp"

void
out_init(struct out *o, const char *dir)
{
	memset(o, 0, sizeof(*o));
	o->dir = dir;
}

FILE *
out_open(struct out *o, const char *name)
{
	int fd, i = o->n;

	if (i == OUT_MAX || strlen(name) >= sizeof(o->f[i].name)) {
		gk_warn(name, "too many output files");
		return NULL;
	}
	snprintf(o->f[i].name, sizeof(o->f[i].name), "%s", name);
	if ((size_t)snprintf(o->f[i].dst, sizeof(o->f[i].dst), "%s/%s",
	    o->dir, name) >= sizeof(o->f[i].dst) ||
	    (size_t)snprintf(o->f[i].tmp, sizeof(o->f[i].tmp), "%s/.%s"
	    TMPSUFFIX, o->dir, name) >= sizeof(o->f[i].tmp)) {
		gk_warn(o->dir, "path too long");
		return NULL;
	}
	fd = open(o->f[i].tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd == -1) {
		gk_warn(o->f[i].tmp, "%s", strerror(errno));
		return NULL;
	}
	if ((o->f[i].fp = fdopen(fd, "w")) == NULL) {
		gk_warn(o->f[i].tmp, "%s", strerror(errno));
		close(fd);
		unlink(o->f[i].tmp);
		return NULL;
	}
	o->n++;
	return o->f[i].fp;
}

void
out_abort(struct out *o)
{
	int i;

	for (i = 0; i < o->n; i++) {
		if (o->f[i].fp != NULL)
			fclose(o->f[i].fp);
		o->f[i].fp = NULL;
		unlink(o->f[i].tmp);
	}
	o->n = 0;
}

int
out_commit(struct out *o)
{
	int i, fd;

	for (i = 0; i < o->n; i++) {
		FILE *fp = o->f[i].fp;

		if (fflush(fp) == EOF || ferror(fp) || fsync(fileno(fp)) == -1) {
			gk_warn(o->f[i].tmp, "%s", strerror(errno ? errno : EIO));
			out_abort(o);
			return -1;
		}
		o->f[i].fp = NULL;
		if (fclose(fp) == EOF) {
			gk_warn(o->f[i].tmp, "%s", strerror(errno));
			out_abort(o);
			return -1;
		}
	}
	for (i = 0; i < o->n; i++) {
		if (rename(o->f[i].tmp, o->f[i].dst) == -1) {
			gk_warn(o->f[i].dst, "%s", strerror(errno));
			out_abort(o);
			return -1;
		}
	}
	o->n = 0;
	if ((fd = open(o->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1 ||
	    fsync(fd) == -1) {
		gk_warn(o->dir, "%s", strerror(errno));
		if (fd != -1)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

void
out_sweep(const char *dir)
{
	char path[4096];
	struct dirent *e;
	size_t n, sl = strlen(TMPSUFFIX);
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (e->d_name[0] != '.' || n <= sl ||
		    strcmp(e->d_name + n - sl, TMPSUFFIX) != 0)
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    e->d_name) < sizeof(path))
			unlink(path);
	}
	closedir(d);
}
