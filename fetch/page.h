/*
 * page.h: what gk-fetch reads from an HTML page: its links (resolved and
 * normalised), its title, agency (来源) and publication date (发布日期),
 * and a TRS "createPageHTML(count, current, prefix, ext)" pager.  The
 * date and agency come from <meta> (PubDate, ContentSource), else from the
 * page text after the site's labels (发布日期 : …, 来源：…).  The
 * charset comes from the HTTP header, else <meta>, else valid UTF-8, else
 * GB18030; gb2312 and gbk are read as GB18030, their superset.
 */
#ifndef GK_FETCH_PAGE_H
#define GK_FETCH_PAGE_H

#include <signal.h>
#include <stddef.h>

#define PAGE_MAX_LINKS 5000

struct page_link {
	char *url;		/* absolute, normalised */
	char *text;		/* the anchor's text */
	char *label;		/* the text of the anchor's parent element (of
				 * the anchor and its nearest siblings when the
				 * parent is long) */
	char *title;		/* the anchor's title attribute, or NULL */
};

struct page_info {
	char title[512];
	char agency[256];
	char published[16];	/* YYYY-MM-DD or "" */
	char charset[32];	/* what the page was decoded as */
	struct page_link *links;
	size_t nlinks;
	size_t nlinks_over;	/* links past PAGE_MAX_LINKS, left out */
	int pager_count;	/* createPageHTML's page count, 0 if none */
	char pager_prefix[64], pager_ext[16];
};

/* The labels a site prints before the date and the agency (conf.h). */
struct page_labels {
	char *const *date;	/* 发布日期, 发布时间, 成文日期 */
	int ndate;
	char *const *source;	/* 信息来源, 来源 */
	int nsource;
};

/* The libxml2 encoding name for a page. */
void page_charset(const char *body, size_t len, const char *http_charset,
    char *out, size_t outsz);
/*
 * Parse.  0, -1 when the page cannot be parsed at all, -2 when the flag of
 * page_set_cancel was set while it was read.  root, when not
 * NULL, is the file:// URL of a local mirror's top folder: links starting
 * with one '/' are resolved under it, not under the file system's root.
 * labels (NULL: none) find the date and agency in the text.
 */
int page_parse(const char *body, size_t len, const char *url,
    const char *http_charset, const char *root,
    const struct page_labels *labels, struct page_info *);
void page_free(struct page_info *);
/* page_parse stops (-2) when *flag becomes non-zero (a signal). */
void page_set_cancel(const volatile sig_atomic_t *flag);
/*
 * The first date in s ("2021-03-09", "2021/3/9", "2021年3月9日", not
 * inside a longer number) as YYYY-MM-DD: 0, or -1 when there is none.
 */
int page_find_date(const char *s, char out[16]);

#endif
