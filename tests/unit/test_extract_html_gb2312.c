/*
 * A page labelled gb2312 (<meta charset="gb2312">) whose bytes are GBK with a
 * character GB2312 lacks (喆, 0x86 0xB4) in the last cell.  libxml2 left to
 * itself stops at that byte and drops the rest of the page; gk-extract
 * reads gb2312 as GB18030, so the cell and the paragraph after the table
 * come out whole.
 * Fixture: tests/unit/test_extract_html_gb2312.html (made with python3 from one
 * table with a 2x2 rowspan+colspan header, a <br> in a cell, a blank cell).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract_html.h"

static void
test_gbk_only_char(void **state)
{
	(void)state;
	check_html_fixture("tests/unit/test_extract_html_gb2312.html");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gbk_only_char),
	};

	return cmocka_run_group_tests_name("extract_html_gb2312", tests, NULL, NULL);
}
