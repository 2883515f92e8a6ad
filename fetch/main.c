/*
 * gk-fetch: documents in, `doc` records out.
 *
 *   gk-fetch PATH...                  local mode: one doc record per file
 *   gk-fetch [-c CONFIG] [--start URL]... [--state DIR] [--changed-only]
 *                                     crawl mode (see gk-fetch.1)
 */
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

static void
usage(int help)
{
	gk_usage(help,
	    "usage: gk-fetch [-qv] path ...\n"
	    "       gk-fetch [-qv] [-c config] [--start url] ... [--state dir] "
	    "[--changed-only]\n"
	    "       gk-fetch -h | --help | --version\n",
	    "Write one doc record per local file, or crawl the report pages "
	    "and\nattachments of the configured site (-c, --start).\n",
	    "  -c, --config config  crawl with the settings of config (- is "
	    "standard input)\n"
	    "      --changed-only   leave out the records of unchanged "
	    "documents\n"
	    "  -h, --help           print this help and exit\n"
	    "  -q, --quiet          no progress line on a terminal, no -v "
	    "lines\n"
	    "      --start url      crawl from url instead (repeatable; its "
	    "host is allowed)\n"
	    "      --state dir      the state, cache and lock of the crawl "
	    "(default data)\n"
	    "  -v, --verbose        log every request\n"
	    "      --version        print the version and exit\n");
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "start", required_argument, NULL, 's' },
		{ "state", required_argument, NULL, 'S' },
		{ "changed-only", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct fetch_conf cf;
	struct crawl_opts op;
	const char *config = NULL, *starts[CONF_MAX_LIST];
	char err[1024];
	int ch, i, nstart = 0, crawl = 0, failed = 0, rc;

	gk_log_init(argv[0]);
	memset(&op, 0, sizeof(op));
	op.state_dir = "data";
	while ((ch = getopt_long(argc, argv, "c:hqv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			config = optarg;
			crawl = 1;
			break;
		case 's':
			if (nstart >= CONF_MAX_LIST)
				gk_fatal("--start", "more than %d",
				    CONF_MAX_LIST);
			starts[nstart++] = optarg;
			crawl = 1;
			break;
		case 'S':
			op.state_dir = optarg;
			crawl = 1;
			break;
		case 'C':
			op.changed_only = 1;
			crawl = 1;
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
	argc -= optind;
	argv += optind;
	if (argc > 0) {
		if (crawl)
			usage(0);	/* local mode takes no crawl options */
		for (i = 0; i < argc; i++)
			failed += local_emit(stdout, argv[i]);
		gk_stdout_close(stdout);
		return failed ? GK_EXIT_DOCS : GK_EXIT_OK;
	}

	conf_init(&cf);
	if (config != NULL && conf_load(&cf, strcmp(config, "-") == 0 ?
	    "/dev/stdin" : config, err, sizeof(err)) == -1)
		gk_fatal(strcmp(config, "-") == 0 ? "standard input" : config,
		    "%s", err);
	/* --start replaces the configured start URLs; its host is allowed */
	if (nstart > 0) {
		while (cf.nstart > 0)
			free(cf.start[--cf.nstart]);
		cf.set |= 1;	/* the start list is set: no defaults */
	}
	for (i = 0; i < nstart; i++) {
		char line[URL_MAX + 16], u[URL_MAX], host[256];

		if (url_normalize(starts[i], u, sizeof(u)) == -1)
			gk_fatal(starts[i], "not an http, https or file URL");
		snprintf(line, sizeof(line), "start %s", u);
		if (conf_line(&cf, line, err, sizeof(err)) == -1)
			gk_fatal("--start", "%s", err);
		if (strncmp(u, "file:", 5) != 0 &&
		    url_host(u, host, sizeof(host)) == 0 &&
		    !conf_host_allowed(&cf, host)) {
			unsigned set = cf.set;

			snprintf(line, sizeof(line), "allow %s", host);
			/* keep the configured hosts: add, do not replace */
			cf.set |= 2;
			if (conf_line(&cf, line, err, sizeof(err)) == -1)
				gk_fatal("--start", "%s", err);
			if (!(set & 2) && cf.nallow == 1) {
				/* no file set hosts: defaults plus this one */
				char *h = cf.allow[0];

				cf.nallow = 0;
				cf.set &= ~2u;
				if (conf_finish(&cf, err, sizeof(err)) == -1)
					gk_fatal("defaults", "%s", err);
				cf.allow[cf.nallow++] = h;
			}
		}
	}
	if (conf_finish(&cf, err, sizeof(err)) == -1)
		gk_fatal(config ? config : "defaults", "%s", err);
	gk_progress_begin("documents");
	op.progress = gk_progress_on();
	rc = crawl_run(&cf, &op, stdout);
	conf_free(&cf);
	gk_stdout_close(stdout);	/* a reader that went: quiet */
	return rc;
}
