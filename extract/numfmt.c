/*
 * numfmt.c: a spreadsheet number printed through its number format
 * (see numfmt.h).  Rounding is Excel's: half away from zero on the
 * number's 15 significant digits (2.675 under 0.00 is 2.68), not printf's
 * round-half-even on the binary value (2.67).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numfmt.h"

#define MAXSECT	4

struct ob {
	char *p;
	size_t n, len;
};

static void
put(struct ob *o, const char *s, size_t n)
{
	while (n > 0 && o->len + 1 < o->n) {
		o->p[o->len++] = *s++;
		n--;
	}
	o->p[o->len] = '\0';
}

static void
puts_(struct ob *o, const char *s)
{
	put(o, s, strlen(s));
}

const char *
gk_numfmt_builtin(unsigned id)
{
	static const char *const b[] = {
		[0] = "General", [1] = "0", [2] = "0.00", [3] = "#,##0",
		[4] = "#,##0.00", [5] = "#,##0_);(#,##0)",
		[6] = "#,##0_);[Red](#,##0)", [7] = "#,##0.00_);(#,##0.00)",
		[8] = "#,##0.00_);[Red](#,##0.00)", [9] = "0%",
		[10] = "0.00%", [11] = "0.00E+00", [12] = "# ?/?",
		[13] = "# ?\?/?\?", [14] = "yyyy/m/d", [15] = "d-mmm-yy",
		[16] = "d-mmm", [17] = "mmm-yy", [18] = "h:mm AM/PM",
		[19] = "h:mm:ss AM/PM", [20] = "h:mm", [21] = "h:mm:ss",
		[22] = "yyyy/m/d h:mm",
		[27] = "yyyy\"年\"m\"月\"", [28] = "m\"月\"d\"日\"",
		[29] = "m\"月\"d\"日\"", [30] = "m-d-yy",
		[31] = "yyyy\"年\"m\"月\"d\"日\"", [32] = "h\"时\"mm\"分\"",
		[33] = "h\"时\"mm\"分\"ss\"秒\"",
		[34] = "上午/下午h\"时\"mm\"分\"",
		[35] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
		[36] = "yyyy\"年\"m\"月\"",
		[37] = "#,##0 ;(#,##0)", [38] = "#,##0 ;[Red](#,##0)",
		[39] = "#,##0.00;(#,##0.00)", [40] = "#,##0.00;[Red](#,##0.00)",
		[41] = "#,##0;-#,##0;\"-\"", [42] = "#,##0;-#,##0;\"-\"",
		[43] = "#,##0.00;-#,##0.00;\"-\"??",
		[44] = "#,##0.00;-#,##0.00;\"-\"??", [45] = "mm:ss",
		[46] = "[h]:mm:ss", [47] = "mm:ss.0", [48] = "##0.0E+0",
		[49] = "@",
		[50] = "yyyy\"年\"m\"月\"", [51] = "m\"月\"d\"日\"",
		[52] = "yyyy\"年\"m\"月\"", [53] = "m\"月\"d\"日\"",
		[54] = "m\"月\"d\"日\"", [55] = "上午/下午h\"时\"mm\"分\"",
		[56] = "上午/下午h\"时\"mm\"分\"ss\"秒\"",
		[57] = "yyyy\"年\"m\"月\"", [58] = "m\"月\"d\"日\"",
	};

	if (id >= sizeof(b) / sizeof(b[0]))
		return NULL;
	return b[id];
}

/* The length of the UTF-8 character at s (1 for a bad byte). */
static size_t
u8len(const char *s, size_t left)
{
	unsigned char c = (unsigned char)*s;
	size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

	return k <= left ? k : 1;
}

/*
 * Walk a section: fn gets each token (kind, text, length).  Kinds: 'L' a
 * literal to print, 'B' a bracket's content, and otherwise the format
 * character itself (0 # ? . , % E @ y m d h s A, 'P' for 上午/下午).
 */
typedef void tokfn(void *, int, const char *, size_t);

static void
tokens(const char *p, size_t n, tokfn *fn, void *arg)
{
	static const char ampm[] = "上午/下午";
	size_t i = 0, j, k;

	while (i < n) {
		char c = p[i];

		if (c == '"') {
			for (j = i + 1; j < n && p[j] != '"'; j++)
				;
			fn(arg, 'L', p + i + 1, j - i - 1);
			i = j < n ? j + 1 : n;
		} else if (c == '\\' && i + 1 < n) {
			k = u8len(p + i + 1, n - i - 1);
			fn(arg, 'L', p + i + 1, k);
			i += 1 + k;
		} else if (c == '_' && i + 1 < n) {
			fn(arg, 'L', " ", 1);
			i += 1 + u8len(p + i + 1, n - i - 1);
		} else if (c == '*' && i + 1 < n) {
			i += 1 + u8len(p + i + 1, n - i - 1);
		} else if (c == '[') {
			for (j = i + 1; j < n && p[j] != ']'; j++)
				;
			fn(arg, 'B', p + i + 1, j - i - 1);
			i = j < n ? j + 1 : n;
		} else if (n - i >= 7 && strncasecmp(p + i, "General", 7) == 0) {
			fn(arg, 'G', p + i, 7);
			i += 7;
		} else if (n - i >= 5 && (strncasecmp(p + i, "AM/PM", 5) == 0)) {
			fn(arg, 'A', p + i, 5);
			i += 5;
		} else if (n - i >= 3 && (strncasecmp(p + i, "A/P", 3) == 0)) {
			fn(arg, 'A', p + i, 3);
			i += 3;
		} else if (n - i >= sizeof(ampm) - 1 &&
		    memcmp(p + i, ampm, sizeof(ampm) - 1) == 0) {
			fn(arg, 'P', p + i, sizeof(ampm) - 1);
			i += sizeof(ampm) - 1;
		} else if (strchr("0#?.,%@", c) != NULL) {
			fn(arg, c, p + i, 1);
			i++;
		} else if ((c == 'E' || c == 'e') && i + 1 < n &&
		    (p[i + 1] == '+' || p[i + 1] == '-')) {
			fn(arg, 'E', p + i, 2);
			i += 2;
		} else if (strchr("yYmMdDhHsS", c) != NULL) {
			for (j = i; j < n && (p[j] | 0x20) == (c | 0x20); j++)
				;
			fn(arg, c | 0x20, p + i, j - i);
			i = j;
		} else {
			k = u8len(p + i, n - i);
			fn(arg, 'L', p + i, k);
			i += k;
		}
	}
}

/* ---- what a section holds ---- */

struct shape {
	int date, general, text, frac, sci;
	int ph;			/* digit placeholders seen */
	int intzeros;		/* '0' before the point */
	int point;		/* a '.' after a placeholder or before one */
	int dec, deczeros;	/* placeholders after the point; '0' among them */
	int thousands, scale, pct, expdigits;
	int commas;		/* ',' since the last placeholder */
	int after_sci;
};

static void
shape_tok(void *arg, int k, const char *s, size_t n)
{
	struct shape *h = arg;

	(void)s;
	switch (k) {
	case 'y': case 'm': case 'd': case 'h': case 's': case 'A': case 'P':
		h->date = 1;
		break;
	case 'B':
		if (n > 0 && strchr("hHmMsS", s[0]) != NULL)
			h->date = 1;	/* [h]:mm elapsed time */
		break;
	case 'G':
		h->general = 1;
		break;
	case '@':
		h->text = 1;
		break;
	case 'E':
		h->sci = 1;
		h->after_sci = 1;
		break;
	case '0': case '#': case '?':
		if (h->after_sci) {
			h->expdigits++;
			break;
		}
		if (h->commas > 0 && !h->point)
			h->thousands = 1;
		h->commas = 0;
		h->ph++;
		if (h->point) {
			h->dec++;
			if (k == '0')
				h->deczeros = h->dec;
		} else if (k == '0')
			h->intzeros++;
		break;
	case '.':
		if (!h->after_sci)
			h->point = 1;
		break;
	case ',':
		if (h->ph > 0)
			h->commas++;
		break;
	case '%':
		h->pct++;
		break;
	case 'L':
		if (n == 1 && s[0] == '/' && h->ph > 0)
			h->frac = 1;
		break;
	}
}

/* ---- numbers ---- */

/*
 * x >= 0 with dec digits after the point, rounded half away from zero on
 * its 15 significant digits, into out (digits and '.').
 */
static void
fixed(char *out, size_t n, double x, int dec)
{
	char e[40], dig[40];
	int exp, nd = 15, i, pos, keep;
	struct ob o = { out, n, 0 };

	out[0] = '\0';
	if (x == 0 || !isfinite(x)) {
		puts_(&o, "0");
		if (dec > 0)
			puts_(&o, ".");
		for (i = 0; i < dec; i++)
			puts_(&o, "0");
		return;
	}
	snprintf(e, sizeof(e), "%.14e", x);
	dig[0] = e[0];
	memcpy(dig + 1, e + 2, 14);
	dig[15] = '\0';
	exp = atoi(e + 17);
	keep = exp + 1 + dec;	/* significant digits kept */
	if (keep < 0) {
		dig[0] = '\0';
		nd = 0;
	} else if (keep < nd) {
		int up = dig[keep] >= '5';

		nd = keep;
		dig[nd] = '\0';
		for (i = nd - 1; up && i >= 0; i--) {
			if (dig[i] == '9')
				dig[i] = '0';
			else {
				dig[i]++;
				up = 0;
			}
		}
		if (up) {	/* 9.99 -> 10.0 */
			memmove(dig + 1, dig, (size_t)nd + 1);
			dig[0] = '1';
			nd++;
			exp++;
		}
	}
	/* digit k of dig stands for 10^(exp - k) */
	if (exp < 0)
		puts_(&o, "0");
	for (pos = exp; pos >= 0; pos--) {
		i = exp - pos;
		put(&o, i < nd ? dig + i : "0", 1);
	}
	if (dec > 0)
		puts_(&o, ".");
	for (pos = -1; pos >= -dec; pos--) {
		i = exp - pos;
		put(&o, i >= 0 && i < nd ? dig + i : "0", 1);
	}
}

/* Excel's General: the shortest of up to 15 significant digits. */
static void
general(struct ob *o, double v)
{
	char b[64];

	if (v == 0)
		v = 0;	/* no "-0" */
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(b, sizeof(b), "%.0f", v);
	else
		snprintf(b, sizeof(b), "%.15g", v);
	puts_(o, b);
}

struct numout {
	struct ob *o;
	const struct shape *h;
	const char *digits;	/* the number, formatted */
	int done;		/* the number was written */
	int ph;			/* placeholders seen so far */
};

static void
num_tok(void *arg, int k, const char *s, size_t n)
{
	struct numout *u = arg;

	switch (k) {
	case 'L':
		put(u->o, s, n);
		break;
	case '0': case '#': case '?':
		if (!u->done) {
			puts_(u->o, u->digits);
			u->done = 1;
		}
		break;
	case '%':
		puts_(u->o, "%");
		break;
	case '@':
		puts_(u->o, u->digits);
		break;
	}
}

static void
number(struct ob *o, double v, const char *p, size_t n,
    const struct shape *h)
{
	char num[400], b[400];
	struct numout u;
	double x = fabs(v);
	int i;

	for (i = 0; i < h->pct; i++)
		x *= 100;
	for (i = 0; i < h->commas; i++)	/* trailing commas: thousands */
		x /= 1000;
	if (h->sci) {
		char *ep;
		int ex, ed = h->expdigits > 0 ? h->expdigits : 1;

		if (ed > 9)
			ed = 9;

		snprintf(b, sizeof(b), "%.*E", h->dec, x);
		ep = strchr(b, 'E');
		ex = atoi(ep + 1);
		*ep = '\0';
		snprintf(num, sizeof(num), "%.40sE%s%0*d", b, ex < 0 ? "-" : "+",
		    ed, abs(ex) % 1000);
	} else {
		size_t len, ip;

		fixed(b, sizeof(b), x, h->dec);
		/* optional decimals ('#'): drop trailing zeros past the '0's */
		len = strlen(b);
		if (h->dec > h->deczeros) {
			int drop = h->dec - h->deczeros;

			while (drop-- > 0 && len > 0 && b[len - 1] == '0')
				b[--len] = '\0';
		}
		ip = strcspn(b, ".");
		/* '#' alone before the point: 0.5 prints ".5" */
		if (h->intzeros == 0 && ip == 1 && b[0] == '0' &&
		    (h->dec > 0 || x == 0)) {
			memmove(b, b + 1, len);
			ip = 0;
		}
		/* leading zeros up to the '0' placeholders */
		len = 0;
		for (i = (int)ip; i < h->intzeros; i++)
			num[len++] = '0';
		for (i = 0; i < (int)ip; i++) {
			num[len++] = b[i];
			if (h->thousands && (ip - (size_t)i - 1) % 3 == 0 &&
			    (size_t)i + 1 < ip)
				num[len++] = ',';
		}
		snprintf(num + len, sizeof(num) - len, "%s", b + ip);
	}
	u.o = o;
	u.h = h;
	u.digits = num;
	u.done = 0;
	u.ph = 0;
	tokens(p, n, num_tok, &u);
	/* a section of literals only ("-" for zero) prints no number */
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	*y = (long)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y += *m <= 2;
}

struct dt {
	long y;
	unsigned mo, d, wd, h, mi, s;
	int ampm;		/* the section prints AM/PM: 12-hour clock */
	int hourseen;		/* the last date token was an hour */
	struct ob *o;
	const char *p;		/* the section, to look ahead for seconds */
	size_t n;
};

static void
num2(struct ob *o, unsigned v, size_t width)
{
	char b[16];

	snprintf(b, sizeof(b), width >= 2 ? "%02u" : "%u", v);
	puts_(o, b);
}

static void
date_tok(void *arg, int k, const char *s, size_t n)
{
	static const char *const mon[] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	static const char *const wday[] = { "Sunday", "Monday", "Tuesday",
	    "Wednesday", "Thursday", "Friday", "Saturday" };
	struct dt *t = arg;
	char b[32];
	unsigned h12;
	int minute;

	switch (k) {
	case 'L':
		put(t->o, s, n);
		return;
	case 'y':
		snprintf(b, sizeof(b), n <= 2 ? "%02ld" : "%04ld",
		    n <= 2 ? t->y % 100 : t->y);
		puts_(t->o, b);
		break;
	case 'm':
		/* minutes after an hour or before seconds, else the month */
		minute = t->hourseen;
		if (!minute && n <= 2) {
			const char *q = s + n, *e = t->p + t->n;

			while (q < e && strchr("yYmMdDhH", *q) == NULL) {
				if (*q == 's' || *q == 'S') {
					minute = 1;
					break;
				}
				q++;
			}
		}
		if (minute)
			num2(t->o, t->mi, n);
		else if (n <= 2)
			num2(t->o, t->mo, n);
		else if (n == 3)
			put(t->o, mon[t->mo - 1], 3);
		else if (n == 5)
			put(t->o, mon[t->mo - 1], 1);
		else
			puts_(t->o, mon[t->mo - 1]);
		break;
	case 'd':
		if (n <= 2)
			num2(t->o, t->d, n);
		else if (n == 3)
			put(t->o, wday[t->wd], 3);
		else
			puts_(t->o, wday[t->wd]);
		break;
	case 'h':
		h12 = t->h % 12 == 0 ? 12 : t->h % 12;
		num2(t->o, t->ampm ? h12 : t->h, n);
		t->hourseen = 1;
		return;
	case 's':
		num2(t->o, t->s, n);
		break;
	case 'A':
		puts_(t->o, t->h < 12 ? "AM" : "PM");
		break;
	case 'P':
		puts_(t->o, t->h < 12 ? "上午" : "下午");
		break;
	case 'B':
		if (n > 0 && (s[0] == 'h' || s[0] == 'H')) {
			snprintf(b, sizeof(b), "%u", t->h);	/* elapsed */
			puts_(t->o, b);
			t->hourseen = 1;
			return;
		}
		break;
	}
	if (k != 'B')
		t->hourseen = 0;
}

static int
date(struct ob *o, double v, const char *p, size_t n, int date1904)
{
	struct dt t;
	long serial, day, secs;
	double frac;

	if (!(v >= 0 && v < 2958466))	/* before 1900 or past 9999: #### */
		return -1;
	memset(&t, 0, sizeof(t));
	serial = (long)floor(v);
	frac = v - (double)serial;
	secs = lround(frac * 86400.0);
	if (secs >= 86400) {
		serial++;
		secs -= 86400;
	}
	if (!date1904 && serial == 60) {	/* Lotus's 1900-02-29, kept by Excel */
		day = days_from_civil(1900, 2, 28) + 1;
		t.y = 1900;
		t.mo = 2;
		t.d = 29;
	} else {
		day = date1904 ? days_from_civil(1904, 1, 1) + serial :
		    days_from_civil(1899, 12, serial < 60 ? 31 : 30) + serial;
		civil_from_days(day, &t.y, &t.mo, &t.d);
	}
	t.wd = (unsigned)(((day % 7) + 7 + 4) % 7);	/* 1970-01-01: Thu */
	t.h = (unsigned)(secs / 3600);
	t.mi = (unsigned)(secs / 60 % 60);
	t.s = (unsigned)(secs % 60);
	t.o = o;
	t.p = p;
	t.n = n;
	/* AM/PM anywhere in the section makes the clock 12-hour */
	{
		const char *q;

		for (q = p; q < p + n; q++)
			if (strncasecmp(q, "AM/PM", 5) == 0 ||
			    strncasecmp(q, "A/P", 3) == 0 ||
			    ((size_t)(p + n - q) >= 6 &&
			    memcmp(q, "上午", 6) == 0))
				t.ampm = 1;
	}
	tokens(p, n, date_tok, &t);
	return 0;
}

/* ---- sections ---- */

struct sect {
	const char *p;
	size_t n;
};

static int
sections(const char *code, struct sect *s)
{
	const char *p = code;
	int k = 0;

	s[0].p = p;
	while (*p != '\0') {
		if (*p == '"') {
			p = strchr(p + 1, '"');
			if (p == NULL)
				break;
		} else if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == '[') {
			p = strchr(p, ']');
			if (p == NULL)
				break;
		} else if (*p == ';' && k + 1 < MAXSECT) {
			s[k].n = (size_t)(p - s[k].p);
			s[++k].p = p + 1;
		}
		p++;
	}
	s[k].n = strlen(s[k].p);
	return k + 1;
}

void
gk_numfmt(char *out, size_t n, double v, const char *code, int date1904)
{
	struct sect s[MAXSECT];
	struct shape h;
	struct ob o = { out, n, 0 };
	int ns, k = 0;

	out[0] = '\0';
	if (n == 0)
		return;
	if (!isfinite(v) || code == NULL || code[0] == '\0') {
		general(&o, v);
		return;
	}
	ns = sections(code, s);
	if (v < 0 && ns >= 2)
		k = 1;
	else if (v == 0 && ns >= 3)
		k = 2;
	memset(&h, 0, sizeof(h));
	tokens(s[k].p, s[k].n, shape_tok, &h);
	if (h.date) {
		if (date(&o, v, s[k].p, s[k].n, date1904) == 0)
			return;
		o.len = 0;
		general(&o, v);
		return;
	}
	if (h.general || h.frac) {
		/* General, or fractions (not printed): the plain number */
		general(&o, k == 1 ? fabs(v) : v);
		return;
	}
	if (v < 0 && k == 0)
		puts_(&o, "-");
	number(&o, v, s[k].p, s[k].n, &h);
}
