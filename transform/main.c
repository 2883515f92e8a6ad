/*
 * gk-transform: paras and cells in, canonical metrics and checks out.
 *
 *   gk-extract | gk-transform [-qv] [stream] | gk-load data/
 *
 * The options; the stream is tx_run's (run.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "common/cli.h"
#include "common/log.h"
#include "tx.h"

static void
usage(int help)
{
	gk_usage(help,
	    "usage: gk-transform [-qv] [stream]\n"
	    "       gk-transform -h | --help | --version\n",
	    "Read gk-extract's records (standard input, or the file stream; - "
	    "is\nstandard input) and write one report record per report page, "
	    "a metric\nrecord per value and a check record per failed check.\n",
	    "  -h, --help      print this help and exit\n"
	    "  -q, --quiet     no progress line on a terminal, no -v lines\n"
	    "  -v, --verbose   log each report, and what was passed on\n"
	    "      --version   print the version and exit\n");
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *name = "standard input";
	FILE *in = stdin;
	int ch, rc;

	gk_log_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "hqv", longopts, NULL)) != -1) {
		switch (ch) {
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
	if (argc - optind > 1)
		usage(0);
	if (argc - optind == 1 && strcmp(argv[optind], "-") != 0) {
		name = argv[optind];
		if ((in = fopen(name, "r")) == NULL)
			gk_fatal(name, "%s", strerror(errno));
	}
	rc = tx_run(in, name, stdout, 1);
	gk_stdout_close(stdout);
	return rc;
}
