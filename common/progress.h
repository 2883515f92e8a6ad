/*
 * progress.h: one line of progress on standard error, drawn only when
 * standard error is a terminal (never into a log file or a pipe), and not
 * with -q.  It reads "done/total unit (pct), rate, time left" and what is
 * being worked on now:
 *
 *   gk-extract: 12/37 documents (32%), 2.1/s, 0:12 left · 3f2a… page 3/7 (OCR)
 *
 * When the total is not known but the input is a regular file, the share
 * of its bytes read so far stands in for it.  Log lines clear the line
 * first (log.c), so a message is never written over it.
 */
#ifndef GK_PROGRESS_H
#define GK_PROGRESS_H

#include <stdio.h>

/* Start: unit names what is counted ("documents").  Draws nothing when
 * standard error is not a terminal, TERM is dumb, or gk_quiet(). */
void gk_progress_begin(const char *unit);
/* Whether a line is being drawn. */
int gk_progress_on(void);
/* Estimate by the position in in when it is a regular file. */
void gk_progress_input(FILE *in);
/*
 * When in is a regular file: how many of its lines start with prefix
 * ("doc\t"), counted without moving in (pread), so that "n of N" is known;
 * 0 when it is not a file, or progress is off.
 */
unsigned long gk_progress_count(FILE *in, const char *prefix);
/* done of total (0: unknown); extra, when not NULL, follows the figures. */
void gk_progress_update(unsigned long done, unsigned long total,
    const char *extra);
/* What the current item is doing ("page 3/7 (OCR)"); NULL clears it. */
void gk_progress_detail(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* Erase the line (before a log line); the next update draws it again. */
void gk_progress_clear(void);
/* Erase the line for good. */
void gk_progress_end(void);

#endif
