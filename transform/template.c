/*
 * template.c: the national templates of 国办公开办函〔2019〕60号 (gov2019)
 * and 〔2021〕30号 (gov2021), as SCHEMA.md keys them.
 *
 * Patterns are labels in tx_label_norm's form (no numbering, no
 * annotations, no punctuation).  A row may have several patterns (wording
 * drift); they are listed as separate rows with the same key.
 */
#include <stdio.h>
#include <string.h>

#include "tx.h"

const char *const tx_applicants[7] = {
	"person", "business", "research", "nonprofit", "legal", "other_org",
	"total"
};

const char *const tx_appeal_keys[15] = {
	"appeals.review.upheld", "appeals.review.corrected",
	"appeals.review.other", "appeals.review.pending",
	"appeals.review.total",
	"appeals.suit_direct.upheld", "appeals.suit_direct.corrected",
	"appeals.suit_direct.other", "appeals.suit_direct.pending",
	"appeals.suit_direct.total",
	"appeals.suit_after.upheld", "appeals.suit_after.corrected",
	"appeals.suit_after.other", "appeals.suit_after.pending",
	"appeals.suit_after.total"
};

static const char *const c19_doc[] = { "made", "published", "total" };
static const char *const c19_item[] = { "prev", "change", "decisions" };
static const char *const c19_fee[] = { "prev", "change" };
static const char *const c19_proc[] = { "items", "amount" };
static const char *const c21_doc[] = { "issued", "repealed", "in_force" };
static const char *const c21_dec[] = { "decisions" };
static const char *const c21_fee[] = { "amount" };

const struct tx_row tx_gov2019_active[] = {
	{ "规章", "active.rules", 3, c19_doc, 0 },
	{ "规范性文件", "active.normative", 3, c19_doc, 0 },
	{ "行政规范性文件", "active.normative", 3, c19_doc, 0 },
	{ "行政许可", "active.license", 3, c19_item, 0 },
	{ "其他对外管理服务事项", "active.other_service", 3, c19_item, 0 },
	{ "行政处罚", "active.penalty", 3, c19_item, 0 },
	{ "行政强制", "active.coercion", 3, c19_item, 0 },
	{ "行政事业性收费", "active.fee", 2, c19_fee, 0 },
	{ "政府集中采购", "active.procurement", 2, c19_proc, 1 },
};
const int tx_gov2019_nactive =
    sizeof(tx_gov2019_active) / sizeof(tx_gov2019_active[0]);

const struct tx_row tx_gov2021_active[] = {
	{ "规章", "active.rules", 3, c21_doc, 0 },
	{ "行政规范性文件", "active.normative", 3, c21_doc, 0 },
	{ "规范性文件", "active.normative", 3, c21_doc, 0 },
	{ "行政许可", "active.license", 1, c21_dec, 0 },
	{ "行政处罚", "active.penalty", 1, c21_dec, 0 },
	{ "行政强制", "active.coercion", 1, c21_dec, 0 },
	{ "行政事业性收费", "active.fee", 1, c21_fee, 1 },
};
const int tx_gov2021_nactive =
    sizeof(tx_gov2021_active) / sizeof(tx_gov2021_active[0]);

#define R(pat, key) { pat, key, 7, tx_applicants, 0 }
const struct tx_row tx_requests[] = {
	R("本年新收政府信息公开申请数量", "requests.new"),
	R("上年结转政府信息公开申请数量", "requests.carried_in"),
	R("予以公开", "requests.granted"),
	R("部分公开", "requests.partial"),
	R("属于国家秘密", "requests.denied.state_secret"),
	R("其他法律行政法规禁止公开", "requests.denied.prohibited"),
	R("危及三安全一稳定", "requests.denied.security"),
	R("保护第三方合法权益", "requests.denied.third_party"),
	R("属于三类内部事务信息", "requests.denied.internal"),
	R("属于四类过程性信息", "requests.denied.process"),
	R("属于行政执法案卷", "requests.denied.enforcement"),
	R("属于行政查询事项", "requests.denied.query"),
	R("本机关不掌握相关政府信息", "requests.unavailable.not_held"),
	R("没有现成信息需要另行制作", "requests.unavailable.needs_creation"),
	R("补正后申请内容仍不明确", "requests.unavailable.unclear"),
	R("信访举报投诉类申请", "requests.rejected.petition"),
	R("重复申请", "requests.rejected.repeat"),
	R("要求提供公开出版物", "requests.rejected.publication"),
	R("无正当理由大量反复申请", "requests.rejected.excessive"),
	R("要求行政机关确认或重新出具已获取信息", "requests.rejected.confirm"),
	R("其他处理", "requests.other"),
	R("申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
	    "requests.other.no_correction"),
	R("申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
	    "requests.other.unpaid_fee"),
	R("其他", "requests.other.other"),
	R("总计", "requests.closed_total"),
	R("结转下年度继续办理", "requests.carried_out"),
	R("结转下一年度继续办理", "requests.carried_out"),
};
const int tx_nrequests = sizeof(tx_requests) / sizeof(tx_requests[0]);

const char *
tx_tmpl_name(enum tx_tmpl t)
{
	switch (t) {
	case TX_GOV2019:
		return "gov2019";
	case TX_GOV2021:
		return "gov2021";
	case TX_LEGACY:
		return "legacy";
	default:
		return "";
	}
}

int
tx_tmpl_has_request(enum tx_tmpl t, const struct tx_row *r)
{
	int single = strcmp(r->key, "requests.other") == 0;
	int split = strncmp(r->key, "requests.other.", 15) == 0;

	if (t == TX_GOV2019)
		return !split;
	if (t == TX_GOV2021)
		return !single;
	return 0;
}

static int
add_row_keys(const struct tx_row *r, const char **keys, int n, int max,
    char store[][96], int *nstore)
{
	int c, i;

	for (c = 0; c < r->ncol; c++) {
		char k[96];

		snprintf(k, sizeof(k), "%s.%s", r->key, r->cols[c]);
		for (i = 0; i < n; i++)
			if (strcmp(keys[i], k) == 0)
				break;
		if (i < n || n >= max || *nstore >= 256)
			continue;
		snprintf(store[*nstore], 96, "%s", k);
		keys[n++] = store[(*nstore)++];
	}
	return n;
}

int
tx_tmpl_keys(enum tx_tmpl t, const char **keys, int max)
{
	static char store19[256][96], store21[256][96];
	static const char *k19[256], *k21[256];
	static int n19 = -1, n21 = -1;
	const struct tx_row *act;
	char (*store)[96];
	const char **k;
	int *np, nact, i, ns = 0, n = 0;

	if (t == TX_GOV2019) {
		store = store19, k = k19, np = &n19;
		act = tx_gov2019_active, nact = tx_gov2019_nactive;
	} else if (t == TX_GOV2021) {
		store = store21, k = k21, np = &n21;
		act = tx_gov2021_active, nact = tx_gov2021_nactive;
	} else
		return 0;
	if (*np < 0) {
		for (i = 0; i < nact; i++)
			n = add_row_keys(&act[i], k, n, 256, store, &ns);
		for (i = 0; i < tx_nrequests; i++)
			if (tx_tmpl_has_request(t, &tx_requests[i]))
				n = add_row_keys(&tx_requests[i], k, n, 256,
				    store, &ns);
		for (i = 0; i < 15 && n < 256; i++)
			k[n++] = tx_appeal_keys[i];
		*np = n;
	}
	for (i = 0; i < *np && i < max; i++)
		keys[i] = k[i];
	return i;
}

int
tx_active_vote(const char *norm)
{
	static const char *const v19[] = {
		"本年新制作数量", "本年新公开数量", "对外公开总数量",
		"上一年项目数量", "本年增减", "采购项目数量", "采购总金额",
		"其他对外管理服务事项", "政府集中采购", NULL
	};
	static const char *const v21[] = {
		"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
		"本年收费金额", "行政规范性文件", NULL
	};
	int i;

	for (i = 0; v19[i] != NULL; i++)
		if (strcmp(norm, v19[i]) == 0)
			return 2019;
	for (i = 0; v21[i] != NULL; i++)
		if (strcmp(norm, v21[i]) == 0)
			return 2021;
	return 0;
}
