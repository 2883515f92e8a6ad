/*
 * table.c: reading and writing gk-load's TSV files.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	r->rank = 0;
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

void
table_filter(struct table *t, int (*drop)(const struct row *, void *),
    void *arg)
{
	size_t i, j;

	for (i = j = 0; i < t->n; i++) {
		if (drop(t->rows[i], arg))
			free(t->rows[i]);
		else
			t->rows[j++] = t->rows[i];
	}
	t->n = j;
}

/* Undo the quoting of one field in place: "a ""b""" -> a "b". */
static void
unquote(char *s)
{
	size_t n = strlen(s);
	char *w;

	if (n < 2 || s[0] != '"' || s[n - 1] != '"')
		return;
	s[n - 1] = '\0';
	for (w = s, s++; *s != '\0'; s++) {
		*w++ = *s;
		if (s[0] == '"' && s[1] == '"')
			s++;
	}
	*w = '\0';
}

int
tsv_split(char *line, const char **f, int max)
{
	int n = 0;
	char *p = line, *tab;

	for (;;) {
		if (n == max)
			return max + 1;
		tab = strchr(p, '\t');
		if (tab != NULL)
			*tab = '\0';
		unquote(p);
		f[n++] = p;
		if (tab == NULL)
			return n;
		p = tab + 1;
	}
}

int
table_read(struct table *t, const char *dir)
{
	struct gk_buf path;
	const char *f[64];
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	FILE *fp;
	int n, i, rv = 0;

	gk_buf_init(&path, 4096);
	if (gk_buf_printf(&path, "%s/%s", dir, t->file) == -1) {
		gk_warn(dir, "path too long");
		return -1;
	}
	if ((fp = fopen(path.p, "r")) == NULL) {
		rv = errno == ENOENT ? 1 : -1;
		if (rv == -1)
			gk_warn(path.p, "%s", strerror(errno));
		gk_buf_free(&path);
		return rv;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		if ((size_t)len > GK_MAX_LINE) {
			gk_warn(path.p, "line %lu: longer than %u bytes", lineno,
			    GK_MAX_LINE);
			rv = -1;
			break;
		}
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		n = tsv_split(line, f, 64);
		if (lineno == 1) {
			for (i = 0; i < t->ncol && i < n; i++)
				if (strcmp(f[i], t->cols[i]) != 0)
					break;
			if (n != t->ncol || i != t->ncol) {
				gk_warn(path.p, "not a gk-load file: the header "
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
			gk_warn(path.p, "line %lu: %d fields, expected %d",
			    lineno, n, t->ncol);
			rv = -1;
			break;
		}
		if (table_add(t, f) == -1) {
			gk_warn(path.p, "out of memory");
			rv = -1;
			break;
		}
	}
	if (rv == 0 && ferror(fp)) {
		gk_warn(path.p, "%s", strerror(errno));
		rv = -1;
	}
	free(line);
	fclose(fp);
	gk_buf_free(&path);
	return rv;
}

static int
put_field(FILE *fp, const char *s)
{
	const char *p;
	int quote;

	if (s == NULL)
		return 0;
	quote = strchr(s, '"') != NULL;
	if (quote && putc('"', fp) == EOF)
		return -1;
	for (p = s; *p != '\0'; p++) {
		int c = (unsigned char)*p;

		if (c == '\t' || c == '\r' || c == '\n')
			c = ' ';
		if (c == '"' && putc('"', fp) == EOF)
			return -1;
		if (putc(c, fp) == EOF)
			return -1;
	}
	if (quote && putc('"', fp) == EOF)
		return -1;
	return 0;
}

int
tsv_put_row(FILE *fp, int nf, const char *const *f)
{
	int i;

	for (i = 0; i < nf; i++) {
		if (i > 0 && putc('\t', fp) == EOF)
			return -1;
		if (put_field(fp, f[i]) == -1)
			return -1;
	}
	return putc('\n', fp) == EOF ? -1 : 0;
}

int
table_write(const struct table *t, FILE *fp)
{
	size_t i;

	if (tsv_put_row(fp, t->ncol, t->cols) == -1)
		return -1;
	for (i = 0; i < t->n; i++)
		if (tsv_put_row(fp, t->rows[i]->nf, t->rows[i]->f) == -1)
			return -1;
	return 0;
}
