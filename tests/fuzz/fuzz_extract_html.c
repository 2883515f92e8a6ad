/*
 * The html reader of gk-extract (extract/format_html.c) on any bytes: one error
 * record or the document's paras and cells, never a crash, a leak or a hang.
 * Seeds: tests/fuzz/seeds/extract_html.list.
 */
#include "fuzz_extract.h"

extern const struct gk_format gk_format_html;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_format(&gk_format_html, "html", data, size);
	return 0;
}
