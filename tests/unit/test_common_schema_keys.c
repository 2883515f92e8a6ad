/*
 * The schema's keys: each national form's keys are, in order, those of
 * every truth file of that form; the legacy form's known rows are seed
 * 003's keys; lookups, ranks, printed labels and descriptions of a key;
 * every check a form names is defined and explained.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "common/schema.h"

/* The first column of a truth file equals the form's key list. */
static void
same_keys(const char *path, const char *form)
{
	const struct gk_form *f = gk_form(form);
	char line[4096];
	size_t i = 0;
	FILE *fp;

	assert_non_null(f);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof(line), fp));	/* header */
	while (fgets(line, sizeof(line), fp) != NULL) {
		const struct gk_key *k = gk_form_key(f, i);

		line[strcspn(line, "\t\n")] = '\0';
		if (k == NULL || strcmp(line, k->key) != 0)
			fail_msg("%s: row %zu is %s, %s says %s", path, i + 1,
			    line, form, k != NULL ? k->key : "(end)");
		assert_ptr_equal(gk_form_lookup(f, line), k);
		i++;
	}
	fclose(fp);
	assert_int_equal(i, gk_form_nkeys(f));
}

static void
keys_are_the_truths(void **state)
{
	(void)state;
	assert_int_equal(gk_form_nkeys(gk_form("gov2019")), 198);
	assert_int_equal(gk_form_nkeys(gk_form("gov2021")), 200);
	same_keys("tests/corpus/truth/002_76275f96720f379e.tsv", "gov2019");
	same_keys("tests/corpus/synthetic/truth/syn001.tsv", "gov2021");
	/* the legacy form's known rows are seed 003's (Qingdao 2018) */
	same_keys("tests/corpus/truth/003_937a84458300fa66.tsv", "legacy");
	assert_null(gk_form("gov2025"));
	assert_null(gk_form_key(gk_form("gov2019"), 198));
}

static void
lookup_and_rank(void **state)
{
	const struct gk_key *k;

	(void)state;
	k = gk_key_lookup("requests.denied.state_secret.person");
	assert_non_null(k);
	assert_string_equal(k->table->id, "三");
	assert_string_equal(k->col->suffix, "person");
	assert_null(gk_key_lookup("requests.denied.state_secret"));
	assert_null(gk_form_lookup(gk_form("gov2019"),
	    "requests.other.other.total"));
	assert_non_null(gk_form_lookup(gk_form("gov2021"),
	    "requests.other.other.total"));
	/* one order for both forms, as the tables print them */
	assert_true(gk_key_rank("active.rules.made") <
	    gk_key_rank("active.rules.issued"));
	assert_true(gk_key_rank("active.rules.in_force") <
	    gk_key_rank("active.normative.made"));
	assert_true(gk_key_rank("active.fee.change") <
	    gk_key_rank("active.fee.amount"));
	assert_true(gk_key_rank("active.fee.amount") <
	    gk_key_rank("active.procurement.items"));
	assert_true(gk_key_rank("requests.other.total") <
	    gk_key_rank("requests.other.no_correction.person"));
	assert_true(gk_key_rank("requests.other.other.total") <
	    gk_key_rank("requests.closed_total.person"));
	assert_true(gk_key_rank("requests.carried_out.total") <
	    gk_key_rank("appeals.review.upheld"));
	assert_int_equal(gk_key_rank("legacy.九、依申请公开信息收取的费用"),
	    GK_RANK_UNKNOWN);
	assert_int_equal(gk_key_rank("nothing"), GK_RANK_UNKNOWN);
}

static void
printed_labels(void **state)
{
	const struct gk_key *k;
	char s[512];

	(void)state;
	k = gk_key_lookup("requests.denied.state_secret.business");
	gk_key_row_label(k, s, sizeof(s));
	assert_string_equal(s, "三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密");
	gk_key_col_label(k, s, sizeof(s));
	assert_string_equal(s, "申请人情况 / 法人或其他组织 / 商业企业");
	gk_key_desc(k, s, sizeof(s));
	assert_string_equal(s, "requests refused: a state secret, businesses");
	k = gk_key_lookup("appeals.suit_after.total");
	gk_key_col_label(k, s, sizeof(s));
	assert_string_equal(s, "行政诉讼 / 复议后起诉 / 总计");
	k = gk_form_lookup(gk_form("gov2021"), "active.fee.amount");
	assert_string_equal(k->col->unit, "万元");
	assert_true(k->col->money);
	gk_key_row_label(k, s, sizeof(s));
	assert_string_equal(s, "第二十条第（八）项 / 行政事业性收费");
	k = gk_key_lookup("legacy.三、依申请公开情况.1.当面申请数");
	assert_non_null(k);
	assert_string_equal(k->row->unit, "件");
	gk_key_row_label(k, s, sizeof(s));
	assert_string_equal(s, "三、依申请公开情况 / （一）收到申请数 / 1.当面申请数");
	gk_key_desc(k, s, sizeof(s));
	assert_string_equal(s, "disclosure on request: requests received: in "
	    "person");
	/* a cut output stays whole characters */
	gk_key_row_label(k, s, 7);
	assert_string_equal(s, "三、");
}

static void
checks_explained(void **state)
{
	int f, i;

	(void)state;
	for (f = 0; gk_forms[f] != NULL; f++)
		for (i = 0; gk_forms[f]->checks[i] != NULL; i++) {
			const struct gk_check *c = gk_check(gk_forms[f]->checks[i]);

			assert_non_null(c);
			assert_true(strlen(c->sentence) > 40);
		}
	assert_true(gk_check("carry_chain")->across);
	assert_false(gk_check("row_total")->across);
	assert_null(gk_check("no_such_check"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keys_are_the_truths),
		cmocka_unit_test(lookup_and_rank),
		cmocka_unit_test(printed_labels),
		cmocka_unit_test(checks_explained),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
