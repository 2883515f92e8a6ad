/*
 * format_ocr.c: scanned PDFs (pages that are only images), read by OCR.
 *
 * The PDF format (format_pdf.c) opens the document and reads each page
 * once; when no page has a text layer it hands the open document here
 * (ocr.h).  Each page is rendered grey by MuPDF, under its own budget
 * period, the table grids are
 * found from their ruling lines (ocr_grid.c) and the rules erased, then
 * Tesseract (chi_sim) reads every table cell on its own and the text between
 * the tables band by band.  Cells come out as cells, text lines as paras, in
 * reading order, and a `note DOC ocr N` says how many pages were read so: the
 * transform flags every value of the document `ocr`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mupdf/fitz.h>
#include <tesseract/capi.h>

#include "common/bounds.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/zh.h"
#include "held.h"
#include "ocr.h"
#include "ocr_grid.h"
#include "ocr_lib.h"
#include "ocr_page.h"
#include "ocr_text.h"
#include "pdf/layout.h"
#include "pdf/pdf.h"

#define OCR_DPI		200		/* render resolution (see NOTES_ocr.md) */
#define OCR_MAX_PIXELS	(40L << 20)	/* one rendered page; larger pages
					   are rendered at a lower resolution */
#define OCR_LANG	"chi_sim"
#define OCR_PAD		16		/* white border around a cut-out */
#define OCR_WHITE	200		/* lighter than this is paper: scanner
					   noise, JPEG's ringing round a glyph
					   (NOTES_ocr.md) */

/*
 * Tesseract is loaded on first use (ocr_lib.c); one handle for the whole
 * run: loading chi_sim costs 0.2 s.  A second handle reads figure cells:
 * the eng model (its network is a fraction of chi_sim's, which scores
 * some 6,500 characters at every step); without eng.traineddata, chi_sim.
 * It is not limited to digits (tessedit_char_whitelist): with the list,
 * Tesseract 5's LSTM returned nothing for a lone "0" at some sizes (1.5x,
 * 1.8x, 2.5x of a bilevel 150 dpi scan's 17-pixel 0; without it, "0" at
 * every size), so a figure cell fell to chi_sim; its O, l, I look-alikes
 * are fixed as chi_sim's are (ocr_fix_number).
 */
#define OCR_DIGITS_LANG	"eng"
static const struct ocr_lib *tl;
static TessBaseAPI *tess, *tess_digits;
static int tess_failed;
static char tess_why[512];
static int grey_paper;		/* the page's paper is grey (paper_is_grey) */

static void
tess_end(void)
{
	if (tess_digits != NULL) {
		tl->TessBaseAPIEnd(tess_digits);
		tl->TessBaseAPIDelete(tess_digits);
		tess_digits = NULL;
	}
	if (tess != NULL) {
		tl->TessBaseAPIEnd(tess);
		tl->TessBaseAPIDelete(tess);
		tess = NULL;
	}
}

/* A handle for lang, LSTM only, quiet; NULL when it cannot load. */
static TessBaseAPI *
tess_new(const char *lang)
{
	TessBaseAPI *h;

	if ((h = tl->TessBaseAPICreate()) == NULL)
		return NULL;
	if (tl->TessBaseAPIInit2(h, NULL, lang, OEM_LSTM_ONLY) != 0) {
		tl->TessBaseAPIDelete(h);
		return NULL;
	}
	/* Tesseract's own chatter would land on our stderr. */
	tl->TessBaseAPISetVariable(h, "debug_file", "/dev/null");
	return h;
}

/* The handles, or -1 with the reason in tess_why. */
static int
tess_get(void)
{
	if (tess != NULL || tess_failed)
		return tess != NULL ? 0 : -1;
	tess_failed = 1;
	if ((tl = ocr_lib_load(tess_why, sizeof(tess_why))) == NULL)
		return -1;
	/* Leptonica's chatter too. */
	tl->setMsgSeverity(L_SEVERITY_NONE);
	if ((tess = tess_new(OCR_LANG)) == NULL) {
		snprintf(tess_why, sizeof(tess_why), "Tesseract cannot load "
		    "the %s language data", OCR_LANG);
		return -1;
	}
	atexit(tess_end);
	if ((tess_digits = tess_new(OCR_DIGITS_LANG)) == NULL &&
	    (tess_digits = tess_new(OCR_LANG)) == NULL) {
		snprintf(tess_why, sizeof(tess_why), "Tesseract cannot load "
		    "the %s language data twice", OCR_LANG);
		return -1;
	}
	tess_failed = 0;
	return 0;
}

/*
 * chi_sim reads the full-width parentheses of the templates' labels as
 * 〈 〉 and sometimes as 《 (with a ")" after it): make them （ ）, so that
 * the transform can drop an annotation in parentheses.  All are 3 bytes.
 */
static void
fix_brackets(char *s)
{
	char *p, *close, *full, *title;

	for (p = s; (p = strstr(p, "〈")) != NULL; p += 3)
		memcpy(p, "（", 3);
	for (p = s; (p = strstr(p, "〉")) != NULL; p += 3)
		memcpy(p, "）", 3);
	for (p = s; (p = strstr(p, "《")) != NULL; p += 3) {
		close = strchr(p + 3, ')');
		full = strstr(p + 3, "）");
		if (close == NULL || (full != NULL && full < close))
			close = full;
		title = strstr(p + 3, "》");
		if (close != NULL && (title == NULL || close < title))
			memcpy(p, "（", 3);
	}
}

/*
 * Tesseract puts spaces between Chinese characters; a space only matters
 * between two Latin letters or digits.  Also drops the trailing newline.
 */
static void
tidy(char *s)
{
	unsigned char *r = (unsigned char *)s, *w = (unsigned char *)s;
	int prev_wide = 0;

	while (*r) {
		if (*r == ' ' || *r == '\n' || *r == '\t') {
			unsigned char *q = r;

			while (*q == ' ' || *q == '\t' || *q == '\n')
				q++;
			/* Keep one space unless a wide character is beside it. */
			if (!prev_wide && *q != '\0' && *q < 0x80 && w != (unsigned char *)s)
				*w++ = ' ';
			r = q;
			continue;
		}
		prev_wide = *r >= 0x80;
		if (*r >= 0x80) {
			*w++ = *r++;
			while ((*r & 0xc0) == 0x80)
				*w++ = *r++;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
	fix_brackets(s);
}

/*
 * Pixel (x,y) of the box [bx0,bx1]x[by0,by1] of img scaled k times, where
 * inv = 65536 / k (source pixels per pixel, 16.16 fixed point),
 * interpolated between the four nearest source pixels.
 */
static unsigned char
sample(const struct ocr_img *img, int bx0, int by0, int bx1, int by1, int x,
    int y, long inv)
{
	long sx = (long)x * inv, sy = (long)y * inv;
	int x0, y0, x1, y1, fx, fy;
	const unsigned char *p = img->p;
	size_t st = (size_t)img->stride;
	long a, b, c, d, top, bot;

	x0 = bx0 + (int)(sx >> 16), y0 = by0 + (int)(sy >> 16);
	fx = (int)(sx & 0xffff) >> 8, fy = (int)(sy & 0xffff) >> 8;
	if (x0 > bx1)
		x0 = bx1;
	if (y0 > by1)
		y0 = by1;
	x1 = x0 < bx1 ? x0 + 1 : x0, y1 = y0 < by1 ? y0 + 1 : y0;
	a = p[y0 * st + x0], b = p[y0 * st + x1];
	c = p[y1 * st + x0], d = p[y1 * st + x1];
	top = a * (256 - fx) + b * fx, bot = c * (256 - fx) + d * fx;
	return (unsigned char)((top * (256 - fy) + bot * fy) >> 16);
}

/*
 * OCR the box [x0,x1)x[y0,y1) of img with page segmentation mode psm.  The
 * ink inside is cut out with a white border (Tesseract reads a line that
 * touches the edge badly).  Returns a malloc'd string ("" for no ink), or
 * NULL when memory ran out or Tesseract failed.
 */
static int
ink_box(const struct ocr_img *img, int x0, int y0, int x1, int y1, int *px0,
    int *py0, int *px1, int *py1)
{
	int bx0 = x1, by0 = y1, bx1 = x0 - 1, by1 = y0 - 1, x, y;

	ocr_clip(img, &x0, &y0, &x1, &y1);
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++)
			if (img->p[(size_t)y * img->stride + x] < 170) {
				if (x < bx0)
					bx0 = x;
				if (x > bx1)
					bx1 = x;
				if (y < by0)
					by0 = y;
				if (y > by1)
					by1 = y;
			}
	*px0 = bx0, *py0 = by0, *px1 = bx1, *py1 = by1;
	return bx1 < bx0 ? -1 : 0;
}

static char *
ocr_box(TessBaseAPI *api, const struct ocr_img *img, int dpi, int x0, int y0,
    int x1, int y1, int psm, int lines, double k, int *conf)
{
	int bx0, by0, bx1, by1, x, y, w, h, cw, ch;
	long inv;
	unsigned char *cut;
	char *t, *s;

	/* Specks (a few pixels: dust, what is left of a rule) are no text. */
	if (ink_box(img, x0, y0, x1, y1, &bx0, &by0, &bx1, &by1) == -1 ||
	    ocr_ink(img, bx0, by0, bx1 + 1, by1 + 1) < dpi / 25)
		return strdup("");
	if (psm == PSM_SINGLE_LINE && by1 - by0 + 1 > dpi * 14 / 72)
		psm = PSM_SINGLE_BLOCK;	/* a label wrapped over lines */
	/*
	 * Cell text is small (9-10.5 pt, ~25 px at 200 dpi) and Tesseract
	 * misreads small Chinese (（七） as (七j): cells are read at twice
	 * the size, smoothly interpolated.
	 */
	if (k <= 0)
		k = 1;
	inv = (long)(65536.0 / k + 0.5);
	cw = (int)((bx1 - bx0 + 1) * k + 0.5);
	ch = (int)((by1 - by0 + 1) * k + 0.5);
	w = cw + 2 * OCR_PAD;
	h = ch + 2 * OCR_PAD;
	/* the cut, then three rows for ocr_clear_paper */
	if ((cut = malloc((size_t)w * h + 3 * (size_t)w)) == NULL)
		return NULL;
	memset(cut, 255, (size_t)w * h);
	for (y = 0; y < ch; y++)
		for (x = 0; x < cw; x++)
			if ((cut[(size_t)(y + OCR_PAD) * w + x + OCR_PAD] =
			    sample(img, bx0, by0, bx1, by1, x, y, inv)) >=
			    OCR_WHITE && grey_paper)
				cut[(size_t)(y + OCR_PAD) * w + x +
				    OCR_PAD] = 255;
	/* a figure's paper cleared of its noise (ocr_clear_paper): the
	 * digit recogniser reads digits into it; chi_sim's labels read
	 * worse so (lost the rows of two scans) */
	if (!grey_paper && api == tess_digits)
		ocr_clear_paper(cut, w, h, OCR_WHITE, cut + (size_t)w * h);
	tl->TessBaseAPISetPageSegMode(api, psm);
	tl->TessBaseAPISetImage(api, cut, w, h, 1, w);
	tl->TessBaseAPISetSourceResolution(api, (int)(dpi * k + 0.5));
	t = tl->TessBaseAPIGetUTF8Text(api);
	if (conf != NULL)
		*conf = t != NULL ? tl->TessBaseAPIMeanTextConf(api) : 0;
	free(cut);
	if (t == NULL)
		return NULL;
	if (!lines)
		tidy(t);
	s = strdup(t);
	tl->TessDeleteText(t);
	return s;
}

/*
 * A table that runs over a page break goes on as the same table when
 * nothing but short lines (a page number) came between its parts and the
 * part on the new page has a grid that fits the old part's
 * (ocr_grid_join: the same lines, or some more or fewer) or as many
 * columns.  So a table is held (struct gk_held, held.h), its cells and the
 * paras after it, until the next table begins or the document ends: a
 * new part with a rule the old part lacks (a label block that is one
 * merged cell in the header rows on page 1, split into two columns
 * below on page 2) renumbers the old part's columns onto the union of
 * the two grids, which the header must share with the figures under it.
 */
#define OCR_HELD_LINES	(GK_MAX_TABLE_COLS + 1)	/* grid lines, x, of a
						   held table */

struct ocr_cont {
	int open;		/* a table was the last thing of substance */
	struct gk_held held;
	int nx, xs[OCR_HELD_LINES];	/* the held table's grid lines, x,
					   so far */
	int first;		/* the table begun: its first row in the held */
	size_t part0;		/* its first cell in the held */
	int map[OCR_HELD_LINES];	/* its grid lines' indices in the
					   held table's */
	/* what text is read (text_read) */
	int all_text;		/* every line, not only the needed ones, and
				   laid out from the words' places (lay) */
	struct gk_pdf_layout lay;
	int title_left;		/* lines of the title block still to read */
	int title_page, title_y1;	/* where the title block ended */
	int page;		/* the page being read, 1-based */
	int tables;		/* tables found so far */
	int skipped;		/* lines of running text not read */
};

static void
cont_clear(struct ocr_cont *c)
{
	gk_held_clear(&c->held);
}

/*
 * Hold a cell (col >= 0) or a para of the held table; text is taken.
 * Past GK_MAX_CELLS the document fails, as the sink would.
 */
static int
held_add(struct gk_held *h, struct gk_sink *sink, int row, int col,
    int rowspan, int colspan, char *text)
{
	enum gk_err e;

	if ((e = gk_held_add(h, sink->page, row, col, rowspan, colspan,
	    text)) == GK_E_OK)
		return 0;
	free(text);
	return e == GK_E_TOO_MANY ? gk_sink_fail(sink, e, "a table of more "
	    "than %d cells", GK_MAX_CELLS) : gk_sink_fail(sink, e, "no memory "
	    "for a table");
}

/* A para: held after the held table, else written. */
static int
put_para(struct ocr_cont *c, struct gk_sink *sink, const char *text)
{
	char *s;

	if (!c->held.on)
		return gk_sink_para(sink, text);
	if ((s = strdup(text)) == NULL)
		return gk_sink_fail(sink, GK_E_NOMEM, "no memory for a para");
	return held_add(&c->held, sink, 0, -1, 0, 0, s);
}

/*
 * OCR a band of running text; each line becomes a para.  A line longer
 * than a page number closes the table in c.
 */
static int
text_band(TessBaseAPI *api, const struct ocr_img *img, int dpi, int y0, int y1,
    struct gk_sink *sink, struct ocr_cont *c)
{
	char *t, *line, *next;

	if (y1 - y0 < dpi / 20)
		return 0;
	if ((t = ocr_box(api, img, dpi, 0, y0, img->w, y1, PSM_SINGLE_COLUMN,
	    1, 1, NULL)) == NULL)
		return gk_sink_fail(sink, GK_E_OCR, "Tesseract could not read "
		    "a text band");
	for (line = t; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		tidy(line);
		if (strlen(line) > 8)
			c->open = 0;
		if (*line != '\0' && put_para(c, sink, line) == -1) {
			free(t);
			return -1;
		}
	}
	free(t);
	return 0;
}

/*
 * The text lines of the band [y0,y1): runs of rows with ink, at least
 * dpi/30 rows high (what is left is specks).  A gap of up to dpi/40 rows
 * is bridged when the run on either side of it is under dpi/15 rows high,
 * a part of a line (the dot over 主, the strokes of 二 alone, a 、): two
 * runs that are each a line's height stay two lines however close, as the
 * lines of a paragraph set solid are (3 rows apart at 200 dpi; bridged,
 * a paragraph of seven lines was read as its last two).  Fills at most
 * max lines; returns how many.
 */
static int
text_lines(const struct ocr_img *img, int dpi, int y0, int y1, int *ly0,
    int *ly1, int max)
{
	int y, n = 0, start = -1, gap = dpi / 40 + 1, part = dpi / 15;
	int c0 = -1, c1 = -1;	/* the line being built, [c0,c1) */

	for (y = y0; y <= y1; y++) {
		int ink = y < y1 && ocr_ink(img, 0, y, img->w, y + 1) >= 2;

		if (ink) {
			if (start < 0)
				start = y;
			continue;
		}
		if (start < 0)
			continue;
		/* a run [start,y): on the line being built, or a new one */
		if (c0 >= 0 && start - c1 <= gap && (c1 - c0 < part ||
		    y - start < part))
			c1 = y;
		else {
			if (c0 >= 0 && c1 - c0 >= dpi / 30) {
				if (n == max)
					return n;
				ly0[n] = c0;
				ly1[n++] = c1;
			}
			c0 = start, c1 = y;
		}
		start = -1;
	}
	if (c0 >= 0 && c1 - c0 >= dpi / 30 && n < max) {
		ly0[n] = c0;
		ly1[n++] = c1;
	}
	return n;
}

/*
 * OCR only the text the template needs.  The figures are in the tables;
 * of the running text the transform needs the title block (agency, year,
 * date: the document's first OCR_TITLE_LINES lines) and the heading or
 * caption over each table (its last OCR_CAPTION_LINES lines above it:
 * 二、主动公开政府信息情况, 统计期限 ...).  The body paragraphs, 2-3 s of
 * CPU on a page of them, are not read; two or more lines skipped between
 * two tables close a table running over the page break.  A document with
 * no table at all is read again, every line (gk_ocr_pdf): its figures may
 * be in the text.
 */
#define OCR_TITLE_LINES		5
#define OCR_CAPTION_LINES	2
#define OCR_MAX_LINES		512
static int
text_read(TessBaseAPI *api, const struct ocr_img *img, int dpi, int y0,
    int y1, int above_table, struct gk_sink *sink, struct ocr_cont *c)
{
	int ly0[OCR_MAX_LINES], ly1[OCR_MAX_LINES], n, k = 0, from;
	int m = dpi / 50 + 1;

	if (c->all_text) {
		/* the title block was read on the first pass */
		if (c->page == c->title_page && y0 < c->title_y1)
			y0 = c->title_y1;
		return y1 > y0 ? text_band(api, img, dpi, y0, y1, sink, c) : 0;
	}
	if ((n = text_lines(img, dpi, y0, y1, ly0, ly1, OCR_MAX_LINES)) == 0)
		return 0;
	if (c->title_left > 0) {
		k = n < c->title_left ? n : c->title_left;
		c->title_left -= k;
		c->title_page = c->page;
		c->title_y1 = k < n ? ly1[k - 1] + m : y1;
		if (text_band(api, img, dpi, y0, c->title_y1, sink, c) == -1)
			return -1;
	}
	from = above_table && n - OCR_CAPTION_LINES > k ?
	    n - OCR_CAPTION_LINES : above_table ? k : n;
	if (from - k >= 2)
		c->open = 0;
	c->skipped += from - k;
	if (from < n && text_band(api, img, dpi, ly0[from] - m > y0 ?
	    ly0[from] - m : y0, y1, sink, c) == -1)
		return -1;
	return 0;
}


static int
is_number(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (strchr("0123456789.,-%", *s) == NULL)
			return 0;
	return 1;
}

/*
 * Is the paper of img grey (scanner noise, JPEG), not white?  Then more
 * than a quarter of its light pixels (OCR_WHITE and up) are not pure
 * white, and ocr_box makes them white.  On a bilevel scan, or a clean
 * render, the paper is 255 and only the edges of the glyphs are grey:
 * whitening them thins the strokes (a bilevel 150 dpi scan: 176 values
 * right, 162 with).  On the matrix's scans the share is 0-11% on white
 * paper (bilevel, clean, JPEG q75 of a clean page), 69-98% on grey, and
 * 48-51% on white paper under fine noise, where half a report's pages
 * fell short of a half and kept their noise (33 read 353).
 */

static int
paper_is_grey(const struct ocr_img *img)
{
	long light = 0, grey = 0;
	int x, y;

	for (y = 0; y < img->h; y += 4)
		for (x = 0; x < img->w; x += 4) {
			int v = img->p[(size_t)y * img->stride + x];

			light += v >= OCR_WHITE;
			grey += v >= OCR_WHITE && v < 255;
		}
	return grey * 4 > light;
}

/* CPU seconds of the process, for the verbose log's cost of a page. */
static double
cpu_now(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == -1)
		return 0;
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Where a page's CPU goes (the verbose log). */
struct ocr_cost {
	double deskew, grid, cells, text, digit_s;
	int ncells, digits;
};

static struct ocr_cost cost;

/* Missing-glyph boxes read in the document (note missing_glyphs): its
 * figures may be drawn in a font without digits and be on no page. */
static long missing_seen;

/* Only digits (a figure of the digit recogniser's). */
static int
is_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/*
 * A cell is read by the digit recogniser first, when its main line of ink
 * (ocr_main_line: a speck above or below left out) is at least dpi/24
 * high (a lone 一 is flatter) and one line at most; that line is scaled to
 * a fixed height (ocr_figure_scale).  It takes a figure when it reads
 * nothing but digits (look-alikes fixed) with a mean confidence of
 * OCR_DIGITS_CONF.  Measured on the seeds' scans (1,140 cells): 695 of the
 * 725 figures both recognisers read alike come at 80 or more, labels at 46
 * or less; where the two differ above 60, chi_sim was wrong (工 D 人 for
 * 1 0 0).  Anything else is read by chi_sim (read_label): under 300 dpi
 * at twice the size, which reads the small labels better ((七)总计
 * instead of (七j总计), and at the page's size where that reading may be
 * a figure (at twice the size 719 came out as 7Z19).
 */
#define OCR_DIGITS_CONF	60

/*
 * A cell's text over all its lines (ocr_ink_lines): a figure wrapped in a
 * column a figure wide (415 printed 41 / 5, 194 as 1 / 9 / 4), a header
 * set one character a line (自 / 然 / 人).  Its lines are laid side by
 * side, in reading order, each centred on one line's height, with
 * OCR_STRIP_GAP (a quarter of the tallest line: a character's spacing, less
 * than a word space) between them, and the strip is read as one line.
 * Read as the cell's block instead, the digit recogniser took the main
 * line alone (41, 1) and chi_sim read the narrow headers as 自人, 具他.
 * A figure: the strip read by the digit recogniser, or, when that is
 * unsure, each line alone (lines_digits: 7 / 1 under noise came at 95
 * and 96 alone, 71 at 52 as a strip).  A label: chi_sim reads the strip
 * and the cell's block, and the reading of the higher mean confidence is
 * kept (the strip alone read some wrapped labels worse than the block,
 * 规范性文件（有… as 规范性文件“有…, and cost a 300 dpi bilevel scan 11
 * values).  The 51 scans of the matrix: 7,871/8,967 values (892 false
 * checks) before, 8,067 (715) with the figures so, 8,266 (519) with the
 * labels too; no file lost a value.
 * OCR_CELL_LINES: a cell of more lines than this is running text, read as
 * a block.  A line flatter than OCR_LINE_MIN (dpi/24, what the main line
 * of a figure must be) or with less ink than OCR_LINE_INK (dpi/25, the
 * speck bound of ocr_box) is no line of a figure.
 */
#define OCR_CELL_LINES		8
#define OCR_STRIP_GAP(h)	((h) / 4 + 1)
#define OCR_LINE_MIN(dpi)	((dpi) / 24)
#define OCR_LINE_INK(dpi)	((dpi) / 25)
#define OCR_LINE_MAX(dpi)	((dpi) * 14 / 72)

/*
 * The n lines v of img side by side into strip (a malloc'd image; free
 * strip->p).  Returns -1 when memory ran out.
 */
static int
line_strip(const struct ocr_img *img, const struct ocr_line *v, int n,
    struct ocr_img *strip)
{
	int i, x, y, w = 0, h = 0, gap, at;

	for (i = 0; i < n; i++) {
		w += v[i].x1 - v[i].x0 + 1;
		if (v[i].y1 - v[i].y0 + 1 > h)
			h = v[i].y1 - v[i].y0 + 1;
	}
	gap = OCR_STRIP_GAP(h);
	w += (n - 1) * gap;
	if ((strip->p = malloc((size_t)w * h)) == NULL)
		return -1;
	memset(strip->p, 255, (size_t)w * h);
	strip->w = strip->stride = w, strip->h = h;
	for (i = 0, at = 0; i < n; i++) {
		int lw = v[i].x1 - v[i].x0 + 1, lh = v[i].y1 - v[i].y0 + 1;
		int top = (h - lh) / 2;

		for (y = 0; y < lh; y++)
			for (x = 0; x < lw; x++)
				strip->p[(size_t)(top + y) * w + at + x] =
				    img->p[(size_t)(v[i].y0 + y) * img->stride +
				    v[i].x0 + x];
		at += lw + gap;
	}
	return 0;
}

/*
 * The lines of cell c that are lines of text (OCR_LINE_MIN high, OCR_LINE_INK
 * of ink), into v; how many, or -1 when the cell is no stack of such lines
 * (more than OCR_CELL_LINES, or one taller than a line: a block).
 */
static int
text_lines_of(const struct ocr_img *img, int dpi, const struct ocr_cell *c,
    struct ocr_line *v)
{
	int n, i, k = 0;

	n = ocr_ink_lines(img, dpi, c->x0, c->y0, c->x1, c->y1, v,
	    OCR_CELL_LINES);
	if (n > OCR_CELL_LINES)
		return -1;
	for (i = 0; i < n; i++) {
		int lh = v[i].y1 - v[i].y0 + 1;

		if (lh > OCR_LINE_MAX(dpi))
			return -1;
		if (lh >= OCR_LINE_MIN(dpi) && v[i].ink >= OCR_LINE_INK(dpi))
			v[k++] = v[i];
	}
	return k;
}

/* Remove the spaces of s (a figure read over its lines). */
static void
drop_spaces(char *s)
{
	char *w = s;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*w++ = *s;
	*w = '\0';
}

/* The box of im read by api as one line at scale times its size. */
static char *
read_at(TessBaseAPI *api, const struct ocr_img *im, int dpi, int x0, int y0,
    int x1, int y1, int scale, int *conf)
{
	char *s = ocr_box(api, im, dpi, x0, y0, x1, y1, PSM_SINGLE_LINE, 0,
	    scale, conf);

	if (s != NULL)
		ocr_fix_number(s);
	return s;
}

/*
 * A label in the box of im, conf the mean confidence of the reading kept.
 * Under 300 dpi a label is read at twice its size (the strokes of small
 * ideographs), once: a reading with an ideograph and more is the label.
 * One without, or a lone character, may be a figure the digit recogniser
 * left, which reads better at
 * the page's size (twice the size gave 51 as D1 and 0 as "0,"): read
 * again so, and kept when it is a number.  Read at both sizes every time,
 * the labels were a third of a scanned page's CPU.
 */
static char *
read_label(TessBaseAPI *api, const struct ocr_img *im, int dpi, int x0,
    int y0, int x1, int y1, int *conf)
{
	char *s, *one;
	const char *p;
	unsigned c;
	int han = 0, n = 0, c1 = 0;

	if (dpi >= 300 || ocr_ink(im, x0, y0, x1, y1) < dpi / 25)
		return read_at(api, im, dpi, x0, y0, x1, y1, 1, conf);
	if ((s = read_at(api, im, dpi, x0, y0, x1, y1, 2, conf)) == NULL)
		return NULL;
	if (*s == '\0') {
		/*
		 * ink, and nothing read as a line: as a word (chi_sim gave
		 * nothing at 1x, 1.5x, 2x and 3x as a line for a lone 件 of a
		 * 150 dpi bilevel scan, 24 x 23 pixels of ink; 件 as a word)
		 */
		free(s);
		if ((s = ocr_box(api, im, dpi, x0, y0, x1, y1,
		    PSM_SINGLE_WORD, 0, 2, conf)) == NULL)
			return NULL;
		ocr_fix_number(s);
	}
	for (p = s; (c = zh_next(&p)) != 0; n++)
		han |= zh_is_han(c);
	if (han && n > 1)
		return s;
	/*
	 * no ideograph, or one alone (a 0 at twice its size came back as 站):
	 * maybe a figure the digit recogniser left, read as it is
	 */
	if ((one = read_at(api, im, dpi, x0, y0, x1, y1, 1, &c1)) == NULL) {
		free(s);
		return NULL;
	}
	if (is_number(one)) {
		free(s);
		*conf = c1;
		return one;
	}
	free(one);
	return s;
}

/*
 * Each of the n lines v read alone by the digit recogniser: their figures
 * joined when every line is digits (a point or a group's comma among
 * them: 3,1 / 48) at OCR_DIGITS_CONF and the join is a figure
 * (ocr_is_figure), else "".  NULL when memory ran out.
 */
static char *
lines_digits(const struct ocr_img *img, int dpi, const struct ocr_line *v,
    int n)
{
	char out[256], *s;
	size_t len = 0;
	int i, conf;

	for (i = 0; i < n; i++) {
		s = ocr_box(tess_digits, img, dpi, v[i].x0, v[i].y0, v[i].x1 + 1,
		    v[i].y1 + 1, PSM_SINGLE_LINE, 0,
		    ocr_figure_scale(v[i].y1 - v[i].y0 + 1), &conf);
		if (s == NULL)
			return NULL;
		drop_spaces(s);
		ocr_fix_number(s);
		if (*s == '\0' || s[strspn(s, "0123456789.,")] != '\0' ||
		    conf < OCR_DIGITS_CONF || len + strlen(s) >= sizeof(out)) {
			free(s);
			return strdup("");
		}
		memcpy(out + len, s, strlen(s));
		len += strlen(s);
		free(s);
	}
	out[len] = '\0';
	return strdup(ocr_is_figure(out) ? out : "");
}

/*
 * A line of missing-glyph boxes (ocr_missing_glyphs) is n characters the
 * page does not show: U+FFFD each, as a text layer gives a glyph it cannot
 * map, so that the cell is text that is no number, never a 0.
 */
#define MISSING_MAX	32

static int
missing_glyphs(int n, char **out)
{
	static const char fffd[] = "\xef\xbf\xbd";
	size_t k = sizeof(fffd) - 1;
	int i;

	missing_seen += n;
	if (n > MISSING_MAX)
		n = MISSING_MAX;
	if ((*out = malloc((size_t)n * k + 1)) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		memcpy(*out + (size_t)i * k, fffd, k);
	(*out)[(size_t)n * k] = '\0';
	return 0;
}

/*
 * A digit is narrower than it is high; an ideograph is square.  On a 150
 * dpi bilevel scan of a 统计表 the digit recogniser read lone units of the
 * 单位 column (件, 条) as 4 at confidences up to 80, and their units were
 * lost; their ink was 23-25 x 23 pixels (100-108%), that of the digits 0
 * to 9 12-16 x 18 (67-89%, 4 the widest).  One digit whose ink is more
 * than OCR_DIGIT_WIDE percent as wide as high is not taken.
 */
#define OCR_DIGIT_WIDE	95

/*
 * The figure in box [x0,x1)x[y0,y1) by the digit recogniser: *s its digits
 * (malloc'd), or NULL when it is no figure by the rules above.  -1 when
 * Tesseract failed.
 */
static int
read_figure(const struct ocr_img *img, int dpi, int x0, int y0, int x1,
    int y1, char **out)
{
	int bx0, by0, bx1, by1, conf = 0, boxes;
	char *s;
	double t0;

	*out = NULL;
	if (ocr_main_line(img, dpi, x0, y0, x1, y1, &bx0, &by0, &bx1,
	    &by1) != 0 || by1 - by0 + 1 < OCR_LINE_MIN(dpi) ||
	    by1 - by0 + 1 > OCR_LINE_MAX(dpi) ||
	    ocr_figure_long(bx1 - bx0 + 1, by1 - by0 + 1))
		return 0;
	if ((boxes = ocr_missing_glyphs(img, bx0, by0, bx1, by1)) > 0)
		return missing_glyphs(boxes, out);
	if (ocr_figure_busy(img, bx0, by0, bx1, by1))
		return 0;	/* the strokes of writing */
	t0 = cpu_now();
	s = ocr_box(tess_digits, img, dpi, bx0, by0, bx1 + 1, by1 + 1,
	    PSM_SINGLE_LINE, 0, ocr_figure_scale(by1 - by0 + 1), &conf);
	cost.digit_s += cpu_now() - t0;
	if (s == NULL)
		return -1;
	ocr_fix_number(s);
	if (strlen(s) == 1 && (bx1 - bx0 + 1) * 100 > (by1 - by0 + 1) *
	    OCR_DIGIT_WIDE)
		s[0] = '\0';	/* as wide as high: an ideograph, no digit */
	if (ocr_is_figure(s) && conf >= OCR_DIGITS_CONF) {
		cost.digits++;
		*out = s;
		if (ocr_leading_dash(img, bx0, by0, bx1, by1)) {
			size_t n = strlen(s);
			char *m = malloc(n + 2);

			if (m == NULL) {
				free(s);
				*out = NULL;
				return -1;
			}
			m[0] = '-';
			memcpy(m + 1, s, n + 1);
			free(s);
			*out = m;
		}
	} else
		free(s);
	return 0;
}

/*
 * A label some of whose characters are missing-glyph boxes
 * (ocr_glyph_boxes): chi_sim reads a box as 因, 罗, 凶 or 多, a character
 * the label does not have, and a row of the form is lost by its label.
 * The pieces of the label between the boxes are read alone and each box
 * is U+FFFD, a character the page does not show, which the transform
 * matches to any one.  1 with the label in *out (malloc'd), 0 when the
 * line has no box, -1 when memory ran out or Tesseract failed.
 */
#define LABEL_BOXES	32

static int
label_with_boxes(TessBaseAPI *api, const struct ocr_img *img, int dpi,
    int x0, int y0, int x1, int y1, char **out)
{
	static const char fffd[] = "\xef\xbf\xbd";
	int bx[2 * LABEL_BOXES], n, i, at = x0, conf;
	size_t len = 0, cap = 64;
	char *buf, *piece, *p;

	if ((n = ocr_glyph_boxes(img, x0, y0, x1 - 1, y1 - 1, bx,
	    LABEL_BOXES)) == 0)
		return 0;
	missing_seen += n;
	if ((buf = malloc(cap)) == NULL)
		return -1;
	for (i = 0; i <= n; i++) {
		int end = i < n ? bx[2 * i] : x1;
		size_t k;

		piece = NULL;
		if (end > at && ocr_ink(img, at, y0, end, y1) >= dpi / 25 &&
		    (piece = read_label(api, img, dpi, at, y0, end, y1,
		    &conf)) == NULL) {
			free(buf);
			return -1;
		}
		k = (piece != NULL ? strlen(piece) : 0) + sizeof(fffd);
		if (len + k + 1 > cap) {
			while (len + k + 1 > cap)
				cap *= 2;
			if ((p = realloc(buf, cap)) == NULL) {
				free(piece);
				free(buf);
				return -1;
			}
			buf = p;
		}
		if (piece != NULL) {
			memcpy(buf + len, piece, strlen(piece));
			len += strlen(piece);
			free(piece);
		}
		if (i < n) {
			memcpy(buf + len, fffd, sizeof(fffd) - 1);
			len += sizeof(fffd) - 1;
			at = bx[2 * i + 1] + 1;
		}
	}
	buf[len] = '\0';
	/* a bracket read alone (《 in one piece, its ) in the next) */
	fix_brackets(buf);
	*out = buf;
	return 1;
}

/*
 * A label over several lines is read twice, as the strip of its lines side
 * by side and as the block it is, and the surer reading kept: each is
 * sometimes right where the other is not (总计 read 六.LA计 as a block,
 * 社会公益组织 社会公蔓组织 as a strip).  A strip read at OCR_STACK_SURE
 * or more is kept unread as a block: on two sample scans 43 of the 74
 * stacked labels, none of them with a surer and other block reading; the
 * block readings were a seventh of the pages' CPU.  A strip whose
 * brackets or quotes do not pair (规范性文件“有规范性文件登记号), its （
 * read as “) is no sure reading: the block is read too.
 */
#define OCR_STACK_SURE	88

static char *
read_cell(TessBaseAPI *api, const struct ocr_img *img, int dpi,
    const struct ocr_cell *c)
{
	int conf = 0, nl, cs = 0, cb = 0, r;
	struct ocr_line v[OCR_CELL_LINES];
	struct ocr_img strip = { NULL, 0, 0, 0 };
	char *s, *b;
	double t0 = cpu_now();

	if ((nl = text_lines_of(img, dpi, c, v)) > 1) {
		/* a stack of lines: its figure over all of them */
		if (line_strip(img, v, nl, &strip) == -1)
			return NULL;
		if (ocr_figure_busy(&strip, 0, 0, strip.w - 1, strip.h - 1))
			s = strdup("");	/* the strokes of writing */
		else if ((s = ocr_box(tess_digits, &strip, dpi, 0, 0, strip.w,
		    strip.h, PSM_SINGLE_LINE, 0, ocr_figure_scale(strip.h),
		    &conf)) != NULL) {
			drop_spaces(s);
			ocr_fix_number(s);
			if (!is_digits(s) || conf < OCR_DIGITS_CONF) {
				free(s);
				s = lines_digits(img, dpi, v, nl);
			}
		}
		cost.digit_s += cpu_now() - t0;
		if (s == NULL)
			goto nomem;
		if (*s != '\0') {
			cost.digits++;
			free(strip.p);
			return s;
		}
		free(s);
		/* a label: with missing-glyph boxes, the strip read round
		 * them; else the strip's reading or the block's, the surer */
		if ((r = label_with_boxes(api, &strip, dpi, 0, 0, strip.w,
		    strip.h, &s)) != 0) {
			free(strip.p);
			return r == 1 ? ocr_fix_numbering(s) : NULL;
		}
		s = read_label(api, &strip, dpi, 0, 0, strip.w, strip.h, &cs);
		free(strip.p);
		if (s == NULL)
			return NULL;
		if (cs >= OCR_STACK_SURE && ocr_paired(s))
			return ocr_fix_numbering(s);
		if ((b = read_label(api, img, dpi, c->x0, c->y0, c->x1, c->y1,
		    &cb)) == NULL) {
			free(s);
			return NULL;
		}
		if (cb > cs) {
			free(s);
			s = b;
		} else
			free(b);
		return ocr_fix_numbering(s);
	}
	if (read_figure(img, dpi, c->x0, c->y0, c->x1, c->y1, &s) == -1)
		return NULL;
	if (s != NULL)
		return s;
	if ((r = label_with_boxes(api, img, dpi, c->x0, c->y0, c->x1, c->y1,
	    &s)) != 0)
		return r == 1 ? ocr_fix_numbering(s) : NULL;
	if ((s = read_label(api, img, dpi, c->x0, c->y0, c->x1, c->y1,
	    &cb)) == NULL)
		return NULL;
	return ocr_fix_numbering(s);
nomem:
	free(strip.p);
	return NULL;
}


/*
 * A page scanned askew (up to 2 degrees from an office scanner) turns every
 * ruling line into a staircase: no run of it is both long and thin, and the
 * grid finds no table (0.5 degrees cost a page 146 of its 200 values).
 * Leptonica finds the skew from the ink's row profiles (a sweep of +-7
 * degrees, then a binary search to 0.01 degree, on the page thresholded
 * at 130) and turns the page back, area-mapped, white brought in at the
 * corners; the page keeps its size.  Under 0.1 degree, or with too little
 * text to tell (confidence < 3), the page is left as it is.  Returns the
 * angle turned, 0 when none; when Leptonica fails (no memory) the page is
 * read as it is.
 */
/*
 * Under Leptonica's confidence of 3 the page is not turned; then the skew
 * is looked for again with every pixel under DESKEW_RULE_INK as ink (130
 * at first): a table page has little text, and the 1-pixel rules of a
 * word processor's HTML table, scanned askew, are lighter than 130 (the
 * table pages of two such reports, 1.5 and 2 degrees askew: confidence
 * 1.6-2.9 at 130, 28-39 at 220, the angles within 0.05 degree).
 */
#define DESKEW_MIN_CONF	3.0f
#define DESKEW_RULE_INK	220

static float
deskew(struct ocr_img *img)
{
	PIX *pix, *d;
	l_uint8 **rows;
	l_int32 w, h;
	l_float32 angle = 0, conf = 0;
	int y;

	if ((pix = tl->pixCreate(img->w, img->h, 8)) == NULL)
		return 0;
	/* Leptonica keeps bytes in 32-bit words; this gives them in order. */
	if ((rows = tl->pixSetupByteProcessing(pix, &w, &h)) == NULL) {
		tl->pixDestroy(&pix);
		return 0;
	}
	for (y = 0; y < img->h; y++)
		memcpy(rows[y], img->p + (size_t)y * img->stride,
		    (size_t)img->w);
	tl->pixCleanupByteProcessing(pix, rows);
	d = tl->pixDeskewGeneral(pix, 0, 0.0f, 0.0f, 0, 0, &angle, &conf);
	if (d == pix && conf < DESKEW_MIN_CONF) {
		/* too little text to tell: the rules may tell */
		tl->pixDestroy(&d);
		d = tl->pixDeskewGeneral(pix, 0, 0.0f, 0.0f, 0,
		    DESKEW_RULE_INK, &angle, &conf);
	}
	if (d == NULL || d == pix || tl->pixGetDepth(d) != 8 ||
	    tl->pixGetWidth(d) != img->w || tl->pixGetHeight(d) != img->h ||
	    (rows = tl->pixSetupByteProcessing(d, &w, &h)) == NULL) {
		angle = 0;	/* not turned (a clone of pix), or no memory */
	} else {
		for (y = 0; y < img->h; y++)
			memcpy(img->p + (size_t)y * img->stride, rows[y],
			    (size_t)img->w);
		tl->pixCleanupByteProcessing(d, rows);
	}
	if (d != NULL)
		tl->pixDestroy(&d);
	tl->pixDestroy(&pix);
	return angle;
}

/*
 * Table t of the page begins (first: the page's first).  It goes on from
 * the held table when that was the last thing of substance and the grids
 * fit (the block comment over OCR_HELD_LINES); then the held cells take
 * the union's columns, and t's cells get theirs from cont->map.  Else the
 * held table is written and t is held instead.
 */
static int
table_begin(struct ocr_cont *cont, struct gk_sink *sink, int first, int dpi,
    const struct ocr_table *t)
{
	struct gk_held *h = &cont->held;
	int u[OCR_HELD_LINES], amap[OCR_HELD_LINES], nu = -1, i;

	if (t->cols > GK_MAX_TABLE_COLS)
		return gk_sink_fail(sink, GK_E_TOO_MANY, "table %d has more "
		    "than %d columns", sink->tables + 1, GK_MAX_TABLE_COLS);
	cont->part0 = h->n;
	if (first && cont->open && h->on)
		nu = ocr_grid_join(dpi, cont->xs, cont->nx, t->xs, t->cols + 1, u,
		    OCR_HELD_LINES, amap, cont->map);
	if (nu >= 0) {
		/* the held part's columns, on the union */
		gk_held_renumber(h, amap);
		memcpy(cont->xs, u, (size_t)nu * sizeof(*u));
		cont->nx = nu;
		cont->first = h->rows;
		return 0;
	}
	if (nu == -1 && first && cont->open && h->on && cont->nx == t->cols + 1) {
		/* as many columns, not at the same places: by number */
		for (i = 0; i <= t->cols; i++)
			cont->map[i] = i;
		cont->first = h->rows;
		return 0;
	}
	if (gk_held_flush(h, sink) < 0)
		return -1;
	cont->first = 0;
	cont->part0 = 0;
	h->on = 1;
	cont->nx = t->cols + 1;
	memcpy(cont->xs, t->xs, (size_t)cont->nx * sizeof(*cont->xs));
	for (i = 0; i < cont->nx; i++)
		cont->map[i] = i;
	return 0;
}

/* Cell c of the table begun, read as s (taken): held on the union. */
static int
table_cell(struct ocr_cont *cont, struct gk_sink *sink,
    const struct ocr_cell *c, char *s)
{
	int col = cont->map[c->col];

	return held_add(&cont->held, sink, cont->first + c->row, col,
	    c->rowspan, cont->map[c->col + c->colspan] - col, s);
}

/* The held cell on the row before the part that e begins under, or NULL. */
static struct gk_held_item *
cell_above(struct ocr_cont *cont, const struct gk_held_item *e)
{
	size_t k;

	for (k = cont->part0; k-- > 0;) {
		struct gk_held_item *o = &cont->held.v[k];

		if (o->col >= 0 && o->row + o->rowspan == cont->first &&
		    e->col >= o->col && e->col < o->col + o->colspan)
			return o;
	}
	return NULL;
}

/*
 * The table begun has all its cells, rows rows.  When it goes on from a
 * page before, its first row is either the rest of a row the break cut
 * (nothing but figures, each under a blank cell of the last row before
 * the break, or nothing at all: the cut row's cells are filled from it and
 * the row goes), or a row of its own.  Then a blank cell of it under a
 * label the break cut (（四）无法提供 with its rowspan) gets that label's
 * text again, so that the transform still knows the row's group.
 */
static int
table_end(struct ocr_cont *cont, struct gk_sink *sink, int rows)
{
	struct gk_held *h = &cont->held;
	size_t k, end = cont->part0, w;
	int cut = 1;

	h->rows = cont->first + rows;
	if (cont->first == 0)
		return 0;
	while (end < h->n && h->v[end].col >= 0 &&
	    h->v[end].row == cont->first)
		end++;
	for (k = cont->part0; k < end && cut; k++) {
		struct gk_held_item *e = &h->v[k], *o;

		if (e->rowspan > 1)
			cut = 0;
		else if (*e->text != '\0')
			cut = is_number(e->text) &&
			    (o = cell_above(cont, e)) != NULL && *o->text == '\0';
	}
	if (cut) {
		for (k = cont->part0; k < end; k++) {
			struct gk_held_item *e = &h->v[k], *o = cell_above(cont, e);

			if (*e->text != '\0' && o != NULL) {
				free(o->text);
				o->text = e->text;
				e->text = NULL;
			}
			free(e->text);
		}
		for (w = cont->part0, k = end; k < h->n; k++, w++) {
			h->v[w] = h->v[k];
			if (h->v[w].col >= 0)
				h->v[w].row--;
		}
		h->n = w;
		h->rows--;
		return 0;
	}
	for (k = cont->part0; k < end; k++) {
		struct gk_held_item *e = &h->v[k], *o = cell_above(cont, e);
		char *l;

		if (*e->text != '\0' || o == NULL || is_number(o->text))
			continue;
		if ((l = strdup(o->text)) == NULL)
			return gk_sink_fail(sink, GK_E_NOMEM, "no memory for "
			    "a cell");
		free(e->text);
		e->text = l;
	}
	return 0;
}

/*
 * A document with no ruled table, read again (cont->all_text): each page
 * cut into boxes of text by its blank gaps (ocr_page_boxes), each box read
 * as a table cell is (read_cell: the digit recogniser first), and the
 * boxes laid out as a PDF's text layer is (a table printed without rules
 * is found from where its text stands).  The title block the first pass
 * wrote is left out.
 */
/*
 * Narrow box i before box j on its line (ocr_tbox_joins): when it is one
 * line, no figure, and the two read together start with a numbering
 * (一、本年新收…) or are a figure with its minus sign (- 2248), j takes i
 * and that text: 1.  0: i is read by itself (its text set, or NULL for a
 * stack of lines, left to read_cell).  -1: Tesseract failed.
 */
static int
join_numbering(TessBaseAPI *api, const struct ocr_img *img, int dpi,
    struct ocr_tboxes *b, size_t i, size_t j)
{
	struct ocr_tbox *o = &b->v[i], *n = &b->v[j];
	struct ocr_line v[OCR_CELL_LINES];
	struct zh_numbering num;
	struct ocr_cell c;
	char *s;
	int conf;

	memset(&c, 0, sizeof(c));
	c.x0 = o->x0, c.y0 = o->y0, c.x1 = o->x1, c.y1 = o->y1;
	if (text_lines_of(img, dpi, &c, v) > 1)
		return 0;	/* a stack of lines: read_cell's */
	if (read_figure(img, dpi, o->x0, o->y0, o->x1, o->y1, &s) == -1)
		return -1;
	if (s != NULL) {
		o->text = s;	/* a figure */
		return 0;
	}
	c.x1 = n->x1;
	c.y0 = o->y0 < n->y0 ? o->y0 : n->y0;
	c.y1 = o->y1 > n->y1 ? o->y1 : n->y1;
	if ((s = read_cell(api, img, dpi, &c)) == NULL)
		return -1;
	if (zh_numbering(s, &num) || (s[0] == '-' && is_number(s + 1))) {
		ocr_tbox_join(b, i, j);
		n->text = s;
		return 1;
	}
	free(s);
	/* no figure (asked above): i by itself, as a label */
	if ((s = read_label(api, img, dpi, o->x0, o->y0, o->x1, o->y1,
	    &conf)) == NULL)
		return -1;
	o->text = ocr_fix_numbering(s);
	return 0;
}

static int
page_boxes(TessBaseAPI *api, struct ocr_img *img, int dpi,
    struct gk_sink *sink, struct ocr_cont *cont)
{
	struct ocr_tboxes b;
	struct gk_pdf_page pg;
	size_t i;
	long j;
	int rc;

	if (ocr_page_boxes(img, dpi, &b) == -1)
		return gk_sink_fail(sink, GK_E_NOMEM, "page %d: no memory for "
		    "its boxes of text", cont->page);
	for (i = 0; i < b.n; i++) {
		struct ocr_tbox *o = &b.v[i];
		struct ocr_cell c;

		if (cont->page == cont->title_page && o->y1 <= cont->title_y1)
			continue;
		if (o->x1 <= o->x0)
			continue;	/* joined to the next */
		if ((j = ocr_tbox_joins(&b, i, dpi)) >= 0 &&
		    (rc = join_numbering(api, img, dpi, &b, i, (size_t)j)) != 0) {
			if (rc == -1) {
				ocr_tboxes_free(&b);
				return gk_sink_fail(sink, GK_E_OCR, "Tesseract "
				    "could not read a box of text");
			}
			continue;	/* read with the next */
		}
		memset(&c, 0, sizeof(c));
		c.x0 = o->x0, c.y0 = o->y0, c.x1 = o->x1, c.y1 = o->y1;
		if (o->text == NULL &&
		    (o->text = read_cell(api, img, dpi, &c)) == NULL) {
			ocr_tboxes_free(&b);
			return gk_sink_fail(sink, GK_E_OCR, "Tesseract could "
			    "not read a box of text");
		}
		gk_debug("ocr: box %d,%d-%d,%d [%s]", o->x0, o->y0, o->x1,
		    o->y1, o->text);
	}
	rc = ocr_page_layer(&b, img, dpi, &pg);
	ocr_tboxes_free(&b);
	if (rc == -1)
		return gk_sink_fail(sink, GK_E_TOO_MANY, "page %d: more than "
		    "%d characters", cont->page, GK_MAX_PAGE_CHARS);
	rc = gk_pdf_layout_page(&cont->lay, &pg) == GK_E_OK ? 0 : -1;
	gk_pdf_page_free(&pg);
	return rc;
}

static int
page_ocr(TessBaseAPI *api, struct ocr_img *img, int dpi, struct gk_sink *sink,
    struct ocr_cont *cont)
{
	struct ocr_grid g;
	int i, j, y = 0;
	double t0 = cpu_now(), t1;
	float angle = deskew(img);

	t1 = cpu_now();
	cost.deskew += t1 - t0;
	if (angle != 0)
		gk_debug("ocr: page turned back %.2f degrees", (double)angle);
	if (ocr_grid_find(img, dpi, &g) == -1)
		return gk_sink_fail(sink, GK_E_NOMEM, "no memory for the "
		    "table grid");
	grey_paper = paper_is_grey(img);
	/* after the grid: the ends of erased rules are specks too */
	if (ocr_despeckle(img, dpi) == -1) {
		ocr_grid_free(&g);
		return gk_sink_fail(sink, GK_E_NOMEM, "no memory to clean "
		    "the page");
	}
	t0 = cpu_now();
	cost.grid += t0 - t1;
	if (cont->all_text) {
		ocr_grid_free(&g);
		i = page_boxes(api, img, dpi, sink, cont);
		cost.text += cpu_now() - t0;
		return i;
	}
	for (i = 0; i < g.ntables; i++) {
		struct ocr_table *t = &g.tables[i];

		t0 = cpu_now();
		cont->tables++;
		if (text_read(api, img, dpi, y, t->y0, 1, sink, cont) == -1)
			goto fail;
		t1 = cpu_now();
		cost.text += t1 - t0;
		cost.ncells += t->ncells;
		if (table_begin(cont, sink, i == 0, dpi, t) == -1)
			goto fail;
		for (j = 0; j < t->ncells; j++) {
			struct ocr_cell *c = &t->cells[j];
			char *s = read_cell(api, img, dpi, c);

			if (s == NULL) {
				gk_sink_fail(sink, GK_E_OCR, "Tesseract could "
				    "not read a table cell");
				goto fail;
			}
			if (table_cell(cont, sink, c, s) == -1)
				goto fail;
		}
		if (table_end(cont, sink, t->rows) == -1)
			goto fail;
		cost.cells += cpu_now() - t1;
		if (t->y1 + 1 > y)
			y = t->y1 + 1;
		cont->open = 1;
	}
	t0 = cpu_now();
	if (text_read(api, img, dpi, y, img->h, 0, sink, cont) == -1)
		goto fail;
	cost.text += cpu_now() - t0;
	ocr_grid_free(&g);
	return 0;
fail:
	ocr_grid_free(&g);
	return -1;
}

/* Render page i grey at dpi (less for a huge page) and OCR it. */
static int
render_ocr(struct gk_pdf_doc *pd, int i, TessBaseAPI *api,
    struct gk_sink *sink, struct ocr_cont *cont)
{
	fz_context *ctx = pd->ctx;
	fz_page *page = NULL;
	fz_pixmap *pix = NULL;
	fz_device *dev = NULL;
	int dpi = OCR_DPI, rc;
	struct ocr_img img;
	fz_matrix ctm;
	fz_rect r;
	char msg[256];
	enum gk_err e;

	fz_var(page);
	fz_var(pix);
	fz_var(dev);
	fz_var(dpi);
	gk_pdf_budget_start(pd);
	fz_try(ctx) {
		page = fz_load_page(ctx, pd->doc, i);
		r = fz_bound_page(ctx, page);
		while (dpi > 50 && (double)(r.x1 - r.x0) * dpi / 72 *
		    ((r.y1 - r.y0) * dpi / 72) > OCR_MAX_PIXELS)
			dpi -= 25;
		ctm = fz_scale(dpi / 72.0f, dpi / 72.0f);
		pix = fz_new_pixmap_with_bbox(ctx, fz_device_gray(ctx),
		    fz_round_rect(fz_transform_rect(r, ctm)), NULL, 0);
		fz_clear_pixmap_with_value(ctx, pix, 0xff);
		dev = fz_new_draw_device(ctx, ctm, pix);
		/* the cookie: the budget stops a page that draws too long */
		fz_run_page(ctx, page, dev, fz_identity, &pd->cookie);
		fz_close_device(ctx, dev);
	}
	fz_always(ctx) {
		fz_drop_device(ctx, dev);
	}
	fz_catch(ctx) {
		fz_drop_pixmap(ctx, pix);
		fz_drop_page(ctx, page);
		snprintf(msg, sizeof(msg), "page %d cannot be rendered: %s",
		    i + 1, fz_caught_message(ctx));
		e = gk_pdf_failure(pd, GK_E_CORRUPT, msg, sizeof(msg));
		return gk_sink_fail(sink, e, "%s", msg);
	}
	if (pd->cookie.abort) {
		fz_drop_pixmap(ctx, pix);
		fz_drop_page(ctx, page);
		e = gk_pdf_failure(pd, GK_E_CORRUPT, msg, sizeof(msg));
		return gk_sink_fail(sink, e, "page %d: %s", i + 1,
		    e == GK_E_CORRUPT ? "rendering was stopped" : msg);
	}
	/*
	 * The page is drawn: the decoded scan MuPDF keeps in its store (a
	 * 200 dpi A4 page is 4 MB grey, 12 MB in colour) is not needed
	 * again, and the page's OCR is the run's peak of memory.
	 */
	fz_drop_page(ctx, page);
	page = NULL;
	fz_empty_store(ctx);
	img.p = fz_pixmap_samples(ctx, pix);
	img.w = fz_pixmap_width(ctx, pix);
	img.h = fz_pixmap_height(ctx, pix);
	img.stride = (int)fz_pixmap_stride(ctx, pix);
	if (fz_pixmap_components(ctx, pix) != 1 || img.w <= 0 || img.h <= 0 ||
	    (double)img.w * img.h > 2.0 * OCR_MAX_PIXELS)
		rc = gk_sink_fail(sink, GK_E_OCR, "page %d: unexpected image "
		    "%dx%d", i + 1, img.w, img.h);
	else
		rc = page_ocr(api, &img, dpi, sink, cont);
	fz_drop_pixmap(ctx, pix);
	return rc;
}

/* Read every page of pd; returns how many were read (all unless failed). */
static int
read_pages(struct gk_pdf_doc *pd, const char *id, TessBaseAPI *api,
    struct gk_sink *sink, struct ocr_cont *cont)
{
	int i;

	for (i = 0; i < pd->npages; i++) {
		gk_debug("ocr: %s: page %d of %d", id, i + 1, pd->npages);
		gk_progress_detail("%s page %d/%d (OCR)", id, i + 1,
		    pd->npages);
		gk_sink_page(sink, i + 1);
		cont->page = i + 1;
		memset(&cost, 0, sizeof(cost));
		if (render_ocr(pd, i, api, sink, cont) == -1) {
			gk_held_clear(&cont->held);
			return i;
		}
		gk_debug("ocr: %s: page %d: CPU deskew %.3f s, grid %.3f s, "
		    "%d cells %.3f s (digit recogniser %.3f s, %d taken), "
		    "text %.3f s", id, i + 1, cost.deskew, cost.grid,
		    cost.ncells, cost.cells, cost.digit_s, cost.digits,
		    cost.text);
	}
	return gk_held_flush(&cont->held, sink) < 0 ? 0 : i;
}

enum gk_err
gk_ocr_pdf(struct gk_pdf_doc *pd, const char *id, struct gk_sink *sink)
{
	TessBaseAPI *api = tess;
	struct ocr_cont cont;
	int i;
	char msg[32];

	memset(&cont, 0, sizeof(cont));
	cont.title_left = OCR_TITLE_LINES;
	missing_seen = 0;
	if (tess_get() == -1) {
		gk_sink_fail(sink, GK_E_OCR, "%s", tess_why);
		return GK_E_OCR;
	}
	api = tess;
	if ((i = read_pages(pd, id, api, sink, &cont)) == pd->npages &&
	    cont.tables == 0 && cont.skipped > 0) {
		/* no table: the figures may be in the text */
		gk_debug("ocr: %s: no table: every line read", id);
		cont.all_text = 1;
		gk_pdf_layout_init(&cont.lay, sink);
		i = read_pages(pd, id, api, sink, &cont);
		if (i == pd->npages && gk_pdf_layout_finish(&cont.lay) !=
		    GK_E_OK)
			i = 0;
		gk_pdf_layout_free(&cont.lay);
	}
	cont_clear(&cont);
	if (i < pd->npages)
		return sink->err != GK_E_OK ? sink->err : GK_E_OCR;
	snprintf(msg, sizeof(msg), "%d", pd->npages);
	if (gk_sink_note(sink, "ocr", msg) == -1)
		return sink->err;
	snprintf(msg, sizeof(msg), "%ld", missing_seen);
	if (missing_seen > 0 && gk_sink_note(sink, "missing_glyphs", msg) == -1)
		return sink->err;
	return GK_E_OK;
}
