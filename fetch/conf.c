/*
 * conf.c: the configuration file parser.  The built-in defaults are not
 * written here: they are config/qingdao.conf, compiled in (fetch/build.mk
 * makes fetch_builtin.h from it and from config/agencies.tsv), and read by
 * this same parser.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "conf.h"
#include "url.h"

/* config/qingdao.conf and config/agencies.tsv as compiled in */
#include "fetch_builtin.h"

enum { SET_START = 1 << 0, SET_ALLOW = 1 << 1, SET_LISTING = 1 << 2,
       SET_REPORT = 1 << 3, SET_ATTACHMENT = 1 << 4, SET_NEXT = 1 << 5,
       SET_ATTLABEL = 1 << 6, SET_LISTLABEL = 1 << 7, SET_HUB = 1 << 8,
       SET_COLUMN = 1 << 9, SET_SRCIGNORE = 1 << 10, SET_DATELABEL = 1 << 11,
       SET_SRCLABEL = 1 << 12, SET_CONNECT = 1 << 13 };

#define CONF_MAX_DEPTH 8	/* includes within includes */

static int load_text(struct fetch_conf *, const char *text, const char *name,
    char *err, size_t errsz);

static void
free_list(char **v, int n)
{
	while (n-- > 0)
		free(v[n]);
}

static void
free_pats(struct pattern *p, int n)
{
	while (n-- > 0) {
		free(p[n].src);
		regfree(&p[n].re);
	}
}

void
conf_free(struct fetch_conf *c)
{
	free_list(c->start, c->nstart);
	free_list(c->hub, c->nhub);
	free_list(c->allow, c->nallow);
	free_list(c->next_label, c->nnext_label);
	free_list(c->attach_label, c->nattach_label);
	free_list(c->listing_label, c->nlisting_label);
	free_list(c->date_label, c->ndate_label);
	free_list(c->source_label, c->nsource_label);
	free_list(c->connect_to, c->nconnect_to);
	free_list(c->named, c->nnamed);
	free_pats(c->listing, c->nlisting);
	free_pats(c->report, c->nreport);
	free_pats(c->attachment, c->nattachment);
	free_pats(c->column, c->ncolumn);
	free_pats(c->source_ignore, c->nsource_ignore);
	while (c->nhost-- > 0)
		free(c->host[c->nhost].host);
	free(c->user_agent);
	free(c->ca_file);
	free(c->agencies_path);
	agencies_free(&c->agencies);
	memset(c, 0, sizeof(*c));
}

int
conf_init(struct fetch_conf *c, char *err, size_t errsz)
{
	memset(c, 0, sizeof(*c));
	c->start_columns = 1;
	c->builtin = 1;
	if (load_text(c, gk_builtin_conf, "config/qingdao.conf (built in)",
	    err, errsz) == -1) {
		conf_free(c);
		return -1;
	}
	c->builtin = 0;
	c->set = 0;	/* a file's first line of a list replaces it */
	return 0;
}

static int
add_str(char **v, int *n, const char *s, char *err, size_t errsz)
{
	if (*n >= CONF_MAX_LIST) {
		snprintf(err, errsz, "more than %d entries", CONF_MAX_LIST);
		return -1;
	}
	if ((v[*n] = strdup(s)) == NULL) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	(*n)++;
	return 0;
}

static int
add_pat(struct pattern *p, int *n, const char *s, char *err, size_t errsz)
{
	int rc;

	if (*n >= CONF_MAX_LIST) {
		snprintf(err, errsz, "more than %d patterns", CONF_MAX_LIST);
		return -1;
	}
	if ((rc = regcomp(&p[*n].re, s, REG_EXTENDED | REG_NOSUB)) != 0) {
		char m[128];

		regerror(rc, &p[*n].re, m, sizeof(m));
		snprintf(err, errsz, "bad pattern %s: %s", s, m);
		return -1;
	}
	if ((p[*n].src = strdup(s)) == NULL) {
		regfree(&p[*n].re);
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	(*n)++;
	return 0;
}

static int
num(const char *v, long long lo, long long hi, long long *out, char *err,
    size_t errsz)
{
	char *end;
	long long x, mul = 1;

	errno = 0;
	x = strtoll(v, &end, 10);
	if (*end == 'k' || *end == 'K')
		mul = 1024, end++;
	else if (*end == 'm' || *end == 'M')
		mul = 1024 * 1024, end++;
	/* a size past what long long holds is out of range, not a wrap */
	if (mul > 1 && (x > LLONG_MAX / mul || x < LLONG_MIN / mul))
		errno = ERANGE;
	else
		x *= mul;
	if (errno != 0 || end == v || *end != '\0' || x < lo || x > hi) {
		snprintf(err, errsz, "%s: not a number from %lld to %lld", v,
		    lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

/* A start URL must be absolute and usable; it is stored normalised. */
static int
add_url(char **v, int *n, const char *s, char *err, size_t errsz)
{
	char u[URL_MAX];

	if (url_normalize(s, u, sizeof(u)) == -1) {
		snprintf(err, errsz, "%s: not an http, https or file URL", s);
		return -1;
	}
	return add_str(v, n, u, err, errsz);
}

/* A path named in the file being read, made absolute from its folder. */
static char *
resolve(const struct fetch_conf *c, const char *v, char *err, size_t errsz)
{
	char buf[PATH_MAX], cwd[PATH_MAX];
	char *p;

	if (v[0] == '/' || (c->dir[0] == '\0' && strcmp(v, "-") == 0))
		p = strdup(v);
	else {
		const char *d = c->dir;

		if (d[0] == '\0')
			d = getcwd(cwd, sizeof(cwd)) != NULL ? cwd : ".";
		if (snprintf(buf, sizeof(buf), "%s/%s", d, v) >=
		    (int)sizeof(buf)) {
			snprintf(err, errsz, "%s: path too long", v);
			return NULL;
		}
		p = strdup(buf);
	}
	if (p == NULL)
		snprintf(err, errsz, "out of memory");
	return p;
}

/* Does host fall under entry a (a host name, or "*.suffix")? */
static int
host_match(const char *a, const char *host)
{
	size_t hl = strlen(host), sl;

	if (strcmp(a, host) == 0)
		return 1;
	if (strncmp(a, "*.", 2) != 0 || url_host_is_ip(host))
		return 0;
	sl = strlen(a + 1);	/* ".suffix" */
	return hl > sl && strcmp(host + hl - sl, a + 1) == 0;
}

/*
 * "host-delay-ms HOST MS" and "host-per-host HOST N": the entry of HOST
 * (written the same way) is made or updated.
 */
static int
host_line(struct fetch_conf *c, const char *key, char *val, char *err,
    size_t errsz)
{
	struct host_conf *h = NULL;
	char *v;
	long long x;
	int i;

	if ((v = strpbrk(val, " \t")) == NULL) {
		snprintf(err, errsz, "%s: HOST and a number", key);
		return -1;
	}
	*v++ = '\0';
	v += strspn(v, " \t");
	for (char *p = val; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	if (strcmp(key, "host-delay-ms") == 0) {
		if (num(v, 0, 600000, &x, err, errsz) == -1)
			return -1;
	} else if (num(v, 1, 16, &x, err, errsz) == -1)
		return -1;
	for (i = 0; i < c->nhost; i++)
		if (strcmp(c->host[i].host, val) == 0)
			h = &c->host[i];
	if (h == NULL) {
		if (c->nhost >= CONF_MAX_LIST) {
			snprintf(err, errsz, "more than %d hosts",
			    CONF_MAX_LIST);
			return -1;
		}
		h = &c->host[c->nhost];
		if ((h->host = strdup(val)) == NULL) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		h->delay_ms = -1;
		h->per_host = 0;
		c->nhost++;
	}
	if (strcmp(key, "host-delay-ms") == 0)
		h->delay_ms = (long)x;
	else
		h->per_host = (int)x;
	return 0;
}

/* The entry for host: an exact one first, else the first *.suffix. */
static const struct host_conf *
host_conf(const struct fetch_conf *c, const char *host)
{
	const struct host_conf *wild = NULL;
	int i;

	for (i = 0; i < c->nhost; i++)
		if (strcmp(c->host[i].host, host) == 0)
			return &c->host[i];
		else if (wild == NULL && host_match(c->host[i].host, host))
			wild = &c->host[i];
	return wild;
}

/* "connect-to HOST:PORT:ADDR:PORT" as curl's --connect-to takes it. */
static int
connect_line(struct fetch_conf *c, const char *v, char *err, size_t errsz)
{
	int colons = 0;

	for (const char *p = v; *p != '\0'; p++)
		if (*p == ':')
			colons++;
		else if (*p == ' ' || *p == '\t') {
			colons = -1;
			break;
		}
	if (colons < 3) {
		snprintf(err, errsz, "connect-to %s: HOST:PORT:ADDRESS:PORT", v);
		return -1;
	}
	return add_str(c->connect_to, &c->nconnect_to, v, err, errsz);
}

static int
include_line(struct fetch_conf *c, const char *v, char *err, size_t errsz)
{
	char dir[PATH_MAX], *path;
	int rc;

	if (c->builtin) {
		snprintf(err, errsz, "include: not in the built-in file");
		return -1;
	}
	if (strcmp(v, "-") == 0) {
		snprintf(err, errsz, "include: - is not a file");
		return -1;
	}
	if (c->depth >= CONF_MAX_DEPTH) {
		snprintf(err, errsz, "include: nested more than %d deep",
		    CONF_MAX_DEPTH);
		return -1;
	}
	if ((path = resolve(c, v, err, errsz)) == NULL)
		return -1;
	memcpy(dir, c->dir, sizeof(dir));
	c->depth++;
	rc = conf_load(c, path, err, errsz);
	c->depth--;
	memcpy(c->dir, dir, sizeof(dir));
	free(path);
	return rc;
}

int
conf_line(struct fetch_conf *c, const char *line, char *err, size_t errsz)
{
	char key[64], *val, buf[4096];
	long long x;
	size_t n;

	while (*line == ' ' || *line == '\t')
		line++;
	if (*line == '\0' || *line == '#' || *line == '\n' || *line == '\r')
		return 0;
	if (strlen(line) >= sizeof(buf)) {
		snprintf(err, errsz, "line too long");
		return -1;
	}
	strcpy(buf, line);
	n = strlen(buf);
	while (n > 0 && isspace((unsigned char)buf[n - 1]))
		buf[--n] = '\0';
	n = strcspn(buf, " \t");
	if (n >= sizeof(key)) {
		snprintf(err, errsz, "unknown key");
		return -1;
	}
	memcpy(key, buf, n);
	key[n] = '\0';
	val = buf + n;
	while (*val == ' ' || *val == '\t')
		val++;
	if (*val == '\0') {
		snprintf(err, errsz, "%s: no value", key);
		return -1;
	}

#define LIST(name, bit, clear)						\
	if (strcmp(key, name) == 0) {					\
		if (!(c->set & (bit))) {				\
			clear;						\
			c->set |= (bit);				\
		}
#define STRS(name, bit, arr, cnt)					\
	LIST(name, bit, (free_list(arr, cnt), cnt = 0))			\
		return add_str(arr, &cnt, val, err, errsz);		\
	}
#define PATS(name, bit, arr, cnt)					\
	LIST(name, bit, (free_pats(arr, cnt), cnt = 0))			\
		return add_pat(arr, &cnt, val, err, errsz);		\
	}
#define NUM(name, field, lo, hi)					\
	if (strcmp(key, name) == 0) {					\
		if (num(val, lo, hi, &x, err, errsz) == -1)		\
			return -1;					\
		c->field = x;						\
		return 0;						\
	}

	LIST("start", SET_START, (free_list(c->start, c->nstart),
	    c->nstart = 0))
		return add_url(c->start, &c->nstart, val, err, errsz);
	}
	LIST("hub", SET_HUB, (free_list(c->hub, c->nhub), c->nhub = 0))
		return add_url(c->hub, &c->nhub, val, err, errsz);
	}
	LIST("allow", SET_ALLOW, (free_list(c->allow, c->nallow),
	    c->nallow = 0))
		for (char *p = val; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		return add_str(c->allow, &c->nallow, val, err, errsz);
	}
	LIST("connect-to", SET_CONNECT, (free_list(c->connect_to,
	    c->nconnect_to), c->nconnect_to = 0))
		return connect_line(c, val, err, errsz);
	}
	PATS("listing", SET_LISTING, c->listing, c->nlisting)
	PATS("report", SET_REPORT, c->report, c->nreport)
	PATS("attachment", SET_ATTACHMENT, c->attachment, c->nattachment)
	PATS("column", SET_COLUMN, c->column, c->ncolumn)
	PATS("source-ignore", SET_SRCIGNORE, c->source_ignore,
	    c->nsource_ignore)
	STRS("next-label", SET_NEXT, c->next_label, c->nnext_label)
	STRS("attachment-label", SET_ATTLABEL, c->attach_label,
	    c->nattach_label)
	STRS("listing-label", SET_LISTLABEL, c->listing_label,
	    c->nlisting_label)
	STRS("date-label", SET_DATELABEL, c->date_label, c->ndate_label)
	STRS("source-label", SET_SRCLABEL, c->source_label, c->nsource_label)
	if (strcmp(key, "include") == 0)
		return include_line(c, val, err, errsz);
	if (strcmp(key, "agencies") == 0) {
		free(c->agencies_path);
		c->agencies_path = NULL;	/* the built-in copy */
		if (!c->builtin && (c->agencies_path = resolve(c, val, err,
		    errsz)) == NULL)
			return -1;
		return 0;
	}
	if (strcmp(key, "ca-file") == 0) {
		free(c->ca_file);
		return (c->ca_file = resolve(c, val, err, errsz)) == NULL ? -1 :
		    0;
	}
	if (strcmp(key, "user-agent") == 0) {
		free(c->user_agent);
		if ((c->user_agent = strdup(val)) == NULL) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		return 0;
	}
	if (strcmp(key, "host-delay-ms") == 0 ||
	    strcmp(key, "host-per-host") == 0)
		return host_line(c, key, val, err, errsz);
	if (strcmp(key, "robots") == 0) {
		if (strcmp(val, "yes") != 0 && strcmp(val, "no") != 0) {
			snprintf(err, errsz, "robots: yes or no");
			return -1;
		}
		c->robots = strcmp(val, "yes") == 0;
		return 0;
	}
	NUM("per-host", per_host, 1, 16)
	NUM("max-connections", max_conns, 1, 64)
	NUM("delay-ms", delay_ms, 0, 600000)
	NUM("max-crawl-delay-ms", max_crawl_delay_ms, 0, 600000)
	NUM("connect-timeout", connect_timeout, 1, 600)
	NUM("timeout", timeout, 1, 86400)
	NUM("low-speed-limit", low_speed_limit, 1, 1 << 30)
	NUM("low-speed-time", low_speed_time, 1, 3600)
	NUM("max-bytes", max_bytes, 1, GK_MAX_DOWNLOAD)
	NUM("max-page-bytes", max_page_bytes, 1024, 64 << 20)
	NUM("max-listing-pages", max_listing, 1, 100000)
	NUM("max-documents", max_docs, 1, 1000000)
	NUM("retries", retries, 0, 10)
	NUM("backoff-ms", backoff_ms, 0, 600000)
	NUM("backoff-max-ms", backoff_max_ms, 0, 3600000)
	NUM("retry-after-max", retry_after_max, 0, 3600)
	NUM("max-redirects", max_redirects, 0, 20)
	NUM("document-timeout", doc_timeout, 1, 86400)
	NUM("host-down-after", host_down_after, 1, 1000)
	NUM("recheck-recent-days", recheck_recent_days, 0, 36500)
	NUM("recheck-cycle-days", recheck_cycle_days, 1, 3650)
	NUM("full-walk-days", full_walk_days, 0, 3650)
#undef LIST
#undef STRS
#undef PATS
#undef NUM
	snprintf(err, errsz, "%s: unknown key", key);
	return -1;
}

/* Apply every line of text; name (and the line number) in errors. */
static int
load_text(struct fetch_conf *c, const char *text, const char *name,
    char *err, size_t errsz)
{
	const char *p = text;
	unsigned long no = 0;
	char line[4096], why[512];

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		no++;
		if (n >= sizeof(line)) {
			snprintf(err, errsz, "%s line %lu: too long", name, no);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (p[n] == '\n');
		if (conf_line(c, line, why, sizeof(why)) == -1) {
			snprintf(err, errsz, "%s line %lu: %s", name, no, why);
			return -1;
		}
	}
	return 0;
}

int
conf_load(struct fetch_conf *c, const char *path, char *err, size_t errsz)
{
	struct gk_buf b;
	char *s;
	int rc;

	gk_buf_init(&b, 1 << 20);
	if (strcmp(path, "-") == 0) {
		char chunk[4096];
		size_t n;

		while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
			if (gk_buf_add(&b, chunk, n) == -1) {
				snprintf(err, errsz, "-: larger than 1 MB");
				gk_buf_free(&b);
				return -1;
			}
		rc = ferror(stdin) ? -1 : 0;
		c->dir[0] = '\0';	/* relative to the working folder */
	} else {
		rc = gk_buf_read_file(&b, path);
		/* relative paths in it are taken from its folder */
		snprintf(c->dir, sizeof(c->dir), "%s", path);
		if ((s = strrchr(c->dir, '/')) == NULL)
			snprintf(c->dir, sizeof(c->dir), ".");
		else if (s == c->dir)
			s[1] = '\0';
		else
			*s = '\0';
	}
	if (rc != 0) {
		snprintf(err, errsz, "%s: %s", path, rc == -2 ?
		    "larger than 1 MB" : strerror(errno));
		gk_buf_free(&b);
		return -1;
	}
	if (memchr(b.p != NULL ? b.p : "", '\0', b.len) != NULL) {
		snprintf(err, errsz, "%s: not a text file (NUL byte)", path);
		gk_buf_free(&b);
		return -1;
	}
	if (c->depth == 0)
		c->set = 0;	/* this file's lists replace the ones before */
	rc = load_text(c, gk_buf_str(&b), path, err, errsz);
	gk_buf_free(&b);
	return rc;
}

int
conf_allow_host(struct fetch_conf *c, const char *host, char *err,
    size_t errsz)
{
	char h[256];
	size_t i;

	for (i = 0; host[i] != '\0' && i + 1 < sizeof(h); i++)
		h[i] = (char)tolower((unsigned char)host[i]);
	h[i] = '\0';
	if (!conf_host_named(c, h) && add_str(c->named, &c->nnamed, h, err,
	    errsz) == -1)
		return -1;
	if (conf_host_allowed(c, h))
		return 0;
	return add_str(c->allow, &c->nallow, h, err, errsz);
}

int
conf_host_named(const struct fetch_conf *c, const char *host)
{
	int i;

	for (i = 0; i < c->nnamed; i++)
		if (strcasecmp(c->named[i], host) == 0)
			return 1;
	return 0;
}

int
conf_connect_mapped(const struct fetch_conf *c, const char *host,
    const char *port)
{
	size_t hl = strlen(host), pl = strlen(port);
	int i;

	for (i = 0; i < c->nconnect_to; i++) {
		const char *v = c->connect_to[i], *p = v;

		/* HOST:PORT: the host, empty for any; an IPv6 host is
		 * bracketed */
		if (*p == '[')
			p = strchr(p, ']') != NULL ? strchr(p, ']') + 1 : p;
		p = strchr(p, ':');
		if (p == NULL)
			continue;
		if (p != v && ((size_t)(p - v) != hl ||
		    strncasecmp(v, host, hl) != 0))
			continue;
		v = p + 1;
		if ((p = strchr(v, ':')) == NULL)
			continue;
		if (p == v || ((size_t)(p - v) == pl && strncmp(v, port,
		    pl) == 0))
			return 1;
	}
	return 0;
}

int
conf_finish(struct fetch_conf *c, char *err, size_t errsz)
{
	/* no value is built into the code: the file must give them all */
	if (c->per_host <= 0 || c->max_conns <= 0 || c->max_listing <= 0 ||
	    c->max_docs <= 0 || c->connect_timeout <= 0 || c->timeout <= 0 ||
	    c->low_speed_limit <= 0 || c->low_speed_time <= 0 ||
	    c->max_bytes <= 0 || c->max_page_bytes <= 0 ||
	    c->doc_timeout <= 0 || c->host_down_after <= 0 ||
	    c->recheck_cycle_days <= 0 || c->user_agent == NULL) {
		snprintf(err, errsz, "per-host, max-connections, "
		    "max-listing-pages, max-documents, connect-timeout, timeout, "
		    "low-speed-limit, low-speed-time, max-bytes, max-page-bytes, "
		    "document-timeout, host-down-after, recheck-cycle-days "
		    "and user-agent must be set");
		return -1;
	}
	if (c->nreport == 0 || c->nlisting == 0 || c->nallow == 0) {
		snprintf(err, errsz, "report, listing and allow must be set");
		return -1;
	}
	if (c->max_conns < c->per_host)
		c->max_conns = c->per_host;
	for (int k = 0; k < c->nhost; k++)
		if (c->max_conns < c->host[k].per_host)
			c->max_conns = c->host[k].per_host;
	agencies_free(&c->agencies);
	if (c->agencies_path == NULL)
		return agencies_parse(&c->agencies, gk_builtin_agencies,
		    "config/agencies.tsv (built in)", err, errsz);
	return agencies_load(&c->agencies, c->agencies_path, err, errsz);
}

int
conf_host_allowed(const struct fetch_conf *c, const char *host)
{
	int i;

	for (i = 0; i < c->nallow; i++)
		if (host_match(c->allow[i], host))
			return 1;
	return 0;
}

int
conf_per_host(const struct fetch_conf *c, const char *host)
{
	const struct host_conf *h = host_conf(c, host);

	return h != NULL && h->per_host > 0 ? h->per_host : c->per_host;
}

long
conf_delay_ms(const struct fetch_conf *c, const char *host, long robots_ms)
{
	const struct host_conf *h = host_conf(c, host);
	long d = h != NULL && h->delay_ms >= 0 ? h->delay_ms : c->delay_ms;
	if (robots_ms > c->max_crawl_delay_ms)
		robots_ms = c->max_crawl_delay_ms;
	return robots_ms > d ? robots_ms : d;
}

int
conf_match(const struct pattern *p, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (regexec(&p[i].re, s, 0, NULL, 0) == 0)
			return 1;
	return 0;
}
