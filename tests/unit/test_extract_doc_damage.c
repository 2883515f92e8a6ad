/*
 * Damaged .doc files give one `error` record with the right code and never
 * crash (run under ASan/UBSan by `make check`): a password flag, a Word 6
 * FIB, every truncation on a 512-byte sector boundary and odd lengths, and
 * thousands of randomly damaged copies of the seed and synthetic files
 * (libarchive's test_fuzz.c: damage ~1% of the bytes, assert no crash).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "extract/format.h"

extern const struct gk_format gk_format_doc;

static const char *files[] = {
	"tests/corpus/docs/000_0e252554ad65cb5c.doc",
	"tests/corpus/docs/003_937a84458300fa66.doc",
	"tests/corpus/synthetic/docs/syn009.doc",
	"tests/corpus/synthetic/docs/syn010.doc",
	"tests/corpus/synthetic/docs/syn011.doc",
};

static void
load(const char *path, struct gk_buf *b)
{
	gk_buf_init(b, 64u << 20);
	assert_int_equal(gk_buf_read_file(b, path), 0);
}

/* Extract from bytes; returns the code and, in out, the records. */
static enum gk_err
run(const unsigned char *p, size_t n, char **out)
{
	struct gk_doc d;
	struct gk_sink s;
	size_t outlen = 0;
	enum gk_err e;
	FILE *fp;

	memset(&d, 0, sizeof(d));
	d.id = "d";
	d.file = "mem";
	d.type = "doc";
	d.data = p;
	d.len = n;
	*out = NULL;
	assert_non_null(fp = open_memstream(out, &outlen));
	gk_sink_init(&s, fp, "d");
	e = gk_format_doc.extract(&d, &s);
	gk_sink_commit(&s);
	gk_sink_free(&s);
	fclose(fp);
	return e;
}

/* On failure: exactly one record, an error with the code's name. */
static void
check_result(enum gk_err e, const char *out)
{
	char want[64];

	if (e == GK_E_OK)
		return;
	snprintf(want, sizeof(want), "error\td\textract\t%s\t", gk_errname(e));
	assert_int_equal(strncmp(out, want, strlen(want)), 0);
	assert_ptr_equal(strchr(out, '\n'), out + strlen(out) - 1);
}

/* The FIB: the WordDocument stream starts on a sector with 0xA5EC. */
static size_t
find_fib(const unsigned char *p, size_t n)
{
	size_t off;

	for (off = 512; off + 512 <= n; off += 512)
		if (p[off] == 0xEC && p[off + 1] == 0xA5 &&
		    (p[off + 2] | p[off + 3] << 8) >= 0xC1)
			return off;
	fail_msg("no FIB found");
	return 0;
}

static void
test_encrypted(void **state)
{
	struct gk_buf b;
	size_t fib;
	char *out;

	(void)state;
	load(files[0], &b);
	fib = find_fib((unsigned char *)b.p, b.len);
	b.p[fib + 0x0B] |= 0x01;	/* fEncrypted */
	assert_int_equal(run((unsigned char *)b.p, b.len, &out),
	    GK_E_ENCRYPTED);
	assert_non_null(strstr(out, "\tencrypted\t"));
	check_result(GK_E_ENCRYPTED, out);
	free(out);
	gk_buf_free(&b);
}

static void
test_word6(void **state)
{
	struct gk_buf b;
	size_t fib;
	char *out;

	(void)state;
	load(files[0], &b);
	fib = find_fib((unsigned char *)b.p, b.len);
	b.p[fib + 2] = 0x68;	/* nFib of Word 6 */
	b.p[fib + 3] = 0x00;
	assert_int_equal(run((unsigned char *)b.p, b.len, &out),
	    GK_E_UNSUPPORTED);
	check_result(GK_E_UNSUPPORTED, out);
	free(out);
	gk_buf_free(&b);
}

static void
test_not_word(void **state)
{
	static const unsigned char junk[600] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
	};
	char *out;
	enum gk_err e;

	(void)state;
	e = run(junk, sizeof(junk), &out);
	assert_true(e == GK_E_CORRUPT || e == GK_E_TRUNCATED);
	check_result(e, out);
	free(out);
	e = run(junk, 8, &out);
	assert_int_equal(e, GK_E_TRUNCATED);
	free(out);
}

static void
test_truncated(void **state)
{
	struct gk_buf b;
	size_t f, n;
	char *out;
	enum gk_err e;

	(void)state;
	/* Cut on sector boundaries and between them: always `truncated`. */
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		load(files[f], &b);
		for (n = 0; n < b.len; n += n < 4096 ? 97 : 509) {
			e = run((unsigned char *)b.p, n, &out);
			check_result(e, out);
			if (e != GK_E_TRUNCATED)
				fail_msg("%s cut at %zu: %s", files[f], n,
				    gk_errname(e));
			free(out);
		}
		/* The whole file still reads. */
		assert_int_equal(run((unsigned char *)b.p, b.len, &out),
		    GK_E_OK);
		free(out);
		gk_buf_free(&b);
	}
}

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t
rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void
test_mutated(void **state)
{
	size_t f, i, k, fib, ok = 0, bad = 0;
	uint32_t seed = 0x9E3779B9u;
	const char *env = getenv("GK_DOC_MUTATIONS");
	size_t rounds = env != NULL ? strtoul(env, NULL, 10) : 200;

	(void)state;
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		struct gk_buf b;
		unsigned char *p;

		load(files[f], &b);
		fib = find_fib((unsigned char *)b.p, b.len);
		assert_non_null(p = malloc(b.len));
		for (i = 0; i < rounds; i++) {
			size_t hits = 1 + rnd(&seed) % 16;
			enum gk_err e;
			char *out;

			memcpy(p, b.p, b.len);
			/* Odd rounds hit the FIB, even ones anywhere. */
			for (k = 0; k < hits; k++)
				if (i % 2)
					p[fib + rnd(&seed) % 1024] =
					    (unsigned char)rnd(&seed);
				else
					p[rnd(&seed) % b.len] =
					    (unsigned char)rnd(&seed);
			e = run(p, b.len, &out);
			check_result(e, out);
			if (e == GK_E_OK)
				ok++;
			else
				bad++;
			free(out);
		}
		free(p);
		gk_buf_free(&b);
	}
	print_message("mutated: %zu read, %zu rejected\n", ok, bad);
	assert_true(ok + bad == rounds * (sizeof(files) / sizeof(files[0])));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encrypted),
		cmocka_unit_test(test_word6),
		cmocka_unit_test(test_not_word),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_mutated),
	};

	return cmocka_run_group_tests_name("extract_doc_damage", tests, NULL,
	    NULL);
}
