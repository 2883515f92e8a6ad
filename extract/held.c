/*
 * held.c: a table held over a page break (held.h).
 */
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "extract/held.h"

void
gk_held_clear(struct gk_held *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].text);
	free(h->v);
	memset(h, 0, sizeof(*h));
}

enum gk_err
gk_held_add(struct gk_held *h, int page, int row, int col, int rowspan,
    int colspan, char *text)
{
	struct gk_held_item *e;

	if (h->n >= GK_MAX_CELLS)
		return GK_E_TOO_MANY;
	if (h->n == h->cap) {
		size_t cap = h->cap ? 2 * h->cap : 64;

		if (cap > GK_MAX_CELLS)
			cap = GK_MAX_CELLS;
		if ((e = realloc(h->v, cap * sizeof(*e))) == NULL)
			return GK_E_NOMEM;
		h->v = e;
		h->cap = cap;
	}
	e = &h->v[h->n++];
	e->text = text;
	e->page = page;
	e->row = row;
	e->col = col;
	e->rowspan = rowspan;
	e->colspan = colspan;
	return GK_E_OK;
}

void
gk_held_renumber(struct gk_held *h, const int *map)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		struct gk_held_item *e = &h->v[i];

		if (e->col < 0)
			continue;
		e->colspan = map[e->col + e->colspan] - map[e->col];
		e->col = map[e->col];
	}
}

static int
cmp_item(const void *a, const void *b)
{
	const struct gk_held_item *p = a, *q = b;

	if (p->row != q->row)
		return p->row < q->row ? -1 : 1;
	return p->col < q->col ? -1 : p->col > q->col;
}

void
gk_held_sort(struct gk_held *h)
{
	if (h->n > 1)
		qsort(h->v, h->n, sizeof(*h->v), cmp_item);
}

long
gk_held_flush(struct gk_held *h, struct gk_sink *sink)
{
	int page = sink->page;
	long written = 0;
	size_t i;

	if (!h->on)
		return 0;
	if (gk_sink_table(sink) < 0)
		written = -1;
	for (i = 0; i < h->n && written >= 0; i++) {
		struct gk_held_item *e = &h->v[i];
		const char *s = e->text != NULL ? e->text : "";

		gk_sink_page(sink, e->page);
		if ((e->col < 0 ? gk_sink_para(sink, s) :
		    gk_sink_cell(sink, e->row, e->col, e->rowspan, e->colspan,
		    s)) < 0)
			written = -1;
		else
			written++;
	}
	gk_sink_page(sink, page);
	gk_held_clear(h);
	return written;
}
