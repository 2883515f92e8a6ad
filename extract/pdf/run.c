/*
 * run.c: a page's contents run for reading (see run.h).
 *
 * ActualText spans are laid over the glyphs they stand for.
 * The interpreter gathers the glyphs of a text object and hands them to
 * the device only when something ends or changes it, so a span's EMC can
 * come before the device sees the span's glyphs.  A span's BDC and EMC
 * therefore first make the interpreter pass on what it holds (flush).
 * The span's glyphs are then held until its EMC; there its n code points
 * are laid over its g glyphs in order, glyph k taking code points
 * [k*n/g, (k+1)*n/g): one each when they match (a font without digits
 * drawing 2019 as four boxes), all on one glyph for a ligature, none for
 * a glyph the text leaves out.
 */
#include <string.h>

#include "common/zh.h"
#include "extract/pdf/run.h"

/*
 * Make the interpreter pass on the glyphs it holds.  Setting the miter
 * limit is one of the operators that does (it could change how the
 * pending text is stroked) and the only thing it sets is how stroked
 * corners are cut, which no reading of a page looks at; 10 is PDF's
 * default.
 */
#define FLUSH_MITER	10.0f

static void
flush(fz_context *ctx, pdf_processor *proc)
{
	if (proc->op_M != NULL)
		proc->op_M(ctx, proc, FLUSH_MITER);
}

static int
glyphs(const fz_text *t)
{
	const fz_text_span *sp;
	int i, n = 0;

	for (sp = t->head; sp != NULL; sp = sp->next)
		for (i = 0; i < sp->len; i++)
			n += sp->items[i].gid >= 0;
	return n;
}

/* t with the span's code points laid over its glyphs, *k the glyphs of
 * the span laid before t, of g in all. */
static fz_text *
relay(fz_context *ctx, const struct gk_pdf_run *a, const fz_text *t,
    int *k, int g)
{
	const fz_text_span *sp;
	fz_text *nt = fz_new_text(ctx);
	fz_matrix trm;
	int i, j, lo, hi;

	fz_try(ctx) {
		for (sp = t->head; sp != NULL; sp = sp->next)
			for (i = 0; i < sp->len; i++) {
				if (sp->items[i].gid < 0)
					continue;	/* its glyph's text */
				lo = (int)((long)*k * a->ncp / g);
				hi = (int)((long)(*k + 1) * a->ncp / g);
				++*k;
				trm = sp->trm;
				trm.e = sp->items[i].x;
				trm.f = sp->items[i].y;
				for (j = lo; j < hi; j++)
					fz_show_glyph(ctx, nt, sp->font, trm,
					    j == lo ? sp->items[i].gid : -1,
					    (int)a->cp[j], sp->wmode,
					    sp->bidi_level,
					    (fz_bidi_direction)sp->markup_dir,
					    (fz_text_language)sp->language);
			}
	}
	fz_catch(ctx) {
		fz_drop_text(ctx, nt);
		fz_rethrow(ctx);
	}
	return nt;
}

/* Pass the held text on, with the span's text laid over it or not. */
static void
release(fz_context *ctx, struct gk_pdf_run *a, int lay)
{
	struct gk_pdf_held_text *h;
	fz_text *t = NULL;
	int i, n = a->nheld, g = 0, k = 0;

	for (i = 0; lay && i < n; i++)
		g += glyphs(a->held[i].text);
	fz_var(t);
	fz_var(i);
	fz_var(k);
	fz_var(g);
	a->nheld = 0;
	fz_try(ctx) {
		for (i = 0; i < n; i++) {
			h = &a->held[i];
			t = lay && g > 0 ? relay(ctx, a, h->text, &k, g) :
			    fz_keep_text(ctx, h->text);
			fz_fill_text(ctx, a->out, t, h->ctm, h->cs, h->color,
			    h->alpha, h->cp);
			fz_drop_text(ctx, t);
			t = NULL;
		}
	}
	fz_always(ctx) {
		fz_drop_text(ctx, t);
		for (i = 0; i < n; i++) {
			fz_drop_text(ctx, a->held[i].text);
			fz_drop_colorspace(ctx, a->held[i].cs);
		}
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* The span's text into a->cp; 0, or -1 when it is too long to keep. */
static int
take_text(fz_context *ctx, struct gk_pdf_run *a, pdf_obj *s)
{
	const char *p = pdf_to_text_string(ctx, s);
	unsigned c;

	for (a->ncp = 0; (c = zh_next(&p)) != 0; a->cp[a->ncp++] = c)
		if (a->ncp == ACTUAL_MAX_CP)
			return -1;
	return 0;
}

static void
at_BMC(fz_context *ctx, pdf_processor *proc, const char *tag)
{
	struct gk_pdf_run *a = fz_user_context(ctx);

	a->op_BMC(ctx, proc, tag);
	a->depth++;
}

static void
at_BDC(fz_context *ctx, pdf_processor *proc, const char *tag, pdf_obj *raw,
    pdf_obj *cooked)
{
	struct gk_pdf_run *a = fz_user_context(ctx);
	pdf_obj *s;

	a->op_BDC(ctx, proc, tag, raw, cooked);
	a->depth++;
	/* an ActualText inside another's span is part of the outer's text */
	if (a->span != 0)
		return;
	s = pdf_dict_get(ctx, cooked, PDF_NAME(ActualText));
	if (!pdf_is_string(ctx, s))
		return;
	flush(ctx, proc);	/* what came before is not the span's */
	if (take_text(ctx, a, s) == 0)
		a->span = a->depth;
}

static void
at_EMC(fz_context *ctx, pdf_processor *proc)
{
	struct gk_pdf_run *a = fz_user_context(ctx);

	if (a->span != 0 && a->span == a->depth) {
		flush(ctx, proc);
		a->span = 0;
		release(ctx, a, 1);
	}
	if (a->depth > 0)
		a->depth--;
	a->op_EMC(ctx, proc);
}

/* The font set: bounded by its box, not each glyph's outline (run.h). */
static void
at_Tf(fz_context *ctx, pdf_processor *proc, const char *name,
    pdf_font_desc *font, float size)
{
	struct gk_pdf_run *a = fz_user_context(ctx);

	a->op_Tf(ctx, proc, name, font, size);
	if (font != NULL && font->font != NULL && font->font->ft_face != NULL &&
	    font->font->t3procs == NULL)
		font->font->use_glyph_bbox = 0;
}

void
gk_pdf_run_hook(fz_context *ctx, pdf_processor *proc,
    struct gk_pdf_run *a, fz_device *out)
{
	memset(a, 0, sizeof(*a));
	a->out = out;
	a->user = fz_user_context(ctx);
	a->op_BMC = proc->op_BMC;
	a->op_BDC = proc->op_BDC;
	a->op_EMC = proc->op_EMC;
	a->op_Tf = proc->op_Tf;
	fz_set_user_context(ctx, a);
	/* a processor without them has no marked content to follow */
	if (a->op_BMC != NULL && a->op_BDC != NULL && a->op_EMC != NULL) {
		proc->op_BMC = at_BMC;
		proc->op_BDC = at_BDC;
		proc->op_EMC = at_EMC;
	}
	if (a->op_Tf != NULL)
		proc->op_Tf = at_Tf;
}

void
gk_pdf_run_unhook(fz_context *ctx, struct gk_pdf_run *a)
{
	fz_set_user_context(ctx, a->user);
	a->span = 0;
	fz_try(ctx)
		release(ctx, a, 0);
	fz_catch(ctx) {
		/* the page already failed or ended; the text is dropped */
	}
}

int
gk_pdf_run_hold(fz_context *ctx, struct gk_pdf_run *a,
    const fz_text *text, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp)
{
	struct gk_pdf_held_text *h;
	int n;

	if (a->span == 0)
		return 0;
	if (a->nheld == ACTUAL_MAX_HELD) {
		/* too much for one span: it goes on as drawn */
		a->span = 0;
		release(ctx, a, 0);
		return 0;
	}
	h = &a->held[a->nheld];
	memset(h, 0, sizeof(*h));
	n = cs != NULL ? fz_colorspace_n(ctx, cs) : 0;
	if (n > FZ_MAX_COLORS)
		n = FZ_MAX_COLORS;
	if (color != NULL && n > 0)
		memcpy(h->color, color, (size_t)n * sizeof(*color));
	h->text = fz_keep_text(ctx, text);
	h->cs = fz_keep_colorspace(ctx, cs);
	h->ctm = ctm;
	h->alpha = alpha;
	h->cp = cp;
	a->nheld++;
	return 1;
}
