/*
 * The site's name in its header, between the page's <title> and the same
 * title repeated as heading (青岛市李沧区人民政府 / 政务公开), is not the
 * report's agency: the title's prefix is.  A name line right above a
 * title without an agency still is the agency.
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
site_header(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市李沧区卫生健康局2020年政府信息公开工作年度报告");
	para("青岛市李沧区人民政府");
	para("政务公开");
	para("青岛市李沧区卫生健康局2020年政府信息公开工作年度报告");
	para("青岛政务网 发布日期 : 2021-01-20 来源 : 青岛市李沧区卫生健康局");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "青岛市李沧区卫生健康局");
	assert_string_equal(v.t_year, "2020");
	tx_version_free(&v);
}

static void
name_line_kept(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("莱西市教育体育局");
	para("2020年政府信息公开工作年度报告");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_agency, "莱西市教育体育局");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(site_header),
		cmocka_unit_test(name_line_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
