/*
 * pdf.h: a PDF opened with MuPDF under a budget, and what one pass over a
 * page gives: its characters and its ruling lines.  Shared by format_pdf.c
 * (the text layer) and format_ocr.c (page images).
 *
 * Coordinates are MuPDF's page space: points, origin top-left, y down.
 *
 * The budget (common/bounds.h): MuPDF allocates through a counting
 * allocator that refuses to hold more than GK_MAX_PDF_MEMORY at once; the
 * file is handed to MuPDF in slices, and every slice (and every drawing
 * call of a page) checks the CPU time spent since the budget was started
 * against GK_MAX_PDF_SECONDS, then sets the fz_cookie's abort and throws.
 * A page is read in one interpretation, and the limits on its characters,
 * paths and nesting are checked as the page draws them, never after.
 */
#ifndef GK_EXTRACT_PDF_H
#define GK_EXTRACT_PDF_H

#include <stddef.h>

#include <mupdf/fitz.h>

#include "common/err.h"

/* What the document may cost; filled by gk_pdf_open. */
struct gk_pdf_budget {
	size_t max_mem;		/* bytes MuPDF may hold at once */
	size_t used, peak;	/* bytes held now, at most */
	int over_mem;		/* an allocation was refused */
	double seconds;		/* CPU seconds a budget period allows */
	double deadline;	/* process CPU time at which it ends */
	int over_time;		/* it ended */
	fz_cookie *cookie;	/* whose abort is set when it ends */
	unsigned long ticks;	/* drawing calls since the last clock read */
};

/* An open document. */
struct gk_pdf_doc {
	fz_context *ctx;
	fz_document *doc;
	int npages;
	fz_cookie cookie;
	struct gk_pdf_budget *budget;	/* outlives ctx: its allocator */
};

/* 1 when the bytes start like a PDF (%PDF- within the first 1 KB). */
int gk_pdf_magic(const unsigned char *, size_t);

/*
 * Open a PDF held in memory (the bytes must outlive the document) and start
 * its budget.  Returns GK_E_OK, or an error code with a sentence in msg:
 * GK_E_CORRUPT (MuPDF cannot open it), GK_E_ENCRYPTED (needs a password),
 * GK_E_TOO_MANY (more than GK_MAX_PAGES pages), GK_E_TOO_BIG or
 * GK_E_TIMEOUT (the budget ran out while opening), GK_E_NOMEM.  On failure
 * nothing is left to close.  Never throws.
 */
enum gk_err gk_pdf_open(struct gk_pdf_doc *, const unsigned char *, size_t,
    char *msg, size_t msgsize);
void gk_pdf_close(struct gk_pdf_doc *);

/* Start a new budget period of GK_MAX_PDF_SECONDS (each OCR page gets one). */
void gk_pdf_budget_start(struct gk_pdf_doc *);

/*
 * The error a MuPDF failure stands for: GK_E_TOO_BIG or GK_E_TIMEOUT when
 * the budget ran out (with a sentence in msg), else dflt (msg untouched).
 */
enum gk_err gk_pdf_failure(const struct gk_pdf_doc *, enum gk_err dflt,
    char *msg, size_t msgsize);

/*
 * Inside MuPDF calls (a device, a stream): throw when the budget's time is
 * up.  Reads the clock every GK_PDF_TICKS calls.
 */
void gk_pdf_budget_tick(fz_context *, struct gk_pdf_budget *);

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
 * Fill pg from page number `no` (0-based) in one interpretation of the
 * page.  Returns GK_E_OK, or the error with a sentence in msg: a per-page
 * limit (GK_E_TOO_MANY), the budget (GK_E_TOO_BIG, GK_E_TIMEOUT), MuPDF
 * failing (GK_E_CORRUPT), memory (GK_E_NOMEM).  Never throws.
 */
enum gk_err gk_pdf_page_read(struct gk_pdf_doc *, int no,
    struct gk_pdf_page *pg, char *msg, size_t msgsize);
void gk_pdf_page_free(struct gk_pdf_page *);

/* Does the page hold a character that is not white space? */
int gk_pdf_page_has_text(const struct gk_pdf_page *);

/*
 * What a text layer read so far holds, counted page by page
 * (gk_pdf_page_count adds a page's): the signs that it is not the
 * document's text, each against its threshold (thresholds.h).
 */
struct gk_pdf_text_count {
	size_t chars;		/* characters other than white space */
	size_t unmapped;	/* U+FFFD, private use, C0 and C1 controls */
	size_t wide;		/* ASCII or Latin letters set over WIDE_GLYPH_EM */
	size_t ascii;		/* printable ASCII */
	size_t han;		/* CJK unified ideographs */
};
void gk_pdf_page_count(const struct gk_pdf_page *,
    struct gk_pdf_text_count *);

/*
 * Is the text layer counted in tc the document's text?  -1: not known yet
 * (under TEXT_SAMPLE characters and `all` the pages not read); 1: yes;
 * 0: no, the page images are read instead (OCR), and *why names the sign:
 * "none" (no character), "unmapped" (over UNMAPPED_SHARE without
 * Unicode), "wide" (over WIDE_GLYPH_SHARE narrow characters set as wide
 * as ideographs), "han" (under HAN_SHARE of the characters other than
 * ASCII are ideographs); *n is how many characters show it (for "han":
 * the ideographs).
 */
int gk_pdf_text_verdict(const struct gk_pdf_text_count *tc, int all,
    const char **why, size_t *n);

/*
 * Appending to a page; NULL or -1 when a per-page limit is hit or memory
 * ran out.  A character: x0, x1 its extent, y its baseline, size its font
 * size (1 if none).
 */
struct gk_pdf_char *gk_pdf_page_addchar(struct gk_pdf_page *, int c,
    float x0, float x1, float y, float size);
int gk_pdf_page_addseg(struct gk_pdf_page *, int vertical, float at,
    float lo, float hi);

#endif
