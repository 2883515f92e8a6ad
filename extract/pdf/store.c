/*
 * store.c: the storage of a page's characters and rulings, apart from
 * MuPDF (device.c fills it), so that code and tests that only look at
 * rulings do not link the 44 MB of MuPDF.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/pdf/pdf.h"

#define MAX_PAGE_SEGS	100000
#define MIN_SEG		1.0f	/* shorter segments are dots, not rules */

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
	if (hi - lo < MIN_SEG)
		return 0;
	v = vertical ? &pg->vs : &pg->hs;
	n = vertical ? &pg->nv : &pg->nh;
	cap = vertical ? &pg->capv : &pg->caph;
	if (*n == *cap) {
		if (*cap >= MAX_PAGE_SEGS)
			return -1;
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

