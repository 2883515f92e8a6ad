/*
 * ocr.h: scanned PDFs (no text layer on any page), read by OCR
 * (format_ocr.c).  The PDF format opens the document and reads its pages
 * once; when none holds text it hands the open document here.
 */
#ifndef GK_EXTRACT_OCR_H
#define GK_EXTRACT_OCR_H

#include "common/err.h"
#include "extract/pdf/pdf.h"
#include "extract/sink.h"

/*
 * Render every page of pd, find its tables and read them with Tesseract,
 * into the sink; a `note DOC ocr N` ends it.  Each page gets its own
 * budget period (gk_pdf_budget_start).  Returns GK_E_OK or the error
 * (already in the sink).
 */
enum gk_err gk_ocr_pdf(struct gk_pdf_doc *pd, const char *id,
    struct gk_sink *sink);

#endif
