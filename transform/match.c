/*
 * match.c: a printed label against the labels of a table's rows.
 *
 * Labels are compared in gk_label_norm's form (schema.h) by the edit
 * distance of their code points, bounded: a comparison stops as soon as it
 * is over what could still be accepted, and a 64-bit set of the characters
 * each label has gives a lower bound for free (a character of one that the
 * other lacks costs an edit).
 *
 * U+FFFD in a printed label is a character the page does not show (a
 * missing-glyph box, a glyph the text layer cannot map): it stands for
 * any one character, so 规� is 规章 and �年新制作�� is 本年新制作数量.
 * Only in a label that shows enough of itself (WILD_KNOWN character, a
 * quarter of it, WILD_SHARE): �� alone would be any two-character word.
 * Which row or header such a label is stays the aligner's to say (the
 * order of the rows; a header word of two characters is exact).
 */
#include <string.h>

#include "common/schema.h"
#include "common/zh.h"
#include "tx.h"

static uint64_t
bit(unsigned cp)
{
	return (uint64_t)1 << ((cp * 2654435761u) >> 26);
}

void
tx_pat_make(struct tx_pat *p, const char *norm)
{
	unsigned cp;

	p->n = 0;
	p->bloom = 0;
	while (p->n < TX_PAT_MAX && (cp = zh_next(&norm)) != 0) {
		p->cp[p->n++] = cp;
		p->bloom |= bit(cp);
	}
}

struct tx_lab
tx_pat_lab(const struct tx_pat *p)
{
	struct tx_lab l;

	l.cp = p->cp;
	l.n = p->n;
	l.bloom = p->bloom;
	return l;
}

uint64_t
tx_bloom(const unsigned *cp, int n)
{
	uint64_t b = 0;
	int i;

	for (i = 0; i < n; i++)
		b |= bit(cp[i]);
	return b;
}

#define FAR	(1 << 20)	/* a distance known to be over the bound */

#define WILD		0xfffdu
#define WILD_KNOWN	1	/* characters shown, at least */
#define WILD_SHARE	4	/* and at least 1/WILD_SHARE of the label */

/* How many characters of l stand for any (U+FFFD), or 0 when l shows too
 * little of itself for them to (they are then characters like others). */
static int
wild_of(const struct tx_lab *l)
{
	int i, w = 0;

	if (!(l->bloom & bit(WILD)))
		return 0;
	for (i = 0; i < l->n; i++)
		w += l->cp[i] == WILD;
	if (l->n - w < WILD_KNOWN || (l->n - w) * WILD_SHARE < l->n)
		return 0;
	return w;
}

/* The bits set in x, inline (without -mpopcnt, __builtin_popcountll is a
 * call to libgcc's, 3% of a report's instructions in tx_lab_dist). */
static inline int
pop64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
	return (int)((x * 0x0101010101010101ULL) >> 56);
}

int
tx_lab_dist(const struct tx_lab *a, const struct tx_lab *b, int max)
{
	int r0[TX_PAT_MAX + 2], r1[TX_PAT_MAX + 2], *prev = r0, *cur = r1,
	    *sw, i, j, lo, hi, low, d, lb, wa, wb;
	uint64_t ba = a->bloom, bb = b->bloom;

	d = a->n > b->n ? a->n - b->n : b->n - a->n;
	if (d > max)
		return max + 1;
	wa = wild_of(a), wb = wild_of(b);
	/* a wild character matches one of the other's, so it covers at most
	 * one character the other has and it lacks */
	if (wa > 0)
		ba &= ~bit(WILD);
	if (wb > 0)
		bb &= ~bit(WILD);
	lb = pop64(ba & ~bb) - wb;
	d = pop64(bb & ~ba) - wa;
	if ((d > lb ? d : lb) > max)
		return max + 1;
	/* only the cells within max of the diagonal can be within max; the
	 * others are FAR (a path through a cell over max ends over it) */
	for (j = 0; j <= b->n; j++)
		prev[j] = j <= max ? j : FAR;
	prev[b->n + 1] = FAR;
	for (i = 1; i <= a->n; i++) {
		const unsigned ca = a->cp[i - 1];

		lo = i - max > 1 ? i - max : 1;
		hi = i + max < b->n ? i + max : b->n;
		cur[lo - 1] = lo == 1 && i <= max ? i : FAR;
		low = cur[lo - 1];
		for (j = lo; j <= hi; j++) {
			d = prev[j - 1] + (ca != b->cp[j - 1] &&
			    !(wa > 0 && ca == WILD) &&
			    !(wb > 0 && b->cp[j - 1] == WILD));
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
			if (d < low)
				low = d;
		}
		cur[hi + 1] = FAR;	/* the next row's last cell reads it */
		if (low > max)
			return max + 1;
		sw = prev, prev = cur, cur = sw;
	}
	return prev[b->n] > max ? max + 1 : prev[b->n];
}

int
tx_pat_dist(const struct tx_pat *a, const struct tx_pat *b, int max)
{
	struct tx_lab x = tx_pat_lab(a), y = tx_pat_lab(b);

	return tx_lab_dist(&x, &y, max);
}

int
tx_bare_mark(const char *label, struct zh_numbering *m)
{
	return zh_numbering(label, m) && label[m->len] == '\0';
}

int
tx_same_mark(const char *num, const struct zh_numbering *m)
{
	struct zh_numbering k;

	return num != NULL && zh_numbering(num, &k) && k.style == m->style &&
	    k.n == m->n;
}

/* A quarter of the label: 2.其他法律行政止公开 is still 其他法律行政法规禁止公开
 * (3 of 12); labels under 4 characters only as printed. */
int
tx_cap_strict(int n)
{
	return n < 4 ? 0 : n / 4;
}

/*
 * Is norm the header word head?  One character misread or left out is
 * forgiven in a word of HEAD_FORGIVE characters or more (统计效 for 统计数,
 * 目然人 for 自然人, as OCR reads them): a row's label is longer by far,
 * and the two-character words (单位, 序号, 总计, 其他) must be exact.
 */
#define HEAD_FORGIVE	3

int
tx_head_is(const char *norm, const char *head)
{
	struct tx_pat a, b;
	size_t n = strlen(norm), h = strlen(head);

	if (strcmp(norm, head) == 0)
		return 1;
	if (n > h + 4 || n + 4 < h)
		return 0;	/* over a character (4 bytes) apart */
	tx_pat_make(&a, norm);
	tx_pat_make(&b, head);
	return b.n >= HEAD_FORGIVE && a.n >= b.n - 1 && a.n <= b.n + 1 &&
	    tx_pat_dist(&a, &b, 1) <= 1;
}

/* Placed by its neighbours: up to half of a short label (重夏申请 for
 * 重复申请), a third of a long one. */
int
tx_cap_placed(int n)
{
	int c = (n + 2) / 3;

	if (n < 4)
		return 0;
	if (c > n / 2)
		c = n / 2;
	return c > n / 4 ? c : n / 4;
}

/* ---- the schema's labels, normalised once ---- */

#define MEMO_SLOTS	4096
#define MEMO_POOL	(256u << 10)

static struct {
	const char *key[MEMO_SLOTS];	/* the text, in the pool */
	const char *norm[MEMO_SLOTS];
	char pool[MEMO_POOL];
	size_t used;
	unsigned n;
} memo;

const char *
tx_snorm(const char *label)
{
	static char spare[8][TX_LABEL_MAX];
	static int next;
	char n[TX_LABEL_MAX];
	uint32_t h = 2166136261u;
	const char *p;
	size_t kl, nl;
	unsigned i;

	for (p = label; *p != '\0'; p++) {
		h ^= (unsigned char)*p;
		h *= 16777619u;
	}
	for (i = h & (MEMO_SLOTS - 1); memo.key[i] != NULL;
	    i = (i + 1) & (MEMO_SLOTS - 1))
		if (strcmp(memo.key[i], label) == 0)
			return memo.norm[i];
	gk_label_norm(label, n, sizeof(n));
	kl = strlen(label) + 1;
	nl = strlen(n) + 1;
	if (memo.n >= MEMO_SLOTS / 2 || memo.used + kl + nl > MEMO_POOL) {
		/* full (not with the schema's labels): not kept */
		next = (next + 1) % 8;
		memcpy(spare[next], n, nl);
		return spare[next];
	}
	memo.key[i] = memcpy(memo.pool + memo.used, label, kl);
	memo.used += kl;
	memo.norm[i] = memcpy(memo.pool + memo.used, n, nl);
	memo.used += nl;
	memo.n++;
	return memo.norm[i];
}

/* ---- tables as the alignment sees them ---- */

#define MAXCACHE	32

static struct tx_ttable cache[MAXCACHE];
static int ncache;

/* Does a form other than f print a row with figures labelled norm? */
static int
elsewhere(const struct gk_form *f, const char *norm)
{
	char n[TX_LABEL_MAX];
	int i, t, r, k;

	for (i = 0; gk_forms[i] != NULL; i++) {
		if (gk_forms[i] == f)
			continue;
		for (t = 0; t < gk_forms[i]->ntables; t++) {
			const struct gk_table *tb = &gk_forms[i]->tables[t];

			for (r = 0; r < tb->nrows; r++) {
				const struct gk_row *row = &tb->rows[r];

				if (row->kind != GK_ROW_FIGURES)
					continue;
				tx_copy(n, sizeof(n), tx_snorm(row->label));
				if (strcmp(n, norm) == 0)
					return 1;
				for (k = 0; row->variants != NULL &&
				    row->variants[k] != NULL; k++) {
					tx_copy(n, sizeof(n), tx_snorm(row->variants[k]));
					if (strcmp(n, norm) == 0)
						return 1;
				}
			}
		}
	}
	return 0;
}

const struct tx_ttable *
tx_ttable(const struct gk_form *f, const struct gk_table *t)
{
	struct tx_ttable *tt;
	char n[TX_LABEL_MAX];
	int i, k;

	for (i = 0; i < ncache; i++)
		if (cache[i].table == t)
			return cache[i].nr > 0 ? &cache[i] : NULL;
	if (ncache == MAXCACHE)
		return NULL;	/* more tables than any form has */
	tt = &cache[ncache++];
	memset(tt, 0, sizeof(*tt));
	tt->table = t;
	tt->form = f;
	if (t->unlabelled)
		return NULL;
	for (i = 0; i < t->nrows; i++) {
		const struct gk_row *r = &t->rows[i];

		if (r->kind == GK_ROW_GROUP) {
			if (tt->ngroups < 16) {
				tx_copy(tt->groups[tt->ngroups], sizeof(tt->groups[0]), tx_snorm(r->label));
				if (tt->groups[tt->ngroups][0] != '\0')
					tt->ngroups++;
			}
			continue;
		}
		if (tt->nr == TX_MAX_TROWS)
			break;
		tt->r[tt->nr].row = r;
		tt->r[tt->nr].idx = i;
		tx_copy(n, sizeof(n), tx_snorm(r->label));
		tx_pat_make(&tt->r[tt->nr].pat[0], n);
		tt->r[tt->nr].unique = !elsewhere(f, n);
		tt->r[tt->nr].npat = 1;
		for (k = 0; r->variants != NULL && r->variants[k] != NULL &&
		    tt->r[tt->nr].npat < 4; k++) {
			tx_copy(n, sizeof(n), tx_snorm(r->variants[k]));
			tx_pat_make(&tt->r[tt->nr].pat[tt->r[tt->nr].npat++], n);
		}
		for (k = 0; k < tt->r[tt->nr].npat; k++) {
			tt->r[tt->nr].lab[k] = tx_pat_lab(&tt->r[tt->nr].pat[k]);
			tt->r[tt->nr].capp[k] =
			    tx_cap_placed(tt->r[tt->nr].pat[k].n);
		}
		tt->nr++;
	}
	return tt->nr > 0 ? tt : NULL;
}

const char *
tx_ungroup(const struct tx_ttable *tt, const char *norm)
{
	const char *p = norm;
	int i, again = 1;

	while (again) {
		again = 0;
		for (i = 0; i < tt->ngroups; i++) {
			size_t n = strlen(tt->groups[i]);

			if (strncmp(p, tt->groups[i], n) != 0 || p[n] == '\0')
				continue;
			p += n;
			while (*p >= '0' && *p <= '9')	/* 1.属于国家秘密 */
				p++;
			again = 1;
		}
	}
	return p;
}

int
tx_group_tail(const struct tx_ttable *tt, const char *norm)
{
	size_t len = strlen(norm);
	int i, n = 0;
	const char *p;

	for (i = 0; i < tt->ngroups; i++) {
		size_t g = strlen(tt->groups[i]);

		if (g == 0 || len <= g || strcmp(norm + len - g,
		    tt->groups[i]) != 0)
			continue;
		for (p = tt->groups[i]; zh_next(&p) != 0;)
			n++;
		return n;
	}
	return 0;
}

static int
same(const struct tx_pat *a, const struct tx_pat *b)
{
	return a->n == b->n && memcmp(a->cp, b->cp, sizeof(a->cp[0]) *
	    (size_t)a->n) == 0;
}

static int
match1(const struct tx_ttable *tt, const struct tx_pat *p, int *dist)
{
	int i, k, d, best = -1, bestd = 1 << 20, ties = 0, cap;

	if (p->n == 0)
		return -1;
	for (i = 0; i < tt->nr; i++)
		for (k = 0; k < tt->r[i].npat; k++)
			if (same(p, &tt->r[i].pat[k])) {
				*dist = 0;
				return i;
			}
	for (i = 0; i < tt->nr; i++) {
		int di = 1 << 20;

		for (k = 0; k < tt->r[i].npat; k++) {
			cap = tx_cap_strict(tt->r[i].pat[k].n);
			if (cap == 0)
				continue;
			d = tx_pat_dist(p, &tt->r[i].pat[k], cap);
			if (d <= cap && d < di)
				di = d;
		}
		if (di == 1 << 20)
			continue;
		if (di < bestd) {
			bestd = di;
			best = i;
			ties = 0;
		} else if (di == bestd)
			ties++;
	}
	if (best < 0 || ties > 0)
		return -1;
	*dist = bestd;
	return best;
}

int
tx_match_row(const struct tx_ttable *tt, const char *norm, int *dist)
{
	struct tx_pat p;
	const char *own = tx_ungroup(tt, norm);
	int i;

	if (own != norm && *own != '\0') {
		tx_pat_make(&p, own);
		if ((i = match1(tt, &p, dist)) >= 0)
			return i;
	}
	tx_pat_make(&p, norm);
	return match1(tt, &p, dist);
}
