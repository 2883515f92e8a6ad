/*
 * export.h: the TSV files of a generation, written from the store.
 *
 * Per-report files are split by partition (the report's year, in pieces
 * of at most PART_REPORTS reports: reports/2020.tsv, reports/2020_02.tsv)
 * so that a load writes only the partitions whose reports it changed and
 * links the rest; the files about the whole data set (agencies,
 * coverage, errors, dictionary) are one file each.  TSV as TSV: a header
 * line, no quoting, no field holds a tab or a line break.
 */
#ifndef GK_LOAD_EXPORT_H
#define GK_LOAD_EXPORT_H

#include "db.h"
#include "gen.h"

/* The folders of the per-report files, one file per partition each. */
extern const char *const export_dirs[];
extern const int export_ndirs;

/* Every per-report file of one partition (none when it is empty). */
int export_part(sqlite3 *, struct gen *, const char *part);
/* One of agencies.tsv, coverage.tsv, errors.tsv, dictionary.tsv. */
/*
 * The whole files beside the folders (reports.tsv, metrics.tsv, ...):
 * each folder's partitions of the new generation one after the other,
 * the header once; header lines only when there is no report.  0 or -1.
 */
int export_concat(sqlite3 *, struct gen *);
int export_whole(sqlite3 *, struct gen *, const char *name);
/* One TSV file from a query (its column names are the header); the
 * query's parameter 1 is bound to arg when not NULL.  Rows written, -1. */
long export_query(sqlite3 *, struct gen *, const char *rel, const char *sql,
    const char *arg);
/* A field of a TSV line: tabs, CR and LF made spaces. */
int tsv_field(FILE *, const char *);

/*
 * csv/NAME.csv of the new generation, for a spreadsheet: the whole TSV
 * files of export_csv_files as CSV (RFC 4180, CRLF) after a UTF-8 byte
 * order mark; written when its TSV file was, else linked. 0 or -1.
 */
extern const char *const export_csv_files[];
extern const int export_ncsv;
int export_csv(struct gen *);

#endif
