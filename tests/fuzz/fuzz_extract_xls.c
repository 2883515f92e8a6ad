/*
 * The xls reader of gk-extract (extract/format_xls.c, with sheet.c and
 * numfmt.c) on any bytes: one error record or the workbook's paras and
 * cells, never a crash, a leak or a hang.
 * Seeds: tests/fuzz/seeds/extract_xls.list.
 */
#include "fuzz_extract.h"

extern const struct gk_format gk_format_xls;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_format(&gk_format_xls, "xls", data, size);
	return 0;
}
