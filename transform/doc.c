/*
 * doc.c: a reading's paras and cells as tokens, and tokens as units.
 *
 * A token is one para or cell: its text, its normalised label form, and
 * whether it reads as a figure.  A unit is a label and the figures after
 * it, the shape of a table row however it was printed:
 *   - from cells, each table row: its leading label cells, then every cell
 *     after them; and the paras between the grids as from tokens;
 *   - from tokens (paras and cells in reading order, as a page without
 *     table markup prints them, one cell per line), each run of labels and
 *     the run of figures after it (a blank cell of a page printed one <p>
 *     per cell is an empty para, and stands where a figure stands).
 */
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "common/zh.h"
#include "tx.h"

size_t
tx_copy(char *out, size_t outsz, const char *s)
{
	size_t n = strlen(s);

	if (outsz == 0)
		return 0;
	if (n >= outsz) {
		n = outsz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return n;
}

size_t
tx_join(char *out, size_t outsz, const char *s, const char *t)
{
	size_t n = tx_copy(out, outsz, s);

	return n + tx_copy(out + n, outsz - n, t);
}

static int
by_seq(const void *a, const void *b)
{
	const struct tx_item *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* A figure with a note in brackets, 22（其中修订16件） or 3527(含自然失效2件):
 * it stands where a figure stands (the value is not_a_number, SCHEMA.md). */
static int
annotated(const char *text)
{
	char f[TX_FIELD_MAX], head[TX_FIELD_MAX];
	struct tx_value v;
	const char *b, *h;
	size_t n;

	/* a figure first, then a bracket */
	if (tx_word_start(text) || (strchr(text, '(') == NULL &&
	    strstr(text, "（") == NULL))
		return 0;
	zh_fold(text, f, sizeof(f));
	b = strstr(f, "（");
	h = strchr(f, '(');
	if (b == NULL || (h != NULL && h < b))
		b = h;
	if (b == NULL || b == f)
		return 0;
	n = strlen(f);
	if (!(n >= 3 && strcmp(f + n - 3, "）") == 0) && f[n - 1] != ')')
		return 0;
	memcpy(head, f, (size_t)(b - f));
	head[b - f] = '\0';
	tx_value_parse(head, 0, &v);
	return v.value[0] != '\0' && v.unit[0] == '\0';
}

static int
blank(const char *s)
{
	unsigned cp;

	while ((cp = zh_next(&s)) != 0)
		if (!zh_is_space(cp))
			return 0;
	return 1;
}

/* Nothing but missing-glyph boxes (U+FFFD): a cell of them stands where
 * its figure (or unit) is drawn so, and is read as that figure, not as
 * a piece of the row's label (规章 ��� is 规章 and a value not_a_number). */
int
tx_boxes_only(const char *s)
{
	unsigned cp;
	int n = 0;

	while ((cp = zh_next(&s)) != 0) {
		if (cp == 0xfffd)
			n++;
		else if (!zh_is_space(cp))
			return 0;
	}
	return n > 0;
}

int
tx_tok_figure(const struct tx_tok *t)
{
	return t->vlike || t->empty;
}

/*
 * Where a para that is a label with its row's first figure run into it
 * (4.保护第三方合法权益0, 其他对外管理服务事项6055: a PDF's lines of a
 * page printed one <p> per cell joined; a cell of a PDF grid whose column
 * line the label crossed, （二）部分公开（区分处理的，…）0) splits: the
 * offset of the figure, or 0.  A label of two characters or more, not a
 * sentence (a 。，； outside its brackets), ending in a Chinese character
 * or a closing bracket; the figure plain digits (in a cell, digits only).
 */
static size_t
glued(const char *s, int cell)
{
	size_t n = strlen(s), k = n;
	const char *p, *q;
	unsigned cp = 0;
	int chars = 0, depth = 0;

	while (k > 0 && ((s[k - 1] >= '0' && s[k - 1] <= '9') ||
	    s[k - 1] == ',' || s[k - 1] == '.'))
		k--;
	while (k < n && (s[k] == ',' || s[k] == '.'))
		k++;
	if (k == n || n - k > 12 || k == 0)
		return 0;
	/* in a cell, digits alone: 1.（四）无法提供2.3 is two labels'
	 * numbering cut, no figure */
	for (p = s + k; cell && *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return 0;
	for (p = s; p < s + k; chars++) {
		q = p;
		cp = zh_next(&q);
		p = q;
		if (cp == '(' || cp == 0xff08)
			depth++;
		else if ((cp == ')' || cp == 0xff09) && depth > 0)
			depth--;
		/* a sentence: its stops outside the label's notes in
		 * brackets, （区分处理的，只计这一情形，…） */
		else if (depth == 0 && (cp == 0x3002 || cp == 0xff0c ||
		    cp == 0xff1b))
			return 0;
	}
	if (p != s + k || chars < 2)
		return 0;
	/* the last character of the label */
	if (!(zh_is_han(cp) || cp == 0xff09 || cp == ')'))
		return 0;
	return k;
}

/* Token d->n: the item's text, or own (a part of it, freed with d). */
static int
tok_add(struct tx_doc *d, const struct tx_item *it, const char *text,
    char *own, int like)
{
	char norm[TX_LABEL_MAX];
	struct tx_tok *t = &d->t[d->n];

	t->own = own;
	t->text = own != NULL ? own : text;
	t->cell = it->cell;
	t->table = it->table;
	t->row = it->row;
	t->col = it->col;
	t->span = it->span > 0 ? it->span : 1;
	t->seq = it->seq;
	t->page = it->page;
	d->n++;
	gk_label_norm(t->text, norm, sizeof(norm));
	if ((t->norm = strdup(norm)) == NULL)
		return -1;
	d->hascells |= t->cell;
	t->blank = blank(t->text);
	t->vlike = t->blank || (like >= 0 ? like : tx_value_like(t->text)) ||
	    annotated(t->text) || (t->cell && tx_boxes_only(t->text));
	/* an empty para is a blank cell only where a row expects
	 * figures; elsewhere it is nothing */
	if (!t->cell && t->text[0] == '\0') {
		t->vlike = 0;
		t->empty = 1;
	}
	return 0;
}

int
tx_doc_open(struct tx_doc *d, struct tx_version *v)
{
	int i;

	memset(d, 0, sizeof(*d));
	d->ocr = v->ocr > 0;
	if (v->nitems > 0)
		qsort(v->items, (size_t)v->nitems, sizeof(v->items[0]), by_seq);
	if ((d->t = calloc((size_t)v->nitems * 2 + 1, sizeof(*d->t))) == NULL)
		return -1;
	for (i = 0; i < v->nitems; i++) {
		const struct tx_item *it = &v->items[i];
		/* not in OCR's text, whose lines are the recogniser's; a
		 * cell of a PDF grid may hold a label and its row's first
		 * figure too, where the label ran over the column line */
		int like = v->ocr > 0 ? -1 : tx_value_like(it->text);
		size_t at = like != 0 ? 0 : glued(it->text, it->cell);
		char *a, *b;

		if (at == 0) {
			if (tok_add(d, it, it->text, NULL, like) < 0)
				return -1;
			continue;
		}
		/* the label, then its figure */
		if ((a = strndup(it->text, at)) == NULL)
			return -1;
		if (tok_add(d, it, NULL, a, -1) < 0)
			return -1;
		if ((b = strdup(it->text + at)) == NULL)
			return -1;
		if (tok_add(d, it, NULL, b, -1) < 0)
			return -1;
	}
	return 0;
}

static int
push(struct tx_doc *d, int a, int b, int c)
{
	struct tx_unit *u;

	if (d->nu == d->capu) {
		int cap = d->capu ? d->capu * 2 : 256;
		struct tx_unit *p = realloc(d->u, sizeof(*p) * (size_t)cap);

		if (p == NULL)
			return -1;
		d->u = p;
		d->capu = cap;
	}
	u = &d->u[d->nu++];
	u->a = a, u->b = b, u->c = c;
	u->claimed = 0;
	return 0;
}

static int
same_row(const struct tx_tok *x, const struct tx_tok *y)
{
	return x->cell && y->cell && x->table == y->table && x->row == y->row;
}

int
tx_doc_units(struct tx_doc *d, int cells)
{
	int i, j, a, b, k;

	d->nu = 0;
	d->cells = cells;
	d->labs = 0;
	for (i = 0; i < d->n; i = j) {
		if (cells) {
			for (j = i + 1; j < d->n && same_row(&d->t[i], &d->t[j]);
			    j++)
				;
			if (!d->t[i].cell) {
				/* paras between the tables: runs of labels
				 * and figures, as read from tokens (a table
				 * of one row that a PDF grid left as lines) */
				for (j = i; j < d->n && !d->t[j].cell &&
				    !tx_tok_figure(&d->t[j]); j++)
					;
				for (b = j; j < d->n && !d->t[j].cell &&
				    tx_tok_figure(&d->t[j]); j++)
					;
				if (b > i && j > b && push(d, i, b, j) < 0)
					return -1;
				if (j == i)
					j = i + 1;
				continue;
			}
			/* blank cells left of the label or inside it (a
			 * group's merged cell printed empty, a PDF grid's
			 * empty column between a group and its row's label)
			 * are not figures: the label ends at the last label
			 * cell before the first figure that is not blank */
			for (a = i; a < j && d->t[a].blank; a++)
				;
			if (a == j || d->t[a].vlike)
				a = i;
			for (b = a, k = a; k < j && (!d->t[k].vlike ||
			    d->t[k].blank); k++)
				if (!d->t[k].vlike)
					b = k + 1;
			if (push(d, a, b, j) < 0)
				return -1;
			continue;
		}
		/* a run of labels, then the run of figures after it;
		 * figures before any label belong to no unit */
		if (tx_tok_figure(&d->t[i])) {
			j = i + 1;
			continue;
		}
		for (b = i; b < d->n && !tx_tok_figure(&d->t[b]); b++)
			;
		for (j = b; j < d->n && tx_tok_figure(&d->t[j]); j++)
			;
		if (push(d, i, b, j) < 0)
			return -1;
	}
	return 0;
}

void
tx_doc_close(struct tx_doc *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		free(d->t[i].norm);
		free(d->t[i].own);
	}
	free(d->t);
	free(d->u);
	free(d->ulab);
	free(d->lab);
	free(d->cpool);
	free(d->npool);
	memset(d, 0, sizeof(*d));
}
