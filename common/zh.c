/*
 * zh.c: Chinese text as the reports print it (zh.h).
 *
 * NFKC is utf8proc's: of the three libraries Debian offers (utf8proc,
 * libunistring, ICU) it is the smallest (350 KB, no data file), as fast as
 * libunistring on the reports' text (ICU is faster but needs its 31 MB data
 * library and a UTF-16 round trip), and all three give the same result on
 * the characters that matter here.  None of them folds the radicals of the
 * supplement or the strokes, which NFKC leaves alone: zh_lookalike.h, made
 * from the UCD's EquivalentUnifiedIdeograph.txt, does that first.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "zh.h"
#include "zh_lookalike.h"

/* ---- UTF-8 ---- */

unsigned
zh_decode(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c, min;
	size_t k, i;

	if (n == 0) {
		*len = 0;
		return 0;
	}
	*len = 1;
	if (p[0] < 0x80)
		return p[0];
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		k = 2, c = p[0] & 0x1f, min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		k = 3, c = p[0] & 0x0f, min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		k = 4, c = p[0] & 0x07, min = 0x10000;
	} else
		return 0xfffd;
	/* a NUL is never a continuation byte: this stops at the end of a
	 * string whatever n says */
	for (i = 1; i < k; i++) {
		if (i >= n || (p[i] & 0xc0) != 0x80)
			return 0xfffd;
		c = c << 6 | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0xfffd;
	*len = k;
	return c;
}

unsigned
zh_next(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t len;
	unsigned c;

	if (s[0] < 0x80) {
		if (s[0] != '\0')
			(*p)++;
		return s[0];
	}
	/* the three-byte sequences most of the text is (U+0800..U+FFFF
	 * but the surrogates), decoded at once */
	if (s[0] >= 0xe0 && s[0] <= 0xef && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		c = (unsigned)(s[0] & 0x0f) << 12 |
		    (unsigned)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) {
			*p += 3;
			return c;
		}
	}
	c = zh_decode(*p, 4, &len);
	*p += len;
	return c;
}

size_t
zh_put(char *out, size_t room, unsigned cp)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp < 0x80) {
		if (room < 1)
			return 0;
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		if (room < 2)
			return 0;
		o[0] = (unsigned char)(0xc0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		if (room < 3)
			return 0;
		o[0] = (unsigned char)(0xe0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	if (room < 4)
		return 0;
	o[0] = (unsigned char)(0xf0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

int
zh_valid(const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		if (zh_decode(s + i, n - i, &len) == 0xfffd &&
		    !(len == 3 && memcmp(s + i, "\xef\xbf\xbd", 3) == 0))
			return 0;
		i += len;
	}
	return 1;
}

/* Writes cp at out[*n] if it fits with room for the NUL; 0 when full. */
static int
put(char *out, size_t outsz, size_t *n, unsigned cp)
{
	size_t k;

	if (*n + 1 >= outsz)
		return 0;
	k = zh_put(out + *n, outsz - 1 - *n, cp);
	*n += k;
	return k > 0;
}

/* ---- white space ---- */

int
zh_is_space(unsigned c)
{
	if (c > 0x20 && c < 0x7f)
		return 0;
	return c <= 0x20 || c == 0x7f || c == 0x85 || c == 0xa0 ||
	    c == 0x1680 || (c >= 0x2000 && c <= 0x200b) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 ||
	    c == 0xfeff;
}

int
zh_is_han(unsigned c)
{
	return c >= 0x4e00 && c <= 0x9fff;
}

int
zh_is_wide(unsigned c)
{
	return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    zh_is_han(c) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff01 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd);
}

size_t
zh_fold(const char *in, char *out, size_t outsz)
{
	size_t n = 0;
	int pending = 0;
	unsigned c;

	if (outsz == 0)
		return 0;
	while ((c = zh_next(&in)) != 0) {
		if (zh_is_space(c)) {
			pending = n > 0;
			continue;
		}
		if (pending && !put(out, outsz, &n, ' '))
			break;
		pending = 0;
		if (!put(out, outsz, &n, c))
			break;
	}
	out[n] = '\0';
	return n;
}

size_t
zh_squeeze(const char *in, char *out, size_t outsz)
{
	size_t n = 0;
	unsigned c;

	if (outsz == 0)
		return 0;
	while ((c = zh_next(&in)) != 0)
		if (!zh_is_space(c) && !put(out, outsz, &n, c))
			break;
	out[n] = '\0';
	return n;
}

/* ---- look-alikes and NFKC ---- */

unsigned
zh_lookalike(unsigned cp)
{
	size_t lo = 0, hi = sizeof(zh_lookalikes) / sizeof(zh_lookalikes[0]);
	utf8proc_int32_t d[4];
	utf8proc_ssize_t k;

	if (cp >= 0x2e80 && cp <= 0x31ef) {
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (cp < zh_lookalikes[mid].lo)
				hi = mid;
			else if (cp > zh_lookalikes[mid].hi)
				lo = mid + 1;
			else
				return zh_lookalikes[mid].to;
		}
		return cp;
	}
	/* compatibility ideographs: each has a canonical decomposition to
	 * one unified ideograph (those that are unified ideographs
	 * themselves decompose to nothing else) */
	if ((cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f)) {
		k = utf8proc_decompose_char((utf8proc_int32_t)cp, d, 4,
		    UTF8PROC_DECOMPOSE, NULL);
		if (k == 1)
			return (unsigned)d[0];
	}
	return cp;
}

size_t
zh_unlook(const char *in, char *out, size_t outsz)
{
	size_t n = 0;
	unsigned c;

	if (outsz == 0)
		return 0;
	while ((c = zh_next(&in)) != 0)
		if (!put(out, outsz, &n, zh_lookalike(c)))
			break;
	out[n] = '\0';
	return n;
}

/* Copy s (UTF-8) into out, cut at a code point boundary. */
static size_t
copy_cut(const char *s, size_t len, char *out, size_t outsz)
{
	size_t n = len;

	if (n >= outsz) {
		/* back to the start of the code point that does not fit */
		n = outsz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

/*
 * NFKC without utf8proc for the text most labels and figures are: ASCII,
 * the unified ideographs U+4E00..U+9FFF, 、 。 and the curly quotes (none
 * has a decomposition or composes with a neighbour), and the full-width
 * forms of ASCII, U+FF01..U+FF5E, whose decomposition is the ASCII
 * character.  Returns -1 for anything else (the whole road), else the
 * length written.
 */
static long
nfkc_fast(const char *s, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, k;
	unsigned c;

	while (*p != '\0') {
		if (*p < 0x80) {
			c = *p++;
			k = 1;
		} else {
			if ((p[0] & 0xf0) != 0xe0 || (p[1] & 0xc0) != 0x80 ||
			    (p[2] & 0xc0) != 0x80)
				return -1;
			c = (unsigned)(p[0] & 0x0f) << 12 |
			    (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			if (c >= 0xff01 && c <= 0xff5e) {
				c = c - 0xff01 + 0x21;
				k = 1;
			} else if (zh_is_han(c) ||
			    c == 0x3001 || c == 0x3002 || c == 0x201c ||
			    c == 0x201d)
				k = 3;
			else
				return -1;
			p += 3;
		}
		if (n + k >= outsz)
			break;	/* cut: whole characters only */
		if (k == 1)
			out[n++] = (char)c;
		else {
			memcpy(out + n, p - 3, 3);
			n += 3;
		}
	}
	out[n] = '\0';
	return (long)n;
}

size_t
zh_nfkc(const char *in, char *out, size_t outsz)
{
	char stack[1024], *tmp;
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t len;
	size_t need, n;
	long fast;

	if (outsz == 0)
		return 0;
	if ((fast = nfkc_fast(in, out, outsz)) >= 0)
		return (size_t)fast;
	/* look-alikes folded and bad bytes made U+FFFD: at most 3 bytes out
	 * for every byte in */
	need = strlen(in) * 3 + 1;
	tmp = need <= sizeof(stack) ? stack : malloc(need);
	if (tmp == NULL) {
		out[0] = '\0';
		return 0;
	}
	n = zh_unlook(in, tmp, need);
	len = utf8proc_map((const utf8proc_uint8_t *)tmp, (utf8proc_ssize_t)n,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
	if (len < 0)		/* cannot happen on valid input; keep it */
		n = copy_cut(tmp, n, out, outsz);
	else
		n = copy_cut((const char *)dst, (size_t)len, out, outsz);
	free(dst);
	if (tmp != stack)
		free(tmp);
	return n;
}

/* ---- numerals ---- */

static int
han_digit(unsigned cp)
{
	switch (cp) {
	case 0x3007: case 0x96f6: return 0;	/* 〇 零 */
	case 0x4e00: return 1;			/* 一 */
	case 0x4e8c: case 0x4e24: return 2;	/* 二 两 */
	case 0x4e09: return 3;			/* 三 */
	case 0x56db: return 4;			/* 四 */
	case 0x4e94: return 5;			/* 五 */
	case 0x516d: return 6;			/* 六 */
	case 0x4e03: return 7;			/* 七 */
	case 0x516b: return 8;			/* 八 */
	case 0x4e5d: return 9;			/* 九 */
	default: return -1;
	}
}

static int
han_unit(unsigned cp)
{
	switch (cp) {
	case 0x5341: return 10;		/* 十 */
	case 0x767e: return 100;	/* 百 */
	case 0x5343: return 1000;	/* 千 */
	default: return 0;
	}
}

int
zh_digit(unsigned cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0xff10 && cp <= 0xff19)
		return (int)(cp - 0xff10);
	return han_digit(cp);
}

#define CNUM_MAXCHARS	12	/* longer runs are not a number we read */

long
zh_cnum(const char *s, size_t *len)
{
	const char *p = s, *end = s;
	long value = 0, cur = -1, digits = 0;
	int nunits = 0, nchars = 0, d, u;
	unsigned cp;

	for (;;) {
		const char *q = p;

		cp = zh_next(&q);
		if ((d = han_digit(cp)) < 0 && (u = han_unit(cp)) == 0)
			break;
		if (++nchars > CNUM_MAXCHARS)
			return -1;
		if (d >= 0) {
			cur = d;
			digits = digits * 10 + d;
		} else {
			/* 十一: a unit with no digit before it is one of it */
			value += (cur < 0 ? 1 : cur) * u;
			cur = -1;
			nunits++;
		}
		p = end = q;
	}
	if (nchars == 0)
		return -1;
	if (len != NULL)
		*len = (size_t)(end - s);
	if (nunits == 0)
		return digits;	/* 二〇二一: digit by digit */
	return value + (cur > 0 ? cur : 0);
}

#define NUMBER_MAXDIGITS	18

long
zh_number(const char *s, size_t *len)
{
	const char *p = s, *end = s;
	long v = 0;
	int n = 0, d;
	unsigned cp;

	for (;;) {
		const char *q = p;

		cp = zh_next(&q);
		if (!((cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19)))
			break;
		if (++n > NUMBER_MAXDIGITS)
			return -1;
		d = zh_digit(cp);
		v = v * 10 + d;
		p = end = q;
	}
	if (n > 0) {
		if (len != NULL)
			*len = (size_t)(end - s);
		return v;
	}
	return zh_cnum(s, len);
}

/* ---- numbering ---- */

#define MARK_MAX	999	/* a section or row number, never a year */

static const char *
skip_space(const char *p)
{
	const char *q = p;

	while (*p != '\0' && zh_is_space(zh_next(&q)))
		p = q;
	return p;
}

/* Is cp one of the stops after a number: 、 ． . (and ，, for 1,)? */
static int
stop_after(unsigned cp, int arabic)
{
	return cp == 0x3001 || cp == 0xff0e || cp == '.' ||
	    (arabic && (cp == ',' || cp == 0xff0c));
}

int
zh_numbering(const char *s, struct zh_numbering *out)
{
	const char *p = skip_space(s), *q;
	size_t len;
	long n;
	unsigned cp;
	int arabic;

	memset(out, 0, sizeof(*out));
	q = p;
	cp = zh_next(&q);
	if (cp >= 0x2460 && cp <= 0x2473) {		/* ① … ⑳ */
		out->style = ZH_NUM_CIRCLED;
		out->n = (long)(cp - 0x2460 + 1);
		p = q;
	} else if (cp == '(' || cp == 0xff08) {		/* （一） (1) */
		p = skip_space(q);
		q = p;
		cp = zh_next(&q);
		arabic = (cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19);
		if ((n = zh_number(p, &len)) < 0 || n > MARK_MAX)
			return 0;
		p = skip_space(p + len);
		q = p;
		cp = zh_next(&q);
		if (cp != ')' && cp != 0xff09)
			return 0;
		p = q;
		/* （一）、 sometimes */
		q = p;
		if (stop_after(zh_next(&q), 0))
			p = q;
		out->style = arabic ? ZH_NUM_ARABIC_PAREN : ZH_NUM_HAN_PAREN;
		out->n = n;
	} else {
		arabic = (cp >= '0' && cp <= '9') || (cp >= 0xff10 && cp <= 0xff19);
		if (!arabic && han_digit(cp) < 0 && han_unit(cp) == 0)
			return 0;
		if ((n = zh_number(p, &len)) < 0 || n > MARK_MAX)
			return 0;
		p += len;
		q = p;
		cp = zh_next(&q);
		if (!stop_after(cp, arabic))
			return 0;
		p = q;
		/* 1.5 and 1,234 are figures, not marks */
		if (arabic && cp != 0x3001 && zh_digit(zh_next(&q)) >= 0)
			return 0;
		out->style = arabic ? ZH_NUM_ARABIC : ZH_NUM_HAN;
		out->n = n;
	}
	out->len = (size_t)(skip_space(p) - s);
	return 1;
}

int
zh_numlevel(enum zh_numstyle st)
{
	switch (st) {
	case ZH_NUM_HAN: return 1;
	case ZH_NUM_HAN_PAREN: return 2;
	case ZH_NUM_ARABIC: return 3;
	case ZH_NUM_ARABIC_PAREN: return 4;
	case ZH_NUM_CIRCLED: return 5;
	default: return 0;
	}
}

/* ---- units ---- */

int
zh_is_unit(const char *s)
{
	static const char *const units[] = {
		"件", "条", "次", "个", "篇", "人", "人次", "项", "家", "份",
		"期", "场", "元", "万元", "千元", "亿元", "天", "日", "户",
		"处", "起", "批", "宗", "页", "册", "套", "台", "所", "名",
		"位", "小时", NULL
	};
	char f[64];
	const char *w = f;
	size_t n;
	int i;

	n = zh_squeeze(s, f, sizeof(f));
	/* （件） (件): the brackets a header or a cell puts round it */
	if (n > 2 && f[0] == '(' && f[n - 1] == ')') {
		f[n - 1] = '\0';
		w = f + 1;
	} else if (n > 6 && strncmp(f, "（", 3) == 0 &&
	    strcmp(f + n - 3, "）") == 0) {
		f[n - 3] = '\0';
		w = f + 3;
	}
	for (i = 0; units[i] != NULL; i++)
		if (strcmp(w, units[i]) == 0)
			return 1;
	return 0;
}
