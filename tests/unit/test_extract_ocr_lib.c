/*
 * Tesseract is loaded with dlopen() on first use (extract/ocr_lib.c):
 * OMP_THREAD_LIMIT is set to 1 before the load unless the user set it, a
 * missing library gives a sentence naming it (the same on every call), and
 * GK_TESSERACT_LIB overrides the library.  Each case that loads runs in a
 * child process: a process loads the library at most once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "extract/ocr_lib.h"

/* Run f in a child; its exit status is the number of failed checks. */
static int
in_child(int (*f)(void))
{
	pid_t pid;
	int st;

	fflush(NULL);
	if ((pid = fork()) == 0)
		_exit(f());
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static int
check(int ok, const char *what)
{
	if (!ok)
		fprintf(stderr, "child: %s\n", what);
	return !ok;
}

static int
load_unset(void)
{
	const struct ocr_lib *l;
	char msg[256] = "";
	const char *v;
	int bad = 0;

	unsetenv("OMP_THREAD_LIMIT");
	unsetenv("GK_TESSERACT_LIB");
	l = ocr_lib_load(msg, sizeof(msg));
	bad += check(l != NULL, msg);
	if (l == NULL)
		return bad;
	bad += check(l->TessBaseAPICreate != NULL &&
	    l->TessBaseAPIGetUTF8Text != NULL && l->TessDeleteText != NULL &&
	    l->TessBaseAPIDelete != NULL, "a function is missing");
	v = getenv("OMP_THREAD_LIMIT");
	bad += check(v != NULL && strcmp(v, "1") == 0,
	    "OMP_THREAD_LIMIT is not 1");
	bad += check(ocr_lib_load(msg, sizeof(msg)) == l, "loaded twice");
	return bad;
}

static int
load_user_limit(void)
{
	char msg[256] = "";
	const char *v;
	int bad = 0;

	setenv("OMP_THREAD_LIMIT", "3", 1);
	unsetenv("GK_TESSERACT_LIB");
	bad += check(ocr_lib_load(msg, sizeof(msg)) != NULL, msg);
	v = getenv("OMP_THREAD_LIMIT");
	bad += check(v != NULL && strcmp(v, "3") == 0,
	    "the user's OMP_THREAD_LIMIT was changed");
	return bad;
}

static int
load_missing(void)
{
	char msg[256] = "", again[256] = "";
	int bad = 0;

	setenv("GK_TESSERACT_LIB", "/nonexistent/libtesseract.so.99", 1);
	bad += check(ocr_lib_load(msg, sizeof(msg)) == NULL, "loaded");
	bad += check(strstr(msg, "/nonexistent/libtesseract.so.99") != NULL,
	    msg);
	bad += check(ocr_lib_load(again, sizeof(again)) == NULL,
	    "loaded on the second call");
	bad += check(strcmp(msg, again) == 0, again);
	/* A short buffer gets a cut sentence, not an overflow. */
	bad += check(ocr_lib_load(msg, 8) == NULL && strlen(msg) == 7,
	    "short buffer");
	return bad;
}

static int
load_not_tesseract(void)
{
	char msg[256] = "";
	int bad = 0;

	setenv("GK_TESSERACT_LIB", "libc.so.6", 1);
	bad += check(ocr_lib_load(msg, sizeof(msg)) == NULL, "loaded libc");
	bad += check(strstr(msg, "libc.so.6 has no function "
	    "TessBaseAPICreate") != NULL, msg);
	return bad;
}

static void
test_name(void **state)
{
	(void)state;
	unsetenv("GK_TESSERACT_LIB");
	assert_non_null(strstr(ocr_lib_name(), "libtesseract.so."));
	setenv("GK_TESSERACT_LIB", "", 1);
	assert_non_null(strstr(ocr_lib_name(), "libtesseract.so."));
	setenv("GK_TESSERACT_LIB", "/opt/t/libtesseract.so", 1);
	assert_string_equal(ocr_lib_name(), "/opt/t/libtesseract.so");
	unsetenv("GK_TESSERACT_LIB");
}

static void
test_load_sets_limit(void **state)
{
	(void)state;
	assert_int_equal(in_child(load_unset), 0);
}

static void
test_load_keeps_user_limit(void **state)
{
	(void)state;
	assert_int_equal(in_child(load_user_limit), 0);
}

static void
test_missing_library(void **state)
{
	(void)state;
	assert_int_equal(in_child(load_missing), 0);
}

static void
test_not_tesseract(void **state)
{
	(void)state;
	assert_int_equal(in_child(load_not_tesseract), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_load_sets_limit),
		cmocka_unit_test(test_load_keeps_user_limit),
		cmocka_unit_test(test_missing_library),
		cmocka_unit_test(test_not_tesseract),
	};

	return cmocka_run_group_tests_name("extract_ocr_lib", tests, NULL,
	    NULL);
}
