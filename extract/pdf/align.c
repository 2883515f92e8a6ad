/*
 * align.c: the grid of a table printed without ruling lines, from the
 * alignment of its text, drawn as rulings so that the ruled-table code
 * (table.c, page breaks in layout.c) reads it like any other.
 *
 * A zone is a run of lines with wide gaps (the padding between cells), the
 * lines close to them, and the lines between two of them that are not
 * running text (rows whose figures are all blank have no wide gap).  Its
 * lines are cut into pieces at gaps over CELL_GAP_EM.  Rows:
 *   - a line with figures is a row;
 *   - a line of several pieces over the figures is a header row (its
 *     wrapped rest, piece under piece, joins it);
 *   - a numbered label (（一） 1. 三、 十一、), or labels with a unit (条,
 *     件), is a row; a numbered label joins the figures just below it (a
 *     label wrapped around figures set in its middle) or just above it
 *     (a label set a little lower than its figures);
 *   - a single piece over the figures (or set far below the line above
 *     it) after a row of figures and before a header is a title between
 *     two tables: it ends the table;
 *   - a label line right above a row's label, centred on it and narrower
 *     by over an em, is a row of its own (its figures blank);
 *   - any other line continues the nearest row, and stretches it.
 * Columns: the x ranges that no piece of a body row covers (the header's
 * merged cells would hide them), and a line between two labels side by side
 * when the right one is numbered.  A column line is drawn only in the rows
 * no text crosses (there the cell spans); in a header row only the line
 * nearest the middle of each gap between its pieces.  Every box is a cell:
 * a column with nothing in a row is an empty cell (a blank figure).  A
 * header row after body rows starts a new table.  A table needs a row of
 * figures and another row, or a row of figures going on with the table
 * held from the page before; the rest stays with loose.c.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/schema.h"
#include "common/zh.h"
#include "extract/pdf/align.h"
#include "extract/pdf/thresholds.h"

#define MAXPIECES	64
#define HEAD_BYTES	256	/* a header word as text (form_header) */
#define MAXCOLS		256

struct aline {
	const struct gk_pdf_line *l;
	float yc;		/* centre of the text */
	float x0, x1;		/* extent of its text (no white space) */
	int fig, numbered, multi, single;
	int unit;		/* labels and a unit (条, 件), blank figure */
	int ufirst;		/* its first piece is a unit (条 14) */
	int own;		/* a label line that is a row of its own */
	int wrapfirst;		/* its figures are all first parts of
				 * figures wrapped onto the lines below */
	int row;		/* row group, -1 */
	float ys;		/* where it goes to a row: yc, or the middle
				 * of the wrapped figures it is part of */
	float px0[MAXPIECES], px1[MAXPIECES];
	/* the widest gap over SPACE_EM inside each piece (none: equal) */
	float pg0[MAXPIECES], pg1[MAXPIECES];
	int pfig[MAXPIECES], pnum[MAXPIECES];
	int punit[MAXPIECES];
	int pn[MAXPIECES];	/* its characters */
	int phan[MAXPIECES];	/* it holds an ideograph: words, not a
				 * placeholder (——, /) */
	size_t pc0[MAXPIECES], pc1[MAXPIECES];	/* its first and last
						 * characters of the line */
	float psz[MAXPIECES];	/* its first character's font size */
	int np;
};

struct agroup {
	float top, bot;		/* text centres */
	float y0, y1;		/* extent of the text */
	int header, figs, title;
	int label;		/* a label line joined it */
};


static int
digit(int c)
{
	return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19);
}

/* A figure piece: digits (and . , - + %), maybe a short unit: 9（件）, 3万元. */
static int
figure_piece(const struct gk_pdf_char *const *c, size_t n)
{
	size_t i = 0, other = 0;
	int digits = 0;

	while (i < n && (c[i]->c == '-' || c[i]->c == '+'))
		i++;
	if (i >= n || !digit(c[i]->c))
		return 0;
	for (; i < n; i++) {
		if (digit(c[i]->c))
			digits++;
		else if (c[i]->c == '.' || c[i]->c == ',' || c[i]->c == '%')
			;
		else
			break;
	}
	if (i < n && (c[i]->c == '.' || c[i]->c == 0x3001 ||
	    c[i]->c == 0xff0e))
		return 0;
	for (; i < n; i++) {
		if (digit(c[i]->c))
			return 0;
		other++;
	}
	return digits > 0 && other <= FIGURE_UNIT_CHARS &&
	    !(n > 1 && (c[1]->c == '.' || c[1]->c == 0x3001));
}

static int unit_piece(const struct gk_pdf_char *const *, size_t);

/* Starts a numbered label: （一）, (1), 一、, 1., 1、; not a unit (（件）) */
static int
numbered(const struct gk_pdf_char *const *c, size_t n)
{
	int a;

	if (n < 2)
		return 0;
	a = c[0]->c;
	if (a == 0xff08 || a == '(') {
		size_t i;

		for (i = 1; i < n && i < 5; i++)
			if (c[i]->c == 0xff09 || c[i]->c == ')')
				return i > 1 && !unit_piece(c + 1, i - 1);
		return 0;
	}
	if (digit(a) && !figure_piece(c, n))
		return 1;
	if (n > 2 && a == 0x5341 && c[2]->c == 0x3001)
		a = c[1]->c, c++;	/* 十一、 */
	return (a == 0x4e00 || a == 0x4e8c || a == 0x4e09 || a == 0x56db ||
	    a == 0x4e94 || a == 0x516d || a == 0x4e03 || a == 0x516b ||
	    a == 0x4e5d || a == 0x5341) && c[1]->c == 0x3001;
}

/* A unit of a statistics table: 条, 件, 个, 人次, 万元 ... */
static int
unit_piece(const struct gk_pdf_char *const *c, size_t n)
{
	/* 条 件 个 次 人 项 万 元 篇 期 场 家 份 户 */
	static const int u[] = { 0x6761, 0x4ef6, 0x4e2a, 0x6b21, 0x4eba,
	    0x9879, 0x4e07, 0x5143, 0x7bc7, 0x671f, 0x573a, 0x5bb6, 0x4efd,
	    0x6237 };
	size_t i, k;

	if (n < 1 || n > 2)
		return 0;
	for (i = 0; i < n; i++) {
		for (k = 0; k < sizeof(u) / sizeof(u[0]); k++)
			if (c[i]->c == u[k])
				break;
		if (k == sizeof(u) / sizeof(u[0]))
			return 0;
	}
	return 1;
}

/*
 * Does a numbering mark (（一） 1. 三、) start at character i of line l?
 * Two labels side by side in narrow columns (三、本 | （一）予以公) are
 * set closer than CELL_GAP_EM: a gap over SPACE_EM before a mark parts
 * them too.
 */
static int
mark_at(const struct gk_pdf_char *const *v, const struct gk_pdf_line *l,
    size_t i)
{
	const struct gk_pdf_char *tmp[8];
	size_t m = 0;

	for (; i < l->n && m < 8; i++)
		if (!gk_pdf_space(v[l->first + i]->c))
			tmp[m++] = v[l->first + i];
	return numbered(tmp, m);
}

/*
 * Are the digits of line l set without gaps, but at character i: two
 * digits side by side at least once within TIGHT_DIGIT_EM, and no two
 * of them, but i and the digit before it, further apart than that and
 * no further than SPACE_EM (which parts two figures anyway)?  A font
 * narrower than its advances (tracking) leaves its gap after every
 * digit.
 */
static int
tight_digits(const struct gk_pdf_char *const *v, const struct gk_pdf_line *l,
    size_t i)
{
	size_t k, prev = (size_t)-1;
	int tight = 0;

	for (k = 0; k < l->n; k++) {
		const struct gk_pdf_char *c = v[l->first + k];

		if (gk_pdf_space(c->c))
			continue;
		if (prev != (size_t)-1 && k != i && digit(c->c) &&
		    digit(v[l->first + prev]->c) &&
		    !gk_pdf_dup(v[l->first + prev], c)) {
			float g = gk_pdf_gap(v, l, k);

			if (g > TIGHT_DIGIT_EM && g <= SPACE_EM)
				return 0;
			tight |= g <= TIGHT_DIGIT_EM;
		}
		prev = k;
	}
	return tight;
}

/*
 * Is the gap g (em) between digits last and i of line l a gap between
 * two figures?  Over SPACE_EM (digits are set without gaps: two figures
 * in narrow columns, 27 | 1,056, come closer than CELL_GAP_EM), unless
 * it is tracking: the same, within TRACK_TOL, as the gap before last or
 * after i (a font narrower than its advances: 2 0 2 0).  Under it, over
 * TIGHT_DIGIT_EM, when the line's other digits touch (tight_digits): two
 * figures in columns narrower still, 19 | 5146 0.26 em apart, were one
 * figure across the column line every other row leaves free.
 */
static int
digit_gap(const struct gk_pdf_char *const *v, const struct gk_pdf_line *l,
    size_t last, size_t i, float g)
{
	float gp, gn = 0;
	size_t k;

	if (!digit(v[l->first + last]->c) || !digit(v[l->first + i]->c))
		return 0;
	if (g <= SPACE_EM)
		return g > TIGHT_DIGIT_EM && tight_digits(v, l, i);
	gp = gk_pdf_gap(v, l, last);
	for (k = i + 1; k < l->n && gk_pdf_space(v[l->first + k]->c); k++)
		;
	if (k < l->n)
		gn = gk_pdf_gap(v, l, k);
	return !((gp > SPACE_EM && fabsf(g - gp) < TRACK_TOL) ||
	    (gn > SPACE_EM && fabsf(g - gn) < TRACK_TOL));
}

/* Cut a line into pieces at gaps over CELL_GAP_EM (or before a mark, or
 * between two figures); classify it. */
static void
cut(const struct gk_pdf_char *const *v, struct aline *a, int *wide)
{
	const struct gk_pdf_line *l = a->l;
	size_t i, from = (size_t)-1, last = 0;
	float g, gw = 0, gx0 = 0, gx1 = 0;
	int figs = 0, words = 0, lastunit = 0, anynum = 0;

	a->np = 0;
	*wide = 0;
	for (i = 0; i <= l->n; i++) {
		const struct gk_pdf_char *c = i < l->n ? v[l->first + i] : NULL;

		if (c != NULL && gk_pdf_space(c->c))
			continue;
		/* drawn twice at the same place: fake bold (text.c) */
		if (c != NULL && from != (size_t)-1 &&
		    gk_pdf_dup(v[l->first + last], c))
			continue;
		g = c != NULL && from != (size_t)-1 ? gk_pdf_gap(v, l, i) : 0;
		if (c == NULL || (from != (size_t)-1 && (g > CELL_GAP_EM ||
		    (g > SPACE_EM && mark_at(v, l, i)) ||
		    digit_gap(v, l, last, i, g)))) {
			if (from != (size_t)-1 && a->np < MAXPIECES) {
				size_t k, m = 0;
				const struct gk_pdf_char *tmp[256];

				for (k = from; k <= last && m < 256; k++)
					if (!gk_pdf_space(v[l->first + k]->c) &&
					    (m == 0 || !gk_pdf_dup(tmp[m - 1],
					    v[l->first + k])))
						tmp[m++] = v[l->first + k];
				a->pg0[a->np] = gx0;
				a->pg1[a->np] = gx1;
				a->px0[a->np] = v[l->first + from]->x0;
				a->px1[a->np] = v[l->first + last]->x1;
				a->pfig[a->np] = figure_piece(tmp, m);
				a->pnum[a->np] = numbered(tmp, m);
				a->punit[a->np] = unit_piece(tmp, m);
				a->pn[a->np] = (int)m;
				a->pc0[a->np] = from;
				a->pc1[a->np] = last;
				a->phan[a->np] = 0;
				for (k = 0; k < m; k++)
					a->phan[a->np] |= zh_is_han(
					    (unsigned)tmp[k]->c);
				a->psz[a->np] = v[l->first + from]->size;
				if (a->pfig[a->np])
					figs++;
				else
					words++;
				if (a->np == 0) {
					a->numbered = numbered(tmp, m);
					a->ufirst = unit_piece(tmp, m);
				}
				lastunit = unit_piece(tmp, m);
				a->np++;
			}
			if (g > WIDE_GAP_EM)
				*wide += 2;
			else if (g > CELL_GAP_EM)
				(*wide)++;
			from = i;
			gw = gx0 = gx1 = 0;
		} else if (from != (size_t)-1 && g > SPACE_EM && g > gw) {
			gw = g;
			gx0 = v[l->first + last]->x1;
			gx1 = c->x0;
		}
		if (from == (size_t)-1)
			from = i;
		last = i;
	}
	a->x0 = a->np > 0 ? a->px0[0] : l->x0;
	a->x1 = a->np > 0 ? a->px1[a->np - 1] : l->x0;
	a->fig = figs > 0;
	for (i = 0; i < (size_t)a->np; i++)
		if (a->pnum[i])
			anynum = 1;
	if (anynum && figs == 0 && words >= 2)
		a->numbered = 1;	/* 处理 4.无正当理由…: labels */
	a->unit = figs == 0 && words >= 2 && lastunit;
	a->multi = figs == 0 && words >= 2 && !a->numbered && !a->unit;
	a->single = figs == 0 && words == 1 && !a->numbered;
}

static int
cmp_float(const void *a, const void *b)
{
	float p = *(const float *)a, q = *(const float *)b;

	return p < q ? -1 : p > q;
}

/* A column line of the table held from the page before inside (lo, hi). */
static int
hinted(const float *hint, int nhint, float lo, float hi, float *x)
{
	int i;

	for (i = 0; i < nhint; i++)
		if (hint[i] > lo && hint[i] < hi) {
			*x = hint[i];
			return 1;
		}
	return 0;
}

/*
 * Row r has a piece ending left of column line x and a piece starting
 * between x and the next column line nx.
 */
static int
both_sides(const struct aline *al, size_t n, int r, float x, float nx)
{
	size_t i;
	int p, left = 0, right = 0;

	for (i = 0; i < n; i++)
		for (p = 0; al[i].row == r && p < al[i].np; p++) {
			if (al[i].px1[p] <= x)
				left = 1;
			if (al[i].px0[p] >= x && al[i].px0[p] < nx)
				right = 1;
		}
	return left && right;
}

/* The line between rows r-1 and r (g0: top, g1: bottom). */
static float
row_top(const struct agroup *g, int g0, int g1, int r)
{
	return r == g0 ? g[g0].y0 : r == g1 ? g[g1 - 1].y1 :
	    (g[r - 1].y1 + g[r].y0) / 2;
}

/*
 * Does piece p of line a cross the column line x?  It covers x (by more
 * than CROSS_TOL each side), and its widest inner gap over SPACE_EM does
 * not hold x (the wrapped rests of two narrow labels side by side, 不予公
 * 国家秘, are one piece with the line in its gap).
 */
static int
crosses(const struct aline *a, int p, float x)
{
	return a->px0[p] < x - CROSS_TOL && a->px1[p] > x + CROSS_TOL &&
	    !(a->pg1[p] > a->pg0[p] && a->pg0[p] - CROSS_TOL <= x &&
	    x <= a->pg1[p] + CROSS_TOL);
}

/*
 * Piece p of line a, right of column line x of cx[0..nc) with nothing of
 * its row left of x, is a label centred over the row's whole width of
 * labels up to the next line right of it (四、结转下年度继续办理 over the
 * three label columns, left of it the column of 三、本年度办理结果): its
 * centre within ALIGN_EM of the middle of (left, that line), the table's
 * left edge, and nearer it than the middle of its own cell (x, that line),
 * where a label centred in the cell right of a blank one (under a label
 * spanning rows) has it.
 */
static int
spans_left(const struct aline *a, int p, float x, float left, const float *cx,
    int nc)
{
	float right = 1e9f, c = (a->px0[p] + a->px1[p]) / 2, whole;
	int k;

	for (k = 0; k < nc; k++)
		if (cx[k] >= a->px1[p] - CROSS_TOL && cx[k] < right)
			right = cx[k];
	if (right == 1e9f)
		return 0;
	whole = (left + right) / 2;
	return fabsf(c - whole) < ALIGN_EM * a->psz[p] &&
	    fabsf(c - whole) < fabsf(c - (x + right) / 2);
}

/* Is s (NFKC, white space dropped) a column header some form prints? */
static int
form_header(const char *s)
{
	char a[HEAD_BYTES], b[HEAD_BYTES], n[HEAD_BYTES];
	int f, t, r, c, k;

	zh_squeeze(s, a, sizeof(a));
	zh_nfkc(a, n, sizeof(n));
	if (n[0] == '\0')
		return 0;
	for (f = 0; gk_forms[f] != NULL; f++)
		for (t = 0; t < gk_forms[f]->ntables; t++)
			for (r = 0; r < gk_forms[f]->tables[t].nrows; r++) {
				const struct gk_row *row =
				    &gk_forms[f]->tables[t].rows[r];

				for (c = 0; c < row->ncols; c++)
					for (k = -1; k < 0 ||
					    (row->cols[c].variants != NULL &&
					    row->cols[c].variants[k] != NULL);
					    k++) {
						zh_squeeze(k < 0 ?
						    row->cols[c].label :
						    row->cols[c].variants[k],
						    a, sizeof(a));
						zh_nfkc(a, b, sizeof(b));
						if (strcmp(b, n) == 0)
							return 1;
					}
			}
	return 0;
}

/* Is piece p of line a a column header some form prints (本年制发件数)? */
static int
head_word(const struct gk_pdf_char *const *v, const struct aline *a, int p)
{
	struct gk_buf b;
	size_t k;
	int ok = 0;

	if (!a->phan[p])
		return 0;
	gk_buf_init(&b, HEAD_BYTES);
	for (k = a->pc0[p]; k <= a->pc1[p] && k < a->l->n; k++)
		if (gk_buf_add_cp(&b, (unsigned long)v[a->l->first + k]->c) < 0)
			break;
	if (k > a->pc1[p] && gk_buf_str(&b) != NULL)
		ok = form_header(gk_buf_str(&b));
	gk_buf_free(&b);
	return ok;
}

/* Has row r a piece within the column (lo, hi), reaching into it? */
static int
row_within(const struct aline *al, size_t n, int r, float lo, float hi)
{
	size_t i;
	int p;

	for (i = 0; i < n; i++)
		for (p = 0; al[i].row == r && p < al[i].np; p++)
			if (al[i].px1[p] > lo + CROSS_TOL &&
			    al[i].px0[p] < hi - CROSS_TOL &&
			    al[i].px0[p] >= lo - CROSS_TOL &&
			    al[i].px1[p] <= hi + CROSS_TOL)
				return 1;
	return 0;
}

/*
 * Do the header lines of rows g0..g1 part two columns at x within (left,
 * right)?  Header text stands each side of x, in pieces within (left, x)
 * and (x, right), and on one side at least it stands on two lines or
 * more: two headers wrapped in their columns (结果 | 结果 over 维持 | 纠正;
 * 总 / 计 beside 结果维 / 持 set a line lower; 其 / 他 set down its column
 * beside 小计 on a line between them, no line holding both).  One line
 * of pieces side by side with nothing above or below is no proof: a label
 * broken at a space (本年制发件数 本年 | 废止件数) looks the same.
 */
static int
header_split(const struct aline *al, size_t n, const struct agroup *g,
    int g0, int g1, float x, float left, float right)
{
	size_t i;
	int p, nl = 0, nr = 0, l, rt;

	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || !g[al[i].row].header)
			continue;
		for (p = 0, l = rt = 0; p < al[i].np; p++) {
			if (al[i].px0[p] >= left - CROSS_TOL &&
			    al[i].px1[p] <= x)
				l = 1;
			if (al[i].px0[p] >= x &&
			    al[i].px1[p] <= right + CROSS_TOL)
				rt = 1;
		}
		nl += l;
		nr += rt;
	}
	return nl >= 1 && nr >= 1 && (nl >= 2 || nr >= 2);
}

/*
 * Column line c (of cx[0..nc)) through the rows g0..g1 that no piece
 * crosses.  In a header row only the line nearest the middle of each gap
 * between two of its pieces is drawn, and those beside a piece that lies
 * within one column of the figures: a header cell spans the columns below
 * it, and makes no empty cells but where a header is held to its column.
 */
static int
vline(struct gk_pdf_page *out, const struct aline *al, size_t n,
    const struct agroup *g, int g0, int g1, const float *cx, int nc, int c,
    float fx0, float left)
{
	size_t i;
	int r, p, k, crossed, gapped, labelled, before;
	float x = cx[c], mid;

	for (r = g0; r < g1; r++) {
		crossed = 0;
		gapped = !g[r].header;
		/*
		 * Left of the figures, a line parts two labels: with nothing
		 * between it and the figures the label spans (一、本年新收…
		 * over the label columns), not a blank figure.
		 */
		labelled = g[r].header || x >= fx0 - COLUMN_GAP;
		for (k = 0; k < nc && !labelled; k++)
			if (cx[k] > x && cx[k] < fx0)
				break;
		if (k == nc)
			labelled = 1;	/* the line left of the figures */
		/*
		 * ... nor with a label centred over the blank left of it.  A
		 * piece that starts within CROSS_TOL left of the line does not
		 * cross it (crosses()): it is right of it.
		 */
		before = 0;
		for (i = 0; i < n && !labelled; i++)
			for (p = 0; al[i].row == r && p < al[i].np; p++)
				if (al[i].px1[p] <= x + CROSS_TOL)
					before = 1;
		for (i = 0; i < n && !labelled; i++)
			for (p = 0; al[i].row == r && p < al[i].np; p++)
				if (al[i].px0[p] > x - CROSS_TOL &&
				    al[i].px0[p] < fx0 - COLUMN_GAP &&
				    (before || !spans_left(&al[i],
				    p, x, left, cx, nc)))
					labelled = 1;
		if (!labelled)
			continue;
		/* a header piece of the row within a column of the figures
		 * beside the line is held to its column: its header, not one
		 * over the columns beside it (自然人 alone on its row, the
		 * other columns' headers wrapped at heights of their own) */
		if (!gapped) {
			float lo = left, hi = 1e9f;

			for (k = 0; k < nc; k++) {
				if (cx[k] < x && cx[k] > lo)
					lo = cx[k];
				if (cx[k] > x && cx[k] < hi)
					hi = cx[k];
			}
			gapped = (x > fx0 && row_within(al, n, r, lo, x)) ||
			    (hi > fx0 && row_within(al, n, r, x, hi));
		}
		for (i = 0; i < n && !crossed; i++) {
			if (al[i].row != r)
				continue;
			for (p = 0; p < al[i].np; p++) {
				if (crosses(&al[i], p, x))
					crossed = 1;
				if (p == 0 || gapped || al[i].px1[p - 1] > x ||
				    al[i].px0[p] < x)
					continue;
				mid = (al[i].px1[p - 1] + al[i].px0[p]) / 2;
				gapped = 1;
				for (k = 0; k < nc; k++)
					if (k != c && cx[k] > al[i].px1[p - 1] &&
					    cx[k] < al[i].px0[p] &&
					    fabsf(cx[k] - mid) < fabsf(x - mid))
						gapped = 0;
			}
		}
		if (!crossed && gapped && gk_pdf_page_addseg(out, 1, x,
		    row_top(g, g0, g1, r), row_top(g, g0, g1, r + 1)) < 0)
			return -1;
	}
	return 0;
}

/*
 * The widest stretch of (lo, hi) that no piece of the header rows (header
 * 1) or of the body rows (header 0) of g0..g1 covers: its width, and its
 * middle in *at.
 */
static float
widest_free(const struct aline *al, size_t n, const struct agroup *g,
    int g0, int g1, int header, float lo, float hi, float *at)
{
	float iv[2 * MAXPIECES], best = 0, a;
	size_t i, m = 0, k;
	int p;

	*at = (lo + hi) / 2;
	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 ||
		    !g[al[i].row].header != !header)
			continue;
		for (p = 0; p < al[i].np && m < MAXPIECES; p++)
			if (al[i].px1[p] > lo && al[i].px0[p] < hi) {
				iv[2 * m] = al[i].px0[p];
				iv[2 * m + 1] = al[i].px1[p];
				m++;
			}
	}
	qsort(iv, m, 2 * sizeof(float), cmp_float);
	for (a = lo, k = 0; k <= m; k++) {
		float b = k < m ? iv[2 * k] : hi;

		if (b > hi)
			b = hi;
		if (b - a > best) {
			best = b - a;
			*at = (a + b) / 2;
		}
		if (k < m && iv[2 * k + 1] > a)
			a = iv[2 * k + 1];
	}
	return best;
}

/*
 * Where the header labels leave room in the body's column gap (lo, hi)
 * when a header piece crosses its middle: the middle of the widest
 * stretch of it that no header piece covers, so that the column line
 * parts the headers too (本年制发件数 | 本年废止件数 over a gap narrowed
 * by a figure with its unit, 176（件）).  0 when no header piece crosses
 * the middle (it serves) or no stretch is COLUMN_GAP wide.
 */
static int
header_gap(const struct aline *al, size_t n, const struct agroup *g, int g0,
    int g1, float lo, float hi, float *x)
{
	float mid = (lo + hi) / 2;
	size_t i;
	int p, crossed = 0;

	for (i = 0; i < n && !crossed; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || !g[al[i].row].header)
			continue;
		for (p = 0; p < al[i].np; p++)
			if (al[i].px0[p] < mid - CROSS_TOL &&
			    al[i].px1[p] > mid + CROSS_TOL)
				crossed = 1;
	}
	return crossed && widest_free(al, n, g, g0, g1, 1, lo, hi, x) >=
	    COLUMN_GAP;
}

/* Does a piece of a body row (not a header) of rows g0..g1 reach into
 * (lo, hi)? */
static int
body_covers(const struct aline *al, size_t n, const struct agroup *g, int g0,
    int g1, float lo, float hi)
{
	size_t i;
	int p;

	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || g[al[i].row].header)
			continue;
		for (p = 0; p < al[i].np; p++)
			if (al[i].px0[p] < hi && al[i].px1[p] > lo)
				return 1;
	}
	return 0;
}

/*
 * The header pieces of rows g0..g1 that lie within the body column (left,
 * right), from every header line, as intervals sorted by start in iv
 * (room for MAXPIECES); returns how many.  Where they leave a gap between
 * them, the header stands over two columns even when no header line has
 * pieces each side of it (其 / 他 beside 小计 on the line between).
 */
static size_t
header_within(const struct aline *al, size_t n, const struct agroup *g,
    int g0, int g1, float left, float right, float *iv)
{
	size_t i, m = 0;
	int p;

	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || !g[al[i].row].header)
			continue;
		for (p = 0; p < al[i].np && m < MAXPIECES; p++)
			if (al[i].px0[p] >= left - CROSS_TOL &&
			    al[i].px1[p] <= right + CROSS_TOL) {
				iv[2 * m] = al[i].px0[p];
				iv[2 * m + 1] = al[i].px1[p];
				m++;
			}
	}
	qsort(iv, m, 2 * sizeof(float), cmp_float);
	return m;
}

/* How many pieces of the body rows of g0..g1 other than row r cross x. */
static int
crossings(const struct aline *al, size_t n, const struct agroup *g, int g0,
    int g1, int r, float x)
{
	size_t i;
	int p, k = 0;

	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || al[i].row == r ||
		    g[al[i].row].header)
			continue;
		for (p = 0; p < al[i].np; p++)
			k += crosses(&al[i], p, x);
	}
	return k;
}

/*
 * Where the column line goes between two labels side by side on a line of
 * row r, in the gap (lo, hi) between them: at the x that the fewest
 * pieces of the other body rows cross, so that a wider label of another
 * row (三、本年度 over 其中：…) keeps its cell whole where it can.  The
 * count changes only at the pieces' edges and at their inner gaps' edges:
 * of the stretches between those, the one of fewest crossings nearest the
 * middle of the gap wins; the line goes at that middle if the stretch holds
 * it, else at the middle of the stretch.  The gap is first narrowed to
 * what the row's own pieces on its other lines leave free: a label of a
 * column between the two (三 | （三）不 | 5.属于…, the middle label on a
 * line of its own) is parted from the right label, not skipped.  A gap
 * that reaches the figures (fx0: where they begin) is no gap between two
 * columns of labels: the other rows' figures in it would pull the line
 * beside a figure column's own line.  *x is left alone on failure (-1),
 * for such a gap and when nothing of the gap is left free.
 */
static int
side_line(const struct aline *al, size_t n, const struct agroup *g, int g0,
    int g1, size_t li, float lo, float hi, float fx0, float *x)
{
	float *bp, mid, s0, s1, best_d = 0, d;
	size_t i, m = 0, k, j;
	int p, cnt, best = -1, r = al[li].row;

	if (hi > fx0 - COLUMN_GAP)
		return 0;
	for (i = 0; i < n; i++)
		for (p = 0; i != li && al[i].row == r && p < al[i].np; p++) {
			if (al[i].px1[p] <= lo || al[i].px0[p] >= hi ||
			    (al[i].px0[p] <= lo && al[i].px1[p] >= hi))
				continue;
			if (al[i].px1[p] < hi)
				lo = al[i].px1[p];	/* left of it or in it */
			else
				hi = al[i].px0[p];	/* the right label's rest */
		}
	if (hi - lo <= COLUMN_GAP)
		return 0;
	mid = (lo + hi) / 2;
	for (i = 0; i < n; i++)
		m += 4 * (size_t)al[i].np;
	if ((bp = malloc((m + 2) * sizeof(float))) == NULL)
		return -1;
	m = 0;
	bp[m++] = lo;
	bp[m++] = hi;
	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || al[i].row == r ||
		    g[al[i].row].header)
			continue;
		for (p = 0; p < al[i].np; p++) {
			float e[4];
			int q;

			e[0] = al[i].px0[p] + CROSS_TOL;
			e[1] = al[i].px1[p] - CROSS_TOL;
			e[2] = al[i].pg0[p] - CROSS_TOL;
			e[3] = al[i].pg1[p] + CROSS_TOL;
			for (q = 0; q < (al[i].pg1[p] > al[i].pg0[p] ? 4 : 2);
			    q++)
				if (e[q] > lo && e[q] < hi)
					bp[m++] = e[q];
		}
	}
	qsort(bp, m, sizeof(float), cmp_float);
	/* stretches of equal count: [s0, s1] from bp[k] to bp[j] */
	for (k = 0; k + 1 < m; k = j) {
		for (j = k + 1; j < m && bp[j] <= bp[k]; j++)
			;
		if (j == m)
			break;
		cnt = crossings(al, n, g, g0, g1, r, (bp[k] + bp[j]) / 2);
		s0 = bp[k];
		for (;;) {
			size_t t;

			for (t = j + 1; t < m && bp[t] <= bp[j]; t++)
				;
			if (t == m || crossings(al, n, g, g0, g1, r,
			    (bp[j] + bp[t]) / 2) != cnt)
				break;
			j = t;
		}
		s1 = bp[j];
		d = s0 > mid ? s0 - mid : mid > s1 ? mid - s1 : 0;
		if (best < 0 || cnt < best || (cnt == best && d < best_d)) {
			best = cnt;
			best_d = d;
			*x = d == 0 ? mid : (s0 + s1) / 2;
		}
	}
	free(bp);
	return 0;
}

/*
 * Piece p of line a is a label that runs on into the figures, which begin
 * at fx0: it starts left of them and ends right of where they begin (a
 * long label set on one line over its cell's border).
 */
static int
overrun(const struct aline *a, int p, float fx0)
{
	return !a->pfig[p] && a->px0[p] < fx0 - COLUMN_GAP &&
	    a->px1[p] > fx0 + CROSS_TOL;
}

/*
 * Rows g[g0..g1) without a figure go on with the table held from the page
 * before (nhint: its column lines) when none is a header or a title: a
 * page of labels wrapped over many lines in narrow columns whose figures
 * are all blank (3.补 / 正后 / 申请 …, then （五 1.信 …), its figures'
 * columns the held table's.
 */
static int
blank_rows(const struct agroup *g, int g0, int g1, int nhint)
{
	int r;

	if (nhint < 2 || g1 <= g0)
		return 0;
	for (r = g0; r < g1; r++)
		if (g[r].header || g[r].title)
			return 0;
	return 1;
}

/*
 * What row r has in the column (lo, hi): 0 nothing, 1 pieces within it,
 * -1 a piece that reaches into it across one of its lines.  The lowest
 * such piece's line and piece in *low, *lp, the highest's in *high, *hp.
 */
static int
in_column(const struct aline *al, size_t n, int r, float lo, float hi,
    size_t *low, int *lp, size_t *high, int *hp)
{
	size_t i;
	int p, k = 0;

	for (i = 0; i < n; i++) {
		if (al[i].row != r)
			continue;
		for (p = 0; p < al[i].np; p++) {
			if (al[i].px1[p] <= lo + CROSS_TOL ||
			    al[i].px0[p] >= hi - CROSS_TOL)
				continue;
			if (al[i].px0[p] < lo - CROSS_TOL ||
			    al[i].px1[p] > hi + CROSS_TOL)
				return -1;
			if (k == 0 || al[i].yc > al[*low].yc) {
				*low = i;
				*lp = p;
			}
			if (k == 0 || al[i].yc < al[*high].yc) {
				*high = i;
				*hp = p;
			}
			k = 1;
		}
	}
	return k;
}

/*
 * Does the header label of the column (lo, hi) run on across the line
 * between header rows r - 1 and r?  The nearest header rows above and
 * below that line with text in the column (*a, *b; the rows between have
 * none there) hold it within the column, and the lowest piece of the
 * upper and the highest of the lower are two lines of one label: one
 * under the other, aligned (left edges or centres within ALIGN_EM: the
 * line over the table, 填报日期：…, set right over a column's 统计数, is
 * none), their centres at most HEADER_RUN_EM apart, each holding words (a placeholder's row, 行政许可 ——, is no
 * header's line).  Headers set in narrow columns, each centred at its
 * own height, wrap at baselines of their own (自然 / 人 beside 商业企 /
 * 业; 科研机 / 构 with 其他 of the next column on a line between), so
 * that a label's lines fall into two header rows, or more.
 */
static int
header_wraps(const struct aline *al, size_t n, const struct agroup *g,
    int g0, int g1, int r, float lo, float hi, int *a, int *b)
{
	size_t i0 = 0, i1 = 0, j0 = 0, j1 = 0;
	int p0 = 0, p1 = 0, q0 = 0, q1 = 0, k = 0;
	float em;

	for (*a = r - 1; *a >= g0 && g[*a].header && (k = in_column(al, n,
	    *a, lo, hi, &i0, &p0, &i1, &p1)) == 0; (*a)--)
		;
	if (*a < g0 || !g[*a].header || k < 0)
		return 0;
	for (*b = r; *b < g1 && g[*b].header && (k = in_column(al, n, *b,
	    lo, hi, &j0, &q0, &j1, &q1)) == 0; (*b)++)
		;
	if (*b >= g1 || !g[*b].header || k < 0)
		return 0;
	em = al[i0].psz[p0];
	return al[i0].phan[p0] && al[j1].phan[q1] && (fabsf(al[i0].px0[p0] -
	    al[j1].px0[q1]) < ALIGN_EM * em || fabsf(al[i0].px0[p0] +
	    al[i0].px1[p0] - al[j1].px0[q1] - al[j1].px1[q1]) / 2 <
	    ALIGN_EM * em) && al[j1].yc > al[i0].yc &&
	    al[j1].yc - al[i0].yc <= HEADER_RUN_EM * em;
}

/*
 * The row lines of rows g0..g1 between x0 and x1, and, where a header
 * label runs on from one header row into the next within one column of
 * the figures (header_wraps), that column's lines in both rows and no row
 * line between them across it: the label is one cell spanning the two
 * rows, beside the other columns' headers, not a word of each row.
 * cx[0..nc) are the column lines, sorted.
 */
static int
row_lines(struct gk_pdf_page *out, const struct aline *al, size_t n,
    const struct agroup *g, int g0, int g1, const float *cx, int nc,
    float x0, float x1, float fx0)
{
	int r, j, a, b;

	for (r = g0; r <= g1; r++) {
		float from = x0;

		for (j = 0; r > g0 && r < g1 && j <= nc; j++) {
			float lo = j == 0 ? x0 : cx[j - 1];
			float hi = j == nc ? x1 : cx[j];

			if (hi <= fx0 || !header_wraps(al, n, g, g0, g1, r, lo,
			    hi, &a, &b))
				continue;
			if (gk_pdf_page_addseg(out, 1, lo, row_top(g, g0, g1,
			    a), row_top(g, g0, g1, b + 1)) < 0 ||
			    gk_pdf_page_addseg(out, 1, hi, row_top(g, g0, g1,
			    a), row_top(g, g0, g1, b + 1)) < 0 ||
			    (lo > from && gk_pdf_page_addseg(out, 0,
			    row_top(g, g0, g1, r), from, lo) < 0))
				return -1;
			from = hi;
		}
		if (from < x1 && gk_pdf_page_addseg(out, 0, row_top(g, g0, g1,
		    r), from, x1) < 0)
			return -1;
	}
	return 0;
}

/*
 * The column lines of the table held from the page before (hint) inside
 * the gap lo..hi are this part's, every one of them: a gap of this page
 * may span several columns of it, those whose figures are all blank here
 * (54 4 _ _ 3 1 62 under 4.无… rows of blanks).  Adds them to cx[*nc];
 * returns how many.
 */
static int
held_lines(const float *hint, int nhint, float lo, float hi, float *cx,
    int *nc)
{
	int i, k = 0;

	for (i = 0; i < nhint; i++)
		if (hint[i] > lo && hint[i] < hi && *nc < MAXCOLS) {
			cx[(*nc)++] = hint[i];
			k++;
		}
	return k;
}

/*
 * Columns of rows g0..g1 of lines al[0..n): the x ranges that no piece of
 * a body row (not a header) covers.  Where the table held from the page
 * before has a column line inside such a gap, that line is taken, so that
 * the part on this page continues it.
 */
static int
draw_table(struct gk_pdf_page *out, const struct gk_pdf_char *const *v,
    const struct aline *al, size_t n, const struct agroup *g, int g0,
    int g1, const float *hint, int nhint)
{
	float *iv = NULL, x0 = 1e9f, x1 = -1e9f, cover, y, x, cx[MAXCOLS];
	float fx0 = 1e9f;
	size_t m = 0, i;
	int p, nfig = 0, ret = -1, r, nc = 0, c, k, hc, nrun = 0;

	for (r = g0; r < g1; r++)
		nfig += g[r].figs;
	/* one row of figures is a table when it goes on with the one held
	 * from the page before (四、结转下年度继续办理 alone on the page's top),
	 * and so are rows without figures (blank_rows) */
	if ((g1 - g0 < 2 && nhint == 0) || (nfig < 1 &&
	    !blank_rows(g, g0, g1, nhint)))
		return 0;
	for (i = 0; i < n; i++)
		m += (size_t)al[i].np;
	if ((iv = malloc((m + 1) * 2 * sizeof(float))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		for (p = 0; al[i].row >= g0 && al[i].row < g1 &&
		    !g[al[i].row].header && p < al[i].np; p++)
			if (al[i].pfig[p] && al[i].px0[p] < fx0)
				fx0 = al[i].px0[p];
	/* labels that run on into the figures (over their cell's border) */
	for (i = 0; i < n; i++)
		for (p = 0; al[i].row >= g0 && al[i].row < g1 &&
		    !g[al[i].row].header && p < al[i].np; p++)
			nrun += overrun(&al[i], p, fx0);
	if (nrun > OVERRUN_SHARE * (float)nfig)
		nrun = 0;
	m = 0;
	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1)
			continue;
		for (p = 0; p < al[i].np; p++) {
			if (al[i].px0[p] < x0)
				x0 = al[i].px0[p];
			if (al[i].px1[p] > x1)
				x1 = al[i].px1[p];
			if (g[al[i].row].header ||
			    (nrun > 0 && overrun(&al[i], p, fx0)))
				continue;
			iv[2 * m] = al[i].px0[p];
			iv[2 * m + 1] = al[i].px1[p];
			m++;
		}
	}
	/* sort intervals by start (pairs) */
	qsort(iv, m, 2 * sizeof(float), cmp_float);
	/*
	 * With a table held from the page before, the edges are its column
	 * lines round the text: the part on this page may start right of
	 * its first column (the labels of the rows above span down, and
	 * nothing of that column is printed here).
	 */
	for (c = nhint; c-- > 0;)
		if (hint[c] < x0)
			break;
	x0 = c >= 0 && c + 1 < nhint ? hint[c] : x0 - 2;
	for (c = 0; c < nhint; c++)
		if (hint[c] > x1)
			break;
	hc = c;
	x1 = nfig < 1 ? hint[nhint - 1] : c > 0 && c < nhint ? hint[c] :
	    x1 + 2;
	if (gk_pdf_page_addseg(out, 1, x0, g[g0].y0, g[g1 - 1].y1) < 0 ||
	    gk_pdf_page_addseg(out, 1, x1, g[g0].y0, g[g1 - 1].y1) < 0)
		goto out;
	(void)y;
	cover = m > 0 ? iv[1] : x1;
	for (i = 1; i < m; i++) {
		if (iv[2 * i] - cover > COLUMN_GAP &&
		    held_lines(hint, nhint, cover, iv[2 * i], cx, &nc) == 0) {
			if (!header_gap(al, n, g, g0, g1, cover, iv[2 * i],
			    &x))
				x = (cover + iv[2 * i]) / 2;
			if (nc < MAXCOLS)
				cx[nc++] = x;
		}
		if (iv[2 * i + 1] > cover)
			cover = iv[2 * i + 1];
	}
	/*
	 * Left of the figures, a gap between labels set left and labels set
	 * centred (legacy 统计表) is no column: a column of labels shows in
	 * some row with a label on each side of it, right next to it.
	 */
	qsort(cx, (size_t)nc, sizeof(float), cmp_float);
	for (c = 0; c < nc; c++) {
		if (cx[c] >= fx0 - COLUMN_GAP || c + 1 >= nc)
			continue;
		for (r = g0; r < g1; r++)
			if (!g[r].header && both_sides(al, n, r, cx[c],
			    cx[c + 1]))
				break;
		if (r < g1)
			continue;
		memmove(&cx[c], &cx[c + 1], (size_t)(nc - c - 1) *
		    sizeof(float));
		nc--;
		c--;
	}
	/*
	 * A column whose figures are all blank here (a blank cell drawn as
	 * nothing, or as a space) leaves no gap of its own in the body: its
	 * header does: its labels, wrapped in narrow columns, stand side by
	 * side within one body column on two lines or more (结果 | 结果 over
	 * 维持 | 纠正, over a blank and a 0), with a gap between them that no
	 * body piece covers.  One line of header pieces is no proof: a label
	 * broken at a space (本年制发件数 本年 | 废止件数) does the same.
	 */
	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || !g[al[i].row].header)
			continue;
		for (p = 1; p < al[i].np && nc < MAXCOLS; p++) {
			float lo = al[i].px1[p - 1], hi = al[i].px0[p];
			float left = x0, right = x1;

			for (c = 0; c < nc; c++) {
				if (cx[c] < hi && cx[c] > left)
					left = cx[c];
				if (cx[c] > lo && cx[c] < right)
					right = cx[c];
			}
			if (hi - lo <= COLUMN_GAP || left > lo ||
			    right < hi || body_covers(al, n, g, g0, g1, lo, hi))
				continue;
			if (!hinted(hint, nhint, lo, hi, &x))
				x = (lo + hi) / 2;
			/* ... or, left of every figure, the two are headers
			 * a form prints side by side (本年制发件数 本年废止件数
			 * over a column blank in every row): the template is
			 * the proof (further right, a header wider than its
			 * figures may stand beside its neighbour's over one
			 * body gap: 四's 结果维持 结果纠正) */
			if (header_split(al, n, g, g0, g1, x, left, right))
				cx[nc++] = x;
			else if (x < fx0 && left < fx0 &&
			    head_word(v, &al[i], p - 1) &&
			    head_word(v, &al[i], p)) {
				/* a blank column left of every figure: the
				 * figures begin at its left line */
				cx[nc++] = x;
				fx0 = left;
			}
		}
	}
	qsort(cx, (size_t)nc, sizeof(float), cmp_float);
	/* the same where the headers each side of the gap are on lines of
	 * their own: the gaps left by all header lines of a body column */
	for (c = 0, k = nc; c <= k && nc < MAXCOLS; c++) {
		float left = c == 0 ? x0 : cx[c - 1], right = c < k ? cx[c] : x1;
		float hv[2 * MAXPIECES], reach;
		size_t hm = header_within(al, n, g, g0, g1, left, right, hv), j;

		for (j = 1, reach = hm > 0 ? hv[1] : 0; j < hm; j++) {
			float lo = reach, hi = hv[2 * j];

			if (hv[2 * j + 1] > reach)
				reach = hv[2 * j + 1];
			/* a figure wider than its header (0.0000 under 小计)
			 * may reach into the gap: what it leaves free */
			if (hi - lo <= COLUMN_GAP || right <= fx0 ||
			    widest_free(al, n, g, g0, g1, 0, lo, hi, &x) <=
			    COLUMN_GAP)
				continue;
			(void)hinted(hint, nhint, lo, hi, &x);
			if (header_split(al, n, g, g0, g1, x, left, right) &&
			    nc < MAXCOLS)
				cx[nc++] = x;
		}
	}
	qsort(cx, (size_t)nc, sizeof(float), cmp_float);
	/*
	 * Two labels side by side on a body line (三、本年度 （一）予以公开)
	 * are two cells: a column line between them, drawn only in the rows
	 * that no text crosses (there, the cell spans).  A piece that reads
	 * as numbered but starts right of where the figures begin (0.0000:
	 * a decimal read as the mark 0.) is in the figures' columns, no label
	 * beside the row's own.
	 */
	for (i = 0; i < n; i++) {
		if (al[i].row < g0 || al[i].row >= g1 || g[al[i].row].header)
			continue;
		for (p = 1; p < al[i].np; p++)
			if (!al[i].pfig[p] && !al[i].pfig[p - 1] &&
			    al[i].px0[p] - al[i].px1[p - 1] > COLUMN_GAP &&
			    nc < MAXCOLS && al[i].pnum[p] &&
			    al[i].px0[p] < fx0) {
				x = (al[i].px1[p - 1] + al[i].px0[p]) / 2;
				if (side_line(al, n, g, g0, g1, i,
				    al[i].px1[p - 1], al[i].px0[p], fx0, &x) < 0)
					goto out;
				for (c = 0; c < nc; c++)
					if (fabsf(cx[c] - x) < COLUMN_GAP)
						break;
				if (c == nc)
					cx[nc++] = x;
			}
	}
	/* rows without figures: the held table's columns right of the
	 * labels are theirs, every cell blank */
	for (k = hc; nfig < 1 && k + 1 < nhint && nc < MAXCOLS; k++)
		cx[nc++] = hint[k];
	if (nfig < 1 && hc < nhint)
		fx0 = hint[hc];	/* where the figures would begin */
	for (c = 0; c < nc; c++)
		if (vline(out, al, n, g, g0, g1, cx, nc, c, fx0, x0) < 0)
			goto out;
	qsort(cx, (size_t)nc, sizeof(float), cmp_float);
	if (row_lines(out, al, n, g, g0, g1, cx, nc, x0, x1, fx0) < 0)
		goto out;
	ret = 0;
out:
	free(iv);
	return ret;
}

/*
 * Header line b is the wrapped rest of header line a (one row): close
 * below it, and every piece of b under a piece of a.
 */
static int
wraps(const struct aline *a, const struct aline *b)
{
	int p, q;

	if (b->yc - a->yc > HEADER_WRAP_EM * b->l->size)
		return 0;
	for (q = 0; q < b->np; q++) {
		for (p = 0; p < a->np; p++)
			if (b->px0[q] < a->px1[p] && b->px1[q] > a->px0[p])
				break;
		if (p == a->np)
			return 0;
	}
	return 1;
}

/*
 * A title between two tables (第二十条第（六）项): one piece reaching over
 * the figures, or set further than AFTER_EM below the line above it (no
 * rest of a label), after a row of figures (or first) and before a
 * header.
 */
static int
title_line(const struct aline *al, size_t n, size_t i, float fx0)
{
	size_t k;

	if (al[i].x1 <= fx0 && (i == 0 || al[i].l->y - al[i - 1].l->y <=
	    AFTER_EM * al[i].l->size))
		return 0;
	for (k = i + 1; k < n; k++)
		if (!al[k].single)
			break;
	return k < n && al[k].multi;
}

/* Line i comes first, or after a row of figures, not inside a header. */
static int
after_body(const struct aline *al, size_t i)
{
	size_t k;

	for (k = i; k-- > 0;)
		if (!al[k].single)
			return !al[k].multi;
	return 1;
}

/* Do pieces p of a and q of b share some x? */
static int
overlap(const struct aline *a, int p, const struct aline *b, int q)
{
	return b->px0[q] < a->px1[p] && b->px1[q] > a->px0[p];
}

/*
 * The first piece below piece p of line i that shares some of its x (on a
 * line of its own): line *j, piece *q.  0 when there is none.
 */
static int
below(const struct aline *al, size_t n, size_t i, int p, size_t *j, int *q)
{
	size_t k;
	int r;

	for (k = i + 1; k < n; k++) {
		if (al[k].l->y - al[i].l->y < SAME_LINE_EM * al[i].l->size)
			continue;
		for (r = 0; r < al[k].np; r++)
			if (overlap(&al[i], p, &al[k], r)) {
				*j = k;
				*q = r;
				return 1;
			}
	}
	return 0;
}

/*
 * Piece r of line k is set across the column of piece p of line i and
 * the next: it shares x with p and with a figure that shares none.  Above
 * line i (a header over it), that figure is on a line from k down to
 * within NEAR_EM past line i: a zone may hold several tables, each in
 * columns of its own, and a header over one figure is not across because
 * a table further down has a figure under it.
 */
static int
spans(const struct aline *al, size_t n, size_t i, int p, size_t k, int r)
{
	size_t m;
	int f;

	if (!overlap(&al[i], p, &al[k], r))
		return 0;
	for (m = 0; m < n; m++) {
		if (k < i && (al[m].l->y < al[k].l->y || al[m].l->y >
		    al[i].l->y + NEAR_EM * al[i].l->size))
			continue;
		for (f = 0; f < al[m].np; f++)
			if (al[m].pfig[f] && !overlap(&al[i], p, &al[m], f) &&
			    overlap(&al[k], r, &al[m], f))
				return 1;
	}
	return 0;
}

/*
 * Piece p of line i fills its column: no piece set in that column (one
 * sharing its x and no other column's, up and down to a line set across
 * the columns: a heading, the next table) is as wide as p and one more of
 * its characters.  A figure wraps only where its next digit does not fit.
 */
static int
fills(const struct aline *al, size_t n, size_t i, int p)
{
	float w = al[i].px1[p] - al[i].px0[p], room;
	size_t k;
	int r, dir, across;

	if (al[i].pn[p] < 1)
		return 0;
	room = w + w / (float)al[i].pn[p];
	for (dir = -1; dir <= 1; dir += 2)
		for (k = i; k < n; k += (size_t)dir) {
			across = 0;
			for (r = 0; r < al[k].np; r++) {
				if (!overlap(&al[i], p, &al[k], r))
					continue;
				if (spans(al, n, i, p, k, r))
					across = 1;
				else if (al[k].px1[r] - al[k].px0[r] >
				    room - CROSS_TOL)
					return 0;
			}
			if (across || (dir < 0 && k == 0))
				break;
		}
	return 1;
}

/*
 * Where the figures begin near line j: the first figure of the lines
 * within NEAR_EM of it (the zone may hold several tables, each with its
 * own label columns); none that close: the first figure of the line of
 * figures nearest to it (a label wrapped over many lines, far from any
 * figure, belongs with the table nearest it, not with the one of the
 * zone that starts its figures furthest left); no figure at all: fx0.
 */
static float
near_fx0(const struct aline *al, size_t n, size_t j, float fx0)
{
	float x = 1e9f, nx = fx0, nd = 1e9f, d;
	size_t k;
	int p;

	for (k = 0; k < n; k++) {
		d = fabsf(al[k].l->y - al[j].l->y);
		for (p = 0; p < al[k].np; p++) {
			if (!al[k].pfig[p])
				continue;
			if (d <= NEAR_EM * al[j].l->size && al[k].px0[p] < x)
				x = al[k].px0[p];
			if (d < nd || (d == nd && al[k].px0[p] < nx)) {
				nd = d;
				nx = al[k].px0[p];
			}
		}
	}
	return x < 1e9f ? x : nx;
}

/*
 * Figure piece q of line j is the rest of figure piece p of line i,
 * wrapped in its narrow column: right under it (below), at most
 * FIGURE_WRAP_EM lower, no wider, and p fills its column.
 */
static int
wraps_into(const struct aline *al, size_t n, size_t i, int p, size_t j,
    int q)
{
	size_t jj;
	int qq;

	return al[i].pfig[p] && al[j].pfig[q] && below(al, n, i, p, &jj,
	    &qq) && jj == j && qq == q && (al[j].l->y - al[i].l->y) /
	    al[i].psz[p] <= FIGURE_WRAP_EM && al[j].px1[q] - al[j].px0[q] <=
	    al[i].px1[p] - al[i].px0[p] + CROSS_TOL && fills(al, n, i, p);
}

/*
 * Piece q of line j, no figure, is the rest of a word wrapped in a narrow
 * figure column (用 under 不适, the placeholder 不适用 between the wrapped
 * figures ３１ / ４８ and ７ / １ of its row): under a piece of a line
 * above within FIGURE_WRAP_EM that is no figure either, overlapping it,
 * no wider.
 */
static int
placeholder_rest(const struct aline *al, size_t j, int q)
{
	size_t i;
	int p;

	for (i = j; i-- > 0 && al[j].l->y - al[i].l->y <=
	    FIGURE_WRAP_EM * al[j].l->size;)
		for (p = 0; p < al[i].np; p++)
			if (!al[i].pfig[p] && al[i].phan[p] &&
			    overlap(&al[i], p, &al[j], q) &&
			    al[j].px1[q] - al[j].px0[q] <=
			    al[i].px1[p] - al[i].px0[p] + CROSS_TOL)
				return 1;
	return 0;
}

/*
 * Figures wrapped in narrow columns (491 / 0, 31 / 19 around its row's
 * line): a figure piece that fills its column with a figure right under
 * it, at most FIGURE_WRAP_EM lower, is one figure.  A line whose figures
 * are all such rests, with no unit, no numbered label and no word over
 * the figures, is no row: its figures go with the pieces above them, and
 * a line left with only the first parts of such figures goes to the row
 * at their middle.  (The pitch of a cell's lines is no guide: a producer
 * may set labels, headers and figures each at its own leading.)
 */
static void
wrapped_figures(struct aline *al, size_t n, float fx0)
{
	float mid;
	size_t i, j, k;
	int p, q, r, ok, cnt;
	signed char *rest = NULL, *first = NULL;
	float *at = NULL;

	for (i = 0; i < n; i++)
		al[i].ys = al[i].yc;
	rest = calloc(n, 1);
	first = calloc(n, 1);
	at = calloc(n, sizeof(float));
	if (rest == NULL || first == NULL || at == NULL)
		goto out;	/* no joining: the figures stay as they are */
	for (j = 0; j < n; j++) {
		ok = al[j].fig;
		cnt = 0;
		mid = 0;
		for (q = 0; q < al[j].np && ok; q++) {
			if (al[j].punit[q] || al[j].pnum[q] ||
			    (!al[j].pfig[q] && al[j].px1[q] > near_fx0(al, n,
			    j, fx0) && !placeholder_rest(al, j, q))) {
				ok = 0;
				break;
			}
			if (!al[j].pfig[q])
				continue;
			/* the figure piece right above it */
			ok = 0;
			for (i = j; i-- > 0 && !ok;)
				for (p = 0; p < al[i].np && !ok; p++) {
					size_t jj;
					int qq;

					if (!al[i].pfig[p] ||
					    !below(al, n, i, p, &jj, &qq) ||
					    jj != j || qq != q)
						continue;
					if (wraps_into(al, n, i, p, j, q)) {
						ok = 1;
						mid += (al[i].yc + al[j].yc) / 2;
						cnt++;
						first[i] = 1;
						at[i] = (al[i].yc + al[j].yc) / 2;
					}
				}
		}
		if (!ok || cnt == 0)
			continue;
		rest[j] = 1;
		al[j].fig = 0;
		for (q = 0; q < al[j].np; q++)
			if (!al[j].pfig[q])
				break;
		if (q == al[j].np)
			al[j].ys = mid / (float)cnt;
	}
	/*
	 * A line whose figures are all first parts of wrapped figures is no
	 * line of figures: its label joins the figures below it (45 beside
	 * the first line of a label wrapped around its row's figures), and a
	 * line of such figures only (31 over its row's line) goes to the row
	 * at their middle.
	 */
	for (i = 0; i < n; i++) {
		if (!first[i] || !al[i].fig)
			continue;
		for (p = 0, cnt = 0; p < al[i].np; p++) {
			if (!al[i].pfig[p]) {
				cnt++;
				continue;
			}
			if (!below(al, n, i, p, &k, &r) || !rest[k])
				break;
		}
		if (p < al[i].np)
			continue;
		al[i].fig = 0;
		al[i].wrapfirst = 1;
		if (cnt == 0)
			al[i].ys = at[i];
	}
out:
	free(rest);
	free(first);
	free(at);
}

/* Where the first figure piece of line a begins (none: past its end). */
/* How many figure pieces line a has. */
static int
figures(const struct aline *a)
{
	int p, k = 0;

	for (p = 0; p < a->np; p++)
		k += a->pfig[p];
	return k;
}

static float
first_fig(const struct aline *a)
{
	int p;

	for (p = 0; p < a->np; p++)
		if (a->pfig[p])
			return a->px0[p];
	return a->x1 + 1;
}

/*
 * A line of figures only, right under a line of figures (within
 * FIGURE_WRAP_EM: a cell's next line), each of its figures in a column
 * that line leaves blank, between its figures or up to the zone's last
 * figure column (a row's last figure set low), is that row's: a figure
 * set on its cell's second line (a blank line, or a space, before it:
 * 72 64 178 _ 351 … over 37 under 尚未审结), no row of its own whose
 * every other cell is blank.
 */
static void
low_figures(struct aline *al, size_t n)
{
	size_t j, k;
	int p, q;

	for (j = 1; j < n; j++) {
		const struct aline *a = &al[j - 1];
		float fx1 = a->px1[a->np - 1];

		if (!al[j].fig || !a->fig || a->np < 2 ||
		    al[j].l->y - a->l->y > FIGURE_WRAP_EM * al[j].l->size)
			continue;
		/* the zone's last column: a row's last figure set low, right
		 * of the other figures of its line (（七）总计 7 0 … over 7) */
		for (k = 0; k < n; k++)
			for (p = 0; k != j && p < al[k].np; p++)
				if (al[k].pfig[p] && al[k].px1[p] > fx1)
					fx1 = al[k].px1[p];
		for (q = 0; q < al[j].np; q++) {
			if (!al[j].pfig[q] || al[j].px0[q] < first_fig(a) ||
			    al[j].px0[q] > fx1)
				break;
			for (p = 0; p < a->np; p++)
				if (overlap(a, p, &al[j], q))
					break;
			if (p < a->np)
				break;
		}
		if (q < al[j].np)
			continue;
		al[j].fig = 0;
		al[j].ys = a->yc;
	}
}

/*
 * Every piece of line i lies under a piece of a line above it within
 * NEAR_EM: the rests of labels wrapped in their columns.
 */
static int
label_rests(const struct aline *al, size_t i)
{
	size_t k;
	int p, q;

	for (p = 0; p < al[i].np; p++) {
		for (k = i; k-- > 0;) {
			if (al[i].l->y - al[k].l->y > NEAR_EM * al[i].l->size)
				return 0;
			for (q = 0; q < al[k].np; q++)
				if (overlap(&al[i], p, &al[k], q))
					break;
			if (q < al[k].np)
				break;
		}
		if (k == (size_t)-1)
			return 0;
	}
	return 1;
}

/*
 * Line b, right under a line of figures a (within FIGURE_WRAP_EM: a
 * cell's lines), holds the rests of its words wrapped in their columns:
 * each piece of b under a piece of a that is no figure, no wider (复申请
 * 用 under 2.重 0 0 … 不适: a placeholder wrapped in a narrow figure
 * column), so no header, though it has pieces over the figures.
 */
static int
word_rests(const struct aline *a, const struct aline *b)
{
	float h = b->l->size;
	int p, q;

	if (!a->fig || b->fig ||
	    b->l->y - a->l->y > FIGURE_WRAP_EM * h)
		return 0;
	for (q = 0; q < b->np; q++) {
		for (p = 0; p < a->np; p++)
			if (!a->pfig[p] && overlap(a, p, b, q) &&
			    b->px1[q] - b->px0[q] <= a->px1[p] - a->px0[p] +
			    ALIGN_EM * h)
				break;
		if (p == a->np)
			return 0;
	}
	return 1;
}

/*
 * Line i is a numbered line of one piece below every line of figures of
 * the zone (some above it), reaching over where the figures near it
 * begin.
 */
static int
heading_after(const struct aline *al, size_t n, size_t i, float fx0)
{
	size_t k;
	int above = 0;

	if (!al[i].numbered || al[i].np != 1 || al[i].fig)
		return 0;
	for (k = 0; k < n; k++)
		if (al[k].fig) {
			if (k > i)
				return 0;
			above = 1;
		}
	return above && al[i].x1 > near_fx0(al, n, i, fx0);
}

/* Where the figures of row r begin (none: fx0, the zone's). */
static float
row_fx0(const struct aline *al, size_t n, int r, float fx0)
{
	float x = 1e9f;
	size_t i;
	int p;

	for (i = 0; i < n; i++)
		for (p = 0; al[i].row == r && p < al[i].np; p++)
			if (al[i].pfig[p] && al[i].px0[p] < x)
				x = al[i].px0[p];
	return x < 1e9f ? x : fx0;
}

/*
 * The lines al[0..k) before the first row, all of them labels left of the
 * figures (fx0) not yet in a row, when that row's first line starts with
 * a numbered label: k, else 0.
 */
static size_t
top_rest(const struct aline *al, size_t n, float fx0)
{
	size_t i;

	for (i = 0; i < n && al[i].row < 0; i++)
		if (al[i].fig || al[i].x1 > fx0)
			return 0;
	if (i == 0 || i == n || al[i].row != 0 || !al[i].numbered)
		return 0;
	return i;
}

/*
 * The row pitch of rows g[0..ng): the median distance from one body row
 * (not a header or a title; a row of blank figures is one) to the next,
 * the tops of their lines, over PITCH_MIN_ROWS such distances at least; 0
 * when there are fewer.
 */
static float
row_pitch(const struct agroup *g, int ng)
{
	float d[64];
	int r, m = 0, last = -1;

	for (r = 0; r < ng; r++) {
		if (g[r].header || g[r].title)
			continue;
		if (last >= 0 && m < 64)
			d[m++] = g[r].top - g[last].top;
		last = r;
	}
	if (m < PITCH_MIN_ROWS)
		return 0;
	qsort(d, (size_t)m, sizeof(float), cmp_float);
	return d[m / 2];
}

/*
 * Line b of figures holds a label of its own in a column right of line
 * a, left of its figures: a is no label of b's row but a group label set
 * in the column left of the row labels, between two rows (（四） 2.3 pt
 * under 本机关不掌握相关政府信息 746 …, 10.9 pt over 没有现成信息需要另行
 * 制作 11 …: joined to the row below, the two rows' figures ran together
 * in one cell).
 */
static int
own_label(const struct aline *a, const struct aline *b)
{
	int p;

	for (p = 0; p < b->np && !b->pfig[p]; p++)
		if (b->phan[p] && !b->punit[p] &&
		    b->px0[p] > a->x1 + CROSS_TOL)
			return 1;
	return 0;
}

/* Rows and tables of the zone lines al[0..n). */
static int
zone_grid(struct gk_pdf_page *out, const struct gk_pdf_char *const *v,
    struct aline *al, size_t n, const float *hint, int nhint)
{
	struct agroup *g = NULL;
	size_t i, k;
	int ng = 0, r, best, start, ret = -1, body;
	size_t top;
	float d, bd, h, zx0, zx1, fx0, pitch;

	if ((g = calloc(n + 1, sizeof(*g))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		al[i].row = -1;
	/* the zone's extent: a title is centred over it */
	zx0 = 1e9f;
	zx1 = -1e9f;
	for (i = 0; i < n; i++) {
		if (al[i].x0 < zx0)
			zx0 = al[i].x0;
		if (al[i].x1 > zx1)
			zx1 = al[i].x1;
	}
	/* where the figures begin */
	fx0 = 1e9f;
	for (i = 0; i < n; i++)
		for (k = 0; al[i].fig && k < (size_t)al[i].np; k++)
			if (al[i].pfig[k] && al[i].px0[k] < fx0)
				fx0 = al[i].px0[k];
	wrapped_figures(al, n, fx0);
	low_figures(al, n);
	/*
	 * Labels side by side left of the figures (提供 息: the rests of two
	 * wrapped labels) are not a header: they go on their rows.  So are
	 * the rests of labels left of the figures near them, each piece
	 * under a piece of a line just above (）不 | 版物 under （五 |
	 * 3.要求提供公开出): a zone may hold a table whose figures begin
	 * further left (四's, from the table's left edge).
	 */
	for (i = 0; i < n; i++)
		if (al[i].multi && (al[i].x1 <= fx0 ||
		    (al[i].x1 <= near_fx0(al, n, i, fx0) &&
		    label_rests(al, i)) ||
		    (i > 0 && word_rests(&al[i - 1], &al[i]))))
			al[i].multi = 0;
	/*
	 * Labels side by side left of the figures near them, below rows of
	 * figures, that are no rests (left multi above: a zone whose figures
	 * begin further left, 二's small tables), with a line of figures next
	 * below them (not the header lines of the next table): a row of its
	 * own, its figures blank (不予公开 属于国家秘密, a group label and its
	 * first row label printed without numbering), no header: as one it
	 * cut the table in two and made the row above it a heading.
	 */
	for (i = 0, body = 0; i < n; i++) {
		body |= al[i].fig;
		if (!body || !al[i].multi ||
		    al[i].x1 > near_fx0(al, n, i, fx0))
			continue;
		for (k = i + 1; k < n && al[k].single; k++)
			;
		if (k < n && al[k].fig) {
			al[i].multi = 0;
			al[i].own = 1;
		}
	}
	/*
	 * A unit alone with its label set a little lower beside it
	 * (件 / 其中：涉及国家秘密) is a row with a blank figure.
	 */
	for (i = 0; i + 1 < n; i++)
		if (al[i].np == 1 && al[i].ufirst && !al[i].fig &&
		    !al[i + 1].fig && al[i + 1].x1 <= al[i].x0 &&
		    al[i + 1].yc - al[i].yc < UNIT_LOWER_EM * al[i].l->size) {
			al[i].unit = 1;
			al[i].single = 0;
		}
	/*
	 * A label line right above a row's label, centred on it and
	 * narrower by over an em, is no first line of that label (a label
	 * wraps where its line is full): it is a row of its own, its
	 * figures blank (属于行政查询事项 over 本机关不掌握相关政府信息 2 0 …,
	 * labels without numbering).
	 */
	for (i = 0; i + 1 < n; i++) {
		float c0, c1, w0, w1;

		h = al[i].l->size;
		if (!al[i].single || al[i + 1].np < 2 || !al[i + 1].fig ||
		    al[i + 1].pfig[0] || al[i + 1].pnum[0] ||
		    al[i + 1].l->y - al[i].l->y > NEAR_EM * h)
			continue;
		c0 = (al[i].x0 + al[i].x1) / 2;
		c1 = (al[i + 1].px0[0] + al[i + 1].px1[0]) / 2;
		w0 = al[i].x1 - al[i].x0;
		w1 = al[i + 1].px1[0] - al[i + 1].px0[0];
		if (fabsf(c0 - c1) < ALIGN_EM * h && w0 + h < w1)
			al[i].own = 1;
	}
	/*
	 * A numbered line of one piece after the zone's last figures that
	 * reaches over them is a heading under the table (五、存在的主要问题…),
	 * no row: as a row its piece hid the column gaps of the figures.
	 */
	for (i = 0; i < n; i++)
		if (heading_after(al, n, i, fx0)) {
			al[i].numbered = 0;
			al[i].single = 1;
		}
	/* anchors */
	for (i = 0; i < n; i++) {
		h = al[i].l->size;
		if (al[i].single && after_body(al, i) &&
		    ((al[i].x0 > zx0 + TITLE_EM * h &&
		    fabsf((al[i].x0 + al[i].x1) - (zx0 + zx1)) <
		    TITLE_EM * h) || title_line(al, n, i,
		    near_fx0(al, n, i, fx0)))) {
			g[ng].top = g[ng].bot = al[i].yc;
			g[ng].title = 1;
			al[i].row = ng++;
		} else if (al[i].fig || al[i].multi) {
			if (al[i].multi && ng > 0 && g[ng - 1].header &&
			    i > 0 && al[i - 1].row == ng - 1 &&
			    wraps(&al[i - 1], &al[i])) {
				al[i].row = ng - 1;
				g[ng - 1].bot = al[i].yc;
				continue;
			}
			g[ng].top = g[ng].bot = al[i].yc;
			g[ng].header = al[i].multi;
			g[ng].figs = al[i].fig;
			al[i].row = ng++;
		} else if (al[i].numbered && i > 0 && ng > 0 &&
		    al[i - 1].row == ng - 1 && al[i - 1].fig &&
		    (al[i - 1].pfig[0] || (al[i - 1].ufirst &&
		    al[i - 1].px0[0] >= al[i].x1)) &&
		    !g[ng - 1].label &&
		    al[i].yc - al[i - 1].yc < al[i].l->size) {
			/* the label of the figures just above (set lower) */
			al[i].row = ng - 1;
			g[ng - 1].bot = al[i].yc;
			g[ng - 1].label = 1;
		} else if (al[i].own) {
			g[ng].top = g[ng].bot = al[i].yc;
			al[i].row = ng++;
		} else if (al[i].numbered || al[i].unit) {
			/*
			 * joins the figures just below, if nothing between
			 * (a line of a group label left of it, （六）其 set
			 * between its first line and its figures, is not)
			 */
			for (k = i + 1; k < n; k++)
				if ((al[k].fig || al[k].multi || al[k].numbered ||
				    al[k].unit) && (al[k].fig ||
				    al[k].x1 > al[i].x0 - CROSS_TOL))
					break;
			/* ... even a numbered one when its figures begin on
			 * this line (三、本 1,8 over （一）予以公开 141 …) */
			if (!al[i].unit && k < n && al[k].fig &&
			    (!al[k].numbered || al[i].wrapfirst) &&
			    (al[i].wrapfirst || !own_label(&al[i], &al[k])) &&
			    al[k].yc - al[i].yc < LABEL_JOIN_EM * al[i].l->size) {
				g[ng].top = al[i].yc;
				g[ng].bot = al[k].yc;
				g[ng].figs = 1;
				al[i].row = ng;
				al[k].row = ng++;
				i = k;
				continue;
			}
			g[ng].top = g[ng].bot = al[i].yc;
			al[i].row = ng++;
		}
	}
	if (ng == 0)
		goto done;
	/* a label row without figures right above a header: a heading */
	for (r = 0; r + 1 < ng; r++)
		if (!g[r].figs && !g[r].header && !g[r].title &&
		    (g[r + 1].header || g[r + 1].title))
			g[r].title = 1;
	/*
	 * With a table held from the page before, lines of labels above the
	 * first row whose own label starts on its first line (numbered: 5.属
	 * beside its figures) are not its: they are the rest of the label
	 * the page break cut (4.保 / 护第 三方 ...), a row of their own that
	 * layout.c joins to the row above the break.  Labels lie left of
	 * the figures of that row, or, with none (its figures blank), of
	 * the figures nearest to it (not of 四's further down the zone).
	 */
	if (nhint > 0 && ng > 0 && !g[0].header &&
	    !g[0].title && (top = top_rest(al, n, row_fx0(al, n, 0,
	    near_fx0(al, n, 0, fx0)))) > 0) {
		memmove(&g[1], &g[0], (size_t)ng * sizeof(*g));
		memset(&g[0], 0, sizeof(*g));
		g[0].top = al[0].yc;
		g[0].bot = al[top - 1].yc;
		for (i = 0; i < n; i++)
			if (al[i].row >= 0)
				al[i].row++;
			else if (i < top)
				al[i].row = 0;
		ng++;
	}
	pitch = row_pitch(g, ng);
	/* continuations: the nearest row */
	for (i = 0; i < n; i++) {
		if (al[i].row >= 0)
			continue;
		best = 0;
		bd = 1e9f;
		for (r = 0; r < ng; r++) {
			d = al[i].ys < g[r].top ? g[r].top - al[i].ys :
			    al[i].ys > g[r].bot ? al[i].ys - g[r].bot : 0;
			if (d < bd) {
				bd = d;
				best = r;
			}
		}
		/*
		 * Far below the last row, or one piece reaching over the
		 * figures below it (a note under the table, 注：…, within
		 * AFTER_EM of its last figures: a label's wrapped rest stays
		 * left of them), or further below it than AFTER_PITCH of the
		 * table's row pitch (the form's signature line, 单位负责人：…
		 * 审核人：…: a label's rest is a line of its cell, closer than
		 * the next row would be): a line after the table.
		 */
		if (al[i].yc > g[ng - 1].bot && (bd > AFTER_EM *
		    al[i].l->size || (al[i].single &&
		    al[i].x1 > row_fx0(al, n, ng - 1, fx0)) ||
		    (pitch > 0 && bd > AFTER_PITCH * pitch)))
			continue;
		al[i].row = best;
		/* the row now reaches this line (次 under its label) */
		if (al[i].yc > g[best].bot)
			g[best].bot = al[i].yc;
		if (al[i].yc < g[best].top)
			g[best].top = al[i].yc;
	}
	for (r = 0; r < ng; r++) {
		g[r].y0 = 1e9f;
		g[r].y1 = -1e9f;
	}
	for (i = 0; i < n; i++) {
		if ((r = al[i].row) < 0)
			continue;
		h = al[i].l->size;
		if (al[i].yc - ROW_HALF_EM * h < g[r].y0)
			g[r].y0 = al[i].yc - ROW_HALF_EM * h;
		if (al[i].yc + ROW_HALF_EM * h > g[r].y1)
			g[r].y1 = al[i].yc + ROW_HALF_EM * h;
	}
	/*
	 * Rows whose lines interleave (header lines set close, a wrapped
	 * label around another's) are one row.
	 */
	for (r = 1; r < ng;) {
		if (g[r].y0 >= g[r - 1].y1 - ROW_OVERLAP * (g[r].y1 - g[r].y0) ||
		    (g[r].figs && g[r - 1].figs)) {
			r++;
			continue;
		}
		if (g[r].y0 < g[r - 1].y0)
			g[r - 1].y0 = g[r].y0;
		if (g[r].y1 > g[r - 1].y1)
			g[r - 1].y1 = g[r].y1;
		g[r - 1].figs |= g[r].figs;
		g[r - 1].header = g[r - 1].header && g[r].header;
		g[r - 1].title = g[r - 1].title && g[r].title;
		for (i = 0; i < n; i++)
			if (al[i].row >= r)
				al[i].row--;
		memmove(&g[r], &g[r + 1], (size_t)(ng - r - 1) * sizeof(*g));
		ng--;
	}
	/* tables: a header row after body rows starts a new one */
	for (start = 0, r = 0; r <= ng; r++) {
		if (r < ng && g[r].title) {
			if (draw_table(out, v, al, n, g, start, r, hint,
			    start == 0 ? nhint : 0) < 0)
				goto out;
			start = r + 1;
		} else if (r == ng || (r > start && g[r].header &&
		    !g[r - 1].header)) {
			if (draw_table(out, v, al, n, g, start, r, hint,
			    start == 0 ? nhint : 0) < 0)
				goto out;
			start = r;
		}
	}
done:
	ret = 0;
out:
	free(g);
	return ret;
}

/*
 * Piece q of line b is set under piece p of line a, as the next line of a
 * label wrapped in its column: left edges or centres aligned, no wider
 * than the column (w: the widest line of the label so far).
 */
static int
under_piece(const struct aline *a, int p, const struct aline *b, int q,
    float w)
{
	float h = b->l->size;

	return (fabsf(b->px0[q] - a->px0[p]) < ALIGN_EM * h ||
	    fabsf(b->px0[q] + b->px1[q] - a->px0[p] - a->px1[p]) <
	    2 * ALIGN_EM * h) &&
	    b->px1[q] - b->px0[q] <= w + ALIGN_EM * h;
}

/*
 * The width of the column of piece p of line a: its own, or that of the
 * piece of the line above a (o, when it is a line of the table) that p
 * is set under, when wider (a line may end short of its column: a
 * character that may not begin a line takes the one before it along,
 * 缴纳费 / 用、 after 缴纳 / 费).
 */
static float
column_width(const struct aline *o, const struct aline *a, int p)
{
	float w = a->px1[p] - a->px0[p];
	int k;

	for (k = 0; o != NULL && k < o->np; k++)
		if (!o->pfig[k] && under_piece(o, k, a, p, o->px1[k] -
		    o->px0[k]) && o->px1[k] - o->px0[k] > w)
			w = o->px1[k] - o->px0[k];
	return w;
}

/*
 * Piece q of line b lies within the extent of piece p of line a: two
 * labels wrapped side by side whose columns are set so close that their
 * full lines run together into one piece (）无法机关不 over 供 | 握相关).
 */
static int
inside(const struct aline *a, int p, const struct aline *b, int q)
{
	return b->px0[q] > a->px0[p] - CROSS_TOL &&
	    b->px1[q] < a->px1[p] + CROSS_TOL;
}

/*
 * Piece q of line b, beside the pieces of line a (overlapping none), is
 * set under a label piece of line o, the line above a, a line without
 * figures, within NEAR_EM: a group label and a row label wrapped side by
 * side in rows of blank figures, on baselines of their own that
 * interleave (（四） / 2.没有现成信息需 / 无法提 / 要另行制作 / 供: each
 * line the rest of the line two above).
 */
static int
under_line_above(const struct aline *o, const struct aline *a,
    const struct aline *b, int q, float right)
{
	int p;

	if (o == NULL || o->fig || b->l->y - o->l->y >= NEAR_EM * b->l->size)
		return 0;
	for (p = 0; p < a->np; p++)
		if (b->px0[q] < a->px1[p] && b->px1[q] > a->px0[p])
			return 0;
	for (p = 0; p < o->np; p++)
		if (!o->pfig[p] &&
		    o->px1[p] < right - RAGGED_EM * o->l->size &&
		    under_piece(o, p, b, q, o->px1[p] - o->px0[p]))
			return 1;
	return 0;
}

/*
 * Line b, under line a, holds the next lines of labels wrapped in their
 * columns: each of its pieces under a label piece of a (a group label and
 * a row label wrapped side by side, （四 | 1.本 over ）无 | 机关, or one
 * label alone), or, pieces side by side, within one (their columns' full
 * lines ran together); no figure in b, and neither runs to the right
 * margin (a note under the table, 注：…, is running text, and the heading
 * under it no rest of a label).  o: the line above a, in the table, or
 * NULL.
 */
static int
label_rest(const struct aline *o, const struct aline *a,
    const struct aline *b, float right)
{
	float h = b->l->size;
	int p, q;

	if (b->fig || b->np < 1 ||
	    b->l->y - a->l->y >= NEAR_EM * h ||
	    b->x1 >= right - RAGGED_EM * h)
		return 0;
	for (q = 0; q < b->np; q++) {
		for (p = 0; p < a->np; p++)
			if (!a->pfig[p] &&
			    a->px1[p] < right - RAGGED_EM * a->l->size &&
			    (under_piece(a, p, b, q, column_width(o, a, p)) ||
			    (b->np > 1 && inside(a, p, b, q))))
				break;
		if (p == a->np && !under_line_above(o, a, b, q, right))
			return 0;
	}
	return 1;
}

/* The first of the column lines hint[0..nhint) right of x (none: -1). */
static float
next_line(const float *hint, int nhint, float x)
{
	int c;

	for (c = 0; c < nhint; c++)
		if (hint[c] > x)
			return hint[c];
	return -1;
}

/*
 * Does piece 0 of line b start in a label column of line a: left edges or
 * centres aligned with a piece of a that is no figure and does not run to
 * the right margin?
 */
static int
in_label_column(const struct aline *a, const struct aline *b, float right)
{
	float h = b->l->size;
	int p;

	for (p = 0; a != NULL && p < a->np; p++)
		if (!a->pfig[p] && a->px1[p] < right - RAGGED_EM * a->l->size &&
		    (fabsf(b->px0[0] - a->px0[p]) < ALIGN_EM * h ||
		    fabsf(b->px0[0] + b->px1[0] - a->px0[p] - a->px1[p]) <
		    2 * ALIGN_EM * h))
			return 1;
	return 0;
}

/*
 * The pitch of the numbered labels of one column: the median distance
 * from a kept numbered line to the next one below whose first piece
 * starts where its own does (within ALIGN_EM), over PITCH_MIN_ROWS such
 * distances at least; 0 when there are fewer.
 */
static float
label_pitch(const struct aline *al, const int *keep, size_t nl)
{
	float d[64];
	size_t i, j;
	int m = 0;

	for (i = 0; i < nl && m < 64; i++) {
		if (!keep[i] || !al[i].numbered || al[i].np < 1)
			continue;
		for (j = i + 1; j < nl; j++)
			if (keep[j] && al[j].numbered && al[j].np > 0 &&
			    fabsf(al[j].px0[0] - al[i].px0[0]) <
			    ALIGN_EM * al[i].l->size)
				break;
		if (j < nl)
			d[m++] = al[j].l->y - al[i].l->y;
	}
	if (m < PITCH_MIN_ROWS)
		return 0;
	qsort(d, (size_t)m, sizeof(float), cmp_float);
	return d[m / 2];
}

/*
 * Does piece 0 of line b lie in a label column of the table held from
 * the page before (between two of its column lines hint[0..nhint), the
 * right one no further right than where the figures begin, fx), or in
 * all of them, centred on them (within ALIGN_EM)?  A group label
 * (（四）无法提供) whose column holds nothing else on this page; a row
 * label over every label column (四、结转下年度继续办理).
 */
static int
in_held_column(const float *hint, int nhint, const struct aline *b, float fx)
{
	int c;

	for (c = 0; c + 1 < nhint && hint[c + 1] <= fx + COLUMN_GAP; c++)
		if (b->px0[0] > hint[c] - CROSS_TOL &&
		    b->px1[0] < hint[c + 1] + CROSS_TOL)
			return 1;
	return c > 0 && b->px0[0] > hint[0] - CROSS_TOL &&
	    b->px1[0] < hint[c] + CROSS_TOL &&
	    fabsf(b->px0[0] + b->px1[0] - hint[0] - hint[c]) <
	    2 * ALIGN_EM * b->l->size;
}

/*
 * Line i, under line i - 1 of a zone, starts the next row of its table, a
 * row whose figures are all blank (a label wrapped over many lines in a
 * narrow column, its figures printed as nothing: 3.危 / 及“ / 三安 under
 * the last line of 2.其他法律…): a numbered label, its first piece set in
 * a label column of a line of the zone above it, up to the line of the
 * table's last figures or further up the zone (the line above may be
 * the centred last line of a label spanning two columns: （三 under 他情形）
 * under 形，不计其), or of the table held from the page before (a group
 * label: （四）无法提供), ending left of where the table's figures begin
 * (fx: a heading under the table reaches over them), within NEAR_EM of
 * the line above or, where rows are set further apart, AFTER_PITCH of
 * the pitch of the page's numbered labels (pitch), neither it nor the
 * line above, unless a line of figures, running to the right margin (a
 * heading under a note under the table is no row).  It may be wider than the line above: that was
 * the end of another label.
 */
static int
blank_row(const struct aline *al, const int *keep, const int *zone, size_t i,
    size_t ia, float right, float fx, float pitch, const float *hint,
    int nhint)
{
	const struct aline *a = &al[ia], *b = &al[i];
	float h = b->l->size, reach = NEAR_EM * h;
	size_t k;

	if (AFTER_PITCH * pitch > reach)
		reach = AFTER_PITCH * pitch;
	if (fx < 0 || !b->numbered || b->fig || b->np < 1 || b->x1 >= fx ||
	    b->l->y - a->l->y >= reach ||
	    b->x1 >= right - RAGGED_EM * h ||
	    (!a->fig && a->x1 >= right - RAGGED_EM * a->l->size))
		return 0;
	for (k = i; k-- > 0 && (zone[k] != 0 || !keep[k]);)
		if (keep[k] && in_label_column(&al[k], b, right))
			return 1;
	return in_held_column(hint, nhint, b, fx);
}

/*
 * Line i (i > 0), not yet in a zone, goes on with the zone line above it
 * (a line of white space between them left out: 5.要求…获取 / 信息 with
 * a blank line drawn between): the rest of a label (label_rest) or a row
 * of blank figures (blank_row); fx: where the figures begin.
 */
static int
goes_on(const struct aline *al, const int *keep, const int *zone, size_t i,
    float right, float fx, float pitch, const float *hint, int nhint)
{
	const struct aline *o;
	size_t a = i - 1;

	while (a > 0 && al[a].np == 0)
		a--;
	if (!keep[i] || !keep[a] || zone[i] != 0 || zone[a] == 0)
		return 0;
	o = a > 0 && keep[a - 1] && zone[a - 1] != 0 ? &al[a - 1] : NULL;
	return (zone[a] == 2 && label_rest(o, &al[a], &al[i], right)) ||
	    blank_row(al, keep, zone, i, a, right, fx, pitch, hint, nhint);
}

int
gk_pdf_align(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln,
    size_t nl, const int *keep, const float *hint, int nhint,
    struct gk_pdf_page *out)
{
	struct aline *al = NULL;
	int *zone = NULL, w, ret = -1;
	size_t i, j, m;
	float right = 0, fx, pitch;

	if (nl == 0)
		return 0;
	al = calloc(nl, sizeof(*al));
	zone = calloc(nl, sizeof(int));
	if (al == NULL || zone == NULL)
		goto out;
	for (i = 0; i < nl; i++) {
		al[i].l = &ln[i];
		al[i].yc = ln[i].y - LINE_MIDDLE_EM * ln[i].size;
		cut(v, &al[i], &w);
		if (keep[i])
			zone[i] = w >= 2;
	}
	for (i = 0; i < nl; i++) {
		if (!keep[i] || zone[i])
			continue;
		if ((i > 0 && zone[i - 1] == 1 &&
		    ln[i].y - ln[i - 1].y < NEAR_EM * ln[i].size) ||
		    (i + 1 < nl && zone[i + 1] == 1 &&
		    ln[i + 1].y - ln[i].y < NEAR_EM * ln[i].size))
			zone[i] = 2;
	}
	for (i = 0; i < nl; i++)
		if (keep[i] && al[i].x1 > right)
			right = al[i].x1;
	/* running text reaches at least as far as the held table (a page
	 * of its narrow label columns alone has no running text) */
	if (nhint > 0 && hint[nhint - 1] > right)
		right = hint[nhint - 1];
	/*
	 * The rest of a label wrapped over many lines in a narrow column
	 * (申请 / 内容 / 仍不 under 3.补 / 正后) goes on with the line above
	 * it in the table: one piece, set under it (left edges or centres
	 * aligned), no wider, not running text.
	 */
	pitch = label_pitch(al, keep, nl);
	for (i = 1, fx = -1; i < nl; i++) {
		/* a line of one figure is no guide when a row of them was
		 * seen: a figure wrapped or set low in the last column */
		if (keep[i - 1] && zone[i - 1] != 0 && al[i - 1].fig &&
		    (fx < 0 || figures(&al[i - 1]) > 1))
			fx = first_fig(&al[i - 1]);
		if (goes_on(al, keep, zone, i, right, fx >= 0 ? fx :
		    next_line(hint, nhint, al[i - 1].x1), pitch, hint, nhint))
			zone[i] = 2;
	}
	/*
	 * Lines between two lines of cells, none of them running text (to
	 * the right margin), are in the table: rows with blank figures.  The
	 * distance is the one from the last line of the zone above, the
	 * rows of blank figures that went on with it included (a run of
	 * them longer than FILL_EM, then （六）其他处理 over （七）总计 7 0 …).
	 */
	for (i = 0; i < nl; i = j) {
		size_t last = i;

		for (j = i + 1; j < nl && zone[j] != 1; j++)
			if (zone[j] != 0)
				last = j;
		if (zone[i] != 1 || j >= nl ||
		    ln[j].y - ln[last].y > FILL_EM * ln[i].size)
			continue;
		for (m = i + 1; m < j; m++)
			if (keep[m] && al[m].x1 > right - RAGGED_EM * ln[m].size)
				break;
		if (m < j)
			continue;
		for (m = i + 1; m < j; m++)
			if (keep[m] && zone[m] == 0)
				zone[m] = 2;
	}
	/*
	 * With a table held from the page before, the lines above the first
	 * line of cells, none of them running text, go on with it.
	 */
	for (j = 0; nhint > 0 && j < nl && zone[j] != 1; j++)
		if (keep[j] && al[j].x1 > right - RAGGED_EM * ln[j].size)
			break;
	if (nhint > 0 && j < nl && zone[j] == 1)
		for (m = 0; m < j; m++)
			if (keep[m] && zone[m] == 0)
				zone[m] = 2;
	/*
	 * Only the first table of the page can go on with the one held from
	 * the page before, and only with no text above it: the others take
	 * no column lines from it.
	 */
	for (i = 0; i < nl; i = j) {
		if (!zone[i]) {
			if (keep[i])
				nhint = 0;
			j = i + 1;
			continue;
		}
		for (j = i, m = 0; j < nl && (zone[j] || !keep[j]); j++)
			if (keep[j])
				al[i + m++] = al[j];
		if (zone_grid(out, v, al + i, m, hint, nhint) < 0)
			goto out;
		nhint = 0;
	}
	ret = 0;
out:
	free(al);
	free(zone);
	return ret;
}
