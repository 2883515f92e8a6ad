/*
 * held.h: a table held over a page break until what follows says whether
 * it goes on: its cells, and the paras read after it (a page number, a
 * running head) that come before a part that continues it, each with the
 * page it came from.  When the table ends it is written to the sink as
 * one TABLE.  The PDF layout (pdf/layout.c) and the OCR reader
 * (format_ocr.c) decide, each by its own evidence, when a new part
 * continues the table; both keep it here.
 */
#ifndef GK_EXTRACT_HELD_H
#define GK_EXTRACT_HELD_H

#include <stddef.h>

#include "common/err.h"
#include "extract/sink.h"

struct gk_held_item {
	char *text;		/* owned; NULL: empty */
	int page;		/* where it was read */
	int row, col, rowspan, colspan;	/* col < 0: a para */
};

struct gk_held {
	int on;			/* a table is held */
	int rows;		/* its rows so far */
	struct gk_held_item *v;	/* its cells and paras, as read */
	size_t n, cap;
};

/* Drop what is held (texts freed); the struct is empty again. */
void gk_held_clear(struct gk_held *);

/*
 * Hold a cell (col >= 0) or a para (col < 0).  The text is taken on
 * success only.  GK_E_TOO_MANY past GK_MAX_CELLS items, GK_E_NOMEM.
 */
enum gk_err gk_held_add(struct gk_held *, int page, int row, int col,
    int rowspan, int colspan, char *text);

/*
 * The held cells' columns on another grid: the cell from grid line c to
 * line c + colspan goes from map[c] to map[c + colspan].
 */
void gk_held_renumber(struct gk_held *, const int *map);

/* The cells in row, then column order (for a table holding no paras). */
void gk_held_sort(struct gk_held *);

/*
 * Write the held table (if one is held): a TABLE, then its items in their
 * order, each on its page; the sink's page is left as it was.  The held
 * table is cleared either way.  Returns the items written, or -1 when the
 * sink failed (its error says why).
 */
long gk_held_flush(struct gk_held *, struct gk_sink *);

#endif
