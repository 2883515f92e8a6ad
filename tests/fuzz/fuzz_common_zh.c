/*
 * The Chinese-text module (common/zh.c) on any bytes: folding, look-alikes,
 * NFKC into buffers of every small size and a large one, numerals, the
 * numbering grammar and units.  Outputs must stay in their buffers and be
 * valid UTF-8.
 */
#include <assert.h>

#include "common/zh.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zh_numbering m;
	char small[7], big[4096], *s;
	size_t n, k, len;

	if ((s = fuzz_str(data, size > 1024 ? 1024 : size)) == NULL)
		return 0;
	for (k = 1; k <= sizeof(small); k++) {
		n = zh_nfkc(s, small, k);
		assert(n < k && zh_valid(small, n));
		n = zh_fold(s, small, k);
		assert(n < k && zh_valid(small, n));
	}
	n = zh_nfkc(s, big, sizeof(big));
	assert(zh_valid(big, n));
	n = zh_unlook(s, big, sizeof(big));
	assert(zh_valid(big, n));
	n = zh_squeeze(s, big, sizeof(big));
	assert(zh_valid(big, n));
	if (zh_numbering(s, &m))
		assert(m.len <= strlen(s) && zh_numlevel(m.style) > 0);
	len = 0;
	if (zh_cnum(s, &len) >= 0)
		assert(len <= strlen(s));
	len = 0;
	if (zh_number(s, &len) >= 0)
		assert(len <= strlen(s));
	(void)zh_is_unit(s);
	(void)zh_decode(s, strlen(s), &len);
	free(s);
	return 0;
}
