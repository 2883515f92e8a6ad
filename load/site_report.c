/*
 * site_report.c: site/r/REPORT.html, one page per report: what it is and
 * where it was read from, then its tables as printed (rows and columns in
 * the order the report prints them, every value), blank cells, cells
 * that are not numbers and cells of failing checks marked, and each
 * failing check explained under the tables.
 *
 * A key is ROW.COLUMN: table 三's requests.denied.state_secret.person is
 * row requests.denied.state_secret, column person.  The printed labels come
 * from the data set's dictionary.tsv; without it the key's own words are
 * shown.  A legacy key (legacy.SECTION.ROW) is its printed label already:
 * one row each, with its 单位 and 统计数.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site.h"

#define MAXCOL 64
#define MAXNOTE 8

struct cell {
	const struct row *m;
	int note[MAXNOTE], nnote;
};

struct trow {
	char key[256];			/* the row's key (without the column) */
	struct cell c[MAXCOL];
};

struct ttab {
	char id[32];			/* active, requests, appeals, legacy */
	char cols[MAXCOL][64];
	int ncol;
	struct trow *rows;
	size_t nrow, caprow;
};

static const struct {
	const char *id, *title;
} titles[] = {
	{ "active", "二、主动公开政府信息情况" },
	{ "requests", "三、收到和处理政府信息公开申请情况" },
	{ "appeals", "四、政府信息公开行政复议、行政诉讼情况" },
	{ "legacy", "统计表" },
};

static int
is_legacy(const char *key)
{
	return strncmp(key, "legacy.", 7) == 0;
}

/*
 * Split key into its table (the first word), its row (all but the last
 * word) and its column (the last word).  A legacy key, or a key of two
 * words, is a row of its own with one column, "value".
 */
static void
split_key(const char *key, char *tab, size_t nt, char *rowk, size_t nr,
    const char **col)
{
	const char *dot = strchr(key, '.'), *last = strrchr(key, '.');

	snprintf(tab, nt, "%.*s", dot ? (int)(dot - key) : (int)strlen(key),
	    key);
	if (is_legacy(key) || last == dot) {
		snprintf(rowk, nr, "%s", key);
		*col = "value";
		return;
	}
	snprintf(rowk, nr, "%.*s", (int)(last - key), key);
	*col = last + 1;
}

static struct ttab *
tab_of(struct ttab *t, int *nt, const char *id)
{
	int i;

	for (i = 0; i < *nt; i++)
		if (strcmp(t[i].id, id) == 0)
			return &t[i];
	if (*nt >= 16)
		return NULL;
	memset(&t[*nt], 0, sizeof(t[*nt]));
	snprintf(t[*nt].id, sizeof(t[*nt].id), "%s", id);
	return &t[(*nt)++];
}

static struct cell *
cell_of(struct ttab *t, const char *rowk, const char *col)
{
	size_t i;
	int k;

	for (k = 0; k < t->ncol && strcmp(t->cols[k], col) != 0; k++)
		continue;
	if (k == t->ncol) {
		if (t->ncol >= MAXCOL)
			return NULL;
		snprintf(t->cols[t->ncol++], sizeof(t->cols[0]), "%s", col);
	}
	for (i = 0; i < t->nrow && strcmp(t->rows[i].key, rowk) != 0; i++)
		continue;
	if (i == t->nrow) {
		if (t->nrow == t->caprow) {
			size_t cap = t->caprow ? t->caprow * 2 : 64;
			struct trow *p = realloc(t->rows, sizeof(*p) * cap);

			if (p == NULL)
				return NULL;
			t->rows = p;
			t->caprow = cap;
		}
		memset(&t->rows[i], 0, sizeof(t->rows[i]));
		snprintf(t->rows[i].key, sizeof(t->rows[i].key), "%s", rowk);
		t->nrow++;
	}
	return &t->rows[i].c[k];
}

/* The cell of a full key, when the report has it. */
static struct cell *
find_key(struct ttab *t, int nt, const char *key)
{
	char tab[32], rowk[256];
	const char *col;
	size_t i;
	int j, k;

	split_key(key, tab, sizeof(tab), rowk, sizeof(rowk), &col);
	for (j = 0; j < nt; j++) {
		if (strcmp(t[j].id, tab) != 0)
			continue;
		for (k = 0; k < t[j].ncol && strcmp(t[j].cols[k], col); k++)
			continue;
		for (i = 0; i < t[j].nrow; i++)
			if (strcmp(t[j].rows[i].key, rowk) == 0 &&
			    k < t[j].ncol && t[j].rows[i].c[k].m != NULL)
				return &t[j].rows[i].c[k];
	}
	return NULL;
}

/* The keys whose cells a failing check points at (its FOUND side). */
static int
check_keys(const struct row *c, char keys[2][256])
{
	const char *k = c->f[C_CHECK], *w = c->f[C_WHERE];

	if (strcmp(k, "row_total") == 0)
		snprintf(keys[0], 256, "requests.%s.total", w);
	else if (strcmp(k, "closed_total") == 0)
		snprintf(keys[0], 256, "requests.closed_total.%s", w);
	else if (strcmp(k, "balance") == 0) {
		snprintf(keys[0], 256, "requests.closed_total.%s", w);
		snprintf(keys[1], 256, "requests.carried_out.%s", w);
		return 2;
	} else if (strcmp(k, "appeals_total") == 0)
		snprintf(keys[0], 256, "appeals.%s.total", w);
	else if (strcmp(k, "carry_chain") == 0)
		snprintf(keys[0], 256, "requests.carried_in.%s", w);
	else
		snprintf(keys[0], 256, "%s", w);	/* a key */
	return 1;
}

static int
has_flag(const char *flags, const char *f)
{
	size_t n = strlen(f);
	const char *p;

	for (p = flags; (p = strstr(p, f)) != NULL; p += n)
		if ((p == flags || p[-1] == ',') && (p[n] == '\0' ||
		    p[n] == ','))
			return 1;
	return 0;
}

static void
put_cell(FILE *fp, const struct cell *c)
{
	const struct row *m = c->m;
	const char *cls = "n";
	int k;

	if (m == NULL) {
		fputs("<td class=\"none\"></td>", fp);
		return;
	}
	if (c->nnote > 0)
		cls = "n fail";
	else if (has_flag(m->f[M_FLAGS], "blank"))
		cls = "n blank";
	else if (has_flag(m->f[M_FLAGS], "not_a_number"))
		cls = "n nan";
	fprintf(fp, "<td class=\"%s\" data-key=\"", cls);
	h_esc(fp, m->f[M_METRIC]);
	fputs("\" data-value=\"", fp);
	h_esc(fp, m->f[M_VALUE]);
	fputs("\" title=\"", fp);
	h_esc(fp, m->f[M_METRIC]);
	if (has_flag(m->f[M_FLAGS], "blank"))
		fputs(": blank in the report (0 in the checks)", fp);
	else if (has_flag(m->f[M_FLAGS], "not_a_number"))
		fputs(": not a number as printed", fp);
	else if (strcmp(m->f[M_RAW], m->f[M_VALUE]) != 0) {
		fputs(": printed ", fp);
		h_esc(fp, m->f[M_RAW]);
	}
	if (m->f[M_FLAGS][0] != '\0') {
		fputs(" [", fp);
		h_esc(fp, m->f[M_FLAGS]);
		fputs("]", fp);
	}
	fputs("\">", fp);
	if (m->f[M_VALUE][0] != '\0')
		h_esc(fp, m->f[M_VALUE]);
	else if (has_flag(m->f[M_FLAGS], "not_a_number"))
		h_esc(fp, m->f[M_RAW]);
	if (m->f[M_UNIT][0] != '\0' && m->f[M_VALUE][0] != '\0') {
		fputs(" <small>", fp);
		h_esc(fp, m->f[M_UNIT]);
		fputs("</small>", fp);
	}
	if (has_flag(m->f[M_FLAGS], "ocr"))
		fputs("<sup class=\"o\" title=\"read by OCR\">ocr</sup>", fp);
	if (c->nnote > 0)
		fputs("<sup class=\"m\">", fp);
	for (k = 0; k < c->nnote; k++)
		fprintf(fp, "%s<a href=\"#check-%d\">%d</a>", k ? "," : "",
		    c->note[k], c->note[k]);
	if (c->nnote > 0)
		fputs("</sup>", fp);
	fputs("</td>", fp);
}

static void
put_table(FILE *fp, const struct site *s, const struct ttab *t,
    const char *tmpl)
{
	const char *title = NULL, *l;
	size_t i, j;
	int k;

	for (i = 0; i < t->nrow && title == NULL; i++)
		for (k = 0; k < t->ncol && title == NULL; k++)
			if (t->rows[i].c[k].m != NULL)
				title = dict_label(s->dict,
				    t->rows[i].c[k].m->f[M_METRIC], tmpl, 0);
	for (j = 0; title == NULL && j < sizeof(titles) / sizeof(titles[0]);
	    j++)
		if (strcmp(titles[j].id, t->id) == 0)
			title = titles[j].title;
	fputs("<h3>", fp);
	h_esc(fp, title != NULL ? title : t->id);
	fprintf(fp, "</h3>\n<div class=\"scroll\"><table class=\"printed\" "
	    "data-table=\"%s\"><thead><tr><th></th>", t->id);
	for (k = 0; k < t->ncol; k++) {
		const char *lab = NULL;

		for (i = 0; i < t->nrow && lab == NULL; i++)
			if (t->rows[i].c[k].m != NULL)
				lab = dict_label(s->dict,
				    t->rows[i].c[k].m->f[M_METRIC], tmpl, 2);
		if (strcmp(t->id, "legacy") == 0)
			lab = "统计数";
		fputs("<th>", fp);
		h_esc(fp, lab != NULL ? lab : t->cols[k]);
		fputs("</th>", fp);
	}
	if (strcmp(t->id, "legacy") == 0)
		fputs("<th>单位</th>", fp);
	fputs("</tr></thead><tbody>\n", fp);
	for (i = 0; i < t->nrow; i++) {
		const struct trow *r = &t->rows[i];
		const struct row *any = NULL;

		for (k = 0; k < t->ncol && any == NULL; k++)
			any = r->c[k].m;
		l = any ? dict_label(s->dict, any->f[M_METRIC], tmpl, 1) : NULL;
		fputs("<tr><th>", fp);
		if (l != NULL)
			h_esc(fp, l);
		else if (strcmp(t->id, "legacy") == 0)
			h_esc(fp, r->key + 7);
		else
			h_esc(fp, strchr(r->key, '.') ? strchr(r->key, '.') + 1 :
			    r->key);
		fputs("</th>", fp);
		for (k = 0; k < t->ncol; k++)
			put_cell(fp, &r->c[k]);
		if (strcmp(t->id, "legacy") == 0) {
			fputs("<td>", fp);
			if (any != NULL)
				h_esc(fp, any->f[M_UNIT]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
}

static void
meta_row(FILE *fp, const char *dt, const char *dd, int link)
{
	fputs("<dt>", fp);
	fputs(dt, fp);
	fputs("</dt><dd>", fp);
	if (link && dd[0] != '\0') {
		fputs("<a class=\"url\" href=\"", fp);
		h_esc(fp, dd);
		fputs("\">", fp);
		h_esc(fp, dd);
		fputs("</a>", fp);
	} else
		h_esc(fp, dd[0] ? dd : "—");
	fputs("</dd>\n", fp);
}

/* The documents the values were read from: DOC and SHA-256, once each. */
static void
documents(FILE *fp, const struct site *s, const struct row *r,
    const struct row **m, size_t nm)
{
	size_t i, j;
	int col, cu;

	fputs("<h2>Read from</h2>\n<ul class=\"docs\">\n", fp);
	for (i = 0; i < nm; i++) {
		for (j = 0; j < i && (strcmp(m[j]->f[M_DOC], m[i]->f[M_DOC]) ||
		    strcmp(m[j]->f[M_SHA256], m[i]->f[M_SHA256])); j++)
			continue;
		if (j < i)
			continue;
		fputs("<li>document <code>", fp);
		h_esc(fp, m[i]->f[M_DOC]);
		fputs("</code>", fp);
		if (strcmp(m[i]->f[M_DOC], r->f[R_SOURCE]) == 0 &&
		    r->f[R_URL][0] != '\0') {
			fputs(", <a class=\"url\" href=\"", fp);
			h_esc(fp, r->f[R_URL]);
			fputs("\">", fp);
			h_esc(fp, r->f[R_URL]);
			fputs("</a> (the kept version)", fp);
		}
		fputs(", sha256 <code class=\"url\">", fp);
		h_esc(fp, m[i]->f[M_SHA256]);
		fputs("</code></li>\n", fp);
	}
	fputs("</ul>\n", fp);
	/* sources.tsv: every place the report was found */
	if ((col = extra_col(s->sources, "report")) < 0)
		return;
	fputs("<h3>Found at</h3>\n<div class=\"scroll\"><table "
	    "id=\"sources\"><thead><tr>", fp);
	for (cu = 0; cu < s->sources->ncol; cu++) {
		fputs("<th>", fp);
		h_esc(fp, s->sources->cols[cu]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead><tbody>\n", fp);
	for (i = 0; i < s->sources->n; i++) {
		char **row = s->sources->rows[i];

		if (strcmp(row[col], r->f[R_REPORT]) != 0)
			continue;
		fputs("<tr>", fp);
		for (cu = 0; cu < s->sources->ncol; cu++) {
			fputs("<td class=\"url\">", fp);
			h_esc(fp, row[cu]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
}

static int
report_page(struct site *s, const struct row *r)
{
	struct ttab tabs[16];
	const struct row **m, **c;
	char rel[128], af[64], tab[32], rowk[256], keys[2][256];
	const char *col;
	size_t nm = 0, nc = 0, i;
	int nt = 0, j, k, nk;
	FILE *fp;

	m = idx_find(&s->mx, r->f[R_REPORT], &nm);
	c = idx_find(&s->cx, r->f[R_REPORT], &nc);
	for (i = 0; i < nm; i++) {
		struct ttab *t;
		struct cell *cl;

		split_key(m[i]->f[M_METRIC], tab, sizeof(tab), rowk,
		    sizeof(rowk), &col);
		if ((t = tab_of(tabs, &nt, tab)) == NULL ||
		    (cl = cell_of(t, rowk, col)) == NULL)
			continue;	/* more tables or columns: not shown */
		cl->m = m[i];
	}
	for (i = 0; i < nc; i++) {
		nk = check_keys(c[i], keys);
		for (k = 0; k < nk; k++) {
			struct cell *cl = find_key(tabs, nt, keys[k]);

			if (cl != NULL && cl->nnote < MAXNOTE)
				cl->note[cl->nnote++] = (int)i + 1;
		}
	}

	snprintf(rel, sizeof(rel), "r/%s.html", r->f[R_REPORT]);
	if ((fp = site_open(s, rel)) == NULL)
		goto bad;
	h_head(fp, r->f[R_TITLE][0] ? r->f[R_TITLE] : r->f[R_REPORT],
	    "../../");
	agency_file(s, r->f[R_AGENCY], af, sizeof(af));
	fputs("<h1>", fp);
	h_esc(fp, r->f[R_TITLE][0] ? r->f[R_TITLE] : r->f[R_REPORT]);
	fputs("</h1>\n<dl class=\"meta\">\n<dt>agency</dt><dd><a href=\"../",
	    fp);
	fputs(af, fp);
	fputs("\">", fp);
	h_esc(fp, r->f[R_AGENCY]);
	fputs("</a></dd>\n", fp);
	meta_row(fp, "year", r->f[R_YEAR], 0);
	meta_row(fp, "template", r->f[R_TEMPLATE], 0);
	meta_row(fp, "published", r->f[R_PUBLISHED], 0);
	meta_row(fp, "status", r->f[R_STATUS], 0);
	meta_row(fp, "report page", r->f[R_PAGE], 1);
	meta_row(fp, "file read", r->f[R_URL], 1);
	meta_row(fp, "report id", r->f[R_REPORT], 0);
	fprintf(fp, "</dl>\n<p class=\"summary\"><span id=\"n-values\">%zu"
	    "</span> values; <span id=\"n-failed\">%zu</span> failed "
	    "checks.</p>\n", nm, nc);
	fputs("<p class=\"legend\"><span>▧ blank in the report</span> <span>"
	    "<sup class=\"m\">1</sup> a failing check, explained below</span> "
	    "<span><sup class=\"o\">ocr</sup> read from a page image</span> "
	    "<span>hover a cell: its key and what was printed</span></p>\n",
	    fp);
	fputs("<h2>Tables as printed</h2>\n", fp);
	for (j = 0; j < nt; j++)
		put_table(fp, s, &tabs[j], r->f[R_TEMPLATE]);
	if (nm == 0)
		fputs("<p>No values.</p>\n", fp);
	fputs("<h2 id=\"checks\">Failing checks</h2>\n", fp);
	if (nc == 0)
		fputs("<p>Every check passes.</p>\n", fp);
	else
		fputs("<ol class=\"notes\">\n", fp);
	for (i = 0; i < nc; i++) {
		const char *about = check_about(c[i]->f[C_CHECK]);

		fprintf(fp, "<li id=\"check-%zu\" data-check=\"", i + 1);
		h_esc(fp, c[i]->f[C_CHECK]);
		fputs("\"><a href=\"../checks.html#", fp);
		h_esc(fp, c[i]->f[C_CHECK]);
		fputs("\"><b>", fp);
		h_esc(fp, c[i]->f[C_CHECK]);
		fputs("</b></a> at <code>", fp);
		h_esc(fp, c[i]->f[C_WHERE]);
		fputs("</code>: expected ", fp);
		h_esc(fp, c[i]->f[C_EXPECTED]);
		fputs(", found ", fp);
		h_esc(fp, c[i]->f[C_FOUND]);
		fputs(".", fp);
		if (about != NULL) {
			fputs(" <small>", fp);
			h_esc(fp, about);
			fputs("</small>", fp);
		}
		fputs("</li>\n", fp);
	}
	if (nc > 0)
		fputs("</ol>\n", fp);
	documents(fp, s, r, m, nm);
	h_foot(fp, s, "../../");
	for (j = 0; j < nt; j++)
		free(tabs[j].rows);
	return site_close(fp, rel);
bad:
	for (j = 0; j < nt; j++)
		free(tabs[j].rows);
	return -1;
}

int
site_reports(struct site *s)
{
	size_t i;

	for (i = 0; i < s->d->reports.n; i++)
		if (report_page(s, s->d->reports.rows[i]) == -1)
			return -1;
	return 0;
}
