/*
 * dict.c: the dictionary of the data set (dictionary.tsv, gk.sqlite's
 * dictionary and check_kinds), made from the one schema (common/schema*.c),
 * its checks and the series crosswalk; never a copy of them.
 *
 * Rows (key, template, table_label, row_label, column_label, unit,
 * description):
 *   - every key of every form, in print order, with the labels the form
 *     prints and what the figure counts;
 *   - every key the store holds that no form lists (a legacy 统计表's own
 *     rows, keyed by their printed labels), labelled from the key;
 *   - every check (template "check"): the table it reads, what its
 *     location, expected and found fields hold, the rule in one sentence;
 *   - every series (template "series"): its label, and the keys that add
 *     up to it in each form.
 * Each run brings the table in step, writing only the rows that differ,
 * so a load that changes nothing else changes nothing here.
 */
#include <stdio.h>
#include <string.h>

#include "common/log.h"
#include "common/schema.h"
#include "dict.h"

#define ORD_FORM	1000000LL	/* a form's keys: its index * this + i */
#define ORD_UNLISTED	8000000LL
#define ORD_CHECK	9000000LL
#define ORD_SERIES	9500000LL

struct row {
	const char *key, *template, *table, *rowl, *coll, *unit, *desc;
	long long ord;
};

static int
put(sqlite3 *db, const struct row *r)
{
	static const char sql[] = "INSERT INTO temp.dict_want (metric, "
	    "template, table_label, row_label, column_label, unit, "
	    "description, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO "
	    "NOTHING";
	sqlite3_stmt *st = db_cached(db, sql);

	if (st == NULL)
		return -1;
	db_text(st, 1, r->key, 0);
	db_text(st, 2, r->template, 0);
	db_text(st, 3, r->table, 1);
	db_text(st, 4, r->rowl, 1);
	db_text(st, 5, r->coll, 1);
	db_text(st, 6, r->unit, 1);
	db_text(st, 7, r->desc, 1);
	sqlite3_bind_int64(st, 8, r->ord);
	return db_run(st);
}

static int
form_keys(sqlite3 *db)
{
	char rowl[1024], coll[1024], desc[1024];
	const struct gk_key *k;
	size_t i, n;
	int f;

	for (f = 0; gk_forms[f] != NULL; f++) {
		n = gk_form_nkeys(gk_forms[f]);
		for (i = 0; i < n; i++) {
			struct row r;

			k = gk_form_key(gk_forms[f], i);
			gk_key_row_label(k, rowl, sizeof(rowl));
			gk_key_col_label(k, coll, sizeof(coll));
			gk_key_desc(k, desc, sizeof(desc));
			r.key = k->key;
			r.template = gk_forms[f]->id;
			r.table = k->table->title;
			r.rowl = rowl;
			r.coll = coll;
			r.unit = k->col != NULL ? k->col->unit : k->row->unit;
			r.desc = desc;
			r.ord = (long long)f * ORD_FORM + (long long)i;
			if (put(db, &r) == -1)
				return -1;
		}
	}
	return 0;
}

/*
 * The keys of the store that no form lists: legacy.SECTION.ROW keyed by
 * the labels the report printed (its row label: SECTION / ROW), or a key
 * of one form in a report of another; the template of its first value.
 */
static int
unlisted_keys(sqlite3 *db)
{
	static const char keys_sql[] = "SELECT key_id, metric FROM metric_keys "
	    "ORDER BY key_id";
	static const char tmpl_sql[] = "SELECT v.template FROM metric_values m "
	    "JOIN versions v ON v.version = m.version WHERE m.key_id = ? "
	    "LIMIT 1";
	sqlite3_stmt *q, *t;
	char rowl[GK_KEY_MAX + 8], tmpl[32], desc[GK_KEY_MAX + 128];
	int rc;

	if ((q = db_prep(db, keys_sql)) == NULL)
		return -1;
	if ((t = db_prep(db, tmpl_sql)) == NULL) {
		sqlite3_finalize(q);
		return -1;
	}
	while ((rc = db_step(q)) == 1) {
		const char *key = db_col(q, 1), *dot;
		const struct gk_key *k = gk_key_lookup(key);
		struct row r;

		if (k != NULL && strcmp(db_col(q, 1), k->key) == 0) {
			/* a key of another form: that form's labels */
			char coll[1024], d[1024];

			sqlite3_bind_int64(t, 1, sqlite3_column_int64(q, 0));
			rc = db_step(t);
			snprintf(tmpl, sizeof(tmpl), "%s", rc == 1 ?
			    db_col(t, 0) : k->form->id);
			sqlite3_reset(t);
			if (rc == -1 || strcmp(tmpl, k->form->id) == 0 ||
			    gk_form_lookup(gk_form(tmpl), key) != NULL) {
				if (rc == -1)
					break;
				continue;	/* listed under its form */
			}
			gk_key_row_label(k, rowl, sizeof(rowl));
			gk_key_col_label(k, coll, sizeof(coll));
			gk_key_desc(k, d, sizeof(d));
			r.key = key;
			r.template = tmpl;
			r.table = k->table->title;
			r.rowl = rowl;
			r.coll = coll;
			r.unit = k->col != NULL ? k->col->unit : k->row->unit;
			r.desc = d;
			r.ord = ORD_UNLISTED + sqlite3_column_int64(q, 0);
			if (put(db, &r) == -1) {
				rc = -1;
				break;
			}
			continue;
		}
		sqlite3_bind_int64(t, 1, sqlite3_column_int64(q, 0));
		rc = db_step(t);
		snprintf(tmpl, sizeof(tmpl), "%s", rc == 1 ? db_col(t, 0) :
		    strncmp(key, "legacy.", 7) == 0 ? "legacy" : "");
		sqlite3_reset(t);
		if (rc == -1)
			break;
		if (strncmp(key, "legacy.", 7) == 0) {
			const char *sec = key + 7;

			if ((dot = strchr(sec, '.')) != NULL)
				snprintf(rowl, sizeof(rowl), "%.*s / %s",
				    (int)(dot - sec), sec, dot + 1);
			else
				snprintf(rowl, sizeof(rowl), "%s", sec);
			snprintf(desc, sizeof(desc), "A row of the legacy "
			    "统计表 keyed by the labels the report printed: %s.",
			    rowl);
		} else {
			rowl[0] = '\0';
			snprintf(desc, sizeof(desc), "A key no form of "
			    "common/schema lists.");
		}
		r.key = key;
		r.template = tmpl[0] != '\0' ? tmpl : "unknown";
		r.table = NULL;
		if (strncmp(key, "legacy.", 7) == 0 && gk_form("legacy") !=
		    NULL && gk_form("legacy")->ntables > 0)
			r.table = gk_form("legacy")->tables[0].title;
		r.rowl = rowl;
		r.coll = NULL;
		r.unit = NULL;
		r.desc = desc;
		r.ord = ORD_UNLISTED + sqlite3_column_int64(q, 0);
		if (put(db, &r) == -1) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(q);
	sqlite3_finalize(t);
	return rc == -1 ? -1 : 0;
}

static int
checks(sqlite3 *db, long long *changed)
{
	static const char kind_sql[] = "INSERT INTO check_kinds (check_name, "
	    "description) VALUES (?1, ?2) ON CONFLICT (check_name) DO UPDATE "
	    "SET description = ?2 WHERE description IS NOT ?2";
	const struct gk_check *c;
	char coll[512];
	long long ord = ORD_CHECK;

	for (c = gk_checks; c->name != NULL; c++) {
		struct row r;
		sqlite3_stmt *st;

		snprintf(coll, sizeof(coll), "expected: %s; found: %s",
		    c->expected, c->found);
		r.key = c->name;
		r.template = "check";
		r.table = c->table;
		r.rowl = c->where;
		r.coll = coll;
		r.unit = NULL;
		r.desc = c->sentence;
		r.ord = ord++;
		if (put(db, &r) == -1 || (st = db_cached(db, kind_sql)) ==
		    NULL)
			return -1;
		db_text(st, 1, c->name, 0);
		db_text(st, 2, c->sentence, 0);
		if (db_run(st) == -1)
			return -1;
		*changed += sqlite3_changes(db);
	}
	return 0;
}

/* One row per series: its label, what it counts, its keys per form. */
static int
series(sqlite3 *db, const struct crosswalk *cw)
{
	char desc[4096];
	size_t i, j, len;
	int k;

	for (i = 0; cw != NULL && i < cw->n; i++) {
		const struct series_def *s = &cw->s[i];
		struct row r;

		for (j = 0; j < i; j++)
			if (strcmp(cw->s[j].series, s->series) == 0)
				break;
		if (j < i)
			continue;	/* written with its first line */
		len = (size_t)snprintf(desc, sizeof(desc), "%s", s->description);
		for (j = i; j < cw->n && len < sizeof(desc); j++) {
			if (strcmp(cw->s[j].series, s->series) != 0)
				continue;
			len += (size_t)snprintf(desc + len, sizeof(desc) - len,
			    " %s:", cw->s[j].template);
			for (k = 0; k < cw->s[j].nkey && len < sizeof(desc);
			    k++)
				len += (size_t)snprintf(desc + len,
				    sizeof(desc) - len, "%s%s", k ? " + " : " ",
				    cw->s[j].key[k]);
			if (len < sizeof(desc))
				len += (size_t)snprintf(desc + len,
				    sizeof(desc) - len, ";");
		}
		if (len >= sizeof(desc))
			desc[sizeof(desc) - 1] = '\0';
		else if (len > 0 && desc[len - 1] == ';')
			desc[len - 1] = '.';
		r.key = s->series;
		r.template = "series";
		r.table = NULL;
		r.rowl = s->label;
		r.coll = NULL;
		r.unit = NULL;
		r.desc = desc;
		r.ord = ORD_SERIES + (long long)i;
		if (put(db, &r) == -1)
			return -1;
	}
	return 0;
}

int
dict_sync(sqlite3 *db, const struct crosswalk *cw)
{
	sqlite3_int64 mine;
	long long changed = 0;

	if (db_exec(db, "CREATE TEMP TABLE IF NOT EXISTS dict_want ("
	    "metric TEXT NOT NULL, template TEXT NOT NULL, table_label TEXT, "
	    "row_label TEXT, column_label TEXT, unit TEXT, description TEXT, "
	    "ord INTEGER, PRIMARY KEY (metric, template)); "
	    "DELETE FROM temp.dict_want") == -1)
		return -1;
	if (form_keys(db) == -1 || unlisted_keys(db) == -1 ||
	    checks(db, &changed) == -1 || series(db, cw) == -1)
		return -1;
	mine = sqlite3_total_changes64(db);
	if (db_exec(db, "INSERT INTO main.dictionary (metric, template, "
	    "table_label, row_label, column_label, unit, description, ord) "
	    "SELECT w.metric, w.template, w.table_label, w.row_label, "
	    "w.column_label, w.unit, w.description, w.ord FROM temp.dict_want "
	    "w LEFT JOIN main.dictionary d ON d.metric = w.metric AND "
	    "d.template = w.template WHERE d.metric IS NULL OR d.table_label "
	    "IS NOT w.table_label OR d.row_label IS NOT w.row_label OR "
	    "d.column_label IS NOT w.column_label OR d.unit IS NOT w.unit OR "
	    "d.description IS NOT w.description OR d.ord IS NOT w.ord "
	    "ON CONFLICT (metric, template) DO UPDATE SET table_label = "
	    "excluded.table_label, row_label = excluded.row_label, "
	    "column_label = excluded.column_label, unit = excluded.unit, "
	    "description = excluded.description, ord = excluded.ord; "
	    "DELETE FROM main.dictionary WHERE NOT EXISTS (SELECT 1 FROM "
	    "temp.dict_want w WHERE w.metric = dictionary.metric AND "
	    "w.template = dictionary.template); "
	    "DELETE FROM main.check_kinds WHERE NOT EXISTS (SELECT 1 FROM "
	    "temp.dict_want w WHERE w.template = 'check' AND w.metric = "
	    "check_kinds.check_name)") == -1)
		return -1;
	/* the check_kinds writes count, the temporary table's do not */
	return changed > 0 || sqlite3_total_changes64(db) != mine ? 1 : 0;
}
