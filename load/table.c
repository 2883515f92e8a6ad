/*
 * table.c: reading the data set's TSV files back (table.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/rec.h"
#include "common/bounds.h"
#include "common/buf.h"
#include "common/log.h"
#include "table.h"

void
table_init(struct table *t, const char *file, const char *const *cols,
    int ncol)
{
	memset(t, 0, sizeof(*t));
	t->file = file;
	t->cols = cols;
	t->ncol = ncol;
}

void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->rows[i]);
	free(t->rows);
	t->rows = NULL;
	t->n = t->cap = 0;
}

int
table_add(struct table *t, const char *const *f)
{
	struct row *r;
	size_t len[64], need, i;
	char *p;
	int nf = t->ncol;

	if (nf > 64)
		return -1;
	need = sizeof(*r) + (size_t)nf * sizeof(r->f[0]);
	for (i = 0; i < (size_t)nf; i++) {
		len[i] = f[i] != NULL ? strlen(f[i]) : 0;
		need += len[i] + 1;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		struct row **a = realloc(t->rows, cap * sizeof(*a));

		if (a == NULL)
			return -1;
		t->rows = a;
		t->cap = cap;
	}
	if ((r = malloc(need)) == NULL)
		return -1;
	r->seq = t->nextseq++;
	r->nf = nf;
	p = (char *)&r->f[nf];
	for (i = 0; i < (size_t)nf; i++) {
		if (len[i] > 0)
			memcpy(p, f[i], len[i]);
		p[len[i]] = '\0';
		r->f[i] = p;
		p += len[i] + 1;
	}
	t->rows[t->n++] = r;
	return 0;
}

/* One file into t. 0, 1 (no such file), -1. */
static int
read_file(struct table *t, const char *path)
{
	char *f[64];
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	FILE *fp;
	int n, i, rv = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 1;
		gk_warn(path, "%s", strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if ((size_t)len > GK_MAX_LINE) {
			gk_warn(path, "line %lu: longer than %u bytes", lineno,
			    GK_MAX_LINE);
			rv = -1;
			break;
		}
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		n = gk_split_tabs(line, f, 64);
		if (lineno == 1) {
			for (i = 0; i < t->ncol && i < n; i++)
				if (strcmp(f[i], t->cols[i]) != 0)
					break;
			if (n != t->ncol || i != t->ncol) {
				gk_warn(path, "not a gk-load file: the header "
				    "is not \"%s\t...\" with %d columns",
				    t->cols[0], t->ncol);
				rv = -1;
				break;
			}
			continue;
		}
		if (len == 0)
			continue;
		if (n != t->ncol) {
			gk_warn(path, "line %lu: %d fields, expected %d",
			    lineno, n, t->ncol);
			rv = -1;
			break;
		}
		if (t->each != NULL) {
			if (t->each(t->arg, (const char *const *)f) == -1) {
				rv = -1;
				break;
			}
		} else if (table_add(t, (const char *const *)f) == -1) {
			gk_warn(path, "out of memory");
			rv = -1;
			break;
		}
	}
	if (rv == 0 && ferror(fp)) {
		gk_warn(path, "%s", strerror(errno));
		rv = -1;
	}
	free(line);
	fclose(fp);
	return rv;
}

static int
cmpname(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
tsv_name(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 4 &&
	    strcmp(e->d_name + n - 4, ".tsv") == 0;
}

int
table_read(struct table *t, const char *dir)
{
	struct gk_buf path;
	struct dirent **names;
	struct stat sb;
	int n, i, rv = 0;

	gk_buf_init(&path, 4096);
	if (gk_buf_printf(&path, "%s/%s", dir, t->file) == -1) {
		gk_warn(dir, "path too long");
		return -1;
	}
	if (stat(path.p, &sb) == -1 || !S_ISDIR(sb.st_mode)) {
		rv = read_file(t, path.p);
		gk_buf_free(&path);
		return rv;
	}
	if ((n = scandir(path.p, &names, tsv_name, cmpname)) == -1) {
		gk_warn(path.p, "%s", strerror(errno));
		gk_buf_free(&path);
		return -1;
	}
	for (i = 0; i < n; i++) {
		char file[4096];

		if (rv == 0) {
			snprintf(file, sizeof(file), "%s/%s", path.p,
			    names[i]->d_name);
			if (read_file(t, file) == -1)
				rv = -1;
		}
		free(names[i]);
	}
	free(names);
	gk_buf_free(&path);
	return rv;
}

int
table_each(struct table *t, const char *dir,
    int (*each)(void *, const char *const *), void *arg)
{
	int rv;

	t->each = each;
	t->arg = arg;
	rv = table_read(t, dir);
	t->each = NULL;
	t->arg = NULL;
	return rv;
}
