/*
 * actual.h: the text a span of marked content says it stands for.
 *
 * A producer that draws glyphs whose own Unicode is wrong or missing (a
 * font without digits drawing each as a box, a ligature, a glyph of a
 * private encoding) may say what they read as: /Span << /ActualText (...)
 * >> BDC ... EMC (PDF 32000-1 14.9.4).  The text then stands for the
 * glyphs of the span.  MuPDF 1.21's interpreter neither tells a device of
 * marked content nor reads ActualText, so the read of a page hooks the
 * interpreter's BMC, BDC and EMC and holds back the text the span draws
 * until its EMC, when the span's code points are laid over its glyphs.
 */
#ifndef GK_EXTRACT_PDF_ACTUAL_H
#define GK_EXTRACT_PDF_ACTUAL_H

#include <mupdf/pdf.h>

#define ACTUAL_MAX_CP	64	/* code points of one span's text; a longer
				   one is not laid over its glyphs */
#define ACTUAL_MAX_HELD	16	/* text calls one span may hold back; past
				   that the span's text goes on as drawn */

struct gk_pdf_held_text {
	fz_text *text;
	fz_matrix ctm;
	fz_colorspace *cs;
	float color[FZ_MAX_COLORS];
	float alpha;
	fz_color_params cp;
};

struct gk_pdf_actual {
	fz_device *out;		/* where text goes on (the text device) */
	int depth;		/* marked content open (BMC, BDC) */
	int span;		/* depth of the open ActualText span, 0: none */
	unsigned cp[ACTUAL_MAX_CP];
	int ncp;
	struct gk_pdf_held_text held[ACTUAL_MAX_HELD];
	int nheld;
	void *user;		/* the context's user pointer before the hook */
	void (*op_BMC)(fz_context *, pdf_processor *, const char *);
	void (*op_BDC)(fz_context *, pdf_processor *, const char *,
	    pdf_obj *, pdf_obj *);
	void (*op_EMC)(fz_context *, pdf_processor *);
};

/* Hook the run processor proc: its marked content goes through a, text
 * drawn in an ActualText span is given to gk_pdf_actual_hold by the
 * device, and goes on to out.  Until gk_pdf_actual_unhook, a is the
 * context's user pointer. */
void gk_pdf_actual_hook(fz_context *ctx, pdf_processor *proc,
    struct gk_pdf_actual *a, fz_device *out);
/* Give back the context's user pointer and drop any text still held (a
 * span left open by the page, or a page stopped midway). */
void gk_pdf_actual_unhook(fz_context *ctx, struct gk_pdf_actual *a);

/* Text a device is asked to fill: held (1) when an ActualText span is
 * open, else 0 and the caller passes it on. */
int gk_pdf_actual_hold(fz_context *ctx, struct gk_pdf_actual *a,
    const fz_text *text, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp);

#endif
