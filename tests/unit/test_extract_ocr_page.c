/*
 * A page without rules cut into boxes of text (extract/ocr_page.c), on an
 * image drawn here at 200 dpi (an em of 10.5 pt is 29 pixels): "characters"
 * are blocks 26 pixels high; a 三 is three strokes with blank rows between
 * them; then the boxes laid out as characters in points: one font size from
 * the boxes holding ideographs, the text spread over each box, a
 * full-width bracket's bearing given back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extract/ocr_page.h"

#define W 1000
#define H 400
#define DPI 200

static unsigned char pix[W * H];

static void
rect(int x0, int y0, int x1, int y1)
{
	int x, y;

	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++)
			pix[y * W + x] = 0;
}

/* n characters 26 pixels square, 3 apart, from x at top y. */
static int
chars(int x, int y, int n)
{
	int i;

	for (i = 0; i < n; i++, x += 29)
		rect(x, y, x + 26, y + 26);
	return x;
}

static void
cut_lines_and_cells(void **state)
{
	struct ocr_img img = { pix, W, H, W };
	struct ocr_tboxes b;

	(void)state;
	memset(pix, 255, sizeof(pix));
	/* line 1: a label of 4, a gap of 2 em, a figure of 2 */
	chars(100, 100, 4);
	chars(100 + 4 * 29 + 58, 100, 2);
	/* line 2, 14 pixels lower: 三 (three strokes 4 high, 7 apart), a
	 * gap of 5 pixels (under half an em), 2 more */
	rect(100, 140, 126, 144);
	rect(100, 151, 126, 155);
	rect(100, 162, 126, 166);
	chars(131, 140, 2);
	/* line 3: a 三 alone, its strokes 7 rows apart (over LINE_GAP) */
	rect(300, 200, 326, 204);
	rect(300, 211, 326, 215);
	rect(300, 222, 326, 226);
	assert_int_equal(ocr_page_boxes(&img, DPI, &b), 0);
	assert_int_equal(b.n, 4);
	assert_int_equal(b.v[0].x0, 100);
	assert_int_equal(b.v[0].x1, 100 + 3 * 29 + 26);
	assert_int_equal(b.v[0].y0, 100);
	assert_int_equal(b.v[0].y1, 126);
	assert_int_equal(b.v[1].x0, 100 + 4 * 29 + 58);
	/* 三 is no three lines, and joins the characters beside it */
	assert_int_equal(b.v[2].x0, 100);
	assert_int_equal(b.v[2].x1, 131 + 29 + 26);
	assert_int_equal(b.v[2].y0, 140);
	assert_int_equal(b.v[2].y1, 166);
	/* strokes thinner than LINE_MIN are one character */
	assert_int_equal(b.v[3].y0, 200);
	assert_int_equal(b.v[3].y1, 226);
	ocr_tboxes_free(&b);
	assert_null(b.v);
	/* a blank page: no box */
	memset(pix, 255, sizeof(pix));
	assert_int_equal(ocr_page_boxes(&img, DPI, &b), 0);
	assert_int_equal(b.n, 0);
	ocr_tboxes_free(&b);
}

static void
laid_out(void **state)
{
	struct ocr_img img = { pix, W, H, W };
	struct ocr_tbox v[3] = {
		{ 100, 100, 200, 127, NULL },	/* 27 px: em 30 px = 10.8 pt */
		{ 300, 102, 340, 125, NULL },
		{ 400, 100, 460, 127, NULL },
	};
	struct ocr_tboxes b = { v, 3, 3 };
	struct gk_pdf_page pg;
	float em;

	(void)state;
	v[0].text = (char *)"规 章";
	v[1].text = (char *)"19";
	v[2].text = (char *)"（八）";
	assert_int_equal(ocr_page_layer(&b, &img, DPI, &pg), 0);
	assert_int_equal(pg.nch, 2 + 2 + 3);
	assert_float_equal(pg.w, W * 72.0 / DPI, 0.01);
	em = (float)(27 / 0.9 * 72 / DPI);
	assert_float_equal(pg.ch[0].size, em, 0.01);
	assert_float_equal(pg.ch[3].size, em, 0.01);	/* digits: the same */
	assert_int_equal(pg.ch[0].c, 0x89c4);	/* 规, the space left out */
	assert_float_equal(pg.ch[0].x0, 100 * 72.0 / DPI, 0.01);
	assert_float_equal(pg.ch[1].x0, 150 * 72.0 / DPI, 0.01);
	assert_float_equal(pg.ch[1].y, 127 * 72.0 / DPI, 0.01);
	assert_float_equal(pg.ch[2].x1, 320 * 72.0 / DPI, 0.01);
	/* the brackets' bearings: half an em each side */
	assert_float_equal(pg.ch[4].x0, 400 * 72.0 / DPI - em / 2, 0.01);
	assert_float_equal(pg.ch[6].x1, 460 * 72.0 / DPI + em / 2, 0.01);
	gk_pdf_page_free(&pg);
}

static void
narrow_joins(void **state)
{
	/* at 200 dpi an em is 29 pixels: narrow under 46, near under 58 */
	struct ocr_tbox v[5] = {
		{ 100, 100, 141, 126, NULL },	/* 一、 41 wide */
		{ 179, 98, 600, 127, NULL },	/* 38 after it */
		{ 700, 100, 720, 126, NULL },	/* narrow, but 80 before */
		{ 800, 100, 820, 126, NULL },	/* narrow, next on a line below */
		{ 830, 140, 900, 166, NULL },
	};
	struct ocr_tboxes b = { v, 5, 5 };

	(void)state;
	assert_int_equal(ocr_tbox_joins(&b, 0, 200), 1);
	assert_int_equal(ocr_tbox_joins(&b, 1, 200), -1);	/* wide */
	assert_int_equal(ocr_tbox_joins(&b, 2, 200), -1);	/* apart */
	assert_int_equal(ocr_tbox_joins(&b, 3, 200), -1);	/* a line down */
	assert_int_equal(ocr_tbox_joins(&b, 4, 200), -1);	/* the last */
	ocr_tbox_join(&b, 0, 1);
	assert_int_equal(v[1].x0, 100);
	assert_int_equal(v[1].y0, 98);
	assert_int_equal(v[1].y1, 127);
	assert_int_equal(v[0].x1, v[0].x0);	/* empty */
	assert_int_equal(ocr_tbox_joins(&b, 0, 200), -1);
}

static void
minus_sign(void **state)
{
	struct ocr_img img = { pix, W, H, W };

	(void)state;
	memset(pix, 255, sizeof(pix));
	/* -22: a dash 12 x 1 at mid height, 3 columns before two digits */
	rect(100, 112, 112, 113);
	rect(115, 100, 129, 124);
	rect(132, 100, 146, 124);
	assert_int_equal(ocr_leading_dash(&img, 100, 100, 145, 123), 1);
	/* the digits alone */
	assert_int_equal(ocr_leading_dash(&img, 115, 100, 145, 123), 0);
	/* an underscore is low */
	memset(pix, 255, sizeof(pix));
	rect(100, 122, 112, 124);
	rect(115, 100, 129, 124);
	assert_int_equal(ocr_leading_dash(&img, 100, 100, 128, 123), 0);
	/* a mark as high as the line is no dash */
	memset(pix, 255, sizeof(pix));
	rect(100, 100, 112, 124);
	rect(115, 100, 129, 124);
	assert_int_equal(ocr_leading_dash(&img, 100, 100, 128, 123), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cut_lines_and_cells),
		cmocka_unit_test(laid_out),
		cmocka_unit_test(narrow_joins),
		cmocka_unit_test(minus_sign),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
