/*
 * merge.h: the staged stream into the store, in one transaction.
 *
 * A report is one agency's report for one year.  Every report page the
 * transform read (a copy: the page and its documents, with the values of
 * the document it kept) is matched to its report by the canonical agency
 * and the year, never by where it was found: the same report at six URLs
 * is one report with six copies.  A copy whose values are those of a
 * version the report already has adds a place; one whose values differ in
 * a few figures is a disagreeing copy (format_mismatch); one that differs
 * in most is another document claiming the same agency and year, kept as
 * a report of its own (duplicate_report on both).  Values are kept per
 * version (a distinct set of values), so a revised report keeps what it
 * said before.
 */
#ifndef GK_LOAD_MERGE_H
#define GK_LOAD_MERGE_H

#include "agency.h"
#include "db.h"
#include "series.h"

/* Reports per TSV partition: a load rewrites only the partitions of the
 * reports it changes, so their size bounds its cost. */
#define PART_REPORTS 500

struct merge {
	sqlite3 *db;			/* the store, in a transaction */
	sqlite3 *stage;			/* the staged stream */
	const struct agency_conf *ac;
	const struct crosswalk *cw;
	long long run;
	char now[32];			/* the run's time, UTC */
	long long next_version;
	/* what changed */
	unsigned long new_reports, revised, removed, new_errors;
	unsigned long copies, refused;
	int whole;			/* errors, agencies changed */
	int coverage;			/* coverage changed */
	int dict;			/* the dictionary changed */
	unsigned long nchanges;		/* rows of changes this run */
};

/* The temporary tables of what a load touches (before anything). */
int merge_begin(sqlite3 *);
/* Everything: documents, listings, errors, copies, then the reports they
 * touched.  0 or -1 (the caller rolls back). */
int merge_run(struct merge *);

/* derive.c: work out a report again from its copies (checks, series). */
int derive_report(struct merge *, const char *report);
/* coverage.c: the agencies touched, their counts and coverage rows. */
int refresh_agencies(struct merge *);
/* Mark a report dirty: its rows are worked out again. */
int merge_dirty(struct merge *, const char *report);
/* The partition a new report of year (NULL: unknown) goes to. */
int merge_part(struct merge *, const char *year, char *part, size_t n);

#endif
