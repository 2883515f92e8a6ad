/*
 * template.c: the list of templates (one tmpl_*.c file each, template.h),
 * and the rows the national forms of 国办公开办函〔2019〕60号 (gov2019) and
 * 〔2021〕30号 (gov2021) share: table 三 and table 四, as SCHEMA.md keys
 * them.
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

/* The gov forms first: table 二's vote goes to the first best. */
const struct tx_template *const tx_templates[] = {
	&tx_tmpl_gov2019,
	&tx_tmpl_gov2021,
	&tx_tmpl_legacy,
	NULL
};

const struct tx_template *
tx_template(enum tx_tmpl id)
{
	int i;

	for (i = 0; tx_templates[i] != NULL; i++)
		if (tx_templates[i]->id == id)
			return tx_templates[i];
	return NULL;
}

const char *
tx_tmpl_name(enum tx_tmpl id)
{
	const struct tx_template *t = tx_template(id);

	return t != NULL ? t->name : "";
}

int
tx_tmpl_has_request(enum tx_tmpl id, const struct tx_row *r)
{
	const struct tx_template *t = tx_template(id);

	return t != NULL && t->has_request(r);
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

/* A gov template's keys: table 二, its rows of 三, then 四.  The legacy
 * form has no fixed keys. */
int
tx_tmpl_keys(enum tx_tmpl id, const char **keys, int max)
{
	static char store[TX_NTMPL][256][96];
	static const char *all[TX_NTMPL][256];
	static int nall[TX_NTMPL] = { -1, -1, -1, -1 };
	const struct tx_template *t = tx_template(id);
	const char **k;
	int i, ns = 0, n = 0;

	if (t == NULL || t->nactive == 0 || (int)id >= TX_NTMPL)
		return 0;
	k = all[id];
	if (nall[id] < 0) {
		for (i = 0; i < t->nactive; i++)
			n = add_row_keys(&t->active[i], k, n, 256, store[id],
			    &ns);
		for (i = 0; i < tx_nrequests; i++)
			if (t->has_request(&tx_requests[i]))
				n = add_row_keys(&tx_requests[i], k, n, 256,
				    store[id], &ns);
		for (i = 0; i < 15 && n < 256; i++)
			k[n++] = tx_appeal_keys[i];
		nall[id] = n;
	}
	for (i = 0; i < nall[id] && i < max; i++)
		keys[i] = k[i];
	return i;
}

enum tx_tmpl
tx_active_vote(const char *norm)
{
	int i;

	for (i = 0; tx_templates[i] != NULL; i++)
		if (tx_templates[i]->nactive > 0 && tx_templates[i]->bid(norm))
			return tx_templates[i]->id;
	return TX_NONE;
}
