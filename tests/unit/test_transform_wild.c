/*
 * U+FFFD in a printed label is a character the page does not show (a
 * missing-glyph box): it matches any one character (transform/match.c)
 * when the label shows at least one character and a quarter of itself;
 * gk_label_norm keeps it among other characters, and a text of boxes
 * alone is no label.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/schema.h"
#include "transform/tx.h"

#define B "\xef\xbf\xbd"	/* U+FFFD */

static int
dist(const char *a, const char *b, int max)
{
	struct tx_pat x, y;

	tx_pat_make(&x, a);
	tx_pat_make(&y, b);
	return tx_pat_dist(&x, &y, max);
}

static void
wild_matches_one(void **state)
{
	(void)state;
	assert_int_equal(dist(B "年新制作" B B, "本年新制作数量", 3), 0);
	assert_int_equal(dist("本年新制作数量", B "年新制作" B B, 3), 0);
	assert_int_equal(dist("行政" B B, "行政许可", 2), 0);
	assert_int_equal(dist("其他对外管理服务" B B, "其他对外管理服务事项", 2), 0);
	/* it stands for one character, not for none or two */
	assert_int_equal(dist("行政" B, "行政许可", 2), 1);
	assert_int_equal(dist("行政" B B B, "行政许可", 2), 1);
	/* the characters shown must still be the row's */
	assert_int_equal(dist(B "年新制作" B B, "本年新公开数量", 3), 2);
	assert_true(tx_head_is(B "年新制作" B B, "本年新制作数量"));
	assert_true(tx_head_is(B B "人", "自然人"));
	assert_int_equal(dist("规" B, "规章", 2), 0);
	/* a header word of two characters is still exact */
	assert_false(tx_head_is(B "计", "总计"));
}

static void
too_little_shown(void **state)
{
	(void)state;
	/* nothing shown, or under a quarter: no wildcards */
	assert_int_equal(dist(B B, "其他", 2), 2);
	assert_int_equal(dist(B B B B B B "年", "本年新制作数量", 3), 4);
	/* a label without U+FFFD is compared as before */
	assert_int_equal(dist("行政处罚", "行政许可", 2), 2);
}

static void
norm_keeps_it(void **state)
{
	char out[128];

	(void)state;
	gk_label_norm("（一）" B "年新制作" B B, out, sizeof(out));
	assert_string_equal(out, B "年新制作" B B);
	gk_label_norm("规" B "（市政府令）", out, sizeof(out));
	assert_string_equal(out, "规" B);
	/* nothing but boxes: a figure or unit so drawn, no label */
	gk_label_norm(B B B, out, sizeof(out));
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wild_matches_one),
		cmocka_unit_test(too_little_shown),
		cmocka_unit_test(norm_keeps_it),
	};

	return cmocka_run_group_tests_name("transform_wild", tests, NULL, NULL);
}
