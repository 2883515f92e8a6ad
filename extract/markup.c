/*
 * markup.c: counting the elements of HTML or XML on the bytes (markup.h).
 */
#include <string.h>

#include "markup.h"

/* '<' then a letter (or ':' '_' of a name, or a byte of UTF-8): a start
 * tag; end tags, comments, declarations and processing instructions are
 * not elements of their own. */
size_t
gk_markup_elements(const char *p, size_t n, size_t max)
{
	const char *e = p + n, *q;
	size_t k = 0;

	while (p < e && (q = memchr(p, '<', (size_t)(e - p))) != NULL) {
		unsigned char c = q + 1 < e ? (unsigned char)q[1] : 0;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '_' || c == ':' || c >= 0x80)
			if (++k > max)
				break;
		p = q + 1;
	}
	return k;
}
