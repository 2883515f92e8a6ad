/*
 * loose.h: the cells of a table printed without ruling lines.
 */
#ifndef GK_EXTRACT_PDF_LOOSE_H
#define GK_EXTRACT_PDF_LOOSE_H

#include "extract/pdf/text.h"

/*
 * The lines with zone[i] set are one or more tables without rulings: cut
 * them into cells (wrapped labels joined) and call emit once per cell with
 * the position of its first line, top to bottom.  right is the right
 * margin of the text.  Returns 0, or -1 (no memory, or emit failed).
 */
int gk_pdf_loose(const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *ln, size_t nl, const int *zone, float right,
    int (*emit)(void *, float y, float x, const char *), void *arg);

#endif
