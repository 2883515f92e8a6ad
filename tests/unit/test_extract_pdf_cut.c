/*
 * test_extract_pdf_cut: a ruled table that a page break cuts inside a row
 * (Chromium).  A cell spanning two rows ends its borders at the break while
 * its second line of text (结果 / 维持) hangs out below the table: the line
 * is the cell's, not a para.  And a header that ends a page without a
 * bottom rule, followed on the next page by a row with figures and blank
 * cells: the blank cells are blank figures of that row, not the rest of
 * the header cells above them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/pdf/pdf.h"
#include "extract/pdf/layout.h"
#include "extract/sink.h"

#define SIZE	10.0f

/* Page pg with the characters of s (UTF-32, 10 pt wide) from x on y. */
static void
put(struct gk_pdf_page *pg, float x, float y, const int *s)
{
	for (; *s != 0; s++, x += SIZE) {
		assert_true(pg->nch < pg->capch);
		pg->ch[pg->nch].c = *s;
		pg->ch[pg->nch].x0 = x;
		pg->ch[pg->nch].x1 = x + SIZE;
		pg->ch[pg->nch].y = y;
		pg->ch[pg->nch].size = SIZE;
		pg->nch++;
	}
}

static void
page(struct gk_pdf_page *pg)
{
	memset(pg, 0, sizeof(*pg));
	pg->w = 595;
	pg->h = 842;
	pg->capch = 64;
	pg->ch = calloc(pg->capch, sizeof(*pg->ch));
	assert_non_null(pg->ch);
}

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

/* Lay out the pages; the records written, in a buffer the caller frees. */
static char *
layout(struct gk_pdf_page *pgs, int n)
{
	struct gk_pdf_layout l;
	struct gk_sink s;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i;

	assert_non_null(f);
	gk_sink_init(&s, f, "d");
	gk_pdf_layout_init(&l, &s);
	for (i = 0; i < n; i++)
		assert_int_equal(gk_pdf_layout_page(&l, &pgs[i]), GK_E_OK);
	assert_int_equal(gk_pdf_layout_finish(&l), GK_E_OK);
	gk_pdf_layout_free(&l);
	assert_int_equal(gk_sink_commit(&s), 0);
	gk_sink_free(&s);
	fclose(f);
	return buf;
}

static void
hanging_line(void **state)
{
	static const int jieguo[] = { 0x7ed3, 0x679c, 0 };	/* 结果 */
	static const int weichi[] = { 0x7ef4, 0x6301, 0 };	/* 维持 */
	static const int susong[] = { 0x8bc9, 0x8bbc, 0 };	/* 诉讼 */
	static const int fuyi[] = { 0x590d, 0x8bae, 0 };	/* 复议 */
	struct gk_pdf_page pg;
	char *out;

	(void)state;
	page(&pg);
	/* 复议 | 诉讼 over row 0; row 1: 结果/维持 (spans on) | 诉讼 */
	hline(&pg, 100, 100, 300);
	hline(&pg, 120, 100, 300);
	hline(&pg, 140, 200, 300);	/* only under the right column */
	vline(&pg, 100, 100, 146);	/* the left cell's borders stop */
	vline(&pg, 200, 100, 146);	/* at the page's cut */
	vline(&pg, 300, 100, 140);
	put(&pg, 110, 115, fuyi);
	put(&pg, 210, 115, susong);
	put(&pg, 110, 136, jieguo);
	put(&pg, 210, 136, susong);
	put(&pg, 110, 151, weichi);	/* top 142.5: inside; middle 148: below */
	out = layout(&pg, 1);
	assert_non_null(strstr(out, "\t结果维持\t"));
	assert_null(strstr(out, "para\t"));
	free(out);
	gk_pdf_page_free(&pg);
}

/*
 * A line set right under a table whose glyph tops reach into its bottom
 * row (2 pt): on the page's last line it is the row's hanging rest (a
 * page break cut the row's borders, above); with more text below it, or
 * numbered (三、), it is a heading set tight under the table.
 */
static void
under(int below, int numbered, int *in_cell)
{
	static const int fuyi[] = { 0x590d, 0x8bae, 0 };	/* 复议 */
	static const int susong[] = { 0x8bc9, 0x8bbc, 0 };	/* 诉讼 */
	static const int heading[] = { 0x4e09, 0x3001, 0x7533, 0x8bf7, 0 };
	struct gk_pdf_page pg;
	char *out;
	/* top 0.85 em (GLYPH_TOP_EM) above the baseline: 2 pt inside */
	float y = 140 - 2 + 0.85f * SIZE;

	page(&pg);
	hline(&pg, 100, 100, 300);
	hline(&pg, 120, 100, 300);
	hline(&pg, 140, 100, 300);
	vline(&pg, 100, 100, 140);
	vline(&pg, 200, 100, 140);
	vline(&pg, 300, 100, 140);
	put(&pg, 110, 115, fuyi);
	put(&pg, 210, 115, susong);
	put(&pg, 110, 136, fuyi);
	put(&pg, 210, 136, susong);
	put(&pg, 210, y, numbered ? heading : heading + 2);	/* (三、)申请 */
	if (below)
		put(&pg, 110, y + 30, fuyi);
	out = layout(&pg, 1);
	*in_cell = strstr(out, numbered ? "\t诉讼三、申请\t" :
	    "\t诉讼申请\t") != NULL;
	assert_true(*in_cell || strstr(out, numbered ? "\t三、申请\t" :
	    "\t申请\t") != NULL);
	free(out);
	gk_pdf_page_free(&pg);
}

static void
heading_under(void **state)
{
	int in_cell;

	(void)state;
	under(1, 0, &in_cell);
	assert_false(in_cell);
	under(0, 1, &in_cell);
	assert_false(in_cell);
	under(0, 0, &in_cell);
	assert_true(in_cell);
}

static void
header_then_blank(void **state)
{
	static const int qingkuang[] = { 0x60c5, 0x51b5, 0 };	/* 情况 */
	static const int shenqing[] = { 0x7533, 0x8bf7, 0 };	/* 申请 */
	static const int shangye[] = { 0x5546, 0x4e1a, 0 };	/* 商业 */
	static const int keyan[] = { 0x79d1, 0x7814, 0 };	/* 科研 */
	static const int xinshou[] = { 0x65b0, 0x6536, 0 };	/* 新收 */
	static const int jiezhuan[] = { 0x7ed3, 0x8f6c, 0 };	/* 结转 */
	static const int n4[] = { '4', 0 }, n1[] = { '1', 0 },
	    n2[] = { '2', 0 };
	struct gk_pdf_page pg[2];
	char *out;

	(void)state;
	/* page 1 ends with the header: no rule under its last row */
	page(&pg[0]);
	hline(&pg[0], 700, 100, 400);
	hline(&pg[0], 720, 100, 400);
	vline(&pg[0], 100, 700, 760);
	vline(&pg[0], 200, 700, 760);
	vline(&pg[0], 300, 720, 760);
	vline(&pg[0], 400, 700, 760);
	put(&pg[0], 110, 715, qingkuang);
	put(&pg[0], 280, 715, shenqing);
	put(&pg[0], 210, 745, shangye);
	put(&pg[0], 310, 745, keyan);
	/* page 2: a row with a figure and a blank cell, then another */
	page(&pg[1]);
	hline(&pg[1], 100, 100, 400);
	hline(&pg[1], 120, 100, 400);
	hline(&pg[1], 140, 100, 400);
	vline(&pg[1], 100, 100, 140);
	vline(&pg[1], 200, 100, 140);
	vline(&pg[1], 300, 100, 140);
	vline(&pg[1], 400, 100, 140);
	put(&pg[1], 110, 115, xinshou);
	put(&pg[1], 245, 115, n4);
	put(&pg[1], 110, 135, jiezhuan);
	put(&pg[1], 245, 135, n1);
	put(&pg[1], 345, 135, n2);
	out = layout(pg, 2);
	/* 科研 keeps one row; under it, row 2 has its own blank cell */
	assert_non_null(strstr(out, "\t1\t1\t2\t1\t1\t科研\t"));
	assert_non_null(strstr(out, "\t1\t2\t2\t1\t1\t\t"));
	free(out);
	gk_pdf_page_free(&pg[0]);
	gk_pdf_page_free(&pg[1]);
}

/*
 * A label set on one line wider than its ruled cell, centred on it and
 * run on over both its borders (xhtml2pdf): the word is the label cell's
 * whole, not cut at the column line into the figure's cell beside it
 * (情形） 0).
 */
static void
word_over_rule(void **state)
{
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };	/* 规章 */
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n0[] = { '0', 0 }, n7[] = { '7', 0 };
	int label[12];
	char want[64], *p = want, *out;
	struct gk_pdf_page pg;
	int i;

	(void)state;
	for (i = 0; i < 11; i++)
		label[i] = 0x4e00 + i;
	label[11] = 0;
	/* the label's UTF-8 (U+4E00..U+4E0A: three bytes each) */
	*p++ = '\t';
	for (i = 0; i < 11; i++) {
		*p++ = (char)(0xe0 | (label[i] >> 12));
		*p++ = (char)(0x80 | ((label[i] >> 6) & 0x3f));
		*p++ = (char)(0x80 | (label[i] & 0x3f));
	}
	*p++ = '\t';
	*p = '\0';
	page(&pg);
	hline(&pg, 100, 100, 300);
	hline(&pg, 120, 100, 300);
	hline(&pg, 140, 100, 300);
	vline(&pg, 100, 100, 140);
	vline(&pg, 200, 100, 140);
	vline(&pg, 250, 100, 140);
	vline(&pg, 300, 100, 140);
	put(&pg, 110, 115, guizhang);
	put(&pg, 210, 115, n3);
	put(&pg, 260, 115, n5);
	put(&pg, 95, 136, label);	/* 95 to 205: centred on 100-200 */
	put(&pg, 220, 136, n0);
	put(&pg, 270, 136, n7);
	out = layout(&pg, 1);
	assert_non_null(strstr(out, want));
	assert_non_null(strstr(out, "\t0\t"));
	free(out);
	gk_pdf_page_free(&pg);
}

/*
 * A table without rulings whose last row's labels wrap, side by side in
 * narrow columns, down to the page's end (（四 1.本 2 0 / ）无 机关 / 法提
 * 不掌): the lines under the figures, all left of where the figures
 * begin, are the rests of those labels, not the header of a table whose
 * body is on the next page (a header stands over the figures' columns):
 * they stay in their cells.
 */
static void
rests_at_page_end(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };	/* 项目 */
	static const int bennian[] = { 0x672c, 0x5e74, 0 };	/* 本年 */
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };	/* 上年 */
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };	/* 规章 */
	static const int qita[] = { 0x5176, 0x4ed6, 0 };	/* 其他 */
	static const int si[] = { 0xff08, 0x56db, 0 };		/* （四 */
	static const int ben[] = { '1', '.', 0x672c, 0 };	/* 1.本 */
	static const int wu[] = { 0xff09, 0x65e0, 0 };		/* ）无 */
	static const int jiguan[] = { 0x673a, 0x5173, 0 };	/* 机关 */
	static const int fati[] = { 0x6cd5, 0x63d0, 0 };	/* 法提 */
	static const int buzhang[] = { 0x4e0d, 0x638c, 0 };	/* 不掌 */
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n0[] = { '0', 0 }, n14[] = { '1', '4', 0 };
	struct gk_pdf_page pg;
	char *out;

	(void)state;
	page(&pg);
	put(&pg, 50, 700, xiangmu);
	put(&pg, 195, 700, bennian);
	put(&pg, 295, 700, shangnian);
	put(&pg, 50, 730, guizhang);
	put(&pg, 200, 730, n3);
	put(&pg, 300, 730, n5);
	put(&pg, 50, 760, qita);
	put(&pg, 200, 760, n2);
	put(&pg, 300, 760, n14);
	put(&pg, 50, 790, si);
	put(&pg, 90, 790, ben);
	put(&pg, 200, 790, n2);
	put(&pg, 300, 790, n0);
	put(&pg, 50, 804, wu);
	put(&pg, 90, 804, jiguan);
	put(&pg, 50, 818, fati);
	put(&pg, 90, 818, buzhang);
	out = layout(&pg, 1);
	assert_non_null(strstr(out, "\t1.本机关不掌\t"));
	assert_non_null(strstr(out, "\t（四）无法提\t"));
	assert_null(strstr(out, "para\t"));
	free(out);
	gk_pdf_page_free(&pg);
}

/*
 * A table printed without its borders but for a rule under its header
 * that the producer drew wider than the text (from x 20; the labels
 * start at 50): the rule parts the header from the body, but where it
 * overhangs the grid of the text it makes no column of nothing, which
 * would move every label and figure one column on from its header.
 */
static void
rule_overhang(void **state)
{
	static const int xiangmu[] = { 0x9879, 0x76ee, 0 };	/* 项目 */
	static const int bennian[] = { 0x672c, 0x5e74, 0 };	/* 本年 */
	static const int shangnian[] = { 0x4e0a, 0x5e74, 0 };	/* 上年 */
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };	/* 规章 */
	static const int qita[] = { 0x5176, 0x4ed6, 0 };	/* 其他 */
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 },
	    n2[] = { '2', 0 }, n14[] = { '1', '4', 0 };
	struct gk_pdf_page pg;
	char *out;

	(void)state;
	page(&pg);
	put(&pg, 50, 100, xiangmu);
	put(&pg, 195, 100, bennian);
	put(&pg, 295, 100, shangnian);
	hline(&pg, 110, 20, 330);
	put(&pg, 50, 130, guizhang);
	put(&pg, 200, 130, n3);
	put(&pg, 300, 130, n5);
	put(&pg, 50, 160, qita);
	put(&pg, 200, 160, n2);
	put(&pg, 300, 160, n14);
	out = layout(&pg, 1);
	assert_non_null(strstr(out, "\t1\t0\t0\t1\t1\t项目\t"));
	assert_non_null(strstr(out, "\t1\t1\t0\t1\t1\t规章\t"));
	assert_non_null(strstr(out, "\t1\t1\t1\t1\t1\t3\t"));
	free(out);
	gk_pdf_page_free(&pg);
}

/*
 * A table that goes on over a page break, with a para set inside its
 * extent on the first page (beside it: a character no cell took): the
 * para does not end the table, whose rows on the next page are its own
 * (table 1), not a table of their own.
 */
static void
para_inside_table(void **state)
{
	static const int guizhang[] = { 0x89c4, 0x7ae0, 0 };	/* 规章 */
	static const int qita[] = { 0x5176, 0x4ed6, 0 };	/* 其他 */
	static const int zhu[] = { 0x6ce8, 0 };			/* 注 */
	static const int n3[] = { '3', 0 }, n5[] = { '5', 0 };
	struct gk_pdf_page pg[2];
	char *out;
	int i;

	(void)state;
	for (i = 0; i < 2; i++) {
		float y = i == 0 ? 700 : 100;

		page(&pg[i]);
		hline(&pg[i], y, 100, 300);
		hline(&pg[i], y + 20, 100, 300);
		hline(&pg[i], y + 40, 100, 300);
		vline(&pg[i], 100, y, y + 40);
		vline(&pg[i], 200, y, y + 40);
		vline(&pg[i], 300, y, y + 40);
		put(&pg[i], 110, y + 15, i == 0 ? guizhang : qita);
		put(&pg[i], 210, y + 15, n3);
		put(&pg[i], 110, y + 35, i == 0 ? qita : guizhang);
		put(&pg[i], 210, y + 35, n5);
	}
	put(&pg[0], 450, 730, zhu);
	out = layout(pg, 2);
	assert_non_null(strstr(out, "\t1\t2\t0\t1\t1\t其他\t"));
	assert_null(strstr(out, "\t2\t0\t0\t1\t1\t"));
	free(out);
	gk_pdf_page_free(&pg[0]);
	gk_pdf_page_free(&pg[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hanging_line),
		cmocka_unit_test(heading_under),
		cmocka_unit_test(header_then_blank),
		cmocka_unit_test(word_over_rule),
		cmocka_unit_test(rests_at_page_end),
		cmocka_unit_test(rule_overhang),
		cmocka_unit_test(para_inside_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
