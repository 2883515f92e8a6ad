/*
 * zh.h: Chinese text as the reports print it.  The one copy, for every
 * stage, of: stepping through UTF-8, what white space is, the characters
 * that look like others (radicals, compatibility ideographs) and Unicode
 * NFKC (utf8proc), the Chinese numerals, the numbering of headings and rows
 * (一、 （一） 1. （1） ①), and the unit words of the tables.
 *
 * Every function that writes takes the size of its output and never writes
 * past it: output that does not fit is cut at a code point boundary, and
 * the result is always NUL-terminated (outsz > 0).  Invalid UTF-8 is read
 * as U+FFFD, one byte at a time.
 */
#ifndef GK_ZH_H
#define GK_ZH_H

#include <stddef.h>

/* ---- UTF-8 ---- */

/*
 * The code point at *p, advancing *p past it; 0 at the terminating NUL
 * (and *p stays there).  An invalid, overlong or truncated sequence is
 * U+FFFD and consumes one byte.
 */
unsigned zh_next(const char **p);
/* The same over n bytes (no NUL needed); *len gets the bytes used
 * (0 when n is 0). */
unsigned zh_decode(const char *p, size_t n, size_t *len);
/* Encode cp into out (room bytes); the bytes written, 0 when it does not
 * fit or cp is not a scalar value. No NUL is written. */
size_t zh_put(char *out, size_t room, unsigned cp);
/* Is s (n bytes) valid UTF-8? */
int zh_valid(const char *s, size_t n);

/* ---- white space ---- */

/*
 * White space of any kind: ASCII controls and space, DEL, NEL, NBSP,
 * U+1680, U+2000..U+200B, U+2028, U+2029, U+202F, U+205F, U+3000
 * (ideographic) and U+FEFF (the zero-width ones word processors leave).
 */
int zh_is_space(unsigned cp);
/*
 * A character set one em wide (East Asian wide or full-width: CJK
 * ideographs and radicals, kana, hangul, CJK punctuation and symbols,
 * full-width forms).
 */
int zh_is_wide(unsigned cp);
/* A CJK unified ideograph of the basic block (U+4E00..U+9FFF): the
 * characters labels are written in. */
int zh_is_han(unsigned cp);
/* Runs of white space made one ASCII space, leading and trailing ones
 * dropped, invalid UTF-8 made U+FFFD.  Returns the length written. */
size_t zh_fold(const char *in, char *out, size_t outsz);
/* Every white space character removed. */
size_t zh_squeeze(const char *in, char *out, size_t outsz);

/* ---- characters that look like others ---- */

/*
 * The unified ideograph a look-alike stands for: a Kangxi radical
 * (⾏ U+2F8F), a radical of the supplement (⻓ U+2ED3), a CJK stroke, or a
 * CJK compatibility ideograph (U+F900.., U+2F800..), which PDF fonts map
 * glyphs to; any other code point is returned as it is.
 */
unsigned zh_lookalike(unsigned cp);
/* A string with every look-alike folded, nothing else changed (the text a
 * reader sees, as printed: full-width digits stay). */
size_t zh_unlook(const char *in, char *out, size_t outsz);
/*
 * Look-alikes folded, then Unicode NFKC (utf8proc): full-width forms made
 * ASCII (（一） -> (一), １２ -> 12), U+3000 a space, ① 1.  For matching
 * labels, never for the raw text kept.
 */
size_t zh_nfkc(const char *in, char *out, size_t outsz);

/* ---- numerals ---- */

/* 0..9 for an ASCII or full-width digit and for 〇 零 一 二 两 三 … 九;
 * -1 otherwise. */
int zh_digit(unsigned cp);
/*
 * A number at the start of s, written in Chinese numerals: with the units
 * 十 百 千 (十一 11, 二十三 23, 一百零五 105) or digit by digit (二〇二一
 * 2021).  Returns the value and sets *len (if not NULL) to the bytes read;
 * -1 when s does not start with a Chinese numeral.
 */
long zh_cnum(const char *s, size_t *len);
/* A number at the start of s in ASCII or full-width digits, or Chinese
 * numerals; -1 when there is none.  *len as for zh_cnum. */
long zh_number(const char *s, size_t *len);

/* ---- numbering: the marks that start headings and rows ---- */

enum zh_numstyle {
	ZH_NUM_NONE = 0,
	ZH_NUM_HAN,		/* 一、 二． (level 1) */
	ZH_NUM_HAN_PAREN,	/* （一） (一) (level 2) */
	ZH_NUM_ARABIC,		/* 1. 1、 1． 1, (level 3) */
	ZH_NUM_ARABIC_PAREN,	/* （1） (1) (level 4) */
	ZH_NUM_CIRCLED		/* ① … ⑳ (level 5) */
};

struct zh_numbering {
	enum zh_numstyle style;
	long n;			/* the number: 一 1, （三） 3, 12. 12 */
	size_t len;		/* bytes of the mark, leading and trailing
				 * white space included */
};

/*
 * The numbering mark at the start of s (after white space), if any:
 * returns 1 and fills *out, else 0 (out->style ZH_NUM_NONE).  A figure is
 * not a mark: 1.5, 12 and 三年 are not numbered; a mark must be followed by
 * text.
 */
int zh_numbering(const char *s, struct zh_numbering *out);
/* The nesting level of a style: 1 for 一、 … 5 for ①; 0 for none. */
int zh_numlevel(enum zh_numstyle);

/* ---- units ---- */

/* Is s, white space folded, a unit word the tables print: 件 条 次 个 篇
 * 人 人次 项 家 份 期 场 元 万元 …?  Brackets around it are allowed:
 * （件）. */
int zh_is_unit(const char *s);

#endif
