/*
 * robots.h: robots.txt (RFC 9309): the group for our user agent, its Allow
 * and Disallow rules, longest match wins, Allow wins a tie, '*' and '$';
 * its Crawl-delay.
 */
#ifndef GK_FETCH_ROBOTS_H
#define GK_FETCH_ROBOTS_H

#include <stddef.h>

struct robots;

/* Parse txt for the product token of agent ("gk-fetch/1.0 (...)" → "gk-fetch").
 * NULL only when out of memory.  An empty file allows everything. */
struct robots *robots_parse(const char *txt, size_t len, const char *agent);
/* A robots that allows (allow = 1) or disallows everything. */
struct robots *robots_all(int allow);
/* 1 when path (path and query of a URL, e.g. "/a/b?x") may be fetched. */
int robots_allowed(const struct robots *, const char *path);
/*
 * The Crawl-delay of our group in milliseconds (seconds in the file,
 * fractions allowed; the largest when the group repeats it), -1 when the
 * group has none.  Not in RFC 9309, but widely used.
 */
long robots_crawl_delay(const struct robots *);
void robots_free(struct robots *);

#endif
