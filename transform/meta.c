/*
 * meta.c: who made the report, for which year, as the document prints it.
 *
 * AGENCY is the one the report's title names: a line that is only a name
 * right above it (青岛高新技术产业开发区管理委员会), else what precedes the
 * year in the title (青岛市人民政府2020年政府信息公开工作年度报告); the
 * page's 来源 only when no title names one.  YEAR
 * is the year the report is about: the title's, else the first "NNNN年" of
 * the text (seed 000 prints its year only there), never the publication
 * date.  Lines of the site around the text (navigation, 发布日期, 字体大小)
 * are skipped; 发布日期 gives PUBLISHED.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/zh.h"
#include "tx.h"

static int
nav(const char *s)
{
	static const char *const words[] = {
		"青岛政务网", "首页", "您当前的位置", "字体大小", "发布日期",
		"当前位置", "打印", "来源", NULL
	};
	int i;

	for (i = 0; words[i] != NULL; i++)
		if (strstr(s, words[i]) != NULL)
			return 1;
	return 0;
}

int
tx_find_year(const char *s, const char **at, const char **end)
{
	const char *p = s, *q, *r;
	unsigned cp, prev = 0;
	size_t len;
	long v;
	int n;

	for (; *p != '\0'; prev = cp, p = q) {
		q = p;
		cp = zh_next(&q);
		/* the first numeral of a run of them */
		if (zh_digit(cp) < 0 || zh_digit(prev) >= 0 || prev == 0x5341)
			continue;
		if ((v = zh_number(p, &len)) < 1990 || v > 2099)
			continue;
		for (r = p, n = 0; r < p + len; n++)
			zh_next(&r);
		if (n != 4 || strncmp(p + len, "年", 3) != 0)
			continue;
		if (at != NULL)
			*at = p;
		if (end != NULL)
			*end = p + len + 3;
		return (int)v;
	}
	return -1;
}

/* The position of the first year NNNN年 of s, or NULL; its value in
 * out[5]. */
static const char *
find_year(const char *s, char *out)
{
	const char *at;
	int y = tx_find_year(s, &at, NULL);

	if (y < 0)
		return NULL;
	if (out != NULL)
		snprintf(out, 12, "%d", y);
	return at;
}

/* Is p inside brackets of s: （2019年4月修订）, 《…2019年…》?  A year cited
 * there is not the report's. */
static int
bracketed(const char *s, const char *p)
{
	const char *q = s;
	int depth = 0;
	unsigned cp;

	while (q < p) {
		cp = zh_next(&q);
		if (cp == 0xff08 || cp == '(' || cp == 0x300a)
			depth++;
		else if ((cp == 0xff09 || cp == ')' || cp == 0x300b) &&
		    depth > 0)
			depth--;
	}
	return depth > 0;
}

/* The first year of body text that is not in brackets. */
static const char *
find_body_year(const char *s, char *out)
{
	const char *y, *end;
	int v;

	for (y = s; (v = tx_find_year(y, &y, &end)) >= 0; y = end)
		if (!bracketed(s, y)) {
			snprintf(out, 12, "%d", v);
			return y;
		}
	return NULL;
}

/* Is s the start of a label of the page's 索引号 table?  A borderless one
 * printed to PDF breaks its labels in their narrow column: 发布机 / 构：,
 * 发文字 / 号：, whose first lines look like names. */
static int
meta_label(const char *s)
{
	static const char *const labels[] = {
		"发布机构", "发文机关", "发文字号", "主题分类", "成文日期",
		"索引号", "公开方式", "公开范围", "生效日期", "有效性", NULL
	};
	int i;

	for (i = 0; labels[i] != NULL; i++)
		if (strncmp(labels[i], s, strlen(s)) == 0)
			return 1;
	return 0;
}

static int
ends_with(const char *s, const char *t)
{
	size_t n = strlen(s), k = strlen(t);

	return n >= k && strcmp(s + n - k, t) == 0;
}

/* A line that is only a name: short, no digits, no punctuation. */
static int
name_line(const char *s)
{
	const char *p = s;
	unsigned cp;
	int n = 0;

	if (strstr(s, "报告") || strstr(s, "总结") || strstr(s, "情况") ||
	    nav(s) || meta_label(s))
		return 0;
	while ((cp = zh_next(&p)) != 0) {
		if (cp < 0x80 || (cp >= 0x3000 && cp <= 0x303f) ||
		    (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2000 &&
		    cp <= 0x206f))
			return 0;
		n++;
	}
	/* a site's name (市南政务网, 青岛政府门户网站) is no agency's */
	if (ends_with(s, "网") || ends_with(s, "网站"))
		return 0;
	return n >= 3 && n <= 30;
}

/* A line shaped as a title: a year, 报告 or 总结, no sentence punctuation,
 * at most 80 characters (a sentence of the text that names 本报告 and a
 * year is none). */
static int
title_line(const char *s)
{
	static const char *const stops[] = { "。", "，", "；", "！", "？", NULL };
	const char *p = s;
	int i, n = 0;

	if ((strstr(s, "报告") == NULL && strstr(s, "总结") == NULL) ||
	    find_year(s, NULL) == NULL)
		return 0;
	for (i = 0; stops[i] != NULL; i++)
		if (strstr(s, stops[i]) != NULL)
			return 0;
	while (zh_next(&p) != 0)
		n++;
	return n <= 80;
}

/* A line of running text: sentence punctuation in it. */
static int
sentence(const char *s)
{
	return strstr(s, "。") != NULL || strstr(s, "，") != NULL ||
	    strstr(s, "；") != NULL || strstr(s, "：") != NULL;
}

/* Does the line end in a field's label (来源：, 发布机构:), so that the next
 * line is that field's value, not a heading? */
static int
field_label(const char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		n--;
	return (n >= 1 && s[n - 1] == ':') ||
	    (n >= 3 && strncmp(s + n - 3, "：", 3) == 0) ||
	    ends_with(s, "来源") || meta_label(s);
}

static char *
dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* Full-width digits (２０２２年) as ASCII, in place (the ASCII form is
 * shorter). */
static void
ascii_digits(char *s)
{
	const char *r = s;
	char *w = s;
	unsigned cp;

	while (*r != '\0') {
		const char *q = r;

		cp = zh_next(&q);
		if (cp >= 0xff10 && cp <= 0xff19) {
			*w++ = (char)('0' + zh_digit(cp));
			r = q;
		} else
			while (r < q)
				*w++ = *r++;
	}
	*w = '\0';
}

/* A title wrapped over two lines (PDF: 青岛市城市管理局2021年政府信息公开
 * 工作年度报 / 告): f has the year but not 报告 or 总结, the next para
 * item after i is short and ends it.  Joins it to f and returns its index,
 * else returns i. */
static int
wrapped_title(const struct tx_version *v, int i, char *f, size_t fsz)
{
	char g[TX_FIELD_MAX];
	size_t n;
	int j;

	if (strstr(f, "报告") != NULL || strstr(f, "总结") != NULL ||
	    find_year(f, NULL) == NULL)
		return i;
	for (j = i + 1; j < v->nitems && v->items[j].cell; j++)
		;
	if (j == v->nitems)
		return i;
	zh_fold(v->items[j].text, g, sizeof(g));
	n = strlen(f);
	/* at most 8 characters: the rest of 年度报告, not a line of text */
	if (g[0] == '\0' || strlen(g) > 8 * 3 || n + strlen(g) >= fsz)
		return i;
	memcpy(f + n, g, strlen(g) + 1);
	if (strstr(f, "报告") == NULL && strstr(f, "总结") == NULL) {
		f[n] = '\0';
		return i;
	}
	return j;
}

/* What precedes the year in a title, or NULL. */
static char *
prefix_at(const char *f)
{
	const char *y;

	if ((y = find_year(f, NULL)) == NULL)
		return NULL;
	while (y > f && y[-1] == ' ')
		y--;
	return y > f ? dup_n(f, (size_t)(y - f)) : NULL;
}

static void
published(struct tx_version *v, const char *s)
{
	const char *p = strstr(s, "发布日期");
	int i;

	if (p == NULL || v->t_published != NULL)
		return;
	for (p += strlen("发布日期"); *p != '\0' && !(*p >= '0' && *p <= '9');
	    p++)
		;
	for (i = 0; i < 10; i++)
		if (!(p[i] >= '0' && p[i] <= '9') && p[i] != '-')
			return;
	v->t_published = dup_n(p, 10);
}

/*
 * The year the statistics are of, as the body says it: 报告中所列数据的统计
 * 期限自2020年1月1日起至2020年12月31日止 (the year of its 1月1日, when
 * its 12月31日 is in the same year).
 */
static void
stat_year(struct tx_version *v)
{
	char f[TX_FIELD_MAX];
	const char *p, *at, *end;
	int i, y, y2, n = 0;

	for (i = 0; i < v->nitems && n < 400 && v->t_body_year == NULL; i++) {
		if (v->items[i].cell || strstr(v->items[i].text, "12月31日") ==
		    NULL)
			continue;
		n++;
		zh_squeeze(v->items[i].text, f, sizeof(f));
		ascii_digits(f);
		for (p = f; (y = tx_find_year(p, &at, &end)) >= 0; p = end) {
			if (strncmp(end, "1月1日", strlen("1月1日")) != 0)
				continue;
			if ((p = strstr(end, "12月31日")) == NULL)
				break;
			/* the year just before that 12月31日 */
			y2 = -1;
			for (at = end; (at = strstr(at, "年12月31日")) != NULL &&
			    at < p + 1; at += 3)
				if (at - 4 >= f) {
					y2 = tx_find_year(at - 4, NULL, NULL);
					break;
				}
			if (y2 >= 0 && y2 != y)
				break;
			if ((v->t_body_year = malloc(12)) != NULL)
				snprintf(v->t_body_year, 12, "%d", y);
			break;
		}
	}
}

/*
 * The agency a title names: what precedes its year, past a label (word版
 * 下载: 宁国市商务局 2020 年…), or NULL.
 */
static char *
title_prefix(const char *f)
{
	const char *p = f, *q;

	if (!title_line(f))
		return NULL;
	if ((q = strstr(f, "：")) != NULL && q < find_year(f, NULL))
		p = q + 3;
	else if ((q = strchr(f, ':')) != NULL && q < find_year(f, NULL))
		p = q + 1;
	while (*p == ' ')
		p++;
	return prefix_at(p);
}

/*
 * The page's agency as it prints it (来源：青岛市李沧区人民政府办公室, 信息
 * 来源, 发布机构; the label and the name in one line or split over three:
 * 来源 / : / name), or NULL: the agency when the report names none.
 */
static char *
source_field(const struct tx_version *v)
{
	static const char *const labels[] = { "来源", "发布机构", NULL };
	char f[TX_FIELD_MAX];
	const char *p, *e;
	int i, k, next = 0;

	for (i = 0; i < v->nitems && i < 400; i++) {
		zh_fold(v->items[i].text, f, sizeof(f));
		if (f[0] == '\0')
			continue;
		if (next) {
			if (strcmp(f, ":") == 0 || strcmp(f, "：") == 0)
				continue;
			if (name_line(f))
				return strdup(f);
			next = 0;
		}
		for (k = 0; labels[k] != NULL; k++) {
			if ((p = strstr(f, labels[k])) == NULL)
				continue;
			p += strlen(labels[k]);
			while (*p == ' ' || *p == ':')
				p++;
			if (strncmp(p, "：", 3) == 0)
				p += 3;
			while (*p == ' ')
				p++;
			if (*p == '\0') {
				next = 1;
				break;
			}
			for (e = p; *e != '\0' && *e != ' '; e++)
				;
			if (e > p) {
				char name[256];

				snprintf(name, sizeof(name), "%.*s",
				    (int)(e - p), p);
				if (name_line(name))
					return strdup(name);
			}
		}
	}
	return NULL;
}

void
tx_meta(struct tx_version *v)
{
	char f[TX_FIELD_MAX], cy[12];
	const char *y;
	int i, nparas = 0, body = 0, named = 0, name_at = -1, title_at = -1;
	char byear[12] = "";
	int after_label = 0;

	stat_year(v);
	for (i = 0; i < v->nitems && nparas < 200; i++) {
		int cell = v->items[i].cell;

		/* a cell is read only as the title (the header table of a
		 * TRS page prints it in a cell) */
		if (cell && (body || v->t_title != NULL))
			continue;
		zh_fold(v->items[i].text, f, sizeof(f));
		if (f[0] == '\0')
			continue;	/* an empty para (a blank cell) */
		ascii_digits(f);
		if (cell && !title_line(f))
			continue;
		nparas++;
		if (!cell && !body && v->t_title == NULL)
			i = wrapped_title(v, i, f, sizeof(f));
		published(v, f);
		if (nav(f)) {
			after_label = field_label(f);
			continue;
		}
		if (!body && (strncmp(f, "一、", 6) == 0 || strlen(f) > 240))
			body = 1;
		if (!body && v->t_title == NULL && title_line(f)) {
			y = find_year(f, cy);
			v->t_title = strdup(f);
			title_at = nparas;
			if (v->t_year == NULL)
				v->t_year = strdup(cy);
			while (y > f && y[-1] == ' ')
				y--;
			/* a name line right above the title beats its prefix;
			 * one further up (the site's name in its header)
			 * does not */
			if (y > f && named && name_at != nparas - 1) {
				free(v->t_agency);
				v->t_agency = NULL;
				named = 0;
			}
			if (y > f && v->t_agency == NULL)
				v->t_agency = dup_n(f, (size_t)(y - f));
			after_label = 0;
			continue;
		}
		if (!body && named && v->t_title != NULL &&
		    strcmp(f, v->t_title) == 0 && name_at > title_at) {
			/* the page's <title> and its heading: a name line
			 * between the two is the site's header */
			free(v->t_agency);
			v->t_agency = prefix_at(f);
			named = 0;
			after_label = 0;
			continue;
		}
		/* a name line is the agency, above the title or below it
		 * (the issuing body under its title); the value of a field
		 * (来源 / : / name) is the page's, not the report's */
		if (!body && !named && !after_label && name_line(f)) {
			free(v->t_agency);
			v->t_agency = strdup(f);
			named = 1;
			name_at = nparas;
		}
		after_label = field_label(f);
		/* the text's first year: in the body, or in a sentence
		 * above it (2018年，我局…报告如下：) */
		if (v->t_year == NULL && byear[0] == '\0' &&
		    (body || sentence(f)) && find_body_year(f, cy) != NULL)
			memcpy(byear, cy, sizeof(byear));
		if ((v->t_year != NULL || byear[0] != '\0') && body &&
		    v->t_agency != NULL)
			break;
	}
	if (v->t_year == NULL && byear[0] != '\0')
		v->t_year = strdup(byear);
	/* no heading names the agency: a title further on (the 附件 line
	 * under the text), else the page's 来源 */
	for (i = 0; v->t_agency == NULL && i < v->nitems; i++) {
		if (v->items[i].cell)
			continue;
		zh_squeeze(v->items[i].text, f, sizeof(f));
		ascii_digits(f);
		v->t_agency = title_prefix(f);
	}
	if (v->t_agency == NULL)
		v->t_page_agency = source_field(v);
}
