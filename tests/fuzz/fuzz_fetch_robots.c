/*
 * robots.txt (fetch/robots.c, RFC 9309) on any bytes: parsed for our
 * agent, then asked about a few paths and its crawl delay.
 */
#include "fetch/robots.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = { "/", "/zwgk/index.shtml",
		"/private/x", "/a%2Fb?q=1", "", "/$", NULL };
	struct robots *r;
	int i;

	if ((r = robots_parse((const char *)data, size, "gk-fetch")) == NULL)
		return 0;
	for (i = 0; paths[i] != NULL; i++)
		(void)robots_allowed(r, paths[i]);
	(void)robots_crawl_delay(r);
	robots_free(r);
	return 0;
}
