/*
 * columns.c: which printed column of table 三 is which applicant.
 *
 * The form has seven value columns (自然人, five kinds of 法人或其他组织,
 * 总计); some reports add an eighth, 法人或其他组织小计 (the schema's
 * optional column), after 其他 or after 自然人 (templates.md §2, §7).
 * The columns are placed by their header labels: from cells by the grid
 * column of each header word; from paras (no grid) the header prints row
 * by row, so the optional column is placed by what it follows: after the
 * group's last column, or a second-row word between the group's label
 * and 总计, it is left of 总计; otherwise (before the group's label, or
 * first of the third row) it is right of the first column.  It never
 * shifts 总计.  Without a complete header the 小计 is placed by what it
 * is, the sum of its group's figures (by_sums); else 三 keeps the form's
 * columns.
 */
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "tx.h"

#define MAXC	8
/* Tokens looked at for the header's words after its first column's word:
 * the header of 三 is at most 3 rows of 1 + 1 + 6 words (申请人情况,
 * 法人或其他组织 and 总计, 自然人 and its five kinds with 小计), with a
 * corner cell or two: 16 tokens hold it, a grid's empty cells not counted. */
#define HEAD3_TOKS	16
/* Rows above the first column's word (自然人) that still hold the header's
 * words, in a grid: a rule the producer drew across the 自然人 cell
 * spanning two rows puts the word in the lower row, after the upper row's
 * 法人或其他组织 and 总计 in the reading order.  The header has 3 rows. */
#define HEAD3_ROWS_UP	2

/* The last part of a column's group path (法人或其他组织), normalised. */
static void
group_word(const struct gk_col *cols, int ncols, char *out, size_t outsz)
{
	const char *p = NULL, *q;
	int i;

	out[0] = '\0';
	for (i = 0; i < ncols && p == NULL; i++)
		if (cols[i].group != NULL && strstr(cols[i].group, " / "))
			p = cols[i].group;
	if (p == NULL)
		return;
	while ((q = strstr(p, " / ")) != NULL)
		p = q + 3;
	tx_copy(out, outsz, tx_snorm(p));
}

/* Which column a header word is, ncols for the group's label, or -1:
 * the word printed, else one a character off (tx_head_is: 目然人 is
 * 自然人 on a scan). */
static int
word(const struct gk_col *cols, int ncols, const char *group,
    const char *norm)
{
	char n[TX_LABEL_MAX];
	int i, k, near;

	for (near = 0; near < 2; near++) {
		for (i = 0; i < ncols; i++) {
			tx_copy(n, sizeof(n), tx_snorm(cols[i].label));
			if (near ? tx_head_is(norm, n) : strcmp(n, norm) == 0)
				return i;
			for (k = 0; cols[i].variants != NULL &&
			    cols[i].variants[k] != NULL; k++) {
				tx_copy(n, sizeof(n),
				    tx_snorm(cols[i].variants[k]));
				if (near ? tx_head_is(norm, n) :
				    strcmp(n, norm) == 0)
					return i;
			}
		}
		if (group[0] != '\0' && (near ? tx_head_is(norm, group) :
		    strcmp(norm, group) == 0))
			return ncols;
	}
	return -1;
}

/*
 * A header word misread by more than a character (社会组织 for 社会公益组织
 * on a scan) is placed by its neighbours, as a row's label is: a column
 * of the form left unplaced takes the one unplaced word of the grid row
 * of the placed columns before and after it that stands between them and
 * is within tx_cap_placed of the form's word.  Cells only: in a grid a
 * word's column says where it stands.
 */
static void
place_between(const struct tx_doc *d, const struct gk_col *cols, int ncols,
    const char *group, int from, int end, int table, int *pos, int *col)
{
	struct tx_pat a, b;
	int k, p, q, i, row, hit, at;

	for (k = 0; k < ncols; k++) {
		if (cols[k].optional || pos[k] >= 0)
			continue;
		for (p = k - 1; p >= 0 && (cols[p].optional || pos[p] < 0); p--)
			;
		for (q = k + 1; q < ncols && (cols[q].optional ||
		    pos[q] < 0); q++)
			;
		if (p < 0 || q >= ncols ||
		    d->t[pos[p]].row != d->t[pos[q]].row)
			continue;
		row = d->t[pos[p]].row;
		tx_pat_make(&b, tx_snorm(cols[k].label));
		for (hit = 0, at = -1, i = from; i < end && i < d->n; i++) {
			const struct tx_tok *t = &d->t[i];

			if (t->vlike || !t->cell || t->table != table ||
			    t->row != row || t->col <= col[p] ||
			    t->col >= col[q] || word(cols, ncols, group,
			    t->norm) >= 0)
				continue;
			tx_pat_make(&a, t->norm);
			if (tx_pat_dist(&a, &b, tx_cap_placed(b.n)) <=
			    tx_cap_placed(b.n))
				hit++, at = i;
		}
		if (hit == 1) {
			pos[k] = at;
			col[k] = d->t[at].col;
		}
	}
}

/* Does the figure at place p of a row of n add up the figures of the
 * group's columns (their places with the optional column at p)? */
static int
sums_at(const double *f, int p, const int *member, int ncols, int opt,
    int total)
{
	double sum = 0, all = 0, tot = 0;
	int k, place;

	for (k = 0, place = 0; k < ncols; k++) {
		if (k == opt)
			continue;
		if (place == p)
			place++;
		if (member[k])
			sum += f[place];
		if (k == total)
			tot = f[place];
		else
			all += f[place];
		place++;
	}
	/* and the row's 总计 adds up the rest */
	return sum != 0 && sum == f[p] && tot == all;
}

/*
 * Without a header to place it, the optional column (the group's 小计) is
 * known by what it is: the sum of its group's columns (in a row whose
 * 总计 adds up the rest; every figure printed, none blank).  The rows of
 * as many figures as the columns with it (8) are tried with it at each
 * place; it goes where it adds up in most rows, two at least, and in
 * more than at any other place (a row whose group holds nothing but zeros
 * adds up wherever a blank or a 0 is, and decides nothing).  Else 三 keeps the form's columns (an 8th figure leaves
 * its row out).
 */
static void
by_sums(const struct tx_doc *dc, const struct gk_col *cols, int ncols,
    int opt, struct tx_cols3 *c3)
{
	struct tx_doc d = *dc;
	int member[MAXC], holds[MAXC], u, k, p, best = -1, n = 0;
	int total = -1;
	double f[MAXC];

	if (opt < 0 || ncols > MAXC || cols[opt].group == NULL)
		return;
	for (k = 0; k < ncols; k++) {
		member[k] = k != opt && cols[k].group != NULL &&
		    strcmp(cols[k].group, cols[opt].group) == 0;
		/* the column over all the others: in no group below the
		 * table's own, and not the first */
		if (k > 0 && k != opt && !member[k] &&
		    (cols[k].group == NULL || strstr(cols[k].group, " / ") ==
		    NULL))
			total = k;
	}
	if (total < 0)
		return;
	memset(holds, 0, sizeof(holds));
	/* the rows of cells, else of paras (d is a copy: its units are its
	 * own) */
	d.u = NULL;
	d.nu = d.capu = 0;
	if (tx_doc_units(&d, d.hascells) == 0) {
		for (u = 0; u < d.nu; u++) {
			const struct tx_unit *x = &d.u[u];
			int ok = 1;

			if (x->c - x->b != ncols || x->b == x->a)
				continue;
			for (k = 0; k < ncols && ok; k++) {
				struct tx_value v;

				tx_value_parse(d.t[x->b + k].text, 0, &v);
				if (v.value[0] != '\0')
					f[k] = atof(v.value);
				else
					ok = 0;
			}
			if (!ok)
				continue;
			n++;
			for (p = 0; p < ncols; p++)
				holds[p] += sums_at(f, p, member, ncols, opt,
				    total);
		}
	}
	free(d.u);
	for (p = 0; p < ncols; p++)
		if (best < 0 || holds[p] > holds[best])
			best = p;
	if (best < 0 || holds[best] < 2 || holds[best] * 2 <= n)
		return;
	for (p = 0; p < ncols; p++)
		if (p != best && holds[p] >= holds[best])
			return;
	for (k = 0, p = 0, n = 0; k < ncols; k++) {
		if (k == opt)
			continue;
		if (n == best)
			c3->order[n++] = opt;
		c3->order[n++] = k;
	}
	if (n == best)
		c3->order[n++] = opt;
	c3->n = n;
	c3->head = 1;
}

void
tx_columns3(const struct tx_doc *d, const struct gk_col *cols, int ncols,
    struct tx_cols3 *c3)
{
	char group[TX_LABEL_MAX];
	int pos[MAXC + 1], col[MAXC + 1], i, k, w, s, n = 0, start = -1, end;
	int opt = -1, total = -1, lastorg = -1, from;

	memset(c3, 0, sizeof(*c3));
	if (ncols > MAXC)
		ncols = MAXC;
	for (k = 0; k < ncols; k++) {
		if (cols[k].optional)
			opt = k;
		else
			c3->order[c3->n++] = k;
	}
	group_word(cols, ncols, group, sizeof(group));
	for (k = 0; k < ncols; k++) {
		if (cols[k].optional)
			continue;
		if (cols[k].group != NULL && strstr(cols[k].group, " / "))
			lastorg = k;
		else if (k > 0)
			total = k;
	}
	for (i = 0; i < d->n && start < 0; i++)
		if (!d->t[i].vlike && word(cols, ncols, group, d->t[i].norm) == 0)
			start = i;
	if (start < 0) {
		by_sums(d, cols, ncols, opt, c3);
		return;
	}
	for (k = 0; k <= MAXC; k++)
		pos[k] = col[k] = -1;
	/* from cells, the header's rows from the one above 自然人's on: in a
	 * grid's order (row, then column) a word of an upper row may come
	 * before it */
	from = start;
	if (d->t[start].cell)
		for (k = 0; from > 0 && d->t[from - 1].cell &&
		    d->t[from - 1].table == d->t[start].table &&
		    d->t[from - 1].row >= d->t[start].row - HEAD3_ROWS_UP &&
		    k < HEAD3_TOKS; from--)
			k += !d->t[from - 1].blank;
	/* HEAD3_TOKS words: a grid's empty header cells are none */
	for (end = start, k = 0; end < d->n && k < HEAD3_TOKS; end++)
		k += !d->t[end].blank;
	for (i = from; i < end; i++) {
		const struct tx_tok *t = &d->t[i];

		if (t->vlike || (w = word(cols, ncols, group, t->norm)) < 0)
			continue;
		if (w == ncols)
			w = MAXC;
		if (pos[w] >= 0)
			continue;
		if (d->t[start].cell && (!t->cell ||
		    t->table != d->t[start].table))
			continue;
		pos[w] = i;
		col[w] = t->col;
	}
	if (d->t[start].cell)
		place_between(d, cols, ncols, group, from, end,
		    d->t[start].table, pos, col);
	for (k = 0; k < ncols; k++)
		if (!cols[k].optional && pos[k] < 0) {
			by_sums(d, cols, ncols, opt, c3);
			return;
		}
	c3->head = 1;
	if (d->t[start].cell) {
		/* grid columns, left to right */
		int ord[MAXC];

		for (k = 0; k < ncols; k++) {
			if (pos[k] < 0)
				continue;
			for (i = n; i > 0 && col[ord[i - 1]] > col[k]; i--)
				ord[i] = ord[i - 1];
			ord[i] = k;
			n++;
		}
		for (k = 1; k < n; k++)
			if (col[ord[k]] == col[ord[k - 1]])
				return;	/* two words in one column */
		memcpy(c3->order, ord, sizeof(ord[0]) * (size_t)n);
		c3->n = n;
		return;
	}
	if (opt < 0 || (s = pos[opt]) < 0 || total < 0 || lastorg < 0)
		return;
	if (s > pos[lastorg] || (pos[MAXC] >= 0 && s > pos[MAXC] &&
	    s < pos[total]))
		k = total;	/* left of 总计 */
	else
		k = 1;		/* right of the first column */
	for (i = 0, n = 0; i < ncols; i++) {
		if (cols[i].optional)
			continue;
		if (i == k)
			c3->order[n++] = opt;
		c3->order[n++] = i;
	}
	c3->n = n;
}
