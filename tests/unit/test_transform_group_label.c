/*
 * A layout that lost table 三's merged group cells prints the group's label
 * in front of its first row's label, in one cell: （三）不予公开1.属于国家秘密,
 * 三、本年度办理结果（一）予以公开.  The row is its own label's; the next
 * rows of the group are read as usual.  (The single 其他处理 row says
 * the form is gov2019's.)
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
	for (c = 0; c < 7; c++)
		item(1, 1, r, 1 + c, c == 0 ? first : "0");
}

static void
group_in_label(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	row(0, "三、本年度办理结果（一）予以公开", "11");
	row(1, "（三）不予公开1.属于国家秘密", "2");
	row(2, "2.其他法律行政法规禁止公开", "3");
	row(3, "（六）其他处理", "0");	/* gov2019's: the form is known */
	tx_read(&v);
	assert_true(v.structured);
	assert_string_equal(val("requests.granted.person"), "11");
	assert_string_equal(val("requests.denied.state_secret.person"), "2");
	assert_string_equal(val("requests.denied.prohibited.person"), "3");
	assert_string_equal(val("requests.denied.state_secret.total"), "0");
	tx_version_free(&v);
}

/* A PDF grid of a table without rulings leaves an empty column between
 * the group's label and the row's: the row is still its label's. */
static void
blank_cell_inside_label(void **state)
{
	int c;

	(void)state;
	memset(&v, 0, sizeof(v));
	item(1, 1, 0, 0, "三、本年度办理结");
	item(1, 1, 0, 1, "");
	item(1, 1, 0, 2, "（一）予以公开");
	for (c = 0; c < 7; c++)
		item(1, 1, 0, 3 + c, c == 0 ? "11" : "0");
	row(1, "（六）其他处理", "0");
	tx_read(&v);
	assert_true(v.structured);
	assert_string_equal(val("requests.granted.person"), "11");
	assert_string_equal(val("requests.granted.total"), "0");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(group_in_label),
		cmocka_unit_test(blank_cell_inside_label),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
