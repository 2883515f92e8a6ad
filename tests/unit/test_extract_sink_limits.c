/*
 * The sink numbers paras and cells in one reading order, folds white space
 * (NBSP and U+3000 included), drops empty paras but keeps empty cells,
 * mends bad UTF-8, folds look-alike radicals, writes the page of paged
 * formats, and turns every limit (GK_MAX_CELLS, GK_MAX_TEXT,
 * GK_MAX_TABLE_ROWS / COLS) into one `error` record with nothing else of
 * the document written.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"
#include "common/bounds.h"

struct mem {
	FILE *fp;
	char *p;
	size_t n;
	struct gk_sink s;
};

static void
open_mem(struct mem *m)
{
	m->p = NULL;
	m->n = 0;
	m->fp = open_memstream(&m->p, &m->n);
	assert_non_null(m->fp);
	gk_sink_init(&m->s, m->fp, "D");
}

static char *
close_mem(struct mem *m)
{
	assert_int_equal(gk_sink_commit(&m->s), 0);
	gk_sink_free(&m->s);
	fclose(m->fp);
	return m->p;
}

static void
test_order_and_folding(void **state)
{
	struct mem m;
	char *out;

	(void)state;
	open_mem(&m);
	assert_int_equal(gk_sink_para(&m.s, "  标题\xc2\xa0\xe3\x80\x80 第一\t\n部分  "), 0);
	assert_int_equal(gk_sink_para(&m.s, " \xc2\xa0\xe3\x80\x80 "), 0);
	assert_int_equal(gk_sink_table(&m.s), 1);
	assert_int_equal(gk_sink_cell(&m.s, 0, 0, 2, 3, "\xe3\x80\x80"), 0);
	assert_int_equal(gk_sink_cell(&m.s, 0, 3, 1, 1, "a\xff" "b"), 0);
	assert_int_equal(gk_sink_note(&m.s, "pages", "2"), 0);
	assert_int_equal(gk_sink_table(&m.s), 2);
	gk_sink_page(&m.s, 3);		/* a format with pages */
	assert_int_equal(gk_sink_cell(&m.s, 4, 1, 1, 1, "1,203"), 0);
	gk_sink_page(&m.s, 0);
	assert_int_equal(gk_sink_para(&m.s, "⾏政规范性⽂件"), 0);
	assert_int_equal(m.s.items, 5);
	out = close_mem(&m);
	assert_string_equal(out,
	    "para\tD\t1\t标题 第一 部分\t\n"
	    "cell\tD\t2\t1\t0\t0\t2\t3\t\t\n"
	    "cell\tD\t3\t1\t0\t3\t1\t1\ta\xef\xbf\xbd" "b\t\n"
	    "note\tD\tpages\t2\n"
	    "cell\tD\t4\t2\t4\t1\t1\t1\t1,203\t3\n"
	    /* look-alike radicals made the ideographs they show */
	    "para\tD\t5\t行政规范性文件\t\n");
	free(out);
}

static void
test_too_many_cells(void **state)
{
	struct mem m;
	char *out;
	int i, rc = 0;

	(void)state;
	open_mem(&m);
	gk_sink_para(&m.s, "开头");
	gk_sink_table(&m.s);
	/* The para counts too: GK_MAX_CELLS bounds paras and cells. */
	for (i = 0; i < GK_MAX_CELLS - 1 && rc == 0; i++)
		rc = gk_sink_cell(&m.s, i / 100, i % 100, 1, 1, "0");
	assert_int_equal(rc, 0);
	assert_int_equal(gk_sink_cell(&m.s, 9999, 0, 1, 1, "x"), -1);
	assert_int_equal(m.s.err, GK_E_TOO_MANY);
	assert_int_equal(gk_sink_para(&m.s, "more"), -1);
	out = close_mem(&m);
	assert_true(strncmp(out, "error\tD\textract\ttoo_many\t", 25) == 0);
	assert_string_equal(strchr(out, '\n'), "\n");
	free(out);
}

static void
test_too_long_text(void **state)
{
	struct mem m;
	char *big, *out;

	(void)state;
	big = malloc(GK_MAX_TEXT + 2);
	assert_non_null(big);
	memset(big, 'x', GK_MAX_TEXT + 1);
	big[GK_MAX_TEXT + 1] = '\0';
	open_mem(&m);
	assert_int_equal(gk_sink_para(&m.s, "开头"), 0);
	assert_int_equal(gk_sink_para(&m.s, big), -1);
	assert_int_equal(m.s.err, GK_E_TOO_BIG);
	out = close_mem(&m);
	assert_true(strncmp(out, "error\tD\textract\ttoo_big\t", 24) == 0);
	assert_string_equal(strchr(out, '\n'), "\n");
	free(out);
	/* Exactly the limit is fine. */
	big[GK_MAX_TEXT] = '\0';
	open_mem(&m);
	assert_int_equal(gk_sink_para(&m.s, big), 0);
	out = close_mem(&m);
	assert_int_equal(strlen(out), strlen("para\tD\t1\t\t\n") + GK_MAX_TEXT);
	free(out);
	free(big);
}

static void
test_grid_limits(void **state)
{
	struct mem m;
	char *out;

	(void)state;
	open_mem(&m);
	gk_sink_table(&m.s);
	assert_int_equal(gk_sink_cell(&m.s, GK_MAX_TABLE_ROWS - 1, 0, 1, 1,
	    "last row"), 0);
	assert_int_equal(gk_sink_cell(&m.s, GK_MAX_TABLE_ROWS - 1, 0, 2, 1,
	    "past it"), -1);
	out = close_mem(&m);
	assert_true(strncmp(out, "error\tD\textract\ttoo_many\t", 25) == 0);
	free(out);
	open_mem(&m);
	assert_int_equal(gk_sink_cell(&m.s, 0, GK_MAX_TABLE_COLS, 1, 1, ""),
	    -1);
	out = close_mem(&m);
	assert_true(strncmp(out, "error\tD\textract\ttoo_many\t", 25) == 0);
	free(out);
}

static void
test_fail_keeps_first(void **state)
{
	struct mem m;
	char *out;

	(void)state;
	open_mem(&m);
	gk_sink_para(&m.s, "text");
	assert_int_equal(gk_sink_fail(&m.s, GK_E_ENCRYPTED, "needs %s",
	    "a password"), -1);
	gk_sink_fail(&m.s, GK_E_CORRUPT, "later");
	out = close_mem(&m);
	assert_string_equal(out,
	    "error\tD\textract\tencrypted\tneeds a password\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_folding),
		cmocka_unit_test(test_too_many_cells),
		cmocka_unit_test(test_too_long_text),
		cmocka_unit_test(test_grid_limits),
		cmocka_unit_test(test_fail_keeps_first),
	};

	return cmocka_run_group_tests_name("extract_sink_limits", tests, NULL,
	    NULL);
}
