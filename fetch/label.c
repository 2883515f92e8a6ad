/*
 * label.c: label matching that ignores letter case and white space (what
 * white space is: common/zh.h).
 */
#include <stddef.h>
#include <string.h>

#include "common/zh.h"
#include "label.h"

int
label_space(const char *s)
{
	size_t len;
	unsigned cp = zh_decode(s, 4, &len);

	return *s != '\0' && zh_is_space(cp) ? (int)len : 0;
}

/* Bytes of the UTF-8 character at p (1 for a stray byte). */
static size_t
char_len(const unsigned char *p)
{
	size_t k = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;

	for (size_t i = 1; i < k; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 1;
	return k;
}

static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static const char *
skip_space(const char *p)
{
	int k;

	while ((k = label_space(p)) > 0)
		p += k;
	return p;
}

/* Does label match at t?  The end of the match, or NULL. */
static const char *
match_at(const char *t, const char *label)
{
	const char *l = skip_space(label);

	while (*l != '\0') {
		size_t k = char_len((const unsigned char *)l);

		t = skip_space(t);
		if (k == 1) {
			if (fold((unsigned char)*t) != fold((unsigned char)*l))
				return NULL;
		} else if (strncmp(t, l, k) != 0)
			return NULL;
		t += k;
		l = skip_space(l + k);
	}
	return t;
}

const char *
label_find(const char *text, const char *label, const char **end)
{
	const char *p, *e;

	if (*skip_space(label) == '\0')
		return NULL;
	for (p = text; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80 || label_space(p) > 0)
			continue;
		if ((e = match_at(p, label)) != NULL) {
			if (end != NULL)
				*end = e;
			return p;
		}
	}
	return NULL;
}

int
label_any(char *const *labels, int n, const char *text)
{
	int i;

	for (i = 0; i < n; i++)
		if (label_find(text, labels[i], NULL) != NULL)
			return 1;
	return 0;
}
