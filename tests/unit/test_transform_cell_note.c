/*
 * A figure with a note in brackets, 3527（含自然失效2件） or 22(其中修订16件),
 * stands where a figure stands: the row is still read, the cell gives an
 * empty value flagged not_a_number (SCHEMA.md), raw as printed; the other
 * figures of the row are there.  From cells and from paras.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_transform.h"

static const char *const row[4] = { "行政规范性文件", "22(其中修订16件)",
    "0", "3527（含自然失效2件）" };

static void
check(void)
{
	struct tx_metric *m;

	assert_string_equal(val("active.normative.repealed"), "0");
	m = tx_version_get(&v, "active.normative.issued");
	assert_non_null(m);
	assert_string_equal(m->value, "");
	assert_int_equal(m->flags, TXF_NAN);
	assert_string_equal(m->raw, "22(其中修订16件)");
	m = tx_version_get(&v, "active.normative.in_force");
	assert_non_null(m);
	assert_int_equal(m->flags, TXF_NAN);
	assert_string_equal(m->raw, "3527（含自然失效2件）");
}

static void
cells(void **state)
{
	int c;

	(void)state;
	memset(&v, 0, sizeof(v));
	item(1, 1, 0, 0, "信息内容");
	item(1, 1, 0, 1, "本年制发件数");
	for (c = 0; c < 4; c++)
		item(1, 1, 1, c, row[c]);
	tx_read(&v);
	assert_true(v.structured);
	check();
	tx_version_free(&v);
}

static void
paras(void **state)
{
	int c;

	(void)state;
	memset(&v, 0, sizeof(v));
	para("信息内容");
	para("本年制发件数");
	for (c = 0; c < 4; c++)
		para(row[c]);
	tx_read(&v);
	assert_false(v.structured);
	check();
	tx_version_free(&v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells),
		cmocka_unit_test(paras),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
