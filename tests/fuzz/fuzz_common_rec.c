/*
 * The stream reader of every stage (common/rec.c), fed the input in pieces
 * of 1 to 64 bytes (the first byte picks the rhythm), as jq's push parser
 * is fed: every record, bad line and resync must stay within bounds.
 */
#include "common/rec.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct gk_reader *r;
	struct gk_rec rec;
	enum gk_read_result res;
	size_t fed = 0, step;

	if (size == 0)
		return 0;
	step = (size_t)(data[0] % 64) + 1;
	if ((r = gk_reader_new("fuzz", 4096)) == NULL)
		return 0;
	for (;;) {
		res = gk_reader_next(r, &rec);
		if (res == GK_READ_EOF)
			break;
		if (res == GK_READ_MORE) {
			size_t k = size - fed < step ? size - fed : step;

			gk_reader_feed(r, (const char *)data + fed, k);
			fed += k;
			if (fed == size)
				gk_reader_finish(r);
			continue;
		}
		if (res == GK_READ_REC && rec.type != GK_COMMENT)
			gk_emit_raw(fuzz_null(), &rec);
	}
	gk_reader_free(r);
	return 0;
}
