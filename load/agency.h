/*
 * agency.h: agencies as entities.  Every name a report, a document or a
 * listing prints for its agency is matched by a key (common/zh: NFKC, no
 * white space), looked up in the alias table (config/agency-aliases.tsv)
 * and in the agencies the crawl knows of (config/agencies.tsv); the
 * canonical name is the one those tables give, else the first name the
 * data set saw.  The data set keeps every name seen beside it.
 */
#ifndef GK_LOAD_AGENCY_H
#define GK_LOAD_AGENCY_H

#include <stddef.h>

#include "db.h"

#define AGENCY_MAX 512

struct agency_conf;

/*
 * Read the alias table and the agency table (either file may be NULL:
 * none).  NULL after a message when a file cannot be read or is not in
 * the expected form.
 */
struct agency_conf *agency_conf_read(const char *aliases, const char *agencies);
void agency_conf_free(struct agency_conf *);
/* A digest of both tables, to notice when they change. */
const char *agency_conf_digest(const struct agency_conf *);

/* The key names are matched by: NFKC, white space removed. */
void agency_key(const char *name, char *out, size_t n);

/*
 * The canonical agency of a printed name, into canon and key (both
 * AGENCY_MAX), adding the agency and the name to the store when new;
 * seen_in says where the name was printed (report, document, listing).
 * An empty name gives empty canon and key.  0 or -1 (store error).
 */
int agency_resolve(sqlite3 *, const struct agency_conf *, const char *name,
    const char *seen_in, char *canon, char *key);
/* Put the configured agencies and aliases into the store. 0 or -1. */
int agency_conf_store(sqlite3 *, const struct agency_conf *);
/*
 * The parents read from names (level_from 'name': 城阳区人民政府) named
 * as the agency column names that agency (青岛市城阳区人民政府: the
 * config's name of its key, else the store's), those changed touched: a
 * store of an earlier gk-load, or a district that came after its
 * department.  At the end of a merge.  0 or -1.
 */
int agency_parents(sqlite3 *, const struct agency_conf *);

/*
 * The level an agency's name says it is at (city, department, district,
 * district_department, street) and its parent district, for agencies the
 * config does not list; "" when the name does not say.
 */
void agency_level(const char *name, char *level, size_t nl, char *parent,
    size_t np);

#endif
