/*
 * test_extract_pdf_unmapped: is a text layer the document's text?  A PDF
 * whose fonts lost their ToUnicode maps (a PostScript print distilled
 * again, a rewriter) draws the right glyphs but MuPDF gives U+FFFD or
 * private-use characters for them: such a layer is read by OCR.  The
 * counts skip white space; the verdict waits for TEXT_SAMPLE (400)
 * characters and allows UNMAPPED_SHARE (0.25) of them unmapped.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extract/pdf/pdf.h"

static void
counts(void **state)
{
	static const int text[] = {
		0x9752, 0x5c9b, ' ', 0x3000, 0xfffd, 0xe001, 0xf0010, 0x9f,
		'4', 0x2f8f,
	};
	struct gk_pdf_char ch[sizeof(text) / sizeof(text[0])];
	struct gk_pdf_page pg;
	size_t chars = 0, bad = 0, i;

	(void)state;
	memset(&pg, 0, sizeof(pg));
	memset(ch, 0, sizeof(ch));
	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		ch[i].c = text[i];
	pg.ch = ch;
	pg.nch = sizeof(text) / sizeof(text[0]);
	gk_pdf_page_count(&pg, &chars, &bad);
	assert_int_equal(chars, 8);	/* the two spaces left out */
	assert_int_equal(bad, 4);	/* FFFD, two private use, a C1 control */
	gk_pdf_page_count(&pg, &chars, &bad);	/* adds */
	assert_int_equal(chars, 16);
	assert_int_equal(bad, 8);
}

static void
verdict(void **state)
{
	(void)state;
	/* TEXT_SAMPLE: not known under 400 characters until the end */
	assert_int_equal(gk_pdf_text_verdict(390, 0, 0), -1);
	assert_int_equal(gk_pdf_text_verdict(410, 0, 0), 1);
	assert_int_equal(gk_pdf_text_verdict(390, 0, 1), 1);
	assert_int_equal(gk_pdf_text_verdict(390, 390, 1), 0);
	/* no text at all: a scan */
	assert_int_equal(gk_pdf_text_verdict(0, 0, 1), 0);
	/* UNMAPPED_SHARE: a few symbol-font bullets pass, a rewrite not */
	assert_int_equal(gk_pdf_text_verdict(1000, 240, 0), 1);
	assert_int_equal(gk_pdf_text_verdict(1000, 260, 0), 0);
	assert_int_equal(gk_pdf_text_verdict(1000, 1000, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts),
		cmocka_unit_test(verdict),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
