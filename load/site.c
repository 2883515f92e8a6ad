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

/* A report's failed checks by name, each once, in file order (the
 * site's index): JSON strings after the first. */
static int
check_names(FILE *fp, const struct site *s, const char *report)
{
	static const char sql[] = "SELECT name FROM chk WHERE report = ? "
	    "GROUP BY name ORDER BY MIN(seq)";
	sqlite3_stmt *st;
	int rc, k = 0;

	if ((st = db_cached(s->ix, sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	while ((rc = db_step(st)) == 1) {
		if (k++ > 0)
			putc(',', fp);
		j_str(fp, db_col(st, 0));
	}
	return rc;
}

/* Every report in file order (the site's index): report agency year
 * template sources title published page source_url nfail. */
static const char reports_sql[] = "SELECT report, agency, year, template, "
    "sources, title, published, page, url, nfail FROM rep ORDER BY seq";

/* The time of the pages made now: SOURCE_DATE_EPOCH when set
 * (reproducible builds), else now; UTC. */
static void
now_when(struct site *s)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (e != NULL && *e != '\0')
		t = (time_t)strtoll(e, NULL, 10);
	gmtime_r(&t, &tm);
	strftime(s->when, sizeof(s->when), "%Y-%m-%d %H:%M UTC", &tm);
}

/*
 * The site of the generation before (prev/site/generated.tsv: the key of
 * the program that made it, its time): 1 when it was made by this
 * program, else 0.
 */
static int
prev_site(const char *prev, const char *key, char *when, size_t n)
{
	char path[4096], line[256], *tab;
	FILE *fp;
	int rv = 0;

	if (prev == NULL || (size_t)snprintf(path, sizeof(path),
	    "%s/site/generated.tsv", prev) >= sizeof(path) ||
	    (fp = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(line, sizeof(line), fp) != NULL &&
	    (tab = strchr(line, '\t')) != NULL) {
		*tab++ = '\0';
		tab[strcspn(tab, "\n")] = '\0';
		if (strcmp(line, key) == 0 && strlen(tab) < n) {
			strcpy(when, tab);
			rv = 1;
		}
	}
	fclose(fp);
	return rv;
}

/*
 * What a page is made of besides its data: the program.  A page of the
 * site before is kept (linked) only when the same program made it.
 */
static void
site_key(char out[GK_SHA256_HEX])
{
	struct gk_sha256 *h = gk_sha256_new();
	char buf[65536];
	size_t n;
	FILE *fp;

	if (h == NULL) {
		out[0] = '\0';
		return;
	}
	gk_sha256_add(h, gk_version(), strlen(gk_version()) + 1);
	if ((fp = fopen("/proc/self/exe", "rb")) != NULL) {
		while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
			gk_sha256_add(h, buf, n);
		fclose(fp);
	}
	gk_sha256_end(h, out);
}

/* site/index.js and site/index.json: every report, for the search. */
static int
write_index(const struct site *s)
{
	static const char *const names[] = { "index.js", "index.json" };
	sqlite3_stmt *st;
	char af[64];
	size_t i;
	int f, rc;
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
		if ((st = db_cached(s->ix, reports_sql)) == NULL) {
			fclose(fp);
			return -1;
		}
		for (i = 0; (rc = db_step(st)) == 1; i++) {
			agency_file(s, db_col(st, 1), af, sizeof(af));
			fputs(i ? ",\n{\"id\":" : "{\"id\":", fp);
			j_str(fp, db_col(st, 0));
			fputs(",\"agency\":", fp);
			j_str(fp, db_col(st, 1));
			fputs(",\"agency_page\":", fp);
			j_str(fp, af);
			fputs(",\"year\":", fp);
			j_str(fp, db_col(st, 2));
			fputs(",\"template\":", fp);
			j_str(fp, db_col(st, 3));
			fputs(",\"sources\":", fp);
			j_str(fp, db_col(st, 4));
			fputs(",\"title\":", fp);
			j_str(fp, db_col(st, 5));
			fputs(",\"published\":", fp);
			j_str(fp, db_col(st, 6));
			fputs(",\"page\":", fp);
			j_str(fp, db_col(st, 7));
			fputs(",\"source_url\":", fp);
			j_str(fp, db_col(st, 8));
			fprintf(fp, ",\"failed\":%lld,\"checks\":[",
			    (long long)sqlite3_column_int64(st, 9));
			if (sqlite3_column_int64(st, 9) > 0 &&
			    check_names(fp, s, db_col(st, 0)) == -1) {
				sqlite3_reset(st);
				rc = -1;
				break;
			}
			fputs("]}", fp);
		}
		if (rc == -1) {
			fclose(fp);
			return -1;
		}
		fputs("\n]}", fp);
		fputs(f == 0 ? ";\n" : "\n", fp);
		if (site_close(fp, names[f]) == -1)
			return -1;
	}
	return 0;
}

/* The list of every report: the heart of index.html. */
static int
report_list(FILE *fp, const struct site *s)
{
	sqlite3_stmt *st;
	char af[64];
	long long n;
	int rc;

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
	fprintf(fp, "<span id=\"shown\">%ld reports</span>\n</form>\n",
	    six_count(s));
	fputs("<div class=\"scroll\"><table id=\"report-list\"><thead><tr>"
	    "<th>year</th><th>agency</th><th>report</th><th>template</th>"
	    "<th>checks</th><th>source</th></tr></thead><tbody>\n", fp);
	if ((st = db_cached(s->ix, reports_sql)) == NULL)
		return -1;
	while ((rc = db_step(st)) == 1) {
		const char *report = db_col(st, 0), *title = db_col(st, 5);
		const char *page = db_col(st, 7), *url = db_col(st, 8);

		n = sqlite3_column_int64(st, 9);
		agency_file(s, db_col(st, 1), af, sizeof(af));
		fputs("<tr id=\"r-", fp);
		h_esc(fp, report);
		fputs("\" data-report=\"", fp);
		h_esc(fp, report);
		fputs("\"><td>", fp);
		h_esc(fp, db_col(st, 2));
		fprintf(fp, "</td><td><a href=\"site/%s\">", af);
		h_esc(fp, db_col(st, 1));
		fputs("</a></td><td><a class=\"report\" href=\"site/r/", fp);
		h_esc(fp, report);
		fputs(".html\">", fp);
		h_esc(fp, title[0] ? title : report);
		fputs("</a></td><td>", fp);
		h_esc(fp, db_col(st, 3));
		if (n > 0)
			fprintf(fp, "</td><td><span class=\"badge bad\">%lld "
			    "failed</span></td><td>", n);
		else
			fputs("</td><td><span class=\"badge\">pass</span>"
			    "</td><td>", fp);
		if (page[0] != '\0') {
			fputs("<a href=\"", fp);
			h_esc(fp, page);
			fputs("\">page</a>", fp);
		}
		if (url[0] != '\0' && strcmp(url, page) != 0) {
			fputs(" <a href=\"", fp);
			h_esc(fp, url);
			fputs("\">file</a>", fp);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table></div>\n", fp);
	return rc;
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
	if (report_list(fp, s) == -1)
		rv = -1;
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

/* dir/rel and prev/rel are one file (a link the load made), or both
 * missing. */
static int
same_file(const char *dir, const char *prev, const char *rel)
{
	char a[4096], b[4096];
	struct stat sa, sb;
	int ha, hb;

	if ((size_t)snprintf(a, sizeof(a), "%s/%s", dir, rel) >= sizeof(a) ||
	    (size_t)snprintf(b, sizeof(b), "%s/%s", prev, rel) >= sizeof(b))
		return 0;
	ha = lstat(a, &sa) == 0;
	hb = lstat(b, &sb) == 0;
	if (!ha || !hb)
		return ha == hb;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Every *.tsv of the folder rel the same file in dir and prev. */
static int
folder_same(const char *dir, const char *prev, const char *rel)
{
	const char *top[2] = { dir, prev };
	char path[4096], f[4096 + 260];
	struct dirent *e;
	long count[2] = { 0, 0 };
	int k, same = 1;
	DIR *d;

	for (k = 0; k < 2 && same; k++) {
		snprintf(path, sizeof(path), "%s/%s", top[k], rel);
		if ((d = opendir(path)) == NULL)
			return 0;
		while (same && (e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.')
				continue;
			count[k]++;
			snprintf(f, sizeof(f), "%s/%s", rel, e->d_name);
			if (k == 0 && !same_file(dir, prev, f))
				same = 0;
		}
		closedir(d);
	}
	return same && count[0] == count[1];
}

/* Nothing the site reads changed since prev (every file a link). */
static int
data_same(const char *dir, const char *prev)
{
	static const char *const folders[] = { "reports", "metrics", "checks",
		"series", "sources" };
	static const char *const files[] = { "coverage.tsv", "errors.tsv",
		"agencies.tsv" };
	size_t i;

	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++)
		if (!folder_same(dir, prev, folders[i]))
			return 0;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (!same_file(dir, prev, files[i]))
			return 0;
	return 1;
}

/* A page of the site before, linked into the new one. 0, 1 when the old
 * site has no such page, -1 after a message. */
static int
link_page(const struct site *s, const char *rel)
{
	char a[4096], b[4096];

	if ((size_t)snprintf(a, sizeof(a), "%s/site/%s", s->prev, rel) >=
	    sizeof(a) || (size_t)snprintf(b, sizeof(b), "%s/%s", s->tmp,
	    rel) >= sizeof(b))
		return 1;
	if (link(a, b) == 0)
		return 0;
	if (errno == ENOENT)
		return 1;
	gk_warn(b, "%s", strerror(errno));
	return -1;
}

/* The old site's folder rel (and what is under it) linked into tmp. */
static int
link_tree(const char *from, const char *to)
{
	char a[4096], b[4096];
	struct dirent *e;
	struct stat sb;
	DIR *d;
	int rv = 0;

	if ((d = opendir(from)) == NULL)
		return -1;
	if (mkdir(to, 0755) == -1 && errno != EEXIST) {
		closedir(d);
		return -1;
	}
	while (rv == 0 && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(a, sizeof(a), "%s/%s", from, e->d_name) >=
		    sizeof(a) || (size_t)snprintf(b, sizeof(b), "%s/%s", to,
		    e->d_name) >= sizeof(b) || lstat(a, &sb) == -1)
			rv = -1;
		else if (S_ISDIR(sb.st_mode))
			rv = link_tree(a, b);
		else if (link(a, b) == -1)
			rv = -1;
	}
	closedir(d);
	return rv;
}

/* The report pages of one partition (reports/NAME), from its files. */
static int
part_pages(const struct site *s, const char *dir, const char *name)
{
	struct dataset pd;
	struct site ps = *s;
	char rel[300];
	int rv = -1;

	dataset_init(&pd);
	memset(&ps.mx, 0, sizeof(ps.mx));
	memset(&ps.cx, 0, sizeof(ps.cx));
	snprintf(rel, sizeof(rel), "sources/%s", name);
	ps.d = &pd;
	ps.sources = extra_read(dir, rel);
	(void)extra_index(ps.sources, "report");
	if (dataset_read_part(&pd, dir, name) == -1)
		goto done;
	if (idx_build(&ps.mx, &pd.metrics, M_REPORT) == -1 ||
	    idx_build(&ps.cx, &pd.checks, C_REPORT) == -1) {
		gk_warn(name, "out of memory: the site was left as it was");
		goto done;
	}
	rv = site_reports(&ps);
done:
	idx_free(&ps.mx);
	idx_free(&ps.cx);
	extra_free(ps.sources);
	dataset_free(&pd);
	return rv;
}

/* The pages of a partition whose files are those of the generation
 * before: linked.  0, 1 when one is missing (make them), -1. */
static int
part_link(const struct site *s, const char *dir, const char *name)
{
	char path[4096], rel[64], *line = NULL;
	size_t cap = 0, n;
	ssize_t len;
	FILE *fp;
	int rv = 0, first = 1;

	snprintf(path, sizeof(path), "%s/reports/%s", dir, name);
	if ((fp = fopen(path, "r")) == NULL)
		return 1;
	while (rv == 0 && (len = getline(&line, &cap, fp)) != -1) {
		if (first) {
			first = 0;
			continue;
		}
		n = strcspn(line, "\t\n");
		if (n == 0 || n > 40)
			continue;
		snprintf(rel, sizeof(rel), "r/%.*s.html", (int)n, line);
		rv = link_page(s, rel);
	}
	free(line);
	fclose(fp);
	return rv;
}

/* site/r/: every report's page; those of a partition unchanged since the
 * site before linked from it, the rest made from their partition. */
static int
report_pages(const struct site *s, const char *dir)
{
	char path[4096], rel[300];
	struct dirent **names = NULL;
	int n, i, rv = 0, rc;
	size_t len;

	snprintf(path, sizeof(path), "%s/reports", dir);
	if ((n = scandir(path, &names, NULL, alphasort)) == -1)
		return errno == ENOENT ? 0 : -1;
	for (i = 0; i < n; i++) {
		const char *nm = names[i]->d_name;

		len = strlen(nm);
		if (rv == 0 && nm[0] != '.' && len > 4 &&
		    strcmp(nm + len - 4, ".tsv") == 0) {
			rc = 1;
			if (s->prev != NULL) {
				static const char *const of[] = { "reports",
					"metrics", "checks", "sources" };
				size_t k;

				for (k = 0; k < 4; k++) {
					snprintf(rel, sizeof(rel), "%s/%s",
					    of[k], nm);
					if (!same_file(dir, s->prev, rel))
						break;
				}
				if (k == 4)
					rc = part_link(s, dir, nm);
			}
			if (rc == 1)
				rc = part_pages(s, dir, nm);
			if (rc == -1)
				rv = -1;
		}
		free(names[i]);
	}
	free(names);
	return rv;
}

int
site_write(const char *dir, const char *out, sqlite3 *db, const char *prev)
{
	struct site s;
	char tmp[4096], dst[4096], key[GK_SHA256_HEX], old[64];
	FILE *fp;
	int rv = -1;

	memset(&s, 0, sizeof(s));
	snprintf(tmp, sizeof(tmp), "%s/.site.new", out);
	snprintf(dst, sizeof(dst), "%s/site", out);
	rm_tree(tmp);	/* a killed run's */
	site_key(key);
	s.dir = dir;
	s.tmp = tmp;
	s.db = db;
	if (prev_site(prev, key, old, sizeof(old)))
		s.prev = prev;
	/* nothing the site reads changed: the site before, as it is */
	if (s.prev != NULL && data_same(dir, prev)) {
		snprintf(dst, sizeof(dst), "%s/site", prev);
		if (link_tree(dst, tmp) == 0) {
			snprintf(dst, sizeof(dst), "%s/site", out);
			snprintf(s.when, sizeof(s.when), "%s", old);
			if (swap_in(tmp, dst) == 0) {
				char a[4096], b[4096];

				snprintf(a, sizeof(a), "%s/index.html", prev);
				snprintf(b, sizeof(b), "%s/index.html", out);
				unlink(b);
				if (link(a, b) == 0)
					return 0;
			}
		}
		rm_tree(tmp);
		snprintf(dst, sizeof(dst), "%s/site", out);
	}
	now_when(&s);
	if (mkdir(tmp, 0755) == -1 || mkdir(strcat(strcpy(dst, tmp), "/r"),
	    0755) == -1 || mkdir(strcat(strcpy(dst, tmp), "/a"), 0755) == -1) {
		gk_warn(tmp, "%s", strerror(errno));
		goto done;
	}
	snprintf(dst, sizeof(dst), "%s/site", out);
	/* the report pages, a partition at a time */
	if (report_pages(&s, dir) == -1)
		goto done;
	/* the pages across reports, from the site's index of the files */
	if (six_open(&s, dir) == -1)
		goto done;
	if (site_assets(&s) == -1 || write_index(&s) == -1 ||
	    site_agencies(&s) == -1 || site_checks(&s) == -1 ||
	    site_coverage(&s) == -1)
		goto done;
	if ((fp = site_open(&s, "generated.tsv")) == NULL)
		goto done;
	fprintf(fp, "%s\t%s\n", key, s.when);
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
	six_close(&s);
	return rv;
}
