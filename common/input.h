/*
 * input.h: what a stage is given on its input, before and after reading it.
 *
 * Before: the first bytes say whether the input is a gk record stream at
 * all.  A PDF, a Word file, an HTML page or any other bytes given to a
 * stage is one line ("standard input: not a gk record stream (it looks
 * like a PDF document: give documents to gk-fetch first)") and exit 2,
 * not a warning per line.
 *
 * After: a tally of the records by type, so that a stage given only
 * records it does not read (gk-load fed gk-fetch's output) can say what
 * the stream held instead.
 */
#ifndef GK_INPUT_H
#define GK_INPUT_H

#include <stdio.h>

#include "rec.h"

/*
 * Read the first bytes of fp (one read(2) at a time, so a slow pipe is not
 * waited on) and hand them to rd.  When they are not a record stream, say
 * so (name is "standard input" or a file name) and exit 2.
 */
void gk_input_start(struct gk_reader *rd, FILE *fp, const char *name);
/*
 * NULL when p..p+n (the first bytes of an input) may be a record stream,
 * else what they look like ("a PDF document", "an HTML page").
 */
const char *gk_input_looks(const unsigned char *p, size_t n);

struct gk_tally {
	unsigned long n[GK_COMMENT + 1];
};

void gk_tally_add(struct gk_tally *, const struct gk_rec *);
unsigned long gk_tally_records(const struct gk_tally *);
/* "12 doc, 340 para, 2 error" (comments not counted); "" when none. */
/* Records of a type no table lists read "N lines of other types". */
const char *gk_tally_text(const struct gk_tally *, char *buf, size_t size);
/*
 * What the records of t are the output of, for a message: "gk-fetch"
 * (doc records only), "gk-extract" (para or cell, no report), or
 * "gk-transform" (report or metric records); NULL when none of these.
 */
const char *gk_tally_source(const struct gk_tally *);

#endif
