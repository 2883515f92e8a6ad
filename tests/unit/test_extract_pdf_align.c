/*
 * test_extract_pdf_align: a table printed without any ruling line gets its
 * grid from the alignment of its text (pdf_align.c): the columns from the
 * gaps that no piece of a body row covers, a row per line of figures, and
 * an empty cell where a column has nothing in a row (a blank figure).
 * The grid is drawn as rulings; pdf_table.c must then make the cells.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extract/pdf/pdf.h"
#include "extract/pdf/align.h"
#include "extract/pdf/table.h"
#include "extract/pdf/text.h"

#define SIZE	10.0f

static struct gk_pdf_char chars[256];
static size_t nchars;

/* Characters of s (ASCII digits 5 pt wide, the rest 10 pt) from x on y. */
static void
put(float x, float y, const int *s)
{
	for (; *s != 0; s++) {
		float w = *s < 0x80 ? SIZE / 2 : SIZE;

		assert_true(nchars < sizeof(chars) / sizeof(chars[0]));
		chars[nchars].c = *s;
		chars[nchars].x0 = x;
		chars[nchars].x1 = x + w;
		chars[nchars].y = y;
		chars[nchars].size = SIZE;
		nchars++;
		x += w;
	}
}

/*
 *   项目            本年        上年        header (y 100)
 *   规章             3           5          y 130
 *   规范性文件                   7          y 160: 本年 blank
 *   其他             2          14          y 190
 */
static void
page(void)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int guifan[] = { 0x89c4, 0x8303, 0x6027, 0x6587, 0x4ef6,
	    0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };

	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(50, 130, guizhang);
	put(200, 130, n3);
	put(300, 130, n5);
	put(50, 160, guifan);
	put(300, 160, n7);
	put(50, 190, qita);
	put(200, 190, n2);
	put(300, 190, n14);
}

/* Row and column of the cell of t that holds character i, or -1/-1. */
static void
where(const struct gk_pdf_table *t, size_t i, int *row, int *col)
{
	const struct gk_pdf_char *c = &chars[i];
	int k;

	k = gk_pdf_cell_at(t, (c->x0 + c->x1) / 2, c->y - 0.3f * c->size);
	*row = k < 0 ? -1 : t->cells[k].row;
	*col = k < 0 ? -1 : t->cells[k].col;
}

/* The characters put, read as the PDF reader reads a page: lines (nl of
 * them, unless nl is 0), every line but one of white space kept, aligned
 * on a 600 x 800 page, the tables found (one). */
struct reading {
	struct gk_pdf_line *ln;
	struct gk_pdf_page out;
	struct gk_pdf_table *t;
	int nt;
};

static void
read_tables(struct reading *r, size_t nl, const float *hint, int nhint,
    int nt)
{
	const struct gk_pdf_char *v[256];
	int keep[16];
	size_t n, i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < nchars; i++)
		v[i] = &chars[i];
	assert_int_equal(gk_pdf_lines(v, nchars, &r->ln, &n), 0);
	if (nl != 0)
		assert_int_equal(n, nl);
	assert_true(n <= sizeof(keep) / sizeof(keep[0]));
	/* as layout.c: a line of white space alone is left out */
	for (i = 0; i < n; i++) {
		size_t k;

		keep[i] = 0;
		for (k = 0; k < r->ln[i].n; k++)
			if (!gk_pdf_space(v[r->ln[i].first + k]->c))
				keep[i] = 1;
	}
	r->out.w = 600;
	r->out.h = 800;
	assert_int_equal(gk_pdf_align((const struct gk_pdf_char *const *)v,
	    r->ln, n, keep, hint, nhint, &r->out), 0);
	assert_int_equal(gk_pdf_find_tables(&r->out, &r->t, &r->nt), 0);
	assert_int_equal(r->nt, nt);
}

static void
read_hinted(struct reading *r, size_t nl, const float *hint, int nhint)
{
	read_tables(r, nl, hint, nhint, 1);
}

static void
read_page(struct reading *r, size_t nl)
{
	read_hinted(r, nl, NULL, 0);
}

static void
reading_free(struct reading *r)
{
	gk_pdf_tables_free(r->t, r->nt);
	free(r->ln);
	free(r->out.hs);
	free(r->out.vs);
}

static void
test_borderless(void **state)
{
	struct reading r;
	size_t i;
	int row, col, k, blank = -1;

	(void)state;
	page();
	read_page(&r, 4);
	assert_true(r.out.nh > 0 && r.out.nv > 0);
	/* three columns from the two gaps, four rows */
	assert_int_equal(r.t[0].nx, 4);
	assert_int_equal(r.t[0].ny, 5);
	assert_int_equal(r.t[0].ncells, 12);
	/* the column lines lie in the gaps, not across any text */
	assert_true(r.t[0].xs[1] > 100 && r.t[0].xs[1] < 195);
	assert_true(r.t[0].xs[2] > 215 && r.t[0].xs[2] < 295);
	/* every character in its row and column */
	for (i = 0; i < nchars; i++) {
		where(&r.t[0], i, &row, &col);
		assert_int_equal(row, (int)(chars[i].y - 100) / 30);
		assert_int_equal(col, chars[i].x0 < 150 ? 0 :
		    chars[i].x0 < 250 ? 1 : 2);
	}
	/* 规范性文件's 本年 is an empty cell of its own */
	for (k = 0; k < r.t[0].ncells; k++)
		if (r.t[0].cells[k].row == 2 && r.t[0].cells[k].col == 1)
			blank = k;
	assert_true(blank >= 0);
	assert_int_equal(r.t[0].cells[blank].rowspan, 1);
	assert_int_equal(r.t[0].cells[blank].colspan, 1);
	for (i = 0; i < nchars; i++) {
		where(&r.t[0], i, &row, &col);
		assert_false(row == 2 && col == 1);
	}
	reading_free(&r);
}

/*
 * A header whose labels wrap their unit onto a second line, over a body
 * gap whose middle lies under the second label:
 *   项目   本年制发件数  本年废止件数      y 100
 *            （件）        （件）          y 114: not （一）, the header's
 *   规章        3             5            y 130
 *   规范性文件 176（件）      7            y 160
 * The column line goes where the header leaves room in the gap (230-240),
 * so the two headers stay two cells, each with its unit.
 */
static void
test_header_units(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int zhifa[] = { 0x672c, 0x5e74, 0x5236, 0x53d1, 0x4ef6,
	    0x6570, 0 };
	static const int feizhi[] = { 0x672c, 0x5e74, 0x5e9f, 0x6b62, 0x4ef6,
	    0x6570, 0 };
	static const int jian[] = { 0xff08, 0x4ef6, 0xff09, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int guifan[] = { 0x89c4, 0x8303, 0x6027, 0x6587, 0x4ef6,
	    0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 };
	static const int n176[] = { '1', '7', '6', 0xff08, 0x4ef6, 0xff09, 0 };
	struct reading r;
	size_t i;
	int row, col;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);		/* 0, 1 */
	put(170, 100, zhifa);		/* 2 .. 7 */
	put(240, 100, feizhi);		/* 8 .. 13 */
	put(185, 114, jian);		/* 14 .. 16 */
	put(255, 114, jian);		/* 17 .. 19 */
	put(50, 130, guizhang);
	put(197, 130, n3);
	put(267, 130, n5);
	put(50, 160, guifan);
	put(170, 160, n176);
	put(267, 160, n7);
	read_page(&r, 4);
	assert_int_equal(r.t[0].nx, 4);
	assert_int_equal(r.t[0].ny, 4);	/* header (two lines), two rows */
	assert_true(r.t[0].xs[2] > 230 && r.t[0].xs[2] < 240);
	for (i = 2; i < 20; i++) {
		where(&r.t[0], i, &row, &col);
		assert_int_equal(row, 0);
		assert_int_equal(col, (i >= 2 && i < 8) || (i >= 14 && i < 17) ?
		    1 : 2);
	}
	for (i = 0; i < (size_t)r.t[0].ncells; i++)
		if (r.t[0].cells[i].row == 0)
			assert_int_equal(r.t[0].cells[i].colspan, 1);
	reading_free(&r);
}

/*
 * Two labels side by side in narrow label columns, set closer than
 * CELL_GAP_EM (0.45 em), the right one numbered:
 *   项目                  本年   上年      y 100
 *   三、本 （一）公开      3      5        y 130
 *   年度办 部分                            y 144: both labels wrapped
 *   其他                   7      1        y 160
 * A gap over SPACE_EM (0.3 em) before the mark parts the two columns;
 * under it the line is one piece.  On the wrapped line the two labels
 * are one piece (no mark), whose gap holds the column line: not crossed.
 */
static int
side_by_side(float gap_em)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int sanben[] = { 0x4e09, 0x3001, 0x672c, 0 };
	static const int yi[] = { 0xff08, 0x4e00, 0xff09, 0x516c, 0x5f00, 0 };
	static const int niandu[] = { 0x5e74, 0x5ea6, 0x529e, 0 };
	static const int bufen[] = { 0x90e8, 0x5206, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n1[] = { '1', 0 };
	struct reading r;
	size_t mark, san, nian, bu;
	int row, col, col0, apart;
	float x = 80 + gap_em * SIZE;

	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, bennian);
	put(300, 100, shangnian);
	san = nchars;
	put(50, 130, sanben);		/* 50-80 */
	mark = nchars;
	put(x, 130, yi);
	put(200, 130, n3);
	put(300, 130, n5);
	nian = nchars;
	put(50, 144, niandu);		/* 50-80 */
	bu = nchars;
	put(x, 144, bufen);
	put(50, 160, qita);
	put(200, 160, n7);
	put(300, 160, n1);
	read_page(&r, 4);
	where(&r.t[0], san, &row, &col0);		/* 三 */
	assert_int_equal(row, 1);
	where(&r.t[0], mark, &row, &col);		/* （ of （一） */
	assert_int_equal(row, 1);
	apart = col != col0;
	where(&r.t[0], nian, &row, &col0);
	assert_int_equal(row, 1);
	where(&r.t[0], bu, &row, &col);
	assert_int_equal(row, 1);
	apart = apart && col != col0;
	reading_free(&r);
	return apart;
}

static void
test_side_by_side(void **state)
{
	(void)state;
	assert_true(side_by_side(0.35f));
	assert_false(side_by_side(0.25f));
}

/*
 * Two rows of two labels side by side, the left label of the second row
 * wider than the first's:
 *   项目                    本年   上年     y 100
 *   三、本  （一）公开       3      5       y 130: gap 80-100, middle 90
 *   四、结果（二）部分       7      1       y 160: 四、结果 52-92, gap 92-100
 *       合计                 9      4       y 190: 101.5-121.5
 * The line between 三、本 and （一）公开 goes where no other row's piece
 * crosses (92-100), not at the gap's middle (90, through 四、结果): one
 * line parts both rows, the right labels share a column, and 三、本 has no
 * empty cell beside it.  At the middle, 四、结果 would cross the line,
 * and a second line (96, of 四、结果's own gap) would leave an empty cell
 * between 三、本 and （一）公开.  合计, right of that line with nothing left
 * of it, is centred over the label columns (48-175, the table's edge to
 * the line before the figures), not over its cell right of the line: it
 * spans them, with no blank cell before it.
 */
static void
test_side_line(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int sanben[] = { 0x4e09, 0x3001, 0x672c, 0 };
	static const int yi[] = { 0xff08, 0x4e00, 0xff09, 0x516c, 0x5f00, 0 };
	static const int sijieguo[] = { 0x56db, 0x3001, 0x7ed3, 0x679c, 0 };
	static const int er[] = { 0xff08, 0x4e8c, 0xff09, 0x90e8, 0x5206, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n1[] = { '1', 0 };
	struct reading r;
	static const int heji[] = { 0x5408, 0x8ba1, 0 };
	static const int n9[] = { '9', 0 }, n4[] = { '4', 0 };
	size_t san, mark1, si, mark2, he;
	int row, col, k, cols1 = 0;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, bennian);
	put(300, 100, shangnian);
	san = nchars;
	put(50, 130, sanben);		/* 50-80 */
	mark1 = nchars;
	put(100, 130, yi);
	put(200, 130, n3);
	put(300, 130, n5);
	si = nchars;
	put(52, 160, sijieguo);		/* 52-92 */
	mark2 = nchars;
	put(100, 160, er);
	put(200, 160, n7);
	put(300, 160, n1);
	he = nchars;
	put(101.5f, 190, heji);
	put(200, 190, n9);
	put(300, 190, n4);
	read_page(&r, 4);
	where(&r.t[0], san, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 0);
	where(&r.t[0], mark1, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 1);
	where(&r.t[0], si, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 0);
	where(&r.t[0], mark2, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 1);
	/* 三、本's row: its two labels and two figures, no empty cell */
	for (k = 0; k < r.t[0].ncells; k++)
		if (r.t[0].cells[k].row == 1)
			cols1++;
	assert_int_equal(cols1, 4);
	where(&r.t[0], he, &row, &col);
	assert_int_equal(row, 3);
	assert_int_equal(col, 0);
	reading_free(&r);
}

/*
 * A figure wrapped in a narrow column, its rest dy below it:
 *   项目      总      其他        y 100   (总计 side by side when wide)
 *             计                  y 114
 *   一、新收  31       5          y 130
 *             9                   y 130 + dy: the rest of 319
 *   二、结转   4       6          y 170
 * Within FIGURE_WRAP_EM (1.6 em) the 9 is in 31's cell; further down it
 * is a row of its own, and so it is when the column is wider than 31 and
 * one more digit (a header 总计 on one line): 31 did not wrap there.
 * Returns whether the 9 is in the 31's cell.
 */
static int
wrapped_in(float dy, int wide, int other)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int zong[] = { 0x603b, 0 }, ji[] = { 0x8ba1, 0 };
	static const int zongji[] = { 0x603b, 0x8ba1, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int yi[] = { 0x4e00, 0x3001, 0x65b0, 0x6536, 0 };
	static const int er[] = { 0x4e8c, 0x3001, 0x7ed3, 0x8f6c, 0 };
	static const int n31[] = { '3', '1', 0 }, n9[] = { '9', 0 },
	    n5[] = { '5', 0 }, n4[] = { '4', 0 }, n6[] = { '6', 0 };
	struct reading r;
	size_t three, nine;
	int row, col, row9, col9, joined;

	nchars = 0;
	put(50, 100, xiangmu);
	if (wide) {
		put(200, 100, zongji);
	} else {
		put(200, 100, zong);
		put(200, 114, ji);
	}
	put(250, 100, qita);
	put(50, 130, yi);
	three = nchars;
	put(200, 130, n31);
	put(255, 130, n5);
	nine = nchars;
	put(200, 130 + dy, n9);
	put(50, 170, er);
	put(202, 170, n4);
	put(255, 170, n6);
	if (other) {
		/* the label's rest beside the 9, and below, in the same zone,
		 * a table whose figures start at the left (行政复议: no label) */
		static const int shen[] = { 0x7533, 0x8bf7, 0 };

		put(50, 130 + dy, shen);
		put(52, 200, n4);
		put(202, 200, n5);
		put(255, 200, n6);
	}
	read_page(&r, 0);
	where(&r.t[0], three, &row, &col);
	assert_int_equal(row, 1);
	where(&r.t[0], nine, &row9, &col9);
	assert_int_equal(col9, col);
	joined = row9 == row;
	reading_free(&r);
	return joined;
}

static int
wrapped(float dy, int wide)
{
	return wrapped_in(dy, wide, 0);
}

static void
test_wrapped_figure(void **state)
{
	(void)state;
	/*
	 * With the rest of its label beside the 9: the label is left of the
	 * figures near it, though another table of the zone has figures
	 * further left (where the figures begin is taken near the line).
	 */
	assert_true(wrapped_in(12.0f, 0, 1));
	assert_true(wrapped(12.0f, 0));
	assert_true(wrapped(15.5f, 0));
	assert_false(wrapped(16.5f, 0));
	assert_false(wrapped(12.0f, 1));
}

/*
 * A figure wrapped round its row's line, its first part beside the first
 * line of a numbered group label, the row's own label numbered too:
 *   项目            总          其他       y 100
 *                   计                     y 114
 *   一、新收        4           6          y 130
 *   三、本          31                     y 160: 31 of 319
 *        （一）公开             5          y 166: the row's line
 *   年度            9                      y 172: the rest
 *   二、结转        4           6          y 200
 * 319 and 5 are one row, its label （一）公开.
 */
static void
test_wrapped_beside_group(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int zong[] = { 0x603b, 0 }, ji[] = { 0x8ba1, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int yi[] = { 0x4e00, 0x3001, 0x65b0, 0x6536, 0 };
	static const int er[] = { 0x4e8c, 0x3001, 0x7ed3, 0x8f6c, 0 };
	static const int san[] = { 0x4e09, 0x3001, 0x672c, 0 };
	static const int niandu[] = { 0x5e74, 0x5ea6, 0 };
	static const int gongkai[] = { 0xff08, 0x4e00, 0xff09, 0x516c, 0x5f00,
	    0 };
	static const int n31[] = { '3', '1', 0 }, n9[] = { '9', 0 },
	    n5[] = { '5', 0 }, n4[] = { '4', 0 }, n6[] = { '6', 0 };
	struct reading r;
	size_t three, nine, five, label;
	int row, col, row9, col9, row5, col5, rowl, coll;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, zong);
	put(200, 114, ji);
	put(250, 100, qita);
	put(50, 130, yi);
	put(202, 130, n4);
	put(255, 130, n6);
	put(50, 160, san);
	three = nchars;
	put(200, 160, n31);
	label = nchars;
	put(90, 166, gongkai);
	five = nchars;
	put(255, 166, n5);
	put(50, 172, niandu);
	nine = nchars;
	put(200, 172, n9);
	put(50, 200, er);
	put(202, 200, n4);
	put(255, 200, n6);
	read_page(&r, 0);
	where(&r.t[0], three, &row, &col);
	where(&r.t[0], nine, &row9, &col9);
	where(&r.t[0], five, &row5, &col5);
	where(&r.t[0], label, &rowl, &coll);
	reading_free(&r);
	assert_true(row >= 0);
	assert_int_equal(row9, row);
	assert_int_equal(col9, col);
	assert_int_equal(row5, row);
	assert_int_equal(rowl, row);
}

/*
 * Figures wrapped in narrow columns around their row's line, a
 * placeholder word wrapped with them (不适 / 用):
 *   项目      甲   乙   丙    丁       y 100
 *             31        不适           y 123.5
 *   一、新收       8          9        y 130
 *             48        用             y 136.5
 *   二、结转   4   5    6     7        y 170
 * 3148 is one figure of the row of 一、新收, 不适用 one word there: with
 * 用 taken for a word over the figures, 48 and 用 were a row of their
 * own and 31 and 不适 another.
 */
static void
test_wrapped_with_word(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int jia[] = { 0x7532, 0 }, yi2[] = { 0x4e59, 0 },
	    bing[] = { 0x4e19, 0 }, ding[] = { 0x4e01, 0 };
	static const int yi[] = { 0x4e00, 0x3001, 0x65b0, 0x6536, 0 };
	static const int er[] = { 0x4e8c, 0x3001, 0x7ed3, 0x8f6c, 0 };
	static const int bushi[] = { 0x4e0d, 0x9002, 0 }, yong[] = { 0x7528, 0 };
	static const int n31[] = { '3', '1', 0 }, n48[] = { '4', '8', 0 },
	    n8[] = { '8', 0 }, n9[] = { '9', 0 }, n4[] = { '4', 0 },
	    n5[] = { '5', 0 }, n6[] = { '6', 0 }, n7[] = { '7', 0 };
	struct reading r;
	size_t a, b, w1, w2, f;
	int ra, ca, rb, cb, rw1, cw1, rw2, cw2, rf, cf;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, jia);
	put(230, 100, yi2);
	put(262, 100, bing);
	put(292, 100, ding);
	a = nchars;
	put(200, 123.5f, n31);
	w1 = nchars;
	put(257, 123.5f, bushi);
	put(50, 130, yi);
	f = nchars;
	put(232, 130, n8);
	put(292, 130, n9);
	b = nchars;
	put(200, 136.5f, n48);
	w2 = nchars;
	put(262, 136.5f, yong);
	put(50, 170, er);
	put(202, 170, n4);
	put(232, 170, n5);
	put(262, 170, n6);
	put(292, 170, n7);
	read_page(&r, 0);
	where(&r.t[0], a, &ra, &ca);
	where(&r.t[0], b, &rb, &cb);
	where(&r.t[0], w1, &rw1, &cw1);
	where(&r.t[0], w2, &rw2, &cw2);
	where(&r.t[0], f, &rf, &cf);
	reading_free(&r);
	assert_true(rf >= 0);
	assert_int_equal(ra, rf);
	assert_int_equal(rb, rf);
	assert_int_equal(cb, ca);
	assert_int_equal(rw1, rf);
	assert_int_equal(rw2, rf);
	assert_int_equal(cw2, cw1);
}

/*
 * A group label's first line （四） set alone 0.23 em under a row of
 * figures, 1.09 em over the next row, whose line holds the rest of the
 * group label (无法) and a row label of its own (没有) right of it, the
 * lines of an outer group label (本年度 / 办理结) set between: （四） is
 * no label of that row.  Joined to it, the row reached up to the row
 * above and the two rows' figures (31 and 9) ran into one cell.
 *
 *   项目                         总计  其他     y 100
 *   本年度                                      y 127.7
 *               本机关            31    5       y 130
 *         （四）                                y 132.3
 *   办理结                                      y 138.6
 *         无法  没有               9    4       y 143.2
 *               补正               1    0       y 156.4
 */
static void
test_group_between_rows(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int zong[] = { 0x603b, 0x8ba1, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int benjiguan[] = { 0x672c, 0x673a, 0x5173, 0 };
	static const int si[] = { 0xff08, 0x56db, 0xff09, 0 };
	static const int wufa[] = { 0x65e0, 0x6cd5, 0 };
	static const int meiyou[] = { 0x6ca1, 0x6709, 0 };
	static const int buzheng[] = { 0x8865, 0x6b63, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0x5ea6, 0 };
	static const int banli[] = { 0x529e, 0x7406, 0x7ed3, 0 };
	static const int n31[] = { '3', '1', 0 }, n5[] = { '5', 0 },
	    n9[] = { '9', 0 }, n4[] = { '4', 0 }, n1[] = { '1', 0 },
	    n0[] = { '0', 0 };
	struct reading r;
	size_t a, b, label;
	int rowa, cola, rowb, colb, rowl, coll;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, zong);
	put(250, 100, qita);
	put(10, 127.7f, bennian);
	put(90, 130, benjiguan);
	a = nchars;
	put(200, 130, n31);
	put(255, 130, n5);
	put(50, 132.3f, si);
	put(10, 138.6f, banli);
	put(50, 143.2f, wufa);
	label = nchars;
	put(90, 143.2f, meiyou);
	b = nchars;
	put(202, 143.2f, n9);
	put(255, 143.2f, n4);
	put(90, 156.4f, buzheng);
	put(202, 156.4f, n1);
	put(255, 156.4f, n0);
	read_page(&r, 0);
	where(&r.t[0], a, &rowa, &cola);
	where(&r.t[0], b, &rowb, &colb);
	where(&r.t[0], label, &rowl, &coll);
	reading_free(&r);
	assert_true(rowa >= 0 && rowb >= 0);
	assert_int_not_equal(rowa, rowb);
	assert_int_equal(cola, colb);
	assert_int_equal(rowl, rowb);
}

/*
 * page() and, dy under its last row (其他 2 14, y 190), a line from x 50:
 * a note of `len` characters.  Within AFTER_EM (2.5 em) a short one (the
 * rest of the label 其他, left of the figures) is in the row; one that
 * reaches over the figures is a note under the table, not in it.
 * Returns whether the note's first character is in the table.
 */
static int
note_in_table(float dy, int len)
{
	static int note[40];
	struct reading r;
	size_t first;
	int i, row, col;

	for (i = 0; i < len; i++)
		note[i] = i == 0 ? 0x6ce8 : 0x884c;	/* 注行行… */
	note[len] = 0;
	page();
	first = nchars;
	put(50, 190 + dy, note);
	read_page(&r, 5);
	where(&r.t[0], first, &row, &col);
	reading_free(&r);
	return row >= 0;
}

static void
test_note_after(void **state)
{
	(void)state;
	assert_true(note_in_table(21.0f, 2));
	assert_false(note_in_table(21.0f, 30));
}

/*
 * A label wrapped over many lines in a narrow column, below its row
 * (4.保 / 护第 / 三方 / 合法 / 权益, 14 pt apart): every line of it is in
 * the row's cell, the lines past NEAR_EM (2.2 em) from the line of
 * figures too, when set under the line above (left edges aligned); a
 * line set elsewhere is not part of it.  Returns whether the last rest,
 * at x, is in the cell of 其他.
 */
static int
rest_in_cell(float x)
{
	static const int hu[] = { 0x62a4, 0x7b2c, 0 }, san[] = { 0x4e09,
	    0x65b9, 0 }, he[] = { 0x5408, 0x6cd5, 0 };
	struct reading r;
	size_t qi, last;
	int row, col, lrow, lcol;

	page();
	qi = nchars - 5;	/* 其 of 其他 2 14 */
	put(50, 204, hu);
	put(50, 218, san);
	last = nchars;
	put(x, 232, he);
	read_page(&r, 7);
	where(&r.t[0], qi, &row, &col);
	where(&r.t[0], last, &lrow, &lcol);
	reading_free(&r);
	return lrow == row && lcol == col;
}

static void
test_label_rest(void **state)
{
	(void)state;
	assert_true(rest_in_cell(50));
	assert_false(rest_in_cell(120));
}

/*
 * The top of a page that goes on with a table held from the page before
 * (hint: its column lines):
 *   护第                         y 100   the rest of a label the break cut
 *   三方                         y 114
 *   5.属      3        5         y 130   (or 规章: no numbering)
 *   6.属      2       14         y 160
 * When the first row's label starts on its line of figures (numbered),
 * the lines above it are not its: a row of their own (layout.c joins it
 * to the row above the break).  Without the numbering they are the top
 * of the first row's label; with no table held they are no row of their
 * own either (they are not in the table).  Returns whether 护 is in the
 * row of the 3 (or in no cell).
 */
static int
rest_in_first_row(int numbered_label, int held)
{
	static const int hu[] = { 0x62a4, 0x7b2c, 0 }, san[] = { 0x4e09,
	    0x65b9, 0 };
	static const int wu[] = { '5', '.', 0x5c5e, 0 }, liu[] = { '6', '.',
	    0x5c5e, 0 }, guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	static const float hint[] = { 40, 150, 250, 350 };
	struct reading r;
	size_t three;
	int row, col, row3, col3;

	nchars = 0;
	put(50, 100, hu);
	put(50, 114, san);
	put(50, 130, numbered_label ? wu : guizhang);
	three = nchars;
	put(200, 130, n3);
	put(300, 130, n5);
	put(50, 160, liu);
	put(200, 160, n2);
	put(300, 160, n14);
	read_hinted(&r, 4, held ? hint : NULL, held ? 4 : 0);
	where(&r.t[0], 0, &row, &col);
	where(&r.t[0], three, &row3, &col3);
	reading_free(&r);
	assert_true(row >= 0 || !held);
	return row < 0 || row == row3;
}

static void
test_top_rest(void **state)
{
	(void)state;
	assert_false(rest_in_first_row(1, 1));
	assert_true(rest_in_first_row(0, 1));
	assert_true(rest_in_first_row(1, 0));
}

/*
 * A column whose figures are all blank leaves no gap in the body; its
 * header, wrapped in narrow columns, shows it:
 *   项目      结果  结果      其他      y 100
 *             维持  纠正                y 114 (or not: one header line)
 *   规章             3          5       y 130: nothing under 结果维持
 *   其他             2         14       y 160
 * 结果 and 结果, side by side within one body column on two header lines,
 * are two columns; on one line (a label broken at a space) they part
 * none.  Returns whether the two 结 are in two cells of one row.
 */
static int
header_columns(int two_lines)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int jieguo[] = { 0x7ed3, 0x679c, 0 }, weichi[] = {
	    0x7ef4, 0x6301, 0 }, jiuzheng[] = { 0x7ea0, 0x6b63, 0 },
	    qita[] = { 0x5176, 0x4ed6, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	struct reading r;
	size_t jie, jie2;
	int row, col, row2, col2;

	nchars = 0;
	put(50, 100, xiangmu);
	jie = nchars;
	put(190, 100, jieguo);
	jie2 = nchars;
	put(230, 100, jieguo);
	put(300, 100, qita);
	if (two_lines) {
		put(190, 114, weichi);
		put(230, 114, jiuzheng);
	}
	put(50, 130, guizhang);
	put(235, 130, n3);
	put(305, 130, n5);
	put(50, 160, qita);
	put(235, 160, n2);
	put(305, 160, n14);
	read_page(&r, two_lines ? 4 : 3);
	where(&r.t[0], jie, &row, &col);
	where(&r.t[0], jie2, &row2, &col2);
	reading_free(&r);
	return row == row2 && col != col2;
}

/*
 * A long label set on one line over its cell's border, run on into the
 * first figure column up to its figure (xhtml2pdf):
 *   项目                本年   上年        header (y 100)
 *   规章                 3      5          y 130
 *   规范性文件…(15 chars)1      7          y 160: the label runs to 200
 *   其他                 2     14          y 190
 *   合计                 6     26          y 220
 * The label column's gap of the other rows (70-200) keeps its line: the
 * figures of 本年 are a column of their own; the long label's row spans
 * it.
 */
static void
test_overrun(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int longlabel[] = { 0x89c4, 0x8303, 0x6027, 0x6587,
	    0x4ef6, 0x89c4, 0x8303, 0x6027, 0x6587, 0x4ef6, 0x89c4, 0x8303,
	    0x6027, 0x6587, 0x4ef6, '1', 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int heji[] = { 0x5408, 0x8ba1, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n2[] = { '2', 0 }, n14[] = { '1', '4', 0 },
	    n6[] = { '6', 0 }, n26[] = { '2', '6', 0 };
	struct reading r;
	size_t i, three = 0, two = 0, six = 0, first = 0;
	int row, col;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(50, 130, guizhang);
	three = nchars;
	put(200, 130, n3);
	put(300, 130, n5);
	first = nchars;
	put(50, 160, longlabel);
	put(300, 160, n7);
	put(50, 190, qita);
	two = nchars;
	put(200, 190, n2);
	put(300, 190, n14);
	put(50, 220, heji);
	six = nchars;
	put(200, 220, n6);
	put(300, 220, n26);
	read_page(&r, 5);
	assert_int_equal(r.t[0].nx, 4);
	where(&r.t[0], three, &row, &col);
	assert_int_equal(col, 1);
	where(&r.t[0], two, &row, &col);
	assert_int_equal(col, 1);
	where(&r.t[0], six, &row, &col);
	assert_int_equal(col, 1);
	/* the long label's cell spans the label column and 本年's */
	where(&r.t[0], first, &row, &col);
	assert_int_equal(col, 0);
	for (i = 0; i < (size_t)r.t[0].ncells; i++)
		if (r.t[0].cells[i].row == row && r.t[0].cells[i].col == 0)
			assert_int_equal(r.t[0].cells[i].colspan, 2);
	reading_free(&r);
}

/*
 * Two headers a form prints, side by side on one header line, the left
 * one over a column blank in every row (and left of every figure):
 *   信息内容   本年制发件数   本年废止件数      y 100
 *   规章                      0                 y 130
 *   其他                      5                 y 160
 * The template is the proof one line cannot give: two columns, and the
 * labels end where the blank column begins (an empty cell in each row).
 */
static void
test_header_form_words(void **state)
{
	static const int xinxi[] = { 0x4fe1, 0x606f, 0x5185, 0x5bb9, 0 };
	static const int zhifa[] = { 0x672c, 0x5e74, 0x5236, 0x53d1, 0x4ef6,
	    0x6570, 0 };
	static const int feizhi[] = { 0x672c, 0x5e74, 0x5e9f, 0x6b62, 0x4ef6,
	    0x6570, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n0[] = { '0', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t a, b, lab;
	int row, col, row2, col2, k;

	(void)state;
	nchars = 0;
	put(50, 100, xinxi);
	a = nchars;
	put(150, 100, zhifa);
	b = nchars;
	put(225, 100, feizhi);
	lab = nchars;
	put(50, 130, guizhang);
	put(252, 130, n0);
	put(50, 160, qita);
	put(252, 160, n5);
	read_page(&r, 3);
	where(&r.t[0], a, &row, &col);
	where(&r.t[0], b, &row2, &col2);
	assert_int_equal(row, row2);
	assert_int_not_equal(col, col2);
	k = gk_pdf_cell_at(&r.t[0], chars[lab].x0 + 5, chars[lab].y - 3);
	assert_true(k >= 0);
	assert_int_equal(r.t[0].cells[k].colspan, 1);
	reading_free(&r);
}

static void
test_header_columns(void **state)
{
	(void)state;
	assert_true(header_columns(1));
	assert_false(header_columns(0));
}

/*
 * The rests of two labels wrapped round their row's figures, beside each
 * other left of them, in a zone that also holds figures from its left
 * edge (a table such as 四 below, here a row of figures only):
 *   项目                  本年   上年     y 100
 *   （五    3.要求提供                    y 130
 *                          5      0       y 140
 *   ）不      版物                        y 150: under （五 and 3.要求提供
 *   8                      9      4       y 190
 * The line of ）不 and 版物 is no header (a new table): it is the rest of
 * the labels above, in the row of 5 and 0.
 */
static void
test_label_rests(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int wu[] = { 0xff08, 0x4e94, 0 };
	static const int yaoqiu[] = { '3', '.', 0x8981, 0x6c42, 0x63d0, 0x4f9b,
	    0 };
	static const int buyu[] = { 0xff09, 0x4e0d, 0 };
	static const int banwu[] = { 0x7248, 0x7269, 0 };
	static const int n5[] = { '5', 0 }, n0[] = { '0', 0 },
	    n8[] = { '8', 0 }, n9[] = { '9', 0 }, n4[] = { '4', 0 };
	struct reading r;
	size_t five, bu, ban;
	int row, col, row5, col5;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, bennian);
	put(300, 100, shangnian);
	put(50, 130, wu);
	put(100, 130, yaoqiu);
	five = nchars;
	put(200, 140, n5);
	put(300, 140, n0);
	bu = nchars;
	put(50, 150, buyu);
	ban = nchars;
	put(120, 150, banwu);
	put(50, 190, n8);
	put(200, 190, n9);
	put(300, 190, n4);
	read_page(&r, 5);
	where(&r.t[0], five, &row5, &col5);
	where(&r.t[0], ban, &row, &col);
	assert_int_equal(row, row5);
	where(&r.t[0], bu, &row, &col);
	assert_int_equal(row, row5);
	reading_free(&r);
}

/*
 * Two header columns whose wrapped lines do not share baselines, the
 * right one blank in every body row:
 *   项目        总                         y 100 (总计 when one_line)
 *               计    结果     其他         y 114
 *                     维持                 y 128
 *   规章        3              5           y 150
 *   其他        2              14          y 180
 * 计 | 结果 stand side by side on one line only, but each side's header
 * stands on two lines (总 / 计, or 结果 / 维持 alone when 总计 is on one
 * line): two columns, 结果 apart from 计.  Returns whether they are.
 */
static int
header_stacks(int one_line)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int zong[] = { 0x603b, 0 }, ji[] = { 0x8ba1, 0 };
	static const int zongji[] = { 0x603b, 0x8ba1, 0 };
	static const int jieguo[] = { 0x7ed3, 0x679c, 0 }, weichi[] = {
	    0x7ef4, 0x6301, 0 }, qita[] = { 0x5176, 0x4ed6, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	struct reading r;
	size_t jia, jie;
	int row, col, row2, col2;

	nchars = 0;
	put(50, 100, xiangmu);
	if (one_line) {
		jia = nchars;
		put(185, 114, zongji);
	} else {
		put(190, 100, zong);
		jia = nchars;
		put(190, 114, ji);
	}
	jie = nchars;
	put(230, 114, jieguo);
	put(300, 114, qita);
	put(230, 128, weichi);
	put(50, 150, guizhang);
	put(192, 150, n3);
	put(305, 150, n5);
	put(50, 180, qita);
	put(192, 180, n2);
	put(305, 180, n14);
	read_page(&r, 5);
	where(&r.t[0], jia, &row, &col);
	where(&r.t[0], jie, &row2, &col2);
	reading_free(&r);
	return col != col2;
}

static void
test_header_stacks(void **state)
{
	(void)state;
	assert_true(header_stacks(0));
	assert_true(header_stacks(1));
}

/*
 * A header label wrapped in a narrow column, its second line in the next
 * header row (the other headers centred each at its own height):
 *   项目        自然                总         y 100
 *               人     商业企业     计         y 100 + dy
 *   规章        3      5            7          y 150
 *   其他        2      14           16         y 180
 * 自然 / 人 and 总 / 计 are each one cell over the two header rows when
 * the lines are at most HEADER_RUN_EM apart.  Returns whether 自 and 人
 * are in one cell (and 总, 计 too).
 */
static int
header_rows_wrap(float dy)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int ziran[] = { 0x81ea, 0x7136, 0 }, ren[] = { 0x4eba,
	    0 }, shangye[] = { 0x5546, 0x4e1a, 0x4f01, 0x4e1a, 0 };
	static const int zong[] = { 0x603b, 0 }, ji[] = { 0x8ba1, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n2[] = { '2', 0 }, n14[] = { '1', '4', 0 },
	    n16[] = { '1', '6', 0 };
	struct reading r;
	size_t zi, re, zo, jj;
	int row, col, row2, col2, row3, col3, row4, col4;

	nchars = 0;
	put(50, 100, xiangmu);
	zi = nchars;
	put(190, 100, ziran);
	zo = nchars;
	put(300, 100, zong);
	re = nchars;
	put(195, 100 + dy, ren);
	put(240, 100 + dy, shangye);
	jj = nchars;
	put(300, 100 + dy, ji);

	put(50, 150, guizhang);
	put(197, 150, n3);
	put(257, 150, n5);
	put(302, 150, n7);
	put(50, 180, qita);
	put(197, 180, n2);
	put(255, 180, n14);
	put(300, 180, n16);
	read_page(&r, 4);
	where(&r.t[0], zi, &row, &col);
	where(&r.t[0], re, &row2, &col2);
	where(&r.t[0], zo, &row3, &col3);
	where(&r.t[0], jj, &row4, &col4);
	reading_free(&r);
	assert_true(row >= 0 && row2 >= 0);
	return row == row2 && col == col2 && row3 == row4 && col3 == col4;
}

static void
test_header_rows_wrap(void **state)
{
	(void)state;
	assert_true(header_rows_wrap(19.0f));	/* 1.9 em */
	assert_false(header_rows_wrap(21.0f));	/* 2.1 em: two labels */
}

/*
 * A header alone on its row beside another column's header on a row of
 * its own, each within its figure column:
 *   项目        自然人              总计       y 100
 *                      商业企业               y 114
 *   规章        3      5            7          y 150
 *   其他        2      14           16         y 180
 * 自然人 is held to its column (one grid column, not over 商业企业's too)
 * and so is 总计.
 */
static void
test_header_held(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int ziranren[] = { 0x81ea, 0x7136, 0x4eba, 0 };
	static const int zongji[] = { 0x603b, 0x8ba1, 0 };
	static const int shangye[] = { 0x5546, 0x4e1a, 0x4f01, 0x4e1a, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n2[] = { '2', 0 }, n14[] = { '1', '4', 0 },
	    n16[] = { '1', '6', 0 };
	struct reading r;
	size_t zi, zo, f3, f7;
	int k;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	zi = nchars;
	put(185, 100, ziranren);
	zo = nchars;
	put(300, 100, zongji);
	put(240, 114, shangye);
	put(50, 150, guizhang);
	f3 = nchars;
	put(197, 150, n3);
	put(257, 150, n5);
	f7 = nchars;
	put(302, 150, n7);
	put(50, 180, qita);
	put(197, 180, n2);
	put(255, 180, n14);
	put(300, 180, n16);
	read_page(&r, 4);
	k = gk_pdf_cell_at(&r.t[0], chars[zi].x0 + 5, chars[zi].y - 3);
	assert_true(k >= 0);
	assert_int_equal(r.t[0].cells[k].colspan, 1);
	assert_int_equal(r.t[0].cells[k].col, r.t[0].cells[gk_pdf_cell_at(
	    &r.t[0], chars[f3].x0 + 2, chars[f3].y - 3)].col);
	k = gk_pdf_cell_at(&r.t[0], chars[zo].x0 + 5, chars[zo].y - 3);
	assert_true(k >= 0);
	assert_int_equal(r.t[0].cells[k].colspan, 1);
	assert_int_equal(r.t[0].cells[k].col, r.t[0].cells[gk_pdf_cell_at(
	    &r.t[0], chars[f7].x0 + 2, chars[f7].y - 3)].col);
	reading_free(&r);
}

/*
 * A column blank in every body row beside one with figures, its header
 * set down it one character a line, the other's header on a line of its
 * own between them (no line holds both):
 *   项目        其                 上年       y 100
 *                     小计                    y 107
 *               他                            y 114
 *   规章                5          9          y 150
 *   其他                2          14         y 180
 * 其 / 他 and 小计 are two columns.
 */
static void
test_header_own_lines(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int qi[] = { 0x5176, 0 }, ta[] = { 0x4ed6, 0 };
	static const int xiaoji[] = { 0x5c0f, 0x8ba1, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n5[] = { '5', 0 }, n9[] = { '9', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	struct reading r;
	size_t q, x;
	int row, col, row2, col2;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	q = nchars;
	put(190, 100, qi);
	put(300, 100, shangnian);
	x = nchars;
	put(215, 107, xiaoji);
	put(190, 114, ta);
	put(50, 150, guizhang);
	put(222, 150, n5);
	put(307, 150, n9);
	put(50, 180, qita);
	put(222, 180, n2);
	put(305, 180, n14);
	read_page(&r, 5);
	where(&r.t[0], q, &row, &col);
	where(&r.t[0], x, &row2, &col2);
	reading_free(&r);
	assert_true(col >= 0 && col2 >= 0);
	assert_int_not_equal(col, col2);
}

/*
 * A piece that reads as numbered but starts right of where the figures
 * begin (0.5: a decimal read as the mark 0.) is no label beside the
 * row's label: no column line between them, no empty cell before the
 * figures.
 *   项目       本年    上年     y 100
 *   规章        3       5       y 130
 *   其他                0.5     y 160
 * Three columns.
 */
static void
test_side_mark_in_figures(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    half[] = { '0', '.', '5', 0 };
	struct reading r;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(50, 130, guizhang);
	put(200, 130, n3);
	put(300, 130, n5);
	put(50, 160, qita);
	put(297, 160, half);
	read_page(&r, 3);
	assert_int_equal(r.t[0].nx - 1, 3);
	reading_free(&r);
}

/*
 * A line under the last row, within AFTER_EM of it:
 *   项目         单位    统计数     y 100
 *   规章          件       3        y 116
 *   其他          件       5        y 132 ... 148, 164 (a pitch of 16)
 *   负责人：张    审核人：李        y 164 + dy (the form's signature)
 * 22 pt below (1.375 pitches) it is after the table, not the rest of the
 * last row's label; 12 pt below (0.75 pitch) it is that rest.  Without
 * the row at 148 (two distances, under PITCH_MIN_ROWS) there is no pitch
 * to tell by: within AFTER_EM, the line is the rest.  Returns whether it
 * is in the last row.
 */
static int
after_pitch(float dy, int rows)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int danwei[] = { 0x5355, 0x4f4d, 0 };
	static const int tongji[] = { 0x7edf, 0x8ba1, 0x6570, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int jian[] = { 0x4ef6, 0 };
	static const int fuze[] = { 0x8d1f, 0x8d23, 0x4eba, 0xff1a, 0x5f20,
	    0 }, shenhe[] = { 0x5ba1, 0x6838, 0x4eba, 0xff1a, 0x674e, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t last, sig;
	int row, col, rowl, coll;

	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, danwei);
	put(300, 100, tongji);
	put(50, 116, guizhang);
	put(200, 116, jian);
	put(300, 116, n3);
	put(50, 132, qita);
	put(200, 132, jian);
	put(300, 132, n5);
	if (rows == 4) {
		put(50, 148, guizhang);
		put(200, 148, jian);
		put(300, 148, n3);
	}
	last = nchars;
	put(50, 164, qita);
	put(200, 164, jian);
	put(300, 164, n5);
	sig = nchars;
	put(20, 164 + dy, fuze);
	put(120, 164 + dy, shenhe);
	read_page(&r, rows == 4 ? 6 : 5);
	where(&r.t[0], last, &rowl, &coll);
	where(&r.t[0], sig, &row, &col);
	reading_free(&r);
	return row == rowl;
}

static void
test_after_pitch(void **state)
{
	(void)state;
	assert_false(after_pitch(22, 4));
	assert_true(after_pitch(12, 4));
	assert_true(after_pitch(22, 3));
}

/*
 * A note under the table runs to the right margin, and a heading under
 * it lines up with its left edge:
 *   项目       本年    上年        y 100
 *   规章        3       5          y 130 ... 160, 190
 *   注：……(50 characters, to the margin)   y 210
 *   五、存在                        y 230
 * The heading is no rest of a label wrapped in a column (the line above
 * it is running text): it stays out of the table, and so does the note,
 * which would otherwise join the heading's row and cross every column.
 */
static void
test_note_heading(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int wu[] = { 0x4e94, 0x3001, 0x5b58, 0x5728, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	int note[51];
	struct reading r;
	size_t i;

	(void)state;
	for (i = 0; i < 50; i++)
		note[i] = i == 0 ? 0x6ce8 : i == 1 ? 0xff1a : 0x6848;
	note[50] = 0;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(50, 130, guizhang);
	put(200, 130, n3);
	put(300, 130, n5);
	put(50, 160, qita);
	put(200, 160, n5);
	put(300, 160, n3);
	put(50, 190, guizhang);
	put(200, 190, n3);
	put(300, 190, n3);
	put(50, 210, note);
	put(50, 230, wu);
	read_page(&r, 6);
	assert_int_equal(r.t[0].nx - 1, 3);
	reading_free(&r);
}

/*
 * With a table held from the page before (column lines 40 180 280 380),
 * a page that starts with one row of figures, then a sub-table's title
 * set far below it (第二十条, 4 em: no label's rest) and a header:
 *   其他         5       7         y 100
 *   第二十条                       y 140
 *   项目       本年    上年        y 170
 *   规章        3       5          y 200
 *   其他        2      14          y 230
 * The one row goes on with the held table (a table of its own here), the
 * title is in neither table, the rest is a second table.
 */
static void
test_held_one_row(void **state)
{
	static const float hint[] = { 40, 180, 280, 380 };
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int tiao[] = { 0x7b2c, 0x4e8c, 0x5341, 0x6761, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n7[] = { '7', 0 }, n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	struct reading r;
	size_t title;
	int k, ti;

	(void)state;
	nchars = 0;
	put(50, 100, qita);
	put(200, 100, n5);
	put(300, 100, n7);
	title = nchars;
	put(50, 140, tiao);
	put(50, 170, xiangmu);
	put(195, 170, bennian);
	put(295, 170, shangnian);
	put(50, 200, guizhang);
	put(200, 200, n3);
	put(300, 200, n5);
	put(50, 230, qita);
	put(200, 230, n2);
	put(300, 230, n14);
	read_tables(&r, 5, hint, 4, 2);
	assert_int_equal(r.t[0].nx - 1, 3);
	for (ti = 0; ti < r.nt; ti++) {
		k = gk_pdf_cell_at(&r.t[ti], chars[title].x0 + 1,
		    chars[title].y - 0.3f * SIZE);
		assert_true(k < 0);
	}
	reading_free(&r);
}

/*
 * A label line right above a row's label, centred on it and narrower by
 * over an em, is a row of its own (its figures blank), not the first
 * line of that label:
 *   项目           本年    上年     y 100
 *   规章            3       5       y 130
 *     查询                          y 160: 70-90, centred on 50-110
 *   本机关不掌握    2      14       y 175
 */
static void
test_own_label_row(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int chaxun[] = { 0x67e5, 0x8be2, 0 };
	static const int buzhang[] = { 0x672c, 0x673a, 0x5173, 0x4e0d,
	    0x638c, 0x63e1, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	struct reading r;
	size_t cx, bz;
	int row, col, row2, col2;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(50, 130, guizhang);
	put(200, 130, n3);
	put(300, 130, n5);
	cx = nchars;
	put(70, 160, chaxun);
	bz = nchars;
	put(50, 175, buzhang);
	put(200, 175, n2);
	put(300, 175, n14);
	read_page(&r, 4);
	where(&r.t[0], cx, &row, &col);
	where(&r.t[0], bz, &row2, &col2);
	assert_true(row >= 0);
	assert_int_not_equal(row, row2);
	reading_free(&r);
}

/*
 * A line of a group label left of a row's label, set between that
 * label's first line and its figures, does not part them:
 *   项目                  本年    上年      y 100
 *           其他           3       5        y 130
 *           2.申请人                        y 160
 *   （六）其                                y 172: left of 2.申请人
 *           用行政         6       0        y 184
 *           合计           9       5        y 214
 * 2.申请人 is in the row of 6 and 0.
 */
static void
test_group_line_between(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int shenqing[] = { '2', '.', 0x7533, 0x8bf7, 0x4eba, 0 };
	static const int liu[] = { 0xff08, 0x516d, 0xff09, 0x5176, 0 };
	static const int yong[] = { 0x7528, 0x884c, 0x653f, 0 };
	static const int heji[] = { 0x5408, 0x8ba1, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n6[] = { '6', 0 }, n0[] = { '0', 0 }, n9[] = { '9', 0 };
	struct reading r;
	size_t label, six;
	int row, col, row6, col6;

	(void)state;
	nchars = 0;
	put(40, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(100, 130, qita);
	put(200, 130, n3);
	put(300, 130, n5);
	label = nchars;
	put(100, 160, shenqing);
	put(40, 172, liu);
	put(100, 184, yong);
	six = nchars;
	put(200, 184, n6);
	put(300, 184, n0);
	put(100, 214, heji);
	put(200, 214, n9);
	put(300, 214, n5);
	read_page(&r, 6);
	where(&r.t[0], label, &row, &col);
	where(&r.t[0], six, &row6, &col6);
	assert_int_equal(row, row6);
	reading_free(&r);
}

/*
 * Two figures in narrow columns set closer than CELL_GAP_EM (0.4 em):
 *   项目        其他 总计          y 100
 *   规章         27  1,056         y 130: 27 200-210, 1,056 214-239
 *   其他          5  14            y 160
 *   合计          5  2 0 2 0       y 190: 0.35 em after every digit
 * 27 and 1,056 are two figures in two cells (digits are set without
 * gaps); the tracked 2 0 2 0 (the same gap after each digit) is one,
 * there and alone in its column under a 5.
 */
static void
test_digit_gap(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int zongji[] = { 0x603b, 0x8ba1, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int heji[] = { 0x5408, 0x8ba1, 0 };
	static const int n27[] = { '2', '7', 0 }, n1056[] = { '1', ',', '0',
	    '5', '6', 0 }, n5[] = { '5', 0 }, n14[] = { '1', '4', 0 },
	    n2[] = { '2', 0 }, n0[] = { '0', 0 };
	struct reading r;
	size_t a, b, y0, y1;
	int row, col, row2, col2;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, qita);
	put(240, 100, zongji);
	put(50, 130, guizhang);
	a = nchars;
	put(200, 130, n27);
	b = nchars;
	put(214, 130, n1056);
	put(50, 160, qita);
	put(200, 160, n5);
	put(214, 160, n14);
	put(50, 190, heji);
	put(200, 190, n5);
	y0 = nchars;
	put(214, 190, n2);
	put(222.5f, 190, n0);
	put(231, 190, n2);
	y1 = nchars;
	put(239.5f, 190, n0);
	read_page(&r, 4);
	where(&r.t[0], a, &row, &col);
	where(&r.t[0], b, &row2, &col2);
	assert_int_equal(row, row2);
	assert_int_not_equal(col, col2);
	where(&r.t[0], y0, &row, &col);
	where(&r.t[0], y1, &row2, &col2);
	assert_int_equal(col, col2);
	reading_free(&r);
	/* alone in its column, cut at its gaps it would make columns */
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, qita);
	put(50, 130, guizhang);
	put(200, 130, n5);
	put(50, 160, heji);
	y0 = nchars;
	put(200, 160, n2);
	put(208.5f, 160, n0);
	put(217, 160, n2);
	y1 = nchars;
	put(225.5f, 160, n0);
	read_page(&r, 3);
	where(&r.t[0], y0, &row, &col);
	where(&r.t[0], y1, &row2, &col2);
	assert_int_equal(col, col2);
	reading_free(&r);
}

/*
 * Two figures in narrow columns closer than SPACE_EM (0.26 em), where
 * the other figures of the line touch:
 *   项目      其他  总计          y 100
 *   规章        0   87            y 130
 *   其他      19|5146             y 160: 19 ends at 210, 5146 from 212.6
 *   合计       1    12            y 190
 * 19 and 5146 are two figures, 5146 in the column of 87; a tracked
 * line (0.2 em after every digit) is not cut.
 */
static void
test_tight_digits(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int zongji[] = { 0x603b, 0x8ba1, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int heji[] = { 0x5408, 0x8ba1, 0 };
	static const int n0[] = { '0', 0 }, n87[] = { '8', '7', 0 },
	    n19[] = { '1', '9', 0 }, n5146[] = { '5', '1', '4', '6', 0 },
	    n1[] = { '1', 0 }, n12[] = { '1', '2', 0 }, n2[] = { '2', 0 };
	struct reading r;
	size_t a, b, c, y0, y1;
	int row, col, row2, col2, row3, col3;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, qita);
	put(220, 100, zongji);
	put(50, 130, guizhang);
	put(205, 130, n0);
	c = nchars;
	put(214, 130, n87);
	put(50, 160, qita);
	a = nchars;
	put(200, 160, n19);
	b = nchars;
	put(212.6f, 160, n5146);
	put(50, 190, heji);
	put(205, 190, n1);
	put(214, 190, n12);
	read_page(&r, 4);
	where(&r.t[0], a, &row, &col);
	where(&r.t[0], b, &row2, &col2);
	where(&r.t[0], c, &row3, &col3);
	assert_int_equal(row, row2);
	assert_int_not_equal(col, col2);
	assert_int_equal(col2, col3);
	reading_free(&r);
	/* tracked: 0.2 em after every digit, no touching digits */
	nchars = 0;
	put(50, 100, xiangmu);
	put(200, 100, qita);
	put(50, 130, guizhang);
	put(200, 130, n1);
	put(50, 160, heji);
	y0 = nchars;
	put(200, 160, n2);
	put(207, 160, n0);
	put(214, 160, n2);
	y1 = nchars;
	put(221, 160, n0);
	read_page(&r, 3);
	where(&r.t[0], y0, &row, &col);
	where(&r.t[0], y1, &row2, &col2);
	assert_int_equal(col, col2);
	reading_free(&r);
}

/* Characters for the rows of blank figures below. */
static const int jia[] = { '1', '.', 0x7532, 0x7532, 0 },
    yi2[] = { '2', '.', 0x4e59, 0x4e59, 0 },
    bing3[] = { '3', '.', 0x4e19, 0x4e19, 0 },
    ding4[] = { '4', '.', 0x4e01, 0x4e01, 0 },
    bwu5[] = { '5', '.', 0x620a, 0x620a, 0 },
    ji6[] = { '6', '.', 0x5df1, 0x5df1, 0 },
    zu1[] = { 0xff08, 0x4e00, 0xff09, 0x7ec4, 0 },
    zu2[] = { 0xff08, 0x4e8c, 0xff09, 0x7ec4, 0 },
    fig1[] = { '1', 0 }, fig2[] = { '2', 0 }, fig3[] = { '3', 0 },
    fig4[] = { '4', 0 }, fig5[] = { '5', 0 }, fig6[] = { '6', 0 },
    fig7[] = { '7', 0 }, fig8[] = { '8', 0 };

/*
 * Rows of blank figures after the table's last figures, the rows set 4 em
 * apart (a producer's cell padding), over NEAR_EM:
 *   项目                  本年   上年     y 100
 *   （一）组 1.甲甲         3      5      y 140
 *            2.乙乙         2      4      y 180
 *            3.丙丙         1      7      y 220
 *            4.丁丁         6      8      y 260
 *            5.戊戊                       y 300
 *   （二）组 6.己己                       y 340: （二）组 in the column of
 *                                         （一）组, five lines up
 * 5.戊戊 and 6.己己 are rows of the table, （二）组 in its first column.
 */
static void
test_blank_rows_pitch(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	struct reading r;
	size_t iwu, iji, izu, iding;
	int row, col, drow, dcol, jrow, jcol, zrow, zcol, grow, gcol;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	izu = nchars;
	put(10, 140, zu1);
	put(55, 140, jia);
	put(200, 140, fig3);
	put(300, 140, fig5);
	put(55, 180, yi2);
	put(200, 180, fig2);
	put(300, 180, fig4);
	put(55, 220, bing3);
	put(200, 220, fig1);
	put(300, 220, fig7);
	iding = nchars + 2;
	put(55, 260, ding4);
	put(200, 260, fig6);
	put(300, 260, fig8);
	iwu = nchars + 2;
	put(55, 300, bwu5);
	put(10, 340, zu2);
	iji = nchars + 2;
	put(55, 340, ji6);
	read_page(&r, 7);
	where(&r.t[0], iding, &drow, &dcol);
	where(&r.t[0], iwu, &row, &col);
	where(&r.t[0], iji, &jrow, &jcol);
	where(&r.t[0], izu, &grow, &gcol);
	where(&r.t[0], iji - 4, &zrow, &zcol);
	reading_free(&r);
	assert_true(drow > 0);
	assert_int_equal(row, drow + 1);
	assert_int_equal(col, dcol);
	assert_int_equal(jrow, drow + 2);
	assert_int_equal(zrow, jrow);
	assert_int_equal(zcol, gcol);
	assert_int_not_equal(jcol, zcol);
}

/*
 * A run of rows of blank figures longer than FILL_EM, then a label that
 * lines up with no label above it (centred over the label columns), then
 * the table's last row of figures:
 *   项目      本年  上年     y 60
 *   1.甲甲     3     5       y 100  (and 2., 3. at 140, 180)
 *   4.丁丁 … 9.             y 220 … 420: blank
 *   （二）组                 y 460: no label column, no numbered row
 *   6.己己     6     8       y 500
 * （二）组 is a row of the table, between the blank rows and 6.己己: the
 * lines between two lines of cells are measured from the last blank
 * row, not from the last figures.
 */
static void
test_blank_rows_fill(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int *blank[] = { ding4, bwu5, ji6, ding4, bwu5, ji6 };
	struct reading r;
	size_t izu, ilast;
	int k, row, col, lrow, lcol;

	(void)state;
	nchars = 0;
	put(50, 60, xiangmu);
	put(195, 60, bennian);
	put(295, 60, shangnian);
	put(55, 100, jia);
	put(200, 100, fig3);
	put(300, 100, fig5);
	put(55, 140, yi2);
	put(200, 140, fig2);
	put(300, 140, fig4);
	put(55, 180, bing3);
	put(200, 180, fig1);
	put(300, 180, fig7);
	for (k = 0; k < 6; k++)
		put(55, 220 + 40 * (float)k, blank[k]);
	izu = nchars;
	put(20, 460, zu2);
	ilast = nchars + 2;
	put(55, 500, ji6);
	put(200, 500, fig6);
	put(300, 500, fig8);
	read_page(&r, 12);
	where(&r.t[0], izu, &row, &col);
	where(&r.t[0], ilast, &lrow, &lcol);
	reading_free(&r);
	assert_true(lrow > 0);
	assert_int_equal(row, lrow - 1);
}

/*
 * With a table held from the page before (column lines 5 52 150 250
 * 350), a row of blank figures whose group label starts in a label
 * column of that table, a column nothing else on this page is set in,
 * and a label's rest under a line of white space:
 *   1.甲甲 … 4.丁丁   figures          y 60 … 180
 *   （二）组 5.戊戊                     y 220
 *   (a space)                           y 228
 *            戊戊                       y 236
 *            6.己己                     y 260
 * 5.戊戊 and 6.己己 are rows of the table, 戊戊 5.戊戊's.
 */
static void
test_blank_row_held_group(void **state)
{
	static const float hint[] = { 5, 52, 150, 250, 350 };
	static const int wuwu[] = { 0x620a, 0x620a, 0 }, sp[] = { ' ', 0 };
	struct reading r;
	size_t iwu, irest, iji, iding;
	int row, col, rrow, rcol, jrow, jcol, drow, dcol;

	(void)state;
	nchars = 0;
	put(55, 60, jia);
	put(200, 60, fig3);
	put(300, 60, fig5);
	put(55, 100, yi2);
	put(200, 100, fig2);
	put(300, 100, fig4);
	put(55, 140, bing3);
	put(200, 140, fig1);
	put(300, 140, fig7);
	iding = nchars + 2;
	put(55, 180, ding4);
	put(200, 180, fig6);
	put(300, 180, fig8);
	put(10, 220, zu2);
	iwu = nchars + 2;
	put(55, 220, bwu5);
	put(60, 228, sp);
	irest = nchars;
	put(55, 236, wuwu);
	iji = nchars + 2;
	put(55, 260, ji6);
	read_hinted(&r, 0, hint, 5);
	where(&r.t[0], iding, &drow, &dcol);
	where(&r.t[0], iwu, &row, &col);
	where(&r.t[0], irest, &rrow, &rcol);
	where(&r.t[0], iji, &jrow, &jcol);
	reading_free(&r);
	assert_true(drow >= 0);
	assert_int_equal(row, drow + 1);
	assert_int_equal(rrow, row);
	assert_int_equal(jrow, drow + 2);
	assert_int_equal(jcol, dcol);
}

/*
 * A group label and a row label wrapped side by side in narrow columns,
 * their lines on baselines of their own that interleave, in rows of
 * blank figures:
 *   （一）组 1.甲甲   3  5     y 100 (and 2., 3. at 140, 180)
 *   （二）                     y 220
 *            4.丁丁丁丁        y 227
 *   组组组                     y 234: under （二）, two lines up
 *              丁丁            y 241: under 4.丁丁丁丁
 *    组                        y 248
 *            5.戊戊            y 280
 * Every line is in the table, 组 and 丁丁 in 4.丁丁丁丁's row, 5.戊戊 a
 * row of its own.
 */
static void
test_interleaved_rests(void **state)
{
	static const int er[] = { 0xff08, 0x4e8c, 0xff09, 0 },
	    ding[] = { '4', '.', 0x4e01, 0x4e01, 0x4e01, 0x4e01, 0 },
	    zuzu[] = { 0x7ec4, 0x7ec4, 0x7ec4, 0 }, zu[] = { 0x7ec4, 0 },
	    dd[] = { 0x4e01, 0x4e01, 0 };
	struct reading r;
	size_t iding, izu, idd, iwu;
	int row, col, zrow, zcol, drow, dcol, wrow, wcol;

	(void)state;
	nchars = 0;
	put(10, 100, zu1);
	put(55, 100, jia);
	put(200, 100, fig3);
	put(300, 100, fig5);
	put(55, 140, yi2);
	put(200, 140, fig2);
	put(300, 140, fig4);
	put(55, 180, bing3);
	put(200, 180, fig1);
	put(300, 180, fig7);
	put(10, 220, er);
	iding = nchars + 2;
	put(55, 227, ding);
	put(10, 234, zuzu);
	idd = nchars;
	put(65, 241, dd);
	izu = nchars;
	put(20, 248, zu);
	iwu = nchars + 2;
	put(55, 280, bwu5);
	read_page(&r, 0);
	where(&r.t[0], iding, &row, &col);
	where(&r.t[0], izu, &zrow, &zcol);
	where(&r.t[0], idd, &drow, &dcol);
	where(&r.t[0], iwu, &wrow, &wcol);
	reading_free(&r);
	assert_true(row > 0);
	assert_int_equal(zrow, row);
	assert_int_equal(drow, row);
	assert_int_equal(dcol, col);
	assert_int_equal(wrow, row + 1);
	assert_int_equal(wcol, col);
}

/*
 * A heading under a table whose figures begin at its left edge, after a
 * figure set low in the last column, centred on a header label:
 *   项目项目项目   本年   上年      y 100
 *     3              5      7       y 130
 *                           1       y 136: one figure, set low
 *   五、存在问题                    y 152
 * The heading is no row of blank figures: it ends right of where the
 * table's figures begin (the low 1 is no guide to that).
 */
static void
test_heading_after_low(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0x9879, 0x76ee,
	    0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int wu[] = { 0x4e94, 0x3001, 0x5b58, 0x5728, 0x95ee,
	    0x9898, 0 };
	struct reading r;
	size_t iwu;
	int row, col;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(60, 130, fig3);
	put(200, 130, fig5);
	put(300, 130, fig7);
	put(305, 136, fig1);
	iwu = nchars;
	put(50, 152, wu);
	read_page(&r, 4);
	where(&r.t[0], iwu, &row, &col);
	reading_free(&r);
	assert_int_equal(row, -1);
}

/*
 * With a table held from the page before (column lines 5 75 150 250
 * 350: two label columns), a row of blank figures whose label is
 * centred over both label columns, under the last figures:
 *        1.甲甲 … 4.丁丁    figures     y 60 … 180
 *    四、结转下年度                      y 220: 42.5-112.5
 * It is a row of the table.
 */
static void
test_blank_row_held_across(void **state)
{
	static const float hint[] = { 5, 75, 150, 250, 350 };
	static const int si[] = { 0x56db, 0x3001, 0x7ed3, 0x8f6c, 0x4e0b,
	    0x5e74, 0x5ea6, 0 };
	struct reading r;
	size_t isi, iding;
	int row, col, drow, dcol;

	(void)state;
	nchars = 0;
	put(80, 60, jia);
	put(200, 60, fig3);
	put(300, 60, fig5);
	put(80, 100, yi2);
	put(200, 100, fig2);
	put(300, 100, fig4);
	put(80, 140, bing3);
	put(200, 140, fig1);
	put(300, 140, fig7);
	iding = nchars + 2;
	put(80, 180, ding4);
	put(200, 180, fig6);
	put(300, 180, fig8);
	isi = nchars + 2;
	put(42.5f, 220, si);
	read_hinted(&r, 5, hint, 5);
	where(&r.t[0], iding, &drow, &dcol);
	where(&r.t[0], isi, &row, &col);
	reading_free(&r);
	assert_true(drow >= 0);
	assert_int_equal(row, drow + 1);
}

/*
 *   项目     本年   上年   合计      y 100
 *   规章      3      5      8        y 130
 *   其他      2      7               y 160
 *                           9        y 167: 0.7 em lower, right of 7
 *   总数      1      1      2        y 190
 * 9 is the row of 其他's, in the column of 8: a row's last figure set
 * low, right of the other figures of its line.
 */
static void
test_low_last_figure(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int heji[] = { 0x5408, 0x8ba1, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int zongshu[] = { 0x603b, 0x6570, 0 };
	static const int n9[] = { '9', 0 };
	struct reading r;
	size_t i8, i9, i2;
	int r8, c8, r9, c9, r2, c2;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(395, 100, heji);
	put(50, 130, guizhang);
	put(200, 130, fig3);
	put(300, 130, fig5);
	i8 = nchars;
	put(400, 130, fig8);
	put(50, 160, qita);
	i2 = nchars;
	put(200, 160, fig2);
	put(300, 160, fig7);
	i9 = nchars;
	put(400, 167, n9);
	put(50, 190, zongshu);
	put(200, 190, fig1);
	put(300, 190, fig1);
	put(400, 190, fig2);
	read_page(&r, 5);
	where(&r.t[0], i8, &r8, &c8);
	where(&r.t[0], i9, &r9, &c9);
	where(&r.t[0], i2, &r2, &c2);
	reading_free(&r);
	assert_int_equal(r9, r2);
	assert_int_equal(c9, c8);
}

/*
 * Two labels side by side left of the figures near them, below rows of
 * figures, no rests of the labels above (a group label and its first row
 * label, printed without numbering, their figures blank), in a zone that
 * also holds a small table whose figures begin further left:
 *   规章          7                         y 60
 *   其他          9                         y 80
 *   项目                  本年   上年      y 100
 *   甲甲                    3      5       y 130
 *   丙丙丙   丁丁丁丁                      y 160
 *            戊戊           2      4       y 190
 * 丙丙丙 丁丁丁丁 is a row of its own, no header of a third table.
 */
static void
test_side_labels_row(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int jj[] = { 0x7532, 0x7532, 0 },
	    bbb[] = { 0x4e19, 0x4e19, 0x4e19, 0 },
	    dddd[] = { 0x4e01, 0x4e01, 0x4e01, 0x4e01, 0 },
	    ww[] = { 0x620a, 0x620a, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n7[] = { '7', 0 }, n9[] = { '9', 0 };
	struct reading r;
	size_t ij, ib, id, iw;
	int rj, cj, rb, cb, rd, cd, rw, cw;

	(void)state;
	nchars = 0;
	put(50, 60, guizhang);
	put(150, 60, n7);
	put(50, 80, qita);
	put(150, 80, n9);
	put(50, 100, xiangmu);
	put(295, 100, bennian);
	put(395, 100, shangnian);
	ij = nchars;
	put(50, 130, jj);
	put(300, 130, fig3);
	put(400, 130, fig5);
	ib = nchars;
	put(50, 160, bbb);
	id = nchars;
	put(150, 160, dddd);
	iw = nchars;
	put(150, 190, ww);
	put(300, 190, fig2);
	put(400, 190, fig4);
	read_tables(&r, 6, NULL, 0, 2);
	where(&r.t[1], ij, &rj, &cj);
	where(&r.t[1], ib, &rb, &cb);
	where(&r.t[1], id, &rd, &cd);
	where(&r.t[1], iw, &rw, &cw);
	reading_free(&r);
	assert_true(rj > 0);
	assert_int_equal(rb, rj + 1);
	assert_int_equal(rd, rb);
	assert_int_equal(rw, rb + 1);
}

/* Running text (one line, no wide gap) makes no table. */
static void
test_prose(void **state)
{
	static const int s[] = { 0x672c, 0x5e74, 0x5171, 0x53d7, 0x7406,
	    0x7533, 0x8bf7, '1', '4', 0x4ef6, 0x3002, 0 };
	const struct gk_pdf_char *v[64];
	struct gk_pdf_line *ln = NULL;
	struct gk_pdf_page out;
	size_t nl, i;
	int keep[4] = { 1, 1, 1, 1 };

	(void)state;
	nchars = 0;
	put(50, 100, s);
	for (i = 0; i < nchars; i++)
		v[i] = &chars[i];
	assert_int_equal(gk_pdf_lines(v, nchars, &ln, &nl), 0);
	memset(&out, 0, sizeof(out));
	assert_int_equal(gk_pdf_align((const struct gk_pdf_char *const *)v,
	    ln, nl, keep, NULL, 0, &out), 0);
	assert_int_equal(out.nh, 0);
	assert_int_equal(out.nv, 0);
	free(ln);
}

/*
 * A group label and a row label wrapped side by side in narrow columns,
 * below their row's figures (（四 1.本 3 5 / ）无 机关 / 法提 不掌 / 供 握相,
 * 14 pt apart, the two columns 1 em apart: no wide gap makes these lines
 * lines of cells): the lines past NEAR_EM (2.2 em) from the figures are
 * in the two cells too, each piece set under a piece of the line above;
 * a line set elsewhere (x) is not.  Returns whether 握 (of the last line)
 * is in the cell of 本 and 供 in the cell of （四.
 */
static int
rests_side_by_side(float x)
{
	static const int si[] = { 0xff08, 0x56db, 0 }, ben[] = { '1', '.',
	    0x672c, 0 }, wu[] = { 0xff09, 0x65e0, 0 }, jiguan[] = { 0x673a,
	    0x5173, 0 }, fati[] = { 0x6cd5, 0x63d0, 0 }, buzhang[] = {
	    0x4e0d, 0x638c, 0 }, gong[] = { 0x4f9b, 0 }, woxiang[] = {
	    0x63e1, 0x76f8, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t isi, iben, igong, iwo;
	int row, col, brow, bcol, grow, gcol, srow, scol;

	page();
	isi = nchars;
	put(60, 220, si);
	iben = nchars + 2;
	put(90, 220, ben);
	put(200, 220, n3);
	put(300, 220, n5);
	put(60, 234, wu);
	put(90, 234, jiguan);
	put(60, 248, fati);
	put(90, 248, buzhang);
	igong = nchars;
	put(x - 20, 262, gong);
	iwo = nchars;
	put(x, 262, woxiang);
	read_page(&r, 8);
	where(&r.t[0], iben, &brow, &bcol);
	where(&r.t[0], iwo, &row, &col);
	where(&r.t[0], isi, &srow, &scol);
	where(&r.t[0], igong, &grow, &gcol);
	reading_free(&r);
	assert_true(bcol != scol);
	return row == brow && col == bcol && grow == srow && gcol == scol;
}

static void
test_rests_side_by_side(void **state)
{
	(void)state;
	assert_true(rests_side_by_side(90));
	assert_false(rests_side_by_side(130));
}

/*
 * Rows whose figures are all blank after the table's last figures, their
 * labels wrapped in a narrow column:
 *   1.属       3        5     y 220
 *   于国                      y 234
 *   密                        y 248
 *   2.其                      y 268: numbered, set in the label column,
 *   他法                      y 282  wider than the line above it
 * 2.其 starts a row of its own with blank figures, 他法 its rest; a
 * numbered line reaching over the figures (a heading) is not in the
 * table.  Returns whether 他 is in a row of its own, in the labels'
 * column, beside an empty cell.
 */
static int
blank_row_after(int heading)
{
	static const int shu[] = { '1', '.', 0x5c5e, 0 }, yuguo[] = { 0x4e8e,
	    0x56fd, 0 }, mi[] = { 0x5bc6, 0 }, qi[] = { '2', '.', 0x5176, 0 },
	    tafa[] = { 0x4ed6, 0x6cd5, 0 }, longer[] = { '2', '.', 0x5176,
	    0x4ed6, 0x6cd5, 0x5f8b, 0x884c, 0x653f, 0x6cd5, 0x89c4, 0x7981,
	    0x6b62, 0x516c, 0x5f00, 0x7684, 0x4fe1, 0x606f, 0x60c5, 0x51b5,
	    0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t ishu, ita, k;
	int row, col, srow, scol, blank = 0;

	page();
	ishu = nchars + 2;
	put(50, 220, shu);
	put(200, 220, n3);
	put(300, 220, n5);
	put(50, 234, yuguo);
	put(50, 248, mi);
	put(50, 268, heading ? longer : qi);
	ita = nchars;
	put(50, 282, tafa);
	read_page(&r, 0);
	where(&r.t[0], ishu, &srow, &scol);
	where(&r.t[0], ita, &row, &col);
	for (k = 0; row >= 0 && k < (size_t)r.t[0].ncells; k++)
		if (r.t[0].cells[k].row == row && r.t[0].cells[k].col == 1)
			blank = 1;
	reading_free(&r);
	return row >= 0 && row != srow && col == scol && blank;
}

static void
test_blank_row_after(void **state)
{
	(void)state;
	assert_true(blank_row_after(0));
	assert_false(blank_row_after(1));
}

/*
 * A page that goes on with a table held from the page before (hint: its
 * column lines 10 45 150 250 350) and holds only rows whose figures are
 * all blank, their labels wrapped in narrow columns:
 *   2.没                 y 100
 *   有现                 y 114
 *   （五  1.信            y 134
 *   ）不  访举            y 148
 *   2.重                 y 168
 *   复申                 y 182
 * The rows are a table with the held table's columns, every figure an
 * empty cell.
 */
static void
test_blank_rows_held(void **state)
{
	static const int mei[] = { '2', '.', 0x6ca1, 0 }, youxian[] = {
	    0x6709, 0x73b0, 0 }, wu5[] = { 0xff08, 0x4e94, 0 }, xin[] = {
	    '1', '.', 0x4fe1, 0 }, bu[] = { 0xff09, 0x4e0d, 0 }, fangju[] = {
	    0x8bbf, 0x4e3e, 0 }, zhong[] = { '2', '.', 0x91cd, 0 },
	    fushen[] = { 0x590d, 0x7533, 0 };
	static const float hint[] = { 10, 45, 150, 250, 350 };
	struct reading r;
	size_t izhong;
	int row, col, k, blanks = 0;

	(void)state;
	nchars = 0;
	put(52, 100, mei);
	put(52, 114, youxian);
	put(15, 134, wu5);
	put(52, 134, xin);
	put(15, 148, bu);
	put(52, 148, fangju);
	izhong = nchars + 2;
	put(52, 168, zhong);
	put(52, 182, fushen);
	read_hinted(&r, 6, hint, 5);
	assert_int_equal(r.t[0].nx, 5);
	where(&r.t[0], izhong, &row, &col);
	assert_int_equal(col, 1);
	for (k = 0; k < r.t[0].ncells; k++)
		if (r.t[0].cells[k].row == row && r.t[0].cells[k].col >= 2)
			blanks++;
	assert_int_equal(blanks, 2);
	reading_free(&r);
}

/*
 * Two tables in one zone, each in columns of its own:
 *   项目        本年        上年           y 100
 *   规章         3           5             y 130
 *   信息内容       本年处理决定数量         y 175: over 190-270
 *   行政处罚             19889             y 190
 *   行政强制             1363              y 203: 1.3 em under 19889
 * 19889 does not fill its column (the header over it is wider than it
 * and one more digit: 1363 is the next row's figure, not its wrapped
 * rest), though the header also lies over the 3 of the table above: a
 * header is across columns only over figures beside its own.
 */
static void
test_header_over_other_table(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int neirong[] = { 0x4fe1, 0x606f, 0x5185, 0x5bb9, 0 };
	static const int juedingshu[] = { 0x672c, 0x5e74, 0x5904, 0x7406,
	    0x51b3, 0x5b9a, 0x6570, 0x91cf, 0 };
	static const int chufa[] = { 0x884c, 0x653f, 0x5904, 0x7f5a, 0 };
	static const int qiangzhi[] = { 0x884c, 0x653f, 0x5f3a, 0x5236, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n19889[] = { '1', '9', '8', '8', '9', 0 }, n1363[] = { '1', '3',
	    '6', '3', 0 };
	struct reading r;
	size_t a, b;
	int ra, ca, rb, cb;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(50, 130, guizhang);
	put(200, 130, n3);
	put(300, 130, n5);
	put(50, 175, neirong);
	put(190, 175, juedingshu);
	put(50, 190, chufa);
	a = nchars;
	put(240, 190, n19889);
	put(50, 203, qiangzhi);
	b = nchars;
	put(242, 203, n1363);
	read_tables(&r, 0, NULL, 0, 2);
	where(&r.t[1], a, &ra, &ca);
	where(&r.t[1], b, &rb, &cb);
	reading_free(&r);
	assert_true(ra >= 0 && rb >= 0);
	assert_int_equal(ca, cb);
	assert_int_not_equal(ra, rb);
}

/*
 * A placeholder wrapped in a narrow figure column, under its row's
 * figures with the rest of the row's label (2.重 0 不适 / 复申 用, 13 pt
 * apart): the line is no header (its pieces over the figures are the
 * rests of words right above them), 用 goes with 不适 and 复申 with 2.重.
 */
static void
test_placeholder_rest(void **state)
{
	static const int zhong[] = { '2', '.', 0x91cd, 0 }, bushi[] = {
	    0x4e0d, 0x9002, 0 }, fushen[] = { 0x590d, 0x7533, 0 }, yong[] = {
	    0x7528, 0 };
	static const int n0[] = { '0', 0 };
	struct reading r;
	size_t izhong, ibu, ifu, iyong;
	int rz, cz, rb, cb, rf, cf, ry, cy;

	(void)state;
	page();
	izhong = nchars + 2;
	put(50, 220, zhong);
	put(200, 220, n0);
	ibu = nchars;
	put(300, 220, bushi);
	ifu = nchars;
	put(50, 233, fushen);
	iyong = nchars;
	put(300, 233, yong);
	read_page(&r, 6);
	where(&r.t[0], izhong, &rz, &cz);
	where(&r.t[0], ibu, &rb, &cb);
	where(&r.t[0], ifu, &rf, &cf);
	where(&r.t[0], iyong, &ry, &cy);
	reading_free(&r);
	assert_true(rz >= 0 && rb == rz && ry == rz && rf == rz);
	assert_int_equal(cy, cb);
	assert_int_equal(cf, cz);
}

/*
 * A label wrapped in a narrow column whose line ends short of it (a
 * character that may not begin a line takes the one before it along):
 *   2.申     3     5      y 220
 *   请人                  y 234
 *   费                    y 248: one character
 *   用、                  y 262: wider than 费, as wide as the column
 * The last line is still the label's rest, in its cell.
 */
static void
test_short_line_rest(void **state)
{
	static const int shen[] = { '2', '.', 0x7533, 0 }, qingren[] = {
	    0x8bf7, 0x4eba, 0 }, fei[] = { 0x8d39, 0 }, yong[] = { 0x7528,
	    0x3001, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t ishen, iyong;
	int rs, cs, ry, cy;

	(void)state;
	page();
	ishen = nchars + 2;
	put(50, 220, shen);
	put(200, 220, n3);
	put(300, 220, n5);
	put(50, 234, qingren);
	put(50, 248, fei);
	iyong = nchars;
	put(50, 262, yong);
	read_page(&r, 8);
	where(&r.t[0], ishen, &rs, &cs);
	where(&r.t[0], iyong, &ry, &cy);
	reading_free(&r);
	assert_true(rs >= 0);
	assert_int_equal(ry, rs);
	assert_int_equal(cy, cs);
}

/*
 * Two labels wrapped side by side in columns set 0.3 em apart: their full
 * lines run together into one piece (（四）1.本机 / 无法提关不掌), a line
 * with a short one (供 | 握相关) parts again.  That line, past NEAR_EM
 * from the figures, is still the labels' rest, in their row.
 */
static void
test_rests_run_together(void **state)
{
	static const int si[] = { 0xff08, 0x56db, 0xff09, 0 }, ben[] = {
	    '1', '.', 0x672c, 0x673a, 0 }, wufa[] = { 0x65e0, 0x6cd5, 0x63d0,
	    0 }, buzhang[] = { 0x5173, 0x4e0d, 0x638c, 0 }, gong[] = {
	    0x4f9b, 0 }, wo[] = { 0x63e1, 0x76f8, 0x5173, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t isi, iwo;
	int rs, cs, rw, cw;

	(void)state;
	page();
	isi = nchars;
	put(50, 220, si);
	put(83, 220, ben);
	put(200, 220, n3);
	put(300, 220, n5);
	put(50, 234, wufa);
	put(83, 234, buzhang);
	put(60, 248, gong);
	iwo = nchars;
	put(83, 248, wo);
	read_page(&r, 7);
	where(&r.t[0], isi, &rs, &cs);
	where(&r.t[0], iwo, &rw, &cw);
	reading_free(&r);
	assert_true(rs >= 0);
	assert_int_equal(rw, rs);
}

/*
 * A numbered heading right under the table's last figures, reaching over
 * them (五、存在的主要问题…, 20 pt under 其他 2 14): no row of the table,
 * whose column gaps it would hide (the three columns stay).
 */
static void
test_heading_after(void **state)
{
	static const int heading[] = { 0x4e94, 0x3001, 0x5b58, 0x5728, 0x7684,
	    0x4e3b, 0x8981, 0x95ee, 0x9898, 0x53ca, 0x6539, 0x8fdb, 0x60c5,
	    0x51b5, 0x8bf4, 0x660e, 0 };
	struct reading r;

	(void)state;
	page();
	put(50, 210, heading);
	read_page(&r, 5);
	assert_int_equal(r.t[0].nx, 4);
	reading_free(&r);
}

/*
 * A row of blank figures whose label starts in the column of the lines
 * above the label before it, not of that label's last line, centred:
 *   （二）部分     3      5     y 220
 *   公开（区分                  y 234
 *     处理的                    y 248: centred, from 60
 *   （三  １．                  y 266: numbered, from 50
 *   ）不  属于                  y 280
 * （三 starts a row of its own, with blank figures.
 */
static void
test_blank_row_column_above(void **state)
{
	static const int er[] = { 0xff08, 0x4e8c, 0xff09, 0x90e8, 0x5206, 0 },
	    gongkai[] = { 0x516c, 0x5f00, 0xff08, 0x533a, 0x5206, 0 },
	    chuli[] = { 0x5904, 0x7406, 0x7684, 0 }, san[] = { 0xff08,
	    0x4e09, 0 }, yi[] = { 0xff11, 0xff0e, 0 }, bu[] = { 0xff09,
	    0x4e0d, 0 }, shuyu[] = { 0x5c5e, 0x4e8e, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct reading r;
	size_t ier, isan;
	int re, ce, rs, cs;

	(void)state;
	page();
	ier = nchars;
	put(50, 220, er);
	put(200, 220, n3);
	put(300, 220, n5);
	put(50, 234, gongkai);
	put(60, 248, chuli);
	isan = nchars;
	put(50, 266, san);
	put(83, 266, yi);
	put(50, 280, bu);
	put(83, 280, shuyu);
	read_page(&r, 0);
	where(&r.t[0], ier, &re, &ce);
	where(&r.t[0], isan, &rs, &cs);
	reading_free(&r);
	assert_true(re >= 0 && rs >= 0);
	assert_int_not_equal(rs, re);
}

/*
 * A page that goes on with a table held from the page before (its column
 * lines 40 150 200 250 350), two of whose figure columns are blank here:
 *   规章      3                5      y 100
 *   其他      2               14      y 130
 * The one gap 175-300 holds the held table's lines 200 and 250: both are
 * this part's, so that 5 and 14 stay in the last column.
 */
static void
test_held_lines(void **state)
{
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	static const float hint[] = { 40, 150, 200, 250, 350 };
	struct reading r;
	size_t i5;
	int row, col;

	(void)state;
	nchars = 0;
	put(50, 100, guizhang);
	put(170, 100, n3);
	i5 = nchars;
	put(300, 100, n5);
	put(50, 130, qita);
	put(170, 130, n2);
	put(300, 130, n14);
	read_hinted(&r, 2, hint, 5);
	assert_int_equal(r.t[0].nx, 5);
	where(&r.t[0], i5, &row, &col);
	assert_int_equal(col, 3);
	reading_free(&r);
}

/*
 * A figure set on its cell's second line (a blank line before it), in a
 * column its row's line leaves blank:
 *   项目     本年   上年   累计      y 100
 *   规章      3             5        y 130
 *                    9               y 142: 1.2 em lower
 *   其他      2      7      1        y 160
 * 9 is the row of 规章's, in the column of 7, not a row of its own.
 */
static void
test_low_figure(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };
	static const int bennian[] = { 0x672c, 0x5e74, 0 };
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };
	static const int leiji[] = { 0x7d2f, 0x8ba1, 0 };
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };
	static const int qita[] = { 0x5176, 0x4ed6, 0 };
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n9[] = { '9', 0 }, n2[] = { '2', 0 }, n7[] = { '7', 0 },
	    n1[] = { '1', 0 };
	struct reading r;
	size_t i3, i9, i7;
	int r3, c3, r9, c9, r7, c7;

	(void)state;
	nchars = 0;
	put(50, 100, xiangmu);
	put(195, 100, bennian);
	put(295, 100, shangnian);
	put(395, 100, leiji);
	put(50, 130, guizhang);
	i3 = nchars;
	put(200, 130, n3);
	put(400, 130, n5);
	i9 = nchars;
	put(300, 142, n9);
	put(50, 160, qita);
	put(200, 160, n2);
	i7 = nchars;
	put(300, 160, n7);
	put(400, 160, n1);
	read_page(&r, 4);
	where(&r.t[0], i3, &r3, &c3);
	where(&r.t[0], i9, &r9, &c9);
	where(&r.t[0], i7, &r7, &c7);
	reading_free(&r);
	assert_int_equal(r9, r3);
	assert_int_equal(c9, c7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_borderless),
		cmocka_unit_test(test_prose),
		cmocka_unit_test(test_header_units),
		cmocka_unit_test(test_side_by_side),
		cmocka_unit_test(test_side_line),
		cmocka_unit_test(test_wrapped_figure),
		cmocka_unit_test(test_wrapped_beside_group),
		cmocka_unit_test(test_group_between_rows),
		cmocka_unit_test(test_wrapped_with_word),
		cmocka_unit_test(test_note_after),
		cmocka_unit_test(test_label_rest),
		cmocka_unit_test(test_top_rest),
		cmocka_unit_test(test_header_columns),
		cmocka_unit_test(test_header_form_words),
		cmocka_unit_test(test_overrun),
		cmocka_unit_test(test_label_rests),
		cmocka_unit_test(test_header_stacks),
		cmocka_unit_test(test_header_rows_wrap),
		cmocka_unit_test(test_header_own_lines),
		cmocka_unit_test(test_header_held),
		cmocka_unit_test(test_side_mark_in_figures),
		cmocka_unit_test(test_after_pitch),
		cmocka_unit_test(test_note_heading),
		cmocka_unit_test(test_held_one_row),
		cmocka_unit_test(test_own_label_row),
		cmocka_unit_test(test_group_line_between),
		cmocka_unit_test(test_digit_gap),
		cmocka_unit_test(test_rests_side_by_side),
		cmocka_unit_test(test_blank_row_after),
		cmocka_unit_test(test_blank_rows_held),
		cmocka_unit_test(test_header_over_other_table),
		cmocka_unit_test(test_placeholder_rest),
		cmocka_unit_test(test_short_line_rest),
		cmocka_unit_test(test_rests_run_together),
		cmocka_unit_test(test_heading_after),
		cmocka_unit_test(test_blank_row_column_above),
		cmocka_unit_test(test_held_lines),
		cmocka_unit_test(test_low_figure),
		cmocka_unit_test(test_tight_digits),
		cmocka_unit_test(test_blank_rows_pitch),
		cmocka_unit_test(test_blank_rows_fill),
		cmocka_unit_test(test_blank_row_held_group),
		cmocka_unit_test(test_interleaved_rests),
		cmocka_unit_test(test_heading_after_low),
		cmocka_unit_test(test_blank_row_held_across),
		cmocka_unit_test(test_low_last_figure),
		cmocka_unit_test(test_side_labels_row),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
