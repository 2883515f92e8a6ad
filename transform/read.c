/*
 * read.c: a document's paras and cells -> metrics of one template.
 *
 * Two readings of the same content, and the one that finds more values
 * wins:
 *   - cells: each table row is label cells then value cells; the row label
 *     is the rightmost label cell that matches the template (two adjacent
 *     cells may make one label), and the values are the cells after it;
 *   - tokens: every para and cell in reading order, as a page without
 *     table markup prints them (one cell per line); a label, then exactly
 *     as many values as its row has.  A label broken over two lines is
 *     joined; a row whose values are not all there is left out (the blank
 *     cells of such pages vanish, and guessing their place is not allowed).
 * Table 四 has no row labels: its 15 values are the first row of numbers
 * after the header that starts with 行政复议.  The legacy 统计表 is read
 * as label, 单位, 统计数 and keyed by its printed labels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tx.h"

struct tok {
	const char *text;
	char *norm;		/* tx_label_norm of the text */
	unsigned long seq;
	int cell, table, row, col, page;
	int vlike;		/* reads as a value */
	int empty;		/* an empty para: a blank cell of a page that
				 * prints one <p> per cell (gk-extract keeps
				 * an explicitly empty <p>) */
};

/*
 * The header words of table 二's count columns, by column suffix (the money
 * columns have the template's amount_hdr).  A unit in a header's brackets,
 * 处理决定数量（件）, is the unit of the figures under it (SCHEMA.md: the
 * cell's unit, else the column header's).  The same word heads columns of
 * several sections (上一年项目数量), so the last header seen before a row
 * is the one that counts.
 */
static const struct {
	const char *col, *word;
} colhead[] = {
	{ "made", "本年新制作数量" }, { "published", "本年新公开数量" },
	{ "total", "对外公开总数量" }, { "prev", "上一年项目数量" },
	{ "change", "本年增减" }, { "decisions", "处理决定数量" },
	{ "decisions", "本年处理决定数量" }, { "items", "采购项目数量" },
	{ "issued", "本年制发件数" }, { "repealed", "本年废止件数" },
	{ "in_force", "现行有效件数" },
};
#define NCOLHEAD	(int)(sizeof(colhead) / sizeof(colhead[0]))

struct ctx {
	struct tok *t;
	int n;
	enum tx_tmpl form2;	/* table 二's form */
	const struct tx_template *t2;	/* whose rows 二 is read with */
	int req2021;		/* table 三 has the three （六） rows */
	char amount_unit[TX_NTMPL][32];	/* from each template's money header */
	/* the value columns of 三 left to right: an applicant (tx_applicants)
	 * or SUBTOTAL, as the header prints them */
	int n3, order3[8];
	int head3;		/* the header says how many columns 三 has */
	/* units of the count columns' headers (本年新制作数量（件）) and of
	 * 三's header (申请人情况（件）), as last seen while reading */
	char col_unit[NCOLHEAD][32];
	char req_unit[32];
	const char *pats[64];
	const struct tx_row *rows[64];
	int npats;
	struct tx_version *out;
};

static int
by_seq(const void *a, const void *b)
{
	const struct tx_item *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Where token t stands, for the metric's trace. */
static void
where(const struct tok *t, struct tx_where *at)
{
	at->seq = t->seq;
	at->cell = t->cell;
	at->table = t->table;
	at->row = t->row;
	at->col = t->col;
	at->page = t->page;
}

static void
add_value(struct ctx *c, const struct tx_row *r, int col, const struct tok *t)
{
	const char *text = t->text;
	struct tx_where at;
	struct tx_value v;
	char key[160], buf[TX_FIELD_MAX + 32];
	const char *hdr = "";
	int amount = r->amount && col == r->ncol - 1, k;

	if (amount)
		hdr = c->amount_unit[c->t2->id];
	else if (r->cols == tx_applicants)
		hdr = c->req_unit;
	else if (r->cols != NULL)
		for (k = 0; k < NCOLHEAD; k++)
			if (strcmp(colhead[k].col, r->cols[col]) == 0 &&
			    c->col_unit[k][0] != '\0')
				hdr = c->col_unit[k];
	tx_value_parse(text, amount, &v);
	if (!amount && v.unit[0] == '\0' && hdr[0] != '\0')
		snprintf(v.unit, sizeof(v.unit), "%s", hdr);
	else if (v.value[0] != '\0' && v.unit[0] == '\0' && hdr[0] != '\0') {
		/* the unit printed in the column header */
		char raw[TX_FIELD_MAX];

		snprintf(raw, sizeof(raw), "%s", v.raw);
		snprintf(buf, sizeof(buf), "%s%s", v.raw, hdr);
		tx_value_parse(buf, amount, &v);
		snprintf(v.raw, sizeof(v.raw), "%s", raw);
	} else if (v.value[0] == '\0' && hdr[0] != '\0' && amount &&
	    strcmp(hdr, "元") != 0)
		snprintf(v.unit, sizeof(v.unit), "%s", hdr);
	if (r->cols != NULL)
		snprintf(key, sizeof(key), "%s.%s", r->key, r->cols[col]);
	else
		snprintf(key, sizeof(key), "%s", r->key);
	where(t, &at);
	tx_version_add(c->out, key, &v, &at);
}

#define SUBTOTAL	7	/* 法人或其他组织小计: not in the template */

/* How many figures a row has: 三's rows as many as its header shows. */
static int
row_width(const struct ctx *c, const struct tx_row *r)
{
	return r->cols == tx_applicants ? c->n3 : r->ncol;
}

/* The k-th figure of a row; 三's 小计 column is left out (SCHEMA has no
 * key for it, and 总计 is checked against the applicant columns). */
static void
add_figure(struct ctx *c, const struct tx_row *r, int k, const struct tok *t)
{
	if (r->cols != tx_applicants)
		add_value(c, r, k, t);
	else if (c->order3[k] != SUBTOTAL)
		add_value(c, r, c->order3[k], t);
}

/* The patterns the labels of this document are matched against. */
static void
setup_patterns(struct ctx *c)
{
	int i;

	/* a document that shows no form of 二 is read with gov2019's rows */
	c->t2 = tx_template(c->form2 != TX_NONE ? c->form2 : TX_GOV2019);
	c->npats = 0;
	for (i = 0; i < c->t2->nactive && c->npats < 64; i++) {
		c->rows[c->npats] = &c->t2->active[i];
		c->pats[c->npats++] = c->t2->active[i].pat;
	}
	for (i = 0; i < tx_nrequests && c->npats < 64; i++) {
		c->rows[c->npats] = &tx_requests[i];
		c->pats[c->npats++] = tx_requests[i].pat;
	}
}

/*
 * The group labels of table 三 (三、本年度办理结果, （三）不予公开 …) printed
 * in front of a row's own label, as a layout that lost its merged cells
 * does: （三）不予公开1.属于国家秘密.  The row is its own label's.
 */
static const char *
ungroup(const char *norm)
{
	static const char *const groups[] = {
		"本年度办理结果", "不予公开", "无法提供", "不予处理", "其他处理",
		NULL
	};
	const char *p = norm;
	int i, again = 1;

	while (again) {
		again = 0;
		for (i = 0; groups[i] != NULL; i++) {
			size_t n = strlen(groups[i]);

			if (strncmp(p, groups[i], n) != 0 || p[n] == '\0')
				continue;
			p += n;
			while (*p >= '0' && *p <= '9')
				p++;
			again = 1;
		}
	}
	return p;
}

static const struct tx_row *
match(struct ctx *c, const char *norm)
{
	const char *own = ungroup(norm);
	int i;

	if (own != norm && *own != '\0' &&
	    (i = tx_match(own, c->pats, c->npats)) >= 0)
		return c->rows[i];
	i = tx_match(norm, c->pats, c->npats);
	return i < 0 ? NULL : c->rows[i];
}

/* A label alone in a token that is only an annotation: (市政府令). */
static int
annotation(const struct tok *t)
{
	return !t->vlike && t->norm[0] == '\0' && t->text[0] != '\0';
}

/* Scan the whole document for the forms and the header units: the form
 * of table 二 is the template whose header words are seen most. */
static void
survey(struct ctx *c)
{
	const struct tx_template *t;
	int i, k, votes[TX_NTMPL] = { 0 }, best = 0, tie = 0;

	for (i = 0; i < c->n; i++) {
		struct tok *tk = &c->t[i];

		if (tk->vlike || tk->empty)
			continue;
		votes[tx_active_vote(tk->norm)]++;
		for (k = 0; (t = tx_templates[k]) != NULL; k++) {
			if (t->amount_hdr == NULL ||
			    strncmp(tk->norm, t->amount_hdr,
			    strlen(t->amount_hdr)) != 0 ||
			    c->amount_unit[t->id][0] != '\0')
				continue;
			tx_header_unit(tk->text, c->amount_unit[t->id],
			    sizeof(c->amount_unit[t->id]));
		}
		if (strncmp(tk->norm, "申请人", 9) == 0 &&
		    (tx_editdist(tk->norm, tx_requests[21].pat) <= 8 ||
		    tx_editdist(tk->norm, tx_requests[22].pat) <= 8))
			c->req2021 = 1;
	}
	c->form2 = TX_NONE;
	for (k = 1; k < TX_NTMPL; k++) {
		if (votes[k] > best) {
			best = votes[k];
			c->form2 = (enum tx_tmpl)k;
			tie = 0;
		} else if (votes[k] == best && best > 0)
			tie = 1;
	}
	if (tie)
		c->form2 = TX_NONE;
}

/* ---- the columns of 三 ---- */

#define GROUP	8	/* 法人或其他组织 over the five middle columns */

/* Which header word of 三 a label is: an applicant column, SUBTOTAL,
 * GROUP or -1. */
static int
head3_word(const char *norm)
{
	static const char *const words[] = {
		"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
		"其他", "总计", "小计"
	};
	int i;

	for (i = 0; i < 8; i++)
		if (strcmp(norm, words[i]) == 0)
			return i;
	if (strcmp(norm, "法人或其他组织小计") == 0)
		return SUBTOTAL;
	if (strcmp(norm, "法人或其他组织") == 0)
		return GROUP;
	return -1;
}

/*
 * The value columns of 三 as its header prints them.  The form has seven
 * (自然人, five kinds of 法人或其他组织, 总计); some reports add an eighth,
 * 法人或其他组织小计, after 其他 or after 自然人 (templates.md §2, §7).
 * Table cells carry their grid column, so the header's columns are sorted
 * by it.  A page without table markup prints the header row by row, so
 * the 小计 is placed by what it follows: after 其他, or a second-row cell
 * between 法人或其他组织 and 总计, it is left of 总计; otherwise (before
 * 法人或其他组织, or first of the third row) it is right of 自然人.
 * Without a complete header 三 keeps the form's seven columns.
 */
static void
columns3(struct ctx *c)
{
	int pos[GROUP + 1], col[GROUP + 1], i, k, w, s, n = 0, start = -1;

	c->n3 = 7;
	for (k = 0; k < 8; k++)
		c->order3[k] = k < 7 ? k : SUBTOTAL;
	for (i = 0; i < c->n && start < 0; i++)
		if (!c->t[i].vlike && head3_word(c->t[i].norm) == 0)
			start = i;
	if (start < 0)
		return;
	for (k = 0; k <= GROUP; k++)
		pos[k] = col[k] = -1;
	for (i = start; i < c->n && i < start + 16; i++) {
		struct tok *t = &c->t[i];

		if (t->vlike || (w = head3_word(t->norm)) < 0 || pos[w] >= 0)
			continue;
		if (c->t[start].cell && (!t->cell ||
		    t->table != c->t[start].table))
			continue;
		pos[w] = i;
		col[w] = t->col;
	}
	for (k = 0; k < 7; k++)
		if (pos[k] < 0)
			return;
	c->head3 = 1;
	if (c->t[start].cell) {
		/* grid columns, left to right (insertion sort of 7 or 8) */
		int ord[8];

		for (k = 0; k < 8; k++) {
			if (pos[k] < 0)
				continue;
			for (i = n; i > 0 && col[ord[i - 1]] > col[k]; i--)
				ord[i] = ord[i - 1];
			ord[i] = k;
			n++;
		}
		for (k = 0; k < n; k++)
			if (k > 0 && col[ord[k]] == col[ord[k - 1]])
				return;	/* two words in one column */
		memcpy(c->order3, ord, sizeof(ord[0]) * (size_t)n);
		c->n3 = n;
		return;
	}
	if ((s = pos[SUBTOTAL]) < 0)
		return;
	if (s > pos[5] || (pos[GROUP] >= 0 && s > pos[GROUP] && s < pos[6]))
		k = 6;		/* 小计 left of 总计 */
	else
		k = 1;		/* 小计 right of 自然人 */
	for (i = 0, n = 0; i < 7; i++) {
		if (i == k)
			c->order3[n++] = SUBTOTAL;
		c->order3[n++] = i;
	}
	c->n3 = 8;
}

/* ---- tokens: one para or cell after another ---- */

/* Does the token stand where a figure stands: a value, or an empty para
 * (a blank cell of a page printed one <p> per cell)? */
static int
figure(const struct tok *t)
{
	return t->vlike || t->empty;
}

/* Brackets ( （ opened and not closed in a text (negative: more closed). */
static int
brackets(const char *text)
{
	const char *p = text;
	unsigned cp;
	int n = 0;

	while ((cp = tx_utf8_next(&p)) != 0) {
		if (cp == '(' || cp == 0xff08)
			n++;
		else if (cp == ')' || cp == 0xff09)
			n--;
	}
	return n;
}

/* Table 四's 15 figures from token j on, or 0 when they are not all there. */
static int
appeals_run(const struct ctx *c, int j)
{
	int k;

	for (k = 0; j + k < c->n && k < 15 && figure(&c->t[j + k]); k++)
		;
	return k == 15;
}

/*
 * Is token i a column header of 二 or 三's 申请人情况?  Then its unit (or
 * none) holds for the figures under it until the next such header.  On a
 * <p> page a header broken over two lines (本年新制 / 作数量（件）) is
 * joined with the next line.
 */
static void
note_header(struct ctx *c, int i)
{
	char joined[TX_LABEL_MAX * 2], norm[TX_LABEL_MAX];
	const struct tok *t = &c->t[i];
	const char *text = t->text;
	int k, hit = 0, pass;

	if (figure(t))
		return;
	snprintf(norm, sizeof(norm), "%s", t->norm);
	for (pass = 0; pass < 2 && !hit; pass++) {
		if (pass == 1) {
			if (t->cell || i + 1 >= c->n || c->t[i + 1].cell ||
			    figure(&c->t[i + 1]))
				return;
			snprintf(joined, sizeof(joined), "%s%s", t->text,
			    c->t[i + 1].text);
			tx_label_norm(joined, norm, sizeof(norm));
			text = joined;
		}
		for (k = 0; k < NCOLHEAD; k++)
			if (strcmp(norm, colhead[k].word) == 0) {
				tx_header_unit(text, c->col_unit[k],
				    sizeof(c->col_unit[k]));
				hit = 1;
			}
		if (strcmp(norm, "申请人情况") == 0) {
			tx_header_unit(text, c->req_unit, sizeof(c->req_unit));
			hit = 1;
		}
	}
}

static int
appeals_tokens(struct ctx *c, int i)
{
	int j, k, start;

	/* the header ends at the first figure; a blank first figure is an
	 * empty para, unless the run from there is short (an empty para
	 * inside the header), then the first value starts it */
	for (j = i + 1; j < c->n && j < i + 40 && !figure(&c->t[j]); j++)
		;
	if (!appeals_run(c, j)) {
		for (j = i + 1; j < c->n && j < i + 40 && !c->t[j].vlike; j++)
			;
		if (!appeals_run(c, j))
			return i + 1;
	}
	start = j;
	for (k = 0; k < 15; k++) {
		struct tx_row r = { "", tx_appeal_keys[k], 1, NULL, 0 };

		add_value(c, &r, 0, &c->t[start + k]);
	}
	return start + 15;
}

static void
read_tokens(struct ctx *c)
{
	char joined[TX_LABEL_MAX * 2], norm[TX_LABEL_MAX];
	const struct tx_row *r;
	int i, j, k, span, nv, w;

	for (i = 0; i < c->n;) {
		struct tok *t = &c->t[i];

		note_header(c, i);
		if (t->vlike || t->empty) {
			i++;
			continue;
		}
		if (strcmp(t->norm, "行政复议") == 0) {
			i = appeals_tokens(c, i);
			continue;
		}
		/* the label, possibly over up to three lines */
		r = NULL;
		span = 0;
		joined[0] = '\0';
		for (j = i; j < c->n && j < i + 3 && !c->t[j].vlike &&
		    !c->t[j].empty; j++) {
			size_t l = strlen(joined);

			snprintf(joined + l, sizeof(joined) - l, "%s",
			    c->t[j].text);
			tx_label_norm(joined, norm, sizeof(norm));
			if ((r = match(c, norm)) != NULL) {
				span = j - i + 1;
				break;
			}
		}
		if (r == NULL) {
			i++;
			continue;
		}
		j = i + span;
		/* a label broken inside its note: 部分公开（区分处理的，只计这一
		 * 情形，不 / 计其他情形）.  The lines up to the closing bracket
		 * are the label's. */
		for (k = brackets(joined); k > 0 && j < c->n && j < i + span + 3 &&
		    !figure(&c->t[j]); j++)
			k += brackets(c->t[j].text);
		while (j < c->n && annotation(&c->t[j]))
			j++;
		w = row_width(c, r);
		for (nv = 0; j + nv < c->n && nv < w && figure(&c->t[j + nv]);
		    nv++)
			;
		if (nv == 0) {
			/* a group heading or a column header */
			i++;
			continue;
		}
		if (nv == w && r->cols == tx_applicants && !c->head3 &&
		    j + nv < c->n && c->t[j + nv].vlike &&
		    c->t[j + nv].text[0] != '\0') {
			/* an 8th figure and no header to say which column
			 * is the 小计: the row is left out, not shifted */
			for (; j + nv < c->n && c->t[j + nv].vlike; nv++)
				;
		} else if (nv == w)
			for (k = 0; k < nv; k++)
				add_figure(c, r, k, &c->t[j + k]);
		i = j + nv;
	}
}

/* ---- cells: rows of one table ---- */

static void
read_row(struct ctx *c, int a, int b)
{
	char joined[TX_LABEL_MAX * 2], norm[TX_LABEL_MAX];
	const struct tx_row *r = NULL;
	int L, k, nlab, w;

	for (nlab = 0; a + nlab < b && !c->t[a + nlab].vlike; nlab++)
		;
	for (L = nlab - 1; L >= 0; L--) {
		if (a + L + 1 >= b || !c->t[a + L + 1].vlike)
			continue;
		r = match(c, c->t[a + L].norm);
		if (r == NULL && L > 0) {
			snprintf(joined, sizeof(joined), "%s%s",
			    c->t[a + L - 1].text, c->t[a + L].text);
			tx_label_norm(joined, norm, sizeof(norm));
			r = match(c, norm);
		}
		if (r != NULL)
			break;
	}
	if (r == NULL)
		return;
	/* a label cell that a PDF grid split in two leaves an empty cell
	 * before the values: more cells than columns, the first ones empty */
	a += L + 1;
	w = row_width(c, r);
	while (b - a > w && c->t[a].text[0] == '\0')
		a++;
	/* an 8th figure and no header to say which column is the 小计:
	 * the row is left out, not shifted */
	if (r->cols == tx_applicants && !c->head3 && b - a > w) {
		for (k = w; k < b - a; k++)
			if (c->t[a + k].text[0] != '\0')
				return;
	}
	for (k = 0; k < w && a + k < b; k++)
		add_figure(c, r, k, &c->t[a + k]);
}

static int
same_row(const struct tok *x, const struct tok *y)
{
	return x->cell && y->cell && x->table == y->table && x->row == y->row;
}

static void
read_cells(struct ctx *c)
{
	int i, j, k, appeals_table = -1;

	for (i = 0; i < c->n; i = j) {
		for (j = i + 1; j < c->n && same_row(&c->t[i], &c->t[j]); j++)
			;
		if (!c->t[i].cell)
			continue;
		for (k = i; k < j; k++)
			note_header(c, k);
		for (k = i; k < j; k++)
			if (strcmp(c->t[k].norm, "行政复议") == 0)
				appeals_table = c->t[i].table;
		if (appeals_table == c->t[i].table && j - i >= 15) {
			for (k = i; k < j && c->t[k].vlike; k++)
				;
			if (k == j) {
				for (k = 0; k < 15; k++) {
					struct tx_row r = { "",
					    tx_appeal_keys[k], 1, NULL, 0 };

					add_value(c, &r, 0, &c->t[i + k]);
				}
				appeals_table = -1;
				continue;
			}
		}
		read_row(c, i, j);
	}
}

/* ---- legacy 统计表 ---- */

static int
is_cnum(unsigned cp)
{
	static const unsigned nums[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	    0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341 };	/* 一 … 十 */
	size_t i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (cp == nums[i])
			return 1;
	return 0;
}

/* 一、 二、 … 十一、: a top-level row of the 统计表 */
static int
cnum_section(const char *text)
{
	const char *p = text, *q = text;
	int n = 0;

	while (is_cnum(tx_utf8_next(&p))) {
		q = p;
		n++;
	}
	return n > 0 && strncmp(q, "、", 3) == 0;
}

static void
legacy_row(struct ctx *c, char *section, size_t secsz, const char *label,
    const char *unit, const struct tok *vt)
{
	char lk[TX_LABEL_MAX], key[TX_LABEL_MAX * 2 + 16], u[32];
	const char *value = vt != NULL ? vt->text : NULL;
	struct tx_where at;
	struct tx_value v;

	tx_label_key(label, lk, sizeof(lk));
	if (lk[0] == '\0')
		return;
	if (cnum_section(lk)) {
		snprintf(section, secsz, "%s", lk);
		snprintf(key, sizeof(key), "legacy.%s", lk);
	} else if (section[0] != '\0')
		snprintf(key, sizeof(key), "legacy.%s.%s", section, lk);
	else
		snprintf(key, sizeof(key), "legacy.%s", lk);
	tx_value_parse(value != NULL ? value : "", 0, &v);
	tx_fold(unit != NULL ? unit : "", u, sizeof(u));
	if (v.unit[0] == '\0' && u[0] != '\0' && tx_is_unit(u))
		snprintf(v.unit, sizeof(v.unit), "%s", u);
	if (strcmp(v.unit, "元") == 0 && v.value[0] != '\0') {
		/* amounts in 元 are not converted in the legacy form: its
		 * 单位 column says what the figure is */
	}
	if (vt != NULL)
		where(vt, &at);
	tx_version_add(c->out, key, &v, vt != NULL ? &at : NULL);
}

static int
legacy_start(struct ctx *c)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (tx_tmpl_legacy.bid(c->t[i].norm))
			return i;
	return -1;
}

static int
unit_tok(const struct tok *t)
{
	char u[64];

	tx_fold(t->text, u, sizeof(u));
	return tx_is_unit(u);
}

static int
header_tok(const struct tok *t)
{
	return strcmp(t->norm, "单位") == 0 || strcmp(t->norm, "统计数") == 0 ||
	    strcmp(t->norm, "统计指标") == 0 || strcmp(t->norm, "序号") == 0;
}

/* The 序号 of a row (Anhui's copies number their rows): a bare integer of
 * at most four digits, or -1. */
static int
serial(const struct tok *t)
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
continues(const struct tok *t)
{
	const char *p = t->text;
	unsigned cp;

	while (*p == ' ')
		p++;
	cp = tx_utf8_next(&p);
	if (cp != '(' && cp != 0xff08)
		return 0;
	cp = tx_utf8_next(&p);
	if (cp >= 0xff10 && cp <= 0xff19)
		cp = cp - 0xff10 + '0';
	return !(cp >= '0' && cp <= '9') && !is_cnum(cp);
}

/* 一、 （一） (1) 1. : a numbered row */
static int
numbered(const char *label)
{
	const char *p = label;
	unsigned cp;

	while (tx_is_space(cp = tx_utf8_next(&p)))
		;
	if (cp >= 0xff10 && cp <= 0xff19)
		return 1;
	return cp == '(' || cp == 0xff08 || (cp >= '0' && cp <= '9') ||
	    cnum_section(p - (cp < 0x80 ? 1 : 3));
}

/* Is token i the 序号 of the next row (the number after the last one,
 * before a label that is not a unit)? */
static int
next_serial(const struct ctx *c, int i, int seq, int nseq)
{
	return seq && i + 1 < c->n && !c->t[i + 1].vlike &&
	    !c->t[i + 1].empty && serial(&c->t[i]) == nseq + 1 &&
	    !unit_tok(&c->t[i + 1]);
}

static void
read_legacy(struct ctx *c)
{
	char section[TX_LABEL_MAX] = "", label[TX_LABEL_MAX * 2];
	int i, j, k, s, seq, nseq = 0;

	if ((s = legacy_start(c)) < 0)
		return;
	/* a 序号 column left of 统计指标 */
	seq = s > 0 && strcmp(c->t[s - 1].norm, "序号") == 0;
	if (c->t[s].cell) {
		for (i = s; i < c->n; i = j) {
			for (j = i + 1; j < c->n &&
			    same_row(&c->t[i], &c->t[j]); j++)
				;
			k = i;
			if (seq && j - i >= 3 && serial(&c->t[i]) >= 0)
				k = i + 1;
			if (!c->t[k].cell || header_tok(&c->t[k]) ||
			    c->t[k].vlike || j - k < 2 || j - k > 3)
				continue;
			legacy_row(c, section, sizeof(section), c->t[k].text,
			    j - k == 3 ? c->t[k + 1].text : NULL,
			    &c->t[j - 1]);
		}
		return;
	}
	for (i = s; i < c->n && header_tok(&c->t[i]); i++)
		;
	while (i < c->n) {
		const char *unit = NULL;
		const struct tok *value = NULL;
		struct tok *t = &c->t[i];

		if (t->empty) {		/* not in a row's place: nothing */
			i++;
			continue;
		}
		/* the next row's 序号: the number that follows the last one,
		 * before a label */
		if (seq && i + 1 < c->n && !c->t[i + 1].vlike &&
		    serial(t) == nseq + 1) {
			nseq++;
			t = &c->t[++i];
		}
		if (t->vlike || strstr(t->text, "。") != NULL ||
		    strlen(t->text) > 240)
			break;
		snprintf(label, sizeof(label), "%s", t->text);
		i++;
		while (i < c->n && !c->t[i].vlike && !unit_tok(&c->t[i]) &&
		    continues(&c->t[i])) {
			size_t l = strlen(label);

			snprintf(label + l, sizeof(label) - l, "%s",
			    c->t[i].text);
			i++;
		}
		if (i < c->n && unit_tok(&c->t[i]))
			unit = c->t[i++].text;
		else if (i + 1 < c->n && c->t[i].empty &&
		    figure(&c->t[i + 1]) && !next_serial(c, i + 1, seq, nseq))
			i++;	/* a blank 单位 (an empty para), then the figure */
		if (i < c->n && figure(&c->t[i]) &&
		    !next_serial(c, i, seq, nseq))
			value = &c->t[i++];
		/* a line with neither unit nor figure that is not a numbered
		 * row ends the table (the signature under it) */
		if (unit == NULL && value == NULL && !numbered(label))
			break;
		legacy_row(c, section, sizeof(section), label, unit, value);
	}
}

/* ---- the whole document ---- */

/* A figure with a note in brackets, 22（其中修订16件） or 3527(含自然失效2件):
 * it stands where a figure stands (the value is not_a_number, SCHEMA.md). */
static int
annotated(const char *text)
{
	char f[TX_FIELD_MAX], head[TX_FIELD_MAX];
	struct tx_value v;
	const char *b;
	size_t n;

	tx_fold(text, f, sizeof(f));
	b = strstr(f, "（");
	if (b == NULL || (strchr(f, '(') != NULL && strchr(f, '(') < b))
		b = strchr(f, '(');
	if (b == NULL || b == f)
		return 0;
	n = strlen(f);
	if (!(n >= 3 && strcmp(f + n - 3, "）") == 0) && f[n - 1] != ')')
		return 0;
	snprintf(head, sizeof(head), "%.*s", (int)(b - f), f);
	tx_value_parse(head, 0, &v);
	return v.value[0] != '\0' && v.unit[0] == '\0';
}

static void
reading(struct tx_version *v, struct ctx *base, int cells)
{
	base->out = v;
	memset(base->col_unit, 0, sizeof(base->col_unit));
	base->req_unit[0] = '\0';
	if (cells)
		read_cells(base);
	else
		read_tokens(base);
}

static int
count_gov(const struct tx_version *v)
{
	int i, n = 0;

	for (i = 0; i < v->nm; i++)
		n += strncmp(v->m[i].key, "legacy.", 7) != 0;
	return n;
}

static int
has_prefix(const struct tx_version *v, const char *p)
{
	int i;

	for (i = 0; i < v->nm; i++)
		if (strncmp(v->m[i].key, p, strlen(p)) == 0)
			return 1;
	return 0;
}

/* Does a paragraph give the figures in words: 收到申请12件, 公开信息3条? */
static int
prose(const struct ctx *c)
{
	const char *p;
	unsigned cp, prev;
	int i;

	for (i = 0; i < c->n; i++) {
		if (c->t[i].cell || (strstr(c->t[i].text, "申请") == NULL &&
		    strstr(c->t[i].text, "公开") == NULL))
			continue;
		for (p = c->t[i].text, prev = 0; *p != '\0'; prev = cp) {
			cp = tx_utf8_next(&p);
			if ((cp == 0x4ef6 || cp == 0x6761) &&	/* 件 条 */
			    prev >= '0' && prev <= '9')
				return 1;
		}
	}
	return 0;
}

void
tx_read(struct tx_version *v)
{
	struct ctx c;
	struct tx_version a, b;
	char norm[TX_LABEL_MAX];
	int i, hascells = 0;

	memset(&c, 0, sizeof(c));
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	if (v->nitems > 0)
		qsort(v->items, (size_t)v->nitems, sizeof(v->items[0]), by_seq);
	c.t = calloc((size_t)v->nitems + 1, sizeof(*c.t));
	if (c.t == NULL)
		return;
	for (i = 0; i < v->nitems; i++) {
		struct tok *t = &c.t[c.n++];

		t->text = v->items[i].text;
		t->cell = v->items[i].cell;
		t->table = v->items[i].table;
		t->row = v->items[i].row;
		t->col = v->items[i].col;
		t->seq = v->items[i].seq;
		t->page = v->items[i].page;
		hascells |= t->cell;
		tx_label_norm(t->text, norm, sizeof(norm));
		if ((t->norm = strdup(norm)) == NULL) {
			c.n--;
			break;
		}
		t->vlike = tx_value_like(t->text) || annotated(t->text);
		/* an empty para is a blank cell only where a row expects
		 * figures (read_tokens, read_legacy); elsewhere it is
		 * nothing */
		if (!t->cell && t->text[0] == '\0') {
			t->vlike = 0;
			t->empty = 1;
		}
	}
	survey(&c);
	columns3(&c);
	setup_patterns(&c);
	if (hascells)
		reading(&a, &c, 1);
	reading(&b, &c, 0);
	if (hascells && count_gov(&a) >= count_gov(&b) && a.nm > 0) {
		v->structured = 1;
		v->m = a.m, v->nm = a.nm, v->capm = a.capm;
		tx_metrics_free(&b);
	} else {
		v->m = b.m, v->nm = b.nm, v->capm = b.capm;
		tx_metrics_free(&a);
	}
	if (v->nm > 0) {
		if (c.form2 != TX_NONE && has_prefix(v, "active."))
			v->tmpl = c.form2;
		else if (has_prefix(v, "requests.other."))
			v->tmpl = TX_GOV2021;
		else if (has_prefix(v, "requests.other"))
			v->tmpl = TX_GOV2019;
		else
			v->tmpl = c.req2021 ? TX_GOV2021 :
			    c.form2 != TX_NONE ? c.form2 : TX_GOV2019;
	} else {
		c.out = v;
		read_legacy(&c);
		v->structured = legacy_start(&c) >= 0 &&
		    c.t[legacy_start(&c)].cell;
		if (v->nm > 0)
			v->tmpl = TX_LEGACY;
	}
	if (v->tmpl == TX_NONE)
		snprintf(v->missing, sizeof(v->missing), "%s%s",
		    c.n == 0 ? "no text at all" : prose(&c) ?
		    "the figures are only in sentences (…申请…N件), not in a "
		    "table: " : "",
		    c.n == 0 ? "" :
		    "no row of table 二 (规章 …), 三 (本年新收政府信息公开申请数量 …) "
		    "or 四 (行政复议), and no 统计表 (统计指标 / 单位 / 统计数)");
	for (i = 0; i < c.n; i++)
		free(c.t[i].norm);
	free(c.t);
}
