/*
 * site.h: the static site of a data set: index.html (every report, a
 * search and filters over a JSON index) and site/ beside it: a page per
 * report (its tables as printed, every value, blanks and failing checks
 * marked and explained, the documents it was read from), a page per
 * agency (its reports and series over the years), the checks explained,
 * the coverage holes, the charts.  No server, no framework: it opens from
 * disk and can be published as it is.
 *
 * The site is made from the data set's files only (site_write reads them
 * from a folder), so that it can be made again from any copy of them.
 */
#ifndef GK_LOAD_SITE_H
#define GK_LOAD_SITE_H

#include <stdio.h>

#include "db.h"
#include "load.h"

/*
 * Read the data set's TSV files in dir and write the site into out:
 * out/index.html and out/site/; db is the data set's database, for the
 * overview's sums (page.c).  gk-load calls it on the generation it is
 * writing, before the switch.  prev is the generation before (NULL:
 * none): when this program made its site, the pages of a report
 * partition whose files dir shares with prev (the same inodes: the load
 * linked them) are linked from it, not made again, and when no file the
 * site reads changed the whole site is.  The report pages are made a
 * partition at a time.  The folder is made anew beside the old one and
 * swapped in at once (renameat2 RENAME_EXCHANGE), then index.html
 * through a temporary name.  0, or -1 after a message (the old site
 * stays).
 */
int site_write(const char *dir, const char *out, sqlite3 *db,
    const char *prev);

/* What the site's pages share (site_html.c). */
struct site {
	const char *dir;		/* the data set's files */
	const char *tmp;		/* the folder being written */
	const char *prev;		/* a generation whose pages it may link */
	sqlite3 *db;			/* for the overview (page.c) */
	char when[64];			/* generation time, UTC */
	/* a report page's partition (site_report.c) */
	const struct dataset *d;
	struct idx mx, cx;		/* its metrics, checks by report */
	struct extra *sources;		/* its sources/ */
	/* the pages across reports: the site's index (site_index.c) */
	sqlite3 *ix;
	int series_mode;		/* series/ read (else table 三, 四) */
};

/* A file of the site, by its path under the site's folder. */
FILE *site_open(const struct site *, const char *rel);
int site_close(FILE *, const char *rel);
void h_esc(FILE *, const char *);
/* root: the way up to index.html's folder ("", "../", "../../") */
void h_head(FILE *, const char *title, const char *root);
void h_foot(FILE *, const struct site *, const char *root);
/* A JSON string, quoted. */
void j_str(FILE *, const char *);
/* The file name of an agency's page: a/HASH.html (hash of its key). */
void agency_file(const struct site *, const char *agency, char *out,
    size_t n);
/* The static files: gk.css, gk.js. */
int site_assets(const struct site *);

/* One sentence on what a check tests (common/schema); NULL if unknown. */
const char *check_about(const char *check);
/* The checks check_about knows, in order; NULL past the last. */
const char *check_name(size_t i);

/* Any TSV file with a header: rows of strings, columns by name. */
struct extra {
	int ncol;
	char **cols;
	size_t n;
	char ***rows;
	size_t *by;		/* extra_index: rows by one column */
	int bycol;
};
struct extra *extra_read(const char *dir, const char *file);
void extra_free(struct extra *);
int extra_col(const struct extra *, const char *name);
/*
 * Index x's rows by the column named col (file order among equal keys),
 * so that a page looks up its report's rows without a pass over the file
 * (a pass per report made the site quadratic: 17 min at 10,000 reports).
 * 0, or -1 when out of memory or there is no such column.
 */
int extra_index(struct extra *x, const char *col);
/* The rows whose indexed column is key: *n of them from x->by[returned]. */
size_t extra_find(const struct extra *x, const char *key, size_t *n);

/*
 * The site's index (site_index.c): reports/, checks/ and series/ of dir
 * (metrics/ without series/) read a line at a time into a private
 * temporary database, s->ix, each row with its place in the files, for
 * the pages across reports.  0, or -1 after a message.
 */
int six_open(struct site *, const char *dir);
void six_close(struct site *);
long six_count(const struct site *);	/* the reports */
/* The agencies (the reports of one agency_key), by name, then key. */
struct six_ag {
	char *key, *name;	/* name: as its last report gives it */
	size_t n;		/* reports */
	char *first, *last;	/* the years of its first and last report */
};
int six_ags(const struct site *, struct six_ag **, size_t *);
void six_ags_free(struct six_ag *, size_t);
/* An agency's reports in file order, with their series/ rows. */
struct six_ser {
	char *name, *value;	/* value NULL: none */
	long long seq;		/* its place in series/ */
};
struct six_rep {
	char *report, *agency, *year, *template, *title;
	size_t nfail;		/* its rows in checks/ */
	struct six_ser *s;
	int ns;
};
int six_reps(const struct site *, const char *key, int series,
    struct six_rep **, size_t *);
void six_reps_free(struct six_rep *, size_t);
/* A report's first metric of key (only site_fallback's are held): 1 and
 * its value in out, 0 when none, -1. */
int six_metric(const struct site *, const char *report, const char *key,
    char *out, size_t n);
/* The keys an agency page shows without series/; NULL past the last. */
const char *site_fallback(size_t i);
/*
 * dir/file, a file or a folder of partitions (every *.tsv in name order),
 * a line at a time, as extra_read splits it: row(arg, 1, header fields)
 * once, then row(arg, 0, fields, ncol) per line (short rows padded with
 * ""); row returns 0 or -1 (stops).  0, 1 when there is no such file or
 * no header, -1.
 */
int extra_each(const char *dir, const char *file,
    int (*row)(void *, int header, char **f, int n), void *arg);

int site_reports(struct site *);	/* site_report.c: r/ID.html */
int site_agencies(struct site *);	/* site_agency.c: a/HASH.html */
int site_checks(struct site *);		/* site_agency.c: checks.html */
int site_coverage(struct site *);	/* site_agency.c: coverage.html */


#endif
