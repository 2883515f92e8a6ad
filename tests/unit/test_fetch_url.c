/* URL normalisation and resolution: one document, one spelling. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "fetch/url.h"

static void
norm(const char *in, const char *want)
{
	char out[URL_MAX];

	assert_int_equal(url_normalize(in, out, sizeof(out)), 0);
	assert_string_equal(out, want);
}

static void
res(const char *base, const char *ref, const char *want)
{
	char out[URL_MAX];

	assert_int_equal(url_resolve(base, ref, out, sizeof(out)), 0);
	assert_string_equal(out, want);
}

static void
test_normalize(void **state)
{
	char out[URL_MAX];

	(void)state;
	norm("HTTP://WWW.Qingdao.GOV.cn:80/a/../b/./c.shtml#frag",
	    "http://www.qingdao.gov.cn/b/c.shtml");
	norm("https://x.cn:443", "https://x.cn/");
	norm("http://x.cn:8080/%7euser/%2fa%2F", "http://x.cn:8080/~user/%2Fa%2F");
	norm("http://x.cn/报告 1.pdf", "http://x.cn/%E6%8A%A5%E5%91%8A%201.pdf");
	norm("http://user:pw@x.cn./a?q=%e4#x", "http://x.cn/a?q=%E4");
	norm("  http://x.cn/a\n/b  ", "http://x.cn/a/b");
	norm("file:///tmp/a/../b.html", "file:///tmp/b.html");
	norm("file://localhost/tmp/x", "file:///tmp/x");
	assert_int_equal(url_normalize("javascript:void(0)", out, sizeof(out)), -1);
	assert_int_equal(url_normalize("mailto:a@b.cn", out, sizeof(out)), -1);
	assert_int_equal(url_normalize("ftp://x.cn/a", out, sizeof(out)), -1);
	assert_int_equal(url_normalize("http:///nohost", out, sizeof(out)), -1);
	assert_int_equal(url_normalize("http://x.cn:99999/", out, sizeof(out)), -1);
}

static void
test_resolve(void **state)
{
	const char *b = "http://www.qingdao.gov.cn/zwgk/zdgk/ndbg/index.shtml";

	(void)state;
	res(b, "./202102/t20210202_4400001.shtml",
	    "http://www.qingdao.gov.cn/zwgk/zdgk/ndbg/202102/t20210202_4400001.shtml");
	res(b, "index_1.shtml", "http://www.qingdao.gov.cn/zwgk/zdgk/ndbg/index_1.shtml");
	res(b, "../../x/../a.pdf", "http://www.qingdao.gov.cn/zwgk/a.pdf");
	res(b, "/private/admin.shtml", "http://www.qingdao.gov.cn/private/admin.shtml");
	res(b, "//other.cn/a", "http://other.cn/a");
	res(b, "?page=2", "http://www.qingdao.gov.cn/zwgk/zdgk/ndbg/index.shtml?page=2");
	res(b, "#top", "http://www.qingdao.gov.cn/zwgk/zdgk/ndbg/index.shtml");
	res(b, "../../../../../../etc", "http://www.qingdao.gov.cn/etc");
	res("http://a.cn/d/p.html", "HTTP://A.CN:80/d/./q.pdf#x", "http://a.cn/d/q.pdf");
}

static void
test_parts(void **state)
{
	char h[256], p[256];

	(void)state;
	assert_int_equal(url_host("http://x.cn:81/a?b", h, sizeof(h)), 0);
	assert_string_equal(h, "x.cn");
	assert_string_equal(url_path("http://x.cn:81/a?b"), "/a?b");
	assert_true(url_host_is_ip("10.1.2.3"));
	assert_true(url_host_is_ip("2130706433"));
	assert_true(url_host_is_ip("0x7f.1"));
	assert_true(url_host_is_ip("[::1]"));
	assert_false(url_host_is_ip("www.qingdao.gov.cn"));
	assert_false(url_host_is_ip("1.cn"));
	assert_int_equal(url_file_path("file:///tmp/a%20b/c", p, sizeof(p)), 0);
	assert_string_equal(p, "/tmp/a b/c");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_parts),
	};

	return cmocka_run_group_tests_name("fetch_url", tests, NULL, NULL);
}
