/*
 * db_schema.c: the tables, indexes and views of the store (gk.sqlite).
 * docs/SCHEMA.md describes them for readers; tests/e2e/load_sqlite.sh
 * checks that every column is typed, none is an SQL keyword, and the
 * views give what the TSV files hold.
 *
 * Every table has a PRIMARY KEY: the session extension records changes
 * by it (standby.c), and it is what a row is looked up by.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/schema.h"
#include "db.h"

/* The history of each report's kept version: from run on, version
 * (NULL: removed).  Made in a store of before it by db_upgrade. */
#define KEPT_VERSIONS \
"CREATE TABLE IF NOT EXISTS kept_versions (" \
" report TEXT NOT NULL, run INTEGER NOT NULL, version INTEGER," \
" PRIMARY KEY (report, run)) WITHOUT ROWID;" \
"CREATE VIEW IF NOT EXISTS history AS" \
" SELECT k.report, k.run, u.started AS night, k.version," \
" v.source_doc, v.source_url, v.sha256, v.n_values" \
" FROM kept_versions k JOIN runs u ON u.run = k.run" \
" LEFT JOIN versions v ON v.version = k.version;"

static const char ddl[] =
"CREATE TABLE runs ("
" run INTEGER PRIMARY KEY,"
" started TEXT NOT NULL,"
" finished TEXT,"
" program TEXT,"
" stream_reports INTEGER, stream_documents INTEGER, stream_errors INTEGER,"
" new_reports INTEGER, revised_reports INTEGER, removed_reports INTEGER,"
" new_errors INTEGER);"

"CREATE TABLE agencies ("
" agency TEXT PRIMARY KEY,"
" name_key TEXT NOT NULL UNIQUE,"
" level TEXT, parent TEXT, host TEXT, report_column TEXT,"
" level_from TEXT,"
" known_from TEXT NOT NULL,"
" names TEXT, reports INTEGER NOT NULL DEFAULT 0,"
" first_year INTEGER, last_year INTEGER);"

"CREATE TABLE agency_names ("
" name TEXT PRIMARY KEY,"
" agency TEXT NOT NULL,"
" seen_in TEXT NOT NULL);"
"CREATE INDEX agency_names_agency ON agency_names(agency);"

"CREATE TABLE listings ("
" url TEXT PRIMARY KEY,"
" agency TEXT,"
" first_run INTEGER, last_run INTEGER);"

"CREATE TABLE documents ("
" doc TEXT PRIMARY KEY,"
" url TEXT NOT NULL, page TEXT, sha256 TEXT, doc_type TEXT,"
" bytes INTEGER, title TEXT, printed_agency TEXT, published TEXT,"
" first_seen TEXT, last_seen TEXT, first_run INTEGER, last_run INTEGER);"
"CREATE INDEX documents_page ON documents(page);"

"CREATE TABLE copies ("
" copy TEXT PRIMARY KEY,"
" page TEXT, report TEXT, version INTEGER,"
" printed_agency TEXT, year INTEGER, template TEXT, source_doc TEXT,"
" title TEXT, published TEXT,"
" first_run INTEGER, last_run INTEGER, gone_run INTEGER);"
"CREATE INDEX copies_report ON copies(report);"
"CREATE INDEX copies_page ON copies(page);"

"CREATE TABLE reports ("
" report TEXT PRIMARY KEY,"
" agency TEXT, printed_agency TEXT, year INTEGER, template TEXT,"
" title TEXT, published TEXT, page TEXT, source_doc TEXT, source_url TEXT,"
" sha256 TEXT, sources INTEGER, failed_checks INTEGER,"
" first_seen TEXT, last_seen TEXT, version INTEGER NOT NULL,"
" first_run INTEGER, last_run INTEGER, revised_run INTEGER,"
" name_key TEXT, part TEXT NOT NULL);"
"CREATE INDEX reports_key_year ON reports(name_key, year);"
"CREATE INDEX reports_part ON reports(part);"
"CREATE INDEX reports_year ON reports(year);"
"CREATE INDEX reports_agency ON reports(agency, year);"

"CREATE TABLE versions ("
" version INTEGER PRIMARY KEY,"
" report TEXT NOT NULL, fingerprint TEXT NOT NULL, template TEXT,"
" source_doc TEXT, source_url TEXT, sha256 TEXT, page TEXT,"
" first_run INTEGER, last_run INTEGER, n_values INTEGER,"
" UNIQUE (report, fingerprint));"

"CREATE TABLE metric_keys ("
" key_id INTEGER PRIMARY KEY,"
" metric TEXT NOT NULL UNIQUE);"

"CREATE TABLE metric_values ("
" version INTEGER NOT NULL, ord INTEGER NOT NULL, key_id INTEGER NOT NULL,"
" value NUMERIC, unit TEXT, raw TEXT, flags TEXT, doc TEXT,"
" seq INTEGER, cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,"
" pdf_page INTEGER,"
" PRIMARY KEY (version, ord)) WITHOUT ROWID;"
"CREATE INDEX metric_values_key ON metric_values(key_id, version);"

"CREATE TABLE version_checks ("
" version INTEGER NOT NULL, ord INTEGER NOT NULL,"
" check_name TEXT NOT NULL, location TEXT, expected TEXT, found TEXT,"
" message TEXT,"
" PRIMARY KEY (version, ord)) WITHOUT ROWID;"

"CREATE TABLE checks ("
" report TEXT NOT NULL, ord INTEGER NOT NULL,"
" check_name TEXT NOT NULL, location TEXT, expected TEXT, found TEXT,"
" message TEXT,"
" PRIMARY KEY (report, ord)) WITHOUT ROWID;"
"CREATE INDEX checks_name ON checks(check_name);"

"CREATE TABLE series_values ("
" report TEXT NOT NULL, series TEXT NOT NULL, value NUMERIC, flags TEXT,"
" PRIMARY KEY (report, series)) WITHOUT ROWID;"
"CREATE INDEX series_values_series ON series_values(series);"

"CREATE TABLE errors ("
" doc TEXT NOT NULL, code TEXT NOT NULL,"
" url TEXT, page TEXT, sha256 TEXT, stage TEXT, message TEXT,"
" first_seen TEXT, last_seen TEXT, first_run INTEGER, last_run INTEGER,"
" PRIMARY KEY (doc, code)) WITHOUT ROWID;"

"CREATE TABLE dictionary ("
" metric TEXT NOT NULL, template TEXT NOT NULL,"
" table_label TEXT, row_label TEXT, column_label TEXT, unit TEXT,"
" description TEXT, ord INTEGER,"
" PRIMARY KEY (metric, template)) WITHOUT ROWID;"

"CREATE TABLE check_kinds ("
" check_name TEXT PRIMARY KEY, description TEXT NOT NULL);"

"CREATE TABLE changes ("
" run INTEGER NOT NULL, ord INTEGER NOT NULL, changed TEXT NOT NULL,"
" report TEXT, agency TEXT, year INTEGER, what TEXT NOT NULL,"
" metric TEXT, old TEXT, new TEXT,"
" PRIMARY KEY (run, ord)) WITHOUT ROWID;"
"CREATE INDEX changes_report ON changes(report);"
KEPT_VERSIONS

/* Per-year and per-agency sums of the series, for the page. */
"CREATE TABLE totals ("
" scope TEXT NOT NULL, name TEXT NOT NULL, series TEXT NOT NULL,"
" value NUMERIC, reports INTEGER,"
" PRIMARY KEY (scope, name, series)) WITHOUT ROWID;"

"CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);"
/* Not tracked by the session: the changes of each run, for the standby. */
"CREATE TABLE gk_changesets (run INTEGER PRIMARY KEY, data BLOB NOT NULL);"

/* The views: what the TSV files hold, one per file. */
"CREATE VIEW metrics AS"
" SELECT r.report, r.agency, r.year, r.template, k.metric, m.value,"
" m.unit, m.raw, m.flags, COALESCE(m.doc, v.source_doc) AS doc, m.seq,"
" m.cell_table, m.cell_row, m.cell_col, m.pdf_page"
" FROM reports r JOIN versions v ON v.version = r.version"
" JOIN metric_values m ON m.version = r.version"
" JOIN metric_keys k ON k.key_id = m.key_id;"

"CREATE VIEW series AS"
" SELECT r.report, r.agency, r.year, s.series, s.value, s.flags"
" FROM series_values s JOIN reports r ON r.report = s.report;"

"CREATE VIEW sources AS"
" SELECT c.report, d.url, d.page, d.sha256, d.first_seen, d.last_seen,"
" d.doc, d.doc_type, c.copy"
" FROM copies c JOIN documents d ON d.page = c.page"
" WHERE c.report IS NOT NULL AND c.gone_run IS NULL"
" AND d.sha256 IS NOT NULL;"
""

"CREATE TABLE coverage_rows ("
" agency TEXT NOT NULL, year INTEGER NOT NULL,"	/* 0: no report at all */
" found TEXT NOT NULL, formats TEXT, reports TEXT, pages TEXT,"
" level TEXT, parent TEXT,"
" PRIMARY KEY (agency, year)) WITHOUT ROWID;"
"CREATE VIEW coverage AS"
" SELECT agency, NULLIF(year, 0) AS year, found, formats, reports, pages,"
" level, parent FROM coverage_rows;"
"CREATE INDEX reports_failing ON reports(year DESC, agency, report)"
" WHERE failed_checks > 0;";

/* wide_gov2019, wide_gov2021: one column per key of the template. */
static int
wide_view(sqlite3 *db, const char *tmpl)
{
	const struct gk_form *f = gk_form(tmpl);
	size_t n = gk_form_nkeys(f), i, len = 0;
	char *sql, *p;
	int rv;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++)
		len += 2 * strlen(gk_form_key(f, i)->key) + 64;
	if ((sql = malloc(len + 512)) == NULL) {
		gk_warn(NULL, "out of memory");
		return -1;
	}
	p = sql + sprintf(sql, "CREATE VIEW wide_%s AS SELECT r.report, "
	    "r.agency, r.year, r.page", tmpl);
	for (i = 0; i < n; i++)
		p += sprintf(p, ", MAX(CASE k.metric WHEN '%s' THEN m.value "
		    "END) AS \"%s\"", gk_form_key(f, i)->key,
		    gk_form_key(f, i)->key);
	sprintf(p, " FROM reports r JOIN metric_values m ON m.version = "
	    "r.version JOIN metric_keys k ON k.key_id = m.key_id WHERE "
	    "r.template = '%s' GROUP BY r.report;", tmpl);
	rv = db_exec(db, sql);
	free(sql);
	return rv;
}

int
db_create(sqlite3 *db)
{
	char pragma[128];

	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d; "
	    "PRAGMA application_id = %d;", DB_USER_VERSION,
	    DB_APPLICATION_ID);
	if (db_exec(db, ddl) == -1 || wide_view(db, "gov2019") == -1 ||
	    wide_view(db, "gov2021") == -1 || db_exec(db, pragma) == -1)
		return -1;
	return 0;
}

int
db_upgrade(sqlite3 *db)
{
	return db_exec(db, KEPT_VERSIONS);
}
