/*
 * format_doc.c: Word 97-2003 .doc files.
 *
 * libgsf opens the OLE2 container; doc_w97.c walks the paragraphs of the
 * main text with their properties; this file turns them into paras and
 * table cells.  A row is the cells (each ended by a 0x07 mark) before its
 * row-end mark, whose TAP gives each cell's left and right edge in twips.
 * Word has no grid: a wide cell simply spans more of the page.  So a table's
 * columns are the union of all its rows' edges, and a cell's COL and COLSPAN
 * are the edges it starts and ends at.  Vertical merges are flags on the
 * cells below the first (fVertMerge without fVertRestart): those cells are
 * folded into the one above, which gets the ROWSPAN.
 *
 * Field codes (between 0x13 and 0x14) are dropped and their results kept;
 * pictures and other anchors (0x01, 0x08, ...) are dropped; a page or
 * column break (0x0C, 0x0E) ends a paragraph; a line break (0x0B) is a
 * space.  Nested tables are read as text of the outer cell.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib-object.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/log.h"
#include "doc_w97.h"
#include "format.h"
#include "ole.h"

#define FIELD_DEPTH	32
/*
 * Cell edges closer than this (twips, 1/20 pt) are one grid line: a writer
 * that rounds may write one edge as 3209 in a row and 3210 in the next.
 */
#define EDGE_SLACK	8

struct cell {
	int row;
	int left, right;	/* twips; -1 when the row has no usable TAP */
	unsigned flags;		/* TC80 flags */
	size_t text, len;	/* in the table's text pool */
	int col, colspan, rowspan;
	int folded;		/* a vertical continuation, written with its top */
	int next;		/* next continuation of this top cell, or -1 */
	int last;		/* last cell of the chain (top cells only) */
};

struct table {
	struct cell *cells;
	size_t ncells, cap;
	size_t rowstart;	/* first cell of the row being read */
	int rows;
	struct gk_buf pool;	/* cell texts */
	int open;		/* a table is being read */
	int cellopen;		/* text since the last cell mark */
	size_t celltext;	/* pool offset of the open cell */
};

struct docctx {
	struct gk_sink *sink;
	struct gk_buf text;	/* the current para, UTF-8 */
	struct table t;
	int fdepth;		/* field nesting */
	unsigned char fcode[FIELD_DEPTH];	/* 1 while in a field's code */
	int failed;
};

static int
doc_bid(const struct gk_doc *d)
{
	static const unsigned char ole2[8] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
	};

	if (d->len < 8 || memcmp(d->data, ole2, 8) != 0)
		return 0;
	return d->type != NULL && strcmp(d->type, "doc") == 0 ? 96 : 0;
}

/* ---- text ---- */

static int
too_long(struct docctx *x)
{
	x->failed = 1;
	return gk_sink_fail(x->sink, GK_E_TOO_BIG,
	    "a paragraph or cell is longer than %u bytes", GK_MAX_TEXT);
}

static int
emit_para(struct docctx *x)
{
	int r = gk_sink_para(x->sink, gk_buf_str(&x->text));

	gk_buf_reset(&x->text);
	if (r == -1)
		x->failed = 1;
	return r;
}

/*
 * Append the paragraph's text (without its mark) to x->text.  brk says
 * what a page break does: ends the para (outside tables) or is a space.
 */
static int
add_text(struct docctx *x, const uint16_t *s, size_t n, int brk)
{
	size_t i;
	int shown;

	for (i = 0; i < n; i++) {
		unsigned long c = s[i];

		switch (c) {
		case 0x13:	/* field begin: its code follows */
			if (x->fdepth < FIELD_DEPTH)
				x->fcode[x->fdepth] = 1;
			x->fdepth++;
			continue;
		case 0x14:	/* field separator: its result follows */
			if (x->fdepth > 0 && x->fdepth <= FIELD_DEPTH)
				x->fcode[x->fdepth - 1] = 0;
			continue;
		case 0x15:	/* field end */
			if (x->fdepth > 0)
				x->fdepth--;
			continue;
		}
		shown = 1;
		for (int k = 0; k < x->fdepth && k < FIELD_DEPTH; k++)
			if (x->fcode[k])
				shown = 0;
		if (!shown)
			continue;
		if (c >= 0xD800 && c < 0xDC00 && i + 1 < n &&
		    s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000) {
			c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
			i++;
		} else if (c >= 0xD800 && c < 0xE000)
			c = 0xFFFD;
		switch (c) {
		case 0x0C:	/* page or section break */
		case 0x0E:	/* column break */
		case 0x0D:
		case 0x07:
			if (brk) {
				if (emit_para(x) == -1)
					return -1;
				continue;
			}
			c = ' ';
			break;
		case 0x09:
		case 0x0B:	/* line break */
			c = ' ';
			break;
		case 0x1E:	/* non-breaking hyphen */
			c = '-';
			break;
		case 0xF020:	/* symbol-font space */
			c = ' ';
			break;
		}
		if (c < 0x20 || c == 0x7F || c == 0xFEFF)
			continue;	/* 0x01, 0x08 objects, 0x1F soft hyphen */
		if (gk_buf_add_cp(&x->text, c) == -1)
			return too_long(x);
	}
	return 0;
}

/* ---- tables ---- */

static int
cell_push(struct docctx *x)
{
	struct table *t = &x->t;
	struct cell *c;
	const char *s = gk_buf_str(&x->text);

	if (t->ncells == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;

		if (t->ncells >= GK_MAX_CELLS) {
			x->failed = 1;
			return gk_sink_fail(x->sink, GK_E_TOO_MANY,
			    "a table has more than %d cells", GK_MAX_CELLS);
		}
		if ((c = realloc(t->cells, cap * sizeof(*c))) == NULL) {
			x->failed = 1;
			return gk_sink_fail(x->sink, GK_E_NOMEM,
			    "out of memory");
		}
		t->cells = c;
		t->cap = cap;
	}
	c = &t->cells[t->ncells];
	memset(c, 0, sizeof(*c));
	c->row = t->rows;
	c->left = c->right = -1;
	c->next = -1;
	c->last = (int)t->ncells;
	c->text = t->pool.len;
	c->len = strlen(s);
	if (gk_buf_add(&t->pool, s, c->len) == -1) {
		x->failed = 1;
		return gk_sink_fail(x->sink, GK_E_TOO_BIG,
		    "a table's text is too large");
	}
	t->ncells++;
	gk_buf_reset(&x->text);
	return 0;
}

/* The row-end mark: give the row's cells their edges from the TAP. */
static int
row_end(struct docctx *x, const struct w97_para *pp)
{
	struct table *t = &x->t;
	size_t n = t->ncells - t->rowstart, i;

	if (t->rows >= GK_MAX_TABLE_ROWS) {
		x->failed = 1;
		return gk_sink_fail(x->sink, GK_E_TOO_MANY,
		    "a table has more than %d rows", GK_MAX_TABLE_ROWS);
	}
	if (pp != NULL && pp->has_tap && n > 0 && n <= (size_t)pp->tap.itc) {
		for (i = 0; i < n; i++) {
			struct cell *c = &t->cells[t->rowstart + i];

			c->left = pp->tap.dxa[i];
			c->right = pp->tap.dxa[i + 1];
			c->flags = pp->tap.tcgrf[i];
		}
	}
	t->rows++;
	t->rowstart = t->ncells;
	return 0;
}

static int
edge_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The index of the grid line nearest to v. */
static int
edge_index(const int *e, int n, int v)
{
	int lo = 0, hi = n - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (e[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && v - e[lo - 1] < e[lo] - v)
		lo--;
	return lo;
}

/* COL and COLSPAN from edges; 0 when the edges cannot make a grid. */
static int
grid_from_edges(struct docctx *x)
{
	struct table *t = &x->t;
	int *e, ne = 0, k;
	size_t i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].left == -1 ||
		    t->cells[i].right <= t->cells[i].left)
			return 0;
	if ((e = malloc(t->ncells * 2 * sizeof(*e))) == NULL)
		return 0;
	for (i = 0; i < t->ncells; i++) {
		e[ne++] = t->cells[i].left;
		e[ne++] = t->cells[i].right;
	}
	qsort(e, (size_t)ne, sizeof(*e), edge_cmp);
	for (i = 1, k = 1; i < (size_t)ne; i++)
		if (e[i] - e[k - 1] > EDGE_SLACK)
			e[k++] = e[i];
	ne = k;
	if (ne - 1 > GK_MAX_TABLE_COLS) {
		free(e);
		return 0;
	}
	for (i = 0; i < t->ncells; i++) {
		struct cell *c = &t->cells[i];
		int a = edge_index(e, ne, c->left), b = edge_index(e, ne,
		    c->right);

		c->col = a;
		c->colspan = b > a ? b - a : 1;
	}
	free(e);
	return 1;
}

/* Fold old-style horizontal merges (fMerged) into the cell on the left. */
static void
fold_hmerge(struct table *t)
{
	size_t i;

	for (i = 1; i < t->ncells; i++) {
		struct cell *c = &t->cells[i], *p = &t->cells[i - 1];
		int top = (int)i - 1;

		if (!(c->flags & W97_TC_MERGED) || c->row != p->row)
			continue;
		while (t->cells[top].folded && top > 0)
			top--;
		c->folded = 1;
		if (t->cells[top].right < c->right)
			t->cells[top].right = c->right;
		t->cells[t->cells[top].last].next = (int)i;
		t->cells[top].last = (int)i;
	}
}

static int
fold_vmerge(struct docctx *x)
{
	struct table *t = &x->t;
	int *top;		/* per grid column: top cell covering it */
	size_t i;

	if ((top = malloc((GK_MAX_TABLE_COLS + 1) * sizeof(*top))) == NULL)
		return -1;
	for (i = 0; i <= GK_MAX_TABLE_COLS; i++)
		top[i] = -1;
	for (i = 0; i < t->ncells; i++) {
		struct cell *c = &t->cells[i];
		int k;

		if (c->folded)
			continue;
		c->rowspan = 1;
		if (c->col > GK_MAX_TABLE_COLS)
			continue;
		k = top[c->col];
		if ((c->flags & W97_TC_VERTMERGE) &&
		    !(c->flags & W97_TC_VERTRESTART) && k >= 0 &&
		    t->cells[k].colspan == c->colspan &&
		    t->cells[k].row + t->cells[k].rowspan == c->row) {
			c->folded = 1;
			t->cells[k].rowspan++;
			t->cells[t->cells[k].last].next = (int)i;
			t->cells[k].last = (int)i;
			continue;
		}
		top[c->col] = (int)i;
	}
	free(top);
	return 0;
}

/* Write the table read so far, if any, and forget it. */
static int
table_flush(struct docctx *x)
{
	struct table *t = &x->t;
	struct gk_buf s;
	size_t i;
	int r = 0;

	if (!t->open)
		return 0;
	t->open = 0;
	if (t->cellopen) {	/* text after the last cell mark */
		if (cell_push(x) == -1)
			return -1;
		t->cellopen = 0;
	}
	if (t->rowstart < t->ncells && row_end(x, NULL) == -1)
		return -1;
	if (t->ncells == 0)
		goto out;
	fold_hmerge(t);
	if (grid_from_edges(x)) {
		if (fold_vmerge(x) == -1) {
			x->failed = 1;
			r = gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
			goto out;
		}
	} else {
		/* No usable edges: cells by position in their row. */
		int row = -1, col = 0;

		for (i = 0; i < t->ncells; i++) {
			struct cell *c = &t->cells[i];

			if (c->row != row) {
				row = c->row;
				col = 0;
			}
			if (c->folded)
				continue;
			c->col = col++;
			c->colspan = c->rowspan = 1;
		}
	}
	gk_sink_table(x->sink);
	gk_buf_init(&s, GK_MAX_TEXT);
	for (i = 0; i < t->ncells && r == 0; i++) {
		struct cell *c = &t->cells[i];
		int k;

		if (c->folded)
			continue;
		gk_buf_reset(&s);
		for (k = (int)i; k >= 0; k = t->cells[k].next) {
			const struct cell *d = &t->cells[k];

			if (s.len > 0 && d->len > 0 && gk_buf_addc(&s, ' '))
				break;
			if (gk_buf_add(&s, t->pool.p + d->text, d->len) == -1)
				break;
		}
		r = gk_sink_cell(x->sink, c->row, c->col, c->rowspan,
		    c->colspan, gk_buf_str(&s));
	}
	gk_buf_free(&s);
	if (r == -1)
		x->failed = 1;
out:
	t->ncells = t->rowstart = 0;
	t->rows = 0;
	gk_buf_reset(&t->pool);
	return r;
}

static int
on_para(void *arg, const struct w97_para *pp)
{
	struct docctx *x = arg;
	struct table *t = &x->t;
	size_t n = pp->len;
	uint16_t mark = pp->text[n - 1];

	if (mark == 0x0D || mark == 0x07)
		n--;
	if (!pp->intable) {
		if (table_flush(x) == -1)
			return -1;
		if (add_text(x, pp->text, n, 1) == -1)
			return -1;
		return emit_para(x);
	}
	if (!t->open) {
		if (x->text.len > 0 && emit_para(x) == -1)
			return -1;
		t->open = 1;
		t->ncells = t->rowstart = 0;
		t->rows = 0;
		t->cellopen = 0;
	}
	if (pp->itap <= 1 && pp->ttp) {
		/* The row-end mark; any text before it is a cell. */
		if (t->cellopen && cell_push(x) == -1)
			return -1;
		t->cellopen = 0;
		return row_end(x, pp);
	}
	if (t->cellopen && x->text.len > 0 && gk_buf_addc(&x->text, '\n'))
		return too_long(x);
	if (add_text(x, pp->text, n, 0) == -1)
		return -1;
	t->cellopen = 1;
	if (pp->itap <= 1 && mark == 0x07) {
		t->cellopen = 0;
		return cell_push(x);
	}
	return 0;
}

static enum gk_err
doc_extract(const struct gk_doc *d, struct gk_sink *sink)
{
	GsfInfile *ole;
	unsigned char *wdb = NULL, *tbb = NULL, *dab = NULL;
	struct w97_stream wd, tb, da;
	struct w97_fib fib;
	struct docctx x;
	enum gk_err e = GK_E_OK;
	char msg[200];
	int r;

	memset(&x, 0, sizeof(x));
	x.sink = sink;
	gk_buf_init(&x.text, GK_MAX_TEXT);
	gk_buf_init(&x.t.pool, GK_MAX_CELLS * 64u);
	if ((ole = gk_ole_open(d, sink)) == NULL)
		return sink->err;
	if ((r = gk_ole_stream(ole, "WordDocument", &wdb, &wd.len)) <= 0) {
		e = gk_ole_damage(d);
		if (r == 0 && e != GK_E_TRUNCATED)
			e = GK_E_UNSUPPORTED;
		gk_sink_fail(sink, e, r == 0 ? "no WordDocument stream: not a "
		    "Word document" : "the WordDocument stream cannot be read");
		goto out;
	}
	wd.p = wdb;
	if ((e = w97_fib_read(&wd, &fib, msg, sizeof(msg))) != GK_E_OK) {
		gk_sink_fail(sink, e, "%s", msg);
		goto out;
	}
	if ((r = gk_ole_stream(ole, w97_table_name(&fib), &tbb, &tb.len)) <= 0) {
		e = gk_ole_damage(d);
		gk_sink_fail(sink, e, "the %s stream is %s",
		    w97_table_name(&fib), r == 0 ? "missing" : "unreadable");
		goto out;
	}
	tb.p = tbb;
	if (gk_ole_stream(ole, "Data", &dab, &da.len) < 0) {
		dab = NULL;
		da.len = 0;
	}
	da.p = dab;
	e = w97_walk(&fib, &wd, &tb, &da, on_para, &x, msg, sizeof(msg));
	if (e != GK_E_OK) {
		gk_sink_fail(sink, e, "%s", msg);
		goto out;
	}
	if (x.failed) {
		e = sink->err != GK_E_OK ? sink->err : GK_E_INTERNAL;
		goto out;
	}
	if (table_flush(&x) == -1 || (x.text.len > 0 && emit_para(&x) == -1))
		e = sink->err != GK_E_OK ? sink->err : GK_E_INTERNAL;
out:
	g_object_unref(ole);
	free(wdb);
	free(tbb);
	free(dab);
	free(x.t.cells);
	gk_buf_free(&x.t.pool);
	gk_buf_free(&x.text);
	return e;
}

const struct gk_format gk_format_doc = {
	"doc",
	doc_bid,
	doc_extract,
};
