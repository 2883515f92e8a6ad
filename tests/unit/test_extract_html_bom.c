/*
 * A UTF-8 page with a byte order mark whose <meta http-equiv> wrongly says
 * gb2312: the BOM wins, the text is read as UTF-8 and the BOM itself does
 * not show up in the first paragraph.
 * Fixture: tests/unit/test_extract_html_bom.html (made with python3 from one
 * table with a 2x2 rowspan+colspan header, a <br> in a cell, a blank cell).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract_html.h"

static void
test_utf8_bom_wins(void **state)
{
	(void)state;
	check_html_fixture("tests/unit/test_extract_html_bom.html");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_bom_wins),
	};

	return cmocka_run_group_tests_name("extract_html_bom", tests, NULL, NULL);
}
