/*
 * run.h: a page's contents run for reading, through MuPDF's run
 * processor with some of its operators hooked.
 *
 * ActualText.  A producer that draws glyphs whose own Unicode is wrong or
 * missing (a font without digits drawing each as a box, a ligature, a
 * glyph of a private encoding) may say what they read as: /Span <<
 * /ActualText (...) >> BDC ... EMC (PDF 32000-1 14.9.4).  The text then
 * stands for the glyphs of the span.  MuPDF 1.21's interpreter neither
 * tells a device of marked content nor reads ActualText, so BMC, BDC and
 * EMC are hooked and the text the span draws is held back until its EMC,
 * when the span's code points are laid over its glyphs.
 *
 * Glyph bounds.  For every glyph it shows, the interpreter bounds the
 * glyph's outline (FreeType loads and scales it: a third of the
 * instructions of reading a Chinese report) only to know the box of the
 * text object, which a reading never uses: a group or knockout box, for
 * drawing.  The font each Tf sets (not a Type 3 font, whose glyphs' boxes
 * MuPDF keeps otherwise) is told to bound its glyphs by the font's box.
 * Characters come from the text device, whose boxes are the glyphs'
 * advances and the font's ascent and descent, not these bounds.
 */
#ifndef GK_EXTRACT_PDF_RUN_H
#define GK_EXTRACT_PDF_RUN_H

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

struct gk_pdf_run {
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
	void (*op_Tf)(fz_context *, pdf_processor *, const char *,
	    pdf_font_desc *, float);
};

/* Hook the run processor proc: its marked content and fonts go through
 * a, text drawn in an ActualText span is given to gk_pdf_run_hold by the
 * device, and goes on to out.  Until gk_pdf_run_unhook, a is the
 * context's user pointer. */
void gk_pdf_run_hook(fz_context *ctx, pdf_processor *proc,
    struct gk_pdf_run *a, fz_device *out);
/* Give back the context's user pointer and drop any text still held (a
 * span left open by the page, or a page stopped midway). */
void gk_pdf_run_unhook(fz_context *ctx, struct gk_pdf_run *a);

/* Text a device is asked to fill: held (1) when an ActualText span is
 * open, else 0 and the caller passes it on. */
int gk_pdf_run_hold(fz_context *ctx, struct gk_pdf_run *a,
    const fz_text *text, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp);

#endif
