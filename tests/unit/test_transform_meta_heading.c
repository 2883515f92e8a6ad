/*
 * The agency is the one the report's own title names; the page's lines
 * around it are not: the 来源 field's value printed on lines of its own
 * below the title (来源 / : / name), the site's name above a title in a
 * table cell (a TRS page: 市南政务网), a sentence of the text that names
 * 本报告 and a year.  With no heading, a title further on (the 附件 line)
 * names it, else the page's 来源 is the fallback.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

static void
source_below(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("市民营经济局2020年政府信息公开工作年度报告");
	para("青岛政务网");
	para("发布日期");
	para(":");
	para("2021-01-28");
	para("来源");
	para(":");
	para("青岛市民营经济发展局");
	para("本报告根据《中华人民共和国政府信息公开条例》要求编制。");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "市民营经济局");
	assert_string_equal(v.t_year, "2020");
	tx_version_free(&v);
}

static void
title_in_cell(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("市南政务网");
	para("您当前的位置：首页 > 信息公开 > 年度工作报告");
	item(1, 1, 0, 0, "青岛市市南区人民政府2020年政府信息公开工作年度报告");
	item(1, 1, 1, 0, "发布时间：2021-01-29 10:30 来源：青岛市市南区人民政府办公室");
	para("本报告根据《中华人民共和国政府信息公开条例》要求编制。");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "青岛市市南区人民政府");
	assert_string_equal(v.t_title, "青岛市市南区人民政府2020年政府信息公开工作年度报告");
	tx_version_free(&v);
}

static void
sentence_no_title(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛政务网 发布日期 : 2021-01-19 来源 : 宁国市商务局");
	para("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。");
	para("一、总体情况");
	para("2020年，宁国市商务局认真贯彻落实《条例》。");
	para("word版下载: 宁国市商务局 2020 年政府信息公开工作年度报告");
	tx_meta(&v);
	assert_null(v.t_title);
	assert_string_equal(v.t_agency, "宁国市商务局");
	assert_string_equal(v.t_year, "2020");
	tx_version_free(&v);
}

static void
source_fallback(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("2020年政府信息公开工作年度报告");
	para("发布日期：2021-01-19　来源：宁国市商务局");
	para("一、总体情况");
	tx_meta(&v);
	assert_null(v.t_agency);
	assert_string_equal(v.t_page_agency, "宁国市商务局");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(source_below),
		cmocka_unit_test(title_in_cell),
		cmocka_unit_test(sentence_no_title),
		cmocka_unit_test(source_fallback),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
