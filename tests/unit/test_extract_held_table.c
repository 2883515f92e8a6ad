/*
 * gk_held (extract/held.h): a table held over a page break.  Its cells
 * move onto a wider grid, come out in row and column order with the page
 * each was read on, the paras held after it in place, the sink's page as
 * it was; past GK_MAX_CELLS the add fails without taking the text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "common/bounds.h"
#include "extract/held.h"
#include "test_extract.h"

static char *
sdup(const char *s)
{
	char *d = strdup(s);

	assert_non_null(d);
	return d;
}

static void
renumbered_sorted_paged(void **state)
{
	/* grid 0..3 (3 columns) widened to 0..4: a line added at index 2 */
	static const int map[] = { 0, 1, 3, 4 };
	struct gk_held h;
	struct gk_sink s;
	char *out = NULL;
	size_t n = 0;
	FILE *fp;

	(void)state;
	memset(&h, 0, sizeof(h));
	h.on = 1;
	assert_int_equal(gk_held_add(&h, 1, 1, 0, 1, 1, sdup("2")), GK_E_OK);
	assert_int_equal(gk_held_add(&h, 1, 0, 1, 1, 2, sdup("合计")),
	    GK_E_OK);
	assert_int_equal(gk_held_add(&h, 1, 0, 0, 1, 1, sdup("项目")),
	    GK_E_OK);
	assert_int_equal(gk_held_add(&h, 2, 1, 2, 1, 1, NULL), GK_E_OK);
	gk_held_renumber(&h, map);
	assert_int_equal(h.v[1].col, 1);
	assert_int_equal(h.v[1].colspan, 3);	/* 1..3 is 1..4 now */
	assert_int_equal(h.v[3].col, 3);
	assert_int_equal(h.v[3].colspan, 1);
	gk_held_sort(&h);
	fp = open_memstream(&out, &n);
	assert_non_null(fp);
	gk_sink_init(&s, fp, "D");
	gk_sink_page(&s, 5);
	assert_int_equal(gk_held_flush(&h, &s), 4);
	assert_int_equal(s.page, 5);
	assert_int_equal(h.on, 0);
	assert_int_equal(h.n, 0);
	assert_int_equal(gk_held_flush(&h, &s), 0);	/* nothing held */
	assert_int_equal(gk_sink_commit(&s), 0);
	gk_sink_free(&s);
	fclose(fp);
	/* cell DOC seq table row col rowspan colspan TEXT PAGE */
	assert_string_equal(out,
	    "cell\tD\t1\t1\t0\t0\t1\t1\t项目\t1\n"
	    "cell\tD\t2\t1\t0\t1\t1\t3\t合计\t1\n"
	    "cell\tD\t3\t1\t1\t0\t1\t1\t2\t1\n"
	    "cell\tD\t4\t1\t1\t3\t1\t1\t\t2\n");
	free(out);
}

static void
para_in_place(void **state)
{
	struct gk_held h;
	struct gk_sink s;
	char *out = NULL;
	size_t n = 0;
	FILE *fp;

	(void)state;
	memset(&h, 0, sizeof(h));
	h.on = 1;
	assert_int_equal(gk_held_add(&h, 1, 0, 0, 1, 1, sdup("甲")), GK_E_OK);
	assert_int_equal(gk_held_add(&h, 1, 0, -1, 0, 0, sdup("- 1 -")),
	    GK_E_OK);
	assert_int_equal(gk_held_add(&h, 2, 1, 0, 1, 1, sdup("乙")), GK_E_OK);
	fp = open_memstream(&out, &n);
	assert_non_null(fp);
	gk_sink_init(&s, fp, "D");
	assert_int_equal(gk_held_flush(&h, &s), 3);
	assert_int_equal(gk_sink_commit(&s), 0);
	gk_sink_free(&s);
	fclose(fp);
	assert_string_equal(out,
	    "cell\tD\t1\t1\t0\t0\t1\t1\t甲\t1\n"
	    "para\tD\t2\t- 1 -\t1\n"
	    "cell\tD\t3\t1\t1\t0\t1\t1\t乙\t2\n");
	free(out);
}

static void
bounded(void **state)
{
	struct gk_held h;
	char *t;
	size_t i;

	(void)state;
	memset(&h, 0, sizeof(h));
	for (i = 0; i < GK_MAX_CELLS; i++)
		assert_int_equal(gk_held_add(&h, 1, (int)i, 0, 1, 1, NULL),
		    GK_E_OK);
	t = sdup("x");
	assert_int_equal(gk_held_add(&h, 1, 0, 0, 1, 1, t), GK_E_TOO_MANY);
	free(t);		/* not taken */
	assert_int_equal(h.n, GK_MAX_CELLS);
	gk_held_clear(&h);
	assert_null(h.v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(renumbered_sorted_paged),
		cmocka_unit_test(para_in_place),
		cmocka_unit_test(bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
