/*
 * merge.c: documents, listings, errors and copies into the store
 * (merge.h).  Every write is made only when it changes something, so
 * that loading a stream the store already holds changes nothing at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/hash.h"
#include "common/log.h"
#include "common/progress.h"
#include "changes.h"
#include "crash.h"
#include "dict.h"
#include "merge.h"

#define COPY_MAX_VALUES 20000	/* metric records of one copy */
#define COPY_MAX_CHECKS 5000

/* One value of a copy as staged. */
struct val {
	char *key, *value, *unit, *raw, *flags, *doc;
	char *at[5];		/* seq table row col page */
	long seq;
};

struct chk {
	char *name, *location, *expected, *found, *message;
};

/* A copy: a report page as the transform read it. */
struct copy {
	char id[65], page[4096], printed[AGENCY_MAX], year[8], template[40];
	char source[65], title[1024], published[64];
	char canon[AGENCY_MAX], key[AGENCY_MAX];
	char sha[GK_SHA256_HEX], url[4096], fp[GK_SHA256_HEX];
	struct val *v;
	size_t nv;
	struct chk *c;
	size_t nc;
	char **mem;		/* every string, to free */
	size_t nmem, capmem;
};

int
merge_dirty(struct merge *m, const char *report)
{
	static const char sql[] = "INSERT OR IGNORE INTO temp.dirty_reports "
	    "VALUES (?)";
	sqlite3_stmt *st;

	if (report == NULL || *report == '\0')
		return 0;
	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	return db_run(st);
}

/* The reports whose copies a page's documents belong to are dirty. */
static int
dirty_page(struct merge *m, const char *page)
{
	static const char sql[] = "INSERT OR IGNORE INTO temp.dirty_reports "
	    "SELECT report FROM copies WHERE page = ? AND report IS NOT NULL";
	sqlite3_stmt *st;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, page, 0);
	return db_run(st);
}

/* ---- documents ---- */

static int
merge_docs(struct merge *m)
{
	static const char old_sql[] = "SELECT page FROM documents WHERE "
	    "doc = ?";
	static const char up_sql[] = "INSERT INTO documents (doc, url, page, "
	    "sha256, doc_type, bytes, title, printed_agency, published, "
	    "first_seen, last_seen, first_run) VALUES (?1, ?2, ?3, ?5, ?6, "
	    "?7, ?8, ?9, ?10, ?11, ?11, ?12) ON CONFLICT (doc) DO UPDATE SET "
	    "url = ?2, page = ?3, sha256 = COALESCE(?5, sha256), "
	    "doc_type = COALESCE(?6, doc_type), bytes = COALESCE(?7, bytes), "
	    "title = COALESCE(?8, title), printed_agency = COALESCE(?9, "
	    "printed_agency), published = COALESCE(?10, published), "
	    "first_seen = MIN(COALESCE(first_seen, ?11), COALESCE(?11, "
	    "first_seen)), last_seen = MAX(COALESCE(last_seen, ?11), "
	    "COALESCE(?11, last_seen)) WHERE url IS NOT ?2 OR page IS NOT ?3 "
	    "OR (?5 IS NOT NULL AND sha256 IS NOT ?5) OR "
	    "(?6 IS NOT NULL AND doc_type IS NOT ?6) OR (?7 IS NOT NULL AND "
	    "bytes IS NOT ?7) OR (?8 IS NOT NULL AND title IS NOT ?8) OR (?9 "
	    "IS NOT NULL AND printed_agency IS NOT ?9) OR (?10 IS NOT NULL AND "
	    "published IS NOT ?10) OR (?11 IS NOT NULL AND (first_seen IS NULL "
	    "OR ?11 < first_seen OR last_seen IS NULL OR ?11 > last_seen))";
	sqlite3_stmt *q, *old, *up;
	char canon[AGENCY_MAX], key[AGENCY_MAX];
	int rc;

	q = db_prep(m->stage, "SELECT doc, url, page, sha256, bytes, "
	    "doc_type, title, agency, published, fetched FROM s_doc WHERE seq "
	    "IN (SELECT MAX(seq) FROM s_doc GROUP BY doc) ORDER BY seq");
	if (q == NULL || (old = db_cached(m->db, old_sql)) == NULL ||
	    (up = db_cached(m->db, up_sql)) == NULL) {
		sqlite3_finalize(q);
		return -1;
	}
	while ((rc = db_step(q)) == 1) {
		const char *page = *db_col(q, 2) ? db_col(q, 2) : db_col(q, 1);

		if (agency_resolve(m->db, m->ac, db_col(q, 7), "document",
		    canon, key) == -1)
			break;
		db_text(old, 1, db_col(q, 0), 0);
		if ((rc = db_step(old)) == 1 && strcmp(db_col(old, 0), page) !=
		    0 && dirty_page(m, db_col(old, 0)) == -1)
			rc = -1;
		sqlite3_reset(old);
		if (rc == -1)
			break;
		db_text(up, 1, db_col(q, 0), 0);
		db_text(up, 2, db_col(q, 1), 0);
		db_text(up, 3, page, 0);
		db_text(up, 5, db_col(q, 3), 1);
		db_text(up, 6, db_col(q, 5), 1);
		db_number(up, 7, db_col(q, 4));
		db_text(up, 8, db_col(q, 6), 1);
		db_text(up, 9, db_col(q, 7), 1);
		db_text(up, 10, db_col(q, 8), 1);
		db_text(up, 11, db_col(q, 9), 1);
		sqlite3_bind_int64(up, 12, m->run);
		if ((rc = db_run(up)) == -1)
			break;
		if (sqlite3_changes(m->db) > 0) {
			m->whole = 1;
			if (dirty_page(m, page) == -1) {
				rc = -1;
				break;
			}
		}
	}
	sqlite3_finalize(q);
	return rc;
}

/* ---- listings: the report columns gk-fetch walked, and whose ---- */

static int
merge_listings(struct merge *m)
{
	static const char sql[] = "INSERT INTO listings (url, agency, "
	    "first_run, last_run) VALUES (?1, ?2, ?3, ?3) ON CONFLICT (url) "
	    "DO UPDATE SET agency = ?2 WHERE agency IS NOT ?2";
	sqlite3_stmt *q, *up;
	char canon[AGENCY_MAX], key[AGENCY_MAX];
	int rc;

	q = db_prep(m->stage, "SELECT url, agency FROM s_listing WHERE seq IN "
	    "(SELECT MAX(seq) FROM s_listing GROUP BY url) ORDER BY seq");
	if (q == NULL || (up = db_cached(m->db, sql)) == NULL) {
		sqlite3_finalize(q);
		return -1;
	}
	while ((rc = db_step(q)) == 1) {
		if (agency_resolve(m->db, m->ac, db_col(q, 1), "listing", canon,
		    key) == -1) {
			rc = -1;
			break;
		}
		db_text(up, 1, db_col(q, 0), 0);
		db_text(up, 2, canon, 1);
		sqlite3_bind_int64(up, 3, m->run);
		if ((rc = db_run(up)) == -1)
			break;
		if (sqlite3_changes(m->db) > 0)
			m->whole = 1;
	}
	sqlite3_finalize(q);
	return rc;
}

/* ---- errors: by document and code, with when they were first seen ---- */

/*
 * A report page that now answers with an error (gone: 404, 410 …) while
 * its report is kept: a "gone from the site" row of changes.tsv for each
 * report the page holds, the page's URL as old, the error as new.  The
 * report stays in the data set (a night never loses one); the row says
 * when the site stopped giving it.  0 or -1.
 */
static int
page_gone(struct merge *m, const char *doc, const char *message)
{
	static const char sql[] = "SELECT DISTINCT r.report, r.agency, "
	    "r.year, d.url FROM documents d JOIN copies c ON c.page = d.url "
	    "AND c.gone_run IS NULL JOIN reports r ON r.report = c.report "
	    "WHERE d.doc = ?1 AND d.url = d.page ORDER BY r.report";
	sqlite3_stmt *st;
	int rc;

	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, doc, 0);
	while ((rc = db_step(st)) == 1)
		if (changes_add(m, db_col(st, 0), db_col(st, 1),
		    sqlite3_column_int64(st, 2), "gone from the site", NULL,
		    db_col(st, 3), message) == -1) {
			rc = -1;
			break;
		}
	sqlite3_reset(st);
	return rc == -1 ? -1 : 0;
}

static int
merge_errors(struct merge *m)
{
	static const char up_sql[] = "INSERT INTO errors (doc, code, url, "
	    "page, sha256, stage, message, first_seen, last_seen, first_run, "
	    "last_run) SELECT ?1, ?2, d.url, d.page, d.sha256, ?3, ?4, ?5, ?5, "
	    "?6, ?6 FROM (SELECT 1) LEFT JOIN documents d ON d.doc = ?1 WHERE "
	    "true ON CONFLICT (doc, code) DO UPDATE SET url = excluded.url, "
	    "page = excluded.page, sha256 = excluded.sha256, stage = "
	    "excluded.stage, message = excluded.message, last_seen = "
	    "MAX(last_seen, excluded.last_seen), last_run = excluded.last_run "
	    "WHERE url IS NOT excluded.url OR page IS NOT excluded.page OR "
	    "sha256 IS NOT excluded.sha256 OR stage IS NOT excluded.stage OR "
	    "message IS NOT excluded.message OR last_seen < excluded.last_seen";
	static const char has_sql[] = "SELECT 1 FROM errors WHERE doc = ? AND "
	    "code = ?";
	static const char seen_sql[] = "SELECT last_seen FROM documents "
	    "WHERE doc = ?";
	static const char del_sql[] = "DELETE FROM errors WHERE doc = ?1 AND "
	    "code NOT IN (SELECT value FROM json_each(?2))";
	sqlite3_stmt *docs, *errs, *up, *has, *seen, *del;
	char when[64], codes[8192];
	int rc;

	docs = db_prep(m->stage, "SELECT doc FROM s_doc UNION SELECT doc FROM "
	    "s_error ORDER BY 1");
	/* several errors of one code: one row, every message */
	errs = db_prep(m->stage, "SELECT code, (SELECT stage FROM s_error e "
	    "WHERE e.doc = ?1 AND e.code = s.code ORDER BY seq DESC LIMIT 1), "
	    "group_concat(message, '; ') FROM (SELECT * FROM s_error WHERE doc "
	    "= ?1 ORDER BY seq) s GROUP BY code ORDER BY MIN(seq)");
	if (docs == NULL || errs == NULL ||
	    (up = db_cached(m->db, up_sql)) == NULL ||
	    (has = db_cached(m->db, has_sql)) == NULL ||
	    (seen = db_cached(m->db, seen_sql)) == NULL ||
	    (del = db_cached(m->db, del_sql)) == NULL) {
		sqlite3_finalize(docs);
		sqlite3_finalize(errs);
		return -1;
	}
	while ((rc = db_step(docs)) == 1) {
		const char *doc = db_col(docs, 0);
		size_t nc = 0;

		/* when: the document's fetch time, else the run's */
		db_text(seen, 1, doc, 0);
		if ((rc = db_step(seen)) == 1 && *db_col(seen, 0))
			snprintf(when, sizeof(when), "%s", db_col(seen, 0));
		else
			snprintf(when, sizeof(when), "%s", m->now);
		sqlite3_reset(seen);
		if (rc == -1)
			break;
		snprintf(codes, sizeof(codes), "[");
		db_text(errs, 1, doc, 0);
		while ((rc = db_step(errs)) == 1) {
			const char *code = db_col(errs, 0);

			nc += strlen(code) + 4;
			if (nc < sizeof(codes) - 2)
				snprintf(codes + strlen(codes), sizeof(codes) -
				    strlen(codes), "%s\"%s\"", codes[1] ? "," :
				    "", code);
			db_text(has, 1, doc, 0);
			db_text(has, 2, code, 0);
			if ((rc = db_step(has)) == 0)
				m->new_errors++;
			sqlite3_reset(has);
			if (rc == 0 && strcmp(code, "http") == 0 &&
			    page_gone(m, doc, db_col(errs, 2)) == -1)
				rc = -1;
			if (rc == -1)
				break;
			db_text(up, 1, doc, 0);
			db_text(up, 2, code, 0);
			db_text(up, 3, db_col(errs, 1), 0);
			db_text(up, 4, db_col(errs, 2), 0);
			db_text(up, 5, when, 0);
			sqlite3_bind_int64(up, 6, m->run);
			if ((rc = db_run(up)) == -1)
				break;
			if (sqlite3_changes(m->db) > 0)
				m->whole = 1;
		}
		sqlite3_reset(errs);
		if (rc == -1)
			break;
		/* the document came again: its other errors are gone */
		strcat(codes, "]");
		db_text(del, 1, doc, 0);
		db_text(del, 2, codes, 0);
		if ((rc = db_run(del)) == -1)
			break;
		if (sqlite3_changes(m->db) > 0)
			m->whole = 1;
	}
	sqlite3_finalize(docs);
	sqlite3_finalize(errs);
	return rc;
}

/* ---- copies ---- */

static char *
keep(struct copy *c, const char *s)
{
	char *p;

	if (c->nmem == c->capmem) {
		size_t cap = c->capmem ? c->capmem * 2 : 1024;
		char **a = realloc(c->mem, cap * sizeof(*a));

		if (a == NULL)
			return NULL;
		c->mem = a;
		c->capmem = cap;
	}
	if ((p = strdup(s)) == NULL)
		return NULL;
	c->mem[c->nmem++] = p;
	return p;
}

static void
copy_free(struct copy *c)
{
	size_t i;

	for (i = 0; i < c->nmem; i++)
		free(c->mem[i]);
	free(c->mem);
	free(c->v);
	free(c->c);
	c->mem = NULL;
	c->v = NULL;
	c->c = NULL;
	c->nmem = c->capmem = c->nv = c->nc = 0;
}

/* The staged values and checks of c. 0, 1 when over a limit, -1. */
static int
copy_values(struct merge *m, struct copy *c)
{
	sqlite3_stmt *q;
	size_t cap = 0, i;
	int rc;

	q = db_prep(m->stage, "SELECT metric, value, unit, raw, flags, doc, "
	    "at_seq, at_table, at_row, at_col, at_page, seq FROM s_metric "
	    "WHERE copy = ? ORDER BY seq");
	if (q == NULL)
		return -1;
	db_text(q, 1, c->id, 0);
	while ((rc = db_step(q)) == 1) {
		struct val *v;

		if (c->nv == COPY_MAX_VALUES) {
			sqlite3_finalize(q);
			return 1;
		}
		if (c->nv == cap) {
			cap = cap ? cap * 2 : 256;
			if ((v = realloc(c->v, cap * sizeof(*v))) == NULL)
				goto nomem;
			c->v = v;
		}
		v = &c->v[c->nv++];
		if ((v->key = keep(c, db_col(q, 0))) == NULL ||
		    (v->value = keep(c, db_col(q, 1))) == NULL ||
		    (v->unit = keep(c, db_col(q, 2))) == NULL ||
		    (v->raw = keep(c, db_col(q, 3))) == NULL ||
		    (v->flags = keep(c, db_col(q, 4))) == NULL ||
		    (v->doc = keep(c, db_col(q, 5))) == NULL)
			goto nomem;
		for (i = 0; i < 5; i++)
			if ((v->at[i] = keep(c, db_col(q, 6 + (int)i))) == NULL)
				goto nomem;
		v->seq = (long)sqlite3_column_int64(q, 11);
	}
	sqlite3_finalize(q);
	if (rc == -1)
		return -1;
	q = db_prep(m->stage, "SELECT name, location, expected, found, "
	    "message FROM s_check WHERE copy = ? ORDER BY seq");
	if (q == NULL)
		return -1;
	db_text(q, 1, c->id, 0);
	cap = 0;
	while ((rc = db_step(q)) == 1) {
		struct chk *k;

		if (c->nc == COPY_MAX_CHECKS) {
			sqlite3_finalize(q);
			return 1;
		}
		if (c->nc == cap) {
			cap = cap ? cap * 2 : 64;
			if ((k = realloc(c->c, cap * sizeof(*k))) == NULL)
				goto nomem;
			c->c = k;
		}
		k = &c->c[c->nc++];
		if ((k->name = keep(c, db_col(q, 0))) == NULL ||
		    (k->location = keep(c, db_col(q, 1))) == NULL ||
		    (k->expected = keep(c, db_col(q, 2))) == NULL ||
		    (k->found = keep(c, db_col(q, 3))) == NULL ||
		    (k->message = keep(c, db_col(q, 4))) == NULL)
			goto nomem;
	}
	sqlite3_finalize(q);
	return rc == -1 ? -1 : 0;
nomem:
	sqlite3_finalize(q);
	gk_warn(c->id, "out of memory");
	return -1;
}

static int
cmp_val(const void *pa, const void *pb)
{
	const struct val *a = *(const struct val *const *)pa;
	const struct val *b = *(const struct val *const *)pb;
	int r = strcmp(a->key, b->key);

	if (r != 0)
		return r;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* What a value is, for the fingerprint: "" a number, b blank, n text. */
static const char *
state(const struct val *v)
{
	if (strstr(v->flags, "not_a_number") != NULL)
		return "n";
	return v->value[0] == '\0' ? "b" : "";
}

/* The fingerprint: the template and every key with its value. */
static int
fingerprint(struct copy *c)
{
	struct gk_sha256 *h;
	const struct val **s;
	size_t i;

	if ((h = gk_sha256_new()) == NULL ||
	    (s = malloc((c->nv + 1) * sizeof(*s))) == NULL) {
		if (h != NULL)
			gk_sha256_end(h, c->fp);
		gk_warn(c->id, "out of memory");
		return -1;
	}
	for (i = 0; i < c->nv; i++)
		s[i] = &c->v[i];
	qsort(s, c->nv, sizeof(*s), cmp_val);
	gk_sha256_add(h, c->template, strlen(c->template));
	gk_sha256_add(h, "\n", 1);
	for (i = 0; i < c->nv; i++) {
		const char *st = state(s[i]);

		gk_sha256_add(h, s[i]->key, strlen(s[i]->key));
		gk_sha256_add(h, "\t", 1);
		gk_sha256_add(h, s[i]->value, strlen(s[i]->value));
		gk_sha256_add(h, "\t", 1);
		gk_sha256_add(h, st, strlen(st));
		gk_sha256_add(h, "\n", 1);
	}
	gk_sha256_end(h, c->fp);
	free(s);
	return 0;
}

/* 16 hex digits of the SHA-256 of s. */
static void
id_of(const char *s, char out[17])
{
	char hex[GK_SHA256_HEX];

	gk_sha256_hex(s, strlen(s), hex);
	memcpy(out, hex, 16);
	out[16] = '\0';
}

/*
 * Do c's values and those of version agree well enough to be two copies
 * of one document?  Over the figures both give as numbers, leaving out
 * those both give as 0: at least half the same.  Forms that differ never
 * agree.  1, 0 or -1.
 */
static int
similar(struct merge *m, long long version, const struct copy *c)
{
	static const char tmpl_sql[] = "SELECT template FROM versions WHERE "
	    "version = ?";
	static const char val_sql[] = "SELECT m.value FROM metric_values m "
	    "JOIN metric_keys k ON k.key_id = m.key_id WHERE m.version = ?1 "
	    "AND k.metric = ?2 AND m.value IS NOT NULL ORDER BY m.ord LIMIT 1";
	sqlite3_stmt *t, *q;
	size_t i, n = 0, agree = 0;
	int rc;

	if ((t = db_cached(m->db, tmpl_sql)) == NULL ||
	    (q = db_cached(m->db, val_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(t, 1, version);
	if ((rc = db_step(t)) == 1 && strcmp(db_col(t, 0), c->template) != 0)
		rc = 2;
	sqlite3_reset(t);
	if (rc != 1)
		return rc == 2 ? 0 : -1;
	for (i = 0; i < c->nv; i++) {
		double a, b;

		if (c->v[i].value[0] == '\0')
			continue;
		sqlite3_bind_int64(q, 1, version);
		db_text(q, 2, c->v[i].key, 0);
		if ((rc = db_step(q)) == -1)
			return -1;
		if (rc == 1) {
			a = strtod(c->v[i].value, NULL);
			b = sqlite3_column_double(q, 0);
			if (a != 0 || b != 0) {
				n++;
				agree += a == b;
			}
		}
		sqlite3_reset(q);
	}
	return n == 0 || agree * 2 >= n;
}

static long long
key_id(struct merge *m, const char *metric)
{
	static const char get_sql[] = "SELECT key_id FROM metric_keys WHERE "
	    "metric = ?";
	static const char ins_sql[] = "INSERT INTO metric_keys (metric) "
	    "VALUES (?)";
	sqlite3_stmt *st;
	long long id = -1;
	int rc;

	if ((st = db_cached(m->db, get_sql)) == NULL)
		return -1;
	db_text(st, 1, metric, 0);
	if ((rc = db_step(st)) == 1)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != 0)
		return rc == 1 ? id : -1;
	if ((st = db_cached(m->db, ins_sql)) == NULL)
		return -1;
	db_text(st, 1, metric, 0);
	if (db_run(st) == -1)
		return -1;
	return sqlite3_last_insert_rowid(m->db);
}

/* The version of report that holds c's values, made when new. */
static long long
version_of(struct merge *m, const char *report, struct copy *c)
{
	static const char get_sql[] = "SELECT version FROM versions WHERE "
	    "report = ? AND fingerprint = ?";
	static const char ver_sql[] = "INSERT INTO versions (version, report, "
	    "fingerprint, template, source_doc, source_url, sha256, page, "
	    "first_run, n_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	static const char val_sql[] = "INSERT INTO metric_values (version, "
	    "ord, key_id, value, unit, raw, flags, doc, seq, cell_table, "
	    "cell_row, cell_col, pdf_page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?)";
	static const char chk_sql[] = "INSERT INTO version_checks (version, "
	    "ord, check_name, location, expected, found, message) VALUES (?, "
	    "?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	long long v = -1, k;
	size_t i;
	int rc, j;

	if ((st = db_cached(m->db, get_sql)) == NULL)
		return -1;
	db_text(st, 1, report, 0);
	db_text(st, 2, c->fp, 0);
	if ((rc = db_step(st)) == 1)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != 0)
		return rc == 1 ? v : -1;

	v = m->next_version++;
	if ((st = db_cached(m->db, ver_sql)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, v);
	db_text(st, 2, report, 0);
	db_text(st, 3, c->fp, 0);
	db_text(st, 4, c->template, 1);
	db_text(st, 5, c->source, 1);
	db_text(st, 6, c->url, 1);
	db_text(st, 7, c->sha, 1);
	db_text(st, 8, c->page, 1);
	sqlite3_bind_int64(st, 9, m->run);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)c->nv);
	if (db_run(st) == -1)
		return -1;
	for (i = 0; i < c->nv; i++) {
		const struct val *x = &c->v[i];

		if ((k = key_id(m, x->key)) == -1 ||
		    (st = db_cached(m->db, val_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, v);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		sqlite3_bind_int64(st, 3, k);
		db_number(st, 4, x->value);
		db_text(st, 5, x->unit, 1);
		db_text(st, 6, x->raw, 1);
		db_text(st, 7, x->flags, 1);
		db_text(st, 8, strcmp(x->doc, c->source) == 0 ? NULL : x->doc,
		    1);
		for (j = 0; j < 5; j++)
			db_number(st, 9 + j, x->at[j]);
		if (db_run(st) == -1)
			return -1;
	}
	for (i = 0; i < c->nc; i++) {
		const struct chk *x = &c->c[i];

		if ((st = db_cached(m->db, chk_sql)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, v);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		db_text(st, 3, x->name, 0);
		db_text(st, 4, x->location, 1);
		db_text(st, 5, x->expected, 1);
		db_text(st, 6, x->found, 1);
		db_text(st, 7, x->message, 1);
		if (db_run(st) == -1)
			return -1;
	}
	return v;
}

/* A new report: its row, with the partition it goes to. */
static int
new_report(struct merge *m, const char *id, const struct copy *c,
    long long version, int keyed)
{
	static const char sql[] = "INSERT INTO reports (report, agency, "
	    "printed_agency, year, template, version, first_run, name_key, "
	    "part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	char part[32];

	if (merge_part(m, keyed || c->year[0] ? c->year : NULL, part,
	    sizeof(part)) == -1 || (st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, id, 0);
	db_text(st, 2, c->canon, 1);
	db_text(st, 3, c->printed, 1);
	db_number(st, 4, c->year);
	db_text(st, 5, c->template, 1);
	sqlite3_bind_int64(st, 6, version);
	sqlite3_bind_int64(st, 7, m->run);
	db_text(st, 8, c->key, 1);
	db_text(st, 9, part, 0);
	if (db_run(st) == -1)
		return -1;
	m->new_reports++;
	m->whole = 1;
	return 0;
}

int
merge_part(struct merge *m, const char *year, char *part, size_t n)
{
	static const char sql[] = "SELECT COUNT(*) FROM reports WHERE part = ?";
	sqlite3_stmt *st;
	char base[16];
	int i, rc;
	long long cnt;

	snprintf(base, sizeof(base), "%s", year != NULL && *year ? year :
	    "unknown");
	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	for (i = 1; i < 10000; i++) {
		if (i == 1)
			snprintf(part, n, "%s", base);
		else
			snprintf(part, n, "%s_%02d", base, i);
		db_text(st, 1, part, 0);
		if ((rc = db_step(st)) != 1)
			return -1;
		cnt = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (cnt < PART_REPORTS)
			return 0;
	}
	gk_warn(base, "too many reports for one year");
	return -1;
}

/*
 * Which report c is a copy of (into id); *fresh when it is new.  See
 * merge.h: by agency and year, then by the values.
 */
static int
identify(struct merge *m, struct copy *c, const char *prev, char id[17],
    int *fresh)
{
	static const char cand_sql[] = "SELECT report, version FROM reports "
	    "WHERE name_key = ? AND year = ? ORDER BY report";
	static const char one_sql[] = "SELECT report, version FROM reports "
	    "WHERE report = ?";
	static const char fp_sql[] = "SELECT 1 FROM versions WHERE report = ? "
	    "AND fingerprint = ?";
	static const char others_sql[] = "SELECT COUNT(*) FROM copies WHERE "
	    "report = ? AND copy != ? AND gone_run IS NULL";
	struct { char report[17]; long long version; } cand[64];
	sqlite3_stmt *st;
	char buf[AGENCY_MAX + 128];
	int keyed = c->key[0] != '\0' && c->year[0] != '\0';
	int n = 0, i, rc, hit = -1;

	*fresh = 0;
	if (keyed) {
		snprintf(buf, sizeof(buf), "%s\t%s", c->key, c->year);
		st = db_cached(m->db, cand_sql);
		if (st == NULL)
			return -1;
		db_text(st, 1, c->key, 0);
		db_number(st, 2, c->year);
	} else {
		/* no agency or no year: one report per document */
		snprintf(buf, sizeof(buf), "\001%s", c->sha[0] ? c->sha :
		    c->fp);
		id_of(buf, id);
		if ((st = db_cached(m->db, one_sql)) == NULL)
			return -1;
		db_text(st, 1, id, 0);
	}
	while ((rc = db_step(st)) == 1 && n < 64) {
		snprintf(cand[n].report, sizeof(cand[n].report), "%s",
		    db_col(st, 0));
		cand[n++].version = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc == -1)
		return -1;
	if (!keyed) {
		if (n == 0)
			*fresh = 1;
		return 0;
	}
	/* the same values as a version a report already has */
	if ((st = db_cached(m->db, fp_sql)) == NULL)
		return -1;
	for (i = 0; i < n && hit == -1; i++) {
		db_text(st, 1, cand[i].report, 0);
		db_text(st, 2, c->fp, 0);
		if ((rc = db_step(st)) == -1)
			return -1;
		sqlite3_reset(st);
		if (rc == 1 && (hit == -1 || strcmp(cand[i].report, prev) == 0))
			hit = i;
	}
	/* the report it was a copy of, when nothing else holds it or the
	 * values still agree (a revision) */
	for (i = 0; i < n && hit == -1; i++) {
		if (strcmp(cand[i].report, prev) != 0)
			continue;
		if ((st = db_cached(m->db, others_sql)) == NULL)
			return -1;
		db_text(st, 1, prev, 0);
		db_text(st, 2, c->id, 0);
		if ((rc = db_step(st)) != 1)
			return -1;
		rc = sqlite3_column_int64(st, 0) == 0;
		sqlite3_reset(st);
		if (!rc && (rc = similar(m, cand[i].version, c)) == -1)
			return -1;
		if (rc)
			hit = i;
	}
	for (i = 0; i < n && hit == -1; i++) {
		if ((rc = similar(m, cand[i].version, c)) == -1)
			return -1;
		if (rc)
			hit = i;
	}
	if (hit >= 0) {
		memcpy(id, cand[hit].report, 17);
		return 0;
	}
	if (n == 0) {
		id_of(buf, id);
		*fresh = 1;
		return 0;
	}
	/* another document claiming the same agency and year */
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "\t%s",
	    c->sha[0] ? c->sha : c->fp);
	id_of(buf, id);
	for (i = 0; i < n; i++) {
		if (strcmp(cand[i].report, id) == 0)
			return 0;
		if (merge_dirty(m, cand[i].report) == -1)
			return -1;
	}
	*fresh = 1;
	return 0;
}

/* Put c (its values known) into the store. */
static int
merge_copy(struct merge *m, struct copy *c)
{
	static const char prev_sql[] = "SELECT report, version, page, "
	    "printed_agency, year, template, source_doc, title, published, "
	    "gone_run FROM copies WHERE copy = ?";
	static const char src_sql[] = "SELECT sha256, url FROM documents "
	    "WHERE doc = ?";
	static const char up_sql[] = "INSERT INTO copies (copy, page, report, "
	    "version, printed_agency, year, template, source_doc, title, "
	    "published, first_run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "?10, ?11) ON CONFLICT (copy) DO UPDATE SET page = ?2, report = "
	    "?3, version = ?4, printed_agency = ?5, year = ?6, template = ?7, "
	    "source_doc = ?8, title = ?9, published = ?10, gone_run = NULL "
	    "WHERE page IS NOT ?2 OR report IS NOT ?3 OR version IS NOT ?4 OR "
	    "printed_agency IS NOT ?5 OR year IS NOT ?6 OR template IS NOT ?7 "
	    "OR source_doc IS NOT ?8 OR title IS NOT ?9 OR published IS NOT "
	    "?10 OR gone_run IS NOT NULL";
	sqlite3_stmt *st;
	char prev[17] = "", id[17];
	long long version;
	int rc, fresh;

	if ((st = db_cached(m->db, src_sql)) == NULL)
		return -1;
	db_text(st, 1, c->source, 0);
	if ((rc = db_step(st)) == 1) {
		snprintf(c->sha, sizeof(c->sha), "%s", db_col(st, 0));
		snprintf(c->url, sizeof(c->url), "%s", db_col(st, 1));
	}
	sqlite3_reset(st);
	if (rc == -1)
		return -1;
	if ((st = db_cached(m->db, prev_sql)) == NULL)
		return -1;
	db_text(st, 1, c->id, 0);
	if ((rc = db_step(st)) == 1)
		snprintf(prev, sizeof(prev), "%s", db_col(st, 0));
	sqlite3_reset(st);
	if (rc == -1)
		return -1;
	if (agency_resolve(m->db, m->ac, c->printed, "report", c->canon,
	    c->key) == -1 || fingerprint(c) == -1 ||
	    identify(m, c, prev, id, &fresh) == -1)
		return -1;
	if (fresh) {
		/* the row first (version 0), then the version */
		if (new_report(m, id, c, 0, c->key[0] && c->year[0]) == -1)
			return -1;
	}
	if ((version = version_of(m, id, c)) == -1)
		return -1;
	if ((st = db_cached(m->db, up_sql)) == NULL)
		return -1;
	db_text(st, 1, c->id, 0);
	db_text(st, 2, c->page, 1);
	db_text(st, 3, id, 0);
	sqlite3_bind_int64(st, 4, version);
	db_text(st, 5, c->printed, 1);
	db_number(st, 6, c->year);
	db_text(st, 7, c->template, 1);
	db_text(st, 8, c->source, 1);
	db_text(st, 9, c->title, 1);
	db_text(st, 10, c->published, 1);
	sqlite3_bind_int64(st, 11, m->run);
	if (db_run(st) == -1)
		return -1;
	if (sqlite3_changes(m->db) > 0 || fresh) {
		if (merge_dirty(m, id) == -1 ||
		    (strcmp(prev, id) != 0 && merge_dirty(m, prev) == -1))
			return -1;
	}
	m->copies++;
	return 0;
}

/* A copy that cannot be loaded: an error of its document. */
static int
refuse_copy(struct merge *m, const struct copy *c, const char *code,
    const char *msg)
{
	static const char sql[] = "INSERT INTO errors (doc, code, url, page, "
	    "sha256, stage, message, first_seen, last_seen, first_run, "
	    "last_run) VALUES (?1, ?2, ?3, ?4, NULL, 'load', ?5, ?6, ?6, ?7, "
	    "?7) ON CONFLICT (doc, code) DO UPDATE SET message = ?5, last_run "
	    "= ?7 WHERE message IS NOT ?5";
	static const char has_sql[] = "SELECT 1 FROM errors WHERE doc = ? AND "
	    "code = ?";
	const char *doc = c->source[0] ? c->source : c->id;
	sqlite3_stmt *st;
	int rc;

	gk_warn(c->id, "%s", msg);
	/* a night fails (exit 1) on a refusal not known from before */
	if ((st = db_cached(m->db, has_sql)) == NULL)
		return -1;
	db_text(st, 1, doc, 0);
	db_text(st, 2, code, 0);
	if ((rc = db_step(st)) == -1)
		return -1;
	sqlite3_reset(st);
	if (rc == 0)
		m->refused++;
	if ((st = db_cached(m->db, sql)) == NULL)
		return -1;
	db_text(st, 1, doc, 0);
	db_text(st, 2, code, 0);
	db_text(st, 3, c->page, 1);
	db_text(st, 4, c->page, 1);
	db_text(st, 5, msg, 0);
	db_text(st, 6, m->now, 0);
	sqlite3_bind_int64(st, 7, m->run);
	m->whole = 1;
	return db_run(st);
}

static int
merge_copies(struct merge *m)
{
	sqlite3_stmt *q;
	struct copy *c;
	unsigned long done = 0, total;
	int rc;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		gk_warn(NULL, "out of memory");
		return -1;
	}
	total = (unsigned long)db_int(m->stage, "SELECT COUNT(DISTINCT copy) "
	    "FROM s_report", 0);
	q = db_prep(m->stage, "SELECT copy, page, agency, year, template, "
	    "source, title, published FROM s_report WHERE seq IN (SELECT "
	    "MAX(seq) FROM s_report GROUP BY copy) ORDER BY seq");
	if (q == NULL) {
		free(c);
		return -1;
	}
	while ((rc = db_step(q)) == 1) {
		snprintf(c->id, sizeof(c->id), "%s", db_col(q, 0));
		snprintf(c->page, sizeof(c->page), "%s", db_col(q, 1));
		snprintf(c->printed, sizeof(c->printed), "%s", db_col(q, 2));
		snprintf(c->year, sizeof(c->year), "%s", db_col(q, 3));
		snprintf(c->template, sizeof(c->template), "%s", db_col(q, 4));
		snprintf(c->source, sizeof(c->source), "%s", db_col(q, 5));
		snprintf(c->title, sizeof(c->title), "%s", db_col(q, 6));
		snprintf(c->published, sizeof(c->published), "%s",
		    db_col(q, 7));
		c->sha[0] = c->url[0] = '\0';
		if ((rc = copy_values(m, c)) == 1)
			rc = refuse_copy(m, c, "too_many", "more values or "
			    "checks than gk-load takes for one report (20000 "
			    "values, 5000 checks): not loaded");
		else if (rc == 0)
			rc = merge_copy(m, c);
		copy_free(c);
		if (rc == -1)
			break;
		if (++done % 16 == 1)
			crash_point("a copy merged");
		if (gk_progress_on() && done % 64 == 0)
			gk_progress_update(done, total, NULL);
	}
	sqlite3_finalize(q);
	free(c);
	return rc;
}

/* The reports next to each dirty one: the same agency and year (a
 * duplicate) and the year after (its carry_chain). */
static int
dirty_neighbours(struct merge *m)
{
	return db_exec(m->db, "DELETE FROM temp.touched_reports; INSERT INTO "
	    "temp.touched_reports SELECT report FROM temp.dirty_reports; "
	    "INSERT OR IGNORE INTO temp.dirty_reports "
	    "SELECT o.report FROM temp.dirty_reports d JOIN reports r ON "
	    "r.report = d.report JOIN reports o ON o.name_key = r.name_key AND "
	    "(o.year = r.year OR o.year = r.year + 1) WHERE r.name_key IS NOT "
	    "NULL");
}

int
merge_begin(sqlite3 *db)
{
	return db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS dirty_reports "
	    "(report TEXT PRIMARY KEY); CREATE TEMP TABLE IF NOT EXISTS "
	    "dirty_parts (part TEXT PRIMARY KEY); CREATE TEMP TABLE IF NOT "
	    "EXISTS dirty_agencies (agency TEXT PRIMARY KEY); CREATE TEMP "
	    "TABLE IF NOT EXISTS touched_reports (report TEXT PRIMARY KEY);");
}

int
merge_run(struct merge *m)
{
	sqlite3_stmt *q;
	unsigned long n = 0;
	int rc;

	m->next_version = db_int(m->db, "SELECT MAX(version) FROM versions",
	    0) + 1;
	if (m->next_version <= 0)
		return -1;
	gk_progress_detail("documents");
	if (merge_docs(m) == -1 || merge_listings(m) == -1 ||
	    merge_errors(m) == -1)
		return -1;
	gk_progress_detail("reports");
	if (merge_copies(m) == -1 || dirty_neighbours(m) == -1)
		return -1;
	gk_progress_detail("checks and series");
	if ((q = db_prep(m->db, "SELECT report FROM temp.dirty_reports ORDER "
	    "BY report")) == NULL)
		return -1;
	while ((rc = db_step(q)) == 1) {
		if (derive_report(m, db_col(q, 0)) == -1) {
			rc = -1;
			break;
		}
		n++;
	}
	sqlite3_finalize(q);
	if (rc == -1)
		return -1;
	gk_debug("%lu copies, %lu reports worked out again", m->copies, n);
	if (agency_parents(m->db, m->ac) == -1 || refresh_agencies(m) == -1 ||
	    (rc = dict_sync(m->db, m->cw)) == -1)
		return -1;
	m->dict = rc;
	return 0;
}
