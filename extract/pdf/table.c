/*
 * table.c: ruling lines -> tables -> grids of (possibly merged) cells.
 *
 * 1. Rulings on one line that touch or overlap are merged (producers draw
 *    each cell's border on its own: a 9x8 grid can come as 186
 *    segments).
 * 2. Horizontal and vertical rulings that cross or touch form connected
 *    sets; a set with at least two of each is a table candidate.
 * 3. Its distinct y's and x's are the grid lines.  A grid box whose right
 *    or bottom border is (mostly) not drawn joins its neighbour: that is a
 *    merged cell, and its extent in grid boxes gives ROWSPAN and COLSPAN.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extract/pdf/table.h"
#include "extract/pdf/thresholds.h"

static int
cmp_seg(const void *a, const void *b)
{
	const struct gk_pdf_seg *p = a, *q = b;

	if (p->at != q->at)
		return p->at < q->at ? -1 : 1;
	if (p->lo != q->lo)
		return p->lo < q->lo ? -1 : 1;
	return 0;
}

static int
cmp_seg_lo(const void *a, const void *b)
{
	const struct gk_pdf_seg *p = a, *q = b;

	if (p->lo != q->lo)
		return p->lo < q->lo ? -1 : 1;
	return 0;
}

/* Merge the rulings of v in place; returns the new count. */
static size_t
merge_segs(struct gk_pdf_seg *v, size_t n)
{
	size_t i, j, k, gstart, out = 0;
	float at;

	qsort(v, n, sizeof(*v), cmp_seg);
	for (i = 0; i < n; i = j) {
		at = 0;
		for (j = i; j < n && v[j].at - v[i].at <= RULE_SAME_LINE; j++)
			at += v[j].at;
		at /= (float)(j - i);
		qsort(v + i, j - i, sizeof(*v), cmp_seg_lo);
		/* v[out..] is written behind v[i..], never ahead of it */
		gstart = out;
		for (k = i; k < j; k++) {
			if (out > gstart &&
			    v[k].lo <= v[out - 1].hi + RULE_JOIN) {
				if (v[k].hi > v[out - 1].hi)
					v[out - 1].hi = v[k].hi;
				continue;
			}
			v[out].at = at;
			v[out].lo = v[k].lo;
			v[out].hi = v[k].hi;
			out++;
		}
	}
	return out;
}

static int
uf_find(int *p, int i)
{
	while (p[i] != i) {
		p[i] = p[p[i]];
		i = p[i];
	}
	return i;
}

static void
uf_union(int *p, int a, int b)
{
	a = uf_find(p, a);
	b = uf_find(p, b);
	if (a != b)
		p[a > b ? a : b] = a < b ? a : b;
}

static int
cmp_float(const void *a, const void *b)
{
	float p = *(const float *)a, q = *(const float *)b;

	return p < q ? -1 : p > q;
}

/* Sort v and fold values closer than GRID_MERGE; returns the new count. */
static int
cluster(float *v, int n)
{
	int i, j, out = 0;
	float sum;

	qsort(v, (size_t)n, sizeof(*v), cmp_float);
	for (i = 0; i < n; i = j) {
		sum = 0;
		for (j = i; j < n && v[j] - v[i] <= GRID_MERGE; j++)
			sum += v[j];
		v[out++] = sum / (float)(j - i);
	}
	return out;
}

/* How much of [a, b] the rulings of comp `c` on line `at` cover. */
static float
covered(const struct gk_pdf_seg *v, const int *comp, size_t n, int c,
    float at, float a, float b)
{
	float sum = 0, lo, hi;
	size_t i;

	for (i = 0; i < n; i++) {
		if (comp[i] != c || fabsf(v[i].at - at) > GRID_MERGE)
			continue;
		lo = v[i].lo > a ? v[i].lo : a;
		hi = v[i].hi < b ? v[i].hi : b;
		if (hi > lo)
			sum += hi - lo;
	}
	return sum;
}

static void
table_free(struct gk_pdf_table *t)
{
	int i;

	for (i = 0; i < t->ncells; i++)
		free(t->cells[i].text);
	free(t->xs);
	free(t->ys);
	free(t->box);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

void
gk_pdf_tables_free(struct gk_pdf_table *t, int n)
{
	int i;

	for (i = 0; i < n; i++)
		table_free(&t[i]);
	free(t);
}

/*
 * Build the grid of component c.  Returns 1 when it is a table, 0 when it
 * is not (too few cells), -1 when memory ran out.
 */
static int
build(struct gk_pdf_table *t, const struct gk_pdf_seg *hs, const int *hc,
    size_t nh, const struct gk_pdf_seg *vs, const int *vc, size_t nv, int c)
{
	int *up = NULL, i, j, r, nr, ncol, b, root;
	size_t k;
	float lo = INFINITY, hi = -INFINITY, left = INFINITY, right = -INFINITY;
	int *cellof = NULL, *rmin = NULL, *rmax = NULL, *cmin = NULL,
	    *cmax = NULL;
	int ret = -1;

	memset(t, 0, sizeof(*t));
	t->xs = malloc((nv + 2) * sizeof(float));
	t->ys = malloc((nh + 2) * sizeof(float));
	if (t->xs == NULL || t->ys == NULL)
		goto out;
	for (k = 0; k < nh; k++)
		if (hc[k] == c) {
			t->ys[t->ny++] = hs[k].at;
			if (hs[k].lo < left)
				left = hs[k].lo;
			if (hs[k].hi > right)
				right = hs[k].hi;
		}
	for (k = 0; k < nv; k++)
		if (vc[k] == c) {
			t->xs[t->nx++] = vs[k].at;
			if (vs[k].lo < lo)
				lo = vs[k].lo;
			if (vs[k].hi > hi)
				hi = vs[k].hi;
		}
	/* An open frame: the rulings' ends are its edges. */
	t->xs[t->nx++] = left;
	t->xs[t->nx++] = right;
	t->ys[t->ny++] = lo;
	t->ys[t->ny++] = hi;
	t->nx = cluster(t->xs, t->nx);
	t->ny = cluster(t->ys, t->ny);
	ret = 0;
	if (t->nx < 2 || t->ny < 2)
		goto out;
	nr = t->ny - 1;
	ncol = t->nx - 1;
	if (nr * ncol < 2)
		goto out;
	ret = -1;
	up = malloc((size_t)(nr * ncol) * sizeof(int));
	t->box = malloc((size_t)(nr * ncol) * sizeof(int));
	cellof = malloc((size_t)(nr * ncol) * sizeof(int));
	rmin = malloc((size_t)(nr * ncol) * sizeof(int));
	rmax = malloc((size_t)(nr * ncol) * sizeof(int));
	cmin = malloc((size_t)(nr * ncol) * sizeof(int));
	cmax = malloc((size_t)(nr * ncol) * sizeof(int));
	t->cells = malloc((size_t)(nr * ncol) * sizeof(*t->cells));
	if (up == NULL || t->box == NULL || cellof == NULL || rmin == NULL ||
	    rmax == NULL || cmin == NULL || cmax == NULL || t->cells == NULL)
		goto out;
	for (i = 0; i < nr * ncol; i++) {
		up[i] = i;
		cellof[i] = -1;
	}
	for (r = 0; r < nr; r++)
		for (j = 0; j < ncol; j++) {
			/* the right border of box (r, j) */
			if (j + 1 < ncol && covered(vs, vc, nv, c, t->xs[j + 1],
			    t->ys[r], t->ys[r + 1]) < BORDER_SHARE *
			    (t->ys[r + 1] - t->ys[r]))
				uf_union(up, r * ncol + j, r * ncol + j + 1);
			/* its bottom border */
			if (r + 1 < nr && covered(hs, hc, nh, c, t->ys[r + 1],
			    t->xs[j], t->xs[j + 1]) < BORDER_SHARE *
			    (t->xs[j + 1] - t->xs[j]))
				uf_union(up, r * ncol + j, (r + 1) * ncol + j);
		}
	for (b = 0; b < nr * ncol; b++) {
		root = uf_find(up, b);
		r = b / ncol;
		j = b % ncol;
		if (root == b) {
			rmin[b] = rmax[b] = r;
			cmin[b] = cmax[b] = j;
		} else {
			if (r < rmin[root])
				rmin[root] = r;
			if (r > rmax[root])
				rmax[root] = r;
			if (j < cmin[root])
				cmin[root] = j;
			if (j > cmax[root])
				cmax[root] = j;
		}
	}
	for (b = 0; b < nr * ncol; b++) {
		root = uf_find(up, b);
		if (cellof[root] < 0) {
			cellof[root] = t->ncells;
			t->cells[t->ncells].row = rmin[root];
			t->cells[t->ncells].col = cmin[root];
			t->cells[t->ncells].rowspan = rmax[root] - rmin[root] + 1;
			t->cells[t->ncells].colspan = cmax[root] - cmin[root] + 1;
			t->cells[t->ncells].text = NULL;
			t->ncells++;
		}
		t->box[b] = cellof[root];
	}
	t->x0 = t->xs[0];
	t->x1 = t->xs[t->nx - 1];
	t->y0 = t->ys[0];
	t->y1 = t->ys[t->ny - 1];
	ret = t->ncells >= 2 ? 1 : 0;
out:
	free(up);
	free(cellof);
	free(rmin);
	free(rmax);
	free(cmin);
	free(cmax);
	if (ret != 1)
		table_free(t);
	return ret;
}

static int
cmp_table(const void *a, const void *b)
{
	const struct gk_pdf_table *p = a, *q = b;

	if (p->y0 != q->y0)
		return p->y0 < q->y0 ? -1 : 1;
	return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

int
gk_pdf_find_tables(const struct gk_pdf_page *pg, struct gk_pdf_table **tp,
    int *ntp)
{
	struct gk_pdf_seg *hs = NULL, *vs = NULL;
	struct gk_pdf_table *t = NULL;
	int *up = NULL, *hc = NULL, *vc = NULL, *nhc = NULL, *nvc = NULL;
	size_t nh, nv, i, j;
	int nt = 0, c, r, ret = -1;

	*tp = NULL;
	*ntp = 0;
	nh = pg->nh;
	nv = pg->nv;
	if (nh < 2 || nv < 2)
		return 0;
	hs = malloc(nh * sizeof(*hs));
	vs = malloc(nv * sizeof(*vs));
	if (hs == NULL || vs == NULL)
		goto out;
	memcpy(hs, pg->hs, nh * sizeof(*hs));
	memcpy(vs, pg->vs, nv * sizeof(*vs));
	nh = merge_segs(hs, nh);
	nv = merge_segs(vs, nv);
	up = malloc((nh + nv) * sizeof(int));
	hc = malloc(nh * sizeof(int));
	vc = malloc(nv * sizeof(int));
	nhc = calloc(nh + nv, sizeof(int));
	nvc = calloc(nh + nv, sizeof(int));
	if (up == NULL || hc == NULL || vc == NULL || nhc == NULL ||
	    nvc == NULL)
		goto out;
	for (i = 0; i < nh + nv; i++)
		up[i] = (int)i;
	for (i = 0; i < nh; i++)
		for (j = 0; j < nv; j++)
			if (vs[j].at >= hs[i].lo - RULE_TOUCH &&
			    vs[j].at <= hs[i].hi + RULE_TOUCH &&
			    hs[i].at >= vs[j].lo - RULE_TOUCH &&
			    hs[i].at <= vs[j].hi + RULE_TOUCH)
				uf_union(up, (int)i, (int)(nh + j));
	for (i = 0; i < nh; i++) {
		hc[i] = uf_find(up, (int)i);
		nhc[hc[i]]++;
	}
	for (j = 0; j < nv; j++) {
		vc[j] = uf_find(up, (int)(nh + j));
		nvc[vc[j]]++;
	}
	if ((t = calloc(nh + nv, sizeof(*t))) == NULL)
		goto out;
	for (c = 0; c < (int)(nh + nv); c++) {
		if (up[c] != c || nhc[c] < 2 || nvc[c] < 2)
			continue;
		r = build(&t[nt], hs, hc, nh, vs, vc, nv, c);
		if (r < 0)
			goto out;
		nt += r;
	}
	qsort(t, (size_t)nt, sizeof(*t), cmp_table);
	*tp = t;
	*ntp = nt;
	t = NULL;
	ret = 0;
out:
	if (t != NULL)
		gk_pdf_tables_free(t, nt);
	free(hs);
	free(vs);
	free(up);
	free(hc);
	free(vc);
	free(nhc);
	free(nvc);
	return ret;
}

/* Index of the grid interval of v (n lines) holding x, or -1. */
static int
interval(const float *v, int n, float x)
{
	int lo = 0, hi = n - 1, mid;

	if (n < 2 || x < v[0] || x > v[n - 1])
		return -1;
	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (x < v[mid])
			hi = mid;
		else
			lo = mid;
	}
	return lo;
}

int
gk_pdf_cell_at(const struct gk_pdf_table *t, float x, float y)
{
	int r, c;

	if ((r = interval(t->ys, t->ny, y)) < 0 ||
	    (c = interval(t->xs, t->nx, x)) < 0)
		return -1;
	return t->box[r * (t->nx - 1) + c];
}
