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
 * U+FFFD, the private use areas, C1 controls (C0 ones are white space,
 * zh_is_space). */
static int
unmapped(int c)
{
	return c == 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xf0000 ||
	    (c >= 0x80 && c < 0xa0);
}

void
gk_pdf_page_count(const struct gk_pdf_page *pg, size_t *chars,
    size_t *bad)
{
	size_t i;

	for (i = 0; i < pg->nch; i++) {
		if (zh_is_space((unsigned)pg->ch[i].c))
			continue;
		(*chars)++;
		if (unmapped(pg->ch[i].c))
			(*bad)++;
	}
}

int
gk_pdf_text_verdict(size_t chars, size_t bad, int all)
{
	if (chars < TEXT_SAMPLE && !all)
		return -1;
	return chars > 0 && (double)bad <= UNMAPPED_SHARE * (double)chars;
}
