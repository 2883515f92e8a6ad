/*
 * table.h: a TSV file of the data set read back as rows of strings in
 * memory (for the site).  A file is TSV, header line first, one row a
 * line, never quoted: no field holds a tab or a line break.
 */
#ifndef GK_LOAD_TABLE_H
#define GK_LOAD_TABLE_H

#include <stddef.h>

struct row {
	size_t seq;		/* order of arrival */
	int nf;
	const char *f[];	/* nf strings, stored after the array */
};

struct table {
	const char *file;		/* "reports" (a folder) or "errors.tsv" */
	const char *const *cols;	/* header names */
	int ncol;
	struct row **rows;
	size_t n, cap;
	size_t nextseq;
	/* table_each: each row to it instead of into rows */
	int (*each)(void *, const char *const *f);
	void *arg;
};

void table_init(struct table *, const char *file, const char *const *cols,
    int ncol);
void table_free(struct table *);
/* Copy nf strings (NULL is "") into a new row and append it. 0 or -1. */
int table_add(struct table *, const char *const *f);

/*
 * Read dir/file into t (appended): a file, or a folder whose *.tsv files
 * are read in name order.  Returns 0, 1 when there is no such file, -1
 * after a message when it cannot be read or a header is not the one
 * expected.
 */
int table_read(struct table *, const char *dir);
/* The same, each row given to each(arg, fields) as it is read, none
 * kept: each returns 0, or -1 (it said why) to stop with -1. */
int table_each(struct table *, const char *dir,
    int (*each)(void *, const char *const *), void *arg);

#endif
