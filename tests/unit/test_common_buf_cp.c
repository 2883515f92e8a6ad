/*
 * gk_buf_add_cp: the one encoder the Word and Excel readers write their
 * UTF-16 text with; a lone surrogate or a value past U+10FFFF becomes
 * U+FFFD (never invalid UTF-8 in a stream), and the buffer's maximum holds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/buf.h"

static void
test_encode(void **state)
{
	struct gk_buf b;

	(void)state;
	gk_buf_init(&b, 64);
	assert_int_equal(gk_buf_add_cp(&b, 'A'), 0);
	assert_int_equal(gk_buf_add_cp(&b, 0xe9), 0);
	assert_int_equal(gk_buf_add_cp(&b, 0x884c), 0);	/* 行 */
	assert_int_equal(gk_buf_add_cp(&b, 0x1f600), 0);
	assert_string_equal(gk_buf_str(&b), "A\xc3\xa9\xe8\xa1\x8c\xf0\x9f\x98\x80");
	gk_buf_free(&b);
}

static void
test_invalid(void **state)
{
	struct gk_buf b;

	(void)state;
	gk_buf_init(&b, 64);
	assert_int_equal(gk_buf_add_cp(&b, 0xd800), 0);
	assert_int_equal(gk_buf_add_cp(&b, 0xdfff), 0);
	assert_int_equal(gk_buf_add_cp(&b, 0x110000), 0);
	assert_int_equal(gk_buf_add_cp(&b, 0xffffffffUL), 0);
	assert_string_equal(gk_buf_str(&b),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	gk_buf_free(&b);
}

static void
test_max(void **state)
{
	struct gk_buf b;

	(void)state;
	gk_buf_init(&b, 4);
	assert_int_equal(gk_buf_add_cp(&b, 0x884c), 0);
	assert_int_equal(gk_buf_add_cp(&b, 0x884c), -1);
	assert_int_equal(b.len, 3);
	gk_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
