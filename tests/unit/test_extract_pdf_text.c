/*
 * test_extract_pdf_text: characters with positions -> lines -> text
 * (pdf_text.c): lines by baseline even when the boxes overlap, a label
 * wrapped in its cell joined without a space, a character set one per line
 * (a vertical group label), fake bold kept once, gaps as spaces, a wide
 * character's box one em wide whatever the font's glyph box.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "extract/pdf/text.h"

#define EM 10.0f

/* UTF-8 string -> characters laid left to right from x on baseline y. */
static size_t
lay(struct gk_pdf_char *out, size_t n, const int *cps, size_t ncp, float x,
    float y, float adv)
{
	size_t i;

	for (i = 0; i < ncp; i++) {
		out[n].c = cps[i];
		out[n].x0 = x;
		out[n].x1 = x + adv;
		out[n].y = y;
		out[n].size = EM;
		x += adv;
		n++;
	}
	return n;
}

static char *
text_of(struct gk_pdf_char *ch, size_t n)
{
	const struct gk_pdf_char *v[64];
	struct gk_buf b;
	size_t i;
	char *s;

	for (i = 0; i < n; i++)
		v[n - 1 - i] = &ch[i];	/* any order in */
	gk_buf_init(&b, 4096);
	assert_int_equal(gk_pdf_text(&b, v, n), 0);
	s = strdup(gk_buf_str(&b));
	gk_buf_free(&b);
	return s;
}

/*
 * The gap before a character (gk_pdf_gap): 统 计 (a label spaced out with
 * one space glyph that fills the gap) has none; the same 0.5 em with no
 * glyph in it, or with the space glyph short of the next character by
 * more than ADVANCE_TOL (0.05 em), is a gap of its own (between two cells
 * of a table without rulings).  Returns the gap before 计 when the space
 * ends `short_by` em before it (< 0: no space glyph).
 */
static float
gap_after_space(float short_by)
{
	static const int tong[] = { 0x7edf }, ji[] = { 0x8ba1 }, sp[] = { ' ' };
	struct gk_pdf_char ch[3];
	const struct gk_pdf_char *v[3];
	struct gk_pdf_line *ln = NULL;
	size_t n = 0, nl, i;
	float g;

	n = lay(ch, n, tong, 1, 100, 200, EM);
	if (short_by >= 0)
		n = lay(ch, n, sp, 1, 110, 200, 5 - short_by * EM);
	n = lay(ch, n, ji, 1, 115, 200, EM);
	for (i = 0; i < n; i++)
		v[i] = &ch[i];
	assert_int_equal(gk_pdf_lines(v, n, &ln, &nl), 0);
	assert_int_equal(nl, 1);
	g = gk_pdf_gap(v, &ln[0], n - 1);
	free(ln);
	return g;
}

static void
test_spaced_label(void **state)
{
	(void)state;
	assert_true(gap_after_space(0) < 0.01f);
	assert_true(gap_after_space(0.04f) < 0.05f);
	assert_true(gap_after_space(0.06f) > 0.45f);
	assert_true(gap_after_space(-1) > 0.45f);
}

static void
test_wrapped_label(void **state)
{
	/* 申请人 / 情况 on two lines, 1.5 em apart */
	static const int l1[] = { 0x7533, 0x8bf7, 0x4eba };
	static const int l2[] = { 0x60c5, 0x51b5 };
	struct gk_pdf_char ch[8];
	size_t n = 0;
	char *s;

	(void)state;
	n = lay(ch, n, l2, 2, 100, 115, EM);
	n = lay(ch, n, l1, 3, 100, 100, EM);
	s = text_of(ch, n);
	assert_string_equal(s, "申请人情况");
	free(s);
}

static void
test_vertical_label(void **state)
{
	/* 三、本年 set one character per line */
	static const int cps[] = { 0x4e09, 0x3001, 0x672c, 0x5e74 };
	struct gk_pdf_char ch[8];
	size_t i, n = 0;
	char *s;

	(void)state;
	for (i = 0; i < 4; i++)
		n = lay(ch, n, &cps[i], 1, 100, 100 + 14 * (float)i, EM);
	s = text_of(ch, n);
	assert_string_equal(s, "三、本年");
	free(s);
}

static void
test_figures(void **state)
{
	/* "1203" drawn twice 0.5 pt apart (fake bold), then "96" after a gap */
	static const int a[] = { '1', '2', '0', '3' };
	static const int b[] = { '9', '6' };
	struct gk_pdf_char ch[16];
	size_t n = 0;
	char *s;

	(void)state;
	n = lay(ch, n, a, 4, 100, 100, EM / 2);
	n = lay(ch, n, a, 4, 100.5f, 100.2f, EM / 2);
	n = lay(ch, n, b, 2, 130, 100, EM / 2);
	s = text_of(ch, n);
	assert_string_equal(s, "1203 96");
	free(s);
}

/*
 * Glyphs narrower than the advance they were set with: the same gap after
 * each (0.35 em, a space by SPACE_EM) is tracking, no space; gaps that
 * differ by more than TRACK_TOL (0.03 em) are spaces.
 */
static size_t
spaced(struct gk_pdf_char *out, const int *cps, size_t ncp, const float *gap)
{
	size_t i;
	float x = 100;

	for (i = 0; i < ncp; i++) {
		out[i].c = cps[i];
		out[i].x0 = x;
		out[i].x1 = x + EM / 2;
		out[i].y = 100;
		out[i].size = EM;
		x += EM / 2 + (i + 1 < ncp ? gap[i] * EM : 0);
	}
	return ncp;
}

static void
test_tracking(void **state)
{
	static const int year[] = { '2', '0', '2', '0', 0x5e74 };	/* 2020年 */
	static const float same[] = { 0.35f, 0.35f, 0.35f, 0.35f };
	static const float near[] = { 0.35f, 0.37f, 0.39f, 0.41f };
	static const float apart[] = { 0.35f, 0.39f, 0.0f, 0.43f };
	struct gk_pdf_char ch[8];
	size_t n;
	char *s;

	(void)state;
	n = spaced(ch, year, 5, same);
	s = text_of(ch, n);
	assert_string_equal(s, "2020年");
	free(s);
	n = spaced(ch, year, 5, near);	/* each 0.02 em from the next */
	s = text_of(ch, n);
	assert_string_equal(s, "2020年");
	free(s);
	n = spaced(ch, year, 5, apart);	/* 0.04 em: spaces */
	s = text_of(ch, n);
	assert_string_equal(s, "2 0 20 年");
	free(s);
}

static void
test_lines_by_baseline(void **state)
{
	/* two lines 12 pt apart whose (CJK) boxes would overlap */
	static const int a[] = { 0x89c4, 0x7ae0 };
	static const int b[] = { '7' };
	const struct gk_pdf_char *v[8];
	struct gk_pdf_char ch[8];
	struct gk_pdf_line *ln;
	size_t n = 0, nl, i;

	(void)state;
	n = lay(ch, n, a, 2, 100, 112, EM);
	n = lay(ch, n, b, 1, 300, 100.8f, EM / 2);
	n = lay(ch, n, b, 1, 200, 100, EM / 2);
	for (i = 0; i < n; i++)
		v[i] = &ch[i];
	assert_int_equal(gk_pdf_lines(v, n, &ln, &nl), 0);
	assert_int_equal(nl, 2);
	assert_int_equal(ln[0].n, 2);		/* the two 7s */
	assert_true(v[ln[0].first]->x0 < v[ln[0].first + 1]->x0);
	assert_int_equal(ln[1].n, 2);
	free(ln);
}

/*
 * A CJK glyph whose box is narrower than its em (0 or half an em: a subset
 * that lost its widths) reaches WIDE_CHAR_EM, never past the next
 * character; a narrow character keeps its box, and so does a glyph the
 * next one follows at its box (ADVANCE_TOL: a font set narrow), and the
 * line's last after such a glyph.
 */
static void
test_wide_box(void **state)
{
	struct gk_pdf_char c = { 0x5546, 100, 105, 200, EM };	/* 商, 0.5 em */
	struct gk_pdf_char z = { 0x4e1a, 100, 100, 200, EM };	/* 业, 0 */
	struct gk_pdf_char d = { '7', 100, 105, 200, EM };
	int narrow = 0;

	(void)state;
	assert_float_equal(gk_pdf_glyph_x1(&c, 110, &narrow), 110, 1e-4);
	assert_int_equal(narrow, 0);
	assert_float_equal(gk_pdf_glyph_x1(&c, -1, &narrow), 110, 1e-4);
	assert_float_equal(gk_pdf_glyph_x1(&z, 130, &narrow), 110, 1e-4);
	/* 1.0 em exactly: 0.99 em of the next start stays the next start */
	assert_float_equal(gk_pdf_glyph_x1(&c, 109.9f, &narrow), 109.9f,
	    1e-4);
	assert_float_equal(gk_pdf_glyph_x1(&c, 110.1f, &narrow), 110, 1e-4);
	assert_float_equal(gk_pdf_glyph_x1(&c, 107, &narrow), 107, 1e-4);
	assert_float_equal(gk_pdf_glyph_x1(&c, 50, &narrow), 110, 1e-4);
	assert_float_equal(gk_pdf_glyph_x1(&d, 110, &narrow), 105, 1e-4);
	/* followed 0.05 em after its box: the box is the advance */
	assert_float_equal(gk_pdf_glyph_x1(&c, 105.5f, &narrow), 105, 1e-4);
	assert_int_equal(narrow, 1);
	assert_float_equal(gk_pdf_glyph_x1(&c, -1, &narrow), 105, 1e-4);
	assert_float_equal(gk_pdf_glyph_x1(&c, 105.6f, &narrow), 105.6f,
	    1e-4);
	assert_int_equal(narrow, 0);
	c.x1 = 112;		/* wider already: kept */
	assert_float_equal(gk_pdf_glyph_x1(&c, 110, &narrow), 112, 1e-4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrapped_label),
		cmocka_unit_test(test_spaced_label),
		cmocka_unit_test(test_vertical_label),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_lines_by_baseline),
		cmocka_unit_test(test_tracking),
		cmocka_unit_test(test_wide_box),
	};

	return cmocka_run_group_tests_name("extract_pdf_text", tests, NULL,
	    NULL);
}
