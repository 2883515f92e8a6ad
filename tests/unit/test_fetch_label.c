/* Site labels found in page text in either letter case, with or without
 * white space between their characters. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "fetch/label.h"

static void
test_find(void **state)
{
	const char *t, *e;

	(void)state;
	t = "青岛政务网 发布日期 : 2025-03-07";
	assert_ptr_equal(label_find(t, "发布日期", &e), strstr(t, "发布日期"));
	assert_string_equal(e, " : 2025-03-07");
	assert_non_null(label_find("Word版下载:报告", "word版下载", NULL));
	assert_non_null(label_find("WORD版下载", "word版下载", NULL));
	assert_non_null(label_find("PDF 版 下载：", "pdf版下载", NULL));
	/* U+3000 and NBSP are white space too */
	t = "发\xe3\x80\x80布\xc2\xa0日期：2021-01-29";
	assert_ptr_equal(label_find(t, "发布日期", &e), t);
	assert_string_equal(e, "：2021-01-29");
	/* white space in the label matches none in the text */
	assert_non_null(label_find("下一页", "下 一页", NULL));
	assert_null(label_find("发布时间", "发布日期", NULL));
	assert_null(label_find("发布日", "发布日期", NULL));
	assert_null(label_find("x", "", NULL));
	assert_null(label_find("x", "  ", NULL));
	assert_null(label_find("", "来源", NULL));
	/* never in the middle of a character: 亚 (E4 BA 9A) holds no 来 */
	assert_null(label_find("\xe4\xba\x9a", "\x9a", NULL));
}

static void
test_any(void **state)
{
	char *labels[] = { "年度报告", "年报" };

	(void)state;
	assert_int_equal(label_any(labels, 2, "部门政府信息公开年报"), 1);
	assert_int_equal(label_any(labels, 2, "市政府信息公开工作年度 报告"), 1);
	assert_int_equal(label_any(labels, 2, "通知公告"), 0);
	assert_int_equal(label_any(labels, 0, "年报"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_any),
	};

	return cmocka_run_group_tests_name("fetch_label", tests, NULL, NULL);
}
