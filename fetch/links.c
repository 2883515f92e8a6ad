/*
 * links.c: what a link on a page is to the crawl (crawl_classify), the
 * name it gives the page it leads to, and the URL tests both use.
 */
#include <stdio.h>
#include <string.h>

#include "crawl.h"
#include "label.h"
#include "links.h"
#include "url.h"

/* The path of a URL without its query, as patterns see it. */
void
link_path_only(const char *url, char *out, size_t outsz)
{
	const char *p = url_path(url);
	size_t n = strcspn(p, "?");

	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

/*
 * Is a in b's folder or below it?  A column's year folders
 * (gknb/2021/index.shtml from gknb/index.shtml) and sub-columns are.
 */
int
link_in_folder(const char *a, const char *b)
{
	const char *sa = strrchr(url_path(a), '/'), *sb = strrchr(url_path(b),
	    '/');

	if (sa == NULL || sb == NULL)
		return 0;
	return sa - a >= sb - b && strncmp(a, b, (size_t)(sb - b + 1)) == 0;
}

/* Same scheme, host and port? */
int
link_same_host(const char *a, const char *b)
{
	size_t n = (size_t)(url_path(a) - a);

	return n == (size_t)(url_path(b) - b) && strncmp(a, b, n) == 0;
}

/* Is a in a folder below b's (not b's own)? */
int
link_below(const char *a, const char *b)
{
	const char *sa = strrchr(url_path(a), '/'), *sb = strrchr(url_path(b),
	    '/');

	return link_in_folder(a, b) && sa != NULL && sb != NULL && sa - a > sb - b;
}

enum link_kind
crawl_classify(const struct fetch_conf *cf, enum page_kind from,
    const char *from_url, const struct page_link *l)
{
	char path[URL_MAX];
	int listing, column, host;

	link_path_only(l->url, path, sizeof(path));
	if (strcmp(l->url, from_url) == 0)
		return LINK_NONE;
	listing = conf_match(cf->listing, cf->nlisting, path);
	host = link_same_host(l->url, from_url);
	/* a report column by its folder's name, or by the link's text */
	column = host && (conf_match(cf->column, cf->ncolumn, path) ||
	    (listing && label_any(cf->listing_label, cf->nlisting_label,
	    l->text)));
	switch (from) {
	case PAGE_LISTING:
		if (conf_match(cf->report, cf->nreport, path))
			return LINK_REPORT;
		if (label_any(cf->next_label, cf->nnext_label, l->text))
			return LINK_LISTING;
		if (listing && link_in_folder(l->url, from_url))
			return LINK_LISTING;
		if (column)
			return LINK_COLUMN;
		/* some columns list the report files themselves */
		if (conf_match(cf->attachment, cf->nattachment, path))
			return LINK_ATTACHMENT;
		return LINK_NONE;
	case PAGE_HUB:
		/* a hub links many pages that are not reports: only these */
		if (label_any(cf->next_label, cf->nnext_label, l->text) ||
		    (listing && link_in_folder(l->url, from_url) &&
		    !link_below(l->url, from_url)))
			return LINK_HUB;
		if (column)
			return LINK_COLUMN;
		if (listing && link_below(l->url, from_url))
			return LINK_AGENCY;
		return LINK_NONE;
	case PAGE_AGENCY:
		return column ? LINK_COLUMN : LINK_NONE;
	case PAGE_REPORT:
		break;
	}
	if (conf_match(cf->attachment, cf->nattachment, path))
		return LINK_ATTACHMENT;
	/* a download link without a file name: trust a short label */
	if (strcmp(path, "/") != 0 && strlen(l->label) < 120 &&
	    !conf_match(cf->report, cf->nreport, path) && !listing &&
	    label_any(cf->attach_label, cf->nattach_label, l->label))
		return LINK_ATTACHMENT;
	return LINK_NONE;
}

const char *
crawl_link_name(const struct page_link *l)
{
	const char *t = l->text;
	size_t n = strlen(t);

	if (l->title != NULL && l->title[0] != '\0' && (n == 0 ||
	    (n >= 3 && (strcmp(t + n - 3, "...") == 0 ||
	    strcmp(t + n - 3, "…") == 0))))
		return l->title;
	return t;
}

/*
 * Can the text name an agency?  "2024年", "2021年度", "2", "更多>>" cannot:
 * fewer than two CJK characters besides 年, 度, 第 and 页.
 */
int
link_name_like(const char *t)
{
	static const char *const skip[] = { "年", "度", "第", "页", NULL };
	const unsigned char *p = (const unsigned char *)t;
	int n = 0;

	while (*p != '\0') {
		int i;

		if (*p < 0xE0) {
			p++;
			continue;
		}
		for (i = 0; skip[i] != NULL; i++)
			if (strncmp((const char *)p, skip[i], 3) == 0)
				break;
		if (skip[i] == NULL && ++n >= 2)
			return 1;
		p += *p >= 0xF0 ? 4 : 3;
	}
	return 0;
}


int
link_page_number(const char *url)
{
	const char *p = url_path(url), *s = strrchr(p, '/'), *d;
	int n = 0;

	if (s == NULL)
		return -1;
	s++;
	if (*s == '\0' || *s == '?')
		return 0;	/* the folder: its index */
	if (strncmp(s, "index", 5) != 0)
		return -1;
	s += 5;
	if (*s == '.')
		return 0;
	if (*s != '_')
		return -1;
	for (d = s + 1; *d >= '0' && *d <= '9' && n < 100000; d++)
		n = n * 10 + (*d - '0');
	return d > s + 1 && *d == '.' ? n : -1;
}
