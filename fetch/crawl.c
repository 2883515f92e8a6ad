/*
 * crawl.c: the crawl loop over libcurl's multi interface.
 *
 * Jobs wait in one queue; the loop starts a job when its host has a free
 * slot (per-host), the whole run has one (max-connections), the host's
 * delay has passed and its robots.txt is known.  Redirects are not left to
 * curl: each hop is checked against the allowed hosts and queued again.
 * Bodies stream into a temporary file of the cache while they are hashed;
 * a good body is renamed to its SHA-256.  What each URL turned out to be
 * is appended to the state journal (store.h), always after the cache file
 * it names.
 *
 * Transfers end in any order, but the records of one report page and of
 * the attachments it links (one PAGE) come out together, the page's first:
 * they are held in the page's group until the last of its jobs is done.
 *
 * The nightly run costs the change (crawl_opts, sched.h): a listing's
 * pagination is followed only until a page whose entries are all known,
 * a known document is asked for again only when the schedule says so, and
 * the documents not asked for come out of the state and the cache.  A
 * document is `unchanged` only when gk-load has it (delivered.tsv).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "common/buf.h"
#include "common/err.h"
#include "common/hash.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/rec.h"
#include "common/sniff.h"
#include "crawl.h"
#include "label.h"
#include "links.h"
#include "local.h"
#include "robots.h"
#include "sched.h"
#include "store.h"
#include "url.h"

#define ROBOTS_MAX (500 << 10)	/* RFC 9309 2.5: at least 500 KiB parsed */
#define HEADERS_MAX (64 << 10)	/* the response headers of one request */

enum kind { K_ROBOTS, K_LISTING, K_REPORT, K_ATTACH };

struct meta {
	char title[512];
	char agency[256];
	char published[16];
};

struct host {
	char key[URL_MAX];	/* "http://host:port" or "file://" */
	char name[256];		/* the host name, "" for file:// */
	int active;
	long long next_ms;
	long delay_ms;		/* between request starts */
	int per_host;		/* transfers at once */
	int robots;		/* 0 unknown, 1 being fetched, 2 known */
	struct robots *rb;
	int start;		/* a start URL, hub or column is on it */
	int trusted;		/* may be reached at a private address */
	int answered;		/* HTTP answers but 5xx (robots.txt aside) */
	int failed;		/* requests failed at the connection or 5xx */
	int in_row;		/* of those, since the last answer */
	int down;		/* not asked any more this run */
	int refused;		/* at a private address: off_host */
	int not_asked;		/* jobs dropped because it was down */
	enum gk_err cause;	/* the last of those failures */
	char why[256];
	struct host *next;
};

/*
 * The records of a report page and its attachments, held in memory until
 * every job of the group is done (fetched, failed, redirected to a URL
 * fetched on its own account...), then written at once.  Attachments that
 * were queued before by another page belong to that page's group.  The
 * page's journal line is written then too, so that a run killed before
 * its attachments were fetched leaves the page unknown: the next run
 * reads it (and finds them) again.
 */
struct group {
	char id[17];		/* DOC of its first record: the report page */
	FILE *f;		/* open_memstream over buf */
	char *buf;
	size_t len;
	int refs;		/* jobs that may still add records */
	struct sentry *head;	/* the page's state entry, journaled at the end */
	int incomplete;		/* a job of it was dropped (interrupted) */
};

struct job {
	enum kind kind;
	char *url;
	char *page;		/* the report page (for attachments) */
	struct meta meta;	/* of a document; meta.agency of a listing: the
				 * column's agency, "" when not known */
	enum page_kind page_kind;	/* listings: a column, hub or agency page */
	int entry;		/* listings: a column's first page (not one of
				 * its pages, years or sub-columns) */
	int given;		/* a URL given by the user: a page or a file */
	struct group *g;	/* report pages and attachments; else NULL */
	struct host *host;
	int attempt, hops, nocond;
	long long not_before;
	long long t0;		/* the first attempt's start (document-timeout) */
	char *chain[24];	/* the URLs this job was redirected from */
	int nchain;
	long status;		/* the last HTTP status */
	/* the transfer */
	CURL *e;
	struct curl_slist *hdrs;
	int fd;
	char tmp[PATH_MAX];
	struct gk_sha256 *sha;
	long long bytes, hbytes;
	int too_big, hdr_big;
	char refused[64];	/* a private address not connected to */
	char etag[256], lastmod[64], ctype[128];
	char errbuf[CURL_ERROR_SIZE];
	long retry_after;	/* seconds, -1 when none */
	long long max;		/* body limit */
	struct job *next;
	struct job *rnext;	/* the list of running transfers */
};

struct seen {
	char **v;
	size_t nb, n;
};

struct crawl {
	const struct fetch_conf *cf;
	const struct crawl_opts *op;
	FILE *out;
	struct store *st;
	CURLM *m;
	struct job *head, *tail;
	struct job *running;
	struct job *sp_head, *sp_tail;	/* attachments to queue first */
	int splice;
	struct host *hosts;
	struct seen seen;
	struct seen hops;		/* URLs that redirected elsewhere */
	struct curl_slist *connect_to;	/* connect-to, for every transfer */
	char root[URL_MAX];	/* file:// mirror root, "" when none */
	int walking;		/* a crawl (not URLs given): the state's docs */
	int full;		/* every listing walked to its end */
	int walk_incomplete;	/* a listing page could not be read */
	struct sched sc;
	long long clock_off;	/* GK_FETCH_NOW - the real time */
	int active, queued;
	int nlisting, ndocs;
	int n_new, n_changed, n_unchanged, n_failed, n_errors;
	int n_resent, n_state, n_due;
	int bodies, not_modified;
	long long body_bytes;
	long long last_progress;
	int save_failed;
};

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	stop = sig;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The run's clock: the real one, or GK_FETCH_NOW's (for tests). */
static time_t
wall(const struct crawl *c)
{
	return time(NULL) + (time_t)c->clock_off;
}

static void
iso_time(time_t t, char out[24])
{
	struct tm tm;

	out[0] = '\0';
	if (t > 0 && gmtime_r(&t, &tm) != NULL)
		strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* --- the set of URLs already queued -------------------------------- */

/* 1 when url was new (and is now in the set), 0 when seen, -1 on ENOMEM. */
static int
seen_add(struct seen *s, const char *url)
{
	size_t i;

	if (s->n * 2 >= s->nb) {
		size_t nb = s->nb ? s->nb * 2 : 1024, k;
		char **nv = calloc(nb, sizeof(*nv));

		if (nv == NULL)
			return -1;
		for (k = 0; k < s->nb; k++)
			if (s->v[k] != NULL) {
				for (i = url_hash(s->v[k]) % nb; nv[i] != NULL;
				    i = (i + 1) % nb)
					;
				nv[i] = s->v[k];
			}
		free(s->v);
		s->v = nv;
		s->nb = nb;
	}
	for (i = url_hash(url) % s->nb; s->v[i] != NULL; i = (i + 1) % s->nb)
		if (strcmp(s->v[i], url) == 0)
			return 0;
	if ((s->v[i] = strdup(url)) == NULL)
		return -1;
	s->n++;
	return 1;
}

static int
seen_has(const struct seen *s, const char *url)
{
	size_t i;

	if (s->nb == 0)
		return 0;
	for (i = url_hash(url) % s->nb; s->v[i] != NULL; i = (i + 1) % s->nb)
		if (strcmp(s->v[i], url) == 0)
			return 1;
	return 0;
}

static void
seen_free(struct seen *s)
{
	size_t i;

	for (i = 0; i < s->nb; i++)
		free(s->v[i]);
	free(s->v);
}

/*
 * The agency of a listing page reached by a link of kind k from page j:
 * the agency whose column holds it (agencies.tsv), else that of the
 * column it belongs to (its pages, year folders), else the link's text
 * where the link names an agency (a hub's agency pages, a sub-column of
 * a listing that has no agency); "" when not known.
 */
static void
listing_agency(const struct crawl *c, const struct job *j, enum link_kind k,
    const struct page_link *l, char *out, size_t outsz)
{
	const struct agency *g = agencies_of_url(&c->cf->agencies, l->url);
	const char *name = crawl_link_name(l);
	const char *a = "";

	if (g != NULL)
		a = g->name;
	else if (k == LINK_LISTING) {
		a = j->meta.agency;
		if (a[0] == '\0' && link_below(l->url, j->url) &&
		    link_name_like(name))
			a = name;
	} else if (k == LINK_AGENCY) {
		/* the page above a column of agencies.tsv is its agency's */
		if ((g = agencies_above_column(&c->cf->agencies, l->url)) != NULL)
			a = g->name;
		else
			a = link_name_like(name) ? name : "";
	} else if (k == LINK_COLUMN && link_below(l->url, j->url)) {
		if (j->page_kind == PAGE_AGENCY)
			a = j->meta.agency;
		else if (j->page_kind == PAGE_HUB && link_name_like(name))
			a = name;
	}
	snprintf(out, outsz, "%s", a);
}

/* --- errors: what they mean to the crawl ---------------------------- */

/* A failure at the connection, or of the server (5xx): the host may be
 * down; it says nothing of the URL itself. */
static int
conn_level(enum gk_err e)
{
	return e == GK_E_UNREACHABLE || e == GK_E_DNS || e == GK_E_NETWORK ||
	    e == GK_E_TIMEOUT || e == GK_E_SERVER;
}

/* A failure that says what the URL is (404, robots, too big, a loop),
 * kept in the state; the others are tried again on the next run and
 * leave what the state knows as it was. */
static int
lasting(const struct job *j, enum gk_err e)
{
	switch (e) {
	case GK_E_HTTP:
		return j->status != 408 && j->status != 429;
	case GK_E_ROBOTS:
	case GK_E_OFF_HOST:
	case GK_E_TOO_BIG:
	case GK_E_TOO_MANY:
	case GK_E_REDIRECT_LOOP:
	case GK_E_OPEN:
	case GK_E_CORRUPT:
		return 1;
	default:
		return 0;
	}
}

/* --- records ------------------------------------------------------- */

static struct group *
group_new(void)
{
	struct group *g;

	if ((g = calloc(1, sizeof(*g))) == NULL)
		return NULL;
	if ((g->f = open_memstream(&g->buf, &g->len)) == NULL) {
		free(g);
		return NULL;
	}
	g->refs = 1;
	return g;
}

/* The journal line an entry needs after this run's work on it. */
static void
journal(struct crawl *c, struct sentry *e)
{
	int rc = 0;

	if (e->run & SR_DIRTY)
		rc = store_write(c->st, e);
	else if (e->run & SR_CHECKED)
		rc = store_checked(c->st, e);
	if (rc == -1) {
		gk_warn("state", "cannot write the journal: %s",
		    strerror(errno));
		c->save_failed = 1;
	}
}

/* A job of the group is done; the last one writes the group out. */
static void
group_put(struct crawl *c, struct group *g)
{
	if (g == NULL || --g->refs > 0)
		return;
	/* a `group` record first: the records up to the next one belong
	 * together (a report page and its documents), so that a stream can
	 * be split between groups (GNU parallel --pipe --recstart) */
	if (fclose(g->f) == EOF)
		gk_warn("records", "out of memory: a report's records are lost");
	else if (g->len > 0 && (gk_emit(c->out, GK_GROUP, g->id) == -1 ||
	    fwrite(g->buf, 1, g->len, c->out) != g->len))
		gk_warn("stdout", "write error");
	if (g->head != NULL && !g->incomplete)
		journal(c, g->head);
	free(g->buf);
	free(g);
}

/* Where a record goes: its group, else straight out. */
static FILE *
out_of(const struct crawl *c, const struct group *g)
{
	return g != NULL ? g->f : c->out;
}

static void
emit_error(struct crawl *c, struct group *g, const char *url, enum gk_err e,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/*
 * `error DOC fetch CODE URL: MESSAGE`: DOC and the start of the message
 * name the URL, CODE is stable, so that the same failure on the next
 * night is known as the same (gk-load keeps them with first and last seen).
 */
static void
emit_error(struct crawl *c, struct group *g, const char *url, enum gk_err e,
    const char *fmt, ...)
{
	char id[17], msg[URL_MAX + 512];
	va_list ap;
	int n;

	n = snprintf(msg, sizeof(msg), "%s: ", url);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - (size_t)n, fmt, ap);
	va_end(ap);
	gk_doc_id(url, id);
	if (g != NULL && g->id[0] == '\0')
		memcpy(g->id, id, sizeof(g->id));
	gk_emit(out_of(c, g), GK_ERROR, id, "fetch", gk_errname(e), msg);
	if (gk_verbose())
		gk_warn(NULL, "%s", msg);
	c->n_errors++;
}

/*
 * The STATUS a document goes out with.  When delivery is tracked
 * (DIR/delivered.tsv), `unchanged` means that gk-load holds these very
 * bytes; bytes it does not hold are `new` (it holds none of this URL) or
 * `changed`, whatever the download said, so that a night whose load
 * failed is made good by the next one.
 */
static const char *
delivered_status(struct crawl *c, const struct sentry *e, const char *status)
{
	const char *s = status;

	if (e == NULL || e->sha[0] == '\0' || !store_delivery(c->st))
		return status;
	if (strcmp(e->dsha, e->sha) == 0)
		s = "unchanged";
	else
		s = e->dsha[0] == '\0' ? "new" : "changed";
	if (strcmp(status, "unchanged") == 0 && strcmp(s, "unchanged") != 0)
		c->n_resent++;
	return s;
}

static void
count(struct crawl *c, const char *status)
{
	if (strcmp(status, "new") == 0)
		c->n_new++;
	else if (strcmp(status, "changed") == 0)
		c->n_changed++;
	else if (strcmp(status, "unchanged") == 0)
		c->n_unchanged++;
	else
		c->n_failed++;
}

/* `doc` for the job's URL; FETCHED is when (0: now). */
static void
emit_doc(struct crawl *c, const struct job *j, struct sentry *e,
    const char *status, time_t when)
{
	char id[17], file[PATH_MAX + 96], bytes[32], fetched[24];
	int failed = strcmp(status, "failed") == 0;

	count(c, status);
	if (e != NULL)
		e->run |= SR_EMITTED;
	if (c->op->changed_only && strcmp(status, "unchanged") == 0)
		return;
	gk_doc_id(j->url, id);
	file[0] = '\0';
	if (!failed)
		store_cache_path(c->st, e->sha, file, sizeof(file));
	snprintf(bytes, sizeof(bytes), "%lld", failed ? 0 : e->bytes);
	iso_time(when > 0 ? when : wall(c), fetched);
	if (j->g != NULL && j->g->id[0] == '\0')
		memcpy(j->g->id, id, sizeof(j->g->id));
	gk_emit(out_of(c, j->g), GK_DOC, id, j->url, j->page ? j->page : j->url, file,
	    failed ? "" : e->sha, failed ? "" : bytes, failed ? "" : e->type,
	    j->meta.title, j->meta.agency, j->meta.published, fetched, status);
}

/*
 * `listing URL AGENCY`: a page of a report column (or an agency's page
 * under a hub) was read, AGENCY the column's ("" when not known), so that
 * gk-load can list every agency the crawl knows, found or not.  Written
 * at once, outside any group.
 */
static void
emit_listing(struct crawl *c, const struct job *j)
{
	gk_emit(c->out, GK_LISTING, j->url, j->meta.agency);
}

/* --- the queue ----------------------------------------------------- */

static struct host *
host_of(struct crawl *c, const char *url)
{
	struct host *h;
	char key[URL_MAX], port[16];
	const char *p;
	size_t n;

	if (strncmp(url, "file:", 5) == 0)
		snprintf(key, sizeof(key), "file://");
	else {
		n = (size_t)(url_path(url) - url);
		if (n >= sizeof(key))
			n = sizeof(key) - 1;
		memcpy(key, url, n);
		key[n] = '\0';
	}
	for (h = c->hosts; h != NULL; h = h->next)
		if (strcmp(h->key, key) == 0)
			return h;
	if ((h = calloc(1, sizeof(*h))) == NULL)
		return NULL;
	memcpy(h->key, key, strlen(key) + 1);
	if (strncmp(url, "file:", 5) == 0 || url_host(url, h->name,
	    sizeof(h->name)) == -1)
		h->name[0] = '\0';
	h->delay_ms = conf_delay_ms(c->cf, h->name, -1);
	h->per_host = conf_per_host(c->cf, h->name);
	if (!c->cf->robots)
		h->robots = 2;
	/* the port as connect-to lines name it ("http://[::1]:8080") */
	p = strstr(key, "://");
	p = p != NULL ? p + 3 : key;
	if (*p == '[' && strchr(p, ']') != NULL)
		p = strchr(p, ']');
	if ((p = strchr(p, ':')) != NULL)
		snprintf(port, sizeof(port), "%s", p + 1);
	else
		snprintf(port, sizeof(port), "%s", strncmp(key, "https", 5) ==
		    0 ? "443" : "80");
	h->trusted = h->name[0] == '\0' || url_host_is_ip(h->name) ||
	    conf_host_named(c->cf, h->name) ||
	    conf_connect_mapped(c->cf, h->name, port);
	h->next = c->hosts;
	c->hosts = h;
	return h;
}

static void
job_free(struct crawl *c, struct job *j)
{
	int i;

	if (j == NULL)
		return;
	group_put(c, j->g);
	for (i = 0; i < j->nchain; i++)
		free(j->chain[i]);
	free(j->url);
	free(j->page);
	free(j);
}

/* An interrupted job: its group is written without it, and its page's
 * state is left for the next run to find again. */
static void
job_drop(struct crawl *c, struct job *j)
{
	if (j->g != NULL)
		j->g->incomplete = 1;
	job_free(c, j);
}

static void
push(struct crawl *c, struct job *j, int front)
{
	j->next = NULL;
	if (front) {
		j->next = c->head;
		c->head = j;
		if (c->tail == NULL)
			c->tail = j;
	} else {
		if (c->tail != NULL)
			c->tail->next = j;
		else
			c->head = j;
		c->tail = j;
	}
	c->queued++;
}

/* Take j, which follows prev (NULL: j is the head), out of the queue. */
static void
unqueue(struct crawl *c, struct job *prev, struct job *j)
{
	if (prev != NULL)
		prev->next = j->next;
	else
		c->head = j->next;
	if (c->tail == j)
		c->tail = prev;
	c->queued--;
}

static struct job *
job_new(struct crawl *c, enum kind k, const char *url, const char *page,
    const struct meta *m)
{
	struct job *j;

	if ((j = calloc(1, sizeof(*j))) == NULL || (j->url = strdup(url)) ==
	    NULL || (page != NULL && (j->page = strdup(page)) == NULL) ||
	    (j->host = host_of(c, url)) == NULL) {
		job_free(c, j);
		gk_warn(url, "out of memory");
		return NULL;
	}
	j->kind = k;
	j->fd = -1;
	if (m != NULL)
		j->meta = *m;
	return j;
}

/* Is url inside what this crawl may touch?  0 yes, else why not. */
static const char *
off_limits(struct crawl *c, const char *url, int from_http)
{
	char scheme[16], host[256];

	if (url_scheme(url, scheme, sizeof(scheme)) == -1)
		return "not a URL";
	if (strcmp(scheme, "file") == 0) {
		if (from_http)
			return "a file:// link on a web page";
		if (c->root[0] == '\0' || strncmp(url, c->root,
		    strlen(c->root)) != 0 || url[strlen(c->root)] != '/')
			return "outside the local mirror";
		return NULL;
	}
	if (url_host(url, host, sizeof(host)) == -1)
		return "no host";
	if (!conf_host_allowed(c->cf, host))
		return url_host_is_ip(host) ? "an IP address, not an allowed "
		    "host" : "not an allowed host";
	return NULL;
}

/* What the state calls a job's URL. */
static char
state_kind(const struct job *j)
{
	switch (j->kind) {
	case K_ROBOTS:
		return SK_ROBOTS;
	case K_LISTING:
		return SK_LISTING;
	case K_REPORT:
		return j->given ? SK_GIVEN : SK_REPORT;
	case K_ATTACH:
		break;
	}
	return j->page != NULL ? SK_ATTACH : SK_FILE;
}

/* A head of a group: a report page, a listed file, a URL given. */
static int
is_head(int kind)
{
	return kind == SK_REPORT || kind == SK_FILE || kind == SK_GIVEN;
}

static struct sentry *entry_for(struct crawl *, struct job *);
static void journal(struct crawl *, struct sentry *);

/*
 * Queue a link found on a page (or a start URL); from is the report page
 * of an attachment.  A report page opens a group, its attachments join it.
 * An attachment linked from a listing (from NULL, its meta from the
 * listing in m) is a page of its own, in a group of its own.
 */
static struct job *
enqueue(struct crawl *c, enum kind k, const char *url, struct job *from,
    const struct meta *m, int from_http)
{
	struct group *g = from != NULL ? from->g : NULL;
	const char *why;
	struct job *j;
	int r;

	if ((r = seen_add(&c->seen, url)) <= 0) {
		if (r == -1)
			gk_warn(url, "out of memory");
		return NULL;
	}
	if ((why = off_limits(c, url, from_http)) != NULL) {
		struct job fake = { .url = (char *)url, .g = g };

		if (from != NULL) {
			fake.page = from->url;
			fake.meta = from->meta;
		} else if (m != NULL)
			fake.meta = *m;
		fake.kind = k;
		if (k != K_LISTING) {
			struct sentry *e = NULL;

			/* known as such: it comes again on the nights its
			 * page is not read */
			if (c->walking && (e = entry_for(c, &fake)) != NULL) {
				if (e->code != GK_E_OFF_HOST ||
				    strcmp(e->msg, why) != 0)
					e->run |= SR_DIRTY;
				e->code = GK_E_OFF_HOST;
				e->sha[0] = '\0';
				(void)store_set(&e->msg, why);
				journal(c, e);
			}
			emit_doc(c, &fake, e, "failed", 0);
		}
		emit_error(c, g, url, GK_E_OFF_HOST, "%s", why);
		return NULL;
	}
	if (k == K_LISTING && c->nlisting >= c->cf->max_listing) {
		emit_error(c, g, url, GK_E_TOO_MANY,
		    "more than %d listing pages", c->cf->max_listing);
		return NULL;
	}
	if (k != K_LISTING && c->ndocs >= c->cf->max_docs) {
		emit_error(c, g, url, GK_E_TOO_MANY, "more than %d documents",
		    c->cf->max_docs);
		return NULL;
	}
	if (k == K_LISTING)
		c->nlisting++;
	else
		c->ndocs++;
	if ((j = job_new(c, k, url, from != NULL ? from->url : NULL,
	    from != NULL ? &from->meta : m)) == NULL)
		return NULL;
	if ((k == K_REPORT || (k == K_ATTACH && from == NULL)) &&
	    (j->g = group_new()) == NULL)
		gk_warn(url, "out of memory: its records are not grouped");
	if (k == K_ATTACH && g != NULL) {
		j->g = g;
		g->refs++;
	}
	if (k == K_ATTACH && c->splice) {
		/* queued ahead of other pages: the group closes sooner */
		if (c->sp_tail != NULL)
			c->sp_tail->next = j;
		else
			c->sp_head = j;
		c->sp_tail = j;
		j->next = NULL;
		return j;
	}
	push(c, j, 0);
	return j;
}

/* --- transfers ----------------------------------------------------- */

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n, off = 0;

	/* CURLOPT_MAXFILESIZE needs a Content-Length: this bounds the rest
	 * (chunked bodies, and the inflated bytes of a compressed one) */
	if (j->bytes + (long long)len > j->max) {
		j->too_big = 1;
		return 0;
	}
	while (off < len) {
		ssize_t w = write(j->fd, p + off, len - off);

		if (w == -1) {
			if (errno == EINTR)
				continue;
			return 0;
		}
		off += (size_t)w;
	}
	gk_sha256_add(j->sha, p, len);
	j->bytes += (long long)len;
	return len;
}

static void
header_value(const char *p, size_t n, char *out, size_t outsz)
{
	while (n > 0 && (*p == ' ' || *p == '\t'))
		p++, n--;
	while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == '\n' ||
	    p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n >= outsz)
		n = 0;		/* an oversized header is no header */
	for (size_t i = 0; i < n; i++)
		out[i] = p[i] == '\t' ? ' ' : p[i];
	out[n] = '\0';
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n;
	char v[64];

	/* headers without end (a megabyte of them) are refused */
	if ((j->hbytes += (long long)len) > HEADERS_MAX) {
		j->hdr_big = 1;
		return 0;
	}
	if (len >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		/* a new response (after 100 Continue): forget the old one */
		j->etag[0] = j->lastmod[0] = j->ctype[0] = '\0';
		j->retry_after = -1;
	} else if (len > 5 && strncasecmp(p, "ETag:", 5) == 0)
		header_value(p + 5, len - 5, j->etag, sizeof(j->etag));
	else if (len > 14 && strncasecmp(p, "Last-Modified:", 14) == 0)
		header_value(p + 14, len - 14, j->lastmod, sizeof(j->lastmod));
	else if (len > 13 && strncasecmp(p, "Content-Type:", 13) == 0)
		header_value(p + 13, len - 13, j->ctype, sizeof(j->ctype));
	else if (len > 12 && strncasecmp(p, "Retry-After:", 12) == 0) {
		header_value(p + 12, len - 12, v, sizeof(v));
		if (v[0] >= '0' && v[0] <= '9')
			j->retry_after = strtol(v, NULL, 10);
		else if (v[0] != '\0') {
			time_t t = curl_getdate(v, NULL);

			if (t != -1)
				j->retry_after = t > time(NULL) ?
				    (long)(t - time(NULL)) : 0;
		}
	}
	return len;
}

/* Loopback, private, link-local, shared and reserved addresses. */
static int
private_addr(const char *ip)
{
	unsigned char a[16];

	if (inet_pton(AF_INET, ip, a) == 1)
		goto v4;
	if (inet_pton(AF_INET6, ip, a) != 1)
		return 1;	/* not an address we can judge: refused */
	if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80))
		return 1;	/* fc00::/7, fe80::/10 */
	{
		static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0,
		    0, 0, 0, 0xff, 0xff }, zero[15] = { 0 };

		if (memcmp(a, zero, 15) == 0)
			return 1;	/* :: and ::1 */
		if (memcmp(a, mapped, 12) != 0)
			return 0;
		memmove(a, a + 12, 4);
	}
v4:
	return a[0] == 0 || a[0] == 10 || a[0] == 127 || a[0] >= 224 ||
	    (a[0] == 169 && a[1] == 254) || (a[0] == 172 && (a[1] & 0xf0) ==
	    16) || (a[0] == 192 && a[1] == 168) || (a[0] == 100 &&
	    (a[1] & 0xc0) == 64);
}

/*
 * Connected, the request not yet sent: a host name that resolved to a
 * private address (an allowed name pointing inside, or a DNS answer
 * rebound) is not asked, unless the user named the host or sent it
 * there (connect-to).
 */
static int
on_prereq(void *arg, char *ip, char *local, int port, int lport)
{
	struct job *j = arg;

	(void)local;
	(void)port;
	(void)lport;
	if (j->host->trusted || !private_addr(ip))
		return CURL_PREREQFUNC_OK;
	snprintf(j->refused, sizeof(j->refused), "%s", ip);
	return CURL_PREREQFUNC_ABORT;
}

static void
end_transfer(struct crawl *c, struct job *j)
{
	if (j->e != NULL) {
		struct job **pp;

		for (pp = &c->running; *pp != NULL; pp = &(*pp)->rnext)
			if (*pp == j) {
				*pp = j->rnext;
				break;
			}
		curl_multi_remove_handle(c->m, j->e);
		curl_easy_cleanup(j->e);
		j->e = NULL;
		j->host->active--;
		c->active--;
	}
	curl_slist_free_all(j->hdrs);
	j->hdrs = NULL;
	if (j->fd != -1) {
		close(j->fd);
		j->fd = -1;
		unlink(j->tmp);
	}
	if (j->sha != NULL) {
		char junk[GK_SHA256_HEX];

		gk_sha256_end(j->sha, junk);
		j->sha = NULL;
	}
}

/* Milliseconds left of the job's document-timeout. */
static long long
budget_left(const struct crawl *c, const struct job *j)
{
	return j->t0 == 0 ? c->cf->doc_timeout * 1000LL :
	    c->cf->doc_timeout * 1000LL - (now_ms() - j->t0);
}

static int
start(struct crawl *c, struct job *j)
{
	const struct fetch_conf *cf = c->cf;
	struct sentry *e;
	long long left;
	char h[512];

	j->bytes = j->hbytes = 0;
	j->too_big = j->hdr_big = 0;
	j->refused[0] = j->errbuf[0] = '\0';
	j->retry_after = -1;
	j->status = 0;
	j->etag[0] = j->lastmod[0] = j->ctype[0] = '\0';
	j->max = j->kind == K_ATTACH ? cf->max_bytes :
	    cf->max_page_bytes < cf->max_bytes ? cf->max_page_bytes :
	    cf->max_bytes;
	if (j->kind == K_ROBOTS)
		j->max = ROBOTS_MAX;
	if (j->t0 == 0)
		j->t0 = now_ms();
	left = budget_left(c, j);
	if ((j->fd = store_tmp(c->st, j->tmp, sizeof(j->tmp))) == -1) {
		gk_warn(j->url, "no temporary file in the cache: %s",
		    strerror(errno));
		return -1;
	}
	if ((j->sha = gk_sha256_new()) == NULL || (j->e = curl_easy_init()) ==
	    NULL) {
		end_transfer(c, j);
		return -1;
	}
	curl_easy_setopt(j->e, CURLOPT_URL, j->url);
	curl_easy_setopt(j->e, CURLOPT_PRIVATE, j);
	curl_easy_setopt(j->e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(j->e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(j->e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(j->e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(j->e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(j->e, CURLOPT_PREREQFUNCTION, on_prereq);
	curl_easy_setopt(j->e, CURLOPT_PREREQDATA, j);
	curl_easy_setopt(j->e, CURLOPT_USERAGENT, cf->user_agent);
	curl_easy_setopt(j->e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(j->e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(j->e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(j->e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(j->e, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(j->e, CURLOPT_CONNECTTIMEOUT, cf->connect_timeout);
	/* one attempt's bound, within what is left of the document's */
	curl_easy_setopt(j->e, CURLOPT_TIMEOUT_MS, left < cf->timeout * 1000L ?
	    (long)(left > 1 ? left : 1) : cf->timeout * 1000L);
	curl_easy_setopt(j->e, CURLOPT_LOW_SPEED_LIMIT, cf->low_speed_limit);
	curl_easy_setopt(j->e, CURLOPT_LOW_SPEED_TIME, cf->low_speed_time);
	/* a robots.txt over its bound is read up to it (on_body), not
	 * refused for its Content-Length */
	if (j->kind != K_ROBOTS)
		curl_easy_setopt(j->e, CURLOPT_MAXFILESIZE_LARGE,
		    (curl_off_t)j->max);
	if (c->connect_to != NULL)
		curl_easy_setopt(j->e, CURLOPT_CONNECT_TO, c->connect_to);
	if (cf->ca_file != NULL)
		curl_easy_setopt(j->e, CURLOPT_CAINFO, cf->ca_file);
	/* conditional only when the cache still holds what the state names */
	e = store_get(c->st, j->url);
	if (e != NULL && !j->nocond && store_has(c->st, e->sha) &&
	    strncmp(j->url, "http", 4) == 0) {
		if (e->etag[0] != '\0') {
			snprintf(h, sizeof(h), "If-None-Match: %s", e->etag);
			j->hdrs = curl_slist_append(j->hdrs, h);
		}
		if (e->lastmod[0] != '\0') {
			snprintf(h, sizeof(h), "If-Modified-Since: %s",
			    e->lastmod);
			j->hdrs = curl_slist_append(j->hdrs, h);
		}
		curl_easy_setopt(j->e, CURLOPT_HTTPHEADER, j->hdrs);
	}
	if (curl_multi_add_handle(c->m, j->e) != CURLM_OK) {
		curl_easy_cleanup(j->e);
		j->e = NULL;
		end_transfer(c, j);
		return -1;
	}
	j->host->active++;
	c->active++;
	j->rnext = c->running;
	c->running = j;
	return 0;
}

static void success(struct crawl *, struct job *, int not_modified,
    enum gk_err stale, const char *why);

/* A state entry for the job's URL, with what every outcome records. */
static struct sentry *
entry_for(struct crawl *c, struct job *j)
{
	struct sentry *e = store_put(c->st, j->url);
	char k = state_kind(j);

	if (e == NULL)
		return NULL;
	if (e->kind != k) {
		e->kind = k;
		e->run |= SR_DIRTY;
	}
	if ((j->page == NULL) != (e->page == NULL) || (j->page != NULL &&
	    strcmp(j->page, e->page) != 0)) {
		if (j->page == NULL) {
			free(e->page);
			e->page = NULL;
		} else if (store_set(&e->page, j->page) == -1)
			return NULL;
		e->run |= SR_DIRTY;
	}
	if (e->first == 0) {
		e->first = wall(c);
		e->run |= SR_DIRTY;
	}
	e->checked = wall(c);
	e->run |= SR_CHECKED;
	return e;
}

/* Journal the entry now, or when its group ends (a group's head). */
static void
record(struct crawl *c, struct job *j, struct sentry *e)
{
	if (is_head(e->kind) && j->g != NULL) {
		j->g->head = e;
		return;
	}
	journal(c, e);
}

/* Give up on a job: its records, what the state learns, and it is freed. */
static void
fail(struct crawl *c, struct job *j, enum gk_err code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(struct crawl *c, struct job *j, enum gk_err code, const char *fmt, ...)
{
	char msg[512];
	struct sentry *e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	end_transfer(c, j);
	if (j->nchain > 0 && j->kind != K_ROBOTS) {
		/* failed after redirects: the URL a page linked is the one
		 * that failed, the one found again on the next run */
		size_t n = strlen(msg);

		if (code != GK_E_REDIRECT_LOOP && n + 32 < sizeof(msg))
			snprintf(msg + n, sizeof(msg) - n, " (redirected to %.*s)",
			    (int)(sizeof(msg) - n - 20), j->url);
		free(j->url);
		j->url = j->chain[0];
		memmove(j->chain, j->chain + 1, (size_t)(j->nchain - 1) *
		    sizeof(j->chain[0]));
		j->nchain--;
	}
	if (j->kind == K_ROBOTS) {
		/* RFC 9309 2.3.1: unreachable robots.txt → disallow all; the
		 * host's URLs are not asked, under the failure's own code */
		j->host->rb = robots_all(0);
		j->host->robots = 2;
		if (code == GK_E_OFF_HOST) {
			j->host->refused = 1;
			snprintf(j->host->why, sizeof(j->host->why), "%.255s",
			    msg);
		} else if (conn_level(code))
			j->host->down = 1;	/* host_note said why */
		emit_error(c, NULL, j->url, code, "robots.txt unreachable "
		    "(%s): the host is not crawled", msg);
		job_free(c, j);
		return;
	}
	e = store_get(c->st, j->url);
	if (j->kind == K_LISTING) {
		if (!lasting(j, code))
			c->walk_incomplete = 1;
		else if ((e = entry_for(c, j)) != NULL) {
			if (e->code != code || strcmp(e->msg, msg) != 0)
				e->run |= SR_DIRTY;
			e->code = (unsigned char)code;
			e->sha[0] = '\0';
			(void)store_set(&e->msg, msg);
			journal(c, e);
		}
		emit_error(c, j->g, j->url, code, "%s", msg);
		job_free(c, j);
		return;
	}
	/* a known document that cannot be asked tonight: as it was */
	if (!lasting(j, code) && e != NULL && e->code == 0 &&
	    store_has(c->st, e->sha)) {
		success(c, j, 1, code, msg);
		return;
	}
	if (lasting(j, code) && (e = entry_for(c, j)) != NULL) {
		if (e->code != code || strcmp(e->msg, msg) != 0 ||
		    e->sha[0] != '\0')
			e->run |= SR_DIRTY;
		e->code = (unsigned char)code;
		e->sha[0] = '\0';
		(void)store_set(&e->msg, msg);
		if (is_head(e->kind)) {
			(void)store_set(&e->title, j->meta.title);
			(void)store_set(&e->agency, j->meta.agency);
			snprintf(e->published, sizeof(e->published), "%s",
			    j->meta.published);
		}
		record(c, j, e);
	} else
		e = NULL;
	emit_doc(c, j, e, "failed", 0);
	emit_error(c, j->g, j->url, code, "%s", msg);
	job_free(c, j);
}

static int
retry(struct crawl *c, struct job *j, long retry_after)
{
	const struct fetch_conf *cf = c->cf;
	long long wait;

	if (j->attempt >= cf->retries || stop)
		return 0;
	wait = cf->backoff_ms << (j->attempt < 20 ? j->attempt : 20);
	if (wait > cf->backoff_max_ms)
		wait = cf->backoff_max_ms;
	wait += cf->backoff_ms > 0 ? rand() % (cf->backoff_ms / 2 + 1) : 0;
	if (retry_after >= 0)
		wait = (retry_after < cf->retry_after_max ? retry_after :
		    cf->retry_after_max) * 1000LL;
	/* not when the wait alone would take the document past its bound */
	if (budget_left(c, j) - wait < 1000)
		return 0;
	end_transfer(c, j);
	j->attempt++;
	j->not_before = now_ms() + wait;
	gk_debug("retry %d of %s in %lld ms", j->attempt, j->url, wait);
	push(c, j, 0);
	return 1;
}

/*
 * What a listing row says of a file it links: the title (the link's text,
 * or its title attribute when the text is cut short or empty) and the date
 * printed beside it (<li><a>title</a><span>2021-03-09</span></li>).
 */
static void
listed_meta(const struct page_link *l, struct meta *m)
{
	const char *after;
	size_t n = strlen(l->text);

	snprintf(m->title, sizeof(m->title), "%s", crawl_link_name(l));
	/* the date after the link text first: a title holds years too */
	if ((after = strstr(l->label, l->text)) != NULL && n > 0)
		after += n;
	else
		after = l->label;
	if (page_find_date(after, m->published) == -1 &&
	    page_find_date(l->label, m->published) == -1)
		m->published[0] = '\0';
}

/* Queue a listing page of the given kind and agency; entry: the first
 * page of a column. */
static void
enqueue_listing(struct crawl *c, const char *url, enum page_kind pk,
    const char *agency, int http, int entry)
{
	struct meta m;
	struct job *n;

	memset(&m, 0, sizeof(m));
	snprintf(m.agency, sizeof(m.agency), "%s", agency);
	if ((n = enqueue(c, K_LISTING, url, NULL, &m, http)) != NULL) {
		n->page_kind = pk;
		n->entry = entry;
	}
}

/*
 * A report or listed file the state knows (whatever it turned out to be,
 * a failure too): a crawl asks for it only when the schedule says so
 * (queued at the start of the run), and takes it from the state else.
 */
static int
known(struct crawl *c, const char *url)
{
	struct sentry *e;

	if (!c->walking || (e = store_get(c->st, url)) == NULL)
		return 0;
	return e->kind == SK_REPORT || e->kind == SK_FILE ||
	    e->kind == SK_ATTACH;
}

/* A link to another page of the same listing (not a year folder or a
 * sub-column below it). */
static int
pagination(const struct crawl *c, const struct job *j,
    const struct page_link *l)
{
	return label_any(c->cf->next_label, c->cf->nnext_label, l->text) ||
	    (link_in_folder(l->url, j->url) && !link_below(l->url, j->url));
}

/*
 * Queue what a listing, hub or report page links to.  A listing page
 * whose entries (report pages, files) are all known ends its pagination
 * here: the rest was read on an earlier run.  Otherwise (and on a full
 * walk) its next page is read; a full walk reads all of them at once.
 */
static void
follow(struct crawl *c, struct job *j, const struct page_info *pi)
{
	int http = strncmp(j->url, "http", 4) == 0, k, entries = 0,
	    nknown = 0, more, cur = link_page_number(j->url), next = -1;
	enum page_kind from = j->kind == K_REPORT ? PAGE_REPORT : j->page_kind;
	char agency[sizeof(j->meta.agency)];
	const char *next_url = NULL;
	struct meta m;
	size_t i;

	for (i = 0; j->kind == K_LISTING && i < pi->nlinks; i++) {
		const struct page_link *l = &pi->links[i];
		enum link_kind lk = crawl_classify(c->cf, from, j->url, l);
		int n;

		if (lk == LINK_REPORT || lk == LINK_ATTACHMENT) {
			entries++;
			nknown += known(c, l->url);
		} else if (lk == LINK_LISTING && pagination(c, j, l)) {
			/* the next page: labelled so, else the next number */
			n = link_page_number(l->url);
			if (label_any(c->cf->next_label, c->cf->nnext_label,
			    l->text)) {
				next_url = l->url;
				next = INT_MAX;
			} else if (n > cur && (next == -1 || n < next) &&
			    next != INT_MAX) {
				next_url = l->url;
				next = n;
			}
		}
	}
	more = c->full || !(entries > 0 && nknown == entries);
	c->splice = 1;
	for (i = 0; i < pi->nlinks; i++) {
		const struct page_link *l = &pi->links[i];
		enum link_kind lk = crawl_classify(c->cf, from, j->url, l);

		switch (lk) {
		case LINK_REPORT:
			if (known(c, l->url))
				break;
			/* the column's agency, when the page names none */
			memset(&m, 0, sizeof(m));
			memcpy(m.agency, j->meta.agency, sizeof(m.agency));
			enqueue(c, K_REPORT, l->url, NULL, &m, http);
			break;
		case LINK_LISTING:
			if (j->kind == K_LISTING && pagination(c, j, l) &&
			    (!more || (!c->full && next_url != NULL &&
			    strcmp(l->url, next_url) != 0)))
				break;
			/* FALLTHROUGH */
		case LINK_COLUMN:
		case LINK_AGENCY:
		case LINK_HUB:
			listing_agency(c, j, lk, l, agency, sizeof(agency));
			enqueue_listing(c, l->url, lk == LINK_HUB ? PAGE_HUB :
			    lk == LINK_AGENCY ? PAGE_AGENCY : PAGE_LISTING,
			    agency, http, lk == LINK_COLUMN);
			break;
		case LINK_ATTACHMENT:
			if (j->kind == K_REPORT)
				enqueue(c, K_ATTACH, l->url, j, NULL, http);
			else if (!known(c, l->url)) {
				memset(&m, 0, sizeof(m));
				listed_meta(l, &m);
				memcpy(m.agency, j->meta.agency,
				    sizeof(m.agency));
				enqueue(c, K_ATTACH, l->url, NULL, &m, http);
			}
			break;
		case LINK_NONE:
			break;
		}
	}
	/* TRS listings draw their pager in JavaScript */
	for (k = 1; j->kind == K_LISTING && more && k < pi->pager_count &&
	    k < c->cf->max_listing; k++) {
		char rel[128], u[URL_MAX];

		if (!c->full && (next_url != NULL || k != cur + 1))
			continue;	/* the next page only, when it is not linked */
		snprintf(rel, sizeof(rel), "%s_%d.%s", pi->pager_prefix, k,
		    pi->pager_ext);
		if (url_resolve(j->url, rel, u, sizeof(u)) == 0)
			enqueue_listing(c, u, j->page_kind, j->meta.agency,
			    http, 0);
	}
	/* attachments go to the front, in the order the page links them */
	c->splice = 0;
	if (c->sp_head != NULL) {
		struct job *q;

		for (q = c->sp_head; q != NULL; q = q->next)
			c->queued++;
		c->sp_tail->next = c->head;
		if (c->head == NULL)
			c->tail = c->sp_tail;
		c->head = c->sp_head;
		c->sp_head = c->sp_tail = NULL;
	}
}

/*
 * robots.txt is known: the host's pause becomes the longer of delay-ms and
 * its Crawl-delay (bounded), counted from the start of the robots.txt
 * request as well.
 */
static void
set_delay(struct crawl *c, struct host *h, long robots_ms)
{
	long d = conf_delay_ms(c->cf, h->name, robots_ms);

	if (d > h->delay_ms && h->next_ms > 0)
		h->next_ms += d - h->delay_ms;
	if (d != h->delay_ms)
		gk_debug("%s: %ld ms between requests (Crawl-delay %ld ms)",
		    h->key, d, robots_ms);
	h->delay_ms = d;
}

/* Read the cached copy: set TYPE, then parse robots.txt or a page.
 * *parsed: 1 parsed, 0 not a page, -1 interrupted. */
static int
use_body(struct crawl *c, struct job *j, struct sentry *e, int *parsed,
    struct page_info *pi)
{
	char path[PATH_MAX + 96];
	struct gk_buf b;

	*parsed = 0;
	store_cache_path(c->st, e->sha, path, sizeof(path));
	gk_buf_init(&b, (size_t)c->cf->max_bytes);
	if (gk_buf_read_file(&b, path) != 0) {
		gk_buf_free(&b);
		return -1;
	}
	snprintf(e->type, sizeof(e->type), "%s",
	    gk_sniff((const unsigned char *)b.p, b.len));
	if (j->kind == K_ROBOTS) {
		robots_free(j->host->rb);
		if ((j->host->rb = robots_parse(b.p, b.len,
		    c->cf->user_agent)) == NULL)
			j->host->rb = robots_all(1);
		j->host->robots = 2;
		set_delay(c, j->host, robots_crawl_delay(j->host->rb));
		if (memchr(b.p != NULL ? b.p : "", '\0', b.len) != NULL)
			emit_error(c, NULL, j->url, GK_E_CORRUPT, "robots.txt "
			    "is not text (NUL bytes): only the lines that parse "
			    "are obeyed");
	} else if (j->kind != K_ATTACH && !(j->given &&
	    strcmp(e->type, "html") != 0)) {
		struct page_labels lb = { c->cf->date_label,
		    c->cf->ndate_label, c->cf->source_label,
		    c->cf->nsource_label };
		int rc = page_parse(b.p, b.len, j->url, e->charset,
		    c->root[0] ? c->root : NULL, &lb, pi);

		*parsed = rc == 0 ? 1 : rc == -2 ? -1 : 0;
	}
	gk_buf_free(&b);
	return 0;
}

static void
set_str(struct sentry *e, char **field, const char *v)
{
	if (strcmp(*field, v) != 0 && store_set(field, v) == 0)
		e->run |= SR_DIRTY;
}

/*
 * A body (or a 304) is in: commit it, update the state, emit, follow.
 * stale (not GK_E_OK): the URL could not be asked tonight (why): its
 * cached copy stands in, the state is left as it was, an error follows
 * the record when why is not NULL.
 */
static void
success(struct crawl *c, struct job *j, int not_modified, enum gk_err stale,
    const char *why)
{
	struct sentry *e = store_get(c->st, j->url);
	char sha[GK_SHA256_HEX], *cs;
	const char *status;
	struct page_info pi;
	int parsed;

	if (not_modified) {
		end_transfer(c, j);
		if (stale == GK_E_OK)
			c->not_modified++;
		status = "unchanged";
	} else {
		gk_sha256_end(j->sha, sha);
		j->sha = NULL;
		if (store_commit(c->st, j->fd, j->tmp, sha) == -1) {
			fail(c, j, GK_E_INTERNAL, "cannot write the cache: %s",
			    strerror(errno));
			return;
		}
		close(j->fd);
		j->fd = -1;
		c->bodies++;
		c->body_bytes += j->bytes;
		if (e == NULL && (e = store_put(c->st, j->url)) == NULL) {
			fail(c, j, GK_E_NOMEM, "no memory for the state");
			return;
		}
		status = e->sha[0] == '\0' ? "new" : strcmp(e->sha, sha) == 0 ?
		    "unchanged" : "changed";
		if (strcmp(e->sha, sha) != 0 || strcmp(e->etag, j->etag) != 0 ||
		    strcmp(e->lastmod, j->lastmod) != 0 || e->code != 0)
			e->run |= SR_DIRTY;
		memcpy(e->sha, sha, sizeof(sha));
		e->bytes = j->bytes;
		(void)store_set(&e->etag, j->etag);
		snprintf(e->lastmod, sizeof(e->lastmod), "%.39s", j->lastmod);
		e->charset[0] = '\0';
		if ((cs = strcasestr(j->ctype, "charset=")) != NULL) {
			cs += 8;
			cs += strspn(cs, "\"' ");
			snprintf(e->charset, sizeof(e->charset), "%.*s",
			    (int)strcspn(cs, "\"'; "), cs);
		}
		e->fetched = wall(c);
		e->code = 0;
		(void)store_set(&e->msg, "");
		end_transfer(c, j);
	}
	if (stale == GK_E_OK && entry_for(c, j) == NULL) {
		fail(c, j, GK_E_NOMEM, "no memory for the state");
		return;
	}
	if (use_body(c, j, e, &parsed, &pi) == -1) {
		fail(c, j, GK_E_OPEN, "the cached copy cannot be read: %s",
		    strerror(errno));
		return;
	}
	if (parsed == 1 && j->kind == K_REPORT) {
		snprintf(j->meta.title, sizeof(j->meta.title), "%s", pi.title);
		/* a source naming the web site leaves the column's agency */
		if (pi.agency[0] != '\0' && !conf_match(c->cf->source_ignore,
		    c->cf->nsource_ignore, pi.agency))
			snprintf(j->meta.agency, sizeof(j->meta.agency), "%s",
			    pi.agency);
		snprintf(j->meta.published, sizeof(j->meta.published), "%s",
		    pi.published);
		e->run |= SR_PARSED;
	}
	if (stale == GK_E_OK && is_head(e->kind)) {
		set_str(e, &e->title, j->meta.title);
		set_str(e, &e->agency, j->meta.agency);
		if (strcmp(e->published, j->meta.published) != 0) {
			snprintf(e->published, sizeof(e->published), "%s",
			    j->meta.published);
			e->run |= SR_DIRTY;
		}
	} else if (stale == GK_E_OK && j->kind == K_LISTING) {
		/* what the page is to the walk: a hub and an agency's page
		 * are read on full walks, a column's first page every night,
		 * its other pages as far as they hold new entries */
		set_str(e, &e->title, j->page_kind == PAGE_HUB ? "hub" :
		    j->page_kind == PAGE_AGENCY ? "agency" : j->entry ?
		    "column" : "");
		set_str(e, &e->agency, j->meta.agency);
	}
	if (parsed == 1 && j->kind == K_LISTING) {
		e->run |= SR_WALKED;
		if (j->page_kind != PAGE_HUB)
			emit_listing(c, j);
	}
	if (j->kind == K_REPORT || j->kind == K_ATTACH) {
		emit_doc(c, j, e, delivered_status(c, e, status), stale ==
		    GK_E_OK ? 0 : e->checked);
		if (why != NULL)
			emit_error(c, j->g, j->url, stale, "%s: the copy of %s "
			    "stands in", why, e->checked > 0 ? "its last check" :
			    "the cache");
	}
	if (stale == GK_E_OK)
		record(c, j, e);
	if (parsed == 1) {
		if (pi.nlinks_over > 0)
			emit_error(c, j->g, j->url, GK_E_TOO_MANY, "%zu links "
			    "past the limit of %d not followed", pi.nlinks_over,
			    PAGE_MAX_LINKS);
		follow(c, j, &pi);
		page_free(&pi);
	} else if (parsed == 0 && (j->kind == K_LISTING || (j->kind ==
	    K_REPORT && !j->given)))
		emit_error(c, j->g, j->url, GK_E_CORRUPT,
		    "not a readable HTML page");
	job_free(c, j);
}

/* a → b → a: the hops of a chain, for the message. */
static void
chain_text(const struct job *j, const char *to, char *out, size_t outsz)
{
	size_t n = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < j->nchain && n + 1 < outsz; i++)
		n += (size_t)snprintf(out + n, outsz - n, "%.400s → ",
		    j->chain[i]);
	if (n + 1 < outsz)
		snprintf(out + n, outsz - n, "%.400s → %.400s", j->url, to);
}

static void
redirect(struct crawl *c, struct job *j, long code)
{
	char *loc = NULL, u[URL_MAX], scheme[16], hops[1024];
	const char *why;
	struct sentry *e;
	int r, i;

	curl_easy_getinfo(j->e, CURLINFO_REDIRECT_URL, &loc);
	if (loc == NULL || url_normalize(loc, u, sizeof(u)) == -1) {
		fail(c, j, GK_E_HTTP, "HTTP %ld without a usable Location",
		    code);
		return;
	}
	if (url_scheme(u, scheme, sizeof(scheme)) == -1 ||
	    strcmp(scheme, "file") == 0)
		why = "a redirect to a file:// URL";
	else
		why = off_limits(c, u, 1);
	if (why != NULL) {
		fail(c, j, GK_E_OFF_HOST, "redirect to %s: %s", u, why);
		return;
	}
	/* back to a URL of its own chain (or to itself): never ends */
	for (i = 0; i < j->nchain && strcmp(j->chain[i], u) != 0; i++)
		;
	if (i < j->nchain || strcmp(j->url, u) == 0) {
		chain_text(j, u, hops, sizeof(hops));
		fail(c, j, GK_E_REDIRECT_LOOP, "redirect loop: %s", hops);
		return;
	}
	if (j->hops >= c->cf->max_redirects ||
	    j->nchain >= (int)(sizeof(j->chain) / sizeof(j->chain[0]))) {
		fail(c, j, GK_E_TOO_MANY, "more than %d redirects",
		    c->cf->max_redirects);
		return;
	}
	end_transfer(c, j);
	/* the document is the redirect's target; its first URL is known as
	 * such, so that a listing linking it is a listing of known entries */
	if ((j->kind == K_REPORT || j->kind == K_ATTACH) &&
	    (e = entry_for(c, j)) != NULL) {
		char note[URL_MAX + 32];

		snprintf(note, sizeof(note), "redirected to %s", u);
		if (e->sha[0] != '\0' || e->code != 0) {
			e->sha[0] = '\0';
			e->code = 0;
			e->run |= SR_DIRTY;
		}
		set_str(e, &e->msg, note);
		journal(c, e);
	}
	(void)seen_add(&c->hops, j->url);
	if ((r = seen_add(&c->seen, u)) <= 0 && !seen_has(&c->hops, u)) {
		/* the target is fetched on its own account */
		gk_debug("%s: redirect to %s, already queued", j->url, u);
		job_free(c, j);
		return;
	}
	j->chain[j->nchain++] = j->url;
	if ((j->url = strdup(u)) == NULL || (j->host = host_of(c, u)) == NULL) {
		gk_warn(u, "out of memory");
		job_free(c, j);
		return;
	}
	j->hops++;
	j->attempt = 0;
	j->not_before = 0;
	push(c, j, 1);
}

static int
retryable(CURLcode rc)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
		return 1;
	default:
		return 0;
	}
}

/* The error code of a transfer that failed, and why in words. */
static enum gk_err
curl_code_err(const struct crawl *c, struct job *j, CURLcode rc, char *why,
    size_t whysz)
{
	long c_low_limit = c->cf->low_speed_limit, c_low_time =
	    c->cf->low_speed_time, oserr = 0;
	curl_off_t connect = 0;
	enum gk_err e;

	curl_easy_getinfo(j->e, CURLINFO_CONNECT_TIME_T, &connect);
	snprintf(why, whysz, "%s", curl_easy_strerror(rc));
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		if (connect == 0 && j->bytes == 0 && j->hbytes == 0) {
			snprintf(why, whysz, "the connection timed out");
			return GK_E_UNREACHABLE;
		}
		if (strstr(j->errbuf, "too slow") != NULL)
			snprintf(why, whysz, "stalled: under %ld bytes/s for "
			    "%ld s (%lld bytes came)", c_low_limit, c_low_time,
			    j->bytes);
		else if (j->bytes > 0)
			snprintf(why, whysz, "timed out: %lld bytes came in "
			    "the time allowed", j->bytes);
		return GK_E_TIMEOUT;
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		snprintf(why, whysz, "the host name did not resolve");
		return GK_E_DNS;
	case CURLE_COULDNT_CONNECT:
		/* refused, or no route: the socket's errno says which */
		curl_easy_getinfo(j->e, CURLINFO_OS_ERRNO, &oserr);
		snprintf(why, whysz, "%s", oserr == ECONNREFUSED ?
		    "connection refused" : oserr == EHOSTUNREACH ||
		    oserr == ENETUNREACH ? "no route to the host" : oserr ==
		    ETIMEDOUT ? "the connection timed out" : "could not connect");
		return GK_E_UNREACHABLE;
	case CURLE_PARTIAL_FILE:
		return GK_E_TRUNCATED;
	case CURLE_FILESIZE_EXCEEDED:
		return GK_E_TOO_BIG;
	case CURLE_FILE_COULDNT_READ_FILE:
		return GK_E_OPEN;
	case CURLE_OUT_OF_MEMORY:
		/* what curl says when a header line passes its 100 KB bound */
		snprintf(why, whysz, "the response does not fit curl's bounds "
		    "(a header line over 100 KB)");
		return GK_E_TOO_BIG;
	case CURLE_ABORTED_BY_CALLBACK:
		if (j->refused[0] != '\0') {
			snprintf(why, whysz, "%.160s resolves to %.48s, a "
			    "private address", j->host->name, j->refused);
			return GK_E_OFF_HOST;
		}
		return GK_E_INTERNAL;
	default:
		e = GK_E_NETWORK;
		break;
	}
	return e;
}

/* What a host's answer (or failure) says of the host. */
static void
host_note(struct crawl *c, struct job *j, int failed, enum gk_err code,
    const char *why)
{
	struct host *h = j->host;

	if (strcmp(h->key, "file://") == 0)
		return;
	if (!failed) {
		if (j->kind != K_ROBOTS)	/* a page, not only robots.txt */
			h->answered++;
		h->in_row = 0;
		return;
	}
	h->failed++;
	h->in_row++;
	h->cause = code;
	snprintf(h->why, sizeof(h->why), "%s", why);
	if (!h->down && h->answered == 0 && h->in_row >=
	    c->cf->host_down_after) {
		h->down = 1;
		gk_debug("%s: %d requests failed (%s): taken as down",
		    h->name, h->in_row, why);
	}
}

static void
done(struct crawl *c, struct job *j, CURLcode rc)
{
	long code = 0;
	char why[256];
	enum gk_err e;

	curl_easy_getinfo(j->e, CURLINFO_RESPONSE_CODE, &code);
	j->status = code;
	if (gk_verbose()) {
		curl_off_t us = 0;

		curl_easy_getinfo(j->e, CURLINFO_TOTAL_TIME_T, &us);
		if (rc != CURLE_OK)
			gk_debug("GET %s: %s, %lld bytes, %.2f s", j->url,
			    j->errbuf[0] ? j->errbuf : curl_easy_strerror(rc),
			    j->bytes, (double)us / 1e6);
		else
			gk_debug("GET %s %ld, %lld bytes, %.2f s", j->url,
			    code, j->bytes, (double)us / 1e6);
	}
	if (j->hdr_big) {
		host_note(c, j, 0, GK_E_OK, "");
		fail(c, j, GK_E_TOO_BIG, "response headers larger than %d "
		    "bytes", HEADERS_MAX);
		return;
	}
	if (j->kind == K_ROBOTS && j->too_big && code >= 200 && code < 300) {
		/* RFC 9309 2.5: the first 500 KiB are the rules */
		emit_error(c, NULL, j->url, GK_E_TOO_BIG, "larger than %d "
		    "bytes: the first %lld obeyed", ROBOTS_MAX, j->bytes);
		success(c, j, 0, GK_E_OK, NULL);
		return;
	}
	if (j->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		host_note(c, j, 0, GK_E_OK, "");
		fail(c, j, GK_E_TOO_BIG, "larger than max-bytes (%lld)",
		    j->max);
		return;
	}
	if (rc != CURLE_OK) {
		if (j->kind == K_ROBOTS && rc == CURLE_FILE_COULDNT_READ_FILE) {
			/* a mirror without robots.txt */
			end_transfer(c, j);
			j->host->rb = robots_all(1);
			j->host->robots = 2;
			job_free(c, j);
			return;
		}
		e = curl_code_err(c, j, rc, why, sizeof(why));
		/* a body that trickled in: asking again would take as long */
		if (retryable(rc) && !(rc == CURLE_OPERATION_TIMEDOUT &&
		    j->bytes > 0) && retry(c, j, -1))
			return;
		if (conn_level(e))
			host_note(c, j, 1, e, why);
		fail(c, j, e, "%s%s", why, j->attempt > 0 ?
		    " (after retries)" : "");
		return;
	}
	if (code != 0 && (code < 500 || code > 599))
		host_note(c, j, 0, GK_E_OK, "");
	if (code == 0 || (code >= 200 && code < 300)) {
		success(c, j, 0, GK_E_OK, NULL);
		return;
	}
	if (code == 304) {
		struct sentry *s = store_get(c->st, j->url);

		if (s != NULL && store_has(c->st, s->sha)) {
			success(c, j, 1, GK_E_OK, NULL);
			return;
		}
		end_transfer(c, j);	/* the cache lost it: ask again */
		j->nocond = 1;
		push(c, j, 1);
		return;
	}
	if (code == 301 || code == 302 || code == 303 || code == 307 ||
	    code == 308) {
		redirect(c, j, code);
		return;
	}
	if (j->kind == K_ROBOTS && code >= 400 && code < 500) {
		/* RFC 9309 2.3.1.3: no robots.txt, no restriction */
		end_transfer(c, j);
		j->host->rb = robots_all(1);
		j->host->robots = 2;
		job_free(c, j);
		return;
	}
	if ((code == 429 || code >= 500) && retry(c, j, j->retry_after))
		return;
	if (code >= 500 && code <= 599) {
		snprintf(why, sizeof(why), "HTTP %ld", code);
		host_note(c, j, 1, GK_E_SERVER, why);
		fail(c, j, GK_E_SERVER, "HTTP %ld%s", code, j->attempt > 0 ?
		    " (after retries)" : "");
		return;
	}
	fail(c, j, GK_E_HTTP, "HTTP %ld%s", code, j->attempt > 0 ?
	    " (after retries)" : "");
}

/* --- the loop ------------------------------------------------------ */

static void
robots_job(struct crawl *c, struct host *h)
{
	char u[URL_MAX + 16];
	struct job *j;

	if (strcmp(h->key, "file://") == 0) {
		if (c->root[0] == '\0') {
			h->rb = robots_all(1);
			h->robots = 2;
			return;
		}
		snprintf(u, sizeof(u), "%s/robots.txt", c->root);
	} else
		snprintf(u, sizeof(u), "%s/robots.txt", h->key);
	h->robots = 1;
	if ((j = job_new(c, K_ROBOTS, u, NULL, NULL)) == NULL) {
		h->rb = robots_all(1);
		h->robots = 2;
		return;
	}
	push(c, j, 1);
}

/* The path robots.txt rules see: a mirror's paths start at its top. */
static const char *
site_path(const struct crawl *c, const char *url)
{
	size_t n = strlen(c->root);

	if (n > 0 && strncmp(url, c->root, n) == 0)
		return url + n;
	return url_path(url);
}

/*
 * A job of a host that is down is not asked: a known document comes from
 * the cache as it was (no error of its own: the host's says it), one that
 * had failed for good with that failure as the state has it (the same
 * code as every night: the outage is the host's error, not a new failure
 * of each document), a new one fails with the host's cause, a listing
 * page is left for the next run.
 */
static void
not_asked(struct crawl *c, struct job *j)
{
	struct host *h = j->host;
	struct sentry *e = store_get(c->st, j->url);

	h->not_asked++;
	if (j->kind == K_LISTING) {
		c->walk_incomplete = 1;
		job_free(c, j);
	} else if (e != NULL && e->code == 0 && store_has(c->st, e->sha))
		success(c, j, 1, h->cause, NULL);
	else if (e != NULL && e->code != 0) {
		end_transfer(c, j);
		emit_doc(c, j, e, "failed", 0);
		emit_error(c, j->g, j->url, (enum gk_err)e->code, "%s",
		    e->msg);
		job_free(c, j);
	} else
		fail(c, j, h->cause, "not asked: %s did not answer (%s)",
		    h->name, h->why);
}

/* Start what may start; return ms until something else may. */
static long
schedule(struct crawl *c)
{
	struct job *j, *prev = NULL, *next;
	long long now = now_ms(), wake = now + 1000;

	for (j = c->head; j != NULL && !stop; j = next) {
		struct host *h = j->host;

		next = j->next;
		if (h->down && j->kind != K_ROBOTS) {
			unqueue(c, prev, j);
			not_asked(c, j);
			return 0;	/* the queue may have changed */
		}
		if (c->active >= c->cf->max_conns)
			break;
		if (j->not_before > now) {
			if (j->not_before < wake)
				wake = j->not_before;
			prev = j;
			continue;
		}
		if (j->kind != K_ROBOTS && h->robots != 2) {
			if (h->robots == 0) {
				robots_job(c, h);
				return 0;	/* the queue head changed */
			}
			prev = j;
			continue;
		}
		if (j->kind != K_ROBOTS && h->refused) {
			unqueue(c, prev, j);
			fail(c, j, GK_E_OFF_HOST, "%s", h->why);
			continue;
		}
		if (j->kind != K_ROBOTS && h->rb != NULL &&
		    !robots_allowed(h->rb, site_path(c, j->url))) {
			unqueue(c, prev, j);
			fail(c, j, GK_E_ROBOTS, "robots.txt disallows it");
			continue;
		}
		if (h->active >= h->per_host || h->next_ms > now) {
			if (h->active < h->per_host && h->next_ms < wake)
				wake = h->next_ms;
			prev = j;
			continue;
		}
		/* take it out of the queue and start it */
		unqueue(c, prev, j);
		j->next = NULL;
		if (budget_left(c, j) <= 0) {
			fail(c, j, GK_E_TIMEOUT, "more than document-timeout "
			    "(%ld s) in all", c->cf->doc_timeout);
			continue;
		}
		if (start(c, j) == -1) {
			fail(c, j, GK_E_INTERNAL, "cannot start the transfer");
			continue;
		}
		if (strcmp(h->key, "file://") != 0)
			h->next_ms = now + h->delay_ms;
	}
	return wake > now ? (long)(wake - now) : 0;
}

static void
progress(struct crawl *c, int last)
{
	long long now = now_ms();
	char extra[160];
	int ndone;

	if (!c->op->progress || (!last && now - c->last_progress < 250))
		return;
	c->last_progress = now;
	if (last) {
		gk_progress_end();
		return;
	}
	ndone = c->n_new + c->n_changed + c->n_unchanged + c->n_failed;
	snprintf(extra, sizeof(extra), "%d queued, %d active, %d listing "
	    "pages, %.1f MB, %d failed", c->queued, c->active, c->nlisting,
	    c->body_bytes / 1e6, c->n_failed);
	/* the total grows as pages are found: done + what waits */
	gk_progress_update((unsigned long)ndone, (unsigned long)(ndone +
	    c->queued + c->active), extra);
}

/* For a file:// start: the mirror's top is the nearest folder above the
 * start file that holds robots.txt, else the start file's folder. */
static void
mirror_root(struct crawl *c, const char *start)
{
	char path[PATH_MAX], probe[PATH_MAX + 16], *s;
	struct stat sb;

	if (url_file_path(start, path, sizeof(path)) == -1)
		return;
	if ((s = strrchr(path, '/')) != NULL)
		*s = '\0';
	for (;;) {
		snprintf(probe, sizeof(probe), "%s/robots.txt", path);
		if (stat(probe, &sb) == 0)
			break;
		if ((s = strrchr(path, '/')) == NULL || s == path) {
			if (url_file_path(start, path, sizeof(path)) == 0 &&
			    (s = strrchr(path, '/')) != NULL)
				*s = '\0';
			break;
		}
		*s = '\0';
	}
	if (local_file_url(path, probe, sizeof(probe)) == -1 ||
	    url_normalize(probe, c->root, sizeof(c->root)) == -1)
		c->root[0] = '\0';
	/* the root is a folder: no trailing slash, prefixes compare cleanly */
	if (strlen(c->root) > 8 && c->root[strlen(c->root) - 1] == '/')
		c->root[strlen(c->root) - 1] = '\0';
}

/* The agency whose column holds url, "" when none. */
static const char *
column_agency(const struct crawl *c, const char *url)
{
	const struct agency *g = agencies_of_url(&c->cf->agencies, url);

	return g != NULL ? g->name : "";
}

/* A start URL's host is one whose silence is an outage. */
static void
start_host(struct crawl *c, const char *url)
{
	struct host *h;

	if (strncmp(url, "http", 4) == 0 && (h = host_of(c, url)) != NULL)
		h->start = 1;
}

/*
 * The crawl: the start URLs (listing pages, or report pages by their
 * pattern), the hubs, and the report column of every agency that has one.
 */
static void
start_crawl(struct crawl *c)
{
	const struct fetch_conf *cf = c->cf;
	struct meta m;
	size_t k;
	int i;

	for (i = 0; i < cf->nstart; i++) {
		char path[URL_MAX];

		if (strncmp(cf->start[i], "file:", 5) == 0 && c->root[0] == '\0')
			mirror_root(c, cf->start[i]);
		start_host(c, cf->start[i]);
		link_path_only(cf->start[i], path, sizeof(path));
		if (conf_match(cf->report, cf->nreport, path)) {
			memset(&m, 0, sizeof(m));
			snprintf(m.agency, sizeof(m.agency), "%s",
			    column_agency(c, cf->start[i]));
			enqueue(c, K_REPORT, cf->start[i], NULL, &m, 0);
		} else
			enqueue_listing(c, cf->start[i], PAGE_LISTING,
			    column_agency(c, cf->start[i]), 0, 1);
	}
	/* hubs (and the agencies' pages under them) change when an agency
	 * comes or goes: read on full walks; the columns found through
	 * them are read every night from the state */
	for (i = 0; i < cf->nhub; i++) {
		start_host(c, cf->hub[i]);
		if (c->full)
			enqueue_listing(c, cf->hub[i], PAGE_HUB,
			    column_agency(c, cf->hub[i]), 0, 0);
	}
	for (k = 0; cf->start_columns && k < cf->agencies.n; k++)
		if (cf->agencies.v[k].column[0] != '\0') {
			start_host(c, cf->agencies.v[k].column);
			enqueue_listing(c, cf->agencies.v[k].column,
			    PAGE_LISTING, cf->agencies.v[k].name, 0, 1);
		}
}

/* Not a full walk: the columns the state knows (found through hubs,
 * agencies' pages and other columns), each from its first page. */
static void
start_columns(struct crawl *c)
{
	struct sentry **v;
	size_t i, n;

	if (c->full || (v = store_entries(c->st, &n)) == NULL)
		return;
	for (i = 0; i < n; i++)
		if (v[i]->kind == SK_LISTING && strcmp(v[i]->title,
		    "column") == 0)
			enqueue_listing(c, v[i]->url, PAGE_LISTING, v[i]->agency,
			    0, 1);
	free(v);
}

/* The meta of a group's head as the state has it. */
static void
state_meta(const struct sentry *h, struct meta *m)
{
	memset(m, 0, sizeof(*m));
	if (h == NULL)
		return;
	snprintf(m->title, sizeof(m->title), "%s", h->title);
	snprintf(m->agency, sizeof(m->agency), "%s", h->agency);
	snprintf(m->published, sizeof(m->published), "%s", h->published);
}

/*
 * The known report pages and listed files the schedule says to ask for
 * tonight (sched.h), queued behind the listings; a page's attachments
 * are asked for with it.  One whose cached copy is gone is asked for too.
 */
static void
start_due(struct crawl *c)
{
	struct sentry **v;
	time_t now = wall(c);
	size_t i, n;

	if ((v = store_entries(c->st, &n)) == NULL) {
		gk_warn("state", "out of memory");
		return;
	}
	for (i = 0; i < n; i++) {
		struct sentry *e = v[i];
		struct meta m;
		struct job *j;

		if (e->kind != SK_REPORT && e->kind != SK_FILE)
			continue;
		if (!sched_due(&c->sc, e->url, e->published, e->first,
		    e->checked, now) && (e->sha[0] == '\0' ||
		    store_has(c->st, e->sha)))
			continue;
		state_meta(e, &m);
		if (e->kind == SK_REPORT)
			m.title[0] = m.published[0] = '\0';	/* read again */
		if ((j = enqueue(c, e->kind == SK_REPORT ? K_REPORT : K_ATTACH,
		    e->url, NULL, &m, 0)) != NULL)
			c->n_due++;
	}
	free(v);
}

/* One document of the state, as the state has it (from_state). */
static void
state_doc(struct crawl *c, struct group *g, struct sentry *e,
    const struct sentry *head)
{
	struct job fake;

	if (e->code == 0 && (e->sha[0] == '\0' || !store_has(c->st, e->sha))) {
		if (e->sha[0] != '\0') {
			/* the cache lost it: asked for on the next run */
			e->checked = 0;
			e->run |= SR_CHECKED;
			journal(c, e);
		}
		return;		/* a redirect's first URL: no document */
	}
	memset(&fake, 0, sizeof(fake));
	fake.url = e->url;
	fake.page = (char *)(head != NULL ? head->url : e->url);
	fake.g = g;
	state_meta(head, &fake.meta);
	c->n_state++;
	if (e->code != 0) {
		emit_doc(c, &fake, e, "failed", 0);
		emit_error(c, g, e->url, (enum gk_err)e->code, "%s", e->msg);
		return;
	}
	emit_doc(c, &fake, e, delivered_status(c, e, "unchanged"), e->checked);
}

static int
cmp_page(const void *a, const void *b)
{
	const struct sentry *x = *(struct sentry *const *)a,
	    *y = *(struct sentry *const *)b;
	int r = strcmp(x->page, y->page);

	return r != 0 ? r : strcmp(x->url, y->url);
}

/*
 * The end of a crawl: every known report page and listed file not asked
 * for tonight comes out as the state has it, with its attachments, one
 * group each, so that the stream holds the whole site as far as it is
 * known (with --changed-only: only what gk-load does not hold, and the
 * failures).  An attachment its page no longer links (the page read
 * tonight, or gone) is forgotten.
 */
static void
from_state(struct crawl *c)
{
	struct sentry **v, **att;
	size_t i, n, na = 0, lo;

	if ((v = store_entries(c->st, &n)) == NULL || (att = malloc((n + 1) *
	    sizeof(*att))) == NULL) {
		free(v);
		gk_warn("state", "out of memory: the documents not asked for "
		    "tonight are not written");
		return;
	}
	for (i = 0; i < n; i++)
		if (v[i]->kind == SK_ATTACH && v[i]->page != NULL)
			att[na++] = v[i];
	qsort(att, na, sizeof(*att), cmp_page);
	for (i = 0; i < n && !stop; i++) {
		struct sentry *h = v[i];
		struct group *g;
		struct sentry key, *kp = &key;
		size_t a, b;

		if ((h->kind != SK_REPORT && h->kind != SK_FILE) ||
		    (h->run & SR_EMITTED))
			continue;
		if ((g = group_new()) == NULL)
			break;
		gk_doc_id(h->url, g->id);
		state_doc(c, g, h, h);
		/* its attachments: the run of att whose page is h */
		key.page = h->url;
		key.url = (char *)"";
		for (a = 0, b = na; a < b; ) {
			size_t mid = (a + b) / 2;

			if (cmp_page(&att[mid], &kp) < 0)
				a = mid + 1;
			else
				b = mid;
		}
		for (lo = a; lo < na && strcmp(att[lo]->page, h->url) == 0;
		    lo++)
			if (!(att[lo]->run & SR_EMITTED))
				state_doc(c, g, att[lo], h);
		group_put(c, g);
	}
	/* the listing records of the pages not read tonight, as a full walk
	 * gives them (a hub's pages give none) */
	for (i = 0; i < n && !stop; i++) {
		struct sentry *e = v[i];

		if (e->kind != SK_LISTING || (e->run & SR_WALKED) ||
		    seen_has(&c->seen, e->url))
			continue;
		if (e->code != 0)	/* its failure, as on the night it failed */
			emit_error(c, NULL, e->url, (enum gk_err)e->code, "%s",
			    e->msg);
		else if (strcmp(e->title, "hub") != 0)
			gk_emit(c->out, GK_LISTING, e->url, e->agency);
	}
	/* attachments whose page was read tonight without them, or is gone */
	for (i = 0; i < na && !stop; i++) {
		struct sentry *e = att[i], *h;

		if (e->run & SR_EMITTED)
			continue;
		h = store_get(c->st, e->page);
		if (h == NULL || (h->run & SR_PARSED) || (h->code != 0 &&
		    (h->run & SR_EMITTED))) {
			gk_debug("%s: no longer linked by %s: forgotten",
			    e->url, e->page);
			if (store_forget(c->st, e) == -1)
				c->save_failed = 1;
		}
	}
	free(att);
	free(v);
}

/* After a complete full walk: the listing pages not reached are gone. */
static void
forget_unwalked(struct crawl *c)
{
	struct sentry **v;
	size_t i, n;

	if ((v = store_entries(c->st, &n)) == NULL)
		return;
	for (i = 0; i < n; i++)
		if ((v[i]->kind == SK_LISTING && !(v[i]->run & SR_WALKED) &&
		    !seen_has(&c->seen, v[i]->url)) ||
		    (v[i]->kind == SK_UNKNOWN && !seen_has(&c->seen, v[i]->url)))
			if (store_forget(c->st, v[i]) == -1)
				c->save_failed = 1;
	free(v);
}

/*
 * Hosts that did not answer: one error record each (URL the host's root,
 * CODE the cause), and a line on stderr.  Returns 1 when every start host
 * is one of them (a whole-site outage), with its line written.
 */
static int
outage(struct crawl *c)
{
	struct host *h, *first = NULL;
	int starts = 0, silent = 0;

	for (h = c->hosts; h != NULL; h = h->next) {
		char root[URL_MAX + 2];

		if (strcmp(h->key, "file://") == 0)
			continue;
		if (h->start)
			starts++;
		if (!(h->down || (h->answered == 0 && h->failed > 0)))
			continue;
		if (h->start) {
			silent++;
			first = h;	/* the list is in reverse: the first */
		}
		c->walk_incomplete = 1;
		snprintf(root, sizeof(root), "%s/", h->key);
		emit_error(c, NULL, root, h->cause, "the site did not answer "
		    "(%s): %d requests failed, %d not asked", h->why,
		    h->failed, h->not_asked);
	}
	if (starts > 0 && silent == starts) {
		if (silent == 1)
			gk_warn(first->name, "the site did not answer (%s) — "
			    "nothing fetched, state unchanged", first->why);
		else {
			char what[320];

			snprintf(what, sizeof(what), "%s (and %d other sites)",
			    first->name, silent - 1);
			gk_warn(what, "the sites did not answer (%s) — nothing "
			    "fetched, state unchanged", first->why);
		}
		return 1;
	}
	for (h = c->hosts; h != NULL; h = h->next)
		if (strcmp(h->key, "file://") != 0 && (h->down ||
		    (h->answered == 0 && h->failed > 0)))
			gk_warn(h->name, "the site did not answer (%s): its "
			    "documents come from the state", h->why);
	return 0;
}

/*
 * Documents given by URL: each is fetched under the same rules; a page is
 * a report page (its attachments follow), anything else a file of its own.
 */
static void
start_urls(struct crawl *c)
{
	struct meta m;
	struct job *j;
	size_t k;

	for (k = 0; k < c->op->nurls; k++) {
		memset(&m, 0, sizeof(m));
		snprintf(m.agency, sizeof(m.agency), "%s",
		    column_agency(c, c->op->urls[k]));
		start_host(c, c->op->urls[k]);
		if ((j = enqueue(c, K_REPORT, c->op->urls[k], NULL, &m, 0)) !=
		    NULL)
			j->given = 1;
	}
}

/* The run's clock: GK_FETCH_NOW (seconds since the epoch) for tests. */
static long long
clock_offset(void)
{
	const char *s = getenv("GK_FETCH_NOW");
	char *end;
	long long t;

	if (s == NULL || *s == '\0')
		return 0;
	t = strtoll(s, &end, 10);
	if (*end != '\0' || t <= 0) {
		gk_warn("GK_FETCH_NOW", "%s: not seconds since the epoch: "
		    "ignored", s);
		return 0;
	}
	return t - (long long)time(NULL);
}

int
crawl_run(const struct fetch_conf *cf, const struct crawl_opts *op, FILE *out)
{
	struct sigaction sa;
	struct crawl c;
	char err[PATH_MAX + 256];
	long long t0 = now_ms();
	time_t last_run, last_full;
	long long swept_bytes = 0;
	long swept = 0;
	int i, status, maxhost, complete, was_complete, down = 0;


	memset(&c, 0, sizeof(c));
	c.cf = cf;
	c.op = op;
	c.out = out;
	c.clock_off = clock_offset();
	c.sc.recent_days = cf->recheck_recent_days;
	c.sc.cycle_days = cf->recheck_cycle_days;
	if ((c.st = store_open(op->state_dir, err, sizeof(err))) == NULL) {
		gk_warn("state", "%s", err);
		return GK_EXIT_RUN;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK ||
	    (c.m = curl_multi_init()) == NULL) {
		gk_warn("libcurl", "cannot initialise");
		store_close(c.st);
		return GK_EXIT_RUN;
	}
	/* curl's own bounds, behind ours: keep-alive connections are reused */
	maxhost = cf->per_host;
	for (i = 0; i < cf->nhost; i++)
		if (cf->host[i].per_host > maxhost)
			maxhost = cf->host[i].per_host;
	/* (through connect-to, curl counts the connections of every host by
	 * the address connected to: its bound would hold all the hosts of a
	 * mirror to one host's share, so ours alone bounds them) */
	if (cf->nconnect_to == 0)
		curl_multi_setopt(c.m, CURLMOPT_MAX_HOST_CONNECTIONS,
		    (long)maxhost);
	curl_multi_setopt(c.m, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)cf->max_conns);
	for (i = 0; i < cf->nconnect_to; i++) {
		struct curl_slist *l = curl_slist_append(c.connect_to,
		    cf->connect_to[i]);

		if (l == NULL) {
			gk_warn("connect-to", "out of memory");
			curl_slist_free_all(c.connect_to);
			curl_multi_cleanup(c.m);
			curl_global_cleanup();
			store_close(c.st);
			return GK_EXIT_RUN;
		}
		c.connect_to = l;
	}
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	page_set_cancel(&stop);

	/*
	 * A crawl walks every listing to its end when asked to, every
	 * full-walk-days days, and after a run that did not finish (its
	 * walk may have stopped anywhere); a run marks its start, so that
	 * a kill -9 counts as not finished.
	 */
	last_run = store_last_run(c.st, &was_complete);
	last_full = store_last_full(c.st);
	c.walking = op->nurls == 0;
	c.full = op->full || last_run == 0 || !was_complete ||
	    (cf->full_walk_days > 0 && wall(&c) - last_full >=
	    (time_t)cf->full_walk_days * 86400);
	if (c.walking)
		store_run_start(c.st, wall(&c), c.full);
	if (op->nurls > 0)
		start_urls(&c);
	else {
		start_crawl(&c);
		start_columns(&c);
		start_due(&c);
	}
	while (!stop && (c.head != NULL || c.active > 0)) {
		long wait = schedule(&c);
		CURLMsg *msg;
		int running, left, finished = 0;

		curl_multi_perform(c.m, &running);
		while ((msg = curl_multi_info_read(c.m, &left)) != NULL) {
			struct job *j = NULL;

			if (msg->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&j);
			done(&c, j, msg->data.result);
			finished++;
		}
		if (fflush(out) == EOF) {
			if (errno != EPIPE)	/* a reader that went: quiet */
				gk_warn("stdout", "write error: %s",
				    strerror(errno));
			stop = SIGPIPE;
		}
		if (store_sync(c.st, 0) == -1) {
			gk_warn("state", "cannot write the journal: %s",
			    strerror(errno));
			c.save_failed = 1;
		}
		progress(&c, 0);
		if (c.head == NULL && c.active == 0)
			break;
		if (finished > 0)
			continue;	/* new work may be ready now */
		if (wait > 200)
			wait = 200;
		if (c.active > 0 || wait > 0)
			curl_multi_poll(c.m, NULL, 0, wait > 0 ? (int)wait : 1,
			    NULL);
	}
	/*
	 * interrupted: drop the transfers in flight, keep what is done (a
	 * group's records come out, without the attachments not fetched)
	 */
	while (c.head != NULL) {
		struct job *j = c.head;

		c.head = j->next;
		job_drop(&c, j);
	}
	while (c.running != NULL) {
		struct job *j = c.running;

		end_transfer(&c, j);
		job_drop(&c, j);
	}
	if (!stop) {
		down = outage(&c);
		if (c.walking) {
			from_state(&c);
			complete = !c.walk_incomplete && !c.save_failed;
			if (complete && c.full)
				forget_unwalked(&c);
			/* an outage leaves the state as it was (nothing was
			 * written): the next night is as this one should
			 * have been */
			if (!down && store_run_end(c.st, wall(&c), complete,
			    c.full) == -1)
				c.save_failed = 1;
			/* every entry is known: the bodies none names go */
			if (!down && complete && !c.save_failed &&
			    store_sweep(c.st, &swept, &swept_bytes) == -1)
				gk_warn(NULL, "the cache was not swept: out of "
				    "memory");
		}
	}
	if (fflush(out) == EOF && errno != EPIPE)
		gk_warn("stdout", "write error: %s", strerror(errno));
	if (store_sync(c.st, 1) == -1 || (!stop && !down &&
	    store_compact(c.st, 0) == -1))
		c.save_failed = 1;
	progress(&c, 1);
	if (stop != SIGPIPE)	/* not when the reader went away: quiet */
		gk_warn(NULL, "%s%d documents (%d new, %d changed, "
		    "%d unchanged, %d failed; %d from the state, %d due, "
		    "%d sent again), %d listing pages%s, %d bodies "
		    "(%lld bytes), %d not modified, %d errors, state +%lld "
		    "bytes, cache -%ld bodies (%lld bytes), %.1f s",
		    stop ? "interrupted: " : "",
		    c.n_new + c.n_changed + c.n_unchanged + c.n_failed,
		    c.n_new, c.n_changed, c.n_unchanged, c.n_failed,
		    c.n_state, c.n_due, c.n_resent, c.nlisting,
		    c.walking ? c.full ? " (full walk)" : " (to the known)" :
		    "", c.bodies, c.body_bytes, c.not_modified, c.n_errors,
		    store_written(c.st), swept, swept_bytes,
		    (double)(now_ms() - t0) / 1000.0);
	status = stop || c.save_failed || down ? GK_EXIT_RUN : c.n_errors > 0 ?
	    GK_EXIT_DOCS : GK_EXIT_OK;
	curl_multi_cleanup(c.m);
	curl_slist_free_all(c.connect_to);
	curl_global_cleanup();
	while (c.hosts != NULL) {
		struct host *h = c.hosts;

		c.hosts = h->next;
		robots_free(h->rb);
		free(h);
	}
	seen_free(&c.seen);
	seen_free(&c.hops);
	store_close(c.st);
	return status;
}
