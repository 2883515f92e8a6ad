/*
 * gen.h: generations of the data set.  Every load writes a whole new
 * generation, DIR/.gk/gen/RUN/, then switches to it with one rename(2):
 * DIR/current is a symbolic link to the generation, and the names a
 * reader uses (DIR/reports, DIR/gk.sqlite, ...) are links through it, so
 * a reader (who resolves DIR/current once) and a crash at any moment see
 * the old set or the new one, never a mix.  A file a load does not change
 * is a hard link to the same file of the generation before, so a load
 * writes only what it changes.  The generation before the current one is
 * kept until the next load starts.
 */
#ifndef GK_LOAD_GEN_H
#define GK_LOAD_GEN_H

#include <limits.h>
#include <stdio.h>

struct gen {
	char dir[PATH_MAX];	/* DIR */
	char gk[PATH_MAX];	/* DIR/.gk: the store and the generations */
	long long cur;		/* the current generation (0: none yet) */
	char curdir[PATH_MAX];	/* its folder */
	long long run;		/* the one being written */
	char tmp[PATH_MAX];	/* its folder while it is written */
	char final[PATH_MAX];	/* and its name when done */
	int open;
	unsigned long written;	/* files written */
};

/*
 * Under the lock: the current generation of dir, the leftovers of a
 * killed load swept away, the generations before it removed.  0 or -1
 * after a message (dir holds an older gk-load's files, or cannot be
 * written).
 */
int gen_open(struct gen *, const char *dir);
/* Start writing generation run. 0 or -1. */
int gen_begin(struct gen *, long long run);
/* A new file of the generation (rel: "metrics/2020.tsv"). NULL after a
 * message. */
FILE *gen_create(struct gen *, const char *rel);
/* Flush, sync and close it. 0 or -1 after a message. */
int gen_close(struct gen *, FILE *, const char *rel);
/* The current generation's file rel, linked into the new one: 0, 1 when
 * the current one has no such file, -1 after a message. */
int gen_link(struct gen *, const char *rel);
/* Every file of the current generation's folder reldir that the new one
 * does not have yet and keep(name) accepts, linked into it. 0 or -1. */
int gen_link_rest(struct gen *, const char *reldir,
    int (*keep)(const char *name, void *), void *arg);
/* A symbolic link rel -> target in the new generation. 0 or -1. */
int gen_symlink(struct gen *, const char *rel, const char *target);
/* Make it the current generation (see above). 0 or -1 (the old one
 * stays current). */
int gen_commit(struct gen *);
/* Throw the new generation away. */
void gen_abort(struct gen *);
/* Remove a folder and everything under it. */
void gen_rmtree(const char *path);

#endif
