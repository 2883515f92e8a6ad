/*
 * A report printed to PDF (Chromium, from the site's page): the title
 * wraps over two lines (…工作年度报 / 告), and the page's 索引号 table,
 * borderless, breaks its labels in their narrow column (发布机 / 构：,
 * 发文字 / 号：).  The two title lines are one title, and the first line
 * of a broken label is not a name line (the agency).
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
wrapped_title(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市城市管理局2021年政府信息公开工作年度报");
	para("告");
	para("索引号：主题分类：政务公开");
	para("名 发布时间：2022-03-23");
	para("称：青岛市城市管理局2021年政府信息公开工作年度报告发文字号：");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "青岛市城市管理局");
	assert_string_equal(v.t_year, "2021");
	tx_version_free(&v);
}

static void
broken_meta_label(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市退役军人事务局2020年政府信息公开工作年");
	para("度报告");
	para("发布机");
	para("青岛市退役军人事务局");
	para("索引号：");
	para("构：");
	para("名");
	para("青岛市退役军人事务局2020年政府信息公开工作年度报告");
	para("发文字");
	para("称：");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "青岛市退役军人事务局");
	assert_string_equal(v.t_year, "2020");
	tx_version_free(&v);
}

/* a line with a year followed by a line of text is not a wrapped title */
static void
not_wrapped(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("莱西市教育体育局");
	para("2020年政府信息公开工作年度报告");
	para("一、总体情况");
	para("2020年，本局认真贯彻落实《条例》，全年主动公开政府信息。");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "莱西市教育体育局");
	assert_string_equal(v.t_year, "2020");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrapped_title),
		cmocka_unit_test(broken_meta_label),
		cmocka_unit_test(not_wrapped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
