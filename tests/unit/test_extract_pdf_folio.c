/*
 * test_extract_pdf_folio: a lone number in the bottom margin.  On a page of
 * one paragraph per cell the figures follow one another at the page's
 * line pitch, and the last figure of the page sits in the margin where a
 * page number would: it is a figure.  A bare number set apart from the
 * text by more than FOLIO_PITCH (2.5, thresholds.h) times the pitch is
 * the page's number and is dropped; a decorated one (- 4 -) always is.  A
 * figure with a sign (-2248: a change) is no decorated number.
 *
 * The pitch also shows a blank cell's empty paragraph: a gap of m pitches
 * (within BLANK_PITCH_TOL, 0.2) between two cells' lines holds m - 1 blank
 * paragraphs, the pitch measured over BLANK_MIN_GAPS (4) gaps at least.
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


#define PITCH	27.0f

/*
 * A page of figures 1, 2, 3 one per line from y 700 at PITCH, then the
 * number s at `gap` below the last; returns the records.
 */
static char *
tail(float gap, const int *s)
{
	static const int n1[] = { '1', 0 }, n2[] = { '2', 0 },
	    n3[] = { '3', 0 };
	struct gk_pdf_page pg;
	char *out;

	page(&pg);
	put(&pg, 290, 700, n1);
	put(&pg, 290, 700 + PITCH, n2);
	put(&pg, 290, 700 + 2 * PITCH, n3);
	/* 781 + gap: below 842 * (1 - MARGIN_BOTTOM) = 741 */
	put(&pg, 290, 700 + 2 * PITCH + gap, s);
	out = layout(&pg, 1);
	gk_pdf_page_free(&pg);
	return out;
}

static void
figure_at_pitch(void **state)
{
	static const int n7[] = { '7', 0 };
	char *out;

	(void)state;
	out = tail(PITCH, n7);	/* ratio 1: the next figure */
	assert_non_null(strstr(out, "\t7\t"));
	free(out);
	/* just inside: a blank cell or two before it */
	out = tail(PITCH * 2.45f, n7);
	assert_non_null(strstr(out, "\t7\t"));
	free(out);
}

static void
signed_figure(void **state)
{
	static const int neg[] = { '-', '2', '2', '4', '8', 0 };
	static const int fwneg[] = { 0xff0d, '3', 0 };
	char *out;

	(void)state;
	out = tail(PITCH, neg);		/* a change of -2248 at the pitch */
	assert_non_null(strstr(out, "\t-2248\t"));
	free(out);
	out = tail(PITCH, fwneg);
	assert_non_null(strstr(out, "\t－3\t"));
	free(out);
	out = tail(PITCH * 2.55f, neg);	/* set apart: as a bare number */
	assert_null(strstr(out, "-2248"));
	free(out);
}

static void
number_apart(void **state)
{
	static const int n7[] = { '7', 0 };
	static const int dashed[] = { '-', ' ', '7', ' ', '-', 0 };
	char *out;

	(void)state;
	/* just outside: the page's number */
	out = tail(PITCH * 2.55f, n7);
	assert_non_null(strstr(out, "\t3\t"));
	assert_null(strstr(out, "\t7\t"));
	free(out);
	/* decorated: a page number at any gap */
	out = tail(PITCH, dashed);
	assert_non_null(strstr(out, "\t3\t"));
	assert_null(strstr(out, "- 7 -"));
	free(out);
}

/*
 * A line of running text to the margin, then the first ncells of the
 * cells 1 2 3 4 5 at PITCH from y 200, then 6 at `gap` pitches below 5 and 7 one pitch below it;
 * the texts of the para records joined with '|'.
 */
static char *
cells_space(float gap, int ncells, int space)
{
	static const int prose[] = { 0x672c, 0x62a5, 0x544a, 0x6839, 0x636e,
	    0x6761, 0x4f8b, 0x8981, 0x6c42, 0x7f16, 0x5236, 0x3002, 0x672c,
	    0x62a5, 0x544a, 0x4e2d, 0x6240, 0x5217, 0x6570, 0x636e, 0 };
	static int num[10][2];
	struct gk_pdf_page pg;
	char *out, *seq, *p, *q, *t;
	float y = 200;
	size_t n = 0;
	int i;

	page(&pg);
	put(&pg, 60, 170, prose);
	for (i = 0; i < 7; i++) {
		num[i][0] = '1' + i;
		num[i][1] = 0;
	}
	for (i = 0; i < ncells; i++, y += PITCH)
		put(&pg, 150, y, num[i]);
	if (space != 0) {
		/* the blank cell's own line: its white space drawn */
		int sp[2] = { space, 0 };

		put(&pg, 150, y, sp);
	}
	y += PITCH * (gap - 1);
	put(&pg, 150, y, num[5]);
	put(&pg, 150, y + PITCH, num[6]);
	out = layout(&pg, 1);
	gk_pdf_page_free(&pg);
	seq = calloc(strlen(out) + 1, 1);
	assert_non_null(seq);
	for (p = out; (q = strstr(p, "para\t")) != NULL; p = q + 1) {
		/* para DOC N TEXT PAGE: the fourth field */
		t = strchr(strchr(q + 5, '\t') + 1, '\t') + 1;
		if (n > 0)
			seq[n++] = '|';
		while (*t != '\t')
			seq[n++] = *t++;
	}
	free(out);
	return seq;
}

static char *
cells(float gap, int ncells)
{
	return cells_space(gap, ncells, 0);
}

/*
 * A producer that draws the white space of an empty paragraph (&nbsp;, an
 * ideographic space) gives the blank cell a line of its own with nothing
 * but white space: that line is no text between the two cells, and the
 * gap still shows the blank.
 */
static void
blank_space(void **state)
{
	char *s;

	(void)state;
	s = cells_space(2.0f, 5, 0xa0);
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5||6|7");
	free(s);
	s = cells_space(2.0f, 5, 0x3000);
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5||6|7");
	free(s);
	s = cells_space(3.0f, 5, ' ');
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5|||6|7");
	free(s);
}

static void
blank_cell(void **state)
{
	char *s;

	(void)state;
	s = cells(2.0f, 5);
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5||6|7");
	free(s);
	s = cells(3.0f, 5);		/* two blank cells */
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5|||6|7");
	free(s);
	s = cells(2.19f, 5);		/* just inside BLANK_PITCH_TOL */
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5||6|7");
	free(s);
	s = cells(2.21f, 5);		/* just outside */
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5|6|7");
	free(s);
	s = cells(1.5f, 5);
	assert_string_equal(strchr(s, '|') + 1, "1|2|3|4|5|6|7");
	free(s);
	/* 4 gaps measure the pitch (1 2 3, gap, 6 7); 3 do not */
	s = cells(2.0f, 3);
	assert_string_equal(strchr(s, '|') + 1, "1|2|3||6|7");
	free(s);
	s = cells(2.0f, 2);
	assert_string_equal(strchr(s, '|') + 1, "1|2|6|7");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(figure_at_pitch),
		cmocka_unit_test(number_apart),
		cmocka_unit_test(signed_figure),
		cmocka_unit_test(blank_cell),
		cmocka_unit_test(blank_space),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
