/*
 * tx.h: the parts of gk-transform and how they fit.
 *
 *   run.c     the stream: records in, one report per report page out
 *             (tx_run, callable on any FILE; main.c is its options)
 *   version.c the values read from one reading of one document, hashed
 *   value.c   one printed cell -> value, unit, flags
 *   doc.c     a reading's paras and cells -> tokens and units (a label
 *             and the figures after it)
 *   match.c   a label against a table's row labels: bounded edit distance
 *   align.c   a table's rows placed on a document's units by order and
 *             edit distance together
 *   columns.c which printed column of table 三 is which applicant
 *   read.c    bids of the forms, the tables read, the values written
 *   legacy.c  the 统计表 of the reports before 2019
 *   meta.c    agency, year, title, publication date from the text
 *   check.c   the consistency checks, each with its sentence
 *   merge.c   the versions (documents, readings) of one report page
 *   pending.c report pages without tables that wait for their attachments
 *
 * The forms themselves (tables, rows, columns, labels, keys, checks) are
 * common/schema.h: nothing here names a row.
 */
#ifndef GK_TX_H
#define GK_TX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/schema.h"

#define TX_LABEL_MAX	1024	/* bytes of a label, normalised */
#define TX_FIELD_MAX	4096	/* bytes of a raw cell kept in a metric */
#define TX_MAX_METRICS	200000	/* values of one version */

/* ---- value.c ---- */

enum { TXF_BLANK = 1, TXF_NAN = 2, TXF_CONVERTED = 4, TXF_OCR = 8,
    TXF_MISSING = 16 };

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
/* Does the text start with a character no value starts with (a word:
 * 本年新收…)?  A cheap no for tx_value_like and its kin. */
int tx_word_start(const char *text);
/* "blank,ocr" ... */
void tx_flags_str(int flags, char *out, size_t outsz);

/* ---- version.c: what one reading of one document gave ---- */

/* Where a value was read: the para or cell (SEQ), the cell's table, row
 * and column (cell set), the page (0: none). */
struct tx_where {
	unsigned long seq;
	int cell, table, row, col, page;
};

struct tx_metric {
	char *key, *value, *unit, *raw;	/* one block: tx_metric_set */
	int flags;
	int nfound;		/* how many times the key was printed */
	struct tx_where at;
};

struct tx_item {
	int cell;		/* 1 cell, 0 para */
	unsigned long seq;
	int table, row, col;
	int span;		/* columns a cell spans (1) */
	int page;		/* 0: the format has no pages */
	char *text;
};

struct tx_version {
	char *doc, *type, *page, *title, *agency, *published, *status;
	char *reading;		/* NULL: the document's only reading */
	int ocr;		/* pages read by OCR (note ocr) */
	long boxes;		/* missing-glyph boxes seen (note
				 * missing_glyphs) */
	int failed;		/* gk-extract sent an error for it */
	int toomany;		/* over a bound: the rest was not read */
	int structured;		/* values read from table cells */
	const struct gk_form *form;	/* NULL: no template */
	char missing[512];	/* what no_template says */
	int tie;		/* no template because forms tied */
	struct tx_metric *m;
	int nm, capm;
	uint32_t *slot;		/* hash of m by key: index + 1 */
	unsigned nslot;
	int overflow;		/* a value was dropped: over TX_MAX_METRICS */
	/* metadata found in the text */
	char *t_agency, *t_year, *t_title, *t_published;
	char *t_page_agency;	/* the page's 来源 when no heading names
				 * the agency */
	char *t_body_year;	/* the year the statistics are of, as the
				 * body says it (统计期限自2020年1月1日 …) */
	/* the content, until it is read */
	struct tx_item *items;
	int nitems, capitems;
	int nchecks;		/* failed checks (set by the merge) */
	int complete;		/* every key of its form found once */
};

/* Add a value (at may be NULL: nowhere in particular).  A key printed
 * again only counts (template_shape).  Returns -1 when out of memory or
 * over TX_MAX_METRICS (v->overflow is set). */
int tx_version_add(struct tx_version *, const char *key,
    const struct tx_value *, const struct tx_where *at);
/* A metric's value, unit and raw replaced (its four strings are one
 * block, freed with its key: never one by one).  -1: out of memory. */
int tx_metric_set(struct tx_metric *, const char *value, const char *unit,
    const char *raw);
struct tx_metric *tx_version_get(const struct tx_version *, const char *key);
void tx_version_free(struct tx_version *);
void tx_metrics_free(struct tx_version *);
/* Move the metrics of src into dst (dst's are freed). */
void tx_metrics_move(struct tx_version *dst, struct tx_version *src);

/* ---- doc.c: a reading as tokens and units ---- */

struct tx_tok {
	const char *text;
	char *norm;		/* gk_label_norm of the text */
	unsigned long seq;
	int cell, table, row, col, page;
	int span;		/* columns a cell spans */
	int vlike;		/* reads as a value */
	int empty;		/* an empty para: a blank cell of a page that
				 * prints one <p> per cell */
	int blank;		/* nothing but white space */
	char *own;		/* the text, when the token is part of a para */
};

/*
 * A unit: label tokens [a, b), then the figures [b, c) that follow them.
 * Read from cells, a unit is one table row (its leading label cells, then
 * every cell after them); read from paras and cells in reading order
 * (tokens), a run of labels and the run of figures after it.
 */
struct tx_unit {
	int a, b, c;
	int claimed;		/* taken by an unlabelled table (四) */
};

/* A label of a unit as the alignment compares it (align.c): its last k
 * label tokens joined, or joined with a line of it printed as a row of
 * its own (join -1: the unit before, 1: the unit after, when that unit is
 * not claimed). */
struct tx_ulab {
	size_t norm;		/* in the document's npool */
	size_t cp;		/* its code points, in cpool */
	int n;			/* code points (at most TX_PAT_MAX) */
	int whole;		/* n is all of them: a suffix is a label too */
	uint64_t bloom;
	int k;			/* label tokens it spans */
	int join;
};

struct tx_doc {
	struct tx_tok *t;
	int n;
	int hascells;
	struct tx_unit *u;	/* the units of the reading being made */
	int nu, capu;
	int cells;		/* the units are table rows */
	int ocr;		/* its pages were read by OCR */
	/* the units' labels, made once for the units (align.c) */
	int labs;		/* made */
	int *ulab;		/* per unit: first label, 2 * unit + 1 how
				 * many */
	struct tx_ulab *lab;
	int nlab, caplab;
	unsigned *cpool;
	size_t ncp, capcp;
	char *npool;
	size_t nnp, capnp;
};

/* Copy s into out, cut at a character's start to fit; returns the
 * length. */
size_t tx_copy(char *out, size_t outsz, const char *s);
/* The same for s and then t, joined. */
size_t tx_join(char *out, size_t outsz, const char *s, const char *t);

/* Tokens of the version's items (sorted by SEQ); -1 when out of memory. */
int tx_doc_open(struct tx_doc *, struct tx_version *);
/* The units read from cells (cells 1) or tokens (cells 0). */
int tx_doc_units(struct tx_doc *, int cells);
void tx_doc_close(struct tx_doc *);
/* Is token t where a figure stands (a value, or an empty para)? */
int tx_tok_figure(const struct tx_tok *);

/* ---- match.c: labels against a table's rows ---- */

/* gk_label_norm of a label of the schema (or any short text), computed
 * once and kept: the pointer stays valid. */
const char *tx_snorm(const char *label);

#define TX_PAT_MAX	128	/* code points of a label compared */

/* A normalised label ready to compare. */
struct tx_pat {
	unsigned cp[TX_PAT_MAX];
	int n;
	uint64_t bloom;		/* which characters it has */
};

/* The code points of a label kept elsewhere (a pattern's, a unit's in
 * its document's pool, the end of either). */
struct tx_lab {
	const unsigned *cp;
	int n;
	uint64_t bloom;
};

void tx_pat_make(struct tx_pat *, const char *norm);
/* The view of a pattern; the set of characters of n code points. */
struct tx_lab tx_pat_lab(const struct tx_pat *);
uint64_t tx_bloom(const unsigned *cp, int n);
/* The edit distance of a and b in code points, or max + 1 as soon as it is
 * over max (a length and a character-set bound first, then the band of
 * the distance within max). */
int tx_pat_dist(const struct tx_pat *a, const struct tx_pat *b, int max);
int tx_lab_dist(const struct tx_lab *a, const struct tx_lab *b, int max);
/* The largest distance at which a label of n code points is the row's by
 * its label alone (strict), or when its neighbours say so (placed). */
/* Is norm (tx_snorm'd) the header word head, one character misread or
 * left out or in forgiven from three characters on? */
int tx_head_is(const char *norm, const char *head);
int tx_cap_strict(int n);
int tx_cap_placed(int n);
/* A label of its numbering alone (（三）, 2.: the rest misread or left
 * out): its row is known by its place, and must be numbered so.  *m gets
 * the numbering; tx_same_mark: is a row's printed numbering m? */
struct zh_numbering;
int tx_bare_mark(const char *label, struct zh_numbering *m);
int tx_same_mark(const char *num, const struct zh_numbering *m);

/* The rows of a table as the alignment sees them (built once a table). */
struct tx_trow {
	const struct gk_row *row;
	int idx;		/* in table->rows */
	struct tx_pat pat[4];	/* its label and variants */
	struct tx_lab lab[4];	/* the same, as views */
	int capp[4];		/* tx_cap_placed of each */
	int npat;
	int unique;		/* no other form prints a row with figures
				 * so labelled: evidence of its form */
};

#define TX_MAX_TROWS	128

struct tx_ttable {
	const struct gk_table *table;
	const struct gk_form *form;
	struct tx_trow r[TX_MAX_TROWS];	/* figure rows, in print order */
	int nr;
	/* the labels of its groups, normalised (三、本年度办理结果 ->
	 * 本年度办理结果), to strip from a label printed with its group */
	char groups[16][96];
	int ngroups;
};

/* The alignment's view of a table (cached; NULL when it has no rows). */
const struct tx_ttable *tx_ttable(const struct gk_form *,
    const struct gk_table *);
/* Strip the group labels printed in front of a row's own label. */
const char *tx_ungroup(const struct tx_ttable *, const char *norm);
/* The code points of a group label of the table that norm ends with, more
 * before it (其他对外管理服务事项第二十条第项: the next rows' caption run
 * on after a row's label), or 0. */
int tx_group_tail(const struct tx_ttable *, const char *norm);
/* Is s nothing but missing-glyph boxes (U+FFFD) and white space? */
int tx_boxes_only(const char *s);
/*
 * The row of tt a label is by its label alone: exact, else the unique
 * closest within tx_cap_strict (labels of 4 or more code points).
 * Returns the row's index in tt->r or -1; *dist gets the distance.
 */
int tx_match_row(const struct tx_ttable *, const char *norm, int *dist);

/* ---- align.c ---- */

/* A unit that may be a row: its distance, its weight, its chain. */
struct tx_cand {
	int unit, trow, dist, len, span, ok;
	int join;		/* its label joined with the line before (-1) or
				 * after (1) it, a unit of its own; or 0 */
	long w;
	int prev;		/* the candidate before it in the best chain */
	long best;		/* the chain's weight ending here */
};

/*
 * The heaviest chain of candidates (sorted by unit) strictly increasing in
 * unit and in trow (< nrows): the alignment of a weighted longest common
 * subsequence.  Returns the index of its last candidate, or -1; walk back
 * by prev.
 */
int tx_chain(struct tx_cand *, int n, int nrows);
/*
 * Keep of each unit's candidates (sorted by unit) those at its least
 * distance (a label is the row it is closest to, never another placed by
 * its neighbours), and none farther than tx_cap_strict on a row whose label
 * is printed exactly somewhere (no lookalike of a row printed).  Returns
 * how many are left.
 */
int tx_prune(struct tx_cand *, int n, int nrows);

/* One row placed on one unit. */
struct tx_place {
	int unit;
	int trow;		/* index in tt->r */
	int dist;		/* edit distance of its label */
	int len;		/* code points of the row's label */
	int span;		/* label tokens of the unit used (from b back) */
	int ok;			/* the unit has the row's figures */
};

struct tx_align {
	struct tx_place *p;	/* by unit order */
	int n, cap;
	long score;		/* how well the table fits */
	int rows;		/* rows placed with all their figures */
	int unique;		/* of those, rows only this form prints */
};

/*
 * Place the rows of tt on the units of d: the best order-keeping
 * assignment by label distance (a gap for a row the document leaves out,
 * for a unit that is no row), a label far from its row kept only between
 * its neighbouring rows; then units left over whose label is a row's by
 * itself (a row out of order, a row printed twice).  width(trow) is the
 * figures the row needs.  Returns -1 when out of memory.
 */
int tx_align(struct tx_doc *, const struct tx_ttable *,
    int (*width)(void *, const struct tx_trow *), void *arg,
    struct tx_align *);
void tx_align_free(struct tx_align *);

/* ---- columns.c ---- */

/* The value columns of 三 as a document's header prints them. */
struct tx_cols3 {
	int n;			/* 7, or 8 with the 小计 */
	int order[8];		/* column index (gk_cols_applicants) left to
				 * right */
	int head;		/* the header was complete */
};

/* cols: the applicant columns of the schema (GK_NAPPLICANTS). */
void tx_columns3(const struct tx_doc *, const struct gk_col *cols, int ncols,
    struct tx_cols3 *);

/* ---- read.c, legacy.c, meta.c ---- */

/* read.c: the version's items -> metrics and form. */
void tx_read(struct tx_version *);
/* legacy.c: the 统计表 from the 统计指标 header on: rows read, or -1 when
 * the document has none. */
int tx_read_legacy(const struct tx_doc *, const struct gk_form *,
    struct tx_version *);
/* meta.c: agency, year, title, published from the paras. */
void tx_meta(struct tx_version *);
/* The first year (1990-2099) of s printed as NNNN年 in any digits or
 * numerals, or -1; *at gets where it starts, *end where 年 ends. */
int tx_find_year(const char *s, const char **at, const char **end);

/* ---- check.c ---- */

struct tx_check {
	char name[32];
	char where[160];
	char expected[160];
	char found[TX_FIELD_MAX + 32];
};

/* One sentence saying what a failed check found, with its figures and
 * the printed labels. */
void tx_check_message(const struct gk_form *, const char *name,
    const char *where, const char *expected, const char *found, char *out,
    size_t outsz);
/* Fill up to max failed checks of the version; returns how many failed. */
int tx_checks(const struct tx_version *, struct tx_check *, int max);
/* Decimal number formatting used by the checks. */
void tx_num_str(double, char *out, size_t outsz);
/* Every key of the version's form found exactly once? */
int tx_complete(const struct tx_version *);

/* ---- merge.c ---- */

/* Emit the report of these versions (one page); when no version has a
 * template, the no_template errors.  Returns 1 when it wrote an error. */
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
/* Forget every page (a new run). */
void tx_pending_reset(void);

/* ---- run.c ---- */

/*
 * Read a record stream from in (name for messages) and write its reports,
 * metrics, checks and errors to out, passing every other record on.
 * sniff: first check that in is a record stream at all (common/input.h:
 * one line and exit 2 when it is not, as the program does).  Returns
 * GK_EXIT_OK, GK_EXIT_DOCS when some document gave an error record, or
 * GK_EXIT_RUN (a stream of the wrong stage, a read error); exits only on
 * out-of-memory.  Callable again on another stream (no state is kept).
 */
int tx_run(FILE *in, const char *name, FILE *out, int sniff);

#endif
