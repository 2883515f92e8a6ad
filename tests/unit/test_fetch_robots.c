/* robots.txt: the group for our agent, longest match, Allow wins ties. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_group),
		cmocka_unit_test(test_own_group_wins),
		cmocka_unit_test(test_wildcards_and_ties),
		cmocka_unit_test(test_other_agents_only),
	};

	return cmocka_run_group_tests_name("fetch_robots", tests, NULL, NULL);
}
