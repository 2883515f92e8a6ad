/*
 * gk-extract: `doc` records in; each document's paras and cells out.
 *
 *   gk-fetch reports/report.pdf | gk-extract [-v] [--cache DIR] | gk-transform
 *
 * Every record is passed on; after a `doc` record come that document's
 * `para` and `cell` records, or one `error` record (its MESSAGE, and the
 * log line, name the document by its URL).  Documents whose fetch failed
 * are skipped.  With --cache the records of bytes read before (the doc
 * record's SHA256) come from the cache (cache.h), the document unread.  The format of a document is chosen by bidding
 * (format.h): the highest bid wins, none means `unsupported`.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/cli.h"
#include "common/err.h"
#include "common/input.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/rec.h"
#include "cache.h"
#include "format.h"
#include "sink.h"

static void
usage(int help)
{
	gk_usage(help,
	    "usage: gk-extract [-qv] [--cache dir] [stream]\n"
	    "       gk-extract -h | --help | --version\n",
	    "Read the documents that gk-fetch's doc records name (standard "
	    "input,\nor the file stream; - is standard input) and write, "
	    "after each doc\nrecord, its paragraphs and table cells, or one "
	    "error record.\n",
	    "      --cache dir keep each document's records in dir by its "
	    "SHA-256:\n"
	    "                  bytes read before are not read again\n"
	    "  -h, --help      print this help and exit\n"
	    "  -q, --quiet     no progress line on a terminal, no -v lines\n"
	    "  -v, --verbose   log the reader and the time of each document\n"
	    "      --version   print the version and exit\n");
}

static double
now_ms(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The highest bid wins; a tie goes to the format listed first. */
static const struct gk_format *
choose(const struct gk_doc *d)
{
	const struct gk_format *best = NULL;
	int i, bid, top = 0;

	for (i = 0; gk_formats[i] != NULL; i++) {
		bid = gk_formats[i]->bid(d);
		if (bid > top) {
			top = bid;
			best = gk_formats[i];
		}
	}
	return best;
}

/*
 * Why no format reads d: the TYPE's format named, so that errors.tsv says
 * what the file is.  TYPE comes from the bytes; a name ending in .wps (the
 * URL's or the file's) is only mentioned for a file whose bytes are no
 * format gk knows (WPS 2000 and older, and Microsoft Works, wrote .wps
 * files of their own formats).
 */
static const char *
unsupported(const struct gk_doc *d, const char *path)
{
	static const char *const why[][2] = {
		{ "wps", "a WPS Writer file in WPS's own format (an OLE2 file "
		    "without the WordDocument stream of Word 97): not read" },
		{ "ofd", "OFD document (GB/T 33190 fixed-layout format): not "
		    "read" },
		{ NULL, NULL }
	};
	const char *names[2] = { d->file, path };
	size_t n;
	int i;

	for (i = 0; why[i][0] != NULL; i++)
		if (strcmp(d->type, why[i][0]) == 0)
			return why[i][1];
	for (i = 0; i < 2; i++) {
		n = strlen(names[i]);
		if (n > 4 && strcasecmp(names[i] + n - 4, ".wps") == 0)
			return "named .wps but not a Word 97 OLE2 file (an "
			    "older WPS or a Microsoft Works format): not read";
	}
	if (strcmp(d->type, "other") == 0 || d->type[0] == '\0')
		return "not a format gk reads (html, docx, doc, wps, pdf, xls, "
		    "et, xlsx)";
	return "no reader for documents of this type";
}

/* What this run did with the documents. */
struct counts {
	unsigned long read;	/* read from their bytes */
	unsigned long cached;	/* their records from the cache */
};

/*
 * Whether a result depends on the bytes alone, so that the same bytes
 * give it again: not a file that could not be opened, memory, a library's
 * failure, OCR (Tesseract may be missing tonight and there tomorrow), or a
 * PDF's CPU time (a loaded machine).
 */
static int
lasting(enum gk_err e)
{
	return e != GK_E_OPEN && e != GK_E_NOMEM && e != GK_E_INTERNAL &&
	    e != GK_E_OCR && e != GK_E_TIMEOUT;
}

/*
 * The document's error record: MESSAGE is its name (URL, else file), then
 * the reason; the log line "gk-extract: NAME: CODE: REASON".
 */
static int
emit_error(FILE *out, const char *doc, const char *name, enum gk_err e,
    const char *reason)
{
	static char msg[65536];

	if (reason[0] == '\0')
		reason = gk_strerror(e);
	snprintf(msg, sizeof(msg), "%s: %s", name, reason);
	gk_warn(name, "%s: %s", gk_errname(e), reason);
	return gk_emit(out, GK_ERROR, doc, "extract", gk_errname(e), msg);
}

/*
 * Read one document and write its records, from the cache when its bytes
 * were read before.  Returns 0 when it was read, 1 when it got an `error`
 * record, -1 on a write error.
 */
static int
extract_doc(FILE *out, const struct gk_rec *rec, struct gk_buf *data,
    struct xcache *xc, struct gk_buf *recs, struct counts *n)
{
	const struct gk_format *fmt;
	struct gk_sink sink;
	struct gk_doc d;
	enum gk_err e;
	double t0 = now_ms(CLOCK_MONOTONIC);
	double c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
	const char *path = rec->f[DOC_FILE], *sha = rec->f[DOC_SHA256];
	const char *reason;
	char why[sizeof(sink.msg)];
	size_t nl;
	int rc, keep = 0;

	memset(&d, 0, sizeof(d));
	d.id = rec->f[DOC_ID];
	/* messages name the document as gk-fetch did: its URL */
	d.file = rec->f[DOC_URL][0] != '\0' ? rec->f[DOC_URL] :
	    path[0] != '\0' ? path : d.id;
	d.type = rec->f[DOC_TYPE];
	if (xc != NULL && xcache_key_ok(sha) &&
	    xcache_get(xc, sha, recs, &e, why, sizeof(why)) == 1) {
		n->cached++;
		gk_debug("%s: %s: from the cache", d.id, d.file);
		if (e == GK_E_OK)
			return xcache_write(out, recs, d.id);
		if (e == GK_E_UNSUPPORTED)
			snprintf(why, sizeof(why), "%s", unsupported(&d, path));
		return emit_error(out, d.id, d.file, e, why) == -1 ? -1 : 1;
	}
	gk_sink_init(&sink, out, d.id);
	gk_buf_reset(data);
	if (path[0] == '\0') {
		gk_sink_fail(&sink, GK_E_OPEN, "the doc record names no file");
		goto done;
	}
	rc = gk_buf_read_file(data, path);
	if (rc == -2) {
		gk_sink_fail(&sink, GK_E_TOO_BIG, "larger than %u bytes",
		    GK_MAX_FILE);
		goto done;
	} else if (rc == -1) {
		gk_sink_fail(&sink, GK_E_OPEN, "%s: %s", path,
		    strerror(errno));
		goto done;
	}
	n->read++;
	keep = 1;
	d.data = (const unsigned char *)gk_buf_str(data);
	d.len = data->len;
	if (d.len == 0) {
		gk_sink_fail(&sink, GK_E_NO_TEXT, "the file is empty");
		goto done;
	}
	if ((fmt = choose(&d)) == NULL) {
		gk_sink_fail(&sink, GK_E_UNSUPPORTED, "%s",
		    unsupported(&d, path));
		goto done;
	}
	e = fmt->extract(&d, &sink);
	if (e != GK_E_OK)
		gk_sink_fail(&sink, e, "%s", gk_strerror(e));
	else if (sink.err == GK_E_OK && sink.items == 0)
		gk_sink_fail(&sink, GK_E_NO_TEXT, "no text in the %s",
		    fmt->name);
	gk_debug("%s: %s: %s, %lu items, %.2f ms (cpu %.2f ms)", d.id, d.file,
	    fmt->name, sink.items, now_ms(CLOCK_MONOTONIC) - t0,
	    now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0);
done:
	if (sink.err == GK_E_OK) {
		if (keep && xc != NULL && xcache_key_ok(sha))
			xcache_put(xc, sha, d.id, &sink.recs, GK_E_OK, "");
		rc = gk_sink_commit(&sink) == -1 ? -1 : 0;
	} else {
		/* the readers begin a message with the document's name */
		reason = sink.msg;
		nl = strlen(d.file);
		if (strncmp(reason, d.file, nl) == 0 &&
		    strncmp(reason + nl, ": ", 2) == 0)
			reason += nl + 2;
		if (keep && xc != NULL && xcache_key_ok(sha) &&
		    lasting(sink.err))
			xcache_put(xc, sha, d.id, NULL, sink.err,
			    sink.err == GK_E_UNSUPPORTED ? "" : reason);
		rc = emit_error(out, d.id, d.file, sink.err, reason) == -1 ?
		    -1 : 1;
	}
	gk_sink_free(&sink);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "cache", required_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct gk_reader *rd;
	struct gk_buf data, recs;
	struct gk_rec rec;
	struct xcache *xc = NULL;
	struct counts counts = { 0, 0 };
	const char *cachedir = NULL;
	struct gk_tally tally;
	enum gk_read_result res;
	const char *name = "standard input";
	FILE *in = stdin;
	char text[512], err[256];
	unsigned long ndocs = 0, total;
	int ch, rc, failed = 0;

	gk_log_init(argv[0]);
	while ((ch = getopt_long(argc, argv, "hqv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'C':
			cachedir = optarg;
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
	if (argc - optind > 1)
		usage(0);
	if (argc - optind == 1 && strcmp(argv[optind], "-") != 0) {
		name = argv[optind];
		if ((in = fopen(name, "r")) == NULL)
			gk_fatal(name, "%s", strerror(errno));
	}
	if (cachedir != NULL &&
	    (xc = xcache_open(cachedir, err, sizeof(err))) == NULL)
		gk_fatal(cachedir, "%s", err);
	if ((rd = gk_reader_new(name, GK_MAX_LINE)) == NULL)
		gk_fatal(NULL, "out of memory");
	gk_input_start(rd, in, name);
	memset(&tally, 0, sizeof(tally));
	gk_progress_begin("documents");
	gk_progress_input(in);
	total = gk_progress_count(in, "doc\t");
	gk_progress_update(0, total, NULL);
	gk_buf_init(&data, GK_MAX_FILE);
	gk_buf_init(&recs, XCACHE_ENTRY_MAX);
	while ((res = gk_read(rd, in, &rec)) != GK_READ_EOF) {
		if (res == GK_READ_BAD) {
			gk_warn(NULL, "%s", gk_reader_error(rd));
			if (gk_emit(stdout, GK_ERROR, "-", "extract",
			    gk_errname(GK_E_BAD_RECORD),
			    gk_reader_error(rd)) == -1)
				gk_stdout_failed(stdout, errno);
			failed = 1;
			continue;
		}
		if (res != GK_READ_REC)
			continue;
		gk_tally_add(&tally, &rec);
		if (gk_emit_raw(stdout, &rec) == -1)
			gk_stdout_failed(stdout, errno);
		if (rec.type != GK_DOC)
			continue;
		if (strcmp(rec.f[DOC_STATUS], "failed") != 0) {
			gk_progress_detail("%s", rec.f[DOC_ID]);
			if ((rc = extract_doc(stdout, &rec, &data, xc,
			    &recs, &counts)) == -1)
				gk_stdout_failed(stdout, errno);
			failed |= rc;
			ndocs++;
			gk_progress_detail(NULL);
		}
		gk_progress_update(tally.n[GK_DOC], total, NULL);
	}
	gk_progress_end();
	if (ferror(in))
		gk_fatal(name, "read error");
	gk_buf_free(&data);
	gk_buf_free(&recs);
	gk_reader_free(rd);
	gk_stdout_close(stdout);
	if (xc != NULL) {
		/* what the cache saved, for the log of every night */
		if (!gk_quiet())
			gk_warn(NULL, "%lu documents: %lu read, %lu from the "
			    "cache (%s/%s)", ndocs, counts.read,
			    counts.cached, cachedir, xcache_build(xc));
		xcache_close(xc);
	}
	if (tally.n[GK_DOC] == 0 && gk_tally_records(&tally) > 0) {
		/* records, but none this stage reads */
		gk_warn(name, "no doc records to read (it holds %s%s%s); "
		    "passed on unchanged", gk_tally_text(&tally, text,
		    sizeof(text)), gk_tally_source(&tally) ? ": the output "
		    "of " : "", gk_tally_source(&tally) ? gk_tally_source(
		    &tally) : "");
		return GK_EXIT_RUN;
	}
	if (tally.n[GK_DOC] < gk_tally_records(&tally)) {
		tally.n[GK_DOC] = 0;
		gk_debug("%s: %lu documents read; passed on unchanged: %s",
		    name, ndocs, gk_tally_text(&tally, text, sizeof(text)));
	}
	return failed ? GK_EXIT_DOCS : GK_EXIT_OK;
}
