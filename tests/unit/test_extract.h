/*
 * test_extract.h: helpers for the gk-extract unit tests.  A format is run
 * on bytes through a real sink writing to memory, and the records it wrote
 * are looked at as text.
 */
#ifndef GK_TEST_EXTRACT_H
#define GK_TEST_EXTRACT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "common/buf.h"
#include "extract/format.h"
#include "extract/sink.h"

/* Run f on data as document "D"; returns the records written (malloc'd). */
static inline char *
run_format(const struct gk_format *f, const char *type, const void *data,
    size_t len)
{
	struct gk_sink s;
	struct gk_doc d;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	if ((fp = open_memstream(&out, &outlen)) == NULL)
		return NULL;
	memset(&d, 0, sizeof(d));
	d.id = "D";
	d.file = "test";
	d.type = type;
	d.data = data;
	d.len = len;
	gk_sink_init(&s, fp, d.id);
	if (f->extract(&d, &s) != GK_E_OK && s.err == GK_E_OK)
		gk_sink_fail(&s, GK_E_INTERNAL, "format failed silently");
	gk_sink_commit(&s);
	gk_sink_free(&s);
	fclose(fp);
	return out;
}

/* Read a fixture file (tests run from the repository root). */
static inline char *
read_fixture(const char *path, size_t *len)
{
	struct gk_buf b;

	gk_buf_init(&b, 1u << 20);
	if (gk_buf_read_file(&b, path) != 0) {
		gk_buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return b.p;
}

/*
 * Keep only the records of one type, and of each only the fields from
 * `from` on (1-based after the type name), one record a line.  For cells,
 * from 3 gives "TABLE ROW COL ROWSPAN COLSPAN TEXT"; for paras 3 gives TEXT
 * (the PAGE that ends both is left out).
 */
static inline char *
fields(const char *recs, const char *type, int from)
{
	size_t tl = strlen(type), cap = strlen(recs) + 1, n = 0;
	char *out = malloc(cap);
	const char *p = recs, *e, *f, *l;
	int k;

	if (out == NULL)
		return NULL;
	for (; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		if (strncmp(p, type, tl) != 0 || p[tl] != '\t')
			continue;
		for (f = p, k = 0; k < from && f < e; f++)
			if (*f == '\t')
				k++;
		/* para and cell end with PAGE: left out */
		for (l = e; l > f && l[-1] != '\t'; l--)
			;
		if (l > f && (strcmp(type, "para") == 0 ||
		    strcmp(type, "cell") == 0))
			l--;
		else
			l = e;
		memcpy(out + n, f, (size_t)(l - f));
		n += (size_t)(l - f);
		out[n++] = '\n';
	}
	out[n] = '\0';
	return out;
}

/*
 * A zip in memory holding the given members (name, content pairs, NULL
 * ends), written by libarchive; *len gets its size.  malloc'd.
 */
static inline unsigned char *
make_zip(const char *const *members, size_t *len)
{
	struct archive *a;
	struct archive_entry *e;
	size_t cap = 1u << 20, used = 0;
	unsigned char *buf;
	int i;

	if ((buf = malloc(cap)) == NULL || (a = archive_write_new()) == NULL)
		return NULL;
	archive_write_set_format_zip(a);
	if (archive_write_open_memory(a, buf, cap, &used) != ARCHIVE_OK)
		return NULL;
	for (i = 0; members[i] != NULL; i += 2) {
		e = archive_entry_new();
		archive_entry_set_pathname(e, members[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)strlen(members[i + 1]));
		archive_write_header(a, e);
		archive_write_data(a, members[i + 1], strlen(members[i + 1]));
		archive_entry_free(e);
	}
	archive_write_close(a);
	archive_write_free(a);
	*len = used;
	return buf;
}

#endif
