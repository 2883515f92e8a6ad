/*
 * stream.h: the transform's records, gathered before the data set is
 * touched, then merged into it: every report of the stream replaces its
 * rows in every file, everything else stays as it was.
 */
#ifndef GK_LOAD_STREAM_H
#define GK_LOAD_STREAM_H

#include <stdio.h>

#include "common/input.h"
#include "load.h"

struct stream {
	/* The records as they came, fields 1.. of each. */
	struct table reports, metrics, checks, errors, docs;
	unsigned long bad;	/* malformed lines or records for no report */
	struct gk_tally tally;	/* every record read, by type */
};

void stream_init(struct stream *);
void stream_free(struct stream *);
/* Read every record of fp. 0, or -1 when fp cannot be read; exit 2
 * when fp is not a record stream at all (common/input.h). */
int stream_read(struct stream *, FILE *fp, const char *name);
/*
 * Merge into d: drop d's rows of the stream's reports and documents and
 * every carry_chain row (they are worked out again), then add the stream's.
 * 0 or -1 (out of memory).
 */
int stream_merge(struct stream *, struct dataset *);

#endif
