/*
 * schema_national.c: the columns of tables 三 and 四 and the one row of 四,
 * as both national forms print them (templates.md §2, §3).
 */
#include <stddef.h>

#include "common/schema_national.h"

static const char *const v_subtotal[] = { "小计", NULL };

/* 自然人 · 法人或其他组织 (商业企业 … 其他) · 总计; some reports add
 * 法人或其他组织小计 after 其他 or after 自然人 (templates.md §7.4). */
#define APPL	"申请人情况"
#define ORG	"申请人情况 / 法人或其他组织"

const struct gk_col gk_cols_applicants[GK_NAPPLICANTS] = {
	{ "person", "自然人", NULL, APPL, NULL, 0, 0, "natural persons" },
	{ "business", "商业企业", NULL, ORG, NULL, 0, 0,
	  "businesses" },
	{ "research", "科研机构", NULL, ORG, NULL, 0, 0,
	  "research institutions" },
	{ "nonprofit", "社会公益组织", NULL, ORG, NULL, 0, 0,
	  "non-profit organisations" },
	{ "legal", "法律服务机构", NULL, ORG, NULL, 0, 0,
	  "legal service providers" },
	{ "other_org", "其他", NULL, ORG, NULL, 0, 0,
	  "other organisations" },
	{ "total", "总计", NULL, APPL, NULL, 0, 0, "all applicants" },
	{ NULL, "法人或其他组织小计", v_subtotal, ORG, NULL, 0, 1,
	  "all organisations (a subtotal some reports add)" },
};

#define A(suffix, label, group, desc) \
	{ suffix, label, NULL, group, NULL, 0, 0, desc }
#define REVIEW	"行政复议"
#define DIRECT	"行政诉讼 / 未经复议直接起诉"
#define AFTER	"行政诉讼 / 复议后起诉"

const struct gk_col gk_cols_appeals[GK_NAPPEALS] = {
	A("review.upheld", "结果维持", REVIEW,
	    "administrative reviews: decision upheld"),
	A("review.corrected", "结果纠正", REVIEW,
	    "administrative reviews: decision corrected"),
	A("review.other", "其他结果", REVIEW,
	    "administrative reviews: other outcome"),
	A("review.pending", "尚未审结", REVIEW,
	    "administrative reviews: not yet decided"),
	A("review.total", "总计", REVIEW, "administrative reviews in all"),
	A("suit_direct.upheld", "结果维持", DIRECT,
	    "lawsuits without review first: decision upheld"),
	A("suit_direct.corrected", "结果纠正", DIRECT,
	    "lawsuits without review first: decision corrected"),
	A("suit_direct.other", "其他结果", DIRECT,
	    "lawsuits without review first: other outcome"),
	A("suit_direct.pending", "尚未审结", DIRECT,
	    "lawsuits without review first: not yet decided"),
	A("suit_direct.total", "总计", DIRECT,
	    "lawsuits without review first, in all"),
	A("suit_after.upheld", "结果维持", AFTER,
	    "lawsuits after a review: decision upheld"),
	A("suit_after.corrected", "结果纠正", AFTER,
	    "lawsuits after a review: decision corrected"),
	A("suit_after.other", "其他结果", AFTER,
	    "lawsuits after a review: other outcome"),
	A("suit_after.pending", "尚未审结", AFTER,
	    "lawsuits after a review: not yet decided"),
	A("suit_after.total", "总计", AFTER, "lawsuits after a review, in all"),
};

/* Table 四 prints no row label: its one row is found by its header. */
const struct gk_row gk_rows_appeals[1] = {
	{ GK_ROW_FIGURES, "appeals", "", "", NULL, 1, gk_cols_appeals,
	  GK_NAPPEALS, NULL, "administrative reviews and lawsuits about "
	  "disclosure" },
};

const char *const gk_carry_variants[] = { "结转下一年度继续办理", NULL };

const char *const gk_national_checks[] = {
	"row_total", "closed_total", "balance", "appeals_total",
	"template_shape", "format_mismatch", "title_mismatch", "carry_chain",
	NULL
};
