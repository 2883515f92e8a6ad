/*
 * ole.c: the OLE2 container through libgsf (see ole.h).
 */
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-utils.h>

#include "common/bounds.h"
#include "common/log.h"
#include "ole.h"

/* Route libgsf's and GLib's messages to gk_debug instead of stderr. */
static void
glib_log(const gchar *domain, GLogLevelFlags level, const gchar *message,
    gpointer data)
{
	(void)level;
	(void)data;
	gk_debug("ole: %s: %s", domain ? domain : "glib", message);
}

static void
gsf_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	g_log_set_default_handler(glib_log, NULL);
	g_log_set_handler("libgsf:msole", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
	    G_LOG_FLAG_RECURSION, glib_log, NULL);
	g_log_set_handler("libgsf", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
	    G_LOG_FLAG_RECURSION, glib_log, NULL);
	g_log_set_handler("GLib-GObject", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL |
	    G_LOG_FLAG_RECURSION, glib_log, NULL);
	gsf_init();
}

static uint32_t
le32(const unsigned char *q)
{
	return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
	    (uint32_t)q[3] << 24;
}

enum gk_err
gk_ole_damage(const struct gk_doc *d)
{
	const unsigned char *p = d->data;
	unsigned shift, i;
	size_t ssz, j, used = 0;

	if (d->len < 512)
		return GK_E_TRUNCATED;
	shift = (unsigned)(p[0x1E] | p[0x1F] << 8);
	if (shift != 9 && shift != 12)
		return GK_E_CORRUPT;
	ssz = (size_t)1 << shift;
	for (i = 0; i < 109; i++) {
		uint32_t s = le32(p + 0x4C + i * 4);

		if (s >= 0xFFFFFFFA)
			continue;
		if (((size_t)s + 2) * ssz > d->len)
			return GK_E_TRUNCATED;
		/* FAT sector i covers sectors i * ssz / 4 ... */
		for (j = 0; j < ssz / 4; j++)
			if (le32(p + ((size_t)s + 1) * ssz + j * 4) !=
			    0xFFFFFFFF)
				used = (size_t)i * (ssz / 4) + j + 1;
	}
	if ((used + 1) * ssz > d->len)
		return GK_E_TRUNCATED;
	return GK_E_CORRUPT;
}

GsfInfile *
gk_ole_open(const struct gk_doc *d, struct gk_sink *sink)
{
	GsfInput *mem;
	GsfInfile *ole;
	GError *gerr = NULL;
	enum gk_err e;

	gsf_setup();
	if ((mem = gsf_input_memory_new(d->data, (gsf_off_t)d->len,
	    FALSE)) == NULL) {
		gk_sink_fail(sink, GK_E_NOMEM, "out of memory");
		return NULL;
	}
	ole = gsf_infile_msole_new(mem, &gerr);
	g_object_unref(mem);
	if (ole == NULL) {
		e = gk_ole_damage(d);
		gk_sink_fail(sink, e, "not a readable OLE2 container: %s",
		    gerr != NULL ? gerr->message : "unknown reason");
		if (gerr != NULL)
			g_error_free(gerr);
	}
	return ole;
}

int
gk_ole_stream(GsfInfile *ole, const char *name, unsigned char **buf,
    size_t *len)
{
	GsfInput *in = gsf_infile_child_by_name(ole, name);
	gsf_off_t size;
	int r = -1;

	*buf = NULL;
	*len = 0;
	if (in == NULL)
		return 0;
	size = gsf_input_size(in);
	if (size < 0 || (unsigned long long)size > GK_MAX_FILE)
		goto out;
	if ((*buf = malloc(size > 0 ? (size_t)size : 1)) == NULL)
		goto out;
	if (size > 0 && gsf_input_read(in, (size_t)size, *buf) == NULL) {
		free(*buf);
		*buf = NULL;
		goto out;
	}
	*len = (size_t)size;
	r = 1;
out:
	g_object_unref(in);
	return r;
}
