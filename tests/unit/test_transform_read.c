/*
 * Reading a document's content: the same table from cells and from one
 * para per cell; a label over two lines or two cells, an annotation on its
 * own line, the unit in the column header; a para row whose blank cells
 * vanished is left out (never filled by position); a 统计表 keyed by its
 * printed labels; metadata from the top of the text.
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
paras_gov2019(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市人民政府2020年政府信息公开工作年度报告");
	para("青岛政务网 发布日期 : 2021-03-09 来源 : 青岛市政府办公厅");
	para("一、总体情况");
	para("全年新收申请5146件。");
	para("第二十条第(一)项");
	para("信息内容");
	para("本年新制作数量");
	para("规章");
	para("(市政府令)");
	para("7");
	para("7");
	para("156");
	para("第二十条第(九)项");
	para("采购项目数量");
	para("采购总金额(万元)");
	para("政府集中采购");
	para("39,062");
	para("2890863");
	para("2.其他法律行政法");	/* a label over two lines */
	para("规禁止公开");
	for (int i = 0; i < 7; i++)
		para(i == 6 ? "10" : i == 0 ? "10" : "0");
	para("3.危及“三安全一稳定”");	/* two blank cells vanished */
	para("3");
	para("0");
	para("0");
	para("0");
	para("3");
	para("行政复议");
	para("结果维持");
	para("总计");
	for (int i = 0; i < 15; i++)
		para(i == 0 ? "138" : "0");
	tx_meta(&v);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2019"));
	assert_false(v.structured);
	assert_string_equal(val("active.rules.total"), "156");
	assert_string_equal(val("active.procurement.items"), "39062");
	assert_string_equal(val("active.procurement.amount"), "2890863");
	assert_string_equal(unit("active.procurement.amount"), "万元");
	assert_string_equal(unit("active.procurement.items"), "");
	assert_string_equal(val("requests.denied.prohibited.total"), "10");
	assert_string_equal(val("requests.denied.security.person"),
	    "(missing)");
	assert_string_equal(val("appeals.review.upheld"), "138");
	assert_string_equal(val("appeals.suit_after.total"), "0");
	assert_string_equal(v.t_agency, "青岛市人民政府");
	assert_string_equal(v.t_year, "2020");
	assert_string_equal(v.t_published, "2021-03-09");
	tx_version_free(&v);
}

static void
cells_gov2021(void **state)
{
	static const char *const vals[7] = { "", "0", "0", "0", "0", "0", "" };
	int c;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛高新技术产业开发区管理委员会");
	para("青岛高新区2021年度政府信息公开年度报告");
	item(1, 1, 0, 0, "信息内容");
	item(1, 1, 0, 1, "本年制发件数");
	item(1, 1, 1, 0, "行政规范性文件");
	item(1, 1, 1, 1, "１");
	item(1, 1, 1, 2, "0");
	item(1, 1, 1, 3, "5");
	item(1, 1, 2, 0, "信息内容");
	item(1, 1, 2, 1, "本年收费金额（单位：万元）");
	item(1, 1, 3, 0, "行政事业性收费");
	item(1, 1, 3, 1, "2.02");
	/* table 三: a group label cell, then the row label in two cells */
	item(1, 2, 0, 0, "（六）其他处理");
	item(1, 2, 0, 1, "1.申请人无正当理由逾期不补正、行政机关不再");
	item(1, 2, 0, 2, "处理其政府信息公开申请");
	for (c = 0; c < 7; c++)
		item(1, 2, 0, 3 + c, vals[c]);
	tx_meta(&v);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2021"));
	assert_true(v.structured);
	assert_string_equal(val("active.normative.issued"), "1");
	assert_string_equal(val("active.normative.in_force"), "5");
	assert_string_equal(val("active.fee.amount"), "2.02");
	assert_string_equal(unit("active.fee.amount"), "万元");
	assert_string_equal(val("requests.other.no_correction.person"), "");
	assert_int_equal(tx_version_get(&v,
	    "requests.other.no_correction.person")->flags, TXF_BLANK);
	assert_string_equal(val("requests.other.no_correction.business"), "0");
	assert_string_equal(v.t_agency, "青岛高新技术产业开发区管理委员会");
	assert_string_equal(v.t_year, "2021");
	tx_version_free(&v);
}

static void
legacy_paras(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("市民营经济局");
	para("政府信息公开工作年度报告");
	para("2018年，我局认真落实《条例》，现将工作情况报告如下：");
	para("统 计 指 标");
	para("单位");
	para("统计数");
	para("一、主动公开情况");
	para("４１");
	para("（一）主动公开政府信息数");
	para("（不同渠道和方式公开相同信息计１条）");
	para("条");
	para("\u3000\u3000其中：主动公开规范性文件数");
	para("件");
	para("3");
	para("(二)通过不同渠道和方式公开政府信息的情况");
	para("九、依申请公开信息收取的费用");
	para("万元");
	para("0");
	para("青岛市某局");
	para("2019年1月16日");
	tx_meta(&v);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("legacy"));
	assert_string_equal(val("legacy.一、主动公开情况"), "41");
	assert_string_equal(val("legacy.一、主动公开情况.（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"), "");
	assert_string_equal(unit("legacy.一、主动公开情况.（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）"), "条");
	assert_string_equal(val("legacy.一、主动公开情况.其中：主动公开规范性文件数"), "3");
	assert_string_equal(val("legacy.一、主动公开情况.（二）通过不同渠道和方式公开政府信息的情况"), "");
	assert_string_equal(unit("legacy.九、依申请公开信息收取的费用"), "万元");
	assert_int_equal(v.nm, 5);	/* the signature is not a row */
	assert_string_equal(v.t_agency, "市民营经济局");
	assert_string_equal(v.t_year, "2018");
	tx_version_free(&v);
}

static void
no_template(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("关于开展政务公开培训的通知");
	para("各单位：2021年全市政务公开培训定于5月举行。");
	tx_read(&v);
	assert_null(v.form);
	assert_int_equal(v.nm, 0);
	assert_non_null(strstr(v.missing, "统计指标"));
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paras_gov2019),
		cmocka_unit_test(cells_gov2021),
		cmocka_unit_test(legacy_paras),
		cmocka_unit_test(no_template),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
