/*
 * A GBK page with no charset anywhere (no BOM, no <meta>): the bytes are not
 * valid UTF-8, so the page is read as GB18030, not as ISO-8859-1 mojibake.
 * Fixture: tests/unit/test_extract_html_nometa.html (made with python3 from one
 * table with a 2x2 rowspan+colspan header, a <br> in a cell, a blank cell).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract_html.h"

static void
test_gbk_without_meta(void **state)
{
	(void)state;
	check_html_fixture("tests/unit/test_extract_html_nometa.html");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gbk_without_meta),
	};

	return cmocka_run_group_tests_name("extract_html_nometa", tests, NULL, NULL);
}
