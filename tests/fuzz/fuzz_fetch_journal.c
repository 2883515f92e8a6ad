/*
 * gk-fetch's state journal reader (fetch/store.c) on any bytes, a line at
 * a time as a run replays fetch.state: each line is applied or skipped.
 * Then every entry is written as the journal writes it and read back into
 * a second store: the same URL, kind, SHA-256, size, times and code.
 */
#include <assert.h>

#include "fetch/store.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store *a, *b;
	struct sentry **v;
	char *s, *line, *next;
	size_t i, n;

	if ((s = fuzz_str(data, size > (1 << 20) ? 1 << 20 : size)) == NULL)
		return 0;
	if ((a = store_mem()) == NULL || (b = store_mem()) == NULL) {
		store_close(a);
		free(s);
		return 0;
	}
	for (line = s; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		(void)store_feed(a, line);
	}
	if ((v = store_entries(a, &n)) != NULL) {
		for (i = 0; i < n; i++) {
			char *buf = NULL;
			size_t len = 0;
			FILE *fp = open_memstream(&buf, &len);
			struct sentry *e = v[i], *f;

			if (fp == NULL)
				break;
			assert(store_format(fp, e) == 0);
			fclose(fp);
			assert(len > 0 && buf[len - 1] == '\n');
			buf[len - 1] = '\0';
			assert(memchr(buf, '\n', len - 1) == NULL);
			if (store_feed(b, buf) == 0) {
				f = store_get(b, e->url);
				assert(f != NULL && f->kind == e->kind &&
				    strcmp(f->sha, e->sha) == 0 &&
				    f->bytes == e->bytes && f->code == e->code &&
				    f->checked == e->checked);
			}
			free(buf);
		}
		free(v);
	}
	store_close(a);
	store_close(b);
	free(s);
	return 0;
}
