/*
 * gk-load on any stream: report, metric, check, error, doc and listing
 * records in any order and shape, as a damaged or hostile gk-transform
 * could give them.  Each input is staged (stage.c: every field checked,
 * a bad record an error of its document) and merged into a store made in
 * memory (merge.c, derive.c, coverage.c, agency.c, dict.c, changes.c),
 * then merged again as a second run: a stream must never crash the load,
 * and the second run of the same stream must add no report.  Seeds: the
 * load streams of a gov2019 report, a legacy 统计表, and a stream of bad
 * records, errors and copies of one report at several pages
 * (tests/fuzz/seeds/load_stream/).
 */
#include "fuzz.h"
#include "common/cli.h"
#include "common/input.h"
#include "common/log.h"
#include "load/agency.h"
#include "load/db.h"
#include "load/merge.h"
#include "load/series.h"
#include "load/stage.h"

static int
merge_once(sqlite3 *db, struct stage *st, const struct agency_conf *ac,
    const struct crosswalk *cw, long long run, struct merge *m)
{
	int rc;

	memset(m, 0, sizeof(*m));
	m->db = db;
	m->stage = st->db;
	m->ac = ac;
	m->cw = cw;
	m->run = run;
	snprintf(m->now, sizeof(m->now), "2024-01-0%lldT00:00:00Z", run);
	if (db_exec(db, "BEGIN") == -1)
		return -1;
	rc = merge_begin(db) == -1 || agency_conf_store(db, ac) == -1 ||
	    merge_run(m) == -1 ? -1 : 0;
	if (db_exec(db, rc == 0 ? "COMMIT" : "ROLLBACK") == -1)
		return -1;
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct agency_conf *ac;
	static struct crosswalk cw;
	struct stage st;
	struct merge m;
	sqlite3 *db;
	FILE *in;

	if (ac == NULL) {
		gk_set_quiet(1);
		if ((ac = agency_conf_read(NULL, NULL)) == NULL ||
		    series_read(&cw, "config/series.tsv") == -1)
			abort();
	}
	/* what gk-load refuses at once (exit 2, by gk_input_start, on the
	 * first 4 KB it reads) is not a stream to merge */
	if (size == 0 || gk_input_looks(data, size < 4096 ? size : 4096) !=
	    NULL)
		return 0;
	/* a file, as gk-load reads one (gk_input_start reads its fd) */
	if ((in = tmpfile()) == NULL)
		abort();
	if (fwrite(data, 1, size, in) != size || fflush(in) == EOF) {
		fclose(in);
		return 0;
	}
	rewind(in);
	if (stage_open(&st) == -1)
		abort();
	if (stage_read(&st, in, "fuzz") == 0 && stage_done(&st) == 0 &&
	    (db = db_open(":memory:", 1)) != NULL) {
		/* the same stream again finds every report it made */
		if (db_create(db) == 0 &&
		    merge_once(db, &st, ac, &cw, 1, &m) == 0 &&
		    merge_once(db, &st, ac, &cw, 2, &m) == 0 &&
		    m.new_reports != 0)
			abort();
		db_close(db);
	}
	stage_close(&st);
	fclose(in);
	return 0;
}
