/*
 * layout.h: a PDF's pages -> paras and cells in reading order, with
 * tables continued over page breaks.
 */
#ifndef GK_EXTRACT_PDF_LAYOUT_H
#define GK_EXTRACT_PDF_LAYOUT_H

#include "common/err.h"
#include "extract/held.h"
#include "extract/pdf/pdf.h"
#include "extract/sink.h"

/* The table that ended the last page, held until we know it ended. */
struct gk_pdf_held {
	struct gk_held t;	/* its cells (no paras) */
	int page;		/* the page of the cells being added */
	float *xs;		/* its column lines */
	int nx;
};

struct gk_pdf_layout {
	struct gk_sink *sink;
	struct gk_pdf_held held;
	unsigned long emitted;	/* paras and cells written */
	/*
	 * A table header that ended the last page without its body: its
	 * characters, laid out again on top of the next page.
	 */
	struct gk_pdf_char *carry;
	size_t ncarry;
	float carry_w, carry_h;
	float carry_gap;	/* em above the next page's first line */
	int page;		/* pages seen */
	/* The right edge of the running text on the pages so far of width
	 * margin_w: where a line that wraps ends. */
	float margin, margin_w;
};

void gk_pdf_layout_init(struct gk_pdf_layout *, struct gk_sink *);
/* Lay out one page; GK_E_OK or the error (already in the sink). */
enum gk_err gk_pdf_layout_page(struct gk_pdf_layout *,
    const struct gk_pdf_page *);
/* Write what is held. */
enum gk_err gk_pdf_layout_finish(struct gk_pdf_layout *);
void gk_pdf_layout_free(struct gk_pdf_layout *);

#endif
