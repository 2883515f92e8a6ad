/*
 * merge.c: the versions of one report page (the HTML page and its .docx,
 * .pdf, .doc attachments, and each reading gk-extract gave of one of them)
 * become one report.
 *
 * The kept version (SOURCE) is the best one: its template complete, then
 * its checks passing, then read from table cells rather than paragraphs,
 * then from text rather than OCR, then more values, then the first to
 * arrive; when it is one of several readings of its document, a note
 * names the reading.  Every value another document reads differently
 * gives a format_mismatch check, and so does every value another complete
 * reading of the same document reads differently (an incomplete reading
 * is a failed one, not a second opinion).  A title whose year is not the
 * one the text's statistics are of, or whose agency is not the one the
 * document's own heading names, gives title_mismatch.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/hash.h"
#include "common/rec.h"
#include "common/zh.h"
#include "tx.h"

#define MAXCHECKS 4096

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
/* n in decimal, as %lu (neg: a minus sign first, as %d); out has room
 * for any unsigned long (24). */
static void
decimal(unsigned long n, int neg, char *out)
{
	char d[24];
	int k = 0;

	do
		d[k++] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	if (neg)
		*out++ = '-';
	while (k > 0)
		*out++ = d[--k];
	*out = '\0';
}

static void
int_str(int n, char *out)
{
	decimal(n < 0 ? 0UL - (unsigned long)n : (unsigned long)n, n < 0, out);
}

static void
trace(const struct tx_where *w, char at[5][24])
{
	int i;

	for (i = 0; i < 5; i++)
		at[i][0] = '\0';
	if (w->seq == 0)
		return;
	decimal(w->seq, 0, at[0]);
	if (w->cell) {
		int_str(w->table, at[1]);
		int_str(w->row, at[2]);
		int_str(w->col, at[3]);
	}
	if (w->page > 0)
		int_str(w->page, at[4]);
}

/* What precedes the year in a title (its agency), trimmed; "" when the
 * title has no year. */
static void
title_agency(const char *title, char *out, size_t outsz)
{
	const char *at;
	char f[512];

	out[0] = '\0';
	if (title == NULL || tx_find_year(title, &at, NULL) < 0 ||
	    (size_t)(at - title) >= sizeof(f))
		return;
	memcpy(f, title, (size_t)(at - title));
	f[at - title] = '\0';
	zh_squeeze(f, out, outsz);
}

/*
 * Two names of one agency share their characters: an abbreviation keeps
 * most of them (青岛高新区, 青岛高新技术产业开发区管理委员会; 市国资委,
 * 青岛市人民政府国有资产监督管理委员会).  Two agencies do not: less than
 * half of the shorter name's characters (past the place both begin with)
 * are in the longer.
 */
static int
other_agency(const char *a, const char *b)
{
	const char *s, *l, *p, *q;
	unsigned cp;
	int n = 0, in = 0;

	while (*a != '\0' && *a == *b)
		a++, b++;
	while (((unsigned char)*a & 0xc0) == 0x80)
		a--, b--;	/* at a character's start */
	s = strlen(a) <= strlen(b) ? a : b;
	l = s == a ? b : a;
	if (*s == '\0')
		return 0;
	for (p = s; (cp = zh_next(&p)) != 0; n++) {
		char ch[8];
		size_t k = zh_put(ch, sizeof(ch) - 1, cp);

		ch[k] = '\0';
		q = strstr(l, ch);
		in += q != NULL;
	}
	return in * 2 < n;
}

static void
title_check(FILE *out, const char *report, const struct tx_version *best,
    const char *title)
{
	char ta[512], ha[512], msg[1024], y[16];
	int ty, i, on = 0;

	for (i = 0; best->form->checks != NULL &&
	    best->form->checks[i] != NULL; i++)
		on |= strcmp(best->form->checks[i], "title_mismatch") == 0;
	if (!on || title == NULL)
		return;
	ty = tx_find_year(title, NULL, NULL);
	if (ty >= 0 && best->t_body_year != NULL &&
	    atoi(best->t_body_year) != ty) {
		snprintf(y, sizeof(y), "%d", ty);
		tx_check_message(best->form, "title_mismatch", "year",
		    best->t_body_year, y, msg, sizeof(msg));
		gk_emit(out, GK_CHECK, report, "title_mismatch", "year",
		    best->t_body_year, y, msg);
	}
	/* the title the report was listed under against the document's
	 * own heading */
	if (best->title == NULL || best->title[0] == '\0' ||
	    best->t_title == NULL)
		return;
	title_agency(best->title, ta, sizeof(ta));
	title_agency(best->t_title, ha, sizeof(ha));
	if (ta[0] != '\0' && ha[0] != '\0' && other_agency(ta, ha)) {
		tx_check_message(best->form, "title_mismatch", "agency", ha, ta,
		    msg, sizeof(msg));
		gk_emit(out, GK_CHECK, report, "title_mismatch", "agency", ha,
		    ta, msg);
	}
}

/*
 * Are the version's figures drawn as missing-glyph boxes: at least a
 * BOXED_SHARE of its value cells nothing but U+FFFD (tx_boxes_only, the
 * rule read.c counts them by too)?  Then the boxes OCR
 * saw (note missing_glyphs) are among its figures, and some may have been
 * read as 0s (a page turned askew blurs a box's sides): every value is
 * flagged.  Boxes among the labels, after a figure (its unit, 100.49��)
 * or in a few cells (a font of the totals without its 3) leave the
 * figures as drawn, the boxed ones not_a_number.
 */
#define BOXED_SHARE	10	/* one in ten */

static int
figures_boxed(const struct tx_version *v)
{
	int i, n = 0;

	if (v->boxes <= 0)
		return 0;
	for (i = 0; i < v->nm; i++)
		n += tx_boxes_only(v->m[i].raw);
	return n > 0 && n * BOXED_SHARE >= v->nm;
}

int
tx_report(FILE *out, struct tx_version **v, int n)
{
	/* the checks of the best version so far and of the one read: each
	 * version's are worked out once */
	static struct tx_check cka[MAXCHECKS], ckb[MAXCHECKS];
	struct tx_check *checks = cka, *cur = ckb, *sw;
	static char msg[TX_FIELD_MAX * 2 + 512];
	struct tx_version *best = NULL;
	char report[17], flags[64], found[TX_FIELD_MAX + 32], at[5][24];
	const char *agency = NULL, *year = NULL, *title, *pub;
	int i, j, nc, rc = 0, boxed;

	for (i = 0; i < n; i++) {
		if (v[i]->form == NULL)
			continue;
		v[i]->complete = tx_complete(v[i]);
		v[i]->nchecks = tx_checks(v[i], cur, MAXCHECKS);
		if (best == NULL || better(v[i], best) > 0) {
			best = v[i];
			sw = checks, checks = cur, cur = sw;
		}
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
	/* no heading names it: the page's 来源, else the listing's */
	for (i = 0; i < n && agency == NULL; i++)
		agency = nz(v[i]->t_page_agency);
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
	    best->form->id, best->doc, best->status, title, pub);
	if (best->reading != NULL)
		gk_emit(out, GK_NOTE, report, "reading", best->reading);
	boxed = figures_boxed(best);
	for (i = 0; i < best->nm; i++) {
		struct tx_metric *m = &best->m[i];

		tx_flags_str(m->flags | (best->ocr > 0 ? TXF_OCR : 0) |
		    (boxed ? TXF_MISSING : 0), flags, sizeof(flags));
		trace(&m->at, at);
		gk_emit(out, GK_METRIC, report, m->key, m->value, m->unit,
		    m->raw, flags, best->doc, at[0], at[1], at[2], at[3], at[4]);
	}
	nc = best->nchecks;
	for (i = 0; i < nc && i < MAXCHECKS; i++) {
		tx_check_message(best->form, checks[i].name, checks[i].where,
		    checks[i].expected, checks[i].found, msg, sizeof(msg));
		gk_emit(out, GK_CHECK, report, checks[i].name, checks[i].where,
		    checks[i].expected, checks[i].found, msg);
	}
	title_check(out, report, best, title);
	for (j = 0; j < n; j++) {
		if (v[j] == best || v[j]->form == NULL)
			continue;
		/* another reading of the same document: only a complete
		 * one is a second opinion */
		if (strcmp(v[j]->doc, best->doc) == 0 &&
		    (!v[j]->complete || !best->complete))
			continue;
		for (i = 0; i < best->nm; i++) {
			struct tx_metric *m = &best->m[i], *o;

			o = tx_version_get(v[j], m->key);
			if (o == NULL || same_value(m->value, o->value))
				continue;
			snprintf(found, sizeof(found), "%s@%s", o->value,
			    v[j]->doc);
			tx_check_message(best->form, "format_mismatch", m->key,
			    m->value, found, msg, sizeof(msg));
			if (v[j]->reading != NULL) {
				size_t l = strlen(msg);

				snprintf(msg + l, sizeof(msg) - l, "（%s读法）",
				    v[j]->reading);
			}
			gk_emit(out, GK_CHECK, report, "format_mismatch",
			    m->key, m->value, found, msg);
		}
	}
	return rc;
}
