/*
 * sheet.c: a worksheet's cells to tables and paras (see sheet.h).
 */
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/zh.h"
#include "grid.h"
#include "sheet.h"

void
gk_sheet_init(struct gk_sheet *s, struct gk_sink *sink)
{
	memset(s, 0, sizeof(*s));
	s->sink = sink;
	gk_buf_init(&s->pool, GK_MAX_UNZIPPED);
}

void
gk_sheet_free(struct gk_sheet *s)
{
	free(s->cells);
	free(s->merges);
	gk_buf_free(&s->pool);
	memset(s, 0, sizeof(*s));
}

static int
too_many(struct gk_sheet *s)
{
	return gk_sink_fail(s->sink, GK_E_TOO_MANY,
	    "the workbook has more than %d cells", GK_MAX_CELLS);
}

int
gk_sheet_cell(struct gk_sheet *s, unsigned row, unsigned col,
    const char *text, size_t len)
{
	struct gk_scell *c;

	if (s->sink->err != GK_E_OK)
		return -1;
	if (s->total >= GK_MAX_CELLS)
		return too_many(s);
	if (len > GK_MAX_TEXT)
		return gk_sink_fail(s->sink, GK_E_TOO_BIG, "a cell holds more "
		    "than %u bytes", GK_MAX_TEXT);
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 256;

		if ((c = realloc(s->cells, cap * sizeof(*c))) == NULL)
			return gk_sink_fail(s->sink, GK_E_NOMEM,
			    "out of memory");
		s->cells = c;
		s->cap = cap;
	}
	c = &s->cells[s->n];
	c->row = row;
	c->col = col;
	c->text = s->pool.len;
	c->len = len;
	c->order = s->n;
	if (gk_buf_add(&s->pool, text, len) == -1 ||
	    gk_buf_addc(&s->pool, '\0') == -1)
		return gk_sink_fail(s->sink, GK_E_TOO_BIG, "the workbook's "
		    "text is larger than %u bytes", GK_MAX_UNZIPPED);
	s->n++;
	s->total++;
	return 0;
}

int
gk_sheet_merge(struct gk_sheet *s, unsigned r1, unsigned c1, unsigned r2,
    unsigned c2)
{
	struct gk_smerge *m;
	unsigned t;

	if (s->sink->err != GK_E_OK)
		return -1;
	if (r1 > r2) {
		t = r1;
		r1 = r2;
		r2 = t;
	}
	if (c1 > c2) {
		t = c1;
		c1 = c2;
		c2 = t;
	}
	if (r1 == r2 && c1 == c2)
		return 0;	/* a merge of one cell is no merge */
	if (s->nm >= GK_MAX_CELLS)
		return too_many(s);
	if (s->nm == s->capm) {
		size_t cap = s->capm ? s->capm * 2 : 64;

		if ((m = realloc(s->merges, cap * sizeof(*m))) == NULL)
			return gk_sink_fail(s->sink, GK_E_NOMEM,
			    "out of memory");
		s->merges = m;
		s->capm = cap;
	}
	m = &s->merges[s->nm++];
	m->r1 = r1;
	m->c1 = c1;
	m->r2 = r2;
	m->c2 = c2;
	return 0;
}

static int
cmp_cell(const void *a, const void *b)
{
	const struct gk_scell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
cmp_merge(const void *a, const void *b)
{
	const struct gk_smerge *x = a, *y = b;

	if (x->r1 != y->r1)
		return x->r1 < y->r1 ? -1 : 1;
	return x->c1 < y->c1 ? -1 : x->c1 > y->c1;
}

/* The cell at (row, col) of the sorted, unique cells, or -1. */
static long
find(const struct gk_sheet *s, unsigned row, unsigned col)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct gk_scell *c = &s->cells[mid];

		if (c->row < row || (c->row == row && c->col < col))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n && s->cells[lo].row == row && s->cells[lo].col == col)
		return (long)lo;
	return -1;
}

/* No cell, or one whose text is only white space (common/zh's). */
static int
blank(const struct gk_sheet *s, long i)
{
	const char *p;
	size_t n, len;

	if (i < 0)
		return 1;
	p = s->pool.p + s->cells[i].text;
	for (n = s->cells[i].len; n > 0; p += len, n -= len)
		if (!zh_is_space(zh_decode(p, n, &len)))
			return 0;
	return 1;
}

struct span {
	unsigned a, b;
};

static int
cmp_span(const void *x, const void *y)
{
	const struct span *p = x, *q = y;

	return p->a < q->a ? -1 : p->a > q->a;
}

/* Is row r of the block one cell (merged) as wide as the block? */
static int
wide(const struct gk_sheet *s, const long *at, const long *mat,
    const unsigned char *cov, unsigned r, unsigned cols)
{
	size_t i = (size_t)r * cols;

	if (cov[i] || blank(s, at[i]))
		return 0;
	if (cols == 1)
		return 1;
	return mat[i] >= 0 && s->merges[mat[i]].c2 - s->merges[mat[i]].c1 + 1
	    == cols;
}

/* One block of rows [ra, rb]: a table, or paras when it is one column. */
static int
block(struct gk_sheet *s, unsigned ra, unsigned rb, size_t *ci, size_t *mi)
{
	struct gk_grid g;
	size_t first, last, i, k, mfirst, mlast, npos;
	unsigned ca = ~0u, cb = 0, rows, cols, r, c;
	long *at = NULL, *mat = NULL;
	unsigned char *cov = NULL;
	unsigned *lo = NULL, *hi;
	int rc = -1, paras = 1;

	/* the cells of the block: rows ra..rb of the sorted cells */
	for (first = *ci; first < s->n && s->cells[first].row < ra; first++)
		;
	for (last = first; last < s->n && s->cells[last].row <= rb; last++)
		;
	for (mfirst = *mi; mfirst < s->nm && s->merges[mfirst].r1 < ra;
	    mfirst++)
		;
	for (mlast = mfirst; mlast < s->nm && s->merges[mlast].r1 <= rb;
	    mlast++)
		;
	*ci = last;
	*mi = mlast;
	for (i = first; i < last; i++)
		if (!blank(s, (long)i)) {
			if (s->cells[i].col < ca)
				ca = s->cells[i].col;
			if (s->cells[i].col > cb)
				cb = s->cells[i].col;
		}
	for (k = mfirst; k < mlast; k++) {
		if (s->merges[k].c1 < ca)
			ca = s->merges[k].c1;
		if (s->merges[k].c2 > cb)
			cb = s->merges[k].c2;
	}
	if (ca > cb)
		return 0;
	rows = rb - ra + 1;
	cols = cb - ca + 1;
	if (rows > GK_MAX_TABLE_ROWS)
		return gk_sink_fail(s->sink, GK_E_TOO_MANY, "a worksheet "
		    "table has more than %d rows", GK_MAX_TABLE_ROWS);
	if (cols > GK_MAX_TABLE_COLS)
		return gk_sink_fail(s->sink, GK_E_TOO_MANY, "a worksheet "
		    "table has more than %d columns", GK_MAX_TABLE_COLS);
	npos = (size_t)rows * cols;
	at = malloc(npos * sizeof(*at));
	mat = malloc(npos * sizeof(*mat));
	cov = calloc(npos, 1);
	gk_grid_init(&g);
	if (at == NULL || mat == NULL || cov == NULL) {
		gk_sink_fail(s->sink, GK_E_NOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < npos; i++)
		at[i] = mat[i] = -1;
	for (i = first; i < last; i++)
		if (s->cells[i].col >= ca && s->cells[i].col <= cb)
			at[(size_t)(s->cells[i].row - ra) * cols +
			    (s->cells[i].col - ca)] = (long)i;
	/* merged ranges: the top-left keeps the span, the rest is covered;
	 * a range overlapping one placed before it is dropped (bad file) */
	for (k = mfirst; k < mlast; k++) {
		const struct gk_smerge *m = &s->merges[k];
		unsigned r2 = m->r2 < rb ? m->r2 : rb, ok = 1;

		for (r = m->r1; r <= r2 && ok; r++)
			for (c = m->c1; c <= m->c2 && ok; c++) {
				size_t p = (size_t)(r - ra) * cols + (c - ca);

				if (cov[p] || mat[p] >= 0)
					ok = 0;
			}
		if (!ok)
			continue;
		for (r = m->r1; r <= r2; r++)
			for (c = m->c1; c <= m->c2; c++)
				cov[(size_t)(r - ra) * cols + (c - ca)] = 1;
		i = (size_t)(m->r1 - ra) * cols + (m->c1 - ca);
		cov[i] = 0;
		mat[i] = (long)k;
	}
	/* one text cell per row, as wide as the block: running text */
	for (r = 0; r < rows && paras; r++) {
		int text = 0;

		for (c = 0; c < cols; c++) {
			i = (size_t)r * cols + c;
			if (cov[i] || blank(s, at[i]))
				continue;
			if (++text > 1 || (cols > 1 && (mat[i] < 0 ||
			    s->merges[mat[i]].c2 - s->merges[mat[i]].c1 + 1 <
			    cols)))
				paras = 0;
		}
	}
	if (paras) {
		for (i = 0; i < npos; i++)
			if (!cov[i] && !blank(s, at[i]) &&
			    gk_sink_para(s->sink, s->pool.p +
			    s->cells[at[i]].text) == -1)
				goto out;
		rc = 0;
		goto out;
	}
	/*
	 * A row of one cell as wide as the block (a heading such as
	 * 四、政府信息公开行政复议、行政诉讼情况 merged across) parts the rows
	 * around it into runs; a run spans only the columns its own text and
	 * merges use, so that a narrower table under a wide heading gets no
	 * empty column at its side.
	 */
	if ((lo = malloc(rows * 2 * sizeof(*lo))) == NULL) {
		gk_sink_fail(s->sink, GK_E_NOMEM, "out of memory");
		goto out;
	}
	hi = lo + rows;
	for (r = 0; r < rows; ) {
		unsigned e, a = cols, b = 0;

		if (wide(s, at, mat, cov, r, cols)) {
			lo[r] = 0;
			hi[r] = cols - 1;
			r++;
			continue;
		}
		for (e = r; e < rows && !wide(s, at, mat, cov, e, cols); e++)
			for (c = 0; c < cols; c++) {
				unsigned c2 = c;

				i = (size_t)e * cols + c;
				if (cov[i])
					continue;
				if (mat[i] >= 0)
					c2 = s->merges[mat[i]].c2 - ca;
				else if (blank(s, at[i]))
					continue;
				if (c < a)
					a = c;
				if (c2 > b)
					b = c2;
			}
		for (; r < e; r++) {
			lo[r] = a;
			hi[r] = b;
		}
	}
	for (r = 0; r < rows; r++)
		for (c = 0; c < cols; c++) {
			const struct gk_smerge *m;
			const char *t = "";
			size_t len = 0;
			int rs = 1, cs = 1;

			i = (size_t)r * cols + c;
			if (cov[i] || c < lo[r] || c > hi[r])
				continue;
			if (at[i] >= 0) {
				t = s->pool.p + s->cells[at[i]].text;
				len = s->cells[at[i]].len;
			}
			if (mat[i] >= 0) {
				m = &s->merges[mat[i]];
				rs = (int)((m->r2 < rb ? m->r2 : rb) - m->r1 + 1);
				cs = (int)(m->c2 - m->c1 + 1);
			}
			if (gk_grid_add(&g, (int)r, (int)c, rs, cs, t,
			    len) == -1) {
				gk_sink_fail(s->sink, GK_E_TOO_MANY, "a "
				    "worksheet table has more than %d cells",
				    GK_MAX_CELLS);
				goto out;
			}
		}
	rc = gk_grid_emit(&g, s->sink);
out:
	gk_grid_free(&g);
	free(lo);
	free(at);
	free(mat);
	free(cov);
	return rc;
}

int
gk_sheet_emit(struct gk_sheet *s)
{
	struct span *sp = NULL;
	size_t i, k, n = 0, out, ci = 0, mi = 0;
	int rc = 0;

	if (s->sink->err != GK_E_OK)
		return -1;
	if (s->n > 1)	/* (qsort of a NULL array is undefined, even empty) */
		qsort(s->cells, s->n, sizeof(*s->cells), cmp_cell);
	/* two cells at one place: the later in the file wins */
	for (i = 0, out = 0; i < s->n; i++) {
		if (out > 0 && s->cells[out - 1].row == s->cells[i].row &&
		    s->cells[out - 1].col == s->cells[i].col)
			out--;
		s->cells[out++] = s->cells[i];
	}
	s->n = out;
	if (s->nm > 1)
		qsort(s->merges, s->nm, sizeof(*s->merges), cmp_merge);
	/* the rows that hold text, and those a merged text cell spans */
	if ((sp = malloc((s->n + s->nm + 1) * sizeof(*sp))) == NULL) {
		rc = gk_sink_fail(s->sink, GK_E_NOMEM, "out of memory");
		goto out;
	}
	for (i = 0; i < s->n; i++)
		if (!blank(s, (long)i)) {
			sp[n].a = sp[n].b = s->cells[i].row;
			n++;
		}
	for (k = 0; k < s->nm; k++)
		if (!blank(s, find(s, s->merges[k].r1, s->merges[k].c1))) {
			sp[n].a = s->merges[k].r1;
			sp[n].b = s->merges[k].r2;
			n++;
		}
	if (n > 1)
		qsort(sp, n, sizeof(*sp), cmp_span);
	/* blocks: runs of such rows with no blank row between */
	for (i = 0; i < n && rc == 0; ) {
		unsigned a = sp[i].a, b = sp[i].b;

		for (i++; i < n && sp[i].a <= b + 1; i++)
			if (sp[i].b > b)
				b = sp[i].b;
		rc = block(s, a, b, &ci, &mi);
	}
out:
	free(sp);
	s->n = s->nm = 0;
	gk_buf_reset(&s->pool);
	return rc;
}
