/*
 * formats.c: the formats gk-extract knows, cheap bidders first (libarchive's
 * archive_read_support_format_all.c).  Each bid looks at a few bytes; the
 * expensive readers only run for the format that won.  A tie goes to the
 * format listed first.  The fallbacks are asked last, and only when no
 * other format bid more than 1 (main.c, choose).
 */
#include <stddef.h>

#include "format.h"

extern const struct gk_format gk_format_html;
extern const struct gk_format gk_format_docx;
extern const struct gk_format gk_format_doc;
extern const struct gk_format gk_format_pdf;
extern const struct gk_format gk_format_ocr;

const struct gk_format *const gk_formats[] = {
	&gk_format_html,
	&gk_format_docx,
	&gk_format_doc,
	&gk_format_pdf,
	NULL
};

const struct gk_format *const gk_fallbacks[] = {
	&gk_format_ocr,		/* scanned PDFs */
	NULL
};
