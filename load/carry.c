/*
 * carry.c: the one check that needs the whole data set.  An agency's
 * 上年结转 (requests.carried_in.*) in year Y must equal the 结转下年度
 * (requests.carried_out.*) its report of year Y-1 gave, column by column;
 * a mismatch is a carry_chain row against the later report.
 *
 * Agencies are matched by name: white space dropped, full-width letters and
 * digits made ASCII, ASCII brackets made full-width, then looked up in an
 * alias table (config/agency-aliases.tsv) that maps the other names an
 * agency prints to one of them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "keys.h"
#include "load.h"

#define NAMEMAX 512

struct alias {
	char from[NAMEMAX], to[NAMEMAX];
};

struct aliases {
	struct alias *a;
	size_t n;
};

/* Normalise a name into out: see the comment at the top. */
static void
norm(const char *s, char *out, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0;

	if (n == 0)
		return;
	while (*p != '\0' && w + 4 < n) {
		if (*p == ' ' || *p == '\t') {
			p++;
		} else if (p[0] == 0xc2 && p[1] == 0xa0) {
			p += 2;				/* NBSP */
		} else if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80) {
			p += 3;				/* U+3000 */
		} else if (*p == '(' || *p == ')') {
			/* （ U+FF08 ） U+FF09 */
			out[w++] = (char)0xef;
			out[w++] = (char)0xbc;
			out[w++] = (char)(*p == '(' ? 0x88 : 0x89);
			p++;
		} else if (p[0] == 0xef && (p[1] == 0xbc || p[1] == 0xbd) &&
		    p[2] >= 0x80 && p[2] <= 0xbf) {
			/* U+FF01..U+FF5E but the brackets: to ASCII */
			unsigned cp = (0xfu << 12) | ((p[1] & 0x3fu) << 6) |
			    (p[2] & 0x3fu);

			if (cp >= 0xff01 && cp <= 0xff5e && cp != 0xff08 &&
			    cp != 0xff09) {
				out[w++] = (char)(cp - 0xff01 + 0x21);
				p += 3;
			} else {
				out[w++] = (char)*p++;
				out[w++] = (char)*p++;
				out[w++] = (char)*p++;
			}
		} else {
			out[w++] = (char)*p++;
		}
	}
	out[w] = '\0';
}

static int
cmpalias(const void *a, const void *b)
{
	return strcmp(((const struct alias *)a)->from,
	    ((const struct alias *)b)->from);
}

struct aliases *
aliases_read(const char *file)
{
	struct aliases *al;
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	FILE *fp = NULL;

	if ((al = calloc(1, sizeof(*al))) == NULL) {
		gk_warn(file, "out of memory");
		return NULL;
	}
	if (file == NULL)
		return al;
	if ((fp = fopen(file, "r")) == NULL) {
		gk_warn(file, "%s", strerror(errno));
		goto bad;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		struct alias *a;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if ((tab = strchr(line, '\t')) == NULL ||
		    strchr(tab + 1, '\t') != NULL) {
			gk_warn(file, "line %lu: not \"alias<TAB>canonical\"",
			    lineno);
			goto bad;
		}
		*tab = '\0';
		if (lineno == 1 && strcmp(line, "alias") == 0)
			continue;	/* the header */
		if ((a = realloc(al->a, (al->n + 1) * sizeof(*a))) == NULL) {
			gk_warn(file, "out of memory");
			goto bad;
		}
		al->a = a;
		norm(line, al->a[al->n].from, NAMEMAX);
		norm(tab + 1, al->a[al->n].to, NAMEMAX);
		al->n++;
	}
	free(line);
	fclose(fp);
	if (al->n > 1)
		qsort(al->a, al->n, sizeof(*al->a), cmpalias);
	return al;
bad:
	free(line);
	if (fp != NULL)
		fclose(fp);
	aliases_free(al);
	return NULL;
}

void
aliases_free(struct aliases *al)
{
	if (al == NULL)
		return;
	free(al->a);
	free(al);
}

void
agency_key(const struct aliases *al, const char *name, char *out, size_t n)
{
	struct alias key, *hit;

	norm(name, key.from, sizeof(key.from));
	hit = al != NULL && al->n > 0 ? bsearch(&key, al->a, al->n,
	    sizeof(*al->a), cmpalias) : NULL;
	snprintf(out, n, "%s", hit != NULL ? hit->to : key.from);
}

struct rep {
	char key[NAMEMAX];
	long year;
	const struct row *r;
	const struct row **m;	/* its metrics */
	size_t nm;
	int has_in, has_out;
};

static int
cmprep(const void *pa, const void *pb)
{
	const struct rep *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->key, b->key)) != 0)
		return c;
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	return strcmp(a->r->f[R_REPORT], b->r->f[R_REPORT]);
}

static const struct row *
metric(const struct rep *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->nm; i++)
		if (strcmp(p->m[i]->f[M_METRIC], key) == 0)
			return p->m[i];
	return NULL;
}

static int
has_prefix(const struct rep *p, const char *prefix)
{
	size_t i, n = strlen(prefix);

	for (i = 0; i < p->nm; i++)
		if (strncmp(p->m[i]->f[M_METRIC], prefix, n) == 0)
			return 1;
	return 0;
}

/* Compare the seven columns of p (year Y-1) and r (year Y). */
static int
compare(struct dataset *d, const struct rep *p, const struct rep *r)
{
	const struct row *a, *b;
	const char *f[C_NCOL];
	char key[64];
	double va, vb;
	int i;

	for (i = 0; i < 7; i++) {
		snprintf(key, sizeof(key), "requests.carried_out.%s",
		    applicants[i]);
		a = metric(p, key);
		snprintf(key, sizeof(key), "requests.carried_in.%s",
		    applicants[i]);
		b = metric(r, key);
		/* Missing or blank counts as 0; not a number: unknowable. */
		if ((a != NULL && value_of(a->f[M_VALUE], a->f[M_FLAGS],
		    &va) == -1) || (b != NULL && value_of(b->f[M_VALUE],
		    b->f[M_FLAGS], &vb) == -1))
			continue;
		if (a == NULL)
			va = 0;
		if (b == NULL)
			vb = 0;
		if (va == vb)
			continue;
		f[C_REPORT] = r->r->f[R_REPORT];
		f[C_AGENCY] = r->r->f[R_AGENCY];
		f[C_YEAR] = r->r->f[R_YEAR];
		f[C_TEMPLATE] = r->r->f[R_TEMPLATE];
		f[C_CHECK] = "carry_chain";
		f[C_WHERE] = applicants[i];
		f[C_EXPECTED] = a != NULL && a->f[M_VALUE][0] ? a->f[M_VALUE] :
		    "0";
		f[C_FOUND] = b != NULL && b->f[M_VALUE][0] ? b->f[M_VALUE] :
		    "0";
		if (table_add(&d->checks, f) == -1)
			return -1;
	}
	return 0;
}

int
carry_chain(struct dataset *d, const struct aliases *al)
{
	struct idx mx;
	struct rep *v;
	size_t i, j, n = 0;
	int rv = 0;

	if (idx_build(&mx, &d->metrics, M_REPORT) == -1)
		return -1;
	if ((v = calloc(d->reports.n + 1, sizeof(*v))) == NULL) {
		idx_free(&mx);
		return -1;
	}
	for (i = 0; i < d->reports.n; i++) {
		const struct row *r = d->reports.rows[i];
		char *end;
		struct rep *p = &v[n];

		p->year = strtol(r->f[R_YEAR], &end, 10);
		if (end == r->f[R_YEAR] || *end != '\0')
			continue;	/* no year: no chain */
		p->r = r;
		agency_key(al, r->f[R_AGENCY], p->key, sizeof(p->key));
		p->m = idx_find(&mx, r->f[R_REPORT], &p->nm);
		p->has_in = has_prefix(p, "requests.carried_in.");
		p->has_out = has_prefix(p, "requests.carried_out.");
		n++;
	}
	qsort(v, n, sizeof(*v), cmprep);
	for (i = 0; i < n && rv == 0; i++) {
		if (!v[i].has_in)
			continue;
		/* The first report (by id) of the same agency a year before. */
		for (j = i; j-- > 0 && strcmp(v[j].key, v[i].key) == 0 &&
		    v[j].year >= v[i].year - 1;)
			continue;
		for (j++; j < i && v[j].year < v[i].year; j++)
			if (v[j].year == v[i].year - 1 && v[j].has_out)
				break;
		if (j < i && v[j].year == v[i].year - 1 &&
		    strcmp(v[j].key, v[i].key) == 0)
			rv = compare(d, &v[j], &v[i]);
	}
	free(v);
	idx_free(&mx);
	return rv;
}
