/*
 * formats.c: the formats gk-extract knows, cheap bidders first (libarchive's
 * archive_read_support_format_all.c).  Each bid looks at a few bytes; the
 * expensive readers only run for the format that won.  A tie goes to the
 * format listed first.  Scanned PDFs are the PDF format's: it hands a
 * document without a text layer to the OCR reader (format_ocr.c).
 */
#include <stddef.h>

#include "format.h"

extern const struct gk_format gk_format_html;
extern const struct gk_format gk_format_docx;
extern const struct gk_format gk_format_xlsx;
extern const struct gk_format gk_format_doc;
extern const struct gk_format gk_format_xls;
extern const struct gk_format gk_format_pdf;

const struct gk_format *const gk_formats[] = {
	&gk_format_html,
	&gk_format_docx,
	&gk_format_xlsx,
	&gk_format_doc,
	&gk_format_xls,
	&gk_format_pdf,
	NULL
};
