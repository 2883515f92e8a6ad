/*
 * keys.h: the metric keys of each national template, in SCHEMA.md order.
 */
#ifndef GK_LOAD_KEYS_H
#define GK_LOAD_KEYS_H

#include <stddef.h>

/* The keys of "gov2019" or "gov2021" in table order; NULL for others. */
const char *const *keys_of(const char *template, size_t *n);
/*
 * A rank that orders every known key as the tables print them (a key of
 * either template, gov2019's single 三（六） row included); unknown keys
 * (legacy ones) rank after all of them, equal, so a stable sort keeps their
 * printed order.
 */
long key_rank(const char *metric);
#define KEY_RANK_UNKNOWN 1000000L

/* The seven applicant columns of table 三. */
extern const char *const applicants[7];

#endif
