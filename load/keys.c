/*
 * keys.c: the metric keys of SCHEMA.md as data.  The tables below are the
 * rows and columns of the printed forms; the key lists are built from them
 * once.  tests/unit/test_load_keys.c checks them against the truth files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"

const char *const applicants[7] = {
	"person", "business", "research", "nonprofit", "legal", "other_org",
	"total"
};

/* 二、主动公开: gov2019 and gov2021 each, then both merged in one order. */
static const char *const active2019[] = {
	"rules.made", "rules.published", "rules.total",
	"normative.made", "normative.published", "normative.total",
	"license.prev", "license.change", "license.decisions",
	"other_service.prev", "other_service.change", "other_service.decisions",
	"penalty.prev", "penalty.change", "penalty.decisions",
	"coercion.prev", "coercion.change", "coercion.decisions",
	"fee.prev", "fee.change",
	"procurement.items", "procurement.amount",
};
static const char *const active2021[] = {
	"rules.issued", "rules.repealed", "rules.in_force",
	"normative.issued", "normative.repealed", "normative.in_force",
	"license.decisions", "penalty.decisions", "coercion.decisions",
	"fee.amount",
};
static const char *const active_all[] = {
	"rules.made", "rules.published", "rules.total",
	"rules.issued", "rules.repealed", "rules.in_force",
	"normative.made", "normative.published", "normative.total",
	"normative.issued", "normative.repealed", "normative.in_force",
	"license.prev", "license.change", "license.decisions",
	"other_service.prev", "other_service.change", "other_service.decisions",
	"penalty.prev", "penalty.change", "penalty.decisions",
	"coercion.prev", "coercion.change", "coercion.decisions",
	"fee.prev", "fee.change", "fee.amount",
	"procurement.items", "procurement.amount",
};

/* 三: the rows; gov2019 has one 其他处理 row, gov2021 three. */
#define ROWS_HEAD "new", "carried_in", "granted", "partial", \
	"denied.state_secret", "denied.prohibited", "denied.security", \
	"denied.third_party", "denied.internal", "denied.process", \
	"denied.enforcement", "denied.query", "unavailable.not_held", \
	"unavailable.needs_creation", "unavailable.unclear", \
	"rejected.petition", "rejected.repeat", "rejected.publication", \
	"rejected.excessive", "rejected.confirm"
static const char *const rows2019[] = { ROWS_HEAD, "other",
	"closed_total", "carried_out" };
static const char *const rows2021[] = { ROWS_HEAD, "other.no_correction",
	"other.unpaid_fee", "other.other", "closed_total", "carried_out" };
static const char *const rows_all[] = { ROWS_HEAD, "other",
	"other.no_correction", "other.unpaid_fee", "other.other",
	"closed_total", "carried_out" };

/* 四: three groups of five columns. */
static const char *const appeal_groups[] = { "review", "suit_direct",
	"suit_after" };
static const char *const appeal_cols[] = { "upheld", "corrected", "other",
	"pending", "total" };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define KEYMAX 64

struct keylist {
	size_t n;
	char (*k)[KEYMAX];
	const char **p;
};

static struct keylist k2019, k2021, kall;
static const char **sorted;	/* kall's keys sorted, for key_rank */
static int built;

static void
add(struct keylist *l, const char *prefix, const char *a, const char *b)
{
	snprintf(l->k[l->n], KEYMAX, "%s.%s%s%s", prefix, a, b ? "." : "",
	    b ? b : "");
	l->p[l->n] = l->k[l->n];
	l->n++;
}

static void
build1(struct keylist *l, const char *const *active, size_t nactive,
    const char *const *rows, size_t nrows)
{
	size_t i, j, max = nactive + nrows * 7 + 15;

	l->k = calloc(max, KEYMAX);
	l->p = calloc(max + 1, sizeof(*l->p));
	if (l->k == NULL || l->p == NULL) {
		fputs("gk-load: out of memory\n", stderr);
		exit(2);
	}
	for (i = 0; i < nactive; i++)
		add(l, "active", active[i], NULL);
	for (i = 0; i < nrows; i++)
		for (j = 0; j < 7; j++)
			add(l, "requests", rows[i], applicants[j]);
	for (i = 0; i < NELEM(appeal_groups); i++)
		for (j = 0; j < NELEM(appeal_cols); j++)
			add(l, "appeals", appeal_groups[i], appeal_cols[j]);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void
build(void)
{
	if (built)
		return;
	build1(&k2019, active2019, NELEM(active2019), rows2019,
	    NELEM(rows2019));
	build1(&k2021, active2021, NELEM(active2021), rows2021,
	    NELEM(rows2021));
	build1(&kall, active_all, NELEM(active_all), rows_all,
	    NELEM(rows_all));
	if ((sorted = malloc(kall.n * sizeof(*sorted))) == NULL) {
		fputs("gk-load: out of memory\n", stderr);
		exit(2);
	}
	memcpy(sorted, kall.p, kall.n * sizeof(*sorted));
	qsort(sorted, kall.n, sizeof(*sorted), cmpstr);
	built = 1;
}

const char *const *
keys_of(const char *template, size_t *n)
{
	build();
	if (strcmp(template, "gov2019") == 0) {
		*n = k2019.n;
		return k2019.p;
	}
	if (strcmp(template, "gov2021") == 0) {
		*n = k2021.n;
		return k2021.p;
	}
	*n = 0;
	return NULL;
}

long
key_rank(const char *metric)
{
	const char **hit;

	build();
	hit = bsearch(&metric, sorted, kall.n, sizeof(*sorted), cmpstr);
	if (hit == NULL)
		return KEY_RANK_UNKNOWN;
	/* *hit points at kall.k[i]: its index is the rank. */
	return (long)(((const char (*)[KEYMAX])*hit) - kall.k);
}
