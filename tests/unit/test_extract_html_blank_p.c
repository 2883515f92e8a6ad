/*
 * A <p> holding only white space (&nbsp;, U+3000, nothing, inline markup
 * around them) is kept as an empty para: pages that print a table one <p>
 * per cell print a blank cell that way, <p><br></p> too.  Other empty
 * blocks (div, li, headings), a <p> holding an image, and empty <p>s inside
 * a data table's cells are not paras.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "test_extract.h"

extern const struct gk_format gk_format_html;

static char *
paras_of(const char *page)
{
	char *out, *p;

	out = run_format(&gk_format_html, "html", page, strlen(page));
	assert_non_null(out);
	p = fields(out, "para", 3);
	free(out);
	assert_non_null(p);
	return p;
}

static void
blank_cells_kept(void **state)
{
	static const char page[] =
	    "<html><body>"
	    "<p>规章</p>"
	    "<p>&nbsp;</p>"
	    "<p></p>"
	    "<p>\xe3\x80\x80</p>"			/* U+3000 */
	    "<p><span style=\"x\">&nbsp;</span></p>"
	    "<p> <b> </b> </p>"
	    "<p><br/></p>"				/* some editors' blank */
	    "<p>&nbsp;<br>&nbsp;</p>"
	    "<p>7</p>"
	    "</body></html>";
	char *p = paras_of(page);

	(void)state;
	assert_string_equal(p, "规章\n\n\n\n\n\n\n\n7\n");
	free(p);
}

static void
layout_not_kept(void **state)
{
	static const char page[] =
	    "<html><body>"
	    "<div>&nbsp;</div>"
	    "<div></div>"
	    "<h2> </h2>"
	    "<ul><li>&nbsp;</li></ul>"
	    "<p>正文</p>"
	    "<p><img src=\"a.png\"/></p>"
	    "<div><span>&nbsp;</span></div>"
	    "<p>完</p>"
	    "</body></html>";
	char *p = paras_of(page);

	(void)state;
	assert_string_equal(p, "正文\n完\n");
	free(p);
}

static void
cells_unchanged(void **state)
{
	static const char page[] =
	    "<html><body><table>"
	    "<tr><td><p>规章</p></td><td><p>&nbsp;</p></td></tr>"
	    "<tr><td>a</td><td><p></p></td></tr>"
	    "</table></body></html>";
	char *out, *c, *p;

	(void)state;
	out = run_format(&gk_format_html, "html", page, strlen(page));
	assert_non_null(out);
	c = fields(out, "cell", 3);
	p = fields(out, "para", 3);
	assert_string_equal(c, "1\t0\t0\t1\t1\t规章\n1\t0\t1\t1\t1\t\n"
	    "1\t1\t0\t1\t1\ta\n1\t1\t1\t1\t1\t\n");
	assert_string_equal(p, "");
	free(c);
	free(p);
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(blank_cells_kept),
		cmocka_unit_test(layout_not_kept),
		cmocka_unit_test(cells_unchanged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
