/*
 * Table 三 with the optional 法人或其他组织小计 column and no header to
 * place it (a grid without rulings mangles the header's lines): the
 * column is where a figure adds up its group's (the five kinds of
 * 法人或其他组织) in rows whose 总计 adds up the rest, after 其他 or after
 * 自然人.  Rows whose organisations hold only zeros decide nothing: with
 * no other row, an 8th figure leaves the row out, never read by place.
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
row(int r, const char *label, const char *const *f)
{
	int c;

	item(1, 1, r, 0, label);
	for (c = 0; c < 8; c++)
		item(1, 1, r, 1 + c, f[c]);
}

static const char *const zeros[8] = { "0", "0", "0", "0", "0", "0", "0", "0" };

static void
after_other(void **state)
{
	static const char *const r0[8] = { "415", "29", "4", "4", "7", "12",
	    "56", "471" };
	static const char *const r1[8] = { "22", "0", "0", "0", "0", "1", "1",
	    "23" };

	(void)state;
	memset(&v, 0, sizeof(v));
	item(1, 1, 0, 0, "自然申请人情况人");	/* the header, mangled */
	row(1, "一、本年新收政府信息公开申请数量", r0);
	row(2, "二、上年结转政府信息公开申请数量", r1);
	row(3, "（六）其他处理", zeros);	/* gov2019's: the form is known */
	tx_read(&v);
	assert_string_equal(val("requests.new.person"), "415");
	assert_string_equal(val("requests.new.business"), "29");
	assert_string_equal(val("requests.new.other_org"), "12");
	assert_string_equal(val("requests.new.total"), "471");
	assert_string_equal(val("requests.carried_in.other_org"), "1");
	assert_string_equal(val("requests.carried_in.total"), "23");
	assert_string_equal(val("requests.other.total"), "0");
	tx_version_free(&v);
}

static void
after_person(void **state)
{
	static const char *const r0[8] = { "415", "56", "29", "4", "4", "7",
	    "12", "471" };
	static const char *const r1[8] = { "22", "1", "0", "0", "0", "0", "1",
	    "23" };

	(void)state;
	memset(&v, 0, sizeof(v));
	row(0, "一、本年新收政府信息公开申请数量", r0);
	row(1, "二、上年结转政府信息公开申请数量", r1);
	row(2, "（六）其他处理", zeros);
	tx_read(&v);
	assert_string_equal(val("requests.new.person"), "415");
	assert_string_equal(val("requests.new.business"), "29");
	assert_string_equal(val("requests.new.other_org"), "12");
	assert_string_equal(val("requests.carried_in.other_org"), "1");
	assert_string_equal(val("requests.new.total"), "471");
	tx_version_free(&v);
}

static void
undecided(void **state)
{
	static const char *const r0[8] = { "5", "0", "0", "0", "0", "0", "0",
	    "5" };

	(void)state;
	memset(&v, 0, sizeof(v));
	row(0, "一、本年新收政府信息公开申请数量", r0);
	row(1, "二、上年结转政府信息公开申请数量", r0);
	row(2, "（六）其他处理", zeros);
	tx_read(&v);
	assert_string_equal(val("requests.new.person"), "(missing)");
	assert_string_equal(val("requests.new.total"), "(missing)");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(after_other),
		cmocka_unit_test(after_person),
		cmocka_unit_test(undecided),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
