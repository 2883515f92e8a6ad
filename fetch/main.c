/*
 * gk-fetch: documents in, `doc` records out.
 *
 *   gk-fetch [-v] PATH...             local files: one doc record each
 *   gk-fetch [-v] [-c CONFIG]... [-i FILE] URL...
 *                                     documents by URL (see gk-fetch.1)
 *   gk-fetch [-v] -c CONFIG... | --start URL... [--state DIR] [--full] ...
 *                                     the crawl
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/cli.h"
#include "common/log.h"
#include "common/progress.h"
#include "conf.h"
#include "crawl.h"
#include "local.h"
#include "url.h"

#define MAX_ARGS 1000000	/* URLs and paths, from -i and the command line */

static void
usage(int help)
{
	gk_usage(help,
	    "usage: gk-fetch [-qv] path ...\n"
	    "       gk-fetch [-qv] [-c config] ... [--connect-to h:p:a:p] ... "
	    "[--state dir] [-i file] url ...\n"
	    "       gk-fetch [-qv] -c config ... | --start url ... "
	    "[--connect-to h:p:a:p] ... [--state dir] [--changed-only] [--full]\n"
	    "       gk-fetch -h | --help | --version\n",
	    "Write one doc record per local file; fetch documents by URL; or "
	    "crawl the\nreport columns of the configured sites (-c, --start).\n",
	    "  -c, --config config  read the settings of config over the built-in "
	    "ones\n"
	    "                       (repeatable; - is standard input)\n"
	    "      --changed-only   leave out the records of unchanged "
	    "documents\n"
	    "      --connect-to h:p:a:p  connect to a:p for host h port p "
	    "(repeatable)\n"
	    "      --full           walk every listing to its end (not only to "
	    "the\n"
	    "                       first page of known entries)\n"
	    "  -h, --help           print this help and exit\n"
	    "  -i, --input-file file  read URLs or paths one a line (- is "
	    "standard input)\n"
	    "  -q, --quiet          no progress line on a terminal, no -v "
	    "lines\n"
	    "      --start url      crawl from url instead (repeatable; its "
	    "host is allowed)\n"
	    "      --state dir      the state, cache and lock (default data)\n"
	    "  -v, --verbose        log every request: status, bytes, time\n"
	    "      --version        print the version and exit\n");
}

struct list {
	char **v;
	size_t n;
};

static void
push(struct list *l, const char *s)
{
	char **v;

	if (l->n >= MAX_ARGS)
		gk_fatal(s, "more than %d URLs and paths", MAX_ARGS);
	if (l->n % 256 == 0) {
		if ((v = realloc(l->v, (l->n + 256) * sizeof(*v))) == NULL)
			gk_fatal(NULL, "out of memory");
		l->v = v;
	}
	if ((l->v[l->n] = strdup(s)) == NULL)
		gk_fatal(NULL, "out of memory");
	l->n++;
}

static void
list_free(struct list *l)
{
	while (l->n > 0)
		free(l->v[--l->n]);
	free(l->v);
}

/*
 * An argument or a line of -i: an http(s) URL is fetched, a file:// URL
 * or anything else is a local path, "-" the document on standard input.
 */
static void
argument(const char *a, struct list *urls, struct list *paths)
{
	char scheme[16], u[URL_MAX], path[URL_MAX];

	if (strstr(a, "://") != NULL && url_normalize(a, u, sizeof(u)) == 0 &&
	    url_scheme(u, scheme, sizeof(scheme)) == 0) {
		if (strcmp(scheme, "file") != 0)
			push(urls, u);
		else if (url_file_path(u, path, sizeof(path)) == 0)
			push(paths, path);
		else
			gk_fatal(a, "not a usable file:// URL");
		return;
	}
	if (strncmp(a, "http:", 5) == 0 || strncmp(a, "https:", 6) == 0)
		gk_fatal(a, "not a usable URL");
	push(paths, a);
}

/* -i FILE: one URL (or path) a line; blank lines and '#' lines skipped. */
static void
read_list(const char *name, struct list *urls, struct list *paths)
{
	FILE *fp = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
	char line[URL_MAX + 2];
	unsigned long no = 0;

	if (fp == NULL)
		gk_fatal(name, "cannot open: %s", strerror(errno));
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t n = strlen(line);
		char *p = line;

		no++;
		if (n > 0 && line[n - 1] != '\n' && !feof(fp))
			gk_fatal(name, "line %lu: longer than %d bytes", no,
			    URL_MAX);
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
		    line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
		p += strspn(p, " \t");
		if (*p == '\0' || *p == '#')
			continue;
		argument(p, urls, paths);
	}
	if (ferror(fp))
		gk_fatal(name, "read error");
	if (fp != stdin)
		fclose(fp);
}

/* Allow the host of a URL given on the command line or by --start. */
static void
allow_url(struct fetch_conf *cf, const char *u)
{
	char host[256], err[512];

	if (strncmp(u, "file:", 5) != 0 && url_host(u, host, sizeof(host)) ==
	    0 && conf_allow_host(cf, host, err, sizeof(err)) == -1)
		gk_fatal(u, "%s", err);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "start", required_argument, NULL, 's' },
		{ "state", required_argument, NULL, 'S' },
		{ "changed-only", no_argument, NULL, 'C' },
		{ "full", no_argument, NULL, 'F' },
		{ "connect-to", required_argument, NULL, 'T' },
		{ "input-file", required_argument, NULL, 'i' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct fetch_conf cf;
	struct crawl_opts op;
	struct list configs = { 0 }, starts = { 0 }, connects = { 0 },
	    urls = { 0 }, paths = { 0 };
	char err[1024];
	int ch, failed = 0, rc, state_set = 0, stdin_doc = 0,
	    stdin_uses = 0;
	size_t i;

	gk_log_init(argv[0]);
	memset(&op, 0, sizeof(op));
	op.state_dir = "data";
	while ((ch = getopt_long(argc, argv, "c:hi:qv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			stdin_uses += strcmp(optarg, "-") == 0;
			push(&configs, optarg);
			break;
		case 's':
			push(&starts, optarg);
			break;
		case 'S':
			op.state_dir = optarg;
			state_set = 1;
			break;
		case 'C':
			op.changed_only = 1;
			break;
		case 'F':
			op.full = 1;
			break;
		case 'T':
			push(&connects, optarg);
			break;
		case 'i':
			stdin_uses += strcmp(optarg, "-") == 0;
			read_list(optarg, &urls, &paths);
			break;
		case 'h':
			usage(1);
			break;
		case 'q':
			gk_set_quiet(1);
			break;
		case 'v':
			if (!gk_quiet())
				gk_set_verbose(1);
			break;
		case 'V':
			gk_print_version();
			break;
		default:
			usage(0);
		}
	}
	for (i = (size_t)optind; i < (size_t)argc; i++)
		argument(argv[i], &urls, &paths);

	/* what is asked for: local files, documents by URL, or a crawl */
	if (paths.n == 0 && urls.n == 0 && configs.n == 0 && starts.n == 0)
		usage(0);	/* never a crawl nobody asked for */
	if (starts.n > 0 && urls.n > 0)
		usage(0);	/* --start crawls; URLs are fetched alone */
	for (i = 0; i < paths.n; i++)
		if (strcmp(paths.v[i], "-") == 0)
			stdin_doc++;
	if (stdin_doc + stdin_uses > 1)
		usage(0);	/* one standard input */
	/* local files take no crawl options (--state: where "-" is kept) */
	if (paths.n > 0 && urls.n == 0 && (configs.n > 0 || starts.n > 0 ||
	    connects.n > 0 || (state_set && stdin_doc == 0) ||
	    op.changed_only || op.full))
		usage(0);
	for (i = 0; i < paths.n; i++)
		failed += strcmp(paths.v[i], "-") == 0 ?
		    local_emit_stdin(stdout, op.state_dir) :
		    local_emit(stdout, paths.v[i]);
	local_free();
	if (urls.n == 0 && configs.n == 0 && starts.n == 0) {
		gk_stdout_close(stdout);
		list_free(&paths);
		return failed ? GK_EXIT_DOCS : GK_EXIT_OK;
	}

	if (conf_init(&cf, err, sizeof(err)) == -1)
		gk_fatal("built-in configuration", "%s", err);
	for (i = 0; i < configs.n; i++)
		if (conf_load(&cf, configs.v[i], err, sizeof(err)) == -1)
			gk_fatal(NULL, "%s", err);
	for (i = 0; i < connects.n; i++) {
		char line[URL_MAX + 16];

		snprintf(line, sizeof(line), "connect-to %s", connects.v[i]);
		cf.set = ~0u;	/* added to the configured ones */
		if (conf_line(&cf, line, err, sizeof(err)) == -1)
			gk_fatal("--connect-to", "%s", err);
	}
	/* --start replaces what the configuration starts at; its host (and
	 * a URL's) is allowed */
	if (starts.n > 0) {
		while (cf.nstart > 0)
			free(cf.start[--cf.nstart]);
		while (cf.nhub > 0)
			free(cf.hub[--cf.nhub]);
		cf.start_columns = 0;
		for (i = 0; i < starts.n; i++) {
			char line[URL_MAX + 16], u[URL_MAX];

			if (url_normalize(starts.v[i], u, sizeof(u)) == -1)
				gk_fatal(starts.v[i],
				    "not an http, https or file URL");
			snprintf(line, sizeof(line), "start %s", u);
			cf.set = ~0u;
			if (conf_line(&cf, line, err, sizeof(err)) == -1)
				gk_fatal("--start", "%s", err);
			allow_url(&cf, u);
		}
	}
	for (i = 0; i < urls.n; i++)
		allow_url(&cf, urls.v[i]);
	if (conf_finish(&cf, err, sizeof(err)) == -1)
		gk_fatal(NULL, "%s", err);
	op.urls = urls.v;
	op.nurls = urls.n;
	gk_progress_begin("documents");
	op.progress = gk_progress_on();
	rc = crawl_run(&cf, &op, stdout);
	gk_stdout_close(stdout);	/* a reader that went: quiet */
	if (rc == GK_EXIT_OK && failed > 0)
		rc = GK_EXIT_DOCS;
	conf_free(&cf);
	list_free(&configs);
	list_free(&starts);
	list_free(&connects);
	list_free(&urls);
	list_free(&paths);
	return rc;
}
