/*
 * load.h: a generation of the data set read back from its TSV files, for
 * the site (site*.c), which is made from the files only.  The columns are
 * those export.c writes; rows per report come from every partition file
 * of their folder (every .tsv file of reports/), in name order.
 */
#ifndef GK_LOAD_LOAD_H
#define GK_LOAD_LOAD_H

#include <stddef.h>

#include "table.h"

enum { R_REPORT, R_AGENCY, R_PRINTED, R_YEAR, R_TEMPLATE, R_TITLE,
       R_PUBLISHED, R_PAGE, R_SOURCE, R_URL, R_SHA256, R_SOURCES, R_FAILED,
       R_FIRST, R_LAST, R_NCOL };
enum { M_REPORT, M_AGENCY, M_YEAR, M_TEMPLATE, M_METRIC, M_VALUE, M_UNIT,
       M_RAW, M_FLAGS, M_DOC, M_SEQ, M_TABLE, M_ROW, M_COL, M_PDFPAGE,
       M_NCOL };
enum { C_REPORT, C_AGENCY, C_YEAR, C_TEMPLATE, C_CHECK, C_WHERE,
       C_EXPECTED, C_FOUND, C_MESSAGE, C_NCOL };
enum { E_DOC, E_URL, E_PAGE, E_SHA256, E_STAGE, E_CODE, E_MESSAGE,
       E_FIRST, E_LAST, E_NCOL };

struct dataset {
	struct table reports, metrics, checks, errors;
};

void dataset_init(struct dataset *);
void dataset_free(struct dataset *);
/* Read the files found in dir (a missing one is empty). 0 or -1. */
int dataset_read(struct dataset *, const char *dir);
/* The rows of one partition (NAME: "2020.tsv") of reports/, metrics/ and
 * checks/ in dir. 0 or -1. */
int dataset_read_part(struct dataset *, const char *dir, const char *name);

/* Rows of a table looked up by one column (sorted pointers, stable). */
struct idx {
	const struct row **r;
	size_t n;
	int col;
};
int idx_build(struct idx *, const struct table *, int col);
void idx_free(struct idx *);
/* The first row whose column is key, and how many follow it; NULL if none. */
const struct row **idx_find(const struct idx *, const char *key, size_t *n);

/* Parse a VALUE: 1 and *v when it is a number, 0 when blank (counts as 0),
 * -1 when it is not a number (or the flags say so). */
int value_of(const char *value, const char *flags, double *v);

#endif
