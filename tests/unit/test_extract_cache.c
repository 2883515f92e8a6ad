/* gk-extract's cache (extract/cache.c): records kept with DOC left out and
 * written back with another DOC byte for byte, an error kept with its
 * code and reason, a torn or foreign entry a miss, a bad key refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/buf.h"
#include "extract/cache.h"

#define SHA1 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define SHA2 "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/gk-xcache.XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The records of recs written with DOC doc, as a string. */
static char *
written(const struct gk_buf *recs, const char *doc)
{
	char *p = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&p, &n);

	assert_non_null(fp);
	assert_int_equal(xcache_write(fp, recs, doc), 0);
	fclose(fp);
	return p;
}

static void
test_records_round_trip(void **state)
{
	static const char recs_a[] =
	    "para\taaaa000000000001\t1\t第一段\t\n"
	    "cell\taaaa000000000001\t2\t1\t0\t0\t1\t2\t5146\t3\n"
	    "note\taaaa000000000001\tpages\t3\n";
	static const char recs_b[] =
	    "para\tbbbb000000000002\t1\t第一段\t\n"
	    "cell\tbbbb000000000002\t2\t1\t0\t0\t1\t2\t5146\t3\n"
	    "note\tbbbb000000000002\tpages\t3\n";
	struct xcache *c;
	struct gk_buf in, out;
	enum gk_err e;
	char err[128], reason[256], *s;

	(void)state;
	assert_non_null(c = xcache_open(dir, err, sizeof(err)));
	gk_buf_init(&in, 1 << 20);
	gk_buf_init(&out, XCACHE_ENTRY_MAX);
	assert_int_equal(xcache_get(c, SHA1, &out, &e, reason,
	    sizeof(reason)), 0);
	assert_int_equal(gk_buf_adds(&in, recs_a), 0);
	assert_int_equal(xcache_put(c, SHA1, "aaaa000000000001", &in,
	    GK_E_OK, ""), 0);
	assert_int_equal(xcache_get(c, SHA1, &out, &e, reason,
	    sizeof(reason)), 1);
	assert_int_equal(e, GK_E_OK);
	s = written(&out, "aaaa000000000001");
	assert_string_equal(s, recs_a);
	free(s);
	/* the same bytes at another URL: the other DOC */
	s = written(&out, "bbbb000000000002");
	assert_string_equal(s, recs_b);
	free(s);
	/* records of another DOC than the one named are not kept */
	assert_int_equal(xcache_put(c, SHA2, "cccc000000000003", &in,
	    GK_E_OK, ""), -1);
	assert_int_equal(xcache_get(c, SHA2, &out, &e, reason,
	    sizeof(reason)), 0);
	gk_buf_free(&in);
	gk_buf_free(&out);
	xcache_close(c);
}

static void
test_error_kept(void **state)
{
	struct xcache *c;
	struct gk_buf out;
	enum gk_err e;
	char err[128], reason[256];

	(void)state;
	assert_non_null(c = xcache_open(dir, err, sizeof(err)));
	gk_buf_init(&out, XCACHE_ENTRY_MAX);
	assert_int_equal(xcache_put(c, SHA2, "d", NULL, GK_E_CORRUPT,
	    "damaged zip:\tno central\ndirectory"), 0);
	assert_int_equal(xcache_get(c, SHA2, &out, &e, reason,
	    sizeof(reason)), 1);
	assert_int_equal(e, GK_E_CORRUPT);
	assert_string_equal(reason, "damaged zip: no central directory");
	assert_int_equal(out.len, 0);
	gk_buf_free(&out);
	xcache_close(c);
}

static void
test_torn_entry_is_a_miss(void **state)
{
	struct xcache *c;
	struct gk_buf in, out;
	enum gk_err e;
	char err[128], reason[256], path[512], *body;
	FILE *fp;
	long n;

	(void)state;
	assert_non_null(c = xcache_open(dir, err, sizeof(err)));
	gk_buf_init(&in, 1 << 20);
	gk_buf_init(&out, XCACHE_ENTRY_MAX);
	assert_int_equal(gk_buf_adds(&in, "para\tx\t1\tt\t\n"), 0);
	assert_int_equal(xcache_put(c, SHA1, "x", &in, GK_E_OK, ""), 0);
	snprintf(path, sizeof(path), "%s/%s/01/%s", dir, xcache_build(c),
	    SHA1);
	/* cut off its end line, as a crash before the rename cannot but a
	 * disk could */
	assert_non_null(fp = fopen(path, "r"));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	assert_non_null(body = malloc((size_t)n));
	assert_int_equal(fread(body, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	assert_non_null(fp = fopen(path, "w"));
	fwrite(body, 1, (size_t)n - 2, fp);
	fclose(fp);
	assert_int_equal(xcache_get(c, SHA1, &out, &e, reason,
	    sizeof(reason)), 0);
	/* an entry under another key's name */
	assert_non_null(fp = fopen(path, "w"));
	fwrite(body, 1, (size_t)n, fp);
	fclose(fp);
	assert_int_equal(xcache_get(c, SHA1, &out, &e, reason,
	    sizeof(reason)), 1);
	snprintf(path, sizeof(path), "%s/%s/fe", dir, xcache_build(c));
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/%s/fe/%s", dir, xcache_build(c),
	    SHA2);
	assert_non_null(fp = fopen(path, "w"));
	fwrite(body, 1, (size_t)n, fp);
	fclose(fp);
	assert_int_equal(xcache_get(c, SHA2, &out, &e, reason,
	    sizeof(reason)), 0);
	free(body);
	gk_buf_free(&in);
	gk_buf_free(&out);
	xcache_close(c);
}

static void
test_keys(void **state)
{
	(void)state;
	assert_true(xcache_key_ok(SHA1));
	assert_false(xcache_key_ok(""));
	assert_false(xcache_key_ok("0123"));
	assert_false(xcache_key_ok(SHA1 "0"));
	assert_false(xcache_key_ok("0123456789ABCDEF0123456789abcdef0123456789"
	    "abcdef0123456789abcdef"));
	assert_false(xcache_key_ok("../456789abcdef0123456789abcdef0123456789"
	    "abcdef0123456789abcdef"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_records_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_error_kept, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_torn_entry_is_a_miss,
		    setup, teardown),
		cmocka_unit_test(test_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
