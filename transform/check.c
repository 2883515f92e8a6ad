/*
 * check.c: the consistency checks of SCHEMA.md within one report.
 *
 * In sums a blank cell counts as 0, and so does a row the report left out
 * (which is a template_shape failure of its own); a cell that is not a
 * number makes the check unknowable, and it is skipped.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tx.h"

void
tx_num_str(double d, char *out, size_t outsz)
{
	snprintf(out, outsz, "%.15g", d);
	if (strcmp(out, "-0") == 0)
		snprintf(out, outsz, "0");
}

void
tx_check_message(const char *name, const char *where, const char *expected,
    const char *found, char *out, size_t outsz)
{
	if (strcmp(name, "row_total") == 0)
		snprintf(out, outsz, "table 三, row %s: the six applicant "
		    "columns add up to %s, but its 总计 is %s", where,
		    expected, found);
	else if (strcmp(name, "closed_total") == 0)
		snprintf(out, outsz, "table 三, column %s: the outcomes "
		    "(予以公开 … 其他处理) add up to %s, but （七）总计 is %s",
		    where, expected, found);
	else if (strcmp(name, "balance") == 0)
		snprintf(out, outsz, "table 三, column %s: new plus carried-in "
		    "requests are %s, but closed plus carried-out are %s "
		    "(the form's own rule: 一 + 二 = 三 + 四)", where, expected,
		    found);
	else if (strcmp(name, "appeals_total") == 0)
		snprintf(out, outsz, "table 四, %s: 维持 + 纠正 + 其他 + 尚未审结 "
		    "add up to %s, but its 总计 is %s", where, expected, found);
	else if (strcmp(name, "template_shape") == 0)
		snprintf(out, outsz, strcmp(found, "0") == 0 ?
		    "%s: the template has this figure once; the report does "
		    "not print it%.0s" : "%s: the template has this figure "
		    "once; the report prints it %s times", where, found);
	else if (strcmp(name, "format_mismatch") == 0)
		snprintf(out, outsz, "%s: the version kept says %s, another "
		    "version of the report says %s", where, expected, found);
	else
		snprintf(out, outsz, "%s: expected %s, found %s", where,
		    expected, found);
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

/* Is this row of 三 part of the report: in its template or printed? */
static int
row_in(const struct tx_version *v, const struct tx_row *r)
{
	char key[160];
	int c;

	if (tx_tmpl_has_request(v->tmpl, r))
		return 1;
	for (c = 0; c < 7; c++) {
		snprintf(key, sizeof(key), "%s.%s", r->key, tx_applicants[c]);
		if (tx_version_get(v, key) != NULL)
			return 1;
	}
	return 0;
}

/* Rows of 三 once each (two patterns may share a key). */
static int
first_of_key(int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (strcmp(tx_requests[j].key, tx_requests[i].key) == 0)
			return 0;
	return 1;
}

static int
result_row(const struct tx_row *r)
{
	static const char *const p[] = {
		"requests.granted", "requests.partial", "requests.denied.",
		"requests.unavailable.", "requests.rejected.", "requests.other",
		NULL
	};
	int i;

	for (i = 0; p[i] != NULL; i++)
		if (strncmp(r->key, p[i], strlen(p[i])) == 0)
			return 1;
	return 0;
}

static void
requests(const struct tx_version *v, struct out *o)
{
	char key[160];
	double s, t, a, b;
	int i, c, bad;

	for (i = 0; i < tx_nrequests; i++) {
		const struct tx_row *r = &tx_requests[i];

		if (!first_of_key(i) || !row_in(v, r))
			continue;
		s = t = 0;
		bad = 0;
		for (c = 0; c < 6; c++) {
			snprintf(key, sizeof(key), "%s.%s", r->key,
			    tx_applicants[c]);
			bad |= add(v, key, &s);
		}
		snprintf(key, sizeof(key), "%s.total", r->key);
		bad |= add(v, key, &t);
		if (!bad && differ(s, t))
			fail(o, "row_total", r->key + strlen("requests."), s, t);
	}
	for (c = 0; c < 7; c++) {
		const char *col = tx_applicants[c];

		s = t = 0;
		bad = 0;
		for (i = 0; i < tx_nrequests; i++) {
			const struct tx_row *r = &tx_requests[i];

			if (!first_of_key(i) || !result_row(r) || !row_in(v, r))
				continue;
			snprintf(key, sizeof(key), "%s.%s", r->key, col);
			bad |= add(v, key, &s);
		}
		snprintf(key, sizeof(key), "requests.closed_total.%s", col);
		bad |= add(v, key, &t);
		if (!bad && differ(s, t))
			fail(o, "closed_total", col, s, t);
	}
	for (c = 0; c < 7; c++) {
		const char *col = tx_applicants[c];

		a = b = 0;
		bad = 0;
		snprintf(key, sizeof(key), "requests.new.%s", col);
		bad |= add(v, key, &a);
		snprintf(key, sizeof(key), "requests.carried_in.%s", col);
		bad |= add(v, key, &a);
		snprintf(key, sizeof(key), "requests.closed_total.%s", col);
		bad |= add(v, key, &b);
		snprintf(key, sizeof(key), "requests.carried_out.%s", col);
		bad |= add(v, key, &b);
		if (!bad && differ(a, b))
			fail(o, "balance", col, a, b);
	}
}

static void
appeals(const struct tx_version *v, struct out *o)
{
	static const char *const groups[] = {
		"review", "suit_direct", "suit_after"
	};
	static const char *const parts[] = {
		"upheld", "corrected", "other", "pending"
	};
	char key[96];
	double s, t;
	int g, p, bad;

	for (g = 0; g < 3; g++) {
		s = t = 0;
		bad = 0;
		for (p = 0; p < 4; p++) {
			snprintf(key, sizeof(key), "appeals.%s.%s", groups[g],
			    parts[p]);
			bad |= add(v, key, &s);
		}
		snprintf(key, sizeof(key), "appeals.%s.total", groups[g]);
		bad |= add(v, key, &t);
		if (!bad && differ(s, t))
			fail(o, "appeals_total", groups[g], s, t);
	}
}

static void
shape(const struct tx_version *v, struct out *o)
{
	const char *keys[256];
	const struct tx_metric *m;
	int n, i, j;

	n = tx_tmpl_keys(v->tmpl, keys, 256);
	for (i = 0; i < n; i++) {
		m = tx_version_get(v, keys[i]);
		if (m == NULL || m->nfound != 1)
			fail(o, "template_shape", keys[i], 1,
			    m == NULL ? 0 : m->nfound);
	}
	for (i = 0; i < v->nm; i++) {
		if (v->m[i].nfound == 1)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(keys[j], v->m[i].key) == 0)
				break;
		if (j == n)
			fail(o, "template_shape", v->m[i].key, 1,
			    v->m[i].nfound);
	}
}

int
tx_checks(const struct tx_version *v, struct tx_check *c, int max)
{
	struct out o = { c, 0, max };

	if (v->tmpl == TX_GOV2019 || v->tmpl == TX_GOV2021) {
		requests(v, &o);
		appeals(v, &o);
	}
	shape(v, &o);
	return o.n;
}
