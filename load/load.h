/*
 * load.h: the data set gk-load keeps under its folder, and the columns of
 * each file.  Every row of reports, metrics and checks carries REPORT,
 * AGENCY and YEAR first so that each file sorts, and reads, on its own.
 */
#ifndef GK_LOAD_LOAD_H
#define GK_LOAD_LOAD_H

#include <stddef.h>

#include "table.h"

enum { R_REPORT, R_AGENCY, R_YEAR, R_TEMPLATE, R_STATUS, R_TITLE,
       R_PUBLISHED, R_PAGE, R_SOURCE, R_URL, R_SHA256, R_NCOL };
enum { M_REPORT, M_AGENCY, M_YEAR, M_TEMPLATE, M_METRIC, M_VALUE, M_UNIT,
       M_RAW, M_FLAGS, M_DOC, M_PAGE, M_SHA256, M_NCOL };
enum { C_REPORT, C_AGENCY, C_YEAR, C_TEMPLATE, C_CHECK, C_WHERE,
       C_EXPECTED, C_FOUND, C_NCOL };
enum { E_DOC, E_URL, E_PAGE, E_SHA256, E_STAGE, E_CODE, E_MESSAGE,
       E_NCOL };

struct dataset {
	struct table reports, metrics, checks, errors;
};

void dataset_init(struct dataset *);
void dataset_free(struct dataset *);
/* Read the files found in dir (a missing file is an empty one). 0 or -1. */
int dataset_read(struct dataset *, const char *dir);
/*
 * Sort every file: reports, metrics and checks by (year, agency, report),
 * then metrics in table order and checks with carry_chain last; errors by
 * DOC.  Ties keep their order of arrival.
 */
void dataset_sort(struct dataset *);

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

/* carry.c */
struct aliases;
/* Read an alias table (alias TAB canonical); NULL file: none. NULL on error. */
struct aliases *aliases_read(const char *file);
void aliases_free(struct aliases *);
/* The name carry_chain matches agencies by, into out (size n). */
void agency_key(const struct aliases *, const char *name, char *out,
    size_t n);
/* Append a carry_chain row to checks for every mismatch. 0 or -1. */
int carry_chain(struct dataset *, const struct aliases *);

/* wide.c: one row per report of template, one column per key. */
int wide_write(const struct dataset *, const char *template, FILE *);

/* page.c: the overview sections of index.html (site.h). */
int page_sections(const struct dataset *, const struct aliases *, FILE *);

/* Parse a VALUE: 1 and *v when it is a number, 0 when blank (counts as 0),
 * -1 when it is not a number (or the flags say so). */
int value_of(const char *value, const char *flags, double *v);

#endif
