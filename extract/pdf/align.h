/*
 * align.h: the grid of a table without ruling lines, from text
 * alignment, drawn as rulings.
 */
#ifndef GK_EXTRACT_PDF_ALIGN_H
#define GK_EXTRACT_PDF_ALIGN_H

#include "extract/pdf/text.h"

/*
 * Find the tables without rulings among the lines (keep[i] = 0: not text
 * of the page, such as a page number) and add the rulings of their grids
 * to out.  hint[0..nhint) are the column lines of the table held from the
 * page before (or none): a column gap holding one takes it, so that the
 * table goes on.  Returns 0, or -1 when memory ran out.
 */
int gk_pdf_align(const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *ln, size_t nl, const int *keep,
    const float *hint, int nhint, struct gk_pdf_page *out);

#endif
