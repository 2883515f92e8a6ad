/*
 * text.c: characters with positions -> lines -> text.
 *
 * Lines are clustered by baseline (origin.y) and font size, never by the
 * character quads, which for CJK fonts are ~2.9 em tall.  Within a line,
 * characters go left to right; a gap wider than SPACE_EM em becomes a
 * space (unless the same gap follows every glyph: tracking), and a character drawn twice at (almost) the same place (a fake
 * bold) is kept once.  Thresholds: thresholds.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/zh.h"
#include "extract/pdf/pdf.h"
#include "extract/pdf/text.h"
#include "extract/pdf/thresholds.h"

static int
cmp_y(const void *a, const void *b)
{
	const struct gk_pdf_char *p = *(const struct gk_pdf_char *const *)a;
	const struct gk_pdf_char *q = *(const struct gk_pdf_char *const *)b;

	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return 0;
}

static int
cmp_x(const void *a, const void *b)
{
	const struct gk_pdf_char *p = *(const struct gk_pdf_char *const *)a;
	const struct gk_pdf_char *q = *(const struct gk_pdf_char *const *)b;

	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return 0;
}

int
gk_pdf_space(int c)
{
	return c >= 0 && zh_is_space((unsigned)c);
}

float
gk_pdf_glyph_x1(const struct gk_pdf_char *c, float next_x0, int *narrow)
{
	float x1 = c->x0 + WIDE_CHAR_EM * c->size;

	if (c->c < 0 || !zh_is_wide((unsigned)c->c) || x1 <= c->x1)
		return c->x1;
	if (next_x0 >= 0) {
		*narrow = next_x0 > c->x0 &&
		    next_x0 <= c->x1 + ADVANCE_TOL * c->size;
		if (*narrow)
			return c->x1;
	} else if (*narrow)
		return c->x1;
	if (next_x0 > c->x0 && next_x0 < x1)
		x1 = next_x0;
	return x1 > c->x1 ? x1 : c->x1;
}

float
gk_pdf_gap(const struct gk_pdf_char *const *v, const struct gk_pdf_line *l,
    size_t i)
{
	const struct gk_pdf_char *c = v[l->first + i], *p, *s;
	size_t j;
	float tol;

	if (gk_pdf_space(c->c))
		return 0;
	for (j = i; j > 0 && gk_pdf_space(v[l->first + j - 1]->c); j--)
		;
	if (j == 0)
		return 0;
	p = v[l->first + j - 1];
	if (j + 1 == i) {
		s = v[l->first + j];
		tol = ADVANCE_TOL * l->size;
		if (s->x0 <= p->x1 + tol && s->x1 >= c->x0 - tol)
			return c->x0 > s->x1 ? (c->x0 - s->x1) / l->size : 0;
	}
	return (c->x0 - p->x1) / l->size;
}

int
gk_pdf_dup(const struct gk_pdf_char *prev, const struct gk_pdf_char *c)
{
	return prev != NULL && c->c == prev->c && c->x0 >= prev->x0 &&
	    c->x0 - prev->x0 < DUP_SHARE * (prev->x1 - prev->x0);
}

int
gk_pdf_lines(const struct gk_pdf_char **v, size_t n,
    struct gk_pdf_line **linesp, size_t *nlinesp)
{
	struct gk_pdf_line *lines = NULL, *nl, *cur = NULL;
	size_t i, nlines = 0, cap = 0;
	float tol;

	*linesp = NULL;
	*nlinesp = 0;
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_y);
	for (i = 0; i < n; i++) {
		tol = SAME_LINE_EM * (cur != NULL && cur->size > v[i]->size ?
		    cur->size : v[i]->size);
		if (cur == NULL || v[i]->y - cur->y > tol) {
			if (nlines == cap) {
				cap = cap ? cap * 2 : 16;
				nl = realloc(lines, cap * sizeof(*lines));
				if (nl == NULL) {
					free(lines);
					return -1;
				}
				lines = nl;
			}
			cur = &lines[nlines++];
			cur->first = i;
			cur->n = 0;
			cur->y = v[i]->y;
			cur->size = 0;
			cur->x0 = v[i]->x0;
			cur->x1 = v[i]->x1;
		}
		cur->n++;
		if (!gk_pdf_space(v[i]->c) && v[i]->size > cur->size)
			cur->size = v[i]->size;
		if (v[i]->x0 < cur->x0)
			cur->x0 = v[i]->x0;
		if (v[i]->x1 > cur->x1)
			cur->x1 = v[i]->x1;
	}
	for (i = 0; i < nlines; i++) {
		if (lines[i].size <= 0)
			lines[i].size = v[lines[i].first]->size;
		qsort(v + lines[i].first, lines[i].n, sizeof(*v), cmp_x);
	}
	*linesp = lines;
	*nlinesp = nlines;
	return 0;
}

static int
put_utf8(struct gk_buf *b, int c)
{
	char s[4];
	size_t n;

	if (c < 0 || (n = zh_put(s, sizeof(s), (unsigned)c)) == 0)
		n = zh_put(s, sizeof(s), 0xfffd);
	return gk_buf_add(b, s, n);
}

/* The next character of line l after index i that draws ink, or NULL. */
static const struct gk_pdf_char *
next_ink(const struct gk_pdf_char *const *v, const struct gk_pdf_line *l,
    size_t i, const struct gk_pdf_char *c)
{
	const struct gk_pdf_char *d;

	for (i++; i < l->n; i++) {
		d = v[l->first + i];
		if (d->c == 0 || d->c == 0xfeff || gk_pdf_space(d->c) ||
		    gk_pdf_dup(c, d))
			continue;
		return d;
	}
	return NULL;
}

/*
 * Is the gap g (pt) before a character a space?  Over SPACE_EM, unless it
 * is tracking: under CELL_GAP_EM and the same (within TRACK_TOL) as the
 * gap before it or after it (gp, gn; negative: none).  A font whose widths
 * are narrower than the advances the text was set with (a rewritten
 * TrueType subset: 2 0 2 0) leaves the same gap after every glyph; word
 * spaces have glyphs without gaps between them.
 */
static int
space_gap(float g, float gp, float gn, float em)
{
	if (g <= SPACE_EM * em)
		return 0;
	if (g >= CELL_GAP_EM * em)
		return 1;
	return !((gp > SPACE_EM * em && fabsf(g - gp) < TRACK_TOL * em) ||
	    (gn > SPACE_EM * em && fabsf(g - gn) < TRACK_TOL * em));
}

int
gk_pdf_line_text(struct gk_buf *b, const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *l)
{
	const struct gk_pdf_char *c, *prev = NULL, *next;
	size_t i;
	float em, gp = -1, g;

	for (i = 0; i < l->n; i++) {
		c = v[l->first + i];
		if (c->c == 0 || c->c == 0xfeff)
			continue;
		if (gk_pdf_space(c->c)) {
			if (gk_buf_addc(b, ' ') < 0)
				return -1;
			continue;
		}
		em = l->size;
		if (prev != NULL) {
			if (gk_pdf_dup(prev, c))
				continue;
			g = c->x0 - prev->x1;
			next = next_ink(v, l, i, c);
			if (space_gap(g, gp, next != NULL ? next->x0 - c->x1 :
			    -1, em) && gk_buf_addc(b, ' ') < 0)
				return -1;
			gp = g;
		}
		if (put_utf8(b, c->c) < 0)
			return -1;
		prev = c;
	}
	return 0;
}

static int
ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* First/last character of a line that is not white space, or 0. */
static int
edge_char(const struct gk_pdf_char *const *v, const struct gk_pdf_line *l,
    int last)
{
	size_t i;
	int c;

	for (i = 0; i < l->n; i++) {
		c = v[l->first + (last ? l->n - 1 - i : i)]->c;
		if (!gk_pdf_space(c))
			return c;
	}
	return 0;
}

int
gk_pdf_join_lines(struct gk_buf *b, const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *lines, size_t nlines)
{
	size_t i;

	for (i = 0; i < nlines; i++) {
		/*
		 * A label wrapped inside its cell joins with no space: Chinese
		 * has none, and a figure broken over two lines is one figure.
		 * Only two Latin words get one.
		 */
		if (i > 0 && ascii_alnum(edge_char(v, &lines[i - 1], 1)) &&
		    ascii_alnum(edge_char(v, &lines[i], 0)) &&
		    !(edge_char(v, &lines[i - 1], 1) <= '9' &&
		    edge_char(v, &lines[i], 0) <= '9') &&
		    gk_buf_addc(b, ' ') < 0)
			return -1;
		if (gk_pdf_line_text(b, v, &lines[i]) < 0)
			return -1;
	}
	return 0;
}

int
gk_pdf_text(struct gk_buf *b, const struct gk_pdf_char **v, size_t n)
{
	struct gk_pdf_line *lines;
	size_t nlines;
	int r;

	if (gk_pdf_lines(v, n, &lines, &nlines) < 0)
		return -1;
	r = gk_pdf_join_lines(b, v, lines, nlines);
	free(lines);
	return r;
}
