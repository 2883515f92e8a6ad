/*
 * A spreadsheet figure prints as its cell shows it: 5146 stored as a double
 * is "5146", not "5146.0"; decimals, thousands, percent, literal units,
 * sections, Excel's rounding (2.675 -> 2.68), dates in both date systems
 * (Excel's 1900-02-29 included) and times.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "extract/numfmt.h"

static const char *
fmt(double v, const char *code)
{
	static char b[128];

	gk_numfmt(b, sizeof(b), v, code, 0);
	return b;
}

static void
test_numbers(void **state)
{
	(void)state;
	assert_string_equal(fmt(5146.0, NULL), "5146");
	assert_string_equal(fmt(5146.0, "General"), "5146");
	assert_string_equal(fmt(100.49288, "General"), "100.49288");
	assert_string_equal(fmt(0.1 + 0.2, "General"), "0.3");
	assert_string_equal(fmt(-0.0, "General"), "0");
	assert_string_equal(fmt(10991825, "0"), "10991825");
	assert_string_equal(fmt(2.675, "0.00"), "2.68");
	assert_string_equal(fmt(-2.675, "0.00"), "-2.68");
	assert_string_equal(fmt(0.5, "0"), "1");
	assert_string_equal(fmt(0.4, "0"), "0");
	assert_string_equal(fmt(999.996, "0.00"), "1000.00");
	assert_string_equal(fmt(1234, "#,##0"), "1,234");
	assert_string_equal(fmt(1234567.891, "#,##0.00"), "1,234,567.89");
	assert_string_equal(fmt(12, "#,##0"), "12");
	assert_string_equal(fmt(0.125, "0.0%"), "12.5%");
	assert_string_equal(fmt(0.5, "#.##"), ".5");
	assert_string_equal(fmt(7, "000"), "007");
	assert_string_equal(fmt(100.49288, "0.000000"), "100.492880");
	assert_string_equal(fmt(9, "0\"件\""), "9件");
	assert_string_equal(fmt(3, "0万元"), "3万元");
	assert_string_equal(fmt(-5, "#,##0;(#,##0)"), "(5)");
	assert_string_equal(fmt(0, "#,##0;-#,##0;\"-\""), "-");
	assert_string_equal(fmt(0, "0;-0;;@"), "");
	assert_string_equal(fmt(5, "[Red]0.0"), "5.0");
	assert_string_equal(fmt(1234, "[$-804]#,##0_ "), "1,234 ");
	assert_string_equal(fmt(12345, "0.00E+00"), "1.23E+04");
	assert_string_equal(fmt(1500, "0,"), "2");
	assert_string_equal(fmt(0.5, "# ?/?"), "0.5");
	assert_string_equal(gk_numfmt_builtin(3), "#,##0");
	assert_null(gk_numfmt_builtin(200));
}

static void
test_dates(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(fmt(44264, "yyyy-mm-dd"), "2021-03-09");
	assert_string_equal(fmt(44264, "yyyy\"年\"m\"月\"d\"日\""), "2021年3月9日");
	assert_string_equal(fmt(44264, "yyyy年m月d日"), "2021年3月9日");
	assert_string_equal(fmt(44264, gk_numfmt_builtin(14)), "2021/3/9");
	assert_string_equal(fmt(44264, gk_numfmt_builtin(31)), "2021年3月9日");
	assert_string_equal(fmt(1, "yyyy-mm-dd"), "1900-01-01");
	assert_string_equal(fmt(59, "yyyy-mm-dd"), "1900-02-28");
	assert_string_equal(fmt(60, "yyyy-mm-dd"), "1900-02-29");
	assert_string_equal(fmt(61, "yyyy-mm-dd"), "1900-03-01");
	assert_string_equal(fmt(44264.5625, "yyyy/m/d hh:mm"), "2021/3/9 13:30");
	assert_string_equal(fmt(0.5625, "h:mm AM/PM"), "1:30 PM");
	assert_string_equal(fmt(0.75, "h:mm:ss"), "18:00:00");
	assert_string_equal(fmt(44264, "d-mmm-yy"), "9-Mar-21");
	assert_string_equal(fmt(-1, "yyyy-mm-dd"), "-1");
	gk_numfmt(b, sizeof(b), 42802, "yyyy-mm-dd", 1);	/* 1904 */
	assert_string_equal(b, "2021-03-09");
	gk_numfmt(b, 4, 123456, NULL, 0);			/* cut to fit */
	assert_string_equal(b, "123");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests_name("extract_numfmt_print", tests,
	    NULL, NULL);
}
