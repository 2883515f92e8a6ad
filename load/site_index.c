/*
 * site_index.c: what the pages across reports read (index.html and the
 * JSON index, the agency pages, agencies, checks, coverage), gathered
 * from the generation's files a line at a time into a private temporary
 * SQLite database (a file, deleted on close): reports/ and checks/,
 * series/ (metrics/ only without it, and only the keys the agency pages
 * show then), each row with its place in the files (seq).  So memory
 * stays flat whatever the data set (a line, one agency's reports, and
 * SQLite's page cache), and every page comes out as it did from the
 * files held whole: the same rows in the same order.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/rec.h"
#include "agency.h"
#include "site.h"

static const char schema[] =
"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
"PRAGMA cache_size = -4096; PRAGMA temp_store = FILE;"
"CREATE TABLE rep (seq INTEGER PRIMARY KEY, report TEXT, agency TEXT,"
" akey TEXT, year TEXT, template TEXT, sources TEXT, title TEXT,"
" published TEXT, page TEXT, url TEXT, nfail INTEGER NOT NULL DEFAULT 0);"
"CREATE TABLE chk (seq INTEGER PRIMARY KEY, report TEXT, name TEXT,"
" year TEXT, agency TEXT, loc TEXT, expected TEXT, found TEXT);"
"CREATE TABLE ser (seq INTEGER PRIMARY KEY, report TEXT, name TEXT,"
" value TEXT);"
"CREATE TABLE met (seq INTEGER PRIMARY KEY, report TEXT, metric TEXT,"
" value TEXT);";

/* After the rows: the lookups of the pages, and each report's count of
 * failed checks (its rows in checks/). */
static const char indexes[] =
"CREATE INDEX rep_r ON rep (report, seq);"
"CREATE INDEX rep_a ON rep (akey, seq);"
"CREATE INDEX chk_r ON chk (report, seq);"
"CREATE INDEX chk_n ON chk (name, seq);"
"CREATE INDEX ser_r ON ser (report, seq);"
"CREATE INDEX met_r ON met (report, metric, seq);"
"UPDATE rep SET nfail = (SELECT COUNT(*) FROM chk WHERE chk.report ="
" rep.report);";

struct fill {
	sqlite3 *db;
	sqlite3_stmt *st;
	int cr, cs, cv;		/* series/: report, series, value */
};

static int
add_report(void *arg, const char *const *f)
{
	struct fill *x = arg;
	char key[512];

	agency_key(f[R_AGENCY], key, sizeof(key));
	db_text(x->st, 1, f[R_REPORT], 0);
	db_text(x->st, 2, f[R_AGENCY], 0);
	db_text(x->st, 3, key, 0);
	db_text(x->st, 4, f[R_YEAR], 0);
	db_text(x->st, 5, f[R_TEMPLATE], 0);
	db_text(x->st, 6, f[R_SOURCES], 0);
	db_text(x->st, 7, f[R_TITLE], 0);
	db_text(x->st, 8, f[R_PUBLISHED], 0);
	db_text(x->st, 9, f[R_PAGE], 0);
	db_text(x->st, 10, f[R_URL], 0);
	return db_run(x->st);
}

static int
add_check(void *arg, const char *const *f)
{
	struct fill *x = arg;

	db_text(x->st, 1, f[C_REPORT], 0);
	db_text(x->st, 2, f[C_CHECK], 0);
	db_text(x->st, 3, f[C_YEAR], 0);
	db_text(x->st, 4, f[C_AGENCY], 0);
	db_text(x->st, 5, f[C_WHERE], 0);
	db_text(x->st, 6, f[C_EXPECTED], 0);
	db_text(x->st, 7, f[C_FOUND], 0);
	return db_run(x->st);
}

/* The series the agency pages show without series/ (table 三 and 四). */
static int
add_metric(void *arg, const char *const *f)
{
	struct fill *x = arg;
	size_t k;

	for (k = 0; site_fallback(k) != NULL &&
	    strcmp(site_fallback(k), f[M_METRIC]) != 0; k++)
		continue;
	if (site_fallback(k) == NULL)
		return 0;
	db_text(x->st, 1, f[M_REPORT], 0);
	db_text(x->st, 2, f[M_METRIC], 0);
	db_text(x->st, 3, f[M_VALUE], 0);
	return db_run(x->st);
}

static int
add_series(void *arg, int header, char **f, int n)
{
	struct fill *x = arg;
	int k;

	if (header) {
		x->cr = x->cs = x->cv = -1;
		for (k = 0; k < n; k++) {
			if (strcmp(f[k], "report") == 0 && x->cr < 0)
				x->cr = k;
			if (strcmp(f[k], "series") == 0 && x->cs < 0)
				x->cs = k;
			if (strcmp(f[k], "value") == 0 && x->cv < 0)
				x->cv = k;
		}
		return 0;
	}
	if (x->cr < 0 || x->cs < 0)
		return 0;	/* the pages show no series of such a file */
	db_text(x->st, 1, f[x->cr], 0);
	db_text(x->st, 2, f[x->cs], 0);
	if (x->cv >= 0)
		db_text(x->st, 3, f[x->cv], 0);
	else
		sqlite3_bind_null(x->st, 3);	/* no value: shown as none */
	return db_run(x->st);
}

/* reports/ and checks/ of dir, row by row, as table_read checks them. */
static int
fill_table(sqlite3 *db, const char *dir, struct table *t, const char *sql,
    int (*each)(void *, const char *const *))
{
	struct fill x;
	int rc;

	memset(&x, 0, sizeof(x));
	x.db = db;
	if ((x.st = db_prep(db, sql)) == NULL)
		return -1;
	rc = table_each(t, dir, each, &x);
	sqlite3_finalize(x.st);
	return rc == -1 ? -1 : 0;
}

int
six_open(struct site *s, const char *dir)
{
	struct dataset d;
	struct fill x;
	int rc = -1, sr;

	dataset_init(&d);
	if ((s->ix = db_open("", 1)) == NULL)
		return -1;
	if (db_exec(s->ix, schema) == -1 || db_exec(s->ix, "BEGIN") == -1)
		goto done;
	if (fill_table(s->ix, dir, &d.reports, "INSERT INTO rep (report, "
	    "agency, akey, year, template, sources, title, published, page, "
	    "url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", add_report) == -1 ||
	    fill_table(s->ix, dir, &d.checks, "INSERT INTO chk (report, name, "
	    "year, agency, loc, expected, found) VALUES (?, ?, ?, ?, ?, ?, ?)",
	    add_check) == -1)
		goto done;
	memset(&x, 0, sizeof(x));
	x.cr = x.cs = x.cv = -1;
	if ((x.st = db_prep(s->ix, "INSERT INTO ser (report, name, value) "
	    "VALUES (?, ?, ?)")) == NULL)
		goto done;
	sr = extra_each(dir, "series", add_series, &x);
	sqlite3_finalize(x.st);
	if (sr == -1) {
		/* as a series/ that cannot be read was: left out */
		gk_warn(dir, "series: unreadable; left out of the site");
		if (db_exec(s->ix, "DELETE FROM ser") == -1)
			goto done;
	}
	/* the series of the agency pages: series/'s, when it has the
	 * columns; without series/, table 三 and 四's totals */
	s->series_mode = sr == 0 && x.cr >= 0 && x.cs >= 0;
	if (sr != 0 && fill_table(s->ix, dir, &d.metrics, "INSERT INTO met (report, "
	    "metric, value) VALUES (?, ?, ?)", add_metric) == -1)
		goto done;
	if (db_exec(s->ix, indexes) == -1 || db_exec(s->ix, "COMMIT") == -1)
		goto done;
	rc = 0;
done:
	dataset_free(&d);
	if (rc == -1) {
		gk_warn(dir, "the site's index could not be made: the site was "
		    "left as it was");
		db_close(s->ix);
		s->ix = NULL;
	}
	return rc;
}

void
six_close(struct site *s)
{
	db_close(s->ix);
	s->ix = NULL;
}

long
six_count(const struct site *s)
{
	return (long)db_int(s->ix, "SELECT COUNT(*) FROM rep", 0);
}

static char *
dup_col(sqlite3_stmt *st, int i)
{
	return strdup(db_col(st, i));
}

void
six_ags_free(struct six_ag *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].name);
		free(v[i].first);
		free(v[i].last);
	}
	free(v);
}

int
six_ags(const struct site *s, struct six_ag **out, size_t *nout)
{
	/* an agency: the reports of one key; its name the last report's,
	 * the agencies by name (then key, as they were sorted by key) */
	static const char sql[] = "SELECT akey, (SELECT agency FROM rep WHERE "
	    "seq = l), n, (SELECT year FROM rep WHERE seq = f), (SELECT year "
	    "FROM rep WHERE seq = l) FROM (SELECT akey, MIN(seq) AS f, "
	    "MAX(seq) AS l, COUNT(*) AS n FROM rep GROUP BY akey) ORDER BY 2, "
	    "akey";
	struct six_ag *v = NULL, *nv;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((st = db_prep(s->ix, sql)) == NULL)
		return -1;
	while ((rc = db_step(st)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				rc = -1;
				break;
			}
			v = nv;
		}
		v[n].key = dup_col(st, 0);
		v[n].name = dup_col(st, 1);
		v[n].n = (size_t)sqlite3_column_int64(st, 2);
		v[n].first = dup_col(st, 3);
		v[n].last = dup_col(st, 4);
		n++;
		if (v[n - 1].key == NULL || v[n - 1].name == NULL ||
		    v[n - 1].first == NULL || v[n - 1].last == NULL) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc == -1) {
		six_ags_free(v, n);
		gk_warn(NULL, "the site's agencies: out of memory");
		return -1;
	}
	*out = v;
	*nout = n;
	return 0;
}

void
six_reps_free(struct six_rep *v, size_t n)
{
	size_t i;
	int k;

	for (i = 0; i < n; i++) {
		free(v[i].report);
		free(v[i].agency);
		free(v[i].year);
		free(v[i].template);
		free(v[i].title);
		for (k = 0; k < v[i].ns; k++) {
			free(v[i].s[k].name);
			free(v[i].s[k].value);
		}
		free(v[i].s);
	}
	free(v);
}

/* The series rows of one report, in file order. */
static int
series_rows(const struct site *s, struct six_rep *r)
{
	static const char sql[] = "SELECT name, value, seq FROM ser WHERE "
	    "report = ? ORDER BY seq";
	sqlite3_stmt *st;
	struct six_ser *nv;
	int rc, cap = 0;

	if ((st = db_cached(s->ix, sql)) == NULL)
		return -1;
	db_text(st, 1, r->report, 0);
	while ((rc = db_step(st)) == 1) {
		if (r->ns == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(r->s, (size_t)cap * sizeof(*nv))) ==
			    NULL) {
				sqlite3_reset(st);
				return -1;
			}
			r->s = nv;
		}
		nv = &r->s[r->ns++];
		nv->name = dup_col(st, 0);
		nv->value = sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL :
		    dup_col(st, 1);
		nv->seq = sqlite3_column_int64(st, 2);
		if (nv->name == NULL || (nv->value == NULL &&
		    sqlite3_column_type(st, 1) != SQLITE_NULL)) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc;
}

int
six_reps(const struct site *s, const char *key, int series,
    struct six_rep **out, size_t *nout)
{
	static const char sql[] = "SELECT report, agency, year, template, "
	    "title, nfail FROM rep WHERE akey = ? ORDER BY seq";
	struct six_rep *v = NULL, *nv;
	size_t n = 0, cap = 0;
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*nout = 0;
	if ((st = db_cached(s->ix, sql)) == NULL)
		return -1;
	db_text(st, 1, key, 0);
	while ((rc = db_step(st)) == 1) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			if ((nv = realloc(v, cap * sizeof(*v))) == NULL) {
				sqlite3_reset(st);
				rc = -1;
				break;
			}
			v = nv;
		}
		memset(&v[n], 0, sizeof(v[n]));
		v[n].report = dup_col(st, 0);
		v[n].agency = dup_col(st, 1);
		v[n].year = dup_col(st, 2);
		v[n].template = dup_col(st, 3);
		v[n].title = dup_col(st, 4);
		v[n].nfail = (size_t)sqlite3_column_int64(st, 5);
		n++;
		if (v[n - 1].report == NULL || v[n - 1].agency == NULL ||
		    v[n - 1].year == NULL || v[n - 1].template == NULL ||
		    v[n - 1].title == NULL) {
			sqlite3_reset(st);
			rc = -1;
			break;
		}
	}
	for (size_t i = 0; rc == 0 && series && i < n; i++)
		rc = series_rows(s, &v[i]);
	if (rc == -1) {
		six_reps_free(v, n);
		gk_warn(NULL, "the site's agency pages: out of memory");
		return -1;
	}
	*out = v;
	*nout = n;
	return 0;
}

int
six_metric(const struct site *s, const char *report, const char *key,
    char *out, size_t n)
{
	static const char sql[] = "SELECT value FROM met WHERE report = ? AND "
	    "metric = ? ORDER BY seq LIMIT 1";
	sqlite3_stmt *st;
	int rc;

	if ((st = db_cached(s->ix, sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	db_text(st, 2, key, 0);
	if ((rc = db_step(st)) == 1) {
		snprintf(out, n, "%s", db_col(st, 0));
		sqlite3_reset(st);
	}
	return rc;
}
