/*
 * cache.c: gk-extract's results by content hash (cache.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/bounds.h"
#include "common/cli.h"
#include "common/hash.h"
#include "cache.h"

#define HEADER	"gk-extract-cache\t1\t"
#define ENDLINE	"end\n"

struct xcache {
	char dir[PATH_MAX];		/* DIR/BUILD */
	char build[2 * 64 + 1];
};

struct note_ctx {
	char *out;
	size_t outsz;
	int done;
};

/* The NT_GNU_BUILD_ID note of the program itself (the first object). */
static int
build_note(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct note_ctx *c = arg;
	const ElfW(Nhdr) *nh;
	const unsigned char *p, *end, *desc;
	size_t i, j, namesz, descsz;
	int k;

	(void)size;
	if (c->done)
		return 1;
	c->done = 1;	/* the program is the first object: only it counts */
	for (k = 0; k < info->dlpi_phnum; k++) {
		if (info->dlpi_phdr[k].p_type != PT_NOTE)
			continue;
		p = (const unsigned char *)(info->dlpi_addr +
		    info->dlpi_phdr[k].p_vaddr);
		end = p + info->dlpi_phdr[k].p_memsz;
		while ((size_t)(end - p) >= sizeof(*nh)) {
			nh = (const ElfW(Nhdr) *)(const void *)p;
			namesz = (nh->n_namesz + 3) & ~(size_t)3;
			descsz = (nh->n_descsz + 3) & ~(size_t)3;
			if (namesz + descsz > (size_t)(end - p) - sizeof(*nh))
				break;
			desc = p + sizeof(*nh) + namesz;
			if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
			    memcmp(p + sizeof(*nh), "GNU", 4) == 0 &&
			    nh->n_descsz > 0 && nh->n_descsz * 2 < c->outsz) {
				for (i = 0, j = 0; i < nh->n_descsz; i++, j += 2)
					snprintf(c->out + j, 3, "%02x", desc[i]);
				return 1;
			}
			p += sizeof(*nh) + namesz + descsz;
		}
	}
	return 1;
}

/*
 * The build id: the linker's note, else (a program linked without one)
 * the version with the program file's size and time, which change with
 * every build too.
 */
static void
build_id(char *out, size_t outsz)
{
	struct note_ctx c = { out, outsz, 0 };
	char line[256], hex[GK_SHA256_HEX];
	struct stat sb;

	out[0] = '\0';
	dl_iterate_phdr(build_note, &c);
	if (out[0] != '\0')
		return;
	if (stat("/proc/self/exe", &sb) == -1)
		memset(&sb, 0, sizeof(sb));
	snprintf(line, sizeof(line), "%s %lld %lld.%09ld", gk_version(),
	    (long long)sb.st_size, (long long)sb.st_mtim.tv_sec,
	    sb.st_mtim.tv_nsec);
	gk_sha256_hex(line, strlen(line), hex);
	snprintf(out, outsz, "v%.40s", hex);
}

static int
mkdirs(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) == -1 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0777) == -1 && errno != EEXIST ? -1 : 0;
}

struct xcache *
xcache_open(const char *dir, char *err, size_t errsz)
{
	struct xcache *c;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		snprintf(err, errsz, "out of memory");
		return NULL;
	}
	build_id(c->build, sizeof(c->build));
	if ((size_t)snprintf(c->dir, sizeof(c->dir), "%s/%s", dir, c->build) >=
	    sizeof(c->dir) - 80) {
		snprintf(err, errsz, "the path is too long");
		free(c);
		return NULL;
	}
	if (mkdirs(c->dir) == -1 || access(c->dir, W_OK) == -1) {
		snprintf(err, errsz, "%s", strerror(errno));
		free(c);
		return NULL;
	}
	return c;
}

void
xcache_close(struct xcache *c)
{
	free(c);
}

const char *
xcache_build(const struct xcache *c)
{
	return c->build;
}

int
xcache_key_ok(const char *s)
{
	return gk_sha256_hex_ok(s);
}

static void
entry_path(const struct xcache *c, const char *sha, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s/%.2s/%s", c->dir, sha, sha);
}

static enum gk_err
err_of(const char *name, size_t n)
{
	int e;

	for (e = GK_E_OK + 1; e < GK_E_LAST; e++)
		if (strlen(gk_errname((enum gk_err)e)) == n &&
		    memcmp(gk_errname((enum gk_err)e), name, n) == 0)
			return (enum gk_err)e;
	return GK_E_OK;
}

int
xcache_get(struct xcache *c, const char *sha, struct gk_buf *recs,
    enum gk_err *err, char *reason, size_t reasonsz)
{
	static const char errhead[] = "error\t\textract\t";
	char path[PATH_MAX + 200];
	const char *body, *tab, *nl;
	size_t hl = strlen(HEADER), el = strlen(ENDLINE), blen;

	*err = GK_E_OK;
	reason[0] = '\0';
	gk_buf_reset(recs);
	entry_path(c, sha, path, sizeof(path));
	if (gk_buf_read_file(recs, path) != 0)
		goto none;
	/* the header names the key, the end line says it is whole */
	if (recs->len < hl + 65 + el || memcmp(recs->p, HEADER, hl) != 0 ||
	    memcmp(recs->p + hl, sha, 64) != 0 || recs->p[hl + 64] != '\n' ||
	    memcmp(recs->p + recs->len - el, ENDLINE, el) != 0 ||
	    (recs->len > hl + 65 + el && recs->p[recs->len - el - 1] != '\n'))
		goto none;
	body = recs->p + hl + 65;
	blen = recs->len - hl - 65 - el;
	if (blen >= sizeof(errhead) - 1 &&
	    memcmp(body, errhead, sizeof(errhead) - 1) == 0) {
		body += sizeof(errhead) - 1;
		if ((tab = memchr(body, '\t', blen)) == NULL ||
		    (nl = strchr(tab, '\n')) == NULL ||
		    (*err = err_of(body, (size_t)(tab - body))) == GK_E_OK)
			goto none;
		snprintf(reason, reasonsz, "%.*s", (int)(nl - tab - 1), tab + 1);
		gk_buf_reset(recs);
	} else {
		memmove(recs->p, body, blen);
		recs->len = blen;
		recs->p[blen] = '\0';
	}
	utimensat(AT_FDCWD, path, NULL, 0);	/* used tonight */
	return 1;
none:
	gk_buf_reset(recs);
	*err = GK_E_OK;
	return 0;
}

int
xcache_put(struct xcache *c, const char *sha, const char *doc,
    const struct gk_buf *recs, enum gk_err err, const char *reason)
{
	char path[PATH_MAX + 200], tmp[PATH_MAX + 200];
	const char *p, *end, *t1, *t2, *nl;
	size_t dl = strlen(doc);
	FILE *fp;
	int fd, bad = 0;

	snprintf(tmp, sizeof(tmp), "%s/tmp.XXXXXX", c->dir);
	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	fprintf(fp, "%s%s\n", HEADER, sha);
	if (err != GK_E_OK) {
		fprintf(fp, "error\t\textract\t%s\t", gk_errname(err));
		for (p = reason; *p != '\0'; p++)
			putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p,
			    fp);
		putc('\n', fp);
	} else {
		/* each line TYPE \t DOC \t ...: DOC left out */
		p = recs->p != NULL ? recs->p : "";
		end = p + recs->len;
		while (p < end && !bad) {
			nl = memchr(p, '\n', (size_t)(end - p));
			t1 = memchr(p, '\t', (size_t)(end - p));
			if (nl == NULL || t1 == NULL || t1 > nl) {
				bad = 1;
				break;
			}
			t2 = t1 + 1 + dl;
			if (t2 > nl || memcmp(t1 + 1, doc, dl) != 0 ||
			    (*t2 != '\t' && *t2 != '\n')) {
				bad = 1;
				break;
			}
			fwrite(p, 1, (size_t)(t1 + 1 - p), fp);
			fwrite(t2, 1, (size_t)(nl + 1 - t2), fp);
			p = nl + 1;
		}
	}
	fputs(ENDLINE, fp);
	if (fclose(fp) != 0 || bad) {
		unlink(tmp);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%.2s", c->dir, sha);
	if (mkdir(path, 0777) == -1 && errno != EEXIST) {
		unlink(tmp);
		return -1;
	}
	entry_path(c, sha, path, sizeof(path));
	if (rename(tmp, path) == -1) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

int
xcache_write(FILE *out, const struct gk_buf *recs, const char *doc)
{
	const char *p = recs->p != NULL ? recs->p : "", *end = p + recs->len;
	const char *nl, *t1;

	while (p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end - 1;
		if ((t1 = memchr(p, '\t', (size_t)(nl - p))) == NULL) {
			if (fwrite(p, 1, (size_t)(nl + 1 - p), out) !=
			    (size_t)(nl + 1 - p))
				return -1;
		} else if (fwrite(p, 1, (size_t)(t1 + 1 - p), out) !=
		    (size_t)(t1 + 1 - p) || fputs(doc, out) == EOF ||
		    fwrite(t1 + 1, 1, (size_t)(nl + 1 - (t1 + 1)), out) !=
		    (size_t)(nl + 1 - (t1 + 1)))
			return -1;
		p = nl + 1;
	}
	return ferror(out) ? -1 : 0;
}
