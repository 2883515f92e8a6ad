/*
 * markup.h: a bound on HTML and XML before a parser builds its tree.
 * libxml2 builds the whole document tree before gk walks it (about 330
 * bytes an element), so a page of millions of elements would take
 * gigabytes before any limit of ours is met: the elements are counted on
 * the bytes first, which costs one pass of memchr.
 */
#ifndef GK_EXTRACT_MARKUP_H
#define GK_EXTRACT_MARKUP_H

#include <stddef.h>

/* Start tags in p (n bytes), counting at most max + 1. */
size_t gk_markup_elements(const char *p, size_t n, size_t max);

#endif
