/*
 * test_extract_pdf_grid: ruling lines -> a grid of cells with spans
 * (pdf_table.c), on rulings drawn the way producers draw them: each cell
 * border on its own, a hair apart, a spanning cell's inner border missing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "extract/pdf/pdf.h"
#include "extract/pdf/table.h"

static void
hline(struct gk_pdf_page *pg, float y, float x0, float x1)
{
	assert_int_equal(gk_pdf_page_addseg(pg, 0, y, x0, x1), 0);
}

static void
vline(struct gk_pdf_page *pg, float x, float y0, float y1)
{
	assert_int_equal(gk_pdf_page_addseg(pg, 1, x, y0, y1), 0);
}

/* The cell at (row, col) of t, or NULL. */
static const struct gk_pdf_cell *
cell(const struct gk_pdf_table *t, int row, int col)
{
	int i;

	for (i = 0; i < t->ncells; i++)
		if (t->cells[i].row == row && t->cells[i].col == col)
			return &t->cells[i];
	return NULL;
}

/*
 *   +-----+-----------+      3 columns (x 100 200 300 400), 3 rows
 *   |  A  |     B     |      (y 100 120 140 160); B spans 2 columns,
 *   +     +-----+-----+      A spans 2 rows.  Borders are drawn per
 *   |     |  C  |  D  |      cell (duplicates, 0.3 pt apart).
 *   +-----+-----+-----+
 *   |  E  |  F  |  G  |
 *   +-----+-----+-----+
 */
static void
test_spans(void **state)
{
	struct gk_pdf_page pg;
	struct gk_pdf_table *t;
	const struct gk_pdf_cell *c;
	int nt;

	(void)state;
	memset(&pg, 0, sizeof(pg));
	pg.w = 600;
	pg.h = 800;
	hline(&pg, 100, 100, 200);
	hline(&pg, 100.3f, 200, 400);
	hline(&pg, 120, 200, 300);
	hline(&pg, 120.2f, 300, 400);
	hline(&pg, 140, 100, 400);
	hline(&pg, 140.3f, 100, 250);	/* a duplicate, part way */
	hline(&pg, 160, 100, 400);
	vline(&pg, 100, 100, 160);
	vline(&pg, 200, 100, 120);
	vline(&pg, 200.2f, 120, 160);
	vline(&pg, 300, 120, 160);
	vline(&pg, 400, 100, 160);
	/* an underline elsewhere is no table */
	hline(&pg, 500, 100, 300);
	assert_int_equal(gk_pdf_find_tables(&pg, &t, &nt), 0);
	assert_int_equal(nt, 1);
	assert_int_equal(t[0].nx, 4);
	assert_int_equal(t[0].ny, 4);
	assert_int_equal(t[0].ncells, 7);
	c = cell(&t[0], 0, 0);
	assert_non_null(c);
	assert_int_equal(c->rowspan, 2);
	assert_int_equal(c->colspan, 1);
	c = cell(&t[0], 0, 1);
	assert_non_null(c);
	assert_int_equal(c->rowspan, 1);
	assert_int_equal(c->colspan, 2);
	assert_null(cell(&t[0], 1, 0));		/* covered by A */
	assert_non_null(cell(&t[0], 1, 2));
	assert_non_null(cell(&t[0], 2, 0));
	/* the first cells in reading order */
	assert_int_equal(t[0].cells[0].row, 0);
	assert_int_equal(t[0].cells[0].col, 0);
	assert_int_equal(t[0].cells[1].col, 1);
	/* a point inside D, and one outside the table */
	assert_ptr_equal(&t[0].cells[gk_pdf_cell_at(&t[0], 350, 130)],
	    cell(&t[0], 1, 2));
	assert_int_equal(gk_pdf_cell_at(&t[0], 50, 130), -1);
	gk_pdf_tables_free(t, nt);
	gk_pdf_page_free(&pg);
}

/* A framed paragraph (one box) is not a table. */
static void
test_single_box(void **state)
{
	struct gk_pdf_page pg;
	struct gk_pdf_table *t;
	int nt;

	(void)state;
	memset(&pg, 0, sizeof(pg));
	pg.w = 600;
	pg.h = 800;
	hline(&pg, 100, 100, 400);
	hline(&pg, 200, 100, 400);
	vline(&pg, 100, 100, 200);
	vline(&pg, 400, 100, 200);
	assert_int_equal(gk_pdf_find_tables(&pg, &t, &nt), 0);
	assert_int_equal(nt, 0);
	gk_pdf_tables_free(t, nt);
	gk_pdf_page_free(&pg);
}

/* Two tables on a page come top first, whatever the drawing order. */
static void
test_two_tables(void **state)
{
	struct gk_pdf_page pg;
	struct gk_pdf_table *t;
	int nt, k;
	float y;

	(void)state;
	memset(&pg, 0, sizeof(pg));
	pg.w = 600;
	pg.h = 800;
	for (k = 1; k >= 0; k--) {
		y = 100 + 300 * (float)k;
		hline(&pg, y, 100, 300);
		hline(&pg, y + 20, 100, 300);
		hline(&pg, y + 40, 100, 300);
		vline(&pg, 100, y, y + 40);
		vline(&pg, 300, y, y + 40);
	}
	assert_int_equal(gk_pdf_find_tables(&pg, &t, &nt), 0);
	assert_int_equal(nt, 2);
	assert_true(t[0].y0 < t[1].y0);
	assert_int_equal(t[0].ncells, 2);
	assert_int_equal(t[1].cells[1].row, 1);
	gk_pdf_tables_free(t, nt);
	gk_pdf_page_free(&pg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_single_box),
		cmocka_unit_test(test_two_tables),
	};

	return cmocka_run_group_tests_name("extract_pdf_grid", tests, NULL,
	    NULL);
}
