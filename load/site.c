/*
 * site.c: site_write (site.h): index.html, the JSON index, and the order
 * in which the site is written and switched in.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/cli.h"
#include "common/hash.h"
#include "common/log.h"
#include "page.h"
#include "site.h"

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
rm_tree(const char *path)
{
	struct stat sb;

	if (lstat(path, &sb) == 0)
		nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* The number of failed checks of a report, and their names. */
static size_t
fails(const struct site *s, const char *report, const struct row ***c)
{
	size_t n;

	if ((*c = idx_find(&s->cx, report, &n)) == NULL)
		return 0;
	return n;
}

/*
 * The generation time: SOURCE_DATE_EPOCH when set (reproducible builds),
 * else the time the data last changed: kept from the last site when its
 * data (the hash of the files) is the same, so that loading the same
 * stream twice writes the same bytes; else now.
 */
static void
when(struct site *s, const char *dir, const char *digest)
{
	char path[4096], line[256], *tab;
	const char *e = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/site/generated.tsv", dir);
	if (e != NULL && *e != '\0')
		t = (time_t)strtoll(e, NULL, 10);
	else if ((fp = fopen(path, "r")) != NULL) {
		if (fgets(line, sizeof(line), fp) != NULL &&
		    (tab = strchr(line, '\t')) != NULL) {
			*tab++ = '\0';
			tab[strcspn(tab, "\n")] = '\0';
			if (strcmp(line, digest) == 0 && strlen(tab) <
			    sizeof(s->when)) {
				strcpy(s->when, tab);
				fclose(fp);
				return;
			}
		}
		fclose(fp);
	}
	gmtime_r(&t, &tm);
	strftime(s->when, sizeof(s->when), "%Y-%m-%d %H:%M UTC", &tm);
}

/* A digest of the data set's files, for when(). */
static void
digest_of(const char *dir, char out[GK_SHA256_HEX])
{
	static const char *const files[] = { "reports", "metrics",
		"checks", "errors.tsv", "dictionary.tsv", "series",
		"coverage.tsv", "agencies.tsv", "sources" };
	struct gk_sha256 *h = gk_sha256_new();
	char path[4096], buf[65536];
	size_t i, n;
	FILE *fp;

	if (h == NULL) {
		out[0] = '\0';
		return;
	}
	gk_sha256_add(h, gk_version(), strlen(gk_version()));
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct dirent **names = NULL;
		int k, nn = 0;

		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		/* a folder of partitions: each file, in name order */
		if ((nn = scandir(path, &names, NULL, alphasort)) < 0)
			nn = 0;
		for (k = -1; k < nn; k++) {
			char part[4096 + 260];

			if (k >= 0 && names[k]->d_name[0] == '.')
				continue;
			if (k >= 0)
				snprintf(part, sizeof(part), "%s/%s", path,
				    names[k]->d_name);
			if ((fp = fopen(k >= 0 ? part : path, "r")) == NULL)
				continue;
			gk_sha256_add(h, k >= 0 ? names[k]->d_name : files[i],
			    strlen(k >= 0 ? names[k]->d_name : files[i]) + 1);
			while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
				gk_sha256_add(h, buf, n);
			fclose(fp);
		}
		for (k = 0; k < nn; k++)
			free(names[k]);
		free(names);
	}
	gk_sha256_end(h, out);
}

/* site/index.js and site/index.json: every report, for the search. */
static int
write_index(const struct site *s)
{
	static const char *const names[] = { "index.js", "index.json" };
	const struct table *rt = &s->d->reports;
	const struct row **c;
	char af[64];
	size_t i, k, n;
	int f;
	FILE *fp;

	for (f = 0; f < 2; f++) {
		if ((fp = site_open(s, names[f])) == NULL)
			return -1;
		if (f == 0)
			fputs("/* the report index of the site (index.json) */\n"
			    "window.GK_INDEX = ", fp);
		fputs("{\"generated\":", fp);
		j_str(fp, s->when);
		fputs(",\"version\":", fp);
		j_str(fp, gk_version());
		fputs(",\"reports\":[\n", fp);
		for (i = 0; i < rt->n; i++) {
			const struct row *r = rt->rows[i];

			n = fails(s, r->f[R_REPORT], &c);
			agency_file(s, r->f[R_AGENCY], af, sizeof(af));
			fputs(i ? ",\n{\"id\":" : "{\"id\":", fp);
			j_str(fp, r->f[R_REPORT]);
			fputs(",\"agency\":", fp);
			j_str(fp, r->f[R_AGENCY]);
			fputs(",\"agency_page\":", fp);
			j_str(fp, af);
			fputs(",\"year\":", fp);
			j_str(fp, r->f[R_YEAR]);
			fputs(",\"template\":", fp);
			j_str(fp, r->f[R_TEMPLATE]);
			fputs(",\"sources\":", fp);
			j_str(fp, r->f[R_SOURCES]);
			fputs(",\"title\":", fp);
			j_str(fp, r->f[R_TITLE]);
			fputs(",\"published\":", fp);
			j_str(fp, r->f[R_PUBLISHED]);
			fputs(",\"page\":", fp);
			j_str(fp, r->f[R_PAGE]);
			fputs(",\"source_url\":", fp);
			j_str(fp, r->f[R_URL]);
			fprintf(fp, ",\"failed\":%zu,\"checks\":[", n);
			for (k = 0; k < n; k++) {
				size_t a;

				for (a = 0; a < k && strcmp(c[a]->f[C_CHECK],
				    c[k]->f[C_CHECK]) != 0; a++)
					continue;
				if (a < k)
					continue;
				if (k > 0)
					putc(',', fp);
				j_str(fp, c[k]->f[C_CHECK]);
			}
			fputs("]}", fp);
		}
		fputs("\n]}", fp);
		fputs(f == 0 ? ";\n" : "\n", fp);
		if (site_close(fp, names[f]) == -1)
			return -1;
	}
	return 0;
}

/* The list of every report: the heart of index.html. */
static void
report_list(FILE *fp, const struct site *s)
{
	const struct table *rt = &s->d->reports;
	const struct row **c;
	char af[64];
	size_t i, n;

	fputs("<h2 id=\"reports\">Every report</h2>\n<form id=\"filters\" "
	    "role=\"search\" onsubmit=\"return false\">\n<input type=\"search\" "
	    "id=\"q\" placeholder=\"Search agency, title, year, check…\" "
	    "aria-label=\"search the reports\">\n<select id=\"f-agency\" "
	    "aria-label=\"agency\"><option value=\"\">every agency</option>"
	    "</select>\n<select id=\"f-year\" aria-label=\"year\"><option "
	    "value=\"\">every year</option></select>\n<select "
	    "id=\"f-template\" aria-label=\"template\"><option value=\"\">"
	    "every template</option></select>\n<label><input type=\"checkbox\" "
	    "id=\"f-failing\"> failing checks only</label>\n", fp);
	fprintf(fp, "<span id=\"shown\">%zu reports</span>\n</form>\n", rt->n);
	fputs("<div class=\"scroll\"><table id=\"report-list\"><thead><tr>"
	    "<th>year</th><th>agency</th><th>report</th><th>template</th>"
	    "<th>checks</th><th>source</th></tr></thead><tbody>\n", fp);
	for (i = 0; i < rt->n; i++) {
		const struct row *r = rt->rows[i];

		n = fails(s, r->f[R_REPORT], &c);
		agency_file(s, r->f[R_AGENCY], af, sizeof(af));
		fputs("<tr id=\"r-", fp);
		h_esc(fp, r->f[R_REPORT]);
		fputs("\" data-report=\"", fp);
		h_esc(fp, r->f[R_REPORT]);
		fputs("\"><td>", fp);
		h_esc(fp, r->f[R_YEAR]);
		fprintf(fp, "</td><td><a href=\"site/%s\">", af);
		h_esc(fp, r->f[R_AGENCY]);
		fputs("</a></td><td><a class=\"report\" href=\"site/r/", fp);
		h_esc(fp, r->f[R_REPORT]);
		fputs(".html\">", fp);
		h_esc(fp, r->f[R_TITLE][0] ? r->f[R_TITLE] : r->f[R_REPORT]);
		fputs("</a></td><td>", fp);
		h_esc(fp, r->f[R_TEMPLATE]);
		if (n > 0)
			fprintf(fp, "</td><td><span class=\"badge bad\">%zu "
			    "failed</span></td><td>", n);
		else
			fputs("</td><td><span class=\"badge\">pass</span>"
			    "</td><td>", fp);
		if (r->f[R_PAGE][0] != '\0') {
			fputs("<a href=\"", fp);
			h_esc(fp, r->f[R_PAGE]);
			fputs("\">page</a>", fp);
		}
		if (r->f[R_URL][0] != '\0' && strcmp(r->f[R_URL],
		    r->f[R_PAGE]) != 0) {
			fputs(" <a href=\"", fp);
			h_esc(fp, r->f[R_URL]);
			fputs("\">file</a>", fp);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
}

static int
write_home(const struct site *s, const char *out)
{
	char tmp[4096], dst[4096];
	FILE *fp;
	int rv = 0;

	snprintf(tmp, sizeof(tmp), "%s/.index.html.tmp", out);
	snprintf(dst, sizeof(dst), "%s/index.html", out);
	if ((fp = fopen(tmp, "w")) == NULL) {
		gk_warn(tmp, "%s", strerror(errno));
		return -1;
	}
	h_head(fp, "政府信息公开工作年度报告", "");
	fputs("<h1>政府信息公开工作年度报告 — the data</h1>\n<p>The annual "
	    "government information disclosure reports of Qingdao's "
	    "government, departments and districts, read by gk: every "
	    "figure of their tables, checked. Each report has a page with "
	    "its tables as printed; each agency a page with its reports "
	    "over the years.</p>\n", fp);
	report_list(fp, s);
	fputs("<h2 id=\"overview\">Overview</h2>\n", fp);
	if (page_sections(s->db, fp) == -1)
		rv = -1;
	fputs("<script src=\"site/index.js\"></script>\n<script "
	    "src=\"site/gk.js\"></script>\n", fp);
	h_foot(fp, s, "");
	if (fflush(fp) == EOF || ferror(fp) || fsync(fileno(fp)) == -1)
		rv = -1;
	if (fclose(fp) == EOF)
		rv = -1;
	if (rv == 0 && rename(tmp, dst) == -1)
		rv = -1;
	if (rv == -1) {
		gk_warn(dst, "cannot write: %s", strerror(errno ? errno : EIO));
		unlink(tmp);
	}
	return rv;
}

/* Put the new site folder in the old one's place, at once. */
static int
swap_in(const char *tmp, const char *dst)
{
	struct stat sb;

	if (stat(dst, &sb) == -1)
		return rename(tmp, dst);
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dst, RENAME_EXCHANGE) == 0) {
		rm_tree(tmp);	/* the old site, now at tmp */
		return 0;
	}
	/* a file system without RENAME_EXCHANGE: the old one goes first */
	rm_tree(dst);
	return rename(tmp, dst);
}

int
site_write(const char *dir, const char *out, sqlite3 *db)
{
	struct dataset d;
	struct site s;
	char tmp[4096], dst[4096], digest[GK_SHA256_HEX];
	FILE *fp;
	int rv = -1;

	memset(&s, 0, sizeof(s));
	dataset_init(&d);
	snprintf(tmp, sizeof(tmp), "%s/.site.new", out);
	snprintf(dst, sizeof(dst), "%s/site", out);
	rm_tree(tmp);	/* a killed run's */
	if (dataset_read(&d, dir) == -1)
		goto done;
	s.tmp = tmp;
	s.d = &d;
	s.db = db;
	s.series = extra_read(dir, "series");
	s.coverage = extra_read(dir, "coverage.tsv");
	s.sources = extra_read(dir, "sources");
	/* looked up by report on every page (a file without the column is
	 * shown without those rows, as before) */
	(void)extra_index(s.series, "report");
	(void)extra_index(s.sources, "report");
	digest_of(dir, digest);
	when(&s, out, digest);
	if (idx_build(&s.rx, &d.reports, R_REPORT) == -1 ||
	    idx_build(&s.mx, &d.metrics, M_REPORT) == -1 ||
	    idx_build(&s.cx, &d.checks, C_REPORT) == -1) {
		gk_warn(out, "out of memory: the site was left as it was");
		goto done;
	}
	if (mkdir(tmp, 0755) == -1 || mkdir(strcat(strcpy(dst, tmp), "/r"),
	    0755) == -1 || mkdir(strcat(strcpy(dst, tmp), "/a"), 0755) == -1) {
		gk_warn(tmp, "%s", strerror(errno));
		goto done;
	}
	snprintf(dst, sizeof(dst), "%s/site", out);
	if (site_assets(&s) == -1 || write_index(&s) == -1 ||
	    site_reports(&s) == -1 || site_agencies(&s) == -1 ||
	    site_checks(&s) == -1 || site_coverage(&s) == -1)
		goto done;
	if ((fp = site_open(&s, "generated.tsv")) == NULL)
		goto done;
	fprintf(fp, "%s\t%s\n", digest, s.when);
	if (site_close(fp, "generated.tsv") == -1)
		goto done;
	if (swap_in(tmp, dst) == -1) {
		gk_warn(dst, "cannot put the new site in place: %s",
		    strerror(errno));
		goto done;
	}
	rv = write_home(&s, out);
done:
	if (rv == -1)
		rm_tree(tmp);
	idx_free(&s.rx);
	idx_free(&s.mx);
	idx_free(&s.cx);
	extra_free(s.series);
	extra_free(s.coverage);
	extra_free(s.sources);
	dataset_free(&d);
	return rv;
}
