/*
 * form_gov2021.c: the national form of 国办公开办函〔2021〕30号, report
 * years 2021 on (templates.md §3).
 *
 * Table 二 counts documents issued, repealed and in force, decisions per
 * kind of item, and the fees collected (本年收费金额, 万元 in the header);
 * 其他对外管理服务事项 and 政府集中采购 are gone.  Table 三 splits （六）
 * 其他处理 in three rows.
 */
#include <stddef.h>

#include "common/schema_national.h"

static const char *const v_decisions[] = { "处理决定数量", NULL };

static const struct gk_col c_doc[] = {
	{ "issued", "本年制发件数", NULL, NULL, NULL, 0, 0, "issued this year" },
	{ "repealed", "本年废止件数", NULL, NULL, NULL, 0, 0,
	  "repealed this year" },
	{ "in_force", "现行有效件数", NULL, NULL, NULL, 0, 0, "in force" },
};
static const struct gk_col c_dec[] = {
	{ "decisions", "本年处理决定数量", v_decisions, NULL, NULL, 0, 0,
	  "decisions this year" },
};
static const struct gk_col c_fee[] = {
	{ "amount", "本年收费金额（单位：万元）", NULL, NULL, "万元", 1, 0,
	  "fees collected this year" },
};

static const char *const v_normative[] = { "规范性文件", NULL };

#define CAP(num) { GK_ROW_GROUP, NULL, "", "第二十条第" num "项", NULL, 1, \
	NULL, 0, NULL, NULL }
#define ROW(key, label, var, cols, desc) { GK_ROW_FIGURES, key, "", label, \
	var, 2, cols, sizeof(cols) / sizeof(cols[0]), NULL, desc }

static const struct gk_row rows2[] = {
	CAP("（一）"),
	ROW("active.rules", "规章", NULL, c_doc, "rules (规章)"),
	ROW("active.normative", "行政规范性文件", v_normative, c_doc,
	    "normative documents"),
	CAP("（五）"),
	ROW("active.license", "行政许可", NULL, c_dec, "administrative licences"),
	CAP("（六）"),
	ROW("active.penalty", "行政处罚", NULL, c_dec,
	    "administrative penalties"),
	ROW("active.coercion", "行政强制", NULL, c_dec,
	    "administrative coercive measures"),
	CAP("（八）"),
	ROW("active.fee", "行政事业性收费", NULL, c_fee, "administrative fees"),
};

static const struct gk_row rows3[] = {
	GK_ROWS3_HEAD,
	GK_G3("（六）", "其他处理", 2),
	GK_R3("requests.other.no_correction", "1.",
	    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	    NULL, 3, "requests closed: the applicant did not complete them"),
	GK_R3("requests.other.unpaid_fee", "2.",
	    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	    NULL, 3, "requests closed: the applicant did not pay the fee"),
	GK_R3("requests.other.other", "3.", "其他", NULL, 3,
	    "requests closed otherwise"),
	GK_ROWS3_TAIL,
};

static const struct gk_table tables[] = {
	{ "二", "二、主动公开政府信息情况", "信息内容", NULL, rows2,
	  sizeof(rows2) / sizeof(rows2[0]), 0, 100 },
	{ "三", "三、收到和处理政府信息公开申请情况", NULL, NULL, rows3,
	  sizeof(rows3) / sizeof(rows3[0]), 0, 1 },
	{ "四", "四、政府信息公开行政复议、行政诉讼情况", NULL, NULL,
	  gk_rows_appeals, 1, 1, 1 },
};

const struct gk_form gk_form_gov2021 = {
	"gov2021", "国办公开办函〔2021〕30号", "2021-", tables,
	sizeof(tables) / sizeof(tables[0]), 0, gk_national_checks
};
