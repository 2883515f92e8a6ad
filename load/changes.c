/*
 * changes.c: what each run changed (changes.h): the changes table and
 * changes.tsv, the Atom feed changes.atom, the kept version of each report
 * night by night (kept_versions), and a report as it was on a given run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cli.h"
#include "common/hash.h"
#include "common/log.h"
#include "changes.h"
#include "export.h"

int
changes_add(struct merge *m, const char *report, const char *agency,
    long long year, const char *what, const char *metric, const char *old,
    const char *new)
{
	static const char sql[] = "INSERT INTO changes (run, ord, changed, "
	    "report, agency, year, what, metric, old, new) VALUES (?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = db_cached(m->db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, m->run);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)++m->nchanges);
	db_text(st, 3, m->now, 0);
	db_text(st, 4, report, 1);
	db_text(st, 5, agency, 1);
	if (year > 0)
		sqlite3_bind_int64(st, 6, year);
	else
		sqlite3_bind_null(st, 6);
	db_text(st, 7, what, 0);
	db_text(st, 8, metric, 1);
	db_text(st, 9, old, 1);
	db_text(st, 10, new, 1);
	return db_run(st);
}

int
changes_kept(struct merge *m, const char *report, long long version)
{
	static const char sql[] = "INSERT INTO kept_versions (report, run, "
	    "version) VALUES (?1, ?2, ?3) ON CONFLICT (report, run) DO UPDATE "
	    "SET version = ?3 WHERE version IS NOT ?3";
	sqlite3_stmt *st = db_cached(m->db, sql);

	if (st == NULL)
		return -1;
	db_text(st, 1, report, 0);
	sqlite3_bind_int64(st, 2, m->run);
	if (version > 0)
		sqlite3_bind_int64(st, 3, version);
	else
		sqlite3_bind_null(st, 3);
	return db_run(st);
}

/* A value as the change shows it: the number, else what was printed. */
static void
shown(sqlite3_stmt *st, int value, int raw, int flags, char *out, size_t n)
{
	if (sqlite3_column_type(st, value) != SQLITE_NULL)
		db_numtext(st, value, out, n);
	else if (sqlite3_column_type(st, flags) != SQLITE_NULL &&
	    strstr(db_col(st, flags), "blank") != NULL)
		snprintf(out, n, "(blank)");
	else
		snprintf(out, n, "%s", db_col(st, raw));
}

int
changes_values(struct merge *m, const char *report, const char *agency,
    long long year, long long oldv, long long newv)
{
	/* the first value of each key in each version; every key whose
	 * value differs (for a blank or a cell that is not a number: its
	 * printed text or flags), in the new one's order; the same number
	 * printed otherwise (5,146 and 5146) is no change */
	static const char sql[] = "WITH o AS (SELECT key_id, MIN(ord) AS ord, "
	    "value, raw, flags FROM metric_values WHERE version = ?1 GROUP BY "
	    "key_id), n AS (SELECT key_id, MIN(ord) AS ord, value, raw, flags "
	    "FROM metric_values WHERE version = ?2 GROUP BY key_id) "
	    "SELECT k.metric, o.value, o.raw, o.flags, n.value, n.raw, "
	    "n.flags, n.ord AS ord, 0 FROM n LEFT JOIN o USING (key_id) "
	    "JOIN metric_keys k USING (key_id) WHERE o.key_id IS NULL OR "
	    "o.value IS NOT n.value OR (n.value IS NULL AND (o.raw IS NOT "
	    "n.raw OR o.flags IS NOT n.flags)) "
	    "UNION ALL SELECT k.metric, o.value, o.raw, o.flags, NULL, NULL, "
	    "NULL, o.ord, 1 FROM o JOIN metric_keys k USING (key_id) WHERE "
	    "NOT EXISTS (SELECT 1 FROM n WHERE n.key_id = o.key_id) "
	    "ORDER BY 9, 8";
	sqlite3_stmt *st = db_cached(m->db, sql);
	char a[1024], b[1024];
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, oldv);
	sqlite3_bind_int64(st, 2, newv);
	while ((rc = db_step(st)) == 1) {
		if (sqlite3_column_type(st, 2) == SQLITE_NULL &&
		    sqlite3_column_type(st, 3) == SQLITE_NULL &&
		    sqlite3_column_type(st, 1) == SQLITE_NULL)
			a[0] = '\0';	/* not printed before */
		else
			shown(st, 1, 2, 3, a, sizeof(a));
		if (sqlite3_column_int(st, 8))
			b[0] = '\0';	/* not printed now */
		else
			shown(st, 4, 5, 6, b, sizeof(b));
		if (changes_add(m, report, agency, year, "revised value",
		    db_col(st, 0), a, b) == -1) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc;
}

int
changes_export(sqlite3 *db, struct gen *g)
{
	return export_query(db, g, "changes.tsv", "SELECT run, changed, "
	    "report, agency, year, what, metric, old, new FROM changes ORDER "
	    "BY run, ord", NULL) == -1 ? -1 : 0;
}

/* Text for XML: & < > " escaped, control characters dropped. */
static void
xml(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default:
			if ((unsigned char)*s >= 0x20)
				putc_unlocked(*s, fp);
		}
}

/* An id of the feed: urn:uuid: of SHA-256(what), as a version 8 UUID. */
static void
uuid_of(const char *what, char out[64])
{
	char hex[65];

	gk_sha256_hex(what, strlen(what), hex);
	snprintf(out, 64, "urn:uuid:%.8s-%.4s-8%.3s-a%.3s-%.12s", hex, hex + 8,
	    hex + 13, hex + 17, hex + 20);
}

int
changes_atom(sqlite3 *db, struct gen *g)
{
	/* the newest new and revised reports, one entry per run and report */
	static const char sql[] = "SELECT c.run, MIN(c.changed), c.report, "
	    "MAX(c.agency), MAX(c.year), MIN(c.what), SUM(c.what = 'revised "
	    "value'), r.title, r.source_url, r.report IS NOT NULL, "
	    "GROUP_CONCAT(CASE WHEN c.what = 'revised value' THEN c.metric || "
	    "' ' || COALESCE(NULLIF(c.old, ''), '-') || ' → ' || "
	    "COALESCE(NULLIF(c.new, ''), '-') END, '; ') FROM changes c LEFT "
	    "JOIN reports r ON r.report = c.report WHERE c.what IN ('new "
	    "report', 'revised document', 'revised value') GROUP BY c.run, "
	    "c.report ORDER BY c.run DESC, c.report LIMIT 200";
	char feed[64], id[64], seed[256], first[64], *summary;
	sqlite3_stmt *st;
	FILE *fp;
	int rc;

	if (db_int(db, "SELECT COUNT(*) FROM runs", 0) <= 0)
		return 0;
	st = db_prep(db, "SELECT started FROM runs ORDER BY run LIMIT 1");
	if (st == NULL || db_step(st) != 1) {
		sqlite3_finalize(st);
		return -1;
	}
	snprintf(first, sizeof(first), "%s", db_col(st, 0));
	sqlite3_finalize(st);
	snprintf(seed, sizeof(seed), "gk changes %s", first);
	uuid_of(seed, feed);
	if ((st = db_prep(db, "SELECT finished FROM runs ORDER BY run DESC "
	    "LIMIT 1")) == NULL || db_step(st) != 1 ||
	    (fp = gen_create(g, "changes.atom")) == NULL) {
		sqlite3_finalize(st);
		return -1;
	}
	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n", fp);
	fprintf(fp, "  <id>%s</id>\n  <title>gk: new and revised reports"
	    "</title>\n  <updated>%s</updated>\n  <author><name>gk"
	    "</name></author>\n  <link rel=\"alternate\" href=\"index.html\"/>"
	    "\n  <generator>%s</generator>\n", feed, db_col(st, 0),
	    gk_version());
	sqlite3_finalize(st);
	if ((st = db_prep(db, sql)) == NULL) {
		gen_close(g, fp, "changes.atom");
		return -1;
	}
	while ((rc = db_step(st)) == 1) {
		const char *report = db_col(st, 2), *what = db_col(st, 5);
		long nrev = (long)sqlite3_column_int64(st, 6);
		int present = sqlite3_column_int(st, 9);

		snprintf(seed, sizeof(seed), "%s %s %lld", feed, report,
		    (long long)sqlite3_column_int64(st, 0));
		uuid_of(seed, id);
		fprintf(fp, "  <entry>\n    <id>%s</id>\n    <title>", id);
		xml(fp, *db_col(st, 3) ? db_col(st, 3) : "(no agency)");
		fprintf(fp, " %s: ", *db_col(st, 4) ? db_col(st, 4) :
		    "(no year)");
		if (strcmp(what, "new report") == 0)
			fputs("new report", fp);
		else if (nrev > 0)
			fprintf(fp, "revised (%ld value%s)", nrev, nrev == 1 ?
			    "" : "s");
		else
			fputs("revised document", fp);
		fprintf(fp, "</title>\n    <updated>%s</updated>\n",
		    db_col(st, 1));
		if (present) {
			fputs("    <link rel=\"alternate\" type=\"text/html\" "
			    "href=\"site/r/", fp);
			xml(fp, report);
			fputs(".html\"/>\n", fp);
		} else
			fputs("    <link rel=\"alternate\" href=\"index.html\"/>"
			    "\n", fp);
		if (*db_col(st, 8)) {
			fputs("    <link rel=\"related\" href=\"", fp);
			xml(fp, db_col(st, 8));
			fputs("\"/>\n", fp);
		}
		summary = (char *)db_col(st, 10);
		fputs("    <summary>", fp);
		xml(fp, *db_col(st, 7) ? db_col(st, 7) : report);
		fprintf(fp, " (run %lld)", (long long)sqlite3_column_int64(st,
		    0));
		if (*summary) {
			fputs(": ", fp);
			xml(fp, summary);
		}
		fputs("</summary>\n  </entry>\n", fp);
	}
	sqlite3_finalize(st);
	fputs("</feed>\n", fp);
	if (gen_close(g, fp, "changes.atom") == -1 || rc == -1)
		return -1;
	return 0;
}

/* The last run at or before when (a run number, a date or a time). */
static long long
run_of(sqlite3 *db, const char *when)
{
	char t[64];
	sqlite3_stmt *st;
	long long run = -1;
	const char *p;

	for (p = when; *p >= '0' && *p <= '9'; p++)
		continue;
	if (*p == '\0' && p > when && p - when < 10)
		return db_int(db, "SELECT MAX(run) FROM runs", -1) >= 0 ?
		    strtoll(when, NULL, 10) : -1;
	/* a date: the end of that day */
	snprintf(t, sizeof(t), "%s%s", when, strlen(when) == 10 ?
	    "T23:59:59Z" : "");
	if ((st = db_prep(db, "SELECT MAX(run) FROM runs WHERE started <= "
	    "?")) == NULL)
		return -1;
	db_text(st, 1, t, 0);
	if (db_step(st) == 1 && sqlite3_column_type(st, 0) != SQLITE_NULL)
		run = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return run < 0 ? 0 : run;
}

int
changes_as_of(sqlite3 *db, const char *when, const char *report, FILE *out)
{
	static const char ver_sql[] = "SELECT k.version, k.run, r.first_run, "
	    "r.version FROM reports r LEFT JOIN kept_versions k ON k.report = "
	    "r.report AND k.run = (SELECT MAX(run) FROM kept_versions WHERE "
	    "report = ?1 AND run <= ?2) WHERE r.report = ?1 UNION ALL SELECT "
	    "k.version, k.run, NULL, NULL FROM kept_versions k WHERE k.report "
	    "= ?1 AND k.run = (SELECT MAX(run) FROM kept_versions WHERE "
	    "report = ?1 AND run <= ?2) AND NOT EXISTS (SELECT 1 FROM reports "
	    "WHERE report = ?1)";
	static const char val_sql[] = "SELECT v.report, (SELECT agency FROM "
	    "changes WHERE report = v.report AND agency IS NOT NULL ORDER BY "
	    "run DESC LIMIT 1), (SELECT year FROM changes WHERE report = "
	    "v.report AND year IS NOT NULL ORDER BY run DESC LIMIT 1), "
	    "v.template, k.metric, m.value, m.unit, m.raw, m.flags, "
	    "COALESCE(m.doc, v.source_doc), m.seq, m.cell_table, m.cell_row, "
	    "m.cell_col, m.pdf_page FROM versions v JOIN metric_values m ON "
	    "m.version = v.version JOIN metric_keys k ON k.key_id = m.key_id "
	    "WHERE v.version = ? ORDER BY m.ord";
	static const char *const head = "report\tagency\tyear\ttemplate\t"
	    "metric\tvalue\tunit\traw\tflags\tdoc\tseq\tcell_table\t"
	    "cell_row\tcell_col\tpdf_page\n";
	sqlite3_stmt *st;
	long long run, version = 0;
	char num[64];
	int rc, i;

	if ((run = run_of(db, when)) < 0)
		return -1;
	if (run == 0) {
		gk_warn(when, "no run of the data set was made by then");
		return 1;
	}
	if ((st = db_prep(db, ver_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	sqlite3_bind_int64(st, 2, run);
	if ((rc = db_step(st)) == 1) {
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			version = sqlite3_column_int64(st, 0);	/* NULL: removed */
		else if (sqlite3_column_type(st, 2) != SQLITE_NULL &&
		    sqlite3_column_int64(st, 2) <= run)
			version = sqlite3_column_int64(st, 3);	/* no history */
	}
	sqlite3_finalize(st);
	if (rc == -1)
		return -1;
	if (version <= 0) {
		gk_warn(report, "no such report in the data set at run %lld",
		    run);
		return 1;
	}
	gk_debug("%s: as of run %lld: version %lld", report, run, version);
	if ((st = db_prep(db, val_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, version);
	fputs(head, out);
	while ((rc = db_step(st)) == 1)
		for (i = 0; i < 15; i++) {
			if (sqlite3_column_type(st, i) == SQLITE_FLOAT ||
			    sqlite3_column_type(st, i) == SQLITE_INTEGER) {
				db_numtext(st, i, num, sizeof(num));
				fputs(num, out);
			} else
				tsv_field(out, db_col(st, i));
			putc_unlocked(i == 14 ? '\n' : '\t', out);
		}
	sqlite3_finalize(st);
	if (rc == -1 || fflush(out) == EOF)
		return -1;
	return 0;
}
