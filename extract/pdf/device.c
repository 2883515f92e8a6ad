/*
 * device.c: one interpretation of a PDF page gives what table reading needs:
 * its characters and its ruling lines.
 *
 * A device of ours sees every call the page makes.  Text calls go on to
 * MuPDF's structured-text device (which knows the fonts' metrics); paths
 * are looked at here.  Rulings are stroked horizontal or vertical
 * segments, filled rectangles thinner than RULE_THIN (a border drawn as a
 * thin box), and the four edges of larger filled rectangles (shaded
 * cells).  White fills and page-sized backgrounds draw no line a reader
 * sees, so they are skipped.  The device follows the clip: rulings and
 * characters outside the clip in force are not on the page (a producer may
 * draw a whole table on every page and clip it to the page's part).
 * Images and shadings are not decoded; a tiling pattern's cell is not run.
 *
 * The limits of a page (common/bounds.h) are checked as the calls come:
 * characters before the text device builds them, paths, rulings, nesting;
 * and the budget's clock every GK_PDF_TICKS calls.  Past a limit the device
 * throws FZ_ERROR_ABORT, which MuPDF's interpreter passes on.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mupdf/pdf.h>

#include "common/bounds.h"
#include "extract/pdf/run.h"
#include "extract/pdf/pdf.h"
#include "extract/pdf/text.h"
#include "extract/pdf/thresholds.h"

#define MAX_TCLIP	64	/* distinct clips text is drawn under that we
				   tell apart; past that every char is kept */

enum over { OVER_NONE, OVER_CHARS, OVER_PATHS, OVER_RULES, OVER_NESTING };

struct page_dev {
	fz_device super;
	fz_device *text;	/* MuPDF's structured-text device */
	struct gk_pdf_run run;	/* the hooked run (run.h) */
	struct gk_pdf_page *pg;
	struct gk_pdf_budget *budget;
	enum over over;		/* the limit that stopped the page */
	size_t nchars;		/* characters drawn so far */
	size_t npaths;
	fz_matrix ctm;
	int stroke;		/* walking a stroked path, else a filled one */
	fz_point cur, start;
	fz_point pts[8];	/* the current subpath of a fill, if short */
	int npts;		/* -1: not a rectangle */
	fz_rect clip[GK_MAX_PDF_NESTING];
	int depth;		/* clips and groups in force */
	fz_rect tclip[MAX_TCLIP];	/* clips text was drawn under */
	int ntclip;		/* -1: too many to tell, keep every char */
};

static void
stop(fz_context *ctx, struct page_dev *d, enum over why)
{
	d->over = why;
	if (d->budget->cookie != NULL)
		d->budget->cookie->abort = 1;
	fz_throw(ctx, FZ_ERROR_ABORT, "a limit of the page was hit");
}

static fz_rect
cur_clip(const struct page_dev *d)
{
	return d->depth <= 0 ? fz_infinite_rect : d->clip[d->depth - 1];
}

static void
push_clip(fz_context *ctx, struct page_dev *d, fz_rect r)
{
	gk_pdf_budget_tick(ctx, d->budget);
	if (d->depth >= GK_MAX_PDF_NESTING)
		stop(ctx, d, OVER_NESTING);
	d->clip[d->depth] = fz_intersect_rect(r, cur_clip(d));
	d->depth++;
}

/* Add a ruling, cut to the clip in force. */
static void
clip_seg(fz_context *ctx, struct page_dev *d, int vertical, float at,
    float lo, float hi)
{
	fz_rect c = cur_clip(d);
	float t;

	if (lo > hi) {
		t = lo;
		lo = hi;
		hi = t;
	}
	if (vertical) {
		if (at < c.x0 - CLIP_SLACK || at > c.x1 + CLIP_SLACK)
			return;
		lo = lo < c.y0 ? c.y0 : lo;
		hi = hi > c.y1 ? c.y1 : hi;
	} else {
		if (at < c.y0 - CLIP_SLACK || at > c.y1 + CLIP_SLACK)
			return;
		lo = lo < c.x0 ? c.x0 : lo;
		hi = hi > c.x1 ? c.x1 : hi;
	}
	if (hi > lo && gk_pdf_page_addseg(d->pg, vertical, at, lo, hi) < 0)
		stop(ctx, d, OVER_RULES);
}

static void
rd_seg(fz_context *ctx, struct page_dev *d, fz_point a, fz_point b)
{
	if (fabsf(a.y - b.y) < AXIS_TOL)
		clip_seg(ctx, d, 0, (a.y + b.y) / 2, a.x, b.x);
	else if (fabsf(a.x - b.x) < AXIS_TOL)
		clip_seg(ctx, d, 1, (a.x + b.x) / 2, a.y, b.y);
}

/* A filled axis-aligned rectangle: a rule when thin, else four edges. */
static void
rd_rect(fz_context *ctx, struct page_dev *d, float x0, float y0, float x1,
    float y1)
{
	float t, w, h;

	if (x0 > x1) {
		t = x0;
		x0 = x1;
		x1 = t;
	}
	if (y0 > y1) {
		t = y0;
		y0 = y1;
		y1 = t;
	}
	w = x1 - x0;
	h = y1 - y0;
	if (h < RULE_THIN && w >= MIN_RULE)
		clip_seg(ctx, d, 0, (y0 + y1) / 2, x0, x1);
	else if (w < RULE_THIN && h >= MIN_RULE)
		clip_seg(ctx, d, 1, (x0 + x1) / 2, y0, y1);
	else if (w * h < BACKGROUND_SHARE * d->pg->w * d->pg->h) {
		clip_seg(ctx, d, 0, y0, x0, x1);
		clip_seg(ctx, d, 0, y1, x0, x1);
		clip_seg(ctx, d, 1, x0, y0, y1);
		clip_seg(ctx, d, 1, x1, y0, y1);
	}
}

/* End of a filled subpath: is it an axis-aligned rectangle? */
static void
rd_flush(fz_context *ctx, struct page_dev *d)
{
	float xs[2], ys[2];
	int i, nx = 0, ny = 0, j, seen;

	if (d->stroke || d->npts < 4) {
		d->npts = 0;
		return;
	}
	for (i = 0; i < d->npts; i++) {
		for (seen = 0, j = 0; j < nx; j++)
			if (fabsf(xs[j] - d->pts[i].x) < AXIS_TOL)
				seen = 1;
		if (!seen) {
			if (nx == 2)
				goto out;
			xs[nx++] = d->pts[i].x;
		}
		for (seen = 0, j = 0; j < ny; j++)
			if (fabsf(ys[j] - d->pts[i].y) < AXIS_TOL)
				seen = 1;
		if (!seen) {
			if (ny == 2)
				goto out;
			ys[ny++] = d->pts[i].y;
		}
	}
	if (nx == 2 && ny == 2)
		rd_rect(ctx, d, xs[0], ys[0], xs[1], ys[1]);
out:
	d->npts = 0;
}

static void
rd_addpt(struct page_dev *d, fz_point p)
{
	if (d->npts < 0)
		return;
	if (d->npts == (int)(sizeof(d->pts) / sizeof(d->pts[0])))
		d->npts = -1;
	else
		d->pts[d->npts++] = p;
}

static void
w_moveto(fz_context *ctx, void *arg, float x, float y)
{
	struct page_dev *d = arg;

	rd_flush(ctx, d);
	d->cur = d->start = fz_transform_point_xy(x, y, d->ctm);
	rd_addpt(d, d->cur);
}

static void
w_lineto(fz_context *ctx, void *arg, float x, float y)
{
	struct page_dev *d = arg;
	fz_point p;

	p = fz_transform_point_xy(x, y, d->ctm);
	if (d->stroke)
		rd_seg(ctx, d, d->cur, p);
	else
		rd_addpt(d, p);
	d->cur = p;
}

static void
w_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2,
    float y2, float x3, float y3)
{
	struct page_dev *d = arg;

	(void)ctx;
	(void)x1;
	(void)y1;
	(void)x2;
	(void)y2;
	d->npts = -1;		/* curved: not a rectangle */
	d->cur = fz_transform_point_xy(x3, y3, d->ctm);
}

static void
w_closepath(fz_context *ctx, void *arg)
{
	struct page_dev *d = arg;

	if (d->stroke)
		rd_seg(ctx, d, d->cur, d->start);
	else
		rd_flush(ctx, d);
	d->cur = d->start;
}

static void
w_rectto(fz_context *ctx, void *arg, float x0, float y0, float x1, float y1)
{
	struct page_dev *d = arg;
	fz_point a, b, c, e;

	rd_flush(ctx, d);
	a = fz_transform_point_xy(x0, y0, d->ctm);
	b = fz_transform_point_xy(x1, y0, d->ctm);
	c = fz_transform_point_xy(x1, y1, d->ctm);
	e = fz_transform_point_xy(x0, y1, d->ctm);
	if (d->stroke) {
		rd_seg(ctx, d, a, b);
		rd_seg(ctx, d, b, c);
		rd_seg(ctx, d, c, e);
		rd_seg(ctx, d, e, a);
	} else {
		d->pts[0] = a;
		d->pts[1] = b;
		d->pts[2] = c;
		d->pts[3] = e;
		d->npts = 4;
		rd_flush(ctx, d);
	}
	d->cur = d->start = a;
}

static const fz_path_walker walker = {
	w_moveto, w_lineto, w_curveto, w_closepath, NULL, NULL, NULL, w_rectto
};

/* A fill a reader does not see: white, or fully transparent. */
static int
invisible(fz_context *ctx, fz_colorspace *cs, const float *color, float alpha)
{
	int i, n;

	if (alpha < INK_MIN)
		return 1;
	if (cs == NULL || color == NULL)
		return 0;
	n = fz_colorspace_n(ctx, cs);
	if (fz_colorspace_is_cmyk(ctx, cs)) {
		for (i = 0; i < n; i++)
			if (color[i] > INK_MIN)
				return 0;
		return 1;
	}
	if (!fz_colorspace_is_gray(ctx, cs) && !fz_colorspace_is_rgb(ctx, cs))
		return 0;
	for (i = 0; i < n; i++)
		if (color[i] < 1 - INK_MIN)
			return 0;
	return 1;
}

static void
count_path(fz_context *ctx, struct page_dev *d)
{
	gk_pdf_budget_tick(ctx, d->budget);
	if (++d->npaths > GK_MAX_PAGE_PATHS)
		stop(ctx, d, OVER_PATHS);
}

static void
rd_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    int even_odd, fz_matrix ctm, fz_colorspace *cs, const float *color,
    float alpha, fz_color_params cp)
{
	struct page_dev *d = (struct page_dev *)dev;

	(void)even_odd;
	(void)cp;
	count_path(ctx, d);
	if (invisible(ctx, cs, color, alpha))
		return;
	d->ctm = ctm;
	d->stroke = 0;
	d->npts = 0;
	fz_walk_path(ctx, path, &walker, d);
	rd_flush(ctx, d);
}

static void
rd_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    const fz_stroke_state *ss, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp)
{
	struct page_dev *d = (struct page_dev *)dev;

	(void)ss;
	(void)cp;
	count_path(ctx, d);
	if (invisible(ctx, cs, color, alpha))
		return;
	d->ctm = ctm;
	d->stroke = 1;
	d->npts = 0;
	fz_walk_path(ctx, path, &walker, d);
}

static void
rd_clip_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    int even_odd, fz_matrix ctm, fz_rect scissor)
{
	struct page_dev *d = (struct page_dev *)dev;

	(void)even_odd;
	(void)scissor;
	count_path(ctx, d);
	push_clip(ctx, d, fz_bound_path(ctx, path, NULL, ctm));
}

static void
rd_clip_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    const fz_stroke_state *ss, fz_matrix ctm, fz_rect scissor)
{
	struct page_dev *d = (struct page_dev *)dev;

	(void)scissor;
	count_path(ctx, d);
	push_clip(ctx, d, fz_bound_path(ctx, path, ss, ctm));
}

static void
rd_clip_image_mask(fz_context *ctx, fz_device *dev, fz_image *img,
    fz_matrix ctm, fz_rect scissor)
{
	(void)img;
	(void)scissor;
	push_clip(ctx, (struct page_dev *)dev,
	    fz_transform_rect(fz_unit_rect, ctm));
}

static void
rd_pop_clip(fz_context *ctx, fz_device *dev)
{
	struct page_dev *d = (struct page_dev *)dev;

	gk_pdf_budget_tick(ctx, d->budget);
	if (d->depth > 0)
		d->depth--;
}

/* A soft mask: begin pushes, end swaps, pop_clip pops (as MuPDF's). */
static void
rd_begin_mask(fz_context *ctx, fz_device *dev, fz_rect area, int lum,
    fz_colorspace *cs, const float *bc, fz_color_params cp)
{
	(void)lum;
	(void)cs;
	(void)bc;
	(void)cp;
	push_clip(ctx, (struct page_dev *)dev, area);
}

static void
rd_end_mask(fz_context *ctx, fz_device *dev)
{
	(void)ctx;
	(void)dev;
}

/* A transparency group nests like a clip (a form may open one). */
static void
rd_begin_group(fz_context *ctx, fz_device *dev, fz_rect area,
    fz_colorspace *cs, int isolated, int knockout, int blendmode, float alpha)
{
	(void)area;
	(void)cs;
	(void)isolated;
	(void)knockout;
	(void)blendmode;
	(void)alpha;
	push_clip(ctx, (struct page_dev *)dev, fz_infinite_rect);
}

static void
rd_end_group(fz_context *ctx, fz_device *dev)
{
	rd_pop_clip(ctx, dev);
}

/* A tiling pattern's cell draws no text or ruling we read: not run. */
static int
rd_begin_tile(fz_context *ctx, fz_device *dev, fz_rect area, fz_rect view,
    float xstep, float ystep, fz_matrix ctm, int id)
{
	(void)area;
	(void)view;
	(void)xstep;
	(void)ystep;
	(void)ctm;
	(void)id;
	gk_pdf_budget_tick(ctx, ((struct page_dev *)dev)->budget);
	return 1;
}

static void
rd_end_tile(fz_context *ctx, fz_device *dev)
{
	(void)ctx;
	(void)dev;
}

/* Before text reaches the text device: count it, note the clip in force. */
static void
text_seen(fz_context *ctx, struct page_dev *d, const fz_text *text)
{
	const fz_text_span *sp;
	fz_rect c = cur_clip(d);
	int i;

	gk_pdf_budget_tick(ctx, d->budget);
	for (sp = text->head; sp != NULL; sp = sp->next)
		d->nchars += (size_t)(sp->len > 0 ? sp->len : 0);
	if (d->nchars > GK_MAX_PAGE_CHARS)
		stop(ctx, d, OVER_CHARS);
	if (d->ntclip < 0)
		return;
	for (i = 0; i < d->ntclip; i++)
		if (memcmp(&d->tclip[i], &c, sizeof(c)) == 0)
			return;
	if (d->ntclip == MAX_TCLIP)
		d->ntclip = -1;
	else
		d->tclip[d->ntclip++] = c;
}

static void
rd_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
    fz_color_params cp)
{
	struct page_dev *d = (struct page_dev *)dev;

	text_seen(ctx, d, text);
	if (!gk_pdf_run_hold(ctx, &d->run, text, ctm, cs, color, alpha,
	    cp))
		fz_fill_text(ctx, d->text, text, ctm, cs, color, alpha, cp);
}

static void
rd_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    const fz_stroke_state *ss, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp)
{
	struct page_dev *d = (struct page_dev *)dev;

	text_seen(ctx, d, text);
	fz_stroke_text(ctx, d->text, text, ss, ctm, cs, color, alpha, cp);
}

static void
rd_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm, fz_rect scissor)
{
	struct page_dev *d = (struct page_dev *)dev;

	text_seen(ctx, d, text);
	fz_clip_text(ctx, d->text, text, ctm, scissor);
	push_clip(ctx, d, fz_infinite_rect);
}

static void
rd_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    const fz_stroke_state *ss, fz_matrix ctm, fz_rect scissor)
{
	struct page_dev *d = (struct page_dev *)dev;

	text_seen(ctx, d, text);
	fz_clip_stroke_text(ctx, d->text, text, ss, ctm, scissor);
	push_clip(ctx, d, fz_infinite_rect);
}

static void
rd_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm)
{
	struct page_dev *d = (struct page_dev *)dev;

	text_seen(ctx, d, text);
	fz_ignore_text(ctx, d->text, text, ctm);
}

static int
addchar(struct gk_pdf_page *pg, const fz_stext_char *c, float next_x0,
    int *narrow)
{
	struct gk_pdf_char *nc;
	fz_rect r = fz_rect_from_quad(c->quad);

	/*
	 * The baseline, not the quad: CJK quads are ~2.9 em tall and overlap
	 * the lines above and below.
	 */
	if ((nc = gk_pdf_page_addchar(pg, c->c, r.x0, r.x1, c->origin.y,
	    c->size)) == NULL)
		return -1;
	nc->x1 = gk_pdf_glyph_x1(nc, next_x0, narrow);
	return 0;
}

static int
ink(const fz_stext_char *c)
{
	return !(c->c == ' ' || c->c == 0xa0 || c->c == 0x3000);
}

/* Drop the characters no text clip lets through. */
static void
clip_chars(struct gk_pdf_page *pg, const struct page_dev *d)
{
	size_t i, n = 0;
	float cx, cy;
	int k, in;

	if (d->ntclip <= 0)
		return;
	for (i = 0; i < pg->nch; i++) {
		cx = (pg->ch[i].x0 + pg->ch[i].x1) / 2;
		cy = pg->ch[i].y - CHAR_MIDDLE_EM * pg->ch[i].size;
		for (in = 0, k = 0; k < d->ntclip && !in; k++)
			in = fz_is_infinite_rect(d->tclip[k]) ||
			    (cx >= d->tclip[k].x0 && cx <= d->tclip[k].x1 &&
			    cy >= d->tclip[k].y0 && cy <= d->tclip[k].y1);
		if (in)
			pg->ch[n++] = pg->ch[i];
	}
	pg->nch = n;
}

/* The characters of the structured text, in its order. */
static int
copy_chars(struct gk_pdf_page *pg, fz_stext_page *tp)
{
	fz_stext_block *b;
	fz_stext_line *l;
	fz_stext_char *c, *next;
	int narrow;

	for (b = tp->first_block; b != NULL; b = b->next) {
		if (b->type != FZ_STEXT_BLOCK_TEXT)
			continue;
		for (l = b->u.t.first_line; l != NULL; l = l->next)
			for (c = l->first_char, next = c, narrow = 0;
			    c != NULL; c = c->next) {
				/* the next character of the line with ink */
				if (next == c)
					for (next = c->next; next != NULL &&
					    !ink(next); next = next->next)
						;
				if (addchar(pg, c, next == NULL ? -1 :
				    fz_rect_from_quad(next->quad).x0,
				    &narrow) < 0)
					return -1;
			}
	}
	return 0;
}

/*
 * Type 3 fonts lose their glyph programs before the page runs: the text
 * needs their widths and Unicode mapping, never their outlines, and MuPDF
 * runs every glyph's program when it loads such a font (most of the time
 * of a page printed with them).  The fonts of the page's resources and of
 * the forms it draws, nested at most LEAN_DEPTH deep.
 */
#define LEAN_DEPTH	8

static void
lean_resources(fz_context *ctx, pdf_document *doc, pdf_obj *res, int depth)
{
	pdf_obj *fonts, *f, *cp, *xobjs, *x;
	int i, n;

	if (depth > LEAN_DEPTH || !pdf_is_dict(ctx, res) ||
	    pdf_mark_obj(ctx, res))
		return;
	fz_try(ctx) {
		fonts = pdf_dict_get(ctx, res, PDF_NAME(Font));
		n = pdf_dict_len(ctx, fonts);
		for (i = 0; i < n; i++) {
			f = pdf_dict_get_val(ctx, fonts, i);
			cp = pdf_dict_get(ctx, f, PDF_NAME(CharProcs));
			if (pdf_name_eq(ctx, pdf_dict_get(ctx, f,
			    PDF_NAME(Subtype)), PDF_NAME(Type3)) &&
			    pdf_dict_len(ctx, cp) > 0)
				pdf_dict_put_drop(ctx, f, PDF_NAME(CharProcs),
				    pdf_new_dict(ctx, doc, 0));
		}
		xobjs = pdf_dict_get(ctx, res, PDF_NAME(XObject));
		n = pdf_dict_len(ctx, xobjs);
		for (i = 0; i < n; i++) {
			x = pdf_dict_get_val(ctx, xobjs, i);
			if (pdf_name_eq(ctx, pdf_dict_get(ctx, x,
			    PDF_NAME(Subtype)), PDF_NAME(Form)))
				lean_resources(ctx, doc, pdf_dict_get(ctx, x,
				    PDF_NAME(Resources)), depth + 1);
		}
	}
	fz_always(ctx)
		pdf_unmark_obj(ctx, res);
	fz_catch(ctx)
		fz_rethrow(ctx);
}

static const char *
over_name(enum over o)
{
	switch (o) {
	case OVER_CHARS:
		return "characters";
	case OVER_PATHS:
		return "paths";
	case OVER_RULES:
		return "ruling lines";
	case OVER_NESTING:
		return "levels of nesting (clips, groups, forms)";
	default:
		return "";
	}
}

static long
over_limit(enum over o)
{
	switch (o) {
	case OVER_CHARS:
		return GK_MAX_PAGE_CHARS;
	case OVER_PATHS:
		return GK_MAX_PAGE_PATHS;
	case OVER_RULES:
		return GK_MAX_PAGE_RULES;
	default:
		return GK_MAX_PDF_NESTING;
	}
}

/*
 * fz_run_page, with the page's contents run by a processor whose marked
 * content and fonts are followed (run.h): the text of ActualText spans,
 * glyphs bounded by their font's box.
 */
static void
run_page(fz_context *ctx, fz_page *page, struct page_dev *dev,
    fz_cookie *cookie)
{
	pdf_page *pp = pdf_page_from_fz_page(ctx, page);
	pdf_processor *proc = NULL;
	fz_rect mediabox;
	fz_matrix ctm;
	int hooked = 0;

	fz_var(proc);
	fz_var(hooked);
	fz_try(ctx) {
		pdf_page_transform(ctx, pp, &mediabox, &ctm);
		proc = pdf_new_run_processor(ctx, &dev->super, ctm, "View",
		    NULL, NULL, cookie);
		gk_pdf_run_hook(ctx, proc, &dev->run, dev->text);
		hooked = 1;
		pdf_process_contents(ctx, proc, pp->doc,
		    pdf_page_resources(ctx, pp), pdf_page_contents(ctx, pp),
		    cookie);
		pdf_close_processor(ctx, proc);
	}
	fz_always(ctx) {
		if (hooked)
			gk_pdf_run_unhook(ctx, &dev->run);
		pdf_drop_processor(ctx, proc);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
	fz_run_page_annots(ctx, page, &dev->super, fz_identity, cookie);
	fz_run_page_widgets(ctx, page, &dev->super, fz_identity, cookie);
}

enum gk_err
gk_pdf_page_read(struct gk_pdf_doc *pd, int no, struct gk_pdf_page *pg,
    char *msg, size_t msgsize)
{
	fz_context *ctx = pd->ctx;
	fz_page *page = NULL;
	fz_stext_page *tp = NULL;
	fz_device *tdev = NULL;
	struct page_dev *dev = NULL;
	fz_stext_options opts;
	fz_rect bounds;
	enum gk_err err = GK_E_OK;
	enum over over = OVER_NONE;

	fz_var(page);
	fz_var(tp);
	fz_var(tdev);
	fz_var(dev);
	fz_var(err);
	fz_var(over);
	memset(pg, 0, sizeof(*pg));
	memset(&opts, 0, sizeof(opts));
	/* Our own gaps decide the spaces; MuPDF's guesses split numbers. */
	opts.flags = FZ_STEXT_INHIBIT_SPACES;
	fz_try(ctx) {
		page = fz_load_page(ctx, pd->doc, no);
		lean_resources(ctx, (pdf_document *)pd->doc, pdf_page_resources(
		    ctx, pdf_page_from_fz_page(ctx, page)), 0);
		bounds = fz_bound_page(ctx, page);
		pg->w = bounds.x1 - bounds.x0;
		pg->h = bounds.y1 - bounds.y0;
		tp = fz_new_stext_page(ctx, bounds);
		tdev = fz_new_stext_device(ctx, tp, &opts);
		dev = fz_new_derived_device(ctx, struct page_dev);
		dev->super.fill_path = rd_fill_path;
		dev->super.stroke_path = rd_stroke_path;
		dev->super.clip_path = rd_clip_path;
		dev->super.clip_stroke_path = rd_clip_stroke_path;
		dev->super.fill_text = rd_fill_text;
		dev->super.stroke_text = rd_stroke_text;
		dev->super.clip_text = rd_clip_text;
		dev->super.clip_stroke_text = rd_clip_stroke_text;
		dev->super.ignore_text = rd_ignore_text;
		dev->super.clip_image_mask = rd_clip_image_mask;
		dev->super.pop_clip = rd_pop_clip;
		dev->super.begin_mask = rd_begin_mask;
		dev->super.end_mask = rd_end_mask;
		dev->super.begin_group = rd_begin_group;
		dev->super.end_group = rd_end_group;
		dev->super.begin_tile = rd_begin_tile;
		dev->super.end_tile = rd_end_tile;
		dev->text = tdev;
		dev->pg = pg;
		dev->budget = pd->budget;
		/* the page itself clips everything */
		push_clip(ctx, dev, bounds);
		run_page(ctx, page, dev, &pd->cookie);
		fz_close_device(ctx, &dev->super);
		fz_close_device(ctx, tdev);
		if (copy_chars(pg, tp) < 0) {
			err = GK_E_NOMEM;
			snprintf(msg, msgsize, "page %d: out of memory", no + 1);
		} else
			clip_chars(pg, dev);
	}
	fz_always(ctx) {
		if (dev != NULL)
			over = dev->over;
		fz_drop_device(ctx, (fz_device *)dev);
		fz_drop_device(ctx, tdev);
		fz_drop_stext_page(ctx, tp);
		fz_drop_page(ctx, page);
	}
	fz_catch(ctx) {
		snprintf(msg, msgsize, "page %d: %s", no + 1,
		    fz_caught_message(ctx));
		err = GK_E_CORRUPT;
	}
	/* the interpreter may end a page that a limit stopped quietly */
	if (err == GK_E_CORRUPT || pd->cookie.abort) {
		if (err == GK_E_OK)
			snprintf(msg, msgsize, "page %d: reading was stopped",
			    no + 1);
		err = gk_pdf_failure(pd, GK_E_CORRUPT, msg, msgsize);
		if (err == GK_E_CORRUPT && over != OVER_NONE) {
			err = GK_E_TOO_MANY;
			snprintf(msg, msgsize, "page %d draws more than the limit "
			    "of %ld %s", no + 1, over_limit(over),
			    over_name(over));
		}
	}
	if (err != GK_E_OK)
		gk_pdf_page_free(pg);
	return err;
}
