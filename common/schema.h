/*
 * schema.h: the forms of the 政府信息公开工作年度报告 as data, the one copy
 * for every stage (SCHEMA.md; templates.md §2-§5).
 *
 * A form (gov2019, gov2021, legacy) is a list of tables (二, 三, 四; the
 * legacy 统计表).  A table is its rows in print order: rows with figures
 * (their key, or the prefix of their columns' keys) and group labels over
 * the rows below them (三、本年度办理结果, （三）不予公开, the captions
 * 第二十条第（一）项 of table 二).  A row with figures has its columns in
 * print order: the key suffix, the header as the form prints it, the
 * headers above it, the unit the form prints, whether it holds money.
 * Every printed label comes with the variants seen in real reports.
 *
 * gk-transform finds the rows of a document by aligning its labels to a
 * table's rows, gk-load names its columns and writes the dictionary from
 * the keys, gk-extract anchors tables without rulings on the headers.
 *
 * One file per form (common/form_*.c) exports a struct gk_form; schema.c
 * lists them.  Adding a form is that file and one line in gk_forms[].
 * The checks run on the reports are gk_checks[] (schema_checks.c).
 *
 * Everything here is const data or built once on first use; no function
 * allocates after that, and every function that writes takes the size of
 * its output.
 */
#ifndef GK_SCHEMA_H
#define GK_SCHEMA_H

#include <stddef.h>

#define GK_KEY_MAX	512	/* bytes of a key, legacy keys included */

/* One column of figures. */
struct gk_col {
	/* the key's last part (person, made, review.upheld); NULL for a
	 * column the form does not key (法人或其他组织小计): read, dropped */
	const char *suffix;
	const char *label;	/* the header as the form prints it */
	const char *const *variants;	/* other headers seen, NULL-ended */
	/* the header printed above this one and its neighbours, or NULL:
	 * 法人或其他组织, 行政诉讼 / 未经复议直接起诉 (levels parted by " / ") */
	const char *group;
	const char *unit;	/* the unit the form prints for it, or NULL */
	int money;		/* amounts of money (元 read as 万元, flagged) */
	int optional;		/* not on the form; some reports add it */
	const char *desc;	/* what its figures count, a few words */
};

enum gk_rowkind {
	GK_ROW_FIGURES,		/* a row of figures */
	GK_ROW_GROUP		/* a label over the rows below it */
};

struct gk_row {
	enum gk_rowkind kind;
	/* the key of a row with one figure and no columns, else the prefix
	 * of its columns' keys (requests.new -> requests.new.person); NULL
	 * for a group, and for the rows of a form keyed by their labels */
	const char *key;
	const char *num;	/* its numbering as printed: 一、 （三） 1. or "" */
	const char *label;	/* the label as printed, numbering left out */
	const char *const *variants;	/* other wordings seen, NULL-ended */
	/* nesting: 1 for 一、, 2 for （一）, 3 for 1., 4 for a row under
	 * those (其中：…); the rows after a group with a greater level are
	 * its own */
	int level;
	const struct gk_col *cols;	/* NULL: one figure, keyed by key */
	int ncols;
	const char *unit;	/* the unit the form prints for the row (the
				 * legacy 单位 column), or NULL */
	const char *desc;	/* what the row counts, a few words */
};

struct gk_table {
	const char *id;		/* 二 三 四 统计表 */
	const char *title;	/* 二、主动公开政府信息情况 */
	const char *label_head;	/* the header over the labels (信息内容,
				 * 统计指标), or NULL */
	/* the headers over the figures of rows without columns (单位,
	 * 统计数), NULL-ended, or NULL */
	const char *const *heads;
	const struct gk_row *rows;
	int nrows;
	/* 1: one row of figures and no row label, found by its column
	 * headers (table 四) */
	int unlabelled;
	/* how much the table's own labels weigh when a document's form is
	 * decided (table 二 decides, then 三: SCHEMA.md's mixed form) */
	int weight;
};

struct gk_form {
	const char *id;		/* the report's TEMPLATE: gov2019 */
	const char *name;	/* 国办公开办函〔2019〕60号 */
	const char *years;	/* the report years it was made for */
	const struct gk_table *tables;
	int ntables;
	/*
	 * 1: the form's rows vary by province, so a value is keyed by its
	 * printed labels (legacy.SECTION.ROW, gk_legacy_key); the rows
	 * listed are the ones known (Qingdao / Shandong 2018), which a
	 * misread label is aligned to.
	 */
	int by_label;
	const char *const *checks;	/* names of its checks, NULL-ended */
};

/* The forms, NULL-terminated, oldest first (schema.c). */
extern const struct gk_form *const gk_forms[];
/* The form of a TEMPLATE id, or NULL. */
const struct gk_form *gk_form(const char *id);
/* Its table of that id (二), or NULL. */
const struct gk_table *gk_form_table(const struct gk_form *, const char *id);

/* ---- keys ---- */

/* One key of a form, and where the form prints its figure. */
struct gk_key {
	const char *key;
	const struct gk_form *form;
	const struct gk_table *table;
	const struct gk_row *row;
	const struct gk_col *col;	/* NULL for a row without columns */
};

/* The keys of a form in print order (a form keyed by labels: those of its
 * known rows); 0 and NULL past the end. */
size_t gk_form_nkeys(const struct gk_form *);
const struct gk_key *gk_form_key(const struct gk_form *, size_t i);
/* A key of one form, or of any (the first form that has it); NULL when no
 * form knows it.  Hashed. */
const struct gk_key *gk_form_lookup(const struct gk_form *, const char *key);
const struct gk_key *gk_key_lookup(const char *key);
/*
 * A rank ordering every known key as the tables print them, the forms
 * merged (gov2019's 三（六） before gov2021's three rows, a row's columns of
 * every form together); keys no form knows rank after all, equal.
 */
long gk_key_rank(const char *key);
#define GK_RANK_UNKNOWN	1000000L

/* The printed labels of a key's row, its groups first, parted by " / "
 * (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密). */
size_t gk_key_row_label(const struct gk_key *, char *out, size_t outsz);
/* Its column's printed header, groups first (行政诉讼 / 复议后起诉 /
 * 结果维持); "" for a row without columns. */
size_t gk_key_col_label(const struct gk_key *, char *out, size_t outsz);
/* One line saying what the figure counts, English with the printed
 * labels. */
size_t gk_key_desc(const struct gk_key *, char *out, size_t outsz);
/* The group above a row (the nearest earlier row of a smaller level that
 * is a group), or NULL. */
const struct gk_row *gk_row_group(const struct gk_table *,
    const struct gk_row *);

/* ---- labels ---- */

/*
 * The form labels are matched in: look-alikes and full-width forms folded
 * (NFKC, common/zh), white space, quotes and punctuation dropped, leading
 * numbering (一、 （一） 1. 1、, doubled too) and parenthesised notes
 * removed (规章（市政府令） -> 规章), 【】 read as brackets.  U+FFFD, a
 * character the page does not show, is kept among other characters: the
 * transform matches it to any one (transform/match.c); a text of nothing
 * but U+FFFD (a figure or a unit drawn as boxes) normalises to "".
 */
size_t gk_label_norm(const char *in, char *out, size_t outsz);
/*
 * The legacy key form of a label (SCHEMA.md): white space removed,
 * brackets （ ）, colons and semicolons full-width (：；, as the forms
 * print them), full-width digits ASCII, everything else as printed.
 */
size_t gk_label_key(const char *in, char *out, size_t outsz);
/*
 * The key of a legacy value: legacy.SECTION.ROW, or legacy.SECTION for
 * the section's own row (row NULL or ""); labels in gk_label_key's form.
 * Returns the length; a key that does not fit is cut (out is always
 * terminated).
 */
size_t gk_legacy_key(const char *section, const char *row, char *out,
    size_t outsz);
/* The key of a row's column: ROW.SUFFIX (requests.new.natural); cut at a
 * character's start when it does not fit.  Returns the length. */
size_t gk_key_join(char *out, size_t outsz, const char *row,
    const char *suffix);
/* The unit in a header's brackets: 采购总金额(万元), 本年收费金额（单位：
 * 万元）, 申请人情况（件）; "" when there is none. */
size_t gk_header_unit(const char *label, char *out, size_t outsz);

/* ---- checks ---- */

struct gk_check {
	const char *name;	/* CHECK: row_total */
	const char *table;	/* the table it reads (三), or NULL */
	const char *where;	/* what WHERE holds */
	const char *expected;	/* what EXPECTED holds */
	const char *found;	/* what FOUND holds */
	const char *sentence;	/* the rule in one readable sentence */
	int across;		/* 1: across reports (gk-load runs it) */
};

/* Every check, NULL-name-terminated (schema_checks.c). */
extern const struct gk_check gk_checks[];
const struct gk_check *gk_check(const char *name);

#endif
