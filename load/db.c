/*
 * db.c: opening the store and the helpers around sqlite3_step.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "db.h"

/* Page cache: 8 MB, whatever the size of the data set. */
#define DB_CACHE_KIB 8192

void
db_warn(sqlite3 *db, const char *what)
{
	int code = sqlite3_extended_errcode(db);

	if ((code & 0xff) == SQLITE_FULL)
		gk_warn(what, "the disk is full (%s)", sqlite3_errmsg(db));
	else
		gk_warn(what, "%s", sqlite3_errmsg(db));
}

sqlite3 *
db_open(const char *path, int create)
{
	sqlite3 *db = NULL;
	char pragma[256];
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	if (create)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		if (db != NULL)
			db_warn(db, path);
		else
			gk_warn(path, "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_timeout(db, 60 * 1000);
	/* Rollback journal (readers need no -shm file), synced in full. */
	snprintf(pragma, sizeof(pragma), "PRAGMA journal_mode = DELETE; "
	    "PRAGMA synchronous = FULL; PRAGMA cache_size = -%d; "
	    "PRAGMA temp_store = FILE; PRAGMA foreign_keys = OFF;",
	    DB_CACHE_KIB);
	if (db_exec(db, pragma) == -1) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

#define DB_CACHED_MAX 128

static struct {
	sqlite3 *db;
	const char *sql;
	sqlite3_stmt *st;
} cached[DB_CACHED_MAX];

sqlite3_stmt *
db_cached(sqlite3 *db, const char *sql)
{
	int i, free_slot = -1;

	for (i = 0; i < DB_CACHED_MAX; i++) {
		if (cached[i].db == db && cached[i].sql == sql) {
			sqlite3_reset(cached[i].st);
			sqlite3_clear_bindings(cached[i].st);
			return cached[i].st;
		}
		if (cached[i].db == NULL && free_slot == -1)
			free_slot = i;
	}
	if (free_slot == -1) {
		gk_warn("the store", "too many statements");
		return NULL;
	}
	if ((cached[free_slot].st = db_prep(db, sql)) == NULL)
		return NULL;
	cached[free_slot].db = db;
	cached[free_slot].sql = sql;
	return cached[free_slot].st;
}

void
db_close(sqlite3 *db)
{
	int i;

	if (db == NULL)
		return;
	for (i = 0; i < DB_CACHED_MAX; i++)
		if (cached[i].db == db) {
			sqlite3_finalize(cached[i].st);
			cached[i].db = NULL;
			cached[i].sql = NULL;
			cached[i].st = NULL;
		}
	sqlite3_close(db);
}

int
db_check(sqlite3 *db, const char *path)
{
	long long app = db_int(db, "PRAGMA application_id", -1);
	long long ver = db_int(db, "PRAGMA user_version", -1);

	if (app == DB_APPLICATION_ID && ver == DB_USER_VERSION)
		return 1;
	if (app == DB_APPLICATION_ID)
		gk_warn(path, "a gk-load database of schema %lld, this gk-load "
		    "writes schema %d", ver, DB_USER_VERSION);
	else
		gk_warn(path, "not a gk-load database");
	return 0;
}

int
db_exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		db_warn(db, "the store");
		sqlite3_free(err);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
db_prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
	    NULL) != SQLITE_OK) {
		gk_warn("the store", "%s (in: %.80s)", sqlite3_errmsg(db), sql);
		return NULL;
	}
	return st;
}

int
db_step(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	db_warn(sqlite3_db_handle(st), "the store");
	sqlite3_reset(st);
	return -1;
}

int
db_run(sqlite3_stmt *st)
{
	int rc;

	while ((rc = db_step(st)) == 1)
		continue;
	sqlite3_reset(st);
	return rc;
}

int
db_text(sqlite3_stmt *st, int i, const char *s, int blank_null)
{
	if (s == NULL || (blank_null && *s == '\0'))
		return sqlite3_bind_null(st, i) == SQLITE_OK ? 0 : -1;
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) == SQLITE_OK ?
	    0 : -1;
}

int
db_number(sqlite3_stmt *st, int i, const char *s)
{
	char *end;
	long long ll;
	double d;

	if (s == NULL || *s == '\0')
		return sqlite3_bind_null(st, i) == SQLITE_OK ? 0 : -1;
	errno = 0;
	ll = strtoll(s, &end, 10);
	if (*end == '\0' && errno == 0)
		return sqlite3_bind_int64(st, i, ll) == SQLITE_OK ? 0 : -1;
	d = strtod(s, &end);
	if (*end == '\0')
		return sqlite3_bind_double(st, i, d) == SQLITE_OK ? 0 : -1;
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) == SQLITE_OK ?
	    0 : -1;
}

const char *
db_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s != NULL ? (const char *)s : "";
}

long long
db_int(sqlite3 *db, const char *sql, long long dflt)
{
	sqlite3_stmt *st = NULL;
	long long v = dflt;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_warn(db, "the store");
		return -1;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL)
			v = sqlite3_column_int64(st, 0);
	} else if (rc != SQLITE_DONE) {
		db_warn(db, "the store");
		v = -1;
	}
	sqlite3_finalize(st);
	return v;
}

void
db_numtext(sqlite3_stmt *st, int i, char *out, size_t n)
{
	double d;
	int k;

	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		snprintf(out, n, "%s", "");
		return;
	case SQLITE_INTEGER:
		snprintf(out, n, "%lld", (long long)sqlite3_column_int64(st, i));
		return;
	case SQLITE_FLOAT:
		d = sqlite3_column_double(st, i);
		/* the shortest precision that reads back the same */
		for (k = 1; k <= 17; k++) {
			snprintf(out, n, "%.*g", k, d);
			if (strtod(out, NULL) == d)
				return;
		}
		return;
	default:
		snprintf(out, n, "%s", db_col(st, i));
	}
}
