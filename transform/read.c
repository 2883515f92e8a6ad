/*
 * read.c: one reading of a document -> the values of one form.
 *
 * The reading is taken two ways, and the one that gives more values of a
 * national form wins: its table cells (a unit per table row) and its
 * tokens (paras and cells in reading order, one cell per line, as pages
 * without table markup print them).  Each way:
 *   1. the tables without row labels (四) are found by their header (the
 *      first column's group, 行政复议) and the run of figures after it;
 *   2. every labelled table of every form is aligned to the units
 *      (align.c), the rows placed by their labels and their order;
 *   3. the forms bid (the schema's weights): the header words and the
 *      rows with figures that only one form prints count for it (table
 *      二's above table 三's: SCHEMA.md's mixed form); the best bid wins,
 *      more rows read break a tie of evidence, and a tie of both is no
 *      template (never a guess);
 *   4. each table is read from the form whose version of it fits best
 *      (the winner's on a tie), so a gov2021 report with gov2019's single
 *      三（六） keys that row as gov2019 does;
 *   5. the values are written in the document's order: a row's figures by
 *      its columns (table 三's by its header, columns.c), a unit from the
 *      cell, else from the last header over the column.
 * The legacy 统计表 (legacy.c) bids with its header (统计指标).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "common/zh.h"
#include "tx.h"

#define MAXF	16	/* forms */
#define MAXT	8	/* tables of a form */
#define MAXHU	128	/* header words with a unit */

struct hunit {
	char norm[96];
	char unit[32];
};

/* One table of a document read: a labelled table's alignment, or an
 * unlabelled table's rows of figures (token index of each run). */
struct tread {
	const struct gk_form *form;
	const struct gk_table *table;
	const struct tx_ttable *tt;
	struct tx_align al;
	int runs[64];		/* unlabelled: the first figure of each */
	int nruns;
};

struct ctx {
	struct tx_doc *d;
	struct tx_cols3 c3;
	const struct gk_col *cols3;	/* the columns c3 places */
	struct hunit hu[MAXHU];	/* count columns: last header seen */
	int nhu;
	struct hunit mu[MAXHU];	/* money columns: first header with a unit */
	int nmu;
	struct tx_version *out;
	int hpos;		/* tokens up to here looked at for headers */
};

/* ---- what the schema prints over figures, normalised once ---- */

#define MAXWORDS	256
#define MAXGROUPS	32

struct word {
	const char *norm;
	int money;
};

static struct {
	int built;
	/* the headers of the labelled tables' columns and their groups */
	struct word head[MAXWORDS];
	int nhead;
	/* a column group path (pointer) and its levels, normalised */
	const char *gpath[MAXGROUPS];
	const char *glevel[MAXGROUPS][4];
	int nglevel[MAXGROUPS], ngroup;
	/* per form and table: the header words no other form prints */
	const char *ev[MAXF][MAXT][64];
	int nev[MAXF][MAXT];
} V;

static void
add_head(const char *norm, int money)
{
	int i;

	if (norm[0] == '\0')
		return;
	for (i = 0; i < V.nhead; i++)
		if (strcmp(V.head[i].norm, norm) == 0) {
			V.head[i].money |= money;
			return;
		}
	if (V.nhead < MAXWORDS) {
		V.head[V.nhead].norm = norm;
		V.head[V.nhead++].money = money;
	}
}

/* The levels of a group path (申请人情况 / 法人或其他组织), normalised. */
static int
group_levels(const char *path, const char ***lv)
{
	char part[256];
	const char *p, *q;
	int g;

	for (g = 0; g < V.ngroup; g++)
		if (V.gpath[g] == path)
			break;
	if (g == V.ngroup) {
		if (g == MAXGROUPS)
			return 0;
		V.gpath[g] = path;
		V.nglevel[g] = 0;
		for (p = path; p != NULL && *p != '\0' && V.nglevel[g] < 4;
		    p = q != NULL ? q + 3 : NULL) {
			q = strstr(p, " / ");
			snprintf(part, sizeof(part), "%.*s", (int)(q != NULL ?
			    q - p : (int)strlen(p)), p);
			V.glevel[g][V.nglevel[g]++] = tx_snorm(part);
		}
		V.ngroup++;
	}
	*lv = V.glevel[g];
	return V.nglevel[g];
}

/* Does a form other than f print word (a column header or the header
 * over the labels)? */
static int
printed_elsewhere(const struct gk_form *f, const char *word)
{
	int g, t, r, c, v;

	for (g = 0; gk_forms[g] != NULL; g++) {
		if (gk_forms[g] == f)
			continue;
		for (t = 0; t < gk_forms[g]->ntables; t++) {
			const struct gk_table *o = &gk_forms[g]->tables[t];

			if (o->label_head != NULL &&
			    strcmp(tx_snorm(o->label_head), word) == 0)
				return 1;
			for (r = 0; r < o->nrows; r++)
				for (c = 0; c < o->rows[r].ncols; c++) {
					const struct gk_col *col =
					    &o->rows[r].cols[c];

					if (strcmp(tx_snorm(col->label), word) == 0)
						return 1;
					for (v = 0; col->variants != NULL &&
					    col->variants[v] != NULL; v++)
						if (strcmp(tx_snorm(
						    col->variants[v]), word) == 0)
							return 1;
				}
		}
	}
	return 0;
}

static void
add_ev(int f, int t, const char *word)
{
	int k;

	if (word[0] == '\0' || printed_elsewhere(gk_forms[f], word))
		return;
	for (k = 0; k < V.nev[f][t]; k++)
		if (strcmp(V.ev[f][t][k], word) == 0)
			return;
	if (V.nev[f][t] < 64)
		V.ev[f][t][V.nev[f][t]++] = word;
}

static void
build_vocab(void)
{
	const char **lv;
	int f, t, r, c, k, n;

	if (V.built)
		return;
	V.built = 1;
	for (f = 0; gk_forms[f] != NULL && f < MAXF; f++)
		for (t = 0; t < gk_forms[f]->ntables && t < MAXT; t++) {
			const struct gk_table *tb = &gk_forms[f]->tables[t];

			for (r = 0; r < tb->nrows; r++)
				for (c = 0; c < tb->rows[r].ncols; c++) {
					const struct gk_col *col =
					    &tb->rows[r].cols[c];

					add_ev(f, t, tx_snorm(col->label));
					if (tb->unlabelled)
						continue;
					add_head(tx_snorm(col->label), col->money);
					for (k = 0; col->variants != NULL &&
					    col->variants[k] != NULL; k++)
						add_head(tx_snorm(col->variants[k]),
						    col->money);
					if (col->group == NULL)
						continue;
					n = group_levels(col->group, &lv);
					for (k = 0; k < n; k++)
						add_head(lv[k], 0);
				}
			if (tb->label_head != NULL)
				add_ev(f, t, tx_snorm(tb->label_head));
			for (k = 0; tb->heads != NULL && tb->heads[k] != NULL;
			    k++)
				add_ev(f, t, tx_snorm(tb->heads[k]));
		}
}

/* ---- header units ---- */

/* Does a column header start with norm (and is longer)? */
static int
head_prefix(const char *norm)
{
	size_t n = strlen(norm);
	int i;

	for (i = 0; i < V.nhead; i++)
		if (strncmp(V.head[i].norm, norm, n) == 0 &&
		    V.head[i].norm[n] != '\0')
			return 1;
	return 0;
}

/* Is norm the header (label, variant or a group level) of a column of
 * a labelled table of any form?  Then *money says whether it is money. */
static int
col_header(const char *norm, int *money)
{
	int i;

	*money = 0;
	for (i = 0; i < V.nhead; i++)
		if (V.head[i].norm[0] == norm[0] &&
		    strcmp(V.head[i].norm, norm) == 0) {
			*money = V.head[i].money;
			return 1;
		}
	return 0;
}

static void
set_unit(struct hunit *h, int *nh, const char *norm, const char *unit,
    int once)
{
	int i;

	for (i = 0; i < *nh; i++)
		if (strcmp(h[i].norm, norm) == 0)
			break;
	if (i == *nh) {
		if (*nh == MAXHU)
			return;
		tx_copy(h[i].norm, sizeof(h[i].norm), norm);
		h[i].unit[0] = '\0';
		(*nh)++;
	}
	if (once && h[i].unit[0] != '\0')
		return;
	tx_copy(h[i].unit, sizeof(h[i].unit), unit);
}

static const char *
get_unit(const struct hunit *h, int nh, const char *norm)
{
	int i;

	for (i = 0; i < nh; i++)
		if (strcmp(h[i].norm, norm) == 0)
			return h[i].unit;
	return "";
}

/*
 * Is token i a column header?  Then its unit (or none) holds for the
 * figures under it until the next such header; a money header's first
 * unit holds for the whole document.  On a <p> page a header broken over
 * two lines (本年新制 / 作数量（件）) is joined with the next line.  1 if it
 * is a header.
 */
static int
note_header(struct ctx *c, int i)
{
	char joined[TX_LABEL_MAX * 2], norm[TX_LABEL_MAX], unit[32];
	const struct tx_tok *t = &c->d->t[i];
	const char *text = t->text;
	int pass, money;

	if (tx_tok_figure(t) || t->norm[0] == '\0')
		return 0;
	tx_copy(norm, sizeof(norm), t->norm);
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			/* the first part of a header is the start of one */
			if (t->cell || i + 1 >= c->d->n || c->d->t[i + 1].cell ||
			    tx_tok_figure(&c->d->t[i + 1]) ||
			    !head_prefix(t->norm))
				return 0;
			tx_join(joined, sizeof(joined), t->text,
			    c->d->t[i + 1].text);
			gk_label_norm(joined, norm, sizeof(norm));
			text = joined;
		}
		if (col_header(norm, &money)) {
			gk_header_unit(text, unit, sizeof(unit));
			if (!money)
				set_unit(c->hu, &c->nhu, norm, unit, 0);
			return 1;
		}
	}
	return 0;
}

/* A cell holding two headers, as a PDF grid without rulings joins them
 * (信息内容 上一年项目数量（项）): each part between spaces that is a
 * column's header gives its unit. */
static void
note_parts(struct ctx *c, int i)
{
	char part[TX_LABEL_MAX], norm[TX_LABEL_MAX], unit[32];
	const char *p = c->d->t[i].text, *q;
	int money;

	if (tx_tok_figure(&c->d->t[i]) || strchr(p, ' ') == NULL)
		return;
	for (; *p != '\0'; p = q) {
		while (*p == ' ')
			p++;
		for (q = p; *q != '\0' && *q != ' '; q++)
			;
		if (q == p || (size_t)(q - p) >= sizeof(part))
			continue;
		memcpy(part, p, (size_t)(q - p));
		part[q - p] = '\0';
		gk_label_norm(part, norm, sizeof(norm));
		if (norm[0] == '\0' || !col_header(norm, &money) || money)
			continue;
		gk_header_unit(part, unit, sizeof(unit));
		set_unit(c->hu, &c->nhu, norm, unit, 0);
	}
}

/* Money headers print their unit once for the document: the first one
 * (采购总金额(万元), 本年收费金额（单位：万元）, or with more after it). */
static void
money_units(struct ctx *c)
{
	char n[TX_LABEL_MAX], unit[32];
	int f, t, r, k, i;

	for (f = 0; gk_forms[f] != NULL; f++)
		for (t = 0; t < gk_forms[f]->ntables; t++) {
			const struct gk_table *tb = &gk_forms[f]->tables[t];

			for (r = 0; r < tb->nrows; r++)
				for (k = 0; k < tb->rows[r].ncols; k++) {
					const struct gk_col *col =
					    &tb->rows[r].cols[k];

					if (!col->money)
						continue;
					tx_copy(n, sizeof(n), tx_snorm(col->label));
					for (i = 0; i < c->d->n; i++) {
						/* the header, or a cell it
						 * shares with the one left of
						 * it (信息内容 本年收费金额
						 * （单位：万元）) */
						if (c->d->t[i].vlike ||
						    strstr(c->d->t[i].norm,
						    n) == NULL)
							continue;
						gk_header_unit(c->d->t[i].text,
						    unit, sizeof(unit));
						/* its unit wrapped to the
						 * next line: 采购总金额 /
						 * （万元） */
						if (unit[0] == '\0' &&
						    i + 1 < c->d->n &&
						    c->d->t[i + 1].norm[0] ==
						    '\0')
							gk_header_unit(
							    c->d->t[i + 1].text,
							    unit, sizeof(unit));
						if (unit[0] != '\0') {
							set_unit(c->mu, &c->nmu,
							    n, unit, 1);
							break;
						}
					}
				}
		}
}

/* The unit a column's header gives its figures. */
static const char *
header_unit(const struct ctx *c, const struct gk_col *col)
{
	const char **lv;
	const char *u;
	int n, k;

	if (col->money)
		return get_unit(c->mu, c->nmu, tx_snorm(col->label));
	if ((u = get_unit(c->hu, c->nhu, tx_snorm(col->label)))[0] != '\0')
		return u;
	if (col->group == NULL)
		return "";
	/* the innermost group first */
	for (n = group_levels(col->group, &lv), k = n - 1; k >= 0; k--)
		if ((u = get_unit(c->hu, c->nhu, lv[k]))[0] != '\0')
			return u;
	return "";
}

/* ---- values ---- */

static void
where(const struct tx_tok *t, struct tx_where *at)
{
	at->seq = t->seq;
	at->cell = t->cell;
	at->table = t->table;
	at->row = t->row;
	at->col = t->col;
	at->page = t->page;
}

static void
add_value(struct ctx *c, const struct gk_row *r, const struct gk_col *col,
    const struct tx_tok *t)
{
	char key[GK_KEY_MAX], buf[TX_FIELD_MAX + 32], raw[TX_FIELD_MAX];
	const char *hdr = col != NULL ? header_unit(c, col) : "";
	int amount = col != NULL && col->money;
	struct tx_where at;
	struct tx_value v;

	if (col != NULL && col->suffix == NULL)
		return;		/* a column the form does not key */
	tx_value_parse(t->text, amount, &v);
	if (!amount && v.unit[0] == '\0' && hdr[0] != '\0')
		tx_copy(v.unit, sizeof(v.unit), hdr);
	else if (v.value[0] != '\0' && v.unit[0] == '\0' && hdr[0] != '\0') {
		/* the unit printed in the column header */
		tx_copy(raw, sizeof(raw), v.raw);
		tx_join(buf, sizeof(buf), v.raw, hdr);
		tx_value_parse(buf, amount, &v);
		tx_copy(v.raw, sizeof(v.raw), raw);
	} else if (v.value[0] == '\0' && hdr[0] != '\0' && amount &&
	    strcmp(hdr, "元") != 0)
		tx_copy(v.unit, sizeof(v.unit), hdr);
	if (col != NULL)
		gk_key_join(key, sizeof(key), r->key, col->suffix);
	else
		tx_copy(key, sizeof(key), r->key);
	where(t, &at);
	tx_version_add(c->out, key, &v, &at);
}

/* The columns of a row left to right, as printed: table 三's by its
 * header; n gets how many. */
static const struct gk_col *
column(const struct ctx *c, const struct gk_row *r, int k)
{
	if (r->cols == NULL)
		return NULL;
	if (r->cols == c->cols3)
		return &r->cols[c->c3.order[k]];
	return &r->cols[k];
}

static int
row_width(const struct ctx *c, const struct gk_row *r)
{
	int k, n = 0;

	if (r->cols == NULL)
		return 1;
	if (r->cols == c->cols3)
		return c->c3.n;
	for (k = 0; k < r->ncols; k++)
		n += !r->cols[k].optional;
	return n;
}

static int
trow_width(void *arg, const struct tx_trow *tr)
{
	return row_width(arg, tr->row);
}

/* Look at the headers before token end: cells and paras alike (a
 * header printed as a line over a table, 申请人情况（件）, gives its unit
 * to the cells below it). */
static void
headers_to(struct ctx *c, int end)
{
	for (; c->hpos < end && c->hpos < c->d->n; c->hpos++)
		if (!note_header(c, c->hpos))
			note_parts(c, c->hpos);
}

/* The unit in brackets a cell starts with, (件)7, in out; 0 if none. */
static int
lead_unit(const char *text, char *out, size_t outsz)
{
	struct tx_value v;
	const char *p = text;

	while (*p == ' ')
		p++;
	if (*p != '(' && strncmp(p, "（", 3) != 0)
		return 0;
	tx_value_parse(text, 0, &v);
	if (v.value[0] == '\0' || v.unit[0] == '\0')
		return 0;
	tx_copy(out, outsz, v.unit);
	return 1;
}

/* Is token t the header of column col: its label or a variant, or a cell
 * holding one with the header left of it (信息内容 上一年项目数量, two
 * header cells a PDF grid without rulings joined)?  2 exact, 1 held. */
static int
is_head(const struct tx_tok *t, const struct gk_col *col)
{
	char n[TX_LABEL_MAX];
	int k, held = 0;

	for (k = -1; k < 0 || (col->variants != NULL &&
	    col->variants[k] != NULL); k++) {
		tx_copy(n, sizeof(n), tx_snorm(k < 0 ? col->label :
		    col->variants[k]));
		if (n[0] == '\0')
			continue;
		if (strcmp(t->norm, n) == 0)
			return 2;
		held |= strstr(t->norm, n) != NULL;
	}
	return held;
}

/*
 * The figures of a row of cells by its column headers: each column's
 * header cell (the last one before the row in its table) spans grid
 * columns [lo, hi), and the column's figure is the row's cell in them (the
 * one not blank, where the header spans a blank cell of a grid without
 * rulings too).  1 when every column's header was found, in order, and
 * the figures were written; 0 to read them by position.
 */
static int
read_by_head(struct ctx *c, const struct gk_row *r, int a, int b)
{
	const struct tx_tok *t = c->d->t;
	char unit[32];
	int lo[16], hi[16], head[16], k, i, j, n = r->ncols;

	if (r->cols == NULL || r->cols == c->cols3 || n < 2 || n > 16 ||
	    !t[a].cell)
		return 0;
	/* the figures of one row of cells (read as tokens, the run of
	 * figures may go on past it) */
	for (j = a + 1; j < b && t[j].cell && t[j].table == t[a].table &&
	    t[j].row == t[a].row; j++)
		;
	b = j;
	for (k = 0; k < n; k++) {
		int best = 0;

		if (r->cols[k].optional)
			return 0;
		for (i = a - 1; i >= 0 && t[i].cell &&
		    t[i].table == t[a].table && best < 2; i--) {
			int h;

			if (t[i].vlike || t[i].row >= t[a].row)
				continue;
			if ((h = is_head(&t[i], &r->cols[k])) > best) {
				best = h;
				head[k] = i;
				lo[k] = t[i].col;
				hi[k] = t[i].col + t[i].span;
			}
		}
		if (best == 0 || (k > 0 && lo[k] < hi[k - 1]))
			return 0;
	}
	for (k = 0; k < n; k++) {
		const struct tx_tok *pick = NULL;

		for (j = a; j < b; j++)
			if (t[j].col >= lo[k] && t[j].col < hi[k] &&
			    (pick == NULL || pick->blank))
				pick = &t[j];
		if (pick == NULL)
			continue;
		/* the header's unit, wrapped under it into the first row's
		 * cell: （件）7 under 本年新制作数量 */
		if (pick->row == t[head[k]].row + 1 && !r->cols[k].money &&
		    header_unit(c, &r->cols[k])[0] == '\0' &&
		    lead_unit(pick->text, unit, sizeof(unit)))
			set_unit(c->hu, &c->nhu, tx_snorm(r->cols[k].label),
			    unit, 0);
		add_value(c, r, &r->cols[k], pick);
	}
	return 1;
}

/* The figures of a row placed on unit u. */
static void
read_row(struct ctx *c, const struct gk_row *r, const struct tx_unit *u)
{
	const struct tx_tok *t = c->d->t;
	int w = row_width(c, r), a = u->b, b = u->c, k, nv;

	headers_to(c, u->c);
	if (a < b && read_by_head(c, r, a, b))
		return;
	if (c->d->cells) {
		/* a label cell that a PDF grid split in two leaves an empty
		 * cell before the values: more cells than columns, the
		 * first ones empty */
		while (b - a > w && t[a].blank)
			a++;
		/* an 8th figure and no header to say which column is the
		 * 小计: the row is left out, not shifted */
		if (r->cols == c->cols3 && !c->c3.head && b - a > w)
			for (k = w; k < b - a; k++)
				if (!t[a + k].blank)
					return;
		for (k = 0; k < w && a + k < b; k++)
			add_value(c, r, column(c, r, k), &t[a + k]);
		return;
	}
	for (nv = 0; a + nv < b && nv < w; nv++)
		;
	if (nv < w)
		return;	/* blanks vanished: left out, never filled by place */
	if (r->cols == c->cols3 && !c->c3.head && a + nv < b &&
	    t[a + nv].vlike && t[a + nv].text[0] != '\0')
		return;	/* an 8th figure and no header */
	for (k = 0; k < nv; k++)
		add_value(c, r, column(c, r, k), &t[a + k]);
}

/* ---- tables without row labels (四) ---- */

static int
figure_run(const struct tx_doc *d, int j, int n)
{
	int k;

	for (k = 0; j + k < d->n && k < n && tx_tok_figure(&d->t[j + k]); k++)
		;
	return k == n;
}

/* The group word over the table's first column (行政复议), normalised. */
static void
anchor_word(const struct gk_table *tb, char *out, size_t outsz)
{
	char part[256];
	const char *g = tb->rows[0].ncols > 0 ? tb->rows[0].cols[0].group : NULL;
	const char *q;

	out[0] = '\0';
	if (g == NULL)
		return;
	q = strstr(g, " / ");
	snprintf(part, sizeof(part), "%.*s", (int)(q != NULL ? q - g :
	    (int)strlen(g)), g);
	tx_copy(out, outsz, tx_snorm(part));
}

/* Claim the units that hold tokens [from, to). */
static void
claim(struct tx_doc *d, int from, int to)
{
	int i;

	for (i = 0; i < d->nu; i++)
		if (d->u[i].a < to && d->u[i].c > from)
			d->u[i].claimed = 1;
}

static void
unlabelled(struct tx_doc *d, struct tread *tr)
{
	const struct gk_row *r = &tr->table->rows[0];
	char word[TX_LABEL_MAX];
	int i, j, k, n = r->ncols, appeals_table = -1;

	anchor_word(tr->table, word, sizeof(word));
	tr->nruns = 0;
	if (word[0] == '\0')
		return;
	if (d->cells) {
		int over = 0;

		/* a row of n figures in the table where the word is, or in
		 * the first table after it when it is a line over the table
		 * (a page break between the word and the grid) */
		for (i = 0; i < d->n; i = j) {
			for (j = i + 1; j < d->n && d->t[j].cell &&
			    d->t[i].cell && d->t[j].table == d->t[i].table &&
			    d->t[j].row == d->t[i].row; j++)
				;
			if (!d->t[i].cell) {
				over |= strcmp(d->t[i].norm, word) == 0;
				continue;
			}
			if (over)
				appeals_table = d->t[i].table;
			over = 0;
			for (k = i; k < j; k++)
				if (strcmp(d->t[k].norm, word) == 0)
					appeals_table = d->t[i].table;
			if (appeals_table != d->t[i].table || j - i < n)
				continue;
			for (k = i; k < j && d->t[k].vlike; k++)
				;
			if (k < j || tr->nruns == 64)
				continue;
			tr->runs[tr->nruns++] = i;
			claim(d, i, j);
			appeals_table = -1;
		}
		return;
	}
	for (i = 0; i < d->n; i++) {
		int start;

		if (tx_tok_figure(&d->t[i]) || strcmp(d->t[i].norm, word) != 0)
			continue;
		/* the header ends at the first figure; a blank first figure
		 * is an empty para, unless the run from there is short (an
		 * empty para inside the header), then the first value
		 * starts it */
		for (j = i + 1; j < d->n && j < i + 40 &&
		    !tx_tok_figure(&d->t[j]); j++)
			;
		if (!figure_run(d, j, n)) {
			for (j = i + 1; j < d->n && j < i + 40 &&
			    !d->t[j].vlike; j++)
				;
			if (!figure_run(d, j, n))
				continue;
		}
		start = j;
		if (tr->nruns == 64)
			break;
		tr->runs[tr->nruns++] = start;
		claim(d, i, start + n);
		i = start + n - 1;
	}
}

/* ---- the bids ---- */

/* How many header tokens only this form's table prints (its columns'
 * headers, the header over its labels). */
static int
header_evidence(const struct tx_doc *d, int f, int t)
{
	int i, k, hits = 0;

	for (i = 0; i < d->n; i++) {
		if (d->t[i].vlike || d->t[i].norm[0] == '\0')
			continue;
		for (k = 0; k < V.nev[f][t]; k++)
			if (V.ev[f][t][k][0] == d->t[i].norm[0] &&
			    strcmp(V.ev[f][t][k], d->t[i].norm) == 0)
				hits++;
	}
	return hits;
}

struct bid {
	const struct gk_form *form;
	long evidence;
	long rows;
};

/* A better bid than b?  1, -1, or 0 on a tie. */
static int
cmp_bid(const struct bid *a, const struct bid *b)
{
	if (a->evidence != b->evidence)
		return a->evidence > b->evidence ? 1 : -1;
	if (a->rows != b->rows)
		return a->rows > b->rows ? 1 : -1;
	return 0;
}

/* ---- one way of reading ---- */

struct way {
	struct tx_version v;	/* the values */
	const struct gk_form *form;
	struct bid bid;
	char tied[256];		/* the forms that tied, or "" */
};

struct emit {
	int at;			/* token of its first figure */
	const struct gk_row *row;
	const struct tx_unit *unit;	/* labelled */
};

static int
by_at(const void *a, const void *b)
{
	const struct emit *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

static void
read_way(struct ctx *c, int cells, struct way *w)
{
	static struct tread tr[MAXF][MAXT];
	struct bid bids[MAXF];
	struct emit *em = NULL;
	int nf = 0, f, t, k, g, best = -1, ne = 0, cap = 0, i;

	memset(w, 0, sizeof(*w));
	if (tx_doc_units(c->d, cells) < 0)
		return;
	for (f = 0; gk_forms[f] != NULL && nf < MAXF; f++) {
		const struct gk_form *fm = gk_forms[f];

		if (fm->by_label)
			continue;	/* legacy.c */
		memset(&bids[nf], 0, sizeof(bids[nf]));
		bids[nf].form = fm;
		for (t = 0; t < fm->ntables && t < MAXT; t++) {
			struct tread *r = &tr[nf][t];

			memset(r, 0, sizeof(*r));
			r->form = fm;
			r->table = &fm->tables[t];
			bids[nf].evidence += (long)r->table->weight *
			    header_evidence(c->d, f, t);
			if (r->table->unlabelled) {
				unlabelled(c->d, r);
				bids[nf].rows += r->nruns > 0;
			}
		}
		for (t = 0; t < fm->ntables && t < MAXT; t++) {
			struct tread *r = &tr[nf][t];

			if (r->table->unlabelled ||
			    (r->tt = tx_ttable(fm, r->table)) == NULL)
				continue;
			if (tx_align(c->d, r->tt, trow_width, c, &r->al) < 0)
				r->al.n = 0;
			bids[nf].evidence += (long)r->table->weight *
			    r->al.unique;
			bids[nf].rows += r->al.rows;
		}
		nf++;
	}
	for (f = 0; f < nf; f++) {
		if (bids[f].rows == 0)
			continue;
		if (best < 0 || cmp_bid(&bids[f], &bids[best]) > 0)
			best = f;
	}
	if (best >= 0)
		for (f = 0; f < nf; f++)
			if (f != best && bids[f].rows > 0 &&
			    cmp_bid(&bids[f], &bids[best]) == 0) {
				size_t l = strlen(w->tied);

				snprintf(w->tied + l, sizeof(w->tied) - l,
				    "%s%s", l > 0 ? ", " : "",
				    bids[f].form->id);
			}
	if (w->tied[0] != '\0') {
		size_t l = strlen(w->tied);

		snprintf(w->tied + l, sizeof(w->tied) - l, " and %s",
		    bids[best].form->id);
		w->bid = bids[best];
		goto out;
	}
	if (best < 0)
		goto out;
	w->form = bids[best].form;
	w->bid = bids[best];
	/* each table from the form whose version fits it best */
	for (t = 0; t < w->form->ntables && t < MAXT; t++) {
		const char *id = w->form->tables[t].id;
		struct tread *pick = &tr[best][t];

		for (f = 0; f < nf; f++)
			for (g = 0; g < bids[f].form->ntables && g < MAXT;
			    g++) {
				struct tread *o = &tr[f][g];

				if (o == pick || o->table->unlabelled ||
				    strcmp(o->table->id, id) != 0)
					continue;
				if (o->al.rows > pick->al.rows ||
				    (o->al.rows == pick->al.rows &&
				    o->al.score > pick->al.score))
					pick = o;
			}
		if (pick->table->unlabelled) {
			for (k = 0; k < pick->nruns; k++) {
				if (ne == cap) {
					struct emit *p;

					cap = cap ? cap * 2 : 64;
					p = realloc(em, sizeof(*p) *
					    (size_t)cap);
					if (p == NULL)
						goto out;
					em = p;
				}
				em[ne].at = pick->runs[k];
				em[ne].row = &pick->table->rows[0];
				em[ne].unit = NULL;
				ne++;
			}
			continue;
		}
		for (k = 0; k < pick->al.n; k++) {
			if (ne == cap) {
				struct emit *p;

				cap = cap ? cap * 2 : 64;
				p = realloc(em, sizeof(*p) * (size_t)cap);
				if (p == NULL)
					goto out;
				em = p;
			}
			em[ne].unit = &c->d->u[pick->al.p[k].unit];
			em[ne].at = em[ne].unit->b;
			em[ne].row = pick->tt->r[pick->al.p[k].trow].row;
			ne++;
		}
	}
	if (ne > 0)
		qsort(em, (size_t)ne, sizeof(em[0]), by_at);
	c->out = &w->v;
	c->nhu = 0;
	c->hpos = 0;
	for (i = 0; i < ne; i++) {
		if (em[i].unit != NULL) {
			read_row(c, em[i].row, em[i].unit);
			continue;
		}
		headers_to(c, em[i].at);
		for (k = 0; k < em[i].row->ncols; k++)
			add_value(c, em[i].row, &em[i].row->cols[k],
			    &c->d->t[em[i].at + k]);
	}
out:
	free(em);
	for (f = 0; f < nf; f++)
		for (t = 0; t < MAXT; t++)
			tx_align_free(&tr[f][t].al);
}

/* ---- the whole document ---- */

static int
count_values(const struct tx_version *v)
{
	return v->nm;
}

/* Does a paragraph give the figures in words: 收到申请12件, 公开信息3条? */
static int
prose(const struct tx_doc *d)
{
	const char *p;
	unsigned cp, prev;
	int i;

	for (i = 0; i < d->n; i++) {
		if (d->t[i].cell || (strstr(d->t[i].text, "申请") == NULL &&
		    strstr(d->t[i].text, "公开") == NULL))
			continue;
		for (p = d->t[i].text, prev = 0; (cp = zh_next(&p)) != 0;
		    prev = cp)
			if ((cp == 0x4ef6 || cp == 0x6761) &&	/* 件 条 */
			    prev >= '0' && prev <= '9')
				return 1;
	}
	return 0;
}

/*
 * Cells whose text is nothing but missing glyphs (U+FFFD, as gk-extract
 * gives a glyph it cannot map and a missing-glyph box it sees on a scan):
 * a font without digits, the figures drawn as boxes.  When the tables are
 * no form's, this is why.  (Boxes among a label's characters are not:
 * the figures beside them are drawn.)
 */
#define MISSING_CELLS	10

static int
missing_glyph_cells(const struct tx_doc *d)
{
	int i, n = 0;

	for (i = 0; i < d->n; i++)
		n += d->t[i].cell && tx_boxes_only(d->t[i].text);
	return n;
}

/* Has some value of v a figure? */
static int
any_figure(const struct tx_version *v)
{
	int i;

	for (i = 0; i < v->nm; i++)
		if (v->m[i].value[0] != '\0')
			return 1;
	return 0;
}

/* The columns table 三's header places: those of the first labelled row
 * with an optional column. */
static const struct gk_col *
placed_columns(int *ncols)
{
	int f, t, r;

	for (f = 0; gk_forms[f] != NULL; f++)
		for (t = 0; t < gk_forms[f]->ntables; t++)
			for (r = 0; r < gk_forms[f]->tables[t].nrows; r++) {
				const struct gk_row *row =
				    &gk_forms[f]->tables[t].rows[r];
				int k;

				for (k = 0; k < row->ncols; k++)
					if (row->cols[k].optional) {
						*ncols = row->ncols;
						return row->cols;
					}
			}
	*ncols = 0;
	return NULL;
}

void
tx_read(struct tx_version *v)
{
	struct tx_doc d;
	struct ctx c;
	static struct way a, b;
	struct way *gov;
	struct tx_version leg;
	const struct gk_form *lf = NULL;
	struct bid lbid;
	int i, n3 = 0, lrows, lfi = 0;

	memset(&c, 0, sizeof(c));
	memset(&leg, 0, sizeof(leg));
	build_vocab();
	if (tx_doc_open(&d, v) < 0) {
		tx_doc_close(&d);
		return;
	}
	c.d = &d;
	if ((c.cols3 = placed_columns(&n3)) != NULL)
		tx_columns3(&d, c.cols3, n3, &c.c3);
	money_units(&c);
	memset(&a, 0, sizeof(a));
	if (d.hascells)
		read_way(&c, 1, &a);
	read_way(&c, 0, &b);
	if (d.hascells && count_values(&a.v) >= count_values(&b.v) &&
	    a.v.nm > 0) {
		gov = &a;
		v->structured = 1;
	} else
		gov = b.v.nm > 0 || b.tied[0] != '\0' || a.tied[0] == '\0' ?
		    &b : &a;
	/* the legacy form bids with its header */
	memset(&lbid, 0, sizeof(lbid));
	for (i = 0; gk_forms[i] != NULL && i < MAXF; i++)
		if (gk_forms[i]->by_label) {
			lf = gk_forms[i];
			lfi = i;
		}
	if (lf != NULL && (lrows = tx_read_legacy(&d, lf, &leg)) >= 0) {
		lbid.form = lf;
		lbid.rows = lrows;
		lbid.evidence = (long)lf->tables[0].weight *
		    header_evidence(&d, lfi, 0);
	}
	if (lbid.form != NULL && leg.nm > 0 && (gov->form == NULL ||
	    cmp_bid(&lbid, &gov->bid) > 0)) {
		tx_metrics_move(v, &leg);
		v->form = lf;
		v->structured = leg.structured;
	} else if (lbid.form != NULL && leg.nm > 0 &&
	    cmp_bid(&lbid, &gov->bid) == 0) {
		snprintf(v->missing, sizeof(v->missing), "the tables fit %s "
		    "and legacy equally well", gov->form->id);
		v->tie = 1;
	} else if (gov->form != NULL && gov->v.nm > 0) {
		tx_metrics_move(v, &gov->v);
		v->form = gov->form;
	} else if (gov->tied[0] != '\0') {
		snprintf(v->missing, sizeof(v->missing), "the tables fit %s "
		    "equally well: no header word or row that only one of "
		    "them prints (本年新制作数量, 本年制发件数, the rows of "
		    "三（六）…)", gov->tied);
		v->tie = 1;
	}
	if (v->form != NULL && !any_figure(v) &&
	    missing_glyph_cells(&d) >= MISSING_CELLS) {
		/* the form's rows, and not one figure in them: every
		 * figure a box (a cell of boxes is read as its value) */
		tx_metrics_free(v);
		v->form = NULL;
	}
	if (v->form == NULL && !v->tie &&
	    (i = missing_glyph_cells(&d)) >= MISSING_CELLS)
		snprintf(v->missing, sizeof(v->missing), "%d cells are "
		    "missing-glyph boxes (U+FFFD): the figures are drawn in a "
		    "font without digits, and the file does not show them", i);
	else if (v->form == NULL && !v->tie)
		snprintf(v->missing, sizeof(v->missing), "%s%s",
		    d.n == 0 ? "no text at all" : prose(&d) ?
		    "the figures are only in sentences (…申请…N件), not in a "
		    "table: " : "",
		    d.n == 0 ? "" :
		    "no row of table 二 (规章 …), 三 (本年新收政府信息公开申请数量 …) "
		    "or 四 (行政复议), and no 统计表 (统计指标 / 单位 / 统计数)");
	v->overflow |= a.v.overflow | b.v.overflow | leg.overflow;
	tx_metrics_free(&a.v);
	tx_metrics_free(&b.v);
	tx_metrics_free(&leg);
	tx_doc_close(&d);
}
