/*
 * TYPE comes from the bytes, not the name: each corpus format is sniffed from
 * its file, and a PDF renamed .doc is still a pdf.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "common/sniff.h"

static const char *
sniff_file(const char *path)
{
	static char type[16];
	struct gk_buf b;

	gk_buf_init(&b, 64u << 20);
	assert_int_equal(gk_buf_read_file(&b, path), 0);
	snprintf(type, sizeof(type), "%s",
	    gk_sniff((const unsigned char *)b.p, b.len));
	gk_buf_free(&b);
	return type;
}

static void
test_corpus(void **state)
{
	(void)state;
	assert_string_equal(sniff_file("tests/corpus/docs/000_0e252554ad65cb5c.html"), "html");
	assert_string_equal(sniff_file("tests/corpus/docs/000_0e252554ad65cb5c.docx"), "docx");
	assert_string_equal(sniff_file("tests/corpus/docs/000_0e252554ad65cb5c.doc"), "doc");
	assert_string_equal(sniff_file("tests/corpus/docs/000_0e252554ad65cb5c.pdf"), "pdf");
	assert_string_equal(sniff_file("tests/realworld/docs/form2021.docx"), "docx");
	assert_string_equal(sniff_file("tests/realworld/docs/huaian2024.pdf"), "pdf");
	/* WPS Writer's .wps is a Word 97 file (a WpsCustomData stream more);
	 * WPS Spreadsheets' .et an Excel 97 one */
	assert_string_equal(sniff_file("tests/sheets/docs/001_967186fe634bba4e.wps"), "doc");
	assert_string_equal(sniff_file("tests/sheets/docs/001_967186fe634bba4e_lo.et"), "xls");
	assert_string_equal(sniff_file("tests/sheets/docs/001_967186fe634bba4e_lo.xls"), "xls");
	assert_string_equal(sniff_file("tests/sheets/docs/001_967186fe634bba4e_py.xls"), "xls");
	assert_string_equal(sniff_file("tests/sheets/docs/001_967186fe634bba4e_py.xlsx"), "xlsx");
	/* an OLE2 file holding WpsCustomData and no Word text */
	assert_string_equal(sniff_file("tests/site/www/zwgk/qxgk/ndbg/202203/P02022030200021.wps"), "wps");
}

static void
test_bytes(void **state)
{
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', 13, 10, 26, 10 };
	static const char bom_html[] = "\xEF\xBB\xBF  <!DOCTYPE html><html>";

	(void)state;
	assert_string_equal(gk_sniff(png, sizeof(png)), "other");
	assert_string_equal(gk_sniff((const unsigned char *)bom_html,
	    strlen(bom_html)), "html");
	assert_string_equal(gk_sniff((const unsigned char *)"", 0), "other");
	assert_string_equal(gk_sniff((const unsigned char *)"PK\3\4xl/workbook.xml",
	    20), "xlsx");
	assert_string_equal(gk_sniff((const unsigned char *)"hello <html>", 12),
	    "other");
	assert_string_equal(gk_sniff((const unsigned char *)"PK\3\4OFD.xml",
	    11), "ofd");
	/* an OLE2 header alone: no directory to walk, no names */
	assert_string_equal(gk_sniff((const unsigned char *)
	    "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "other");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
		cmocka_unit_test(test_bytes),
	};

	return cmocka_run_group_tests_name("common_sniff_magic", tests, NULL, NULL);
}
