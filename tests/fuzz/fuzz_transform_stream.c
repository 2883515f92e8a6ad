/*
 * gk-transform's whole reading (transform/run.c: tx_run) on any stream:
 * doc, para, cell, reading, note, group and error records in any order and
 * shape, as gk-extract or a damaged file could give them.  Seeds: the
 * extracted streams of a gov2019 page, a legacy 统计表 and a page of one
 * <p> per cell (tests/fuzz/seeds/transform_stream/).
 */
#include "fuzz.h"
#include "transform/tx.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in;

	if (size == 0 || (in = fmemopen((void *)data, size, "r")) == NULL)
		return 0;
	(void)tx_run(in, "fuzz", fuzz_null(), 0);
	fclose(in);
	return 0;
}
