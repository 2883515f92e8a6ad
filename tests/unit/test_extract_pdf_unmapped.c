/*
 * test_extract_pdf_unmapped: is a text layer the document's text?  A PDF
 * whose fonts lost their ToUnicode maps (a PostScript print distilled
 * again, a rewriter) draws the right glyphs but MuPDF gives U+FFFD,
 * private-use or control characters for them; one whose maps are wrong
 * gives Latin letters and punctuation set as wide as the ideographs they
 * are, or hardly an ideograph at all: such a layer is read by OCR.  The
 * counts skip white space; the verdict waits for TEXT_SAMPLE (400)
 * characters and allows UNMAPPED_SHARE (0.25) of them unmapped,
 * WIDE_GLYPH_SHARE (0.05) narrow characters over WIDE_GLYPH_EM (0.9 em)
 * wide, and no less than HAN_SHARE (0.10) ideographs among the characters
 * other than ASCII.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extract/pdf/pdf.h"

/* A page of the characters text[], each w[i] em wide at 10 pt. */
static void
page(struct gk_pdf_page *pg, struct gk_pdf_char *ch, const int *text,
    const float *w, size_t n)
{
	size_t i;
	float x = 0;

	memset(pg, 0, sizeof(*pg));
	memset(ch, 0, n * sizeof(*ch));
	for (i = 0; i < n; i++) {
		ch[i].c = text[i];
		ch[i].size = 10;
		ch[i].x0 = x;
		ch[i].x1 = x + 10 * (w != NULL ? w[i] : 0.5f);
		ch[i].y = 100;
		x = ch[i].x1;
	}
	pg->ch = ch;
	pg->nch = n;
}

static void
counts(void **state)
{
	static const int text[] = {
		0x9752, 0x5c9b, ' ', 0x3000, 0xfffd, 0xe001, 0xf0010, 0x9f,
		'4', 0x2f8f, 0x01, '\t', '\n', 0x1f,
	};
	enum { N = sizeof(text) / sizeof(text[0]) };
	struct gk_pdf_char ch[N];
	struct gk_pdf_page pg;
	struct gk_pdf_text_count tc;

	(void)state;
	memset(&tc, 0, sizeof(tc));
	page(&pg, ch, text, NULL, N);
	gk_pdf_page_count(&pg, &tc);
	assert_int_equal(tc.chars, 10);	/* spaces, tab, newline left out */
	/* FFFD, two private use, a C1 control, two C0 controls */
	assert_int_equal(tc.unmapped, 6);
	assert_int_equal(tc.han, 2);	/* 青岛, not the Kangxi radical */
	assert_int_equal(tc.ascii, 1);	/* 4 */
	assert_int_equal(tc.wide, 0);
	gk_pdf_page_count(&pg, &tc);	/* adds */
	assert_int_equal(tc.chars, 20);
	assert_int_equal(tc.unmapped, 12);
	assert_int_equal(tc.han, 4);
}

/* WIDE_GLYPH_EM: ASCII but digits and Latin letters set over 0.9 em;
 * ideographs, full-width forms, × and ÷ are wide in every CJK font, and
 * digits may be set one em wide (a CID font without widths). */
static void
wide(void **state)
{
	static const int text[] = {
		'}', 'A', 0xe1, '%', '@', 0x516c, 0xff08, 0xd7, 0xf7, '7',
	};
	static const float w[] = {
		1.0f, 0.92f, 1.0f, 0.88f, 0.6f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f,
	};
	enum { N = sizeof(text) / sizeof(text[0]) };
	struct gk_pdf_char ch[N];
	struct gk_pdf_page pg;
	struct gk_pdf_text_count tc;

	(void)state;
	memset(&tc, 0, sizeof(tc));
	page(&pg, ch, text, w, N);
	gk_pdf_page_count(&pg, &tc);
	assert_int_equal(tc.chars, N);
	assert_int_equal(tc.wide, 3);	/* } A á; not % at 0.88 em, not 7 */
	assert_int_equal(tc.han, 1);
}

static int
verdict(size_t chars, size_t unmapped, size_t wide, size_t ascii, size_t han,
    int all, const char *want)
{
	struct gk_pdf_text_count tc;
	const char *why = "?";
	size_t n = 99;
	int v;

	tc.chars = chars;
	tc.unmapped = unmapped;
	tc.wide = wide;
	tc.ascii = ascii;
	tc.han = han;
	v = gk_pdf_text_verdict(&tc, all, &why, &n);
	if (v == 0) {
		assert_non_null(why);
		assert_string_equal(why, want);
	} else {
		assert_null(why);
		assert_int_equal(n, 0);
	}
	return v;
}

static void
verdicts(void **state)
{
	(void)state;
	/* TEXT_SAMPLE: not known under 400 characters until the end */
	assert_int_equal(verdict(390, 0, 0, 0, 300, 0, NULL), -1);
	assert_int_equal(verdict(410, 0, 0, 0, 300, 0, NULL), 1);
	assert_int_equal(verdict(390, 0, 0, 0, 300, 1, NULL), 1);
	assert_int_equal(verdict(390, 390, 0, 0, 0, 1, "unmapped"), 0);
	/* no text at all: a scan */
	assert_int_equal(verdict(0, 0, 0, 0, 0, 1, "none"), 0);
	/* UNMAPPED_SHARE: a few symbol-font bullets pass, a rewrite not */
	assert_int_equal(verdict(1000, 240, 0, 0, 700, 0, NULL), 1);
	assert_int_equal(verdict(1000, 260, 0, 0, 700, 0, "unmapped"), 0);
	assert_int_equal(verdict(1000, 1000, 0, 0, 0, 0, "unmapped"), 0);
	/* WIDE_GLYPH_SHARE: a few wide % @ pass, shifted maps not */
	assert_int_equal(verdict(1000, 0, 40, 100, 700, 0, NULL), 1);
	assert_int_equal(verdict(1000, 0, 60, 100, 700, 0, "wide"), 0);
	/* HAN_SHARE of the characters but ASCII: Latin-1 letters for glyphs */
	assert_int_equal(verdict(1000, 0, 0, 0, 110, 0, NULL), 1);
	assert_int_equal(verdict(1000, 0, 0, 0, 90, 0, "han"), 0);
	assert_int_equal(verdict(1000, 0, 0, 500, 55, 0, NULL), 1);
	assert_int_equal(verdict(1000, 0, 0, 500, 45, 0, "han"), 0);
	/* ASCII text (a Latin report) is no sign */
	assert_int_equal(verdict(1000, 0, 0, 1000, 0, 0, NULL), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts),
		cmocka_unit_test(wide),
		cmocka_unit_test(verdicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
