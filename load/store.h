/*
 * store.h: the store of record, an SQLite database, kept as two files.
 *
 * The current generation's gk.sqlite is one of DIR/.gk/db/0.sqlite and
 * 1.sqlite; a load writes the other one (the standby), so the published
 * database is never written while it is current.  Before a load the
 * standby is brought in step with the published one by applying the
 * changeset of each run it missed (the session extension records one per
 * run, kept in the database itself), or by undoing a run it holds that
 * was never published (its changeset inverted); only when that cannot be
 * done (the first loads, a very large load) is it copied whole.  So a
 * load costs what it changes, not the size of the data set.
 */
#ifndef GK_LOAD_STORE_H
#define GK_LOAD_STORE_H

#include <limits.h>

#include "db.h"
#include "gen.h"

struct store {
	char pub[PATH_MAX];	/* the published database, "" when none */
	char work[PATH_MAX];	/* the one this load writes */
	char other[PATH_MAX];
	int which;		/* 0 or 1: the working file */
	long long run;		/* the run the working file is at */
	sqlite3 *db;
	sqlite3_session *sess;
	int copied;		/* it had to be copied whole */
};

/* Under the lock: the working database, in step with the published one.
 * 0 or -1 after a message. */
int store_open(struct store *, const struct gen *);
/* Begin the load's transaction; track records the changeset. 0 or -1. */
int store_begin(struct store *, int track);
/* Has the transaction changed anything (always 1 when not tracked)? */
int store_changed(const struct store *);
/*
 * Nothing changed: roll back and return 1.  Else keep the changeset of
 * run (when tracked), commit, return 0.  -1 after a message (rolled back).
 */
int store_commit(struct store *, long long run);
void store_rollback(struct store *);
/* The link a generation holds to the working file. */
const char *store_link(const struct store *);
/* After an untracked load was published: the other file made a copy of
 * it, so that the next load can be incremental. 0 or -1. */
int store_mirror(struct store *);
void store_close(struct store *);

#endif
