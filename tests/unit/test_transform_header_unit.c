/*
 * A unit in the header of a count column (处理决定数量（件）, 本年制发件数
 * (件)) or of table 三 (申请人情况（件）) is the unit of the figures under
 * it (SCHEMA.md: the unit in the cell, else in the column header), blank
 * ones included; a unit in the cell wins; the header of the next section
 * (the same word without a unit) ends it.  From cells and from one para
 * per cell, a header broken over two lines joined.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

static const char *
unit(const char *key)
{
	struct tx_metric *m = tx_version_get(&v, key);

	return m == NULL ? "(missing)" : m->unit;
}

static void
cells_gov2019(void **state)
{
	static const char *const head[4] = { "信息内容", "上一年项目数量（项）",
	    "本年增/减", "处理决定数量(件)" };
	static const char *const lic[4] = { "行政许可", "3", "-1", "" };
	static const char *const pen[4] = { "行政处罚", "5", "0", "7" };
	static const char *const req[9] = { "本年新收政府信息公开申请数量",
	    "4", "9件", "", "0", "0", "0", "13" };
	int c;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("2020年政府信息公开工作年度报告");
	for (c = 0; c < 4; c++)
		item(1, 1, 0, c, head[c]);
	for (c = 0; c < 4; c++)
		item(1, 1, 1, c, lic[c]);
	/* the next section's header prints no unit */
	item(1, 1, 2, 0, "信息内容");
	item(1, 1, 2, 1, "上一年项目数量");
	item(1, 1, 2, 2, "本年增/减");
	item(1, 1, 2, 3, "处理决定数量");
	for (c = 0; c < 4; c++)
		item(1, 1, 3, c, pen[c]);
	item(1, 2, 0, 0, "申请人情况（件）");
	for (c = 0; c < 8; c++)
		item(1, 2, 1, c, req[c]);
	tx_read(&v);
	assert_true(v.structured);
	assert_string_equal(val("active.license.prev"), "3");
	assert_string_equal(unit("active.license.prev"), "项");
	assert_string_equal(unit("active.license.change"), "");
	assert_string_equal(val("active.license.decisions"), "");
	assert_string_equal(unit("active.license.decisions"), "件");
	assert_string_equal(unit("active.penalty.prev"), "");
	assert_string_equal(unit("active.penalty.decisions"), "");
	assert_string_equal(unit("requests.new.person"), "件");
	assert_string_equal(val("requests.new.business"), "9");
	assert_string_equal(unit("requests.new.research"), "件");
	assert_string_equal(unit("requests.new.total"), "件");
	tx_version_free(&v);
}

static void
paras_gov2021(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("2022年政府信息公开工作年度报告");
	para("第二十条第（一）项");
	para("信息内容");
	para("本年制");			/* a header over two lines */
	para("发件数（件）");
	para("本年废止件数");
	para("现行有效件数(单位:件)");
	para("规章");
	para("2");
	para("0");
	para("12");
	para("第二十条第（五）项");
	para("信息内容");
	para("本年处理决定数量（件）");
	para("行政许可");
	para("");			/* blank */
	tx_read(&v);
	assert_false(v.structured);
	assert_string_equal(val("active.rules.issued"), "2");
	assert_string_equal(unit("active.rules.issued"), "件");
	assert_string_equal(unit("active.rules.repealed"), "");
	assert_string_equal(unit("active.rules.in_force"), "件");
	assert_string_equal(val("active.license.decisions"), "");
	assert_int_equal(tx_version_get(&v, "active.license.decisions")->flags,
	    TXF_BLANK);
	assert_string_equal(unit("active.license.decisions"), "件");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_gov2019),
		cmocka_unit_test(paras_gov2021),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
