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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/log.h"
#include "load.h"
#include "lock.h"
#include "out.h"
#include "stream.h"

#define DEFAULT_ALIASES "config/agency-aliases.tsv"
#define DEFAULT_WAIT 60.0

static void
usage(void)
{
	fprintf(stderr, "usage: gk-load [-v] [-a aliases] [-w seconds] DIR "
	    "[STREAM...]\n");
	exit(GK_EXIT_RUN);
}

static int
write_all(const struct dataset *d, const struct aliases *al, const char *dir)
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
	if ((fp = out_open(&o, "index.html")) == NULL ||
	    page_write(d, al, fp) == -1)
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
	char *end;
	double wait = DEFAULT_WAIT;
	int ch, i, lock, rv = GK_EXIT_OK;

	gk_log_init(argv[0]);
	while ((ch = getopt(argc, argv, "a:vw:")) != -1) {
		switch (ch) {
		case 'a':
			afile = optarg;
			break;
		case 'v':
			gk_set_verbose(1);
			break;
		case 'w':
			wait = strtod(optarg, &end);
			if (end == optarg || *end != '\0' || wait < 0 ||
			    wait > 86400)
				gk_fatal(optarg, "-w wants seconds, 0 to 86400");
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	dir = argv[0];
	if (afile == NULL && access(DEFAULT_ALIASES, R_OK) == 0)
		afile = DEFAULT_ALIASES;
	if ((al = aliases_read(afile)) == NULL)
		return GK_EXIT_RUN;

	stream_init(&s);
	dataset_init(&d);
	lock = -1;
	if (argc == 1 && stream_read(&s, stdin, "stdin") == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "r");

		if (fp == NULL) {
			gk_warn(argv[i], "%s", strerror(errno));
			rv = GK_EXIT_RUN;
			goto done;
		}
		if (stream_read(&s, fp, argv[i]) == -1)
			rv = GK_EXIT_RUN;
		fclose(fp);
		if (rv != GK_EXIT_OK)
			goto done;
	}

	if (mkdir(dir, 0755) == -1 && errno != EEXIST) {
		gk_warn(dir, "%s", strerror(errno));
		rv = GK_EXIT_RUN;
		goto done;
	}
	if ((lock = lock_take(dir, wait)) == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	out_sweep(dir);
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
	if (write_all(&d, al, dir) == -1) {
		rv = GK_EXIT_RUN;
		goto done;
	}
	gk_debug("%s: %zu reports, %zu values, %zu failed checks, %zu errors "
	    "read; the data set holds %zu reports", dir, s.reports.n,
	    s.metrics.n, s.checks.n, s.errors.n, d.reports.n);
	if (s.bad > 0 || s.errors.n > 0)
		rv = GK_EXIT_DOCS;
done:
	lock_release(lock);
	dataset_free(&d);
	stream_free(&s);
	aliases_free(al);
	return rv;
}
