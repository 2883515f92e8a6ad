/*
 * crash.c: crash points for the tests (crash.h).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "crash.h"

void
crash_point(const char *where)
{
	static long at = -1, n;
	const char *e;

	if (at == -1) {
		e = getenv("GK_LOAD_CRASH_AT");
		at = e != NULL ? strtol(e, NULL, 10) : 0;
	}
	if (at <= 0 || ++n != at)
		return;
	fprintf(stderr, "gk-load: killed at crash point %ld (%s)\n", n, where);
	fflush(stderr);
	raise(SIGKILL);
}
