/*
 * tx.h: the parts of gk-transform and how they fit.
 *
 *   label.c   white space folding, label normalisation, fuzzy matching
 *   value.c   one printed cell -> value, unit, flags
 *   template.c the rows the national forms share, the list of templates
 *   tmpl_*.c  one template each (template.h): gov2019, gov2021, legacy
 *   read.c    a document's paras and cells -> metrics (one `version`)
 *   meta.c    agency, year, title, publication date from the text
 *   check.c   the consistency checks of SCHEMA.md
 *   merge.c   the versions of one report page -> one report
 *   pending.c report pages without tables that wait for their attachments
 */
#ifndef GK_TX_H
#define GK_TX_H

#include <stddef.h>
#include <stdio.h>

#include "template.h"

#define TX_LABEL_MAX	1024	/* bytes of a label, normalised */
#define TX_FIELD_MAX	4096	/* bytes of a raw cell kept in a metric */

/* ---- label.c ---- */

/* Next code point of a UTF-8 string (invalid bytes come back as U+FFFD). */
unsigned tx_utf8_next(const char **p);
/* Append a code point; returns bytes written (0 when it does not fit). */
size_t tx_utf8_put(char *out, size_t room, unsigned cp);
/* White space of any kind: ASCII, NBSP, U+3000, U+2000-U+200B, U+FEFF. */
int tx_is_space(unsigned cp);
/* Full-width ASCII forms (U+FF01-U+FF5E) as ASCII; others unchanged. */
unsigned tx_halfwidth(unsigned cp);
/* raw: white space folded to one ASCII space, trimmed. */
void tx_fold(const char *in, char *out, size_t outsz);
/*
 * The form labels are matched in: full-width ASCII made ASCII, white space,
 * quotes and punctuation dropped, leading numbering (一、 (一) 1.) and
 * parenthesised annotations removed.
 */
void tx_label_norm(const char *in, char *out, size_t outsz);
/* The legacy key form (SCHEMA.md): white space removed, brackets （ ）,
 * digits ASCII, everything else as printed. */
void tx_label_key(const char *in, char *out, size_t outsz);
/* Levenshtein distance in code points (bounded: long inputs give a big
 * number). */
int tx_editdist(const char *a, const char *b);
/*
 * Match a normalised label against n normalised patterns: exact first, then
 * the unique closest one within a quarter of its length (at least 4 code
 * points long).  Returns the index or -1.
 */
int tx_match(const char *norm, const char *const *pats, int n);
/* The unit inside a header label's parentheses: 采购总金额(万元),
 * 本年收费金额（单位：万元）.  "" when there is none. */
void tx_header_unit(const char *label, char *out, size_t outsz);
/* Is s (folded) a unit word such as 件, 条, 万元, 人次? */
int tx_is_unit(const char *s);

/* ---- value.c ---- */

enum { TXF_BLANK = 1, TXF_NAN = 2, TXF_CONVERTED = 4, TXF_OCR = 8 };

struct tx_value {
	char raw[TX_FIELD_MAX];	/* folded */
	char value[80];		/* plain ASCII number or "" */
	char unit[32];		/* printed in the cell, or "" */
	int flags;		/* TXF_* */
};

/* Read one cell.  amount: the column holds money (元 becomes 万元 with
 * TXF_CONVERTED). */
void tx_value_parse(const char *text, int amount, struct tx_value *);
/* Does the text read as a value (number, blank or placeholder like — / 无)
 * rather than a label? */
int tx_value_like(const char *text);
/* "blank,ocr" ... */
void tx_flags_str(int flags, char *out, size_t outsz);

/* ---- templates: template.h ---- */

/* ---- a read document ---- */

/* Where a value was read: the para or cell (SEQ), the cell's table, row
 * and column (cell set), the page (0: none). */
struct tx_where {
	unsigned long seq;
	int cell, table, row, col, page;
};

struct tx_metric {
	char *key, *value, *unit, *raw;
	int flags;
	int nfound;		/* how many times the key was printed */
	struct tx_where at;
};

struct tx_version {
	char *doc, *type, *page, *title, *agency, *published, *status;
	int ocr;		/* pages read by OCR (note ocr) */
	int failed;		/* gk-extract sent an error for it */
	int toomany;		/* over a bound: the rest was not read */
	int structured;		/* values read from table cells */
	enum tx_tmpl tmpl;
	char missing[256];	/* what no_template names */
	struct tx_metric *m;
	int nm, capm;
	/* metadata found in the text */
	char *t_agency, *t_year, *t_title, *t_published;
	/* the content, until it is read */
	struct tx_item *items;
	int nitems, capitems;
	int nchecks;		/* failed checks (set by the merge) */
	int complete;		/* every template key found once */
};

struct tx_item {
	int cell;		/* 1 cell, 0 para */
	unsigned long seq;
	int table, row, col;
	int page;		/* 0: the format has no pages */
	char *text;
};

/* at may be NULL (nowhere in particular). */
int tx_version_add(struct tx_version *, const char *key, const struct tx_value *,
    const struct tx_where *at);
struct tx_metric *tx_version_get(const struct tx_version *, const char *key);
void tx_version_free(struct tx_version *);
void tx_metrics_free(struct tx_version *);

/* read.c: the version's items -> metrics and template. */
void tx_read(struct tx_version *);
/* meta.c: agency, year, title, published from the paras. */
void tx_meta(struct tx_version *);

/* ---- check.c ---- */

struct tx_check {
	char name[32];
	char where[128];
	char expected[64];
	char found[TX_FIELD_MAX + 32];
};

/* One sentence saying what a failed check found, with its figures. */
void tx_check_message(const char *name, const char *where,
    const char *expected, const char *found, char *out, size_t outsz);
/* Fill up to max failed checks of the version; returns how many failed. */
int tx_checks(const struct tx_version *, struct tx_check *, int max);
/* Decimal number formatting used by the checks. */
void tx_num_str(double, char *out, size_t outsz);

/* ---- merge.c ---- */

/* Emit the report of these versions (one page) and free nothing; when no
 * version has a template, the no_template errors.  Returns 1 when it wrote
 * an error. */
int tx_report(FILE *out, struct tx_version **v, int n);

/* ---- pending.c ---- */

#define TX_PENDING_MAX	1024	/* versions waiting for their page */

/* A no_template error for each version that has no earlier error. */
int tx_no_template(FILE *out, struct tx_version **v, int n);
/* Hold a read version (no template, items freed) until its page reports;
 * takes ownership.  May write the errors of the oldest waiting page. */
int tx_pending_add(FILE *out, struct tx_version *v);
/* Remove and return the versions waiting for this page (v->page). */
int tx_pending_take(const char *page, struct tx_version **v, int max);
/* The input ended: every waiting version is a no_template error. */
int tx_pending_flush(FILE *out);
/* Pages that gave a report (bounded set of hashes). */
void tx_reported_mark(const char *page);
int tx_reported(const char *page);

#endif
