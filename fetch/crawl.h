/*
 * crawl.h: gk-fetch's crawler: listing pages -> report pages ->
 * attachments over libcurl's multi interface, one `doc` record per report
 * page and per attachment, conditional requests against the state.
 */
#ifndef GK_FETCH_CRAWL_H
#define GK_FETCH_CRAWL_H

#include <stdio.h>

#include "conf.h"
#include "page.h"

/* What a page is to the crawl. */
enum page_kind {
	PAGE_LISTING,		/* a report column's page */
	PAGE_REPORT,		/* a report page */
	PAGE_HUB,		/* a page that links agencies' pages */
	PAGE_AGENCY		/* an agency's page, linked from a hub */
};

enum link_kind {
	LINK_NONE,
	LINK_LISTING,		/* another page of the same column */
	LINK_COLUMN,		/* another report column */
	LINK_REPORT,
	LINK_ATTACHMENT,
	LINK_HUB,		/* the next page of a hub */
	LINK_AGENCY		/* an agency's page below a hub */
};

/*
 * What a link found on a page is.  On a listing page: a report page; a
 * page of the same column (in the listing's folder or below it: pages,
 * year folders, sub-columns; or labelled 下一页); another report column
 * of the same host (its folder matches `column`, or its text holds a
 * listing-label such as 年度报告); or a file (by extension), a page of its
 * own.  On a report page: an attachment (by file extension, or by a label
 * such as word版下载 / 附件).  On a hub: the hub's next page, an agency's
 * page below it, or a column.  On an agency's page: a column only.
 */
enum link_kind crawl_classify(const struct fetch_conf *, enum page_kind,
    const char *from_url, const struct page_link *);

/*
 * The name a link gives the page it leads to: its text, or its title
 * attribute when the text is cut short ("..." or "…") or empty.
 */
const char *crawl_link_name(const struct page_link *);

struct crawl_opts {
	const char *state_dir;
	/* documents given by URL: fetched alone (a page with its
	 * attachments, or a file), no start URL is crawled */
	char *const *urls;
	size_t nurls;
	int changed_only;
	int full;		/* walk every listing to its end */
	int progress;		/* progress line on stderr */
};

/* Run the crawl of conf's start URLs.  Returns an exit status. */
int crawl_run(const struct fetch_conf *, const struct crawl_opts *,
    FILE *out);

#endif
