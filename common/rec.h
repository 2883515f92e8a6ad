/*
 * rec.h: the typed TSV records that flow between gk's stages.
 *
 * One record a line, fields separated by tabs, the first field naming the
 * type.  The reader is shaped like jq's push parser: it is fed bytes in
 * pieces of any size and hands back one whole record at a time, "need more",
 * or an error that names the line; after a bad line it resyncs at the next
 * newline.  Unknown record types are returned whole so that a stage can pass
 * them through unchanged.
 */
#ifndef GK_REC_H
#define GK_REC_H

#include <stddef.h>
#include <stdio.h>

enum gk_rectype {
	GK_DOC,
	GK_PARA,
	GK_CELL,
	GK_ERROR,
	GK_REPORT,
	GK_METRIC,
	GK_CHECK,
	GK_READING,
	GK_NOTE,
	GK_LISTING,
	GK_GROUP,
	GK_NTYPES,		/* the known types end here */
	GK_UNKNOWN = GK_NTYPES,	/* a type no table lists: pass it through */
	GK_COMMENT		/* a line starting with '#' */
};

/* Field positions, 1-based as in the line (field 0 is the type name). */
enum { DOC_ID = 1, DOC_URL, DOC_PAGE, DOC_FILE, DOC_SHA256, DOC_BYTES,
       DOC_TYPE, DOC_TITLE, DOC_AGENCY, DOC_PUBLISHED, DOC_FETCHED,
       DOC_STATUS };
enum { PARA_DOC = 1, PARA_SEQ, PARA_TEXT, PARA_PAGE };
enum { CELL_DOC = 1, CELL_SEQ, CELL_TABLE, CELL_ROW, CELL_COL,
       CELL_ROWSPAN, CELL_COLSPAN, CELL_TEXT, CELL_PAGE };
enum { READING_DOC = 1, READING_NAME };
enum { NOTE_DOC = 1, NOTE_KEY, NOTE_VALUE };
enum { LISTING_URL = 1, LISTING_AGENCY };
enum { GROUP_ID = 1 };
enum { ERROR_DOC = 1, ERROR_STAGE, ERROR_CODE, ERROR_MESSAGE };
enum { REPORT_ID = 1, REPORT_PAGE, REPORT_AGENCY, REPORT_YEAR,
       REPORT_TEMPLATE, REPORT_SOURCE, REPORT_STATUS, REPORT_TITLE,
       REPORT_PUBLISHED };
enum { METRIC_REPORT = 1, METRIC_KEY, METRIC_VALUE, METRIC_UNIT,
       METRIC_RAW, METRIC_FLAGS, METRIC_DOC, METRIC_SEQ, METRIC_TABLE,
       METRIC_ROW, METRIC_COL, METRIC_PAGE };
enum { CHECK_REPORT = 1, CHECK_NAME, CHECK_WHERE, CHECK_EXPECTED,
       CHECK_FOUND, CHECK_MESSAGE };

#define GK_REC_MAXFIELDS 16

/* A record points into the reader's line buffer: valid until the next call. */
struct gk_rec {
	enum gk_rectype type;
	int nfield;			/* fields after the type name */
	char *f[GK_REC_MAXFIELDS];	/* f[0] is the type name */
	const char *line;		/* the whole line, without its newline */
	size_t len;
	unsigned long lineno;
};

enum gk_read_result {
	GK_READ_REC,	/* *rec holds a record (or a comment / unknown line) */
	GK_READ_MORE,	/* feed more bytes (or call gk_reader_finish) */
	GK_READ_EOF,	/* the input is finished */
	GK_READ_BAD	/* a bad line was skipped; gk_reader_error() says why */
};

struct gk_reader;

struct gk_reader *gk_reader_new(const char *name, size_t maxline);
void gk_reader_free(struct gk_reader *);
/* Hand bytes to the reader; they are copied. Returns -1 when out of memory. */
int gk_reader_feed(struct gk_reader *, const char *buf, size_t len);
/* No more bytes will come: a last line without a newline still counts. */
void gk_reader_finish(struct gk_reader *);
enum gk_read_result gk_reader_next(struct gk_reader *, struct gk_rec *);
/* "line N: reason" for the last GK_READ_BAD */
const char *gk_reader_error(const struct gk_reader *);

/* Read records from a stream: the feeding loop over gk_reader_next. */
enum gk_read_result gk_read(struct gk_reader *, FILE *, struct gk_rec *);

const char *gk_rectype_name(enum gk_rectype);
int gk_rectype_nfield(enum gk_rectype);
enum gk_rectype gk_rectype_of(const char *name);

/*
 * Write one record: exactly gk_rectype_nfield(t) strings follow (NULL is an
 * empty field).  Tabs, carriage returns and newlines in a field become spaces.
 * Returns -1 on a write error.
 */
/*
 * Cut line in place at its tabs into at most max fields f[0..]: their
 * count, or max + 1 when the line has more (f then holds the first max).
 * For the project's own tab-separated files (configs, state, exports).
 */
int gk_split_tabs(char *line, char **f, int max);
int gk_emit(FILE *, enum gk_rectype t, ...);
/* Write an array of n fields under the given type name. */
int gk_emitv(FILE *, const char *type, int n, const char *const *fields);
/* Write a record exactly as it was read (passthrough). */
int gk_emit_raw(FILE *, const struct gk_rec *);

#endif
