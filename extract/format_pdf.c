/*
 * format_pdf.c: PDFs with a text layer, read with MuPDF.
 *
 * Page by page: characters with positions (pdf/device.c), ruled tables rebuilt
 * as grids (pdf/table.c), each character put in the cell that holds it or
 * left as running text; running text becomes lines and paragraphs
 * (pdf/text.c).  Everything is written in reading order, top to bottom.
 *
 * A table that runs over a page break is one table: the table that ends a
 * page is held back until the next page shows whether its first item is a
 * table on the same column lines.  If so its rows are appended, the header
 * rows it repeats are dropped, and a merged cell cut by the break (an empty
 * continuation of a spanning label) is joined to its first part.
 * Page-number lines (- 4 -, 第4页) are dropped.
 *
 * A PDF with no text on any page bids 0: it is a scan, for format_ocr.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/progress.h"
#include "extract/format.h"
#include "extract/pdf/pdf.h"
#include "extract/pdf/layout.h"

static int
pdf_bid(const struct gk_doc *d)
{
	fz_context *ctx;
	fz_document *doc;
	char msg[256];
	int n, r;

	if (!gk_pdf_magic(d->data, d->len))
		return 0;
	if ((ctx = gk_pdf_context()) == NULL)
		return 64;	/* extract will say out_of_memory */
	if (gk_pdf_open(ctx, d->data, d->len, &doc, &n, msg,
	    sizeof(msg)) != GK_E_OK) {
		fz_drop_context(ctx);
		return 64;	/* ours to report: corrupt, encrypted */
	}
	r = gk_pdf_text_pages(ctx, doc, n, 1);
	fz_drop_document(ctx, doc);
	fz_drop_context(ctx);
	/* No text layer anywhere: a scan, leave it to OCR. */
	return r == 0 ? 0 : 64;
}

static void
notes(fz_context *ctx, fz_document *doc, int npages, struct gk_sink *s)
{
	char buf[512], num[16];
	int found = 0;

	fz_var(found);
	snprintf(num, sizeof(num), "%d", npages);
	gk_sink_note(s, "pages", num);
	fz_try(ctx) {
		if (fz_lookup_metadata(ctx, doc, "info:Producer", buf,
		    sizeof(buf)) > 0 && buf[0] != '\0')
			found = 1;
		else if (fz_lookup_metadata(ctx, doc, "info:Creator", buf,
		    sizeof(buf)) > 0 && buf[0] != '\0')
			found = 1;
	}
	fz_catch(ctx)
		found = 0;
	if (found)
		gk_sink_note(s, "producer", buf);
}

static enum gk_err
pdf_extract(const struct gk_doc *d, struct gk_sink *s)
{
	fz_context *ctx;
	fz_document *doc;
	struct gk_pdf_page pg;
	struct gk_pdf_layout lay;
	char msg[256];
	enum gk_err err;
	int n, i;

	if ((ctx = gk_pdf_context()) == NULL) {
		gk_sink_fail(s, GK_E_NOMEM, "MuPDF: no memory for a context");
		return GK_E_NOMEM;
	}
	err = gk_pdf_open(ctx, d->data, d->len, &doc, &n, msg, sizeof(msg));
	if (err != GK_E_OK) {
		gk_sink_fail(s, err, "%s", msg);
		fz_drop_context(ctx);
		return err;
	}
	notes(ctx, doc, n, s);
	gk_pdf_layout_init(&lay, s);
	for (i = 0; i < n && err == GK_E_OK; i++) {
		gk_progress_detail("%s page %d/%d", d->id, i + 1, n);
		if (gk_pdf_page_read(ctx, doc, i, &pg, msg, sizeof(msg)) < 0) {
			err = GK_E_CORRUPT;
			gk_sink_fail(s, err, "%s", msg);
			break;
		}
		err = gk_pdf_layout_page(&lay, &pg);
		gk_pdf_page_free(&pg);
	}
	if (err == GK_E_OK)
		err = gk_pdf_layout_finish(&lay);
	gk_pdf_layout_free(&lay);	/* keeps lay.emitted */
	fz_drop_document(ctx, doc);
	fz_drop_context(ctx);
	if (err == GK_E_OK && lay.emitted == 0) {
		err = GK_E_NO_TEXT;
		gk_sink_fail(s, err, "no text on any page");
	}
	return err;
}

const struct gk_format gk_format_pdf = {
	"pdf", pdf_bid, pdf_extract
};
