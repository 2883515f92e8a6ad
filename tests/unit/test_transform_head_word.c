/*
 * A header word may have one character misread, left out or put in from
 * HEAD_FORGIVE (3) characters on (tx_head_is): OCR reads 自然人 as 目然人,
 * 科研机构 as 科人研机构, 统计数 as 统计效.  Two-character words (其他,
 * 总计, 单位) must be exact, and two characters off is another word.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "transform/tx.h"

static void
forgiven(void **state)
{
	(void)state;
	assert_true(tx_head_is("自然人", "自然人"));
	assert_true(tx_head_is("目然人", "自然人"));	/* misread */
	assert_true(tx_head_is("科人研机构", "科研机构"));	/* put in */
	assert_true(tx_head_is("科机构", "科研机构"));	/* left out */
	assert_true(tx_head_is("统计效", "统计数"));
	assert_true(tx_head_is("社会公苍组织", "社会公益组织"));
}

static void
not_forgiven(void **state)
{
	(void)state;
	/* two characters: exact only */
	assert_false(tx_head_is("其地", "其他"));
	assert_false(tx_head_is("总汁", "总计"));
	assert_false(tx_head_is("单", "单位"));
	/* two off */
	assert_false(tx_head_is("目然入", "自然人"));
	assert_false(tx_head_is("科人研机构构", "科研机构"));
	/* a row's label is no header word */
	assert_false(tx_head_is("本年新收政府信息公开申请数量", "自然人"));
	assert_false(tx_head_is("", "自然人"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(forgiven),
		cmocka_unit_test(not_forgiven),
	};

	return cmocka_run_group_tests_name("transform_head_word", tests, NULL,
	    NULL);
}
