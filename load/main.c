/*
 * gk-load: the transform's stream in, the data set out.
 *
 *   gk-load [-qv] [-a aliases] [-A agencies] [-s series] [-w seconds]
 *       DIR [STREAM...]
 *
 * Stages every record first (a private temporary database: memory stays
 * flat), then, under a lock on DIR, brings the store's standby file in
 * step, merges the stream into it in one transaction (reports by agency
 * and year, their copies, versions, checks, series), writes the new
 * generation (only the partitions it changed; the rest are links) and
 * switches DIR/current to it with one rename.
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/cli.h"
#include "common/log.h"
#include "common/progress.h"
#include "agency.h"
#include "changes.h"
#include "crash.h"
#include "export.h"
#include "gen.h"
#include "lock.h"
#include "merge.h"
#include "series.h"
#include "site.h"
#include "stage.h"
#include "store.h"

#define DEFAULT_ALIASES "agency-aliases.tsv"	/* in config/ */
#define DEFAULT_AGENCIES "agencies.tsv"
#define DEFAULT_SERIES "series.tsv"
#define DEFAULT_WAIT 60.0
/* Above this many values a load is not tracked by the session (its
 * changeset would not fit in memory); the standby is copied instead. */
#define TRACK_MAX_VALUES 100000UL

static void
usage(int help)
{
	gk_usage(help,
	    "usage: gk-load [-qv] [-a aliases] [-A agencies] [-s series] "
	    "[-w seconds] dir\n"
	    "               [stream ...]\n"
	    "       gk-load --as-of run|date dir report ...\n"
	    "       gk-load -h | --help | --version\n",
	    "Read gk-transform's records (standard input, or each stream file; "
	    "- is\nstandard input) and update the data set in dir: one report "
	    "per agency and\nyear, every place it was found kept; the whole "
	    "set switched at once.\n",
	    "  -A agencies     the agencies the crawl knows of (default "
	    "config/agencies.tsv)\n"
	    "      --as-of W   print each report's values as they were at run "
	    "W (a run\n"
	    "                  number, or a date or time: the last run by then); "
	    "load nothing\n"
	    "  -a aliases      the agency alias table (default "
	    "config/agency-aliases.tsv)\n"
	    "  -h, --help      print this help and exit\n"
	    "  -q, --quiet     no progress line on a terminal, no -v lines\n"
	    "  -s series       the series crosswalk (default "
	    "config/series.tsv)\n"
	    "  -v, --verbose   say what was loaded, and when waiting for the "
	    "lock\n"
	    "  -w seconds      wait this long for the lock (default 60)\n"
	    "      --version   print the version and exit\n");
}

/*
 * Records, but none gk-load reads: say what the stream is and what to run
 * first, and touch nothing.
 */
static int
wrong_stream(const struct stage *s, const char *name)
{
	const struct gk_tally *t = &s->tally;
	const char *src = gk_tally_source(t);
	char text[512];

	if (t->n[GK_REPORT] + t->n[GK_METRIC] + t->n[GK_CHECK] +
	    t->n[GK_ERROR] > 0 || gk_tally_records(t) == 0)
		return 0;
	gk_warn(name, "the stream holds no report records (it holds %s%s%s%s)"
	    "; nothing was loaded", gk_tally_text(t, text, sizeof(text)),
	    src ? ": the output of " : "", src ? src : "",
	    src == NULL ? "" : strcmp(src, "gk-fetch") == 0 ?
	    ", give it to gk-extract | gk-transform first" :
	    strcmp(src, "gk-extract") == 0 ? ", give it to gk-transform first" :
	    "");
	return 1;
}

/* The run's time: SOURCE_DATE_EPOCH when set, else now; UTC. */
static void
run_time(char *out, size_t n)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	time_t t = e != NULL && *e ? (time_t)strtoll(e, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int
keep_clean(const char *name, void *arg)
{
	sqlite3 *db = arg;
	static const char sql[] = "SELECT 1 FROM temp.dirty_parts WHERE part "
	    "= ?";
	sqlite3_stmt *st = db_cached(db, sql);
	char part[64];
	size_t n = strlen(name);
	int rc;

	if (n < 5 || strcmp(name + n - 4, ".tsv") != 0 || n - 4 >= sizeof(part))
		return 0;
	snprintf(part, sizeof(part), "%.*s", (int)(n - 4), name);
	if (st == NULL)
		return 1;
	db_text(st, 1, part, 0);
	rc = db_step(st);
	sqlite3_reset(st);
	return rc == 0;
}

/* The new generation: what changed written, the rest linked. */
static int
write_gen(struct store *s, struct gen *g, const struct merge *m)
{
	sqlite3_stmt *q;
	int i, rc;

	if (gen_begin(g, m->run) == -1)
		return -1;
	gk_progress_detail("writing the data set");
	if ((q = db_prep(s->db, "SELECT part FROM temp.dirty_parts ORDER BY "
	    "part")) == NULL)
		return -1;
	while ((rc = db_step(q)) == 1)
		if (export_part(s->db, g, db_col(q, 0)) == -1) {
			rc = -1;
			break;
		}
	sqlite3_finalize(q);
	if (rc == -1)
		return -1;
	for (i = 0; i < export_ndirs; i++)
		if (gen_link_rest(g, export_dirs[i], keep_clean, s->db) == -1)
			return -1;
	/* the whole files (reports.tsv, ...): linked when no partition
	 * changed, else the partitions one after the other */
	{
		long long dirty = db_int(s->db, "SELECT COUNT(*) FROM "
		    "temp.dirty_parts", 0);
		char rel[128], p[PATH_MAX];
		struct stat sb;

		for (i = 0; dirty == 0 && g->cur > 0 && i < export_ndirs;
		    i++) {
			snprintf(rel, sizeof(rel), "%s.tsv", export_dirs[i]);
			if ((size_t)snprintf(p, sizeof(p), "%s/%s", g->curdir,
			    rel) >= sizeof(p) || lstat(p, &sb) == -1)
				dirty = 1;
		}
		if (dirty < 0)
			return -1;
		if (dirty > 0 || g->cur == 0) {
			if (export_concat(s->db, g) == -1)
				return -1;
		} else {
			for (i = 0; i < export_ndirs; i++) {
				snprintf(rel, sizeof(rel), "%s.tsv",
				    export_dirs[i]);
				if (gen_link(g, rel) != 0)
					return -1;
			}
		}
	}
	/* the whole-data-set files, anew when they changed */
	{
		static const char *const whole[] = { "agencies.tsv",
			"coverage.tsv", "errors.tsv", "dictionary.tsv" };
		int changed[] = { m->whole, m->coverage, m->whole,
			m->dict };

		for (i = 0; i < 4; i++) {
			rc = changed[i] ? 1 : gen_link(g, whole[i]);
			if (rc == 1)
				rc = export_whole(s->db, g, whole[i]);
			if (rc == -1)
				return -1;
		}
	}
	/* what changed: the whole history, anew when this run added to it */
	rc = m->nchanges > 0 ? 1 : gen_link(g, "changes.tsv");
	if (rc == 1 && (changes_export(s->db, g) == -1 ||
	    changes_atom(s->db, g) == -1))
		return -1;
	if (rc == 0 && gen_link(g, "changes.atom") == -1)
		return -1;
	if (rc == -1)
		return -1;
	/* the spreadsheet's copies of them (csv/), from the files */
	if (export_csv(g) == -1)
		return -1;
	if (gen_symlink(g, "gk.sqlite", store_link(s)) == -1)
		return -1;
	/* the site (index.html, site/), from the files just written */
	gk_progress_detail("writing the site");
	return site_write(g->tmp, g->tmp, s->db, g->cur > 0 ? g->curdir :
	    NULL);
}

static int
record_run(struct merge *m, const struct stage *st)
{
	sqlite3_stmt *q;
	char fin[32];

	run_time(fin, sizeof(fin));
	if ((q = db_prep(m->db, "INSERT INTO runs (run, started, finished, "
	    "program, stream_reports, stream_documents, stream_errors, "
	    "new_reports, revised_reports, removed_reports, new_errors) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) == NULL)
		return -1;
	sqlite3_bind_int64(q, 1, m->run);
	db_text(q, 2, m->now, 0);
	db_text(q, 3, fin, 0);
	db_text(q, 4, gk_version(), 0);
	sqlite3_bind_int64(q, 5, (sqlite3_int64)st->reports);
	sqlite3_bind_int64(q, 6, (sqlite3_int64)st->docs);
	sqlite3_bind_int64(q, 7, (sqlite3_int64)st->errors);
	sqlite3_bind_int64(q, 8, (sqlite3_int64)m->new_reports);
	sqlite3_bind_int64(q, 9, (sqlite3_int64)m->revised);
	sqlite3_bind_int64(q, 10, (sqlite3_int64)m->removed);
	sqlite3_bind_int64(q, 11, (sqlite3_int64)m->new_errors);
	if (db_run(q) == -1) {
		sqlite3_finalize(q);
		return -1;
	}
	sqlite3_finalize(q);
	return 0;
}

/* Load the staged stream into dir. 0, or -1 (nothing changed). */
static int
load(const char *dir, struct stage *st, const struct agency_conf *ac,
    const struct crosswalk *cw, double wait, struct merge *m)
{
	struct store s;
	struct gen g;
	char prev[PATH_MAX];
	int lock, rc = -1, track;

	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		gk_warn(dir, "%s", strerror(errno));
		return -1;
	}
	gk_progress_detail("waiting for the lock of %s", dir);
	if ((lock = lock_take(dir, wait)) == -1)
		return -1;
	crash_point("locked");
	memset(&s, 0, sizeof(s));
	if (gen_open(&g, dir) == -1)
		goto out;
	crash_point("swept");
	gk_progress_detail("opening the store");
	if (store_open(&s, &g) == -1)
		goto out;
	crash_point("standby in step");
	track = st->metrics <= TRACK_MAX_VALUES;
	if (store_begin(&s, track) == -1)
		goto out;
	memset(m, 0, sizeof(*m));
	m->db = s.db;
	m->stage = st->db;
	m->ac = ac;
	m->cw = cw;
	m->run = g.cur + 1;
	run_time(m->now, sizeof(m->now));
	if (merge_begin(s.db) == -1 || agency_conf_store(s.db, ac) == -1 ||
	    merge_run(m) == -1) {
		store_rollback(&s);
		gk_warn(dir, "the data set was left as it was");
		goto out;
	}
	/* nothing changed: no new run, no new generation */
	if (!store_changed(&s)) {
		store_rollback(&s);
		gk_debug("%s: nothing changed", dir);
		rc = 0;
		goto out;
	}
	if (record_run(m, st) == -1) {
		store_rollback(&s);
		gk_warn(dir, "the data set was left as it was");
		goto out;
	}
	crash_point("before the commit");
	rc = store_commit(&s, m->run);
	crash_point("committed");
	if (rc == -1) {
		gk_warn(dir, "the data set was left as it was");
		goto out;
	}
	rc = -1;
	snprintf(prev, sizeof(prev), "%s", g.curdir);
	if (write_gen(&s, &g, m) == -1 || (crash_point("written"),
	    gen_commit(&g)) == -1) {
		gen_abort(&g);
		gk_warn(dir, "the data set was left as it was (generation %lld)",
		    g.cur);
		goto out;
	}
	if (!track) {
		/* a copy of what was just published for the next load; the
		 * generation before goes first, as its database is that file */
		if (prev[0] != '\0')
			gen_rmtree(prev);
		crash_point("before the mirror");
		if (store_mirror(&s) == -1)
			gk_warn(dir, "the standby copy was not made: the next "
			    "load will make it");
	}
	crash_point("done");
	rc = 0;
out:
	store_close(&s);
	lock_release(lock);
	return rc;
}

/* --as-of: the reports as they were, from the published database. */
static int
as_of(const char *dir, const char *when, int n, char **report)
{
	char path[PATH_MAX];
	sqlite3 *db = NULL;
	int i, rc, rv = GK_EXIT_OK;

	if (n < 1)
		usage(0);
	if ((size_t)snprintf(path, sizeof(path), "%s/gk.sqlite", dir) >=
	    sizeof(path))
		gk_fatal(dir, "path too long");
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || !db_check(db, path)) {
		if (db != NULL)
			db_warn(db, path);
		sqlite3_close(db);
		return GK_EXIT_RUN;
	}
	sqlite3_busy_timeout(db, 60 * 1000);
	if (db_exec(db, "BEGIN") == -1) {
		db_close(db);
		return GK_EXIT_RUN;
	}
	for (i = 0; i < n; i++) {
		rc = changes_as_of(db, when, report[i], stdout);
		if (rc == -1) {
			rv = GK_EXIT_RUN;
			break;
		}
		if (rc == 1)
			rv = GK_EXIT_DOCS;
	}
	db_exec(db, "COMMIT");
	db_close(db);
	return rv;
}

int
main(int argc, char *argv[])
{
	struct stage st;
	struct merge m;
	struct agency_conf *ac;
	struct crosswalk cw;
	const char *dir, *afile = NULL, *gfile = NULL, *sfile = NULL;
	const char *asof = NULL;
	char *end, apath[4096], gpath[4096], spath[4096];
	double wait = DEFAULT_WAIT;
	static const struct option longopts[] = {
		{ "as-of", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, i, rv = GK_EXIT_OK;

	gk_log_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "A:a:hqs:vw:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'A':
			gfile = optarg;
			break;
		case 'a':
			afile = optarg;
			break;
		case 'h':
			usage(1);
			break;
		case 'O':
			asof = optarg;
			break;
		case 'q':
			gk_set_quiet(1);
			break;
		case 's':
			sfile = optarg;
			break;
		case 'v':
			if (!gk_quiet())
				gk_set_verbose(1);
			break;
		case 'V':
			gk_print_version();
			break;
		case 'w':
			wait = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || wait < 0 ||
			    wait > 86400)
				gk_fatal(optarg, "-w wants seconds, 0 to 86400");
			break;
		default:
			usage(0);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage(0);
	dir = argv[0];
	if (asof != NULL)
		return as_of(dir, asof, argc - 1, argv + 1);
	if (afile == NULL)
		afile = gk_config_file(DEFAULT_ALIASES, apath, sizeof(apath));
	if (gfile == NULL)
		gfile = gk_config_file(DEFAULT_AGENCIES, gpath, sizeof(gpath));
	if (sfile == NULL)
		sfile = gk_config_file(DEFAULT_SERIES, spath, sizeof(spath));
	if ((ac = agency_conf_read(afile, gfile)) == NULL)
		return GK_EXIT_RUN;
	if (series_read(&cw, sfile) == -1) {
		agency_conf_free(ac);
		return GK_EXIT_RUN;
	}

	if (stage_open(&st) == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	gk_progress_begin("records");
	if (argc == 1 && stage_read(&st, stdin, "standard input") == -1)
		rv = GK_EXIT_RUN;
	for (i = 1; rv == GK_EXIT_OK && i < argc; i++) {
		int std = strcmp(argv[i], "-") == 0;
		FILE *fp = std ? stdin : fopen(argv[i], "r");

		if (fp == NULL) {
			gk_warn(argv[i], "%s", strerror(errno));
			rv = GK_EXIT_RUN;
			break;
		}
		if (stage_read(&st, fp, std ? "standard input" : argv[i]) == -1)
			rv = GK_EXIT_RUN;
		if (!std)
			fclose(fp);
	}
	if (rv == GK_EXIT_OK && wrong_stream(&st, argc == 2 &&
	    strcmp(argv[1], "-") != 0 ? argv[1] : argc == 1 ?
	    "standard input" : "the streams"))
		rv = GK_EXIT_RUN;
	if (rv == GK_EXIT_OK && stage_done(&st) == -1)
		rv = GK_EXIT_RUN;
	if (rv == GK_EXIT_OK && load(dir, &st, ac, &cw, wait, &m) == -1)
		rv = GK_EXIT_RUN;
	if (rv == GK_EXIT_OK) {
		gk_debug("%s: run %lld: %lu reports, %lu values, %lu checks, "
		    "%lu errors read; %lu new reports, %lu revised, %lu "
		    "removed, %lu new errors", dir, m.run, st.reports,
		    st.metrics, st.checks, st.errors, m.new_reports,
		    m.revised, m.removed, m.new_errors);
		/* a bad record is a bad_record error of its document: it
		 * counts among the new errors only the first night */
		if (m.refused > 0 || m.new_errors > 0)
			rv = GK_EXIT_DOCS;
	}
done:
	gk_progress_end();
	stage_close(&st);
	series_free(&cw);
	agency_conf_free(ac);
	return rv;
}
