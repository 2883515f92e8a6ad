/*
 * The label forms of the schema: the normalised form labels are matched
 * in (numbering, notes, punctuation, white space, full-width and
 * look-alike characters gone), the legacy key form (as printed but for
 * white space, brackets and digits), legacy keys, and header units.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "common/schema.h"

static const char *
norm(const char *s)
{
	static char out[1024];

	gk_label_norm(s, out, sizeof(out));
	return out;
}

static void
normalised(void **state)
{
	(void)state;
	assert_string_equal(norm("（一）予以公开"), "予以公开");
	assert_string_equal(norm("(一)予以公开"), "予以公开");
	assert_string_equal(norm("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
	    "部分公开");
	assert_string_equal(norm("3.危及“三安全一稳定”"), "危及三安全一稳定");
	assert_string_equal(norm("３．危及\"三安全一稳定\""), "危及三安全一稳定");
	assert_string_equal(norm("一、本年新收政府信息公开申请数量"),
	    "本年新收政府信息公开申请数量");
	assert_string_equal(norm("三、（一）予以公开"), "予以公开");
	assert_string_equal(norm("规章\n（市政府令）"), "规章");
	assert_string_equal(norm("规章【市政府令】"), "规章");
	assert_string_equal(norm("  规 范 性 文 件\u3000\u00a0"), "规范性文件");
	assert_string_equal(norm("商业\n企业"), "商业企业");
	assert_string_equal(norm("本年增/减"), "本年增减");
	assert_string_equal(norm("统 计 指 标"), "统计指标");
	assert_string_equal(norm("1、重复申请"), "重复申请");
	/* a Kangxi radical a PDF font maps 行 to */
	assert_string_equal(norm("\u2f8f政许可"), "行政许可");
	/* a figure is not numbering */
	assert_string_equal(norm("1.5"), "15");
	assert_string_equal(norm(""), "");
}

static void
key_form(void **state)
{
	char k[512];

	(void)state;
	gk_label_key("（一）主动公开政府信息数（不同渠道和方式公开相同信息计１条）", k,
	    sizeof(k));
	assert_string_equal(k, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
	gk_label_key("\u3000\u3000其中：主动公开规范性文件数", k, sizeof(k));
	assert_string_equal(k, "其中：主动公开规范性文件数");
	gk_label_key("(一)收到申请数", k, sizeof(k));
	assert_string_equal(k, "（一）收到申请数");
	/* an ASCII colon (OCR, a producer's font) is the form's */
	gk_label_key("其中:主动公开规范性文件数", k, sizeof(k));
	assert_string_equal(k, "其中：主动公开规范性文件数");
	gk_legacy_key("二、 回应解读情况", NULL, k, sizeof(k));
	assert_string_equal(k, "legacy.二、回应解读情况");
	gk_legacy_key("四、行政复议数量", "(一)维持具体行政行为数", k, sizeof(k));
	assert_string_equal(k, "legacy.四、行政复议数量.（一）维持具体行政行为数");
	gk_legacy_key("", "统计指标外的行", k, sizeof(k));
	assert_string_equal(k, "legacy.统计指标外的行");
	/* cut to fit, whole characters */
	gk_legacy_key("四、行政复议数量", NULL, k, 12);
	assert_string_equal(k, "legacy.四");
}

static void
header_units(void **state)
{
	char u[32];

	(void)state;
	gk_header_unit("采购总金额(万元)", u, sizeof(u));
	assert_string_equal(u, "万元");
	gk_header_unit("本年收费金额（单位：万元）", u, sizeof(u));
	assert_string_equal(u, "万元");
	/* the colon as OCR reads it, or lost */
	gk_header_unit("本年收费金额(单位”万元)", u, sizeof(u));
	assert_string_equal(u, "万元");
	gk_header_unit("本年收费金额（单位.万元）", u, sizeof(u));
	assert_string_equal(u, "万元");
	gk_header_unit("本年收费金额（单位万元）", u, sizeof(u));
	assert_string_equal(u, "万元");
	gk_header_unit("申请人情况（件）", u, sizeof(u));
	assert_string_equal(u, "件");
	gk_header_unit("采购总金额", u, sizeof(u));
	assert_string_equal(u, "");
	gk_header_unit("上一年项目数量(指2019年事项数)", u, sizeof(u));
	assert_string_equal(u, "");
	gk_header_unit("（）", u, sizeof(u));
	assert_string_equal(u, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalised),
		cmocka_unit_test(key_form),
		cmocka_unit_test(header_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
