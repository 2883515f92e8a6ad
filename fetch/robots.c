/*
 * robots.c: robots.txt parsing and matching.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "robots.h"

#define ROBOTS_MAX_RULES 1000	/* more are ignored */
#define ROBOTS_MAX_BYTES (500u << 10)	/* RFC 9309: at least 500 KiB */

struct rule {
	int allow;
	char *pat;
};

struct robots {
	struct rule *r;
	size_t n;
	int all;	/* -1: use rules; 0/1: disallow/allow all */
	long delay_ms;	/* Crawl-delay, -1 when none */
};

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Does pattern p match the start of s?  '*' any run, '$' the end. */
static int
match(const char *p, const char *s)
{
	for (; *p != '\0'; p++, s++) {
		if (*p == '*') {
			while (p[1] == '*')
				p++;
			if (p[1] == '\0')
				return 1;
			for (; *s != '\0'; s++)
				if (match(p + 1, s))
					return 1;
			return match(p + 1, s);
		}
		if (*p == '$' && p[1] == '\0')
			return *s == '\0';
		if (*s == '\0' || *p != *s)
			return 0;
	}
	return 1;
}

struct robots *
robots_all(int allow)
{
	struct robots *rb = calloc(1, sizeof(*rb));

	if (rb != NULL) {
		rb->all = allow;
		rb->delay_ms = -1;
	}
	return rb;
}

/* How well a User-agent token names us: 2 exact, 1 '*', 0 not at all. */
static int
agent_match(const char *tok, const char *product)
{
	if (strcmp(tok, "*") == 0)
		return 1;
	return strcasecmp(tok, product) == 0 ? 2 : 0;
}

/* Crawl-delay: seconds, maybe with a fraction; a bad value is ignored. */
static void
crawl_delay(struct robots *rb, const char *val)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(val, &end);
	if (errno != 0 || end == val || *end != '\0' || !(d >= 0) ||
	    d > 86400)
		return;
	if ((long)(d * 1000 + 0.5) > rb->delay_ms)
		rb->delay_ms = (long)(d * 1000 + 0.5);
}

long
robots_crawl_delay(const struct robots *rb)
{
	return rb->delay_ms;
}

struct robots *
robots_parse(const char *txt, size_t len, const char *agent)
{
	struct robots *rb;
	char product[64], *copy, *line, *next;
	size_t n;
	int pass, best = 0, ingroup, lastua;

	if ((rb = calloc(1, sizeof(*rb))) == NULL)
		return NULL;
	rb->all = -1;
	rb->delay_ms = -1;
	n = strcspn(agent, "/ \t");
	if (n >= sizeof(product))
		n = sizeof(product) - 1;
	memcpy(product, agent, n);
	product[n] = '\0';
	if (len > ROBOTS_MAX_BYTES)
		len = ROBOTS_MAX_BYTES;
	/*
	 * Pass 0 finds the best group kind (our product token, else '*');
	 * pass 1 collects the rules of every group of that kind (RFC 9309
	 * merges groups naming the same agent).
	 */
	for (pass = 0; pass < 2; pass++) {
		if ((copy = malloc(len + 1)) == NULL)
			goto fail;
		memcpy(copy, txt, len);
		copy[len] = '\0';
		ingroup = 0;
		lastua = 0;
		for (line = copy; line != NULL; line = next) {
			char *key, *val, *c;
			int m;

			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			if ((c = strchr(line, '#')) != NULL)
				*c = '\0';
			if ((c = strchr(line, ':')) == NULL)
				continue;
			*c = '\0';
			key = trim(line);
			val = trim(c + 1);
			if (strcasecmp(key, "user-agent") == 0) {
				if (!lastua)
					ingroup = 0;
				lastua = 1;
				m = agent_match(val, product);
				if (pass == 0 && m > best)
					best = m;
				if (pass == 1 && m == best && best > 0)
					ingroup = 1;
				continue;
			}
			lastua = 0;
			if (pass == 0 || !ingroup)
				continue;
			if (strcasecmp(key, "crawl-delay") == 0) {
				crawl_delay(rb, val);
				continue;
			}
			if (strcasecmp(key, "allow") != 0 &&
			    strcasecmp(key, "disallow") != 0)
				continue;
			if (*val == '\0' || rb->n >= ROBOTS_MAX_RULES)
				continue;	/* "Disallow:" allows all */
			if (rb->n % 16 == 0) {
				struct rule *nr = realloc(rb->r,
				    (rb->n + 16) * sizeof(*nr));

				if (nr == NULL) {
					free(copy);
					goto fail;
				}
				rb->r = nr;
			}
			rb->r[rb->n].allow = tolower((unsigned char)key[0]) == 'a';
			if ((rb->r[rb->n].pat = strdup(val)) == NULL) {
				free(copy);
				goto fail;
			}
			rb->n++;
		}
		free(copy);
	}
	return rb;
fail:
	robots_free(rb);
	return NULL;
}

/* Length of a pattern for "longest match", without wildcards. */
static size_t
patlen(const char *p)
{
	size_t n = 0;

	for (; *p != '\0'; p++)
		if (*p != '*' && *p != '$')
			n++;
	return n;
}

int
robots_allowed(const struct robots *rb, const char *path)
{
	size_t i, bestlen = 0;
	int allowed = 1, found = 0;

	if (rb->all >= 0)
		return rb->all;
	if (*path == '\0')
		path = "/";
	if (strcmp(path, "/robots.txt") == 0)
		return 1;
	for (i = 0; i < rb->n; i++) {
		size_t l;

		if (!match(rb->r[i].pat, path))
			continue;
		l = patlen(rb->r[i].pat);
		if (!found || l > bestlen || (l == bestlen && rb->r[i].allow)) {
			found = 1;
			bestlen = l;
			allowed = rb->r[i].allow;
		}
	}
	return allowed;
}

void
robots_free(struct robots *rb)
{
	size_t i;

	if (rb == NULL)
		return;
	for (i = 0; i < rb->n; i++)
		free(rb->r[i].pat);
	free(rb->r);
	free(rb);
}
