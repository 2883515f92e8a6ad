/*
 * A worksheet's cells become tables and paras (extract/sheet.c): blank rows
 * part two tables; a block that is one text cell per row is paras; every
 * grid position of a table is a cell, blank ones too; a heading merged as
 * wide as its block keeps the narrower table under it from growing an
 * empty column; a merge spans its cells once; two cells at one place keep
 * the later; a merge overlapping an earlier one is dropped; a table wider
 * than GK_MAX_TABLE_COLS is one too_many error.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"
#include "extract/sheet.h"

static char *
emit(void (*fill)(struct gk_sheet *))
{
	struct gk_sheet sh;
	struct gk_sink s;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	assert_non_null(fp = open_memstream(&out, &len));
	gk_sink_init(&s, fp, "D");
	gk_sheet_init(&sh, &s);
	fill(&sh);
	gk_sheet_emit(&sh);
	gk_sink_commit(&s);
	gk_sheet_free(&sh);
	gk_sink_free(&s);
	fclose(fp);
	return out;
}

#define C(r, c, t) gk_sheet_cell(sh, r, c, t, strlen(t))

static void
two_tables(struct gk_sheet *sh)
{
	C(0, 0, "报告");			/* a title: a para */
	C(2, 1, "b");
	C(2, 0, "a");
	C(3, 0, "1");
	C(3, 1, "old");
	C(3, 1, "2");			/* the later wins */
	C(4, 2, "");			/* formatting only: not the width */
	C(6, 0, "x");
	C(7, 0, "y");
	gk_sheet_merge(sh, 6, 0, 6, 2);	/* x, y: one column of text */
	gk_sheet_merge(sh, 7, 0, 7, 2);
	C(9, 3, "c");
	C(10, 4, "d");
}

static void
test_blocks(void **state)
{
	char *out = emit(two_tables);

	(void)state;
	assert_string_equal(out,
	    "para\tD\t1\t报告\t\n"
	    "cell\tD\t2\t1\t0\t0\t1\t1\ta\t\n"
	    "cell\tD\t3\t1\t0\t1\t1\t1\tb\t\n"
	    "cell\tD\t4\t1\t1\t0\t1\t1\t1\t\n"
	    "cell\tD\t5\t1\t1\t1\t1\t1\t2\t\n"
	    "para\tD\t6\tx\t\n"
	    "para\tD\t7\ty\t\n"
	    "cell\tD\t8\t2\t0\t0\t1\t1\tc\t\n"
	    "cell\tD\t9\t2\t0\t1\t1\t1\t\t\n"
	    "cell\tD\t10\t2\t1\t0\t1\t1\t\t\n"
	    "cell\tD\t11\t2\t1\t1\t1\t1\td\t\n");
	free(out);
}

static void
heading(struct gk_sheet *sh)
{
	C(0, 0, "二、表");
	gk_sheet_merge(sh, 0, 0, 0, 2);	/* as wide as the block */
	C(1, 0, "甲");
	C(1, 1, "乙");
	C(1, 2, "丙");
	C(2, 0, "三、表");
	gk_sheet_merge(sh, 2, 0, 2, 2);
	C(3, 0, "丁");			/* narrower: no empty third column */
	C(3, 1, "5");
	C(4, 0, "合");
	gk_sheet_merge(sh, 4, 0, 5, 0);	/* rowspan 2 */
	gk_sheet_merge(sh, 4, 0, 4, 1);	/* overlaps: dropped */
	C(5, 1, "6");
}

static void
test_heading(void **state)
{
	char *out = emit(heading);

	(void)state;
	assert_string_equal(out,
	    "cell\tD\t1\t1\t0\t0\t1\t3\t二、表\t\n"
	    "cell\tD\t2\t1\t1\t0\t1\t1\t甲\t\n"
	    "cell\tD\t3\t1\t1\t1\t1\t1\t乙\t\n"
	    "cell\tD\t4\t1\t1\t2\t1\t1\t丙\t\n"
	    "cell\tD\t5\t1\t2\t0\t1\t3\t三、表\t\n"
	    "cell\tD\t6\t1\t3\t0\t1\t1\t丁\t\n"
	    "cell\tD\t7\t1\t3\t1\t1\t1\t5\t\n"
	    "cell\tD\t8\t1\t4\t0\t2\t1\t合\t\n"
	    "cell\tD\t9\t1\t4\t1\t1\t1\t\t\n"
	    "cell\tD\t10\t1\t5\t1\t1\t1\t6\t\n");
	free(out);
}

static void
wide(struct gk_sheet *sh)
{
	C(0, 0, "a");
	C(0, 300, "b");
}

static void
test_limits(void **state)
{
	char *out = emit(wide);

	(void)state;
	assert_non_null(strstr(out, "error\tD\textract\ttoo_many\t"));
	assert_null(strstr(out, "cell\t"));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_heading),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests_name("extract_sheet_blocks", tests,
	    NULL, NULL);
}
