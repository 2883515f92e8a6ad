/*
 * text.h: lines and text from PDF characters with positions.
 */
#ifndef GK_EXTRACT_PDF_TEXT_H
#define GK_EXTRACT_PDF_TEXT_H

#include <stddef.h>

#include "common/buf.h"
#include "extract/pdf/pdf.h"

/* A line: v[first .. first+n-1] after gk_pdf_lines reordered v. */
struct gk_pdf_line {
	float y;		/* baseline of its first character */
	float x0, x1;		/* horizontal extent */
	float size;		/* largest font size */
	size_t first, n;
};

/*
 * Reorder v (pointers to characters) line by line, top to bottom, each line
 * left to right, and describe the lines in a new array (free it).
 * Returns 0, or -1 when memory ran out.
 */
int gk_pdf_lines(const struct gk_pdf_char **v, size_t n,
    struct gk_pdf_line **lines, size_t *nlines);

/*
 * The right edge of character c: a wide character (zh_is_wide) reaches
 * WIDE_CHAR_EM, but not past next_x0, where the next character of its
 * line starts (next_x0 < 0: none), and not when that is within
 * ADVANCE_TOL of its box (the pen moved by the box: a narrow font), or,
 * for the line's last (next_x0 < 0), when *narrow says the wide character
 * before it on the line was so followed.  Updates *narrow (start a line
 * with 0).
 */
float gk_pdf_glyph_x1(const struct gk_pdf_char *c, float next_x0,
    int *narrow);

/* Is c white space (zh_is_space: the one definition, for every stage)? */
int gk_pdf_space(int c);

/*
 * The gap before character i of line l, in em, from the last character
 * before it that is not white space (0: none, or i is white space).  One
 * space glyph that fills the gap (its box meets both characters within
 * ADVANCE_TOL) is a word space drawn, no gap between cells: only what it
 * leaves counts (统 计 指 标, a label spaced out).
 */
float gk_pdf_gap(const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *l, size_t i);

/* Is c the same character as prev drawn again on top of it (fake bold)? */
int gk_pdf_dup(const struct gk_pdf_char *prev, const struct gk_pdf_char *c);

/* Append one line's text. 0, or -1 when b is full. */
int gk_pdf_line_text(struct gk_buf *b, const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *l);

/* Append lines as one text: a wrapped label joins with no space. */
int gk_pdf_join_lines(struct gk_buf *b, const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *lines, size_t nlines);

/* gk_pdf_lines + gk_pdf_join_lines: the text of a table cell. */
int gk_pdf_text(struct gk_buf *b, const struct gk_pdf_char **v, size_t n);

#endif
