/*
 * store.c: the two files of the store and the changesets between them
 * (store.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "crash.h"
#include "store.h"

#define DB_DIR "db"

static int
dbpath(char *out, const struct gen *g, int which)
{
	if ((size_t)snprintf(out, PATH_MAX, "%s/" DB_DIR "/%d.sqlite", g->gk,
	    which) >= PATH_MAX) {
		gk_warn(g->gk, "path too long");
		return -1;
	}
	return 0;
}

static void
unlink_db(const char *p)
{
	char j[PATH_MAX + 16];

	unlink(p);
	snprintf(j, sizeof(j), "%s-journal", p);
	unlink(j);
}

/* Copy the published file to the working one, through a temporary name. */
static int
copy_file(const char *from, const char *to)
{
	char tmp[PATH_MAX + 16], *buf;
	ssize_t n, w, off;
	int in, out, rv = -1;

	snprintf(tmp, sizeof(tmp), "%s.tmp", to);
	if ((buf = malloc(1 << 20)) == NULL) {
		gk_warn(NULL, "out of memory");
		return -1;
	}
	if ((in = open(from, O_RDONLY | O_CLOEXEC)) == -1) {
		gk_warn(from, "%s", strerror(errno));
		free(buf);
		return -1;
	}
	if ((out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0644)) == -1) {
		gk_warn(tmp, "%s", strerror(errno));
		goto done;
	}
	while ((n = read(in, buf, 1 << 20)) > 0)
		for (off = 0; off < n; off += w)
			if ((w = write(out, buf + off, (size_t)(n - off))) <= 0) {
				gk_warn(tmp, "%s", w == 0 || errno == ENOSPC ?
				    "the disk is full" : strerror(errno));
				goto done;
			}
	if (n < 0 || fsync(out) == -1) {
		gk_warn(n < 0 ? from : tmp, "%s", strerror(errno));
		goto done;
	}
	crash_point("copied");
	unlink_db(to);
	if (rename(tmp, to) == -1) {
		gk_warn(to, "%s", strerror(errno));
		goto done;
	}
	rv = 0;
done:
	if (out != -1 && close(out) == -1 && rv == 0) {
		gk_warn(tmp, "%s", strerror(errno));
		rv = -1;
	}
	if (rv == -1)
		unlink(tmp);
	close(in);
	free(buf);
	return rv;
}

static long long
last_run(sqlite3 *db)
{
	return db_int(db, "SELECT COALESCE(MAX(run), 0) FROM runs", 0);
}

static int
conflict(void *ctx, int type, sqlite3_changeset_iter *it)
{
	(void)ctx;
	(void)type;
	(void)it;
	return SQLITE_CHANGESET_ABORT;
}

/* Apply (or undo) the changeset of run, read from src. 0, 1 when there is
 * none or it does not apply cleanly, -1. */
static int
replay(sqlite3 *db, sqlite3 *src, long long run, int undo)
{
	sqlite3_stmt *st;
	void *inv = NULL, *p;
	int n, ninv, rc;

	if ((st = db_prep(src, "SELECT data FROM gk_changesets WHERE run = "
	    "?")) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, run);
	if ((rc = db_step(st)) != 1) {
		sqlite3_finalize(st);
		return rc == 0 ? 1 : -1;
	}
	n = sqlite3_column_bytes(st, 0);
	if ((p = malloc(n > 0 ? (size_t)n : 1)) == NULL) {
		sqlite3_finalize(st);
		gk_warn(NULL, "out of memory");
		return -1;
	}
	if (n > 0)
		memcpy(p, sqlite3_column_blob(st, 0), (size_t)n);
	sqlite3_finalize(st);
	if (undo) {
		if (sqlite3changeset_invert(n, p, &ninv, &inv) != SQLITE_OK) {
			free(p);
			return 1;
		}
		free(p);
		p = NULL;
		n = ninv;
	}
	crash_point(undo ? "undoing a run" : "replaying a run");
	rc = sqlite3changeset_apply(db, n, undo ? inv : p, NULL, conflict,
	    NULL);
	sqlite3_free(inv);
	free(p);
	if (rc == SQLITE_OK)
		return 0;
	gk_debug("the changeset of run %lld does not apply (%s): the standby "
	    "is copied whole", run, sqlite3_errstr(rc));
	return 1;
}

/* Bring the working file to the published one's run: 0 in step, 1 it
 * must be copied, -1. */
static int
sync_standby(struct store *s, long long target)
{
	sqlite3 *pub = NULL;
	long long r;
	int rc = 0;

	if (db_exec(s->db, "BEGIN IMMEDIATE") == -1)
		return -1;
	for (r = s->run; rc == 0 && r > target; r--) {
		rc = replay(s->db, s->db, r, 1);
		if (rc == 0) {
			char sql[96];

			snprintf(sql, sizeof(sql), "DELETE FROM gk_changesets "
			    "WHERE run = %lld", r);
			rc = db_exec(s->db, sql);
		}
	}
	if (rc == 0 && s->run < target) {
		if ((pub = db_open(s->pub, 0)) == NULL)
			rc = -1;
		for (r = s->run + 1; rc == 0 && r <= target; r++)
			rc = replay(s->db, pub, r, 0);
		db_close(pub);
	}
	if (rc == 0 && last_run(s->db) != target)
		rc = 1;
	crash_point("standby replayed");
	if (rc != 0) {
		db_exec(s->db, "ROLLBACK");
		return rc;
	}
	if (db_exec(s->db, "COMMIT") == -1)
		return -1;
	s->run = target;
	return 0;
}

/*
 * GK_LOAD_VERIFY set (the tests): after the standby was brought in step,
 * compare it with the published file table by table; they must be equal.
 * 0, or -1 after naming the first table that differs.
 */
static int
verify(struct store *s)
{
	sqlite3_stmt *t;
	char sql[1024], att[PATH_MAX + 64];
	int rc;

	if (getenv("GK_LOAD_VERIFY") == NULL || s->pub[0] == '\0')
		return 0;
	snprintf(att, sizeof(att), "ATTACH 'file:%s?mode=ro' AS pub", s->pub);
	if (db_exec(s->db, att) == -1)
		return -1;
	if ((t = db_prep(s->db, "SELECT name FROM main.sqlite_schema WHERE "
	    "type = 'table' AND name != 'gk_changesets' ORDER BY name")) ==
	    NULL)
		return -1;
	while ((rc = db_step(t)) == 1) {
		snprintf(sql, sizeof(sql), "SELECT (SELECT COUNT(*) FROM "
		    "(SELECT * FROM main.\"%s\" EXCEPT SELECT * FROM "
		    "pub.\"%s\")) + (SELECT COUNT(*) FROM (SELECT * FROM "
		    "pub.\"%s\" EXCEPT SELECT * FROM main.\"%s\"))",
		    db_col(t, 0), db_col(t, 0), db_col(t, 0), db_col(t, 0));
		if (db_int(s->db, sql, -1) != 0) {
			gk_warn(s->work, "the standby differs from %s in table "
			    "%s", s->pub, db_col(t, 0));
			rc = -1;
			break;
		}
	}
	sqlite3_finalize(t);
	db_exec(s->db, "DETACH pub");
	return rc;
}

int
store_open(struct store *s, const struct gen *g)
{
	char link[PATH_MAX], p[PATH_MAX];
	ssize_t n;
	int pubwhich = -1, rc, fresh = 0;

	memset(s, 0, sizeof(*s));
	if (g->cur > 0) {
		if ((size_t)snprintf(p, sizeof(p), "%s/gk.sqlite", g->curdir) >=
		    sizeof(p) || (n = readlink(p, link, sizeof(link) - 1)) < 0) {
			gk_warn(p, "the current generation has no database "
			    "(%s)", strerror(errno));
			return -1;
		}
		link[n] = '\0';
		if (strcmp(link, "../../" DB_DIR "/0.sqlite") == 0)
			pubwhich = 0;
		else if (strcmp(link, "../../" DB_DIR "/1.sqlite") == 0)
			pubwhich = 1;
		else {
			gk_warn(p, "links to %s, not to a database of the "
			    "store", link);
			return -1;
		}
	}
	s->which = pubwhich == 0 ? 1 : 0;
	if (dbpath(s->work, g, s->which) == -1 ||
	    dbpath(s->other, g, 1 - s->which) == -1)
		return -1;
	if (pubwhich >= 0)
		snprintf(s->pub, sizeof(s->pub), "%s", s->other);
	else {
		/* nothing published: whatever is there was never current */
		unlink_db(s->work);
		unlink_db(s->other);
		fresh = 1;
	}
	for (;;) {
		struct stat sb;

		if (!fresh && stat(s->work, &sb) == -1) {
			if (copy_file(s->pub, s->work) == -1)
				return -1;
			s->copied = 1;
		}
		if ((s->db = db_open(s->work, 1)) == NULL)
			return -1;
		if (fresh) {
			if (db_exec(s->db, "BEGIN") == -1 ||
			    db_create(s->db) == -1 ||
			    db_exec(s->db, "COMMIT") == -1)
				return -1;
			s->run = 0;
			return 0;
		}
		if (!db_check(s->db, s->work)) {
			rc = 1;
		} else if (db_upgrade(s->db) == -1) {
			rc = -1;
		} else {
			s->run = last_run(s->db);
			rc = s->run < 0 ? -1 : sync_standby(s, g->cur);
		}
		if (rc == 0)
			return verify(s);
		if (rc < 0)
			return rc;
		/* cannot be brought in step: copy it whole, once */
		db_close(s->db);
		s->db = NULL;
		if (s->copied) {
			gk_warn(s->work, "the copy of the published database "
			    "is not at its run");
			return -1;
		}
		unlink_db(s->work);
	}
}

static int
filter(void *ctx, const char *table)
{
	(void)ctx;
	return strcmp(table, "gk_changesets") != 0;
}

int
store_begin(struct store *s, int track)
{
	if (db_exec(s->db, "BEGIN IMMEDIATE") == -1)
		return -1;
	if (!track)
		return 0;
	if (sqlite3session_create(s->db, "main", &s->sess) != SQLITE_OK) {
		db_warn(s->db, s->work);
		db_exec(s->db, "ROLLBACK");
		return -1;
	}
	sqlite3session_table_filter(s->sess, filter, NULL);
	if (sqlite3session_attach(s->sess, NULL) != SQLITE_OK) {
		db_warn(s->db, s->work);
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* With GK_LOAD_DEBUG set, say which tables a run changed (-v). */
static void
debug_changes(sqlite3_session *sess)
{
	sqlite3_changeset_iter *it;
	const char *tab;
	void *p;
	int n, ncol, op, ind;

	if (getenv("GK_LOAD_DEBUG") == NULL ||
	    sqlite3session_changeset(sess, &n, &p) != SQLITE_OK)
		return;
	if (sqlite3changeset_start(&it, n, p) == SQLITE_OK) {
		while (sqlite3changeset_next(it) == SQLITE_ROW &&
		    sqlite3changeset_op(it, &tab, &ncol, &op, &ind) ==
		    SQLITE_OK)
			fprintf(stderr, "gk-load: change: %s %s\n", tab,
			    op == SQLITE_INSERT ? "insert" : op ==
			    SQLITE_DELETE ? "delete" : "update");
		sqlite3changeset_finalize(it);
	}
	sqlite3_free(p);
}

int
store_changed(const struct store *s)
{
	if (s->sess == NULL)
		return 1;
	debug_changes(s->sess);
	return !sqlite3session_isempty(s->sess);
}

void
store_rollback(struct store *s)
{
	if (s->sess != NULL)
		sqlite3session_delete(s->sess);
	s->sess = NULL;
	if (s->db != NULL && !sqlite3_get_autocommit(s->db))
		db_exec(s->db, "ROLLBACK");
}

int
store_commit(struct store *s, long long run)
{
	sqlite3_stmt *st;
	void *p = NULL;
	int n = 0;

	if (s->sess != NULL) {
		if (sqlite3session_isempty(s->sess)) {
			store_rollback(s);
			return 1;
		}
		if (sqlite3session_changeset(s->sess, &n, &p) != SQLITE_OK) {
			db_warn(s->db, s->work);
			store_rollback(s);
			return -1;
		}
		sqlite3session_delete(s->sess);
		s->sess = NULL;
		st = db_prep(s->db, "INSERT INTO gk_changesets (run, data) "
		    "VALUES (?, ?)");
		if (st == NULL || sqlite3_bind_int64(st, 1, run) != SQLITE_OK ||
		    sqlite3_bind_blob(st, 2, p, n, sqlite3_free) != SQLITE_OK ||
		    db_run(st) == -1) {
			sqlite3_finalize(st);
			store_rollback(s);
			return -1;
		}
		sqlite3_finalize(st);
	} else if (db_exec(s->db, "DELETE FROM gk_changesets") == -1) {
		store_rollback(s);
		return -1;
	}
	/* the standby needs the last run's changes only */
	st = db_prep(s->db, "DELETE FROM gk_changesets WHERE run < ?");
	if (st == NULL || sqlite3_bind_int64(st, 1, run) != SQLITE_OK ||
	    db_run(st) == -1 || db_exec(s->db, "COMMIT") == -1) {
		sqlite3_finalize(st);
		store_rollback(s);
		return -1;
	}
	sqlite3_finalize(st);
	s->run = run;
	return 0;
}

const char *
store_link(const struct store *s)
{
	return s->which == 0 ? "../../" DB_DIR "/0.sqlite" :
	    "../../" DB_DIR "/1.sqlite";
}

int
store_mirror(struct store *s)
{
	return copy_file(s->work, s->other);
}

void
store_close(struct store *s)
{
	store_rollback(s);
	db_close(s->db);
	s->db = NULL;
}
