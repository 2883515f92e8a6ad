/*
 * template.h: one report template of gk-transform behind one small
 * interface, the way gk-extract has one file per format (extract/format.h;
 * libarchive's archive_read_support_format_*.c).  Each tmpl_*.c exports a
 * single const struct tx_template; everything else in it is static.
 * template.c holds the rows the national forms share (tables 三 and 四)
 * and the list of templates.
 */
#ifndef GK_TX_TEMPLATE_H
#define GK_TX_TEMPLATE_H

enum tx_tmpl { TX_NONE = 0, TX_GOV2019, TX_GOV2021, TX_LEGACY };
#define TX_NTMPL	4	/* enum tx_tmpl values, TX_NONE included */

/* One printed row of a fixed table and the keys of its figures. */
struct tx_row {
	const char *pat;	/* normalised label */
	const char *key;	/* key, or prefix for the columns */
	int ncol;
	const char *const *cols;	/* column suffixes, NULL: key itself */
	int amount;		/* the last column is money */
};

struct tx_template {
	enum tx_tmpl id;
	const char *name;	/* TEMPLATE of the report record */
	/*
	 * Table 二 (主动公开), one row per printed wording (a key may have
	 * several); none for the legacy form, which is keyed by its labels.
	 */
	const struct tx_row *active;
	int nactive;
	/* The header of table 二's money column, whose parentheses may give
	 * the unit of its figures: 采购总金额(万元). */
	const char *amount_hdr;
	/* Does the template have this row of the shared table 三 (（六）其他
	 * 处理 alone, or split in three)? */
	int (*has_request)(const struct tx_row *);
	/*
	 * A vote from one label seen in the document (normalised): 1 when
	 * the label belongs to this template and to no other (a header word
	 * of its table 二, the legacy 统计指标), else 0.  The template of
	 * table 二 is the one with the most votes.
	 */
	int (*bid)(const char *norm);
};

extern const struct tx_template tx_tmpl_gov2019;
extern const struct tx_template tx_tmpl_gov2021;
extern const struct tx_template tx_tmpl_legacy;
/* NULL-terminated (template.c). */
extern const struct tx_template *const tx_templates[];

/* The template of an id, NULL for TX_NONE. */
const struct tx_template *tx_template(enum tx_tmpl);
const char *tx_tmpl_name(enum tx_tmpl);

/* Shared by the national forms (template.c). */
extern const char *const tx_applicants[7];
extern const char *const tx_appeal_keys[15];
extern const struct tx_row tx_requests[];	/* table 三 */
extern const int tx_nrequests;

/* Does a template define this request row (other vs other.*)? */
int tx_tmpl_has_request(enum tx_tmpl, const struct tx_row *);
/* Every key of a gov template, in print order; returns the count. */
int tx_tmpl_keys(enum tx_tmpl, const char **keys, int max);
/* The template whose table 二 a header label votes for, or TX_NONE. */
enum tx_tmpl tx_active_vote(const char *norm);

#endif
