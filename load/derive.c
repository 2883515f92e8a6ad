/*
 * derive.c: a report worked out again from its copies: which version is
 * kept, its row, its checks (the kept version's own, copies that
 * disagree, other documents claiming the same agency and year, the carry
 * from the year before) and its series.  Rows are rewritten only when
 * they change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/schema.h"
#include "changes.h"
#include "merge.h"

#define MAX_HELD 64		/* versions one report's copies hold */
#define MAX_VALUES 20000

struct kv {
	char *key, *value, *flags;
};

struct values {
	struct kv *v;
	size_t n, cap;
};

struct check {
	char name[32], location[256], expected[128], found[256];
	char message[1024];
};

struct checks {
	struct check *c;
	size_t n, cap;
};

static void
values_free(struct values *x)
{
	size_t i;

	for (i = 0; i < x->n; i++) {
		free(x->v[i].key);
		free(x->v[i].value);
		free(x->v[i].flags);
	}
	free(x->v);
	memset(x, 0, sizeof(*x));
}

/* The values of version, in their order. 0 or -1. */
static int
values_of(struct merge *m, long long version, struct values *x)
{
	static const char sql[] = "SELECT k.metric, m.value, m.flags FROM "
	    "metric_values m JOIN metric_keys k ON k.key_id = m.key_id WHERE "
	    "m.version = ? ORDER BY m.ord";
	sqlite3_stmt *st;
	char num[64];
	int rc;

	memset(x, 0, sizeof(*x));
	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, version);
	while ((rc = db_step(st)) == 1) {
		struct kv *v;

		if (x->n == MAX_VALUES)
			continue;
		if (x->n == x->cap) {
			x->cap = x->cap ? x->cap * 2 : 256;
			if ((v = realloc(x->v, x->cap * sizeof(*v))) == NULL)
				goto nomem;
			x->v = v;
		}
		db_numtext(st, 1, num, sizeof(num));
		v = &x->v[x->n];
		v->key = strdup(db_col(st, 0));
		v->value = strdup(num);
		v->flags = strdup(db_col(st, 2));
		x->n++;
		if (v->key == NULL || v->value == NULL || v->flags == NULL)
			goto nomem;
	}
	return rc;
nomem:
	sqlite3_reset(st);
	gk_warn(NULL, "out of memory");
	return -1;
}

static const struct kv *
value(const struct values *x, const char *key)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->v[i].key, key) == 0)
			return &x->v[i];
	return NULL;
}

static struct check *
add_check(struct checks *cs, const char *name, const char *location,
    const char *expected, const char *found, const char *message)
{
	struct check *c;

	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 32;
		if ((c = realloc(cs->c, cs->cap * sizeof(*c))) == NULL) {
			gk_warn(NULL, "out of memory");
			return NULL;
		}
		cs->c = c;
	}
	c = &cs->c[cs->n++];
	snprintf(c->name, sizeof(c->name), "%s", name);
	snprintf(c->location, sizeof(c->location), "%s", location);
	snprintf(c->expected, sizeof(c->expected), "%s", expected);
	snprintf(c->found, sizeof(c->found), "%s", found);
	snprintf(c->message, sizeof(c->message), "%s", message);
	return c;
}

/* The kept version's own checks, as the transform gave them. */
static int
own_checks(struct merge *m, long long version, struct checks *cs)
{
	static const char sql[] = "SELECT check_name, location, expected, "
	    "found, message FROM version_checks WHERE version = ? ORDER BY ord";
	sqlite3_stmt *st;
	int rc;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, version);
	while ((rc = db_step(st)) == 1)
		if (add_check(cs, db_col(st, 0), db_col(st, 1), db_col(st, 2),
		    db_col(st, 3), db_col(st, 4)) == NULL) {
			sqlite3_reset(st);
			return -1;
		}
	return rc;
}

/* Copies that disagree: every figure another held version gives
 * otherwise. */
static int
mismatches(struct merge *m, const struct values *kept, long long other,
    struct checks *cs)
{
	static const char sql[] = "SELECT v.source_doc, d.url FROM versions v "
	    "LEFT JOIN documents d ON d.doc = v.source_doc WHERE v.version = ?";
	sqlite3_stmt *st;
	struct values o;
	char doc[128] = "", found[256], msg[1024];
	size_t i;
	int rc;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, other);
	if ((rc = db_step(st)) == 1)
		snprintf(doc, sizeof(doc), "%s", db_col(st, 0));
	sqlite3_reset(st);
	if (rc == -1 || values_of(m, other, &o) == -1)
		return -1;
	for (i = 0; i < kept->n; i++) {
		const struct kv *a = &kept->v[i], *b = value(&o, a->key);

		if (b == NULL || value(kept, a->key) != a ||
		    strcmp(a->value, b->value) == 0)
			continue;
		snprintf(found, sizeof(found), "%s@%s", b->value, doc);
		snprintf(msg, sizeof(msg), "%s: the copy kept says %s, another "
		    "copy of the report (document %s) says %s", a->key,
		    *a->value ? a->value : "nothing", doc,
		    *b->value ? b->value : "nothing");
		if (add_check(cs, "format_mismatch", a->key, a->value, found,
		    msg) == NULL) {
			values_free(&o);
			return -1;
		}
	}
	values_free(&o);
	return 0;
}

/* Other documents claiming the same agency and year. */
static int
duplicates(struct merge *m, const char *report, const char *key,
    long long year, const char *agency, struct checks *cs)
{
	static const char sql[] = "SELECT report, page, (SELECT COUNT(*) "
	    "FROM reports WHERE name_key = ?1 AND year = ?2) FROM reports "
	    "WHERE name_key = ?1 AND year = ?2 AND report != ?3 ORDER BY report";
	sqlite3_stmt *st;
	char n[32], msg[1024];
	int rc;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, key, 0);
	sqlite3_bind_int64(st, 2, year);
	db_text(st, 3, report, 0);
	while ((rc = db_step(st)) == 1) {
		snprintf(n, sizeof(n), "%d", sqlite3_column_int(st, 2));
		snprintf(msg, sizeof(msg), "another document (report %s, %s) "
		    "also says it is %s's report for %lld, and its figures "
		    "differ: the %s reports are kept apart", db_col(st, 0),
		    *db_col(st, 1) ? db_col(st, 1) : "no page", agency, year, n);
		if (add_check(cs, "duplicate_report", db_col(st, 0), "1", n,
		    msg) == NULL) {
			sqlite3_reset(st);
			return -1;
		}
	}
	return rc;
}

static int
has_prefix(const struct values *x, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < x->n; i++)
		if (strncmp(x->v[i].key, prefix, n) == 0)
			return 1;
	return 0;
}

/* Blank or missing is 0; 1 when a number, -1 when not one. */
static int
num(const struct kv *v, double *d)
{
	*d = 0;
	if (v == NULL || v->value[0] == '\0')
		return v != NULL && strstr(v->flags, "not_a_number") ? -1 : 0;
	*d = strtod(v->value, NULL);
	return 1;
}

/*
 * The applicant columns of table 三 (person ... total), as common/schema
 * gives them for the 上年结转 row of the national forms.
 */
static const struct gk_row *
carry_row(void)
{
	const struct gk_key *k = gk_key_lookup("requests.carried_in.total");

	return k != NULL ? k->row : NULL;
}

/*
 * carry_chain: this report's 上年结转 (requests.carried_in.*) against the
 * 结转下年度 (requests.carried_out.*) of the same agency's report of the
 * year before (the first by id when there are several), column by column.
 */
static int
carry(struct merge *m, const char *key, long long year,
    const struct values *self, struct checks *cs)
{
	static const char sql[] = "SELECT report, version FROM reports WHERE "
	    "name_key = ? AND year = ? ORDER BY report";
	sqlite3_stmt *st;
	struct values p;
	char k[64], e[64], f[64], msg[1024], prev[17] = "";
	long long pv = -1;
	const struct kv *a, *b;
	double va, vb;
	int i, rc, found = 0;

	const struct gk_row *row = carry_row();

	if (row == NULL || !has_prefix(self, "requests.carried_in."))
		return 0;
	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, key, 0);
	sqlite3_bind_int64(st, 2, year - 1);
	memset(&p, 0, sizeof(p));
	while (!found && (rc = db_step(st)) == 1) {
		snprintf(prev, sizeof(prev), "%s", db_col(st, 0));
		pv = sqlite3_column_int64(st, 1);
		values_free(&p);
		if (values_of(m, pv, &p) == -1) {
			sqlite3_reset(st);
			return -1;
		}
		found = has_prefix(&p, "requests.carried_out.");
	}
	sqlite3_reset(st);
	if (rc == -1 || !found) {
		values_free(&p);
		return rc == -1 ? -1 : 0;
	}
	for (i = 0; i < row->ncols; i++) {
		const char *col = row->cols[i].suffix;

		if (col == NULL)
			continue;
		snprintf(k, sizeof(k), "requests.carried_out.%s", col);
		a = value(&p, k);
		snprintf(k, sizeof(k), "requests.carried_in.%s", col);
		b = value(self, k);
		if (num(a, &va) == -1 || num(b, &vb) == -1 || va == vb)
			continue;
		snprintf(e, sizeof(e), "%s", a != NULL && *a->value ?
		    a->value : "0");
		snprintf(f, sizeof(f), "%s", b != NULL && *b->value ?
		    b->value : "0");
		snprintf(msg, sizeof(msg), "table 三, column %s: the report for "
		    "%lld (%s) carried %s requests over (结转下年度), this one "
		    "says %s came in (上年结转)", col, year - 1, prev,
		    e, f);
		if (add_check(cs, "carry_chain", col, e, f, msg) ==
		    NULL) {
			values_free(&p);
			return -1;
		}
	}
	values_free(&p);
	return 0;
}

/* Replace the report's checks when they differ. 0 or -1. */
static int
store_checks(struct merge *m, const char *report, const struct checks *cs)
{
	static const char get_sql[] = "SELECT check_name, location, expected, "
	    "found, message FROM checks WHERE report = ? ORDER BY ord";
	static const char del_sql[] = "DELETE FROM checks WHERE report = ?";
	static const char ins_sql[] = "INSERT INTO checks (report, ord, "
	    "check_name, location, expected, found, message) VALUES (?, ?, ?, "
	    "?, ?, ?, ?)";
	sqlite3_stmt *st;
	size_t i = 0;
	int rc, same = 1;

	if ((st = db_cached(m->db, get_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	while ((rc = db_step(st)) == 1) {
		const struct check *c = i < cs->n ? &cs->c[i] : NULL;

		if (c == NULL || strcmp(c->name, db_col(st, 0)) ||
		    strcmp(c->location, db_col(st, 1)) ||
		    strcmp(c->expected, db_col(st, 2)) ||
		    strcmp(c->found, db_col(st, 3)) ||
		    strcmp(c->message, db_col(st, 4)))
			same = 0;
		i++;
	}
	if (rc == -1)
		return -1;
	if (same && i == cs->n)
		return 0;
	if ((st = db_cached(m->db, del_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	if (db_run(st) == -1)
		return -1;
	for (i = 0; i < cs->n; i++) {
		const struct check *c = &cs->c[i];

		if ((st = db_cached(m->db, ins_sql)) == NULL)
			return -1;
		db_text(st, 1, report, 0);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		db_text(st, 3, c->name, 0);
		db_text(st, 4, c->location, 1);
		db_text(st, 5, c->expected, 1);
		db_text(st, 6, c->found, 1);
		db_text(st, 7, c->message, 1);
		if (db_run(st) == -1)
			return -1;
	}
	return 0;
}

/* Replace the report's series when they differ. */
static int
store_series(struct merge *m, const char *report, const char *template,
    const struct values *x)
{
	static const char get_sql[] = "SELECT series, value, flags FROM "
	    "series_values WHERE report = ? ORDER BY series";
	static const char del_sql[] = "DELETE FROM series_values WHERE "
	    "report = ?";
	static const char ins_sql[] = "INSERT INTO series_values (report, "
	    "series, value, flags) VALUES (?, ?, ?, ?)";
	struct series_in *in;
	struct series_out out[64];
	char **keys, num[64];
	size_t i, j, n;
	sqlite3_stmt *st;
	int rc = -1, same = 1;

	in = calloc(x->n + 1, sizeof(*in));
	keys = calloc(x->n + 1, sizeof(*keys));
	if (in == NULL || keys == NULL)
		goto out;
	for (i = 0; i < x->n; i++) {
		if ((keys[i] = malloc(512)) == NULL)
			goto out;
		series_key(x->v[i].key, keys[i], 512);
		in[i].key = keys[i];
		in[i].value = x->v[i].value;
		in[i].flags = x->v[i].flags;
	}
	n = series_compute(m->cw, template, in, x->n, out, 64);
	/* sorted by series, as the query gives them */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(out[j - 1].series,
		    out[j].series) > 0; j--) {
			struct series_out t = out[j];

			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	if ((st = db_cached(m->db, get_sql)) == NULL)
		goto out;
	db_text(st, 1, report, 0);
	i = 0;
	while ((rc = db_step(st)) == 1) {
		db_numtext(st, 1, num, sizeof(num));
		if (i >= n || strcmp(out[i].series, db_col(st, 0)) ||
		    strcmp(out[i].value, num) || strcmp(out[i].flags,
		    db_col(st, 2)))
			same = 0;
		i++;
	}
	if (rc == -1)
		goto out;
	rc = 0;
	if (same && i == n)
		goto out;
	rc = -1;
	if ((st = db_cached(m->db, del_sql)) == NULL)
		goto out;
	db_text(st, 1, report, 0);
	if (db_run(st) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		if ((st = db_cached(m->db, ins_sql)) == NULL)
			goto out;
		db_text(st, 1, report, 0);
		db_text(st, 2, out[i].series, 0);
		db_number(st, 3, out[i].value);
		db_text(st, 4, out[i].flags, 1);
		if (db_run(st) == -1)
			goto out;
	}
	rc = 0;
out:
	if (keys != NULL)
		for (i = 0; i < x->n; i++)
			free(keys[i]);
	free(keys);
	free(in);
	if (rc == -1 && (in == NULL || keys == NULL))
		gk_warn(NULL, "out of memory");
	return rc;
}

/*
 * The report's share of the page's sums (the totals table): its series,
 * and one report of its template, its values and failed checks, added
 * (sign 1) or taken out (-1) for its year and its agency.  Kept by
 * difference, so a load costs what it changes.
 */
static int
contribute(struct merge *m, const char *report, int sign)
{
	static const char sql[] = "INSERT INTO totals (scope, name, series, "
	    "value, reports) SELECT x.scope, x.name, x.series, ?2 * "
	    "COALESCE(x.value, 0), "
	    "?2 * (x.value IS NOT NULL) FROM (SELECT 'year' AS scope, "
	    "COALESCE(r.year, '') AS name, c.series, c.value FROM reports r, "
	    "(SELECT s.series, s.value FROM series_values s WHERE s.report = "
	    "?1 UNION ALL SELECT 'reports', 1 UNION ALL SELECT 'reports.' || "
	    "COALESCE(r2.template, 'other'), 1 FROM reports r2 WHERE "
	    "r2.report = ?1 UNION ALL SELECT 'values', v.n_values FROM reports "
	    "r3 JOIN versions v ON v.version = r3.version WHERE r3.report = ?1 "
	    "UNION ALL SELECT 'checks', r4.failed_checks FROM reports r4 WHERE "
	    "r4.report = ?1) c WHERE r.report = ?1 UNION ALL SELECT 'agency', "
	    "r.agency, c.series, c.value FROM reports r, (SELECT s.series, "
	    "s.value FROM series_values s WHERE s.report = ?1 UNION ALL SELECT "
	    "'reports', 1) c WHERE r.report = ?1 AND r.agency IS NOT NULL) x "
	    "WHERE true ON CONFLICT (scope, name, series) DO UPDATE SET value "
	    "= value + excluded.value, reports = reports + excluded.reports";
	static const char gc_sql[] = "DELETE FROM totals WHERE reports = 0 AND "
	    "(value IS NULL OR value = 0)";
	sqlite3_stmt *st;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	sqlite3_bind_int(st, 2, sign);
	if (db_run(st) == -1)
		return -1;
	if (sign > 0)
		return 0;
	if ((st = db_cached(m->db, gc_sql)) == NULL)
		return -1;
	return db_run(st);
}

static int
dirty_agency(struct merge *m, const char *agency)
{
	static const char sql[] = "INSERT OR IGNORE INTO temp.dirty_agencies "
	    "VALUES (?)";
	sqlite3_stmt *st;

	if (agency == NULL || *agency == '\0')
		return 0;
	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, agency, 0);
	return db_run(st);
}

static int
dirty_part(struct merge *m, const char *part)
{
	static const char sql[] = "INSERT OR IGNORE INTO temp.dirty_parts "
	    "VALUES (?)";
	sqlite3_stmt *st;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, part, 0);
	return db_run(st);
}

/* Whether the stream's copies touched report (not only a neighbour of
 * one): 1, 0, -1. */
static int
touched(struct merge *m, const char *report)
{
	static const char sql[] = "SELECT 1 FROM temp.touched_reports WHERE "
	    "report = ?";
	sqlite3_stmt *st;
	int rc;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	rc = db_step(st);
	sqlite3_reset(st);
	return rc;
}

/* The report's row and its rows elsewhere, gone: no copy holds it. */
static int
drop_report(struct merge *m, const char *report, int derived,
    const char *agency, long long year, const char *url)
{
	static const char *const sql[] = {
		"DELETE FROM checks WHERE report = ?",
		"DELETE FROM series_values WHERE report = ?",
		"DELETE FROM reports WHERE report = ?",
	};
	sqlite3_stmt *st;
	size_t i;

	if (derived && (contribute(m, report, -1) == -1 ||
	    changes_add(m, report, agency, year, "removed from the site",
	    NULL, url, NULL) == -1 || changes_kept(m, report, 0) == -1))
		return -1;
	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if ((st = db_cached(m->db, sql[i])) == NULL)
			return -1;
		db_text(st, 1, report, 0);
		if (db_run(st) == -1)
			return -1;
	}
	m->removed++;
	m->whole = 1;
	return 0;
}

struct held {
	long long version, first_run;
	long fails, copies;
	char copy[65];		/* the first copy holding it */
};

int
derive_report(struct merge *m, const char *report)
{
	static const char row_sql[] = "SELECT name_key, year, part, version, "
	    "agency, revised_run, source_url, sha256 FROM reports WHERE "
	    "report = ?";
	static const char copies_sql[] = "SELECT copy, version FROM copies "
	    "WHERE report = ? AND gone_run IS NULL ORDER BY first_run, copy";
	static const char fails_sql[] = "SELECT COUNT(*), (SELECT first_run "
	    "FROM versions WHERE version = ?1) FROM version_checks WHERE "
	    "version = ?1 AND check_name != 'format_mismatch'";
	static const char copy_sql[] = "SELECT printed_agency, title, "
	    "published, page FROM copies WHERE copy = ?";
	static const char ver_sql[] = "SELECT template, source_doc, "
	    "source_url, sha256 FROM versions WHERE version = ?";
	static const char docs_sql[] = "SELECT COUNT(*), MIN(d.first_seen), "
	    "MAX(d.last_seen) FROM copies c JOIN documents d ON d.page = "
	    "c.page WHERE c.report = ? AND c.gone_run IS NULL";
	static const char up_sql[] = "UPDATE reports SET agency = ?2, "
	    "printed_agency = ?3, template = ?4, title = ?5, published = ?6, "
	    "page = ?7, source_doc = ?8, source_url = ?9, sha256 = ?10, "
	    "sources = ?11, failed_checks = ?12, first_seen = ?13, last_seen "
	    "= ?14, version = ?15, revised_run = ?16 WHERE report = ?1 AND "
	    "(agency IS NOT ?2 OR printed_agency IS NOT ?3 OR template IS NOT "
	    "?4 OR title IS NOT ?5 OR published IS NOT ?6 OR page IS NOT ?7 OR "
	    "source_doc IS NOT ?8 OR source_url IS NOT ?9 OR sha256 IS NOT ?10 "
	    "OR sources IS NOT ?11 OR failed_checks IS NOT ?12 OR first_seen "
	    "IS NOT ?13 OR last_seen IS NOT ?14 OR version IS NOT ?15 OR "
	    "revised_run IS NOT ?16)";
	struct held h[MAX_HELD];
	struct values kept;
	struct checks cs;
	sqlite3_stmt *st;
	char key[AGENCY_MAX], part[32], agency[AGENCY_MAX], oldagency[AGENCY_MAX];
	char printed[AGENCY_MAX], title[1024], published[64], page[4096];
	char template[40], src[65], url[4096], sha[80], key2[AGENCY_MAX];
	char first[64], last[64], oldurl[4096], oldsha[80];
	long long year = 0, oldversion, revised, sources;
	sqlite3_int64 before;
	int has_year, nh = 0, i, best, rc, dirty, changed;

	if ((st = db_cached(m->db, row_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	if ((rc = db_step(st)) != 1)
		return rc;	/* gone already */
	snprintf(key, sizeof(key), "%s", db_col(st, 0));
	has_year = sqlite3_column_type(st, 1) != SQLITE_NULL;
	year = sqlite3_column_int64(st, 1);
	snprintf(part, sizeof(part), "%s", db_col(st, 2));
	oldversion = sqlite3_column_int64(st, 3);
	snprintf(oldagency, sizeof(oldagency), "%s", db_col(st, 4));
	revised = sqlite3_column_int64(st, 5);	/* NULL: 0 */
	snprintf(oldurl, sizeof(oldurl), "%s", db_col(st, 6));
	snprintf(oldsha, sizeof(oldsha), "%s", db_col(st, 7));
	sqlite3_reset(st);
	/* its partition is written (dirty) when the stream's copies touched
	 * it, when it is dropped, or when its rows change: one worked out
	 * again beside a touched one (the same agency, the year before) is
	 * often the same */
	if ((dirty = touched(m, report)) == -1 ||
	    dirty_agency(m, oldagency) == -1)
		return -1;

	/* the versions its copies hold */
	if ((st = db_cached(m->db, copies_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	while ((rc = db_step(st)) == 1) {
		long long v = sqlite3_column_int64(st, 1);

		for (i = 0; i < nh && h[i].version != v; i++)
			continue;
		if (i == nh) {
			if (nh == MAX_HELD)
				continue;
			memset(&h[nh], 0, sizeof(h[nh]));
			h[nh].version = v;
			snprintf(h[nh].copy, sizeof(h[nh].copy), "%s",
			    db_col(st, 0));
			nh++;
		}
		h[i].copies++;
	}
	if (rc == -1)
		return -1;
	if (nh == 0)
		return dirty_part(m, part) == -1 ? -1 : drop_report(m, report,
		    oldversion != 0, oldagency, has_year ? year : 0, oldurl);
	if ((st = db_cached(m->db, fails_sql)) == NULL)
		return -1;
	for (i = 0; i < nh; i++) {
		sqlite3_bind_int64(st, 1, h[i].version);
		if (db_step(st) != 1)
			return -1;
		h[i].fails = sqlite3_column_int(st, 0);
		h[i].first_run = sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
	}
	/* kept: fewest failed checks, then the newest, then most copies */
	for (best = 0, i = 1; i < nh; i++)
		if (h[i].fails < h[best].fails || (h[i].fails == h[best].fails &&
		    (h[i].first_run > h[best].first_run ||
		    (h[i].first_run == h[best].first_run &&
		    (h[i].copies > h[best].copies ||
		    (h[i].copies == h[best].copies &&
		    h[i].version < h[best].version))))))
			best = i;

	if ((st = db_cached(m->db, copy_sql)) == NULL)
		return -1;
	db_text(st, 1, h[best].copy, 0);
	if (db_step(st) != 1)
		return -1;
	snprintf(printed, sizeof(printed), "%s", db_col(st, 0));
	snprintf(title, sizeof(title), "%s", db_col(st, 1));
	snprintf(published, sizeof(published), "%s", db_col(st, 2));
	snprintf(page, sizeof(page), "%s", db_col(st, 3));
	sqlite3_reset(st);
	if ((st = db_cached(m->db, ver_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, h[best].version);
	if (db_step(st) != 1)
		return -1;
	snprintf(template, sizeof(template), "%s", db_col(st, 0));
	snprintf(src, sizeof(src), "%s", db_col(st, 1));
	snprintf(url, sizeof(url), "%s", db_col(st, 2));
	snprintf(sha, sizeof(sha), "%s", db_col(st, 3));
	sqlite3_reset(st);
	if (agency_resolve(m->db, m->ac, printed, "report", agency, key2) ==
	    -1)
		return -1;
	if ((st = db_cached(m->db, docs_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	if (db_step(st) != 1)
		return -1;
	sources = sqlite3_column_int64(st, 0);
	snprintf(first, sizeof(first), "%s", db_col(st, 1));
	snprintf(last, sizeof(last), "%s", db_col(st, 2));
	sqlite3_reset(st);

	/* its share of the sums, out until it is worked out again */
	if (oldversion != 0 && contribute(m, report, -1) == -1)
		return -1;
	/* checks */
	before = sqlite3_total_changes64(m->db);
	memset(&cs, 0, sizeof(cs));
	if (values_of(m, h[best].version, &kept) == -1)
		return -1;
	rc = own_checks(m, h[best].version, &cs);
	for (i = 0; rc == 0 && i < nh; i++)
		if (i != best)
			rc = mismatches(m, &kept, h[i].version, &cs);
	if (rc == 0 && key[0] && has_year)
		rc = duplicates(m, report, key, year, agency, &cs);
	if (rc == 0 && key[0] && has_year)
		rc = carry(m, key, year, &kept, &cs);
	if (rc == 0)
		rc = store_checks(m, report, &cs);
	if (rc == 0)
		rc = store_series(m, report, template, &kept);
	changed = sqlite3_total_changes64(m->db) != before;
	values_free(&kept);
	if (rc == -1) {
		free(cs.c);
		return -1;
	}

	/* what changed: a new report, another document, other values */
	rc = 0;
	if (oldversion == 0)
		rc = changes_add(m, report, agency, has_year ? year : 0,
		    "new report", NULL, NULL, url);
	else if (strcmp(oldsha, sha) != 0)
		rc = changes_add(m, report, agency, has_year ? year : 0,
		    "revised document", NULL, oldurl, url);
	if (rc == 0 && oldversion != 0 && oldversion != h[best].version)
		rc = changes_values(m, report, agency, has_year ? year : 0,
		    oldversion, h[best].version);
	if (rc == 0 && oldversion != h[best].version)
		rc = changes_kept(m, report, h[best].version);
	if (rc == -1) {
		free(cs.c);
		return -1;
	}
	if (oldversion != 0 && oldversion != h[best].version) {
		m->revised++;
		revised = m->run;
	}
	if ((st = db_cached(m->db, up_sql)) == NULL) {
		free(cs.c);
		return -1;
	}
	db_text(st, 1, report, 0);
	db_text(st, 2, agency, 1);
	db_text(st, 3, printed, 1);
	db_text(st, 4, template, 1);
	db_text(st, 5, title, 1);
	db_text(st, 6, published, 1);
	db_text(st, 7, page, 1);
	db_text(st, 8, src, 1);
	db_text(st, 9, url, 1);
	db_text(st, 10, sha, 1);
	sqlite3_bind_int64(st, 11, sources);
	sqlite3_bind_int64(st, 12, (sqlite3_int64)cs.n);
	db_text(st, 13, first, 1);
	db_text(st, 14, last, 1);
	sqlite3_bind_int64(st, 15, h[best].version);
	free(cs.c);
	if (revised > 0)
		sqlite3_bind_int64(st, 16, revised);
	else
		sqlite3_bind_null(st, 16);
	if (db_run(st) == -1)
		return -1;
	if ((dirty || changed || sqlite3_changes(m->db) > 0) &&
	    dirty_part(m, part) == -1)
		return -1;
	if (contribute(m, report, 1) == -1 || dirty_agency(m, agency) == -1)
		return -1;
	return 0;
}
