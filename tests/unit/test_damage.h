/*
 * test_damage.h: cut and damage a good file many ways and check that a
 * format never crashes and either reads it or gives exactly one `error`
 * record and nothing else (libarchive's test_fuzz.c).  Run under ASan and
 * UBSan by `make check`.
 */
#ifndef GK_TEST_DAMAGE_H
#define GK_TEST_DAMAGE_H

#include "test_extract.h"

/* The records f writes for p: one error record alone (returns its code
 * name, static), or records with no error (returns NULL). */
static inline const char *
damage_run(const struct gk_format *f, const char *type,
    const unsigned char *p, size_t n)
{
	static char code[32];
	char *out = run_format(f, type, p, n), *t;

	assert_non_null(out);
	if (strncmp(out, "error\t", 6) == 0) {
		assert_string_equal(strchr(out, '\n'), "\n");	/* alone */
		t = strchr(out + 6, '\t');			/* STAGE */
		assert_non_null(t);
		t = strchr(t + 1, '\t');			/* CODE */
		assert_non_null(t);
		snprintf(code, sizeof(code), "%.*s", (int)strcspn(t + 1,
		    "\t"), t + 1);
		free(out);
		return code;
	}
	assert_null(strstr(out, "error\t"));
	free(out);
	return NULL;
}

/* Every cut at step bytes, then `times` copies with a few random bytes
 * changed (some of them cut too). */
static inline void
damage_all(const struct gk_format *f, const char *type, const char *path,
    size_t step, int times, unsigned seed)
{
	unsigned char *good, *bad;
	size_t len = 0, i, cut;
	int k, n;

	good = (unsigned char *)read_fixture(path, &len);
	assert_non_null(good);
	assert_null(damage_run(f, type, good, len));	/* the file is good */
	for (cut = 0; cut < len; cut += step)
		damage_run(f, type, good, cut);
	assert_non_null(bad = malloc(len));
	srand(seed);
	for (k = 0; k < times; k++) {
		memcpy(bad, good, len);
		for (n = 1 + rand() % 8; n > 0; n--) {
			i = (size_t)rand() % len;
			bad[i] = (unsigned char)rand();
		}
		damage_run(f, type, bad, k % 10 == 9 ? (size_t)rand() % len :
		    len);
	}
	free(bad);
	free(good);
}

#endif
