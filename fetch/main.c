/*
 * gk-fetch: documents in, `doc` records out.
 *
 *   gk-fetch PATH...      local mode: one doc record per file
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "common/log.h"
#include "local.h"

static void
usage(void)
{
	fprintf(stderr, "usage: gk-fetch PATH...\n");
	exit(GK_EXIT_RUN);
}

int
main(int argc, char *argv[])
{
	int ch, i, failed = 0;

	gk_log_init(argv[0]);
	while ((ch = getopt(argc, argv, "v")) != -1) {
		switch (ch) {
		case 'v':
			gk_set_verbose(1);
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage();
	for (i = 0; i < argc; i++)
		failed += local_emit(stdout, argv[i]);
	if (fflush(stdout) == EOF || ferror(stdout))
		gk_fatal("stdout", "write error");
	return failed ? GK_EXIT_DOCS : GK_EXIT_OK;
}
