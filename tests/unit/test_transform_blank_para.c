/*
 * An empty para (gk-extract keeps a <p> that holds only white space) stands
 * for a blank cell where a row of a table printed one <p> per cell expects
 * figures: value empty, flag blank, raw empty.  Elsewhere (between rows,
 * after a row's figures, at the top of the page) it is nothing.  The same
 * for table 四's first figure and for the legacy 统计表's 单位 and 统计数.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

static const struct tx_metric *
get(const char *key)
{
	const struct tx_metric *m = tx_version_get(&v, key);

	assert_non_null(m);
	return m;
}

static void
gov_rows(void **state)
{
	static const char *const fig[7] = { "", "1", "", "0", "", "", "1" };
	int i;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("");				/* not the agency line's neighbour */
	para("青岛市城阳区人民政府");
	para("");
	para("2020年政府信息公开工作年度报告");
	para("第二十条第(一)项");
	para("信息内容");
	para("本年新制作数量");
	para("本年新公开数量");
	para("对外公开总数量");
	para("规章");
	para("");
	para("");
	para("3");
	para("");				/* after the row: nothing */
	para("本年新收政府信息公开申请数量");
	for (i = 0; i < 7; i++)
		para(fig[i]);
	para("行政复议");
	para("结果维持");
	para("总计");
	for (i = 0; i < 15; i++)
		para(i == 0 || i == 9 ? "" : "0");
	tx_meta(&v);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2019"));
	assert_string_equal(v.t_agency, "青岛市城阳区人民政府");
	assert_string_equal(get("active.rules.made")->value, "");
	assert_int_equal(get("active.rules.made")->flags, TXF_BLANK);
	assert_string_equal(get("active.rules.made")->raw, "");
	assert_int_equal(get("active.rules.published")->flags, TXF_BLANK);
	assert_string_equal(get("active.rules.total")->value, "3");
	assert_int_equal(get("requests.new.person")->flags, TXF_BLANK);
	assert_string_equal(get("requests.new.business")->value, "1");
	assert_string_equal(get("requests.new.total")->value, "1");
	assert_int_equal(get("requests.new.total")->flags, 0);
	assert_int_equal(get("appeals.review.upheld")->flags, TXF_BLANK);
	assert_string_equal(get("appeals.review.corrected")->value, "0");
	assert_int_equal(get("appeals.suit_direct.total")->flags, TXF_BLANK);
	assert_string_equal(get("appeals.suit_after.total")->value, "0");
	tx_version_free(&v);
}

static void
short_row_left_out(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("2020年政府信息公开工作年度报告");
	para("第二十条第(一)项");
	para("本年新制作数量");
	para("规章");
	para("");
	para("3");
	para("规范性文件");		/* the figure run of 规章 is 2 long */
	para("1");
	para("2");
	para("3");
	tx_read(&v);
	assert_null(tx_version_get(&v, "active.rules.made"));
	assert_string_equal(get("active.normative.total")->value, "3");
	tx_version_free(&v);
}

static void
legacy_blanks(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("2018年政府信息公开工作年度报告");
	para("统 计 指 标");
	para("单位");
	para("统计数");
	para("一、主动公开情况");
	para("");				/* blank 单位 */
	para("1372");
	para("（一）回应公众关注热点或重大舆情数");
	para("次");
	para("");				/* blank 统计数 */
	para("（二）通过不同渠道和方式回应解读的情况");
	para("");
	para("");
	para("1.参加或举办新闻发布会总次数");
	para("次");
	para("3");
	para("");
	para("填报单位：青岛市某局");
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("legacy"));
	assert_int_equal(v.nm, 4);
	assert_string_equal(get("legacy.一、主动公开情况")->value, "1372");
	assert_string_equal(get("legacy.一、主动公开情况")->unit, "");
	assert_int_equal(get("legacy.一、主动公开情况.（一）回应公众关注热点或重大舆情数")->flags, TXF_BLANK);
	assert_string_equal(get("legacy.一、主动公开情况.（一）回应公众关注热点或重大舆情数")->unit, "次");
	assert_int_equal(get("legacy.一、主动公开情况.（二）通过不同渠道和方式回应解读的情况")->flags, TXF_BLANK);
	assert_string_equal(get("legacy.一、主动公开情况.1.参加或举办新闻发布会总次数")->value, "3");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gov_rows),
		cmocka_unit_test(short_row_left_out),
		cmocka_unit_test(legacy_blanks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
