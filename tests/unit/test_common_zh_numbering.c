/*
 * The numbering grammar of the forms: 一、 （一） 1. （1） ①, with the
 * full-width, half-width and spaced variants real documents print, and
 * the figures that must not be taken for a mark (1.5, 1,234, 12, 三年,
 * a year).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/zh.h"

static void
mark(const char *s, enum zh_numstyle st, long n, const char *rest)
{
	struct zh_numbering m;

	assert_int_equal(zh_numbering(s, &m), 1);
	assert_int_equal(m.style, st);
	assert_int_equal(m.n, n);
	assert_string_equal(s + m.len, rest);
}

static void
nomark(const char *s)
{
	struct zh_numbering m;

	assert_int_equal(zh_numbering(s, &m), 0);
	assert_int_equal(m.style, ZH_NUM_NONE);
}

static void
test_marks(void **state)
{
	(void)state;
	mark("一、本年新收政府信息公开申请数量", ZH_NUM_HAN, 1,
	    "本年新收政府信息公开申请数量");
	mark("十一、政府信息公开会议和培训情况", ZH_NUM_HAN, 11,
	    "政府信息公开会议和培训情况");
	mark("二．主动公开", ZH_NUM_HAN, 2, "主动公开");
	mark("（三）不予公开", ZH_NUM_HAN_PAREN, 3, "不予公开");
	mark("(一)予以公开", ZH_NUM_HAN_PAREN, 1, "予以公开");
	mark(" （ 二 ） 部分公开", ZH_NUM_HAN_PAREN, 2, "部分公开");
	mark("1.属于国家秘密", ZH_NUM_ARABIC, 1, "属于国家秘密");
	mark("１．属于国家秘密", ZH_NUM_ARABIC, 1, "属于国家秘密");
	mark("8、属于行政查询事项", ZH_NUM_ARABIC, 8, "属于行政查询事项");
	mark("（1）当面申请数", ZH_NUM_ARABIC_PAREN, 1, "当面申请数");
	mark("③其他", ZH_NUM_CIRCLED, 3, "其他");
	mark("二十、", ZH_NUM_HAN, 20, "");
}

static void
test_not_marks(void **state)
{
	(void)state;
	nomark("1.5");
	nomark("1,234");
	nomark("12");
	nomark("三年");
	nomark("2019、2020");	/* a year is never a mark */
	nomark("其他");
	nomark("");
	nomark("（本列数据的勾稽关系为：…）");
}

static void
test_levels(void **state)
{
	(void)state;
	assert_int_equal(zh_numlevel(ZH_NUM_HAN), 1);
	assert_int_equal(zh_numlevel(ZH_NUM_HAN_PAREN), 2);
	assert_int_equal(zh_numlevel(ZH_NUM_ARABIC), 3);
	assert_int_equal(zh_numlevel(ZH_NUM_ARABIC_PAREN), 4);
	assert_int_equal(zh_numlevel(ZH_NUM_CIRCLED), 5);
	assert_int_equal(zh_numlevel(ZH_NUM_NONE), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_not_marks),
		cmocka_unit_test(test_levels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
