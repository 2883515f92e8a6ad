/*
 * crash.h: points where tests/e2e/load_atomic.sh kills gk-load.  With
 * GK_LOAD_CRASH_AT=N in the environment, the N-th point a load passes
 * kills the process (SIGKILL, as kill -9 would); without it they cost a
 * comparison.  The test runs a load with N = 1, 2, ... until one passes
 * them all, and checks after each kill that the data set is the old one
 * or the new one, whole.
 */
#ifndef GK_LOAD_CRASH_H
#define GK_LOAD_CRASH_H

void crash_point(const char *where);

#endif
