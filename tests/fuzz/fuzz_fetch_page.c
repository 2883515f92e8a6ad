/*
 * gk-fetch's HTML page reader (fetch/page.c) on any bytes: the links, the
 * title, the date and agency after the labels, the TRS pager; then every
 * link classified as each kind of page would (crawl_classify), its name,
 * and the date of its row.  Links stay within the limit, each counted when
 * left out; every string stays in its buffer.
 */
#include <assert.h>

#include "fetch/conf.h"
#include "fetch/crawl.h"
#include "fetch/page.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fetch_conf cf;
	static int ready;
	static const enum page_kind kinds[] = { PAGE_LISTING, PAGE_REPORT,
		PAGE_HUB, PAGE_AGENCY };
	static const char *const urls[] = { "http://www.qingdao.gov.cn/zwgk/szfgk/gknb/index.shtml",
		"file:///srv/mirror/www/zwgk/index.shtml" };
	struct page_labels lb;
	struct page_info pi;
	char err[256], date[16];
	size_t i, k;

	if (!ready) {
		if (conf_init(&cf, err, sizeof(err)) == -1 ||
		    conf_finish(&cf, err, sizeof(err)) == -1)
			abort();	/* the built-in configuration is broken */
		ready = 1;
	}
	lb.date = cf.date_label;
	lb.ndate = cf.ndate_label;
	lb.source = cf.source_label;
	lb.nsource = cf.nsource_label;
	/* an http page, and a mirror's (root-relative links under its top) */
	for (k = 0; k < 2; k++) {
		if (page_parse((const char *)data, size, urls[k], k ? "" : "utf-8",
		    k ? "file:///srv/mirror/www" : NULL, &lb, &pi) != 0)
			continue;
		assert(pi.nlinks <= PAGE_MAX_LINKS);
		assert(strlen(pi.title) < sizeof(pi.title));
		assert(strlen(pi.agency) < sizeof(pi.agency));
		assert(pi.published[0] == '\0' || strlen(pi.published) == 10);
		for (i = 0; i < pi.nlinks; i++) {
			const struct page_link *l = &pi.links[i];
			size_t j;

			assert(strlen(l->text) < 512 && strlen(l->label) < 512);
			for (j = 0; j < sizeof(kinds) / sizeof(kinds[0]); j++)
				(void)crawl_classify(&cf, kinds[j], urls[k], l);
			(void)crawl_link_name(l);
			(void)page_find_date(l->label, date);
		}
		page_free(&pi);
	}
	return 0;
}
