/*
 * schema.c: the list of forms, their keys (built once from the tables,
 * hashed), the order keys print in, and the label forms every stage
 * matches and keys in (schema.h).
 */
#include <stdint.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "common/schema.h"
#include "common/zh.h"

extern const struct gk_form gk_form_legacy;
extern const struct gk_form gk_form_gov2019;
extern const struct gk_form gk_form_gov2021;

/* Every form, oldest first: a new form is one file and one line here. */
const struct gk_form *const gk_forms[] = {
	&gk_form_legacy,
	&gk_form_gov2019,
	&gk_form_gov2021,
	NULL
};

#define MAXFORMS	16
#define MAXKEYS		2048	/* keys of all forms */
#define POOL		(96u << 10)	/* bytes of their text */
#define SLOTS		4096	/* hash slots, a power of two > 2 * MAXKEYS */

static struct {
	int built;
	struct gk_key key[MAXKEYS];
	size_t nkey;
	size_t first[MAXFORMS], count[MAXFORMS];	/* a form's keys */
	long rank[MAXKEYS];
	char pool[POOL];
	size_t npool;
	/* key -> index + 1, of (form, key) and of the key alone */
	uint32_t pair[SLOTS], any[SLOTS];
} S;

const struct gk_form *
gk_form(const char *id)
{
	int i;

	for (i = 0; gk_forms[i] != NULL; i++)
		if (strcmp(gk_forms[i]->id, id) == 0)
			return gk_forms[i];
	return NULL;
}

const struct gk_table *
gk_form_table(const struct gk_form *f, const char *id)
{
	int i;

	for (i = 0; f != NULL && i < f->ntables; i++)
		if (strcmp(f->tables[i].id, id) == 0)
			return &f->tables[i];
	return NULL;
}

static int
form_index(const struct gk_form *f)
{
	int i;

	for (i = 0; gk_forms[i] != NULL && i < MAXFORMS; i++)
		if (gk_forms[i] == f)
			return i;
	return -1;
}

static uint32_t
hash(const char *s, uintptr_t salt)
{
	uint32_t h = 2166136261u ^ (uint32_t)salt;	/* FNV-1a */

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static void
insert(uint32_t *tab, uint32_t h, size_t idx, const struct gk_form *f)
{
	uint32_t i = h & (SLOTS - 1);

	while (tab[i] != 0) {
		const struct gk_key *k = &S.key[tab[i] - 1];

		/* the first one stays: a key of two forms is the older's */
		if (strcmp(k->key, S.key[idx].key) == 0 &&
		    (f == NULL || k->form == f))
			return;
		i = (i + 1) & (SLOTS - 1);
	}
	tab[i] = (uint32_t)idx + 1;
}

static const char *
pool_add(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (S.npool + n > POOL)
		return NULL;
	p = S.pool + S.npool;
	memcpy(p, s, n);
	S.npool += n;
	return p;
}

static void
add_key(const struct gk_form *f, const struct gk_table *t,
    const struct gk_row *r, const struct gk_col *c, const char *key)
{
	struct gk_key *k;
	const char *s;

	if (S.nkey >= MAXKEYS || (s = pool_add(key)) == NULL)
		return;		/* the tables are ours: cannot happen */
	k = &S.key[S.nkey++];
	k->key = s;
	k->form = f;
	k->table = t;
	k->row = r;
	k->col = c;
}

/* The printed label of a row with its numbering: 一、主动公开情况. */
static void
numbered(const struct gk_row *r, char *out, size_t outsz)
{
	snprintf(out, outsz, "%s%s", r->num, r->label);
}

static void
form_keys(const struct gk_form *f)
{
	char key[GK_KEY_MAX], sec[GK_KEY_MAX], lab[GK_KEY_MAX];
	int ti, ri, ci;

	for (ti = 0; ti < f->ntables; ti++) {
		const struct gk_table *t = &f->tables[ti];

		sec[0] = '\0';
		for (ri = 0; ri < t->nrows; ri++) {
			const struct gk_row *r = &t->rows[ri];

			if (r->kind != GK_ROW_FIGURES)
				continue;
			if (f->by_label) {
				numbered(r, lab, sizeof(lab));
				if (r->level == 1) {
					snprintf(sec, sizeof(sec), "%s", lab);
					gk_legacy_key(sec, NULL, key,
					    sizeof(key));
				} else
					gk_legacy_key(sec, lab, key,
					    sizeof(key));
				add_key(f, t, r, NULL, key);
				continue;
			}
			if (r->cols == NULL) {
				add_key(f, t, r, NULL, r->key);
				continue;
			}
			for (ci = 0; ci < r->ncols; ci++) {
				if (r->cols[ci].suffix == NULL)
					continue;
				gk_key_join(key, sizeof(key), r->key,
				    r->cols[ci].suffix);
				add_key(f, t, r, &r->cols[ci], key);
			}
		}
	}
}

/*
 * The print order of the forms merged: tables by id in order of first
 * appearance, a table's rows (by key prefix) with a later form's new rows
 * before the next row of that form already placed, a row's columns with a
 * later form's new ones after them.  A key's rank is its place there.
 */
#define MAXROWS	512

struct mrow {
	const char *table;
	char name[GK_KEY_MAX];
	size_t key[64];		/* indices into S.key, in order */
	int nkey;
};

static int
find_row(struct mrow *r, int n, const char *table, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(r[i].table, table) == 0 &&
		    strcmp(r[i].name, name) == 0)
			return i;
	return -1;
}

static const char *
row_name(const struct gk_key *k)
{
	return k->row->key != NULL ? k->row->key : k->key;
}

static void
build_rank(void)
{
	static struct mrow r[MAXROWS];
	size_t i, m;
	int n = 0, j, at, c;
	long rank = 0;

	for (i = 0; i < S.nkey; i++) {
		const struct gk_key *k = &S.key[i];

		S.rank[i] = GK_RANK_UNKNOWN;
		if (k->form->by_label)
			continue;	/* its order is the report's */
		if ((j = find_row(r, n, k->table->id, row_name(k))) < 0) {
			if (n == MAXROWS)
				continue;
			/* before the next row of this form already placed */
			at = -1;
			for (m = i + 1; m < S.nkey && at < 0 &&
			    S.key[m].form == k->form; m++)
				if (strcmp(S.key[m].table->id,
				    k->table->id) == 0)
					at = find_row(r, n, k->table->id,
					    row_name(&S.key[m]));
			if (at < 0) {	/* else after its table's last row */
				at = n;
				for (c = 0; c < n; c++)
					if (strcmp(r[c].table,
					    k->table->id) == 0)
						at = c + 1;
			}
			memmove(&r[at + 1], &r[at], sizeof(r[0]) *
			    (size_t)(n - at));
			r[at].table = k->table->id;
			snprintf(r[at].name, sizeof(r[at].name), "%s",
			    row_name(k));
			r[at].nkey = 0;
			n++;
			j = at;
		}
		for (c = 0; c < r[j].nkey; c++)
			if (strcmp(S.key[r[j].key[c]].key, k->key) == 0)
				break;
		if (c == r[j].nkey && c < 64)
			r[j].key[r[j].nkey++] = i;
	}
	for (j = 0; j < n; j++)
		for (c = 0; c < r[j].nkey; c++)
			S.rank[r[j].key[c]] = rank++;
	/* a key of several forms has one rank */
	for (i = 0; i < S.nkey; i++)
		if (S.rank[i] == GK_RANK_UNKNOWN && !S.key[i].form->by_label)
			for (m = 0; m < S.nkey; m++)
				if (S.rank[m] != GK_RANK_UNKNOWN &&
				    strcmp(S.key[m].key, S.key[i].key) == 0) {
					S.rank[i] = S.rank[m];
					break;
				}
}

static void
build(void)
{
	size_t i;
	int f;

	if (S.built)
		return;
	S.built = 1;
	for (f = 0; gk_forms[f] != NULL && f < MAXFORMS; f++) {
		S.first[f] = S.nkey;
		form_keys(gk_forms[f]);
		S.count[f] = S.nkey - S.first[f];
	}
	for (i = 0; i < S.nkey; i++) {
		insert(S.pair, hash(S.key[i].key, (uintptr_t)S.key[i].form), i,
		    S.key[i].form);
		insert(S.any, hash(S.key[i].key, 0), i, NULL);
	}
	build_rank();
}

size_t
gk_form_nkeys(const struct gk_form *f)
{
	int i;

	build();
	return (i = form_index(f)) < 0 ? 0 : S.count[i];
}

const struct gk_key *
gk_form_key(const struct gk_form *f, size_t n)
{
	int i;

	build();
	if ((i = form_index(f)) < 0 || n >= S.count[i])
		return NULL;
	return &S.key[S.first[i] + n];
}

static const struct gk_key *
lookup(const uint32_t *tab, uint32_t h, const char *key,
    const struct gk_form *f)
{
	uint32_t i = h & (SLOTS - 1);

	while (tab[i] != 0) {
		const struct gk_key *k = &S.key[tab[i] - 1];

		if (strcmp(k->key, key) == 0 && (f == NULL || k->form == f))
			return k;
		i = (i + 1) & (SLOTS - 1);
	}
	return NULL;
}

const struct gk_key *
gk_form_lookup(const struct gk_form *f, const char *key)
{
	build();
	if (f == NULL)
		return lookup(S.any, hash(key, 0), key, NULL);
	return lookup(S.pair, hash(key, (uintptr_t)f), key, f);
}

const struct gk_key *
gk_key_lookup(const char *key)
{
	return gk_form_lookup(NULL, key);
}

long
gk_key_rank(const char *key)
{
	const struct gk_key *k = gk_key_lookup(key);

	return k == NULL ? GK_RANK_UNKNOWN : S.rank[k - S.key];
}

/* ---- labels of a key ---- */

const struct gk_row *
gk_row_group(const struct gk_table *t, const struct gk_row *r)
{
	const struct gk_row *p;

	for (p = r; p > t->rows; p--)
		if (p[-1].level < r->level && p[-1].kind == GK_ROW_GROUP)
			return &p[-1];
		else if (p[-1].level < r->level)
			return NULL;
	return NULL;
}

/* Append s to out (len so far); returns the new length, cut to fit. */
static size_t
cat(char *out, size_t outsz, size_t len, const char *s)
{
	size_t n = strlen(s);

	if (outsz == 0 || len >= outsz)
		return len;
	if (len + n >= outsz) {
		n = outsz - 1 - len;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;	/* at a code point's start */
	}
	memcpy(out + len, s, n);
	out[len + n] = '\0';
	return len + n;
}

/* The rows above r, outermost first (the nearest earlier row of each
 * smaller level). */
static int
ancestors(const struct gk_table *t, const struct gk_row *r,
    const struct gk_row **up, int max)
{
	const struct gk_row *p;
	int n = 0, level = r->level, i;

	for (p = r; p > t->rows && n < max; p--)
		if (p[-1].level < level) {
			up[n++] = &p[-1];
			level = p[-1].level;
		}
	for (i = 0; i < n / 2; i++) {
		const struct gk_row *x = up[i];

		up[i] = up[n - 1 - i];
		up[n - 1 - i] = x;
	}
	return n;
}

size_t
gk_key_row_label(const struct gk_key *k, char *out, size_t outsz)
{
	const struct gk_row *up[8];
	size_t len = 0;
	int n, i;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	n = ancestors(k->table, k->row, up, 8);
	for (i = 0; i < n; i++) {
		len = cat(out, outsz, len, up[i]->num);
		len = cat(out, outsz, len, up[i]->label);
		len = cat(out, outsz, len, " / ");
	}
	len = cat(out, outsz, len, k->row->num);
	return cat(out, outsz, len, k->row->label);
}

size_t
gk_key_col_label(const struct gk_key *k, char *out, size_t outsz)
{
	size_t len = 0;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	if (k->col == NULL)
		return 0;
	if (k->col->group != NULL) {
		len = cat(out, outsz, len, k->col->group);
		len = cat(out, outsz, len, " / ");
	}
	return cat(out, outsz, len, k->col->label);
}

size_t
gk_key_desc(const struct gk_key *k, char *out, size_t outsz)
{
	const struct gk_row *up[8];
	size_t len = 0;
	int n, i;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	n = ancestors(k->table, k->row, up, 8);
	for (i = 0; i < n; i++)
		if (up[i]->desc != NULL) {
			len = cat(out, outsz, len, up[i]->desc);
			len = cat(out, outsz, len, ": ");
		}
	if (k->row->desc != NULL)
		len = cat(out, outsz, len, k->row->desc);
	if (k->col != NULL && k->col->desc != NULL) {
		len = cat(out, outsz, len, ", ");
		len = cat(out, outsz, len, k->col->desc);
	}
	return len;
}

/* ---- label forms ---- */

/* Writes cp at out[*n] if it fits with room for the NUL. */
static int
put(char *out, size_t outsz, size_t *n, unsigned cp)
{
	size_t k;

	if (*n + 1 >= outsz)
		return 0;
	k = zh_put(out + *n, outsz - 1 - *n, cp);
	*n += k;
	return k > 0;
}

static int
punct(unsigned cp)
{
	if (cp < 0x80)
		return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z'));
	return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x2010 &&
	    cp <= 0x206f) || (cp >= 0xff00 && cp <= 0xffef) || cp == 0xb7;
}

#define NORM_MAX	4096	/* bytes of a label looked at */

size_t
gk_label_norm(const char *in, char *out, size_t outsz)
{
	char sq[NORM_MAX], nf[NORM_MAX];
	const char *p = sq;
	struct zh_numbering m;
	size_t n = 0;
	unsigned cp;
	int depth = 0, shown = 0;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	zh_squeeze(in, sq, sizeof(sq));
	/* numbering may be doubled: 三、（一） */
	while (zh_numbering(p, &m) && m.len > 0)
		p += m.len;
	zh_nfkc(p, nf, sizeof(nf));
	for (p = nf; (cp = zh_next(&p)) != 0;) {
		if (cp == '(' || cp == 0x3010) {	/* ( 【 */
			depth++;
			continue;
		}
		if (cp == ')' || cp == 0x3011) {
			if (depth > 0)
				depth--;
			continue;
		}
		if (depth > 0 || punct(cp) || zh_is_space(cp))
			continue;
		if (!put(out, outsz, &n, cp))
			break;
		shown += cp != 0xfffd;
	}
	/* nothing but boxes: a figure or a unit drawn so, no label */
	if (shown == 0)
		n = 0;
	out[n] = '\0';
	return n;
}

size_t
gk_label_key(const char *in, char *out, size_t outsz)
{
	size_t n = 0;
	unsigned cp;

	if (outsz == 0)
		return 0;
	while ((cp = zh_next(&in)) != 0) {
		if (zh_is_space(cp))
			continue;
		if (cp >= 0xff10 && cp <= 0xff19)
			cp = cp - 0xff10 + '0';
		else if (cp == '(')
			cp = 0xff08;
		else if (cp == ')')
			cp = 0xff09;
		else if (cp == ':')
			cp = 0xff1a;	/* 其中： as the forms print it */
		else if (cp == ';')
			cp = 0xff1b;
		if (!put(out, outsz, &n, cp))
			break;
	}
	out[n] = '\0';
	return n;
}

size_t
gk_legacy_key(const char *section, const char *row, char *out, size_t outsz)
{
	char s[GK_KEY_MAX], r[GK_KEY_MAX];
	size_t len;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	gk_label_key(section != NULL ? section : "", s, sizeof(s));
	gk_label_key(row != NULL ? row : "", r, sizeof(r));
	len = cat(out, outsz, 0, "legacy.");
	len = cat(out, outsz, len, s);
	if (r[0] != '\0') {
		if (s[0] != '\0')
			len = cat(out, outsz, len, ".");
		len = cat(out, outsz, len, r);
	}
	return len;
}

size_t
gk_key_join(char *out, size_t outsz, const char *row, const char *suffix)
{
	size_t len;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	len = cat(out, outsz, 0, row);
	len = cat(out, outsz, len, ".");
	return cat(out, outsz, len, suffix);
}

size_t
gk_header_unit(const char *label, char *out, size_t outsz)
{
	char f[NORM_MAX], inner[256];
	const char *p, *q, *open = NULL;
	size_t n;
	unsigned cp;

	if (outsz == 0)
		return 0;
	out[0] = '\0';
	gk_label_key(label, f, sizeof(f));	/* brackets now （ ） */
	for (p = f; *p != '\0';) {
		q = p;
		cp = zh_next(&p);
		if (cp == 0xff08)
			open = p;
		else if (cp == 0xff09 && open != NULL) {
			n = (size_t)(q - open);
			if (n >= sizeof(inner)) {
				open = NULL;
				continue;
			}
			memcpy(inner, open, n);
			open = NULL;
			inner[n] = '\0';
			q = inner;
			if (strncmp(q, "单位", 6) == 0) {
				const char *r;
				int k;

				/* its colon, or what OCR made of it (”,
				 * ., :), or none: 单位万元 */
				q += 6;
				for (k = 0; k < 2; k++) {
					r = q;
					cp = zh_next(&r);
					if (cp == 0 || zh_is_han(cp) ||
					    (cp < 0x80 && isalnum((int)cp)))
						break;
					q = r;
				}
			}
			if (*q != '\0' && zh_is_unit(q) && strlen(q) < outsz) {
				memcpy(out, q, strlen(q) + 1);
				return strlen(q);
			}
		}
	}
	return 0;
}
