/*
 * An .xlsx built here (libarchive) is read cell by cell: shared strings
 * with rich runs (their phonetic runs left out), inline strings, booleans,
 * errors, numbers through their number formats (General 5146, 0.000000,
 * #,##0, a date), cells without an r attribute, a merged range, the
 * workbook's sheet order through its relationships (an absolute target
 * too), a hidden sheet left out, a title alone in its rows as a para, and
 * the Strict namespace read the same.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_extract.h"

extern const struct gk_format gk_format_xlsx;

#define NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define SNS "http://purl.oclc.org/ooxml/spreadsheetml/main"
#define RNS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

static const char wb[] =
    "<workbook xmlns=\"" NS "\" xmlns:r=\"" RNS "\"><workbookPr/><sheets>"
    "<sheet name=\"A\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"B\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
    "<sheet name=\"C\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>";
static const char rels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId3\" Type=\"x/worksheet\" "
    "Target=\"/xl/worksheets/other.xml\"/><Relationship Id=\"rId1\" "
    "Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship "
    "Id=\"rId2\" Type=\"x/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "</Relationships>";
static const char sst[] =
    "<sst xmlns=\"" NS "\"><si><t>年度报告</t></si><si><r><t>本年</t></r>"
    "<r><rPr/><t>新收</t></r><rPh sb=\"0\" eb=\"1\"><t>ベン</t></rPh></si>"
    "</sst>";
static const char styles[] =
    "<styleSheet xmlns=\"" NS "\"><numFmts><numFmt numFmtId=\"164\" "
    "formatCode=\"0.000000\"/></numFmts><cellStyleXfs><xf numFmtId=\"3\"/>"
    "</cellStyleXfs><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"3\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
static const char sheet1[] =
    "<worksheet xmlns=\"" NS "\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\"><v>5146</v></c>"
    "<c r=\"C3\" s=\"1\"><v>100.49288</v></c><c r=\"D3\" s=\"2\"><v>1234</v>"
    "</c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>合计</t></is></c>"
    "<c r=\"B4\" t=\"b\"><v>1</v></c><c r=\"C4\" t=\"e\"><v>#DIV/0!</v></c>"
    "<c r=\"D4\" s=\"3\"><v>44264</v></c></row>"
    "<row><c><v>1</v></c><c><f>A5</f><v>2</v></c></row>"
    "<row r=\"6\"><c r=\"A6\" t=\"str\"><v>合并</v></c><c r=\"B6\"><v>7</v></c>"
    "<c r=\"C6\" s=\"2\"/></row>"
    "<row r=\"7\"><c r=\"A7\"/><c r=\"B7\"><v>8</v></c></row>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A6:A7\"/>"
    "</mergeCells></worksheet>";
static const char sheet2[] =
    "<worksheet xmlns=\"" NS "\"><sheetData><row r=\"1\"><c r=\"A1\" "
    "t=\"inlineStr\"><is><t>不应出现</t></is></c></row></sheetData>"
    "</worksheet>";
static const char other[] =
    "<worksheet xmlns=\"" SNS "\"><sheetData><row r=\"2\"><c r=\"B2\" "
    "t=\"inlineStr\"><is><t>第三页</t></is></c></row></sheetData>"
    "</worksheet>";

static const char want[] =
    "para\tD\t1\t年度报告\t\n"
    "cell\tD\t2\t1\t0\t0\t1\t1\t本年新收\t\n"
    "cell\tD\t3\t1\t0\t1\t1\t1\t5146\t\n"
    "cell\tD\t4\t1\t0\t2\t1\t1\t100.492880\t\n"
    "cell\tD\t5\t1\t0\t3\t1\t1\t1,234\t\n"
    "cell\tD\t6\t1\t1\t0\t1\t1\t合计\t\n"
    "cell\tD\t7\t1\t1\t1\t1\t1\tTRUE\t\n"
    "cell\tD\t8\t1\t1\t2\t1\t1\t#DIV/0!\t\n"
    "cell\tD\t9\t1\t1\t3\t1\t1\t2021/3/9\t\n"
    "cell\tD\t10\t1\t2\t0\t1\t1\t1\t\n"
    "cell\tD\t11\t1\t2\t1\t1\t1\t2\t\n"
    "cell\tD\t12\t1\t2\t2\t1\t1\t\t\n"
    "cell\tD\t13\t1\t2\t3\t1\t1\t\t\n"
    "cell\tD\t14\t1\t3\t0\t2\t1\t合并\t\n"
    "cell\tD\t15\t1\t3\t1\t1\t1\t7\t\n"
    "cell\tD\t16\t1\t3\t2\t1\t1\t\t\n"
    "cell\tD\t17\t1\t3\t3\t1\t1\t\t\n"
    "cell\tD\t18\t1\t4\t1\t1\t1\t8\t\n"
    "cell\tD\t19\t1\t4\t2\t1\t1\t\t\n"
    "cell\tD\t20\t1\t4\t3\t1\t1\t\t\n"
    "para\tD\t21\t第三页\t\n";

static void
test_cells(void **state)
{
	const char *const members[] = {
		"[Content_Types].xml", "<Types/>",
		"xl/workbook.xml", wb,
		"xl/_rels/workbook.xml.rels", rels,
		"xl/sharedStrings.xml", sst,
		"xl/styles.xml", styles,
		"xl/worksheets/sheet1.xml", sheet1,
		"xl/worksheets/sheet2.xml", sheet2,
		"xl/worksheets/other.xml", other,
		NULL
	};
	unsigned char *zip;
	size_t len = 0;
	char *out;

	(void)state;
	assert_non_null(zip = make_zip(members, &len));
	assert_non_null(out = run_format(&gk_format_xlsx, "xlsx", zip, len));
	assert_string_equal(out, want);
	free(out);
	free(zip);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
	};

	return cmocka_run_group_tests_name("extract_xlsx_cells", tests, NULL,
	    NULL);
}
