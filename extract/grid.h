/*
 * grid.h: a table's cells placed on the grid after spans are resolved.
 *
 * A format adds the cells of a table row by row; the grid keeps them (the
 * rowspan of a Word cell is only known when the rows below it are read) and
 * writes them to the sink at the end, at their top-left positions, with
 * spans clamped to the table's size.
 */
#ifndef GK_EXTRACT_GRID_H
#define GK_EXTRACT_GRID_H

#include <stddef.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "sink.h"

struct gk_gcell {
	int row, col, rowspan, colspan;
	size_t text;		/* offset in the grid's text buffer */
};

struct gk_grid {
	struct gk_gcell *cells;
	size_t n, cap;
	struct gk_buf text;	/* the cells' texts, NUL-separated */
	int row;		/* current row, -1 before the first */
	int col;		/* next free column looked at in this row */
	int nrows;
	int busy[GK_MAX_TABLE_COLS];	/* a column is taken until this row */
};

void gk_grid_init(struct gk_grid *);
void gk_grid_free(struct gk_grid *);
/* Start the next row. Returns -1 past GK_MAX_TABLE_ROWS. */
int gk_grid_row(struct gk_grid *);
/*
 * HTML placement: the first column at or after the cursor that no rowspan
 * from above covers.  Marks the cells it covers.  A colspan reaching past
 * GK_MAX_TABLE_COLS is cut to fit (pages write colspan="100").  Returns the
 * column, or -1 when the row has no column left.
 */
int gk_grid_place(struct gk_grid *, int rowspan, int *colspan);
/* Keep a cell; returns its index, or -1 past GK_MAX_CELLS or memory. */
long gk_grid_add(struct gk_grid *, int row, int col, int rowspan,
    int colspan, const char *text, size_t len);
/*
 * Write the table to the sink (a new table number), cells ordered by row
 * then column, rowspans clamped to the rows that exist.  Returns -1 when the
 * sink refused (it holds the error).  An empty grid writes nothing.
 */
int gk_grid_emit(struct gk_grid *, struct gk_sink *);

#endif
