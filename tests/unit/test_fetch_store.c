/* The state journal: lines replayed in order (E, C, F, R), bad lines
 * skipped, an entry written and read back the same. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "fetch/store.h"

#define SHA1 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define SHA2 "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

static int
feed(struct store *st, const char *line)
{
	char buf[4096];

	snprintf(buf, sizeof(buf), "%s", line);
	return store_feed(st, buf);
}

static void
test_replay(void **state)
{
	struct store *st = store_mem();
	struct sentry *e;
	int complete;

	(void)state;
	assert_non_null(st);
	assert_int_equal(feed(st, "E\thttp://x.cn/t1.shtml\tR\t\t" SHA1 "\t120\thtml"
	    "\tutf-8\t\"e1\"\t\t2025-01-01T00:00:00Z\t2025-01-01T00:00:00Z\t"
	    "2025-01-01T00:00:00Z\t2024-12-30\t\t标题\t青岛市\t"), 0);
	assert_int_equal(feed(st, "E\thttp://x.cn/a.pdf\tA\thttp://x.cn/t1.shtml\t"
	    SHA2 "\t9\tpdf\t\t\t\t2025-01-01T00:00:00Z\t\t\t\t\t\t\t"), 0);
	assert_int_equal(feed(st, "E\thttp://x.cn/gone.shtml\tR\t\t\t0\t\t\t\t\t"
	    "2025-01-01T00:00:00Z\t\t2025-01-02T00:00:00Z\t\thttp\t\t\tHTTP 404"), 0);
	assert_int_equal(feed(st, "C\thttp://x.cn/t1.shtml\t2025-02-01T00:00:00Z"), 0);
	assert_int_equal(feed(st, "R\t2025-02-01T01:00:00Z\tcomplete,full"), 0);
	assert_int_equal(feed(st, "R\t2025-02-02T01:00:00Z\t-"), 0);
	assert_int_equal(feed(st, "F\thttp://x.cn/a.pdf"), 0);
	assert_int_equal(store_count(st), 2);
	assert_null(store_get(st, "http://x.cn/a.pdf"));
	e = store_get(st, "http://x.cn/t1.shtml");
	assert_non_null(e);
	assert_int_equal(e->kind, SK_REPORT);
	assert_string_equal(e->sha, SHA1);
	assert_string_equal(e->etag, "\"e1\"");
	assert_string_equal(e->title, "标题");
	assert_string_equal(e->published, "2024-12-30");
	assert_int_equal(e->checked, 1738368000);	/* the C line's */
	e = store_get(st, "http://x.cn/gone.shtml");
	assert_int_equal(e->code, GK_E_HTTP);
	assert_string_equal(e->msg, "HTTP 404");
	/* the last run did not finish; the last full walk is kept */
	assert_int_equal(store_last_run(st, &complete), 1738458000);
	assert_false(complete);
	assert_int_equal(store_last_full(st), 1738371600);
	store_close(st);
}

static void
test_bad_lines(void **state)
{
	static const char *const bad[] = {
		"",		/* skipped, not an error */
		"E\thttp://x.cn/a",	/* too few fields */
		"E\thttp://x.cn/a\tR\t\tnot-a-sha\t1\t\t\t\t\t\t\t\t\t\t\t\t",
		"E\thttp://x.cn/a\tZ\t\t\t1\t\t\t\t\t\t\t\t\t\t\t\t",	/* kind */
		"E\thttp://x.cn/a\tR\t\t\t-1\t\t\t\t\t\t\t\t\t\t\t\t",	/* bytes */
		"E\thttp://x.cn/a\tR\t\t\t1\t\t\t\t\t2025-13-01T00:00:00Z\t\t\t\t\t\t\t",
		"E\thttp://x.cn/a\tR\t\t\t1\t\t\t\t\t\t\t\t\tno_such_code\t\t\t",
		"C\thttp://x.cn/unknown\t2025-01-01T00:00:00Z",	/* no entry */
		"F\thttp://x.cn/unknown",
		"R\t\tcomplete",
		"X\tsomething",
		"E\thttp://x.cn/a\tR\t\t\t1\t\t\t\t\t\t\t\t\t\t\t\t\textra",
	};
	struct store *st = store_mem();
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(feed(st, bad[i]), i == 0 ? 0 : -1);
	assert_int_equal(store_count(st), 0);
	store_close(st);
}

/* What store_format writes, store_feed reads back as it was; tabs and
 * line breaks in a value do not break the line. */
static void
test_round_trip(void **state)
{
	struct store *a = store_mem(), *b = store_mem();
	struct sentry *e, *f;
	char *buf = NULL, *line, *next;
	size_t len = 0;
	FILE *fp;

	(void)state;
	e = store_put(a, "http://x.cn/t1.shtml");
	assert_non_null(e);
	e->kind = SK_FILE;
	memcpy(e->sha, SHA1, sizeof(e->sha));
	e->bytes = 12345;
	snprintf(e->type, sizeof(e->type), "pdf");
	assert_int_equal(store_set(&e->title, "a\ttitle\nwith breaks"), 0);
	assert_int_equal(store_set(&e->msg, "redirected to x"), 0);
	e->first = 1700000000;
	e->checked = 1700086400;
	e->code = GK_E_REDIRECT_LOOP;
	fp = open_memstream(&buf, &len);
	assert_int_equal(store_format(fp, e), 0);
	fclose(fp);
	assert_int_equal(buf[len - 1], '\n');
	for (line = buf; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		assert_int_equal(store_feed(b, line), 0);
	}
	f = store_get(b, "http://x.cn/t1.shtml");
	assert_non_null(f);
	assert_int_equal(f->kind, SK_FILE);
	assert_string_equal(f->sha, SHA1);
	assert_int_equal(f->bytes, 12345);
	assert_string_equal(f->title, "a title with breaks");
	assert_int_equal(f->first, 1700000000);
	assert_int_equal(f->checked, 1700086400);
	assert_int_equal(f->fetched, 0);
	assert_int_equal(f->code, GK_E_REDIRECT_LOOP);
	free(buf);
	store_close(a);
	store_close(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
