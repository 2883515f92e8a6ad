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
	const char *tmp;		/* the folder being written */
	const char *prev;		/* a generation whose pages it may link */
	const struct dataset *d;
	sqlite3 *db;			/* for the overview (page.c) */
	struct idx rx, mx, cx;		/* reports, metrics, checks by report */
	char when[64];			/* generation time, UTC */
	struct extra *series, *coverage;/* series.tsv, coverage.tsv */
	struct extra *sources;		/* sources.tsv */
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

int site_reports(struct site *);	/* site_report.c: r/ID.html */
int site_agencies(struct site *);	/* site_agency.c: a/HASH.html */
int site_checks(struct site *);		/* site_agency.c: checks.html */
int site_coverage(struct site *);	/* site_agency.c: coverage.html */


#endif
