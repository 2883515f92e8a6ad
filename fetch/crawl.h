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

enum link_kind { LINK_NONE, LINK_LISTING, LINK_REPORT, LINK_ATTACHMENT };

/*
 * What a link found on a page is.  On a listing page (from_report = 0):
 * a report page; another listing page: of the same listing or column
 * (the same folder or below it: pages, year folders, sub-columns), or
 * labelled 下一页, or another column of the same host whose link text
 * holds a listing-label (年度报告); or a file (by extension), a page of
 * its own.  On a report page: an attachment (by file extension, or by a
 * label such as word版下载 / 附件).
 */
enum link_kind crawl_classify(const struct fetch_conf *, int from_report,
    const char *from_url, const struct page_link *);

struct crawl_opts {
	const char *state_dir;
	int changed_only;
	int progress;		/* progress line on stderr */
};

/* Run the crawl of conf's start URLs.  Returns an exit status. */
int crawl_run(const struct fetch_conf *, const struct crawl_opts *,
    FILE *out);

#endif
