/*
 * layout.c: one page at a time, put every character in its table cell
 * or in the running text, and write paras and tables in reading order (top
 * to bottom).  See format_pdf.c for the page-break rules.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "extract/pdf/align.h"
#include "extract/pdf/layout.h"
#include "extract/pdf/loose.h"
#include "extract/pdf/table.h"
#include "extract/pdf/text.h"
#include "extract/pdf/thresholds.h"

struct para {
	float y, x;
	int seq;		/* order made, to keep sorting stable */
	int blank;		/* a blank paragraph seen as its gap */
	char *text;
};

struct paras {
	struct para *p;
	int n, cap;
};

static enum gk_err layout(struct gk_pdf_layout *, const struct gk_pdf_page *);

void
gk_pdf_layout_init(struct gk_pdf_layout *l, struct gk_sink *s)
{
	memset(l, 0, sizeof(*l));
	l->sink = s;
}

static void
held_clear(struct gk_pdf_held *h)
{
	gk_held_clear(&h->t);
	free(h->xs);
	memset(h, 0, sizeof(*h));
}

void
gk_pdf_layout_free(struct gk_pdf_layout *l)
{
	held_clear(&l->held);
	free(l->carry);
	l->carry = NULL;
	l->ncarry = 0;
}

static enum gk_err
sink_err(struct gk_sink *s)
{
	return s->err != GK_E_OK ? s->err : GK_E_INTERNAL;
}

static enum gk_err
held_flush(struct gk_pdf_layout *l)
{
	long n;

	if (!l->held.t.on)
		return GK_E_OK;
	gk_held_sort(&l->held.t);
	n = gk_held_flush(&l->held.t, l->sink);
	held_clear(&l->held);
	if (n < 0)
		return sink_err(l->sink);
	gk_sink_page(l->sink, l->page);
	l->emitted += (unsigned long)n;
	return GK_E_OK;
}

enum gk_err
gk_pdf_layout_finish(struct gk_pdf_layout *l)
{
	struct gk_pdf_page cp;
	enum gk_err e;

	if (l->ncarry > 0) {
		/* the header was the end of the document: lay it out alone */
		memset(&cp, 0, sizeof(cp));
		cp.w = l->carry_w;
		cp.h = l->carry_h;
		cp.ch = l->carry;
		cp.nch = l->ncarry;
		l->carry = NULL;
		l->ncarry = 0;
		e = layout(l, &cp);
		l->page--;	/* not a page of the document */
		free(cp.ch);
		if (e != GK_E_OK)
			return e;
	}
	return held_flush(l);
}

static enum gk_err
emit_para(struct gk_pdf_layout *l, const char *text, int blank, int inside)
{
	enum gk_err e;

	/*
	 * A para inside a table's extent on this page (a character of it no
	 * cell took: the 人 of a header 自然 / 人) does not end the table,
	 * which may go on over the page break.
	 */
	if (!inside && (e = held_flush(l)) != GK_E_OK)
		return e;
	if ((blank ? gk_sink_para_keep(l->sink, "") :
	    gk_sink_para(l->sink, text)) < 0)
		return sink_err(l->sink);
	l->emitted++;
	return GK_E_OK;
}

static int
held_add(struct gk_pdf_held *h, int row, int col, int rowspan, int colspan,
    char *text)
{
	return gk_held_add(&h->t, h->page, row, col, rowspan, colspan, text) ==
	    GK_E_OK ? 0 : -1;
}

/* Text with all white space removed, for comparing cells. */
static int
same_text(const char *a, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (*a != *b)
			return 0;
		if (*a == '\0')
			return 1;
		a++;
		b++;
	}
}

static int
blank(const char *s)
{
	return same_text(s, "");
}

/* Only a figure: digits, '.', ','. */
static int
figure(const char *s)
{
	int digits = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (*s != '.' && *s != ',' && !isspace((unsigned char)*s))
			return 0;
	}
	return digits > 0;
}

/*
 * Text that can be part of a row label but does not start one: not empty,
 * no numbering at its start (（四）, (4), 四、, 1., 1、), not a figure.
 */
static int
label_tail(const char *s)
{
	static const char *const open[] = { "（", "(", "０", "１", "２", "３",
	    "４", "５", "６", "７", "８", "９", NULL };
	static const char *const han[] = { "一", "二", "三", "四", "五",
	    "六", "七", "八", "九", "十", NULL };
	int i;

	if (s == NULL)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0' || isdigit((unsigned char)*s))
		return 0;
	for (i = 0; open[i] != NULL; i++)
		if (strncmp(s, open[i], strlen(open[i])) == 0)
			return 0;
	for (i = 0; han[i] != NULL; i++)
		if (strncmp(s, han[i], 3) == 0 &&
		    strncmp(s + 3, "、", 3) == 0)
			return 0;
	return !figure(s);
}

/* *dst = *dst + src. */
static int
cat_text(char **dst, const char *src)
{
	size_t a = *dst ? strlen(*dst) : 0, b = strlen(src);
	char *n;

	if ((n = realloc(*dst, a + b + 1)) == NULL)
		return -1;
	memcpy(n + a, src, b + 1);
	*dst = n;
	return 0;
}

/* Grid index in the held table of column line x, or -1. */
static int
held_col(const struct gk_pdf_held *h, float x)
{
	int i;

	for (i = 0; i < h->nx; i++)
		if (x > h->xs[i] - COLUMN_SAME && x < h->xs[i] + COLUMN_SAME)
			return i;
	return -1;
}

/*
 * Does row `r` of the new table t (columns mapped by map[]) repeat row r
 * of the held table?
 */
static int
repeats_row(const struct gk_pdf_held *h, const struct gk_pdf_table *t,
    const int *map, int r)
{
	const struct gk_pdf_cell *c;
	const struct gk_held_item *o;
	int i, j, n = 0, m = 0, found;

	for (j = 0; j < (int)h->t.n; j++)
		if (h->t.v[j].row == r)
			m++;
	for (i = 0; i < t->ncells; i++) {
		c = &t->cells[i];
		if (c->row != r)
			continue;
		n++;
		found = 0;
		for (j = 0; j < (int)h->t.n && !found; j++) {
			o = &h->t.v[j];
			if (o->row == r && o->col == map[c->col] &&
			    o->colspan == map[c->col + c->colspan] -
			    map[c->col] && o->rowspan == c->rowspan &&
			    same_text(o->text, c->text))
				found = 1;
		}
		if (!found)
			return 0;
	}
	return n > 0 && n == m;
}

/*
 * Column lines of t that the held table lacks are added to it (the part on
 * the first page may have had no row that needed them), and its cells are
 * renumbered to the new columns.
 */
static int
held_widen(struct gk_pdf_held *h, const struct gk_pdf_table *t)
{
	float *xs;
	int *idx, i, j, n, add = 0;

	for (i = 0; i < t->nx; i++)
		if (held_col(h, t->xs[i]) < 0)
			add++;
	if (add == 0)
		return 0;
	if ((xs = malloc((size_t)(h->nx + add) * sizeof(float))) == NULL)
		return -1;
	if ((idx = malloc((size_t)(h->nx + 1) * sizeof(int))) == NULL) {
		free(xs);
		return -1;
	}
	/* merge two ascending lists */
	for (i = j = n = 0; i < h->nx || j < t->nx;) {
		if (j < t->nx && held_col(h, t->xs[j]) >= 0) {
			j++;
			continue;
		}
		if (i < h->nx && (j >= t->nx || h->xs[i] < t->xs[j])) {
			idx[i] = n;
			xs[n++] = h->xs[i++];
		} else
			xs[n++] = t->xs[j++];
	}
	gk_held_renumber(&h->t, idx);
	free(h->xs);
	free(idx);
	h->xs = xs;
	h->nx = n;
	return 0;
}

/* The held cell at (col, colspan) that reaches the last row, or NULL. */
static struct gk_held_item *
last_row_cell(struct gk_pdf_held *h, int col, int colspan)
{
	int j;

	for (j = 0; j < (int)h->t.n; j++)
		if (h->t.v[j].row + h->t.v[j].rowspan == h->t.rows &&
		    h->t.v[j].col == col && h->t.v[j].colspan == colspan)
			return &h->t.v[j];
	return NULL;
}

static int
row_cut(struct gk_pdf_held *h, const struct gk_pdf_table *t, const int *map,
    int r)
{
	const struct gk_pdf_cell *c;
	const struct gk_held_item *o;
	int i, text = 0, empty = 1, starts = 0, n = 0, nblank = 0;

	/* A last row with nothing in it is the empty top of a cut row. */
	for (i = 0; i < (int)h->t.n; i++)
		if (h->t.v[i].row == h->t.rows - 1) {
			starts++;
			if (!blank(h->t.v[i].text))
				empty = 0;
		}
	empty = empty && starts > 0;
	for (i = 0; i < t->ncells; i++) {
		c = &t->cells[i];
		if (c->row != r)
			continue;
		o = last_row_cell(h, map[c->col], map[c->col + c->colspan] -
		    map[c->col]);
		if (o == NULL)
			return 0;
		if (empty) {
			text++;
			continue;
		}
		n++;
		if (blank(c->text)) {
			nblank++;
			continue;
		}
		/*
		 * The rest of a cut label, under a first part: a text equal
		 * to the one above (a unit column: 件 / 件) is a new row.
		 */
		if (!label_tail(c->text) || blank(o->text) ||
		    same_text(o->text, c->text))
			return 0;
		text++;
	}
	/* A row with nothing in it is the empty bottom of a cut row. */
	return text > 0 || (n > 0 && nblank == n);
}

/*
 * Append table t to the held table when it continues it (same outer column
 * lines, every column line of t one of the held table's).  Returns 1 when
 * appended (t's texts are then owned by the held table), 0 when t does not
 * continue it, -1 when memory ran out.
 */
static int
held_continue(struct gk_pdf_held *h, struct gk_pdf_table *t)
{
	struct gk_pdf_cell *c;
	struct gk_held_item *o;
	int *map, i, j, skip, base, merged, cut, head;

	/*
	 * The right edges must meet; the left one may lie further in: a
	 * producer may draw no border for the rest of a cell that spans rows
	 * on the page before.
	 */
	if (!h->t.on || t->nx < 2 || held_col(h, t->xs[0]) < 0 ||
	    held_col(h, t->xs[t->nx - 1]) != h->nx - 1)
		return 0;
	if (held_widen(h, t) < 0)
		return -1;
	if ((map = malloc((size_t)t->nx * sizeof(int))) == NULL)
		return -1;
	for (i = 0; i < t->nx; i++)
		if ((map[i] = held_col(h, t->xs[i])) < 0 ||
		    (i > 0 && map[i] <= map[i - 1])) {
			free(map);
			return 0;
		}
	/* Header rows printed again on the new page. */
	for (skip = 0; skip < t->ny - 1 && skip < h->t.rows &&
	    repeats_row(h, t, map, skip); skip++)
		;
	/*
	 * A row the break cut in two (producers that break inside rows):
	 * every piece on the new page lines up with a cell of the last row
	 * and holds only the rest of a label, or nothing.
	 */
	cut = row_cut(h, t, map, skip);
	/*
	 * Rows above the first figure are the header: a page break inside
	 * it cuts a spanning header cell into two one-row cells.
	 */
	for (head = h->t.rows, j = 0; j < (int)h->t.n; j++)
		if (figure(h->t.v[j].text) && h->t.v[j].row < head)
			head = h->t.v[j].row;
	/*
	 * ... unless the first row on the new page holds a figure: it is a
	 * row of its own, and its blank cells are blank figures, not the
	 * rest of the header cells above them (a page that ends with a
	 * header without its bottom rule: 商业企业 over a blank cell).
	 */
	for (i = 0; i < t->ncells && head == h->t.rows; i++)
		if (t->cells[i].row == skip && figure(t->cells[i].text))
			head = -1;
	base = h->t.rows - skip - cut;
	for (i = 0; i < t->ncells; i++) {
		c = &t->cells[i];
		if (c->row < skip)
			continue;
		merged = 0;
		if (cut && c->row == skip) {
			o = last_row_cell(h, map[c->col],
			    map[c->col + c->colspan] - map[c->col]);
			if (!blank(c->text) && cat_text(&o->text, c->text) < 0) {
				free(map);
				return -1;
			}
			o->rowspan += c->rowspan - 1;
			continue;
		}
		/*
		 * The rest of a merged cell that the break cut in two: empty,
		 * or the tail of a label centred over both parts (（四）无 /
		 * 法提供), which never starts with a numbering.
		 */
		if (c->row == skip && (blank(c->text) || label_tail(c->text)))
			for (j = 0; j < (int)h->t.n && !merged; j++) {
				o = &h->t.v[j];
				if (o->row + o->rowspan == h->t.rows &&
				    o->col == map[c->col] &&
				    o->colspan == map[c->col + c->colspan] -
				    map[c->col] &&
				    (o->rowspan > 1 || c->rowspan > 1 ||
				    (o->row < head && !blank(o->text) &&
				    blank(c->text))) &&
				    (blank(c->text) || !figure(o->text))) {
					if (!blank(c->text) &&
					    cat_text(&o->text, c->text) < 0) {
						free(map);
						return -1;
					}
					o->rowspan += c->rowspan;
					merged = 1;
				}
			}
		if (merged)
			continue;
		if (held_add(h, c->row + base, map[c->col], c->rowspan,
		    map[c->col + c->colspan] - map[c->col], c->text) < 0) {
			free(map);
			return -1;
		}
		c->text = NULL;
	}
	/* Cells left of the new part run on beside it. */
	for (j = 0; j < (int)h->t.n; j++)
		if (h->t.v[j].row + h->t.v[j].rowspan == h->t.rows &&
		    h->t.v[j].col + h->t.v[j].colspan <= map[0])
			h->t.v[j].rowspan += t->ny - 1 - skip - cut;
	h->t.rows += t->ny - 1 - skip - cut;
	free(map);
	return 1;
}

/* Start holding table t (its texts move to the held table). */
static int
held_start(struct gk_pdf_held *h, struct gk_pdf_table *t, int page)
{
	int i;

	memset(h, 0, sizeof(*h));
	h->page = page;
	if ((h->xs = malloc((size_t)t->nx * sizeof(float))) == NULL)
		return -1;
	memcpy(h->xs, t->xs, (size_t)t->nx * sizeof(float));
	h->nx = t->nx;
	h->t.rows = t->ny - 1;
	h->t.on = 1;
	for (i = 0; i < t->ncells; i++) {
		if (held_add(h, t->cells[i].row, t->cells[i].col,
		    t->cells[i].rowspan, t->cells[i].colspan,
		    t->cells[i].text) < 0)
			return -1;
		t->cells[i].text = NULL;
	}
	return 0;
}

/*
 * A line that is only a page number: 4, - 4 -, — 4 —, 第4页, 第4页共6页, 4/6;
 * not numbers apart (0 0 0: a row of figures at the foot of a page).
 */
static int
page_number(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int digits = 0, other = 0;

	while (*p != '\0') {
		if (isdigit(*p) && digits > 0 && p[-1] == ' ') {
			const unsigned char *q = p;

			while (q > (const unsigned char *)s && q[-1] == ' ')
				q--;
			if (q > (const unsigned char *)s && isdigit(q[-1]))
				return 0;	/* 0 0 0: figures, not a page */
		}
		if (isdigit(*p))
			digits++;
		else if (*p == ' ' || *p == '-' || *p == '/')
			;
		else if (strncmp((const char *)p, "—", 3) == 0 ||
		    strncmp((const char *)p, "–", 3) == 0 ||
		    strncmp((const char *)p, "－", 3) == 0 ||
		    strncmp((const char *)p, "第", 3) == 0 ||
		    strncmp((const char *)p, "页", 3) == 0 ||
		    strncmp((const char *)p, "共", 3) == 0) {
			p += 3;
			continue;
		} else
			other++;
		p++;
	}
	return digits > 0 && digits <= 6 && other == 0;
}

/*
 * Only digits (and white space): a page number with nothing round it.  A
 * sign before them alone (-2248, －3: a negative figure, a change) is no
 * page number's dash, which comes in pairs (- 4 -): bare too.
 */
static int
bare_number(const char *s)
{
	while (*s == ' ')
		s++;
	if (*s == '-' || *s == '+')
		s++;
	else if (strncmp(s, "－", 3) == 0 || strncmp(s, "＋", 3) == 0 ||
	    strncmp(s, "−", 3) == 0)
		s += 3;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s) && *s != ' ')
			return 0;
	return 1;
}

/*
 * The nearest baseline of the page's characters beyond y (below when dir
 * is 1, above when -1), lines within SAME_LINE_EM of y left out; -1 when
 * none.
 */
static float
next_baseline(const struct gk_pdf_page *pg, float y, float size, int dir)
{
	float best = -1, d;
	size_t i;

	for (i = 0; i < pg->nch; i++) {
		if (pg->ch[i].c == ' ' || pg->ch[i].c == 0xa0 ||
		    pg->ch[i].c == 0x3000)
			continue;
		d = (pg->ch[i].y - y) * (float)dir;
		if (d <= SAME_LINE_EM * size)
			continue;
		if (best < 0 || d < best)
			best = d;
	}
	return best < 0 ? -1 : y + best * (float)dir;
}

/*
 * Is line l, whose text is s, the page's number?  It lies in the top or
 * bottom margin and holds only a page number's characters; a bare number
 * (4) must also be set apart from the text: its gap to the next line
 * towards the body is over FOLIO_PITCH times that line's own gap to the
 * line after it.  A figure on a page of one paragraph per cell follows
 * its neighbour at the page's pitch.
 */
static int
folio(const struct gk_pdf_page *pg, const struct gk_pdf_line *l,
    const char *s)
{
	float y1, y2;
	int dir;

	if (!(l->y < pg->h * MARGIN_TOP || l->y > pg->h * (1 - MARGIN_BOTTOM)) ||
	    !page_number(s))
		return 0;
	if (!bare_number(s))
		return 1;
	dir = l->y < pg->h * MARGIN_TOP ? 1 : -1;
	if ((y1 = next_baseline(pg, l->y, l->size, dir)) < 0 ||
	    (y2 = next_baseline(pg, y1, l->size, dir)) < 0)
		return 1;
	return (y1 - l->y) * (float)dir > FOLIO_PITCH * (y2 - y1) * (float)dir;
}


/*
 * A line of table cells without rulings: one very wide gap, or two wide
 * ones (the padding between cells), where running text has none.
 */
static int
tabular(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln)
{
	float g;
	size_t i;
	int wide = 0;

	for (i = 1; i < ln->n; i++) {
		g = gk_pdf_gap(v, ln, i);
		if (g > WIDE_GAP_EM)
			return 1;
		if (g > CELL_GAP_EM)
			wide++;
	}
	return wide >= 2;
}

static int
add_para(struct paras *ps, float y, float x, const char *text)
{
	struct para *n;
	char *t;

	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		if ((n = realloc(ps->p, (size_t)ps->cap * sizeof(*n))) == NULL)
			return -1;
		ps->p = n;
	}
	if ((t = strdup(text)) == NULL)
		return -1;
	ps->p[ps->n].y = y;
	ps->p[ps->n].x = x;
	ps->p[ps->n].seq = ps->n;
	ps->p[ps->n].blank = 0;
	ps->p[ps->n].text = t;
	ps->n++;
	return 0;
}

static int
emit_loose(void *arg, float y, float x, const char *text)
{
	return add_para(arg, y, x, text);
}

static int
cmp_para(const void *a, const void *b)
{
	const struct para *p = a, *q = b;

	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->seq - q->seq;
}

/* The right end of a line's ink (an empty cell may hold a space). */
static float
ink_x1(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln)
{
	size_t i;

	for (i = ln->n; i-- > 0;)
		if (!gk_pdf_space(v[ln->first + i]->c))
			return v[ln->first + i]->x1;
	return ln->x0;
}

/* A line that starts a numbered heading: 三、 十一、 （一） */
static int
heading_start(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln)
{
	size_t i;
	int a;

	if (ln->n < 2)
		return 0;
	a = v[ln->first]->c;
	if (a == 0xff08 || a == '(') {
		for (i = 1; i < ln->n && i < 5; i++)
			if (v[ln->first + i]->c == 0xff09 ||
			    v[ln->first + i]->c == ')')
				return i > 1;
		return 0;
	}
	for (i = 0; i < ln->n && i < 3; i++) {
		a = v[ln->first + i]->c;
		if (a == 0x3001 || a == '.')
			return i > 0;
		if (!(a == 0x4e00 || a == 0x4e8c || a == 0x4e09 ||
		    a == 0x56db || a == 0x4e94 || a == 0x516d || a == 0x4e03 ||
		    a == 0x516b || a == 0x4e5d || a == 0x5341 ||
		    (a >= '0' && a <= '9')))
			return 0;
	}
	return 0;
}

static int
digit_char(int c)
{
	return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19);
}

/*
 * Where the first figure of line ln starts: a piece (from a gap between
 * cells to the next) of digits, separators and signs only, its first
 * character a digit (the numbering of a label, 1.本, is no figure); none:
 * past the line's end.
 */
static float
figure_x0(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln)
{
	size_t k, e;
	int c;

	for (k = 1; k < ln->n; k++) {
		if (!digit_char(v[ln->first + k]->c) ||
		    gk_pdf_gap(v, ln, k) <= CELL_GAP_EM)
			continue;
		for (e = k + 1; e < ln->n &&
		    gk_pdf_gap(v, ln, e) <= CELL_GAP_EM; e++) {
			c = v[ln->first + e]->c;
			if (!digit_char(c) && !gk_pdf_space(c) && c != ',' &&
			    c != '.' && c != '-' && c != '%')
				break;
		}
		if (e == ln->n || gk_pdf_gap(v, ln, e) > CELL_GAP_EM)
			return v[ln->first + k]->x0;
	}
	return ln->x1 + 1;
}

/*
 * The lines ln[top..nl) right under line i, a line with figures, all end
 * left of where its figures begin: they are the rests of its labels,
 * wrapped in their columns (（四 1.本 2 0 … over ）无 机关 / 法提 不掌), not
 * the header of a table whose body is on the next page (a header stands
 * over the figures' columns).
 */
static int
rests_of_labels(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln,
    size_t nl, const int *keep, size_t i, size_t top)
{
	float fx;
	size_t k;

	if (i >= nl || top != i + 1)
		return 0;
	fx = figure_x0(v, &ln[i]);
	if (fx > ln[i].x1)
		return 0;
	for (k = top; k < nl; k++) {
		if (keep[k] && ink_x1(v, &ln[k]) >= fx)
			return 0;
	}
	return 1;
}

/*
 * The header of a table without rulings that ends the page, its body on
 * the next (a page break between them), or a last numbered label (*label
 * set): the last lines of the page, below
 * every ruled table, up to a numbered heading, a line with figures or a
 * line of running text; at least one is a line of cells and none has a
 * digit.  Marks their characters in cut[] (by index in pg->ch); returns
 * how many, 0 when the page does not end so, -1 when memory ran out.
 */
static int
tail_header(const struct gk_pdf_page *pg, const struct gk_pdf_table *t,
    int nt, const struct gk_pdf_char **rest, size_t nrest, char *cut,
    int *label)
{
	struct gk_pdf_line *ln = NULL;
	const struct gk_pdf_char **v = NULL;
	struct gk_buf lb;
	size_t nl = 0, i, k, top;
	float right = 0;
	int *keep = NULL, ret = -1, cells = 0, lines = 0, stop, ti;

	gk_buf_init(&lb, GK_MAX_TEXT);
	*label = 0;
	if (nrest == 0)
		return 0;
	if ((v = malloc(nrest * sizeof(*v))) == NULL)
		goto out;
	memcpy(v, rest, nrest * sizeof(*v));
	if (gk_pdf_lines(v, nrest, &ln, &nl) < 0 ||
	    (keep = calloc(nl + 1, sizeof(int))) == NULL)
		goto out;
	for (i = 0; i < nl; i++) {
		gk_buf_reset(&lb);
		if (gk_pdf_line_text(&lb, v, &ln[i]) < 0)
			goto out;
		keep[i] = !blank(gk_buf_str(&lb)) &&
		    !folio(pg, &ln[i], gk_buf_str(&lb));
		if (keep[i] && ln[i].x1 > right)
			right = ln[i].x1;
	}
	ret = 0;
	top = nl;
	for (i = nl; i-- > 0;) {
		if (!keep[i])
			continue;
		stop = heading_start(v, &ln[i]) || (!tabular(v, &ln[i]) &&
		    ln[i].x1 > right - RAGGED_EM * ln[i].size);
		for (k = 0; k < ln[i].n && !stop; k++)
			if ((v[ln[i].first + k]->c >= '0' &&
			    v[ln[i].first + k]->c <= '9') ||
			    (v[ln[i].first + k]->c >= 0xff10 &&
			    v[ln[i].first + k]->c <= 0xff19))
				stop = 1;
		if (stop)
			break;
		top = i;
		lines++;
		cells += tabular(v, &ln[i]);
	}
	/*
	 * Or only a numbered label, right after a line of cells: a row cut
	 * from its table by the break (三、依申请公开情况), or a heading.  On
	 * the next page it goes on with a table held from this one, or it
	 * is a para as before.
	 */
	if (top == nl && i < nl && heading_start(v, &ln[i]) &&
	    !tabular(v, &ln[i]) && ink_x1(v, &ln[i]) <= right - RAGGED_EM *
	    ln[i].size) {
		for (k = i; k-- > 0 && !keep[k];)
			;
		if (k < i && tabular(v, &ln[k])) {
			top = i;
			cells = lines = 2;
			*label = 1;
		}
	}
	if (top == nl || cells == 0 || lines < 2 ||
	    rests_of_labels(v, ln, nl, keep, i, top))
		goto out;
	for (ti = 0; ti < nt; ti++)
		if (t[ti].y1 > ln[top].y - ln[top].size)
			goto out;
	for (i = top; i < nl; i++)
		for (k = 0; keep[i] && k < ln[i].n; k++) {
			cut[v[ln[i].first + k] - pg->ch] = 1;
			ret++;
		}
out:
	free(v);
	free(ln);
	free(keep);
	gk_buf_free(&lb);
	return ret;
}

/* A paragraph of running text: its lines ln[first .. last]. */
struct run {
	size_t first, last;
};

static int
cmp_float(const void *a, const void *b)
{
	float x = *(const float *)a, y = *(const float *)b;

	return x < y ? -1 : x > y;
}

/* Paragraphs i and i + 1 are two cells one after the other: both one
 * line ending short of the margin, no line of text between (a line of
 * white space may be: a blank paragraph drawn), one size. */
static int
cell_pair(const struct gk_pdf_line *ln, const struct run *r,
    const int *cellish, const int *keep, size_t i)
{
	size_t k;

	if (!cellish[i] || !cellish[i + 1] ||
	    fabsf(ln[r[i].last].size - ln[r[i + 1].first].size) > PARA_SIZE)
		return 0;
	for (k = r[i].last + 1; k < r[i + 1].first; k++)
		if (keep[k])
			return 0;
	return 1;
}

/* The lines of white space between paragraphs i and i + 1. */
static int
white_between(const struct run *r, const int *white, size_t i)
{
	size_t k;
	int w = 0;

	for (k = r[i].last + 1; k < r[i + 1].first; k++)
		w += white[k];
	return w;
}

/*
 * Blank paragraphs seen as their gaps.  On a page of one paragraph per
 * cell a blank cell is an empty paragraph: no glyph, but the next line
 * comes one pitch later.  The pitch is the median gap between two
 * one-line paragraphs of one size that end short of the margin (cells),
 * one after the other (no other line between), over BLANK_MIN_GAPS of
 * them at least; a gap between two such paragraphs within BLANK_PITCH_TOL
 * of m > 1 pitches, with no table of the page (t, nt) in it, holds m - 1
 * blank paragraphs (at most BLANK_RUN).  A blank where the page breaks,
 * or one that takes no height, is not seen.  0, or -1 when memory ran out.
 */
static int
blank_gaps(const struct gk_pdf_line *ln, const struct run *r, size_t nr,
    const int *cellish, const int *keep, const int *white,
    const struct gk_pdf_table *t, int nt, struct paras *ps)
{
	float *g = NULL, pitch, q, y;
	size_t i, ng = 0;
	int m, j, k, ret = -1;

	if (nr < BLANK_MIN_GAPS + 1)
		return 0;
	if ((g = malloc(nr * sizeof(*g))) == NULL)
		return -1;
	for (i = 0; i + 1 < nr; i++)
		if (cell_pair(ln, r, cellish, keep, i))
			g[ng++] = ln[r[i + 1].first].y - ln[r[i].last].y;
	ret = 0;
	if (ng < BLANK_MIN_GAPS)
		goto out;
	qsort(g, ng, sizeof(*g), cmp_float);
	pitch = g[ng / 2];
	if (pitch <= 0)
		goto out;
	for (i = 0; i + 1 < nr; i++) {
		if (!cell_pair(ln, r, cellish, keep, i))
			continue;
		q = (ln[r[i + 1].first].y - ln[r[i].last].y) / pitch;
		m = (int)lroundf(q);
		if (m < 2 || m - 1 > BLANK_RUN ||
		    fabsf(q - (float)m) > BLANK_PITCH_TOL)
			continue;
		for (k = 0; k < nt; k++)
			if (t[k].y1 > ln[r[i].last].y &&
			    t[k].y0 < ln[r[i + 1].first].y)
				break;
		if (k < nt)
			continue;
		/* the blanks drawn as white space are paras already */
		for (j = 1 + white_between(r, white, i); j < m; j++) {
			y = ln[r[i].last].y + pitch * (float)j;
			if (add_para(ps, y, ln[r[i].last].x0, "") < 0) {
				ret = -1;
				goto out;
			}
			ps->p[ps->n - 1].blank = 1;
		}
	}
out:
	free(g);
	return ret;
}

/*
 * Running text -> paragraphs.  A line continues the paragraph above when it
 * has the same size, follows closely, and the line above ran to the right
 * margin (of the running text on this page and the pages before of its
 * width: *margin, updated).  A line with wide gaps (a table without rulings) is split at
 * them, one para per piece: labels and figures stay apart and in order.
 * Blank paragraphs between cells are seen by their gaps (blank_gaps; t,
 * nt: the page's tables).
 */
static int
paragraphs(const struct gk_pdf_page *pg, const struct gk_pdf_char **v,
    size_t n, const struct gk_pdf_table *t, int nt, float *margin,
    struct para **psp, int *npp)
{
	struct gk_pdf_line *ln = NULL, *a, *b;
	struct gk_buf buf, lb;
	size_t nl, i, k;
	float right = 0, left = 1e9f, wrap;
	struct paras ps = { NULL, 0, 0 };
	struct run *runs = NULL;
	size_t nruns = 0;
	int ret = -1, *keep = NULL, *zone = NULL, *cellish = NULL;
	int *white = NULL;

	*psp = NULL;
	*npp = 0;
	gk_buf_init(&buf, GK_MAX_TEXT);
	gk_buf_init(&lb, GK_MAX_TEXT);
	if (gk_pdf_lines(v, n, &ln, &nl) < 0)
		goto out;
	if ((keep = calloc(nl + 1, sizeof(int))) == NULL ||
	    (zone = calloc(nl + 1, sizeof(int))) == NULL ||
	    (runs = calloc(nl + 1, sizeof(*runs))) == NULL ||
	    (cellish = calloc(nl + 1, sizeof(int))) == NULL ||
	    (white = calloc(nl + 1, sizeof(int))) == NULL)
		goto out;
	for (i = 0; i < nl; i++) {
		gk_buf_reset(&lb);
		if (gk_pdf_line_text(&lb, v, &ln[i]) < 0)
			goto out;
		keep[i] = 1;
		if (folio(pg, &ln[i], gk_buf_str(&lb)))
			keep[i] = 0;
		else if (blank(gk_buf_str(&lb)))
			keep[i] = 0, white[i] = 1;
		if (keep[i]) {
			if (ln[i].x1 > right)
				right = ln[i].x1;
			if (ln[i].x0 < left)
				left = ln[i].x0;
			zone[i] = tabular(v, &ln[i]);
		}
	}
	/*
	 * The lines of a table without rulings, and the lines close above
	 * or below them (the rest of a wrapped label).
	 */
	for (i = 0; i < nl; i++) {
		if (!keep[i] || zone[i])
			continue;
		if ((i > 0 && zone[i - 1] == 1 &&
		    ln[i].y - ln[i - 1].y < NEAR_EM * ln[i].size) ||
		    (i + 1 < nl && zone[i + 1] == 1 &&
		    ln[i + 1].y - ln[i].y < NEAR_EM * ln[i].size))
			zone[i] = 2;
	}
	if (gk_pdf_loose((const struct gk_pdf_char *const *)v, ln, nl, zone,
	    right, emit_loose, &ps) < 0)
		goto out;
	/*
	 * A line wraps at the right margin of the document's running text so
	 * far, not of this page alone: on a page of short lines (one
	 * paragraph per cell) the longest, a label, did not wrap.
	 */
	wrap = right > *margin ? right : *margin;
	for (i = 0; i < nl; i++)
		if (keep[i] && !zone[i] && ln[i].x1 > *margin)
			*margin = ln[i].x1;
	for (i = 0; i < nl; i = k) {
		if (!keep[i] || zone[i]) {
			k = i + 1;
			continue;
		}
		a = &ln[i];
		for (k = i + 1; k < nl && keep[k] && !zone[k]; k++) {
			b = &ln[k - 1];
			if (ln[k].size < b->size - PARA_SIZE ||
			    ln[k].size > b->size + PARA_SIZE ||
			    ln[k].y - b->y > NEAR_EM * b->size ||
			    b->x1 < wrap - RAGGED_EM * b->size ||
			    ln[k].x0 > left + PARA_INDENT_EM * b->size)
				break;
		}
		gk_buf_reset(&buf);
		if (gk_pdf_join_lines(&buf, v, ln + i, k - i) < 0 ||
		    add_para(&ps, a->y, a->x0, gk_buf_str(&buf)) < 0)
			goto out;
		runs[nruns].first = i;
		runs[nruns].last = k - 1;
		cellish[nruns] = k == i + 1 &&
		    a->x1 < wrap - RAGGED_EM * a->size;
		nruns++;
	}
	/*
	 * A line of white space only is a paragraph the document prints
	 * empty on purpose (<p>&nbsp;</p>: a blank cell on a page of one
	 * paragraph per cell), as the HTML reader keeps it.
	 */
	for (i = 0; i < nl; i++)
		if (white[i]) {
			if (add_para(&ps, ln[i].y, ln[i].x0, "") < 0)
				goto out;
			ps.p[ps.n - 1].blank = 1;
		}
	if (blank_gaps(ln, runs, nruns, cellish, keep, white, t, nt,
	    &ps) < 0)
		goto out;
	if (ps.n > 0)
		qsort(ps.p, (size_t)ps.n, sizeof(*ps.p), cmp_para);
	*psp = ps.p;
	*npp = ps.n;
	ps.p = NULL;
	ret = 0;
out:
	if (ps.p != NULL) {
		while (ps.n > 0)
			free(ps.p[--ps.n].text);
		free(ps.p);
	}
	free(keep);
	free(zone);
	free(runs);
	free(cellish);
	free(white);
	free(ln);
	gk_buf_free(&buf);
	gk_buf_free(&lb);
	return ret;
}

/* Fill the text of every cell of the page's tables; the rest goes to *out. */
/*
 * Mark (head[i] = 1) the characters of the page whose line starts a
 * numbered heading (三、 （一）).  0, or -1 when memory ran out.
 */
static int
headings(const struct gk_pdf_page *pg, char *head)
{
	const struct gk_pdf_char **v;
	struct gk_pdf_line *ln = NULL;
	size_t nl, i, k;

	if (pg->nch == 0)
		return 0;
	if ((v = malloc(pg->nch * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < pg->nch; i++)
		v[i] = &pg->ch[i];
	if (gk_pdf_lines(v, pg->nch, &ln, &nl) < 0) {
		free(v);
		return -1;
	}
	for (i = 0; i < nl; i++)
		if (heading_start(v, &ln[i]))
			for (k = 0; k < ln[i].n; k++)
				head[v[ln[i].first + k] - pg->ch] = 1;
	free(ln);
	free(v);
	return 0;
}

/*
 * The cell of t's last row that a glyph hanging out of t's bottom edge
 * belongs to, or -1.  A page break inside a row that spans two ends the cell's borders at the break while its second line of text
 * (结果 / 维持) is drawn on below: the glyph's top is inside the table,
 * its middle just under the bottom edge, and it is on the page's last
 * line (bottom: the page's lowest baseline).  Text never crosses a drawn
 * rule, so such a glyph is the cell's; a heading set tight under a table
 * (numbered, assign: 四、政府信息公开行政复议, or with more text below it)
 * is not.
 */
static int
straddles(const struct gk_pdf_table *t, const struct gk_pdf_char *c,
    float cx, float cy, float bottom)
{
	float top = c->y - GLYPH_TOP_EM * c->size;

	if (cy <= t->y1 || top >= t->y1 - EDGE_INSIDE ||
	    c->y < bottom - SAME_LINE_EM * c->size)
		return -1;
	return gk_pdf_cell_at(t, cx, t->y1 - 0.01f);	/* just inside */
}

struct at_char {
	float y, x0;
	size_t i;
};

static int
cmp_at_char(const void *a, const void *b)
{
	const struct at_char *p = a, *q = b;

	if (p->y != q->y)
		return p->y < q->y ? -1 : 1;
	if (p->x0 != q->x0)
		return p->x0 < q->x0 ? -1 : 1;
	return p->i < q->i ? -1 : p->i > q->i;
}

static int
isdigit_ch(int c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == ',';
}

/* Does character c cross a column line of t (by more than CROSS_TOL each
 * side)? */
static int
crosses_column(const struct gk_pdf_table *t, const struct gk_pdf_char *c)
{
	int k;

	for (k = 1; k + 1 < t->nx; k++)
		if (c->x0 < t->xs[k] - CROSS_TOL && c->x1 > t->xs[k] + CROSS_TOL)
			return 1;
	return 0;
}

/*
 * A word set over a column line (a long label on one line, run on over
 * its cell's border and centred on its cell, not wrapped) goes whole to the
 * cell that holds its middle: character by character, its ends went to
 * the cells beside it, joined to their figures (情形） 0).  A word is a run
 * of characters of one baseline with no gap over SPACE_EM and no white
 * space drawn between, less a figure at its end (the figure's own cell's);
 * it is moved only when one of its characters crosses a column line of
 * its table, which text kept inside its cells never does.
 */
static int
whole_words(const struct gk_pdf_page *pg, const struct gk_pdf_table *t,
    int nt, const size_t *base, size_t total, size_t *owner)
{
	struct at_char *v;
	size_t n = 0, i, j, k, e;
	int ti, ci;

	if ((v = malloc((pg->nch + 1) * sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < pg->nch; i++)
		if (owner[i] < total) {
			v[n].y = pg->ch[i].y;
			v[n].x0 = pg->ch[i].x0;
			v[n++].i = i;
		}
	qsort(v, n, sizeof(*v), cmp_at_char);
	for (i = 0; i < n; i = j) {
		const struct gk_pdf_char *a = &pg->ch[v[i].i], *b;
		int split = 0, cross = 0;

		j = i + 1;
		if (gk_pdf_space(a->c))
			continue;	/* a space drawn ends a word */
		for (ti = 0; ti + 1 < nt && base[ti + 1] <= owner[v[i].i];
		    ti++)
			;
		for (j = i + 1; j < n; j++) {
			b = &pg->ch[v[j].i];
			if (gk_pdf_space(b->c) || fabsf(b->y - a->y) > AXIS_TOL ||
			    b->x0 - a->x1 > SPACE_EM * a->size ||
			    b->x0 < a->x0 ||	/* another baseline's */
			    owner[v[j].i] < base[ti] ||
			    owner[v[j].i] >= base[ti + 1])
				break;
			a = b;
		}
		/* a figure run into the word's end (获取信息1) is no part
		 * of it: it stays in its own cell */
		for (e = j; e > i && isdigit_ch(pg->ch[v[e - 1].i].c); e--)
			;
		if (e == i)
			e = j;
		for (k = i; k < e; k++) {
			split |= owner[v[k].i] != owner[v[i].i];
			cross |= crosses_column(&t[ti], &pg->ch[v[k].i]);
		}
		if (!split || !cross)
			continue;
		a = &pg->ch[v[i].i];
		b = &pg->ch[v[e - 1].i];
		ci = gk_pdf_cell_at(&t[ti], (a->x0 + b->x1) / 2,
		    a->y - CHAR_MIDDLE_EM * a->size);
		if (ci < 0)
			continue;
		for (k = i; k < e; k++)
			owner[v[k].i] = base[ti] + (size_t)ci;
	}
	free(v);
	return 0;
}

static int
assign(const struct gk_pdf_page *pg, struct gk_pdf_table *t, int nt,
    const struct gk_pdf_char **out, size_t *nout)
{
	const struct gk_pdf_char **v = NULL, *c;
	size_t *cnt = NULL, *at = NULL, total = 0, i, key;
	size_t *owner = NULL, *base = NULL;
	struct gk_buf b;
	float cx, cy, bottom = 0;
	int ti, ci, ret = -1;
	char *head = NULL;

	gk_buf_init(&b, GK_MAX_TEXT);
	*nout = 0;
	for (i = 0; i < pg->nch; i++)
		if (!gk_pdf_space(pg->ch[i].c) && pg->ch[i].y > bottom)
			bottom = pg->ch[i].y;
	if ((head = calloc(pg->nch + 1, 1)) == NULL ||
	    headings(pg, head) < 0)
		goto out;
	if ((base = calloc((size_t)nt + 1, sizeof(size_t))) == NULL)
		goto out;
	for (ti = 0; ti < nt; ti++)
		base[ti + 1] = base[ti] + (size_t)t[ti].ncells;
	total = base[nt];
	cnt = calloc(total + 1, sizeof(size_t));
	at = calloc(total + 1, sizeof(size_t));
	owner = malloc((pg->nch + 1) * sizeof(size_t));
	v = malloc((pg->nch + 1) * sizeof(*v));
	if (cnt == NULL || at == NULL || owner == NULL || v == NULL)
		goto out;
	for (i = 0; i < pg->nch; i++) {
		c = &pg->ch[i];
		cx = (c->x0 + c->x1) / 2;
		cy = c->y - CHAR_MIDDLE_EM * c->size;
		owner[i] = total;	/* running text */
		for (ti = 0; ti < nt; ti++)
			if ((ci = gk_pdf_cell_at(&t[ti], cx, cy)) >= 0 ||
			    (!head[i] &&
			    (ci = straddles(&t[ti], c, cx, cy, bottom)) >= 0)) {
				owner[i] = base[ti] + (size_t)ci;
				break;
			}
	}
	if (whole_words(pg, t, nt, base, total, owner) < 0)
		goto out;
	for (i = 0; i < pg->nch; i++) {
		if (owner[i] == total)
			out[(*nout)++] = &pg->ch[i];
		else
			cnt[owner[i]]++;
	}
	for (key = 1; key < total; key++)
		at[key] = at[key - 1] + cnt[key - 1];
	for (i = 0; i < pg->nch; i++)
		if (owner[i] < total)
			v[at[owner[i]]++] = &pg->ch[i];
	for (ti = 0, key = 0; ti < nt; ti++)
		for (ci = 0; ci < t[ti].ncells; ci++, key++) {
			gk_buf_reset(&b);
			if (gk_pdf_text(&b, v + at[key] - cnt[key], cnt[key]) < 0)
				goto out;
			if ((t[ti].cells[ci].text = strdup(gk_buf_str(&b))) ==
			    NULL)
				goto out;
		}
	ret = 0;
out:
	gk_buf_free(&b);
	free(base);
	free(cnt);
	free(at);
	free(owner);
	free(v);
	free(head);
	return ret;
}

/* Does ruling r touch one of the n rulings across it (o)? */
static int
crossed(const struct gk_pdf_seg *r, const struct gk_pdf_seg *o, size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (o[j].at >= r->lo - RULE_TOUCH &&
		    o[j].at <= r->hi + RULE_TOUCH &&
		    r->at >= o[j].lo - RULE_TOUCH &&
		    r->at <= o[j].hi + RULE_TOUCH)
			return 1;
	return 0;
}

/*
 * A horizontal ruling of the page that touches no vertical one (a rule a
 * producer draws over or under rows of a table printed without its other
 * borders) parts the rows of the grid drawn from the table's text (vs:
 * its column lines), but only within it: where it overhangs the grid's
 * edge it would make a column of nothing, and every row's figures would
 * move one column on from their headers.  It is cut back to the grid's
 * edges at its height (no grid there: left as it is).
 */
static void
clip_lone(struct gk_pdf_seg *h, const struct gk_pdf_seg *vs, size_t nv)
{
	float x0 = 1e9f, x1 = -1e9f;
	size_t j;

	for (j = 0; j < nv; j++)
		if (h->at >= vs[j].lo - RULE_TOUCH &&
		    h->at <= vs[j].hi + RULE_TOUCH &&
		    vs[j].at >= h->lo - RULE_TOUCH &&
		    vs[j].at <= h->hi + RULE_TOUCH) {
			if (vs[j].at < x0)
				x0 = vs[j].at;
			if (vs[j].at > x1)
				x1 = vs[j].at;
		}
	if (x0 >= x1)
		return;
	if (h->lo < x0)
		h->lo = x0;
	if (h->hi > x1)
		h->hi = x1;
}

/*
 * The rulings of the tables without rulings among the characters left out
 * of the ruled tables (align.c), added to a copy of the page's: syn
 * gets the page's rulings and the new ones, and shares its characters.
 * Returns 1 when it added some, 0 when not, -1 when memory ran out.
 */
static int
aligned(const struct gk_pdf_page *pg, const struct gk_pdf_char **rest,
    size_t nrest, const struct gk_pdf_held *h, struct gk_pdf_page *syn)
{
	struct gk_pdf_line *ln = NULL;
	struct gk_buf lb;
	const struct gk_pdf_char **v = NULL;
	size_t nl = 0, i, nh, nv;
	int *keep = NULL, ret = -1;

	memset(syn, 0, sizeof(*syn));
	gk_buf_init(&lb, GK_MAX_TEXT);
	if (nrest == 0)
		return 0;
	if ((v = malloc(nrest * sizeof(*v))) == NULL)
		goto out;
	memcpy(v, rest, nrest * sizeof(*v));
	if (gk_pdf_lines(v, nrest, &ln, &nl) < 0)
		goto out;
	if ((keep = calloc(nl + 1, sizeof(int))) == NULL)
		goto out;
	for (i = 0; i < nl; i++) {
		gk_buf_reset(&lb);
		if (gk_pdf_line_text(&lb, v, &ln[i]) < 0)
			goto out;
		keep[i] = !blank(gk_buf_str(&lb)) &&
		    !folio(pg, &ln[i], gk_buf_str(&lb));
	}
	for (i = 0; i < pg->nh; i++)
		if (gk_pdf_page_addseg(syn, 0, pg->hs[i].at, pg->hs[i].lo,
		    pg->hs[i].hi) < 0)
			goto out;
	for (i = 0; i < pg->nv; i++)
		if (gk_pdf_page_addseg(syn, 1, pg->vs[i].at, pg->vs[i].lo,
		    pg->vs[i].hi) < 0)
			goto out;
	nh = syn->nh;
	nv = syn->nv;
	if (gk_pdf_align((const struct gk_pdf_char *const *)v, ln, nl, keep,
	    h->t.on ? h->xs : NULL, h->t.on ? h->nx : 0, syn) < 0)
		goto out;
	for (i = 0; i < nh; i++)
		if (!crossed(&pg->hs[i], pg->vs, pg->nv))
			clip_lone(&syn->hs[i], syn->vs + nv, syn->nv - nv);
	syn->w = pg->w;
	syn->h = pg->h;
	syn->ch = pg->ch;
	syn->nch = pg->nch;
	ret = syn->nh > nh || syn->nv > nv;
out:
	free(v);
	free(ln);
	free(keep);
	gk_buf_free(&lb);
	return ret;
}

static enum gk_err
layout(struct gk_pdf_layout *l, const struct gk_pdf_page *pg)
{
	struct gk_pdf_table *t = NULL;
	const struct gk_pdf_char **rest = NULL;
	struct para *ps = NULL;
	struct gk_pdf_page syn;
	size_t nrest = 0;
	int nt = 0, np = 0, pi = 0, ti = 0, first = 1, r, i;
	float tbot = -1e9f;	/* the bottom of the tables laid out */
	enum gk_err e = GK_E_NOMEM;

	l->page++;
	l->held.page = l->page;
	gk_sink_page(l->sink, l->page);
	memset(&syn, 0, sizeof(syn));
	if (gk_pdf_find_tables(pg, &t, &nt) < 0)
		goto out;
	if ((rest = malloc((pg->nch + 1) * sizeof(*rest))) == NULL)
		goto out;
	if (assign(pg, t, nt, rest, &nrest) < 0)
		goto out;
	if ((r = aligned(pg, rest, nrest, &l->held, &syn)) < 0)
		goto out;
	if (r > 0) {
		gk_pdf_tables_free(t, nt);
		t = NULL;
		nt = 0;
		if (gk_pdf_find_tables(&syn, &t, &nt) < 0 ||
		    assign(&syn, t, nt, rest, &nrest) < 0)
			goto out;
	}
	if (pg->w != l->margin_w) {
		l->margin = 0;	/* another paper */
		l->margin_w = pg->w;
	}
	if (paragraphs(pg, rest, nrest, t, nt, &l->margin, &ps, &np) < 0)
		goto out;
	e = GK_E_OK;
	/* Merge paras and tables by their top. */
	while (e == GK_E_OK && (pi < np || ti < nt)) {
		if (ti < nt && (pi >= np || t[ti].y0 <= ps[pi].y)) {
			r = first ? held_continue(&l->held, &t[ti]) : 0;
			if (r == 0) {
				if ((e = held_flush(l)) != GK_E_OK)
					break;
				r = held_start(&l->held, &t[ti], l->page) < 0 ? -1 : 1;
			}
			if (r < 0) {
				e = GK_E_NOMEM;
				break;
			}
			if (t[ti].y1 > tbot)
				tbot = t[ti].y1;
			ti++;
		} else {
			e = emit_para(l, ps[pi].text, ps[pi].blank,
			    ps[pi].y < tbot);
			pi++;
		}
		first = 0;
	}
out:
	if (e == GK_E_NOMEM)
		gk_sink_fail(l->sink, e, "page %d: out of memory", l->page);
	for (i = 0; i < np; i++)
		free(ps[i].text);
	free(ps);
	free(rest);
	free(syn.hs);
	free(syn.vs);
	gk_pdf_tables_free(t, nt);
	return e;
}

/* A copy of pg's rulings and of its characters c with cut[c] == 0. */
static int
page_copy(struct gk_pdf_page *cp, const struct gk_pdf_page *pg,
    const struct gk_pdf_char *pre, size_t npre, const char *cut)
{
	size_t i;

	memset(cp, 0, sizeof(*cp));
	cp->w = pg->w;
	cp->h = pg->h;
	if ((cp->ch = malloc((npre + pg->nch + 1) * sizeof(*cp->ch))) == NULL)
		return -1;
	for (i = 0; i < npre; i++)
		cp->ch[cp->nch++] = pre[i];
	for (i = 0; i < pg->nch; i++)
		if (cut == NULL || !cut[i])
			cp->ch[cp->nch++] = pg->ch[i];
	for (i = 0; i < pg->nh; i++)
		if (gk_pdf_page_addseg(cp, 0, pg->hs[i].at, pg->hs[i].lo,
		    pg->hs[i].hi) < 0)
			return -1;
	for (i = 0; i < pg->nv; i++)
		if (gk_pdf_page_addseg(cp, 1, pg->vs[i].at, pg->vs[i].lo,
		    pg->vs[i].hi) < 0)
			return -1;
	return 0;
}

static void
page_copy_free(struct gk_pdf_page *cp)
{
	free(cp->ch);
	free(cp->hs);
	free(cp->vs);
	memset(cp, 0, sizeof(*cp));
}

/*
 * Lay out one page.  A header carried from the page before goes on top of
 * it (just above its first line, as if the page had not broken there); a
 * header that ends this page without its body is carried to the next.
 */
enum gk_err
gk_pdf_layout_page(struct gk_pdf_layout *l, const struct gk_pdf_page *pg)
{
	struct gk_pdf_page a, b;
	const struct gk_pdf_page *p = pg;
	struct gk_pdf_table *t = NULL;
	const struct gk_pdf_char **rest = NULL;
	char *cut = NULL;
	size_t nrest = 0, i;
	float ytop = 1e9f, cbot = -1e9f, size = 0, dy;
	int nt = 0, n, label = 0;
	enum gk_err e = GK_E_NOMEM;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	if (l->ncarry > 0) {
		for (i = 0; i < pg->nch; i++)
			if (pg->ch[i].c != ' ' && pg->ch[i].y < ytop)
				ytop = pg->ch[i].y;
		for (i = 0; i < l->ncarry; i++) {
			if (l->carry[i].y > cbot)
				cbot = l->carry[i].y;
			if (l->carry[i].size > size)
				size = l->carry[i].size;
		}
		if (ytop > 1e8f)
			ytop = cbot + l->carry_gap * size;
		dy = ytop - l->carry_gap * size - cbot;
		for (i = 0; i < l->ncarry; i++)
			l->carry[i].y += dy;
		n = page_copy(&a, pg, l->carry, l->ncarry, NULL);
		free(l->carry);
		l->carry = NULL;
		l->ncarry = 0;
		if (n < 0)
			goto out;
		p = &a;
	}
	if (gk_pdf_find_tables(p, &t, &nt) < 0 ||
	    (rest = malloc((p->nch + 1) * sizeof(*rest))) == NULL ||
	    (cut = calloc(p->nch + 1, 1)) == NULL ||
	    assign(p, t, nt, rest, &nrest) < 0 ||
	    (n = tail_header(p, t, nt, rest, nrest, cut, &label)) < 0)
		goto out;
	if (n > 0) {
		if ((l->carry = malloc((size_t)n * sizeof(*l->carry))) == NULL)
			goto out;
		for (i = 0; i < p->nch; i++)
			if (cut[i])
				l->carry[l->ncarry++] = p->ch[i];
		/*
		 * A header goes just above the body (close enough to be one
		 * zone); a label further, so that it does not join the first
		 * row's figures and goes on only with a held table.
		 */
		l->carry_gap = label ? CARRY_LABEL_EM : CARRY_HEADER_EM;
		l->carry_w = p->w;
		l->carry_h = p->h;
		if (page_copy(&b, p, NULL, 0, cut) < 0)
			goto out;
		p = &b;
	}
	e = layout(l, p);
	/*
	 * The table above a carried header ended on this page; a carried
	 * label may go on with it.
	 */
	if (e == GK_E_OK && l->ncarry > 0 && !label)
		e = held_flush(l);
	gk_pdf_tables_free(t, nt);
	t = NULL;
	nt = 0;
out:
	if (t != NULL || nt < 0)
		gk_sink_fail(l->sink, e, "page %d: out of memory", l->page + 1);
	gk_pdf_tables_free(t, nt);
	free(rest);
	free(cut);
	page_copy_free(&a);
	page_copy_free(&b);
	return e;
}
