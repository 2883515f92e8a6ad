/*
 * The table grid of a page image (extract/ocr_grid.c), on images drawn
 * here: a 3x4 grid at 200 dpi with a merged header (colspan 3) and a merged
 * label (rowspan 2), 2-pixel rules, some "text" strokes; then the same
 * without outer side rules, a box of text-sized strokes that is no table,
 * and a black page; specks (ocr_despeckle); missing-glyph boxes, empty
 * and crossed, alone and among a label's characters.
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

/*
 * Rules grey, as a bilevel scan's thin rules come out of the deskew (190:
 * lighter than ink, darker than RULE_DARK): the same table is found.  Faint
 * rules (239, under RULE_LIGHT), as a word processor's 1-pixel HTML rules
 * come out of a scan askew, are found on a page with no darker table;
 * rules of 240 (paper) are none.  Next to a table of dark rules, the
 * faint one is not looked for (the blur and dirt of some scans made
 * slivers of tables at 235).
 */
static void
grey_table(int v)
{
	int i;

	draw_table(1);
	for (i = 0; i < W * H; i++)
		if (pix[i] == 0)
			pix[i] = (unsigned char)v;
}

static void
test_grid_grey_rules(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g;
	int v, i;

	(void)state;
	for (v = 190; v <= 239; v += 49) {
		img = blank();
		grey_table(v);
		assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
		assert_int_equal(g.ntables, 1);
		assert_int_equal(g.tables[0].rows, 3);
		assert_int_equal(g.tables[0].cols, 4);
		assert_int_equal(g.tables[0].ncells, 9);
		ocr_grid_free(&g);
	}
	img = blank();
	grey_table(240);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 0);
	ocr_grid_free(&g);
	/* a faint table, then a dark 2x2 one under it */
	img = blank();
	grey_table(225);
	for (i = 0; i < 3; i++)
		hrule(600 + 60 * i, 100, 700);
	for (i = 0; i < 3; i++)
		vrule(100 + 300 * i, 600, 720);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 1);
	assert_int_equal(g.tables[0].cols, 2);
	assert_int_equal(pix[100 * W + 500], 225);	/* not erased */
	ocr_grid_free(&g);
}

/*
 * Specks at 200 dpi (at most 41 pixels, under 6 pixels each way, nothing
 * within 6 pixels): a lone dot goes, and so does a 5x5 blob; a full stop
 * 3 pixels from its figure stays, a short stroke (the middle one of 三,
 * 15x2 and 5 pixels from the others) stays, a dash 7 wide stays.  On a
 * black page nothing is a speck.
 */
static void
test_despeckle(void **state)
{
	struct ocr_img img = blank();

	(void)state;
	rect(50, 50, 51, 51, 0);		/* a lone pixel */
	rect(100, 100, 105, 105, 30);		/* a 5x5 blob */
	rect(200, 100, 210, 125, 0);		/* a figure ... */
	rect(213, 121, 216, 124, 0);		/* ... and its full stop */
	rect(300, 100, 315, 102, 0);		/* 三: three strokes */
	rect(300, 107, 315, 109, 0);
	rect(300, 114, 315, 116, 0);
	rect(400, 100, 407, 103, 0);		/* a dash 7 wide: no speck */
	rect(500, 300, 503, 303, 180);		/* light: no ink at all */
	assert_int_equal(ocr_despeckle(&img, 200), 2);
	assert_int_equal(pix[50 * W + 50], 255);
	assert_int_equal(pix[102 * W + 102], 255);
	assert_int_equal(pix[122 * W + 214], 0);
	assert_int_equal(pix[108 * W + 307], 0);
	assert_int_equal(pix[101 * W + 403], 0);
	assert_int_equal(pix[301 * W + 501], 180);
	assert_int_equal(ocr_ink(&img, 0, 0, W, H),
	    10 * 25 + 9 + 3 * 30 + 21);
	memset(pix, 0, sizeof(pix));
	assert_int_equal(ocr_despeckle(&img, 200), 0);
	assert_int_equal(ocr_ink(&img, 0, 0, W, H), (long)W * H);
}

/*
 * A decimal point set wide (a sans font at 200 dpi: 4 x 3 pixels, 7 from
 * the 9 of 1389.79 and 10 from its 7) is kept: figures on both sides share
 * its bottom row and stand three times its height above it.  The same dot
 * with a figure on one side only, one at mid height between two figures,
 * and one beside a figure as low as itself are specks.
 */
static void
test_despeckle_point(void **state)
{
	struct ocr_img img = blank();

	(void)state;
	rect(100, 100, 112, 125, 0);		/* 9 */
	rect(119, 122, 123, 125, 0);		/* . */
	rect(133, 100, 145, 125, 0);		/* 7 */
	rect(300, 100, 312, 125, 0);		/* a figure at the end */
	rect(319, 122, 323, 125, 0);		/* and a dot after it */
	rect(500, 100, 512, 125, 0);		/* two figures */
	rect(519, 110, 523, 113, 0);		/* a dot at mid height */
	rect(533, 100, 545, 125, 0);
	rect(700, 122, 712, 125, 0);		/* a dash on the baseline */
	rect(719, 122, 723, 125, 0);		/* a dot beside it */
	rect(733, 100, 745, 125, 0);
	assert_int_equal(ocr_despeckle(&img, 200), 3);
	assert_int_equal(pix[123 * W + 120], 0);
	assert_int_equal(pix[123 * W + 320], 255);
	assert_int_equal(pix[111 * W + 520], 255);
	assert_int_equal(pix[123 * W + 720], 255);
}

/*
 * The main line of a cell (ocr_main_line): a figure 20 pixels high with a
 * speck 10 rows above it and a smudge 2 rows under it (bridged: gaps of
 * up to dpi/100 + 1 rows); a gap of 4 rows at 200 dpi parts them.
 */
static void
test_main_line(void **state)
{
	struct ocr_img img = blank();
	int x0, y0, x1, y1;

	(void)state;
	assert_int_equal(ocr_main_line(&img, 200, 100, 100, 300, 200, &x0,
	    &y0, &x1, &y1), -1);
	rect(150, 110, 153, 113, 0);		/* a speck */
	rect(180, 123, 192, 143, 0);		/* the figure */
	rect(175, 146, 200, 147, 0);		/* a smudge right under it */
	assert_int_equal(ocr_main_line(&img, 200, 100, 100, 300, 200, &x0,
	    &y0, &x1, &y1), 0);
	assert_int_equal(y0, 123);
	assert_int_equal(y1, 146);
	assert_int_equal(x0, 175);
	assert_int_equal(x1, 199);
	rect(175, 146, 200, 147, 255);
	rect(180, 147, 192, 148, 0);		/* 4 rows under it: apart */
	assert_int_equal(ocr_main_line(&img, 200, 100, 100, 300, 200, &x0,
	    &y0, &x1, &y1), 0);
	assert_int_equal(y1, 142);
	assert_int_equal(x0, 180);
	assert_int_equal(x1, 191);
	/* the box clips: only the speck is in it */
	assert_int_equal(ocr_main_line(&img, 200, 100, 100, 300, 120, &x0,
	    &y0, &x1, &y1), 0);
	assert_int_equal(y0, 110);
	assert_int_equal(y1, 112);
}

/*
 * The lines of a cell (ocr_ink_lines): a figure wrapped over three lines
 * (41 / 5 / a smudge bridged to the 5), top to bottom, each with its own
 * columns; the count goes on past the room given.
 */
static void
test_ink_lines(void **state)
{
	struct ocr_img img = blank();
	struct ocr_line v[2];

	(void)state;
	assert_int_equal(ocr_ink_lines(&img, 200, 100, 100, 300, 200, v, 2),
	    0);
	rect(180, 110, 200, 130, 0);		/* 41 */
	rect(185, 140, 195, 160, 0);		/* 5, 9 rows under it */
	rect(150, 162, 152, 163, 0);		/* bridged to the 5 */
	assert_int_equal(ocr_ink_lines(&img, 200, 100, 100, 300, 200, v, 2),
	    2);
	assert_int_equal(v[0].y0, 110);
	assert_int_equal(v[0].y1, 129);
	assert_int_equal(v[0].x0, 180);
	assert_int_equal(v[0].x1, 199);
	assert_int_equal(v[0].ink, 20L * 20);
	assert_int_equal(v[1].y0, 140);
	assert_int_equal(v[1].y1, 162);
	assert_int_equal(v[1].x0, 150);
	assert_int_equal(v[1].x1, 194);
	rect(185, 180, 195, 190, 0);		/* a third line */
	assert_int_equal(ocr_ink_lines(&img, 200, 100, 100, 300, 200, v, 2),
	    3);
	assert_int_equal(v[1].y0, 140);
}

/*
 * A note set right under a table, its strokes glued to the bottom rule:
 * two strokes hanging from it (x 400 and 428), crossed 8 pixels under it
 * by a stroke of the note 50 pixels long; each hanging one meets two
 * rules across it, under MEET_SPAN (dpi / 8) apart.  39 pixels long
 * (under STROKE_MAX, dpi / 5) they are no rules: the table keeps its 4
 * columns and the strokes are not erased.  40 pixels long they are taken
 * for rules (the pieces of a broken rule meet so too): 6 columns.  The
 * bottom rule comes out of the scan as runs a row apart (a row broken at
 * x 480-520 over the whole one): mended into one rule (mend()).
 */
static void
test_grid_stroke_under_table(void **state)
{
	struct ocr_img img;
	struct ocr_grid g;
	int len;

	(void)state;
	for (len = 39; len <= 40; len++) {
		img = blank();
		draw_table(1);
		rect(100, 279, 480, 280, 0);
		rect(520, 279, 902, 280, 0);
		rect(400, 279, 402, 279 + len + 1, 0);
		rect(428, 279, 430, 279 + len + 1, 0);
		rect(380, 287, 430, 289, 0);
		assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
		assert_int_equal(g.ntables, 1);
		assert_int_equal(g.tables[0].cols, len == 39 ? 4 : 6);
		if (len == 39)
			assert_int_equal(g.tables[0].rows, 3);
		assert_int_equal(ocr_ink(&img, 400, 295, 402, 315),
		    len == 39 ? 2 * 20 : 0);
		ocr_grid_free(&g);
	}
}

/*
 * A bilevel scan's rule as dashes (mend()): a table of one row 240 pixels
 * high, its middle rule (x 400) broken halfway, each piece meeting one rule
 * across it.  Its pieces' ends 20 pixels apart (dpi / 10) are mended into
 * one rule: 2 cells; 21 pixels apart they are pieces, no rules: 1 cell.
 * Pieces of text strokes under an inch together (two of 40 pixels, ends
 * 20 apart) are not mended: no table.
 */
static void
test_grid_mend(void **state)
{
	struct ocr_img img;
	struct ocr_grid g;
	int d;

	(void)state;
	for (d = 20; d <= 21; d++) {
		img = blank();
		hrule(500, 100, 700);
		hrule(740, 100, 700);
		vrule(100, 500, 740);
		vrule(700, 500, 740);
		rect(400, 500, 402, 610, 0);		/* rows 500..609 */
		rect(400, 609 + d, 402, 742, 0);
		assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
		assert_int_equal(g.ntables, 1);
		assert_int_equal(g.tables[0].ncells, d == 20 ? 2 : 1);
		ocr_grid_free(&g);
	}
	img = blank();
	hrule(500, 100, 140);
	hrule(500, 160, 200);
	hrule(540, 100, 200);
	vrule(100, 500, 540);
	vrule(200, 500, 540);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 0);
	ocr_grid_free(&g);
}

/*
 * MEET_SPAN at 200 dpi is 25 pixels: two strokes 28 pixels apart hanging
 * from the bottom rule, crossed by a stroke d pixels under it, are rules
 * at d = 25 (two sliver columns: 6) and not at d = 24 (4).
 */
static void
test_grid_meet_span(void **state)
{
	struct ocr_img img;
	struct ocr_grid g;
	int d;

	(void)state;
	for (d = 24; d <= 25; d++) {
		img = blank();
		draw_table(1);
		rect(400, 281, 402, 281 + d + 12, 0);
		rect(428, 281, 430, 281 + d + 12, 0);
		rect(380, 280 + d, 450, 282 + d, 0);
		assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
		assert_int_equal(g.ntables, 1);
		assert_int_equal(g.tables[0].cols, d == 25 ? 6 : 4);
		ocr_grid_free(&g);
	}
}

/*
 * A table's grid lines (ocr_table's xs and ys) are its rules' centres and
 * the edges: the drawn table's.
 */
static void
test_grid_lines(void **state)
{
	static const int xs[] = { 100, 300, 500, 700, 900 };
	static const int ys[] = { 100, 160, 220, 280 };
	struct ocr_img img = blank();
	struct ocr_grid g;

	(void)state;
	draw_table(1);
	assert_int_equal(ocr_grid_find(&img, 200, &g), 0);
	assert_int_equal(g.ntables, 1);
	assert_memory_equal(g.tables[0].xs, xs, sizeof(xs));
	assert_memory_equal(g.tables[0].ys, ys, sizeof(ys));
	ocr_grid_free(&g);
}

/*
 * A table cut by a page break, its header rows on page 1 (lines
 * 100 300 700 900: a label block of one merged cell, 300-700) and its
 * body on page 2 (100 300 500 700 900: the block split), drawn and found;
 * page 2 scanned 6 pixels to the right.  The parts join on the union of
 * their lines, 5 of them: page 1's 300-700 is two columns of it.
 */
static void
test_grid_join_drawn(void **state)
{
	struct ocr_img img = blank();
	struct ocr_grid g1, g2;
	int u[16], amap[16], bmap[16], i;
	static const int want[] = { 100, 300, 500, 700, 900 };

	(void)state;
	for (i = 0; i < 3; i++)
		hrule(100 + 60 * i, 100, 900);
	vrule(100, 100, 220);
	vrule(300, 100, 220);
	vrule(700, 100, 220);
	vrule(900, 100, 220);
	assert_int_equal(ocr_grid_find(&img, 200, &g1), 0);
	img = blank();
	for (i = 0; i < 3; i++)
		hrule(106 + 60 * i, 106, 906);
	for (i = 0; i < 5; i++)
		vrule(106 + 200 * i, 106, 226);
	assert_int_equal(ocr_grid_find(&img, 200, &g2), 0);
	assert_int_equal(g1.ntables, 1);
	assert_int_equal(g2.ntables, 1);
	assert_int_equal(g1.tables[0].cols, 3);
	assert_int_equal(g2.tables[0].cols, 4);
	assert_int_equal(ocr_grid_join(200, g1.tables[0].xs, 4,
	    g2.tables[0].xs, 5, u, 16, amap, bmap), 5);
	assert_memory_equal(u, want, sizeof(want));
	assert_int_equal(amap[0], 0);
	assert_int_equal(amap[1], 1);
	assert_int_equal(amap[2], 3);
	assert_int_equal(amap[3], 4);
	for (i = 0; i < 5; i++)
		assert_int_equal(bmap[i], i);
	/* the other way round: page 1 finer */
	assert_int_equal(ocr_grid_join(200, g2.tables[0].xs, 5,
	    g1.tables[0].xs, 4, u, 16, amap, bmap), 5);
	assert_int_equal(u[2], 506);
	assert_int_equal(bmap[2], 3);
	ocr_grid_free(&g1);
	ocr_grid_free(&g2);
}

/*
 * Which grids join (ocr_join_tol: 9 pixels at 200 dpi): a line 9 pixels
 * off still is the other part's, 10 pixels off it is not; other inner
 * lines, a narrower table or one line of each that the other lacks do not
 * join; a union larger than the room given does not.
 */
static void
test_grid_join_which(void **state)
{
	static const int a[] = { 100, 300, 700, 900 };
	static const int off9[] = { 100, 300, 500, 709, 900 };
	static const int off10[] = { 100, 300, 500, 710, 900 };
	static const int other[] = { 100, 250, 450, 650, 900 };
	static const int narrow[] = { 100, 300, 700, 800 };
	static const int both[] = { 100, 200, 700, 900 };
	int u[16], amap[16], bmap[16];

	(void)state;
	assert_int_equal(ocr_join_tol(200), 9);
	assert_int_equal(ocr_grid_join(200, a, 4, off9, 5, u, 16, amap,
	    bmap), 5);
	assert_int_equal(u[3], 700);
	assert_int_equal(ocr_grid_join(200, a, 4, off10, 5, u, 16, amap,
	    bmap), -1);
	assert_int_equal(ocr_grid_join(200, a, 4, other, 5, u, 16, amap,
	    bmap), -1);
	assert_int_equal(ocr_grid_join(200, a, 4, narrow, 4, u, 16, amap,
	    bmap), -1);
	assert_int_equal(ocr_grid_join(200, a, 4, both, 4, u, 16, amap,
	    bmap), -1);
	assert_int_equal(ocr_grid_join(200, a, 4, a, 4, u, 16, amap, bmap),
	    4);
	assert_int_equal(ocr_grid_join(200, a, 4, off9, 5, u, 4, amap,
	    bmap), -1);
	assert_int_equal(ocr_grid_join(200, a, 1, a, 4, u, 16, amap, bmap),
	    -1);
}

/* A hollow rectangle outlined 2 pixels thick. */
static void
box(int x0, int y0, int x1, int y1)
{
	rect(x0, y0, x1, y0 + 2, 0);
	rect(x0, y1 - 2, x1, y1, 0);
	rect(x0, y0, x0 + 2, y1, 0);
	rect(x1 - 2, y0, x1, y1, 0);
}

/* A 0 drawn as a ring: round, its sides dark only in their middle. */
static void
ring(int cx, int cy, int rx, int ry)
{
	int x, y;
	double d;

	for (y = cy - ry - 1; y <= cy + ry + 1; y++)
		for (x = cx - rx - 1; x <= cx + rx + 1; x++) {
			d = (double)(x - cx) * (x - cx) / ((double)rx * rx) +
			    (double)(y - cy) * (y - cy) / ((double)ry * ry);
			if (d <= 1.0 && d >= 0.6)
				pix[y * W + x] = 0;
		}
}

/*
 * Missing-glyph boxes: a line of three is three; a 0, a box with a
 * stroke inside (日), or a line mixing a box and a 0, is none.
 */
static void
test_missing_glyphs(void **state)
{
	struct ocr_img img = blank();

	(void)state;
	box(100, 100, 112, 122);
	box(116, 100, 128, 122);
	box(132, 100, 144, 122);
	assert_int_equal(ocr_missing_glyphs(&img, 90, 95, 150, 125), 3);
	ring(206, 111, 6, 11);
	assert_int_equal(ocr_missing_glyphs(&img, 195, 95, 220, 125), 0);
	box(300, 100, 316, 122);
	rect(300, 110, 316, 112, 0);
	assert_int_equal(ocr_missing_glyphs(&img, 290, 95, 320, 125), 0);
	assert_int_equal(ocr_missing_glyphs(&img, 90, 95, 220, 125), 0);
	assert_int_equal(ocr_missing_glyphs(&img, 400, 95, 500, 125), 0);
}

/* A box with its diagonals drawn 2 pixels thick. */
static void
crossed_box(int x0, int y0, int x1, int y1)
{
	int y, x;

	box(x0, y0, x1, y1);
	for (y = y0; y < y1; y++) {
		x = x0 + (y - y0) * (x1 - 2 - x0) / (y1 - 1 - y0);
		rect(x, y, x + 2, y + 1, 0);
		x = x1 - 2 - (y - y0) * (x1 - 2 - x0) / (y1 - 1 - y0);
		rect(x, y, x + 2, y + 1, 0);
	}
}

/*
 * Fonts draw their missing glyph empty or crossed from corner to corner:
 * both are boxes.  A box with one diagonal, crossed and with a stroke
 * across too, or a box in a box (回), is not.
 */
static void
test_missing_glyphs_crossed(void **state)
{
	struct ocr_img img = blank();
	int y;

	(void)state;
	crossed_box(100, 100, 120, 126);
	crossed_box(126, 100, 146, 126);
	assert_int_equal(ocr_missing_glyphs(&img, 90, 95, 150, 130), 2);
	box(300, 100, 320, 126);			/* one diagonal */
	for (y = 100; y < 126; y++)
		rect(300 + (y - 100) * 19 / 25, y, 302 + (y - 100) * 19 / 25,
		    y + 1, 0);
	assert_int_equal(ocr_missing_glyphs(&img, 290, 95, 330, 130), 0);
	crossed_box(400, 100, 420, 126);		/* and a stroke */
	rect(400, 112, 420, 114, 0);
	assert_int_equal(ocr_missing_glyphs(&img, 390, 95, 430, 130), 0);
	/* 回 at 150 dpi: a box in the box, its corners near the diagonals,
	 * paper between them and the outer corners */
	box(500, 100, 514, 118);
	box(504, 105, 510, 113);
	assert_int_equal(ocr_missing_glyphs(&img, 490, 95, 520, 125), 0);
	crossed_box(600, 100, 614, 118);		/* a box that size */
	assert_int_equal(ocr_missing_glyphs(&img, 590, 95, 620, 125), 1);
}

/*
 * Among a label's characters (ocr_glyph_boxes): the boxes, empty or
 * crossed, at least 0.6 of the line high; a small box (口 inside a
 * character), a box far wider than high and a 口 whose verticals run on
 * past its bottom stroke (和) are none.
 */
static void
test_glyph_boxes(void **state)
{
	struct ocr_img img = blank();
	int bx[8];

	(void)state;
	rect(100, 100, 126, 128, 0);		/* a character */
	crossed_box(132, 101, 152, 127);	/* a box */
	rect(158, 100, 184, 128, 0);		/* a character */
	box(190, 101, 210, 127);		/* a box */
	box(216, 112, 226, 124);		/* small */
	box(232, 104, 292, 124);		/* wide */
	assert_int_equal(ocr_glyph_boxes(&img, 95, 95, 300, 132, bx, 4), 2);
	assert_int_equal(bx[0], 132);
	assert_int_equal(bx[1], 151);
	assert_int_equal(bx[2], 190);
	assert_int_equal(bx[3], 209);
	assert_int_equal(ocr_glyph_boxes(&img, 95, 95, 300, 132, bx, 1), 1);
	assert_int_equal(ocr_glyph_boxes(&img, 95, 95, 130, 132, bx, 4), 0);
	/* 口 of 和: its verticals run on below the bottom stroke */
	rect(400, 100, 412, 128, 0);		/* 禾 */
	box(415, 100, 427, 125);
	rect(415, 125, 417, 128, 0);
	rect(425, 125, 427, 128, 0);
	assert_int_equal(ocr_glyph_boxes(&img, 395, 95, 430, 132, bx, 4), 0);
}

/* An 8 at x, 12 wide and 20 high: three bars and its sides. */
static void
eight(int x, int y)
{
	rect(x, y, x + 12, y + 2, 0);
	rect(x, y + 9, x + 12, y + 11, 0);
	rect(x, y + 18, x + 12, y + 20, 0);
	rect(x, y, x + 2, y + 20, 0);
	rect(x + 10, y, x + 12, y + 20, 0);
}

/* A stroke of writing at x, w wide, 20 high: four bars (目 without sides). */
static void
four_bars(int x, int y, int w)
{
	int i;

	for (i = 0; i < 4; i++)
		rect(x, y + 6 * i, x + w, y + 6 * i + 2, 0);
}

/*
 * Writing or a figure (ocr_figure_busy): a line of 8s, three strokes top to
 * bottom, is a figure; one of four strokes, writing.  Ten 8s are 120
 * columns of ink; four bars after them 6 wide make 6 of 126 columns
 * (4.8%) crossed four times, a figure, 7 wide 7 of 127 (5.5%), writing
 * (BUSY_SHARE 5).  One 8 and four bars 4 wide: a third of the columns,
 * but 4 of them, under a quarter of the line's 20 rows, a figure; 5 wide,
 * writing.  A 1 whose stem's edge goes in and out of ink down its length,
 * as on a JPEG scan, is a figure.
 */
static void
test_figure_busy(void **state)
{
	struct ocr_img img = blank();
	int i;

	(void)state;
	for (i = 0; i < 10; i++)
		eight(100 + 16 * i, 100);
	assert_false(ocr_figure_busy(&img, 100, 100, 259, 119));
	four_bars(400, 100, 40);
	assert_true(ocr_figure_busy(&img, 400, 100, 439, 119));
	four_bars(262, 100, 6);
	assert_false(ocr_figure_busy(&img, 100, 100, 267, 119));
	four_bars(262, 100, 7);
	assert_true(ocr_figure_busy(&img, 100, 100, 268, 119));
	eight(300, 300);
	four_bars(314, 300, 4);
	assert_false(ocr_figure_busy(&img, 300, 300, 317, 319));
	four_bars(314, 300, 5);
	assert_true(ocr_figure_busy(&img, 300, 300, 318, 319));
	/* a 1: its stem x 506-508, the column left of it ragged */
	rect(506, 200, 509, 224, 0);
	rect(502, 200, 505, 203, 0);		/* the flag */
	rect(500, 221, 515, 224, 0);		/* the foot */
	for (i = 0; i < 24; i += 4)
		rect(505, 200 + i, 506, 202 + i, 0);
	assert_false(ocr_figure_busy(&img, 500, 200, 514, 223));
	/* no ink */
	assert_false(ocr_figure_busy(&img, 600, 100, 700, 119));
}

/* A figure's line is scaled to 28 pixels, whatever the resolution. */
static void
test_figure_scale(void **state)
{
	(void)state;
	assert_true(ocr_figure_scale(28) == 1.0);
	assert_true(ocr_figure_scale(14) == 2.0);
	assert_true(ocr_figure_scale(56) == 0.5);
	assert_true(ocr_figure_scale(0) == 1.0);
}

/*
 * A line of ink over FIGURE_LONG (12) heights wide is no figure: 15
 * digits' advance, more than the forms' longest amount; a label of eleven
 * ideographs or more.
 */
static void
test_figure_long(void **state)
{
	(void)state;
	assert_false(ocr_figure_long(240, 20));	/* 12 heights */
	assert_true(ocr_figure_long(241, 20));
	assert_false(ocr_figure_long(130, 20));	/* 12,345,678.90 */
	assert_true(ocr_figure_long(300, 20));	/* 14 ideographs */
	assert_false(ocr_figure_long(100, 0));
}

/*
 * ocr_clear_paper: light pixels alone on the paper go white; a glyph's
 * grey edge next to its dark stroke stays, so does a dark speck.
 */
static void
test_clear_paper(void **state)
{
#define CW 12
#define CH 5
	unsigned char cut[CW * CH], rows[3 * CW];
	int x;

	(void)state;
	memset(cut, 255, sizeof(cut));
	/* a stroke at x 2, its grey edge at x 3 */
	for (x = 0; x < CH; x++) {
		cut[x * CW + 2] = 20;
		cut[x * CW + 3] = 220;
	}
	cut[2 * CW + 7] = 230;	/* paper noise alone */
	cut[0 * CW + 11] = 210;	/* at the edge of the cut */
	cut[4 * CW + 9] = 120;	/* a dark speck */
	cut[3 * CW + 9] = 240;	/* light, but touching the speck */
	ocr_clear_paper(cut, CW, CH, 200, rows);
	for (x = 0; x < CH; x++) {
		assert_int_equal(cut[x * CW + 2], 20);
		assert_int_equal(cut[x * CW + 3], 220);
	}
	assert_int_equal(cut[2 * CW + 7], 255);
	assert_int_equal(cut[0 * CW + 11], 255);
	assert_int_equal(cut[4 * CW + 9], 120);
	assert_int_equal(cut[3 * CW + 9], 240);
#undef CW
#undef CH
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
		cmocka_unit_test(test_grid_grey_rules),
		cmocka_unit_test(test_grid_stroke_under_table),
		cmocka_unit_test(test_grid_meet_span),
		cmocka_unit_test(test_grid_mend),
		cmocka_unit_test(test_grid_lines),
		cmocka_unit_test(test_grid_join_drawn),
		cmocka_unit_test(test_grid_join_which),
		cmocka_unit_test(test_despeckle),
		cmocka_unit_test(test_despeckle_point),
		cmocka_unit_test(test_main_line),
		cmocka_unit_test(test_ink_lines),
		cmocka_unit_test(test_figure_busy),
		cmocka_unit_test(test_figure_scale),
		cmocka_unit_test(test_figure_long),
		cmocka_unit_test(test_missing_glyphs),
		cmocka_unit_test(test_missing_glyphs_crossed),
		cmocka_unit_test(test_glyph_boxes),
		cmocka_unit_test(test_clear_paper),
	};

	return cmocka_run_group_tests_name("extract_ocr_grid", tests, NULL,
	    NULL);
}
