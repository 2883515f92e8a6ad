/*
 * Table 二 read from cells by its column headers, as a PDF grid without
 * rulings gives it: a header over two grid columns (本年新公开数量) holds
 * the row's figure in either, the other cell blank; the header's unit
 * wrapped under it into the first row's cells ((件)7) is the unit of the
 * column; a header cell joined with the one left of it (信息内容
 * 本年收费金额（单位：万元）) still gives the money column its unit.
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
span(int n)
{
	v.items[v.nitems - 1].span = n;
}

static void
unruled(void **state)
{
	static const char *const rules[5] = { "规章", "（件）7", "", "（件）7",
	    "（件）156" };
	static const char *const norm[5] = { "规范性文件", "176（件）", "",
	    "176", "719" };
	int c;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市某局2020年政府信息公开工作年度报告");
	item(1, 1, 0, 0, "信息内容");
	item(1, 1, 0, 1, "本年新制作数量");
	item(1, 1, 0, 2, "本年新公开数量");
	span(2);
	item(1, 1, 0, 4, "对外公开总数量");
	for (c = 0; c < 5; c++)
		item(1, 1, 1, c, rules[c]);
	for (c = 0; c < 5; c++)
		item(1, 1, 2, c, norm[c]);
	item(1, 2, 0, 0, "信息内容 上一年项目数量（项）");
	span(2);
	item(1, 2, 0, 2, "本年增/减");
	item(1, 2, 0, 3, "处理决定数量（件）");
	item(1, 2, 1, 0, "行政许可");
	item(1, 2, 1, 1, "392");
	item(1, 2, 1, 2, "13");
	item(1, 2, 1, 3, "1828233");
	item(1, 3, 0, 0, "信息内容 采购项目数量");
	span(2);
	item(1, 3, 0, 2, "采购总金额");
	item(1, 3, 1, 2, "（万元）");
	item(1, 3, 2, 0, "政府集中采购");
	item(1, 3, 2, 1, "39");
	item(1, 3, 2, 2, "2890.5");
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2019"));
	assert_string_equal(val("active.rules.made"), "7");
	assert_string_equal(val("active.rules.published"), "7");
	assert_string_equal(val("active.rules.total"), "156");
	assert_string_equal(val("active.normative.made"), "176");
	assert_string_equal(val("active.normative.published"), "176");
	assert_string_equal(val("active.normative.total"), "719");
	assert_string_equal(unit("active.rules.published"), "件");
	assert_string_equal(unit("active.normative.total"), "件");
	assert_string_equal(val("active.license.prev"), "392");
	assert_string_equal(unit("active.license.prev"), "项");
	assert_string_equal(val("active.license.change"), "13");
	assert_string_equal(unit("active.license.decisions"), "件");
	assert_string_equal(val("active.procurement.items"), "39");
	assert_string_equal(val("active.procurement.amount"), "2890.5");
	assert_string_equal(unit("active.procurement.amount"), "万元");
	tx_version_free(&v);
}

static void
merged_money_header(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市某局2022年政府信息公开工作年度报告");
	item(1, 1, 0, 0, "信息内容 本年收费金额（单位：万元）");
	span(2);
	item(1, 1, 1, 0, "行政事业性收费");
	item(1, 1, 1, 1, "96,171.6");
	item(1, 2, 0, 0, "信息内容");
	item(1, 2, 0, 1, "本年制发件数");
	item(1, 2, 0, 2, "本年废止件数");
	item(1, 2, 0, 3, "现行有效件数");
	item(1, 2, 1, 0, "规章");
	item(1, 2, 1, 1, "0");
	item(1, 2, 1, 2, "0");
	item(1, 2, 1, 3, "38");
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2021"));
	assert_string_equal(val("active.fee.amount"), "96171.6");
	assert_string_equal(unit("active.fee.amount"), "万元");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unruled),
		cmocka_unit_test(merged_money_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
