/*
 * form_legacy.c: the 政府信息公开情况统计表 of the reports before 2019
 * (统计指标 / 单位 / 统计数; templates.md §4).
 *
 * Its rows vary by province and level, so a value is keyed by its printed
 * labels (SCHEMA.md: legacy.SECTION.ROW).  The rows below are the
 * Qingdao / Shandong 2018 form in print order, the one the Qingdao reports
 * print: a label that is misread (OCR) or split is aligned to its row here
 * by its neighbours and keyed by this row's label; a row not in the list
 * keeps its own.
 */
#include <stddef.h>

#include "common/schema.h"

#define S(num, label, unit, desc) { GK_ROW_FIGURES, NULL, num, label, NULL, \
	1, NULL, 0, unit, desc }
#define R(num, label, level, unit, desc) { GK_ROW_FIGURES, NULL, num, label, \
	NULL, level, NULL, 0, unit, desc }

static const char *const v_portal[] = {
	"在市政府门户网站设立信息公开专栏数",
	"在政府门户网站设立信息公开专栏数", NULL
};

static const struct gk_row rows[] = {
	S("一、", "主动公开情况", NULL, "information disclosed on the agency's "
	    "own initiative"),
	R("（一）", "主动公开政府信息数（不同渠道和方式公开相同信息计１条）", 2,
	    "条", "items of information disclosed"),
	R("", "其中：主动公开规范性文件数（专指有规范性文件登记号的）", 4, "件",
	    "of which normative documents"),
	R("", "制发规范性文件总数（专指有规范性文件登记号的）", 4, "件",
	    "normative documents issued"),
	R("（二）", "通过不同渠道和方式公开政府信息的情况", 2, NULL,
	    "disclosure by channel"),
	R("1.", "政府公报公开政府信息数", 3, "条", "in the government gazette"),
	R("2.", "政府网站公开政府信息数", 3, "条", "on government websites"),
	R("3.", "政务微博公开政府信息数", 3, "条", "on government microblogs"),
	R("4.", "政务微信公开政府信息数", 3, "条", "on government WeChat"),
	R("5.", "其他方式公开政府信息数", 3, "条", "by other means"),
	S("二、", "回应解读情况", NULL, "responses and explanations"),
	R("（一）", "回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
	    2, "次", "responses to public concerns"),
	R("（二）", "通过不同渠道和方式回应解读的情况", 2, NULL,
	    "responses by channel"),
	R("1.", "参加或举办新闻发布会总次数", 3, "次", "press conferences"),
	R("", "其中：主要负责同志参加新闻发布会次数", 4, "次",
	    "of which with the agency's head"),
	R("2.", "政府网站在线访谈次数", 3, "次", "online interviews"),
	R("", "其中：主要负责同志参加政府网站在线访谈次数", 4, "次",
	    "of which with the agency's head"),
	R("3.", "政策解读稿件发布数", 3, "篇", "policy explanations published"),
	R("4.", "微博微信回应事件数", 3, "次",
	    "responses on microblogs and WeChat"),
	R("5.", "其他方式回应事件数", 3, "次", "responses by other means"),
	S("三、", "依申请公开情况", NULL, "disclosure on request"),
	R("（一）", "收到申请数", 2, "件", "requests received"),
	R("1.", "当面申请数", 3, "件", "in person"),
	R("2.", "传真申请数", 3, "件", "by fax"),
	R("3.", "网络申请数", 3, "件", "online"),
	R("4.", "信函申请数", 3, "件", "by letter"),
	R("（二）", "申请办结数", 2, "件", "requests closed"),
	R("1.", "按时办结数", 3, "件", "in time"),
	R("2.", "延期办结数", 3, "件", "after an extension"),
	R("（三）", "申请答复数", 2, "件", "requests answered"),
	R("1.", "属于已主动公开范围数", 3, "件", "already disclosed"),
	R("2.", "同意公开答复数", 3, "件", "disclosed"),
	R("3.", "同意部分公开答复数", 3, "件", "partly disclosed"),
	R("4.", "不同意公开答复数", 3, "件", "refused"),
	R("", "其中：涉及国家秘密", 4, "件", "refused: a state secret"),
	R("", "涉及商业秘密", 4, "件", "refused: a trade secret"),
	R("", "涉及个人隐私", 4, "件", "refused: privacy"),
	R("", "危及国家安全、公共安全、经济安全和社会稳定", 4, "件",
	    "refused: security or stability"),
	R("", "不是《条例》所指政府信息", 4, "件",
	    "refused: not government information"),
	R("", "法律法规规定的其他情形", 4, "件", "refused: other legal grounds"),
	R("5.", "不属于本行政机关公开数", 3, "件", "not this agency's"),
	R("6.", "申请信息不存在数", 3, "件", "information does not exist"),
	R("7.", "告知作出更改补充数", 3, "件", "asked to amend the request"),
	R("8.", "告知通过其他途径办理数", 3, "件", "sent to another channel"),
	S("四、", "行政复议数量", "件", "administrative reviews"),
	R("（一）", "维持具体行政行为数", 2, "件", "decision upheld"),
	R("（二）", "被依法纠错数", 2, "件", "decision corrected"),
	R("（三）", "其他情形数", 2, "件", "other outcome"),
	S("五、", "行政诉讼数量", "件", "lawsuits"),
	R("（一）", "维持具体行政行为或者驳回原告诉讼请求数", 2, "件",
	    "decision upheld or claim dismissed"),
	R("（二）", "被依法纠错数", 2, "件", "decision corrected"),
	R("（三）", "其他情形数", 2, "件", "other outcome"),
	S("六、", "举报投诉数量", "件", "complaints"),
	R("（一）", "维持具体行政行为数", 2, "件", "decision upheld"),
	R("（二）", "纠错数", 2, "件", "corrected"),
	R("（三）", "其他情形数", 2, "件", "other outcome"),
	S("七、", "向图书馆、档案馆等查阅场所报送信息数", "条",
	    "items sent to libraries and archives"),
	R("（一）", "纸质文件数", 2, "条", "on paper"),
	R("（二）", "电子文件数", 2, "条", "electronic"),
	{ GK_ROW_FIGURES, NULL, "八、", "在区政府门户网站设立信息公开专栏数",
	  v_portal, 1, NULL, 0, "个", "disclosure columns on the portal" },
	R("（一）", "部门网站或专栏（部门填写）", 2, "个",
	    "department websites or columns"),
	R("（二）", "镇、街道网站或专栏（镇街填写）", 2, "个",
	    "town and street websites or columns"),
	S("九、", "依申请公开信息收取的费用", "万元",
	    "fees charged for disclosure on request"),
	S("十、", "机构建设和保障经费情况", NULL, "staff and funds"),
	R("（一）", "政府信息公开工作专门机构数", 2, "个",
	    "offices for disclosure"),
	R("（二）", "设置政府信息公开查阅点数", 2, "个", "reading points"),
	R("（三）", "从事政府信息公开工作人员数", 2, "人", "staff"),
	R("1.", "专职人员数（不包括政府公报及政府网站人员数）", 3, "人",
	    "full-time"),
	R("2.", "兼职人员数", 3, "人", "part-time"),
	R("（四）", "政府信息公开专项经费（不包括政府公报编辑管理和政府网站建设"
	    "维护等方面的经费）", 2, "万元", "funds for disclosure"),
	S("十一、", "政府信息公开会议和培训情况", NULL, "meetings and training"),
	R("（一）", "召开政府信息公开工作会议或专题会议数", 2, "次", "meetings"),
	R("（二）", "举办各类培训班数", 2, "次", "training courses"),
	R("（三）", "接受培训人员数", 2, "人次", "people trained"),
};

/* the 序号 column of Anhui's copies too */
static const char *const heads[] = { "单位", "统计数", "序号", NULL };

static const struct gk_table tables[] = {
	{ "统计表", "政府信息公开情况统计表", "统计指标", heads, rows,
	  sizeof(rows) / sizeof(rows[0]), 0, 100 },
};

static const char *const checks[] = {
	"template_shape", "format_mismatch", "title_mismatch", NULL
};

const struct gk_form gk_form_legacy = {
	"legacy", "政府信息公开情况统计表 (provincial forms, "
	"国办发〔2014〕32号)", "2008-2018", tables,
	sizeof(tables) / sizeof(tables[0]), 1, checks
};
