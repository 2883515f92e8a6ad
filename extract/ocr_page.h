/*
 * ocr_page.h: a page image without ruled tables, cut into the boxes of its
 * text (each read by itself), then laid out as the characters of a text
 * layer (struct gk_pdf_page, in points), so that a table printed without
 * rules is read from where its text stands by the same code that reads a
 * PDF's text layer (pdf/align.c through pdf/layout.c).
 */
#ifndef GK_EXTRACT_OCR_PAGE_H
#define GK_EXTRACT_OCR_PAGE_H

#include <stddef.h>

#include "extract/ocr_grid.h"
#include "extract/pdf/pdf.h"

/* A box of text: pixels, x1 and y1 exclusive; its text once read. */
struct ocr_tbox {
	int x0, y0, x1, y1;
	char *text;		/* UTF-8, malloc'd; NULL until read */
};

struct ocr_tboxes {
	struct ocr_tbox *v;
	size_t n, cap;
};

/*
 * Cut img into boxes of text by its blank gaps (a recursive X-Y cut): a
 * region is cut across where a blank band of rows at least LINE_GAP high
 * leaves parts at least LINE_MIN high each (lines; the gaps inside 三 or
 * 二 leave slivers), else along where a blank band of columns at least
 * PIECE_GAP wide parts it (the padding between cells, wider than the gap
 * between characters), else it is a box.  Boxes come top to bottom, left
 * to right within a region.  Returns 0, or -1 when memory ran out or past
 * GK_MAX_PAGE_CHARS boxes.
 */
int ocr_page_boxes(const struct ocr_img *img, int dpi,
    struct ocr_tboxes *b);
void ocr_tboxes_free(struct ocr_tboxes *);

/*
 * A narrow box (under NARROW_EM, 1.6 em: a numbering 一、 or a stop, whose
 * full-width advance leaves a gap after its ink as wide as the padding of
 * a cell) that stands within JOIN_EM (2 em) of the next box on its line:
 * the index of that box, else -1.  Read alone, chi_sim misreads 一、 (AN,
 * 二、 as 一一下); read with its label it does not (format_ocr.c reads the
 * two together, and keeps them so when they start with a numbering).
 */
long ocr_tbox_joins(const struct ocr_tboxes *b, size_t i, int dpi);
/* Box i taken into box j (j's extent grows, i is left empty: 0 wide). */
void ocr_tbox_join(struct ocr_tboxes *b, size_t i, size_t j);

/*
 * The boxes read as the characters of a page of img's size: each box's
 * characters (white space left out) share its width evenly, on its bottom
 * as the baseline, all at one font size: the page's em, from the height
 * of the boxes that hold an ideograph (their ink is IDEOGRAPH_INK of the
 * em).  Boxes without text are left out.  Returns 0, or -1 past the
 * page's limits or out of memory (pg freed).
 */
int ocr_page_layer(const struct ocr_tboxes *b, const struct ocr_img *img,
    int dpi, struct gk_pdf_page *pg);

#endif
