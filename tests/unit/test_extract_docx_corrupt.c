/*
 * A damaged .docx gives one `error` record with code corrupt and nothing
 * else: bytes that are no zip, a zip cut short inside word/document.xml, a
 * zip without word/document.xml, a document.xml that is not XML, a zip
 * whose compressed data was changed.  Then 300 copies of a good .docx with
 * random bytes changed must each give either records or one error record,
 * never a crash (run under ASan by make check).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

extern const struct gk_format gk_format_docx;

#define W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static const char good[] =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\"" W "\"><w:body>"
    "<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>收到申请数</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>12"
    "</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge "
    "w:val=\"restart\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
    "<w:p><w:r><w:t>报告完。报告完。报告完。报告完。报告完。</w:t></w:r>"
    "</w:p></w:body></w:document>";

static void
expect_corrupt(const void *data, size_t len)
{
	char *out;

	out = run_format(&gk_format_docx, "docx", data, len);
	assert_non_null(out);
	if (strncmp(out, "error\tD\textract\tcorrupt\t", 24) != 0)
		fail_msg("%zu bytes: %s", len, out);
	assert_non_null(strchr(out, '\n'));
	assert_string_equal(strchr(out, '\n'), "\n");	/* one line only */
	free(out);
}

static void
test_damaged(void **state)
{
	const char *ok[] = { "[Content_Types].xml", "<Types/>",
	    "word/document.xml", good, NULL };
	const char *nodoc[] = { "[Content_Types].xml", "<Types/>",
	    "word/styles.xml", good, NULL };
	const char *notxml[] = { "word/document.xml", "<w:document><w:body>",
	    NULL };
	unsigned char *zip;
	char *out;
	size_t len = 0;

	(void)state;
	expect_corrupt("not a zip at all", 16);
	expect_corrupt("", 0);

	zip = make_zip(ok, &len);
	assert_non_null(zip);
	out = run_format(&gk_format_docx, "docx", zip, len);
	assert_non_null(strstr(out, "\t1\t0\t1\t1\t2\t12\t\n"));	/* sane */
	free(out);
	expect_corrupt(zip, len * 2 / 3);	/* cut short */
	expect_corrupt(zip, 30);
	zip[len / 2] ^= 0x55;			/* data changed: CRC */
	zip[len / 2 + 1] ^= 0x55;
	expect_corrupt(zip, len);
	free(zip);

	zip = make_zip(nodoc, &len);
	expect_corrupt(zip, len);
	free(zip);
	zip = make_zip(notxml, &len);
	expect_corrupt(zip, len);
	free(zip);
}

static void
test_fuzz(void **state)
{
	const char *ok[] = { "word/document.xml", good, NULL };
	unsigned char *zip, *bad;
	char *out;
	size_t len = 0, i;
	int k, n;

	(void)state;
	zip = make_zip(ok, &len);
	assert_non_null(zip);
	bad = malloc(len);
	assert_non_null(bad);
	srand(20261125);
	for (k = 0; k < 300; k++) {
		memcpy(bad, zip, len);
		for (n = 1 + rand() % 8; n > 0; n--) {
			i = (size_t)rand() % len;
			bad[i] = (unsigned char)rand();
		}
		out = run_format(&gk_format_docx, "docx", bad,
		    k % 10 == 9 ? (size_t)rand() % len : len);
		assert_non_null(out);
		/* Either an error record alone, or records of D. */
		if (strncmp(out, "error\t", 6) == 0)
			assert_string_equal(strchr(out, '\n'), "\n");
		else if (out[0] != '\0')
			assert_non_null(strstr(out, "\tD\t"));
		free(out);
	}
	free(bad);
	free(zip);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests_name("extract_docx_corrupt", tests, NULL,
	    NULL);
}
