/*
 * format.h: one document format of gk-extract, behind one small interface
 * (libarchive's archive_read_support_format_*.c).  Each format_*.c file
 * exports a single const struct gk_format; everything else in it is static.
 * formats.c lists them, cheap bidders first.
 */
#ifndef GK_EXTRACT_FORMAT_H
#define GK_EXTRACT_FORMAT_H

#include <stddef.h>

#include "common/err.h"
#include "sink.h"

/* The document being read: its doc record's fields and its bytes. */
struct gk_doc {
	const char *id;			/* DOC */
	const char *file;		/* FILE: where the bytes lie */
	const char *type;		/* TYPE as gk-fetch sniffed it */
	const unsigned char *data;	/* the whole file */
	size_t len;
};

struct gk_format {
	const char *name;
	/*
	 * How sure the format is that it reads this document: 0 not at all;
	 * the bits of evidence otherwise (a magic number is worth ~64).
	 * Bidders only peek at the bytes: never parse, never change anything.
	 */
	int (*bid)(const struct gk_doc *);
	/*
	 * Write the document's paras and cells to the sink in reading order.
	 * On failure return the error code and put a sentence in the sink
	 * (gk_sink_fail); whatever was written is then dropped and one
	 * `error` record is emitted instead.
	 */
	enum gk_err (*extract)(const struct gk_doc *, struct gk_sink *);
};

/* NULL-terminated, cheap bidders first. */
extern const struct gk_format *const gk_formats[];
#endif
