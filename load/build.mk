# gk-load: SQLite (libsqlite3) is the store of record.  The session
# extension (changesets: the standby copy is kept in step with them) is
# compiled into Debian's libsqlite3; its declarations need these two.
load_PKGS := sqlite3:libsqlite3-dev
load_CFLAGS := -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK
