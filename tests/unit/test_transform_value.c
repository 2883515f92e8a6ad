/*
 * Cells as printed -> value, unit, flags (SCHEMA.md "Values"): never a
 * guess, never 0 for a blank.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "transform/tx.h"

static void
expect(const char *text, int amount, const char *value, const char *unit,
    const char *raw, const char *flags)
{
	struct tx_value v;
	char f[64];

	tx_value_parse(text, amount, &v);
	tx_flags_str(v.flags, f, sizeof(f));
	assert_string_equal(v.value, value);
	assert_string_equal(v.unit, unit);
	assert_string_equal(v.raw, raw);
	assert_string_equal(f, flags);
}

static void
numbers(void **state)
{
	(void)state;
	expect("6", 0, "6", "", "6", "");
	expect("\u00a06", 0, "6", "", "6", "");		/* NBSP before */
	expect(" 0  ", 0, "0", "", "0", "");
	expect("１２", 0, "12", "", "１２", "");	/* full-width digits */
	expect("1,234", 0, "1234", "", "1,234", "");
	expect("10,991,825", 0, "10991825", "", "10,991,825", "");
	expect("１，２３４", 0, "1234", "", "１，２３４", "");
	expect("100.492880", 0, "100.492880", "", "100.492880", "");
	expect("-8", 0, "-8", "", "-8", "");
	expect("+1036", 0, "1036", "", "+1036", "");
}

static void
changes(void **state)
{
	(void)state;
	expect("减少2248", 0, "-2248", "", "减少2248", "");
	expect("增加3", 0, "3", "", "增加3", "");
	expect("减少 1,066", 0, "-1066", "", "减少 1,066", "");
}

static void
units(void **state)
{
	(void)state;
	expect("9（件）", 0, "9", "件", "9（件）", "");
	expect("9(件)", 0, "9", "件", "9(件)", "");
	expect("3万元", 1, "3", "万元", "3万元", "");
	expect("2840万元", 1, "2840", "万元", "2840万元", "");
	expect("100.492880万元", 1, "100.492880", "万元", "100.492880万元", "");
	/* 元 becomes 万元 only in an amount column, and says so */
	expect("251000元", 1, "25.1", "万元", "251000元", "unit_converted");
	expect("2736740元", 1, "273.674", "万元", "2736740元", "unit_converted");
	expect("50元", 1, "0.005", "万元", "50元", "unit_converted");
	expect("251000元", 0, "251000", "元", "251000元", "");
}

static void
not_numbers(void **state)
{
	(void)state;
	expect("", 0, "", "", "", "blank");
	expect("\u3000", 0, "", "", "", "blank");
	expect("\u00a0 \u00a0", 0, "", "", "", "blank");
	expect("—", 0, "", "", "—", "not_a_number");
	expect("/", 0, "", "", "/", "not_a_number");
	expect("无", 0, "", "", "无", "not_a_number");
	expect("22（其中修订16件）", 0, "", "", "22（其中修订16件）",
	    "not_a_number");
	expect("12,34", 0, "", "", "12,34", "not_a_number");
	expect("1.2.3", 0, "", "", "1.2.3", "not_a_number");
	expect("减少-3", 0, "", "", "减少-3", "not_a_number");
}

static void
value_like(void **state)
{
	(void)state;
	assert_true(tx_value_like("12"));
	assert_true(tx_value_like(""));
	assert_true(tx_value_like("—"));
	assert_true(tx_value_like("无"));
	assert_true(tx_value_like("减少2248"));
	assert_true(tx_value_like("9（件）"));
	assert_false(tx_value_like("规章"));
	assert_false(tx_value_like("其他"));
	assert_false(tx_value_like("（一）予以公开"));
	assert_false(tx_value_like("2019年2月18日"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers),
		cmocka_unit_test(changes),
		cmocka_unit_test(units),
		cmocka_unit_test(not_numbers),
		cmocka_unit_test(value_like),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
