/*
 * gk_sink_para_keep: a paragraph that holds only white space is written as
 * a para with empty TEXT (numbered like the others, counted against
 * GK_MAX_CELLS), where gk_sink_para drops it; text is folded the same way.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

static void
kept_and_numbered(void **state)
{
	struct gk_sink s;
	char *out = NULL;
	size_t n = 0;
	FILE *fp;

	(void)state;
	fp = open_memstream(&out, &n);
	assert_non_null(fp);
	gk_sink_init(&s, fp, "D");
	assert_int_equal(gk_sink_para(&s, "规章"), 0);
	assert_int_equal(gk_sink_para(&s, " \xc2\xa0 "), 0);	/* dropped */
	assert_int_equal(gk_sink_para_keep(&s, " \xc2\xa0\xe3\x80\x80 "), 0);
	assert_int_equal(gk_sink_para_keep(&s, ""), 0);
	assert_int_equal(gk_sink_para_keep(&s, " 7\xc2\xa0 "), 0);
	assert_int_equal(s.items, 4);
	assert_int_equal(gk_sink_commit(&s), 0);
	gk_sink_free(&s);
	fclose(fp);
	assert_string_equal(out, "para\tD\t1\t规章\t\n"
	    "para\tD\t2\t\t\n"
	    "para\tD\t3\t\t\n"
	    "para\tD\t4\t7\t\n");
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kept_and_numbered),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
