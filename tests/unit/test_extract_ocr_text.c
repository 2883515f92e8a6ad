/*
 * The clean-up of a cell's OCR text (extract/ocr_text.c): the numbering of
 * a label that lost a parenthesis.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "extract/ocr_text.h"

static void
check(const char *in, const char *want)
{
	char *s = strdup(in);

	assert_non_null(s);
	s = ocr_fix_numbering(s);
	assert_non_null(s);
	assert_string_equal(s, want);
	free(s);
}

static void
test_numbering(void **state)
{
	(void)state;
	/* the "）" lost */
	check("(七总计", "(七）总计");
	check("（四无法提供", "（四）无法提供");
	/* the "（" read as a look-alike */
	check("人二)部分公开", "（二)部分公开");
	/* whole, or not a numbering: as it was */
	check("(七)总计", "(七)总计");
	check("（二）部分公开（区分处理的）", "（二）部分公开（区分处理的）");
	check("(一般公共预算)", "(一般公共预算)");
	check("(十一总计", "(十一总计");
	check("(七", "(七");
	check("总计", "总计");
	check("1389.79", "1389.79");
	check("", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering),
	};

	return cmocka_run_group_tests_name("extract_ocr_text", tests, NULL,
	    NULL);
}
