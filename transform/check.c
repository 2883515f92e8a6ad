/*
 * check.c: the consistency checks of one report (common/schema_checks.c
 * says what each holds and why), and one sentence per failed check with
 * the labels the form prints.
 *
 * In sums a blank cell counts as 0, and so does a row the report left out
 * (which is a template_shape failure of its own); a cell that is not a
 * number makes the check unknowable, and it is skipped.  Table 三's rows
 * are every form's (a report keys each printed row by its own label, so a
 * gov2021 report may print gov2019's single 其他处理); the rows after the
 * first level (予以公开 … 其他处理) are the outcomes that add up to its
 * 总计 row.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/schema.h"
#include "tx.h"

#define MAXR3	64

/* The rows of table 三 of every form, once each, in print order. */
static const struct gk_row *rows3[MAXR3];
static int nrows3 = -1;
static const struct gk_row *total3;	/* the row the outcomes add up to */
static const struct gk_table *table4;	/* the table of appeals */

/* The applicant columns: the six that add up to the last, 总计. */
static const struct gk_col *cols3;
static int ncols3;

static long
rank(const struct gk_row *r)
{
	char k[GK_KEY_MAX];

	gk_key_join(k, sizeof(k), r->key, r->cols[0].suffix);
	return gk_key_rank(k);
}

static void
build(void)
{
	int f, t, i, j, k;

	if (nrows3 >= 0)
		return;
	nrows3 = 0;
	for (f = 0; gk_forms[f] != NULL; f++)
		for (t = 0; t < gk_forms[f]->ntables; t++) {
			const struct gk_table *tb = &gk_forms[f]->tables[t];

			if (tb->unlabelled && table4 == NULL)
				table4 = tb;
			if (strcmp(tb->id, "三") != 0)
				continue;
			for (i = 0; i < tb->nrows; i++) {
				const struct gk_row *r = &tb->rows[i];

				if (r->kind != GK_ROW_FIGURES || r->cols == NULL)
					continue;
				for (j = 0; j < nrows3; j++)
					if (strcmp(rows3[j]->key, r->key) == 0)
						break;
				if (j < nrows3 || nrows3 == MAXR3)
					continue;
				/* in print order, the forms merged */
				for (j = nrows3; j > 0 && rank(rows3[j - 1]) >
				    rank(r); j--)
					rows3[j] = rows3[j - 1];
				rows3[j] = r;
				nrows3++;
				cols3 = r->cols;
				ncols3 = r->ncols;
			}
		}
	/* the outcome rows' total: the last row below the first level */
	for (j = 0; j < nrows3; j++)
		if (rows3[j]->level > 1)
			total3 = rows3[j];
	for (k = ncols3; k > 0 && (cols3[k - 1].optional ||
	    cols3[k - 1].suffix == NULL); k--)
		;
	ncols3 = k;		/* the last is 总计 */
}

void
tx_num_str(double d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%.15g", d);
	if (strcmp(out, "-0") == 0)
		snprintf(out, outsz, "0");
}

/* ---- the sentences ---- */

/* The table's name in a sentence: 表三, 统计表. */
static void
table_name(const struct gk_table *t, char *out, size_t outsz)
{
	if (strcmp(t->id, "统计表") == 0)
		snprintf(out, outsz, "统计表");
	else
		snprintf(out, outsz, "表%s", t->id);
}

/* Where a key's figure is printed: 表三「…」行「自然人」栏. */
static void
place(const struct gk_form *f, const char *key, char *out, size_t outsz)
{
	const struct gk_key *k = gk_form_lookup(f, key);
	char row[512], col[256], tn[32];

	if (k == NULL)
		k = gk_key_lookup(key);
	if (k == NULL) {
		if (strncmp(key, "legacy.", 7) == 0) {
			/* legacy.SECTION.ROW as the labels it is made of */
			const char *p = key + 7;
			size_t n = 0;

			snprintf(out, outsz, "统计表「");
			n = strlen(out);
			for (; *p != '\0' && n + 6 < outsz; p++) {
				if (*p == '.' && p[1] != '\0' &&
				    !(p > key && p[-1] >= '0' && p[-1] <= '9')) {
					memcpy(out + n, " / ", 3);
					n += 3;
				} else
					out[n++] = *p;
			}
			out[n] = '\0';
			snprintf(out + n, outsz - n, "」行");
		} else
			snprintf(out, outsz, "%s", key);
		return;
	}
	table_name(k->table, tn, sizeof(tn));
	gk_key_row_label(k, row, sizeof(row));
	gk_key_col_label(k, col, sizeof(col));
	if (row[0] != '\0' && col[0] != '\0')
		snprintf(out, outsz, "%s「%s」行「%s」栏", tn, row, col);
	else if (col[0] != '\0')
		snprintf(out, outsz, "%s「%s」栏", tn, col);
	else
		snprintf(out, outsz, "%s「%s」行", tn, row);
}

static const struct gk_row *
row3(const char *where)
{
	int i;

	build();
	for (i = 0; i < nrows3; i++)
		if (strcmp(rows3[i]->key + strlen("requests."), where) == 0)
			return rows3[i];
	return NULL;
}

static const struct gk_col *
col3(const char *suffix)
{
	int i;

	build();
	for (i = 0; i < ncols3; i++)
		if (cols3[i].suffix != NULL && strcmp(cols3[i].suffix, suffix) == 0)
			return &cols3[i];
	return NULL;
}

void
tx_check_message(const struct gk_form *f, const char *name,
    const char *where, const char *expected, const char *found, char *out,
    size_t outsz)
{
	const struct gk_row *r;
	const struct gk_col *c;
	char at[1024];

	build();
	if (strcmp(name, "row_total") == 0 && (r = row3(where)) != NULL)
		snprintf(out, outsz, "表三「%s%s」行：六类申请人合计 %s，"
		    "总计栏为 %s", r->num, r->label, expected, found);
	else if (strcmp(name, "closed_total") == 0 &&
	    (c = col3(where)) != NULL)
		snprintf(out, outsz, "表三「%s」栏：办理结果各项（予以公开至"
		    "其他处理）合计 %s，（七）总计为 %s", c->label, expected,
		    found);
	else if (strcmp(name, "balance") == 0 && (c = col3(where)) != NULL)
		snprintf(out, outsz, "表三「%s」栏：本年新收加上年结转为 %s，"
		    "办理结果总计加结转下年度为 %s（表上的勾稽关系：第一项加第二项"
		    "之和，等于第三项加第四项之和）", c->label, expected, found);
	else if (strcmp(name, "appeals_total") == 0 && table4 != NULL) {
		const char *g = where;
		int k;

		for (k = 0; k < table4->rows[0].ncols; k++)
			if (strncmp(table4->rows[0].cols[k].suffix, where,
			    strlen(where)) == 0 &&
			    table4->rows[0].cols[k].suffix[strlen(where)] == '.')
				g = table4->rows[0].cols[k].group;
		snprintf(out, outsz, "表四「%s」：结果维持、结果纠正、其他结果、"
		    "尚未审结合计 %s，总计为 %s", g, expected, found);
	} else if (strcmp(name, "template_shape") == 0) {
		place(f, where, at, sizeof(at));
		if (strcmp(found, "0") == 0)
			snprintf(out, outsz, "%s：%s有这一项，报告中没有印出",
			    at, f != NULL ? f->id : "模板");
		else
			snprintf(out, outsz, "%s：这一项印了 %s 次，应为一次",
			    at, found);
	} else if (strcmp(name, "format_mismatch") == 0) {
		const char *doc = strchr(found, '@');

		place(f, where, at, sizeof(at));
		snprintf(out, outsz, "%s：所用版本为 %s，另一版本%s%s%s为 %.*s",
		    at, expected[0] != '\0' ? expected : "空白",
		    doc != NULL ? "（" : "", doc != NULL ? doc + 1 : "",
		    doc != NULL ? "）" : "",
		    (int)(doc != NULL ? (size_t)(doc - found) : strlen(found)),
		    doc == found ? "空白" : found);
	} else if (strcmp(name, "title_mismatch") == 0 &&
	    strcmp(where, "year") == 0)
		snprintf(out, outsz, "标题写的是 %s 年，正文所列数据的统计期限是 "
		    "%s 年", found, expected);
	else if (strcmp(name, "title_mismatch") == 0)
		snprintf(out, outsz, "标题写的机关是「%s」，正文写的是「%s」",
		    found, expected);
	else
		snprintf(out, outsz, "%s %s：应为 %s，实为 %s", name, where,
		    expected, found);
}

/* ---- the checks ---- */

static const char *
key2(char *out, const char *prefix, const char *suffix)
{
	gk_key_join(out, GK_KEY_MAX, prefix, suffix);
	return out;
}

/* Adds the key's value to *sum; returns -1 when it is not a number. */
static int
add(const struct tx_version *v, const char *key, double *sum)
{
	const struct tx_metric *m = tx_version_get(v, key);

	if (m == NULL || m->value[0] == '\0')
		return (m != NULL && (m->flags & TXF_NAN)) ? -1 : 0;
	*sum += strtod(m->value, NULL);
	return 0;
}

static int
differ(double a, double b)
{
	return fabs(a - b) > 1e-9 * (fabs(a) > 1 ? fabs(a) : 1);
}

struct out {
	struct tx_check *c;
	int n, max;
};

static void
fail(struct out *o, const char *name, const char *where, double expected,
    double found)
{
	struct tx_check *c;

	if (o->n < o->max) {
		c = &o->c[o->n];
		snprintf(c->name, sizeof(c->name), "%s", name);
		snprintf(c->where, sizeof(c->where), "%s", where);
		tx_num_str(expected, c->expected, sizeof(c->expected));
		tx_num_str(found, c->found, sizeof(c->found));
	}
	o->n++;
}

static int
has(const struct gk_form *f, const char *name)
{
	int i;

	for (i = 0; f->checks != NULL && f->checks[i] != NULL; i++)
		if (strcmp(f->checks[i], name) == 0)
			return 1;
	return 0;
}

/* Is this row of 三 part of the report: in its form or printed? */
static int
row_in(const struct tx_version *v, const struct gk_row *r)
{
	char key[GK_KEY_MAX];
	int c;

	for (c = 0; c < ncols3; c++) {
		key2(key, r->key, cols3[c].suffix);
		if (gk_form_lookup(v->form, key) != NULL ||
		    tx_version_get(v, key) != NULL)
			return 1;
	}
	return 0;
}

static const struct gk_row *
row_key(const char *key)
{
	int i;

	for (i = 0; i < nrows3; i++)
		if (strcmp(rows3[i]->key, key) == 0)
			return rows3[i];
	return NULL;
}

static void
requests(const struct tx_version *v, struct out *o)
{
	static const char *const plus[] = { "requests.new",
	    "requests.carried_in", NULL };
	static const char *const minus[] = { "requests.closed_total",
	    "requests.carried_out", NULL };
	char key[GK_KEY_MAX];
	const char *col;
	double s, t, a, b;
	int i, c, k, bad;

	if (ncols3 < 2 || total3 == NULL)
		return;
	for (i = 0; i < nrows3 && has(v->form, "row_total"); i++) {
		const struct gk_row *r = rows3[i];

		if (!row_in(v, r))
			continue;
		s = t = 0;
		bad = 0;
		for (c = 0; c < ncols3 - 1; c++) {
			key2(key, r->key, cols3[c].suffix);
			bad |= add(v, key, &s);
		}
		key2(key, r->key, cols3[ncols3 - 1].suffix);
		bad |= add(v, key, &t);
		if (!bad && differ(s, t))
			fail(o, "row_total", r->key + strlen("requests."), s, t);
	}
	for (c = 0; c < ncols3 && has(v->form, "closed_total"); c++) {
		col = cols3[c].suffix;
		s = t = 0;
		bad = 0;
		for (i = 0; i < nrows3; i++) {
			const struct gk_row *r = rows3[i];

			if (r->level < 2 || r == total3 || !row_in(v, r))
				continue;
			key2(key, r->key, col);
			bad |= add(v, key, &s);
		}
		key2(key, total3->key, col);
		bad |= add(v, key, &t);
		if (!bad && differ(s, t))
			fail(o, "closed_total", col, s, t);
	}
	for (c = 0; c < ncols3 && has(v->form, "balance"); c++) {
		col = cols3[c].suffix;
		a = b = 0;
		bad = 0;
		for (k = 0; plus[k] != NULL; k++) {
			if (row_key(plus[k]) == NULL || row_key(minus[k]) == NULL)
				return;
			key2(key, plus[k], col);
			bad |= add(v, key, &a);
			key2(key, minus[k], col);
			bad |= add(v, key, &b);
		}
		if (!bad && differ(a, b))
			fail(o, "balance", col, a, b);
	}
}

/* Each group of 四 (review, suit_direct, suit_after): its parts add up
 * to its total (the column whose suffix ends in .total). */
static void
appeals(const struct tx_version *v, struct out *o)
{
	const struct gk_row *r;
	char key[GK_KEY_MAX], group[64];
	double s, t;
	int k, j, bad;

	if (table4 == NULL || !has(v->form, "appeals_total"))
		return;
	r = &table4->rows[0];
	for (k = 0; k < r->ncols; k = j) {
		const char *dot = strchr(r->cols[k].suffix, '.');
		size_t gl = dot != NULL ? (size_t)(dot - r->cols[k].suffix) : 0;

		if (dot == NULL || gl >= sizeof(group)) {
			j = k + 1;
			continue;
		}
		memcpy(group, r->cols[k].suffix, gl);
		group[gl] = '\0';
		s = t = 0;
		bad = 0;
		for (j = k; j < r->ncols && strncmp(r->cols[j].suffix, group,
		    gl) == 0 && r->cols[j].suffix[gl] == '.'; j++) {
			key2(key, r->key, r->cols[j].suffix);
			bad |= add(v, key, strcmp(r->cols[j].suffix + gl + 1,
			    "total") == 0 ? &t : &s);
		}
		if (!bad && differ(s, t))
			fail(o, "appeals_total", group, s, t);
	}
}

int
tx_complete(const struct tx_version *v)
{
	const struct tx_metric *m;
	size_t i, n;

	if (v->form == NULL)
		return 0;
	if (v->form->by_label)
		return 1;	/* its rows vary: none is required */
	n = gk_form_nkeys(v->form);
	for (i = 0; i < n; i++) {
		m = tx_version_get(v, gk_form_key(v->form, i)->key);
		if (m == NULL || m->nfound != 1)
			return 0;
	}
	return 1;
}

static void
shape(const struct tx_version *v, struct out *o)
{
	const struct tx_metric *m;
	size_t i, n = 0;
	int j;

	if (!has(v->form, "template_shape"))
		return;
	if (!v->form->by_label)
		n = gk_form_nkeys(v->form);
	for (i = 0; i < n; i++) {
		const char *key = gk_form_key(v->form, i)->key;

		m = tx_version_get(v, key);
		if (m == NULL || m->nfound != 1)
			fail(o, "template_shape", key, 1,
			    m == NULL ? 0 : m->nfound);
	}
	for (j = 0; j < v->nm; j++) {
		if (v->m[j].nfound == 1 ||
		    (n > 0 && gk_form_lookup(v->form, v->m[j].key) != NULL))
			continue;
		fail(o, "template_shape", v->m[j].key, 1, v->m[j].nfound);
	}
}

int
tx_checks(const struct tx_version *v, struct tx_check *c, int max)
{
	struct out o = { c, 0, max };

	if (v->form == NULL)
		return 0;
	build();
	requests(v, &o);
	appeals(v, &o);
	shape(v, &o);
	return o.n;
}
