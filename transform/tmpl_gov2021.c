/*
 * tmpl_gov2021.c: the national template of 国办公开办函〔2021〕30号.
 *
 * Table 二 counts documents issued, repealed and in force, decisions per
 * kind of item, and the fees collected (本年收费金额, money).  Table 三
 * splits （六）其他处理 in three rows.
 */
#include <string.h>

#include "tx.h"

static const char *const c_doc[] = { "issued", "repealed", "in_force" };
static const char *const c_dec[] = { "decisions" };
static const char *const c_fee[] = { "amount" };

/* Patterns in tx_label_norm's form; wording drift gets its own row. */
static const struct tx_row active[] = {
	{ "规章", "active.rules", 3, c_doc, 0 },
	{ "行政规范性文件", "active.normative", 3, c_doc, 0 },
	{ "规范性文件", "active.normative", 3, c_doc, 0 },
	{ "行政许可", "active.license", 1, c_dec, 0 },
	{ "行政处罚", "active.penalty", 1, c_dec, 0 },
	{ "行政强制", "active.coercion", 1, c_dec, 0 },
	{ "行政事业性收费", "active.fee", 1, c_fee, 1 },
};

static int
has_request(const struct tx_row *r)
{
	return strcmp(r->key, "requests.other") != 0;
}

static int
bid(const char *norm)
{
	static const char *const words[] = {
		"本年制发件数", "本年废止件数", "现行有效件数",
		"本年处理决定数量", "本年收费金额", "行政规范性文件", NULL
	};
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strcmp(norm, words[i]) == 0)
			return 1;
	return 0;
}

const struct tx_template tx_tmpl_gov2021 = {
	TX_GOV2021, "gov2021", active, sizeof(active) / sizeof(active[0]),
	"本年收费金额", has_request, bid
};
