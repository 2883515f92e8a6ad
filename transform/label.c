/*
 * label.c: labels as agencies print them, made comparable.
 *
 * Agencies print the template's labels with full- or half-width brackets and
 * digits, with or without numbering, with spaces and line breaks inside,
 * with annotations in parentheses and with typos (templates.md §6).  A label
 * is matched in a normalised form against the template's fixed list, exactly
 * or by edit distance, never by position.
 */
#include <stdlib.h>
#include <string.h>

#include "tx.h"

unsigned
tx_utf8_next(const char **pp)
{
	const unsigned char *p = (const unsigned char *)*pp;
	unsigned cp;
	int n, i;

	if (p[0] < 0x80) {
		*pp += 1;
		return p[0];
	}
	if ((p[0] & 0xe0) == 0xc0) {
		cp = p[0] & 0x1f;
		n = 1;
	} else if ((p[0] & 0xf0) == 0xe0) {
		cp = p[0] & 0x0f;
		n = 2;
	} else if ((p[0] & 0xf8) == 0xf0) {
		cp = p[0] & 0x07;
		n = 3;
	} else {
		*pp += 1;
		return 0xfffd;
	}
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80) {
			*pp += i;
			return 0xfffd;
		}
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	*pp += n + 1;
	return cp;
}

size_t
tx_utf8_put(char *out, size_t room, unsigned cp)
{
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;

	if (room < n + 1)
		return 0;
	switch (n) {
	case 1:
		out[0] = (char)cp;
		break;
	case 2:
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		break;
	case 3:
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		break;
	default:
		out[0] = (char)(0xf0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[3] = (char)(0x80 | (cp & 0x3f));
		break;
	}
	out[n] = '\0';
	return n;
}

int
tx_is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xa0 || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f ||
	    cp == 0x205f || cp == 0xfeff || cp == 0x1680;
}

void
tx_fold(const char *in, char *out, size_t outsz)
{
	const char *p = in;
	size_t len = 0, n;
	int space = 0;
	unsigned cp;

	out[0] = '\0';
	while (*p != '\0') {
		cp = tx_utf8_next(&p);
		if (tx_is_space(cp)) {
			space = len > 0;
			continue;
		}
		if (space) {
			if (len + 2 > outsz)
				break;
			out[len++] = ' ';
			out[len] = '\0';
			space = 0;
		}
		n = tx_utf8_put(out + len, outsz - len, cp);
		if (n == 0)
			break;
		len += n;
	}
}

unsigned
tx_halfwidth(unsigned cp)
{
	if (cp >= 0xff01 && cp <= 0xff5e)
		return cp - 0xff01 + 0x21;
	return cp;
}

static int
is_cnum(unsigned cp)
{
	static const char nums[] = "一二三四五六七八九十";
	const char *p = nums;

	while (*p != '\0')
		if (tx_utf8_next(&p) == cp)
			return 1;
	return 0;
}

static int
is_digit(unsigned cp)
{
	return cp >= '0' && cp <= '9';
}

/* Decode s into code points (half-width, no white space); returns count. */
static int
decode(const char *s, unsigned *cps, int max)
{
	int n = 0;
	unsigned cp;

	while (*s != '\0' && n < max) {
		cp = tx_halfwidth(tx_utf8_next(&s));
		if (tx_is_space(cp))
			continue;
		if (cp == 0x3010)	/* 【 */
			cp = '(';
		else if (cp == 0x3011)
			cp = ')';
		cps[n++] = cp;
	}
	return n;
}

/* Length of the numbering at cps[0..n): 一、 (一) 1. 1、 (1) 1) */
static int
numbering(const unsigned *cps, int n)
{
	int i = 0;

	if (n > 0 && cps[0] == '(') {
		for (i = 1; i < n && (is_cnum(cps[i]) || is_digit(cps[i])); i++)
			;
		if (i > 1 && i < n && cps[i] == ')') {
			i++;
			if (i < n && (cps[i] == 0x3001 || cps[i] == '.'))
				i++;
			return i;
		}
		return 0;
	}
	for (i = 0; i < n && is_cnum(cps[i]); i++)
		;
	if (i > 0 && i < n && (cps[i] == 0x3001 || cps[i] == '.' ||
	    cps[i] == 0xff0e))
		return i + 1;
	for (i = 0; i < n && is_digit(cps[i]); i++)
		;
	if (i > 0 && i < 3 && i < n && (cps[i] == '.' || cps[i] == 0x3001 ||
	    cps[i] == ')'))
		return i + 1;
	return 0;
}

static int
is_punct(unsigned cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x2010 && cp <= 0x206f) ||
	    (cp >= 0xff00 && cp <= 0xffef) || cp == 0xb7 || cp == 0xfffd;
}

void
tx_label_norm(const char *in, char *out, size_t outsz)
{
	unsigned cps[TX_LABEL_MAX];
	int n, i, k, depth = 0;
	size_t len = 0, w;

	n = decode(in, cps, TX_LABEL_MAX);
	/* numbering may be doubled: 三、(一) */
	i = 0;
	while ((k = numbering(cps + i, n - i)) > 0)
		i += k;
	out[0] = '\0';
	for (; i < n; i++) {
		if (cps[i] == '(' || cps[i] == 0x300a) {	/* ( 《 */
			if (cps[i] == '(')
				depth++;
			continue;
		}
		if (cps[i] == ')') {
			if (depth > 0)
				depth--;
			continue;
		}
		if (depth > 0 || is_punct(cps[i]))
			continue;
		w = tx_utf8_put(out + len, outsz - len, cps[i]);
		if (w == 0)
			break;
		len += w;
	}
}

void
tx_label_key(const char *in, char *out, size_t outsz)
{
	const char *p = in;
	size_t len = 0, w;
	unsigned cp;

	out[0] = '\0';
	while (*p != '\0') {
		cp = tx_utf8_next(&p);
		if (tx_is_space(cp))
			continue;
		if (cp >= 0xff10 && cp <= 0xff19)
			cp = cp - 0xff10 + '0';
		else if (cp == '(')
			cp = 0xff08;
		else if (cp == ')')
			cp = 0xff09;
		w = tx_utf8_put(out + len, outsz - len, cp);
		if (w == 0)
			break;
		len += w;
	}
}

#define DIST_MAX 128

/* The distance, or something over max as soon as every way is over it
 * (a row of the table never shrinks below its minimum). */
static int
editdist_max(const char *a, const char *b, int max)
{
	unsigned ca[DIST_MAX], cb[DIST_MAX];
	int na = 0, nb = 0, i, j, lo, prev[DIST_MAX + 1], cur[DIST_MAX + 1];

	while (*a != '\0' && na < DIST_MAX)
		ca[na++] = tx_utf8_next(&a);
	while (*b != '\0' && nb < DIST_MAX)
		cb[nb++] = tx_utf8_next(&b);
	if (*a != '\0' || *b != '\0')
		return 1 << 20;
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++) {
		cur[0] = lo = i;
		for (j = 1; j <= nb; j++) {
			int d = prev[j - 1] + (ca[i - 1] != cb[j - 1]);

			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
			if (d < lo)
				lo = d;
		}
		if (lo > max)
			return lo;
		memcpy(prev, cur, sizeof(int) * (size_t)(nb + 1));
	}
	return prev[nb];
}

int
tx_editdist(const char *a, const char *b)
{
	return editdist_max(a, b, 1 << 20);
}

static int
cplen(const char *s)
{
	int n = 0;

	while (*s != '\0') {
		tx_utf8_next(&s);
		n++;
	}
	return n;
}

int
tx_match(const char *norm, const char *const *pats, int n)
{
	int i, d, best = -1, bestd = 1 << 20, ties = 0, len, nlen;

	if (norm[0] == '\0')
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(norm, pats[i]) == 0)
			return i;
	if ((nlen = cplen(norm)) < 4)
		return -1;
	for (i = 0; i < n; i++) {
		len = cplen(pats[i]);
		/* the lengths' difference is a lower bound of the distance */
		if (len < 4 || nlen - len > len / 4 || len - nlen > len / 4)
			continue;
		d = editdist_max(norm, pats[i], len / 4);
		if (d > len / 4)
			continue;
		if (d < bestd) {
			bestd = d;
			best = i;
			ties = 0;
		} else if (d == bestd)
			ties++;
	}
	return ties == 0 ? best : -1;
}

static const char *const units[] = {
	"万元", "元", "件", "条", "次", "篇", "个", "人", "人次", "项", "家",
	"份", "期", "场", "日", "天", "%", "％", NULL
};

int
tx_is_unit(const char *s)
{
	int i;

	for (i = 0; units[i] != NULL; i++)
		if (strcmp(s, units[i]) == 0)
			return 1;
	return 0;
}

void
tx_header_unit(const char *label, char *out, size_t outsz)
{
	char f[TX_LABEL_MAX], inner[TX_LABEL_MAX];
	const char *p, *q, *open = NULL;
	size_t n;
	unsigned cp;

	out[0] = '\0';
	tx_label_key(label, f, sizeof(f));	/* brackets now （ ） */
	for (p = f; *p != '\0';) {
		q = p;
		cp = tx_utf8_next(&p);
		if (cp == 0xff08)
			open = p;
		else if (cp == 0xff09 && open != NULL) {
			n = (size_t)(q - open);
			if (n >= sizeof(inner))
				return;
			memcpy(inner, open, n);
			inner[n] = '\0';
			q = inner;
			if (strncmp(q, "单位", 6) == 0) {
				q += 6;
				if (strncmp(q, "：", 3) == 0)
					q += 3;
				else if (*q == ':')
					q++;
			}
			if (tx_is_unit(q) && strlen(q) < outsz) {
				strcpy(out, q);
				return;
			}
			open = NULL;
		}
	}
}
