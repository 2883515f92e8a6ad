/* Config parsing: keys, defaults, lists replaced, errors with reasons;
 * per-host politeness (host-delay-ms, host-per-host). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch/conf.h"

static void
test_defaults_fit_qingdao(void **state)
{
	struct fetch_conf c;
	char err[256];

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_finish(&c, err, sizeof(err)), 0);
	assert_true(c.nstart >= 1);
	assert_true(conf_host_allowed(&c, "www.qingdao.gov.cn"));
	assert_true(conf_host_allowed(&c, "zwgk.qingdao.gov.cn"));
	assert_false(conf_host_allowed(&c, "evilqingdao.gov.cn"));
	assert_false(conf_host_allowed(&c, "10.0.0.1"));
	assert_true(conf_match(c.report, c.nreport,
	    "/zwgk/szfgk/gknb/2024/202501/t20250121_8854725.shtml"));
	assert_true(conf_match(c.listing, c.nlisting, "/zwgk/xxgk/index_3.shtml"));
	assert_true(conf_match(c.listing, c.nlisting, "/ywdt/zwzl/ndbg/index_1.html"));
	assert_true(conf_match(c.attachment, c.nattachment, "/a/P020250121.PDF"));
	assert_true(conf_match(c.attachment, c.nattachment, "/a/b.wps"));
	assert_false(conf_match(c.attachment, c.nattachment, "/a/b.pdf.html"));
	conf_free(&c);
}

static void
test_file(void **state)
{
	struct fetch_conf c;
	char path[] = "/tmp/gk-conf-XXXXXX", err[256];
	FILE *fp;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fputs("# comment\n\nstart http://127.0.0.1:8000/x/index.shtml\n"
	    "allow 127.0.0.1\n  per-host 3\nmax-bytes 4M\n"
	    "report /r[0-9]+\\.html$\nuser-agent test agent/2\n"
	    "next-label 下一頁\n", fp);
	fclose(fp);
	conf_init(&c);
	assert_int_equal(conf_load(&c, path, err, sizeof(err)), 0);
	assert_int_equal(conf_finish(&c, err, sizeof(err)), 0);
	assert_int_equal(c.nstart, 1);
	assert_string_equal(c.start[0], "http://127.0.0.1:8000/x/index.shtml");
	assert_int_equal(c.nallow, 1);	/* the file's list replaces the defaults */
	assert_true(conf_host_allowed(&c, "127.0.0.1"));
	assert_false(conf_host_allowed(&c, "www.qingdao.gov.cn"));
	assert_int_equal(c.per_host, 3);
	assert_int_equal(c.max_bytes, 4 << 20);
	assert_int_equal(c.nreport, 1);
	assert_true(conf_match(c.report, c.nreport, "/a/r12.html"));
	assert_string_equal(c.user_agent, "test agent/2");
	assert_string_equal(c.next_label[0], "下一頁");
	assert_true(c.nattachment > 0);	/* defaults where the file is silent */
	conf_free(&c);
	remove(path);
}

static void
test_errors(void **state)
{
	struct fetch_conf c;
	char err[256];

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_line(&c, "per-host 0", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "not a number"));
	assert_int_equal(conf_line(&c, "bogus 1", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown key"));
	assert_int_equal(conf_line(&c, "report ([", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "bad pattern"));
	assert_int_equal(conf_line(&c, "start ftp://x/", err, sizeof(err)), -1);
	assert_int_equal(conf_line(&c, "timeout", err, sizeof(err)), -1);
	assert_int_equal(conf_line(&c, "robots maybe", err, sizeof(err)), -1);
	assert_int_equal(conf_load(&c, "/nonexistent/x.conf", err, sizeof(err)), -1);
	conf_free(&c);
}

static void
test_host_politeness(void **state)
{
	struct fetch_conf c;
	char err[256];

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_line(&c, "delay-ms 200", err, sizeof(err)), 0);
	assert_int_equal(conf_line(&c, "per-host 2", err, sizeof(err)), 0);
	assert_int_equal(conf_line(&c, "host-delay-ms WWW.Qingdao.gov.cn 1500",
	    err, sizeof(err)), 0);
	assert_int_equal(conf_line(&c, "host-per-host www.qingdao.gov.cn\t1",
	    err, sizeof(err)), 0);
	assert_int_equal(conf_line(&c, "host-delay-ms *.qdjm.gov.cn 0", err,
	    sizeof(err)), 0);
	assert_int_equal(conf_line(&c, "host-per-host 127.0.0.1 12", err,
	    sizeof(err)), 0);
	/* a later line for the same host updates its entry */
	assert_int_equal(conf_line(&c, "host-delay-ms www.qingdao.gov.cn 1000",
	    err, sizeof(err)), 0);
	assert_int_equal(c.nhost, 3);
	assert_int_equal(conf_finish(&c, err, sizeof(err)), 0);
	assert_true(c.max_conns >= 12);

	assert_int_equal(conf_delay_ms(&c, "www.qingdao.gov.cn", -1), 1000);
	assert_int_equal(conf_per_host(&c, "www.qingdao.gov.cn"), 1);
	assert_int_equal(conf_delay_ms(&c, "zwgk.qdjm.gov.cn", -1), 0);
	assert_int_equal(conf_per_host(&c, "zwgk.qdjm.gov.cn"), 2);
	assert_int_equal(conf_delay_ms(&c, "qdjm.gov.cn", -1), 200);
	assert_int_equal(conf_delay_ms(&c, "127.0.0.1", -1), 200);
	assert_int_equal(conf_per_host(&c, "127.0.0.1"), 12);
	assert_int_equal(conf_delay_ms(&c, "localhost", -1), 200);
	assert_int_equal(conf_per_host(&c, "localhost"), 2);
	/* Crawl-delay still lengthens a host's own delay */
	assert_int_equal(conf_delay_ms(&c, "zwgk.qdjm.gov.cn", 700), 700);
	assert_int_equal(conf_delay_ms(&c, "www.qingdao.gov.cn", 700), 1000);

	assert_int_equal(conf_line(&c, "host-delay-ms www.x.cn", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "HOST and a number"));
	assert_int_equal(conf_line(&c, "host-per-host www.x.cn 0", err,
	    sizeof(err)), -1);
	assert_int_equal(conf_line(&c, "host-per-host www.x.cn 17", err,
	    sizeof(err)), -1);
	assert_int_equal(conf_line(&c, "host-delay-ms www.x.cn soon", err,
	    sizeof(err)), -1);
	assert_int_equal(c.nhost, 3);
	conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_fit_qingdao),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_host_politeness),
	};

	return cmocka_run_group_tests_name("fetch_conf", tests, NULL, NULL);
}
