/*
 * A failed check says what failed in one sentence with the labels the form
 * prints and the figures; a report whose title names another year than
 * its statistics, or whose listed title names another agency than its
 * own heading, gets title_mismatch (and an abbreviated name does not).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "transform/tx.h"

static char msg[2048];

static const char *
message(const char *form, const char *name, const char *where,
    const char *exp, const char *found)
{
	tx_check_message(gk_form(form), name, where, exp, found, msg,
	    sizeof(msg));
	return msg;
}

static void
sentences(void **state)
{
	(void)state;
	assert_string_equal(message("gov2019", "row_total", "new", "405", "0"),
	    "表三「一、本年新收政府信息公开申请数量」行：六类申请人合计 405，"
	    "总计栏为 0");
	assert_string_equal(message("gov2021", "closed_total", "person", "6",
	    "7"), "表三「自然人」栏：办理结果各项（予以公开至其他处理）合计 6，"
	    "（七）总计为 7");
	assert_non_null(strstr(message("gov2019", "balance", "business", "1",
	    "0"), "表三「商业企业」栏：本年新收加上年结转为 1，"));
	assert_string_equal(message("gov2019", "appeals_total", "suit_after",
	    "5", "0"), "表四「行政诉讼 / 复议后起诉」：结果维持、结果纠正、"
	    "其他结果、尚未审结合计 5，总计为 0");
	assert_string_equal(message("gov2021", "template_shape",
	    "requests.other.unpaid_fee.legal", "1", "0"),
	    "表三「三、本年度办理结果 / （六）其他处理 / 2.申请人逾期未按收费通知"
	    "要求缴纳费用、行政机关不再处理其政府信息公开申请」行「申请人情况 / "
	    "法人或其他组织 / 法律服务机构」栏：gov2021有这一项，报告中没有印出");
	assert_string_equal(message("gov2019", "template_shape",
	    "active.fee.change", "1", "2"),
	    "表二「第二十条第（八）项 / 行政事业性收费」行「本年增/减」栏：这一项印了 "
	    "2 次，应为一次");
	assert_string_equal(message("legacy", "template_shape",
	    "legacy.三、依申请公开情况.1.当面申请数", "1", "2"),
	    "统计表「三、依申请公开情况 / （一）收到申请数 / 1.当面申请数」行：这一项"
	    "印了 2 次，应为一次");
	assert_string_equal(message("gov2019", "format_mismatch",
	    "appeals.review.total", "3", "4@0123456789abcdef"),
	    "表四「行政复议 / 总计」栏：所用版本为 3，另一版本（0123456789abcdef）"
	    "为 4");
}

/* A report of one version: its title (doc record), heading and the year
 * of its statistics; the check records tx_report writes. */
static int
title_checks(const char *title, const char *heading, const char *stat,
    char *out, size_t outsz)
{
	struct tx_version *v = calloc(1, sizeof(*v)), *vs[1];
	struct tx_value val;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int n = 0;
	const char *p;

	assert_non_null(v);
	v->doc = strdup("0123456789abcdef");
	v->page = strdup("http://x/a.html");
	v->type = strdup("html");
	v->title = strdup(title);
	v->agency = strdup("");
	v->published = strdup("");
	v->status = strdup("new");
	v->t_title = heading != NULL ? strdup(heading) : NULL;
	v->t_body_year = stat != NULL ? strdup(stat) : NULL;
	v->form = gk_form("legacy");
	tx_value_parse("5", 0, &val);
	tx_version_add(v, "legacy.一、主动公开情况", &val, NULL);
	vs[0] = v;
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	tx_report(fp, vs, 1);
	fclose(fp);
	out[0] = '\0';
	for (p = buf; (p = strstr(p, "\ttitle_mismatch\t")) != NULL; p++) {
		const char *e = strchr(p, '\n');

		n++;
		snprintf(out + strlen(out), outsz - strlen(out), "%.*s;",
		    (int)(e - p - 1), p + 1);
	}
	free(buf);
	tx_version_free(v);
	free(v);
	return n;
}

static void
title_against_body(void **state)
{
	char got[4096];

	(void)state;
	/* the same: nothing */
	assert_int_equal(title_checks("青岛市民政局2020年政府信息公开工作年度报告",
	    "青岛市民政局2020年政府信息公开工作年度报告", "2020", got,
	    sizeof(got)), 0);
	/* the year the listing gives is not the statistics' */
	assert_int_equal(title_checks("青岛市民政局2021年政府信息公开工作年度报告",
	    "青岛市民政局2020年政府信息公开工作年度报告", "2020", got,
	    sizeof(got)), 1);
	assert_non_null(strstr(got, "title_mismatch\tyear\t2020\t2021\t"
	    "标题写的是 2021 年，正文所列数据的统计期限是 2020 年;"));
	/* no statistics period in the body: no year to hold it to */
	assert_int_equal(title_checks("青岛市民政局2021年政府信息公开工作年度报告",
	    NULL, NULL, got, sizeof(got)), 0);
	/* another agency's report under this title */
	assert_int_equal(title_checks("青岛市民政局2020年政府信息公开工作年度报告",
	    "青岛市城市管理局2020年政府信息公开工作年度报告", "2020", got,
	    sizeof(got)), 1);
	assert_non_null(strstr(got, "title_mismatch\tagency\t青岛市城市管理局\t"
	    "青岛市民政局\t"));
	/* an abbreviation is the same agency */
	assert_int_equal(title_checks("青岛高新区2020年度政府信息公开年度报告",
	    "青岛高新技术产业开发区管理委员会2020年度政府信息公开年度报告",
	    "2020", got, sizeof(got)), 0);
	assert_int_equal(title_checks("市国资委2020年政府信息公开工作年度报告",
	    "青岛市人民政府国有资产监督管理委员会2020年政府信息公开工作年度报告",
	    "2020", got, sizeof(got)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sentences),
		cmocka_unit_test(title_against_body),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
