/*
 * device.c: what one PDF page holds for table reading: its characters
 * (from MuPDF's structured text) and its ruling lines (from a small device
 * that sees every path the page draws).
 *
 * Rulings are stroked horizontal or vertical segments, filled rectangles
 * thinner than RULE_THIN (what many producers draw for a border), and the
 * four edges of larger filled rectangles (shaded cells).  White fills and
 * page-sized backgrounds draw no line a reader sees, so they are skipped.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/pdf/pdf.h"

#define MAX_PAGE_CHARS	200000
#define RULE_THIN	2.5f	/* a filled rectangle thinner than this is a rule */
#define AXIS_TOL	0.5f	/* |dy| below this: a horizontal segment */
#define MIN_SEG		1.0f	/* shorter segments are dots, not rules */
#define MAX_CLIP	64	/* clip nesting we follow */
#define MAX_TCLIP	64	/* distinct clips text is drawn under */

static int
addchar(struct gk_pdf_page *pg, const fz_stext_char *c)
{
	struct gk_pdf_char *nc;
	size_t ncap;
	fz_rect r;

	if (pg->nch == pg->capch) {
		if (pg->capch >= MAX_PAGE_CHARS)
			return -1;
		ncap = pg->capch ? pg->capch * 2 : 256;
		if ((nc = realloc(pg->ch, ncap * sizeof(*nc))) == NULL)
			return -1;
		pg->ch = nc;
		pg->capch = ncap;
	}
	r = fz_rect_from_quad(c->quad);
	nc = &pg->ch[pg->nch++];
	nc->c = c->c;
	nc->x0 = r.x0;
	nc->x1 = r.x1;
	/*
	 * The baseline, not the quad: CJK quads are ~2.9 em tall and overlap
	 * the lines above and below.
	 */
	nc->y = c->origin.y;
	nc->size = c->size > 0 ? c->size : 1;
	return 0;
}

/* The ruling-line device. */
struct rules_dev {
	fz_device super;
	struct gk_pdf_page *pg;
	fz_matrix ctm;
	int stroke;		/* walking a stroked path, else a filled one */
	int full;		/* a limit was hit */
	fz_point cur, start;
	fz_point pts[8];	/* the current subpath of a fill, if short */
	int npts;		/* -1: not a rectangle */
	/*
	 * The clip in force.  Some producers (wkhtmltopdf) draw a whole
	 * table on every page and clip it to the page's part: only what is
	 * inside the clip is on the page.
	 */
	fz_rect clip[MAX_CLIP];
	int depth;		/* may pass MAX_CLIP: deeper clips are ignored */
	fz_rect tclip[MAX_TCLIP];	/* clips text was drawn under */
	int ntclip;		/* -1: too many to tell, keep every char */
};

static fz_rect
cur_clip(const struct rules_dev *d)
{
	if (d->depth <= 0)
		return fz_infinite_rect;
	return d->clip[(d->depth > MAX_CLIP ? MAX_CLIP : d->depth) - 1];
}

static void
push_clip(struct rules_dev *d, fz_rect r)
{
	if (d->depth < MAX_CLIP)
		d->clip[d->depth] = fz_intersect_rect(r, cur_clip(d));
	d->depth++;
}

/* Add a ruling, cut to the clip in force. */
static int
clip_seg(struct rules_dev *d, int vertical, float at, float lo, float hi)
{
	fz_rect c = cur_clip(d);
	float t;

	if (lo > hi) {
		t = lo;
		lo = hi;
		hi = t;
	}
	if (vertical) {
		if (at < c.x0 - 1 || at > c.x1 + 1)
			return 0;
		lo = lo < c.y0 ? c.y0 : lo;
		hi = hi > c.y1 ? c.y1 : hi;
	} else {
		if (at < c.y0 - 1 || at > c.y1 + 1)
			return 0;
		lo = lo < c.x0 ? c.x0 : lo;
		hi = hi > c.x1 ? c.x1 : hi;
	}
	if (hi <= lo)
		return 0;
	return gk_pdf_page_addseg(d->pg, vertical, at, lo, hi);
}

static void
rd_seg(struct rules_dev *d, fz_point a, fz_point b)
{
	int r = 0;

	if (fabsf(a.y - b.y) < AXIS_TOL)
		r = clip_seg(d, 0, (a.y + b.y) / 2, a.x, b.x);
	else if (fabsf(a.x - b.x) < AXIS_TOL)
		r = clip_seg(d, 1, (a.x + b.x) / 2, a.y, b.y);
	if (r < 0)
		d->full = 1;
}

/* A filled axis-aligned rectangle: a rule when thin, else four edges. */
static void
rd_rect(struct rules_dev *d, float x0, float y0, float x1, float y1)
{
	float t, w, h;
	int r = 0;

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
	if (h < RULE_THIN && w >= MIN_SEG)
		r = clip_seg(d, 0, (y0 + y1) / 2, x0, x1);
	else if (w < RULE_THIN && h >= MIN_SEG)
		r = clip_seg(d, 1, (x0 + x1) / 2, y0, y1);
	else if (w * h < 0.5f * d->pg->w * d->pg->h) {
		r |= clip_seg(d, 0, y0, x0, x1);
		r |= clip_seg(d, 0, y1, x0, x1);
		r |= clip_seg(d, 1, x0, y0, y1);
		r |= clip_seg(d, 1, x1, y0, y1);
	}
	if (r < 0)
		d->full = 1;
}

/* End of a filled subpath: is it an axis-aligned rectangle? */
static void
rd_flush(struct rules_dev *d)
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
		rd_rect(d, xs[0], ys[0], xs[1], ys[1]);
out:
	d->npts = 0;
}

static void
rd_addpt(struct rules_dev *d, fz_point p)
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
	struct rules_dev *d = arg;

	(void)ctx;
	rd_flush(d);
	d->cur = d->start = fz_transform_point_xy(x, y, d->ctm);
	rd_addpt(d, d->cur);
}

static void
w_lineto(fz_context *ctx, void *arg, float x, float y)
{
	struct rules_dev *d = arg;
	fz_point p;

	(void)ctx;
	p = fz_transform_point_xy(x, y, d->ctm);
	if (d->stroke)
		rd_seg(d, d->cur, p);
	else
		rd_addpt(d, p);
	d->cur = p;
}

static void
w_curveto(fz_context *ctx, void *arg, float x1, float y1, float x2,
    float y2, float x3, float y3)
{
	struct rules_dev *d = arg;

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
	struct rules_dev *d = arg;

	(void)ctx;
	if (d->stroke)
		rd_seg(d, d->cur, d->start);
	else
		rd_flush(d);
	d->cur = d->start;
}

static void
w_rectto(fz_context *ctx, void *arg, float x0, float y0, float x1, float y1)
{
	struct rules_dev *d = arg;
	fz_point a, b, c, e;

	(void)ctx;
	rd_flush(d);
	a = fz_transform_point_xy(x0, y0, d->ctm);
	b = fz_transform_point_xy(x1, y0, d->ctm);
	c = fz_transform_point_xy(x1, y1, d->ctm);
	e = fz_transform_point_xy(x0, y1, d->ctm);
	if (d->stroke) {
		rd_seg(d, a, b);
		rd_seg(d, b, c);
		rd_seg(d, c, e);
		rd_seg(d, e, a);
	} else {
		d->pts[0] = a;
		d->pts[1] = b;
		d->pts[2] = c;
		d->pts[3] = e;
		d->npts = 4;
		rd_flush(d);
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

	if (alpha < 0.05f)
		return 1;
	if (cs == NULL || color == NULL)
		return 0;
	n = fz_colorspace_n(ctx, cs);
	if (fz_colorspace_is_cmyk(ctx, cs)) {
		for (i = 0; i < n; i++)
			if (color[i] > 0.05f)
				return 0;
		return 1;
	}
	if (!fz_colorspace_is_gray(ctx, cs) && !fz_colorspace_is_rgb(ctx, cs))
		return 0;
	for (i = 0; i < n; i++)
		if (color[i] < 0.95f)
			return 0;
	return 1;
}

static void
rd_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    int even_odd, fz_matrix ctm, fz_colorspace *cs, const float *color,
    float alpha, fz_color_params cp)
{
	struct rules_dev *d = (struct rules_dev *)dev;

	(void)even_odd;
	(void)cp;
	if (d->full || invisible(ctx, cs, color, alpha))
		return;
	d->ctm = ctm;
	d->stroke = 0;
	d->npts = 0;
	fz_walk_path(ctx, path, &walker, d);
	rd_flush(d);
}

static void
rd_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    const fz_stroke_state *ss, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp)
{
	struct rules_dev *d = (struct rules_dev *)dev;

	(void)ss;
	(void)cp;
	if (d->full || invisible(ctx, cs, color, alpha))
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
	(void)even_odd;
	(void)scissor;
	push_clip((struct rules_dev *)dev, fz_bound_path(ctx, path, NULL, ctm));
}

static void
rd_clip_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    const fz_stroke_state *ss, fz_matrix ctm, fz_rect scissor)
{
	(void)scissor;
	push_clip((struct rules_dev *)dev, fz_bound_path(ctx, path, ss, ctm));
}

static void
rd_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm, fz_rect scissor)
{
	(void)ctx;
	(void)text;
	(void)ctm;
	(void)scissor;
	push_clip((struct rules_dev *)dev, fz_infinite_rect);
}

static void
rd_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    const fz_stroke_state *ss, fz_matrix ctm, fz_rect scissor)
{
	(void)ss;
	rd_clip_text(ctx, dev, text, ctm, scissor);
}

static void
rd_clip_image_mask(fz_context *ctx, fz_device *dev, fz_image *img,
    fz_matrix ctm, fz_rect scissor)
{
	(void)ctx;
	(void)img;
	(void)scissor;
	push_clip((struct rules_dev *)dev,
	    fz_transform_rect(fz_unit_rect, ctm));
}

static void
rd_pop_clip(fz_context *ctx, fz_device *dev)
{
	struct rules_dev *d = (struct rules_dev *)dev;

	(void)ctx;
	if (d->depth > 0)
		d->depth--;
}

/* A soft mask: begin pushes, end swaps, pop_clip pops (as MuPDF's). */
static void
rd_begin_mask(fz_context *ctx, fz_device *dev, fz_rect area, int lum,
    fz_colorspace *cs, const float *bc, fz_color_params cp)
{
	(void)ctx;
	(void)lum;
	(void)cs;
	(void)bc;
	(void)cp;
	push_clip((struct rules_dev *)dev, area);
}

static void
rd_end_mask(fz_context *ctx, fz_device *dev)
{
	(void)ctx;
	(void)dev;
}

static void
rd_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
    fz_color_params cp)
{
	struct rules_dev *d = (struct rules_dev *)dev;
	fz_rect c = cur_clip(d);
	int i;

	(void)ctx;
	(void)text;
	(void)ctm;
	(void)cs;
	(void)color;
	(void)alpha;
	(void)cp;
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

/* Drop the characters no text clip lets through. */
static void
clip_chars(struct gk_pdf_page *pg, const struct rules_dev *d)
{
	size_t i, n = 0;
	float cx, cy;
	int k, in;

	if (d->ntclip <= 0)
		return;
	for (i = 0; i < pg->nch; i++) {
		cx = (pg->ch[i].x0 + pg->ch[i].x1) / 2;
		cy = pg->ch[i].y - 0.3f * pg->ch[i].size;
		for (in = 0, k = 0; k < d->ntclip && !in; k++)
			in = fz_is_infinite_rect(d->tclip[k]) ||
			    (cx >= d->tclip[k].x0 && cx <= d->tclip[k].x1 &&
			    cy >= d->tclip[k].y0 && cy <= d->tclip[k].y1);
		if (in)
			pg->ch[n++] = pg->ch[i];
	}
	pg->nch = n;
}

int
gk_pdf_page_read(fz_context *ctx, fz_document *doc, int no,
    struct gk_pdf_page *pg, char *msg, size_t msgsize)
{
	fz_page *page = NULL;
	fz_stext_page *tp = NULL;
	struct rules_dev *dev = NULL;
	fz_stext_options opts;
	fz_stext_block *b;
	fz_stext_line *l;
	fz_stext_char *c;
	fz_rect bounds;
	int ret = 0;

	fz_var(page);
	fz_var(tp);
	fz_var(dev);
	fz_var(ret);
	memset(pg, 0, sizeof(*pg));
	memset(&opts, 0, sizeof(opts));
	/* Our own gaps decide the spaces; MuPDF's guesses split numbers. */
	opts.flags = FZ_STEXT_INHIBIT_SPACES;
	fz_try(ctx) {
		page = fz_load_page(ctx, doc, no);
		bounds = fz_bound_page(ctx, page);
		pg->w = bounds.x1 - bounds.x0;
		pg->h = bounds.y1 - bounds.y0;
		tp = fz_new_stext_page_from_page(ctx, page, &opts);
		for (b = tp->first_block; b != NULL && ret == 0; b = b->next) {
			if (b->type != FZ_STEXT_BLOCK_TEXT)
				continue;
			for (l = b->u.t.first_line; l != NULL && ret == 0;
			    l = l->next)
				for (c = l->first_char; c != NULL; c = c->next)
					if (addchar(pg, c) < 0) {
						snprintf(msg, msgsize, "page %d: "
						    "too many characters", no + 1);
						ret = -1;
						break;
					}
		}
		if (ret == 0) {
			dev = fz_new_derived_device(ctx, struct rules_dev);
			dev->super.fill_path = rd_fill_path;
			dev->super.stroke_path = rd_stroke_path;
			dev->super.clip_path = rd_clip_path;
			dev->super.clip_stroke_path = rd_clip_stroke_path;
			dev->super.clip_text = rd_clip_text;
			dev->super.clip_stroke_text = rd_clip_stroke_text;
			dev->super.clip_image_mask = rd_clip_image_mask;
			dev->super.pop_clip = rd_pop_clip;
			dev->super.begin_mask = rd_begin_mask;
			dev->super.end_mask = rd_end_mask;
			dev->super.fill_text = rd_fill_text;
			dev->pg = pg;
			/* the page itself clips everything */
			push_clip(dev, bounds);
			fz_run_page(ctx, page, &dev->super, fz_identity, NULL);
			fz_close_device(ctx, &dev->super);
			clip_chars(pg, dev);
			if (dev->full) {
				snprintf(msg, msgsize, "page %d: too many "
				    "ruling lines", no + 1);
				ret = -1;
			}
		}
	}
	fz_always(ctx) {
		fz_drop_device(ctx, (fz_device *)dev);
		fz_drop_stext_page(ctx, tp);
		fz_drop_page(ctx, page);
	}
	fz_catch(ctx) {
		snprintf(msg, msgsize, "page %d: %s", no + 1,
		    fz_caught_message(ctx));
		ret = -1;
	}
	if (ret < 0)
		gk_pdf_page_free(pg);
	return ret;
}
