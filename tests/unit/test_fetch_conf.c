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

#include <unistd.h>

#include "fetch/conf.h"
#include "fetch/url.h"

static void
test_defaults_fit_qingdao(void **state)
{
	struct fetch_conf c;
	char err[256];

	(void)state;
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
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
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
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
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
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
	assert_int_equal(conf_line(&c, "connect-to www.x.cn:80", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "HOST:PORT:ADDRESS:PORT"));
	assert_int_equal(conf_line(&c, "include /nonexistent/y.conf", err,
	    sizeof(err)), -1);
	conf_free(&c);
}

static void
test_host_politeness(void **state)
{
	struct fetch_conf c;
	char err[256];

	(void)state;
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
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


/* Lists of strings and patterns equal, element by element. */
static void
same_strs(char *const *a, int na, char *const *b, int nb)
{
	assert_int_equal(na, nb);
	for (int i = 0; i < na; i++)
		assert_string_equal(a[i], b[i]);
}

static void
same_pats(const struct pattern *a, int na, const struct pattern *b, int nb)
{
	assert_int_equal(na, nb);
	for (int i = 0; i < na; i++)
		assert_string_equal(a[i].src, b[i].src);
}

/*
 * The built-in defaults are config/qingdao.conf: the file read into an
 * empty configuration (nothing built in) gives every value the program
 * starts with, and the same agencies.  Fails when a default is written
 * into the code and not into the file, or the file into the code and not
 * compiled from it.
 */
static void
test_builtin_is_the_file(void **state)
{
	struct fetch_conf a, b;
	char err[512];
	size_t i;

	(void)state;
	assert_int_equal(conf_init(&a, err, sizeof(err)), 0);
	assert_int_equal(conf_finish(&a, err, sizeof(err)), 0);
	memset(&b, 0, sizeof(b));
	b.start_columns = 1;
	if (conf_load(&b, "config/qingdao.conf", err, sizeof(err)) == -1 ||
	    conf_finish(&b, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	same_strs(a.start, a.nstart, b.start, b.nstart);
	same_strs(a.hub, a.nhub, b.hub, b.nhub);
	same_strs(a.allow, a.nallow, b.allow, b.nallow);
	same_strs(a.next_label, a.nnext_label, b.next_label, b.nnext_label);
	same_strs(a.attach_label, a.nattach_label, b.attach_label,
	    b.nattach_label);
	same_strs(a.listing_label, a.nlisting_label, b.listing_label,
	    b.nlisting_label);
	same_strs(a.date_label, a.ndate_label, b.date_label, b.ndate_label);
	same_strs(a.source_label, a.nsource_label, b.source_label,
	    b.nsource_label);
	same_strs(a.connect_to, a.nconnect_to, b.connect_to, b.nconnect_to);
	same_pats(a.listing, a.nlisting, b.listing, b.nlisting);
	same_pats(a.report, a.nreport, b.report, b.nreport);
	same_pats(a.attachment, a.nattachment, b.attachment, b.nattachment);
	same_pats(a.column, a.ncolumn, b.column, b.ncolumn);
	same_pats(a.source_ignore, a.nsource_ignore, b.source_ignore,
	    b.nsource_ignore);
	assert_string_equal(a.user_agent, b.user_agent);
	assert_null(a.ca_file);
	assert_null(b.ca_file);
	assert_int_equal(a.per_host, b.per_host);
	assert_int_equal(a.max_conns, b.max_conns);
	assert_int_equal(a.delay_ms, b.delay_ms);
	assert_int_equal(a.max_crawl_delay_ms, b.max_crawl_delay_ms);
	assert_int_equal(a.connect_timeout, b.connect_timeout);
	assert_int_equal(a.timeout, b.timeout);
	assert_int_equal(a.low_speed_limit, b.low_speed_limit);
	assert_int_equal(a.low_speed_time, b.low_speed_time);
	assert_int_equal(a.max_bytes, b.max_bytes);
	assert_int_equal(a.max_page_bytes, b.max_page_bytes);
	assert_int_equal(a.max_listing, b.max_listing);
	assert_int_equal(a.max_docs, b.max_docs);
	assert_int_equal(a.retries, b.retries);
	assert_int_equal(a.backoff_ms, b.backoff_ms);
	assert_int_equal(a.backoff_max_ms, b.backoff_max_ms);
	assert_int_equal(a.retry_after_max, b.retry_after_max);
	assert_int_equal(a.max_redirects, b.max_redirects);
	assert_int_equal(a.doc_timeout, b.doc_timeout);
	assert_int_equal(a.host_down_after, b.host_down_after);
	assert_int_equal(a.recheck_recent_days, b.recheck_recent_days);
	assert_int_equal(a.recheck_cycle_days, b.recheck_cycle_days);
	assert_int_equal(a.full_walk_days, b.full_walk_days);
	assert_true(a.doc_timeout > 0 && a.recheck_cycle_days > 0);
	assert_int_equal(a.robots, b.robots);
	assert_int_equal(a.robots, 1);
	assert_int_equal(a.nhost, b.nhost);
	/* the file names agencies.tsv beside it: the built-in copy equals it */
	assert_null(a.agencies_path);
	assert_non_null(b.agencies_path);
	assert_non_null(strstr(b.agencies_path, "config/agencies.tsv"));
	assert_int_equal(a.agencies.n, b.agencies.n);
	assert_true(a.agencies.n >= 30);
	for (i = 0; i < a.agencies.n; i++) {
		assert_string_equal(a.agencies.v[i].name, b.agencies.v[i].name);
		assert_string_equal(a.agencies.v[i].column,
		    b.agencies.v[i].column);
	}
	conf_free(&a);
	conf_free(&b);
}

/*
 * config/agencies.tsv against the shipped hosts: every agency's host is
 * allowed, its column is on its host, names are unique, a district
 * department's or street's parent is a district of the list.
 */
static void
test_agencies(void **state)
{
	struct fetch_conf c;
	char err[512], host[256];
	size_t i, k;
	int districts = 0;

	(void)state;
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
	assert_int_equal(conf_finish(&c, err, sizeof(err)), 0);
	for (i = 0; i < c.agencies.n; i++) {
		const struct agency *g = &c.agencies.v[i];

		if (!conf_host_allowed(&c, g->host))
			fail_msg("%s: host %s is not allowed", g->name, g->host);
		if (g->column[0] != '\0') {
			assert_int_equal(url_host(g->column, host, sizeof(host)),
			    0);
			if (strcmp(host, g->host) != 0)
				fail_msg("%s: column on %s, host %s", g->name,
				    host, g->host);
		}
		for (k = 0; k < i; k++)
			if (strcmp(c.agencies.v[k].name, g->name) == 0)
				fail_msg("%s listed twice", g->name);
		if (strcmp(g->level, "district") == 0)
			districts++;
		if (strcmp(g->level, "district_department") == 0 ||
		    strcmp(g->level, "street") == 0) {
			for (k = 0; k < c.agencies.n; k++)
				if (strcmp(c.agencies.v[k].name, g->parent) ==
				    0 && strcmp(c.agencies.v[k].level,
				    "district") == 0)
					break;
			if (k == c.agencies.n)
				fail_msg("%s: parent %s is not a district",
				    g->name, g->parent);
		} else
			assert_string_equal(g->parent, "");
	}
	assert_int_equal(districts, 10);
	/* a page under a column is the column's agency's */
	assert_string_equal(agencies_of_url(&c.agencies,
	    "http://www.jimo.gov.cn/zwgk/zfxxgknb/index_1.shtml")->name,
	    "青岛市即墨区人民政府");
	assert_string_equal(agencies_of_url(&c.agencies,
	    "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/2024/index.shtml")->name,
	    "青岛市人民政府");
	assert_null(agencies_of_url(&c.agencies,
	    "http://www.jimo.gov.cn/zwgk/index.shtml"));
	conf_free(&c);
}

static void
test_agencies_errors(void **state)
{
	struct agencies a = { 0 };
	char err[512];

	(void)state;
	assert_int_equal(agencies_parse(&a, "name\tlevel\n", "t", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "header"));
	assert_int_equal(agencies_parse(&a, "agency\tlevel\tparent\thost\t"
	    "column\nX\tprovince\t\tx.cn\t\n", "t", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "t line 2: level province"));
	assert_int_equal(agencies_parse(&a, "agency\tlevel\tparent\thost\t"
	    "column\n# c\nX\tcity\t\tx.cn\n", "t", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "4 fields"));
	assert_int_equal(agencies_parse(&a, "agency\tlevel\tparent\thost\t"
	    "column\nX\tcity\t\tx.cn\tftp://x.cn/\n", "t", err,
	    sizeof(err)), -1);
	agencies_free(&a);
	assert_int_equal(agencies_parse(&a, "agency\tlevel\tparent\thost\t"
	    "column\r\nX\tcity\t\tx.cn\thttp://X.cn/a/b/\r\n", "t", err,
	    sizeof(err)), 0);
	assert_int_equal(a.n, 1);
	assert_string_equal(a.v[0].column, "http://x.cn/a/b/");
	agencies_free(&a);
}

/* A second file changes what it names; include reads a file in place,
 * its paths from its own folder. */
static void
test_layers(void **state)
{
	struct fetch_conf c;
	char dir[] = "/tmp/gk-conf-XXXXXX", a[64], b[64], t[64], err[512];
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(a, sizeof(a), "%s/a.conf", dir);
	snprintf(b, sizeof(b), "%s/b.conf", dir);
	snprintf(t, sizeof(t), "%s/ag.tsv", dir);
	assert_non_null(fp = fopen(t, "w"));
	fputs("agency\tlevel\tparent\thost\tcolumn\n"
	    "T\tcity\t\t127.0.0.1\thttp://127.0.0.1/c/\n", fp);
	fclose(fp);
	assert_non_null(fp = fopen(a, "w"));
	fputs("allow 127.0.0.1\nagencies ag.tsv\ndelay-ms 7\n", fp);
	fclose(fp);
	assert_non_null(fp = fopen(b, "w"));
	fputs("include a.conf\nallow localhost\nconnect-to ::127.0.0.1:9\n",
	    fp);
	fclose(fp);
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
	if (conf_load(&c, b, err, sizeof(err)) == -1 ||
	    conf_finish(&c, err, sizeof(err)) == -1)
		fail_msg("%s", err);
	/* a.conf's allow replaced the built-in list, b.conf's added to it */
	assert_int_equal(c.nallow, 2);
	assert_true(conf_host_allowed(&c, "localhost"));
	assert_false(conf_host_allowed(&c, "www.qingdao.gov.cn"));
	assert_int_equal(c.delay_ms, 7);
	assert_int_equal(c.nconnect_to, 1);
	assert_int_equal(c.agencies.n, 1);
	assert_string_equal(c.agencies.v[0].name, "T");
	/* a second file replaces the lists it names, keeps the others */
	assert_non_null(fp = fopen(a, "w"));
	fputs("allow www.x.cn\n", fp);
	fclose(fp);
	assert_int_equal(conf_load(&c, a, err, sizeof(err)), 0);
	assert_int_equal(c.nallow, 1);
	assert_int_equal(c.nconnect_to, 1);
	assert_int_equal(c.delay_ms, 7);
	conf_free(&c);
	/* include of itself: bounded */
	assert_non_null(fp = fopen(a, "w"));
	fputs("include a.conf\n", fp);
	fclose(fp);
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
	assert_int_equal(conf_load(&c, a, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "nested"));
	conf_free(&c);
	remove(a);
	remove(b);
	remove(t);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_fit_qingdao),
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_host_politeness),
		cmocka_unit_test(test_builtin_is_the_file),
		cmocka_unit_test(test_agencies),
		cmocka_unit_test(test_agencies_errors),
		cmocka_unit_test(test_layers),
	};

	return cmocka_run_group_tests_name("fetch_conf", tests, NULL, NULL);
}
