/*
 * The value normaliser (transform/value.c): any printed cell, as money or
 * not, to VALUE, UNIT, RAW and FLAGS, inside their buffers; VALUE is a
 * plain ASCII number or empty.
 */
#include <assert.h>

#include "fuzz.h"
#include "transform/tx.h"

static void
check(const struct tx_value *v)
{
	const char *p;

	for (p = v->value; *p != '\0'; p++)
		assert((*p >= '0' && *p <= '9') || *p == '-' || *p == '.');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tx_value v;
	char *s;

	if ((s = fuzz_str(data, size > 65536 ? 65536 : size)) == NULL)
		return 0;
	tx_value_parse(s, 0, &v);
	check(&v);
	tx_value_parse(s, 1, &v);
	check(&v);
	(void)tx_value_like(s);
	free(s);
	return 0;
}
