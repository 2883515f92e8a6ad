/*
 * gk-load refuses a record whose fields are not well formed (issue 16):
 * years like abc, -5 or 23 digits, empty or odd report ids, values that
 * are not plain numbers, traces that are not counts.  Each test is a
 * field the checks must refuse or take.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "load/stage.h"

static void
test_years(void **state)
{
	(void)state;
	assert_null(stage_bad_year("2020"));
	assert_null(stage_bad_year(""));	/* not known: allowed */
	assert_null(stage_bad_year("1990"));
	assert_null(stage_bad_year("2100"));
	assert_non_null(stage_bad_year("abc"));
	assert_non_null(stage_bad_year("-5"));
	assert_non_null(stage_bad_year("12345678901234567890123"));
	assert_non_null(stage_bad_year("20 20"));
	assert_non_null(stage_bad_year("２０２０"));
	assert_non_null(stage_bad_year("1989"));
	assert_non_null(stage_bad_year("2101"));
	assert_non_null(stage_bad_year("0020"));
}

static void
test_ids(void **state)
{
	(void)state;
	assert_null(stage_bad_id("0e252554ad65cb5c"));
	assert_null(stage_bad_id("syn005-3"));
	assert_non_null(stage_bad_id(""));
	assert_non_null(stage_bad_id("a b"));
	assert_non_null(stage_bad_id("a/b"));
	assert_non_null(stage_bad_id("报告"));
	assert_non_null(stage_bad_id(
	    "0123456789012345678901234567890123456789012345678901234567890123X"));
}

static void
test_values(void **state)
{
	(void)state;
	assert_null(stage_bad_value(""));
	assert_null(stage_bad_value("0"));
	assert_null(stage_bad_value("-2248"));
	assert_null(stage_bad_value("100.492880"));
	assert_null(stage_bad_value("123456789012345"));
	assert_non_null(stage_bad_value("1,234"));
	assert_non_null(stage_bad_value("1e5"));
	assert_non_null(stage_bad_value("-"));
	assert_non_null(stage_bad_value("1."));
	assert_non_null(stage_bad_value(".5"));
	assert_non_null(stage_bad_value("1.2.3"));
	assert_non_null(stage_bad_value("abc"));
	assert_non_null(stage_bad_value("1234567890123456"));
	assert_non_null(stage_bad_value("nan"));
}

static void
test_counts(void **state)
{
	(void)state;
	assert_null(stage_bad_count(""));
	assert_null(stage_bad_count("7"));
	assert_null(stage_bad_count("123456789"));
	assert_non_null(stage_bad_count("-1"));
	assert_non_null(stage_bad_count("1234567890"));
	assert_non_null(stage_bad_count("x"));
}

static void
test_names(void **state)
{
	char long_name[600];

	(void)state;
	memset(long_name, 'a', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_null(stage_bad_name("requests.new.total"));
	assert_null(stage_bad_name("legacy.三、依申请公开情况.（一）收到申请数"));
	assert_non_null(stage_bad_name(""));
	assert_non_null(stage_bad_name("a\001b"));
	assert_non_null(stage_bad_name(long_name));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
