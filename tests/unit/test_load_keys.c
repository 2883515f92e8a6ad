/*
 * The key lists gk-load writes as the columns of wide-gov2019.tsv and
 * wide-gov2021.tsv must be, in order, the keys of every truth file of that
 * template (the truth lists them in the order the tables print them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "load/keys.h"

static const char *const dirs[] = { "tests/corpus/truth",
	"tests/corpus/synthetic/truth", "tests/corpus/flat/truth" };

/* Compare one truth file's first column with the template's key list. */
static void
check_file(const char *path, const char *template)
{
	const char *const *keys;
	char line[4096];
	size_t n, i = 0;
	FILE *fp;

	keys = keys_of(template, &n);
	assert_non_null(keys);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof(line), fp));	/* header */
	while (fgets(line, sizeof(line), fp) != NULL) {
		line[strcspn(line, "\t\n")] = '\0';
		if (i >= n || strcmp(line, keys[i]) != 0)
			fail_msg("%s: row %zu is %s, the %s list says %s", path,
			    i + 1, line, template, i < n ? keys[i] : "(end)");
		assert_true(key_rank(line) != KEY_RANK_UNKNOWN);
		i++;
	}
	fclose(fp);
	assert_int_equal(i, n);
}

static void
test_keys_match_truth(void **state)
{
	char line[1024], path[1200], *doc, *tmpl;
	size_t d, seen2019 = 0, seen2021 = 0;
	FILE *fp;

	(void)state;
	for (d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		snprintf(path, sizeof(path), "%s/reports.tsv", dirs[d]);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		while (fgets(line, sizeof(line), fp) != NULL) {
			line[strcspn(line, "\n")] = '\0';
			doc = strtok(line, "\t");
			strtok(NULL, "\t");
			strtok(NULL, "\t");
			tmpl = strtok(NULL, "\t");
			if (doc == NULL || tmpl == NULL)
				continue;
			if (strcmp(tmpl, "gov2019") != 0 &&
			    strcmp(tmpl, "gov2021") != 0)
				continue;
			snprintf(path, sizeof(path), "%s/%s.tsv", dirs[d], doc);
			check_file(path, tmpl);
			if (strcmp(tmpl, "gov2019") == 0)
				seen2019++;
			else
				seen2021++;
		}
		fclose(fp);
	}
	/* The corpus holds several of each: a missing folder must not pass. */
	assert_true(seen2019 >= 5);
	assert_true(seen2021 >= 2);
}

static void
test_key_counts_and_rank(void **state)
{
	size_t n;

	(void)state;
	assert_non_null(keys_of("gov2019", &n));
	assert_int_equal(n, 198);
	assert_non_null(keys_of("gov2021", &n));
	assert_int_equal(n, 200);
	assert_null(keys_of("legacy", &n));
	/* gov2019's single 三（六） row sorts between 三（五） and 三（七）. */
	assert_true(key_rank("requests.rejected.confirm.total") <
	    key_rank("requests.other.person"));
	assert_true(key_rank("requests.other.total") <
	    key_rank("requests.closed_total.person"));
	assert_true(key_rank("active.fee.amount") <
	    key_rank("requests.new.person"));
	assert_int_equal(key_rank("legacy.一、主动公开情况"), KEY_RANK_UNKNOWN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_match_truth),
		cmocka_unit_test(test_key_counts_and_rank),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
