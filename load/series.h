/*
 * series.h: the concepts every form shares (requests received, granted,
 * denied, appeals, ...), comparable across legacy, gov2019 and gov2021,
 * from the crosswalk config/series.tsv: for each series and template, the
 * keys whose values add up to it.  A legacy key is matched by its labels
 * without their numbering (七、依申请公开信息收取的费用 and
 * 九、依申请公开信息收取的费用 are one row).
 */
#ifndef GK_LOAD_SERIES_H
#define GK_LOAD_SERIES_H

#include <stddef.h>

#define SERIES_MAX_PARTS 16

struct series_def {
	char series[64];
	char template[32];
	int nkey;
	char key[SERIES_MAX_PARTS][256];	/* as matched (series_key) */
	char label[256], description[512];	/* the first row's */
};

struct crosswalk {
	struct series_def *s;
	size_t n;
};

/* Read the crosswalk (NULL file: none). 0 or -1 after a message. */
int series_read(struct crosswalk *, const char *file);
void series_free(struct crosswalk *);
/*
 * The form a key is matched in: a national key as it is; a legacy key
 * (legacy.SECTION.ROW) as its labels without their numbering, NFKC, no
 * white space: 依申请公开情况.收到申请数.
 */
void series_key(const char *metric, char *out, size_t n);

/* A value of a report, for series_compute. */
struct series_in {
	const char *key;	/* series_key of the metric */
	const char *value;	/* "" when blank or not a number */
	const char *flags;
};

struct series_out {
	const char *series;
	char value[64];		/* "" when none */
	char flags[128];
};

/*
 * The series of one report of template: out gets one entry per series
 * the report holds at least one part of.  Returns the count.
 */
size_t series_compute(const struct crosswalk *, const char *template,
    const struct series_in *in, size_t nin, struct series_out *out,
    size_t maxout);

#endif
