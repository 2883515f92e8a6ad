/*
 * A .docx table comes out on the grid: w:gridSpan widens a cell,
 * w:vMerge restart/continue becomes ROWSPAN, w:gridBefore shifts a row;
 * rows and cells wrapped in w:sdt / w:customXml and text in w:hyperlink are
 * read; w:delText and w:instrText are not; a cell's paragraphs are joined
 * by a space; a table nested in a cell comes out after its table; w:br
 * ends a paragraph outside tables; mc:AlternateContent is read once.  The
 * same document in the Strict OOXML namespace gives the same records.
 * The fixture is built here: a zip (libarchive) holding word/document.xml.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

extern const struct gk_format gk_format_docx;

#define TC(pr, text) "<w:tc><w:tcPr>" pr "</w:tcPr><w:p><w:r><w:t>" text \
    "</w:t></w:r></w:p></w:tc>"

static const char body[] =
    "<w:body>"
    "<w:p><w:r><w:t>标题</w:t></w:r><w:r><w:delText>删掉</w:delText></w:r>"
    "<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>"
    "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"
    "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/>"
    "<w:gridCol/></w:tblGrid>"
    "<w:tr>" TC("<w:vMerge w:val=\"restart\"/>", "项目")
    TC("<w:gridSpan w:val=\"2\"/>", "数量") TC("", "备注") "</w:tr>"
    "<w:tr>" TC("<w:vMerge/>", "") TC("", "甲") TC("", "乙") TC("", "")
    "</w:tr>"
    "<w:sdt><w:sdtContent><w:tr>"
    TC("<w:vMerge w:val=\"restart\"/>", "合计")
    "<w:tc><w:p><w:hyperlink><w:r><w:t>5</w:t></w:r></w:hyperlink></w:p>"
    "</w:tc>"
    "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p><w:p><w:r><w:t>2</w:t></w:r>"
    "</w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr>" TC("", "内")
    "</w:tr></w:tbl><w:p/></w:tc>"
    "</w:tr></w:sdtContent></w:sdt>"
    "<w:tr>" TC("<w:vMerge w:val=\"continue\"/>", "")
    "<w:customXml>" TC("<w:gridSpan w:val=\"3\"/>", "七") "</w:customXml>"
    "</w:tr>"
    "<w:tr><w:trPr><w:gridBefore w:val=\"2\"/><w:gridAfter w:val=\"1\"/>"
    "</w:trPr>" TC("", "八") "</w:tr>"
    "</w:tbl>"
    "<w:p><w:r><w:t xml:space=\"preserve\">尾 </w:t></w:r>"
    "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t>框</w:t>"
    "</w:r></mc:Choice><mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback>"
    "</mc:AlternateContent></w:p>"
    "<w:sectPr/></w:body></w:document>";

static const char cells[] =
    "1\t0\t0\t2\t1\t项目\n"
    "1\t0\t1\t1\t2\t数量\n"
    "1\t0\t3\t1\t1\t备注\n"
    "1\t1\t1\t1\t1\t甲\n"
    "1\t1\t2\t1\t1\t乙\n"
    "1\t1\t3\t1\t1\t\n"
    "1\t2\t0\t2\t1\t合计\n"
    "1\t2\t1\t1\t1\t5\n"
    "1\t2\t2\t1\t1\t1 2\n"
    "1\t2\t3\t1\t1\t外\n"
    "1\t3\t1\t1\t3\t七\n"
    "1\t4\t2\t1\t1\t八\n"
    "2\t0\t0\t1\t1\t内\n";

static const char paras[] = "标题\n第一行\n第二行\n尾 框\n";

static void
check(const char *ns)
{
	char xml[8192];
	const char *members[] = { "[Content_Types].xml", "<Types/>",
	    "word/document.xml", xml, NULL };
	unsigned char *zip;
	char *out, *c, *p;
	size_t len = 0;

	snprintf(xml, sizeof(xml), "<?xml version=\"1.0\" encoding=\"UTF-8\" "
	    "standalone=\"yes\"?>\n<w:document xmlns:w=\"%s\" xmlns:mc=\""
	    "http://schemas.openxmlformats.org/markup-compatibility/2006\">"
	    "%s", ns, body);
	zip = make_zip(members, &len);
	assert_non_null(zip);
	out = run_format(&gk_format_docx, "docx", zip, len);
	assert_non_null(out);
	c = fields(out, "cell", 3);
	p = fields(out, "para", 3);
	assert_string_equal(c, cells);
	assert_string_equal(p, paras);
	assert_null(strstr(out, "删掉"));
	assert_null(strstr(out, "PAGE"));
	free(c);
	free(p);
	free(out);
	free(zip);
}

static void
test_transitional(void **state)
{
	(void)state;
	check("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
}

static void
test_strict(void **state)
{
	(void)state;
	check("http://purl.oclc.org/ooxml/wordprocessingml/main");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transitional),
		cmocka_unit_test(test_strict),
	};

	return cmocka_run_group_tests_name("extract_docx_merge", tests, NULL,
	    NULL);
}
