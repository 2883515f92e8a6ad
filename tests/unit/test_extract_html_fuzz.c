/*
 * Damaged pages never crash the HTML reader: a seed report page and the
 * GBK fixture, each copied 200 times with random bytes changed or cut
 * short, must each give either records of the document or one `error`
 * record (run under ASan and UBSan by make check).  The undamaged seed
 * page gives its 285 cells, so the loop reads real tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

extern const struct gk_format gk_format_html;

static int
count(const char *s, const char *needle)
{
	int n = 0;

	for (; (s = strstr(s, needle)) != NULL; s++)
		n++;
	return n;
}

static void
fuzz(const char *path, int expect_cells)
{
	unsigned char *bad;
	char *data, *out;
	size_t len = 0, i, n;
	int k, m;

	data = read_fixture(path, &len);
	assert_non_null(data);
	out = run_format(&gk_format_html, "html", data, len);
	assert_int_equal(count(out, "\ncell\t") + (strncmp(out, "cell\t", 5)
	    == 0), expect_cells);
	free(out);
	bad = malloc(len);
	assert_non_null(bad);
	for (k = 0; k < 200; k++) {
		memcpy(bad, data, len);
		for (m = 1 + rand() % 16; m > 0; m--) {
			i = (size_t)rand() % len;
			bad[i] = (unsigned char)rand();
		}
		n = k % 8 == 7 ? (size_t)rand() % len : len;
		out = run_format(&gk_format_html, "html", bad, n);
		assert_non_null(out);
		if (strncmp(out, "error\t", 6) == 0)
			assert_string_equal(strchr(out, '\n'), "\n");
		else if (out[0] != '\0')
			assert_int_equal(strncmp(out, "para\tD\t", 7) == 0 ||
			    strncmp(out, "cell\tD\t", 7) == 0, 1);
		free(out);
	}
	free(bad);
	free(data);
}

static void
test_seed_page(void **state)
{
	(void)state;
	srand(9);
	fuzz("tests/corpus/docs/002_76275f96720f379e.html", 285);
}

static void
test_gbk_page(void **state)
{
	(void)state;
	srand(18030);
	fuzz("tests/unit/test_extract_html_gb2312.html", 9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_page),
		cmocka_unit_test(test_gbk_page),
	};

	return cmocka_run_group_tests_name("extract_html_fuzz", tests, NULL,
	    NULL);
}
