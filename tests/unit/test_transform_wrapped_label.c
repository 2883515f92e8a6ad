/*
 * A table without rulings printed to PDF: a row label wrapped over two
 * lines comes out as two rows of the grid, one of them the label's line
 * alone with no figures, before the figures' row (（二）部分公开（区分处理
 * 的，只计这一 / 情形，不计其他情形） 5 …) or after it (4.保护第 … /
 * 三方合法权益).  The alignment joins the line to its row; a numbered row
 * with no figures (（三）不予公开) is no line of the next.
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
row(int r, const char *label, const char *first)
{
	int c;

	item(1, 1, r, 0, label);
	for (c = 0; first != NULL && c < 7; c++)
		item(1, 1, r, 1 + c, c == 0 ? first : "0");
}

static void
wrapped(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	row(0, "三、本年度办理结果", NULL);
	row(1, "（一）予以公开", "11");
	row(2, "（二）部分公开（区分处理的，只计这一", NULL);
	row(3, "情形，不计其他情形）", "5");
	row(4, "（三）不予公开", NULL);
	row(5, "1.属于国家秘密", "2");
	row(6, "2.其他法律行政法规禁止公开", "3");
	row(7, "3.危及“三安全一稳定”", "4");
	row(8, "4.保护第", "6");
	row(9, "三方合法权益", NULL);
	row(10, "5.属于三类内部事务信息", "7");
	row(11, "（六）其他处理", "0");	/* gov2019's: the form is known */
	tx_read(&v);
	assert_true(v.structured);
	assert_string_equal(val("requests.granted.person"), "11");
	assert_string_equal(val("requests.partial.person"), "5");
	assert_string_equal(val("requests.partial.total"), "0");
	assert_string_equal(val("requests.denied.state_secret.person"), "2");
	assert_string_equal(val("requests.denied.security.person"), "4");
	assert_string_equal(val("requests.denied.third_party.person"), "6");
	assert_string_equal(val("requests.denied.internal.person"), "7");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wrapped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
