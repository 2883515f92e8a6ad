/* The re-check schedule: young documents every run, old ones once a
 * cycle, each on its own night, spread evenly; missed nights caught up;
 * a listing's page numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fetch/links.h"
#include "fetch/sched.h"

#define DAY 86400

static const struct sched sc = { 30, 30 };

static void
test_young_every_night(void **state)
{
	time_t now = sched_date("2025-03-01") + 3 * 3600;

	(void)state;
	/* published ten days ago, checked an hour ago: still due */
	assert_true(sched_due(&sc, "http://x.cn/t1.shtml", "2025-02-19",
	    now - 100 * DAY, now - 3600, now));
	/* no date: first seen ten days ago */
	assert_true(sched_due(&sc, "http://x.cn/t2.shtml", "", now - 10 * DAY,
	    now - 3600, now));
	/* never checked */
	assert_true(sched_due(&sc, "http://x.cn/t3.shtml", "2015-01-01",
	    now - 900 * DAY, 0, now));
}

/* Old documents: over 30 nights each is due exactly once, and about a
 * thirtieth of them each night. */
static void
test_old_once_a_cycle(void **state)
{
	enum { N = 3000 };
	static time_t checked[N];
	time_t t0 = sched_date("2025-03-01") + 2 * 3600;
	int count[N], night, i, most = 0, least = N;
	char url[64];

	(void)state;
	for (i = 0; i < N; i++) {
		checked[i] = t0 - DAY;	/* checked the night before */
		count[i] = 0;
	}
	for (night = 0; night < 30; night++) {
		time_t now = t0 + night * DAY;
		int due = 0;

		for (i = 0; i < N; i++) {
			snprintf(url, sizeof(url), "http://x.cn/%d/t2021_%d.shtml",
			    i % 7, i);
			if (sched_due(&sc, url, "2021-01-29", t0 - 400 * DAY,
			    checked[i], now)) {
				count[i]++;
				checked[i] = now;
				due++;
			}
		}
		if (due > most)
			most = due;
		if (due < least)
			least = due;
	}
	for (i = 0; i < N; i++)
		assert_int_equal(count[i], 1);
	/* evenly: 100 a night, give or take */
	assert_true(least > 50 && most < 150);
}

static void
test_run_twice_a_night(void **state)
{
	time_t now = sched_date("2025-03-01") + 2 * 3600;
	const char *u;
	char url[64];
	int i;

	(void)state;
	/* the one due tonight, checked tonight already: not again */
	for (i = 0;; i++) {
		snprintf(url, sizeof(url), "http://x.cn/t%d.shtml", i);
		if (sched_due(&sc, url, "2020-01-01", now - 900 * DAY,
		    now - DAY, now))
			break;
	}
	u = url;
	assert_false(sched_due(&sc, u, "2020-01-01", now - 900 * DAY,
	    now - 3600, now));
	/* a cycle of 1: every run */
	{
		struct sched every = { 30, 1 };

		assert_true(sched_due(&every, u, "2020-01-01", now - 900 * DAY,
		    now - 60, now));
	}
}

static void
test_missed_nights(void **state)
{
	time_t now = sched_date("2025-03-01") + 2 * 3600;
	char url[64];
	int i, due = 0;

	(void)state;
	/* not checked for two cycles (the crawl did not run): due at once */
	for (i = 0; i < 100; i++) {
		snprintf(url, sizeof(url), "http://x.cn/t%d.shtml", i);
		due += sched_due(&sc, url, "2020-01-01", now - 900 * DAY,
		    now - 61 * DAY, now);
	}
	assert_int_equal(due, 100);
}

static void
test_dates(void **state)
{
	(void)state;
	assert_int_equal(sched_date("1970-01-02"), DAY);
	assert_int_equal(sched_date("2025-13-01"), 0);
	assert_int_equal(sched_date("2025-01-01x"), 0);
	assert_int_equal(sched_date(""), 0);
	/* a date in the future is no age: first seen counts */
	assert_true(sched_due(&sc, "http://x.cn/a", "2099-01-01",
	    sched_date("2025-03-01"), sched_date("2025-03-01"),
	    sched_date("2025-03-02")));
}

static void
test_page_numbers(void **state)
{
	(void)state;
	assert_int_equal(link_page_number("http://x.cn/a/"), 0);
	assert_int_equal(link_page_number("http://x.cn/a/index.shtml"), 0);
	assert_int_equal(link_page_number("http://x.cn/a/index_1.shtml"), 1);
	assert_int_equal(link_page_number("http://x.cn/a/index_41.html"), 41);
	assert_int_equal(link_page_number("http://x.cn/a/list.html"), -1);
	assert_int_equal(link_page_number("http://x.cn/a/index_.html"), -1);
	assert_int_equal(link_page_number("http://x.cn/a/index_2x.html"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_young_every_night),
		cmocka_unit_test(test_old_once_a_cycle),
		cmocka_unit_test(test_run_twice_a_night),
		cmocka_unit_test(test_missed_nights),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_page_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
