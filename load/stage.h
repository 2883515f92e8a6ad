/*
 * stage.h: the stream, staged.  Every record gk-load reads is checked and
 * written into a private temporary database (flat memory, whatever the
 * size of the stream) before the data set is touched; a record that does
 * not pass is named on standard error and staged as an error record of
 * its document instead, never as a row.
 */
#ifndef GK_LOAD_STAGE_H
#define GK_LOAD_STAGE_H

#include <stdio.h>

#include "common/input.h"
#include "db.h"

struct stage {
	sqlite3 *db;
	sqlite3_stmt *ins[6];
	unsigned long seq;
	unsigned long bad;		/* records refused */
	unsigned long reports, metrics, checks, errors, docs, listings;
	struct gk_tally tally;		/* every record read, by type */
};

/* A private temporary database. 0 or -1 after a message. */
int stage_open(struct stage *);
void stage_close(struct stage *);
/* Stage every record of fp. 0, or -1 when fp cannot be read. */
int stage_read(struct stage *, FILE *fp, const char *name);
/* Index what was staged and drop values of reports never described. */
int stage_done(struct stage *);

/* Check one field; NULL when it is good, else why not (for messages). */
const char *stage_bad_id(const char *s);
const char *stage_bad_year(const char *s);
const char *stage_bad_value(const char *s);
const char *stage_bad_count(const char *s);
const char *stage_bad_name(const char *s);

#endif
