/*
 * gk_split_tabs, the one splitter of gk's own tab-separated files (the
 * crawl's state, the agency tables, gk-load's exports): fields cut in
 * place, empty ones kept, and one more than max said as max + 1 without a
 * write past f[max - 1].
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "common/rec.h"

static void
test_split(void **state)
{
	char line[] = "a\t\tc", over[] = "1\t2\t3\t4", one[] = "";
	char *f[4] = { NULL, NULL, NULL, NULL };

	(void)state;
	assert_int_equal(gk_split_tabs(line, f, 3), 3);
	assert_string_equal(f[0], "a");
	assert_string_equal(f[1], "");
	assert_string_equal(f[2], "c");
	f[3] = NULL;
	assert_int_equal(gk_split_tabs(over, f, 3), 4);
	assert_string_equal(f[0], "1");
	assert_string_equal(f[2], "3");
	assert_null(f[3]);
	assert_int_equal(gk_split_tabs(one, f, 3), 1);
	assert_string_equal(f[0], "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
