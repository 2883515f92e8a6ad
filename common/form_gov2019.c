/*
 * form_gov2019.c: the national form of 国办公开办函〔2019〕60号, report
 * years 2019 and 2020 (templates.md §2).
 *
 * Table 二 is five sub-tables, each a caption (第二十条第（一）项) and its
 * own header: documents made, published and in force; items of the
 * previous year, the change and the decisions; fees; procurement with its
 * amount of money.  Table 三 has （六）其他处理 as one row.
 */
#include <stddef.h>

#include "common/schema_national.h"

static const char *const v_change[] = { "本年增减", NULL };
static const char *const v_decisions[] = { "本年处理决定数量", NULL };

static const struct gk_col c_doc[] = {
	{ "made", "本年新制作数量", NULL, NULL, NULL, 0, 0, "made this year" },
	{ "published", "本年新公开数量", NULL, NULL, NULL, 0, 0,
	  "published this year" },
	{ "total", "对外公开总数量", NULL, NULL, NULL, 0, 0,
	  "published in all" },
};
static const struct gk_col c_item[] = {
	{ "prev", "上一年项目数量", NULL, NULL, NULL, 0, 0,
	  "items the year before" },
	{ "change", "本年增/减", v_change, NULL, NULL, 0, 0,
	  "change this year" },
	{ "decisions", "处理决定数量", v_decisions, NULL, NULL, 0, 0,
	  "decisions" },
};
static const struct gk_col c_fee[] = {
	{ "prev", "上一年项目数量", NULL, NULL, NULL, 0, 0,
	  "items the year before" },
	{ "change", "本年增/减", v_change, NULL, NULL, 0, 0,
	  "change this year" },
};
static const struct gk_col c_proc[] = {
	{ "items", "采购项目数量", NULL, NULL, NULL, 0, 0, "items bought" },
	{ "amount", "采购总金额", NULL, NULL, NULL, 1, 0,
	  "amount spent (the unit as printed)" },
};

static const char *const v_normative[] = { "行政规范性文件", NULL };

#define CAP(num) { GK_ROW_GROUP, NULL, "", "第二十条第" num "项", NULL, 1, \
	NULL, 0, NULL, NULL }
#define ROW(key, label, var, cols, desc) { GK_ROW_FIGURES, key, "", label, \
	var, 2, cols, sizeof(cols) / sizeof(cols[0]), NULL, desc }

static const struct gk_row rows2[] = {
	CAP("（一）"),
	ROW("active.rules", "规章", NULL, c_doc, "rules (规章)"),
	ROW("active.normative", "规范性文件", v_normative, c_doc,
	    "normative documents"),
	CAP("（五）"),
	ROW("active.license", "行政许可", NULL, c_item, "administrative licences"),
	ROW("active.other_service", "其他对外管理服务事项", NULL, c_item,
	    "other administrative services"),
	CAP("（六）"),
	ROW("active.penalty", "行政处罚", NULL, c_item,
	    "administrative penalties"),
	ROW("active.coercion", "行政强制", NULL, c_item,
	    "administrative coercive measures"),
	CAP("（八）"),
	ROW("active.fee", "行政事业性收费", NULL, c_fee, "administrative fees"),
	CAP("（九）"),
	ROW("active.procurement", "政府集中采购", NULL, c_proc,
	    "central government procurement"),
};

static const struct gk_row rows3[] = {
	GK_ROWS3_HEAD,
	GK_R3("requests.other", "（六）", "其他处理", NULL, 2,
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

const struct gk_form gk_form_gov2019 = {
	"gov2019", "国办公开办函〔2019〕60号", "2019-2020", tables,
	sizeof(tables) / sizeof(tables[0]), 0, gk_national_checks
};
