/*
 * The pdf reader of gk-extract (extract/format_pdf.c) on any bytes: one error
 * record or the document's paras and cells, never a crash, a leak or a hang.
 * Seeds: tests/fuzz/seeds/extract_pdf.list.
 */
#include <stdlib.h>

#include "fuzz_extract.h"

extern const struct gk_format gk_format_pdf;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/*
	 * No Tesseract here: a page whose text layer the mutations spoil is
	 * handed to OCR, and Tesseract under ASan spends minutes on what the
	 * PDF code does in milliseconds (make fuzz found a 158 KB file taking
	 * over 60 s, 8 s in the release build).  The OCR grid has a harness of
	 * its own; this one fuzzes the PDF code, the hand-off included.
	 */
	setenv("GK_TESSERACT_LIB", "/nonexistent/no-tesseract-in-fuzz_extract_pdf",
	    1);
	fuzz_format(&gk_format_pdf, "pdf", data, size);
	return 0;
}
