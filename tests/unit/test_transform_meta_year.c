/*
 * The report's year and agency from its text: a year in the body inside
 * （）, () or 《》 (《条例》（2019年4月3日国务院令第711号修订）) is not the
 * report's; a title with the year in Chinese numerals (二〇二二年度) or in
 * full-width digits (２０２２年) gives the year and the agency before it;
 * the year of the statistics is the body's 统计期限自2020年1月1日…至2020年
 * 12月31日 (title_mismatch holds the title to it), none when the two ends
 * disagree or the sentence is not there.
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
bracket_year_skipped(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("即墨区龙山街道办事处");
	para("政府信息公开工作年度报告");
	para("一、总体情况");
	para("根据《中华人民共和国政府信息公开条例》（2019年4月3日国务院令第711号"
	    "修订）和《2019年政务公开工作要点》要求，现公布本机关2022年度报告。");
	tx_meta(&v);
	assert_string_equal(v.t_year, "2022");
	assert_string_equal(v.t_agency, "即墨区龙山街道办事处");
	tx_version_free(&v);
}

static void
cn_year_title(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市医疗保障局二〇二二年度政府信息公开工作年度报告");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_year, "2022");
	assert_string_equal(v.t_agency, "青岛市医疗保障局");
	tx_version_free(&v);
}

static void
fw_year_title(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("宁国市商务局２０２２年政府信息公开工作年度报告");
	para("一、总体情况");
	tx_meta(&v);
	assert_string_equal(v.t_year, "2022");
	assert_string_equal(v.t_agency, "宁国市商务局");
	tx_version_free(&v);
}

static void
statistics_year(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("青岛市民政局2021年政府信息公开工作年度报告");
	para("本报告中所列数据的统计期限自２０２０年1月1日起至２０２０年12月31日止。");
	tx_meta(&v);
	assert_string_equal(v.t_year, "2021");
	assert_string_equal(v.t_body_year, "2020");
	tx_version_free(&v);

	memset(&v, 0, sizeof(v));
	para("2019年1月1日至2020年12月31日的数据。");
	tx_meta(&v);
	assert_null(v.t_body_year);
	tx_version_free(&v);

	memset(&v, 0, sizeof(v));
	para("截至2020年12月31日，共有5件。");
	tx_meta(&v);
	assert_null(v.t_body_year);
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bracket_year_skipped),
		cmocka_unit_test(cn_year_title),
		cmocka_unit_test(fw_year_title),
		cmocka_unit_test(statistics_year),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
