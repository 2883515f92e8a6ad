/*
 * gk-load's TSV: no tab or newline survives in a field, a field with a
 * double quote is quoted RFC 4180 style and reads back as it was, and no
 * other field is touched.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "load/table.h"

static char *
put(int nf, const char *const *f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(tsv_put_row(fp, nf, f), 0);
	fclose(fp);
	return buf;
}

static void
test_plain_fields_untouched(void **state)
{
	const char *f[] = { "003", "青岛市（西海岸）", "", "1,234", "'x'" };
	char *s = put(5, f);

	(void)state;
	assert_string_equal(s, "003\t青岛市（西海岸）\t\t1,234\t'x'\n");
	free(s);
}

static void
test_tab_newline_become_space(void **state)
{
	const char *f[] = { "a\tb", "c\r\nd" };
	char *s = put(2, f);

	(void)state;
	assert_string_equal(s, "a b\tc  d\n");
	free(s);
}

static void
test_quotes_round_trip(void **state)
{
	const char *f[] = { "\"十四五\"规划", "a\"b", "\"", "x", "\"\"" };
	const char *g[8];
	char *s = put(5, f);
	int n;

	(void)state;
	assert_string_equal(s, "\"\"\"十四五\"\"规划\"\t\"a\"\"b\"\t\"\"\"\"\tx\t"
	    "\"\"\"\"\"\"\n");
	s[strlen(s) - 1] = '\0';
	n = tsv_split(s, g, 8);
	assert_int_equal(n, 5);
	assert_string_equal(g[0], f[0]);
	assert_string_equal(g[1], f[1]);
	assert_string_equal(g[2], f[2]);
	assert_string_equal(g[3], f[3]);
	assert_string_equal(g[4], f[4]);
	free(s);
}

static void
test_split_counts_fields(void **state)
{
	char line[] = "a\t\tb\t";
	const char *g[3];

	(void)state;
	assert_int_equal(tsv_split(line, g, 3), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_fields_untouched),
		cmocka_unit_test(test_tab_newline_become_space),
		cmocka_unit_test(test_quotes_round_trip),
		cmocka_unit_test(test_split_counts_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
