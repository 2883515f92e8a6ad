/*
 * export.c: the TSV files of a generation (export.h).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "common/schema.h"
#include "export.h"

const char *const export_dirs[] = { "reports", "metrics", "checks",
	"series", "sources", "wide-gov2019", "wide-gov2021" };
const int export_ndirs = sizeof(export_dirs) / sizeof(export_dirs[0]);

int
tsv_field(FILE *fp, const char *s)
{
	size_t n;

	for (;;) {
		n = strcspn(s, "\t\r\n");
		if (n > 0 && fwrite_unlocked(s, 1, n, fp) != n)
			return -1;
		if (s[n] == '\0')
			return 0;
		if (putc_unlocked(' ', fp) == EOF)
			return -1;
		s += n + 1;
	}
}

/* An integer, written without printf. */
static int
put_int(FILE *fp, long long v)
{
	char buf[24], *p = buf + sizeof(buf);
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v :
	    (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	return fwrite_unlocked(p, 1, (size_t)(buf + sizeof(buf) - p), fp) ==
	    (size_t)(buf + sizeof(buf) - p) ? 0 : -1;
}

/* One column of a result row as TSV text. */
static int
put_col(FILE *fp, sqlite3_stmt *st, int i)
{
	char num[64];

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return 0;
	case SQLITE_INTEGER:
		return put_int(fp, sqlite3_column_int64(st, i));
	case SQLITE_FLOAT:
		db_numtext(st, i, num, sizeof(num));
		return fputs(num, fp) == EOF ? -1 : 0;
	default:
		return tsv_field(fp, db_col(st, i));
	}
}

static int
put_row(FILE *fp, sqlite3_stmt *st, int header)
{
	int i, n = sqlite3_column_count(st);

	for (i = 0; i < n; i++) {
		if (i > 0 && putc_unlocked('\t', fp) == EOF)
			return -1;
		if (header ? tsv_field(fp, sqlite3_column_name(st, i)) :
		    put_col(fp, st, i))
			return -1;
	}
	return putc_unlocked('\n', fp) == EOF ? -1 : 0;
}

long
export_query(sqlite3 *db, struct gen *g, const char *rel, const char *sql,
    const char *arg)
{
	sqlite3_stmt *st;
	FILE *fp = NULL;
	long n = 0;
	int rc;

	if ((st = db_prep(db, sql)) == NULL)
		return -1;
	if (arg != NULL)
		db_text(st, 1, arg, 0);
	if ((fp = gen_create(g, rel)) == NULL || put_row(fp, st, 1) == -1)
		goto bad;
	while ((rc = db_step(st)) == 1) {
		if (put_row(fp, st, 0) == -1)
			goto bad;
		n++;
	}
	if (rc == -1)
		goto bad;
	sqlite3_finalize(st);
	return gen_close(g, fp, rel) == -1 ? -1 : n;
bad:
	sqlite3_finalize(st);
	if (fp != NULL)
		gen_close(g, fp, rel);
	return -1;
}

static const char reports_sql[] = "SELECT report, agency, printed_agency, "
    "year, template, title, published, page, source_doc, source_url, "
    "sha256, sources, failed_checks, first_seen, last_seen FROM "
    "reports WHERE part = ? ORDER BY year, agency, report";
static const char checks_sql[] = "SELECT r.report, r.agency, r.year, "
    "r.template, c.check_name, c.location, c.expected, c.found, c.message "
    "FROM reports r JOIN checks c ON c.report = r.report WHERE r.part = ? "
    "ORDER BY r.year, r.agency, r.report, c.ord";
static const char series_sql[] = "SELECT r.report, r.agency, r.year, "
    "s.series, s.value, s.flags FROM reports r JOIN series_values s ON "
    "s.report = r.report WHERE r.part = ? ORDER BY r.year, r.agency, "
    "r.report, s.series";
static const char sources_sql[] = "SELECT s.report, s.url, s.page, "
    "s.sha256, s.first_seen, s.last_seen, s.doc, s.doc_type, s.copy FROM "
    "reports r JOIN sources s ON s.report = r.report WHERE r.part = ? ORDER "
    "BY r.year, r.agency, r.report, s.url";

/* metrics/PART.tsv: the reports in order, each one's values in order. */
static int
export_metrics(sqlite3 *db, struct gen *g, const char *part, const char *rel)
{
	static const char *const head[] = { "report", "agency", "year",
		"template", "metric", "value", "unit", "raw", "flags", "doc",
		"seq", "cell_table", "cell_row", "cell_col", "pdf_page" };
	sqlite3_stmt *r, *m;
	FILE *fp;
	int rc, i;

	r = db_prep(db, "SELECT r.report, r.agency, r.year, r.template, "
	    "r.version, v.source_doc FROM reports r JOIN versions v ON "
	    "v.version = r.version WHERE r.part = ? ORDER BY r.year, r.agency, "
	    "r.report");
	m = db_prep(db, "SELECT k.metric, m.value, m.unit, m.raw, m.flags, "
	    "m.doc, m.seq, m.cell_table, m.cell_row, m.cell_col, m.pdf_page "
	    "FROM metric_values m JOIN metric_keys k ON k.key_id = m.key_id "
	    "WHERE m.version = ? ORDER BY m.ord");
	if (r == NULL || m == NULL || (fp = gen_create(g, rel)) == NULL) {
		sqlite3_finalize(r);
		sqlite3_finalize(m);
		return -1;
	}
	for (i = 0; i < 15; i++)
		fprintf(fp, "%s%s", i ? "\t" : "", head[i]);
	putc_unlocked('\n', fp);
	db_text(r, 1, part, 0);
	while ((rc = db_step(r)) == 1) {
		sqlite3_bind_int64(m, 1, sqlite3_column_int64(r, 4));
		while ((rc = db_step(m)) == 1) {
			for (i = 0; i < 4; i++) {
				put_col(fp, r, i);
				putc_unlocked('\t', fp);
			}
			for (i = 0; i < 11; i++) {
				if (i > 0)
					putc_unlocked('\t', fp);
				if (i == 5 && sqlite3_column_type(m, 5) ==
				    SQLITE_NULL)
					put_col(fp, r, 5);	/* the source */
				else
					put_col(fp, m, i);
			}
			if (putc_unlocked('\n', fp) == EOF)
				rc = -1;
		}
		if (rc == -1)
			break;
	}
	sqlite3_finalize(r);
	sqlite3_finalize(m);
	if (gen_close(g, fp, rel) == -1)
		return -1;
	return rc == -1 ? -1 : 0;
}

/*
 * wide-TEMPLATE/PART.tsv: one row per report of the template, one column
 * per key of it in table order (the first value of a key the report
 * prints twice); keys outside the template are in metrics/ only.
 */
static int
export_wide(sqlite3 *db, struct gen *g, const char *part, const char *tmpl,
    const char *rel)
{
	const struct gk_form *form = gk_form(tmpl);
	const struct gk_key *first = gk_form_key(form, 0), *key;
	char **cell, num[64];
	size_t nk = gk_form_nkeys(form), k;
	sqlite3_stmt *r, *m;
	FILE *fp;
	int rc;

	if (nk == 0)
		return -1;
	if ((cell = calloc(nk, sizeof(*cell))) == NULL) {
		gk_warn(NULL, "out of memory");
		return -1;
	}
	r = db_prep(db, "SELECT report, agency, year, page, version FROM "
	    "reports WHERE part = ? AND template = ? ORDER BY year, agency, "
	    "report");
	m = db_prep(db, "SELECT k.metric, m.value FROM metric_values m JOIN "
	    "metric_keys k ON k.key_id = m.key_id WHERE m.version = ? ORDER BY "
	    "m.ord");
	if (r == NULL || m == NULL || (fp = gen_create(g, rel)) == NULL) {
		sqlite3_finalize(r);
		sqlite3_finalize(m);
		free(cell);
		return -1;
	}
	fputs("report\tagency\tyear\tpage", fp);
	for (k = 0; k < nk; k++)
		fprintf(fp, "\t%s", gk_form_key(form, k)->key);
	putc_unlocked('\n', fp);
	db_text(r, 1, part, 0);
	db_text(r, 2, tmpl, 0);
	while ((rc = db_step(r)) == 1) {
		for (k = 0; k < 4; k++) {
			if (k > 0)
				putc_unlocked('\t', fp);
			put_col(fp, r, (int)k);
		}
		sqlite3_bind_int64(m, 1, sqlite3_column_int64(r, 4));
		while ((rc = db_step(m)) == 1) {
			long rank;

			/* the form's keys are one array: the index is the column */
			if ((key = gk_form_lookup(form, db_col(m, 0))) == NULL)
				continue;
			rank = (long)(key - first);
			if (rank < 0 || (size_t)rank >= nk || cell[rank] != NULL)
				continue;
			db_numtext(m, 1, num, sizeof(num));
			if ((cell[rank] = strdup(num)) == NULL)
				rc = -1;
		}
		for (k = 0; k < nk; k++) {
			putc_unlocked('\t', fp);
			if (cell[k] != NULL)
				fputs(cell[k], fp);
			free(cell[k]);
			cell[k] = NULL;
		}
		if (putc_unlocked('\n', fp) == EOF || rc == -1) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(r);
	sqlite3_finalize(m);
	free(cell);
	if (gen_close(g, fp, rel) == -1)
		return -1;
	return rc == -1 ? -1 : 0;
}

/* Every table of the reports of part, each to rel(dir). */
static int
export_tables(sqlite3 *db, struct gen *g, const char *part, int whole)
{
	char rel[128];

#define REL(d) (whole ? snprintf(rel, sizeof(rel), "%s.tsv", d) : \
	snprintf(rel, sizeof(rel), "%s/%s.tsv", d, part), rel)
	if (export_query(db, g, REL("reports"), reports_sql, part) == -1 ||
	    export_metrics(db, g, part, REL("metrics")) == -1 ||
	    export_query(db, g, REL("checks"), checks_sql, part) == -1 ||
	    export_query(db, g, REL("series"), series_sql, part) == -1 ||
	    export_query(db, g, REL("sources"), sources_sql, part) == -1 ||
	    export_wide(db, g, part, "gov2019", REL("wide-gov2019")) == -1 ||
	    export_wide(db, g, part, "gov2021", REL("wide-gov2021")) == -1)
		return -1;
#undef REL
	return 0;
}

int
export_part(sqlite3 *db, struct gen *g, const char *part)
{
	sqlite3_stmt *st;
	long n;

	if ((st = db_prep(db, "SELECT COUNT(*) FROM reports WHERE part = ?")) ==
	    NULL)
		return -1;
	db_text(st, 1, part, 0);
	n = db_step(st) == 1 ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (n <= 0)
		return (int)n;	/* empty now: no file */
	return export_tables(db, g, part, 0);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The partition files of the new generation's folder dir, sorted (the
 * years in order, unknown.tsv last); NULL-ended, NULL after a message. */
static char **
part_files(struct gen *g, const char *dir, size_t *np)
{
	char p[PATH_MAX], **v = NULL, **nv;
	struct dirent *e;
	size_t n = 0, cap = 0, len;
	DIR *d;

	*np = 0;
	if ((size_t)snprintf(p, sizeof(p), "%s/%s", g->tmp, dir) >= sizeof(p))
		return NULL;
	if ((d = opendir(p)) == NULL) {
		if (errno != ENOENT) {
			gk_warn(p, "%s", strerror(errno));
			return NULL;
		}
		return calloc(1, sizeof(char *));
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 5 ||
		    strcmp(e->d_name + len - 4, ".tsv") != 0)
			continue;
		if (n + 2 > cap) {
			cap = cap ? 2 * cap : 32;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL)
				goto oom;
			v = nv;
		}
		if ((v[n] = strdup(e->d_name)) == NULL)
			goto oom;
		v[++n] = NULL;
	}
	closedir(d);
	if (v == NULL)
		return calloc(1, sizeof(char *));
	qsort(v, n, sizeof(*v), cmp_name);
	*np = n;
	return v;
oom:
	closedir(d);
	while (n > 0)
		free(v[--n]);
	free(v);
	gk_warn(NULL, "out of memory");
	return NULL;
}

/*
 * Copy the file at path to fp, its first line left out when skip: by
 * copy_file_range(2), the kernel's copy (no pass through this process;
 * a file system that shares extents shares them), else read and write.
 */
static int
append_file(FILE *fp, const char *path, int skip)
{
	char buf[1 << 16];
	ssize_t n, c;
	off_t off = 0;
	int in, rv = 0, kernel = 1;

	if ((in = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		gk_warn(path, "%s", strerror(errno));
		return -1;
	}
	if (skip) {
		char *nl = NULL;

		while (nl == NULL && (n = pread(in, buf, sizeof(buf), off)) > 0) {
			if ((nl = memchr(buf, '\n', (size_t)n)) != NULL)
				off += nl - buf + 1;
			else
				off += n;
		}
	}
	if (fflush(fp) == EOF)
		rv = -1;
	while (rv == 0) {
		if (kernel) {
			c = copy_file_range(in, &off, fileno(fp), NULL,
			    (size_t)1 << 30, 0);
			if (c > 0)
				continue;
			if (c == 0)
				break;
			if (errno != EXDEV && errno != EINVAL &&
			    errno != ENOSYS && errno != EOPNOTSUPP) {
				gk_warn(path, "cannot copy it: %s", errno ==
				    ENOSPC ? "the disk is full" :
				    strerror(errno));
				rv = -1;
				break;
			}
			kernel = 0;	/* not here: read and write */
		}
		if ((n = pread(in, buf, sizeof(buf), off)) == 0)
			break;
		if (n < 0) {
			gk_warn(path, "%s", strerror(errno));
			rv = -1;
		} else if (fwrite_unlocked(buf, 1, (size_t)n, fp) != (size_t)n)
			rv = -1;
		else
			off += n;
	}
	close(in);
	return rv;
}

/* DIR.tsv: the partitions of DIR in the new generation, one header. */
static int
concat(struct gen *g, const char *dir, char **v, size_t n)
{
	char rel[128], p[PATH_MAX];
	size_t i;
	FILE *fp;
	int rv = 0;

	snprintf(rel, sizeof(rel), "%s.tsv", dir);
	if ((fp = gen_create(g, rel)) == NULL)
		return -1;
	for (i = 0; i < n && rv == 0; i++)
		if ((size_t)snprintf(p, sizeof(p), "%s/%s/%s", g->tmp, dir,
		    v[i]) >= sizeof(p) || append_file(fp, p, i > 0) == -1)
			rv = -1;
	if (gen_close(g, fp, rel) == -1)
		rv = -1;
	return rv;
}

int
export_concat(sqlite3 *db, struct gen *g)
{
	char **v;
	size_t n, i;
	int d, rv = 0;

	for (d = 0; d < export_ndirs && rv == 0; d++) {
		if ((v = part_files(g, export_dirs[d], &n)) == NULL)
			return -1;
		if (n == 0 && d == 0) {
			/* no report at all: each file is its header */
			free(v);
			return export_tables(db, g, "", 1);
		}
		rv = concat(g, export_dirs[d], v, n);
		for (i = 0; i < n; i++)
			free(v[i]);
		free(v);
	}
	return rv;
}

int
export_whole(sqlite3 *db, struct gen *g, const char *name)
{
	static const struct {
		const char *name, *sql;
	} files[] = {
		{ "agencies.tsv", "SELECT agency, level, parent, host, "
		    "known_from, names, reports, first_year, last_year FROM "
		    "agencies ORDER BY agency" },
		{ "coverage.tsv", "SELECT agency, NULLIF(year, 0) AS year, "
		    "found, formats, reports, pages, level, parent FROM "
		    "coverage_rows ORDER BY agency, year" },
		{ "errors.tsv", "SELECT doc, url, page, sha256, stage, code, "
		    "message, first_seen, last_seen FROM errors ORDER BY doc, "
		    "code" },
		{ "dictionary.tsv", "SELECT metric AS key, template, "
		    "table_label, row_label, column_label, unit, description "
		    "FROM dictionary ORDER BY ord, metric, template" },
	};
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (strcmp(files[i].name, name) == 0)
			return export_query(db, g, name, files[i].sql, NULL) ==
			    -1 ? -1 : 0;
	gk_warn(name, "not a file of the data set");
	return -1;
}

/*
 * csv/NAME.csv: the TSV file NAME.tsv of the new generation as CSV for a
 * spreadsheet (RFC 4180: CRLF, a field holding a comma, a quote or a
 * leading or trailing space quoted, quotes doubled), after a UTF-8 byte
 * order mark, by which Excel knows the encoding.  A derived file: made
 * again when its TSV file was, else linked.
 */
const char *const export_csv_files[] = { "reports", "series", "checks",
	"agencies", "coverage", "wide-gov2019", "wide-gov2021" };
const int export_ncsv = sizeof(export_csv_files) /
    sizeof(export_csv_files[0]);

static void
csv_field(FILE *fp, const char *f, size_t n)
{
	size_t i;

	if (n == 0 || (strcspn(f, ",\"") >= n && f[0] != ' ' &&
	    f[n - 1] != ' ')) {
		fwrite_unlocked(f, 1, n, fp);
		return;
	}
	putc_unlocked('"', fp);
	for (i = 0; i < n; i++) {
		if (f[i] == '"')
			putc_unlocked('"', fp);
		putc_unlocked(f[i], fp);
	}
	putc_unlocked('"', fp);
}

static int
csv_file(struct gen *g, const char *name)
{
	char tsv[PATH_MAX], rel[128], *line = NULL, *p, *tab;
	size_t cap = 0;
	ssize_t len;
	FILE *in, *fp;
	int rv = 0;

	snprintf(rel, sizeof(rel), "csv/%s.csv", name);
	if ((size_t)snprintf(tsv, sizeof(tsv), "%s/%s.tsv", g->tmp, name) >=
	    sizeof(tsv))
		return -1;
	if ((in = fopen(tsv, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;	/* no such file in this data set */
		gk_warn(tsv, "%s", strerror(errno));
		return -1;
	}
	if ((fp = gen_create(g, rel)) == NULL) {
		fclose(in);
		return -1;
	}
	fputs("\xef\xbb\xbf", fp);
	while ((len = getline(&line, &cap, in)) != -1) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		for (p = line; (tab = strchr(p, '\t')) != NULL; p = tab + 1) {
			csv_field(fp, p, (size_t)(tab - p));
			putc_unlocked(',', fp);
		}
		csv_field(fp, p, strlen(p));
		fputs("\r\n", fp);
	}
	if (ferror(in)) {
		gk_warn(tsv, "%s", strerror(errno));
		rv = -1;
	}
	free(line);
	fclose(in);
	if (gen_close(g, fp, rel) == -1)
		rv = -1;
	return rv;
}

int
export_csv(struct gen *g)
{
	char a[PATH_MAX], b[PATH_MAX], rel[128];
	struct stat sa, sb;
	int i, rc;

	for (i = 0; i < export_ncsv; i++) {
		rc = 1;
		/* its TSV file the same as in the generation before: linked */
		snprintf(rel, sizeof(rel), "%s.tsv", export_csv_files[i]);
		if (g->cur > 0 && (size_t)snprintf(a, sizeof(a), "%s/%s",
		    g->tmp, rel) < sizeof(a) && (size_t)snprintf(b, sizeof(b),
		    "%s/%s", g->curdir, rel) < sizeof(b) && stat(a, &sa) == 0 &&
		    stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
		    sa.st_ino == sb.st_ino) {
			snprintf(rel, sizeof(rel), "csv/%s.csv",
			    export_csv_files[i]);
			rc = gen_link(g, rel);
		}
		if (rc == 1)
			rc = csv_file(g, export_csv_files[i]);
		if (rc == -1)
			return -1;
	}
	return 0;
}
