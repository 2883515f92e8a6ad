/*
 * site_html.c: what the pages of the site share: escaping, the head and
 * the foot of a page, the style sheet and the script, the extra files of
 * the data set read as tables (dictionary.tsv, series.tsv, coverage.tsv).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cli.h"
#include "common/hash.h"
#include "common/log.h"
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

	agency_key(s->al, agency, key, sizeof(key));
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

/*
 * One sentence per check (SCHEMA.md's table, in a reader's words).  The
 * data set's dictionary.tsv, when it explains a check, is shown instead.
 */
static const struct {
	const char *check, *about;
} checks[] = {
	{ "row_total", "In table 三, a row's 总计 (total) must equal the sum of "
	  "its six applicant columns; WHERE is the row." },
	{ "closed_total", "In table 三, 三（七）总计 must equal the sum of "
	  "every 办理结果 row (予以公开 … 其他处理) in the same applicant "
	  "column; WHERE is the column." },
	{ "balance", "In table 三, requests received this year plus those "
	  "carried in (一 + 二) must equal those closed plus those carried "
	  "out (三（七） + 四), the 勾稽关系 printed on the form; WHERE is the "
	  "applicant column." },
	{ "appeals_total", "In table 四, each group's 总计 must equal 维持 + "
	  "纠正 + 其他 + 尚未审结; WHERE is the group (行政复议, or 行政诉讼 "
	  "未经复议 / 复议后)." },
	{ "template_shape", "Every row of the template must be printed once; "
	  "WHERE is the key that is missing (found 0) or printed twice; a "
	  "missing row counts as 0 in the sums." },
	{ "format_mismatch", "Two versions of one report (its page, its Word "
	  "or PDF file) print a different value; EXPECTED is the kept "
	  "version's, FOUND the other's and its document." },
	{ "carry_chain", "What an agency carried into this year (二、上年结转) "
	  "must equal what its report of the year before carried out "
	  "(四、结转下年度); WHERE is the applicant column." },
	{ "duplicate_report", "Two different documents claim to be the same "
	  "agency's report for the same year." },
};

const char *
check_about(const char *check)
{
	size_t i;

	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++)
		if (strcmp(checks[i].check, check) == 0)
			return checks[i].about;
	return NULL;
}

const char *
check_name(size_t i)
{
	return i < sizeof(checks) / sizeof(checks[0]) ? checks[i].check :
	    NULL;
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
	free(x);
}

#define EXTRA_MAXCOL 64

static char **
split_dup(char *line, int *n)
{
	const char *f[EXTRA_MAXCOL];
	char **v;
	int k;

	line[strcspn(line, "\r\n")] = '\0';
	*n = tsv_split(line, f, EXTRA_MAXCOL);
	if ((v = calloc((size_t)*n + 1, sizeof(*v))) == NULL)
		return NULL;
	for (k = 0; k < *n; k++)
		if ((v[k] = strdup(f[k])) == NULL)
			return NULL;	/* exits below: out of memory */
	return v;
}

struct extra *
extra_read(const char *dir, const char *file)
{
	char path[4096], *line = NULL;
	size_t cap = 0, nb = 0;
	struct extra *x;
	FILE *fp;
	int n, k;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if ((fp = fopen(path, "r")) == NULL)
		return NULL;
	if ((x = calloc(1, sizeof(*x))) == NULL ||
	    getline(&line, &cap, fp) == -1 ||
	    (x->cols = split_dup(line, &x->ncol)) == NULL)
		goto bad;
	while (getline(&line, &cap, fp) != -1) {
		char **v;

		if ((v = split_dup(line, &n)) == NULL)
			goto bad;
		if (n < x->ncol) {	/* short rows: empty fields */
			char **w = realloc(v, sizeof(*v) * (size_t)(x->ncol + 1));

			if (w == NULL)
				goto bad;
			v = w;
			for (k = n; k < x->ncol; k++)
				if ((v[k] = strdup("")) == NULL)
					goto bad;
		}
		for (k = x->ncol; k < n; k++)
			free(v[k]);
		if (x->n == nb) {
			char ***r = realloc(x->rows, sizeof(*r) *
			    (nb ? nb * 2 : 256));

			if (r == NULL)
				goto bad;
			x->rows = r;
			nb = nb ? nb * 2 : 256;
		}
		x->rows[x->n++] = v;
	}
	free(line);
	fclose(fp);
	return x;
bad:
	gk_warn(path, "out of memory or unreadable; left out of the site");
	free(line);
	fclose(fp);
	extra_free(x);
	return NULL;
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

/* ---- dictionary.tsv: the printed labels of each key ---- */

struct dict {
	struct extra *x;
	int key, tmpl, col[3];	/* table, row label, column label */
};

static int
first_col(const struct extra *x, const char *const *names)
{
	int k;

	for (; *names != NULL; names++)
		if ((k = extra_col(x, *names)) >= 0)
			return k;
	return -1;
}

static int dict_keycol;

static int
cmp_dict(const void *a, const void *b)
{
	char **const *ra = a, **const *rb = b;

	return strcmp((*ra)[dict_keycol], (*rb)[dict_keycol]);
}

struct dict *
dict_read(const char *dir)
{
	static const char *const keyn[] = { "key", "metric", NULL };
	static const char *const tmpln[] = { "template", NULL };
	static const char *const tablen[] = { "table_label", "table", NULL };
	static const char *const rown[] = { "row_label", "row", NULL };
	static const char *const coln[] = { "column_label", "col_label",
		"column", NULL };
	struct dict *d;
	struct extra *x;

	if ((x = extra_read(dir, "dictionary.tsv")) == NULL)
		return NULL;
	if ((d = calloc(1, sizeof(*d))) == NULL) {
		extra_free(x);
		return NULL;
	}
	d->x = x;
	d->key = first_col(x, keyn);
	d->tmpl = first_col(x, tmpln);
	d->col[0] = first_col(x, tablen);
	d->col[1] = first_col(x, rown);
	d->col[2] = first_col(x, coln);
	if (d->key < 0) {
		dict_free(d);
		return NULL;
	}
	dict_keycol = d->key;
	qsort(x->rows, x->n, sizeof(x->rows[0]), cmp_dict);
	return d;
}

void
dict_free(struct dict *d)
{
	if (d == NULL)
		return;
	extra_free(d->x);
	free(d);
}

const char *
dict_label(const struct dict *d, const char *key, const char *tmpl, int what)
{
	const char *any = NULL;
	size_t i, lo = 0, hi;

	if (d == NULL || what < 0 || what > 2 || d->col[what] < 0)
		return NULL;
	for (hi = d->x->n; lo < hi;) {	/* the first row of key */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(d->x->rows[mid][d->key], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < d->x->n && strcmp(d->x->rows[i][d->key], key) == 0;
	    i++) {
		char **r = d->x->rows[i];

		if (r[d->col[what]][0] == '\0')
			continue;
		if (d->tmpl < 0 || strcmp(r[d->tmpl], tmpl) == 0)
			return r[d->col[what]];
		any = r[d->col[what]];
	}
	return any;
}
