/*
 * The consistency checks of SCHEMA.md on a made-up gov2019 report: a blank
 * cell and a missing row count as 0 (the missing row is also a
 * template_shape failure), a cell that is not a number skips the check, and
 * EXPECTED/FOUND are plain numbers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform/tx.h"

static struct tx_version v;
static struct tx_check c[512];
static int nc;

static void
put(const char *key, const char *text)
{
	struct tx_value val;

	tx_value_parse(text, 0, &val);
	assert_int_equal(tx_version_add(&v, key, &val, NULL), 0);
}

/* A complete gov2019 report whose figures add up: every key 0, then the
 * figures set by the test. */
static void
zeros(void)
{
	const struct gk_form *f = gk_form("gov2019");
	size_t i;

	memset(&v, 0, sizeof(v));
	v.form = f;
	for (i = 0; i < gk_form_nkeys(f); i++)
		put(gk_form_key(f, i)->key, "0");
}

static void
set(const char *key, const char *text)
{
	struct tx_metric *m = tx_version_get(&v, key);
	struct tx_value val;

	assert_non_null(m);
	tx_value_parse(text, 0, &val);
	assert_int_equal(tx_metric_set(m, val.value, m->unit, val.raw), 0);
	m->flags = val.flags;
}

static int
has(const char *name, const char *where, const char *exp, const char *found)
{
	int i;

	for (i = 0; i < nc; i++)
		if (strcmp(c[i].name, name) == 0 &&
		    strcmp(c[i].where, where) == 0 &&
		    strcmp(c[i].expected, exp) == 0 &&
		    strcmp(c[i].found, found) == 0)
			return 1;
	return 0;
}

static void
run(void)
{
	nc = tx_checks(&v, c, 512);
}

static void
consistent(void **state)
{
	(void)state;
	zeros();
	set("requests.new.person", "5");
	set("requests.new.total", "5");
	set("requests.granted.person", "4");
	set("requests.granted.total", "4");
	set("requests.closed_total.person", "4");
	set("requests.closed_total.total", "4");
	set("requests.carried_out.person", "1");
	set("requests.carried_out.total", "1");
	set("appeals.review.upheld", "2");
	set("appeals.review.total", "2");
	run();
	assert_int_equal(nc, 0);
	tx_version_free(&v);
}

static void
failures(void **state)
{
	(void)state;
	zeros();
	/* 004's pattern: 总计 column left 0 or blank */
	set("requests.new.person", "13");
	set("requests.new.business", "1");
	set("requests.granted.person", "6");
	set("requests.granted.total", "");
	set("requests.closed_total.person", "7");
	set("appeals.suit_after.upheld", "5");
	run();
	assert_true(has("row_total", "new", "14", "0"));
	/* a blank 总计 counts as 0 */
	assert_true(has("row_total", "granted", "6", "0"));
	assert_true(has("row_total", "closed_total", "7", "0"));
	assert_true(has("closed_total", "person", "6", "7"));
	assert_true(has("balance", "person", "13", "7"));
	assert_true(has("balance", "business", "1", "0"));
	assert_true(has("appeals_total", "suit_after", "5", "0"));
	assert_int_equal(nc, 7);
	tx_version_free(&v);
}

static void
not_a_number_skips(void **state)
{
	(void)state;
	zeros();
	set("requests.new.person", "3");
	set("requests.new.total", "—");
	run();
	/* row_total of new is unknowable; balance of person is not */
	assert_false(has("row_total", "new", "3", "0"));
	assert_true(has("balance", "person", "3", "0"));
	/* total's balance touches the — cell: skipped */
	assert_int_equal(nc, 1);
	tx_version_free(&v);
}

static void
missing_row(void **state)
{
	static const char *const applicants[7] = { "person", "business",
	    "research", "nonprofit", "legal", "other_org", "total" };
	const struct gk_form *f = gk_form("gov2021");
	size_t i;
	char key[96];

	(void)state;
	/* the mixed form: gov2021 with the single （六）其他处理 row */
	memset(&v, 0, sizeof(v));
	v.form = f;
	for (i = 0; i < gk_form_nkeys(f); i++)
		if (strncmp(gk_form_key(f, i)->key, "requests.other.", 15) != 0)
			put(gk_form_key(f, i)->key, "0");
	for (i = 0; i < 7; i++) {
		snprintf(key, sizeof(key), "requests.other.%s",
		    applicants[i]);
		put(key, i == 0 || i == 6 ? "2" : "0");
	}
	set("requests.closed_total.person", "2");
	set("requests.closed_total.total", "2");
	set("requests.new.person", "2");
	set("requests.new.total", "2");
	run();
	/* the printed other row counts in closed_total; 21 keys are missing */
	assert_true(has("template_shape", "requests.other.no_correction.person",
	    "1", "0"));
	assert_true(has("template_shape", "requests.other.other.total", "1",
	    "0"));
	assert_int_equal(nc, 21);
	/* a key printed twice */
	put("requests.new.person", "9");
	run();
	assert_true(has("template_shape", "requests.new.person", "1", "2"));
	assert_int_equal(nc, 22);
	tx_version_free(&v);
}

static void
numbers_print_plain(void **state)
{
	char s[64];

	(void)state;
	tx_num_str(5086, s, sizeof(s));
	assert_string_equal(s, "5086");
	tx_num_str(0.5 + 0.25, s, sizeof(s));
	assert_string_equal(s, "0.75");
	tx_num_str(-0.0, s, sizeof(s));
	assert_string_equal(s, "0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(consistent),
		cmocka_unit_test(failures),
		cmocka_unit_test(not_a_number_skips),
		cmocka_unit_test(missing_row),
		cmocka_unit_test(numbers_print_plain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
