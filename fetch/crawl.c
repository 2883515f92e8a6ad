/*
 * crawl.c: the crawl loop over libcurl's multi interface.
 *
 * Jobs wait in one queue; the loop starts a job when its host has a free
 * slot (per-host), the whole run has one (max-connections), the host's
 * delay has passed and its robots.txt is known.  Redirects are not left to
 * curl: each hop is checked against the allowed hosts and queued again.
 * Bodies stream into a temporary file of the cache while they are hashed;
 * a good body is renamed to its SHA-256.  The state file is saved every few
 * seconds and at the end, always after the cache files it names.
 *
 * Transfers end in any order, but the records of one report page and of
 * the attachments it links (one PAGE) come out together, the page's first:
 * they are held in the page's group until the last of its jobs is done.
 */
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
#include "local.h"
#include "robots.h"
#include "store.h"
#include "url.h"

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
	struct host *next;
};

/*
 * The records of a report page and its attachments, held in memory until
 * every job of the group is done (fetched, failed, redirected to a URL
 * fetched on its own account...), then written at once.  Attachments that
 * were queued before by another page belong to that page's group.
 */
struct group {
	char id[17];		/* DOC of its first record: the report page */
	FILE *f;		/* open_memstream over buf */
	char *buf;
	size_t len;
	int refs;		/* jobs that may still add records */
};

struct job {
	enum kind kind;
	char *url;
	char *page;		/* the report page (for attachments) */
	struct meta meta;	/* of a document; meta.agency of a listing: the
				 * column's agency, "" when not known */
	enum page_kind page_kind;	/* listings: a column, hub or agency page */
	int given;		/* a URL given by the user: a page or a file */
	struct group *g;	/* report pages and attachments; else NULL */
	struct host *host;
	int attempt, hops, nocond;
	long long not_before;
	/* the transfer */
	CURL *e;
	struct curl_slist *hdrs;
	int fd;
	char tmp[PATH_MAX];
	struct gk_sha256 *sha;
	long long bytes;
	int too_big;
	char etag[256], lastmod[64], ctype[128];
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
	struct curl_slist *connect_to;	/* connect-to, for every transfer */
	char root[URL_MAX];	/* file:// mirror root, "" when none */
	int active, queued;
	int nlisting, ndocs;
	int n_new, n_changed, n_unchanged, n_failed, n_errors;
	int bodies, not_modified;
	long long body_bytes;
	long long last_save, last_progress;
	int since_save;
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

static void
utc_now(char out[24])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
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

static void
seen_free(struct seen *s)
{
	size_t i;

	for (i = 0; i < s->nb; i++)
		free(s->v[i]);
	free(s->v);
}

/* --- link classification ------------------------------------------- */

/* The path of a URL without its query, as patterns see it. */
static void
path_only(const char *url, char *out, size_t outsz)
{
	const char *p = url_path(url);
	size_t n = strcspn(p, "?");

	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

/*
 * Is a in b's folder or below it?  A column's year folders
 * (gknb/2021/index.shtml from gknb/index.shtml) and sub-columns are.
 */
static int
in_folder(const char *a, const char *b)
{
	const char *sa = strrchr(url_path(a), '/'), *sb = strrchr(url_path(b),
	    '/');

	if (sa == NULL || sb == NULL)
		return 0;
	return sa - a >= sb - b && strncmp(a, b, (size_t)(sb - b + 1)) == 0;
}

/* Same scheme, host and port? */
static int
same_host(const char *a, const char *b)
{
	size_t n = (size_t)(url_path(a) - a);

	return n == (size_t)(url_path(b) - b) && strncmp(a, b, n) == 0;
}

/* Is a in a folder below b's (not b's own)? */
static int
below(const char *a, const char *b)
{
	const char *sa = strrchr(url_path(a), '/'), *sb = strrchr(url_path(b),
	    '/');

	return in_folder(a, b) && sa != NULL && sb != NULL && sa - a > sb - b;
}

enum link_kind
crawl_classify(const struct fetch_conf *cf, enum page_kind from,
    const char *from_url, const struct page_link *l)
{
	char path[URL_MAX];
	int listing, column, host;

	path_only(l->url, path, sizeof(path));
	if (strcmp(l->url, from_url) == 0)
		return LINK_NONE;
	listing = conf_match(cf->listing, cf->nlisting, path);
	host = same_host(l->url, from_url);
	/* a report column by its folder's name, or by the link's text */
	column = host && (conf_match(cf->column, cf->ncolumn, path) ||
	    (listing && label_any(cf->listing_label, cf->nlisting_label,
	    l->text)));
	switch (from) {
	case PAGE_LISTING:
		if (conf_match(cf->report, cf->nreport, path))
			return LINK_REPORT;
		if (label_any(cf->next_label, cf->nnext_label, l->text))
			return LINK_LISTING;
		if (listing && in_folder(l->url, from_url))
			return LINK_LISTING;
		if (column)
			return LINK_COLUMN;
		/* some columns list the report files themselves */
		if (conf_match(cf->attachment, cf->nattachment, path))
			return LINK_ATTACHMENT;
		return LINK_NONE;
	case PAGE_HUB:
		/* a hub links many pages that are not reports: only these */
		if (label_any(cf->next_label, cf->nnext_label, l->text) ||
		    (listing && in_folder(l->url, from_url) &&
		    !below(l->url, from_url)))
			return LINK_HUB;
		if (column)
			return LINK_COLUMN;
		if (listing && below(l->url, from_url))
			return LINK_AGENCY;
		return LINK_NONE;
	case PAGE_AGENCY:
		return column ? LINK_COLUMN : LINK_NONE;
	case PAGE_REPORT:
		break;
	}
	if (conf_match(cf->attachment, cf->nattachment, path))
		return LINK_ATTACHMENT;
	/* a download link without a file name: trust a short label */
	if (strcmp(path, "/") != 0 && strlen(l->label) < 120 &&
	    !conf_match(cf->report, cf->nreport, path) && !listing &&
	    label_any(cf->attach_label, cf->nattach_label, l->label))
		return LINK_ATTACHMENT;
	return LINK_NONE;
}

const char *
crawl_link_name(const struct page_link *l)
{
	const char *t = l->text;
	size_t n = strlen(t);

	if (l->title != NULL && l->title[0] != '\0' && (n == 0 ||
	    (n >= 3 && (strcmp(t + n - 3, "...") == 0 ||
	    strcmp(t + n - 3, "…") == 0))))
		return l->title;
	return t;
}

/*
 * Can the text name an agency?  "2024年", "2021年度", "2", "更多>>" cannot:
 * fewer than two CJK characters besides 年, 度, 第 and 页.
 */
static int
name_like(const char *t)
{
	static const char *const skip[] = { "年", "度", "第", "页", NULL };
	const unsigned char *p = (const unsigned char *)t;
	int n = 0;

	while (*p != '\0') {
		int i;

		if (*p < 0xE0) {
			p++;
			continue;
		}
		for (i = 0; skip[i] != NULL; i++)
			if (strncmp((const char *)p, skip[i], 3) == 0)
				break;
		if (skip[i] == NULL && ++n >= 2)
			return 1;
		p += *p >= 0xF0 ? 4 : 3;
	}
	return 0;
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
		if (a[0] == '\0' && below(l->url, j->url) && name_like(name))
			a = name;
	} else if (k == LINK_AGENCY) {
		/* the page above a column of agencies.tsv is its agency's */
		if ((g = agencies_above_column(&c->cf->agencies, l->url)) != NULL)
			a = g->name;
		else
			a = name_like(name) ? name : "";
	} else if (k == LINK_COLUMN && below(l->url, j->url)) {
		if (j->page_kind == PAGE_AGENCY)
			a = j->meta.agency;
		else if (j->page_kind == PAGE_HUB && name_like(name))
			a = name;
	}
	snprintf(out, outsz, "%s", a);
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

static void
emit_doc(struct crawl *c, const struct job *j, const struct sentry *e,
    const char *status)
{
	char id[17], file[PATH_MAX + 96], bytes[32], fetched[24];
	int failed = strcmp(status, "failed") == 0;

	if (c->op->changed_only && strcmp(status, "unchanged") == 0)
		return;
	gk_doc_id(j->url, id);
	file[0] = '\0';
	if (!failed)
		store_cache_path(c->st, e->sha, file, sizeof(file));
	snprintf(bytes, sizeof(bytes), "%lld", failed ? 0 : e->bytes);
	utc_now(fetched);
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
	char key[URL_MAX];
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
	h->next = c->hosts;
	c->hosts = h;
	return h;
}

static void
job_free(struct crawl *c, struct job *j)
{
	if (j == NULL)
		return;
	group_put(c, j->g);
	free(j->url);
	free(j->page);
	free(j);
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
		if (k != K_LISTING) {
			emit_doc(c, &fake, NULL, "failed");
			c->n_failed++;
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

	/* CURLOPT_MAXFILESIZE needs a Content-Length: this bounds the rest */
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

static int
start(struct crawl *c, struct job *j)
{
	const struct fetch_conf *cf = c->cf;
	struct sentry *e;
	char h[512];

	j->bytes = 0;
	j->too_big = 0;
	j->retry_after = -1;
	j->etag[0] = j->lastmod[0] = j->ctype[0] = '\0';
	j->max = j->kind == K_ATTACH ? cf->max_bytes :
	    cf->max_page_bytes < cf->max_bytes ? cf->max_page_bytes :
	    cf->max_bytes;
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
	curl_easy_setopt(j->e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(j->e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(j->e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(j->e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(j->e, CURLOPT_USERAGENT, cf->user_agent);
	curl_easy_setopt(j->e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(j->e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(j->e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(j->e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(j->e, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(j->e, CURLOPT_CONNECTTIMEOUT, cf->connect_timeout);
	curl_easy_setopt(j->e, CURLOPT_TIMEOUT, cf->timeout);
	curl_easy_setopt(j->e, CURLOPT_LOW_SPEED_LIMIT, cf->low_speed_limit);
	curl_easy_setopt(j->e, CURLOPT_LOW_SPEED_TIME, cf->low_speed_time);
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

/* Give up on a job: its records, and it is freed. */
static void
fail(struct crawl *c, struct job *j, enum gk_err code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
fail(struct crawl *c, struct job *j, enum gk_err code, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	end_transfer(c, j);
	if (j->kind == K_ROBOTS) {
		/* RFC 9309 2.3.1: unreachable robots.txt → disallow all */
		j->host->rb = robots_all(0);
		j->host->robots = 2;
		emit_error(c, NULL, j->url, GK_E_ROBOTS,
		    "robots.txt unreachable "
		    "(%s): the host is not crawled", msg);
	} else {
		if (j->kind != K_LISTING) {
			emit_doc(c, j, NULL, "failed");
			c->n_failed++;
		}
		emit_error(c, j->g, j->url, code, "%s", msg);
	}
	job_free(c, j);
}

static int
retry(struct crawl *c, struct job *j, long retry_after)
{
	const struct fetch_conf *cf = c->cf;
	long long wait;

	if (j->attempt >= cf->retries || stop)
		return 0;
	end_transfer(c, j);
	wait = cf->backoff_ms << (j->attempt < 20 ? j->attempt : 20);
	if (wait > cf->backoff_max_ms)
		wait = cf->backoff_max_ms;
	wait += cf->backoff_ms > 0 ? rand() % (cf->backoff_ms / 2 + 1) : 0;
	if (retry_after >= 0)
		wait = (retry_after < cf->retry_after_max ? retry_after :
		    cf->retry_after_max) * 1000LL;
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

/* Queue a listing page of the given kind and agency. */
static void
enqueue_listing(struct crawl *c, const char *url, enum page_kind pk,
    const char *agency, int http)
{
	struct meta m;
	struct job *n;

	memset(&m, 0, sizeof(m));
	snprintf(m.agency, sizeof(m.agency), "%s", agency);
	if ((n = enqueue(c, K_LISTING, url, NULL, &m, http)) != NULL)
		n->page_kind = pk;
}

/* Queue what a listing, hub or report page links to. */
static void
follow(struct crawl *c, struct job *j, const struct page_info *pi)
{
	int http = strncmp(j->url, "http", 4) == 0, k;
	enum page_kind from = j->kind == K_REPORT ? PAGE_REPORT : j->page_kind;
	char agency[sizeof(j->meta.agency)];
	struct meta m;
	size_t i;

	c->splice = 1;
	for (i = 0; i < pi->nlinks; i++) {
		const struct page_link *l = &pi->links[i];
		enum link_kind lk = crawl_classify(c->cf, from, j->url, l);

		switch (lk) {
		case LINK_REPORT:
			/* the column's agency, when the page names none */
			memset(&m, 0, sizeof(m));
			memcpy(m.agency, j->meta.agency, sizeof(m.agency));
			enqueue(c, K_REPORT, l->url, NULL, &m, http);
			break;
		case LINK_LISTING:
		case LINK_COLUMN:
		case LINK_AGENCY:
		case LINK_HUB:
			listing_agency(c, j, lk, l, agency, sizeof(agency));
			enqueue_listing(c, l->url, lk == LINK_HUB ? PAGE_HUB :
			    lk == LINK_AGENCY ? PAGE_AGENCY : PAGE_LISTING,
			    agency, http);
			break;
		case LINK_ATTACHMENT:
			if (j->kind == K_REPORT)
				enqueue(c, K_ATTACH, l->url, j, NULL, http);
			else {
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
	for (k = 1; j->kind == K_LISTING && k < pi->pager_count &&
	    k < c->cf->max_listing; k++) {
		char rel[128], u[URL_MAX];

		snprintf(rel, sizeof(rel), "%s_%d.%s", pi->pager_prefix, k,
		    pi->pager_ext);
		if (url_resolve(j->url, rel, u, sizeof(u)) == 0)
			enqueue_listing(c, u, j->page_kind, j->meta.agency,
			    http);
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

/* Read the cached copy: set TYPE, then parse robots.txt or a page. */
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
	} else if (j->kind != K_ATTACH && !(j->given &&
	    strcmp(e->type, "html") != 0)) {
		struct page_labels lb = { c->cf->date_label,
		    c->cf->ndate_label, c->cf->source_label,
		    c->cf->nsource_label };

		if (page_parse(b.p, b.len, j->url, e->charset,
		    c->root[0] ? c->root : NULL, &lb, pi) == 0)
			*parsed = 1;
	}
	gk_buf_free(&b);
	return 0;
}

/* A body (or a 304) is in: commit it, update the state, emit, follow. */
static void
success(struct crawl *c, struct job *j, int not_modified)
{
	struct sentry *e = store_get(c->st, j->url);
	char sha[GK_SHA256_HEX], *cs;
	const char *status;
	struct page_info pi;
	int parsed;

	if (not_modified) {
		end_transfer(c, j);
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
		memcpy(e->sha, sha, sizeof(sha));
		e->bytes = j->bytes;
		snprintf(e->etag, sizeof(e->etag), "%s", j->etag);
		snprintf(e->lastmod, sizeof(e->lastmod), "%s", j->lastmod);
		e->charset[0] = '\0';
		if ((cs = strcasestr(j->ctype, "charset=")) != NULL) {
			cs += 8;
			cs += strspn(cs, "\"' ");
			snprintf(e->charset, sizeof(e->charset), "%.*s",
			    (int)strcspn(cs, "\"'; "), cs);
		}
		end_transfer(c, j);
	}
	utc_now(e->fetched);
	c->since_save++;
	if (use_body(c, j, e, &parsed, &pi) == -1) {
		fail(c, j, GK_E_OPEN, "the cached copy cannot be read: %s",
		    strerror(errno));
		return;
	}
	if (parsed && j->kind == K_REPORT) {
		snprintf(j->meta.title, sizeof(j->meta.title), "%s", pi.title);
		/* a source naming the web site leaves the column's agency */
		if (pi.agency[0] != '\0' && !conf_match(c->cf->source_ignore,
		    c->cf->nsource_ignore, pi.agency))
			snprintf(j->meta.agency, sizeof(j->meta.agency), "%s",
			    pi.agency);
		snprintf(j->meta.published, sizeof(j->meta.published), "%s",
		    pi.published);
	}
	if (parsed && j->kind == K_LISTING && j->page_kind != PAGE_HUB)
		emit_listing(c, j);
	if (j->kind == K_REPORT || j->kind == K_ATTACH) {
		emit_doc(c, j, e, status);
		if (strcmp(status, "new") == 0)
			c->n_new++;
		else if (strcmp(status, "changed") == 0)
			c->n_changed++;
		else
			c->n_unchanged++;
	}
	if (parsed) {
		follow(c, j, &pi);
		page_free(&pi);
	} else if (j->kind == K_LISTING || (j->kind == K_REPORT &&
	    !j->given))
		emit_error(c, j->g, j->url, GK_E_CORRUPT,
		    "not a readable HTML page");
	job_free(c, j);
}

static void
redirect(struct crawl *c, struct job *j, long code)
{
	char *loc = NULL, u[URL_MAX], scheme[16];
	const char *why;
	int r;

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
	if (j->hops >= c->cf->max_redirects) {
		fail(c, j, GK_E_HTTP, "more than %d redirects",
		    c->cf->max_redirects);
		return;
	}
	end_transfer(c, j);
	if ((r = seen_add(&c->seen, u)) <= 0) {
		/* the target is fetched on its own account */
		gk_debug("%s: redirect to %s, already queued", j->url, u);
		job_free(c, j);
		return;
	}
	free(j->url);
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

static enum gk_err
curl_code_err(CURLcode rc)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		return GK_E_TIMEOUT;
	case CURLE_PARTIAL_FILE:
		return GK_E_TRUNCATED;
	case CURLE_FILESIZE_EXCEEDED:
		return GK_E_TOO_BIG;
	case CURLE_FILE_COULDNT_READ_FILE:
		return GK_E_OPEN;
	default:
		return GK_E_NETWORK;
	}
}

static void
done(struct crawl *c, struct job *j, CURLcode rc)
{
	long code = 0;

	curl_easy_getinfo(j->e, CURLINFO_RESPONSE_CODE, &code);
	if (gk_verbose()) {
		curl_off_t us = 0;

		curl_easy_getinfo(j->e, CURLINFO_TOTAL_TIME_T, &us);
		if (rc != CURLE_OK)
			gk_debug("GET %s: %s, %lld bytes, %.2f s", j->url,
			    curl_easy_strerror(rc), j->bytes, (double)us / 1e6);
		else
			gk_debug("GET %s %ld, %lld bytes, %.2f s", j->url,
			    code, j->bytes, (double)us / 1e6);
	}
	if (j->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
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
		if (retryable(rc) && retry(c, j, -1))
			return;
		fail(c, j, curl_code_err(rc), "%s%s", curl_easy_strerror(rc),
		    j->attempt > 0 ? " (after retries)" : "");
		return;
	}
	if (code == 0 || (code >= 200 && code < 300)) {
		success(c, j, 0);
		return;
	}
	if (code == 304) {
		struct sentry *e = store_get(c->st, j->url);

		if (e != NULL && store_has(c->st, e->sha)) {
			success(c, j, 1);
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

/* Start what may start; return ms until something else may. */
static long
schedule(struct crawl *c)
{
	struct job *j, *prev = NULL, *next;
	long long now = now_ms(), wake = now + 1000;

	for (j = c->head; j != NULL && !stop; j = next) {
		struct host *h = j->host;

		next = j->next;
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
save(struct crawl *c, int force)
{
	long long now = now_ms();

	if (!force && c->since_save < 20 && now - c->last_save < 1000)
		return;
	if (c->since_save == 0 && !force)
		return;
	if (store_save(c->st) == -1) {
		gk_warn("state", "cannot save: %s", strerror(errno));
		c->save_failed = 1;
	}
	c->last_save = now;
	c->since_save = 0;
}

static void
progress(struct crawl *c, int last)
{
	long long now = now_ms();
	char extra[160];
	int done;

	if (!c->op->progress || (!last && now - c->last_progress < 250))
		return;
	c->last_progress = now;
	if (last) {
		gk_progress_end();
		return;
	}
	done = c->n_new + c->n_changed + c->n_unchanged + c->n_failed;
	snprintf(extra, sizeof(extra), "%d queued, %d active, %d listing "
	    "pages, %.1f MB, %d failed", c->queued, c->active, c->nlisting,
	    c->body_bytes / 1e6, c->n_failed);
	/* the total grows as pages are found: done + what waits */
	gk_progress_update((unsigned long)done, (unsigned long)(done +
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
		path_only(cf->start[i], path, sizeof(path));
		if (conf_match(cf->report, cf->nreport, path)) {
			memset(&m, 0, sizeof(m));
			snprintf(m.agency, sizeof(m.agency), "%s",
			    column_agency(c, cf->start[i]));
			enqueue(c, K_REPORT, cf->start[i], NULL, &m, 0);
		} else
			enqueue_listing(c, cf->start[i], PAGE_LISTING,
			    column_agency(c, cf->start[i]), 0);
	}
	for (i = 0; i < cf->nhub; i++)
		enqueue_listing(c, cf->hub[i], PAGE_HUB,
		    column_agency(c, cf->hub[i]), 0);
	for (k = 0; cf->start_columns && k < cf->agencies.n; k++)
		if (cf->agencies.v[k].column[0] != '\0')
			enqueue_listing(c, cf->agencies.v[k].column,
			    PAGE_LISTING, cf->agencies.v[k].name, 0);
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
		if ((j = enqueue(c, K_REPORT, c->op->urls[k], NULL, &m, 0)) !=
		    NULL)
			j->given = 1;
	}
}

int
crawl_run(const struct fetch_conf *cf, const struct crawl_opts *op, FILE *out)
{
	struct sigaction sa;
	struct crawl c;
	char err[PATH_MAX + 256];
	long long t0 = now_ms();
	int i, status, maxhost;

	memset(&c, 0, sizeof(c));
	c.cf = cf;
	c.op = op;
	c.out = out;
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
	c.last_save = now_ms();

	if (op->nurls > 0)
		start_urls(&c);
	else
		start_crawl(&c);
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
		save(&c, 0);
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
		job_free(&c, j);
	}
	while (c.running != NULL) {
		struct job *j = c.running;

		end_transfer(&c, j);
		job_free(&c, j);
	}
	if (fflush(out) == EOF && errno != EPIPE)
		gk_warn("stdout", "write error: %s", strerror(errno));
	save(&c, 1);
	progress(&c, 1);
	if (stop != SIGPIPE)	/* not when the reader went away: quiet */
		gk_warn(NULL, "%s%d documents (%d new, %d changed, "
		    "%d unchanged, %d failed), %d listing pages, %d bodies "
		    "(%lld bytes), %d not modified, %d errors, %.1f s",
		    stop ? "interrupted: " : "",
		    c.n_new + c.n_changed + c.n_unchanged + c.n_failed,
		    c.n_new, c.n_changed, c.n_unchanged, c.n_failed,
		    c.nlisting, c.bodies, c.body_bytes, c.not_modified,
		    c.n_errors, (double)(now_ms() - t0) / 1000.0);
	status = stop || c.save_failed ? GK_EXIT_RUN : c.n_errors > 0 ?
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
	store_close(c.st);
	return status;
}
