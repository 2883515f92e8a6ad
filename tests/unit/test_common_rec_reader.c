/*
 * The stream reader: field counts checked, unknown types and comments handed
 * back whole, over-long and malformed lines reported with their line number
 * and skipped, and the same records whether the bytes come all at once or
 * one to three at a time (libarchive's read_open_memory trick).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/rec.h"

static const char input[] =
    "# a comment\n"
    "para\td1\t1\t第一段\t\n"
    "cell\td1\t2\t1\t0\t0\t1\t2\t总计\t3\n"
    "para\td1\ttoo few\n"
    "future\tx\ty\n"
    "\n"
    "metric\tr\tactive.rules.made\t0\t\t0\t\td1\t5\t1\t2\t3\t\r\n"
    "para\td1\t3\tlast line without newline\t7";

/* Read everything, feeding `step` bytes at a time (0 = all at once), and
 * write a summary line per result into out. */
static void
summarise(size_t step, char *out, size_t outsz)
{
	struct gk_reader *r = gk_reader_new("test", 1024);
	struct gk_rec rec;
	size_t fed = 0, len = strlen(input), n = 0;
	enum gk_read_result res;

	out[0] = '\0';
	for (;;) {
		res = gk_reader_next(r, &rec);
		if (res == GK_READ_MORE) {
			size_t k = step == 0 ? len : step;
			if (fed + k > len)
				k = len - fed;
			gk_reader_feed(r, input + fed, k);
			fed += k;
			if (fed == len)
				gk_reader_finish(r);
			continue;
		}
		if (res == GK_READ_EOF)
			break;
		if (res == GK_READ_BAD)
			n += (size_t)snprintf(out + n, outsz - n, "BAD[%s]\n",
			    gk_reader_error(r));
		else
			n += (size_t)snprintf(out + n, outsz - n, "%s/%d/%s\n",
			    gk_rectype_name(rec.type), rec.nfield,
			    rec.type == GK_COMMENT || rec.type == GK_UNKNOWN ?
			    rec.line : rec.f[rec.nfield - 1]);
		step = step == 0 ? 0 : step % 3 + 1;	/* 1, 2, 3, 1, ... */
	}
	gk_reader_free(r);
}

static const char expected[] =
    "#/0/# a comment\n"
    "para/4/第一段\n"
    "cell/9/总计\n"
    "BAD[test: line 4: para record has 2 fields, expected 4]\n"
    "?/2/future\tx\ty\n"
    "metric/12/3\n"
    "para/4/last line without newline\n";

static void
test_whole(void **state)
{
	char got[2048];

	(void)state;
	summarise(0, got, sizeof(got));
	assert_string_equal(got, expected);
}

static void
test_dribble(void **state)
{
	char got[2048];

	(void)state;
	summarise(1, got, sizeof(got));
	assert_string_equal(got, expected);
}

static void
test_long_line_resyncs(void **state)
{
	struct gk_reader *r = gk_reader_new("s", 16);
	struct gk_rec rec;
	const char *in = "para\td\t1\tthis line is far too long\t\npara\td\t2\tok\t\n";

	(void)state;
	gk_reader_feed(r, in, 10);	/* not yet over the limit */
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_MORE);
	gk_reader_feed(r, in + 10, strlen(in) - 10);
	gk_reader_finish(r);
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_BAD);
	assert_non_null(strstr(gk_reader_error(r), "line 1: line longer than 16"));
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_REC);
	assert_string_equal(rec.f[PARA_TEXT], "ok");
	assert_int_equal(rec.lineno, 2);
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_EOF);
	gk_reader_free(r);
}

static void
test_too_many_fields(void **state)
{
	struct gk_reader *r = gk_reader_new("s", 4096);
	struct gk_rec rec;
	char in[256] = "para";
	int i;

	(void)state;
	for (i = 0; i < 40; i++)
		strcat(in, "\tx");
	strcat(in, "\n");
	gk_reader_feed(r, in, strlen(in));
	gk_reader_finish(r);
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_BAD);
	assert_int_equal(gk_reader_next(r, &rec), GK_READ_EOF);
	gk_reader_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole),
		cmocka_unit_test(test_dribble),
		cmocka_unit_test(test_long_line_resyncs),
		cmocka_unit_test(test_too_many_fields),
	};

	return cmocka_run_group_tests_name("common_rec_reader", tests, NULL, NULL);
}
