/*
 * ocr_text.h: clean-up of what Tesseract (chi_sim) returns for a table
 * cell of a scanned page (format_ocr.c).  Pure string code.
 */
#ifndef GK_EXTRACT_OCR_TEXT_H
#define GK_EXTRACT_OCR_TEXT_H

/*
 * The numbering of a label, （二）, often loses a parenthesis to the OCR.
 * Its "（" to a look-alike: "人二)部分公开" (a character before a Chinese
 * numeral and a ")" at the start of a cell is that parenthesis).  Its "）"
 * outright: "(七总计" (a "(" and a numeral at the start of a cell, and no
 * closing parenthesis after them: the transform, which drops a label's
 * parenthesised annotation, no longer knew the row).  s is malloc'd;
 * returns s, or the longer string that replaces it (NULL when memory ran
 * out: s is freed).
 */
char *ocr_fix_numbering(char *s);

/*
 * A figure read with the look-alikes of its digits (O for 0, l | ] 】 for
 * 1, 了 for 7, a full-width comma or stop), or a change (减少7, 增加7)
 * whose first ideograph was misread (碱少7): the number, in place, when
 * the rest is one; else s as it was.  Never longer.
 */
void ocr_fix_number(char *s);

/*
 * Is s a figure as the digit recogniser may give it: digits, at most one
 * decimal point between them, the whole part maybe grouped by commas in
 * threes (58,785; 1,234,567.5)?  1 or 0.
 */
int ocr_is_figure(const char *s);

/* Do the brackets ( （ and quotes “ of s pair with as many closing ones?
 * A reading that leaves one open has misread it (（ as “). */
int ocr_paired(const char *s);

#endif
