/*
 * agency.c: canonical agency names (agency.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/rec.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/zh.h"
#include "agency.h"

struct alias {
	char key[AGENCY_MAX];		/* of the alias */
	char name[AGENCY_MAX];		/* the alias, white space folded */
	char canon[AGENCY_MAX];		/* as the table writes it */
};

struct known {
	char key[AGENCY_MAX];
	char name[AGENCY_MAX], level[32], parent[AGENCY_MAX], host[256];
	char column[1024];
};

struct agency_conf {
	struct alias *a;
	size_t na;
	struct known *k;
	size_t nk;
	char digest[GK_SHA256_HEX];
};

static size_t district_prefix(const char *);

static const char city[] = "青岛市";

/*
 * The key a name is matched by: NFKC, no white space, and no city name
 * before a district's (青岛市李沧区人民政府 and 李沧区人民政府 are one
 * agency; 青岛市市场监督管理局 keeps its city: 市场监 is no district).
 */
void
agency_key(const char *name, char *out, size_t n)
{
	char tmp[AGENCY_MAX * 2];
	size_t c = sizeof(city) - 1;

	zh_nfkc(name, tmp, sizeof(tmp));
	zh_squeeze(tmp, out, n);
	if (strncmp(out, city, c) == 0 && district_prefix(out + c) > 0)
		memmove(out, out + c, strlen(out + c) + 1);
}

static int
cmp_alias(const void *a, const void *b)
{
	return strcmp(((const struct alias *)a)->key,
	    ((const struct alias *)b)->key);
}

static int
cmp_known(const void *a, const void *b)
{
	return strcmp(((const struct known *)a)->key,
	    ((const struct known *)b)->key);
}

/* Read file's lines (comments and the header skipped) into fields. */
static int
read_table(const char *file, const char *header, int nf,
    int (*row)(struct agency_conf *, char **, int), struct agency_conf *c,
    struct gk_sha256 *h)
{
	char *line = NULL, *f[8];
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	FILE *fp;
	int n, rv = 0;

	if ((fp = fopen(file, "r")) == NULL) {
		gk_warn(file, "%s", strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		lineno++;
		gk_sha256_add(h, line, (size_t)len);
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if (strncmp(line, header, strlen(header)) == 0)
			continue;
		n = gk_split_tabs(line, f, nf);
		if (n < 2 || n > nf) {
			gk_warn(file, "line %lu: not %d tab-separated fields "
			    "(%s)", lineno, nf, header);
			rv = -1;
			break;
		}
		while (n < nf)
			f[n++] = "";
		if (row(c, f, nf) == -1) {
			gk_warn(file, "out of memory");
			rv = -1;
			break;
		}
	}
	free(line);
	fclose(fp);
	return rv;
}

static int
alias_row(struct agency_conf *c, char **f, int nf)
{
	struct alias *a;
	char fold[AGENCY_MAX];

	(void)nf;
	if ((a = realloc(c->a, (c->na + 1) * sizeof(*a))) == NULL)
		return -1;
	c->a = a;
	zh_fold(f[0], fold, sizeof(fold));
	snprintf(a[c->na].name, AGENCY_MAX, "%s", fold);
	agency_key(fold, a[c->na].key, AGENCY_MAX);
	zh_fold(f[1], a[c->na].canon, AGENCY_MAX);
	c->na++;
	return 0;
}

static int
known_row(struct agency_conf *c, char **f, int nf)
{
	struct known *k;

	(void)nf;
	if ((k = realloc(c->k, (c->nk + 1) * sizeof(*k))) == NULL)
		return -1;
	c->k = k;
	k += c->nk;
	memset(k, 0, sizeof(*k));
	zh_fold(f[0], k->name, sizeof(k->name));
	agency_key(k->name, k->key, sizeof(k->key));
	snprintf(k->level, sizeof(k->level), "%s", f[1]);
	zh_fold(f[2], k->parent, sizeof(k->parent));
	snprintf(k->host, sizeof(k->host), "%s", f[3]);
	snprintf(k->column, sizeof(k->column), "%s", f[4]);
	c->nk++;
	return 0;
}

struct agency_conf *
agency_conf_read(const char *aliases, const char *agencies)
{
	struct agency_conf *c;
	struct gk_sha256 *h;

	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (h = gk_sha256_new()) == NULL) {
		free(c);
		gk_warn(NULL, "out of memory");
		return NULL;
	}
	if ((aliases != NULL && read_table(aliases, "alias\t", 2, alias_row,
	    c, h) == -1) || (agencies != NULL && read_table(agencies,
	    "agency\t", 5, known_row, c, h) == -1)) {
		gk_sha256_end(h, c->digest);
		agency_conf_free(c);
		return NULL;
	}
	gk_sha256_end(h, c->digest);
	if (c->na > 1)
		qsort(c->a, c->na, sizeof(*c->a), cmp_alias);
	if (c->nk > 1)
		qsort(c->k, c->nk, sizeof(*c->k), cmp_known);
	return c;
}

void
agency_conf_free(struct agency_conf *c)
{
	if (c == NULL)
		return;
	free(c->a);
	free(c->k);
	free(c);
}

const char *
agency_conf_digest(const struct agency_conf *c)
{
	return c->digest;
}

/* bsearch by a key string: both structs start with their key. */
static int
cmp_key(const void *key, const void *elem)
{
	return strcmp(key, elem);
}

static const struct alias *
find_alias(const struct agency_conf *c, const char *key)
{
	return c->na == 0 ? NULL : bsearch(key, c->a, c->na, sizeof(*c->a),
	    cmp_key);
}

static const struct known *
find_known(const struct agency_conf *c, const char *key)
{
	return c->nk == 0 ? NULL : bsearch(key, c->k, c->nk, sizeof(*c->k),
	    cmp_key);
}

/* Does s end with suffix? */
static int
ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * The district a name starts with: the shortest prefix of two to seven
 * characters that ends in 区, 市 or 县 (市南区, 胶州市, 青岛西海岸新区);
 * its length in bytes, or 0.
 */
static size_t
district_prefix(const char *name)
{
	const char *p = name;
	unsigned cp;
	int n = 0;

	while ((cp = zh_next(&p)) != 0 && n < 8) {
		n++;
		if (n >= 3 && (cp == 0x533a || cp == 0x5e02 || cp == 0x53bf))
			return (size_t)(p - name);	/* 区 市 县 */
	}
	return 0;
}

/* The last character of s (its bytes: *len). */
static unsigned
last_char(const char *s, size_t n, size_t *len)
{
	const char *p = s, *prev = s;
	unsigned cp = 0;

	*len = 0;
	while (p < s + n) {
		prev = p;
		cp = zh_next(&p);
	}
	*len = (size_t)(p - prev);
	return cp;
}

void
agency_level(const char *name, char *level, size_t nl, char *parent,
    size_t np)
{
	static const char gov[] = "人民政府";
	size_t d, n = strlen(name), len;
	unsigned cp;

	*level = *parent = '\0';
	if (strcmp(name, "青岛市人民政府") == 0) {
		snprintf(level, nl, "city");
		return;
	}
	/* X区人民政府, X市人民政府, X县人民政府: a district or a county-level
	 * city; X镇人民政府: a town, under its district */
	if (ends(name, gov) && n > strlen(gov)) {
		cp = last_char(name, n - strlen(gov), &len);
		if (cp == 0x533a || cp == 0x5e02 || cp == 0x53bf) {
			snprintf(level, nl, "district");
			return;
		}
	}
	d = district_prefix(name);
	if (strncmp(name, city, strlen(city)) == 0 || d == 0) {
		/* 青岛市X局, and 市X局 printed without the city's name */
		if (strncmp(name, city, strlen(city)) == 0 ||
		    strncmp(name, "市", strlen("市")) == 0)
			snprintf(level, nl, "department");
		return;
	}
	snprintf(parent, np, "%.*s%s", (int)d, name, gov);
	if (strstr(name, "街道办事处") != NULL || ends(name, "镇人民政府") ||
	    ends(name, "街道"))
		snprintf(level, nl, "street");
	else
		snprintf(level, nl, "district_department");
}

/* The agency's row is worked out again at the end of the load. */
static int
touched(sqlite3 *db, const char *agency)
{
	static const char sql[] = "INSERT OR IGNORE INTO temp.dirty_agencies "
	    "VALUES (?)";
	sqlite3_stmt *st;

	if ((st = db_cached(db, sql)) == NULL)
		return -1;
	db_text(st, 1, agency, 0);
	return db_run(st);
}

static int
add_name(sqlite3 *db, const char *name, const char *agency,
    const char *seen_in)
{
	static const char sql[] = "INSERT INTO agency_names (name, agency, "
	    "seen_in) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
	    "agency = excluded.agency WHERE agency IS NOT excluded.agency";
	sqlite3_stmt *st;

	if ((st = db_cached(db, sql)) == NULL)
		return -1;
	db_text(st, 1, name, 0);
	db_text(st, 2, agency, 0);
	db_text(st, 3, seen_in, 0);
	if (db_run(st) == -1)
		return -1;
	return sqlite3_changes(db) > 0 ? touched(db, agency) : 0;
}

/*
 * The parent a name gives (agency_level: 城阳区人民政府) as the agency
 * column names that agency (青岛市城阳区人民政府): the config's name of
 * its key, else the store's, else the name as given.  0 or -1.
 */
static int
parent_name(sqlite3 *db, const struct agency_conf *c, char *parent,
    size_t n)
{
	static const char get[] = "SELECT agency FROM agencies WHERE "
	    "name_key = ?";
	const struct known *k;
	char key[AGENCY_MAX];
	sqlite3_stmt *st;
	int rc;

	if (*parent == '\0')
		return 0;
	agency_key(parent, key, sizeof(key));
	if ((k = find_known(c, key)) != NULL) {
		snprintf(parent, n, "%s", k->name);
		return 0;
	}
	if ((st = db_cached(db, get)) == NULL)
		return -1;
	db_text(st, 1, key, 0);
	if ((rc = db_step(st)) == 1)
		snprintf(parent, n, "%s", db_col(st, 0));
	sqlite3_reset(st);
	return rc == -1 ? -1 : 0;
}

/* The agency row of key, inserted when new; its name into canon. */
static int
add_agency(sqlite3 *db, const struct agency_conf *c, const char *key,
    const char *name, const char *seen_in, char *canon)
{
	static const char get[] = "SELECT agency FROM agencies WHERE "
	    "name_key = ?";
	static const char rekey[] = "UPDATE agencies SET name_key = ?1 WHERE "
	    "agency = ?2";
	static const char ins[] = "INSERT INTO agencies (agency, name_key, "
	    "level, parent, host, report_column, level_from, known_from) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	const struct known *k = find_known(c, key);
	char level[32], parent[AGENCY_MAX];
	int rc;

	if ((st = db_cached(db, get)) == NULL)
		return -1;
	db_text(st, 1, key, 0);
	if ((rc = db_step(st)) == 1)
		snprintf(canon, AGENCY_MAX, "%s", db_col(st, 0));
	sqlite3_reset(st);
	if (rc != 0)
		return rc == 1 ? 0 : -1;
	snprintf(canon, AGENCY_MAX, "%s", k != NULL ? k->name : name);
	/* a store written under an older key rule holds the name under
	 * another key: the row is that agency, its key made today's */
	if ((st = db_cached(db, rekey)) == NULL)
		return -1;
	db_text(st, 1, key, 0);
	db_text(st, 2, canon, 0);
	if (db_run(st) == -1)
		return -1;
	if (sqlite3_changes(db) > 0)
		return 0;
	if (k != NULL && k->level[0] != '\0') {
		snprintf(level, sizeof(level), "%s", k->level);
		snprintf(parent, sizeof(parent), "%s", k->parent);
	} else {
		agency_level(canon, level, sizeof(level), parent,
		    sizeof(parent));
		if (parent_name(db, c, parent, sizeof(parent)) == -1)
			return -1;
	}
	if ((st = db_cached(db, ins)) == NULL)
		return -1;
	db_text(st, 1, canon, 0);
	db_text(st, 2, key, 0);
	db_text(st, 3, level, 1);
	db_text(st, 4, parent, 1);
	db_text(st, 5, k != NULL ? k->host : NULL, 1);
	db_text(st, 6, k != NULL ? k->column : NULL, 1);
	db_text(st, 7, level[0] == '\0' ? NULL : k != NULL &&
	    k->level[0] != '\0' ? "config" : "name", 0);
	db_text(st, 8, k != NULL ? "config" : seen_in, 0);
	if (db_run(st) == -1)
		return -1;
	return touched(db, canon);
}

int
agency_resolve(sqlite3 *db, const struct agency_conf *c, const char *name,
    const char *seen_in, char *canon, char *key)
{
	char fold[AGENCY_MAX];
	const struct alias *a;
	const char *target;

	*canon = *key = '\0';
	zh_fold(name, fold, sizeof(fold));
	if (fold[0] == '\0')
		return 0;
	agency_key(fold, key, AGENCY_MAX);
	target = fold;
	if ((a = find_alias(c, key)) != NULL) {
		target = a->canon;
		agency_key(target, key, AGENCY_MAX);
	}
	if (add_agency(db, c, key, target, seen_in, canon) == -1)
		return -1;
	return add_name(db, fold, canon, seen_in);
}

/* An agency whose canonical name the config now spells otherwise. */
static int
rename_agency(sqlite3 *db, const char *from, const char *to)
{
	static const char *const sql[] = {
		"UPDATE agencies SET agency = ?2 WHERE agency = ?1",
		"UPDATE agency_names SET agency = ?2 WHERE agency = ?1",
		("INSERT OR IGNORE INTO temp.dirty_reports SELECT report FROM "
		"reports WHERE agency = ?1"),
		"INSERT OR IGNORE INTO temp.dirty_agencies VALUES (?2)",
		"UPDATE totals SET name = ?2 WHERE scope = 'agency' AND name = ?1",
		"DELETE FROM coverage_rows WHERE agency = ?1",
		"UPDATE reports SET agency = ?2 WHERE agency = ?1",
	};
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if ((st = db_prep(db, sql[i])) == NULL)
			return -1;
		db_text(st, 1, from, 0);
		db_text(st, 2, to, 0);
		if (db_run(st) == -1) {
			sqlite3_finalize(st);
			return -1;
		}
		sqlite3_finalize(st);
	}
	return 0;
}

int
agency_parents(sqlite3 *db, const struct agency_conf *c)
{
	static const char up_sql[] = "UPDATE agencies SET parent = ?2 WHERE "
	    "agency = ?1 AND parent IS NOT ?2";
	sqlite3_stmt *q, *up;
	char agency[AGENCY_MAX], parent[AGENCY_MAX];
	int rc;

	if ((q = db_prep(db, "SELECT agency, parent FROM agencies WHERE "
	    "level_from = 'name' AND parent IS NOT NULL AND parent != '' "
	    "ORDER BY agency")) == NULL)
		return -1;
	while ((rc = db_step(q)) == 1) {
		snprintf(agency, sizeof(agency), "%s", db_col(q, 0));
		snprintf(parent, sizeof(parent), "%s", db_col(q, 1));
		if (parent_name(db, c, parent, sizeof(parent)) == -1 ||
		    (up = db_cached(db, up_sql)) == NULL) {
			rc = -1;
			break;
		}
		db_text(up, 1, agency, 0);
		db_text(up, 2, parent, 0);
		if (db_run(up) == -1 || (sqlite3_changes(db) > 0 &&
		    touched(db, agency) == -1)) {
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(q);
	return rc == -1 ? -1 : 0;
}

int
agency_conf_store(sqlite3 *db, const struct agency_conf *c)
{
	sqlite3_stmt *get, *up;
	char canon[AGENCY_MAX], key[AGENCY_MAX];
	size_t i;
	int rc = 0;

	get = db_prep(db, "SELECT agency FROM agencies WHERE name_key = ?");
	up = db_prep(db, "UPDATE agencies SET level = ?2, parent = ?3, "
	    "host = ?4, report_column = ?5, level_from = CASE WHEN ?2 IS NULL "
	    "THEN level_from ELSE 'config' END, known_from = 'config' WHERE "
	    "agency = ?1 AND (level IS NOT ?2 OR parent IS NOT ?3 OR host IS "
	    "NOT ?4 OR report_column IS NOT ?5 OR known_from IS NOT 'config')");
	if (get == NULL || up == NULL)
		rc = -1;
	for (i = 0; rc == 0 && i < c->nk; i++) {
		const struct known *k = &c->k[i];

		db_text(get, 1, k->key, 0);
		if ((rc = db_step(get)) == 1) {
			snprintf(canon, sizeof(canon), "%s", db_col(get, 0));
			sqlite3_reset(get);
			rc = strcmp(canon, k->name) != 0 ?
			    rename_agency(db, canon, k->name) : 0;
		} else if (rc == 0) {
			rc = agency_resolve(db, c, k->name, "config", canon,
			    key);
		}
		if (rc == -1)
			break;
		db_text(up, 1, k->name, 0);
		db_text(up, 2, k->level, 1);
		db_text(up, 3, k->parent, 1);
		db_text(up, 4, k->host, 1);
		db_text(up, 5, k->column, 1);
		if ((rc = db_run(up)) == 0 && sqlite3_changes(db) > 0)
			rc = touched(db, k->name);
	}
	for (i = 0; rc == 0 && i < c->na; i++)
		rc = agency_resolve(db, c, c->a[i].name, "alias", canon, key);
	sqlite3_finalize(get);
	sqlite3_finalize(up);
	return rc;
}
