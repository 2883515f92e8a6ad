/*
 * The table grid of a page image (extract/ocr_grid.c), on images drawn
 * here: a 3x4 grid at 200 dpi with a merged header (colspan 3) and a merged
 * label (rowspan 2), 2-pixel rules, some "text" strokes; then the same
 * without outer side rules, a box of text-sized strokes that is no table,
 * and a black page.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extract/ocr_grid.h"

#define W 1200
#define H 900

static unsigned char pix[W * H];

static struct ocr_img
blank(void)
{
	struct ocr_img img = { pix, W, H, W };

	memset(pix, 255, sizeof(pix));
	return img;
}

static void
rect(int x0, int y0, int x1, int y1, int v)
{
	int x, y;

	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++)
			pix[y * W + x] = (unsigned char)v;
}

static void
hrule(int y, int x0, int x1)
{
	rect(x0, y, x1 + 2, y + 2, 0);
}

static void
vrule(int x, int y0, int y1)
{
	rect(x, y0, x + 2, y1 + 2, 0);
}

/*
 * Columns at x 100 300 500 700 900, rows at y 100 160 220 280.
 *   row 0: [label, rowspan 2] [header, colspan 3]
 *   row 1:                    [a] [b] [c]
 *   row 2: [x] [1] [2] [3]
 */
static void
draw_table(int sides)
{
	static const int xs[] = { 100, 300, 500, 700, 900 };
	static const int ys[] = { 100, 160, 220, 280 };
	int i;

	for (i = 0; i < 4; i++)
		hrule(ys[i], 100, 900);
	/* The rule under the label is missing: rowspan. */
	rect(100, 160, 300, 162, 255);
	for (i = 0; i < 5; i++) {
		if (!sides && (i == 0 || i == 4))
			continue;
		if (i == 2 || i == 3) {
			/* Not through the header: colspan. */
			vrule(xs[i], 160, 280);
		} else
			vrule(xs[i], 100, 280);
	}
	/* Text: a few short strokes inside cells. */
	rect(380, 240, 400, 262, 0);
	rect(150, 120, 170, 140, 0);
}

static void
test_grid_spans(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g;
	struct ocr_table *t;

	(void)state;
	draw_table(1);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 1);
	t = &g.tables[0];
	assert_int_equal(t->rows, 3);
	assert_int_equal(t->cols, 4);
	/* 1 label + 1 header + 3 + 4 */
	assert_int_equal(t->ncells, 9);
	assert_int_equal(t->cells[0].row, 0);
	assert_int_equal(t->cells[0].col, 0);
	assert_int_equal(t->cells[0].rowspan, 2);
	assert_int_equal(t->cells[0].colspan, 1);
	assert_int_equal(t->cells[1].row, 0);
	assert_int_equal(t->cells[1].col, 1);
	assert_int_equal(t->cells[1].rowspan, 1);
	assert_int_equal(t->cells[1].colspan, 3);
	assert_int_equal(t->cells[2].row, 1);
	assert_int_equal(t->cells[2].col, 1);
	assert_int_equal(t->cells[8].row, 2);
	assert_int_equal(t->cells[8].col, 3);
	/* Cell boxes lie inside the rules. */
	assert_true(t->cells[8].x0 > 700 && t->cells[8].x1 < 900);
	assert_true(t->cells[8].y0 > 220 && t->cells[8].y1 < 280);
	/* The rules are gone, the text is not. */
	assert_int_equal(ocr_ink(&img, 0, 0, W, 99), 0);
	assert_int_equal(ocr_ink(&img, 95, 95, 905, 105), 0);
	assert_int_equal(ocr_ink(&img, 498, 150, 504, 290), 0);
	assert_int_equal(ocr_ink(&img, 380, 240, 400, 262), 20 * 22);
	ocr_grid_free(&g);
}

static void
test_grid_open_sides(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g;

	(void)state;
	draw_table(0);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 1);
	/* The table's edge is where its horizontal rules end. */
	assert_int_equal(g.tables[0].cols, 4);
	assert_int_equal(g.tables[0].rows, 3);
	ocr_grid_free(&g);
}

static void
test_grid_two_tables_in_order(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g;

	(void)state;
	/* A 2x2 table low on the page, drawn first; the 3x4 one above it. */
	hrule(600, 100, 700);
	hrule(660, 100, 700);
	hrule(720, 100, 700);
	vrule(100, 600, 720);
	vrule(400, 600, 720);
	vrule(700, 600, 720);
	draw_table(1);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 2);
	assert_int_equal(g.tables[0].cols, 4);
	assert_int_equal(g.tables[1].cols, 2);
	assert_int_equal(g.tables[1].rows, 2);
	assert_int_equal(g.tables[1].ncells, 4);
	ocr_grid_free(&g);
}

static void
test_grid_no_table(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g;

	(void)state;
	/* A character-sized box (口 at 16 pt) and a lone underline. */
	hrule(300, 300, 340);
	hrule(340, 300, 340);
	vrule(300, 300, 340);
	vrule(340, 300, 340);
	hrule(500, 100, 1000);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 0);
	/* Nothing was erased. */
	assert_true(ocr_ink(&img, 100, 500, 1000, 502) > 0);
	ocr_grid_free(&g);
}

static void
test_grid_black_page(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g;

	(void)state;
	memset(pix, 0, sizeof(pix));
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 0);
	ocr_grid_free(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid_spans),
		cmocka_unit_test(test_grid_open_sides),
		cmocka_unit_test(test_grid_two_tables_in_order),
		cmocka_unit_test(test_grid_no_table),
		cmocka_unit_test(test_grid_black_page),
	};

	return cmocka_run_group_tests_name("extract_ocr_grid", tests, NULL,
	    NULL);
}
