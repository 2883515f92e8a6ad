/*
 * One definition of white space (ASCII, NBSP, U+3000, the zero-width ones
 * word processors leave) and of stepping through UTF-8: invalid, overlong
 * and truncated sequences are U+FFFD one byte at a time, never a read past
 * the NUL.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/zh.h"

static void
test_space(void **state)
{
	char out[64];

	(void)state;
	assert_true(zh_is_space(' '));
	assert_true(zh_is_space(0xa0));
	assert_true(zh_is_space(0x3000));
	assert_true(zh_is_space(0x200b));
	assert_true(zh_is_space(0xfeff));
	assert_false(zh_is_space(0x4e00));
	assert_false(zh_is_space('a'));
	zh_fold(" \xc2\xa0 a\xe3\x80\x80\xe3\x80\x80" "b\t\n", out, sizeof(out));
	assert_string_equal(out, "a b");
	zh_squeeze("规 章\xe3\x80\x80（市政府令）", out, sizeof(out));
	assert_string_equal(out, "规章（市政府令）");
	assert_int_equal(zh_fold("   ", out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

static void
test_utf8(void **state)
{
	const char *p;
	char buf[8];
	size_t len;

	(void)state;
	p = "a行";
	assert_int_equal(zh_next(&p), 'a');
	assert_int_equal(zh_next(&p), 0x884c);
	assert_int_equal(zh_next(&p), 0);
	assert_int_equal(zh_next(&p), 0);	/* stays at the end */
	p = "\xe8\xa1";				/* truncated */
	assert_int_equal(zh_next(&p), 0xfffd);
	assert_int_equal(zh_next(&p), 0xfffd);
	assert_int_equal(zh_next(&p), 0);
	p = "\xc0\xaf";				/* overlong '/' */
	assert_int_equal(zh_next(&p), 0xfffd);
	assert_int_equal(zh_decode("\xed\xa0\x80", 3, &len), 0xfffd);
	assert_int_equal(len, 1);		/* a surrogate */
	assert_int_equal(zh_decode("\xf0\x9f\x98\x80", 2, &len), 0xfffd);
	assert_int_equal(zh_put(buf, sizeof(buf), 0x884c), 3);
	assert_memory_equal(buf, "行", 3);
	assert_int_equal(zh_put(buf, 2, 0x884c), 0);
	assert_int_equal(zh_put(buf, sizeof(buf), 0xd800), 0);
	assert_true(zh_valid("行政", 6));
	assert_false(zh_valid("\xe8\xa1", 2));
	assert_true(zh_valid("\xef\xbf\xbd", 3));	/* U+FFFD itself */
}

/* Wide characters: ideographs, CJK punctuation, full-width forms, kana. */
static void
test_wide(void **state)
{
	(void)state;
	assert_true(zh_is_wide(0x4e00));	/* 一 */
	assert_true(zh_is_wide(0x9fa5));
	assert_true(zh_is_wide(0x3001));	/* 、 */
	assert_true(zh_is_wide(0xff08));	/* （ */
	assert_true(zh_is_wide(0xff11));	/* １ */
	assert_true(zh_is_wide(0x2f42));	/* ⽂ */
	assert_true(zh_is_wide(0x3042));	/* あ */
	assert_false(zh_is_wide('7'));
	assert_false(zh_is_wide(0xff61));	/* half-width ｡ */
	assert_false(zh_is_wide(0x2014));	/* — */
	assert_false(zh_is_wide(0xa0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_space),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_wide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
