/*
 * conf.h: gk-fetch's crawl configuration: one "key value" a line, '#'
 * comments (config/qingdao.conf documents every key).  The built-in
 * defaults are config/qingdao.conf itself, compiled in by make
 * (fetch/build.mk), and its agencies file config/agencies.tsv with it.
 */
#ifndef GK_FETCH_CONF_H
#define GK_FETCH_CONF_H

#include <limits.h>
#include <regex.h>
#include <stddef.h>

#include "agency.h"

#define CONF_MAX_LIST 64

struct pattern {
	char *src;
	regex_t re;
};

/* host-delay-ms / host-per-host: one host's own politeness */
struct host_conf {
	char *host;		/* a host name, or "*.suffix" */
	long delay_ms;		/* -1: delay-ms */
	int per_host;		/* 0: per-host */
};

struct fetch_conf {
	char *start[CONF_MAX_LIST];	/* listing or report pages */
	int nstart;
	char *hub[CONF_MAX_LIST];	/* pages that link agencies' pages */
	int nhub;
	char *allow[CONF_MAX_LIST];	/* host, or "*.example.org" */
	int nallow;
	struct pattern listing[CONF_MAX_LIST], report[CONF_MAX_LIST],
	    attachment[CONF_MAX_LIST], column[CONF_MAX_LIST],
	    source_ignore[CONF_MAX_LIST];
	int nlisting, nreport, nattachment, ncolumn, nsource_ignore;
	char *next_label[CONF_MAX_LIST];	/* anchor text of "next page" */
	int nnext_label;
	char *attach_label[CONF_MAX_LIST];	/* text that marks an attachment */
	int nattach_label;
	char *listing_label[CONF_MAX_LIST];	/* link text of a report column */
	int nlisting_label;
	char *date_label[CONF_MAX_LIST];	/* 发布日期 ... before the date */
	int ndate_label;
	char *source_label[CONF_MAX_LIST];	/* 来源 ... before the agency */
	int nsource_label;
	char *connect_to[CONF_MAX_LIST];	/* HOST:PORT:ADDR:PORT */
	int nconnect_to;
	char *user_agent;
	char *ca_file;		/* CA bundle for https, NULL: the system's */
	char *agencies_path;	/* NULL: the built-in config/agencies.tsv */
	struct agencies agencies;	/* read by conf_finish */
	int start_columns;	/* start at the agencies' columns (default 1) */
	int per_host;		/* transfers at once to one host */
	int max_conns;		/* transfers at once in all */
	long delay_ms;		/* between request starts to one host */
	long max_crawl_delay_ms;	/* robots.txt Crawl-delay honoured up to */
	long connect_timeout;	/* seconds */
	long timeout;		/* seconds, a whole transfer */
	long low_speed_limit;	/* bytes/s ... */
	long low_speed_time;	/* ... for this many seconds: a stall */
	long long max_bytes;	/* one body */
	long long max_page_bytes;	/* one HTML page parsed for links */
	int max_listing;	/* listing pages per run */
	int max_docs;		/* report pages + attachments per run */
	int retries;		/* after the first attempt */
	long backoff_ms;	/* first retry delay; doubles each time */
	long backoff_max_ms;
	long retry_after_max;	/* seconds of Retry-After honoured at most */
	int max_redirects;
	long doc_timeout;	/* seconds for one URL, retries and redirects too */
	int host_down_after;	/* failures in a row that make a silent host down */
	int recheck_recent_days;	/* younger documents: checked every run */
	int recheck_cycle_days;	/* older ones: once in this many days */
	int full_walk_days;	/* listings walked to their end every N days */
	int robots;		/* obey robots.txt */
	char *named[CONF_MAX_LIST];	/* hosts named on the command line */
	int nnamed;
	struct host_conf host[CONF_MAX_LIST];
	int nhost;
	/* while reading: which lists this file has set (its first line of
	 * a list replaces the list), where it is, how deep in includes */
	unsigned set;
	char dir[PATH_MAX];	/* "" for the built-in file */
	int builtin, depth;
};

/*
 * The built-in configuration: config/qingdao.conf as compiled in.  0, or
 * -1 with a reason in err (a broken build).
 */
int conf_init(struct fetch_conf *, char *err, size_t errsz);
void conf_free(struct fetch_conf *);
/*
 * Apply one line ("key value...").  0, or -1 with a reason in err.
 * Lines that are empty or comments are accepted and ignored.  Relative
 * paths (include, agencies, ca-file) are taken from the file being read,
 * else from the working directory.
 */
int conf_line(struct fetch_conf *, const char *line, char *err, size_t errsz);
/*
 * Read a file ("-": standard input) over what is set: a list key's first
 * line in the file replaces that list, later lines add to it; "include
 * FILE" reads FILE in place.  0, or -1 with "FILE line N: reason" in err.
 */
int conf_load(struct fetch_conf *, const char *path, char *err, size_t errsz);
/* Check the values and read the agencies file. */
int conf_finish(struct fetch_conf *, char *err, size_t errsz);
/* Allow host too (a --start or command-line URL's host), and remember it
 * was named by the user (conf_host_named). */
int conf_allow_host(struct fetch_conf *, const char *host, char *err,
    size_t errsz);

/* 1 when host is allowed: listed exactly, or under a "*.suffix" entry.
 * An IP literal is allowed only when listed exactly. */
int conf_host_allowed(const struct fetch_conf *, const char *host);
/*
 * The pause between two request starts to host: its host-delay-ms, else
 * delay-ms; or robots.txt's Crawl-delay (robots_ms, -1 when none) when
 * that is longer, but no longer than max-crawl-delay-ms.
 */
long conf_delay_ms(const struct fetch_conf *, const char *host,
    long robots_ms);
/* 1 when host was named on the command line (conf_allow_host). */
int conf_host_named(const struct fetch_conf *, const char *host);
/* 1 when a connect-to line sends host:port elsewhere. */
int conf_connect_mapped(const struct fetch_conf *, const char *host,
    const char *port);
/* Transfers at once to host: its host-per-host, else per-host. */
int conf_per_host(const struct fetch_conf *, const char *host);
/* 1 when any pattern of the list matches s. */
int conf_match(const struct pattern *, int n, const char *s);

#endif
