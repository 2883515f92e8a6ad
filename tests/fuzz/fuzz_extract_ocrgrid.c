/*
 * The OCR table grid (extract/ocr_grid.c) on small page images.  The input
 * draws the image: byte 0 picks the resolution (50-305 dpi), bytes 1-2 the
 * width and height (1-256 pixels each, scaled by byte 0's low bits up to 4x
 * so a table can be wider than an inch), byte 3 the background grey; then
 * commands of 5 bytes each, a filled box (x, y, w, h of up to 255 pixels,
 * scaled alike, and a grey), so that long thin rules and grids of them are
 * easy to reach; the bytes after the last command are laid over the image
 * as raw pixels from its top left.  Every table found must lie inside the
 * image, its cells inside the table, in reading order, within its grid, and
 * the image must keep its size.
 */
#include <assert.h>

#include "extract/ocr_grid.h"
#include "fuzz.h"

#define MAX_SIDE	1024

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ocr_img img;
	struct ocr_grid g;
	int dpi, k, w, h, i, j, x, y, x0, y0, x1, y1;
	size_t at, ncmd;

	if (size < 4)
		return 0;
	dpi = 50 + data[0];
	k = 1 + (data[0] & 3);
	w = (1 + data[1]) * k;
	h = (1 + data[2]) * k;
	if (w > MAX_SIDE || h > MAX_SIDE)
		return 0;
	img.w = w;
	img.h = h;
	img.stride = w + (data[1] & 7);	/* a stride wider than the row */
	if ((img.p = malloc((size_t)img.stride * h)) == NULL)
		return 0;
	memset(img.p, data[3], (size_t)img.stride * h);
	at = 4;
	ncmd = (size - at) / 5;
	if (ncmd > 64)
		ncmd = 64;
	for (i = 0; i < (int)ncmd; i++, at += 5) {
		const uint8_t *c = data + at;

		x0 = c[0] * k, y0 = c[1] * k;
		x1 = x0 + 1 + (c[2] & 0x7f) * k * (c[2] & 0x80 ? 4 : 1);
		y1 = y0 + 1 + (c[3] & 0x7f) * k * (c[3] & 0x80 ? 4 : 1);
		ocr_clip(&img, &x0, &y0, &x1, &y1);
		for (y = y0; y < y1; y++)
			for (x = x0; x < x1; x++)
				img.p[(size_t)y * img.stride + x] = c[4];
	}
	for (i = 0; at < size && i < w * h; i++, at++)
		img.p[(size_t)(i / w) * img.stride + i % w] = data[at];

	if (ocr_grid_find(&img, dpi, &g) == 0) {
		for (i = 0; i < g.ntables; i++) {
			const struct ocr_table *t = &g.tables[i];

			assert(t->x0 >= 0 && t->y0 >= 0 && t->x1 < w + 2 &&
			    t->y1 < h + 2 && t->x0 <= t->x1 && t->y0 <= t->y1);
			assert(t->rows > 0 && t->cols > 0 && t->ncells > 0 &&
			    t->ncells <= t->rows * t->cols);
			assert(i == 0 || g.tables[i - 1].y0 <= t->y0);
			for (j = 0; j < t->ncells; j++) {
				const struct ocr_cell *c = &t->cells[j];

				assert(c->row >= 0 && c->col >= 0 &&
				    c->rowspan > 0 && c->colspan > 0);
				assert(c->row + c->rowspan <= t->rows &&
				    c->col + c->colspan <= t->cols);
				assert(c->x0 < c->x1 && c->y0 < c->y1);
				assert(j == 0 || c[-1].row < c->row ||
				    (c[-1].row == c->row && c[-1].col < c->col));
				/* what the OCR cuts out of the cell */
				x0 = c->x0, y0 = c->y0, x1 = c->x1, y1 = c->y1;
				ocr_clip(&img, &x0, &y0, &x1, &y1);
				assert(ocr_ink(&img, c->x0, c->y0, c->x1,
				    c->y1) <= (long)w * h);
			}
		}
		ocr_grid_free(&g);
		assert(g.ntables == 0 && g.tables == NULL);
	}
	assert(img.w == w && img.h == h);
	free(img.p);
	return 0;
}
