/*
 * changes.h: what each run changed.  Every run appends its rows to the
 * changes table (changes.tsv): a new report, a revised document (the
 * report's kept document is another file), a revised value (one row per
 * figure: metric, old, new), a report removed from the site, a report's
 * page gone from the site (its report kept: merge.c).  The kept
 * version of a report is recorded in kept_versions at every run that
 * changes it, so a report can be shown as it was on any run or date
 * (gk-load --as-of).  changes.atom: an Atom feed (RFC 4287) of the new
 * and revised reports, newest first.
 */
#ifndef GK_LOAD_CHANGES_H
#define GK_LOAD_CHANGES_H

#include <stdio.h>

#include "gen.h"
#include "merge.h"

/* One row of this run's changes. 0 or -1. */
int changes_add(struct merge *, const char *report, const char *agency,
    long long year, const char *what, const char *metric, const char *old,
    const char *new);
/* The report's kept version from this run on (0: removed). 0 or -1. */
int changes_kept(struct merge *, const char *report, long long version);
/* A revised value row for every figure that differs between two
 * versions of a report. 0 or -1. */
int changes_values(struct merge *, const char *report, const char *agency,
    long long year, long long oldv, long long newv);
/* changes.tsv and changes.atom of the new generation. 0 or -1. */
int changes_export(sqlite3 *, struct gen *);
int changes_atom(sqlite3 *, struct gen *);
/*
 * The values of report as they were at run when (a run number, a date
 * YYYY-MM-DD: its last run, or a time), as metrics.tsv rows on out.
 * 0; 1 when the report did not exist then (after a message); -1.
 */
int changes_as_of(sqlite3 *, const char *when, const char *report, FILE *);

#endif
