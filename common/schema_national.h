/*
 * schema_national.h: what the national forms of 国办公开办函〔2019〕60号
 * and 〔2021〕30号 share, for the form files (form_gov*.c) only: the
 * columns of table 三 (the applicants) and of table 四, table 四's one
 * row, and the rows of 三 up to （五）, which every revision kept.
 */
#ifndef GK_SCHEMA_NATIONAL_H
#define GK_SCHEMA_NATIONAL_H

#include "common/schema.h"

#define GK_NAPPLICANTS	8	/* 7 columns and the optional 小计 */
#define GK_NAPPEALS	15

extern const struct gk_col gk_cols_applicants[GK_NAPPLICANTS];
extern const struct gk_col gk_cols_appeals[GK_NAPPEALS];
extern const struct gk_row gk_rows_appeals[1];
extern const char *const gk_national_checks[];

/* A row of table 三. */
#define GK_R3(key, num, label, variants, level, desc) \
	{ GK_ROW_FIGURES, key, num, label, variants, level, \
	  gk_cols_applicants, GK_NAPPLICANTS, NULL, desc }
#define GK_G3(num, label, level) \
	{ GK_ROW_GROUP, NULL, num, label, NULL, level, NULL, 0, NULL, NULL }

/* 三 from 一、 to （五）5. (templates.md §2) */
#define GK_ROWS3_HEAD \
	GK_R3("requests.new", "一、", "本年新收政府信息公开申请数量", NULL, 1, \
	    "requests received this year"), \
	GK_R3("requests.carried_in", "二、", "上年结转政府信息公开申请数量", \
	    NULL, 1, "requests carried over from the previous year"), \
	GK_G3("三、", "本年度办理结果", 1), \
	GK_R3("requests.granted", "（一）", "予以公开", NULL, 2, \
	    "requests answered: information disclosed"), \
	GK_R3("requests.partial", "（二）", \
	    "部分公开（区分处理的，只计这一情形，不计其他情形）", NULL, 2, \
	    "requests answered: information partly disclosed"), \
	GK_G3("（三）", "不予公开", 2), \
	GK_R3("requests.denied.state_secret", "1.", "属于国家秘密", NULL, 3, \
	    "requests refused: a state secret"), \
	GK_R3("requests.denied.prohibited", "2.", \
	    "其他法律行政法规禁止公开", NULL, 3, \
	    "requests refused: other laws forbid disclosure"), \
	GK_R3("requests.denied.security", "3.", "危及“三安全一稳定”", NULL, 3, \
	    "requests refused: would endanger security or stability"), \
	GK_R3("requests.denied.third_party", "4.", "保护第三方合法权益", NULL, \
	    3, "requests refused: a third party's rights"), \
	GK_R3("requests.denied.internal", "5.", "属于三类内部事务信息", NULL, 3, \
	    "requests refused: internal affairs"), \
	GK_R3("requests.denied.process", "6.", "属于四类过程性信息", NULL, 3, \
	    "requests refused: information still in process"), \
	GK_R3("requests.denied.enforcement", "7.", "属于行政执法案卷", NULL, 3, \
	    "requests refused: an enforcement case file"), \
	GK_R3("requests.denied.query", "8.", "属于行政查询事项", NULL, 3, \
	    "requests refused: a matter of administrative query"), \
	GK_G3("（四）", "无法提供", 2), \
	GK_R3("requests.unavailable.not_held", "1.", "本机关不掌握相关政府信息", \
	    NULL, 3, "information unavailable: not held by the agency"), \
	GK_R3("requests.unavailable.needs_creation", "2.", \
	    "没有现成信息需要另行制作", NULL, 3, \
	    "information unavailable: would have to be made"), \
	GK_R3("requests.unavailable.unclear", "3.", "补正后申请内容仍不明确", \
	    NULL, 3, "information unavailable: the request stayed unclear"), \
	GK_G3("（五）", "不予处理", 2), \
	GK_R3("requests.rejected.petition", "1.", "信访举报投诉类申请", NULL, 3, \
	    "requests not handled: petitions and complaints"), \
	GK_R3("requests.rejected.repeat", "2.", "重复申请", NULL, 3, \
	    "requests not handled: repeated requests"), \
	GK_R3("requests.rejected.publication", "3.", "要求提供公开出版物", NULL, \
	    3, "requests not handled: asking for publications"), \
	GK_R3("requests.rejected.excessive", "4.", "无正当理由大量反复申请", \
	    NULL, 3, "requests not handled: many repeated without reason"), \
	GK_R3("requests.rejected.confirm", "5.", \
	    "要求行政机关确认或重新出具已获取信息", NULL, 3, \
	    "requests not handled: asking to confirm or reissue information")

/* 三 after （六） */
#define GK_ROWS3_TAIL \
	GK_R3("requests.closed_total", "（七）", "总计", NULL, 2, \
	    "requests answered in all"), \
	GK_R3("requests.carried_out", "四、", "结转下年度继续办理", \
	    gk_carry_variants, 1, "requests carried over to the next year")

extern const char *const gk_carry_variants[];

#endif
