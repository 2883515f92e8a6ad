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
	if (conf_init(&c, err, sizeof(err)) == -1)
		abort();	/* the built-in configuration is broken */
	for (line = s; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		/* the keys that open files (include, agencies) would read
		 * whatever the input names, standard input too */
		if (strncmp(line + strspn(line, " \t"), "include", 7) == 0 ||
		    strncmp(line + strspn(line, " \t"), "agencies", 8) == 0)
			continue;
		(void)conf_line(&c, line, err, sizeof(err));
	}
	(void)conf_finish(&c, err, sizeof(err));
	(void)conf_host_allowed(&c, "www.qingdao.gov.cn");
	conf_free(&c);
	free(s);
	return 0;
}
