/*
 * ocr.h: what gk-extract's main needs to know about the OCR format.
 */
#ifndef GK_EXTRACT_OCR_H
#define GK_EXTRACT_OCR_H

/*
 * Tesseract's OpenMP threads spin: one page takes ~3 s of CPU with them and
 * ~1 s with OMP_THREAD_LIMIT=1.  libgomp reads the variable only when it is
 * loaded, before main runs, so when it is unset this sets it and re-executes
 * the program (/proc/self/exe) with the same arguments.  Call it first thing
 * in main; it returns only when nothing had to be done or exec failed.
 */
void gk_ocr_env(char **argv);

#endif
