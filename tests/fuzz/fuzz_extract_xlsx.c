/*
 * The xlsx reader of gk-extract (extract/format_xlsx.c, with sheet.c and
 * numfmt.c) on any bytes: one error record or the workbook's paras and
 * cells, never a crash, a leak or a hang.
 * Seeds: tests/fuzz/seeds/extract_xlsx.list.
 */
#include "fuzz_extract.h"

extern const struct gk_format gk_format_xlsx;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_format(&gk_format_xlsx, "xlsx", data, size);
	return 0;
}
