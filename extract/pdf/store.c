/*
 * store.c: the storage of a page's characters and rulings, apart from
 * MuPDF (device.c fills it), so that code and tests that only look at
 * rulings do not link the 44 MB of MuPDF.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/zh.h"
#include "extract/pdf/pdf.h"
#include "extract/pdf/thresholds.h"

void
gk_pdf_page_free(struct gk_pdf_page *pg)
{
	free(pg->ch);
	free(pg->hs);
	free(pg->vs);
	memset(pg, 0, sizeof(*pg));
}

int
gk_pdf_page_addseg(struct gk_pdf_page *pg, int vertical, float at, float lo,
    float hi)
{
	struct gk_pdf_seg **v, *nv;
	size_t *n, *cap, ncap;
	float t;

	if (!isfinite(at) || !isfinite(lo) || !isfinite(hi))
		return 0;
	if (lo > hi) {
		t = lo;
		lo = hi;
		hi = t;
	}
	if (hi - lo < MIN_RULE)
		return 0;
	if (pg->nh + pg->nv >= GK_MAX_PAGE_RULES)
		return -1;
	v = vertical ? &pg->vs : &pg->hs;
	n = vertical ? &pg->nv : &pg->nh;
	cap = vertical ? &pg->capv : &pg->caph;
	if (*n == *cap) {
		ncap = *cap ? *cap * 2 : 64;
		if ((nv = realloc(*v, ncap * sizeof(**v))) == NULL)
			return -1;
		*v = nv;
		*cap = ncap;
	}
	(*v)[*n].at = at;
	(*v)[*n].lo = lo;
	(*v)[*n].hi = hi;
	(*n)++;
	return 0;
}


struct gk_pdf_char *
gk_pdf_page_addchar(struct gk_pdf_page *pg, int c, float x0, float x1,
    float y, float size)
{
	struct gk_pdf_char *nc;
	size_t ncap;

	if (pg->nch == pg->capch) {
		if (pg->capch >= GK_MAX_PAGE_CHARS)
			return NULL;
		ncap = pg->capch ? pg->capch * 2 : 256;
		if ((nc = realloc(pg->ch, ncap * sizeof(*nc))) == NULL)
			return NULL;
		pg->ch = nc;
		pg->capch = ncap;
	}
	nc = &pg->ch[pg->nch++];
	nc->c = c;
	nc->x0 = x0;
	nc->x1 = x1;
	nc->y = y;
	nc->size = size > 0 ? size : 1;
	return nc;
}

int
gk_pdf_page_has_text(const struct gk_pdf_page *pg)
{
	size_t i;

	for (i = 0; i < pg->nch; i++)
		if (!zh_is_space((unsigned)pg->ch[i].c) && pg->ch[i].c != 0xfffd)
			return 1;
	return 0;
}

/* A character MuPDF could not map to Unicode, or mapped out of the text:
 * U+FFFD, the private use areas, C0 controls other than white space
 * (glyph numbers read as Unicode), C1 controls. */
static int
unmapped(int c)
{
	return c == 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000 ||
	    (c >= 0x80 && c < 0xa0) || (c > 0 && c < 0x20 && c != '\t' &&
	    c != '\n' && c != '\v' && c != '\f' && c != '\r');
}

/* A character narrow in every font: ASCII but digits, a Latin letter (not
 * × ÷, which CJK fonts set one em wide).  Digits may be set one em wide:
 * a font's full-width figures, a CID font without widths at its default
 * 1000 (TrueType subsets embedded without widths, their Unicode
 * right). */
static int
narrow(int c)
{
	return (c > 0x20 && c < 0x7f && !(c >= '0' && c <= '9')) ||
	    (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7);
}

void
gk_pdf_page_count(const struct gk_pdf_page *pg, struct gk_pdf_text_count *tc)
{
	const struct gk_pdf_char *ch;
	size_t i;

	for (i = 0; i < pg->nch; i++) {
		ch = &pg->ch[i];
		if (unmapped(ch->c)) {
			tc->chars++;
			tc->unmapped++;
			continue;
		}
		if (ch->c < 0 || zh_is_space((unsigned)ch->c))
			continue;
		tc->chars++;
		if (ch->c < 0x7f)
			tc->ascii++;
		if (zh_is_han((unsigned)ch->c))
			tc->han++;
		else if (narrow(ch->c) &&
		    ch->x1 - ch->x0 > WIDE_GLYPH_EM * ch->size)
			tc->wide++;
	}
}

int
gk_pdf_text_verdict(const struct gk_pdf_text_count *tc, int all,
    const char **why, size_t *n)
{
	double chars = (double)tc->chars;

	*why = NULL;
	*n = 0;
	if (tc->chars < TEXT_SAMPLE && !all)
		return -1;
	if (tc->chars == 0) {
		*why = "none";
	} else if ((double)tc->unmapped > UNMAPPED_SHARE * chars) {
		*why = "unmapped";
		*n = tc->unmapped;
	} else if ((double)tc->wide > WIDE_GLYPH_SHARE * chars) {
		*why = "wide";
		*n = tc->wide;
	} else if ((double)tc->han <
	    HAN_SHARE * (double)(tc->chars - tc->ascii)) {
		*why = "han";
		*n = tc->han;
	}
	return *why == NULL;
}
