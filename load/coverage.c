/*
 * coverage.c: the agencies a load touched, worked out again: the names
 * seen, how many reports and from which years (agencies.tsv), and their
 * coverage rows, one per year from the first report to the last year of
 * the data set (coverage.tsv): found or not, in which formats, where.
 * Only the agencies touched are worked out (all of them when the last
 * year of the data set moves on), so a load costs what it changes.
 */
#include <stdio.h>
#include <string.h>

#include "common/log.h"
#include "merge.h"

/* One agency's counts and names. 1 when its row changed, 0, -1. */
static int
agency_row(struct merge *m, const char *agency)
{
	static const char sql[] = "UPDATE agencies SET names = x.names, "
	    "reports = x.n, first_year = x.y0, last_year = x.y1 FROM (SELECT "
	    "(SELECT group_concat(name, '|') FROM (SELECT name FROM "
	    "agency_names WHERE agency = ?1 ORDER BY name)) AS names, "
	    "(SELECT COUNT(*) FROM reports WHERE agency = ?1) AS n, (SELECT "
	    "MIN(year) FROM reports WHERE agency = ?1) AS y0, (SELECT "
	    "MAX(year) FROM reports WHERE agency = ?1) AS y1) x WHERE "
	    "agencies.agency = ?1 AND (agencies.names IS NOT x.names OR "
	    "agencies.reports IS NOT x.n OR agencies.first_year IS NOT x.y0 OR "
	    "agencies.last_year IS NOT x.y1)";
	sqlite3_stmt *st;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, agency, 0);
	if (db_run(st) == -1)
		return -1;
	return sqlite3_changes(m->db) > 0;
}

/*
 * One agency's coverage rows, for the years first .. last (the data set's
 * last year); one row of year 0 when it has no report.  Rows that do not
 * change are not written.
 */
static int
coverage_rows(struct merge *m, const char *agency, long long last)
{
	static const char first_sql[] = "SELECT MIN(year), (SELECT level FROM "
	    "agencies WHERE agency = ?1), (SELECT parent FROM agencies WHERE "
	    "agency = ?1), (SELECT known_from FROM agencies WHERE agency = "
	    "?1) FROM reports WHERE agency = ?1";
	static const char stale_sql[] = "DELETE FROM coverage_rows WHERE "
	    "agency = ?1 AND (year < ?2 OR year > ?3)";
	static const char row_sql[] = "INSERT INTO coverage_rows (agency, "
	    "year, found, formats, reports, pages, level, parent) SELECT ?1, "
	    "?2, CASE WHEN x.reports IS NULL THEN 'no' ELSE 'yes' END, "
	    "x.formats, x.reports, x.pages, ?3, ?4 FROM (SELECT (SELECT "
	    "group_concat(report, ' ') FROM (SELECT report FROM reports WHERE "
	    "agency = ?1 AND year = ?2 ORDER BY report)) AS reports, (SELECT "
	    "group_concat(t, ',') FROM (SELECT DISTINCT d.doc_type AS t FROM "
	    "reports r JOIN copies c ON c.report = r.report AND c.gone_run IS "
	    "NULL JOIN documents d ON d.page = c.page WHERE r.agency = ?1 AND "
	    "r.year = ?2 AND d.doc_type IS NOT NULL AND d.sha256 IS NOT NULL "
	    "ORDER BY 1)) AS formats, (SELECT group_concat(p, ' ') FROM (SELECT "
	    "DISTINCT c.page AS p FROM reports r JOIN copies c ON c.report = "
	    "r.report AND c.gone_run IS NULL WHERE r.agency = ?1 AND r.year = "
	    "?2 ORDER BY 1)) AS pages) x WHERE true ON CONFLICT (agency, year) "
	    "DO UPDATE SET found = excluded.found, formats = excluded.formats, "
	    "reports = excluded.reports, pages = excluded.pages, level = "
	    "excluded.level, parent = excluded.parent WHERE found IS NOT "
	    "excluded.found OR formats IS NOT excluded.formats OR reports IS "
	    "NOT excluded.reports OR pages IS NOT excluded.pages OR level IS "
	    "NOT excluded.level OR parent IS NOT excluded.parent";
	sqlite3_stmt *st;
	char level[64], parent[AGENCY_MAX];
	long long first, y, changes = sqlite3_total_changes64(m->db);
	int none, known;

	if ((st = db_cached(m->db, first_sql)) == NULL)
		return -1;
	db_text(st, 1, agency, 0);
	if (db_step(st) != 1)
		return -1;
	none = sqlite3_column_type(st, 0) == SQLITE_NULL;
	first = sqlite3_column_int64(st, 0);
	snprintf(level, sizeof(level), "%s", db_col(st, 1));
	snprintf(parent, sizeof(parent), "%s", db_col(st, 2));
	/* a name met only in a document's 来源 or in the alias table, with
	 * no report of its own, is no agency the crawl knows to look for */
	known = strcmp(db_col(st, 3), "config") == 0 ||
	    strcmp(db_col(st, 3), "listing") == 0;
	sqlite3_reset(st);
	if (none && !known)
		first = 1, last = 0;	/* every row stale, none written */
	else if (none || last < first)
		first = last = 0;
	if ((st = db_cached(m->db, stale_sql)) == NULL)
		return -1;
	db_text(st, 1, agency, 0);
	sqlite3_bind_int64(st, 2, first);
	sqlite3_bind_int64(st, 3, last);
	if (db_run(st) == -1)
		return -1;
	for (y = first; y <= last; y++) {
		if ((st = db_cached(m->db, row_sql)) == NULL)
			return -1;
		db_text(st, 1, agency, 0);
		sqlite3_bind_int64(st, 2, y);
		db_text(st, 3, level, 1);
		db_text(st, 4, parent, 1);
		if (db_run(st) == -1)
			return -1;
	}
	if (sqlite3_total_changes64(m->db) != changes)
		m->coverage = 1;
	return 0;
}

int
refresh_agencies(struct merge *m)
{
	static const char last_sql[] = "SELECT COALESCE(MAX(year), 0) FROM "
	    "reports";
	static const char was_sql[] = "SELECT value FROM settings WHERE name = "
	    "'last_year'";
	static const char set_sql[] = "INSERT INTO settings (name, value) "
	    "VALUES ('last_year', ?1) ON CONFLICT (name) DO UPDATE SET value = "
	    "?1";
	sqlite3_stmt *st, *q;
	long long last, was = -1;
	int rc, all;

	if ((st = db_cached(m->db, last_sql)) == NULL || db_step(st) != 1)
		return -1;
	last = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if ((st = db_cached(m->db, was_sql)) == NULL)
		return -1;
	if ((rc = db_step(st)) == 1)
		was = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == -1)
		return -1;
	/* the data set's last year moved: every agency gets its row */
	all = was != last;
	if (all) {
		if ((st = db_cached(m->db, set_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, last);
		if (db_run(st) == -1)
			return -1;
	}
	q = db_prep(m->db, all ? "SELECT agency FROM agencies ORDER BY agency" :
	    "SELECT agency FROM temp.dirty_agencies WHERE agency IN (SELECT "
	    "agency FROM agencies) ORDER BY agency");
	if (q == NULL)
		return -1;
	while ((rc = db_step(q)) == 1) {
		int r = agency_row(m, db_col(q, 0));

		if (r == -1 || coverage_rows(m, db_col(q, 0), last) == -1) {
			rc = -1;
			break;
		}
		if (r)
			m->whole = 1;
	}
	sqlite3_finalize(q);
	if (rc == -1)
		return -1;
	/* agencies renamed by the config leave rows of their old name */
	return db_exec(m->db, "DELETE FROM coverage_rows WHERE agency NOT IN "
	    "(SELECT agency FROM agencies)");
}
