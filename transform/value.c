/*
 * value.c: one printed cell as SCHEMA.md's value, unit and flags.
 *
 * Nothing is guessed: a cell is a number (full-width digits, thousands
 * separators, 减少/增加 or a sign, a unit after it), blank, or not a number.
 */
#include <stdio.h>
#include <string.h>

#include "common/zh.h"
#include "tx.h"

/* The cell as ASCII where it can be (NFKC: full-width forms), minus signs,
 * no white space. */
static void
ascii(const char *in, char *out, size_t outsz)
{
	char nf[TX_FIELD_MAX];
	const char *p = nf;
	size_t len = 0, w;
	unsigned cp;

	out[0] = '\0';
	zh_nfkc(in, nf, sizeof(nf));
	while ((cp = zh_next(&p)) != 0) {
		if (cp == 0x2212)
			cp = '-';
		if (zh_is_space(cp))
			continue;
		if (len + 1 >= outsz ||
		    (w = zh_put(out + len, outsz - 1 - len, cp)) == 0)
			break;
		len += w;
	}
	out[len] = '\0';
}

/*
 * Parse [sign] digits [,ddd]* [.digits] at p into num; returns the bytes
 * used or 0.
 */
static size_t
number(const char *p, char *num, size_t numsz)
{
	const char *s = p;
	size_t len = 0, group;
	int commas = 0;

	if (*s == '+' || *s == '-') {
		if (*s == '-')
			num[len++] = '-';
		s++;
	}
	if (*s < '0' || *s > '9')
		return 0;
	group = 0;
	while ((*s >= '0' && *s <= '9') || *s == ',') {
		if (*s == ',') {
			/* a separator needs 1-3 digits before (3 after the
			 * first) and exactly three after */
			if (group == 0 || (commas > 0 && group != 3) ||
			    group > 3 || !(s[1] >= '0' && s[1] <= '9' &&
			    s[2] >= '0' && s[2] <= '9' && s[3] >= '0' &&
			    s[3] <= '9') || (s[4] >= '0' && s[4] <= '9'))
				return 0;
			commas++;
			group = 0;
			s++;
			continue;
		}
		if (len + 2 >= numsz)
			return 0;
		num[len++] = *s++;
		group++;
	}
	if (commas > 0 && group != 3)
		return 0;
	if (*s == '.' && s[1] >= '0' && s[1] <= '9') {
		num[len++] = *s++;
		while (*s >= '0' && *s <= '9') {
			if (len + 2 >= numsz)
				return 0;
			num[len++] = *s++;
		}
	}
	num[len] = '\0';
	return (size_t)(s - p);
}

/* 元 -> 万元: move the decimal point four places left, exactly. */
static void
to_wan(const char *in, char *out, size_t outsz)
{
	char digits[64], *dot;
	int neg = in[0] == '-', intlen, i;
	size_t len = 0;

	snprintf(digits, sizeof(digits), "%s", in + neg);
	dot = strchr(digits, '.');
	if (dot != NULL)
		memmove(dot, dot + 1, strlen(dot));
	intlen = (dot != NULL ? (int)(dot - digits) : (int)strlen(digits)) - 4;
	if (neg)
		out[len++] = '-';
	if (intlen <= 0) {
		out[len++] = '0';
		out[len++] = '.';
		for (i = intlen; i < 0; i++)
			out[len++] = '0';
		snprintf(out + len, outsz - len, "%s", digits);
	} else {
		snprintf(out + len, outsz - len, "%.*s.%s", intlen, digits,
		    digits + intlen);
	}
	/* drop trailing zeros and a bare point */
	len = strlen(out);
	while (len > 0 && strchr(out, '.') != NULL && out[len - 1] == '0')
		out[--len] = '\0';
	if (len > 0 && out[len - 1] == '.')
		out[--len] = '\0';
}

void
tx_value_parse(const char *text, int amount, struct tx_value *v)
{
	char a[TX_FIELD_MAX], num[64], unit[32], lead[32];
	const char *p, *q;
	size_t n, ul;
	int neg = 0;

	zh_fold(text, v->raw, sizeof(v->raw));
	v->value[0] = v->unit[0] = '\0';
	v->flags = 0;
	if (v->raw[0] == '\0') {
		v->flags = TXF_BLANK;
		return;
	}
	ascii(v->raw, a, sizeof(a));
	p = a;
	/* a unit in brackets before the figure: (件)7, the header's unit
	 * that a PDF's rows without rulings put in the first row's cell */
	lead[0] = '\0';
	if (p[0] == '(' && (q = strchr(p, ')')) != NULL &&
	    (size_t)(q - p - 1) < sizeof(lead)) {
		snprintf(lead, sizeof(lead), "%.*s", (int)(q - p - 1), p + 1);
		if (zh_is_unit(lead)) {
			for (p = q + 1; *p == ' '; p++)
				;
		} else
			lead[0] = '\0';
	}
	if (strncmp(p, "减少", 6) == 0) {
		neg = 1;
		p += 6;
	} else if (strncmp(p, "增加", 6) == 0)
		p += 6;
	n = number(p, num, sizeof(num));
	if (n == 0 || (neg && num[0] == '-')) {
		v->flags = TXF_NAN;
		return;
	}
	p += n;
	/* what follows is a unit, bare or in brackets, or nothing */
	ul = strlen(p);
	if (ul >= sizeof(unit)) {
		v->flags = TXF_NAN;
		return;
	}
	if (ul > 0) {
		if (p[0] == '(' && ul >= 2 && p[ul - 1] == ')') {
			memcpy(unit, p + 1, ul - 2);
			unit[ul - 2] = '\0';
		} else
			memcpy(unit, p, ul + 1);
		if (!zh_is_unit(unit)) {
			v->flags = TXF_NAN;
			return;
		}
		if (lead[0] != '\0') {
			v->flags = TXF_NAN;	/* two units */
			return;
		}
		memcpy(v->unit, unit, strlen(unit) + 1);	/* both 32 */
	} else if (lead[0] != '\0')
		tx_copy(v->unit, sizeof(v->unit), lead);
	if (neg)
		tx_join(v->value, sizeof(v->value), "-", num);
	else
		tx_copy(v->value, sizeof(v->value), num);
	if (amount && strcmp(v->unit, "元") == 0) {
		to_wan(v->value, num, sizeof(num));
		tx_copy(v->value, sizeof(v->value), num);
		tx_copy(v->unit, sizeof(v->unit), "万元");
		v->flags |= TXF_CONVERTED;
	}
}

/*
 * Does the text start (after white space) with a unified ideograph that
 * no figure or placeholder starts with (减少, 增加, 无, 不适用)?  Then it is
 * no value, whatever follows: NFKC leaves such a character as it is.
 */
int
tx_word_start(const char *text)
{
	unsigned cp;

	while ((cp = zh_next(&text)) != 0 && zh_is_space(cp))
		;
	return zh_is_han(cp) && cp != 0x51cf &&
	    cp != 0x589e && cp != 0x65e0 && cp != 0x4e0d;
}

int
tx_value_like(const char *text)
{
	static const char *const placeholders[] = {
		"-", "—", "——", "–", "/", "／", "无", "不适用", "—-", "--",
		"\\", NULL
	};
	struct tx_value v;
	int i;

	if (tx_word_start(text))
		return 0;
	tx_value_parse(text, 0, &v);
	if (v.flags & TXF_BLANK || v.value[0] != '\0')
		return 1;
	for (i = 0; placeholders[i] != NULL; i++)
		if (strcmp(v.raw, placeholders[i]) == 0)
			return 1;
	return 0;
}

void
tx_flags_str(int flags, char *out, size_t outsz)
{
	static const char *const names[] = {
		"blank", "not_a_number", "unit_converted", "ocr",
		"missing_glyphs"
	};
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++) {
		if (!(flags & (1 << i)))
			continue;
		len += (size_t)snprintf(out + len, outsz - len, "%s%s",
		    len > 0 ? "," : "", names[i]);
		if (len >= outsz)
			break;
	}
}
