/*
 * format_ocr.c: scanned PDFs (pages that are only images), read by OCR.
 *
 * The PDF format (format_pdf.c) opens the document and reads each page
 * once; when no page has a text layer it hands the open document here
 * (ocr.h).  Each page is rendered grey by MuPDF, under its own budget
 * period, the table grids are
 * found from their ruling lines (ocr_grid.c) and the rules erased, then
 * Tesseract (chi_sim) reads every table cell on its own and the text between
 * the tables band by band.  Cells come out as cells, text lines as paras, in
 * reading order, and a `note DOC ocr N` says how many pages were read so: the
 * transform flags every value of the document `ocr`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/fitz.h>
#include <tesseract/capi.h>

#include "common/bounds.h"
#include "common/log.h"
#include "common/progress.h"
#include "ocr.h"
#include "ocr_grid.h"
#include "ocr_lib.h"
#include "pdf/pdf.h"

#define OCR_DPI		200		/* render resolution (see NOTES_ocr.md) */
#define OCR_MAX_PIXELS	(40L << 20)	/* one rendered page; larger pages
					   are rendered at a lower resolution */
#define OCR_LANG	"chi_sim"
#define OCR_PAD		16		/* white border around a cut-out */

/*
 * Tesseract is loaded on first use (ocr_lib.c); one handle for the whole
 * run: loading chi_sim costs 0.2 s.
 */
static const struct ocr_lib *tl;
static TessBaseAPI *tess;
static int tess_failed;
static char tess_why[512];

static void
tess_end(void)
{
	if (tess != NULL) {
		tl->TessBaseAPIEnd(tess);
		tl->TessBaseAPIDelete(tess);
		tess = NULL;
	}
}

/* The handle, or NULL with the reason in tess_why. */
static TessBaseAPI *
tess_get(void)
{
	if (tess != NULL || tess_failed)
		return tess;
	tess_failed = 1;
	if ((tl = ocr_lib_load(tess_why, sizeof(tess_why))) == NULL)
		return NULL;
	if ((tess = tl->TessBaseAPICreate()) == NULL) {
		snprintf(tess_why, sizeof(tess_why), "Tesseract cannot "
		    "create a handle");
		return NULL;
	}
	if (tl->TessBaseAPIInit3(tess, NULL, OCR_LANG) != 0) {
		tl->TessBaseAPIDelete(tess);
		tess = NULL;
		snprintf(tess_why, sizeof(tess_why), "Tesseract cannot load "
		    "the %s language data", OCR_LANG);
		return NULL;
	}
	/* Tesseract's own chatter would land on our stderr. */
	tl->TessBaseAPISetVariable(tess, "debug_file", "/dev/null");
	atexit(tess_end);
	tess_failed = 0;
	return tess;
}

/*
 * chi_sim reads the full-width parentheses of the templates' labels as
 * 〈 〉 and sometimes as 《 (with a ")" after it): make them （ ）, so that
 * the transform can drop an annotation in parentheses.  All are 3 bytes.
 */
static void
fix_brackets(char *s)
{
	char *p, *close, *full, *title;

	for (p = s; (p = strstr(p, "〈")) != NULL; p += 3)
		memcpy(p, "（", 3);
	for (p = s; (p = strstr(p, "〉")) != NULL; p += 3)
		memcpy(p, "）", 3);
	for (p = s; (p = strstr(p, "《")) != NULL; p += 3) {
		close = strchr(p + 3, ')');
		full = strstr(p + 3, "）");
		if (close == NULL || (full != NULL && full < close))
			close = full;
		title = strstr(p + 3, "》");
		if (close != NULL && (title == NULL || close < title))
			memcpy(p, "（", 3);
	}
}

/*
 * Tesseract puts spaces between Chinese characters; a space only matters
 * between two Latin letters or digits.  Also drops the trailing newline.
 */
static void
tidy(char *s)
{
	unsigned char *r = (unsigned char *)s, *w = (unsigned char *)s;
	int prev_wide = 0;

	while (*r) {
		if (*r == ' ' || *r == '\n' || *r == '\t') {
			unsigned char *q = r;

			while (*q == ' ' || *q == '\t' || *q == '\n')
				q++;
			/* Keep one space unless a wide character is beside it. */
			if (!prev_wide && *q != '\0' && *q < 0x80 && w != (unsigned char *)s)
				*w++ = ' ';
			r = q;
			continue;
		}
		prev_wide = *r >= 0x80;
		if (*r >= 0x80) {
			*w++ = *r++;
			while ((*r & 0xc0) == 0x80)
				*w++ = *r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	fix_brackets(s);
}

/*
 * Pixel (x,y) of the box [bx0,bx1]x[by0,by1] of img scaled up k times,
 * interpolated between the four nearest source pixels.
 */
static unsigned char
sample(const struct ocr_img *img, int bx0, int by0, int bx1, int by1, int x,
    int y, int k)
{
	int sx = bx0 * k + x, sy = by0 * k + y;	/* in k-scaled units */
	int x0 = sx / k, y0 = sy / k, fx = sx % k, fy = sy % k;
	int x1 = x0 < bx1 ? x0 + 1 : x0, y1 = y0 < by1 ? y0 + 1 : y0;
	const unsigned char *p = img->p;
	size_t st = (size_t)img->stride;
	int a = p[y0 * st + x0], b = p[y0 * st + x1];
	int c = p[y1 * st + x0], d = p[y1 * st + x1];
	int top = a * (k - fx) + b * fx, bot = c * (k - fx) + d * fx;

	return (unsigned char)((top * (k - fy) + bot * fy) / (k * k));
}

/*
 * OCR the box [x0,x1)x[y0,y1) of img with page segmentation mode psm.  The
 * ink inside is cut out with a white border (Tesseract reads a line that
 * touches the edge badly).  Returns a malloc'd string ("" for no ink), or
 * NULL when memory ran out or Tesseract failed.
 */
static char *
ocr_box(TessBaseAPI *api, const struct ocr_img *img, int dpi, int x0, int y0,
    int x1, int y1, int psm, int lines, int up)
{
	int bx0 = x1, by0 = y1, bx1 = x0 - 1, by1 = y0 - 1, x, y, w, h, k;
	unsigned char *cut;
	char *t, *s;

	ocr_clip(img, &x0, &y0, &x1, &y1);
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++)
			if (img->p[(size_t)y * img->stride + x] < 170) {
				if (x < bx0)
					bx0 = x;
				if (x > bx1)
					bx1 = x;
				if (y < by0)
					by0 = y;
				if (y > by1)
					by1 = y;
			}
	/* Specks (a few pixels: dust, what is left of a rule) are no text. */
	if (bx1 < bx0 || ocr_ink(img, bx0, by0, bx1 + 1, by1 + 1) < dpi / 25)
		return strdup("");
	if (psm == PSM_SINGLE_LINE && by1 - by0 + 1 > dpi * 14 / 72)
		psm = PSM_SINGLE_BLOCK;	/* a label wrapped over lines */
	/*
	 * Cell text is small (9-10.5 pt, ~25 px at 200 dpi) and Tesseract
	 * misreads small Chinese (（七） as (七j): cells are read at twice
	 * the size, smoothly interpolated.
	 */
	k = up ? 2 : 1;
	w = (bx1 - bx0 + 1) * k + 2 * OCR_PAD;
	h = (by1 - by0 + 1) * k + 2 * OCR_PAD;
	if ((cut = malloc((size_t)w * h)) == NULL)
		return NULL;
	memset(cut, 255, (size_t)w * h);
	for (y = 0; y < (by1 - by0 + 1) * k; y++)
		for (x = 0; x < (bx1 - bx0 + 1) * k; x++)
			cut[(size_t)(y + OCR_PAD) * w + x + OCR_PAD] =
			    sample(img, bx0, by0, bx1, by1, x, y, k);
	tl->TessBaseAPISetPageSegMode(api, psm);
	tl->TessBaseAPISetImage(api, cut, w, h, 1, w);
	tl->TessBaseAPISetSourceResolution(api, dpi * k);
	t = tl->TessBaseAPIGetUTF8Text(api);
	free(cut);
	if (t == NULL)
		return NULL;
	if (!lines)
		tidy(t);
	s = strdup(t);
	tl->TessDeleteText(t);
	return s;
}

/*
 * A table that runs over a page break goes on as the same table when
 * nothing but short lines (a page number) came between its parts and the
 * part on the new page has as many columns.
 */
struct ocr_cont {
	int open;		/* a table was the last thing of substance */
	int cols, rows;		/* its columns; rows so far */
	char *above[256];	/* text of the cells on its last row, by col */
};

static void
cont_clear(struct ocr_cont *c)
{
	size_t i;

	for (i = 0; i < sizeof(c->above) / sizeof(c->above[0]); i++) {
		free(c->above[i]);
		c->above[i] = NULL;
	}
}

/*
 * OCR a band of running text; each line becomes a para.  A line longer
 * than a page number closes the table in c.
 */
static int
text_band(TessBaseAPI *api, const struct ocr_img *img, int dpi, int y0, int y1,
    struct gk_sink *sink, struct ocr_cont *c)
{
	char *t, *line, *next;

	if (y1 - y0 < dpi / 20)
		return 0;
	if ((t = ocr_box(api, img, dpi, 0, y0, img->w, y1, PSM_SINGLE_COLUMN,
	    1, 0)) == NULL)
		return gk_sink_fail(sink, GK_E_OCR, "Tesseract could not read "
		    "a text band");
	for (line = t; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		tidy(line);
		if (strlen(line) > 8)
			c->open = 0;
		if (*line != '\0' && gk_sink_para(sink, line) == -1) {
			free(t);
			return -1;
		}
	}
	free(t);
	return 0;
}

/*
 * A cell that should hold a number often comes back with the look-alikes
 * Tesseract confuses with digits (chi_sim reads a lone Times "7" as 了);
 * fix them only when the rest is a number too.
 */
static void
fix_number(char *s)
{
	static const char *const alike[][2] = {
		{ "O", "0" }, { "o", "0" }, { "〇", "0" }, { "l", "1" },
		{ "I", "1" }, { "|", "1" }, { "了", "7" }, { "，", "," },
		{ "。", "." },
		{ "．", "." },
	};
	char out[256];
	size_t i, n = 0, k;
	int digits = 0;

	if (strlen(s) >= sizeof(out) / 2)
		return;
	for (i = 0; s[i] != '\0';) {
		for (k = 0; k < sizeof(alike) / sizeof(alike[0]); k++)
			if (strncmp(s + i, alike[k][0], strlen(alike[k][0])) == 0)
				break;
		if (k < sizeof(alike) / sizeof(alike[0])) {
			if (alike[k][1][0] != ',' && alike[k][1][0] != '.')
				digits++;
			out[n++] = alike[k][1][0];
			i += strlen(alike[k][0]);
			continue;
		}
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.' && s[i] != ',' && s[i] != '-')
			return;	/* text, not a number */
		out[n++] = s[i++];
	}
	if (digits == 0)
		return;
	out[n] = '\0';
	memcpy(s, out, n + 1);
}

/*
 * The numbering of a wrapped label, （二）, often loses its "（" to a
 * look-alike: "人二)部分公开".  A character before a Chinese numeral and
 * a ")" at the start of a cell is that parenthesis.
 */
static void
fix_numbering(char *s)
{
	static const char *const cnum[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十" };
	size_t i, n;

	if ((unsigned char)s[0] < 0x80 || strncmp(s, "（", 3) == 0)
		return;
	n = 1;
	while (((unsigned char)s[n] & 0xc0) == 0x80)
		n++;
	if (n != 3)
		return;		/* keep it simple: a CJK look-alike, same size */
	for (i = 0; i < sizeof(cnum) / sizeof(cnum[0]); i++)
		if (strncmp(s + n, cnum[i], 3) == 0)
			break;
	if (i == sizeof(cnum) / sizeof(cnum[0]) || (s[n + 3] != ')' &&
	    strncmp(s + n + 3, "）", 3) != 0))
		return;
	memcpy(s, "（", 3);
}

static int
is_number(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (strchr("0123456789.,-%", *s) == NULL)
			return 0;
	return 1;
}

/*
 * A cell is read at the page's resolution first: that reads figures best
 * (98-100% on the seeds; at twice the size 719 came out as 7Z19).  What is
 * not a figure is read again at twice the size, which reads the small
 * labels better ((七)总计 instead of (七j总计).
 */
static char *
read_cell(TessBaseAPI *api, const struct ocr_img *img, int dpi,
    const struct ocr_cell *c)
{
	char *s;

	if ((s = ocr_box(api, img, dpi, c->x0, c->y0, c->x1, c->y1,
	    PSM_SINGLE_LINE, 0, 0)) == NULL)
		return NULL;
	fix_number(s);
	if (dpi >= 300 || is_number(s) ||
	    ocr_ink(img, c->x0, c->y0, c->x1, c->y1) < dpi / 25)
		return s;
	free(s);
	if ((s = ocr_box(api, img, dpi, c->x0, c->y0, c->x1, c->y1,
	    PSM_SINGLE_LINE, 0, 1)) == NULL)
		return NULL;
	fix_number(s);
	fix_numbering(s);
	return s;
}

static int
page_ocr(TessBaseAPI *api, struct ocr_img *img, int dpi, struct gk_sink *sink,
    struct ocr_cont *cont)
{
	struct ocr_grid g;
	int i, j, y = 0, first;

	if (ocr_grid_find(img, dpi, &g) == -1)
		return gk_sink_fail(sink, GK_E_NOMEM, "no memory for the "
		    "table grid");
	for (i = 0; i < g.ntables; i++) {
		struct ocr_table *t = &g.tables[i];

		if (text_band(api, img, dpi, y, t->y0, sink, cont) == -1)
			goto fail;
		if (i == 0 && cont->open && cont->cols == t->cols)
			first = cont->rows;	/* goes on from the last page */
		else {
			gk_sink_table(sink);
			first = 0;
		}
		for (j = 0; j < t->ncells; j++) {
			struct ocr_cell *c = &t->cells[j];
			char *s = read_cell(api, img, dpi, c);
			int k;

			if (s == NULL) {
				gk_sink_fail(sink, GK_E_OCR, "Tesseract could "
				    "not read a table cell");
				goto fail;
			}
			/*
			 * A label cell cut by the page break: its part on
			 * this page is blank; give it the label above.
			 */
			if (first > 0 && c->row == 0 && *s == '\0' &&
			    c->col < 256 && cont->above[c->col] != NULL &&
			    !is_number(cont->above[c->col])) {
				free(s);
				if ((s = strdup(cont->above[c->col])) == NULL) {
					gk_sink_fail(sink, GK_E_NOMEM, "no "
					    "memory for a cell");
					goto fail;
				}
			}
			if (gk_sink_cell(sink, first + c->row, c->col,
			    c->rowspan, c->colspan, s) == -1) {
				free(s);
				goto fail;
			}
			if (c->row == 0)	/* a new part: forget the old */
				for (k = c->col; k < c->col + c->colspan &&
				    k < 256; k++) {
					free(cont->above[k]);
					cont->above[k] = NULL;
				}
			for (k = c->col; c->row + c->rowspan == t->rows &&
			    k < c->col + c->colspan && k < 256; k++) {
				free(cont->above[k]);
				cont->above[k] = strdup(s);
			}
			free(s);
		}
		if (t->y1 + 1 > y)
			y = t->y1 + 1;
		cont->open = 1;
		cont->cols = t->cols;
		cont->rows = first + t->rows;
	}
	if (text_band(api, img, dpi, y, img->h, sink, cont) == -1)
		goto fail;
	ocr_grid_free(&g);
	return 0;
fail:
	ocr_grid_free(&g);
	return -1;
}

/* Render page i grey at dpi (less for a huge page) and OCR it. */
static int
render_ocr(struct gk_pdf_doc *pd, int i, TessBaseAPI *api,
    struct gk_sink *sink, struct ocr_cont *cont)
{
	fz_context *ctx = pd->ctx;
	fz_page *page = NULL;
	fz_pixmap *pix = NULL;
	fz_device *dev = NULL;
	int dpi = OCR_DPI, rc;
	struct ocr_img img;
	fz_matrix ctm;
	fz_rect r;
	char msg[256];
	enum gk_err e;

	fz_var(page);
	fz_var(pix);
	fz_var(dev);
	fz_var(dpi);
	gk_pdf_budget_start(pd);
	fz_try(ctx) {
		page = fz_load_page(ctx, pd->doc, i);
		r = fz_bound_page(ctx, page);
		while (dpi > 50 && (double)(r.x1 - r.x0) * dpi / 72 *
		    ((r.y1 - r.y0) * dpi / 72) > OCR_MAX_PIXELS)
			dpi -= 25;
		ctm = fz_scale(dpi / 72.0f, dpi / 72.0f);
		pix = fz_new_pixmap_with_bbox(ctx, fz_device_gray(ctx),
		    fz_round_rect(fz_transform_rect(r, ctm)), NULL, 0);
		fz_clear_pixmap_with_value(ctx, pix, 0xff);
		dev = fz_new_draw_device(ctx, ctm, pix);
		/* the cookie: the budget stops a page that draws too long */
		fz_run_page(ctx, page, dev, fz_identity, &pd->cookie);
		fz_close_device(ctx, dev);
	}
	fz_always(ctx) {
		fz_drop_device(ctx, dev);
	}
	fz_catch(ctx) {
		fz_drop_pixmap(ctx, pix);
		fz_drop_page(ctx, page);
		snprintf(msg, sizeof(msg), "page %d cannot be rendered: %s",
		    i + 1, fz_caught_message(ctx));
		e = gk_pdf_failure(pd, GK_E_CORRUPT, msg, sizeof(msg));
		return gk_sink_fail(sink, e, "%s", msg);
	}
	if (pd->cookie.abort) {
		fz_drop_pixmap(ctx, pix);
		fz_drop_page(ctx, page);
		e = gk_pdf_failure(pd, GK_E_CORRUPT, msg, sizeof(msg));
		return gk_sink_fail(sink, e, "page %d: %s", i + 1,
		    e == GK_E_CORRUPT ? "rendering was stopped" : msg);
	}
	img.p = fz_pixmap_samples(ctx, pix);
	img.w = fz_pixmap_width(ctx, pix);
	img.h = fz_pixmap_height(ctx, pix);
	img.stride = (int)fz_pixmap_stride(ctx, pix);
	if (fz_pixmap_components(ctx, pix) != 1 || img.w <= 0 || img.h <= 0 ||
	    (double)img.w * img.h > 2.0 * OCR_MAX_PIXELS)
		rc = gk_sink_fail(sink, GK_E_OCR, "page %d: unexpected image "
		    "%dx%d", i + 1, img.w, img.h);
	else
		rc = page_ocr(api, &img, dpi, sink, cont);
	fz_drop_pixmap(ctx, pix);
	fz_drop_page(ctx, page);
	return rc;
}

enum gk_err
gk_ocr_pdf(struct gk_pdf_doc *pd, const char *id, struct gk_sink *sink)
{
	TessBaseAPI *api;
	struct ocr_cont cont;
	int i;
	char msg[32];

	memset(&cont, 0, sizeof(cont));
	if ((api = tess_get()) == NULL) {
		gk_sink_fail(sink, GK_E_OCR, "%s", tess_why);
		return GK_E_OCR;
	}
	for (i = 0; i < pd->npages; i++) {
		gk_debug("ocr: %s: page %d of %d", id, i + 1, pd->npages);
		gk_progress_detail("%s page %d/%d (OCR)", id, i + 1,
		    pd->npages);
		gk_sink_page(sink, i + 1);
		if (render_ocr(pd, i, api, sink, &cont) == -1)
			break;
	}
	cont_clear(&cont);
	if (i < pd->npages)
		return sink->err != GK_E_OK ? sink->err : GK_E_OCR;
	snprintf(msg, sizeof(msg), "%d", pd->npages);
	if (gk_sink_note(sink, "ocr", msg) == -1)
		return sink->err;
	return GK_E_OK;
}
