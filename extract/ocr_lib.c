/*
 * ocr_lib.c: load Tesseract with dlopen() on first use (ocr_lib.h).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "ocr_lib.h"

#ifndef GK_TESSERACT_SONAME
#define GK_TESSERACT_SONAME	"libtesseract.so.5"
#endif

static struct ocr_lib lib;
static int state;		/* 0 not tried, 1 loaded, -1 failed */
static char why[512];

const char *
ocr_lib_name(void)
{
	const char *s = getenv("GK_TESSERACT_LIB");

	return s != NULL && *s != '\0' ? s : GK_TESSERACT_SONAME;
}

/*
 * dlsym() returns a void *; POSIX guarantees that it converts to a function
 * pointer.  The cast names the member's own type, so a wrong table entry
 * does not compile.
 */
static int
resolve(void *h, const char *name)
{
#define OCR_LIB_SYM(f)							\
	if ((lib.f = (__typeof__(lib.f))dlsym(h, #f)) == NULL) {	\
		snprintf(why, sizeof(why), "%s has no function %s: not "	\
		    "the Tesseract 5 C API", name, #f);			\
		return -1;						\
	}
	OCR_LIB_FUNCS(OCR_LIB_SYM)
#undef OCR_LIB_SYM
	return 0;
}

const struct ocr_lib *
ocr_lib_load(char *msg, size_t msgsize)
{
	const char *name, *e;
	void *h;

	if (state == 0) {
		name = ocr_lib_name();
		/* The 0: a limit the user set is kept. */
		if (setenv("OMP_THREAD_LIMIT", "1", 0) == -1)
			gk_warn("ocr", "cannot set OMP_THREAD_LIMIT=1: OCR "
			    "will spin on every core");
		/*
		 * RTLD_LOCAL: nothing of Tesseract's (its libarchive, its
		 * libcurl) is seen by the rest of the program.  The library
		 * stays loaded until exit.
		 */
		if ((h = dlopen(name, RTLD_NOW | RTLD_LOCAL)) == NULL) {
			e = dlerror();
			/* dlerror names the file that is missing. */
			snprintf(why, sizeof(why), "cannot load Tesseract "
			    "(%s): %s", name, e != NULL ? e : "dlopen failed");
			state = -1;
		} else if (resolve(h, name) == -1) {
			dlclose(h);
			memset(&lib, 0, sizeof(lib));
			state = -1;
		} else {
			gk_debug("ocr: loaded %s", name);
			state = 1;
		}
	}
	if (state == 1)
		return &lib;
	snprintf(msg, msgsize, "%s", why);
	return NULL;
}
