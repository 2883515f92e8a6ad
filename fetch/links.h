/*
 * links.h: the URL tests of link classification (links.c), shared by the
 * crawler.
 */
#ifndef GK_FETCH_LINKS_H
#define GK_FETCH_LINKS_H

#include <stddef.h>

/* The path of a URL without its query, as patterns see it. */
void link_path_only(const char *url, char *out, size_t outsz);
/* Is a in b's folder or below it? */
int link_in_folder(const char *a, const char *b);
/* Same scheme, host and port? */
int link_same_host(const char *a, const char *b);
/* Is a in a folder below b's (not b's own)? */
int link_below(const char *a, const char *b);
/* Can the text name an agency (two CJK characters besides 年 度 第 页)? */
int link_name_like(const char *t);
/*
 * The number of a listing page in its pagination: 0 for index.shtml (or
 * the folder itself), N for index_N.shtml; -1 for any other name.
 */
int link_page_number(const char *url);

#endif
