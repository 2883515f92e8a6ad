/*
 * schema_checks.c: the consistency checks of SCHEMA.md, each with what its
 * fields hold and the rule in one sentence (templates.md §5).  In sums a
 * blank cell counts as 0, and so does a row the report left out (which is
 * a template_shape failure of its own); a cell that is not a number makes
 * the check unknowable, and it is skipped.
 */
#include <stddef.h>
#include <string.h>

#include "common/schema.h"

const struct gk_check gk_checks[] = {
	{ "row_total", "三", "the row of table 三 (new, granted …)",
	  "the sum of the six applicant columns", "the row's 总计",
	  "In each row of table 三 the 总计 column equals the sum of the six "
	  "applicant columns (自然人, 商业企业, 科研机构, 社会公益组织, "
	  "法律服务机构, 其他).", 0 },
	{ "closed_total", "三", "the applicant column of table 三 (person …)",
	  "the sum of every 办理结果 row (予以公开 … 其他处理)",
	  "the column's （七）总计",
	  "In each column of table 三, （七）总计 equals the sum of the "
	  "outcomes above it: 予以公开, 部分公开, the eight 不予公开 rows, the "
	  "three 无法提供 rows, the five 不予处理 rows and 其他处理.", 0 },
	{ "balance", "三", "the applicant column of table 三",
	  "一、本年新收 + 二、上年结转", "三（七）总计 + 四、结转下年度继续办理",
	  "In each column of table 三, the requests received this year plus "
	  "those carried over equal those answered plus those carried to the "
	  "next year: the rule the form prints (第一项加第二项之和，等于第三项"
	  "加第四项之和).", 0 },
	{ "appeals_total", "四", "the group of table 四 (review, suit_direct, "
	  "suit_after)", "结果维持 + 结果纠正 + 其他结果 + 尚未审结",
	  "the group's 总计",
	  "In each group of table 四 (行政复议, and the two kinds of 行政诉讼) "
	  "总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结.", 0 },
	{ "template_shape", NULL, "the metric key", "1",
	  "how many times the report prints it",
	  "Every figure of the report's form is printed exactly once: a "
	  "figure the report leaves out (found 0) or prints twice (found 2) "
	  "fails; a figure left out counts as 0 in the other checks.", 0 },
	{ "format_mismatch", NULL, "the metric key",
	  "the value in the version kept (SOURCE)",
	  "the value in another version, @ and that document's DOC",
	  "The versions of one report (the page and its attachments, or two "
	  "readings of one file) give the same value for every figure.", 0 },
	{ "title_mismatch", NULL, "agency or year", "what the report's text "
	  "says", "what its title says",
	  "The year and the agency in the report's title are those its text "
	  "is about (the year of its statistics, the agency named above its "
	  "heading).", 0 },
	{ "carry_chain", "三", "the applicant column of table 三",
	  "the same agency's 结转下年度继续办理 in the previous year's report",
	  "this report's 上年结转",
	  "What an agency carried into this year (二、上年结转) is what its "
	  "previous year's report said it carried over (四、结转下年度继续办理).",
	  1 },
	{ "duplicate_report", NULL, "the other report's id",
	  "1 (one report per agency and year)",
	  "how many reports claim the agency and year",
	  "One agency publishes one report a year: two documents whose "
	  "figures differ that both claim the same agency and year are kept "
	  "as reports of their own, and each is flagged against the other.",
	  1 },
	{ NULL, NULL, NULL, NULL, NULL, NULL, 0 }
};

const struct gk_check *
gk_check(const char *name)
{
	const struct gk_check *c;

	for (c = gk_checks; c->name != NULL; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}
