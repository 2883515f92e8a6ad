/*
 * ocr_grid.h: table grids found on a grey page image, from its ruling lines.
 *
 * A scanned table is drawn with rules: long thin runs of dark pixels.  We
 * find them, keep the ones that meet other rules at both ends (a character's
 * strokes rarely do), group touching rules into tables, and turn each table
 * into grid cells (a cell spans the grid lines that no rule separates).  The
 * rules are then painted white, so the OCR never reads a rule as a "1".
 * Pure image code: no MuPDF, no Tesseract.
 */
#ifndef GK_EXTRACT_OCR_GRID_H
#define GK_EXTRACT_OCR_GRID_H

/* 8-bit grey, 0 black, 255 white, rows of stride bytes. */
struct ocr_img {
	unsigned char *p;
	int w, h, stride;
};

struct ocr_cell {
	int row, col, rowspan, colspan;	/* grid position, 0-based */
	int x0, y0, x1, y1;		/* pixels inside the rules, x1/y1 excl. */
};

struct ocr_table {
	int x0, y0, x1, y1;		/* bounding box of the rules */
	int rows, cols;
	int ncells;
	struct ocr_cell *cells;		/* reading order: by row, then col */
	int *xs, *ys;			/* its grid lines: cols + 1 x and
					   rows + 1 y positions, ascending */
};

struct ocr_grid {
	int ntables;
	struct ocr_table *tables;	/* top to bottom */
};

/*
 * Find the tables on img, fill g (free with ocr_grid_free) and erase their
 * rules from img.  dpi scales the lengths.  Rules are pixels darker than
 * grey 210, or on a page with no table so, 240 (faint rules).  Returns 0,
 * or -1 when memory ran out (g is then empty).
 */
int ocr_grid_find(struct ocr_img *img, int dpi, struct ocr_grid *g);
void ocr_grid_free(struct ocr_grid *);

/*
 * A table cut by a page break: do the grid lines of its part on the new
 * page (b, nb x positions) fit those of its part so far (a, na)?  They do
 * when, b shifted so that its first line is a's, the last lines are within
 * ocr_join_tol(dpi) too and every line of the part with fewer lines is
 * within it of a line of the other: the parts are one grid, of which one
 * part has rules the other lacks (a label block that is one merged cell in
 * the header rows, split in the rows below).  Then u (room for cap lines)
 * gets the union, in a's coordinates, and amap[i] / bmap[j] the index in
 * u of a[i] / b[j]; returns the union's count.  Otherwise returns -1.
 */
int ocr_grid_join(int dpi, const int *a, int na, const int *b, int nb,
    int *u, int cap, int *amap, int *bmap);
int ocr_join_tol(int dpi);

/*
 * Paint white the specks of img: dark components of at most dpi^2/1000
 * pixels, less than dpi/40 + 1 pixels each way, with no other ink within
 * dpi/40 + 1 pixels.  Returns how many, or -1
 * when memory ran out (img is then partly cleaned).
 */
int ocr_despeckle(struct ocr_img *img, int dpi);

/*
 * The main line of ink in the box [x0,x1)x[y0,y1) of img: the run of rows
 * with ink (gaps of up to dpi/100 + 1 rows bridged) that holds the most
 * ink, and the columns of its ink; [bx0,bx1]x[by0,by1] inclusive.  A speck
 * above or below a figure otherwise stretches its box past a line's height
 * (and out of the digit recogniser's reach).  Returns -1 when the box has
 * no ink.
 */
int ocr_main_line(const struct ocr_img *, int dpi, int x0, int y0, int x1,
    int y1, int *bx0, int *by0, int *bx1, int *by1);

/*
 * The lines of ink in the box [x0,x1)x[y0,y1) of img, top to bottom: runs
 * of rows with ink (gaps of up to dpi/100 + 1 rows bridged, as in
 * ocr_main_line), each with the columns of its ink (inclusive) and its
 * number of dark pixels.  Fills at most cap of them into v and returns how
 * many there are (more than cap: the rest are not stored).  A cell whose
 * text wraps (a figure 415 printed 41 / 5 in a narrow column, a header
 * set one character a line) has one such line per printed line.
 */
struct ocr_line {
	int x0, y0, x1, y1;
	long ink;
};

int ocr_ink_lines(const struct ocr_img *, int dpi, int x0, int y0, int x1,
    int y1, struct ocr_line *v, int cap);

/*
 * Does the line of ink [x0,x1]x[y0,y1] (inclusive, as ocr_main_line gives
 * it) start with a minus sign?  1 or 0.
 */
int ocr_leading_dash(const struct ocr_img *, int x0, int y0, int x1, int y1);

/*
 * How many missing-glyph boxes (hollow rectangles the line high) the line
 * of ink [x0,x1]x[y0,y1] (inclusive) is, when every mark on it is one;
 * else 0.
 */
int ocr_missing_glyphs(const struct ocr_img *, int x0, int y0, int x1,
    int y1);

/*
 * The missing-glyph boxes among the marks of the line [x0,x1]x[y0,y1]
 * (inclusive) of a label: their columns, first and last, into bx (two ints
 * a box, at most max boxes); how many.  ps2pdf's rewrite of a document
 * whose font subset ran out drew a third of the ideographs so.
 */
int ocr_glyph_boxes(const struct ocr_img *, int x0, int y0, int x1, int y1,
    int *bx, int max);

/*
 * How many times a figure's line of ink line_px high is scaled for the
 * digit recogniser: to a fixed height, whatever the scan's resolution.
 */
double ocr_figure_scale(int line_px);

/* Is a line of ink w wide and h high too long to be a figure (a label)? */
int ocr_figure_long(int w, int h);

/*
 * Is the line of ink [x0,x1]x[y0,y1] (inclusive) writing rather than a
 * figure: crossed by four strokes or more, top to bottom, in enough of its
 * columns?  1 or 0.
 */
int ocr_figure_busy(const struct ocr_img *, int x0, int y0, int x1, int y1);

/*
 * In the grey cut-out cut (w x h, a row after another), make white the
 * pixels of white or lighter that touch no darker pixel (8 neighbours):
 * the noise of the paper between glyphs, not their grey edges.  rows: 3w
 * bytes of scratch.
 */
void ocr_clear_paper(unsigned char *cut, int w, int h, int white,
    unsigned char *rows);

/* Number of dark pixels in the box (clipped to img). */
/* Clamp a box to the image. */
void ocr_clip(const struct ocr_img *, int *x0, int *y0, int *x1, int *y1);
long ocr_ink(const struct ocr_img *, int x0, int y0, int x1, int y1);

#endif
