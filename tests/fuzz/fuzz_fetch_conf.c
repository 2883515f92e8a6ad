/*
 * gk-fetch's config parser (fetch/conf.c) on any text, line by line, as
 * conf_load reads a file: each line is taken or refused with a message,
 * and what was taken is checked and freed.
 */
#include "fetch/conf.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fetch_conf c;
	char *s, *line, *next, err[256];

	if ((s = fuzz_str(data, size > 65536 ? 65536 : size)) == NULL)
		return 0;
	conf_init(&c);
	for (line = s; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		(void)conf_line(&c, line, err, sizeof(err));
	}
	(void)conf_finish(&c, err, sizeof(err));
	(void)conf_host_allowed(&c, "www.qingdao.gov.cn");
	conf_free(&c);
	free(s);
	return 0;
}
