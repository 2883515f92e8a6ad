/*
 * A page printed one <p> per cell, made a PDF whose lines were joined: a
 * row's label and its first figure in one para (其他对外管理服务事项6055,
 * 4.保护第三方合法权益0).  The para is the label and the figure; a value
 * (减少1066), a sentence and a label whose digits are its own (第二十条第
 * （一）项, 计1条）) are not split.
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
glued(void **state)
{
	static const char *const p[] = {
		"青岛市某局2020年政府信息公开工作年度报告",
		"全年新收到申请20件，办结19件。",
		"第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量",
		"对外公开总数量",
		"规章5", "6", "7",
		"规范性文件1", "2", "3",
		"第二十条第（五）项", "信息内容", "上一年项目数量", "本年增/减",
		"处理决定数量",
		"行政许可8995", "减少2248", "6737",
		"其他对外管理服务事项6055", "减少1066", "4989",
	};
	size_t i;

	(void)state;
	memset(&v, 0, sizeof(v));
	for (i = 0; i < sizeof(p) / sizeof(p[0]); i++)
		para(p[i]);
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2019"));
	assert_string_equal(val("active.rules.made"), "5");
	assert_string_equal(val("active.rules.total"), "7");
	assert_string_equal(val("active.normative.made"), "1");
	assert_string_equal(val("active.license.prev"), "8995");
	assert_string_equal(val("active.license.change"), "-2248");
	assert_string_equal(val("active.other_service.prev"), "6055");
	assert_string_equal(val("active.other_service.change"), "-1066");
	assert_string_equal(val("active.other_service.decisions"), "4989");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(glued),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
