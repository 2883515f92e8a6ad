/*
 * A label of a <p> page broken inside its bracketed note, 部分公开（区分处理
 * 的，只计这一情形，不 / 计其他情形）: the first line already matches (the
 * open note is dropped), and the lines up to the closing bracket belong to
 * the label, not to the figures.
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
note_over_two_lines(void **state)
{
	static const char *const fig[7] = { "9", "0", "", "0", "0", "0", "9" };
	int i;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("2024年政府信息公开工作年度报告");
	para("（二）部分公开（区分处理的，只计这一情形，不");
	para("计其他情形）");
	for (i = 0; i < 7; i++)
		para(fig[i]);
	para("（三）不予公开");
	para("（六）其他处理");	/* gov2019's single row: the form is known */
	for (i = 0; i < 7; i++)
		para("0");
	tx_read(&v);
	assert_string_equal(val("requests.partial.person"), "9");
	assert_string_equal(val("requests.partial.research"), "");
	assert_string_equal(val("requests.partial.total"), "9");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(note_over_two_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
