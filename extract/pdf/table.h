/*
 * table.h: ruled tables of a PDF page, rebuilt as grids of cells.
 */
#ifndef GK_EXTRACT_PDF_TABLE_H
#define GK_EXTRACT_PDF_TABLE_H

#include "extract/pdf/pdf.h"

struct gk_pdf_cell {
	int row, col, rowspan, colspan;
	char *text;		/* filled by the caller; NULL until then */
};

struct gk_pdf_table {
	float x0, y0, x1, y1;	/* bounding box */
	float *xs, *ys;		/* grid lines, ascending */
	int nx, ny;		/* nx-1 columns, ny-1 rows */
	int *box;		/* cell index of each grid box, row-major */
	struct gk_pdf_cell *cells;	/* top-left order: row, then col */
	int ncells;
};

/*
 * The ruled tables of a page, top to bottom.  A table is a connected set of
 * horizontal and vertical rulings that makes at least two cells; a box
 * whose border is missing is merged with its neighbour (a spanning cell).
 * Returns 0, or -1 when memory ran out.
 */
int gk_pdf_find_tables(const struct gk_pdf_page *, struct gk_pdf_table **,
    int *ntables);
void gk_pdf_tables_free(struct gk_pdf_table *, int ntables);

/* The cell of t that holds the point, or -1. */
int gk_pdf_cell_at(const struct gk_pdf_table *t, float x, float y);

#endif
