/*
 * fuzz.h: what the harnesses share.  Each tests/fuzz/fuzz_<area>_<what>.c
 * defines LLVMFuzzerTestOneInput for one parser; `make fuzz` links it with
 * libFuzzer (clang), `make test` with replay.c.
 */
#ifndef GK_FUZZ_H
#define GK_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* A NUL-terminated copy of the input (NULL when out of memory). */
static inline char *
fuzz_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s != NULL) {
		memcpy(s, data, size);
		s[size] = '\0';
	}
	return s;
}

/* Where output goes: nowhere, but through real stdio. */
static inline FILE *
fuzz_null(void)
{
	static FILE *fp;

	if (fp == NULL)
		fp = fopen("/dev/null", "w");
	return fp;
}

#endif
