/*
 * sink.h: where a format writes a document's paras and cells.
 *
 * The sink numbers everything in one reading order (SEQ), keeps the
 * document's records in memory (bounded by GK_MAX_CELLS and GK_MAX_TEXT)
 * and writes them only when the whole document was read, so that a document
 * that fails half-way gives one `error` record and nothing else.
 */
#ifndef GK_EXTRACT_SINK_H
#define GK_EXTRACT_SINK_H

#include <stdio.h>

#include "common/buf.h"
#include "common/err.h"

struct gk_sink {
	FILE *out;
	const char *doc;	/* DOC of the document being read */
	unsigned long seq;	/* next SEQ */
	int tables;		/* tables begun so far */
	unsigned long items;	/* paras and cells so far */
	int page;		/* the page being read (1, 2, ...); 0: none */
	struct gk_buf recs;	/* the records, until gk_sink_commit */
	enum gk_err err;	/* first failure: a limit, or gk_sink_fail */
	char msg[256];
};

void gk_sink_init(struct gk_sink *, FILE *out, const char *doc);
void gk_sink_free(struct gk_sink *);

/*
 * A paragraph of running text.  Text is UTF-8; white space is folded and
 * trimmed by the sink, and an empty paragraph is dropped.  Returns -1 once a
 * limit is hit (the sink then holds the error): stop reading.
 */
int gk_sink_para(struct gk_sink *, const char *text);

/*
 * A paragraph that the document prints on purpose even when it holds only
 * white space: written like gk_sink_para's, but an empty one is kept, as a
 * para record with empty TEXT.  For an element that exists but is empty,
 * such as a blank table cell that a page prints as its own <p>&nbsp;</p>
 * (one <p> per cell); gk-transform reads an empty para inside a table's
 * run of figures as a blank figure.  Formats call it only for elements of
 * that kind (format_html.c: a <p> with nothing but white space and inline
 * text markup), never for layout wrappers, so that ordinary pages do not
 * fill with empty paras.
 */
int gk_sink_para_keep(struct gk_sink *, const char *text);

/*
 * The page the paras and cells that follow are printed on (1-based), for
 * formats with pages; 0 (the default) writes an empty PAGE.
 */
void gk_sink_page(struct gk_sink *, int page);

/* Start a new table; returns its number (1, 2, ...). */
int gk_sink_table(struct gk_sink *);

/*
 * A table cell of the current table, at its top-left grid position (0-based
 * ROW and COL after spans are resolved), written once for a merged cell.
 * Cells must come in reading order (row by row, left to right).  Text as for
 * paras, but an empty cell is kept (with empty TEXT): blank cells matter.
 */
int gk_sink_cell(struct gk_sink *, int row, int col, int rowspan,
    int colspan, const char *text);

/*
 * An extra fact about the document, written as a `note DOC KEY VALUE` record
 * (a type the other stages pass through).  Keys in use: "ocr" (the number of
 * pages read from page images: the transform flags every value `ocr`),
 * "missing_glyphs" (the missing-glyph boxes OCR saw: characters drawn in
 * a font that lacks them, which no layer of the page holds), "pages",
 * "producer", "text_layer".
 */
int gk_sink_note(struct gk_sink *, const char *key, const char *value);

/* Record a failure: code and a sentence (printf-style). Returns -1. */
int gk_sink_fail(struct gk_sink *, enum gk_err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Write the held records (success) or one `error` record (failure, with
 * STAGE extract).  Returns -1 on a write error. */
int gk_sink_commit(struct gk_sink *);

#endif
