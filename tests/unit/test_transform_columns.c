/*
 * The columns of table 三 come from its header: a report that adds an
 * eighth column, 法人或其他组织小计, after 其他 or after 自然人, keeps every
 * figure under its own applicant and 总计 under total, from table cells
 * (grid columns) and from one para per cell (reading order); the 小计 is
 * no metric.  Eight figures without a header to place the 小计 leave the
 * row out rather than shift 总计.  Each table ends with gov2019's single
 * （六）其他处理 row, which says whose form it is.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

/* The new row holds 1 … 6 for the six applicants, 20 as the 小计 of the
 * five organisations and 21 as 总计; the carried-in row 7 … 13, 0, 14. */
static void
assert_rows(void)
{
	static const char *const want[7] = { "1", "2", "3", "4", "5", "6",
	    "21" };
	static const char *const want2[7] = { "7", "8", "9", "10", "11",
	    "12", "14" };
	static const char *const tx_applicants[7] = { "person", "business",
	    "research", "nonprofit", "legal", "other_org", "total" };
	char key[96];
	int i;

	for (i = 0; i < 7; i++) {
		snprintf(key, sizeof(key), "requests.new.%s", tx_applicants[i]);
		assert_string_equal(val(key), want[i]);
		snprintf(key, sizeof(key), "requests.carried_in.%s",
		    tx_applicants[i]);
		assert_string_equal(val(key), want2[i]);
	}
	for (i = 0; i < v.nm; i++) {
		assert_null(strstr(v.m[i].key, "subtotal"));
		assert_string_not_equal(v.m[i].value, "20");
	}
	assert_int_equal(v.nm, 21);
	assert_ptr_equal(v.form, gk_form("gov2019"));
}

static const char *const zeros[8] = { "0", "0", "0", "0", "0", "0", "0",
    "0" };

static void
header_cells(int table, int after_person)
{
	static const char *const leaves[5] = { "商业企业", "科研机构",
	    "社会公益组织", "法律服务机构", "其他" };
	int c, first = after_person ? 5 : 4;

	item(1, table, 0, 0, "申请人情况");
	item(1, table, 1, 3, "自然人");
	if (after_person)
		item(1, table, 1, 4, "法人或其他组织小计");
	item(1, table, 1, first, "法人或其他组织");
	item(1, table, 1, 10, "总计");
	for (c = 0; c < 5; c++)
		item(1, table, 2, first + c, leaves[c]);
	if (!after_person)
		item(1, table, 2, 9, "小计");
}

static void
row_cells(int table, int row, const char *label,
    const char *const *figs)
{
	int c;

	item(1, table, row, 0, label);
	for (c = 0; c < 8; c++)
		item(1, table, row, 3 + c, figs[c]);
}

static void
cells_subtotal_after_other(void **state)
{
	static const char *const a[8] = { "1", "2", "3", "4", "5", "6", "20",
	    "21" };
	static const char *const b[8] = { "7", "8", "9", "10", "11", "12",
	    "0", "14" };

	(void)state;
	memset(&v, 0, sizeof(v));
	header_cells(2, 0);
	row_cells(2, 3, "一、本年新收政府信息公开申请数量", a);
	row_cells(2, 4, "二、上年结转政府信息公开申请数量", b);
	row_cells(2, 5, "（六）其他处理", zeros);
	tx_read(&v);
	assert_true(v.structured);
	assert_rows();
	tx_version_free(&v);
}

static void
cells_subtotal_after_person(void **state)
{
	static const char *const a[8] = { "1", "20", "2", "3", "4", "5", "6",
	    "21" };
	static const char *const b[8] = { "7", "0", "8", "9", "10", "11",
	    "12", "14" };

	(void)state;
	memset(&v, 0, sizeof(v));
	header_cells(2, 1);
	row_cells(2, 3, "一、本年新收政府信息公开申请数量", a);
	row_cells(2, 4, "二、上年结转政府信息公开申请数量", b);
	row_cells(2, 5, "（六）其他处理", zeros);
	tx_read(&v);
	assert_rows();
	tx_version_free(&v);
}

static void
paras(const char *label, const char *const *figs, int n)
{
	int i;

	para(label);
	for (i = 0; i < n; i++)
		para(figs[i]);
}

static void
paras_subtotal_after_other(void **state)
{
	static const char *const hdr[] = { "自然人", "法人或其他组织", "总计",
	    "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
	    "法人或其他组织小计" };
	static const char *const a[8] = { "1", "2", "3", "4", "5", "6", "20",
	    "21" };
	static const char *const b[8] = { "7", "8", "9", "10", "11", "12",
	    "0", "14" };
	size_t i;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("申请人情况");
	for (i = 0; i < sizeof(hdr) / sizeof(hdr[0]); i++)
		para(hdr[i]);
	paras("一、本年新收政府信息公开申请数量", a, 8);
	paras("二、上年结转政府信息公开申请数量", b, 8);
	paras("（六）其他处理", zeros, 8);
	tx_read(&v);
	assert_false(v.structured);
	assert_rows();
	tx_version_free(&v);
}

static void
paras_subtotal_after_person(void **state)
{
	/* 小计 a second-row cell left of the 法人或其他组织 group */
	static const char *const hdr[] = { "自然人", "法人或其他组织小计",
	    "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织",
	    "法律服务机构", "其他" };
	static const char *const a[8] = { "1", "20", "2", "3", "4", "5", "6",
	    "21" };
	static const char *const b[8] = { "7", "0", "8", "9", "10", "11",
	    "12", "14" };
	size_t i;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("申请人情况");
	for (i = 0; i < sizeof(hdr) / sizeof(hdr[0]); i++)
		para(hdr[i]);
	paras("一、本年新收政府信息公开申请数量", a, 8);
	paras("二、上年结转政府信息公开申请数量", b, 8);
	paras("（六）其他处理", zeros, 8);
	tx_read(&v);
	assert_rows();
	tx_version_free(&v);
}

static void
eight_figures_no_header(void **state)
{
	static const char *const a[8] = { "1", "2", "3", "4", "5", "6", "20",
	    "21" };
	static const char *const b[7] = { "7", "8", "9", "10", "11", "12",
	    "14" };

	(void)state;
	memset(&v, 0, sizeof(v));
	paras("一、本年新收政府信息公开申请数量", a, 8);
	paras("二、上年结转政府信息公开申请数量", b, 7);
	paras("（六）其他处理", zeros, 7);
	tx_read(&v);
	assert_string_equal(val("requests.new.person"), "(missing)");
	assert_string_equal(val("requests.new.total"), "(missing)");
	assert_string_equal(val("requests.carried_in.total"), "14");
	tx_version_free(&v);

	memset(&v, 0, sizeof(v));
	row_cells(1, 3, "一、本年新收政府信息公开申请数量", a);
	item(1, 1, 4, 0, "二、上年结转政府信息公开申请数量");
	for (int c = 0; c < 7; c++)
		item(1, 1, 4, 3 + c, b[c]);
	item(1, 1, 5, 0, "（六）其他处理");
	for (int c = 0; c < 7; c++)
		item(1, 1, 5, 3 + c, "0");
	tx_read(&v);
	assert_string_equal(val("requests.new.total"), "(missing)");
	assert_string_equal(val("requests.carried_in.total"), "14");
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_subtotal_after_other),
		cmocka_unit_test(cells_subtotal_after_person),
		cmocka_unit_test(paras_subtotal_after_other),
		cmocka_unit_test(paras_subtotal_after_person),
		cmocka_unit_test(eight_figures_no_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
