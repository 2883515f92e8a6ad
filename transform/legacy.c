/*
 * legacy.c: the 统计表 of the reports before 2019 (统计指标 / 单位 / 统计数).
 *
 * From its header on, each row is a label, its unit and its figure: three
 * cells of a table row (a 序号 cell before them in Anhui's copies), or, on
 * a page without table markup, a label (an annotation line starting with
 * “（不…” continues it), an optional unit word and an optional figure; the
 * first unnumbered line with neither unit nor figure (the signature under
 * the table) ends it.
 *
 * Rows vary by province, so a value is keyed by its printed labels
 * (SCHEMA.md: legacy.SECTION.ROW).  The rows are then aligned to the rows
 * the schema knows (the Qingdao / Shandong form, form_legacy.c) by order
 * and edit distance: a label split over two lines whose join is a known
 * row is one row, and a label a little off its known row (misread
 * characters, within the national forms' tx_cap_placed, or its numbering
 * alone) between its two known neighbours is keyed by the known row's
 * label (its own numbering kept).  A row the schema does not know keeps
 * its printed label.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "common/zh.h"
#include "tx.h"

#define LABEL_MAX	(TX_LABEL_MAX * 2)
#define PER_ROW		8	/* known rows a printed one may be near */

struct lrow {
	char label[LABEL_MAX];
	const char *unit;
	const struct tx_tok *vt;
	int known;		/* the known row placed on it, or -1 */
	int dist;
};

struct lrows {
	struct lrow *r;
	int n, cap;
};

static int
lpush(struct lrows *l, const char *label, const char *unit,
    const struct tx_tok *vt)
{
	struct lrow *r;

	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 128;

		r = realloc(l->r, sizeof(*r) * (size_t)cap);
		if (r == NULL)
			return -1;
		l->r = r;
		l->cap = cap;
	}
	r = &l->r[l->n++];
	tx_copy(r->label, sizeof(r->label), label);
	r->unit = unit;
	r->vt = vt;
	r->known = -1;
	r->dist = 0;
	return 0;
}

static int
unit_tok(const struct tx_tok *t)
{
	return zh_is_unit(t->text);
}

static int
header_tok(const struct gk_table *tb, const struct tx_tok *t)
{
	int k;

	if (tb->label_head != NULL &&
	    tx_head_is(t->norm, tx_snorm(tb->label_head)))
		return 1;
	for (k = 0; tb->heads != NULL && tb->heads[k] != NULL; k++)
		if (tx_head_is(t->norm, tx_snorm(tb->heads[k])))
			return 1;
	return 0;
}

/* The 序号 of a row (Anhui's copies number their rows): a bare integer of
 * at most four digits, or -1. */
static int
serial(const struct tx_tok *t)
{
	struct tx_value v;
	const char *p;

	tx_value_parse(t->text, 0, &v);
	if (v.value[0] == '\0' || v.unit[0] != '\0' || strlen(v.value) > 4)
		return -1;
	for (p = v.value; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return -1;
	return atoi(v.value);
}

/* Does this token continue the label before it (an annotation on its own
 * line, not the numbering of the next row)? */
static int
continues(const struct tx_tok *t)
{
	const char *p = t->text;
	unsigned cp;

	while ((cp = zh_next(&p)) != 0 && zh_is_space(cp))
		;
	if (cp != '(' && cp != 0xff08)
		return 0;
	cp = zh_next(&p);
	return zh_digit(cp) < 0 && cp != 0x5341;	/* 十 */
}

/* 一、 （一） (1) 1. : a numbered row */
static int
numbered(const char *label)
{
	struct zh_numbering m;
	const char *p = label;
	unsigned cp;

	if (zh_numbering(label, &m))
		return 1;
	while ((cp = zh_next(&p)) != 0 && zh_is_space(cp))
		;
	return cp == '(' || cp == 0xff08 || zh_digit(cp) >= 0;
}

/*
 * The unit at the end of a label's text, after a space (六、举报投诉数量 件:
 * a grid cell of a table without rules over the 标签 and 单位 columns
 * both), or NULL.
 */
static const char *
unit_after(const char *text)
{
	const char *sp = strrchr(text, ' ');

	return sp != NULL && sp > text && zh_is_unit(sp + 1) ? sp + 1 : NULL;
}

/*
 * The unit a label's cell holds inside its text, set after a space on its
 * first line, the label's next line run on after it (八、在区政府门户网站
 * 个设立信息公开专栏数: the label wrapped in a cell over the 单位 column,
 * the unit beside its first line): a unit the form tb prints for a row
 * (the longest that fits), then an ideograph.  Returns the unit (the
 * form's string) and writes the label without it to out, or NULL.
 */
static const char *
unit_inside(const struct gk_table *tb, const char *text, char *out,
    size_t outsz)
{
	const char *sp, *q, *r, *best;
	size_t n, k, bk;
	int i;

	for (sp = strchr(text, ' '); sp != NULL; sp = strchr(sp + 1, ' ')) {
		if (sp == text)
			continue;
		best = NULL;
		bk = 0;
		for (i = 0; i < tb->nrows; i++) {
			const char *u = tb->rows[i].unit;

			if (u == NULL || (k = strlen(u)) <= bk ||
			    strncmp(sp + 1, u, k) != 0)
				continue;
			r = sp + 1 + k;
			if (zh_is_han(zh_next(&r)))
				best = u, bk = k;
		}
		if (best == NULL)
			continue;
		q = sp + 1 + bk;
		n = (size_t)(sp - text);
		if (n + strlen(q) + 1 > outsz)
			return NULL;
		memcpy(out, text, n);
		strcpy(out + n, q);
		return best;
	}
	return NULL;
}

/* Label without the unit u its text ends with, and the spaces before. */
static void
cut_tail(char *label, const char *u)
{
	size_t n = strlen(label), k = strlen(u);

	if (n < k || strcmp(label + n - k, u) != 0)
		return;
	n -= k;
	while (n > 0 && label[n - 1] == ' ')
		n--;
	label[n] = '\0';
}

/* The second line of a wrapped label: a line that is no figure, no unit,
 * no numbered row and no sentence. */
static int
wrapped(const struct tx_tok *t)
{
	return !t->vlike && !t->empty && !unit_tok(t) && !numbered(t->text) &&
	    strstr(t->text, "。") == NULL && strlen(t->text) <= 240;
}

/* A top-level row of the 统计表: 一、 … 十一、 */
static int
section(const char *label)
{
	struct zh_numbering m;

	return zh_numbering(label, &m) && m.style == ZH_NUM_HAN;
}

/* Is token i the 序号 of the next row (the number after the last one,
 * before a label that is not a unit)? */
static int
next_serial(const struct tx_doc *d, int i, int seq, int nseq)
{
	return seq && i + 1 < d->n && !d->t[i + 1].vlike &&
	    !d->t[i + 1].empty && serial(&d->t[i]) == nseq + 1 &&
	    !unit_tok(&d->t[i + 1]);
}

static int
legacy_start(const struct tx_doc *d, const struct gk_table *tb)
{
	char n[TX_LABEL_MAX];
	int i;

	if (tb->label_head == NULL)
		return -1;
	tx_copy(n, sizeof(n), tx_snorm(tb->label_head));
	for (i = 0; i < d->n; i++)
		if (tx_head_is(d->t[i].norm, n))
			return i;
	/* the header's cell joined with the line above the table (填报单位
	 * …填报日期：2018.1.5统 计 指 标), as a grid without rulings joins
	 * them */
	for (i = 0; i < d->n; i++)
		if (!d->t[i].vlike && n[0] != '\0' &&
		    strstr(d->t[i].norm, n) != NULL)
			return i;
	return -1;
}

/* The rows of the table as printed. */
static int
rows_of(const struct tx_doc *d, const struct gk_table *tb, int s,
    struct lrows *l)
{
	char label[LABEL_MAX];
	const char *cu;
	int i, j, k, e, seq, nseq = 0, gaps = 0;

	/* a 序号 column left of 统计指标 */
	seq = s > 0 && header_tok(tb, &d->t[s - 1]) &&
	    strcmp(d->t[s - 1].norm, d->t[s].norm) != 0;
	if (d->t[s].cell) {
		/* from the row after the header's */
		for (i = s; i < d->n && d->t[i].cell &&
		    d->t[i].table == d->t[s].table && d->t[i].row == d->t[s].row;
		    i++)
			;
		for (; i < d->n; i = j) {
			for (j = i + 1; j < d->n && d->t[j].cell &&
			    d->t[j].table == d->t[i].table &&
			    d->t[j].row == d->t[i].row; j++)
				;
			k = i;
			if (seq && j - i >= 3 && serial(&d->t[i]) >= 0)
				k = i + 1;
			/* blank cells right of the three (a PDF grid's column
			 * of the line above the table, 填报日期：…, with
			 * nothing under it) are no place of the row */
			for (e = j; e - k > 3 && d->t[e - 1].cell &&
			    d->t[e - 1].blank; e--)
				;
			if (!d->t[k].cell || header_tok(tb, &d->t[k]) ||
			    d->t[k].vlike || e - k < 2 || e - k > 3)
				continue;
			/* a label cell over the 单位 column holds the
			 * unit after a space */
			cu = e - k == 3 ? d->t[k + 1].text :
			    unit_after(d->t[k].text);
			tx_copy(label, sizeof(label), d->t[k].text);
			if (e - k == 2 && cu != NULL)
				cut_tail(label, cu);
			else if (e - k == 2)
				cu = unit_inside(tb, d->t[k].text, label,
				    sizeof(label));
			if (lpush(l, label, cu, &d->t[e - 1]) < 0)
				return -1;
		}
		return 0;
	}
	for (i = s + 1; i < d->n && header_tok(tb, &d->t[i]); i++)
		;
	/* a page that prints a blank cell as an empty para (one <p> per
	 * cell) keeps every row's three places: a label line followed by
	 * another label line is one label wrapped */
	for (k = i; k < d->n && !gaps; k++)
		gaps = d->t[k].empty;
	while (i < d->n) {
		const char *unit = NULL;
		const struct tx_tok *value = NULL, *t = &d->t[i];

		if (t->empty) {		/* not in a row's place: nothing */
			i++;
			continue;
		}
		/* the next row's 序号: the number that follows the last one,
		 * before a label */
		if (seq && i + 1 < d->n && !d->t[i + 1].vlike &&
		    serial(t) == nseq + 1) {
			nseq++;
			t = &d->t[++i];
		}
		if (t->vlike || strstr(t->text, "。") != NULL ||
		    strlen(t->text) > 240)
			break;
		tx_copy(label, sizeof(label), t->text);
		i++;
		while (i < d->n && !d->t[i].vlike && !unit_tok(&d->t[i]) &&
		    continues(&d->t[i])) {
			size_t len = strlen(label);

			tx_copy(label + len, sizeof(label) - len,
			    d->t[i].text);
			i++;
		}
		while (gaps && i < d->n && wrapped(&d->t[i])) {
			size_t len = strlen(label);

			tx_copy(label + len, sizeof(label) - len,
			    d->t[i].text);
			i++;
		}
		if (i < d->n && unit_tok(&d->t[i]))
			unit = d->t[i++].text;
		else if ((unit = unit_after(d->t[i - 1].text)) != NULL)
			cut_tail(label, unit);	/* the label's para held it */
		else if (i + 1 < d->n && d->t[i].empty &&
		    tx_tok_figure(&d->t[i + 1]) &&
		    !next_serial(d, i + 1, seq, nseq))
			i++;	/* a blank 单位 (an empty para), then the figure */
		if (i < d->n && tx_tok_figure(&d->t[i]) &&
		    !next_serial(d, i, seq, nseq))
			value = &d->t[i++];
		/* a line with neither unit nor figure that is not a numbered
		 * row ends the table (the signature under it) */
		if (unit == NULL && value == NULL && !numbered(label)) {
			/* unless it is the rest of a known row's label:
			 * kept for the join, dropped otherwise */
			if (lpush(l, label, NULL, NULL) < 0)
				return -1;
			l->r[l->n - 1].known = -2;
			break;
		}
		if (lpush(l, label, unit, value) < 0)
			return -1;
	}
	return 0;
}

/* ---- the known rows ---- */

/* The label as compared: numbering gone, the rest (its notes too) in
 * NFKC with white space and punctuation dropped. */
static void
lnorm(const char *label, struct tx_pat *p)
{
	char sq[LABEL_MAX], nf[LABEL_MAX], out[LABEL_MAX];
	const char *q = sq;
	struct zh_numbering m;
	size_t n = 0, k;
	unsigned cp;

	zh_squeeze(label, sq, sizeof(sq));
	while (zh_numbering(q, &m) && m.len > 0)
		q += m.len;
	zh_nfkc(q, nf, sizeof(nf));
	for (q = nf; (cp = zh_next(&q)) != 0;) {
		if (cp < 0x80 ? !((cp >= '0' && cp <= '9') || (cp >= 'a' &&
		    cp <= 'z') || (cp >= 'A' && cp <= 'Z')) :
		    (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x2010 &&
		    cp <= 0x206f) || (cp >= 0xff00 && cp <= 0xffef))
			continue;
		if (n + 5 >= sizeof(out) || (k = zh_put(out + n,
		    sizeof(out) - 1 - n, cp)) == 0)
			break;
		n += k;
	}
	out[n] = '\0';
	tx_pat_make(p, out);
}

/* The printed numbering of a label (as printed), its length in bytes. */
static size_t
mark_len(const char *label)
{
	struct zh_numbering m;

	return zh_numbering(label, &m) ? m.len : 0;
}

/* A row of a label alone: no unit, no figure (blank cells beside it). */
static int
bare(const struct lrow *r)
{
	const char *p = r->unit;
	unsigned cp = 0;

	while (p != NULL && (cp = zh_next(&p)) != 0 && zh_is_space(cp))
		;
	return cp == 0 && (r->vt == NULL || r->vt->blank || r->vt->empty);
}

/* The best known row for a label and its distance (within the strict
 * cap), or -1. */
static int
best_known(const struct tx_pat *kp, int nk, const struct tx_pat *p, int *dist)
{
	int j, d, best = -1, bestd = 1 << 20, ties = 0, cap;

	for (j = 0; j < nk; j++) {
		cap = tx_cap_strict(kp[j].n);
		d = tx_pat_dist(p, &kp[j], cap);
		if (d > cap)
			continue;
		if (d < bestd) {
			bestd = d;
			best = j;
			ties = 0;
		} else if (d == bestd)
			ties++;
	}
	if (best < 0 || (ties > 0 && bestd > 0))
		return -1;
	*dist = bestd;
	return best;
}

/* The known rows of a table as they are compared, made once (the forms
 * are fixed): the rows, their words (lnorm, for the joins) and their
 * labels' norms (tx_snorm, for the alignment). */
struct known {
	const struct gk_table *tb;
	int nk;
	const struct gk_row *kr[TX_MAX_TROWS];
	struct tx_pat words[TX_MAX_TROWS], norm[TX_MAX_TROWS];
};

static const struct known *
known_of(const struct gk_table *tb)
{
	static struct known cache[2];
	static int ncache;
	char n[LABEL_MAX * 2];
	struct known *k;
	int i;

	for (i = 0; i < ncache; i++)
		if (cache[i].tb == tb)
			return &cache[i];
	k = &cache[ncache < 2 ? ncache++ : 1];
	k->tb = tb;
	k->nk = 0;
	for (i = 0; i < tb->nrows && k->nk < TX_MAX_TROWS; i++) {
		if (tb->rows[i].kind != GK_ROW_FIGURES)
			continue;
		k->kr[k->nk] = &tb->rows[i];
		lnorm(tb->rows[i].label, &k->words[k->nk]);
		tx_copy(n, sizeof(n), tx_snorm(tb->rows[i].label));
		tx_pat_make(&k->norm[k->nk++], n);
	}
	return k;
}

/* Is a label read by OCR the known row's, notes and all: within
 * tx_cap_placed of its whole label (known: tx_snorm's pattern)? */
static int
ocr_same(const char *label, const struct tx_pat *known)
{
	char n[LABEL_MAX];
	struct tx_pat p;
	int cap = tx_cap_placed(known->n);

	gk_label_norm(label, n, sizeof(n));
	tx_pat_make(&p, n);
	return tx_pat_dist(&p, known, cap) <= cap;
}

static void
align_known(const struct gk_table *tb, struct lrows *l, int ocr)
{
	const struct known *K = known_of(tb);
	const struct tx_pat *kp = K->words;
	const struct gk_row *const *kr = K->kr;
	struct tx_pat p, pj;
	struct tx_cand *c;
	char joined[LABEL_MAX * 2];
#define NSTYLE	(ZH_NUM_CIRCLED + 1)	/* numbering levels */
	int nk = K->nk, i, j, d, dj, n = 0, last, *placed, kd[TX_MAX_TROWS];
	long lastn[NSTYLE];
	struct zh_numbering mk;

	/* a label split over two lines: one of them has neither unit nor
	 * figure (the second not numbered), the join is a known row and
	 * closer than either alone; the row keeps the other's unit and
	 * figure (a grid without rulings prints them beside either line) */
	for (i = 0; i + 1 < l->n; i++) {
		struct lrow *a = &l->r[i], *b = &l->r[i + 1];
		int ka, kb, kj, first;

		if (numbered(b->label) || a->known == -2)
			continue;
		first = bare(a);
		if (!first && !bare(b))
			continue;
		tx_join(joined, sizeof(joined), a->label, b->label);
		lnorm(joined, &pj);
		if ((kj = best_known(kp, nk, &pj, &dj)) < 0)
			continue;
		lnorm(a->label, &p);
		ka = best_known(kp, nk, &p, &d);
		if (ka >= 0 && d <= dj)
			continue;
		lnorm(b->label, &p);
		kb = best_known(kp, nk, &p, &d);
		if (kb >= 0 && d <= dj)
			continue;
		tx_copy(a->label, sizeof(a->label), joined);
		if (first) {
			a->unit = b->unit;
			a->vt = b->vt;
		}
		a->known = b->known == -2 ? -1 : b->known;
		memmove(b, b + 1, sizeof(*b) * (size_t)(l->n - i - 2));
		l->n--;
	}
	/* the signature line kept for the join is no row */
	if (l->n > 0 && l->r[l->n - 1].known == -2)
		l->n--;
	c = calloc((size_t)l->n * PER_ROW + 1, sizeof(*c));
	placed = malloc(sizeof(*placed) * TX_MAX_TROWS);
	if (c == NULL || placed == NULL)
		goto out;
	/* the rows are aligned by their words, notes left out: a note
	 * worded otherwise is the province's, not a misreading */
	kp = K->norm;
	for (i = 0; i < l->n; i++) {
		int k = 0, min = 1 << 20, mark = tx_bare_mark(l->r[i].label, &mk);

		gk_label_norm(l->r[i].label, joined, sizeof(joined));
		tx_pat_make(&p, joined);
		for (j = 0; j < nk; j++) {
			int cap = tx_cap_placed(kp[j].n);

			/* a label of its numbering alone is the row so
			 * numbered, as far off as can be */
			if (mark && tx_same_mark(kr[j]->num, &mk))
				kd[j] = kp[j].n;
			else if ((kd[j] = tx_pat_dist(&p, &kp[j], cap)) > cap)
				kd[j] = -1;
			if (kd[j] >= 0 && kd[j] < min)
				min = kd[j];
		}
		/* the closest known rows only (tx_prune's first rule, before
		 * PER_ROW bounds them) */
		for (j = 0; j < nk && k < PER_ROW; j++) {
			if (kd[j] != min)
				continue;
			d = kd[j];
			c[n].unit = i, c[n].trow = j, c[n].dist = d;
			c[n].len = kp[j].n, c[n].ok = 1, c[n].prev = -1;
			c[n].w = 1000 - (1000L * d) / (kp[j].n ? kp[j].n : 1);
			if (c[n].w <= 0)
				c[n].w = 1;	/* placed by its neighbours */
			n++, k++;
		}
	}
	n = tx_prune(c, n, nk);
	last = tx_chain(c, n, nk);
	for (j = 0; j < nk; j++)
		placed[j] = -1;
	for (i = last; i >= 0; i = c[i].prev)
		placed[c[i].trow] = i;
	for (j = 0; j < nk; j++) {
		const struct tx_cand *x;

		if (placed[j] < 0)
			continue;
		x = &c[placed[j]];
		/* exact: the printed label; a little off: only between its
		 * known neighbours */
		if (x->dist > 0 && ((j > 0 && placed[j - 1] < 0) ||
		    (j + 1 < nk && placed[j + 1] < 0)))
			continue;
		l->r[x->unit].known = j;
		l->r[x->unit].dist = x->dist;
	}
	/*
	 * the corrected labels: own numbering (else the known one), the
	 * known row's words.  On pages read by OCR a label placed on a known
	 * row is the known row's also when its words match (a note or a
	 * colon misread: （镇街填与）, 其中；), unless its note is another by
	 * more than tx_cap_placed (the province's), and a numbering of the
	 * known row's number is the known one (4, for 4.)
	 */
	memset(lastn, 0, sizeof(lastn));
	for (i = 0; i < l->n; i++) {
		struct lrow *r = &l->r[i];
		size_t m;
		int own = zh_numbering(r->label, &mk), again = 0;

		/* a sub-row's numbering that repeats the one before it at its
		 * level in its group (（一） again where （二） is: on OCR's
		 * pages, a misreading); a mark starts its deeper levels anew */
		if (own && (unsigned)mk.style < NSTYLE) {
			int t;

			again = mk.style != ZH_NUM_HAN &&
			    lastn[mk.style] == mk.n;
			lastn[mk.style] = mk.n;
			for (t = (int)mk.style + 1; t < NSTYLE; t++)
				lastn[t] = 0;
		}
		if (r->known < 0 || (r->dist == 0 && !(ocr &&
		    (ocr_same(r->label, &K->norm[r->known]) || again))))
			continue;
		m = mark_len(r->label);
		if (m > 0 && ocr && own && (again ||
		    tx_same_mark(kr[r->known]->num, &mk)))
			m = 0;
		if (m == 0)
			tx_join(joined, sizeof(joined), kr[r->known]->num,
			    kr[r->known]->label);
		else {
			char mark[64];

			tx_copy(mark, m + 1 < sizeof(mark) ? m + 1 :
			    sizeof(mark), r->label);
			tx_join(joined, sizeof(joined), mark,
			    kr[r->known]->label);
		}
		tx_copy(r->label, sizeof(r->label), joined);
	}
out:
	free(placed);
	free(c);
}

/*
 * The unit printed in a row's 单位 place, into u.  Its ideographs alone:
 * a unit with a speck beside it read as punctuation (条. 个: 条-, on a
 * scan) is that unit.  On pages read by OCR, one ideograph that is no unit
 * in the place of a known row's unit (御 for 篇, 伴 for 件, 企 or 从 for
 * 个, as the recogniser misreads them) is the unit the form prints there.
 */
static void
row_unit(const struct lrow *r, const struct gk_row *known, int ocr, char *u,
    size_t usz)
{
	const char *p = r->unit != NULL ? r->unit : "";
	size_t n = 0, k;
	unsigned cp;
	int han = 0;

	u[0] = '\0';
	if (zh_is_unit(p)) {
		zh_fold(p, u, usz);
		return;
	}
	while ((cp = zh_next(&p)) != 0)
		if (zh_is_han(cp) && (k = zh_put(u + n, usz - n - 1, cp)) > 0)
			n += k, han++;
	u[n] = '\0';
	if (han > 0 && zh_is_unit(u))
		return;
	if (han == 1 && ocr && known != NULL && known->unit != NULL)
		tx_copy(u, usz, known->unit);
	else
		u[0] = '\0';
}

static void
emit(struct tx_version *out, const struct gk_table *tb,
    const struct lrows *l, int ocr)
{
	const struct known *K = known_of(tb);
	char sec[LABEL_MAX] = "", key[GK_KEY_MAX], u[64];
	struct tx_where at;
	struct tx_value v;
	int i;

	for (i = 0; i < l->n; i++) {
		const struct lrow *r = &l->r[i];
		char lk[LABEL_MAX];

		gk_label_key(r->label, lk, sizeof(lk));
		if (lk[0] == '\0')
			continue;
		if (section(lk)) {
			tx_copy(sec, sizeof(sec), lk);
			gk_legacy_key(sec, NULL, key, sizeof(key));
		} else
			gk_legacy_key(sec, lk, key, sizeof(key));
		tx_value_parse(r->vt != NULL ? r->vt->text : "", 0, &v);
		row_unit(r, r->known >= 0 ? K->kr[r->known] : NULL, ocr,
		    u, sizeof(u));
		if (v.unit[0] == '\0' && u[0] != '\0')
			tx_copy(v.unit, sizeof(v.unit), u);
		if (r->vt != NULL) {
			at.seq = r->vt->seq;
			at.cell = r->vt->cell;
			at.table = r->vt->table;
			at.row = r->vt->row;
			at.col = r->vt->col;
			at.page = r->vt->page;
		}
		tx_version_add(out, key, &v, r->vt != NULL ? &at : NULL);
	}
}

int
tx_read_legacy(const struct tx_doc *d, const struct gk_form *f,
    struct tx_version *out)
{
	const struct gk_table *tb = &f->tables[0];
	struct lrows l = { NULL, 0, 0 };
	int s, n;

	if (f->ntables < 1 || (s = legacy_start(d, tb)) < 0)
		return -1;
	if (rows_of(d, tb, s, &l) < 0) {
		free(l.r);
		return -1;
	}
	align_known(tb, &l, d->ocr);
	emit(out, tb, &l, d->ocr);
	out->structured = d->t[s].cell;
	n = l.n;
	free(l.r);
	return n;
}
