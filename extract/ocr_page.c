/*
 * ocr_page.c: a page without ruled tables, cut into boxes of text and laid
 * out as a text layer (ocr_page.h).
 */
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/zh.h"
#include "extract/ocr_page.h"

/*
 * Sizes by resolution.  Reports set their text at 9-12 pt; EM_PX is
 * 10.5 pt.  A line's characters leave blank bands of rows inside them
 * (the strokes of 三), thinner than LINE_MIN, and lines of a wrapped cell
 * are LINE_GAP apart at least (text_lines in format_ocr.c bridges as
 * much).  Characters stand a tenth of an em apart or less, a Latin space
 * is a quarter em; cells are padded by half an em and more on each side:
 * PIECE_GAP is half an em.  A row across the region with fewer than
 * ROW_INK_MIN dark pixels is blank (what despeckling leaves of noise); a
 * column of a line counts from one (a minus sign 1 pixel thick).
 */
#define EM_PX(dpi)	((dpi) * 21 / 144)
#define LINE_GAP(dpi)	((dpi) / 40 + 1)
#define LINE_MIN(dpi)	((dpi) / 30)
#define PIECE_GAP(dpi)	(EM_PX(dpi) / 2)
#define ROW_INK_MIN	2
#define COL_INK_MIN	1
#define CUT_DEPTH	16	/* cuts within cuts: a bound, never reached */
/* An ideograph's ink is this share of its em, top to bottom. */
#define IDEOGRAPH_INK	0.9
/*
 * A full-width bracket or stop is an em wide with its ink on one side: a
 * box that starts with an opening one begins BEARING_EM before its ink, a
 * box that ends with a closing one or a stop ends BEARING_EM after it (as
 * the glyphs' advances stand in a text layer: 第 / （八） / 项 is one label,
 * not three pieces).  chi_sim gives ( and ) for the full-width ones.
 */
#define BEARING_EM	0.5
static const char OPENERS[] = "（(〔［[【《〈「『“‘";
static const char CLOSERS[] = "）)〕］]】》〉」』”’，。、：；！？";

void
ocr_tboxes_free(struct ocr_tboxes *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		free(b->v[i].text);
	free(b->v);
	memset(b, 0, sizeof(*b));
}

static int
add_box(struct ocr_tboxes *b, int x0, int y0, int x1, int y1)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 256;
		struct ocr_tbox *v;

		if (b->n >= GK_MAX_PAGE_CHARS ||
		    (v = realloc(b->v, cap * sizeof(*v))) == NULL)
			return -1;
		b->v = v;
		b->cap = cap;
	}
	b->v[b->n].x0 = x0;
	b->v[b->n].y0 = y0;
	b->v[b->n].x1 = x1;
	b->v[b->n].y1 = y1;
	b->v[b->n].text = NULL;
	b->n++;
	return 0;
}

/*
 * The runs of p[0..n) at least min, joined over blank gaps shorter
 * than gap, as [s[i], e[i]) offsets; returns how many (at most n).
 */
static int
runs(const long *p, int n, int min, int gap, int *s, int *e)
{
	int i, k = 0, last = -1;

	for (i = 0; i < n; i++) {
		if (p[i] < min)
			continue;
		if (k > 0 && i - last <= gap)
			e[k - 1] = i + 1;
		else {
			s[k] = i;
			e[k++] = i + 1;
		}
		last = i;
	}
	return k;
}

/* Join runs under min long to the neighbour across the smaller gap. */
static int
join_short(int *s, int *e, int k, int min)
{
	int i, j;

	for (;;) {
		for (i = 0; i < k && e[i] - s[i] >= min; i++)
			;
		if (i == k || k < 2)
			return k;
		/* j: the run i joins, before or after it */
		if (i == 0)
			j = 1;
		else if (i == k - 1)
			j = i - 1;
		else
			j = s[i] - e[i - 1] <= s[i + 1] - e[i] ? i - 1 : i + 1;
		if (j < i) {
			e[j] = e[i];
		} else {
			s[j] = s[i];
		}
		memmove(&s[i], &s[i + 1], (size_t)(k - i - 1) * sizeof(int));
		memmove(&e[i], &e[i + 1], (size_t)(k - i - 1) * sizeof(int));
		k--;
	}
}

static int
cut(const struct ocr_img *img, int dpi, int x0, int y0, int x1, int y1,
    int depth, struct ocr_tboxes *b)
{
	int n = (x1 - x0 > y1 - y0 ? x1 - x0 : y1 - y0) + 1, k, i, rc = 0;
	long *p;
	int *s, *e;

	if (x1 <= x0 || y1 <= y0)
		return 0;
	p = malloc((size_t)n * sizeof(*p));
	s = malloc((size_t)n * sizeof(*s));
	e = malloc((size_t)n * sizeof(*e));
	if (p == NULL || s == NULL || e == NULL) {
		rc = -1;
		goto out;
	}
	/* across: lines */
	for (i = 0; i < y1 - y0; i++)
		p[i] = ocr_ink(img, x0, y0 + i, x1, y0 + i + 1);
	k = runs(p, y1 - y0, ROW_INK_MIN, LINE_GAP(dpi), s, e);
	if (k == 0)
		goto out;
	k = join_short(s, e, k, LINE_MIN(dpi));
	if (k > 1 && depth < CUT_DEPTH) {
		for (i = 0; i < k && rc == 0; i++)
			rc = cut(img, dpi, x0, y0 + s[i], x1, y0 + e[i],
			    depth + 1, b);
		goto out;
	}
	y1 = y0 + e[k - 1];
	y0 += s[0];
	/* along: pieces */
	for (i = 0; i < x1 - x0; i++)
		p[i] = ocr_ink(img, x0 + i, y0, x0 + i + 1, y1);
	k = runs(p, x1 - x0, COL_INK_MIN, PIECE_GAP(dpi), s, e);
	if (k == 0)
		goto out;
	if (k > 1 && depth < CUT_DEPTH) {
		for (i = 0; i < k && rc == 0; i++)
			rc = cut(img, dpi, x0 + s[i], y0, x0 + e[i], y1,
			    depth + 1, b);
		goto out;
	}
	rc = add_box(b, x0 + s[0], y0, x0 + e[k - 1], y1);
out:
	free(p);
	free(s);
	free(e);
	return rc;
}

int
ocr_page_boxes(const struct ocr_img *img, int dpi, struct ocr_tboxes *b)
{
	memset(b, 0, sizeof(*b));
	if (cut(img, dpi, 0, 0, img->w, img->h, 0, b) == -1) {
		ocr_tboxes_free(b);
		return -1;
	}
	return 0;
}

/* See ocr_tbox_joins. */
#define NARROW_EM	1.6
#define JOIN_EM		2.0

long
ocr_tbox_joins(const struct ocr_tboxes *b, size_t i, int dpi)
{
	const struct ocr_tbox *o, *n;
	double em = EM_PX(dpi);

	if (i + 1 >= b->n)
		return -1;
	o = &b->v[i];
	n = &b->v[i + 1];
	if (o->x1 <= o->x0 || o->x1 - o->x0 >= NARROW_EM * em ||
	    n->x0 < o->x1 || n->x0 - o->x1 >= JOIN_EM * em ||
	    n->y0 >= o->y1 || o->y0 >= n->y1)
		return -1;	/* wide, apart, or not on one line */
	return (long)(i + 1);
}

void
ocr_tbox_join(struct ocr_tboxes *b, size_t i, size_t j)
{
	struct ocr_tbox *o = &b->v[i], *n = &b->v[j];

	if (o->x0 < n->x0)
		n->x0 = o->x0;
	if (o->x1 > n->x1)
		n->x1 = o->x1;
	if (o->y0 < n->y0)
		n->y0 = o->y0;
	if (o->y1 > n->y1)
		n->y1 = o->y1;
	o->x1 = o->x0;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
has_han(const char *s)
{
	unsigned c;

	while ((c = zh_next(&s)) != 0)
		if (zh_is_han(c))
			return 1;
	return 0;
}

/* The page's em in pixels: see ocr_page_layer. */
static double
page_em(const struct ocr_tboxes *b, int dpi)
{
	int *h;
	size_t i, n = 0;
	double em = EM_PX(dpi);

	if (b->n == 0 || (h = malloc(b->n * sizeof(*h))) == NULL)
		return em;
	for (i = 0; i < b->n; i++)
		if (b->v[i].text != NULL && has_han(b->v[i].text))
			h[n++] = b->v[i].y1 - b->v[i].y0;
	if (n > 0) {
		qsort(h, n, sizeof(*h), cmp_int);
		em = h[n / 2] / IDEOGRAPH_INK;
	}
	free(h);
	return em;
}

/* Is the first (last) character of s other than white space one of set's? */
static int
in_set(unsigned c, const char *set)
{
	unsigned d;

	while ((d = zh_next(&set)) != 0)
		if (d == c)
			return 1;
	return 0;
}

static int
first_in(const char *s, const char *set)
{
	unsigned c;

	while ((c = zh_next(&s)) != 0 && zh_is_space(c))
		;
	return c != 0 && in_set(c, set);
}

static int
last_in(const char *s, const char *set)
{
	unsigned c, last = 0;

	while ((c = zh_next(&s)) != 0)
		if (!zh_is_space(c))
			last = c;
	return last != 0 && in_set(last, set);
}

int
ocr_page_layer(const struct ocr_tboxes *b, const struct ocr_img *img,
    int dpi, struct gk_pdf_page *pg)
{
	double k = 72.0 / dpi;
	float size = (float)(page_em(b, dpi) * k);
	size_t i;

	memset(pg, 0, sizeof(*pg));
	pg->w = (float)(img->w * k);
	pg->h = (float)(img->h * k);
	for (i = 0; i < b->n; i++) {
		const struct ocr_tbox *o = &b->v[i];
		const char *t = o->text, *q;
		size_t n = 0, j = 0;
		unsigned c;
		float step, x;
		double x0, x1;

		if (t == NULL)
			continue;
		for (q = t; (c = zh_next(&q)) != 0;)
			n += !zh_is_space(c);
		if (n == 0)
			continue;
		x0 = o->x0 * k;
		x1 = o->x1 * k;
		if (first_in(t, OPENERS))
			x0 -= BEARING_EM * size;
		if (last_in(t, CLOSERS))
			x1 += BEARING_EM * size;
		step = (float)((x1 - x0) / (double)n);
		for (q = t; (c = zh_next(&q)) != 0;) {
			if (zh_is_space(c))
				continue;
			x = (float)x0 + step * (float)j++;
			if (gk_pdf_page_addchar(pg, (int)c, x, x + step,
			    (float)(o->y1 * k), size) == NULL) {
				gk_pdf_page_free(pg);
				return -1;
			}
		}
	}
	return 0;
}
