/*
 * agency.h: config/agencies.tsv, the agencies the crawl knows of:
 *
 *   agency	level	parent	host	column
 *
 * level one of city, department, district, district_department, street;
 * parent the district's name for district departments and streets;
 * host where its reports are published; column the URL of its report
 * column when known.  A header line first; '#' lines are comments.
 * gk-fetch starts at every column and names the listing pages under it
 * with the agency (`listing URL AGENCY` records); gk-load lists every
 * agency in its coverage.
 */
#ifndef GK_FETCH_AGENCY_H
#define GK_FETCH_AGENCY_H

#include <stddef.h>

#define AGENCY_MAX 4000

struct agency {
	char *name, *level, *parent, *host;
	char *column;		/* normalised URL, "" when not known */
	size_t folder;		/* length of column up to its last '/' */
};

struct agencies {
	struct agency *v;
	size_t n;
};

/* Parse the text of an agencies file (name is for messages): 0, or -1
 * with "NAME line N: reason" in err. */
int agencies_parse(struct agencies *, const char *text, const char *name,
    char *err, size_t errsz);
int agencies_load(struct agencies *, const char *path, char *err,
    size_t errsz);
void agencies_free(struct agencies *);
/*
 * The agency whose report column holds url: the column itself, or a page
 * in the column's folder or below it (its pages, year folders); the
 * longest column wins.  NULL when none.
 */
const struct agency *agencies_of_url(const struct agencies *,
    const char *url);

/*
 * The agency whose column lies in url's folder or below it (url is the
 * agency's own page, above its report column); NULL when there is none
 * or more than one.
 */
const struct agency *agencies_above_column(const struct agencies *,
    const char *url);

#endif
