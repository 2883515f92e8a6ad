/*
 * site_report.c: site/r/REPORT.html, one page per report: what it is and
 * where it was read from, then its tables as printed (rows and columns in
 * the order the report prints them, every value), blank cells, cells
 * that are not numbers and cells of failing checks marked, and each
 * failing check explained under the tables.
 *
 * The tables of a national form are drawn from common/schema: its tables,
 * rows and columns in print order with their printed labels, the group
 * labels over the rows (三、本年度办理结果, （三）不予公开), a header row
 * each time the columns change (the parts of table 二).  A figure of the
 * form the report lacks is a grey cell.  Values the form does not know (a
 * legacy report, whose keys are its printed labels, or a key of another
 * form) follow in tables of their own: a key ROW.COLUMN is a cell, a
 * legacy key (legacy.SECTION.ROW) a row with its 单位 and 统计数.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
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
put_cell(FILE *fp, const struct cell *c, int unit)
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
	if (unit && m->f[M_UNIT][0] != '\0' && m->f[M_VALUE][0] != '\0') {
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
put_table(FILE *fp, const struct ttab *t)
{
	const char *title = NULL;
	size_t i, j;
	int k;

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
		if (strcmp(t->id, "legacy") == 0) {
			/* legacy.SECTION is a section's own row, legacy.
			 * SECTION.ROW a row under it */
			const char *sub = strchr(r->key + 7, '.');

			fputs(sub != NULL ? "<tr><th class=\"sub\">" :
			    "<tr><th>", fp);
			h_esc(fp, sub != NULL ? sub + 1 : r->key + 7);
		} else {
			fputs("<tr><th>", fp);
			h_esc(fp, strchr(r->key, '.') ? strchr(r->key, '.') + 1 :
			    r->key);
		}
		fputs("</th>", fp);
		for (k = 0; k < t->ncol; k++)
			put_cell(fp, &r->c[k], strcmp(t->id, "legacy") != 0);
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
	size_t i, j, at, n;
	int col, cu;

	fputs("<h2>Read from</h2>\n<ul class=\"docs\">\n", fp);
	for (i = 0; i < nm; i++) {
		for (j = 0; j < i && strcmp(m[j]->f[M_DOC], m[i]->f[M_DOC]);
		    j++)
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
		if (strcmp(m[i]->f[M_DOC], r->f[R_SOURCE]) == 0) {
			fputs(", sha256 <code class=\"url\">", fp);
			h_esc(fp, r->f[R_SHA256]);
			fputs("</code>", fp);
		}
		fputs("</li>\n", fp);
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
	at = extra_find(s->sources, r->f[R_REPORT], &n);
	for (i = at; i < at + n; i++) {
		char **row = s->sources->rows[s->sources->by[i]];

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

/* The values of one report by key, and which of them are drawn. */
struct vals {
	const struct row **m;
	size_t n;
	char *used;
	char (*mark)[256];	/* the keys failing checks point at */
	int *note;
	size_t nmark;
};

static int
cmp_metric(const void *a, const void *b)
{
	return strcmp((*(const struct row *const *)a)->f[M_METRIC],
	    (*(const struct row *const *)b)->f[M_METRIC]);
}

/* The value of key, marked used, and its notes; c->m NULL when none. */
static void
val_cell(struct vals *v, const char *key, struct cell *c)
{
	size_t lo = 0, hi = v->n, i;

	memset(c, 0, sizeof(*c));
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(v->m[mid]->f[M_METRIC], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < v->n && strcmp(v->m[lo]->f[M_METRIC], key) == 0) {
		c->m = v->m[lo];
		v->used[lo] = 1;
	}
	for (i = 0; i < v->nmark && c->m != NULL; i++)
		if (strcmp(v->mark[i], key) == 0 && c->nnote < MAXNOTE)
			c->note[c->nnote++] = v->note[i];
}

static void
put_label(FILE *fp, const char *num, const char *label)
{
	h_esc(fp, num != NULL ? num : "");
	h_esc(fp, label != NULL ? label : "");
}

/* Columns the form does not key (法人或其他组织小计) are not drawn. */
static int
col_drawn(const struct gk_col *c)
{
	return c->suffix != NULL;
}

/*
 * The header of a block of rows that share their columns: the groups over
 * the headers (法人或其他组织, 行政复议) in a row of their own, each once
 * over its columns.
 */
static void
block_open(FILE *fp, const struct gk_table *t, const struct gk_row *r)
{
	int k, n, groups = 0;

	for (k = 0; k < r->ncols; k++)
		groups |= r->cols[k].group != NULL;
	fputs("<div class=\"scroll\"><table class=\"printed\" "
	    "data-table=\"", fp);
	h_esc(fp, t->id);
	fprintf(fp, "\"><thead><tr><th%s>", groups ? " rowspan=\"2\"" : "");
	if (t->label_head != NULL)
		h_esc(fp, t->label_head);
	fputs("</th>", fp);
	if (r->cols == NULL) {
		if (t->heads != NULL && t->heads[0] != NULL)
			for (k = 0; t->heads[k] != NULL; k++) {
				fputs("<th>", fp);
				h_esc(fp, t->heads[k]);
				fputs("</th>", fp);
			}
		else
			fputs("<th></th>", fp);
	}
	for (k = 0; groups && k < r->ncols; k += n) {
		const char *g = r->cols[k].group;

		for (n = 1; k + n < r->ncols && g != NULL &&
		    r->cols[k + n].group != NULL &&
		    strcmp(r->cols[k + n].group, g) == 0; n++)
			continue;
		if (!col_drawn(&r->cols[k])) {
			n = 1;
			continue;
		}
		if (g == NULL) {
			fputs("<th rowspan=\"2\">", fp);
			h_esc(fp, r->cols[k].label);
		} else {
			fprintf(fp, "<th colspan=\"%d\">", n);
			h_esc(fp, g);
		}
		fputs("</th>", fp);
	}
	if (groups)
		fputs("</tr><tr>", fp);
	for (k = 0; k < r->ncols; k++) {
		if (!col_drawn(&r->cols[k]) || (groups &&
		    r->cols[k].group == NULL))
			continue;
		fputs("<th>", fp);
		h_esc(fp, r->cols[k].label);
		if (r->cols[k].unit != NULL) {
			fputs(" <small>（", fp);
			h_esc(fp, r->cols[k].unit);
			fputs("）</small>", fp);
		}
		fputs("</th>", fp);
	}
	fputs("</tr></thead><tbody>\n", fp);
}

static int
block_width(const struct gk_table *t, const struct gk_row *r)
{
	int k = 0, n = 0;

	if (r->cols != NULL) {
		for (k = 0; k < r->ncols; k++)
			n += col_drawn(&r->cols[k]);
		return n;
	}
	if (t->heads != NULL)
		while (t->heads[k] != NULL)
			k++;
	return k > 0 ? k : 1;
}

/* A table of a national form, as it prints. */
static void
put_form_table(FILE *fp, const struct gk_table *t, struct vals *v)
{
	const struct gk_col *cur = NULL;
	char key[GK_KEY_MAX];
	struct cell c;
	int i, j, k, open = 0, width = 1, first = 1;

	fputs("<h3>", fp);
	h_esc(fp, t->title);
	fputs("</h3>\n", fp);
	for (i = 0; i < t->nrows; i++) {
		const struct gk_row *r = &t->rows[i], *next = r;

		/* a group belongs to the block of the next row of figures */
		for (j = i; next->kind == GK_ROW_GROUP && j + 1 < t->nrows; )
			next = &t->rows[++j];
		if (next->kind == GK_ROW_GROUP)
			break;
		if (first || next->cols != cur) {
			if (open)
				fputs("</tbody></table></div>\n", fp);
			block_open(fp, t, next);
			open = 1;
			first = 0;
			cur = next->cols;
			width = block_width(t, next);
		}
		if (r->kind == GK_ROW_GROUP) {
			fprintf(fp, "<tr class=\"group\"><th colspan=\"%d\">",
			    width + 1);
			put_label(fp, r->num, r->label);
			fputs("</th></tr>\n", fp);
			continue;
		}
		fputs("<tr><th>", fp);
		if (!t->unlabelled)
			put_label(fp, r->num, r->label);
		fputs("</th>", fp);
		if (r->cols == NULL) {
			if (r->key == NULL)
				continue;
			val_cell(v, r->key, &c);
			/* 单位 then 统计数 when the table prints a unit column */
			if (width > 1) {
				fputs("<td>", fp);
				h_esc(fp, c.m != NULL && c.m->f[M_UNIT][0] ?
				    c.m->f[M_UNIT] : r->unit != NULL ? r->unit :
				    "");
				fputs("</td>", fp);
			}
			if (c.m != NULL)
				put_cell(fp, &c, width == 1);
			else
				fputs("<td class=\"missing\" title=\"not in "
				    "the report\">·</td>", fp);
			fputs("</tr>\n", fp);
			continue;
		}
		for (k = 0; k < r->ncols; k++) {
			if (!col_drawn(&r->cols[k]))
				continue;
			if (r->key == NULL) {
				fputs("<td class=\"none\"></td>", fp);
				continue;
			}
			snprintf(key, sizeof(key), "%s.%s", r->key,
			    r->cols[k].suffix);
			val_cell(v, key, &c);
			if (c.m != NULL)
				put_cell(fp, &c, 1);
			else
				fputs("<td class=\"missing\" title=\"not in "
				    "the report\">·</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	if (open)
		fputs("</tbody></table></div>\n", fp);
}

static int
report_page(struct site *s, const struct row *r)
{
	struct ttab tabs[16];
	const struct row **m, **c;
	const struct gk_form *form;
	struct vals v;
	char rel[128], af[64], tab[32], rowk[256], keys[2][256];
	const char *col;
	size_t nm = 0, nc = 0, i;
	int nt = 0, j, k, nk, drawn = 0;
	FILE *fp;

	memset(&v, 0, sizeof(v));
	m = idx_find(&s->mx, r->f[R_REPORT], &nm);
	c = idx_find(&s->cx, r->f[R_REPORT], &nc);
	if (m == NULL)
		nm = 0;
	if (c == NULL)
		nc = 0;
	if ((v.m = calloc(nm + 1, sizeof(*v.m))) == NULL ||
	    (v.used = calloc(nm + 1, 1)) == NULL ||
	    (v.mark = calloc(2 * nc + 1, sizeof(*v.mark))) == NULL ||
	    (v.note = calloc(2 * nc + 1, sizeof(*v.note))) == NULL)
		goto bad;
	if (nm > 0)
		memcpy(v.m, m, nm * sizeof(*m));
	v.n = nm;
	qsort(v.m, nm, sizeof(*v.m), cmp_metric);
	for (i = 0; i < nc; i++) {
		nk = check_keys(c[i], keys);
		for (k = 0; k < nk; k++) {
			memcpy(v.mark[v.nmark], keys[k], sizeof(keys[k]));
			v.note[v.nmark++] = (int)i + 1;
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
	meta_row(fp, "found at", r->f[R_SOURCES], 0);
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
	form = gk_form(r->f[R_TEMPLATE]);
	for (j = 0; form != NULL && !form->by_label && j < form->ntables; j++)
		put_form_table(fp, &form->tables[j], &v);
	/* the values the form does not place, in their printed order */
	for (i = 0; i < nm; i++) {
		struct ttab *t;
		struct cell *cl;
		size_t a;

		for (a = 0; a < v.n && v.m[a] != m[i]; a++)
			continue;
		if (a < v.n && v.used[a]) {
			drawn++;
			continue;
		}
		split_key(m[i]->f[M_METRIC], tab, sizeof(tab), rowk,
		    sizeof(rowk), &col);
		if ((t = tab_of(tabs, &nt, tab)) == NULL ||
		    (cl = cell_of(t, rowk, col)) == NULL)
			continue;	/* more tables or columns: not shown */
		cl->m = m[i];
	}
	for (i = 0; i < v.nmark; i++) {
		struct cell *cl = find_key(tabs, nt, v.mark[i]);

		if (cl != NULL && cl->nnote < MAXNOTE)
			cl->note[cl->nnote++] = v.note[i];
	}
	if (drawn > 0 && nt > 0)
		fputs("<h3>Values the form does not have</h3>\n", fp);
	for (j = 0; j < nt; j++)
		put_table(fp, &tabs[j]);
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
	free(v.m);
	free(v.used);
	free(v.mark);
	free(v.note);
	return site_close(fp, rel);
bad:
	for (j = 0; j < nt; j++)
		free(tabs[j].rows);
	free(v.m);
	free(v.used);
	free(v.mark);
	free(v.note);
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
