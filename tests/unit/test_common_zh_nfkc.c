/*
 * Text that looks right but is not: PDF fonts map glyphs to Kangxi radicals
 * (⾏ U+2F8F), radicals of the supplement (⻓ U+2ED3), CJK strokes and
 * compatibility ideographs.  zh_unlook folds exactly those and keeps the
 * rest as printed (full-width digits stay); zh_nfkc folds them and then
 * applies NFKC, for matching labels.  Output never overruns its buffer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/zh.h"

static void
test_lookalike(void **state)
{
	(void)state;
	assert_int_equal(zh_lookalike(0x2f8f), 0x884c);	/* ⾏ 行 */
	assert_int_equal(zh_lookalike(0x2f42), 0x6587);	/* ⽂ 文 */
	assert_int_equal(zh_lookalike(0x2ed3), 0x957f);	/* ⻓ 长 */
	assert_int_equal(zh_lookalike(0x2ec5), 0x89c1);	/* ⻅ 见 */
	assert_int_equal(zh_lookalike(0xf900), 0x8c48);	/* 豈 (compat) 豈 */
	assert_int_equal(zh_lookalike(0x2f800), 0x4e3d);	/* SIP compat */
	assert_int_equal(zh_lookalike(0x884c), 0x884c);	/* 行 itself */
	assert_int_equal(zh_lookalike(0xff11), 0xff11);	/* １ stays */
	assert_int_equal(zh_lookalike('a'), 'a');
}

static void
test_unlook(void **state)
{
	char out[128];

	(void)state;
	zh_unlook("⾏政规范性⽂件", out, sizeof(out));
	assert_string_equal(out, "行政规范性文件");
	zh_unlook("计１条（⻓期）", out, sizeof(out));
	assert_string_equal(out, "计１条（长期）");
	zh_unlook("a\xff" "b", out, sizeof(out));	/* a bad byte */
	assert_string_equal(out, "a\xef\xbf\xbd" "b");
}

static void
test_nfkc(void **state)
{
	char out[128];

	(void)state;
	zh_nfkc("⾏政规范性⽂件", out, sizeof(out));
	assert_string_equal(out, "行政规范性文件");
	zh_nfkc("（一）１２３，：", out, sizeof(out));
	assert_string_equal(out, "(一)123,:");
	zh_nfkc("①\xe3\x80\x80⻓", out, sizeof(out));
	assert_string_equal(out, "1 长");
	zh_nfkc("", out, sizeof(out));
	assert_string_equal(out, "");
}

static void
test_bounded(void **state)
{
	char out[8];
	size_t n;

	(void)state;
	memset(out, 'x', sizeof(out));
	n = zh_nfkc("行政规范性文件", out, sizeof(out));
	/* 7 bytes of room: two ideographs (6 bytes), never half of one */
	assert_int_equal(n, 6);
	assert_string_equal(out, "行政");
	n = zh_unlook("⾏政规", out, 4);
	assert_int_equal(n, 3);
	assert_string_equal(out, "行");
	assert_int_equal(zh_nfkc("abc", out, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookalike),
		cmocka_unit_test(test_unlook),
		cmocka_unit_test(test_nfkc),
		cmocka_unit_test(test_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
