/*
 * The stream writer: exactly the type's field count, tabs, CR and LF inside
 * a field become spaces, NULL is an empty field, and a record written then
 * read back gives the same fields.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/rec.h"

static void
test_sanitise(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	(void)state;
	assert_int_equal(gk_emit(fp, GK_PARA, "d1", "7", "a\tb\nc\r\nd", "2"), 0);
	assert_int_equal(gk_emit(fp, GK_ERROR, "d1", "extract", "corrupt", NULL), 0);
	fclose(fp);
	assert_string_equal(buf, "para\td1\t7\ta b c  d\t2\nerror\td1\textract\tcorrupt\t\n");
	free(buf);
}

static void
test_round_trip(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct gk_reader *r = gk_reader_new("rt", 1 << 16);
	struct gk_rec rec;

	(void)state;
	gk_emit(fp, GK_METRIC, "r1", "requests.new.total", "-2248", "万元",
	    "减少2248", "unit_converted,blank", "d9", "12", "3", "4", "5", "");
	fclose(fp);
	gk_reader_feed(r, buf, len);
	gk_reader_finish(r);
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_REC);
	assert_int_equal(rec.type, GK_METRIC);
	assert_string_equal(rec.f[METRIC_KEY], "requests.new.total");
	assert_string_equal(rec.f[METRIC_RAW], "减少2248");
	assert_string_equal(rec.f[METRIC_DOC], "d9");
	assert_string_equal(rec.f[METRIC_SEQ], "12");
	assert_string_equal(rec.f[METRIC_COL], "5");
	assert_string_equal(rec.f[METRIC_PAGE], "");
	fp = fopen("/dev/null", "w");
	assert_int_equal(gk_emit_raw(fp, &rec), 0);
	fclose(fp);
	gk_reader_free(r);
	free(buf);
}

static void
test_types(void **state)
{
	(void)state;
	assert_int_equal(gk_rectype_nfield(GK_DOC), 12);
	assert_int_equal(gk_rectype_nfield(GK_PARA), 4);
	assert_int_equal(gk_rectype_nfield(GK_CELL), 9);
	assert_int_equal(gk_rectype_nfield(GK_REPORT), 9);
	assert_int_equal(gk_rectype_nfield(GK_METRIC), 12);
	assert_int_equal(gk_rectype_nfield(GK_CHECK), 6);
	assert_int_equal(gk_rectype_nfield(GK_READING), 2);
	assert_int_equal(gk_rectype_nfield(GK_NOTE), 3);
	assert_int_equal(gk_rectype_nfield(GK_LISTING), 2);
	assert_int_equal(gk_rectype_of("check"), GK_CHECK);
	assert_int_equal(gk_rectype_of("note"), GK_NOTE);
	assert_int_equal(gk_rectype_nfield(GK_GROUP), 1);
	assert_int_equal(gk_rectype_of("future"), GK_UNKNOWN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitise),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_types),
	};

	return cmocka_run_group_tests_name("common_rec_writer", tests, NULL, NULL);
}
