/*
 * The clean-up of a cell's OCR text (extract/ocr_text.c): the numbering of
 * a label that lost a parenthesis; a figure read with look-alikes.
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

static void
number(const char *in, const char *want)
{
	char s[64];

	strcpy(s, in);
	ocr_fix_number(s);
	assert_string_equal(s, want);
}

static void
test_number(void **state)
{
	(void)state;
	/* look-alikes of digits, when the rest is a number */
	number("1O5", "105");
	number("l2", "12");
	number("]", "1");
	number("】", "1");
	number("了", "7");
	number("1，056", "1,056");
	number("3．5", "3.5");
	/* a change whose 减 or 增 was misread; or read right */
	number("碱少7", "减少7");
	number("诚少2248", "减少2248");
	number("威少l", "减少1");
	number("减少]", "减少1");
	number("曾加3", "增加3");
	/* text: as it was */
	number("减少", "减少");
	number("成少许", "成少许");
	number("不适用", "不适用");
	number("O型", "O型");
	number("总计", "总计");
	number("", "");
}

static void
test_paired(void **state)
{
	(void)state;
	assert_true(ocr_paired("规范性文件（有规范性文件登记号）"));
	assert_true(ocr_paired("3.危及“三安全一稳定”"));
	assert_true(ocr_paired("(二)部分公开(区分处理的）"));
	assert_true(ocr_paired("总计"));
	assert_true(ocr_paired(""));
	assert_false(ocr_paired("规范性文件“有规范性文件登记号)"));
	assert_false(ocr_paired("3.危及“三安全一稳定)"));
	assert_false(ocr_paired("(七总计"));
}

/* What the digit recogniser may take: plain, decimal, grouped in threes. */
static void
test_is_figure(void **state)
{
	(void)state;
	assert_true(ocr_is_figure("0"));
	assert_true(ocr_is_figure("1389.79"));
	assert_true(ocr_is_figure("58,785"));
	assert_true(ocr_is_figure("3,148"));
	assert_true(ocr_is_figure("1,234,567.5"));
	assert_true(ocr_is_figure("100.492880"));
	assert_false(ocr_is_figure(""));
	assert_false(ocr_is_figure("5,87"));	/* no grouping: misread */
	assert_false(ocr_is_figure("1,2345"));
	assert_false(ocr_is_figure("1234,567"));	/* a first group of 4 */
	assert_false(ocr_is_figure(",785"));
	assert_false(ocr_is_figure("58,"));
	assert_false(ocr_is_figure("1.5,3"));
	assert_false(ocr_is_figure("1.2.3"));
	assert_false(ocr_is_figure(".5"));
	assert_false(ocr_is_figure("5."));
	assert_false(ocr_is_figure("5785-70855"));
	assert_false(ocr_is_figure("7O"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbering),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_paired),
		cmocka_unit_test(test_is_figure),
	};

	return cmocka_run_group_tests_name("extract_ocr_text", tests, NULL,
	    NULL);
}
