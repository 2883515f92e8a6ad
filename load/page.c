/*
 * page.c: the overview sections of data/index.html (site.c writes the rest
 * of the page): what the data set holds, the reports whose checks fail,
 * and two charts drawn here as inline SVG (no script): requests received
 * and their outcomes per year, and per agency.  Every bar carries data-* attributes
 * with its figures, so a test can read the chart back from the DOM.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

#define NSERIES 7
#define NAMEMAX 512
#define TOP_AGENCIES 30
#define MAX_ERRORS_SHOWN 500

/* The outcome groups of table 三 (the `total` column of each row). */
static const struct {
	const char *id, *label, *prefix, *color;
} series[NSERIES] = {
	{ "granted", "予以公开", "requests.granted.", "#2e7d32" },
	{ "partial", "部分公开", "requests.partial.", "#9ccc65" },
	{ "denied", "不予公开", "requests.denied.", "#c62828" },
	{ "unavailable", "无法提供", "requests.unavailable.", "#ef8c00" },
	{ "rejected", "不予处理", "requests.rejected.", "#6a1b9a" },
	{ "other", "其他处理", "requests.other.", "#5c6bc0" },
	{ "carried_out", "结转下年度", "requests.carried_out.", "#90a4ae" },
};
#define RECEIVED_COLOR "#455a64"

struct sums {
	char name[NAMEMAX];	/* a year, or an agency's matching name */
	double received;
	double out[NSERIES];
	int reports;
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

/* Add one report's requests to s. */
static void
add_report(struct sums *s, const struct row **m, size_t nm)
{
	size_t i, k, n;
	double v;

	s->reports++;
	for (i = 0; i < nm; i++) {
		const char *key = m[i]->f[M_METRIC];

		n = strlen(key);
		if (n < 6 || strcmp(key + n - 6, ".total") != 0 ||
		    strncmp(key, "requests.", 9) != 0)
			continue;
		if (value_of(m[i]->f[M_VALUE], m[i]->f[M_FLAGS], &v) != 1)
			continue;
		if (strcmp(key, "requests.new.total") == 0) {
			s->received += v;
			continue;
		}
		for (k = 0; k < NSERIES; k++)
			if (strncmp(key, series[k].prefix,
			    strlen(series[k].prefix)) == 0)
				s->out[k] += v;
	}
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

/*
 * The top of a chart's axis: the largest bar (received, or the outcomes
 * stacked, and at least 1) rounded up to a whole number of *step.
 */
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

/* The opening tag of a chart of width w and height h. */
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
		    series[k].color, lx + 16, ly + 11, series[k].label);
	}
	fputs("</g>\n", fp);
}

/* One bar's rect with its figures as attributes and a tooltip. */
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

/* Vertical bars: per year, received beside the stacked outcomes. */
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
			bar(fp, "outcome", s[i].name, series[k].id,
			    series[k].color, x + bw + 2, y, bw, h, s[i].out[k]);
		}
		fprintf(fp, "<text x=\"%.1f\" y=\"%g\" font-size=\"12\" "
		    "text-anchor=\"middle\">", x + bw + 1, top + H + 18);
		esc(fp, s[i].name);
		fprintf(fp, "</text><text x=\"%.1f\" y=\"%g\" font-size=\"10\" "
		    "fill=\"#666\" text-anchor=\"middle\">%d 份</text>\n",
		    x + bw + 1, top + H + 32, s[i].reports);
	}
	fputs("</svg>\n", fp);
}

/* Horizontal bars: per agency, received above the stacked outcomes. */
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
		    "font-size=\"11\" text-anchor=\"middle\">", gx, gx, top - 4, top + H, gx,
		    top + H + 16);
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
			bar(fp, "outcome", s[i].name, series[k].id,
			    series[k].color, x, y + 12, w, 12, s[i].out[k]);
			x += w;
		}
	}
	fputs("</svg>\n", fp);
}

/* The chart's figures as a table, for reading and for tests. */
static void
figures(FILE *fp, const struct sums *s, size_t n)
{
	size_t i;
	int k;

	fputs("<table id=\"figures-per-year\"><thead><tr><th>year</th>"
	    "<th>reports</th><th>收到申请</th>", fp);
	for (k = 0; k < NSERIES; k++)
		fprintf(fp, "<th>%s</th>", series[k].label);
	fputs("</tr></thead><tbody>\n", fp);
	for (i = 0; i < n; i++) {
		fputs("<tr data-year=\"", fp);
		esc(fp, s[i].name);
		fputs("\"><th>", fp);
		esc(fp, s[i].name);
		fprintf(fp, "</th><td class=\"n\">%d</td><td class=\"n\" "
		    "data-series=\"received\">", s[i].reports);
		num(fp, s[i].received);
		fputs("</td>", fp);
		for (k = 0; k < NSERIES; k++) {
			fprintf(fp, "<td class=\"n\" data-series=\"%s\">",
			    series[k].id);
			num(fp, s[i].out[k]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(((const struct sums *)a)->name,
	    ((const struct sums *)b)->name);
}

static int
cmp_received(const void *pa, const void *pb)
{
	const struct sums *a = pa, *b = pb;

	if (a->received != b->received)
		return a->received > b->received ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Find or add name in v (n used, sorted later). */
static struct sums *
slot(struct sums *v, size_t *n, const char *name)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i].name, name) == 0)
			return &v[i];
	memset(&v[*n], 0, sizeof(v[*n]));
	snprintf(v[*n].name, sizeof(v[*n].name), "%s", name);
	return &v[(*n)++];
}

static void
table_per_year(FILE *fp, const struct dataset *d)
{
	static const char *const tmpl[] = { "gov2019", "gov2021", "legacy" };
	char year[32] = "";
	size_t i, t, cnt[4] = { 0 }, tot[4] = { 0 };

	fputs("<table id=\"reports-per-year\"><thead><tr><th>year</th>"
	    "<th>gov2019</th><th>gov2021</th><th>legacy</th><th>other</th>"
	    "<th>all</th></tr></thead><tbody>\n", fp);
	for (i = 0; i <= d->reports.n; i++) {
		const struct row *r = i < d->reports.n ? d->reports.rows[i] :
		    NULL;

		if (i > 0 && (r == NULL || strcmp(r->f[R_YEAR], year) != 0)) {
			fputs("<tr data-year=\"", fp);
			esc(fp, year);
			fputs("\"><th>", fp);
			esc(fp, year[0] ? year : "(none)");
			fputs("</th>", fp);
			for (t = 0; t < 4; t++)
				fprintf(fp, "<td class=\"n\" data-template=\"%s\">"
				    "%zu</td>", t < 3 ? tmpl[t] : "other",
				    cnt[t]);
			fprintf(fp, "<td class=\"n\">%zu</td></tr>\n",
			    cnt[0] + cnt[1] + cnt[2] + cnt[3]);
			memset(cnt, 0, sizeof(cnt));
		}
		if (r == NULL)
			break;
		snprintf(year, sizeof(year), "%s", r->f[R_YEAR]);
		for (t = 0; t < 3 && strcmp(r->f[R_TEMPLATE], tmpl[t]); t++)
			continue;
		cnt[t]++;
		tot[t]++;
	}
	fputs("</tbody><tfoot><tr><th>all</th>", fp);
	for (t = 0; t < 4; t++)
		fprintf(fp, "<td class=\"n\">%zu</td>", tot[t]);
	fprintf(fp, "<td class=\"n\">%zu</td></tr></tfoot></table>\n",
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

static void
table_failing(FILE *fp, const struct dataset *d, size_t *nfail)
{
	struct idx rx;
	size_t i, j, n, k;

	*nfail = 0;
	if (idx_build(&rx, &d->reports, R_REPORT) == -1)
		return;
	fputs("<table id=\"failing-reports\"><thead><tr><th>year</th>"
	    "<th>agency</th><th>report</th><th>template</th>"
	    "<th>failed checks</th><th>which</th></tr></thead><tbody>\n", fp);
	/* checks.tsv is sorted by report: each report's rows are together. */
	for (i = 0; i < d->checks.n; i = j) {
		const struct row *c = d->checks.rows[i];
		const struct row **rr = idx_find(&rx, c->f[C_REPORT], &n);

		for (j = i; j < d->checks.n && strcmp(d->checks.rows[j]->f[
		    C_REPORT], c->f[C_REPORT]) == 0; j++)
			continue;
		(*nfail)++;
		fputs("<tr class=\"failing\" data-report=\"", fp);
		esc(fp, c->f[C_REPORT]);
		fputs("\"><td>", fp);
		esc(fp, c->f[C_YEAR]);
		fputs("</td><td>", fp);
		esc(fp, c->f[C_AGENCY]);
		fputs("</td><td>", fp);
		fputs("<a href=\"site/r/", fp);
		esc(fp, c->f[C_REPORT]);
		fputs(".html\">", fp);
		esc(fp, rr != NULL && rr[0]->f[R_TITLE][0] ? rr[0]->f[R_TITLE] :
		    c->f[C_REPORT]);
		fputs("</a>", fp);
		fputs("</td><td>", fp);
		esc(fp, c->f[C_TEMPLATE]);
		fprintf(fp, "</td><td class=\"n\">%zu</td><td>", j - i);
		/* Each check name once, with its count, in order of rows. */
		for (k = i; k < j; k++) {
			size_t a, cnt = 0;
			const char *name = d->checks.rows[k]->f[C_CHECK];

			for (a = i; a < k; a++)
				if (!strcmp(d->checks.rows[a]->f[C_CHECK], name))
					break;
			if (a < k)
				continue;
			for (a = k; a < j; a++)
				cnt += !strcmp(d->checks.rows[a]->f[C_CHECK],
				    name);
			fputs("<span class=\"check\">", fp);
			esc(fp, name);
			fprintf(fp, " ×%zu</span> ", cnt);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	idx_free(&rx);
}

static void
table_errors(FILE *fp, const struct dataset *d)
{
	size_t i;

	fputs("<table id=\"errors\"><thead><tr><th>document</th><th>stage</th>"
	    "<th>code</th><th>message</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < d->errors.n && i < MAX_ERRORS_SHOWN; i++) {
		const struct row *e = d->errors.rows[i];

		fputs("<tr><td>", fp);
		alink(fp, e->f[E_URL], e->f[E_URL][0] ? e->f[E_URL] :
		    e->f[E_DOC]);
		fputs("</td><td>", fp);
		esc(fp, e->f[E_STAGE]);
		fputs("</td><td>", fp);
		esc(fp, e->f[E_CODE]);
		fputs("</td><td>", fp);
		esc(fp, e->f[E_MESSAGE]);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	if (d->errors.n > MAX_ERRORS_SHOWN)
		fprintf(fp, "<p>… and %zu more in errors.tsv.</p>\n",
		    d->errors.n - MAX_ERRORS_SHOWN);
}

int
page_sections(const struct dataset *d, const struct aliases *al, FILE *fp)
{
	struct sums *years = NULL, *ag = NULL;
	struct idx mx;
	size_t ny = 0, na = 0, i, nm, nfail;
	const struct row **m;
	char key[NAMEMAX];

	if (idx_build(&mx, &d->metrics, M_REPORT) == -1)
		return -1;
	years = calloc(d->reports.n + 1, sizeof(*years));
	ag = calloc(d->reports.n + 1, sizeof(*ag));
	if (years == NULL || ag == NULL) {
		free(years);
		free(ag);
		idx_free(&mx);
		return -1;
	}
	for (i = 0; i < d->reports.n; i++) {
		const struct row *r = d->reports.rows[i];

		if (strcmp(r->f[R_TEMPLATE], "gov2019") != 0 &&
		    strcmp(r->f[R_TEMPLATE], "gov2021") != 0)
			continue;
		m = idx_find(&mx, r->f[R_REPORT], &nm);
		add_report(slot(years, &ny, r->f[R_YEAR]), m, nm);
		agency_key(al, r->f[R_AGENCY], key, sizeof(key));
		add_report(slot(ag, &na, key), m, nm);
	}
	qsort(years, ny, sizeof(*years), cmp_name);
	qsort(ag, na, sizeof(*ag), cmp_received);

	fprintf(fp, "<p id=\"summary\"><span id=\"n-reports\">%zu</span> "
	    "reports, <span id=\"n-metrics\">%zu</span> values, "
	    "<span id=\"n-checks\">%zu</span> failed checks, "
	    "<span id=\"n-errors\">%zu</span> document errors. Files: ",
	    d->reports.n, d->metrics.n, d->checks.n, d->errors.n);
	fputs("<a href=\"reports.tsv\">reports.tsv</a>, "
	    "<a href=\"metrics.tsv\">metrics.tsv</a>, "
	    "<a href=\"checks.tsv\">checks.tsv</a>, "
	    "<a href=\"errors.tsv\">errors.tsv</a>, "
	    "<a href=\"wide-gov2019.tsv\">wide-gov2019.tsv</a>, "
	    "<a href=\"wide-gov2021.tsv\">wide-gov2021.tsv</a>.</p>\n", fp);

	fputs("<h2 id=\"per-year\">Reports per year and template</h2>\n"
	    "<div class=\"scroll\">", fp);
	table_per_year(fp, d);
	fputs("</div>\n", fp);

	fputs("<h2>Requests received and their outcomes, per year</h2>\n"
	    "<p>Sums over the gov2019 and gov2021 reports of each year: "
	    "本年新收 (requests.new.total) and the 办理结果 rows' totals; a "
	    "blank cell counts as 0, a cell that is not a number is left "
	    "out.</p>\n", fp);
	fputs("<div class=\"scroll chart\">", fp);
	chart_years(fp, years, ny);
	fputs("</div>\n<div class=\"scroll\">", fp);
	figures(fp, years, ny);
	fputs("</div>\n", fp);
	fprintf(fp, "<h2>Requests received and their outcomes, per agency</h2>\n"
	    "<p>All years together; the %zu agencies with most requests "
	    "(of %zu; agencies matched by name and "
	    "config/agency-aliases.tsv).</p>\n",
	    na < TOP_AGENCIES ? na : TOP_AGENCIES, na);
	fputs("<div class=\"scroll chart\">", fp);
	chart_agencies(fp, ag, na < TOP_AGENCIES ? na : TOP_AGENCIES);
	fputs("</div>\n", fp);

	fputs("<h2 id=\"failing\">Reports whose checks fail</h2>\n"
	    "<div class=\"scroll\">", fp);
	table_failing(fp, d, &nfail);
	fputs("</div>\n", fp);
	fprintf(fp, "<p id=\"n-failing\">%zu reports with failed checks.</p>\n",
	    nfail);

	fputs("<h2 id=\"unread\">Documents that could not be read</h2>\n"
	    "<div class=\"scroll\">", fp);
	table_errors(fp, d);
	fputs("</div>\n", fp);

	free(years);
	free(ag);
	idx_free(&mx);
	return ferror(fp) ? -1 : 0;
}
