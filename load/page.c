/*
 * page.c: the overview sections of index.html (the site, site.c, writes
 * the rest of the page): what the data set holds, the reports whose
 * checks fail, and two charts drawn here as inline SVG (no script):
 * requests received and their outcomes per year, and per agency.  Every figure is a sum over the
 * distinct reports (the series of series/, kept per year and agency in
 * the store's totals table), so a report found in six places counts
 * once.  Every bar carries data-* attributes with its figures, so a test
 * can read the chart back from the DOM.  Nothing on the page depends on
 * the time it was made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"

#define NSERIES 7
#define NAMEMAX 512
#define TOP_AGENCIES 30
#define MAX_YEARS 200
#define MAX_FAILING_SHOWN 1000
#define MAX_ERRORS_SHOWN 500

/* The outcomes of a request, as the series name them. */
static const struct {
	const char *id, *label, *series, *color;
} outcome[NSERIES] = {
	{ "granted", "予以公开", "requests.granted", "#2e7d32" },
	{ "partial", "部分公开", "requests.partial", "#9ccc65" },
	{ "denied", "不予公开", "requests.denied", "#c62828" },
	{ "unavailable", "无法提供", "requests.unavailable", "#ef8c00" },
	{ "rejected", "不予处理", "requests.rejected", "#6a1b9a" },
	{ "other", "其他处理", "requests.other", "#5c6bc0" },
	{ "carried_out", "结转下年度", "requests.carried_out", "#90a4ae" },
};
#define RECEIVED "requests.received"
#define RECEIVED_COLOR "#455a64"

struct sums {
	char name[NAMEMAX];	/* a year or an agency */
	double received;
	double out[NSERIES];
	long reports;
	long tmpl[4];		/* gov2019 gov2021 legacy other */
	double values, checks;
};

static void
esc(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
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
}

/* A number as the tables print it: no needless decimals. */
static void
num(FILE *fp, double v)
{
	if (v == (double)(long long)v)
		fprintf(fp, "%lld", (long long)v);
	else
		fprintf(fp, "%.2f", v);
}

/* Fill s from the totals rows of one scope and name. */
static void
take(struct sums *s, const char *series, double v, long n)
{
	static const char *const tmpl[] = { "reports.gov2019",
		"reports.gov2021", "reports.legacy" };
	int k;

	if (strcmp(series, RECEIVED) == 0)
		s->received = v;
	else if (strcmp(series, "reports") == 0)
		s->reports = n;
	else if (strcmp(series, "values") == 0)
		s->values = v;
	else if (strcmp(series, "checks") == 0)
		s->checks = v;
	else if (strncmp(series, "reports.", 8) == 0) {
		for (k = 0; k < 3 && strcmp(series, tmpl[k]) != 0; k++)
			continue;
		s->tmpl[k] += n;
	} else {
		for (k = 0; k < NSERIES; k++)
			if (strcmp(series, outcome[k].series) == 0)
				s->out[k] = v;
	}
}

/* The sums of one scope, by name; *n of them. */
static struct sums *
load_sums(sqlite3 *db, const char *scope, size_t *n)
{
	sqlite3_stmt *st;
	struct sums *v = NULL, *t;
	size_t cap = 0;
	int rc;

	*n = 0;
	if ((st = db_prep(db, "SELECT name, series, value, reports FROM totals "
	    "WHERE scope = ? ORDER BY name, series")) == NULL)
		return NULL;
	db_text(st, 1, scope, 0);
	while ((rc = db_step(st)) == 1) {
		const char *name = db_col(st, 0);

		if (*n == 0 || strcmp(v[*n - 1].name, name) != 0) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 64;
				if ((t = realloc(v, cap * sizeof(*v))) == NULL) {
					rc = -1;
					break;
				}
				v = t;
			}
			memset(&v[*n], 0, sizeof(v[*n]));
			snprintf(v[*n].name, sizeof(v[*n].name), "%s", name);
			(*n)++;
		}
		take(&v[*n - 1], db_col(st, 1), sqlite3_column_double(st, 2),
		    (long)sqlite3_column_int64(st, 3));
	}
	sqlite3_finalize(st);
	if (rc == -1) {
		free(v);
		*n = 0;
		return NULL;
	}
	if (v == NULL)
		v = calloc(1, sizeof(*v));
	return v;
}

static double
outsum(const struct sums *s)
{
	double t = 0;
	int k;

	for (k = 0; k < NSERIES; k++)
		t += s->out[k];
	return t;
}

/* A round step for about five grid lines up to max. */
static double
nicestep(double max)
{
	double step = 1, m;

	if (max <= 5)
		return 1;
	while (step * 10 <= max / 5)
		step *= 10;
	m = max / 5 / step;
	return step * (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10);
}

/* The top of a chart's axis: the largest bar rounded up to a step. */
static double
scale(const struct sums *s, size_t n, double *step)
{
	double max = 1;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i].received > max)
			max = s[i].received;
		if (outsum(&s[i]) > max)
			max = outsum(&s[i]);
	}
	*step = nicestep(max);
	return *step * (double)(long long)((max + *step - 1e-9) / *step);
}

static void
svg_open(FILE *fp, const char *id, const char *label, double w, double h)
{
	fprintf(fp, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"%g\" height=\"%g\" viewBox=\"0 0 %g %g\" role=\"img\" "
	    "aria-label=\"%s\" font-family=\"sans-serif\">\n", id, w, h, w, h,
	    label);
}

static void
legend(FILE *fp, double x, double y)
{
	int k;

	fprintf(fp, "<g class=\"legend\" font-size=\"12\">"
	    "<rect x=\"%g\" y=\"%g\" width=\"12\" height=\"12\" fill=\"%s\"/>"
	    "<text x=\"%g\" y=\"%g\">收到申请 received</text>",
	    x, y, RECEIVED_COLOR, x + 16, y + 11);
	for (k = 0; k < NSERIES; k++) {
		double lx = x + 150 + (k % 4) * 110, ly = y + (k / 4) * 16;

		fprintf(fp, "<rect x=\"%g\" y=\"%g\" width=\"12\" height=\"12\" "
		    "fill=\"%s\"/><text x=\"%g\" y=\"%g\">%s</text>", lx, ly,
		    outcome[k].color, lx + 16, ly + 11, outcome[k].label);
	}
	fputs("</g>\n", fp);
}

static void
bar(FILE *fp, const char *cls, const char *who, const char *sid,
    const char *color, double x, double y, double w, double h, double v)
{
	fprintf(fp, "<rect class=\"%s\" data-key=\"", cls);
	esc(fp, who);
	fprintf(fp, "\" data-series=\"%s\" data-value=\"", sid);
	num(fp, v);
	fprintf(fp, "\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
	    "fill=\"%s\"><title>", x, y, w, h, color);
	esc(fp, who);
	fprintf(fp, " %s: ", sid);
	num(fp, v);
	fputs("</title></rect>\n", fp);
}

static void
chart_years(FILE *fp, const struct sums *s, size_t n)
{
	double max, step, H = 260, top = 50, left = 60, bw = 22, gap = 70;
	double W, x, y, h;
	size_t i;
	int k;

	max = scale(s, n, &step);
	W = left + (double)n * gap + 40;
	if (W < 640)
		W = 640;
	svg_open(fp, "chart-per-year",
	    "requests received and outcomes per year", W, top + H + 40);
	legend(fp, left, 8);
	for (y = 0; y <= max + 1e-9; y += step) {
		double gy = top + H - y / max * H;

		fprintf(fp, "<line x1=\"%g\" x2=\"%g\" y1=\"%.1f\" y2=\"%.1f\" "
		    "stroke=\"#ddd\"/><text x=\"%g\" y=\"%.1f\" "
		    "font-size=\"11\" text-anchor=\"end\">", left, W - 10, gy,
		    gy, left - 6, gy + 4);
		num(fp, y);
		fputs("</text>\n", fp);
	}
	for (i = 0; i < n; i++) {
		x = left + 10 + (double)i * gap;
		h = s[i].received / max * H;
		bar(fp, "received", s[i].name, "received", RECEIVED_COLOR, x,
		    top + H - h, bw, h, s[i].received);
		y = top + H;
		for (k = 0; k < NSERIES; k++) {
			h = s[i].out[k] / max * H;
			y -= h;
			bar(fp, "outcome", s[i].name, outcome[k].id,
			    outcome[k].color, x + bw + 2, y, bw, h,
			    s[i].out[k]);
		}
		fprintf(fp, "<text x=\"%.1f\" y=\"%g\" font-size=\"12\" "
		    "text-anchor=\"middle\">", x + bw + 1, top + H + 18);
		esc(fp, s[i].name);
		fprintf(fp, "</text><text x=\"%.1f\" y=\"%g\" font-size=\"10\" "
		    "fill=\"#666\" text-anchor=\"middle\">%ld 份</text>\n",
		    x + bw + 1, top + H + 32, s[i].reports);
	}
	fputs("</svg>\n", fp);
}

static void
chart_agencies(FILE *fp, const struct sums *s, size_t n)
{
	double max, step, left = 300, top = 50, row = 30, Wb = 520;
	double H = (double)n * row, x, w, y;
	size_t i;
	int k;

	max = scale(s, n, &step);
	svg_open(fp, "chart-per-agency",
	    "requests received and outcomes per agency", left + Wb + 40,
	    top + H + 30);
	legend(fp, 10, 8);
	for (x = 0; x <= max + 1e-9; x += step) {
		double gx = left + x / max * Wb;

		fprintf(fp, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%g\" y2=\"%g\" "
		    "stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%g\" "
		    "font-size=\"11\" text-anchor=\"middle\">", gx, gx, top - 4,
		    top + H, gx, top + H + 16);
		num(fp, x);
		fputs("</text>\n", fp);
	}
	for (i = 0; i < n; i++) {
		y = top + (double)i * row + 3;
		fprintf(fp, "<text x=\"%g\" y=\"%.1f\" font-size=\"12\" "
		    "text-anchor=\"end\">", left - 8, y + 16);
		esc(fp, s[i].name);
		fputs("</text>\n", fp);
		bar(fp, "received", s[i].name, "received", RECEIVED_COLOR, left,
		    y, s[i].received / max * Wb, 10, s[i].received);
		for (x = left, k = 0; k < NSERIES; k++) {
			w = s[i].out[k] / max * Wb;
			bar(fp, "outcome", s[i].name, outcome[k].id,
			    outcome[k].color, x, y + 12, w, 12, s[i].out[k]);
			x += w;
		}
	}
	fputs("</svg>\n", fp);
}

static void
figures(FILE *fp, const struct sums *s, size_t n)
{
	size_t i;
	int k;

	fputs("<table id=\"figures-per-year\"><thead><tr><th>year</th>"
	    "<th>reports</th><th>收到申请</th>", fp);
	for (k = 0; k < NSERIES; k++)
		fprintf(fp, "<th>%s</th>", outcome[k].label);
	fputs("</tr></thead><tbody>\n", fp);
	for (i = 0; i < n; i++) {
		fputs("<tr data-year=\"", fp);
		esc(fp, s[i].name);
		fputs("\"><th>", fp);
		esc(fp, s[i].name);
		fprintf(fp, "</th><td class=\"n\">%ld</td><td class=\"n\" "
		    "data-series=\"received\">", s[i].reports);
		num(fp, s[i].received);
		fputs("</td>", fp);
		for (k = 0; k < NSERIES; k++) {
			fprintf(fp, "<td class=\"n\" data-series=\"%s\">",
			    outcome[k].id);
			num(fp, s[i].out[k]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static void
table_per_year(FILE *fp, const struct sums *s, size_t n)
{
	static const char *const tmpl[] = { "gov2019", "gov2021", "legacy",
		"other" };
	long tot[4] = { 0 };
	size_t i;
	int t;

	fputs("<table id=\"reports-per-year\"><thead><tr><th>year</th>"
	    "<th>gov2019</th><th>gov2021</th><th>legacy</th><th>other</th>"
	    "<th>all</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < n; i++) {
		fputs("<tr data-year=\"", fp);
		esc(fp, s[i].name);
		fputs("\"><th>", fp);
		esc(fp, s[i].name[0] ? s[i].name : "(none)");
		fputs("</th>", fp);
		for (t = 0; t < 4; t++) {
			fprintf(fp, "<td class=\"n\" data-template=\"%s\">%ld"
			    "</td>", tmpl[t], s[i].tmpl[t]);
			tot[t] += s[i].tmpl[t];
		}
		fprintf(fp, "<td class=\"n\">%ld</td></tr>\n", s[i].reports);
	}
	fputs("</tbody><tfoot><tr><th>all</th>", fp);
	for (t = 0; t < 4; t++)
		fprintf(fp, "<td class=\"n\">%ld</td>", tot[t]);
	fprintf(fp, "<td class=\"n\">%ld</td></tr></tfoot></table>\n",
	    tot[0] + tot[1] + tot[2] + tot[3]);
}

static void
alink(FILE *fp, const char *url, const char *text)
{
	if (url[0] == '\0') {
		esc(fp, text);
		return;
	}
	fputs("<a href=\"", fp);
	esc(fp, url);
	fputs("\">", fp);
	esc(fp, text);
	fputs("</a>", fp);
}

static int
table_failing(FILE *fp, sqlite3 *db, long *nfail)
{
	sqlite3_stmt *r, *c;
	long shown = 0;
	int rc;

	*nfail = (long)db_int(db, "SELECT COUNT(*) FROM reports WHERE "
	    "failed_checks > 0", 0);
	r = db_prep(db, "SELECT report, year, agency, page, template, "
	    "failed_checks, title FROM reports WHERE failed_checks > 0 ORDER BY "
	    "year DESC, agency, report LIMIT ?");
	c = db_prep(db, "SELECT check_name, COUNT(*) FROM checks WHERE report "
	    "= ? GROUP BY check_name ORDER BY MIN(ord)");
	if (r == NULL || c == NULL) {
		sqlite3_finalize(r);
		sqlite3_finalize(c);
		return -1;
	}
	fputs("<table id=\"failing-reports\"><thead><tr><th>year</th>"
	    "<th>agency</th><th>report</th><th>template</th>"
	    "<th>failed checks</th><th>which</th></tr></thead><tbody>\n", fp);
	sqlite3_bind_int(r, 1, MAX_FAILING_SHOWN);
	while ((rc = db_step(r)) == 1) {
		shown++;
		fputs("<tr class=\"failing\" data-report=\"", fp);
		esc(fp, db_col(r, 0));
		fputs("\"><td>", fp);
		esc(fp, db_col(r, 1));
		fputs("</td><td>", fp);
		esc(fp, db_col(r, 2));
		fputs("</td><td>", fp);
		fputs("<a href=\"site/r/", fp);
		esc(fp, db_col(r, 0));
		fputs(".html\">", fp);
		esc(fp, *db_col(r, 6) ? db_col(r, 6) : db_col(r, 0));
		fputs("</a>", fp);
		fputs("</td><td>", fp);
		esc(fp, db_col(r, 4));
		fprintf(fp, "</td><td class=\"n\">%s</td><td>", db_col(r, 5));
		db_text(c, 1, db_col(r, 0), 0);
		while ((rc = db_step(c)) == 1) {
			fputs("<span class=\"check\">", fp);
			esc(fp, db_col(c, 0));
			fprintf(fp, " ×%s</span> ", db_col(c, 1));
		}
		if (rc == -1)
			break;
		fputs("</td></tr>\n", fp);
	}
	sqlite3_finalize(r);
	sqlite3_finalize(c);
	fputs("</tbody></table>\n", fp);
	if (*nfail > shown)
		fprintf(fp, "<p>… and %ld more in checks/.</p>\n",
		    *nfail - shown);
	return rc == -1 ? -1 : 0;
}

static int
table_errors(FILE *fp, sqlite3 *db, long nerr)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_prep(db, "SELECT doc, COALESCE(url, ''), stage, code, "
	    "message FROM errors ORDER BY doc, code LIMIT ?")) == NULL)
		return -1;
	fputs("<table id=\"errors\"><thead><tr><th>document</th><th>stage</th>"
	    "<th>code</th><th>message</th></tr></thead><tbody>\n", fp);
	sqlite3_bind_int(st, 1, MAX_ERRORS_SHOWN);
	while ((rc = db_step(st)) == 1) {
		fputs("<tr><td>", fp);
		alink(fp, db_col(st, 1), *db_col(st, 1) ? db_col(st, 1) :
		    db_col(st, 0));
		fputs("</td><td>", fp);
		esc(fp, db_col(st, 2));
		fputs("</td><td>", fp);
		esc(fp, db_col(st, 3));
		fputs("</td><td>", fp);
		esc(fp, db_col(st, 4));
		fputs("</td></tr>\n", fp);
	}
	sqlite3_finalize(st);
	fputs("</tbody></table>\n", fp);
	if (nerr > MAX_ERRORS_SHOWN)
		fprintf(fp, "<p>… and %ld more in errors.tsv.</p>\n",
		    nerr - MAX_ERRORS_SHOWN);
	return rc == -1 ? -1 : 0;
}

static int
cmp_received(const void *pa, const void *pb)
{
	const struct sums *a = pa, *b = pb;

	if (a->received != b->received)
		return a->received > b->received ? -1 : 1;
	return strcmp(a->name, b->name);
}

int
page_sections(sqlite3 *db, FILE *fp)
{
	struct sums *years, *ag, all;
	size_t ny, na, i, nshow;
	long nerr, nfail;
	int k, rc = 0;

	years = load_sums(db, "year", &ny);
	ag = load_sums(db, "agency", &na);
	if (years == NULL || ag == NULL) {
		free(years);
		free(ag);
		return -1;
	}
	memset(&all, 0, sizeof(all));
	for (i = 0; i < ny; i++) {
		all.reports += years[i].reports;
		all.values += years[i].values;
		all.checks += years[i].checks;
	}
	nerr = (long)db_int(db, "SELECT COUNT(*) FROM errors", 0);
	qsort(ag, na, sizeof(*ag), cmp_received);
	nshow = na < TOP_AGENCIES ? na : TOP_AGENCIES;

	fprintf(fp, "<p id=\"summary\"><span id=\"n-reports\">%ld</span> "
	    "reports, <span id=\"n-metrics\">%.0f</span> values, "
	    "<span id=\"n-checks\">%.0f</span> failed checks, "
	    "<span id=\"n-errors\">%ld</span> document errors. Files: ",
	    all.reports, all.values, all.checks, nerr);
	fputs("<a href=\"reports/\">reports/</a>, "
	    "<a href=\"metrics/\">metrics/</a>, "
	    "<a href=\"checks/\">checks/</a>, "
	    "<a href=\"series/\">series/</a>, "
	    "<a href=\"sources/\">sources/</a>, "
	    "<a href=\"agencies.tsv\">agencies.tsv</a>, "
	    "<a href=\"coverage.tsv\">coverage.tsv</a>, "
	    "<a href=\"dictionary.tsv\">dictionary.tsv</a>, "
	    "<a href=\"errors.tsv\">errors.tsv</a>, "
	    "<a href=\"gk.sqlite\">gk.sqlite</a>.</p>\n", fp);

	fputs("<h2 id=\"per-year\">Reports per year and template</h2>\n"
	    "<div class=\"scroll\">", fp);
	table_per_year(fp, years, ny);
	fputs("</div>\n", fp);

	fputs("<h2>Requests received and their outcomes, per year</h2>\n"
	    "<p>Sums over the distinct reports of each year (a report found "
	    "in several places counts once), of every form: the series ", fp);
	fputs(RECEIVED, fp);
	for (k = 0; k < NSERIES; k++)
		fprintf(fp, ", %s", outcome[k].series);
	fputs(" (dictionary.tsv says what each adds up); a blank cell "
	    "counts as 0, a cell that is not a number is left out.</p>\n", fp);
	/* the years with a year, in order (the totals are by name) */
	for (i = 0; i < ny && years[i].name[0] == '\0'; i++)
		continue;
	fputs("<div class=\"scroll chart\">", fp);
	chart_years(fp, years + i, ny - i);
	fputs("</div>\n<div class=\"scroll\">", fp);
	figures(fp, years + i, ny - i);
	fputs("</div>\n", fp);
	fprintf(fp, "<h2>Requests received and their outcomes, per agency</h2>\n"
	    "<p>All years together; the %zu agencies with most requests "
	    "(of %zu; agencies as agencies.tsv names them).</p>\n", nshow, na);
	fputs("<div class=\"scroll chart\">", fp);
	chart_agencies(fp, ag, nshow);
	fputs("</div>\n", fp);

	fputs("<h2>Reports whose checks fail</h2>\n<div class=\"scroll\">", fp);
	if (table_failing(fp, db, &nfail) == -1)
		rc = -1;
	fputs("</div>\n", fp);
	fprintf(fp, "<p id=\"n-failing\">%ld reports with failed checks.</p>\n",
	    nfail);
	fputs("<h2>Documents that could not be read</h2>\n<div "
	    "class=\"scroll\">", fp);
	if (rc == 0 && table_errors(fp, db, nerr) == -1)
		rc = -1;
	fputs("</div>\n", fp);
	free(years);
	free(ag);
	return rc == -1 || ferror(fp) ? -1 : 0;
}
