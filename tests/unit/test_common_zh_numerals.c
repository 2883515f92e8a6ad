/*
 * Chinese numerals as the reports write them: section numbers with units
 * (十一, 二十三), years digit by digit (二〇二一), 两, 零 inside a number,
 * and every digit form; units words with and without brackets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/zh.h"

static void
num(long (*f)(const char *, size_t *), const char *s, long v, size_t len)
{
	size_t n = 99;

	assert_int_equal(f(s, &n), v);
	if (v >= 0)
		assert_int_equal(n, len);
}

static void
test_cnum(void **state)
{
	(void)state;
	num(zh_cnum, "一", 1, 3);
	num(zh_cnum, "十", 10, 3);
	num(zh_cnum, "十一、", 11, 6);
	num(zh_cnum, "二十", 20, 6);
	num(zh_cnum, "二十三", 23, 9);
	num(zh_cnum, "一百零五", 105, 12);
	num(zh_cnum, "两千", 2000, 6);
	num(zh_cnum, "二〇二一年", 2021, 12);
	num(zh_cnum, "二零一八", 2018, 12);
	num(zh_cnum, "年", -1, 0);
	num(zh_cnum, "", -1, 0);
	num(zh_cnum, "一二三四五六七八九一二三四", -1, 0);	/* too long */
}

static void
test_number(void **state)
{
	(void)state;
	num(zh_number, "2021年", 2021, 4);
	num(zh_number, "２０２１年", 2021, 12);
	num(zh_number, "二〇二一", 2021, 12);
	num(zh_number, "x1", -1, 0);
	num(zh_number, "1234567890123456789", -1, 0);	/* 19 digits */
	assert_int_equal(zh_digit('7'), 7);
	assert_int_equal(zh_digit(0xff17), 7);
	assert_int_equal(zh_digit(0x4e03), 7);		/* 七 */
	assert_int_equal(zh_digit(0x3007), 0);		/* 〇 */
	assert_int_equal(zh_digit('a'), -1);
}

static void
test_units(void **state)
{
	(void)state;
	assert_true(zh_is_unit("件"));
	assert_true(zh_is_unit(" 条 "));
	assert_true(zh_is_unit("万元"));
	assert_true(zh_is_unit("人次"));
	assert_true(zh_is_unit("（件）"));
	assert_true(zh_is_unit("(件)"));
	assert_false(zh_is_unit("其他"));
	assert_false(zh_is_unit("（件"));
	assert_false(zh_is_unit(""));
	assert_false(zh_is_unit("12件"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cnum),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_units),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
