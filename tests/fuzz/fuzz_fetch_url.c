/*
 * gk-fetch's URL code (fetch/url.c): the input's first line is a base URL,
 * the second a link found on its page.  Normalising, resolving and taking
 * apart must stay in their buffers, and normalising twice changes nothing.
 */
#include <assert.h>

#include "fetch/url.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *ref, out[2048], again[2048], part[512];
	const char *p;

	if ((s = fuzz_str(data, size > 4096 ? 4096 : size)) == NULL)
		return 0;
	ref = strchr(s, '\n');
	if (ref != NULL)
		*ref++ = '\0';
	if (url_normalize(s, out, sizeof(out)) == 0) {
		if (url_normalize(out, again, sizeof(again)) == 0)
			assert(strcmp(out, again) == 0);
		(void)url_scheme(out, part, sizeof(part));
		(void)url_host(out, part, sizeof(part));
		if ((p = url_path(out)) != NULL)
			assert(p >= out && p <= out + strlen(out));
		(void)url_file_path(out, part, sizeof(part));
		(void)url_hash(out);
		if (ref != NULL)
			(void)url_resolve(out, ref, again, sizeof(again));
	}
	(void)url_host_is_ip(s);
	free(s);
	return 0;
}
