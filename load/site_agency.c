/*
 * site_agency.c: the pages across reports: site/agencies.html (every
 * agency), site/a/HASH.html (an agency's reports and series over the
 * years), site/checks.html (each check explained, with its failures) and
 * site/coverage.html (agency by year: which reports are there and which
 * years are missing between an agency's first and last).
 *
 * Agencies are the files' canonical names (gk-load matched the names
 * printed through config/agency-aliases.tsv and config/agencies.tsv;
 * agency_key keys them for the page names).  The series are the data
 * set's series/ when it has them (every template, legacy included);
 * without it, the totals of table 三 and 四 of the gov2019 and gov2021
 * reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "agency.h"
#include "site.h"

struct ag {
	char key[512];
	const char *name;	/* as the latest report prints it */
	size_t *r;		/* rows of reports.tsv */
	size_t n, cap;
};

struct ags {
	struct ag *v;
	size_t n, cap;
};

static void
ags_free(struct ags *a)
{
	size_t i;

	for (i = 0; i < a->n; i++)
		free(a->v[i].r);
	free(a->v);
}

static int
cmp_ag(const void *pa, const void *pb)
{
	const struct ag *a = pa, *b = pb;

	return strcmp(a->name, b->name);
}

/* A report row under its agency's key, for grouping. */
struct keyed {
	char key[512];
	size_t row;
};

static int
cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c != 0 ? c : (a->row > b->row) - (a->row < b->row);
}

/* Every agency and its reports (in the order of reports.tsv: by year):
 * the rows sorted by key, each run of one key an agency. */
static int
ags_build(const struct site *s, struct ags *a)
{
	const struct table *rt = &s->d->reports;
	struct keyed *k;
	size_t i, j;

	memset(a, 0, sizeof(*a));
	if (rt->n == 0)
		return 0;
	if ((k = malloc(rt->n * sizeof(*k))) == NULL)
		return -1;
	for (i = 0; i < rt->n; i++) {
		agency_key(rt->rows[i]->f[R_AGENCY], k[i].key, sizeof(k[i].key));
		k[i].row = i;
	}
	qsort(k, rt->n, sizeof(*k), cmp_keyed);
	for (i = 0; i < rt->n; i = j) {
		struct ag *g;

		for (j = i + 1; j < rt->n && strcmp(k[j].key, k[i].key) == 0;
		    j++)
			continue;
		if (a->n == a->cap) {
			size_t cap = a->cap ? a->cap * 2 : 64;
			struct ag *p = realloc(a->v, sizeof(*p) * cap);

			if (p == NULL)
				goto oom;
			a->v = p;
			a->cap = cap;
		}
		g = &a->v[a->n++];
		memset(g, 0, sizeof(*g));
		snprintf(g->key, sizeof(g->key), "%s", k[i].key);
		if ((g->r = malloc((j - i) * sizeof(*g->r))) == NULL)
			goto oom;
		g->cap = j - i;
		for (; g->n < j - i; g->n++)
			g->r[g->n] = k[i + g->n].row;
		g->name = rt->rows[g->r[g->n - 1]]->f[R_AGENCY];
	}
	free(k);
	if (a->n > 1)	/* none: no array to sort */
		qsort(a->v, a->n, sizeof(a->v[0]), cmp_ag);
	return 0;
oom:
	free(k);
	return -1;
}

static void
report_link(FILE *fp, const struct row *r, const char *up)
{
	fprintf(fp, "<a href=\"%sr/", up);
	h_esc(fp, r->f[R_REPORT]);
	fputs(".html\">", fp);
	h_esc(fp, r->f[R_TITLE][0] ? r->f[R_TITLE] : r->f[R_REPORT]);
	fputs("</a>", fp);
}

/* The series of table 三 and 四 without a series.tsv. */
static const char *const fallback[] = {
	"requests.new.total", "requests.carried_in.total",
	"requests.granted.total", "requests.partial.total",
	"requests.closed_total.total", "requests.carried_out.total",
	"appeals.review.total", "appeals.suit_direct.total",
	"appeals.suit_after.total",
};
#define NFALLBACK (sizeof(fallback) / sizeof(fallback[0]))
#define MAXSERIES 64

/* The value of key in report, or NULL. */
static const struct row *
metric_of(const struct site *s, const char *report, const char *key)
{
	const struct row **m;
	size_t n, i;

	if ((m = idx_find(&s->mx, report, &n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(m[i]->f[M_METRIC], key) == 0)
			return m[i];
	return NULL;
}

/* series.tsv's value of series for report, or NULL. */
static const char *
series_of(const struct site *s, const char *report, const char *series)
{
	int cr = extra_col(s->series, "report"), cs = extra_col(s->series,
	    "series"), cv = extra_col(s->series, "value");
	size_t i;

	size_t at, n;

	if (cr < 0 || cs < 0 || cv < 0)
		return NULL;
	at = extra_find(s->series, report, &n);
	for (i = at; i < at + n; i++)
		if (strcmp(s->series->rows[s->series->by[i]][cs], series) == 0)
			return s->series->rows[s->series->by[i]][cv];
	return NULL;
}

/* A series name and the first row of the file that holds it. */
struct first {
	const char *name;
	size_t row;
};

static int
cmp_first(const void *a, const void *b)
{
	size_t x = ((const struct first *)a)->row;
	size_t y = ((const struct first *)b)->row;

	return (x > y) - (x < y);
}

static void
series_table(FILE *fp, const struct site *s, const struct ag *g)
{
	const struct table *rt = &s->d->reports;
	const char *names[MAXSERIES], *v;
	double max = 0, x;
	size_t ns = 0, i, k, j;
	int cs = extra_col(s->series, "series"), cr = extra_col(s->series,
	    "report");

	if (cs >= 0 && cr >= 0) {
		/* the series this agency's reports have, in file order: each
		 * report's rows by the index, each name at its first row */
		struct first f[MAXSERIES];
		size_t at, n, row;

		for (j = 0; j < g->n; j++) {
			at = extra_find(s->series, rt->rows[g->r[j]]->f[
			    R_REPORT], &n);
			for (i = at; i < at + n; i++) {
				row = s->series->by[i];
				for (k = 0; k < ns && strcmp(f[k].name,
				    s->series->rows[row][cs]) != 0; k++)
					continue;
				if (k < ns && row < f[k].row)
					f[k].row = row;
				else if (k == ns && ns < MAXSERIES) {
					f[ns].name = s->series->rows[row][cs];
					f[ns++].row = row;
				}
			}
		}
		qsort(f, ns, sizeof(f[0]), cmp_first);
		for (k = 0; k < ns; k++)
			names[k] = f[k].name;
		fputs("<p>From the data set's series.tsv: the concepts every "
		    "form shares, legacy reports included.</p>\n", fp);
	} else {
		for (k = 0; k < NFALLBACK; k++)
			names[ns++] = fallback[k];
		fputs("<p>The totals of table 三 and 四 (gov2019 and gov2021 "
		    "reports; a legacy 统计表 has its own rows, on its "
		    "page).</p>\n", fp);
	}
	fputs("<div class=\"scroll\"><table id=\"series\"><thead><tr>"
	    "<th>year</th><th>template</th>", fp);
	for (k = 0; k < ns; k++) {
		const struct gk_key *gk = cs < 0 ? gk_key_lookup(names[k]) :
		    NULL;
		char lab[512];

		fputs("<th title=\"", fp);
		h_esc(fp, names[k]);
		fputs("\">", fp);
		/* a key's row label, the last of its groups */
		if (gk != NULL && gk_key_row_label(gk, lab, sizeof(lab)) > 0)
			h_esc(fp, strrchr(lab, '/') ? strrchr(lab, '/') + 2 :
			    lab);
		else
			h_esc(fp, names[k]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead><tbody>\n", fp);
	for (j = 0; j < g->n; j++) {
		const struct row *r = rt->rows[g->r[j]];

		fputs("<tr data-year=\"", fp);
		h_esc(fp, r->f[R_YEAR]);
		fputs("\"><th>", fp);
		h_esc(fp, r->f[R_YEAR]);
		fputs("</th><td>", fp);
		h_esc(fp, r->f[R_TEMPLATE]);
		fputs("</td>", fp);
		for (k = 0; k < ns; k++) {
			const struct row *m = NULL;

			if (cs >= 0)
				v = series_of(s, r->f[R_REPORT], names[k]);
			else
				v = (m = metric_of(s, r->f[R_REPORT],
				    names[k])) != NULL ? m->f[M_VALUE] : NULL;
			if (v == NULL) {
				fputs("<td class=\"missing\">—</td>", fp);
				continue;
			}
			fputs("<td class=\"n\" data-series=\"", fp);
			h_esc(fp, names[k]);
			fputs("\">", fp);
			h_esc(fp, v);
			fputs("</td>", fp);
			if (k == 0 && (x = atof(v)) > max)
				max = x;
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);

	/* the first series as bars, one per report */
	if (max <= 0)
		return;
	fputs("<div class=\"chart\"><svg id=\"series-chart\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 170\" "
	    "width=\"600\" height=\"170\" role=\"img\" aria-label=\"", fp);
	h_esc(fp, names[0]);
	fputs(" per year\" font-family=\"sans-serif\" font-size=\"11\">\n", fp);
	for (j = 0; j < g->n && j < 24; j++) {
		const struct row *r = rt->rows[g->r[j]], *m;
		double bw = 560.0 / (double)(g->n < 24 ? g->n : 24), h;

		v = cs >= 0 ? series_of(s, r->f[R_REPORT], names[0]) :
		    (m = metric_of(s, r->f[R_REPORT], names[0])) != NULL ?
		    m->f[M_VALUE] : NULL;
		x = v != NULL ? atof(v) : 0;
		h = x / max * 130;
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" fill=\"#17324d\" data-year=\"",
		    20 + bw * (double)j + 2, 140 - h, bw - 4, h);
		h_esc(fp, r->f[R_YEAR]);
		fputs("\" data-value=\"", fp);
		h_esc(fp, v != NULL ? v : "");
		fputs("\"><title>", fp);
		h_esc(fp, r->f[R_YEAR]);
		fputs(": ", fp);
		h_esc(fp, v != NULL ? v : "—");
		fprintf(fp, "</title></rect><text x=\"%.1f\" y=\"158\" "
		    "text-anchor=\"middle\">", 20 + bw * (double)j + bw / 2);
		h_esc(fp, r->f[R_YEAR]);
		fputs("</text>\n", fp);
	}
	fputs("</svg></div>\n", fp);
}

static int
agency_page(struct site *s, const struct ag *g)
{
	const struct table *rt = &s->d->reports;
	const struct row **c;
	char rel[64];
	size_t j, n, k;
	FILE *fp;

	agency_file(s, g->name, rel, sizeof(rel));
	if ((fp = site_open(s, rel)) == NULL)
		return -1;
	h_head(fp, g->name, "../../");
	fputs("<h1>", fp);
	h_esc(fp, g->name);
	fprintf(fp, "</h1>\n<p><span id=\"n-reports\">%zu</span> reports",
	    g->n);
	/* the other names it was printed under */
	for (j = 0, k = 0; j < g->n; j++) {
		const char *nm = rt->rows[g->r[j]]->f[R_AGENCY];
		size_t a;

		for (a = 0; a < j && strcmp(rt->rows[g->r[a]]->f[R_AGENCY],
		    nm) != 0; a++)
			continue;
		if (a < j || strcmp(nm, g->name) == 0)
			continue;
		fputs(k++ ? ", " : "; also printed as ", fp);
		h_esc(fp, nm);
	}
	fputs(".</p>\n<h2>Reports</h2>\n<div class=\"scroll\"><table "
	    "id=\"agency-reports\"><thead><tr><th>year</th><th>report</th>"
	    "<th>template</th><th>checks</th></tr></thead><tbody>\n", fp);
	for (j = 0; j < g->n; j++) {
		const struct row *r = rt->rows[g->r[j]];

		if ((c = idx_find(&s->cx, r->f[R_REPORT], &n)) == NULL)
			n = 0;
		fputs("<tr><td>", fp);
		h_esc(fp, r->f[R_YEAR]);
		fputs("</td><td>", fp);
		report_link(fp, r, "../");
		fputs("</td><td>", fp);
		h_esc(fp, r->f[R_TEMPLATE]);
		if (n > 0)
			fprintf(fp, "</td><td><span class=\"badge bad\">%zu "
			    "failed</span></td></tr>\n", n);
		else
			fputs("</td><td><span class=\"badge\">pass</span>"
			    "</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n<h2>Over the years</h2>\n", fp);
	series_table(fp, s, g);
	h_foot(fp, s, "../../");
	return site_close(fp, rel);
}

int
site_agencies(struct site *s)
{
	struct ags a;
	char af[64];
	size_t i;
	FILE *fp;
	int rv = -1;

	if (ags_build(s, &a) == -1)
		goto done;
	for (i = 0; i < a.n; i++)
		if (agency_page(s, &a.v[i]) == -1)
			goto done;
	if ((fp = site_open(s, "agencies.html")) == NULL)
		goto done;
	h_head(fp, "Agencies", "../");
	fprintf(fp, "<h1>Agencies</h1>\n<p><span id=\"n-agencies\">%zu</span> "
	    "agencies, matched across years by name and "
	    "config/agency-aliases.tsv.</p>\n<div class=\"scroll\"><table "
	    "id=\"agencies\"><thead><tr><th>agency</th><th>reports</th>"
	    "<th>years</th></tr></thead><tbody>\n", a.n);
	for (i = 0; i < a.n; i++) {
		const struct ag *g = &a.v[i];

		agency_file(s, g->name, af, sizeof(af));
		fprintf(fp, "<tr><td><a href=\"%s\">", af);
		h_esc(fp, g->name);
		fprintf(fp, "</a></td><td class=\"n\">%zu</td><td>", g->n);
		h_esc(fp, s->d->reports.rows[g->r[0]]->f[R_YEAR]);
		if (g->n > 1) {
			fputs("–", fp);
			h_esc(fp, s->d->reports.rows[g->r[g->n - 1]]->f[R_YEAR]);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	h_foot(fp, s, "../");
	rv = site_close(fp, "agencies.html");
done:
	ags_free(&a);
	return rv;
}

#define MAX_SHOWN 1000

static void
check_section(FILE *fp, const struct site *s, const char *name)
{
	const struct table *ct = &s->d->checks;
	const char *about = check_about(name);
	const struct row **rr;
	size_t i, n = 0, nr;

	for (i = 0; i < ct->n; i++)
		n += strcmp(ct->rows[i]->f[C_CHECK], name) == 0;
	fputs("<h2 id=\"", fp);
	h_esc(fp, name);
	fputs("\">", fp);
	h_esc(fp, name);
	fprintf(fp, " <span class=\"badge%s\">%zu failed</span></h2>\n",
	    n ? " bad" : "", n);
	if (about != NULL) {
		fputs("<p class=\"about\">", fp);
		h_esc(fp, about);
		fputs("</p>\n", fp);
	}
	if (n == 0)
		return;
	fputs("<div class=\"scroll\"><table class=\"failures\" "
	    "data-check=\"", fp);
	h_esc(fp, name);
	fputs("\"><thead><tr><th>year</th><th>agency</th><th>report</th>"
	    "<th>where</th><th>expected</th><th>found</th></tr></thead>"
	    "<tbody>\n", fp);
	for (i = 0, n = 0; i < ct->n && n < MAX_SHOWN; i++) {
		const struct row *c = ct->rows[i];

		if (strcmp(c->f[C_CHECK], name) != 0)
			continue;
		n++;
		rr = idx_find(&s->rx, c->f[C_REPORT], &nr);
		fputs("<tr><td>", fp);
		h_esc(fp, c->f[C_YEAR]);
		fputs("</td><td>", fp);
		h_esc(fp, c->f[C_AGENCY]);
		fputs("</td><td>", fp);
		if (rr != NULL)
			report_link(fp, rr[0], "");
		else
			h_esc(fp, c->f[C_REPORT]);
		fputs("</td><td><code>", fp);
		h_esc(fp, c->f[C_WHERE]);
		fputs("</code></td><td class=\"n\">", fp);
		h_esc(fp, c->f[C_EXPECTED]);
		fputs("</td><td class=\"n\">", fp);
		h_esc(fp, c->f[C_FOUND]);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	if (n == MAX_SHOWN)
		fputs("<p>… the rest in checks.tsv.</p>\n", fp);
}

int
site_checks(struct site *s)
{
	const struct table *ct = &s->d->checks;
	const char **seen = NULL;
	size_t i, j, k, nseen = 0, capseen = 0;
	FILE *fp;

	if ((fp = site_open(s, "checks.html")) == NULL)
		return -1;
	h_head(fp, "Checks", "../");
	fputs("<h1>The checks</h1>\n<p>gk checks the arithmetic every form "
	    "prints (its 勾稽关系) and the shape of each table. A failed check "
	    "never changes a value: it says where the report disagrees with "
	    "itself, or with the report of the year before. In the sums a "
	    "blank cell counts as 0; a cell that is not a number makes a "
	    "check unknowable, and it is skipped.</p>\n", fp);
	for (k = 0; check_name(k) != NULL; k++)
		check_section(fp, s, check_name(k));
	/* checks of the data set that this page does not know, in the order
	 * they first come (a list of the names met: a pass over the rows
	 * before each row made the page quadratic) */
	for (i = 0; i < ct->n; i++) {
		const char *nm = ct->rows[i]->f[C_CHECK];

		if (check_about(nm) != NULL)
			continue;
		for (j = 0; j < nseen && strcmp(seen[j], nm) != 0; j++)
			continue;
		if (j < nseen)
			continue;
		if (nseen == capseen) {
			const char **p = realloc(seen, (capseen ? capseen * 2 :
			    16) * sizeof(*p));

			if (p == NULL) {
				free(seen);
				fclose(fp);
				return -1;
			}
			seen = p;
			capseen = capseen ? capseen * 2 : 16;
		}
		seen[nseen++] = nm;
		check_section(fp, s, nm);
	}
	free(seen);
	h_foot(fp, s, "../");
	return site_close(fp, "checks.html");
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
site_coverage(struct site *s)
{
	const struct table *rt = &s->d->reports;
	const char **years = NULL;
	struct ags a;
	char af[64];
	size_t ny = 0, i, j, k, holes = 0;
	FILE *fp = NULL;
	int rv = -1, c;

	if (ags_build(s, &a) == -1 ||
	    (years = calloc(rt->n + 1, sizeof(*years))) == NULL)
		goto done;
	for (i = 0; i < rt->n; i++) {
		for (j = 0; j < ny && strcmp(years[j], rt->rows[i]->f[R_YEAR]);
		    j++)
			continue;
		if (j == ny && rt->rows[i]->f[R_YEAR][0] != '\0')
			years[ny++] = rt->rows[i]->f[R_YEAR];
	}
	qsort(years, ny, sizeof(*years), cmp_str);
	if ((fp = site_open(s, "coverage.html")) == NULL)
		goto done;
	h_head(fp, "Coverage", "../");
	fputs("<h1>Coverage</h1>\n<p>Each agency by year: <span "
	    "class=\"badge\">✓</span> a report is in the data set; a "
	    "<b>hole</b> is a year between an agency's first and last report "
	    "with none. The documents that could not be read are listed "
	    "<a href=\"../index.html#unread\">on the front page</a>.</p>\n",
	    fp);
	fputs("<div class=\"scroll\"><table id=\"coverage\"><thead><tr>"
	    "<th>agency</th>", fp);
	for (k = 0; k < ny; k++) {
		fputs("<th>", fp);
		h_esc(fp, years[k]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead><tbody>\n", fp);
	for (i = 0; i < a.n; i++) {
		const struct ag *g = &a.v[i];
		const char *first = rt->rows[g->r[0]]->f[R_YEAR];
		const char *last = rt->rows[g->r[g->n - 1]]->f[R_YEAR];

		agency_file(s, g->name, af, sizeof(af));
		fprintf(fp, "<tr><th><a href=\"%s\">", af);
		h_esc(fp, g->name);
		fputs("</a></th>", fp);
		for (k = 0; k < ny; k++) {
			const struct row *hit = NULL;

			for (j = 0; j < g->n && hit == NULL; j++)
				if (strcmp(rt->rows[g->r[j]]->f[R_YEAR],
				    years[k]) == 0)
					hit = rt->rows[g->r[j]];
			if (hit != NULL) {
				fputs("<td class=\"have\"><a href=\"r/", fp);
				h_esc(fp, hit->f[R_REPORT]);
				fputs(".html\" title=\"", fp);
				h_esc(fp, hit->f[R_TITLE]);
				fputs("\">✓</a></td>", fp);
			} else if (strcmp(years[k], first) > 0 &&
			    strcmp(years[k], last) < 0) {
				holes++;
				fputs("<td class=\"hole\" data-hole=\"1\">hole"
				    "</td>", fp);
			} else
				fputs("<td class=\"none\"></td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fprintf(fp, "</tbody></table></div>\n<p id=\"n-holes\">%zu holes.</p>\n",
	    holes);
	/* the data set's own coverage.tsv, when it has one */
	if (s->coverage != NULL) {
		fputs("<h2>coverage.tsv</h2>\n<div class=\"scroll\"><table "
		    "id=\"coverage-tsv\"><thead><tr>", fp);
		for (c = 0; c < s->coverage->ncol; c++) {
			fputs("<th>", fp);
			h_esc(fp, s->coverage->cols[c]);
			fputs("</th>", fp);
		}
		fputs("</tr></thead><tbody>\n", fp);
		for (i = 0; i < s->coverage->n; i++) {
			fputs("<tr>", fp);
			for (c = 0; c < s->coverage->ncol; c++) {
				fputs("<td>", fp);
				h_esc(fp, s->coverage->rows[i][c]);
				fputs("</td>", fp);
			}
			fputs("</tr>\n", fp);
		}
		fputs("</tbody></table></div>\n", fp);
	}
	h_foot(fp, s, "../");
	rv = site_close(fp, "coverage.html");
	fp = NULL;
done:
	free(years);
	ags_free(&a);
	return rv;
}
