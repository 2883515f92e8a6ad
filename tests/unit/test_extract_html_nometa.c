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

#include "test_extract.h"

extern const struct gk_format gk_format_html;

static const char cells[] =
    "1\t0\t0\t2\t2\t申请情况\n"
    "1\t0\t2\t1\t2\t法人\n"
    "1\t1\t2\t1\t1\t商业 企业\n"
    "1\t1\t3\t1\t1\t总计\n"
    "1\t2\t0\t1\t1\t新收\n"
    "1\t2\t1\t1\t1\t\n"
    "1\t2\t2\t1\t1\t1,203\n"
    "1\t2\t3\t1\t1\t7\n"
    "1\t3\t0\t1\t4\t填报人：张喆\n";

static void
test_gbk_without_meta(void **state)
{
	char *data, *out, *c, *p;
	size_t len = 0;

	(void)state;
	data = read_fixture("tests/unit/test_extract_html_nometa.html", &len);
	assert_non_null(data);
	out = run_format(&gk_format_html, "html", data, len);
	assert_non_null(out);
	c = fields(out, "cell", 3);
	p = fields(out, "para", 3);
	assert_string_equal(c, cells);
	assert_non_null(strstr(p, "年度报告\n"));
	assert_non_null(strstr(p, "报告完。\n"));
	assert_null(strstr(out, "\xef\xbf\xbd"));	/* no U+FFFD */
	assert_null(strstr(out, "\xef\xbb\xbf"));	/* no BOM */
	free(c);
	free(p);
	free(out);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gbk_without_meta),
	};

	return cmocka_run_group_tests_name("extract_html_nometa", tests, NULL, NULL);
}
