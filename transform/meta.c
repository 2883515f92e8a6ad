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

/* A line that is only a name: short, no digits, no punctuation. */
static int
name_line(const char *s)
{
	const char *p = s;
	unsigned cp;
	int n = 0;

	if (strstr(s, "报告") || strstr(s, "总结") || strstr(s, "情况") ||
	    nav(s))
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
	char f[TX_FIELD_MAX];
	const char *y;
	int i, nparas = 0, body = 0, named = 0;

	for (i = 0; i < v->nitems && nparas < 200; i++) {
		if (v->items[i].cell)
			continue;
		nparas++;
		tx_fold(v->items[i].text, f, sizeof(f));
		published(v, f);
		if (nav(f))
			continue;
		if (!body && (strncmp(f, "一、", 6) == 0 || strlen(f) > 240))
			body = 1;
		if (!body && v->t_title == NULL &&
		    (strstr(f, "报告") || strstr(f, "总结")) &&
		    (y = find_year(f)) != NULL) {
			v->t_title = strdup(f);
			if (v->t_year == NULL)
				v->t_year = dup_n(y, 4);
			while (y > f && y[-1] == ' ')
				y--;
			if (y > f && v->t_agency == NULL)
				v->t_agency = dup_n(f, (size_t)(y - f));
			continue;
		}
		if (!body && !named && name_line(f)) {
			/* a name line beats the title's prefix */
			free(v->t_agency);
			v->t_agency = strdup(f);
			named = 1;
		}
		if (v->t_year == NULL && body && (y = find_year(f)) != NULL)
			v->t_year = dup_n(y, 4);
		if (v->t_year != NULL && body && v->t_agency != NULL)
			break;
	}
}
