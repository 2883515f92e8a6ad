/*
 * conf.c: the configuration file parser and the built-in defaults.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/bounds.h"
#include "conf.h"
#include "url.h"

enum { SET_START = 1, SET_ALLOW = 2, SET_LISTING = 4, SET_REPORT = 8,
       SET_ATTACHMENT = 16, SET_NEXT = 32, SET_ATTLABEL = 64,
       SET_LISTLABEL = 128 };

/* Built-in defaults: the shapes of www.qingdao.gov.cn (tests/site/README). */
static const char *def_start[] = {
	"http://www.qingdao.gov.cn/zwgk/szfgk/gknb/index.shtml",
	"http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/index.shtml",
	NULL
};
static const char *def_allow[] = { "www.qingdao.gov.cn", "qingdao.gov.cn",
	"*.qingdao.gov.cn", NULL };
static const char *def_listing[] = { "/index(_[0-9]+)?\\.s?html?$", "/$",
	NULL };
static const char *def_report[] = { "/t[0-9]{8}_[0-9]+\\.s?html?$", NULL };
static const char *def_attachment[] = {
	"\\.([Dd][Oo][Cc][Xx]?|[Pp][Dd][Ff]|[Ww][Pp][Ss]|[Xx][Ll][Ss][Xx]?)$",
	NULL
};
static const char *def_next[] = { "下一页", "下页", NULL };
/* another column of reports, linked from a listing (a hub of department
 * or district columns, the other path family) */
static const char *def_listlabel[] = { "年度报告", "年报", NULL };
static const char *def_attlabel[] = { "word版下载", "pdf版下载", "附件",
	"WORD版下载", "PDF版下载", "Word版下载", NULL };

void
conf_init(struct fetch_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->user_agent = strdup("gk-fetch/1.0 (government report archiver)");
	c->per_host = 2;
	c->max_conns = 8;
	c->delay_ms = 500;
	c->max_crawl_delay_ms = 30000;
	c->connect_timeout = 15;
	c->timeout = 300;
	c->low_speed_limit = 100;
	c->low_speed_time = 30;
	c->max_bytes = GK_MAX_DOWNLOAD;
	c->max_page_bytes = 8 << 20;
	c->max_listing = 500;
	c->max_docs = 20000;
	c->retries = 3;
	c->backoff_ms = 1000;
	c->backoff_max_ms = 60000;
	c->retry_after_max = 120;
	c->max_redirects = 5;
	c->robots = 1;
}

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
	free_list(c->allow, c->nallow);
	free_list(c->next_label, c->nnext_label);
	free_list(c->attach_label, c->nattach_label);
	free_list(c->listing_label, c->nlisting_label);
	free_pats(c->listing, c->nlisting);
	free_pats(c->report, c->nreport);
	free_pats(c->attachment, c->nattachment);
	while (c->nhost-- > 0)
		free(c->host[c->nhost].host);
	free(c->user_agent);
	memset(c, 0, sizeof(*c));
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
	long long x;

	errno = 0;
	x = strtoll(v, &end, 10);
	if (*end == 'k' || *end == 'K')
		x *= 1024, end++;
	else if (*end == 'm' || *end == 'M')
		x *= 1024 * 1024, end++;
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
add_start(struct fetch_conf *c, const char *v, char *err, size_t errsz)
{
	char u[URL_MAX];

	if (url_normalize(v, u, sizeof(u)) == -1) {
		snprintf(err, errsz, "%s: not an http, https or file URL", v);
		return -1;
	}
	return add_str(c->start, &c->nstart, u, err, errsz);
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

#define LIST(name, bit, arr, cnt, clear)				\
	if (strcmp(key, name) == 0) {					\
		if (!(c->set & (bit))) {				\
			clear;						\
			c->set |= (bit);				\
		}
#define NUM(name, field, lo, hi)					\
	if (strcmp(key, name) == 0) {					\
		if (num(val, lo, hi, &x, err, errsz) == -1)		\
			return -1;					\
		c->field = x;						\
		return 0;						\
	}

	LIST("start", SET_START, c->start, c->nstart,
	    (free_list(c->start, c->nstart), c->nstart = 0))
		return add_start(c, val, err, errsz);
	}
	LIST("allow", SET_ALLOW, c->allow, c->nallow,
	    (free_list(c->allow, c->nallow), c->nallow = 0))
		for (char *p = val; *p != '\0'; p++)
			*p = (char)tolower((unsigned char)*p);
		return add_str(c->allow, &c->nallow, val, err, errsz);
	}
	LIST("listing", SET_LISTING, c->listing, c->nlisting,
	    (free_pats(c->listing, c->nlisting), c->nlisting = 0))
		return add_pat(c->listing, &c->nlisting, val, err, errsz);
	}
	LIST("report", SET_REPORT, c->report, c->nreport,
	    (free_pats(c->report, c->nreport), c->nreport = 0))
		return add_pat(c->report, &c->nreport, val, err, errsz);
	}
	LIST("attachment", SET_ATTACHMENT, c->attachment, c->nattachment,
	    (free_pats(c->attachment, c->nattachment), c->nattachment = 0))
		return add_pat(c->attachment, &c->nattachment, val, err, errsz);
	}
	LIST("next-label", SET_NEXT, c->next_label, c->nnext_label,
	    (free_list(c->next_label, c->nnext_label), c->nnext_label = 0))
		return add_str(c->next_label, &c->nnext_label, val, err, errsz);
	}
	LIST("attachment-label", SET_ATTLABEL, c->attach_label,
	    c->nattach_label, (free_list(c->attach_label, c->nattach_label),
	    c->nattach_label = 0))
		return add_str(c->attach_label, &c->nattach_label, val, err,
		    errsz);
	}
	LIST("listing-label", SET_LISTLABEL, c->listing_label,
	    c->nlisting_label, (free_list(c->listing_label,
	    c->nlisting_label), c->nlisting_label = 0))
		return add_str(c->listing_label, &c->nlisting_label, val, err,
		    errsz);
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
#undef LIST
#undef NUM
	snprintf(err, errsz, "%s: unknown key", key);
	return -1;
}

int
conf_load(struct fetch_conf *c, const char *path, char *err, size_t errsz)
{
	char line[4096], why[512];
	unsigned long no = 0;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s", strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		no++;
		if (strchr(line, '\n') == NULL && !feof(fp)) {
			snprintf(err, errsz, "line %lu: too long", no);
			fclose(fp);
			return -1;
		}
		if (conf_line(c, line, why, sizeof(why)) == -1) {
			snprintf(err, errsz, "line %lu: %s", no, why);
			fclose(fp);
			return -1;
		}
	}
	if (ferror(fp)) {
		snprintf(err, errsz, "%s", strerror(errno));
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

static int
fill(char **v, int *n, const char **def, char *err, size_t errsz)
{
	if (*n > 0)
		return 0;
	for (; *def != NULL; def++)
		if (add_str(v, n, *def, err, errsz) == -1)
			return -1;
	return 0;
}

static int
fillpat(struct pattern *p, int *n, const char **def, char *err, size_t errsz)
{
	if (*n > 0)
		return 0;
	for (; *def != NULL; def++)
		if (add_pat(p, n, *def, err, errsz) == -1)
			return -1;
	return 0;
}

int
conf_finish(struct fetch_conf *c, char *err, size_t errsz)
{
	if (c->nstart == 0)
		for (const char **s = def_start; *s != NULL; s++)
			if (add_start(c, *s, err, errsz) == -1)
				return -1;
	if (fill(c->allow, &c->nallow, def_allow, err, errsz) == -1 ||
	    fill(c->next_label, &c->nnext_label, def_next, err, errsz) == -1 ||
	    fill(c->attach_label, &c->nattach_label, def_attlabel, err,
	    errsz) == -1 ||
	    fill(c->listing_label, &c->nlisting_label, def_listlabel, err,
	    errsz) == -1 ||
	    fillpat(c->listing, &c->nlisting, def_listing, err, errsz) == -1 ||
	    fillpat(c->report, &c->nreport, def_report, err, errsz) == -1 ||
	    fillpat(c->attachment, &c->nattachment, def_attachment, err,
	    errsz) == -1)
		return -1;
	if (c->max_conns < c->per_host)
		c->max_conns = c->per_host;
	for (int i = 0; i < c->nhost; i++)
		if (c->max_conns < c->host[i].per_host)
			c->max_conns = c->host[i].per_host;
	return 0;
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
