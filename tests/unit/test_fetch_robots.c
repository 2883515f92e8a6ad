/* robots.txt: the group for our agent, longest match, Allow wins ties;
 * its Crawl-delay, and the delay the crawler keeps because of it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "fetch/conf.h"
#include "fetch/robots.h"

#define UA "gk-fetch/1.0 (government report archiver)"

static struct robots *
parse(const char *txt)
{
	struct robots *rb = robots_parse(txt, strlen(txt), UA);

	assert_non_null(rb);
	return rb;
}

static void
test_star_group(void **state)
{
	struct robots *rb = parse("User-agent: *\nDisallow: /private/\n");

	(void)state;
	assert_false(robots_allowed(rb, "/private/admin.shtml"));
	assert_true(robots_allowed(rb, "/privateer"));
	assert_true(robots_allowed(rb, "/zwgk/index.shtml"));
	assert_true(robots_allowed(rb, "/robots.txt"));
	robots_free(rb);
}

static void
test_own_group_wins(void **state)
{
	struct robots *rb = parse("# c\r\nUser-agent: *\r\nDisallow: /\r\n\r\n"
	    "User-agent: otherbot\nUser-agent: GK-FETCH\nDisallow: /a/\n"
	    "Allow: /a/ok\n\nUser-agent: gk-fetch\nDisallow: /b$\n");

	(void)state;
	assert_true(robots_allowed(rb, "/zwgk/"));
	assert_false(robots_allowed(rb, "/a/x"));
	assert_true(robots_allowed(rb, "/a/ok.html"));
	assert_false(robots_allowed(rb, "/b"));
	assert_true(robots_allowed(rb, "/b/c"));
	robots_free(rb);
}

static void
test_wildcards_and_ties(void **state)
{
	struct robots *rb = parse("User-agent: *\nDisallow: /*.pdf$\n"
	    "Disallow: /x\nAllow: /x\nDisallow: /d*/q\nDisallow:\n");

	(void)state;
	assert_false(robots_allowed(rb, "/a/b.pdf"));
	assert_true(robots_allowed(rb, "/a/b.pdf?x=1"));
	assert_true(robots_allowed(rb, "/x/y"));	/* tie: Allow */
	assert_false(robots_allowed(rb, "/dir/q"));
	robots_free(rb);
}

static void
test_other_agents_only(void **state)
{
	struct robots *rb = parse("User-agent: badbot\nDisallow: /\n");

	(void)state;
	assert_true(robots_allowed(rb, "/anything"));
	robots_free(rb);
	rb = robots_all(0);
	assert_false(robots_allowed(rb, "/"));
	robots_free(rb);
	rb = parse("");
	assert_true(robots_allowed(rb, "/"));
	robots_free(rb);
}

static void
test_crawl_delay(void **state)
{
	struct robots *rb;

	(void)state;
	/* our own group's, not the '*' group's */
	rb = parse("User-agent: *\nCrawl-delay: 9\n\nUser-agent: gk-fetch\n"
	    "Disallow: /x\nCrawl-delay: 2.5\n");
	assert_int_equal(robots_crawl_delay(rb), 2500);
	assert_false(robots_allowed(rb, "/x"));
	robots_free(rb);
	/* the '*' group's when we have none; another agent's is not ours */
	rb = parse("User-agent: badbot\nCrawl-delay: 60\n\nUser-agent: *\n"
	    "crawl-delay : 3 # seconds\n");
	assert_int_equal(robots_crawl_delay(rb), 3000);
	robots_free(rb);
	rb = parse("User-agent: badbot\nCrawl-delay: 60\n");
	assert_int_equal(robots_crawl_delay(rb), -1);
	robots_free(rb);
	/* the larger of two in merged groups; bad values ignored */
	rb = parse("User-agent: *\nCrawl-delay: 1\nUser-agent: gk-fetch\n"
	    "Crawl-delay: 0.2\n\nUser-agent: gk-fetch\nCrawl-delay: 0.7\n"
	    "Crawl-delay: soon\nCrawl-delay: -4\nCrawl-delay: nan\n");
	assert_int_equal(robots_crawl_delay(rb), 700);
	robots_free(rb);
	rb = parse("User-agent: *\nDisallow: /p/\n");
	assert_int_equal(robots_crawl_delay(rb), -1);
	robots_free(rb);
	rb = robots_all(1);
	assert_int_equal(robots_crawl_delay(rb), -1);
	robots_free(rb);
}

/* the crawler waits the larger of delay-ms and Crawl-delay, bounded */
static void
test_crawl_delay_conf(void **state)
{
	struct fetch_conf c;
	char err[256];

	(void)state;
	assert_int_equal(conf_init(&c, err, sizeof(err)), 0);
	assert_int_equal(conf_finish(&c, err, sizeof(err)), 0);
	assert_int_equal(conf_delay_ms(&c, "www.qingdao.gov.cn", -1), 500);
	assert_int_equal(conf_delay_ms(&c, "www.qingdao.gov.cn", 200), 500);
	assert_int_equal(conf_delay_ms(&c, "www.qingdao.gov.cn", 2500), 2500);
	assert_int_equal(conf_delay_ms(&c, "www.qingdao.gov.cn", 3600000), 30000);
	assert_int_equal(conf_line(&c, "max-crawl-delay-ms 1000", err,
	    sizeof(err)), 0);
	assert_int_equal(conf_line(&c, "delay-ms 0", err, sizeof(err)), 0);
	assert_int_equal(conf_delay_ms(&c, "h", 2500), 1000);
	assert_int_equal(conf_delay_ms(&c, "h", 300), 300);
	assert_int_equal(conf_delay_ms(&c, "h", -1), 0);
	assert_int_equal(conf_line(&c, "max-crawl-delay-ms 0", err,
	    sizeof(err)), 0);
	assert_int_equal(conf_delay_ms(&c, "h", 2500), 0);
	assert_int_equal(conf_line(&c, "max-crawl-delay-ms -1", err,
	    sizeof(err)), -1);
	conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_group),
		cmocka_unit_test(test_own_group_wins),
		cmocka_unit_test(test_wildcards_and_ties),
		cmocka_unit_test(test_other_agents_only),
		cmocka_unit_test(test_crawl_delay),
		cmocka_unit_test(test_crawl_delay_conf),
	};

	return cmocka_run_group_tests_name("fetch_robots", tests, NULL, NULL);
}
