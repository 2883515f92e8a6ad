/*
 * grid.c: occupancy grid for table cells (see grid.h).
 */
#include <stdlib.h>
#include <string.h>

#include "grid.h"

void
gk_grid_init(struct gk_grid *g)
{
	memset(g, 0, sizeof(*g));
	g->row = -1;
	gk_buf_init(&g->text, (size_t)GK_MAX_TEXT * 64);
}

void
gk_grid_free(struct gk_grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->n = g->cap = 0;
	gk_buf_free(&g->text);
}

int
gk_grid_row(struct gk_grid *g)
{
	if (g->row + 1 >= GK_MAX_TABLE_ROWS)
		return -1;
	g->row++;
	g->nrows = g->row + 1;
	g->col = 0;
	return 0;
}

int
gk_grid_place(struct gk_grid *g, int rowspan, int *colspan)
{
	int c, i;

	if (g->row < 0 && gk_grid_row(g) == -1)
		return -1;
	for (c = g->col; c < GK_MAX_TABLE_COLS && g->busy[c] > g->row; c++)
		;
	if (c >= GK_MAX_TABLE_COLS)
		return -1;
	if (*colspan > GK_MAX_TABLE_COLS - c)
		*colspan = GK_MAX_TABLE_COLS - c;
	for (i = c; i < c + *colspan; i++)
		g->busy[i] = g->row + rowspan;
	g->col = c + *colspan;
	return c;
}

long
gk_grid_add(struct gk_grid *g, int row, int col, int rowspan, int colspan,
    const char *text, size_t len)
{
	struct gk_gcell *c;

	if (g->n >= GK_MAX_CELLS)
		return -1;
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 64;

		if ((c = realloc(g->cells, cap * sizeof(*c))) == NULL)
			return -1;
		g->cells = c;
		g->cap = cap;
	}
	c = &g->cells[g->n];
	c->row = row;
	c->col = col;
	c->rowspan = rowspan;
	c->colspan = colspan;
	c->text = g->text.len;
	if (gk_buf_add(&g->text, text, len) == -1 ||
	    gk_buf_addc(&g->text, '\0') == -1)
		return -1;
	if (row + 1 > g->nrows)
		g->nrows = row + 1;
	return (long)g->n++;
}

static int
cmp_cell(const void *a, const void *b)
{
	const struct gk_gcell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->text < y->text ? -1 : x->text > y->text;
}

int
gk_grid_emit(struct gk_grid *g, struct gk_sink *s)
{
	struct gk_gcell *c;
	size_t i;
	int rs;

	if (g->n == 0)
		return 0;
	qsort(g->cells, g->n, sizeof(*g->cells), cmp_cell);
	gk_sink_table(s);
	for (i = 0; i < g->n; i++) {
		c = &g->cells[i];
		rs = c->rowspan;
		if (rs > g->nrows - c->row)
			rs = g->nrows - c->row;
		if (rs < 1)
			rs = 1;
		if (gk_sink_cell(s, c->row, c->col, rs, c->colspan,
		    g->text.p + c->text) == -1)
			return -1;
	}
	return 0;
}
