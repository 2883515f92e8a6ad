/*
 * format_pdf.c: PDF documents, read with MuPDF (extract/pdf/).
 *
 * The bid looks at the first bytes only (libarchive's rule: bidders peek,
 * never consume).  The document is opened once, under its budget, and each
 * page is interpreted once (pdf/device.c): its characters and its rulings.
 * Pages with a text layer are laid out into paras and cells (pdf/layout.c);
 * a document none of whose pages has one is a scan, and one whose text
 * layer is not its text (characters without Unicode, narrow characters
 * set as wide as ideographs, too few ideographs: gk_pdf_text_verdict) is
 * read as one, with a note saying why: the same open document goes to
 * the OCR reader (format_ocr.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/progress.h"
#include "extract/format.h"
#include "extract/ocr.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/pdf.h"

static int
pdf_bid(const struct gk_doc *d)
{
	return gk_pdf_magic(d->data, d->len) ? 64 : 0;
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

/*
 * Lay out the pages held so far (in order) and free them.  Returns the
 * first error.
 */
static enum gk_err
flush(struct gk_pdf_layout *lay, struct gk_pdf_page *held, int *nheld,
    enum gk_err err)
{
	int i;

	for (i = 0; i < *nheld; i++) {
		if (err == GK_E_OK)
			err = gk_pdf_layout_page(lay, &held[i]);
		gk_pdf_page_free(&held[i]);
	}
	*nheld = 0;
	return err;
}

static enum gk_err
pdf_read(const char *id, const unsigned char *data, size_t len,
    struct gk_sink *s)
{
	struct gk_pdf_doc pd;
	struct gk_pdf_page pg, *held = NULL;
	struct gk_pdf_layout lay;
	char msg[256];
	enum gk_err err;
	struct gk_pdf_text_count tc;
	const char *why = NULL;
	size_t nwhy = 0;
	int i, nheld = 0, decided = 0, usable = 0;

	if ((err = gk_pdf_open(&pd, data, len, msg, sizeof(msg))) != GK_E_OK) {
		gk_sink_fail(s, err, "%s", msg);
		return err;
	}
	memset(&tc, 0, sizeof(tc));
	notes(pd.ctx, pd.doc, pd.npages, s);
	gk_pdf_layout_init(&lay, s);
	if (pd.npages > 0 &&
	    (held = calloc((size_t)pd.npages, sizeof(*held))) == NULL) {
		err = GK_E_NOMEM;
		gk_sink_fail(s, err, "out of memory");
	}
	/*
	 * Pages are held until the text layer read so far is TEXT_SAMPLE
	 * characters long: then it is the text, and every page is laid out
	 * as it is read, or it is not, and the pages are read by OCR.
	 */
	for (i = 0; i < pd.npages && err == GK_E_OK; i++) {
		gk_progress_detail("%s page %d/%d", id, i + 1, pd.npages);
		err = gk_pdf_page_read(&pd, i, &pg, msg, sizeof(msg));
		if (err != GK_E_OK) {
			gk_sink_fail(s, err, "%s", msg);
			break;
		}
		if (decided) {
			err = gk_pdf_layout_page(&lay, &pg);
			gk_pdf_page_free(&pg);
			continue;
		}
		gk_pdf_page_count(&pg, &tc);
		held[nheld++] = pg;
		if ((usable = gk_pdf_text_verdict(&tc, 0, &why, &nwhy)) >= 0) {
			decided = 1;
			if (!usable)
				break;
			err = flush(&lay, held, &nheld, err);
		}
	}
	if (!decided)
		usable = gk_pdf_text_verdict(&tc, 1, &why, &nwhy);
	if (usable)
		err = flush(&lay, held, &nheld, err);
	else
		flush(NULL, held, &nheld, GK_E_NOMEM);	/* only frees */
	free(held);
	if (err == GK_E_OK && usable)
		err = gk_pdf_layout_finish(&lay);
	gk_pdf_layout_free(&lay);	/* keeps lay.emitted */
	if (err == GK_E_OK && !usable) {
		/* a text layer that is not the text: which sign, how many */
		if (tc.chars > 0) {
			snprintf(msg, sizeof(msg), "%s %zu/%zu", why, nwhy,
			    tc.chars);
			gk_debug("%s: text layer not the text (%s): read by OCR",
			    id, msg);
			if (gk_sink_note(s, "text_layer", msg) == -1)
				err = s->err;
		}
		if (err == GK_E_OK)	/* a scan, or no usable text */
			err = gk_ocr_pdf(&pd, id, s);
	} else if (err == GK_E_OK && lay.emitted == 0) {
		err = GK_E_NO_TEXT;
		gk_sink_fail(s, err, "no text on any page");
	}
	gk_pdf_close(&pd);
	return err;
}

static enum gk_err
pdf_extract(const struct gk_doc *d, struct gk_sink *s)
{
	return pdf_read(d->id, d->data, d->len, s);
}

const struct gk_format gk_format_pdf = {
	"pdf", pdf_bid, pdf_extract
};
