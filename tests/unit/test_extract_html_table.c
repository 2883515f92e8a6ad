/*
 * HTML tables come out as cells on the grid: rowspan and colspan resolved
 * to ROW/COL (an occupancy grid), rows under thead/tbody and directly under
 * table, a ragged short row, a rowspan past the last row clamped, blank
 * cells (&nbsp;, U+3000) kept empty.  A table whose cell holds a table is
 * page layout and is read as text; script, style and navigation are
 * skipped; <br> splits paragraphs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

extern const struct gk_format gk_format_html;

static const char page[] =
    "<html><head><title>年度报告</title>"
    "<script>var x = \"<p>脚本</p>\";</script><style>p { }</style></head>"
    "<body><div class=\"nav\"><a href=\"/\">首页</a></div>"
    "<table><tr><td><p>第一行<br>第二行</p>"
    "<table>"
    "<thead><tr><th rowspan=\"2\">项目</th><th colspan=\"2\">数量</th></tr>"
    "</thead><tbody><tr><td>甲</td><td>乙</td></tr>"
    "<tr><td rowspan=\"3\">合计</td><td>&nbsp;</td><td>\xe3\x80\x80</td></tr>"
    "<tr><td>5</td></tr></tbody>"
    "<tr><td rowspan=\"9\">9</td><td> 1 0 </td></tr>"
    "</table></td><td>侧栏</td></tr></table>"
    "<p>尾</p></body></html>";

static const char cells[] =
    "1\t0\t0\t2\t1\t项目\n"
    "1\t0\t1\t1\t2\t数量\n"
    "1\t1\t1\t1\t1\t甲\n"
    "1\t1\t2\t1\t1\t乙\n"
    "1\t2\t0\t3\t1\t合计\n"
    "1\t2\t1\t1\t1\t\n"
    "1\t2\t2\t1\t1\t\n"
    "1\t3\t1\t1\t1\t5\n"
    "1\t4\t1\t1\t1\t9\n"
    "1\t4\t2\t1\t1\t1 0\n";

static const char paras[] =
    "年度报告\n"
    "第一行\n"
    "第二行\n"
    "侧栏\n"
    "尾\n";

static void
test_grid(void **state)
{
	char *out, *c, *p;

	(void)state;
	out = run_format(&gk_format_html, "html", page, sizeof(page) - 1);
	assert_non_null(out);
	c = fields(out, "cell", 3);
	p = fields(out, "para", 3);
	assert_string_equal(c, cells);
	assert_string_equal(p, paras);
	/* The cells come after 第二行 and before 侧栏 in reading order. */
	assert_true(strstr(out, "第二行") < strstr(out, "项目"));
	assert_true(strstr(out, "1 0") < strstr(out, "侧栏"));
	free(c);
	free(p);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grid),
	};

	return cmocka_run_group_tests_name("extract_html_table", tests, NULL,
	    NULL);
}
