/*
 * open.c: open a PDF from memory with MuPDF, and ask whether it has a
 * text layer.  Every MuPDF call runs under fz_try: MuPDF reports errors by
 * longjmp, and none may escape into the rest of gk.
 */
#include <stdio.h>
#include <string.h>

#include "common/bounds.h"
#include "extract/pdf/pdf.h"

fz_context *
gk_pdf_context(void)
{
	fz_context *ctx;

	ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	if (ctx == NULL)
		return NULL;
	fz_try(ctx)
		fz_register_document_handlers(ctx);
	fz_catch(ctx) {
		fz_drop_context(ctx);
		return NULL;
	}
	/* Warnings about repaired files are not ours to print. */
	fz_set_warning_callback(ctx, NULL, NULL);
	fz_set_error_callback(ctx, NULL, NULL);
	return ctx;
}

int
gk_pdf_magic(const unsigned char *p, size_t n)
{
	size_t i;

	if (n > 1024)
		n = 1024;
	for (i = 0; i + 5 <= n; i++)
		if (memcmp(p + i, "%PDF-", 5) == 0)
			return 1;
	return 0;
}

enum gk_err
gk_pdf_open(fz_context *ctx, const unsigned char *data, size_t len,
    fz_document **docp, int *npages, char *msg, size_t msgsize)
{
	fz_stream *stm = NULL;
	fz_document *doc = NULL;
	enum gk_err err = GK_E_OK;
	int n = 0;

	fz_var(stm);
	fz_var(doc);
	fz_var(err);
	fz_var(n);
	*docp = NULL;
	*npages = 0;
	fz_try(ctx) {
		stm = fz_open_memory(ctx, data, len);
		doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
		if (fz_needs_password(ctx, doc)) {
			err = GK_E_ENCRYPTED;
			snprintf(msg, msgsize, "the PDF needs a password");
		} else {
			n = fz_count_pages(ctx, doc);
			if (n > GK_MAX_PAGES) {
				err = GK_E_TOO_MANY;
				snprintf(msg, msgsize, "%d pages, more than "
				    "the limit of %d", n, GK_MAX_PAGES);
			} else if (n <= 0) {
				err = GK_E_CORRUPT;
				snprintf(msg, msgsize, "the PDF has no pages");
			}
		}
	}
	fz_always(ctx)
		fz_drop_stream(ctx, stm);
	fz_catch(ctx) {
		err = GK_E_CORRUPT;
		snprintf(msg, msgsize, "MuPDF cannot open it: %s",
		    fz_caught_message(ctx));
	}
	if (err != GK_E_OK) {
		fz_try(ctx) {
			fz_drop_document(ctx, doc);
		}
		fz_catch(ctx) {
			/* nothing more to free */
		}
		return err;
	}
	*docp = doc;
	*npages = n;
	return GK_E_OK;
}

/* Does this page have a character that is not white space? */
static int
page_has_text(fz_context *ctx, fz_document *doc, int no)
{
	fz_page *page = NULL;
	fz_stext_page *tp = NULL;
	fz_stext_block *b;
	fz_stext_line *l;
	fz_stext_char *c;
	int found = 0;

	fz_var(page);
	fz_var(tp);
	fz_var(found);
	fz_try(ctx) {
		page = fz_load_page(ctx, doc, no);
		tp = fz_new_stext_page_from_page(ctx, page, NULL);
		for (b = tp->first_block; b != NULL && !found; b = b->next) {
			if (b->type != FZ_STEXT_BLOCK_TEXT)
				continue;
			for (l = b->u.t.first_line; l != NULL && !found;
			    l = l->next)
				for (c = l->first_char; c != NULL; c = c->next)
					if (c->c > ' ' && c->c != 0xa0 &&
					    c->c != 0x3000 && c->c != 0xfffd) {
						found = 1;
						break;
					}
		}
	}
	fz_always(ctx) {
		fz_drop_stext_page(ctx, tp);
		fz_drop_page(ctx, page);
	}
	fz_catch(ctx)
		found = -1;
	return found;
}

int
gk_pdf_text_pages(fz_context *ctx, fz_document *doc, int npages, int enough)
{
	int i, n, r;

	n = 0;
	for (i = 0; i < npages && n < enough; i++) {
		r = page_has_text(ctx, doc, i);
		if (r < 0)
			return -1;
		n += r;
	}
	return n;
}
