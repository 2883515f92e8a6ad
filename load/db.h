/*
 * db.h: the store of record, an SQLite database, and the few helpers
 * every part of gk-load uses to talk to it.  Every helper says what went
 * wrong (gk_warn) before it returns -1, so callers only pass the failure
 * up: the load then rolls back and the data set stays as it was.
 */
#ifndef GK_LOAD_DB_H
#define GK_LOAD_DB_H

#include <sqlite3.h>
#include <stddef.h>

/* The schema's version (PRAGMA user_version) and the file's mark. */
#define DB_USER_VERSION 1
#define DB_APPLICATION_ID 0x676b6c64	/* "gkld" */

/*
 * Open (creating when create is set) the database at path with the
 * pragmas gk-load uses: a bounded page cache, full sync, foreign keys off.
 * NULL after a message.
 */
sqlite3 *db_open(const char *path, int create);
void db_close(sqlite3 *);
/* Create every table, index and view of an empty database. 0 or -1. */
int db_create(sqlite3 *);
/* Add what a store made by an earlier gk-load of this schema lacks
 * (kept_versions, history), before anything is applied to it. 0 or -1. */
int db_upgrade(sqlite3 *);
/* Is this a gk-load database of this schema?  1, 0 (after a message). */
int db_check(sqlite3 *, const char *path);

/* Run SQL (one or more statements, no results). 0 or -1. */
int db_exec(sqlite3 *, const char *sql);
/* Prepare one statement; NULL after a message. */
sqlite3_stmt *db_prep(sqlite3 *, const char *sql);
/*
 * A statement prepared once per database and kept until db_close: sql
 * must be a string constant (its address is the key).  NULL after a
 * message.  It comes reset, with its bindings cleared.
 */
sqlite3_stmt *db_cached(sqlite3 *, const char *sql);
/*
 * Step: 1 for a row, 0 when done, -1 after a message.  The statement is
 * reset when done or failed, so it can be bound and run again.
 */
int db_step(sqlite3_stmt *);
/* Run a prepared statement to its end (no rows wanted). 0 or -1. */
int db_run(sqlite3_stmt *);
/* Bind a text (NULL or "" binds NULL when blank_null is set). */
int db_text(sqlite3_stmt *, int i, const char *s, int blank_null);
/* Bind a number given as text: INTEGER, REAL, or NULL when empty. */
int db_number(sqlite3_stmt *, int i, const char *s);
/* A column as text, never NULL ("" for NULL). */
const char *db_col(sqlite3_stmt *, int i);
/* The single integer a query gives (-1 after a message, dflt when no row). */
long long db_int(sqlite3 *, const char *sql, long long dflt);
/* Say what failed on db (the last error), naming what. */
void db_warn(sqlite3 *, const char *what);

/*
 * A number as gk prints it in TSV: an INTEGER as is, a REAL in the
 * shortest form that reads back the same, NULL as "".
 */
void db_numtext(sqlite3_stmt *, int i, char *out, size_t n);

#endif
