/*
 * data.c: a generation read back from its files (load.h), and lookups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "load.h"

static const char *const report_cols[R_NCOL] = { "report", "agency",
	"printed_agency", "year", "template", "title", "published", "page",
	"source_doc", "source_url", "sha256", "sources", "failed_checks",
	"first_seen", "last_seen" };
static const char *const metric_cols[M_NCOL] = { "report", "agency", "year",
	"template", "metric", "value", "unit", "raw", "flags", "doc", "seq",
	"cell_table", "cell_row", "cell_col", "pdf_page" };
static const char *const check_cols[C_NCOL] = { "report", "agency", "year",
	"template", "check_name", "location", "expected", "found", "message" };
static const char *const error_cols[E_NCOL] = { "doc", "url", "page",
	"sha256", "stage", "code", "message", "first_seen", "last_seen" };

void
dataset_init(struct dataset *d)
{
	table_init(&d->reports, "reports", report_cols, R_NCOL);
	table_init(&d->metrics, "metrics", metric_cols, M_NCOL);
	table_init(&d->checks, "checks", check_cols, C_NCOL);
	table_init(&d->errors, "errors.tsv", error_cols, E_NCOL);
}

void
dataset_free(struct dataset *d)
{
	table_free(&d->reports);
	table_free(&d->metrics);
	table_free(&d->checks);
	table_free(&d->errors);
}

int
dataset_read(struct dataset *d, const char *dir)
{
	if (table_read(&d->reports, dir) == -1 ||
	    table_read(&d->metrics, dir) == -1 ||
	    table_read(&d->checks, dir) == -1 ||
	    table_read(&d->errors, dir) == -1)
		return -1;
	return 0;
}

int
dataset_read_part(struct dataset *d, const char *dir, const char *name)
{
	struct table *t[3] = { &d->reports, &d->metrics, &d->checks };
	char rel[3][300];
	const char *was;
	int i, rc = 0;

	for (i = 0; i < 3 && rc != -1; i++) {
		was = t[i]->file;
		snprintf(rel[i], sizeof(rel[i]), "%s/%s", was, name);
		t[i]->file = rel[i];
		rc = table_read(t[i], dir);
		t[i]->file = was;
	}
	return rc == -1 ? -1 : 0;
}

static int
seqcmp(const struct row *a, const struct row *b)
{
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int idx_col;

static int
cmp_idx(const void *pa, const void *pb)
{
	const struct row *a = *(const struct row *const *)pa;
	const struct row *b = *(const struct row *const *)pb;
	int c;

	if ((c = strcmp(a->f[idx_col], b->f[idx_col])) != 0)
		return c;
	return seqcmp(a, b);
}

int
idx_build(struct idx *x, const struct table *t, int col)
{
	x->col = col;
	x->n = t->n;
	x->r = malloc((t->n ? t->n : 1) * sizeof(*x->r));
	if (x->r == NULL)
		return -1;
	if (t->n > 0)
		memcpy(x->r, t->rows, t->n * sizeof(*x->r));
	idx_col = col;
	qsort(x->r, x->n, sizeof(*x->r), cmp_idx);
	return 0;
}

void
idx_free(struct idx *x)
{
	free(x->r);
	x->r = NULL;
	x->n = 0;
}

const struct row **
idx_find(const struct idx *x, const char *key, size_t *n)
{
	size_t lo = 0, hi = x->n, mid, end;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(x->r[mid]->f[x->col], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < x->n && strcmp(x->r[end]->f[x->col], key) == 0;
	    end++)
		continue;
	*n = end - lo;
	return end > lo ? &x->r[lo] : NULL;
}

int
value_of(const char *value, const char *flags, double *v)
{
	char *end;

	*v = 0;
	if (flags != NULL && strstr(flags, "not_a_number") != NULL)
		return -1;
	if (value == NULL || *value == '\0')
		return 0;
	*v = strtod(value, &end);
	if (end == value || *end != '\0')
		return -1;
	return 1;
}
