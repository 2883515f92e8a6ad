/*
 * Labels as agencies print them: full/half-width brackets and digits,
 * missing or extra numbering, spaces and line breaks, annotations in
 * parentheses, wording drift and typos all land on the template's row;
 * labels that only look alike do not.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "transform/tx.h"

static const char *
norm(const char *s)
{
	static char out[TX_LABEL_MAX];

	tx_label_norm(s, out, sizeof(out));
	return out;
}

/* The key of the 三 row a label matches, or "" */
static const char *
request_key(const char *label)
{
	const char *pats[64];
	int i;

	for (i = 0; i < tx_nrequests; i++)
		pats[i] = tx_requests[i].pat;
	i = tx_match(norm(label), pats, tx_nrequests);
	return i < 0 ? "" : tx_requests[i].key;
}

static const char *
active_key(const char *label, int form)
{
	const struct tx_template *t = form == 2021 ? &tx_tmpl_gov2021 :
	    &tx_tmpl_gov2019;
	const struct tx_row *rows = t->active;
	int n = t->nactive, i;
	const char *pats[32];

	for (i = 0; i < n; i++)
		pats[i] = rows[i].pat;
	i = tx_match(norm(label), pats, n);
	return i < 0 ? "" : rows[i].key;
}

static void
normalise(void **state)
{
	(void)state;
	assert_string_equal(norm("（一）予以公开"), "予以公开");
	assert_string_equal(norm("(一)予以公开"), "予以公开");
	assert_string_equal(norm("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
	    "部分公开");
	assert_string_equal(norm("(二)部分公开(区分处理的,只计这一情形,不计其他情形)"),
	    "部分公开");
	assert_string_equal(norm("3.危及“三安全一稳定”"), "危及三安全一稳定");
	assert_string_equal(norm("３．危及\"三安全一稳定\""), "危及三安全一稳定");
	assert_string_equal(norm("一、本年新收政府信息公开申请数量"),
	    "本年新收政府信息公开申请数量");
	assert_string_equal(norm("规章\n（市政府令）"), "规章");
	assert_string_equal(norm("  规 范 性 文 件\u3000\u00a0"), "规范性文件");
	assert_string_equal(norm("商业\n企业"), "商业企业");
	assert_string_equal(norm("本年增/减"), "本年增减");
	assert_string_equal(norm("统 计 指 标"), "统计指标");
}

static void
requests_rows(void **state)
{
	(void)state;
	assert_string_equal(request_key("2.其他法律行政法规禁止公开"),
	    "requests.denied.prohibited");
	/* the typo of 洪泽区 2023/2024 */
	assert_string_equal(request_key("2.其他法律行政止公开"),
	    "requests.denied.prohibited");
	/* a label broken inside by a stray space */
	assert_string_equal(request_key("4.无正当理由大量反复 申请"),
	    "requests.rejected.excessive");
	assert_string_equal(request_key("5.要求行政机关确认或重 新出具已获取信息"),
	    "requests.rejected.confirm");
	assert_string_equal(request_key("（六）其他处理"), "requests.other");
	assert_string_equal(request_key("3.其他"), "requests.other.other");
	assert_string_equal(request_key("（七）总计"), "requests.closed_total");
	assert_string_equal(request_key("四、结转下年度继续办理"),
	    "requests.carried_out");
	assert_string_equal(request_key("四、结转下一年度继续办理"),
	    "requests.carried_out");
	assert_string_equal(request_key("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
	    "requests.other.no_correction");
	/* near but different rows never match each other */
	assert_string_equal(request_key("5.属于三类内部事务信息"),
	    "requests.denied.internal");
	assert_string_equal(request_key("6.属于四类过程性信息"),
	    "requests.denied.process");
	/* not a row at all */
	assert_string_equal(request_key("申请人情况"), "");
	assert_string_equal(request_key("三、本年度办理结果"), "");
	assert_string_equal(request_key("法人或其他组织"), "");
}

static void
active_rows(void **state)
{
	(void)state;
	assert_string_equal(active_key("规范性文件（有规范性文件登记号）", 2019),
	    "active.normative");
	assert_string_equal(active_key("行政规范性文件", 2021),
	    "active.normative");
	/* wording drift: the old label in a gov2021 table */
	assert_string_equal(active_key("规范性文件", 2021), "active.normative");
	assert_string_equal(active_key("其他对外管理服务事项", 2019),
	    "active.other_service");
	assert_string_equal(active_key("其他对外管理服务事项", 2021), "");
	assert_string_equal(active_key("行政许可", 2019), "active.license");
	assert_string_equal(active_key("行政复议", 2019), "");
	assert_int_equal(tx_active_vote(norm("采购总金额(万元)")), TX_GOV2019);
	assert_int_equal(tx_active_vote(norm("本年收费金额（单位：万元）")), TX_GOV2021);
	assert_int_equal(tx_active_vote(norm("本年制发件数")), TX_GOV2021);
	assert_int_equal(tx_active_vote(norm("本年新制作数量")), TX_GOV2019);
}

static void
header_units(void **state)
{
	char u[32];

	(void)state;
	tx_header_unit("采购总金额(万元)", u, sizeof(u));
	assert_string_equal(u, "万元");
	tx_header_unit("本年收费金额（单位：万元）", u, sizeof(u));
	assert_string_equal(u, "万元");
	tx_header_unit("采购总金额", u, sizeof(u));
	assert_string_equal(u, "");
	tx_header_unit("上一年项目数量(指2019年事项数)", u, sizeof(u));
	assert_string_equal(u, "");
}

static void
legacy_keys(void **state)
{
	char k[TX_LABEL_MAX];

	(void)state;
	tx_label_key("（一）主动公开政府信息数（不同渠道和方式公开相同信息计１条）", k,
	    sizeof(k));
	assert_string_equal(k, "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）");
	tx_label_key("\u3000\u3000其中：主动公开规范性文件数", k, sizeof(k));
	assert_string_equal(k, "其中：主动公开规范性文件数");
	tx_label_key("(一)收到申请数", k, sizeof(k));
	assert_string_equal(k, "（一）收到申请数");
	tx_label_key("二、 回应解读情况", k, sizeof(k));
	assert_string_equal(k, "二、回应解读情况");
}

static void
template_sizes(void **state)
{
	const char *keys[256];

	(void)state;
	assert_int_equal(tx_tmpl_keys(TX_GOV2019, keys, 256), 198);
	assert_string_equal(keys[0], "active.rules.made");
	assert_string_equal(keys[197], "appeals.suit_after.total");
	assert_int_equal(tx_tmpl_keys(TX_GOV2021, keys, 256), 200);
	assert_string_equal(keys[9], "active.fee.amount");
	assert_int_equal(tx_tmpl_keys(TX_LEGACY, keys, 256), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(normalise),
		cmocka_unit_test(requests_rows),
		cmocka_unit_test(active_rows),
		cmocka_unit_test(header_units),
		cmocka_unit_test(legacy_keys),
		cmocka_unit_test(template_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
