/*
 * pdf.h: MuPDF-based reading shared by the PDF formats (format_pdf.c reads
 * the text layer; format_ocr.c reads page images).
 *
 * Coordinates are MuPDF's page space: points, origin top-left, y down.
 */
#ifndef GK_EXTRACT_PDF_H
#define GK_EXTRACT_PDF_H

#include <stddef.h>

#include <mupdf/fitz.h>

#include "common/err.h"

/*
 * A context with the document handlers registered, or NULL when memory ran
 * out.  Drop it with fz_drop_context.
 */
fz_context *gk_pdf_context(void);

/*
 * Open a PDF held in memory (the bytes must outlive the document).  Returns
 * GK_E_OK and *docp, or an error code with a sentence in msg:
 * GK_E_CORRUPT (MuPDF cannot open it), GK_E_ENCRYPTED (needs a password),
 * GK_E_TOO_MANY (more than GK_MAX_PAGES pages).  *npages gets the page count.
 * Never throws.
 */
enum gk_err gk_pdf_open(fz_context *, const unsigned char *, size_t,
    fz_document **docp, int *npages, char *msg, size_t msgsize);

/* 1 when the bytes start like a PDF (%PDF- within the first 1 KB). */
int gk_pdf_magic(const unsigned char *, size_t);

/*
 * How many of the document's pages carry a text layer (at least one
 * character that is not white space); stops counting after `enough`.
 * -1 when MuPDF fails.  Never throws.
 */
int gk_pdf_text_pages(fz_context *, fz_document *, int npages, int enough);

/* One character of the text layer. */
struct gk_pdf_char {
	int c;			/* Unicode */
	float x0, x1;		/* horizontal extent */
	float y;		/* baseline */
	float size;		/* font size */
};

/*
 * A ruling segment: a horizontal one lies at `at` (its y) from lo to hi
 * (x); a vertical one at x `at` from lo to hi (y).
 */
struct gk_pdf_seg {
	float at, lo, hi;
};

/* What one page holds: its characters and its ruling lines. */
struct gk_pdf_page {
	float w, h;
	struct gk_pdf_char *ch;
	size_t nch, capch;
	struct gk_pdf_seg *hs, *vs;
	size_t nh, nv, caph, capv;
};

/*
 * Fill pg from page number `no` (0-based).  Returns 0, or -1 with msg set
 * (MuPDF failed, or a per-page limit was hit).  Never throws.
 */
int gk_pdf_page_read(fz_context *, fz_document *, int no,
    struct gk_pdf_page *pg, char *msg, size_t msgsize);
void gk_pdf_page_free(struct gk_pdf_page *);

/* Appending to a page; -1 when a per-page limit is hit or memory ran out. */
int gk_pdf_page_addseg(struct gk_pdf_page *, int vertical, float at,
    float lo, float hi);

#endif
