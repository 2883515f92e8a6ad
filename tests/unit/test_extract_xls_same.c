/*
 * One workbook saved as .xlsx and as .xls gives the same paras and cells
 * (TABLE ROW COL ROWSPAN COLSPAN TEXT) from the two readers: the files of
 * tests/sheets, LibreOffice's from a page and openpyxl's re-saved by
 * LibreOffice, 7 reports each (merged headers, blank cells, numbers under
 * 0.000000 and #,##0).  Each file also holds the figures of its report
 * (seed 002's 10991825 among them).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

extern const struct gk_format gk_format_xls;
extern const struct gk_format gk_format_xlsx;

static const char *ids[] = { "000_0e252554ad65cb5c", "001_967186fe634bba4e",
    "002_76275f96720f379e", "003_937a84458300fa66", "004_107c488a6d9a59ea",
    "syn000", "syn001", NULL };

/* The records of path without their DOC and SEQ fields. */
static char *
records(const struct gk_format *f, const char *type, const char *path)
{
	size_t len = 0;
	char *data = read_fixture(path, &len), *out, *cells, *paras, *all;

	assert_non_null(data);
	out = run_format(f, type, data, len);
	assert_non_null(out);
	assert_null(strstr(out, "error\t"));
	cells = fields(out, "cell", 3);
	paras = fields(out, "para", 3);
	assert_non_null(all = malloc(strlen(cells) + strlen(paras) + 2));
	sprintf(all, "%s\n%s", paras, cells);
	free(cells);
	free(paras);
	free(out);
	free(data);
	return all;
}

static void
test_same(void **state)
{
	char a[256], b[256], *x, *y;
	int i, p;

	(void)state;
	for (i = 0; ids[i] != NULL; i++)
		for (p = 0; p < 2; p++) {
			snprintf(a, sizeof(a), "tests/sheets/docs/%s_%s.xlsx",
			    ids[i], p ? "py" : "lo");
			snprintf(b, sizeof(b), "tests/sheets/docs/%s_%s.xls",
			    ids[i], p ? "py" : "lo");
			x = records(&gk_format_xlsx, "xlsx", a);
			y = records(&gk_format_xls, "xls", b);
			assert_string_equal(x, y);
			assert_true(strlen(x) > 1000);
			if (strcmp(ids[i], "002_76275f96720f379e") == 0)
				assert_non_null(strstr(x, "\t10991825\n"));
			free(x);
			free(y);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same),
	};

	return cmocka_run_group_tests_name("extract_xls_same", tests, NULL,
	    NULL);
}
