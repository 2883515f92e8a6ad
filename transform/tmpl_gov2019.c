/*
 * tmpl_gov2019.c: the national template of 国办公开办函〔2019〕60号.
 *
 * Table 二 counts documents made, published and in total, and for items
 * the previous year's count, the change and the decisions; procurement has
 * a money column (采购总金额).  Table 三 has （六）其他处理 as one row.
 */
#include <string.h>

#include "tx.h"

static const char *const c_doc[] = { "made", "published", "total" };
static const char *const c_item[] = { "prev", "change", "decisions" };
static const char *const c_fee[] = { "prev", "change" };
static const char *const c_proc[] = { "items", "amount" };

/* Patterns in tx_label_norm's form; wording drift gets its own row. */
static const struct tx_row active[] = {
	{ "规章", "active.rules", 3, c_doc, 0 },
	{ "规范性文件", "active.normative", 3, c_doc, 0 },
	{ "行政规范性文件", "active.normative", 3, c_doc, 0 },
	{ "行政许可", "active.license", 3, c_item, 0 },
	{ "其他对外管理服务事项", "active.other_service", 3, c_item, 0 },
	{ "行政处罚", "active.penalty", 3, c_item, 0 },
	{ "行政强制", "active.coercion", 3, c_item, 0 },
	{ "行政事业性收费", "active.fee", 2, c_fee, 0 },
	{ "政府集中采购", "active.procurement", 2, c_proc, 1 },
};

static int
has_request(const struct tx_row *r)
{
	return strncmp(r->key, "requests.other.", 15) != 0;
}

static int
bid(const char *norm)
{
	static const char *const words[] = {
		"本年新制作数量", "本年新公开数量", "对外公开总数量",
		"上一年项目数量", "本年增减", "采购项目数量", "采购总金额",
		"其他对外管理服务事项", "政府集中采购", NULL
	};
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(norm, words[i]) == 0)
			return 1;
	return 0;
}

const struct tx_template tx_tmpl_gov2019 = {
	TX_GOV2019, "gov2019", active, sizeof(active) / sizeof(active[0]),
	"采购总金额", has_request, bid
};
