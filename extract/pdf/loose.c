/*
 * loose.c: the cells of a table printed without ruling lines.
 *
 * Such a table is a zone of lines with gaps between cells (the padding).
 * Its lines are cut into pieces at those gaps, and also where a character
 * starts exactly at a column's left edge (many pieces start there) after a
 * smaller gap: a narrow column's padding can be narrower than CELL_GAP_EM.
 * A label wrapped inside its cell is a piece on the line below, aligned with
 * the piece above (same left edge or same centre), on a line without
 * figures, not starting a new numbered label, under a piece that ran to the
 * end of its cell.  Those join into one block; each block is one para, in
 * the order of its first line: label, then the figures of its row.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "extract/pdf/loose.h"
#include "extract/pdf/thresholds.h"

struct piece {
	size_t line, first, n;	/* chars v[first .. first+n) of line */
	float x0, x1, y, size;
	char *text;
	int fig, numbered;
	int block;		/* index of the first piece of its block */
	int tail;		/* last piece of its block so far */
	int next;		/* next piece of its block, -1 */
};



static int
figure(const char *s)
{
	int digits = 0;

	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digits++;
		else if (*s != '.' && *s != ',' && *s != '-' && *s != '+' &&
		    !isspace((unsigned char)*s))
			return 0;
	}
	return digits > 0;
}

/* Starts a numbered label: （一）, (1), 一、, 1., 1、 */
static int
numbered(const char *s)
{
	static const char *const han = "一二三四五六七八九十";
	size_t i;

	while (isspace((unsigned char)*s))
		s++;
	if (isdigit((unsigned char)*s) || *s == '(' ||
	    strncmp(s, "（", 3) == 0)
		return 1;
	for (i = 0; han[i] != '\0'; i += 3)
		if (strncmp(s, han + i, 3) == 0 && strncmp(s + 3, "、", 3) == 0)
			return 1;
	return 0;
}

static int
cmp_float(const void *a, const void *b)
{
	float p = *(const float *)a, q = *(const float *)b;

	return p < q ? -1 : p > q;
}

/* Column starts: left edges shared by EDGE_MIN pieces or more. */
static size_t
column_starts(const struct gk_pdf_char *const *v,
    const struct gk_pdf_line *ln, size_t nl, const int *zone, float **outp)
{
	float *e, *out;
	size_t i, j, n = 0, cap = 64, k, m = 0;

	*outp = NULL;
	if ((e = malloc(cap * sizeof(*e))) == NULL)
		return 0;
	for (i = 0; i < nl; i++) {
		if (!zone[i])
			continue;
		for (j = 0; j < ln[i].n; j++) {
			if (gk_pdf_space(v[ln[i].first + j]->c))
				continue;
			if (j > 0 && gk_pdf_gap(v, &ln[i], j) <= CELL_GAP_EM)
				continue;
			if (n == cap) {
				cap *= 2;
				if ((out = realloc(e, cap * sizeof(*e))) ==
				    NULL) {
					free(e);
					return 0;
				}
				e = out;
			}
			e[n++] = v[ln[i].first + j]->x0;
		}
	}
	qsort(e, n, sizeof(*e), cmp_float);
	for (i = 0; i < n; i = k) {
		for (k = i; k < n && e[k] - e[i] <= EDGE_TOL; k++)
			;
		if (k - i >= EDGE_MIN)
			e[m++] = e[i];
	}
	*outp = e;
	return m;
}

static int
at_start(const float *s, size_t ns, float x)
{
	size_t i;

	for (i = 0; i < ns; i++)
		if (x >= s[i] - EDGE_TOL && x <= s[i] + EDGE_TOL * 2)
			return 1;
	return 0;
}

static int
add_piece(struct piece **ps, size_t *np, size_t *cap,
    const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln,
    size_t line, size_t from, size_t to, struct gk_buf *b)
{
	struct gk_pdf_line sub = ln[line];
	struct piece *p;
	size_t i;

	sub.first = ln[line].first + from;
	sub.n = to - from;
	gk_buf_reset(b);
	if (gk_pdf_line_text(b, v, &sub) < 0)
		return -1;
	if (*np == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		if ((p = realloc(*ps, *cap * sizeof(*p))) == NULL)
			return -1;
		*ps = p;
	}
	p = &(*ps)[*np];
	memset(p, 0, sizeof(*p));
	p->line = line;
	p->first = sub.first;
	p->n = sub.n;
	p->y = ln[line].y;
	p->size = ln[line].size;
	p->x0 = 1e9f;
	p->x1 = -1e9f;
	for (i = 0; i < sub.n; i++)
		if (!gk_pdf_space(v[sub.first + i]->c)) {
			if (v[sub.first + i]->x0 < p->x0)
				p->x0 = v[sub.first + i]->x0;
			if (v[sub.first + i]->x1 > p->x1)
				p->x1 = v[sub.first + i]->x1;
		}
	if (p->x0 > p->x1)
		return 0;	/* only white space */
	if ((p->text = strdup(gk_buf_str(b))) == NULL)
		return -1;
	p->fig = figure(p->text);
	p->numbered = numbered(p->text);
	p->block = (int)*np;
	p->tail = 1;
	p->next = -1;
	(*np)++;
	return 0;
}

static int
ascii_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

int
gk_pdf_loose(const struct gk_pdf_char *const *v, const struct gk_pdf_line *ln,
    size_t nl, const int *zone, float right,
    int (*emit)(void *, float y, float x, const char *), void *arg)
{
	struct piece *ps = NULL, *a, *b;
	struct gk_buf buf;
	float *starts = NULL, nextx;
	size_t np = 0, cap = 0, ns, i, j, from, k;
	int *linefig = NULL, best, ret = -1, q;
	const char *t;

	gk_buf_init(&buf, GK_MAX_TEXT);
	ns = column_starts(v, ln, nl, zone, &starts);
	if ((linefig = calloc(nl + 1, sizeof(int))) == NULL)
		goto out;
	for (i = 0; i < nl; i++) {
		if (!zone[i])
			continue;
		from = 0;
		for (j = 1; j <= ln[i].n; j++) {
			if (j < ln[i].n) {
				float g = gk_pdf_gap(v, &ln[i], j);

				if (g <= SMALL_GAP_EM || (g <= CELL_GAP_EM &&
				    !at_start(starts, ns,
				    v[ln[i].first + j]->x0)))
					continue;
			}
			k = np;
			if (add_piece(&ps, &np, &cap, v, ln, i, from, j,
			    &buf) < 0)
				goto out;
			if (np > k && ps[k].fig)
				linefig[i] = 1;
			from = j;
		}
	}
	/* join wrapped labels into blocks */
	for (i = 0; i < np; i++) {
		b = &ps[i];
		if (b->fig || b->numbered || linefig[b->line])
			continue;
		best = -1;
		for (k = i; k-- > 0;) {
			a = &ps[k];
			if (a->line == b->line)
				continue;
			if (b->y - a->y > WRAP_EM * b->size)
				break;
			if (!a->tail || a->fig || best >= 0)
				continue;
			if (fabsf(a->x0 - b->x0) > ALIGN_EM * b->size &&
			    (fabsf((a->x0 + a->x1) - (b->x0 + b->x1)) / 2 >
			    ALIGN_EM * b->size || b->x1 - b->x0 >
			    a->x1 - a->x0 + ALIGN_EM * b->size))
				continue;
			/*
			 * full: ran to the next piece of its row (figures may
			 * sit between its lines), or to the margin
			 */
			nextx = right;
			for (j = 0; j < np; j++)
				if (ps[j].x0 > a->x1 && ps[j].x0 < nextx &&
				    fabsf(ps[j].y - a->y) < a->size)
					nextx = ps[j].x0;
			if (nextx - a->x1 > FULL_EM * a->size)
				continue;
			best = (int)k;
		}
		if (best < 0)
			continue;
		a = &ps[best];
		a->tail = 0;
		a->next = (int)i;
		b->block = a->block;
	}
	for (i = 0; i < np; i++) {
		if (ps[i].block != (int)i)
			continue;
		gk_buf_reset(&buf);
		for (q = (int)i; q >= 0; q = ps[q].next) {
			t = ps[q].text;
			if (buf.len > 0 && ascii_alnum(
			    (unsigned char)buf.p[buf.len - 1]) &&
			    ascii_alnum((unsigned char)t[0]) &&
			    gk_buf_addc(&buf, ' ') < 0)
				goto out;
			if (gk_buf_adds(&buf, t) < 0)
				goto out;
		}
		if (emit(arg, ps[i].y, ps[i].x0, gk_buf_str(&buf)) < 0)
			goto out;
	}
	ret = 0;
out:
	for (i = 0; i < np; i++)
		free(ps[i].text);
	free(ps);
	free(starts);
	free(linefig);
	gk_buf_free(&buf);
	return ret;
}
