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
 * shifts 总计.  Without a complete header 三 keeps the form's columns.
 */
#include <string.h>

#include "common/schema.h"
#include "tx.h"

#define MAXC	8

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

/* Which column a header word is, ncols for the group's label, or -1. */
static int
word(const struct gk_col *cols, int ncols, const char *group,
    const char *norm)
{
	char n[TX_LABEL_MAX];
	int i, k;

	for (i = 0; i < ncols; i++) {
		tx_copy(n, sizeof(n), tx_snorm(cols[i].label));
		if (strcmp(n, norm) == 0)
			return i;
		for (k = 0; cols[i].variants != NULL &&
		    cols[i].variants[k] != NULL; k++) {
			tx_copy(n, sizeof(n), tx_snorm(cols[i].variants[k]));
			if (strcmp(n, norm) == 0)
				return i;
		}
	}
	return group[0] != '\0' && strcmp(norm, group) == 0 ? ncols : -1;
}

void
tx_columns3(const struct tx_doc *d, const struct gk_col *cols, int ncols,
    struct tx_cols3 *c3)
{
	char group[TX_LABEL_MAX];
	int pos[MAXC + 1], col[MAXC + 1], i, k, w, s, n = 0, start = -1;
	int opt = -1, total = -1, lastorg = -1;

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
	if (start < 0)
		return;
	for (k = 0; k <= MAXC; k++)
		pos[k] = col[k] = -1;
	for (i = start; i < d->n && i < start + 16; i++) {
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
	for (k = 0; k < ncols; k++)
		if (!cols[k].optional && pos[k] < 0)
			return;
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
