/*
 * ocr_grid.c: ruling lines on a page image -> tables of grid cells.
 * See ocr_grid.h.  Lengths scale with the resolution; the constants below are
 * for the rules word processors draw round table cells (0.5-1.5 pt), scanned or
 * rendered at 150-300 dpi.
 */
#include <stdlib.h>
#include <string.h>

#include "ocr_grid.h"

#define DARK		170	/* a pixel below this is ink */
/*
 * A pixel below this may be part of a rule.  A 1-pixel rule of a bilevel
 * 150 dpi scan, rendered at 200 dpi and turned back by the deskew's
 * area-mapped rotation, comes out grey, much of it lighter than DARK: at
 * DARK the grid of a 6-page report's third table broke into nothing
 * (22 values of 198 right), at 210 it is whole (159).
 */
#define RULE_DARK	210
/*
 * A page on which no table is found at RULE_DARK is looked at again with
 * pixels under this taken as rules.  The 1-pixel rules of a table saved
 * from a word processor's HTML, scanned askew (at 300 dpi, or at 150 dpi
 * on dirty paper) and rendered at 200 dpi, come out of the deskew at
 * 215-235: at RULE_DARK two 9- and 5-page reports gave no table at all;
 * at 235 the dirty one's tables lost half their rules (its 三 9 columns
 * of 10, 44 cells of 75), at 240 it has them.  Not at first: on all pages
 * the blur of a 300 dpi blurred scan and the dirt of a dirty 150 dpi one
 * turned their tables into slivers at 235 (4 columns read as 1).  On 31
 * pages with no table at RULE_DARK, of 12 scans under 9 conditions, 240
 * found tables on the 9 that hold them and none on the others.
 */
#define RULE_LIGHT	240
#define MAX_LINES	4000 	/* more candidate rules than this: no grid */
/*
 * A candidate rule shorter than STROKE_MAX (a line of text: 40 pixels at
 * 200 dpi) may be a character's stroke; it is a rule only where it meets
 * the rules across it at places at least MEET_SPAN apart (a table's rows
 * and columns are a line of text and more: 36 pixels and up at 200 dpi).
 * The strokes of a note set right under a table, glued to its bottom rule
 * (35 pixels long), met two of its pieces (the rule comes out of a scan
 * as runs a row or two apart) within 4 pixels, passed as rules and cut the
 * table into some 25 sliver columns, the text erased.  Longer candidates
 * are not asked: the pieces of a bilevel scan's broken rules meet the
 * rules across them so too (on all rules, a 300 dpi bilevel scan lost its
 * header's rules: 34 values of 200 right instead of 153).
 */
#define STROKE_MAX(dpi)	((dpi) / 5)
#define MEET_SPAN(dpi)	((dpi) / 8)
/*
 * The sizes of a rule, by resolution.  A candidate is a run of ink at
 * least RULE_RUN_MIN long (a sixth of an inch: longer than any stroke of a
 * character at body size); narrower across than RULE_THICK_MAX (1-3 pixels
 * at 200 dpi for a printed rule, doubled by blur and skew; a bar of ink,
 * a photograph's edge, is thicker); runs whose centres lie within
 * RULE_CENTRE_TOL are one rule (the half-pixel wobble of a rule scanned a
 * little askew).  A bilevel scan's dashed rule is mended over gaps up to
 * MEND_GAP when its pieces together are at least MEND_LEN long (mend()).
 * A table is at least TABLE_MIN_W wide and TABLE_MIN_H high (an inch by
 * one line of text: two rules that meet in a character are no table).
 */
#define RULE_RUN_MIN(dpi)	((dpi) / 6)
#define RULE_THICK_MAX(dpi)	((dpi) / 25 + 1)
#define RULE_CENTRE_TOL(dpi)	((dpi) / 50 + 1)
#define MEND_GAP(dpi)		((dpi) / 10)
#define MEND_LEN(dpi)		(dpi)
#define TABLE_MIN_W(dpi)	(dpi)
#define TABLE_MIN_H(dpi)	((dpi) / 5)
/*
 * Two parts of one table on two pages (ocr_grid_join): their grid lines
 * lie within JOIN_TOL of each other once the new part is shifted to the
 * old one's first line (a page scanned a little to the side, the other a
 * little askew: the grid's clustering already merges centres within
 * RULE_CENTRE_TOL on each page, so the two may differ by twice that); two
 * columns are at least a character apart (RULE_RUN_MIN), so a tolerance
 * of a twenty-fifth of an inch never takes one column for its neighbour.
 */
#define JOIN_TOL(dpi)		((dpi) / 25 + 1)
#define MAX_GRID	256	/* grid lines per direction of one table */

/* A candidate rule: thick across [t0,t1], long along [a0,a1] (inclusive). */
struct line {
	int t0, t1, a0, a1;
	int vert;
	int keep;
	int set;		/* union-find parent, then table index */
};

struct lines {
	struct line *v;
	int n, cap;
	int overflow;
};

static int
dark(const struct ocr_img *img, int x, int y)
{
	return img->p[(size_t)y * img->stride + x] < DARK;
}

void
ocr_clip(const struct ocr_img *img, int *x0, int *y0, int *x1, int *y1)
{
	if (*x0 < 0)
		*x0 = 0;
	if (*y0 < 0)
		*y0 = 0;
	if (*x1 > img->w)
		*x1 = img->w;
	if (*y1 > img->h)
		*y1 = img->h;
}

long
ocr_ink(const struct ocr_img *img, int x0, int y0, int x1, int y1)
{
	long n = 0;
	int x, y;

	ocr_clip(img, &x0, &y0, &x1, &y1);
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++)
			n += dark(img, x, y);
	return n;
}

/*
 * A minus sign before a figure (本年增/减: -2248), which the digit
 * recogniser leaves out: the first mark of the line's ink (columns with
 * ink, up to a blank column) is a dash when it is at most a quarter of the
 * line high, at least twice as wide as high, and its middle in the middle
 * half of the line (an underscore is low, a hyphen of a date sits alike but
 * never starts a figure).
 */
int
ocr_leading_dash(const struct ocr_img *img, int x0, int y0, int x1, int y1)
{
	int x, y, a = -1, b = -1, top = y1, bot = y0 - 1, h = y1 - y0 + 1, mid;

	ocr_clip(img, &x0, &y0, &x1, &y1);
	for (x = x0; x <= x1 && x < img->w; x++) {
		int col = 0;

		for (y = y0; y <= y1 && y < img->h; y++)
			if (dark(img, x, y)) {
				col = 1;
				if (y < top)
					top = y;
				if (y > bot)
					bot = y;
			}
		if (col) {
			if (a < 0)
				a = x;
			b = x;
		} else if (a >= 0)
			break;
	}
	if (a < 0 || x > x1 || x >= img->w)
		return 0;	/* no mark, or the mark is the whole line */
	mid = (top + bot) / 2;
	return (bot - top + 1) * 4 <= h && b - a + 1 >= 2 * (bot - top + 1) &&
	    mid >= y0 + h / 4 && mid <= y1 - h / 4;
}

/*
 * A glyph the font does not have is drawn as its missing-glyph box: a
 * hollow rectangle the line high.  The digit recogniser reads it as 0 (a
 * report printed in a font without digits, every figure a row of boxes,
 * came out all zeros).  A mark is such a box when each of its four sides
 * is a line of ink over BOX_SIDE of its length (a 0 is round: its
 * leftmost column is dark only in its middle) and its inside, BOX_INSET
 * of its size in from the sides, is under BOX_INSIDE dark (口 and 日 have
 * strokes that cross or pass the corners; 日 is not empty) or is a cross
 * from corner to corner (crossed): fonts draw their missing glyph either
 * way (a PostScript rewrite of a document whose font subset ran out
 * drew crossed boxes for a third of its ideographs).  No character of the
 * forms is a closed box with its diagonals (区 and 凶 are open).
 */
#define BOX_SIDE	0.85
#define BOX_INSET	0.25
#define BOX_INSIDE	0.05
#define CROSS_ON	0.9	/* of the inside's ink on the diagonals */
#define CROSS_COVER	0.9	/* of each diagonal inked */
#define CROSS_FILL	0.6	/* of the inside dark, at most: paper between
				   the arms (a narrow solid stroke lies all
				   near its diagonals) */

/* Is (x,y) within t of the line from (ax,ay) to (bx,by)? */
static int
on_diag(int x, int y, int ax, int ay, int bx, int by, int t)
{
	long dx = bx - ax, dy = by - ay, c = dx * (y - ay) - dy * (x - ax);

	return c * c <= (long)t * t * (dx * dx + dy * dy);
}

/*
 * Is the box [bx0,bx1]x[by0,by1] crossed: each diagonal inked from corner
 * to corner (a dark pixel within t of it on CROSS_COVER of the rows
 * between the box's top and bottom sides), and the ink of its inside
 * [x0,x1]x[y0,y1] on them?  From corner to corner: 回 and 国 hold a box or
 * strokes whose corners are near the diagonals, with paper between them
 * and the box's corners (at 150 dpi, read so, 回应 came out �应).
 */
static int
crossed(const struct ocr_img *img, int bx0, int by0, int bx1, int by1,
    int x0, int y0, int x1, int y1)
{
	int x, y, k, d, t = (bx1 - bx0) / 10 + 1, cover[2] = { 0, 0 }, rows = 0;
	int ft, fl;
	long in = 0, on = 0;

	for (y = y0; y <= y1; y++)
		for (x = x0; x <= x1; x++) {
			if (!dark(img, x, y))
				continue;
			in++;
			on += on_diag(x, y, bx0, by0, bx1, by1, t) ||
			    on_diag(x, y, bx0, by1, bx1, by0, t);
		}
	if (in == 0 || on < CROSS_ON * in || by1 - by0 < 8 ||
	    in > CROSS_FILL * (x1 - x0 + 1) * (y1 - y0 + 1))
		return 0;
	/* the sides' thickness: dark from the edge in, at the middle of the
	 * top side and of the left one (away from the cross) */
	for (ft = 0; by0 + ft < by1 && dark(img, (bx0 + bx1) / 2, by0 + ft);
	    ft++)
		;
	for (fl = 0; bx0 + fl < bx1 && dark(img, bx0 + fl, (by0 + by1) / 2);
	    fl++)
		;
	for (y = by0 + ft; y <= by1 - ft; y++, rows++)
		for (k = 0; k < 2; k++) {
			int xx = bx0 + (int)((long)(k == 0 ? y - by0 : by1 - y) *
			    (bx1 - bx0) / (by1 - by0));

			for (d = -t; d <= t; d++)
				if (xx + d >= bx0 + fl && xx + d <= bx1 - fl &&
				    dark(img, xx + d, y)) {
					cover[k]++;
					break;
				}
		}
	return cover[0] >= CROSS_COVER * rows &&
	    cover[1] >= CROSS_COVER * rows;
}

static int
is_box(const struct ocr_img *img, int x0, int y0, int x1, int y1)
{
	int w = x1 - x0 + 1, h = y1 - y0 + 1, dx, dy;
	long side[4] = { 0, 0, 0, 0 }, in;
	int x, y, k;

	if (w < 4 || h < 4)
		return 0;
	/* each side: the darker of its outer two lines of pixels */
	for (k = 0; k < 2; k++) {
		long l = 0, r = 0, t = 0, b = 0;

		for (y = y0; y <= y1; y++) {
			l += dark(img, x0 + k, y);
			r += dark(img, x1 - k, y);
		}
		for (x = x0; x <= x1; x++) {
			t += dark(img, x, y0 + k);
			b += dark(img, x, y1 - k);
		}
		side[0] = l > side[0] ? l : side[0];
		side[1] = r > side[1] ? r : side[1];
		side[2] = t > side[2] ? t : side[2];
		side[3] = b > side[3] ? b : side[3];
	}
	if (side[0] < BOX_SIDE * h || side[1] < BOX_SIDE * h ||
	    side[2] < BOX_SIDE * w || side[3] < BOX_SIDE * w)
		return 0;
	dx = (int)(BOX_INSET * w + 0.5);
	dy = (int)(BOX_INSET * h + 0.5);
	if (dx < 1 || dy < 1 || x0 + dx > x1 - dx || y0 + dy > y1 - dy)
		return 0;
	in = ocr_ink(img, x0 + dx, y0 + dy, x1 - dx + 1, y1 - dy + 1);
	return in <= BOX_INSIDE * (w - 2 * dx) * (h - 2 * dy) ||
	    crossed(img, x0, y0, x1, y1, x0 + dx, y0 + dy, x1 - dx, y1 - dy);
}

/* Does column x have ink between rows y0 and y1? */
static int
col_ink(const struct ocr_img *img, int x, int y0, int y1)
{
	int y;

	for (y = y0; y <= y1; y++)
		if (dark(img, x, y))
			return 1;
	return 0;
}

/*
 * The next mark of the line [x0,x1]x[y0,y1] from column *x on: the columns
 * with ink up to a blank one, *a to *b, and its rows of ink, *top to *bot.
 * 0 when there is none.
 */
static int
next_mark(const struct ocr_img *img, int *x, int x1, int y0, int y1, int *a,
    int *b, int *top, int *bot)
{
	while (*x <= x1 && !col_ink(img, *x, y0, y1))
		(*x)++;
	if (*x > x1)
		return 0;
	for (*a = *x; *x <= x1 && col_ink(img, *x, y0, y1); (*x)++)
		;
	*b = *x - 1;
	for (*top = y0; *top <= y1 && ocr_ink(img, *a, *top, *b + 1,
	    *top + 1) == 0; (*top)++)
		;
	for (*bot = y1; *bot > *top && ocr_ink(img, *a, *bot, *b + 1,
	    *bot + 1) == 0; (*bot)--)
		;
	return 1;
}

static void
clip_incl(const struct ocr_img *img, int *x0, int *y0, int *x1, int *y1)
{
	ocr_clip(img, x0, y0, x1, y1);
	*x1 = *x1 < img->w ? *x1 : img->w - 1;
	*y1 = *y1 < img->h ? *y1 : img->h - 1;
}

int
ocr_missing_glyphs(const struct ocr_img *img, int x0, int y0, int x1, int y1)
{
	int x, a, b, top, bot, n = 0;

	clip_incl(img, &x0, &y0, &x1, &y1);
	for (x = x0; next_mark(img, &x, x1, y0, y1, &a, &b, &top, &bot);) {
		if (!is_box(img, a, top, b, bot))
			return 0;
		n++;
	}
	return n;
}

/*
 * A box among a label's characters is one of a glyph the font lacks when
 * it stands GLYPH_BOX_TALL of the line's ink high (a 口 inside a character
 * is smaller), is 2/5 to 6/5 as wide as high and its edges are clean
 * (clean_edges: 口, 回 and 国 of a 150 dpi scan passed the rest).
 */
#define GLYPH_BOX_TALL	0.6

/*
 * Is each outermost line of the mark [x0,x1]x[y0,y1] either a side (over
 * BOX_SIDE dark) or nearly blank (the light edge of an anti-aliased side)?
 * In a character the strokes run on past a box's corner: the 口 of 和 and
 * the frame of 回 stand on their verticals' ends, which a missing-glyph
 * box, a drawn rectangle, does not.
 */
#define EDGE_BLANK	0.15

static int
clean_edges(const struct ocr_img *img, int x0, int y0, int x1, int y1)
{
	int w = x1 - x0 + 1, h = y1 - y0 + 1, x, y;
	long e[4] = { 0, 0, 0, 0 };

	for (y = y0; y <= y1; y++) {
		e[0] += dark(img, x0, y);
		e[1] += dark(img, x1, y);
	}
	for (x = x0; x <= x1; x++) {
		e[2] += dark(img, x, y0);
		e[3] += dark(img, x, y1);
	}
	return (e[0] >= BOX_SIDE * h || e[0] <= EDGE_BLANK * h) &&
	    (e[1] >= BOX_SIDE * h || e[1] <= EDGE_BLANK * h) &&
	    (e[2] >= BOX_SIDE * w || e[2] <= EDGE_BLANK * w) &&
	    (e[3] >= BOX_SIDE * w || e[3] <= EDGE_BLANK * w);
}

int
ocr_glyph_boxes(const struct ocr_img *img, int x0, int y0, int x1, int y1,
    int *bx, int max)
{
	int x, a, b, top, bot, n = 0, ltop = y1 + 1, lbot = y0 - 1;

	clip_incl(img, &x0, &y0, &x1, &y1);
	for (x = x0; next_mark(img, &x, x1, y0, y1, &a, &b, &top, &bot);) {
		ltop = top < ltop ? top : ltop;
		lbot = bot > lbot ? bot : lbot;
	}
	for (x = x0; n < max && next_mark(img, &x, x1, y0, y1, &a, &b, &top,
	    &bot);) {
		int w = b - a + 1, h = bot - top + 1;

		if (h < GLYPH_BOX_TALL * (lbot - ltop + 1) || 5 * w < 2 * h ||
		    5 * w > 6 * h || !is_box(img, a, top, b, bot) ||
		    !clean_edges(img, a, top, b, bot))
			continue;
		bx[2 * n] = a;
		bx[2 * n + 1] = b;
		n++;
	}
	return n;
}

/*
 * A figure's line of ink is read by the digit recogniser at this height in
 * pixels, whatever the scan's resolution: at the page's own size the
 * 17-pixel figures of a bilevel 150 dpi scan came back as 9 for 0 (the
 * committed sample's: 184 of 198 values right; at 28 pixels 190, at 36
 * 186, at 48 188).
 */
#define FIGURE_PX	28

double
ocr_figure_scale(int line_px)
{
	return line_px > 0 ? (double)FIGURE_PX / line_px : 1;
}

/*
 * A line of ink more than FIGURE_LONG times as wide as it is high is no
 * figure of the forms: a digit's advance is some 0.8 of its height (and a
 * thousands separator less), so 12 heights hold 15 characters, more than
 * the longest figure (an amount of 12,345,678.90 is 13); an ideograph's
 * advance is about its height, so such a line is a label of eleven
 * characters or more, and the digit recogniser is not asked.
 */
#define FIGURE_LONG	12

int
ocr_figure_long(int w, int h)
{
	return h > 0 && w > FIGURE_LONG * h;
}

/*
 * Writing, not a figure: a digit is crossed by at most three strokes top to
 * bottom (the bars of 8, 3, 5, 6, 9), a line of ideographs by four and more
 * in many of its columns (言, 请, 量, 数).  On two scans of the sample (200
 * dpi grey JPEG and 150 dpi bilevel) the 269 figures had at most 2% of
 * their columns of ink crossed four times and more, the label lines the
 * digit recogniser was asked about up to 40%; those lines were 4.1 of its
 * 5.4 s.  A line with BUSY_SHARE percent or more of its columns of ink so
 * crossed, and at least a quarter of its height in such columns, is not
 * read as a figure: the ragged edge of a lone 1's stem on a JPEG scan,
 * in and out of ink down its length, is one column of its 15.
 */
#define BUSY_RUNS	4
#define BUSY_SHARE	5

int
ocr_figure_busy(const struct ocr_img *img, int x0, int y0, int x1, int y1)
{
	int x, y, cols = 0, busy = 0;

	ocr_clip(img, &x0, &y0, &x1, &y1);
	for (x = x0; x <= x1 && x < img->w; x++) {
		int runs = 0, in = 0;

		for (y = y0; y <= y1 && y < img->h; y++) {
			int d = dark(img, x, y);

			runs += d && !in;
			in = d;
		}
		cols += runs > 0;
		busy += runs >= BUSY_RUNS;
	}
	return cols > 0 && busy * 100 >= BUSY_SHARE * cols &&
	    4 * busy >= y1 - y0 + 1;
}

/* The lines of a box looked at for its main one (a cell is never more). */
#define MAIN_LINES_MAX	64

int
ocr_main_line(const struct ocr_img *img, int dpi, int x0, int y0, int x1,
    int y1, int *bx0, int *by0, int *bx1, int *by1)
{
	struct ocr_line v[MAIN_LINES_MAX];
	int n, i, best = -1;

	n = ocr_ink_lines(img, dpi, x0, y0, x1, y1, v, MAIN_LINES_MAX);
	if (n > MAIN_LINES_MAX)
		n = MAIN_LINES_MAX;
	for (i = 0; i < n; i++)
		if (best < 0 || v[i].ink > v[best].ink)
			best = i;
	if (best < 0)
		return -1;
	*bx0 = v[best].x0, *bx1 = v[best].x1;
	*by0 = v[best].y0, *by1 = v[best].y1;
	return 0;
}

int
ocr_ink_lines(const struct ocr_img *img, int dpi, int x0, int y0, int x1,
    int y1, struct ocr_line *v, int cap)
{
	int gap = dpi / 100 + 1, y, x, start = -1, last = -1, n = 0;
	long ink = 0;

	ocr_clip(img, &x0, &y0, &x1, &y1);
	for (y = y0; y <= y1 + gap; y++) {
		long k = y < y1 ? ocr_ink(img, x0, y, x1, y + 1) : 0;

		if (k > 0) {
			if (start < 0)
				start = y, ink = 0;
			last = y;
			ink += k;
			continue;
		}
		if (start >= 0 && (y >= y1 || y - last > gap)) {
			if (n < cap) {
				struct ocr_line *l = &v[n];
				int r;

				l->x0 = x1, l->x1 = x0 - 1;
				l->y0 = start, l->y1 = last, l->ink = ink;
				for (r = start; r <= last; r++)
					for (x = x0; x < x1; x++)
						if (dark(img, x, r)) {
							if (x < l->x0)
								l->x0 = x;
							if (x > l->x1)
								l->x1 = x;
						}
			}
			n++;
			start = -1;
		}
	}
	return n;
}

static int
push(struct lines *ls, int vert, int t, int a0, int a1)
{
	struct line *l;
	int i;

	/* Extend a rule seen on the previous row (column) when they overlap. */
	for (i = ls->n - 1; i >= 0; i--) {
		l = &ls->v[i];
		if (l->vert != vert)
			break;
		if (l->t1 < t - 1)
			continue;
		if (l->t1 == t - 1 && a0 <= l->a1 && a1 >= l->a0) {
			l->t1 = t;
			if (a0 < l->a0)
				l->a0 = a0;
			if (a1 > l->a1)
				l->a1 = a1;
			return 0;
		}
	}
	if (ls->n == MAX_LINES) {
		ls->overflow = 1;
		return 0;
	}
	if (ls->n == ls->cap) {
		int cap = ls->cap ? ls->cap * 2 : 256;
		struct line *v = realloc(ls->v, (size_t)cap * sizeof(*v));

		if (v == NULL)
			return -1;
		ls->v = v;
		ls->cap = cap;
	}
	l = &ls->v[ls->n++];
	memset(l, 0, sizeof(*l));
	l->vert = vert;
	l->t0 = l->t1 = t;
	l->a0 = a0;
	l->a1 = a1;
	return 0;
}

/*
 * Runs of ink at least minrun long (gaps of up to 2 pixels bridged), along
 * rows (vert 0) or columns (vert 1), merged across neighbouring rows.
 */
static int
scan(const struct ocr_img *img, int vert, int minrun, int rule,
    struct lines *ls)
{
	int tn = vert ? img->w : img->h, an = vert ? img->h : img->w;
	int t, a, start, last;

	for (t = 0; t < tn && !ls->overflow; t++) {
		start = last = -1;
		for (a = 0; a <= an; a++) {
			int d = a < an && img->p[vert ?
			    (size_t)a * img->stride + t :
			    (size_t)t * img->stride + a] < rule;

			if (d) {
				if (start < 0)
					start = a;
				last = a;
				continue;
			}
			if (start >= 0 && (a == an || a - last > 2)) {
				if (last - start + 1 >= minrun &&
				    push(ls, vert, t, start, last) == -1)
					return -1;
				start = -1;
			}
		}
	}
	return 0;
}

/*
 * A bilevel scan's thin rules come out as dashes: pieces of one rule that
 * the 2-pixel bridging of scan() leaves apart, each a candidate of its own
 * or too short to be one, and a table's cells merge where a piece is
 * missing (a bilevel 200 dpi noisy scan: 4 of 198 values).  Candidates of
 * one direction whose centres lie within tol of each other and whose ends
 * are at most gap apart are one rule, when together they are at least len
 * long (an inch): pieces of text strokes, which the same mending joined
 * into small tables on pages of running text, rarely are.  Bridging the
 * pixels instead (5 pixels in scan()) made tables of text all over a
 * JPEG-compressed page.  Returns -1 when memory ran out.
 */
static int
mend(struct lines *ls, int tol, int gap, int len)
{
	int i, j, k, again = 1;
	unsigned char *gone;

	if (ls->n == 0)
		return 0;
	if ((gone = calloc((size_t)ls->n, 1)) == NULL)
		return -1;
	while (again) {
		again = 0;
		for (i = 0; i < ls->n; i++) {
			struct line *a = &ls->v[i];

			if (gone[i])
				continue;
			for (j = i + 1; j < ls->n; j++) {
				struct line *b = &ls->v[j];
				int ca = (a->t0 + a->t1) / 2, cb = (b->t0 + b->t1) / 2;
				int lo = a->a0 < b->a0 ? a->a0 : b->a0;
				int hi = a->a1 > b->a1 ? a->a1 : b->a1;

				if (gone[j] || b->vert != a->vert ||
				    ca - cb > tol || cb - ca > tol ||
				    b->a0 > a->a1 + gap || a->a0 > b->a1 + gap ||
				    hi - lo < len)
					continue;
				if (b->t0 < a->t0)
					a->t0 = b->t0;
				if (b->t1 > a->t1)
					a->t1 = b->t1;
				a->a0 = lo, a->a1 = hi;
				gone[j] = 1, again = 1;
			}
		}
	}
	for (i = 0, k = 0; i < ls->n; i++)
		if (!gone[i])
			ls->v[k++] = ls->v[i];
	ls->n = k;
	free(gone);
	return 0;
}

/* Do h and v meet (cross or touch within tol)? */
static int
meet(const struct line *h, const struct line *v, int tol)
{
	return v->t1 >= h->a0 - tol && v->t0 <= h->a1 + tol &&
	    h->t1 >= v->a0 - tol && h->t0 <= v->a1 + tol;
}

static int
find(struct line *v, int i)
{
	while (v[i].set != i) {
		v[i].set = v[v[i].set].set;
		i = v[i].set;
	}
	return i;
}

static int
cmpint(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Sorted centres, those within tol merged; returns the count. */
static int
cluster(int *c, int n, int tol)
{
	int i, k = 0, first = 0;
	long sum = 0;

	qsort(c, (size_t)n, sizeof(*c), cmpint);
	for (i = 0; i <= n; i++) {
		if (i < n && (i == first || c[i] - c[i - 1] <= tol)) {
			sum += c[i];
			continue;
		}
		if (i > first)
			c[k++] = (int)(sum / (i - first));
		if (i < n) {
			first = i;
			sum = c[i];
		}
	}
	return k;
}

/*
 * Length of [a0,a1) covered by the table's rules of the given direction
 * whose centre lies within tol of pos.
 */
static int
covered(const struct lines *ls, int table, int vert, int pos, int a0, int a1,
    int tol)
{
	int i, n = 0;

	for (i = 0; i < ls->n; i++) {
		const struct line *l = &ls->v[i];
		int lo, hi, c = (l->t0 + l->t1) / 2;

		if (!l->keep || l->set != table || l->vert != vert ||
		    c < pos - tol || c > pos + tol)
			continue;
		lo = l->a0 > a0 ? l->a0 : a0;
		hi = l->a1 + 1 < a1 ? l->a1 + 1 : a1;
		if (hi > lo)
			n += hi - lo;
	}
	return n;
}

static int
ufind(int *p, int i)
{
	while (p[i] != i)
		i = p[i] = p[p[i]];
	return i;
}

static int
cmpcell(const void *a, const void *b)
{
	const struct ocr_cell *x = a, *y = b;

	if (x->row != y->row)
		return (x->row > y->row) - (x->row < y->row);
	return (x->col > y->col) - (x->col < y->col);
}

/* Build table t (lines with set == idx) into cells. */
static int
build(const struct lines *ls, int idx, int tol, struct ocr_table *t)
{
	int xs[MAX_GRID + 2], ys[MAX_GRID + 2], nx = 0, ny = 0;
	int *par = NULL, r, c, i, ncell, sep, k;
	int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
	struct ocr_cell *cells = NULL;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < ls->n; i++) {
		const struct line *l = &ls->v[i];
		int c0 = (l->t0 + l->t1) / 2;

		if (!l->keep || l->set != idx)
			continue;
		if (l->vert) {
			if (nx == MAX_GRID)
				return 0;
			xs[nx++] = c0;
			if (l->a0 < y0)
				y0 = l->a0;
			if (l->a1 > y1)
				y1 = l->a1;
		} else {
			if (ny == MAX_GRID)
				return 0;
			ys[ny++] = c0;
			if (l->a0 < x0)
				x0 = l->a0;
			if (l->a1 > x1)
				x1 = l->a1;
		}
	}
	nx = cluster(xs, nx, tol);
	ny = cluster(ys, ny, tol);
	/* A table without outer rules on a side: its edge is where rules end. */
	if (nx > 0 && xs[0] > x0 + 2 * tol) {
		memmove(xs + 1, xs, (size_t)nx * sizeof(*xs));
		xs[0] = x0, nx++;
	}
	if (nx > 0 && xs[nx - 1] < x1 - 2 * tol)
		xs[nx++] = x1;
	if (ny > 0 && ys[0] > y0 + 2 * tol) {
		memmove(ys + 1, ys, (size_t)ny * sizeof(*ys));
		ys[0] = y0, ny++;
	}
	if (ny > 0 && ys[ny - 1] < y1 - 2 * tol)
		ys[ny++] = y1;
	if (nx < 2 || ny < 2)
		return 0;

	t->x0 = xs[0], t->x1 = xs[nx - 1], t->y0 = ys[0], t->y1 = ys[ny - 1];
	t->rows = ny - 1;
	t->cols = nx - 1;
	ncell = t->rows * t->cols;
	if ((par = malloc(2 * (size_t)ncell * sizeof(*par))) == NULL)
		return -1;
	for (i = 0; i < ncell; i++)
		par[i] = i;
	/* Join neighbouring grid boxes that no rule separates. */
	for (r = 0; r < t->rows; r++)
		for (c = 0; c < t->cols; c++) {
			if (c + 1 < t->cols) {
				int span = ys[r + 1] - ys[r];

				sep = covered(ls, idx, 1, xs[c + 1], ys[r],
				    ys[r + 1], tol) * 10 >= span * 6;
				if (!sep)
					par[ufind(par, r * t->cols + c)] =
					    ufind(par, r * t->cols + c + 1);
			}
			if (r + 1 < t->rows) {
				int span = xs[c + 1] - xs[c];

				sep = covered(ls, idx, 0, ys[r + 1], xs[c],
				    xs[c + 1], tol) * 10 >= span * 6;
				if (!sep)
					par[ufind(par, r * t->cols + c)] =
					    ufind(par, (r + 1) * t->cols + c);
			}
		}
	if ((cells = calloc((size_t)ncell, sizeof(*cells))) == NULL) {
		free(par);
		return -1;
	}
	/*
	 * One cell per joined group, at its top-left: the first box of its
	 * top row, so that no two groups share one (a group shaped as an L
	 * whose foot reaches left of its top row, where a rule stops short,
	 * once gave two cells one row and column: make fuzz); its span is its
	 * extent from there.  The second half of par maps a group's root to
	 * its cell.
	 */
	for (i = 0; i < ncell; i++)
		par[ncell + i] = -1;
	k = 0;
	for (i = 0; i < ncell; i++) {
		int rr = i / t->cols, cc = i % t->cols, root = ufind(par, i);
		int j = par[ncell + root];

		if (j < 0) {
			j = par[ncell + root] = k++;
			cells[j].row = cells[j].rowspan = rr;
			cells[j].col = cells[j].colspan = cc;
			continue;
		}
		if (rr > cells[j].rowspan)
			cells[j].rowspan = rr;
		if (cc > cells[j].colspan)
			cells[j].colspan = cc;
	}
	for (i = 0; i < k; i++) {
		struct ocr_cell *e = &cells[i];
		int m = tol / 2 + 1;

		e->rowspan = e->rowspan - e->row + 1;
		e->colspan = e->colspan - e->col + 1;
		e->x0 = xs[e->col] + m;
		e->x1 = xs[e->col + e->colspan] - m;
		e->y0 = ys[e->row] + m;
		e->y1 = ys[e->row + e->rowspan] - m;
		if (e->x1 <= e->x0)
			e->x1 = e->x0 + 1;
		if (e->y1 <= e->y0)
			e->y1 = e->y0 + 1;
	}
	qsort(cells, (size_t)k, sizeof(*cells), cmpcell);
	free(par);
	if ((t->xs = malloc((size_t)(nx + ny) * sizeof(*t->xs))) == NULL) {
		free(cells);
		return -1;
	}
	memcpy(t->xs, xs, (size_t)nx * sizeof(*xs));
	t->ys = t->xs + nx;
	memcpy(t->ys, ys, (size_t)ny * sizeof(*ys));
	t->cells = cells;
	t->ncells = k;
	return 0;
}

static int
cmptable(const void *a, const void *b)
{
	const struct ocr_table *x = a, *y = b;

	return (x->y0 > y->y0) - (x->y0 < y->y0);
}

/* The tables of img whose rules are pixels under rule (ocr_grid_find). */
static int
grid_find(struct ocr_img *img, int dpi, int rule, struct ocr_grid *g)
{
	struct lines ls = { 0 };
	int minrun = RULE_RUN_MIN(dpi), tol = RULE_CENTRE_TOL(dpi);
	int thick = RULE_THICK_MAX(dpi);
	int span = MEET_SPAN(dpi), stroke = STROKE_MAX(dpi);
	int i, j, changed, pass, ntab = 0;
	struct ocr_table *tabs = NULL;

	memset(g, 0, sizeof(*g));
	if (scan(img, 0, minrun, rule, &ls) == -1 ||
	    scan(img, 1, minrun, rule, &ls) == -1)
		goto nomem;
	if (ls.overflow)
		goto done;	/* a photograph or a black page: no rules */
	if (mend(&ls, tol, MEND_GAP(dpi), MEND_LEN(dpi)) == -1)
		goto nomem;
	for (i = 0; i < ls.n; i++)
		ls.v[i].keep = ls.v[i].t1 - ls.v[i].t0 < thick;
	/*
	 * A rule meets at least two rules across it; strokes rarely do.  One
	 * shorter than a line of text (STROKE_MAX) meets them at places at
	 * least MEET_SPAN apart.
	 */
	for (pass = 0, changed = 1; changed && pass < 20; pass++) {
		changed = 0;
		for (i = 0; i < ls.n; i++) {
			int lo = 1 << 30, hi = -1, n = 0, need;

			if (!ls.v[i].keep)
				continue;
			need = ls.v[i].a1 - ls.v[i].a0 < stroke ? span : 0;
			for (j = 0; j < ls.n && (n < 2 || hi - lo < need);
			    j++) {
				struct line *a = &ls.v[i], *b = &ls.v[j];
				int c = (b->t0 + b->t1) / 2;

				if (!b->keep || a->vert == b->vert ||
				    !(a->vert ? meet(b, a, tol) :
				    meet(a, b, tol)))
					continue;
				n++;
				if (c < lo)
					lo = c;
				if (c > hi)
					hi = c;
			}
			if (n < 2 || hi - lo < need)
				ls.v[i].keep = 0, changed = 1;
		}
	}
	/* Tables: groups of rules that meet. */
	for (i = 0; i < ls.n; i++)
		ls.v[i].set = i;
	for (i = 0; i < ls.n; i++)
		for (j = i + 1; j < ls.n; j++) {
			struct line *a = &ls.v[i], *b = &ls.v[j];

			if (!a->keep || !b->keep || a->vert == b->vert)
				continue;
			if (a->vert ? meet(b, a, tol) : meet(a, b, tol))
				ls.v[find(ls.v, i)].set = find(ls.v, j);
		}
	for (i = 0; i < ls.n; i++)
		ls.v[i].set = find(ls.v, i);
	for (i = 0; i < ls.n; i++) {
		struct ocr_table t, *nt;

		if (!ls.v[i].keep || ls.v[i].set != i)
			continue;
		if (build(&ls, i, tol, &t) == -1)
			goto nomem;
		if (t.ncells == 0 || t.x1 - t.x0 < TABLE_MIN_W(dpi) ||
		    t.y1 - t.y0 < TABLE_MIN_H(dpi)) {
			free(t.cells);
			free(t.xs);
			continue;
		}
		if ((nt = realloc(tabs, (size_t)(ntab + 1) * sizeof(*nt))) ==
		    NULL) {
			free(t.cells);
			free(t.xs);
			goto nomem;
		}
		tabs = nt;
		tabs[ntab++] = t;
		/* Paint the table's rules white, one pixel wider each side. */
		for (j = 0; j < ls.n; j++) {
			struct line *l = &ls.v[j];
			int a, u;

			if (!l->keep || l->set != i)
				continue;
			for (u = l->t0 - 1; u <= l->t1 + 1; u++)
				for (a = l->a0; a <= l->a1; a++) {
					int x = l->vert ? u : a, y = l->vert ? a : u;

					if (x >= 0 && x < img->w && y >= 0 &&
					    y < img->h)
						img->p[(size_t)y * img->stride +
						    x] = 255;
				}
		}
	}
	if (ntab > 1)
		qsort(tabs, (size_t)ntab, sizeof(*tabs), cmptable);
done:
	free(ls.v);
	g->tables = tabs;
	g->ntables = ntab;
	return 0;
nomem:
	free(ls.v);
	g->tables = tabs;
	g->ntables = ntab;
	ocr_grid_free(g);
	return -1;
}

/* JOIN_TOL, for the tests. */
int
ocr_join_tol(int dpi)
{
	return JOIN_TOL(dpi);
}

/* The index of the line of v within tol of x, or -1. */
static int
near_line(const int *v, int n, int x, int tol)
{
	int i;

	for (i = 0; i < n; i++)
		if (v[i] - x <= tol && x - v[i] <= tol)
			return i;
	return -1;
}

int
ocr_grid_join(int dpi, const int *a, int na, const int *b, int nb, int *u,
    int cap, int *amap, int *bmap)
{
	int tol = ocr_join_tol(dpi), off, i, j, n = 0, miss = 0;

	if (na < 2 || nb < 2)
		return -1;
	off = b[0] - a[0];
	if (b[nb - 1] - off - a[na - 1] > tol ||
	    a[na - 1] - (b[nb - 1] - off) > tol)
		return -1;
	/* The part with fewer lines: each of them is a line of the other. */
	if (na <= nb) {
		for (i = 0; i < na; i++)
			miss += near_line(b, nb, a[i] + off, tol) < 0;
	} else {
		for (j = 0; j < nb; j++)
			miss += near_line(a, na, b[j] - off, tol) < 0;
	}
	if (miss > 0)
		return -1;
	/* The union, merged in order: a's position where both have one. */
	for (i = 0, j = 0; i < na || j < nb;) {
		int x = j < nb ? b[j] - off : 0;

		if (n == cap)
			return -1;
		if (i < na && j < nb && a[i] - x <= tol && x - a[i] <= tol) {
			amap[i++] = bmap[j++] = n;
			u[n++] = a[i - 1];
		} else if (j == nb || (i < na && a[i] < x)) {
			amap[i] = n;
			u[n++] = a[i++];
		} else {
			bmap[j++] = n;
			u[n++] = x;
		}
	}
	return n;
}

int
ocr_grid_find(struct ocr_img *img, int dpi, struct ocr_grid *g)
{
	if (grid_find(img, dpi, RULE_DARK, g) == -1)
		return -1;
	if (g->ntables > 0)
		return 0;
	ocr_grid_free(g);
	return grid_find(img, dpi, RULE_LIGHT, g);
}

void
ocr_grid_free(struct ocr_grid *g)
{
	int i;

	for (i = 0; i < g->ntables; i++) {
		free(g->tables[i].cells);
		free(g->tables[i].xs);	/* ys is in the same block */
	}
	free(g->tables);
	g->tables = NULL;
	g->ntables = 0;
}

/*
 * A decimal point set in a sans font at 200 dpi is a speck too: 4 x 3
 * pixels, 6 from the 9 of 1389.79 and 10 from its 7, so erased, and the
 * figure read 1389 79 (138979).  A speck is a point and stays when it sits
 * on a line of text: within POINT_REACH of it on its left and on its right
 * there is ink whose lowest row is the speck's (POINT_BASE rows either way)
 * and that reaches POINT_TALL times the speck's height above its bottom (a
 * glyph, not another speck).  An em at 10.5 pt is dpi/7; a point's
 * advance with its bearings is at most half of it, so dpi/10 covers the
 * gap to both neighbours (6 and 10 pixels above) and no more than that.
 */
#define POINT_REACH(dpi)	((dpi) / 10)
#define POINT_BASE(dpi)		((dpi) / 100 + 1)
#define POINT_TALL		3

/*
 * Ink in [x0,x1) that ends on the baseline of the speck by0..by1 (its
 * lowest row within POINT_BASE of the speck's, looked for down to
 * POINT_TALL heights below) and reaches POINT_TALL heights above its bottom.
 */
static int
point_side(const struct ocr_img *img, int dpi, int x0, int x1, int by0,
    int by1)
{
	int h = by1 - by0 + 1, top = by1 + 1 - POINT_TALL * h, x, y;
	int low = -1, high = -1;

	if (x0 < 0)
		x0 = 0;
	if (x1 > img->w)
		x1 = img->w;
	if (top < 0)
		top = 0;
	for (y = top; y <= by1 + POINT_TALL * h && y < img->h; y++)
		for (x = x0; x < x1; x++)
			if (dark(img, x, y)) {
				if (high < 0)
					high = y;
				low = y;
				break;
			}
	return low >= 0 && high == top && low >= by1 - POINT_BASE(dpi) &&
	    low <= by1 + POINT_BASE(dpi);
}

/*
 * Specks: dust on the scanner's glass, noise and what JPEG makes of it,
 * the ends of an erased rule.  A dark component (8-connected) of at most
 * maxarea pixels in a box of less than side pixels each way, with no other
 * ink within gap pixels of its box, is painted white.  A full stop or the
 * dot of a character has ink beside it and stays; a stroke (the middle one
 * of 三, some 5 pixels from the others at 200 dpi) is longer than side.
 */
int
ocr_despeckle(struct ocr_img *img, int dpi)
{
	int maxarea = dpi * dpi / 1000 + 1, side = dpi / 40 + 1;
	int gap = dpi / 40 + 1;
	size_t n = (size_t)img->w * img->h, cap = 4096, sp, i;
	unsigned char *seen;
	int *stack, *comp, x, y, removed = 0;

	if (n == 0)
		return 0;
	if ((seen = calloc(n, 1)) == NULL)
		return -1;
	stack = malloc(cap * sizeof(*stack));
	comp = malloc((size_t)(maxarea + 1) * sizeof(*comp));
	if (stack == NULL || comp == NULL) {
		free(seen), free(stack), free(comp);
		return -1;
	}
	for (y = 0; y < img->h; y++)
		for (x = 0; x < img->w; x++) {
			int bx0 = x, by0 = y, bx1 = x, by1 = y, area = 0;

			if (seen[(size_t)y * img->w + x] || !dark(img, x, y))
				continue;
			seen[(size_t)y * img->w + x] = 1;
			sp = 0;
			stack[sp++] = y * img->w + x;
			while (sp > 0) {
				int p = stack[--sp], px = p % img->w,
				    py = p / img->w, dx, dy;

				if (area <= maxarea)
					comp[area] = p;
				area++;
				if (px < bx0)
					bx0 = px;
				if (px > bx1)
					bx1 = px;
				if (py < by0)
					by0 = py;
				if (py > by1)
					by1 = py;
				for (dy = -1; dy <= 1; dy++)
					for (dx = -1; dx <= 1; dx++) {
						int qx = px + dx, qy = py + dy;
						size_t q;

						if (qx < 0 || qy < 0 ||
						    qx >= img->w ||
						    qy >= img->h)
							continue;
						q = (size_t)qy * img->w + qx;
						if (seen[q] || !dark(img, qx, qy))
							continue;
						seen[q] = 1;
						if (sp == cap) {
							int *ns = realloc(stack,
							    2 * cap *
							    sizeof(*ns));

							if (ns == NULL) {
								free(seen);
								free(stack);
								free(comp);
								return -1;
							}
							stack = ns;
							cap *= 2;
						}
						stack[sp++] = (int)q;
					}
			}
			if (area > maxarea || bx1 - bx0 >= side ||
			    by1 - by0 >= side || ocr_ink(img, bx0 - gap,
			    by0 - gap, bx1 + 1 + gap, by1 + 1 + gap) > area)
				continue;
			if (point_side(img, dpi, bx0 - POINT_REACH(dpi), bx0,
			    by0, by1) && point_side(img, dpi, bx1 + 1,
			    bx1 + 1 + POINT_REACH(dpi), by0, by1))
				continue;	/* a decimal point */
			for (i = 0; i < (size_t)area; i++)
				img->p[(size_t)(comp[i] / img->w) *
				    img->stride + comp[i] % img->w] = 255;
			removed++;
		}
	free(seen);
	free(stack);
	free(comp);
	return removed;
}

/*
 * Light pixels of the cut w x h (white and lighter) that touch no darker
 * one are paper, not the edge of a glyph: made white (255).  On a scan
 * with fine noise the paper between the digits of a figure set wide
 * (5 8,785) kept them, and the digit recogniser read 5785-70855 (58,785
 * with them cleared); a glyph's grey edge always touches its dark
 * strokes, so it stays.  rows: three rows of w bytes, the original pixels
 * of the rows above, of this one and below.
 */
void
ocr_clear_paper(unsigned char *cut, int w, int h, int white,
    unsigned char *rows)
{
	unsigned char *prev = rows, *cur = rows + w, *next = rows + 2 * w, *t;
	int x, y, dx, dy;

	memset(prev, 255, (size_t)w);
	memcpy(cur, cut, (size_t)w);
	for (y = 0; y < h; y++) {
		if (y + 1 < h)
			memcpy(next, cut + (size_t)(y + 1) * w, (size_t)w);
		else
			memset(next, 255, (size_t)w);
		for (x = 0; x < w; x++) {
			int dark = 0;

			if (cur[x] < white || cur[x] == 255)
				continue;
			for (dy = 0; dy < 3 && !dark; dy++) {
				const unsigned char *r = dy == 0 ? prev :
				    dy == 1 ? cur : next;

				for (dx = x > 0 ? -1 : 0; dx <= 1 &&
				    x + dx < w; dx++)
					if (r[x + dx] < white) {
						dark = 1;
						break;
					}
			}
			if (!dark)
				cut[(size_t)y * w + x] = 255;
		}
		t = prev;
		prev = cur;
		cur = next;
		next = t;
	}
}
