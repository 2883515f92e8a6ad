/*
 * align.c: the rows of a table placed on a document's units.
 *
 * The forms are fixed sequences, so a row is known by its neighbours as
 * much as by its label.  Every unit whose label (its last one, two or
 * three label tokens joined: a label broken over lines or cells, a note
 * on a line of its own; or joined with a line of it that a grid without
 * rulings made a row of its own, before or after) is within reach of a
 * row's label is a candidate for that row, weighed by the edit distance
 * (a label of its numbering alone, for each row so numbered, as far off
 * as can be; on pages read by OCR a label that is no row's, for each row
 * whose figures it has);
 * the alignment is the
 * heaviest set of candidates that keeps the table's order (a weighted
 * longest common subsequence: a gap costs nothing, for a row the document
 * leaves out and for a unit that is no row).  Then:
 *   - a label farther from its row than tx_cap_strict is kept only when
 *     the rows on both sides of it are placed around it (or it ends the
 *     table): a misread label is placed by its neighbours, never alone;
 *   - a unit left over whose label is a row's by itself (tx_match_row) is
 *     that row too: a row printed out of order, or a table printed twice
 *     (its key is then found twice: template_shape) when it prints the
 *     row's figures: a row already placed takes no header word of another
 *     table (四's 总计 over a blank cell) as its second printing.
 * A row that no unit fits is not placed: template_shape, never a guess.
 *
 * Cost: the candidates of a unit are found with bounded distances (a
 * length and character-set bound first), and the alignment is linear in
 * the candidates times the table's rows.
 */
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "common/zh.h"
#include "tx.h"

#define JOIN_MAX	3	/* label tokens a label may be printed over */

#define cand tx_cand

struct cands {
	struct cand *c;
	int n, cap;
};

static int
cand_push(struct cands *cs, const struct cand *c)
{
	if (cs->n == cs->cap) {
		int cap = cs->cap ? cs->cap * 2 : 256;
		struct cand *p = realloc(cs->c, sizeof(*p) * (size_t)cap);

		if (p == NULL)
			return -1;
		cs->c = p;
		cs->cap = cap;
	}
	cs->c[cs->n++] = *c;
	return 0;
}

/* The unit's last k label tokens that are not blank (a cell row may
 * hold blank cells among its labels), from the end; returns how many
 * there are, up to k. */
static int
span_toks(const struct tx_doc *d, const struct tx_unit *u, int k, int *at)
{
	int i, n = 0;

	for (i = u->b - 1; i >= u->a && n < k; i--)
		if (!d->t[i].blank)
			at[n++] = i;
	return n;
}

/* The norm of the unit's last k label tokens joined. */
static void
span_norm(const struct tx_doc *d, const int *at, int k, char *out,
    size_t outsz)
{
	char joined[TX_LABEL_MAX * JOIN_MAX];
	size_t len = 0;
	int i;

	if (k == 1) {
		tx_copy(out, outsz, d->t[at[0]].norm);
		return;
	}
	joined[0] = '\0';
	for (i = k - 1; i >= 0; i--)
		len += tx_copy(joined + len, sizeof(joined) - len,
		    d->t[at[i]].text);
	gk_label_norm(joined, out, outsz);
}

/* Is unit v a line of a label alone: a label, no figures (blank cells
 * beside it at most, as a grid prints the row's other columns), in a
 * table row of its own next to unit u's?  Whether v is claimed is asked
 * when the label is used. */
static int
fragment(const struct tx_doc *d, const struct tx_unit *u,
    const struct tx_unit *v)
{
	const struct tx_tok *a = &d->t[u->a], *b = &d->t[v->a];
	int k;

	if (v->b <= v->a || !a->cell || !b->cell || a->table != b->table ||
	    (b->row != a->row - 1 && b->row != a->row + 1))
		return 0;
	for (k = v->b; k < v->c; k++)
		if (!d->t[k].blank)
			return 0;
	return 1;
}

/* The text of a unit's label tokens that are not blank, joined. */
static size_t
label_text(const struct tx_doc *d, const struct tx_unit *u, char *out,
    size_t outsz)
{
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = u->a; i < u->b; i++)
		if (!d->t[i].blank)
			len += tx_copy(out + len, outsz - len, d->t[i].text);
	return len;
}

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 256;
	void *q;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	if ((q = realloc(*p, n * size)) == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

/* Keep norm as a label of the unit being made, spanning k tokens. */
static int
lab_add(struct tx_doc *d, const char *norm, int k, int join)
{
	size_t nl = strlen(norm) + 1, capl = (size_t)d->caplab;
	struct tx_ulab *l;
	const char *p = norm;
	unsigned cp;
	void *v;

	v = d->lab;
	if (grow(&v, &capl, (size_t)d->nlab + 1, sizeof(*l)) < 0)
		return -1;
	d->lab = v;
	d->caplab = (int)capl;
	v = d->npool;
	if (grow(&v, &d->capnp, d->nnp + nl, 1) < 0)
		return -1;
	d->npool = v;
	v = d->cpool;
	if (grow(&v, &d->capcp, d->ncp + TX_PAT_MAX, sizeof(unsigned)) < 0)
		return -1;
	d->cpool = v;
	l = &d->lab[d->nlab++];
	l->norm = d->nnp;
	memcpy(d->npool + d->nnp, norm, nl);
	d->nnp += nl;
	l->cp = d->ncp;
	l->n = 0;
	while (l->n < TX_PAT_MAX && (cp = zh_next(&p)) != 0)
		d->cpool[d->ncp + (size_t)l->n++] = cp;
	l->whole = *p == '\0';
	l->bloom = tx_bloom(d->cpool + d->ncp, l->n);
	d->ncp += (size_t)l->n;
	l->k = k;
	l->join = join;
	return 0;
}

/*
 * A row's own label after the rest of its group label in one label
 * token: a row's numbering inside the text after two ideographs or more
 * (the group label's own numbering left out), a row's number (1. （二）
 * (3)) from 1 to 99, ROW_OWN_MIN ideographs or more after it: a narrow
 * column's lines of the group label and the row label run together
 * (（五）不 / 予处理1.信访举报投诉类申请; 理结果（二）部分公开（区分处理
 * 的…）), or interleaved as a PDF prints them (（五）不予处3.理要求提供公开
 * 出版物).  Where the row's label starts in s, or NULL.
 */
#define ROW_OWN_MIN	4	/* ideographs: 重复申请 */
static const char *
inner_row(const char *s)
{
	struct zh_numbering m;
	const char *p = s, *at, *q;
	unsigned c;
	int han = 0, n;

	/* the group label's own numbering first: （五）不予处 */
	if (zh_numbering(p, &m))
		p += m.len;
	for (at = p; (c = zh_next(&p)) != 0; at = p) {
		if (han >= 2 && zh_numbering(at, &m) && m.n >= 1 &&
		    m.n <= 99 && (m.style == ZH_NUM_ARABIC ||
		    m.style == ZH_NUM_HAN_PAREN ||
		    m.style == ZH_NUM_ARABIC_PAREN)) {
			for (q = at + m.len, n = 0; (c = zh_next(&q)) != 0;)
				n += zh_is_han(c);
			return n >= ROW_OWN_MIN ? at : NULL;
		}
		if (!zh_is_han(c))
			return NULL;
		han++;
	}
	return NULL;
}

/*
 * The labels of every unit that has a label and figures after it, made
 * once for the units: its last one, two and three label tokens joined
 * (norm of the join), and its label joined with the line of it printed
 * as a grid row of its own before or after it (（二）部分公开（区分处理的，
 * 只计这一 / 情形，不计其他情形） 0 1 …: the line after a label is a
 * continuation when it is not numbered, so is the unit's own label after
 * a line).
 */
static int
labs_make(struct tx_doc *d)
{
	char norm[TX_LABEL_MAX], a[TX_LABEL_MAX * 2], b[TX_LABEL_MAX];
	const char *own;
	int ui, k, nt, at[JOIN_MAX], prev[1];
	struct zh_numbering m;
	size_t n;

	d->nlab = 0;
	d->ncp = d->nnp = 0;
	free(d->ulab);
	if ((d->ulab = calloc((size_t)d->nu * 2 + 1, sizeof(int))) == NULL)
		return -1;
	for (ui = 0; ui < d->nu; ui++) {
		const struct tx_unit *u = &d->u[ui];

		d->ulab[2 * ui] = d->nlab;
		if (u->b <= u->a || u->c <= u->b)
			continue;
		nt = span_toks(d, u, JOIN_MAX, at);
		for (k = 1; k <= nt; k++) {
			span_norm(d, at, k, norm, sizeof(norm));
			if (norm[0] != '\0' && lab_add(d, norm, k, 0) < 0)
				return -1;
		}
		if (nt > 0 && (own = inner_row(d->t[at[0]].text)) != NULL) {
			gk_label_norm(own, norm, sizeof(norm));
			if (norm[0] != '\0' && lab_add(d, norm, 1, 0) < 0)
				return -1;
		}
		if (ui > 0 && fragment(d, u, &d->u[ui - 1])) {
			label_text(d, u, b, sizeof(b));
			if (!zh_numbering(b, &m)) {
				n = label_text(d, &d->u[ui - 1], a, sizeof(a));
				tx_copy(a + n, sizeof(a) - n, b);
				gk_label_norm(a, norm, sizeof(norm));
				if (lab_add(d, norm, nt, -1) < 0)
					return -1;
			}
			/* the row label's column alone: a group label's piece
			 * beside the rest ((三)不予 | 益 under 4.保护第三方合法权) */
			if (nt > 1 && !zh_numbering(d->t[at[0]].text, &m) &&
			    span_toks(d, &d->u[ui - 1], 1, prev) == 1) {
				n = tx_copy(a, sizeof(a), d->t[prev[0]].text);
				tx_copy(a + n, sizeof(a) - n, d->t[at[0]].text);
				gk_label_norm(a, norm, sizeof(norm));
				if (lab_add(d, norm, nt, -1) < 0)
					return -1;
			}
		}
		if (ui + 1 < d->nu && fragment(d, u, &d->u[ui + 1])) {
			label_text(d, &d->u[ui + 1], b, sizeof(b));
			if (!zh_numbering(b, &m)) {
				n = label_text(d, u, a, sizeof(a));
				tx_copy(a + n, sizeof(a) - n, b);
				gk_label_norm(a, norm, sizeof(norm));
				if (lab_add(d, norm, nt, 1) < 0)
					return -1;
			}
		}
		d->ulab[2 * ui + 1] = d->nlab - d->ulab[2 * ui];
	}
	d->labs = 1;
	return 0;
}

static long
weight(int dist, int len, int ok)
{
	return 1000 - (1000L * dist) / (len > 0 ? len : 1) + (ok ? 500 : 0);
}

/* Unit ui as row i as far off as a label can be: placed only between its
 * neighbours, with the row's figures. */
static int
far_cand(struct cands *cs, int ui, int i, const struct tx_trow *r)
{
	struct cand c;

	memset(&c, 0, sizeof(c));
	c.unit = ui, c.trow = i, c.dist = c.len = r->lab[0].n;
	c.span = 1, c.ok = 1;
	c.w = weight(c.dist, c.len, 1);
	c.prev = -1;
	return cand_push(cs, &c);
}

/* The candidates of unit ui whose (last) label is its numbering alone
 * (（六） with its figures, after its group's label or not): each row so
 * numbered, as far off as a label can be, so placed only between its
 * neighbours and with its row's figures. */
static int
mark_cands(const struct tx_doc *d, int ui, const struct tx_ttable *tt,
    int (*width)(void *, const struct tx_trow *), void *arg,
    struct cands *cs)
{
	const struct tx_unit *u = &d->u[ui];
	struct zh_numbering m;
	int at[1], i;

	if (span_toks(d, u, 1, at) != 1 ||
	    !tx_bare_mark(d->t[at[0]].text, &m))
		return 0;
	for (i = 0; i < tt->nr; i++) {
		const struct tx_trow *r = &tt->r[i];

		if (!tx_same_mark(r->row->num, &m) || r->npat == 0 ||
		    u->c - u->b < width(arg, r))
			continue;
		if (far_cand(cs, ui, i, r) < 0)
			return -1;
	}
	return 0;
}

/*
 * A unit read by OCR whose label is no row's at all (（七）总计 read as
 * 证): a candidate for each row whose figures it has, as far off as can
 * be, as a label of its numbering alone is, so placed only between its
 * neighbours (the rows before and after it placed around it, with no
 * other unit between them that is a row): the form's order says which
 * row it is.  A text layer's label is what was printed, and stays its
 * own.
 */
static int
wild_cands(const struct tx_doc *d, int ui, const struct tx_ttable *tt,
    int (*width)(void *, const struct tx_trow *), void *arg,
    struct cands *cs)
{
	const struct tx_unit *u = &d->u[ui];
	int i;

	for (i = 0; i < tt->nr; i++) {
		const struct tx_trow *r = &tt->r[i];

		if (r->npat == 0 || u->c - u->b != width(arg, r))
			continue;
		if (far_cand(cs, ui, i, r) < 0)
			return -1;
	}
	return 0;
}

/* The end of label l's code points from where its normalised text
 * reaches the tail `from` (a whole label: the two are the same). */
static struct tx_lab
lab_end(const struct tx_doc *d, const struct tx_ulab *l, const char *from)
{
	struct tx_lab r;
	int n = 0;

	while (zh_next(&from) != 0)
		n++;
	r.cp = d->cpool + l->cp + (l->n - n);
	r.n = n;
	r.bloom = tx_bloom(r.cp, n);
	return r;
}

/* The candidates of unit ui: its best distance to each row. */
static int
unit_cands(const struct tx_doc *d, int ui, const struct tx_ttable *tt,
    int (*width)(void *, const struct tx_trow *), void *arg,
    struct cands *cs)
{
	const struct tx_unit *u = &d->u[ui];
	/* each label (JOIN_MAX joins, a line before and after, a row's own
	 * after the rest of a group label) as printed, its group label in
	 * front dropped, and one after */
#define NPAT	((JOIN_MAX + 3) * 3)
	struct tx_lab p[NPAT];
	struct tx_pat own_pat[JOIN_MAX + 3];
	int np = 0, pk[NPAT], pj[NPAT], k, i, j, q, gt;
	int nown = 0, cont = 0, n0;
	const struct tx_ulab *l = d->lab + d->ulab[2 * ui];
	int nl = d->ulab[2 * ui + 1];

	if (u->claimed || u->b <= u->a || u->c <= u->b)
		return 0;	/* no label, or no figures after it */
	for (k = 0; k < nl; k++) {
		const char *norm = d->npool + l[k].norm, *own;

		if (l[k].join != 0) {
			/* the line before is asked first, as a row of its
			 * own that no table claimed */
			if (cont || d->u[ui + l[k].join].claimed)
				continue;
			cont = 1;
			if (l[k].n == 0)
				continue;
		}
		p[np].cp = d->cpool + l[k].cp;
		p[np].n = l[k].n;
		p[np].bloom = l[k].bloom;
		pj[np] = l[k].join;
		pk[np++] = l[k].k;
		if (l[k].join != 0)
			continue;
		if (l[k].whole && (gt = tx_group_tail(tt, norm)) > 0) {
			/* the next rows' group label run on after it (a line
			 * without figures taken for the label's second) */
			p[np].cp = d->cpool + l[k].cp;
			p[np].n = l[k].n - gt;
			p[np].bloom = tx_bloom(p[np].cp, p[np].n);
			pj[np] = 0;
			pk[np++] = l[k].k;
		}
		own = tx_ungroup(tt, norm);
		if (own == norm || *own == '\0')
			continue;
		if (l[k].whole)
			p[np] = lab_end(d, &l[k], own);
		else {
			tx_pat_make(&own_pat[nown], own);
			p[np] = tx_pat_lab(&own_pat[nown++]);
		}
		pj[np] = 0;
		pk[np++] = l[k].k;
	}
	n0 = cs->n;
	for (i = 0; i < tt->nr; i++) {
		const struct tx_trow *r = &tt->r[i];
		struct cand c;
		int best = 1 << 20, span = 0, len = 1, w, ok, join = 0;

		for (j = 0; j < r->npat; j++) {
			int cap = r->capp[j], dd, rn = r->lab[j].n;

			for (q = 0; q < np; q++) {
				if (p[q].n - rn > cap || rn - p[q].n > cap)
					continue;
				dd = tx_lab_dist(&p[q], &r->lab[j], cap);
				if (dd <= cap && (dd < best || (dd == best &&
				    pk[q] < span))) {
					best = dd;
					span = pk[q];
					len = rn;
					join = pj[q];
				}
			}
		}
		if (best == 1 << 20)
			continue;
		w = width(arg, r);
		ok = u->c - u->b >= w;
		/* a label that is its row's only by its place needs the
		 * row's figures */
		if (best > tx_cap_strict(len) && !ok)
			continue;
		memset(&c, 0, sizeof(c));
		c.unit = ui, c.trow = i, c.dist = best, c.len = len;
		c.span = span, c.ok = ok, c.join = join;
		c.w = weight(best, len, ok);
		c.prev = -1;
		if (c.w > 0 && cand_push(cs, &c) < 0)
			return -1;
	}
	if (mark_cands(d, ui, tt, width, arg, cs) < 0)
		return -1;
	return cs->n == n0 && d->ocr ? wild_cands(d, ui, tt, width, arg,
	    cs) : 0;
}

int
tx_chain(struct tx_cand *cc, int ncand, int nrows)
{
	long bestat[TX_MAX_TROWS];	/* best chain ending at a row */
	int idx[TX_MAX_TROWS];		/* its last candidate */
	long pm[TX_MAX_TROWS + 1];	/* prefix maxima over rows < j */
	int pmi[TX_MAX_TROWS + 1];
	int i, j, s, e, top = -1;
	long topw = 0;

	for (j = 0; j < nrows; j++) {
		bestat[j] = 0;
		idx[j] = -1;
	}
	if (nrows > TX_MAX_TROWS)
		nrows = TX_MAX_TROWS;
	for (s = 0; s < ncand; s = e) {
		for (e = s; e < ncand && cc[e].unit == cc[s].unit; e++)
			;
		pm[0] = 0;
		pmi[0] = -1;
		for (j = 0; j < nrows; j++) {
			pm[j + 1] = pm[j];
			pmi[j + 1] = pmi[j];
			if (bestat[j] > pm[j + 1]) {
				pm[j + 1] = bestat[j];
				pmi[j + 1] = idx[j];
			}
		}
		for (i = s; i < e; i++) {
			struct cand *c = &cc[i];

			if (c->trow >= nrows) {
				c->best = 0;
				continue;
			}
			c->best = c->w + pm[c->trow];
			c->prev = pmi[c->trow];
		}
		for (i = s; i < e; i++) {
			struct cand *c = &cc[i];

			if (c->trow >= nrows)
				continue;

			if (c->best > bestat[c->trow]) {
				bestat[c->trow] = c->best;
				idx[c->trow] = i;
			}
			if (c->best > topw) {
				topw = c->best;
				top = i;
			}
		}
	}
	return top;
}

/*
 * A label is the row it is closest to (rows as close, all of them): a
 * label that is a row by its words alone is never another placed by its
 * neighbours.  And a row whose label is printed exactly somewhere is not
 * placed on a lookalike.
 */
int
tx_prune(struct tx_cand *cc, int ncand, int nrows)
{
	char exact[TX_MAX_TROWS];
	int i, j, k, n = 0, min;

	memset(exact, 0, sizeof(exact));
	for (i = 0; i < ncand; i++)
		if (cc[i].dist == 0 && cc[i].trow < nrows &&
		    cc[i].trow < TX_MAX_TROWS)
			exact[cc[i].trow] = 1;
	for (i = 0; i < ncand; i = j) {
		min = 1 << 20;
		for (j = i; j < ncand && cc[j].unit == cc[i].unit; j++)
			if (cc[j].dist < min)
				min = cc[j].dist;
		for (k = i; k < j; k++) {
			const struct cand *c = &cc[k];

			if (c->dist > min || (c->dist > tx_cap_strict(c->len) &&
			    c->trow < TX_MAX_TROWS && exact[c->trow]))
				continue;
			cc[n++] = *c;
		}
	}
	return n;
}

static int
place_push(struct tx_align *al, const struct cand *c)
{
	struct tx_place *p;

	if (al->n == al->cap) {
		int cap = al->cap ? al->cap * 2 : 64;

		p = realloc(al->p, sizeof(*p) * (size_t)cap);
		if (p == NULL)
			return -1;
		al->p = p;
		al->cap = cap;
	}
	p = &al->p[al->n++];
	p->unit = c->unit;
	p->trow = c->trow;
	p->dist = c->dist;
	p->len = c->len;
	p->span = c->span;
	p->ok = c->ok;
	return 0;
}

static int
by_unit(const void *a, const void *b)
{
	const struct tx_place *x = a, *y = b;

	return x->unit < y->unit ? -1 : x->unit > y->unit;
}

int
tx_align(struct tx_doc *d, const struct tx_ttable *tt,
    int (*width)(void *, const struct tx_trow *), void *arg,
    struct tx_align *al)
{
	struct cands cs = { NULL, 0, 0 };
	int placed[TX_MAX_TROWS], path[TX_MAX_TROWS], used, np = 0;
	int i, j, k, last, rc = -1;
	char *inchain = NULL;

	memset(al, 0, sizeof(*al));
	for (i = 0; i < tt->nr; i++)
		placed[i] = -1;
	if (!d->labs && labs_make(d) < 0)
		goto out;
	for (i = 0; i < d->nu; i++)
		if (unit_cands(d, i, tt, width, arg, &cs) < 0)
			goto out;
	if ((inchain = calloc((size_t)d->nu + 1, 1)) == NULL)
		goto out;
	cs.n = tx_prune(cs.c, cs.n, tt->nr);
	last = tx_chain(cs.c, cs.n, tt->nr);
	for (i = last; i >= 0 && np < TX_MAX_TROWS; i = cs.c[i].prev)
		path[np++] = i;
	for (k = np - 1; k >= 0; k--)
		placed[cs.c[path[k]].trow] = path[k];
	/* a line of a label alone placed on a row that its neighbour,
	 * joined with it, is as closely: the row is the join's (the line's
	 * cells are the blanks beside it), the line no row of its own */
	for (i = 0; i < cs.n; i++) {
		const struct cand *c = &cs.c[i];
		int r = c->trow, f = c->unit + c->join;

		if (c->join == 0 || r >= tt->nr || placed[r] < 0 ||
		    cs.c[placed[r]].unit != f || c->dist > cs.c[placed[r]].dist)
			continue;
		for (j = 0; j < tt->nr; j++)
			if (placed[j] >= 0 && cs.c[placed[j]].unit == c->unit)
				break;
		if (j == tt->nr)
			placed[r] = i;
	}
	/* a label far from its row stays only between its neighbours */
	for (k = np - 1; k >= 0; k--) {
		const struct cand *c = &cs.c[path[k]];
		int r = c->trow;

		if (c->dist <= tx_cap_strict(c->len))
			continue;
		if ((r > 0 && placed[r - 1] < 0) ||
		    (r + 1 < tt->nr && placed[r + 1] < 0))
			placed[r] = -2;
	}
	for (i = 0; i < tt->nr; i++)
		if (placed[i] >= 0) {
			const struct cand *c = &cs.c[placed[i]];

			if (place_push(al, c) < 0)
				goto out;
			inchain[c->unit] = 1;
			if (c->join != 0)	/* its line is used */
				inchain[c->unit + c->join] = 1;
			al->score += c->w;
			al->rows += c->ok;
			al->unique += c->ok && tt->r[c->trow].unique;
		}
	/* the units left over that are a row by their label alone */
	for (i = 0; i < cs.n; i = j) {
		int best = -1, dist = 1 << 20, ties = 0;

		for (j = i; j < cs.n && cs.c[j].unit == cs.c[i].unit; j++) {
			const struct cand *c = &cs.c[j];

			if (inchain[c->unit] || c->dist > tx_cap_strict(c->len))
				continue;
			if (c->dist < dist) {
				dist = c->dist;
				best = j;
				ties = 0;
			} else if (c->dist == dist)
				ties++;
		}
		if (best < 0 || ties > 0)
			continue;
		used = placed[cs.c[best].trow] >= 0;
		/* a second printing of a row placed already prints its
		 * figures: a header word of another table (四's 总计 over a
		 * blank cell) that reads as the row's label is none */
		if (used && !cs.c[best].ok)
			continue;
		if (place_push(al, &cs.c[best]) < 0)
			goto out;
		if (!used) {
			placed[cs.c[best].trow] = best;
			al->score += cs.c[best].w;
			al->rows += cs.c[best].ok;
			al->unique += cs.c[best].ok &&
			    tt->r[cs.c[best].trow].unique;
		}
	}
	if (al->n > 0)
		qsort(al->p, (size_t)al->n, sizeof(al->p[0]), by_unit);
	rc = 0;
out:
	free(inchain);
	free(cs.c);
	if (rc < 0)
		tx_align_free(al);
	return rc;
}

void
tx_align_free(struct tx_align *al)
{
	free(al->p);
	memset(al, 0, sizeof(*al));
}
