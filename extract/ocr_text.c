/*
 * ocr_text.c: clean-up of what Tesseract returns for a table cell.  See
 * ocr_text.h.  Pure string code: no Tesseract.
 */
#include <stdlib.h>
#include <string.h>

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

