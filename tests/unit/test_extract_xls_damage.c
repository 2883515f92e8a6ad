/*
 * Damaged .xls files give one `error` record and never crash: every cut of
 * a LibreOffice and an openpyxl-made workbook of tests/sheets at 61-byte
 * steps (a cut OLE2 file is `truncated`), and 400 randomly damaged copies
 * of each (libarchive's test_fuzz.c pattern).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_damage.h"

extern const struct gk_format gk_format_xls;

static void
test_cut(void **state)
{
	size_t len = 0;
	unsigned char *f;
	const char *c;

	(void)state;
	f = (unsigned char *)read_fixture(
	    "tests/sheets/docs/002_76275f96720f379e_lo.xls", &len);
	assert_non_null(f);
	c = damage_run(&gk_format_xls, "xls", f, len / 2);
	assert_non_null(c);
	assert_string_equal(c, "truncated");
	c = damage_run(&gk_format_xls, "xls", f, 100);
	assert_non_null(c);
	assert_string_equal(c, "truncated");
	free(f);
}

static void
test_fuzz(void **state)
{
	(void)state;
	damage_all(&gk_format_xls, "xls",
	    "tests/sheets/docs/001_967186fe634bba4e_lo.xls", 61, 400, 25);
	damage_all(&gk_format_xls, "xls",
	    "tests/sheets/docs/003_937a84458300fa66_py.xls", 61, 400, 26);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests_name("extract_xls_damage", tests, NULL,
	    NULL);
}
