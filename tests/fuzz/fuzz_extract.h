/*
 * fuzz_extract.h: one extractor format run on the input as a document,
 * through a real sink, its records written nowhere.  The format reads the
 * bytes whatever it bids: the harness looks for crashes, leaks and hangs,
 * not for the bid.
 */
#ifndef GK_FUZZ_EXTRACT_H
#define GK_FUZZ_EXTRACT_H

#include "extract/format.h"
#include "extract/sink.h"
#include "fuzz.h"

static inline void
fuzz_format(const struct gk_format *f, const char *type, const uint8_t *data,
    size_t size)
{
	struct gk_sink s;
	struct gk_doc d;

	memset(&d, 0, sizeof(d));
	d.id = "F";
	d.file = "fuzz";
	d.type = type;
	d.data = data;
	d.len = size;
	(void)f->bid(&d);
	gk_sink_init(&s, fuzz_null(), d.id);
	if (f->extract(&d, &s) != GK_E_OK && s.err == GK_E_OK)
		abort();	/* a failure must say why (gk_sink_fail) */
	gk_sink_commit(&s);
	gk_sink_free(&s);
}

#endif
