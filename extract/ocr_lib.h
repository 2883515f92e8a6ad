/*
 * ocr_lib.h: Tesseract, loaded with dlopen() the first time a document
 * needs OCR.
 *
 * Linking libtesseract would load it, Leptonica, libgomp, libcurl, ICU and
 * some 60 other shared libraries into every run of gk-extract, for the rare
 * scanned PDF.  format_ocr.c calls Tesseract only through this table.  The
 * prototypes still come from <tesseract/capi.h>, so the compiler checks
 * every call.  Leptonica is loaded as libtesseract's dependency; the few
 * of its functions the OCR code calls (deskewing a page) are resolved from
 * the same handle, their prototypes from <leptonica/allheaders.h>.
 */
#ifndef GK_EXTRACT_OCR_LIB_H
#define GK_EXTRACT_OCR_LIB_H

#include <stddef.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

/* The Tesseract C API functions the OCR format uses. */
#define OCR_LIB_FUNCS(X)						\
	X(TessBaseAPICreate)						\
	X(TessBaseAPIInit2)						\
	X(TessBaseAPISetVariable)					\
	X(TessBaseAPISetPageSegMode)					\
	X(TessBaseAPISetImage)						\
	X(TessBaseAPISetSourceResolution)				\
	X(TessBaseAPIGetUTF8Text)					\
	X(TessBaseAPIMeanTextConf)					\
	X(TessDeleteText)						\
	X(TessBaseAPIEnd)						\
	X(TessBaseAPIDelete)						\
	X(setMsgSeverity)						\
	X(pixCreate)							\
	X(pixDestroy)							\
	X(pixGetDepth)							\
	X(pixGetWidth)							\
	X(pixGetHeight)							\
	X(pixSetupByteProcessing)					\
	X(pixCleanupByteProcessing)					\
	X(pixDeskewGeneral)

struct ocr_lib {
#define OCR_LIB_MEMBER(f)	__typeof__(f) *f;
	OCR_LIB_FUNCS(OCR_LIB_MEMBER)
#undef OCR_LIB_MEMBER
};

/*
 * The library: GK_TESSERACT_LIB if set (a file name or path for dlopen),
 * else the soname found at build time (build.mk).
 */
const char *ocr_lib_name(void);

/*
 * Load the library once per run and return its table, or NULL with a
 * sentence in msg (which library is missing, or which function) -- the same
 * sentence on every later call.  Before the dlopen it sets OMP_THREAD_LIMIT
 * to 1 unless the user set it: libgomp comes in with libtesseract and reads
 * the variable when it is loaded.  Tesseract's OpenMP threads spin: a page
 * takes ~3 s of CPU with them and ~1 s without (NOTES_ocr.md).
 */
const struct ocr_lib *ocr_lib_load(char *msg, size_t msgsize);

#endif
