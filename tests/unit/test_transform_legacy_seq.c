/*
 * A legacy 统计表 with a 序号 column left of 统计指标 (Anhui's copies): the
 * serial is not the label and not a figure, from cells (a leading serial
 * cell is skipped) and from one para per cell (the next row's serial, the
 * last one plus 1 before a label, is not the row's figure).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

static const char *const rows[3][4] = {
	{ "1", "一、主动公开情况", "条", "41" },
	{ "2", "（一）主动公开政府信息数", "条", "3" },
	{ "3", "（二）主动公开规范性文件数", "件", "" },
};

static void
check(void)
{
	assert_ptr_equal(v.form, gk_form("legacy"));
	assert_int_equal(v.nm, 3);
	assert_string_equal(val("legacy.一、主动公开情况"), "41");
	assert_string_equal(val("legacy.一、主动公开情况.（一）主动公开政府信息数"), "3");
	assert_string_equal(val("legacy.一、主动公开情况.（二）主动公开规范性文件数"), "");
	assert_null(tx_version_get(&v, "legacy.1"));
}

static void
cells(void **state)
{
	static const char *const head[4] = { "序号", "统计指标", "单位", "统计数" };
	int r, c;

	(void)state;
	memset(&v, 0, sizeof(v));
	for (c = 0; c < 4; c++)
		item(1, 1, 0, c, head[c]);
	for (r = 0; r < 3; r++)
		for (c = 0; c < 4; c++)
			item(1, 1, r + 1, c, rows[r][c]);
	tx_read(&v);
	check();
	tx_version_free(&v);
}

static void
paras(void **state)
{
	int r, c;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("序号");
	para("统 计 指 标");
	para("单位");
	para("统计数");
	for (r = 0; r < 3; r++)
		for (c = 0; c < 4; c++)
			if (rows[r][c][0] != '\0')	/* a dropped blank */
				para(rows[r][c]);
	para("填报单位：某局");
	tx_read(&v);
	check();
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells),
		cmocka_unit_test(paras),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
