/*
 * numfmt.h: a spreadsheet number printed as its cell shows it.
 *
 * A spreadsheet stores a figure as a double and prints it through the
 * cell's number format (Excel's format codes, ECMA-376 18.8.31, the same in
 * BIFF): 5146 stored as 5146.0 prints "5146" under General, "5,146.00"
 * under #,##0.00, a date serial prints as a date.  gk-extract writes what
 * the reader of the sheet sees, so both .xls and .xlsx go through here.
 * Understood: General, digit placeholders 0 # ?, decimals, thousands
 * separators, %, scientific E+, literal text ("件", \x, _x, *x), sections
 * (positive;negative;zero), [colour] and [$-804] brackets (skipped), dates
 * and times (y m d h s, AM/PM).  Not understood (printed as General):
 * fractions, conditions ([>100]), [DBNum] Chinese numerals.
 */
#ifndef GK_EXTRACT_NUMFMT_H
#define GK_EXTRACT_NUMFMT_H

#include <stddef.h>

/* The code of a built-in format id (0-49, and the CJK date ids 27-36,
 * 50-58), or NULL when the id is not a built-in one. */
const char *gk_numfmt_builtin(unsigned id);

/*
 * Print v through the format code (NULL: General) into out, which holds
 * n > 0 bytes (cut to fit, always NUL-terminated).  date1904: the
 * workbook counts days from 1904-01-01 (else from 1900, with Excel's
 * 1900-02-29).
 */
void gk_numfmt(char *out, size_t n, double v, const char *code,
    int date1904);

#endif
