/* Link classification on listing and report pages, from real page shapes;
 * and page metadata, GBK included. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "fetch/conf.h"
#include "fetch/crawl.h"
#include "fetch/page.h"

static struct fetch_conf c;

static int
setup(void **state)
{
	char err[256];

	(void)state;
	if (conf_init(&c, err, sizeof(err)) == -1)
		return -1;
	return conf_finish(&c, err, sizeof(err));
}

static int
teardown(void **state)
{
	(void)state;
	conf_free(&c);
	return 0;
}

static enum link_kind
kind(int from_report, const char *from, const char *url, const char *text,
    const char *label)
{
	struct page_link l = { (char *)url, (char *)text, (char *)label, NULL };

	return crawl_classify(&c, from_report ? PAGE_REPORT : PAGE_LISTING,
	    from, &l);
}

/* the site labels of the shipped configuration */
#define LABELS struct page_labels lb = { c.date_label, c.ndate_label, \
	c.source_label, c.nsource_label }

#define L "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/index.shtml"
#define R "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/202403/t20240307_7895020.shtml"

static void
test_listing(void **state)
{
	(void)state;
	assert_int_equal(kind(0, L, R, "2023年报告", "2023年报告"), LINK_REPORT);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/index_1.shtml",
	    "2", "1 2 3"), LINK_LISTING);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/list.jsp?p=2",
	    "下一页", "上一页 下一页"), LINK_LISTING);
	/* another column's index is not this listing's next page */
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/index.shtml",
	    "政务公开", "首页 > 政务公开"), LINK_NONE);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/private/admin.shtml",
	    "管理", "管理"), LINK_NONE);
	assert_int_equal(kind(0, L, L, "首页", "首页"), LINK_NONE);
	/* year folders and sub-columns of the column; not its parent */
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/2024/index.shtml",
	    "2024年", "2024年"), LINK_LISTING);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/2021/",
	    "2021年", "2021年"), LINK_LISTING);
	assert_int_equal(kind(0, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/2024/index.shtml",
	    "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/2024/202501/t20250121_8854725.shtml",
	    "2024年报告", "2024年报告"), LINK_REPORT);
	assert_int_equal(kind(0, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/2024/index.shtml",
	    "http://www.qingdao.gov.cn/zwgk/szfgk/index.shtml", "市政府信息公开",
	    "市政府信息公开"), LINK_NONE);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/szfgk/gknbx/index.shtml",
	    "x", "x"), LINK_NONE);
	/* another report column of the same host, by its name */
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/index.shtml",
	    "市政府信息公开工作年度报告（2018-2021）", "x"), LINK_COLUMN);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/xxgk/bmnb/",
	    "部门政府信息公开年报", "x"), LINK_COLUMN);
	assert_int_equal(kind(0, L, "http://www.shandong.gov.cn/ndbg/index.shtml",
	    "山东省政府信息公开工作年度报告", "x"), LINK_NONE);
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/list.jsp",
	    "年度报告", "x"), LINK_NONE);
	/* a column that lists the report files themselves */
	assert_int_equal(kind(0, L, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/202103/P0202103.pdf",
	    "2020年报告", "2020年报告 2021-03-09"), LINK_ATTACHMENT);
}

/* the rows of a listing: the date beside the link, the title attribute */
static void
test_listing_rows(void **state)
{
	LABELS;
	static const char html[] = "<ul><li><a href=\"./2021/P1.pdf\" "
	    "title=\"青岛市2020年政府信息公开工作年度报告\">青岛市2020年...</a>"
	    "<span>2021-03-09</span></li><li><a href=\"P2.doc\">2019年3月报告"
	    "</a></li></ul>";
	struct page_info pi;
	char d[16];

	(void)state;
	assert_int_equal(page_parse(html, sizeof(html) - 1,
	    "http://x.cn/l/index.shtml", "utf-8", NULL, &lb, &pi), 0);
	assert_int_equal(pi.nlinks, 2);
	assert_string_equal(pi.links[0].title, "青岛市2020年政府信息公开工作年度报告");
	assert_string_equal(pi.links[0].label, "青岛市2020年...2021-03-09");
	assert_null(pi.links[1].title);
	page_free(&pi);
	assert_int_equal(page_find_date("x 2021/3/9 y", d), 0);
	assert_string_equal(d, "2021-03-09");
	assert_int_equal(page_find_date("2021年12月1日", d), 0);
	assert_string_equal(d, "2021-12-01");
	assert_int_equal(page_find_date("12021-03-09", d), -1);
	assert_int_equal(page_find_date("2021年政府信息公开 2020-13-01", d), -1);
	assert_int_equal(page_find_date("", d), -1);
}

/* 来源 ends where its element ends, not at the next space */
static void
test_page_agency(void **state)
{
	LABELS;
	static const char html[] = "<html><body><div class=\"info\"><span>"
	    "发布日期 : 2025-03-07</span> <span>来源：</span><span>青岛市人民政府"
	    "办公厅</span></div><p>本报告根据《条例》编制。</p><script>var x = "
	    "'来源：js';</script></body></html>";
	struct page_info pi;

	(void)state;
	assert_int_equal(page_parse(html, sizeof(html) - 1,
	    "http://x.cn/t20250307_1.shtml", "utf-8", NULL, &lb, &pi), 0);
	assert_string_equal(pi.agency, "青岛市人民政府办公厅");
	assert_string_equal(pi.published, "2025-03-07");
	page_free(&pi);
}

static void
test_report(void **state)
{
	(void)state;
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/202403/P020240307.docx",
	    "报告", "word版下载:报告"), LINK_ATTACHMENT);
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/a/P1.PDF", "x", "x"),
	    LINK_ATTACHMENT);
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/download?id=7",
	    "年度报告", "附件：年度报告"), LINK_ATTACHMENT);
	assert_int_equal(kind(1, R, "http://www.gov.cn/zhengce/", "中国政府网",
	    "中国政府网"), LINK_NONE);
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/", "首页", "首页"),
	    LINK_NONE);
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/zwgk/index.shtml",
	    "附件", "附件"), LINK_NONE);
}

static void
test_page_gbk(void **state)
{
	LABELS;
	/* "喆" exists in GBK, not in GB2312: a gb2312 page must still keep it */
	static const char html[] =
	    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
	    "charset=gb2312\"><title>t</title></head><body><h1>\xd5\xc5\x86\xb4"
	    "</h1><div>\xb7\xa2\xb2\xbc\xc8\xd5\xc6\xda\xa3\xba" "2022\xc4\xea"
	    "3\xd4\xc2" "1\xc8\xd5 \xc0\xb4\xd4\xb4 : X</div>\n"
	    "<p>word\xb0\xe6\xcf\xc2\xd4\xd8:<a href=\"./a.docx#p\">d</a></p>"
	    "</body></html>";
	struct page_info pi;

	(void)state;
	assert_int_equal(page_parse(html, sizeof(html) - 1,
	    "http://x.cn/d/t20220301_1.shtml", NULL, NULL, &lb, &pi), 0);
	assert_string_equal(pi.charset, "GB18030");
	assert_string_equal(pi.title, "张喆");
	assert_string_equal(pi.published, "2022-03-01");
	assert_string_equal(pi.agency, "X");
	assert_int_equal(pi.nlinks, 1);
	assert_string_equal(pi.links[0].url, "http://x.cn/d/a.docx");
	assert_string_equal(pi.links[0].label, "word版下载:d");
	assert_int_equal(kind(1, "http://x.cn/d/t20220301_1.shtml", pi.links[0].url,
	    pi.links[0].text, pi.links[0].label), LINK_ATTACHMENT);
	page_free(&pi);
}

static void
test_page_pager(void **state)
{
	LABELS;
	static const char html[] = "<html><body><ul><li><a href=\"./t20240101_1."
	    "shtml\">r</a></li></ul><script>createPageHTML(4, 0, \"index\", "
	    "\"shtml\");</script></body></html>";
	struct page_info pi;

	(void)state;
	assert_int_equal(page_parse(html, sizeof(html) - 1, "http://x.cn/l/",
	    "utf-8", NULL, &lb, &pi), 0);
	assert_int_equal(pi.pager_count, 4);
	assert_string_equal(pi.pager_prefix, "index");
	assert_string_equal(pi.pager_ext, "shtml");
	assert_string_equal(pi.links[0].url, "http://x.cn/l/t20240101_1.shtml");
	page_free(&pi);
}


static enum link_kind
kind_on(enum page_kind pk, const char *from, const char *url, const char *text)
{
	struct page_link l = { (char *)url, (char *)text, (char *)text, NULL };

	return crawl_classify(&c, pk, from, &l);
}

/* the other shapes of the family: old TRS ids, tnull_ pages, columns
 * named by folder or with the site's number */
static void
test_family_shapes(void **state)
{
	(void)state;
	assert_int_equal(kind(0, "http://www.jiaozhou.gov.cn/n530/n1779/n2935/n2946/",
	    "http://www.jiaozhou.gov.cn/n530/n1779/n2935/n2946/161004024258506762.html",
	    "2014年胶州市政府信息公开工作年度报告", "x"), LINK_REPORT);
	assert_int_equal(kind(0, "http://www.jiaozhou.gov.cn/n530/n1779/n2935/n2946/",
	    "http://www.jiaozhou.gov.cn/n530/n1779/n2935/n2946/index_2.html",
	    "2", "1 2 3"), LINK_LISTING);
	/* an id of 17 digits is not a report */
	assert_int_equal(kind(0, "http://www.jiaozhou.gov.cn/n530/",
	    "http://www.jiaozhou.gov.cn/n530/16100402425850676.html", "x", "x"),
	    LINK_NONE);
	assert_int_equal(kind(0, "http://www.qingdao.gov.cn/zwgk/xxgk/gzw/gzbg/",
	    "http://www.qingdao.gov.cn/zwgk/xxgk/gzw/gzbg/tnull_5821.shtml",
	    "x", "x"), LINK_REPORT);
	/* a column of another agency on the same host, by its folder */
	assert_int_equal(kind(0, "http://www.qdlc.gov.cn/zfxxgk_10/qzfxxgk_10/ndgzbg_10/",
	    "http://www.qdlc.gov.cn/zfxxgk_10/bmxxgk_10/lcqfgj_10/xxgkndgzbg_10/",
	    "区发展和改革局", "x"), LINK_COLUMN);
	assert_int_equal(kind(0, "http://www.qingdaoshibei.gov.cn/x/",
	    "http://www.qingdaoshibei.gov.cn/zfxxgkndbg_9/index_1.shtml",
	    "x", "x"), LINK_COLUMN);
	assert_int_equal(kind(0, "http://www.jimo.gov.cn/zwgk/zfxxgknb/",
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/fgj/gknb/", "x", "x"),
	    LINK_COLUMN);
	/* not on another host, not a folder merely containing the word */
	assert_int_equal(kind(0, "http://www.jimo.gov.cn/zwgk/zfxxgknb/",
	    "http://www.laixi.gov.cn/xxgk_16/szfxxgk_16/xxgkndbg_16/", "x", "x"),
	    LINK_NONE);
	assert_int_equal(kind(0, "http://www.jimo.gov.cn/zwgk/zfxxgknb/",
	    "http://www.jimo.gov.cn/zwgk/gknbx/", "x", "x"), LINK_NONE);
}

/* a hub links agencies' pages; an agency's page links its column */
static void
test_hub(void **state)
{
	const char *h = "http://www.jimo.gov.cn/zwgk/bmxxgk/";
	const char *a = "http://www.jimo.gov.cn/zwgk/bmxxgk/fgj/";

	(void)state;
	assert_int_equal(kind_on(PAGE_HUB, h, a, "区发展和改革局"), LINK_AGENCY);
	assert_int_equal(kind_on(PAGE_HUB, h,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/index_1.shtml", "2"), LINK_HUB);
	assert_int_equal(kind_on(PAGE_HUB, h,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/list.jsp?p=2", "下一页"), LINK_HUB);
	/* a hub's news are not reports; its parents are not followed */
	assert_int_equal(kind_on(PAGE_HUB, h,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/202301/t20230111_1.shtml", "x"),
	    LINK_NONE);
	assert_int_equal(kind_on(PAGE_HUB, h, "http://www.jimo.gov.cn/zwgk/",
	    "政务公开"), LINK_NONE);
	assert_int_equal(kind_on(PAGE_AGENCY, a,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/fgj/gknb/", "政府信息公开年报"),
	    LINK_COLUMN);
	assert_int_equal(kind_on(PAGE_AGENCY, a,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/fgj/tzgg/", "通知公告"), LINK_NONE);
	assert_int_equal(kind_on(PAGE_AGENCY, a,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/fgj/202301/t20230111_2.shtml",
	    "x"), LINK_NONE);
	/* by its text: a column whose folder has another name */
	assert_int_equal(kind_on(PAGE_AGENCY, a,
	    "http://www.jimo.gov.cn/zwgk/bmxxgk/fgj/xxgk/", "政府信息公开工作年度报告"),
	    LINK_COLUMN);
}

static int
parse(const char *html, const char *url, struct page_info *pi)
{
	LABELS;

	return page_parse(html, strlen(html), url, "utf-8", NULL, &lb, pi);
}

/* each site's labels: 发布时间 (市南), 成文日期 (胶州), a bare date before
 * 来源 (莱西) or 信息来源 (李沧), in any case and spacing; <meta> first */
static void
test_site_labels(void **state)
{
	struct page_info pi;

	(void)state;
	assert_int_equal(parse("<body><h1>t</h1><p>发布时间：2021-02-03 10:00 "
	    "来源：市南区政府办公室</p></body>", "http://x.cn/1.html", &pi), 0);
	assert_string_equal(pi.published, "2021-02-03");
	assert_string_equal(pi.agency, "市南区政府办公室");
	page_free(&pi);
	assert_int_equal(parse("<body><div>成文日期:2015-02-12&nbsp;&nbsp;来源:"
	    "市政府信息公开</div></body>", "http://x.cn/2.html", &pi), 0);
	assert_string_equal(pi.published, "2015-02-12");
	assert_string_equal(pi.agency, "市政府信息公开");
	assert_true(conf_match(c.source_ignore, c.nsource_ignore, pi.agency));
	page_free(&pi);
	assert_int_equal(parse("<body><div><span>2021-01-29</span> <span>来源:"
	    "莱西政务网</span></div><p>2020年，我市……</p></body>",
	    "http://x.cn/3.shtml", &pi), 0);
	assert_string_equal(pi.published, "2021-01-29");
	assert_true(conf_match(c.source_ignore, c.nsource_ignore, pi.agency));
	page_free(&pi);
	assert_int_equal(parse("<body><p>2024-02-06 信息来源: 李沧区人民政府</p>"
	    "</body>", "http://x.cn/4.shtml", &pi), 0);
	assert_string_equal(pi.published, "2024-02-06");
	assert_string_equal(pi.agency, "李沧区人民政府");
	assert_false(conf_match(c.source_ignore, c.nsource_ignore, pi.agency));
	page_free(&pi);
	/* white space inside the label; the first 发布日期 holds no date */
	assert_int_equal(parse("<body><table><tr><th>发布日期</th></tr></table>"
	    "<p>发 布 日 期 : 2023年1月13日</p></body>", "http://x.cn/5.shtml",
	    &pi), 0);
	assert_string_equal(pi.published, "2023-01-13");
	page_free(&pi);
	/* old TRS: <meta name="PubDate"> and ContentSource come first */
	assert_int_equal(parse("<head><meta name=\"PubDate\" content=\"2016-03-01 "
	    "09:00\"><meta name=\"ContentSource\" content=\"胶州市人民政府办公室\">"
	    "</head><body><div id=\"Zoom2\">成文日期:2015-02-12 来源:市政府信息公开"
	    "</div></body>", "http://x.cn/6.html", &pi), 0);
	assert_string_equal(pi.published, "2016-03-01");
	assert_string_equal(pi.agency, "胶州市人民政府办公室");
	page_free(&pi);
	/* a date far from the source label is not its date */
	assert_int_equal(parse("<body><p>2021-01-29 本报告 来源:X</p></body>",
	    "http://x.cn/7.shtml", &pi), 0);
	assert_string_equal(pi.published, "");
	page_free(&pi);
	/* Word版下载 is word版下载 */
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/download?id=8",
	    "报告", "Word版下载：报告"), LINK_ATTACHMENT);
	assert_int_equal(kind(1, R, "http://www.qingdao.gov.cn/download?id=9",
	    "报告", "PDF 版 下载：报告"), LINK_ATTACHMENT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_listing),
		cmocka_unit_test(test_listing_rows),
		cmocka_unit_test(test_page_agency),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_page_gbk),
		cmocka_unit_test(test_page_pager),
		cmocka_unit_test(test_family_shapes),
		cmocka_unit_test(test_hub),
		cmocka_unit_test(test_site_labels),
	};

	return cmocka_run_group_tests_name("fetch_classify", tests, setup,
	    teardown);
}
