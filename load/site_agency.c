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
 *
 * Every page here reads the site's index (site_index.c: the rows of
 * reports/, checks/ and series/ in a temporary database), one agency's
 * reports at a time: memory stays flat whatever the data set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/schema.h"
#include "agency.h"
#include "site.h"

static void
report_link(FILE *fp, const char *report, const char *title, const char *up)
{
	fprintf(fp, "<a href=\"%sr/", up);
	h_esc(fp, report);
	fputs(".html\">", fp);
	h_esc(fp, title[0] ? title : report);
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

const char *
site_fallback(size_t i)
{
	return i < NFALLBACK ? fallback[i] : NULL;
}

/* A report's value of series (series/: its first row of that series;
 * else the report's metric of that key), NULL when it has none. */
static const char *
value_of_series(const struct site *s, const struct six_rep *r,
    const char *series, char *buf, size_t n)
{
	int i;

	if (!s->series_mode)
		return six_metric(s, r->report, series, buf, n) == 1 ? buf :
		    NULL;
	for (i = 0; i < r->ns; i++)
		if (strcmp(r->s[i].name, series) == 0)
			return r->s[i].value;
	return NULL;
}

/* A series name and the first row of the file that holds it. */
struct first {
	const char *name;
	long long row;
};

static int
cmp_first(const void *a, const void *b)
{
	long long x = ((const struct first *)a)->row;
	long long y = ((const struct first *)b)->row;

	return (x > y) - (x < y);
}

static void
series_table(FILE *fp, const struct site *s, const struct six_rep *g,
    size_t ng)
{
	const char *names[MAXSERIES], *v;
	char buf[256];
	double max = 0, x;
	size_t ns = 0, k, j;
	int i;

	if (s->series_mode) {
		/* the series this agency's reports have, in file order: each
		 * report's rows, each name at its first row */
		struct first f[MAXSERIES];

		for (j = 0; j < ng; j++) {
			for (i = 0; i < g[j].ns; i++) {
				const struct six_ser *r = &g[j].s[i];

				for (k = 0; k < ns && strcmp(f[k].name,
				    r->name) != 0; k++)
					continue;
				if (k < ns && r->seq < f[k].row)
					f[k].row = r->seq;
				else if (k == ns && ns < MAXSERIES) {
					f[ns].name = r->name;
					f[ns++].row = r->seq;
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
		const struct gk_key *gk = !s->series_mode ?
		    gk_key_lookup(names[k]) : NULL;
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
	for (j = 0; j < ng; j++) {
		const struct six_rep *r = &g[j];

		fputs("<tr data-year=\"", fp);
		h_esc(fp, r->year);
		fputs("\"><th>", fp);
		h_esc(fp, r->year);
		fputs("</th><td>", fp);
		h_esc(fp, r->template);
		fputs("</td>", fp);
		for (k = 0; k < ns; k++) {
			v = value_of_series(s, r, names[k], buf, sizeof(buf));
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
	for (j = 0; j < ng && j < 24; j++) {
		const struct six_rep *r = &g[j];
		double bw = 560.0 / (double)(ng < 24 ? ng : 24), h;

		v = value_of_series(s, r, names[0], buf, sizeof(buf));
		x = v != NULL ? atof(v) : 0;
		h = x / max * 130;
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
		    "height=\"%.1f\" fill=\"#17324d\" data-year=\"",
		    20 + bw * (double)j + 2, 140 - h, bw - 4, h);
		h_esc(fp, r->year);
		fputs("\" data-value=\"", fp);
		h_esc(fp, v != NULL ? v : "");
		fputs("\"><title>", fp);
		h_esc(fp, r->year);
		fputs(": ", fp);
		h_esc(fp, v != NULL ? v : "—");
		fprintf(fp, "</title></rect><text x=\"%.1f\" y=\"158\" "
		    "text-anchor=\"middle\">", 20 + bw * (double)j + bw / 2);
		h_esc(fp, r->year);
		fputs("</text>\n", fp);
	}
	fputs("</svg></div>\n", fp);
}

static int
agency_page(struct site *s, const struct six_ag *a)
{
	struct six_rep *g;
	char rel[64];
	size_t j, ng, k;
	FILE *fp;
	int rv;

	if (six_reps(s, a->key, s->series_mode, &g, &ng) == -1)
		return -1;
	agency_file(s, a->name, rel, sizeof(rel));
	if ((fp = site_open(s, rel)) == NULL) {
		six_reps_free(g, ng);
		return -1;
	}
	h_head(fp, a->name, "../../");
	fputs("<h1>", fp);
	h_esc(fp, a->name);
	fprintf(fp, "</h1>\n<p><span id=\"n-reports\">%zu</span> reports",
	    ng);
	/* the other names it was printed under */
	for (j = 0, k = 0; j < ng; j++) {
		const char *nm = g[j].agency;
		size_t b;

		for (b = 0; b < j && strcmp(g[b].agency, nm) != 0; b++)
			continue;
		if (b < j || strcmp(nm, a->name) == 0)
			continue;
		fputs(k++ ? ", " : "; also printed as ", fp);
		h_esc(fp, nm);
	}
	fputs(".</p>\n<h2>Reports</h2>\n<div class=\"scroll\"><table "
	    "id=\"agency-reports\"><thead><tr><th>year</th><th>report</th>"
	    "<th>template</th><th>checks</th></tr></thead><tbody>\n", fp);
	for (j = 0; j < ng; j++) {
		const struct six_rep *r = &g[j];

		fputs("<tr><td>", fp);
		h_esc(fp, r->year);
		fputs("</td><td>", fp);
		report_link(fp, r->report, r->title, "../");
		fputs("</td><td>", fp);
		h_esc(fp, r->template);
		if (r->nfail > 0)
			fprintf(fp, "</td><td><span class=\"badge bad\">%zu "
			    "failed</span></td></tr>\n", r->nfail);
		else
			fputs("</td><td><span class=\"badge\">pass</span>"
			    "</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n<h2>Over the years</h2>\n", fp);
	series_table(fp, s, g, ng);
	h_foot(fp, s, "../../");
	rv = site_close(fp, rel);
	six_reps_free(g, ng);
	return rv;
}

int
site_agencies(struct site *s)
{
	struct six_ag *a;
	char af[64];
	size_t i, na;
	FILE *fp;
	int rv = -1;

	if (six_ags(s, &a, &na) == -1)
		return -1;
	for (i = 0; i < na; i++)
		if (agency_page(s, &a[i]) == -1)
			goto done;
	if ((fp = site_open(s, "agencies.html")) == NULL)
		goto done;
	h_head(fp, "Agencies", "../");
	fprintf(fp, "<h1>Agencies</h1>\n<p><span id=\"n-agencies\">%zu</span> "
	    "agencies, matched across years by name and "
	    "config/agency-aliases.tsv.</p>\n<div class=\"scroll\"><table "
	    "id=\"agencies\"><thead><tr><th>agency</th><th>reports</th>"
	    "<th>years</th></tr></thead><tbody>\n", na);
	for (i = 0; i < na; i++) {
		const struct six_ag *g = &a[i];

		agency_file(s, g->name, af, sizeof(af));
		fprintf(fp, "<tr><td><a href=\"%s\">", af);
		h_esc(fp, g->name);
		fprintf(fp, "</a></td><td class=\"n\">%zu</td><td>", g->n);
		h_esc(fp, g->first);
		if (g->n > 1) {
			fputs("–", fp);
			h_esc(fp, g->last);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	h_foot(fp, s, "../");
	rv = site_close(fp, "agencies.html");
done:
	six_ags_free(a, na);
	return rv;
}

#define MAX_SHOWN 1000

static int
check_section(FILE *fp, const struct site *s, const char *name)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM chk WHERE name "
	    "= ?";
	static const char rows_sql[] = "SELECT c.report, c.year, c.agency, "
	    "c.loc, c.expected, c.found, r.seq IS NOT NULL, r.title FROM chk c "
	    "LEFT JOIN rep r ON r.seq = (SELECT seq FROM rep WHERE report = "
	    "c.report ORDER BY seq LIMIT 1) WHERE c.name = ?1 ORDER BY c.seq "
	    "LIMIT ?2";
	const char *about = check_about(name);
	sqlite3_stmt *st;
	size_t n = 0;
	int rc;

	if ((st = db_cached(s->ix, count_sql)) == NULL)
		return -1;
	db_text(st, 1, name, 0);
	if ((rc = db_step(st)) == -1)
		return -1;
	if (rc == 1)
		n = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
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
		return 0;
	fputs("<div class=\"scroll\"><table class=\"failures\" "
	    "data-check=\"", fp);
	h_esc(fp, name);
	fputs("\"><thead><tr><th>year</th><th>agency</th><th>report</th>"
	    "<th>where</th><th>expected</th><th>found</th></tr></thead>"
	    "<tbody>\n", fp);
	if ((st = db_cached(s->ix, rows_sql)) == NULL)
		return -1;
	db_text(st, 1, name, 0);
	sqlite3_bind_int(st, 2, MAX_SHOWN);
	n = 0;
	while ((rc = db_step(st)) == 1) {
		n++;
		fputs("<tr><td>", fp);
		h_esc(fp, db_col(st, 1));
		fputs("</td><td>", fp);
		h_esc(fp, db_col(st, 2));
		fputs("</td><td>", fp);
		if (sqlite3_column_int(st, 6))
			report_link(fp, db_col(st, 0), db_col(st, 7), "");
		else
			h_esc(fp, db_col(st, 0));
		fputs("</td><td><code>", fp);
		h_esc(fp, db_col(st, 3));
		fputs("</code></td><td class=\"n\">", fp);
		h_esc(fp, db_col(st, 4));
		fputs("</td><td class=\"n\">", fp);
		h_esc(fp, db_col(st, 5));
		fputs("</td></tr>\n", fp);
	}
	if (rc == -1)
		return -1;
	fputs("</tbody></table></div>\n", fp);
	if (n == MAX_SHOWN)
		fputs("<p>… the rest in checks.tsv.</p>\n", fp);
	return 0;
}

int
site_checks(struct site *s)
{
	/* the checks of the data set, each at its first row */
	static const char names_sql[] = "SELECT name FROM chk GROUP BY name "
	    "ORDER BY MIN(seq)";
	sqlite3_stmt *st;
	size_t k;
	FILE *fp;
	int rc = 0;

	if ((fp = site_open(s, "checks.html")) == NULL)
		return -1;
	h_head(fp, "Checks", "../");
	fputs("<h1>The checks</h1>\n<p>gk checks the arithmetic every form "
	    "prints (its 勾稽关系) and the shape of each table. A failed check "
	    "never changes a value: it says where the report disagrees with "
	    "itself, or with the report of the year before. In the sums a "
	    "blank cell counts as 0; a cell that is not a number makes a "
	    "check unknowable, and it is skipped.</p>\n", fp);
	for (k = 0; rc == 0 && check_name(k) != NULL; k++)
		rc = check_section(fp, s, check_name(k));
	/* checks of the data set that this page does not know, in the order
	 * they first come */
	if (rc == 0 && (st = db_prep(s->ix, names_sql)) == NULL)
		rc = -1;
	else if (rc == 0) {
		char nm[512];

		while (rc == 0 && (rc = db_step(st)) == 1) {
			snprintf(nm, sizeof(nm), "%s", db_col(st, 0));
			rc = check_about(nm) != NULL ? 0 :
			    check_section(fp, s, nm);
		}
		sqlite3_finalize(st);
	}
	if (rc == -1) {
		fclose(fp);
		return -1;
	}
	h_foot(fp, s, "../");
	return site_close(fp, "checks.html");
}

/* coverage.tsv as a table, a line at a time (extra_each). */
struct cov {
	FILE *fp;
	int ncol;
};

static int
coverage_row(void *arg, int header, char **f, int n)
{
	struct cov *c = arg;
	int k;

	if (header) {
		fputs("<h2>coverage.tsv</h2>\n<div class=\"scroll\"><table "
		    "id=\"coverage-tsv\"><thead><tr>", c->fp);
		for (k = 0; k < n; k++) {
			fputs("<th>", c->fp);
			h_esc(c->fp, f[k]);
			fputs("</th>", c->fp);
		}
		fputs("</tr></thead><tbody>\n", c->fp);
		c->ncol = n;
		return 0;
	}
	fputs("<tr>", c->fp);
	for (k = 0; k < n; k++) {
		fputs("<td>", c->fp);
		h_esc(c->fp, f[k]);
		fputs("</td>", c->fp);
	}
	fputs("</tr>\n", c->fp);
	return 0;
}

int
site_coverage(struct site *s)
{
	static const char years_sql[] = "SELECT DISTINCT year FROM rep WHERE "
	    "year != '' ORDER BY year";
	char **years = NULL, **ny2, af[64];
	struct six_ag *a = NULL;
	struct six_rep *g;
	struct cov cv;
	size_t ny = 0, na = 0, i, j, k, ng, holes = 0;
	sqlite3_stmt *st;
	FILE *fp = NULL;
	int rv = -1, rc;

	if (six_ags(s, &a, &na) == -1 || (st = db_prep(s->ix, years_sql)) ==
	    NULL)
		goto done;
	while ((rc = db_step(st)) == 1) {
		if ((ny2 = realloc(years, (ny + 1) * sizeof(*years))) == NULL ||
		    (ny2[ny] = strdup(db_col(st, 0))) == NULL) {
			if (ny2 != NULL)
				years = ny2;
			rc = -1;
			break;
		}
		years = ny2;
		ny++;
	}
	sqlite3_finalize(st);
	if (rc == -1 || (fp = site_open(s, "coverage.html")) == NULL)
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
	for (i = 0; i < na; i++) {
		const char *first, *last;

		if (six_reps(s, a[i].key, 0, &g, &ng) == -1)
			goto done;
		first = ng > 0 ? g[0].year : "";
		last = ng > 0 ? g[ng - 1].year : "";
		agency_file(s, a[i].name, af, sizeof(af));
		fprintf(fp, "<tr><th><a href=\"%s\">", af);
		h_esc(fp, a[i].name);
		fputs("</a></th>", fp);
		for (k = 0; k < ny; k++) {
			const struct six_rep *hit = NULL;

			for (j = 0; j < ng && hit == NULL; j++)
				if (strcmp(g[j].year, years[k]) == 0)
					hit = &g[j];
			if (hit != NULL) {
				fputs("<td class=\"have\"><a href=\"r/", fp);
				h_esc(fp, hit->report);
				fputs(".html\" title=\"", fp);
				h_esc(fp, hit->title);
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
		six_reps_free(g, ng);
	}
	fprintf(fp, "</tbody></table></div>\n<p id=\"n-holes\">%zu holes.</p>\n",
	    holes);
	/* the data set's own coverage.tsv, when it has one */
	cv.fp = fp;
	cv.ncol = 0;
	if ((rc = extra_each(s->dir, "coverage.tsv", coverage_row, &cv)) ==
	    -1) {
		gk_warn(s->dir, "coverage.tsv: unreadable");
		goto done;
	}
	if (rc == 0)
		fputs("</tbody></table></div>\n", fp);
	h_foot(fp, s, "../");
	rv = site_close(fp, "coverage.html");
	fp = NULL;
done:
	if (fp != NULL)
		fclose(fp);
	for (k = 0; k < ny; k++)
		free(years[k]);
	free(years);
	six_ags_free(a, na);
	return rv;
}
