/*
 * carry_chain: an agency's carried_in in year Y against its carried_out in
 * year Y-1, matched through the normalised name and the alias table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "load/keys.h"
#include "load/load.h"

static struct aliases *
aliases(void)
{
	char path[] = "/tmp/gk-aliasXXXXXX";
	struct aliases *al;
	int fd = mkstemp(path);
	FILE *fp;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs("# comment\nalias\tcanonical\n青岛市国资委\t"
	    "青岛市人民政府国有资产监督管理委员会\n洪泽区人民政府\t"
	    "淮安市洪泽区人民政府\n", fp);
	fclose(fp);
	al = aliases_read(path);
	unlink(path);
	assert_non_null(al);
	return al;
}

static void
test_agency_key(void **state)
{
	struct aliases *al = aliases();
	char k[512];

	(void)state;
	agency_key(al, "青岛市\xc2\xa0国资委", k, sizeof(k));
	assert_string_equal(k, "青岛市人民政府国有资产监督管理委员会");
	agency_key(al, "青岛市人民政府国有资产监督管理委员会", k, sizeof(k));
	assert_string_equal(k, "青岛市人民政府国有资产监督管理委员会");
	agency_key(al, " 淮安市洪泽区人民政府\xe3\x80\x80", k, sizeof(k));
	assert_string_equal(k, "淮安市洪泽区人民政府");
	agency_key(al, "洪泽区 人民政府", k, sizeof(k));
	assert_string_equal(k, "淮安市洪泽区人民政府");
	/* ASCII brackets become full-width; full-width digits ASCII. */
	agency_key(al, "某局(筹)２０２", k, sizeof(k));
	assert_string_equal(k, "某局（筹）202");
	agency_key(NULL, "市南区人民政府", k, sizeof(k));
	assert_string_equal(k, "市南区人民政府");
	aliases_free(al);
}

static void
report(struct dataset *d, const char *id, const char *agency,
    const char *year)
{
	const char *f[R_NCOL] = { id, agency, year, "gov2021", "new", "", "",
		"", "", "", "" };

	assert_int_equal(table_add(&d->reports, f), 0);
}

static void
metric(struct dataset *d, const char *id, const char *row, int col,
    const char *value, const char *flags)
{
	char key[128];
	const char *f[M_NCOL] = { id, "", "", "gov2021", key, value, "",
		value, flags, "", "", "" };

	snprintf(key, sizeof(key), "requests.%s.%s", row, applicants[col]);
	assert_int_equal(table_add(&d->metrics, f), 0);
}

static void
test_carry_chain(void **state)
{
	/* hz2024 against hz2023: column 0 disagrees; column 1 is blank (0)
	 * against 2; column 2 is not a number (no check); column 3 is
	 * missing (0); the rest agree.  NULL: the metric is left out. */
	static const char *const out23[7] = { "2", "2", "2", "2", "2", "2",
		"12" };
	static const char *const in24[7] = { "3", "", "", NULL, "2", "2",
		"12" };
	struct aliases *al = aliases();
	struct dataset d;
	const struct row *c;
	int i;

	(void)state;
	dataset_init(&d);
	report(&d, "hz2023", "洪泽区人民政府", "2023");
	report(&d, "hz2024", "淮安市洪泽区人民政府", "2024");
	report(&d, "other2024", "淮安市人民政府", "2024");
	report(&d, "hz2022", "洪泽区人民政府", "2022");
	report(&d, "hz2020", "洪泽区人民政府", "2020");
	for (i = 0; i < 7; i++) {
		metric(&d, "hz2023", "carried_out", i, out23[i], "");
		if (in24[i] != NULL)
			metric(&d, "hz2024", "carried_in", i, in24[i],
			    i == 1 ? "blank" : i == 2 ? "not_a_number" : "");
		metric(&d, "other2024", "carried_in", i, "9", "");
		metric(&d, "hz2023", "carried_in", i, "2", "");
		metric(&d, "hz2022", "carried_out", i, "2", "");
		/* 2020 -> 2022 is not consecutive: no check. */
		metric(&d, "hz2020", "carried_out", i, "7", "");
	}
	assert_int_equal(carry_chain(&d, al), 0);
	assert_int_equal(d.checks.n, 3);
	for (i = 0; i < 3; i++) {
		c = d.checks.rows[i];
		assert_string_equal(c->f[C_REPORT], "hz2024");
		assert_string_equal(c->f[C_CHECK], "carry_chain");
		assert_string_equal(c->f[C_AGENCY], "淮安市洪泽区人民政府");
		assert_string_equal(c->f[C_YEAR], "2024");
		assert_string_equal(c->f[C_EXPECTED], "2");
	}
	assert_string_equal(d.checks.rows[0]->f[C_WHERE], "person");
	assert_string_equal(d.checks.rows[0]->f[C_FOUND], "3");
	assert_string_equal(d.checks.rows[1]->f[C_WHERE], "business");
	assert_string_equal(d.checks.rows[1]->f[C_FOUND], "0");
	assert_string_equal(d.checks.rows[2]->f[C_WHERE], "nonprofit");
	assert_string_equal(d.checks.rows[2]->f[C_FOUND], "0");

	/* Without the alias the two names are two agencies: no check. */
	table_free(&d.checks);
	assert_int_equal(carry_chain(&d, NULL), 0);
	assert_int_equal(d.checks.n, 0);
	aliases_free(al);
	dataset_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agency_key),
		cmocka_unit_test(test_carry_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
