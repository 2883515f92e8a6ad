/*
 * A legacy 统计表 printed one <p> per cell line, a blank cell an empty para:
 * a label wrapped over two lines (a row the known form does not have,
 * 主动公开财务预 / 决算、“三公”经费信息, and a known one) is one row, the
 * rows after it are read, and a blank unit and figure stay blank.  The
 * header's cell joined with the line above the table still starts it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

#define SEC "legacy.一、主动公开情况"

static void
wrapped(void **state)
{
	static const char *const p[] = {
		"统 计 指 标", "单位", "统计数",
		"一、主动公开情况", "", "1,372",
		"主动公开规划计划、统计信息", "条", "7",
		"主动公开财务预", "决算、“三公”经费信息", "条", "",
		"（一）主动公开政府信息数（不同渠道和方式", "公开相同信息计1条）", "条", "87",
		"1.政府公报公开政府信息数", "条", "155",
		"（二）通过不同渠道和方式公开政府信息的情况", "", "",
		"2.政府网站公开政府信息数", "条", "221",
		"填报单位：某局",
	};
	size_t i;

	(void)state;
	memset(&v, 0, sizeof(v));
	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		para(p[i]);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("legacy"));
	assert_int_equal(v.nm, 7);
	assert_string_equal(val(SEC), "1372");
	assert_string_equal(val(SEC ".主动公开规划计划、统计信息"), "7");
	assert_string_equal(val(SEC ".主动公开财务预决算、“三公”经费信息"), "");
	assert_string_equal(val(SEC ".（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"), "87");
	assert_string_equal(val(SEC ".1.政府公报公开政府信息数"), "155");
	assert_string_equal(val(SEC ".（二）通过不同渠道和方式公开政府信息的情况"), "");
	assert_string_equal(val(SEC ".2.政府网站公开政府信息数"), "221");
	tx_version_free(&v);
}

/* A grid without rulings joins the line above the table with the
 * header's first cell (填报单位…填报日期：2018.1.5统 计 指 标): the table
 * is still found, and the header row is no row. */
static void
joined_header(void **state)
{
	static const char *const r[3][3] = {
		{ "（一）主动公开政府信息数", "条", "12" },
		{ "1.政府公报公开政府信息数", "条", "4" },
		{ "2.政府网站公开政府信息数", "条", "" },
	};
	int i, c;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("附件：2017年度政府信息公开工作情况统计表");
	item(1, 1, 0, 0, "填报单位（盖章）：青岛市司法局 填报日期：2018.1.5统 计 指 标");
	item(1, 1, 0, 1, "单位");
	item(1, 1, 0, 2, "统计数");
	for (i = 0; i < 3; i++)
		for (c = 0; c < 3; c++)
			item(1, 1, i + 1, c, r[i][c]);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("legacy"));
	assert_int_equal(v.nm, 3);
	assert_string_equal(val("legacy.（一）主动公开政府信息数"), "12");
	assert_string_equal(val("legacy.1.政府公报公开政府信息数"), "4");
	assert_string_equal(val("legacy.2.政府网站公开政府信息数"), "");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrapped),
		cmocka_unit_test(joined_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
