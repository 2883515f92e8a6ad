/*
 * meta.c: who made the report, for which year, as the document prints it.
 *
 * AGENCY is the name printed at the top: a line that is only a name (as
 * 青岛高新技术产业开发区管理委员会 above its title), else what precedes the
 * year in the title (青岛市人民政府2020年政府信息公开工作年度报告).  YEAR
 * is the year the report is about: the title's, else the first "NNNN年" of
 * the text (seed 000 prints its year only there), never the publication
 * date.  Lines of the site around the text (navigation, 发布日期, 字体大小)
 * are skipped; 发布日期 gives PUBLISHED.
 */
#include <stdlib.h>
#include <string.h>

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

/* The position of the first "NNNN年" (years 1990-2099) or NULL. */
static const char *
find_year(const char *s)
{
	const char *p;

	for (p = s; (p = strstr(p, "年")) != NULL; p += 3) {
		if (p - s < 4)
			continue;
		if ((p[-4] == '1' && p[-3] == '9') || (p[-4] == '2' &&
		    p[-3] == '0')) {
			if (p[-2] >= '0' && p[-2] <= '9' && p[-1] >= '0' &&
			    p[-1] <= '9' && !(p - s > 4 && p[-5] >= '0' &&
			    p[-5] <= '9'))
				return p - 4;
		}
	}
	return NULL;
}

/* 二〇二二年: a year in Chinese numerals (titles print them) as ASCII in
 * out[5]; the position of its first numeral or NULL. */
static const char *
find_cn_year(const char *s, char *out)
{
	static const char *const nums[] = { "〇", "一", "二", "三", "四",
	    "五", "六", "七", "八", "九" };
	const char *p, *q;
	int k, d;

	for (p = s; (p = strstr(p, "年")) != NULL; p += 3) {
		if (p - s < 12)
			continue;
		q = p - 12;
		for (k = 0; k < 4; k++) {
			for (d = 0; d < 10; d++)
				if (strncmp(q + 3 * k, nums[d], 3) == 0)
					break;
			if (d == 10 || (k == 0 && d != 1 && d != 2))
				break;
			out[k] = (char)('0' + d);
		}
		if (k < 4)
			continue;
		out[4] = '\0';
		if ((out[0] == '1' && out[1] == '9') ||
		    (out[0] == '2' && out[1] == '0'))
			return q;
	}
	return NULL;
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
		cp = tx_utf8_next(&q);
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
find_body_year(const char *s)
{
	const char *y;

	for (y = find_year(s); y != NULL; y = find_year(y + 4))
		if (!bracketed(s, y))
			return y;
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
	while (*p != '\0') {
		cp = tx_utf8_next(&p);
		if (cp < 0x80 || (cp >= 0x3000 && cp <= 0x303f) ||
		    (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x2000 &&
		    cp <= 0x206f))
			return 0;
		n++;
	}
	return n >= 3 && n <= 30;
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

/* Full-width digits (２０２２年) as ASCII, in place: the UTF-8 form is
 * three bytes, the ASCII one. */
static void
ascii_digits(char *s)
{
	char *w = s;
	const unsigned char *r = (const unsigned char *)s;

	while (*r != '\0') {
		if (r[0] == 0xef && r[1] == 0xbc && r[2] >= 0x90 &&
		    r[2] <= 0x99) {
			*w++ = (char)('0' + r[2] - 0x90);
			r += 3;
		} else
			*w++ = (char)*r++;
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
	char g[TX_FIELD_MAX], cy[5];
	size_t n;
	int j;

	if (strstr(f, "报告") != NULL || strstr(f, "总结") != NULL ||
	    (find_year(f) == NULL && find_cn_year(f, cy) == NULL))
		return i;
	for (j = i + 1; j < v->nitems && v->items[j].cell; j++)
		;
	if (j == v->nitems)
		return i;
	tx_fold(v->items[j].text, g, sizeof(g));
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
	char cy[5];
	const char *y;

	if ((y = find_year(f)) == NULL && (y = find_cn_year(f, cy)) == NULL)
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

void
tx_meta(struct tx_version *v)
{
	char f[TX_FIELD_MAX], cy[5];
	const char *y;
	int i, nparas = 0, body = 0, named = 0, name_at = -1, title_at = -1;

	for (i = 0; i < v->nitems && nparas < 200; i++) {
		if (v->items[i].cell)
			continue;
		tx_fold(v->items[i].text, f, sizeof(f));
		if (f[0] == '\0')
			continue;	/* an empty para (a blank cell) */
		nparas++;
		ascii_digits(f);
		if (!body && v->t_title == NULL)
			i = wrapped_title(v, i, f, sizeof(f));
		published(v, f);
		if (nav(f))
			continue;
		if (!body && (strncmp(f, "一、", 6) == 0 || strlen(f) > 240))
			body = 1;
		cy[0] = '\0';
		if (!body && v->t_title == NULL &&
		    (strstr(f, "报告") || strstr(f, "总结")) &&
		    ((y = find_year(f)) != NULL ||
		    (y = find_cn_year(f, cy)) != NULL)) {
			v->t_title = strdup(f);
			title_at = nparas;
			if (v->t_year == NULL)
				v->t_year = cy[0] != '\0' ? strdup(cy) :
				    dup_n(y, 4);
			while (y > f && y[-1] == ' ')
				y--;
			/* a name line right above the title beats its prefix;
			 * one further up (the site's name in its header)
			 * does not, and a name line below still may */
			if (y > f && named && name_at != nparas - 1) {
				free(v->t_agency);
				v->t_agency = NULL;
				named = 0;
			}
			if (y > f && v->t_agency == NULL)
				v->t_agency = dup_n(f, (size_t)(y - f));
			continue;
		}
		if (!body && named && v->t_title != NULL &&
		    strcmp(f, v->t_title) == 0 && name_at > title_at) {
			/* the page's <title> and its heading: a name line
			 * between the two is the site's header */
			free(v->t_agency);
			v->t_agency = prefix_at(f);
			named = 0;
			continue;
		}
		if (!body && !named && name_line(f)) {
			/* a name line beats the title's prefix */
			free(v->t_agency);
			v->t_agency = strdup(f);
			named = 1;
			name_at = nparas;
		}
		if (v->t_year == NULL && body && (y = find_body_year(f)) != NULL)
			v->t_year = dup_n(y, 4);
		if (v->t_year != NULL && body && v->t_agency != NULL)
			break;
	}
}
