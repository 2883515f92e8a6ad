/*
 * site_html.c: what the pages of the site share: escaping, the head and
 * the foot of a page, the sentence of each check (common/schema), the extra
 * files of the data set read as tables (series.tsv, coverage.tsv,
 * sources.tsv).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/rec.h"
#include "common/cli.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/schema.h"
#include "agency.h"
#include "site.h"

FILE *
site_open(const struct site *s, const char *rel)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", s->tmp, rel);
	if ((fp = fopen(path, "w")) == NULL)
		gk_warn(path, "%s", strerror(errno));
	return fp;
}

int
site_close(FILE *fp, const char *rel)
{
	int bad = ferror(fp);

	if (fclose(fp) == EOF || bad) {
		gk_warn(rel, "cannot write: %s", strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

void
h_esc(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			putc(*s, fp);
		}
}

void
j_str(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else if (c == '<')	/* never "</script>" */
			fputs("\\u003c", fp);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

void
agency_file(const struct site *s, const char *agency, char *out, size_t n)
{
	char key[512], id[17];

	(void)s;
	agency_key(agency, key, sizeof(key));
	gk_doc_id(key, id);
	snprintf(out, n, "a/%s.html", id);
}

void
h_head(FILE *fp, const char *title, const char *root)
{
	fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>", fp);
	h_esc(fp, title);
	fprintf(fp, " · gk</title>\n<link rel=\"stylesheet\" "
	    "href=\"%ssite/gk.css\">\n</head>\n<body>\n<header><nav>"
	    "<a href=\"%sindex.html\" class=\"home\">政府信息公开年度报告</a> "
	    "<a href=\"%sindex.html#reports\">Reports</a> "
	    "<a href=\"%ssite/agencies.html\">Agencies</a> "
	    "<a href=\"%ssite/checks.html\">Checks</a> "
	    "<a href=\"%ssite/coverage.html\">Coverage</a> "
	    "<a href=\"%sindex.html#per-year\">Charts</a>"
	    "</nav></header>\n<main>\n", root, root, root, root, root, root,
	    root);
}

void
h_foot(FILE *fp, const struct site *s, const char *root)
{
	fprintf(fp, "</main>\n<footer>Made by gk %s on <time id=\"generated\">"
	    "%s</time> from the data set's files: <a href=\"%sreports.tsv\">"
	    "reports.tsv</a>, <a href=\"%smetrics.tsv\">metrics.tsv</a>, "
	    "<a href=\"%schecks.tsv\">checks.tsv</a>, <a href=\"%serrors.tsv\">"
	    "errors.tsv</a>.</footer>\n</body>\n</html>\n", gk_version(),
	    s->when, root, root, root, root);
}

/* One sentence per check: common/schema's. */
const char *
check_about(const char *check)
{
	const struct gk_check *c = gk_check(check);

	return c != NULL ? c->sentence : NULL;
}

const char *
check_name(size_t i)
{
	size_t n;

	for (n = 0; gk_checks[n].name != NULL; n++)
		continue;
	return i < n ? gk_checks[i].name : NULL;
}

/* ---- any TSV file with a header line ---- */

void
extra_free(struct extra *x)
{
	size_t i;
	int k;

	if (x == NULL)
		return;
	for (i = 0; i < x->n; i++) {
		for (k = 0; k < x->ncol; k++)
			free(x->rows[i][k]);
		free(x->rows[i]);
	}
	for (k = 0; k < x->ncol; k++)
		free(x->cols[k]);
	free(x->rows);
	free(x->cols);
	free(x->by);
	free(x);
}

struct extra_fill {
	struct extra *x;
	size_t nb;		/* rows allocated */
};

/* A line's fields: no line end, at most EXTRA_MAXCOL (the files the site
 * reads have a few columns; the rest is left out). */
#define EXTRA_MAXCOL 64

static int
split(char *line, char **f)
{
	int n;

	line[strcspn(line, "\r\n")] = '\0';
	if ((n = gk_split_tabs(line, f, EXTRA_MAXCOL)) > EXTRA_MAXCOL)
		n = EXTRA_MAXCOL;
	return n;
}

static int
each_file(const char *path, int *ncol,
    int (*row)(void *, int, char **, int), void *arg)
{
	char *line = NULL, *f[EXTRA_MAXCOL + 1];
	size_t cap = 0;
	FILE *fp;
	int n, k, first = 1, rv = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	while (rv == 0 && getline(&line, &cap, fp) != -1) {
		n = split(line, f);
		if (first) {
			first = 0;
			if (*ncol < 0) {
				*ncol = n;
				rv = row(arg, 1, f, n);
			}
			continue;
		}
		for (k = n; k < *ncol; k++)	/* short rows: empty fields */
			f[k] = "";
		rv = row(arg, 0, f, *ncol);
	}
	if (rv == 0 && ferror(fp))
		rv = -1;
	free(line);
	fclose(fp);
	return rv;
}

static int
tsv_entry(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 4 &&
	    strcmp(e->d_name + n - 4, ".tsv") == 0;
}

static int
entry_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
extra_each(const char *dir, const char *file,
    int (*row)(void *, int header, char **f, int n), void *arg)
{
	char path[4096], part[4096 + 260];
	struct dirent **names = NULL;
	struct stat sb;
	int n, i, rc = 0, ncol = -1;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (stat(path, &sb) == -1)
		return 1;
	if (!S_ISDIR(sb.st_mode)) {
		rc = each_file(path, &ncol, row, arg);
	} else if ((n = scandir(path, &names, tsv_entry, entry_cmp)) == -1) {
		rc = -1;
	} else {
		for (i = 0; i < n; i++) {
			snprintf(part, sizeof(part), "%s/%s", path,
			    names[i]->d_name);
			if (rc == 0)
				rc = each_file(part, &ncol, row, arg);
			free(names[i]);
		}
		free(names);
	}
	if (rc == -1)
		return -1;
	return ncol < 0 ? 1 : 0;
}

/* extra_read's row: the header into x->cols, each line into x->rows. */
static int
keep_row(void *arg, int header, char **f, int n)
{
	struct extra *x = ((struct extra_fill *)arg)->x;
	size_t *nb = &((struct extra_fill *)arg)->nb;
	char **v;
	int k;

	if ((v = calloc((size_t)n + 1, sizeof(*v))) == NULL)
		return -1;
	for (k = 0; k < n; k++)
		if ((v[k] = strdup(f[k])) == NULL) {
			while (k-- > 0)
				free(v[k]);
			free(v);
			return -1;
		}
	if (header) {
		x->cols = v;
		x->ncol = n;
		return 0;
	}
	if (x->n == *nb) {
		char ***r = realloc(x->rows, sizeof(*r) * (*nb ? *nb * 2 : 256));

		if (r == NULL) {
			for (k = 0; k < n; k++)
				free(v[k]);
			free(v);
			return -1;
		}
		x->rows = r;
		*nb = *nb ? *nb * 2 : 256;
	}
	x->rows[x->n++] = v;
	return 0;
}

/* A file of the data set, or a folder of its partitions (every *.tsv in
 * name order, one header), held whole: extra_each's rows kept. */
struct extra *
extra_read(const char *dir, const char *file)
{
	struct extra_fill fill = { NULL, 0 };
	char path[4096];
	int rc;

	if ((fill.x = calloc(1, sizeof(*fill.x))) == NULL)
		return NULL;
	if ((rc = extra_each(dir, file, keep_row, &fill)) != 0) {
		if (rc == -1) {
			snprintf(path, sizeof(path), "%s/%s", dir, file);
			gk_warn(path, "out of memory or unreadable; left out "
			    "of the site");
		}
		extra_free(fill.x);
		return NULL;
	}
	return fill.x;
}

int
extra_col(const struct extra *x, const char *name)
{
	int k;

	if (x == NULL)
		return -1;
	for (k = 0; k < x->ncol; k++)
		if (strcmp(x->cols[k], name) == 0)
			return k;
	return -1;
}

static const struct extra *by_x;	/* for cmp_by: qsort has no context */

static int
cmp_by(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(by_x->rows[a][by_x->bycol], by_x->rows[b][by_x->bycol]);

	return c != 0 ? c : (a > b) - (a < b);
}

int
extra_index(struct extra *x, const char *col)
{
	size_t i;

	if (x == NULL || (x->bycol = extra_col(x, col)) < 0)
		return -1;
	free(x->by);
	if ((x->by = malloc((x->n ? x->n : 1) * sizeof(*x->by))) == NULL)
		return -1;
	for (i = 0; i < x->n; i++)
		x->by[i] = i;
	by_x = x;
	qsort(x->by, x->n, sizeof(*x->by), cmp_by);
	by_x = NULL;
	return 0;
}

size_t
extra_find(const struct extra *x, const char *key, size_t *n)
{
	size_t lo = 0, hi, mid, end;

	*n = 0;
	if (x == NULL || x->by == NULL)
		return 0;
	hi = x->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(x->rows[x->by[mid]][x->bycol], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < x->n && strcmp(x->rows[x->by[end]][x->bycol],
	    key) == 0; end++)
		continue;
	*n = end - lo;
	return lo;
}
