/*
 * out.h: replace a set of files in a folder so that a reader, or a crash
 * at any moment, sees each file whole: either as it was or as it is now.
 */
#ifndef GK_LOAD_OUT_H
#define GK_LOAD_OUT_H

#include <stdio.h>

#define OUT_MAX 16

struct out {
	const char *dir;
	int n;
	struct {
		char name[256];
		char tmp[4096], dst[4096];
		FILE *fp;
	} f[OUT_MAX];
};

void out_init(struct out *, const char *dir);
/* Open dir/.name.tmp for writing; NULL after a message. */
FILE *out_open(struct out *, const char *name);
/*
 * Flush and fsync every temporary file, then rename each into place and
 * fsync the folder.  0, or -1 after a message (the old files stay whole;
 * the temporary files are removed).
 */
int out_commit(struct out *);
/* Remove the temporary files (after a failure). */
void out_abort(struct out *);
/* Remove temporary files a killed run left behind (call under the lock). */
void out_sweep(const char *dir);

#endif
