/*
 * sheet.h: one worksheet's cells and merged ranges, written to the sink as
 * tables and paras.  Shared by the .xls and .xlsx readers.
 *
 * A reader adds each cell that the file holds (its printed text; a blank
 * cell with only formatting may be added with empty text) and each merged
 * range, in any order, then calls gk_sheet_emit.  A sheet has no tables of
 * its own: its tables are the blocks of rows that blank rows part.  Each
 * block is written as one table over the columns its text and merges use,
 * every grid position of it a cell (an empty one where the file holds
 * nothing: a spreadsheet, unlike a page, has every cell), a merged range
 * once at its top-left with its ROWSPAN and COLSPAN.  A block that is a
 * single column of text (a title, a note, one merged cell per row) is
 * written as paras, as an HTML table of one cell is read as running text.
 */
#ifndef GK_EXTRACT_SHEET_H
#define GK_EXTRACT_SHEET_H

#include <stddef.h>

#include "common/buf.h"
#include "sink.h"

struct gk_scell {
	unsigned row, col;
	size_t text, len;	/* in the sheet's text pool */
	size_t order;		/* the later of two cells at one place wins */
};

struct gk_smerge {
	unsigned r1, c1, r2, c2;	/* inclusive */
};

struct gk_sheet {
	struct gk_sink *sink;
	struct gk_scell *cells;
	size_t n, cap;
	struct gk_smerge *merges;
	size_t nm, capm;
	struct gk_buf pool;
	unsigned long total;	/* cells added over all sheets */
};

void gk_sheet_init(struct gk_sheet *, struct gk_sink *);
void gk_sheet_free(struct gk_sheet *);

/*
 * Add a cell (0-based row and column) or a merged range.  Return -1 once a
 * limit is hit (GK_MAX_CELLS cells in the workbook, GK_MAX_TEXT per cell):
 * the sink then holds the error; stop reading.
 */
int gk_sheet_cell(struct gk_sheet *, unsigned row, unsigned col,
    const char *text, size_t len);
int gk_sheet_merge(struct gk_sheet *, unsigned r1, unsigned c1, unsigned r2,
    unsigned c2);

/*
 * Write the sheet's blocks to the sink and forget its cells (the sheet is
 * ready for the next worksheet).  Returns -1 when the sink refused (a
 * table wider than GK_MAX_TABLE_COLS or longer than GK_MAX_TABLE_ROWS, too
 * many cells): the sink holds the error.
 */
int gk_sheet_emit(struct gk_sheet *);

#endif
