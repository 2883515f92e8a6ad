/*
 * merge.c: the versions of one report page (the HTML page and its .docx,
 * .pdf, .doc attachments) become one report.
 *
 * The kept version (SOURCE) is the best one: its template complete, then
 * its checks passing, then read from table cells rather than paragraphs,
 * then from text rather than OCR, then the first to arrive.  Every value
 * another version reads differently gives a format_mismatch check.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/hash.h"
#include "common/rec.h"
#include "tx.h"

#define MAXCHECKS 4096

static int
complete(const struct tx_version *v)
{
	const char *keys[256];
	const struct tx_metric *m;
	int n, i;

	n = tx_tmpl_keys(v->tmpl, keys, 256);
	for (i = 0; i < n; i++) {
		m = tx_version_get(v, keys[i]);
		if (m == NULL || m->nfound != 1)
			return 0;
	}
	return 1;
}

/* > 0 when a is better than b */
static int
better(const struct tx_version *a, const struct tx_version *b)
{
	if (a->complete != b->complete)
		return a->complete - b->complete;
	if ((a->nchecks == 0) != (b->nchecks == 0))
		return (a->nchecks == 0) - (b->nchecks == 0);
	if (a->structured != b->structured)
		return a->structured - b->structured;
	if ((a->ocr == 0) != (b->ocr == 0))
		return (a->ocr == 0) - (b->ocr == 0);
	return a->nm - b->nm;
}

static const char *
nz(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/* A string field of the kept version, else of the first version that has
 * it. */
static const char *
pick(struct tx_version **v, int n, const struct tx_version *best, size_t off)
{
	const char *s;
	int i;

	if ((s = nz(*(char *const *)((const char *)best + off))) != NULL)
		return s;
	for (i = 0; i < n; i++)
		if ((s = nz(*(char *const *)((const char *)v[i] + off))) !=
		    NULL)
			return s;
	return NULL;
}

static int
same_value(const char *a, const char *b)
{
	char *ea, *eb;
	double x, y;

	if (a[0] == '\0' || b[0] == '\0')
		return a[0] == b[0];
	x = strtod(a, &ea);
	y = strtod(b, &eb);
	if (*ea != '\0' || *eb != '\0')
		return strcmp(a, b) == 0;
	return x == y;
}

/* The trace fields of a metric: SEQ, TABLE, ROW, COL, PAGE (empty where
 * they do not apply). */
static void
trace(const struct tx_where *w, char at[5][24])
{
	int i;

	for (i = 0; i < 5; i++)
		at[i][0] = '\0';
	if (w->seq == 0)
		return;
	snprintf(at[0], sizeof(at[0]), "%lu", w->seq);
	if (w->cell) {
		snprintf(at[1], sizeof(at[1]), "%d", w->table);
		snprintf(at[2], sizeof(at[2]), "%d", w->row);
		snprintf(at[3], sizeof(at[3]), "%d", w->col);
	}
	if (w->page > 0)
		snprintf(at[4], sizeof(at[4]), "%d", w->page);
}

int
tx_report(FILE *out, struct tx_version **v, int n)
{
	static struct tx_check checks[MAXCHECKS];
	static char msg[TX_FIELD_MAX * 2 + 512];
	struct tx_version *best = NULL;
	char report[17], flags[64], found[TX_FIELD_MAX + 32], at[5][24];
	const char *agency = NULL, *year = NULL, *title, *pub;
	int i, j, nc, rc = 0;

	for (i = 0; i < n; i++) {
		if (v[i]->tmpl == TX_NONE)
			continue;
		v[i]->complete = complete(v[i]);
		v[i]->nchecks = tx_checks(v[i], checks, 0);
		if (best == NULL || better(v[i], best) > 0)
			best = v[i];
	}
	if (best == NULL)
		return tx_no_template(out, v, n);
	gk_doc_id(best->page, report);
	agency = nz(best->t_agency);
	year = nz(best->t_year);
	for (i = 0; i < n && (agency == NULL || year == NULL); i++) {
		if (agency == NULL)
			agency = nz(v[i]->t_agency);
		if (year == NULL)
			year = nz(v[i]->t_year);
	}
	if (agency == NULL)
		agency = nz(best->agency);
	/* the doc record's (the listing's) first, else as a version prints
	 * it: a report page prints its title and 发布日期 above the 附件 */
	title = pick(v, n, best, offsetof(struct tx_version, title));
	if (title == NULL)
		title = pick(v, n, best, offsetof(struct tx_version, t_title));
	pub = pick(v, n, best, offsetof(struct tx_version, published));
	if (pub == NULL)
		pub = pick(v, n, best, offsetof(struct tx_version,
		    t_published));
	gk_emit(out, GK_REPORT, report, best->page, agency, year,
	    tx_tmpl_name(best->tmpl), best->doc, best->status, title, pub);
	for (i = 0; i < best->nm; i++) {
		struct tx_metric *m = &best->m[i];

		tx_flags_str(m->flags | (best->ocr > 0 ? TXF_OCR : 0), flags,
		    sizeof(flags));
		trace(&m->at, at);
		gk_emit(out, GK_METRIC, report, m->key, m->value, m->unit,
		    m->raw, flags, best->doc, at[0], at[1], at[2], at[3], at[4]);
	}
	nc = tx_checks(best, checks, MAXCHECKS);
	for (i = 0; i < nc && i < MAXCHECKS; i++) {
		tx_check_message(checks[i].name, checks[i].where,
		    checks[i].expected, checks[i].found, msg, sizeof(msg));
		gk_emit(out, GK_CHECK, report, checks[i].name, checks[i].where,
		    checks[i].expected, checks[i].found, msg);
	}
	for (j = 0; j < n; j++) {
		if (v[j] == best || v[j]->tmpl == TX_NONE)
			continue;
		for (i = 0; i < best->nm; i++) {
			struct tx_metric *m = &best->m[i], *o;

			o = tx_version_get(v[j], m->key);
			if (o == NULL || same_value(m->value, o->value))
				continue;
			snprintf(found, sizeof(found), "%s@%s", o->value,
			    v[j]->doc);
			tx_check_message("format_mismatch", m->key, m->value,
			    found, msg, sizeof(msg));
			gk_emit(out, GK_CHECK, report, "format_mismatch",
			    m->key, m->value, found, msg);
		}
	}
	return rc;
}
