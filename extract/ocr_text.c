/*
 * ocr_text.c: clean-up of what Tesseract returns for a table cell.  See
 * ocr_text.h.  Pure string code: no Tesseract.
 */
#include <stdlib.h>
#include <string.h>

#include "common/zh.h"
#include "ocr_text.h"

/* A Chinese numeral of a label's numbering, 一 to 十 (3 bytes). */
static int
is_cnum(const char *s)
{
	static const char *const cnum[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十" };
	size_t i;

	for (i = 0; i < sizeof(cnum) / sizeof(cnum[0]); i++)
		if (strncmp(s, cnum[i], 3) == 0)
			return 1;
	return 0;
}

char *
ocr_fix_numbering(char *s)
{
	size_t n, len;
	char *t;

	if ((unsigned char)s[0] >= 0x80 && strncmp(s, "（", 3) != 0) {
		n = 1;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		/* keep it simple: a CJK look-alike, same size */
		if (n == 3 && is_cnum(s + n) && (s[n + 3] == ')' ||
		    strncmp(s + n + 3, "）", 3) == 0))
			memcpy(s, "（", 3);
	}
	n = s[0] == '(' ? 1 : strncmp(s, "（", 3) == 0 ? 3 : 0;
	if (n == 0 || !is_cnum(s + n) || is_cnum(s + n + 3) ||
	    s[n + 3] == '\0' || strchr(s + n + 3, ')') != NULL ||
	    strstr(s + n + 3, "）") != NULL)
		return s;
	len = strlen(s);
	if ((t = realloc(s, len + 4)) == NULL) {
		free(s);
		return NULL;
	}
	memmove(t + n + 6, t + n + 3, len - n - 3 + 1);
	memcpy(t + n + 3, "）", 3);
	return t;
}

/*
 * A cell that should hold a number often comes back with the look-alikes
 * Tesseract confuses with digits (chi_sim reads a lone Times "7" as 了, a
 * 1 as ] or 】 on a dirty scan); fix them only when the rest is a number
 * too.  A change of the forms (本年增/减) is printed 减少7 or 增加7:
 * before a figure the one ideograph in front of 少 is 减 and the one in
 * front of 加 is 增 (chi_sim read 减 as 碱, 成, 威 and 诚 on scans, and
 * the sign was lost).
 */
void
ocr_fix_number(char *s)
{
	static const char *const alike[][2] = {
		{ "O", "0" }, { "o", "0" }, { "〇", "0" }, { "l", "1" },
		{ "I", "1" }, { "|", "1" }, { "]", "1" }, { "】", "1" },
		{ "了", "7" }, { "，", "," }, { "。", "." }, { "．", "." },
	};
	char out[256];
	const char *p = s, *word = "";
	size_t i, n = 0, k;
	int digits = 0;
	unsigned c1, c2;

	if (strlen(s) >= sizeof(out) / 2)
		return;
	c1 = zh_next(&p);
	c2 = zh_is_han(c1) ? zh_next(&p) : 0;
	if (c2 == 0x5c11)		/* 少 */
		word = "减少";
	else if (c2 == 0x52a0)		/* 加 */
		word = "增加";
	else
		p = s;
	n = strlen(word);
	memcpy(out, word, n);
	for (i = (size_t)(p - s); s[i] != '\0';) {
		for (k = 0; k < sizeof(alike) / sizeof(alike[0]); k++)
			if (strncmp(s + i, alike[k][0], strlen(alike[k][0])) == 0)
				break;
		if (k < sizeof(alike) / sizeof(alike[0])) {
			if (alike[k][1][0] != ',' && alike[k][1][0] != '.')
				digits++;
			out[n++] = alike[k][1][0];
			i += strlen(alike[k][0]);
			continue;
		}
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '.' && s[i] != ',' && s[i] != '-')
			return;	/* text, not a number */
		out[n++] = s[i++];
	}
	if (digits == 0)
		return;
	out[n] = '\0';
	memcpy(s, out, n + 1);
}

/* Do the brackets and quotes of s pair: as many opening as closing? */
int
ocr_paired(const char *s)
{
	const char *p = s;
	int paren = 0, quote = 0;
	unsigned c;

	while ((c = zh_next(&p)) != 0) {
		paren += (c == '(' || c == 0xff08) - (c == ')' || c == 0xff09);
		quote += (c == 0x201c) - (c == 0x201d);
	}
	return paren == 0 && quote == 0;
}

/*
 * Digits with at most one decimal point between them (1389.79), the
 * whole part maybe grouped by commas in threes (58,785; 1,234,567.5):
 * what the digit recogniser may take.  The point is kept by
 * ocr_despeckle when it sits on the figure's baseline.  A comma
 * elsewhere (5,87) is no grouping: not taken.
 */
int
ocr_is_figure(const char *s)
{
	const char *p = strchr(s, '.'), *q;
	size_t lead;

	if (p == s || (p != NULL && (p[1] == '\0' || strchr(p + 1, '.'))))
		return 0;
	for (q = s; *q != '\0'; q++)
		if ((*q < '0' || *q > '9') && *q != '.' &&
		    (*q != ',' || (p != NULL && q > p)))
			return 0;
	if (strchr(s, ',') == NULL)
		return *s != '\0';
	/* groups: 1-3 digits, then ",ddd" up to the point or the end */
	lead = strcspn(s, ",");
	if (lead < 1 || lead > 3)
		return 0;
	for (q = s + lead; *q == ','; q += 4)
		if (strspn(q + 1, "0123456789") < 3 ||
		    (q[4] != '\0' && q[4] != ',' && q[4] != '.'))
			return 0;
	return *q == '\0' || *q == '.';
}
