/*
 * gk-load: the transform's stream in, the flat files of the data set out.
 *
 *   gk-load [-v] [-a aliases] [-w seconds] DIR [STREAM...]
 *
 * Reads every record first (standard input, or the STREAM files), then,
 * under a lock on DIR, reads the files already there, replaces the rows of
 * every report (and document) the stream speaks of, works out carry_chain
 * across the whole data set, and writes every file anew: temporary file,
 * fsync, rename, fsync of DIR.
 */
#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/cli.h"
#include "common/log.h"
#include "common/progress.h"
#include "load.h"
#include "lock.h"
#include "out.h"
#include "site.h"
#include "stream.h"

#define DEFAULT_ALIASES "agency-aliases.tsv"	/* in config/ */
#define DEFAULT_WAIT 60.0

static void
usage(int help)
{
	gk_usage(help,
	    "usage: gk-load [-qv] [-a aliases] [-w seconds] dir [stream ...]\n"
	    "       gk-load -h | --help | --version\n",
	    "Read gk-transform's records (standard input, or each stream file; "
	    "- is\nstandard input) and update the data set in dir: every "
	    "report of the\nstream replaces its rows, the rest stays.\n",
	    "  -a aliases      the agency alias table (default "
	    "config/agency-aliases.tsv)\n"
	    "  -h, --help      print this help and exit\n"
	    "  -q, --quiet     no progress line on a terminal, no -v lines\n"
	    "  -v, --verbose   say what was loaded, and when waiting for the "
	    "lock\n"
	    "  -w seconds      wait this long for the lock (default 60)\n"
	    "      --version   print the version and exit\n");
}

/*
 * Records, but none gk-load reads: say what the stream is and what to run
 * first, and touch nothing.
 */
static int
wrong_stream(const struct stream *s, const char *name)
{
	const struct gk_tally *t = &s->tally;
	const char *src = gk_tally_source(t);
	char text[512];

	if (t->n[GK_REPORT] + t->n[GK_METRIC] + t->n[GK_CHECK] +
	    t->n[GK_ERROR] > 0 || gk_tally_records(t) == 0)
		return 0;
	gk_warn(name, "the stream holds no report records (it holds %s%s%s%s)"
	    "; nothing was loaded", gk_tally_text(t, text, sizeof(text)),
	    src ? ": the output of " : "", src ? src : "",
	    src == NULL ? "" : strcmp(src, "gk-fetch") == 0 ?
	    ", give it to gk-extract | gk-transform first" :
	    strcmp(src, "gk-extract") == 0 ? ", give it to gk-transform first" :
	    "");
	return 1;
}

static int
write_all(const struct dataset *d, const char *dir)
{
	struct out o;
	FILE *fp;

	out_init(&o, dir);
	if ((fp = out_open(&o, d->reports.file)) == NULL ||
	    table_write(&d->reports, fp) == -1)
		goto bad;
	if ((fp = out_open(&o, d->metrics.file)) == NULL ||
	    table_write(&d->metrics, fp) == -1)
		goto bad;
	if ((fp = out_open(&o, d->checks.file)) == NULL ||
	    table_write(&d->checks, fp) == -1)
		goto bad;
	if ((fp = out_open(&o, d->errors.file)) == NULL ||
	    table_write(&d->errors, fp) == -1)
		goto bad;
	if ((fp = out_open(&o, "wide-gov2019.tsv")) == NULL ||
	    wide_write(d, "gov2019", fp) == -1)
		goto bad;
	if ((fp = out_open(&o, "wide-gov2021.tsv")) == NULL ||
	    wide_write(d, "gov2021", fp) == -1)
		goto bad;
	return out_commit(&o);
bad:
	if (fp != NULL)
		gk_warn(dir, "cannot write %s: %s", o.f[o.n - 1].tmp,
		    strerror(errno ? errno : EIO));
	out_abort(&o);
	return -1;
}

int
main(int argc, char *argv[])
{
	struct stream s;
	struct dataset d;
	struct aliases *al;
	const char *dir, *afile = NULL;
	char *end, apath[4096];
	double wait = DEFAULT_WAIT;
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int ch, i, lock, rv = GK_EXIT_OK;

	gk_log_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "a:hqvw:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'a':
			afile = optarg;
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
		case 'w':
			wait = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || wait < 0 ||
			    wait > 86400)
				gk_fatal(optarg, "-w wants seconds, 0 to 86400");
			break;
		default:
			usage(0);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage(0);
	dir = argv[0];
	if (afile == NULL)
		afile = gk_config_file(DEFAULT_ALIASES, apath, sizeof(apath));
	if ((al = aliases_read(afile)) == NULL)
		return GK_EXIT_RUN;

	stream_init(&s);
	dataset_init(&d);
	lock = -1;
	gk_progress_begin("records");
	if (argc == 1 && stream_read(&s, stdin, "standard input") == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	for (i = 1; i < argc; i++) {
		int std = strcmp(argv[i], "-") == 0;
		FILE *fp = std ? stdin : fopen(argv[i], "r");

		if (fp == NULL) {
			gk_warn(argv[i], "%s", strerror(errno));
			rv = GK_EXIT_RUN;
			goto done;
		}
		if (stream_read(&s, fp, std ? "standard input" : argv[i]) == -1)
			rv = GK_EXIT_RUN;
		if (!std)
			fclose(fp);
		if (rv != GK_EXIT_OK)
			goto done;
	}
	if (wrong_stream(&s, argc == 2 && strcmp(argv[1], "-") != 0 ?
	    argv[1] : argc == 1 ? "standard input" : "the streams")) {
		rv = GK_EXIT_RUN;
		goto done;
	}

	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		gk_warn(dir, "%s", strerror(errno));
		rv = GK_EXIT_RUN;
		goto done;
	}
	gk_progress_detail("waiting for the lock of %s", dir);
	if ((lock = lock_take(dir, wait)) == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	out_sweep(dir);
	gk_progress_detail("reading the data set in %s", dir);
	if (dataset_read(&d, dir) == -1) {
		gk_warn(dir, "the data set was left as it was");
		rv = GK_EXIT_RUN;
		goto done;
	}
	if (stream_merge(&s, &d) == -1 || carry_chain(&d, al) == -1) {
		gk_warn(dir, "out of memory; the data set was left as it was");
		rv = GK_EXIT_RUN;
		goto done;
	}
	dataset_sort(&d);
	gk_progress_detail("writing the data set in %s", dir);
	if (write_all(&d, dir) == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	gk_debug("%s: %zu reports, %zu values, %zu failed checks, %zu errors "
	    "read; the data set holds %zu reports", dir, s.reports.n,
	    s.metrics.n, s.checks.n, s.errors.n, d.reports.n);
	/* the site, from the files just written (site.h); the data set in
	 * memory goes first: the site reads its own copy */
	dataset_free(&d);
	dataset_init(&d);
	gk_progress_detail("writing the site in %s", dir);
	if (site_write(dir, dir, al) == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	if (s.bad > 0 || s.errors.n > 0)
		rv = GK_EXIT_DOCS;
done:
	gk_progress_end();
	lock_release(lock);
	dataset_free(&d);
	stream_free(&s);
	aliases_free(al);
	return rv;
}
