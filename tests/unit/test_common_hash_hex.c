/*
 * gk_sha256_hex writes the digest as 64 lower-case hex digits;
 * gk_sha256_hex_ok is the one test of that shape (the fetch state's and
 * the extract cache's keys): nothing shorter, longer, upper-case or other.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "common/hash.h"

static void
test_hex(void **state)
{
	char h[GK_SHA256_HEX], bad[GK_SHA256_HEX + 1];

	(void)state;
	gk_sha256_hex("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	assert_true(gk_sha256_hex_ok(h));
	memcpy(bad, h, sizeof(h));
	bad[10] = 'A';
	assert_false(gk_sha256_hex_ok(bad));
	memcpy(bad, h, sizeof(h));
	bad[63] = '\0';
	assert_false(gk_sha256_hex_ok(bad));
	memcpy(bad, h, sizeof(h));
	bad[64] = '0';
	bad[65] = '\0';
	assert_false(gk_sha256_hex_ok(bad));
	assert_false(gk_sha256_hex_ok(""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hex),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
