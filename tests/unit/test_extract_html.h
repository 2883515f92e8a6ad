/*
 * test_extract_html.h: the check the HTML charset tests share.  Each of
 * their fixtures holds the same page (one table with a 2x2 rowspan+colspan
 * header, a <br> in a cell, a blank cell, a paragraph before and after)
 * in a different encoding or charset label; read right, all give the same
 * records.  Include after <cmocka.h>.
 */
#ifndef GK_TEST_EXTRACT_HTML_H
#define GK_TEST_EXTRACT_HTML_H

#include "test_extract.h"

extern const struct gk_format gk_format_html;

static const char html_fixture_cells[] =
    "1\t0\t0\t2\t2\t申请情况\n"
    "1\t0\t2\t1\t2\t法人\n"
    "1\t1\t2\t1\t1\t商业 企业\n"
    "1\t1\t3\t1\t1\t总计\n"
    "1\t2\t0\t1\t1\t新收\n"
    "1\t2\t1\t1\t1\t\n"
    "1\t2\t2\t1\t1\t1,203\n"
    "1\t2\t3\t1\t1\t7\n"
    "1\t3\t0\t1\t4\t填报人：张喆\n";

/*
 * Run the HTML format on the fixture at path: its cells must be exactly
 * html_fixture_cells, both paragraphs must be whole, and neither U+FFFD
 * nor a byte order mark may show up anywhere.
 */
static void
check_html_fixture(const char *path)
{
	char *data, *out, *c, *p;
	size_t len = 0;

	data = read_fixture(path, &len);
	assert_non_null(data);
	out = run_format(&gk_format_html, "html", data, len);
	assert_non_null(out);
	c = fields(out, "cell", 3);
	p = fields(out, "para", 3);
	assert_string_equal(c, html_fixture_cells);
	assert_non_null(strstr(p, "年度报告\n"));
	assert_non_null(strstr(p, "报告完。\n"));
	assert_null(strstr(out, "\xef\xbf\xbd"));	/* no U+FFFD */
	assert_null(strstr(out, "\xef\xbb\xbf"));	/* no BOM */
	free(c);
	free(p);
	free(out);
	free(data);
}

#endif
