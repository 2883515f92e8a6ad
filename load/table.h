/*
 * table.h: the flat files gk-load keeps, as rows of strings in memory.
 *
 * A file is TSV, header line first, one row a line.  No field holds a tab,
 * a carriage return or a newline (they become spaces).  A field holding a
 * double quote is written quoted as RFC 4180 says ("a ""b"""), so that
 * readers that honour quotes (sqlite3 .mode tabs, Python's csv, pandas, R)
 * read it back as it was; no other field is ever quoted.
 */
#ifndef GK_LOAD_TABLE_H
#define GK_LOAD_TABLE_H

#include <stddef.h>
#include <stdio.h>

struct row {
	size_t seq;		/* order of arrival: the sorts are stable by it */
	long rank;		/* a per-table sort key (metric order, check kind) */
	int nf;
	const char *f[];	/* nf strings, stored after the array */
};

struct table {
	const char *file;		/* e.g. "metrics.tsv" */
	const char *const *cols;	/* header names */
	int ncol;
	struct row **rows;
	size_t n, cap;
	size_t nextseq;
};

void table_init(struct table *, const char *file, const char *const *cols,
    int ncol);
void table_free(struct table *);
/* Copy nf strings (NULL is "") into a new row and append it. 0 or -1. */
int table_add(struct table *, const char *const *f);
/* Drop the rows for which drop(row, arg) is true; frees them. */
void table_filter(struct table *, int (*drop)(const struct row *, void *),
    void *arg);

/*
 * Read dir/file into t (appended).  Returns 0, 1 when the file does not
 * exist, -1 after a message when it cannot be read or its header is not
 * the one expected.
 */
int table_read(struct table *, const char *dir);
/* Write the header and every row. 0 or -1 (errno set by stdio). */
int table_write(const struct table *, FILE *);
/* One TSV line of nf fields, quoted and cleaned as above. */
int tsv_put_row(FILE *, int nf, const char *const *f);
/* Split a TSV line in place into at most max fields, undoing the quoting. */
int tsv_split(char *line, const char **f, int max);

#endif
