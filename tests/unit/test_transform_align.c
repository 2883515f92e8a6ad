/*
 * The rows of a table are placed by their labels and their order together:
 * a label misread beyond what its words alone allow is placed between its
 * neighbours (and only there), a label split over two lines is one row, a
 * row left out is missing (template_shape) while its neighbours stay
 * right, a row printed out of order is still its own, an unknown row with
 * figures is no row, and forms that fit equally give no template.
 *
 * Each test prints gov2019's table 三 as a page without table markup does
 * (one para per label and per figure), row r holding r+1 for 自然人 and
 * for 总计 and 0 elsewhere, with a gov2019 header word above it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

/* The rows of gov2019's table 三 as printed: numbering and label. */
static const char *const printed[] = {
	"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
	"（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
	"4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
	"7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息",
	"2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
	"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
	"4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
	"（六）其他处理", "（七）总计", "四、结转下年度继续办理"
};
static const char *const keys[] = {
	"requests.new", "requests.carried_in", "requests.granted",
	"requests.partial", "requests.denied.state_secret",
	"requests.denied.prohibited", "requests.denied.security",
	"requests.denied.third_party", "requests.denied.internal",
	"requests.denied.process", "requests.denied.enforcement",
	"requests.denied.query", "requests.unavailable.not_held",
	"requests.unavailable.needs_creation", "requests.unavailable.unclear",
	"requests.rejected.petition", "requests.rejected.repeat",
	"requests.rejected.publication", "requests.rejected.excessive",
	"requests.rejected.confirm", "requests.other", "requests.closed_total",
	"requests.carried_out"
};
#define NROWS	(int)(sizeof(printed) / sizeof(printed[0]))

static void
figures(int r)
{
	char f[16];
	int c;

	snprintf(f, sizeof(f), "%d", r + 1);
	for (c = 0; c < 7; c++)
		para(c == 0 || c == 6 ? f : "0");
}

/* Table 三 with row `odd` printed as `label` (NULL: left out) and, when
 * `extra` is set, an unknown row with figures before row `odd`. */
static void
table3(int odd, const char *label, const char *extra)
{
	int r;

	memset(&v, 0, sizeof(v));
	para("某局2020年政府信息公开工作年度报告");
	para("本年新制作数量");	/* table 二's header: gov2019 */
	para("申请人情况");
	for (r = 0; r < NROWS; r++) {
		if (r == odd && extra != NULL) {
			para(extra);
			figures(90);
		}
		if (r == odd && label == NULL)
			continue;
		para(r == odd ? label : printed[r]);
		figures(r);
	}
	tx_read(&v);
	assert_ptr_equal(v.form, gk_form("gov2019"));
}

/* Row r's 自然人 and 总计 as the reading keyed them. */
static void
assert_row(int r)
{
	char key[96], want[16];

	snprintf(want, sizeof(want), "%d", r + 1);
	snprintf(key, sizeof(key), "%s.person", keys[r]);
	assert_string_equal(val(key), want);
	snprintf(key, sizeof(key), "%s.total", keys[r]);
	assert_string_equal(val(key), want);
}

static void
assert_all_but(int skip)
{
	int r;

	for (r = 0; r < NROWS; r++)
		if (r != skip)
			assert_row(r);
}

/* 保护第三方合法权益 read as 保护第三万合沄权盖: three of nine characters,
 * more than a label alone may miss, between its two neighbours. */
static void
misread_between_neighbours(void **state)
{
	(void)state;
	table3(7, "4.保护第三万合沄权盖", NULL);
	assert_all_but(-1);
	tx_version_free(&v);
}

/* Two characters of a short label wrong (重复申请 as 重夏中请). */
static void
short_label_two_wrong(void **state)
{
	(void)state;
	table3(16, "2.重夏中请", NULL);
	assert_all_but(-1);
	tx_version_free(&v);
}

/* The same misread label with a neighbour left out is not placed: by its
 * words alone it is no row. */
static void
misread_without_neighbour(void **state)
{
	int r;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("某局2020年政府信息公开工作年度报告");
	para("本年新制作数量");
	for (r = 0; r < NROWS; r++) {
		if (r == 6)
			continue;	/* 3.危及“三安全一稳定” left out */
		para(r == 7 ? "4.保护第三万合沄权盖" : printed[r]);
		figures(r);
	}
	tx_read(&v);
	assert_string_equal(val("requests.denied.third_party.person"),
	    "(missing)");
	assert_string_equal(val("requests.denied.security.person"),
	    "(missing)");
	assert_row(5);
	assert_row(8);
	tx_version_free(&v);
}

/* A label over two lines (a PDF's narrow column): one row. */
static void
split_label(void **state)
{
	(void)state;
	memset(&v, 0, sizeof(v));
	para("本年新制作数量");
	for (int r = 0; r < NROWS; r++) {
		if (r == 12) {
			para("1.本机关不掌握相关");
			para("政府信息");
		} else
			para(printed[r]);
		figures(r);
	}
	tx_read(&v);
	assert_all_but(-1);
	tx_version_free(&v);
}

/* A row left out: missing (template_shape), the others all right. */
static void
missing_row(void **state)
{
	struct tx_check c[512];
	int n, i, shape = 0;

	(void)state;
	table3(9, NULL, NULL);
	assert_all_but(9);
	assert_string_equal(val("requests.denied.process.person"), "(missing)");
	n = tx_checks(&v, c, 512);
	for (i = 0; i < n; i++)
		if (strcmp(c[i].name, "template_shape") == 0 &&
		    strcmp(c[i].where, "requests.denied.process.person") == 0 &&
		    strcmp(c[i].found, "0") == 0)
			shape = 1;
	assert_true(shape);
	tx_version_free(&v);
}

/* 二、上年结转 printed before 一、本年新收: each is still its own. */
static void
out_of_order(void **state)
{
	int r;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("本年新制作数量");
	para(printed[1]);
	figures(1);
	para(printed[0]);
	figures(0);
	for (r = 2; r < NROWS; r++) {
		para(printed[r]);
		figures(r);
	}
	tx_read(&v);
	assert_all_but(-1);
	tx_version_free(&v);
}

/* A row the form does not have, with figures, between two rows: no key,
 * and the rows around it are right. */
static void
unknown_row(void **state)
{
	int i;

	(void)state;
	table3(8, printed[8], "（三）不予公开小计");
	assert_all_but(-1);
	for (i = 0; i < v.nm; i++)
		assert_string_not_equal(v.m[i].value, "91");
	assert_int_equal(v.nm, NROWS * 7);
	tx_version_free(&v);
}

/* Table 三 alone, without （六）: both national forms fit it. */
static void
tie_of_forms(void **state)
{
	int r;

	(void)state;
	memset(&v, 0, sizeof(v));
	for (r = 0; r < 20; r++) {
		para(printed[r]);
		figures(r);
	}
	tx_read(&v);
	assert_null(v.form);
	assert_true(v.tie);
	assert_int_equal(v.nm, 0);
	assert_non_null(strstr(v.missing, "gov2019"));
	assert_non_null(strstr(v.missing, "gov2021"));
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(misread_between_neighbours),
		cmocka_unit_test(short_label_two_wrong),
		cmocka_unit_test(misread_without_neighbour),
		cmocka_unit_test(split_label),
		cmocka_unit_test(missing_row),
		cmocka_unit_test(out_of_order),
		cmocka_unit_test(unknown_row),
		cmocka_unit_test(tie_of_forms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
