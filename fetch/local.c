/*
 * local.c: gk-fetch PATH...: one `doc` record per local file.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/err.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/rec.h"
#include "common/sniff.h"
#include "local.h"
#include "store.h"

int
local_file_url(const char *abspath, char *out, size_t outsz)
{
	static const char hx[] = "0123456789ABCDEF";
	const unsigned char *p;
	size_t n;

	if (outsz < 8)
		return -1;
	memcpy(out, "file://", 7);
	n = 7;
	for (p = (const unsigned char *)abspath; *p != '\0'; p++) {
		int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL;

		if (n + (plain ? 1 : 3) >= outsz)
			return -1;
		if (plain)
			out[n++] = (char)*p;
		else {
			out[n++] = '%';
			out[n++] = hx[*p >> 4];
			out[n++] = hx[*p & 15];
		}
	}
	out[n] = '\0';
	return 0;
}

static void
emit_error(FILE *out, const char *url, const char *path, enum gk_err e,
    const char *why)
{
	char id[17], msg[PATH_MAX + 256];

	gk_doc_id(url, id);
	snprintf(msg, sizeof(msg), "%s: %s", path, why);
	gk_warn(path, "%s", why);
	gk_emit(out, GK_ERROR, id, "fetch", gk_errname(e), msg);
}

/* A file's TITLE: its name without the folder and the extension. */
static void
file_title(const char *path, char *out, size_t outsz)
{
	const char *b = strrchr(path, '/'), *dot;
	size_t n;

	b = b != NULL ? b + 1 : path;
	dot = strrchr(b, '.');
	n = dot != NULL && dot > b ? (size_t)(dot - b) : strlen(b);
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, b, n);
	out[n] = '\0';
}

static int
emit_file(FILE *out, const char *path, const struct stat *st, int in_dir)
{
	char abspath[PATH_MAX], url[3 * PATH_MAX + 8], id[17];
	char sha[GK_SHA256_HEX], bytes[32], fetched[32], title[NAME_MAX + 1];
	const char *type;
	struct gk_buf b;
	struct tm tm;
	int rc;

	if (realpath(path, abspath) == NULL ||
	    local_file_url(abspath, url, sizeof(url)) == -1) {
		emit_error(out, path, path, GK_E_OPEN, strerror(errno));
		return 1;
	}
	if ((uintmax_t)st->st_size > GK_MAX_FILE) {
		emit_error(out, url, path, GK_E_TOO_BIG,
		    "larger than the file limit");
		return 1;
	}
	gk_buf_init(&b, GK_MAX_FILE);
	if ((rc = gk_buf_read_file(&b, abspath)) != 0) {
		emit_error(out, url, path, rc == -2 ? GK_E_TOO_BIG : GK_E_OPEN,
		    rc == -2 ? "larger than the file limit" : strerror(errno));
		gk_buf_free(&b);
		return 1;
	}
	type = gk_sniff((const unsigned char *)b.p, b.len);
	if (in_dir && strcmp(type, "other") == 0) {
		/* a README, a .tsv: not a document */
		gk_debug("%s: not a document, left out", path);
		gk_buf_free(&b);
		return 0;
	}
	gk_doc_id(url, id);
	gk_sha256_hex(b.p, b.len, sha);
	snprintf(bytes, sizeof(bytes), "%zu", b.len);
	gmtime_r(&st->st_mtime, &tm);
	strftime(fetched, sizeof(fetched), "%Y-%m-%dT%H:%M:%SZ", &tm);
	/* each file is a report page of its own: a group of one */
	gk_emit(out, GK_GROUP, id);
	file_title(abspath, title, sizeof(title));
	gk_emit(out, GK_DOC, id, url, url, abspath, sha, bytes, type, title,
	    "", "", fetched, "new");
	gk_buf_free(&b);
	return 0;
}

/*
 * The files and folders this run has read, by device and inode: a file
 * reached twice (a symbolic or hard link, a path given twice) is one
 * document, and a folder linked from inside itself is read once.
 */
struct seen_ino {
	dev_t dev;
	ino_t ino;
};

static struct seen_ino *seen;
static size_t nseen, capseen;

/* 1 when (dev, ino) was new and is now in the set, 0 when seen, -1. */
static int
seen_add(const struct stat *st)
{
	size_t i;

	for (i = 0; i < nseen; i++)
		if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
			return 0;
	if (nseen == capseen) {
		size_t cap = capseen ? capseen * 2 : 256;
		struct seen_ino *v = realloc(seen, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		seen = v;
		capseen = cap;
	}
	seen[nseen].dev = st->st_dev;
	seen[nseen].ino = st->st_ino;
	nseen++;
	return 1;
}

void
local_free(void)
{
	free(seen);
	seen = NULL;
	nseen = capseen = 0;
}

/* Is path (resolved) the folder root or inside it? */
static int
inside(const char *path, const char *root)
{
	size_t n = strlen(root);

	return strncmp(path, root, n) == 0 && (path[n] == '\0' ||
	    path[n] == '/' || (n == 1 && root[0] == '/'));
}

/*
 * path, under the folder root that was given (NULL: path itself was
 * given).  In a folder, a symbolic link is followed only when what it
 * points to is inside that folder; one leading out of it (a link to /etc)
 * is refused with an error, so that a folder of downloads cannot make
 * gk-fetch read the system's files.
 */
static int
walk(FILE *out, const char *path, const char *root, int depth)
{
	char real[PATH_MAX];
	struct dirent **ents;
	struct stat st;
	int i, n, failed = 0, r;

	if (root != NULL) {
		if (lstat(path, &st) == -1) {
			emit_error(out, path, path, GK_E_OPEN, strerror(errno));
			return 1;
		}
		if (S_ISLNK(st.st_mode)) {
			if (realpath(path, real) == NULL) {
				emit_error(out, path, path, GK_E_OPEN,
				    "a symbolic link to nothing");
				return 1;
			}
			if (!inside(real, root)) {
				char why[PATH_MAX + 96];

				snprintf(why, sizeof(why), "a symbolic link out "
				    "of the folder (to %.*s): not followed",
				    PATH_MAX, real);
				emit_error(out, path, path, GK_E_OFF_HOST, why);
				return 1;
			}
		}
	}
	if (stat(path, &st) == -1) {
		emit_error(out, path, path, GK_E_OPEN, strerror(errno));
		return 1;
	}
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		emit_error(out, path, path, GK_E_OPEN, "not a regular file");
		return 1;
	}
	if ((r = seen_add(&st)) <= 0) {
		if (r == -1) {
			emit_error(out, path, path, GK_E_NOMEM, "out of memory");
			return 1;
		}
		gk_debug("%s: read already (a link or the same path again)",
		    path);
		return 0;
	}
	if (S_ISREG(st.st_mode))
		return emit_file(out, path, &st, depth > 0);
	if (depth > 64) {
		emit_error(out, path, path, GK_E_TOO_MANY, "folders nested too deep");
		return 1;
	}
	if (root == NULL) {
		/* the folder given: links inside it may point anywhere in it */
		if (realpath(path, real) == NULL) {
			emit_error(out, path, path, GK_E_OPEN, strerror(errno));
			return 1;
		}
		root = real;
	}
	if ((n = scandir(path, &ents, NULL, alphasort)) == -1) {
		emit_error(out, path, path, GK_E_OPEN, strerror(errno));
		return 1;
	}
	for (i = 0; i < n; i++) {
		char child[PATH_MAX];

		if (ents[i]->d_name[0] != '.' &&
		    snprintf(child, sizeof(child), "%s/%s", path,
		    ents[i]->d_name) < (int)sizeof(child))
			failed += walk(out, child, root, depth + 1);
		free(ents[i]);
	}
	free(ents);
	return failed;
}

int
local_emit(FILE *out, const char *path)
{
	return walk(out, path, NULL, 0);
}

int
local_emit_stdin(FILE *out, const char *state_dir)
{
	char err[PATH_MAX + 256], tmp[PATH_MAX], file[PATH_MAX + 96];
	char sha[GK_SHA256_HEX], url[96], id[17], bytes[32], fetched[32];
	struct store *st;
	struct gk_buf b;
	struct tm tm;
	time_t now = time(NULL);
	char chunk[65536];
	size_t n, off;
	int fd;

	gk_buf_init(&b, GK_MAX_FILE);
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		if (gk_buf_add(&b, chunk, n) == -1) {
			emit_error(out, "stdin:", "-", GK_E_TOO_BIG,
			    "larger than the file limit");
			gk_buf_free(&b);
			return 1;
		}
	if (ferror(stdin)) {
		emit_error(out, "stdin:", "-", GK_E_OPEN, "read error");
		gk_buf_free(&b);
		return 1;
	}
	if ((st = store_open(state_dir, err, sizeof(err))) == NULL)
		gk_fatal("state", "%s", err);
	gk_sha256_hex(b.p != NULL ? b.p : "", b.len, sha);
	if ((fd = store_tmp(st, tmp, sizeof(tmp))) == -1)
		gk_fatal(state_dir, "no temporary file in the cache: %s",
		    strerror(errno));
	for (off = 0; off < b.len; ) {
		ssize_t w = write(fd, b.p + off, b.len - off);

		if (w == -1 && errno == EINTR)
			continue;
		if (w == -1)
			gk_fatal(state_dir, "cannot write the cache: %s",
			    strerror(errno));
		off += (size_t)w;
	}
	if (store_commit(st, fd, tmp, sha) == -1)
		gk_fatal(state_dir, "cannot write the cache: %s",
		    strerror(errno));
	close(fd);
	store_cache_path(st, sha, file, sizeof(file));
	snprintf(url, sizeof(url), "urn:sha256:%s", sha);
	gk_doc_id(url, id);
	snprintf(bytes, sizeof(bytes), "%zu", b.len);
	gmtime_r(&now, &tm);
	strftime(fetched, sizeof(fetched), "%Y-%m-%dT%H:%M:%SZ", &tm);
	gk_emit(out, GK_DOC, id, url, url, file, sha, bytes,
	    gk_sniff((const unsigned char *)gk_buf_str(&b), b.len), "", "", "",
	    fetched, "new");
	store_close(st);
	gk_buf_free(&b);
	return 0;
}
