/*
 * gk-transform: paras and cells in, canonical metrics and checks out.
 *
 *   gk-extract | gk-transform [-v] | gk-load data/
 *
 * The documents of one report page (doc records with the same PAGE) arrive
 * one after another; they are held until PAGE changes (or the input ends),
 * read, merged into one report and written.  Memory holds one report.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/bounds.h"
#include "common/cli.h"
#include "common/input.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/rec.h"
#include "tx.h"

#define MAX_VERSIONS 64		/* documents of one report page */
#define MAX_HELD (256u << 20)	/* bytes of text held for one report page */

static struct tx_version *vers[MAX_VERSIONS];
static int nvers;
static char *page;
static size_t held;		/* text bytes of the page's documents */
static int docs_failed;

static char *
xstrdup(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		gk_fatal(NULL, "out of memory");
	return d;
}

/*
 * The report of the page, or, when none of its documents has a template,
 * wait: its attachment may still come (see pending.c).
 */
static void
flush(FILE *out)
{
	static struct tx_version *all[MAX_VERSIONS + TX_PENDING_MAX];
	int i, n, tmpl = 0;

	for (i = 0; i < nvers; i++) {
		struct tx_version *v = vers[i];
		int k;

		tx_meta(v);
		tx_read(v);
		for (k = 0; k < v->nitems; k++)
			free(v->items[k].text);
		free(v->items);
		v->items = NULL;
		v->nitems = v->capitems = 0;
		tmpl |= v->tmpl != TX_NONE;
	}
	if (nvers > 0 && tmpl) {
		/* the page's own versions first: its title, agency, date */
		n = tx_pending_take(vers[0]->page, all, TX_PENDING_MAX);
		memcpy(all + n, vers, sizeof(vers[0]) * (size_t)nvers);
		n += nvers;
		docs_failed |= tx_report(out, all, n);
		tx_reported_mark(vers[0]->page);
		for (i = 0; i < n; i++) {
			tx_version_free(all[i]);
			free(all[i]);
		}
	} else if (nvers > 0 && tx_reported(vers[0]->page)) {
		/* a page without tables after its attachment's report */
		for (i = 0; i < nvers; i++) {
			gk_debug("%s: no template, but its page %s was "
			    "reported", vers[i]->doc, vers[i]->page);
			tx_version_free(vers[i]);
			free(vers[i]);
		}
	} else
		for (i = 0; i < nvers; i++)
			docs_failed |= tx_pending_add(out, vers[i]);
	nvers = 0;
	held = 0;
	free(page);
	page = NULL;
}

static struct tx_version *
find(const char *doc)
{
	int i;

	for (i = nvers - 1; i >= 0; i--)
		if (strcmp(vers[i]->doc, doc) == 0)
			return vers[i];
	return NULL;
}

static void
on_doc(FILE *out, const struct gk_rec *r)
{
	struct tx_version *v;

	if (page != NULL && (strcmp(page, r->f[DOC_PAGE]) != 0 ||
	    nvers == MAX_VERSIONS))
		flush(out);
	if (page == NULL)
		page = xstrdup(r->f[DOC_PAGE]);
	if ((v = calloc(1, sizeof(*v))) == NULL)
		gk_fatal(NULL, "out of memory");
	v->doc = xstrdup(r->f[DOC_ID]);
	v->page = xstrdup(r->f[DOC_PAGE][0] ? r->f[DOC_PAGE] : r->f[DOC_URL]);
	v->type = xstrdup(r->f[DOC_TYPE]);
	v->title = xstrdup(r->f[DOC_TITLE]);
	v->agency = xstrdup(r->f[DOC_AGENCY]);
	v->published = xstrdup(r->f[DOC_PUBLISHED]);
	v->status = xstrdup(r->f[DOC_STATUS]);
	vers[nvers++] = v;
}

static void
on_item(FILE *out, const struct gk_rec *r, int cell)
{
	struct tx_version *v = find(r->f[1]);
	struct tx_item *it;
	size_t len;

	if (v == NULL) {
		gk_warn(r->f[1], "%s record of a document without a doc record",
		    cell ? "cell" : "para");
		return;
	}
	len = strlen(r->f[cell ? CELL_TEXT : PARA_TEXT]);
	if (v->nitems >= GK_MAX_CELLS || held + len > MAX_HELD) {
		if (!v->toomany) {
			gk_emit(out, GK_ERROR, v->doc, "transform", "too_many",
			    v->nitems >= GK_MAX_CELLS ?
			    "more paras and cells than gk reads in a document" :
			    "more text than gk holds for one report page; "
			    "the rest is not read");
			v->toomany = 1;
			docs_failed = 1;
		}
		return;
	}
	held += len + 1;
	if (v->nitems >= v->capitems) {
		int cap = v->capitems ? v->capitems * 2 : 512;
		struct tx_item *p = realloc(v->items, sizeof(*p) * (size_t)cap);

		if (p == NULL)
			gk_fatal(NULL, "out of memory");
		v->items = p;
		v->capitems = cap;
	}
	it = &v->items[v->nitems++];
	memset(it, 0, sizeof(*it));
	it->cell = cell;
	it->seq = strtoul(r->f[cell ? CELL_SEQ : PARA_SEQ], NULL, 10);
	if (cell) {
		it->table = atoi(r->f[CELL_TABLE]);
		it->row = atoi(r->f[CELL_ROW]);
		it->col = atoi(r->f[CELL_COL]);
	}
	it->page = atoi(r->f[cell ? CELL_PAGE : PARA_PAGE]);
	it->text = xstrdup(r->f[cell ? CELL_TEXT : PARA_TEXT]);
}

static void
on_note(const struct gk_rec *r)
{
	struct tx_version *v;

	/* note DOC ocr N: N pages were read from page images */
	if (strcmp(r->f[NOTE_KEY], "ocr") == 0 &&
	    (v = find(r->f[NOTE_DOC])) != NULL)
		v->ocr = atoi(r->f[NOTE_VALUE]);
}

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

/*
 * A doc record read straight after another (or at the end) with nothing of
 * its own between: gk-extract writes a para, a cell or an error record
 * after every document it reads, so the stream did not pass through it.
 */
static int doc_open, docs_empty, docs_read;

static void
doc_content(enum gk_rectype t)
{
	switch (t) {
	case GK_PARA:
	case GK_CELL:
	case GK_ERROR:
		docs_read += doc_open;
		doc_open = 0;
		break;
	case GK_DOC:
	case GK_REPORT:
	case GK_METRIC:
	case GK_CHECK:
		docs_empty += doc_open;
		doc_open = 0;
		break;
	default:	/* notes, comments, other types: neither */
		break;
	}
}

/* The stream is gk-fetch's: documents, but no paras and cells. */
static void
not_extracted(const char *name, const struct gk_tally *t)
{
	if (t->n[GK_REPORT] + t->n[GK_METRIC] > 0)
		gk_fatal(name, "doc records without their paragraphs and "
		    "cells, and report records: the output of gk-transform "
		    "(give it to gk-load)");
	gk_fatal(name, "doc records without their paragraphs and cells: the "
	    "output of gk-fetch (give it to gk-extract first)");
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
	struct gk_reader *rd;
	struct gk_rec r;
	struct gk_tally tally;
	enum gk_read_result res;
	struct tx_version *v;
	const char *name = "standard input";
	FILE *in = stdin;
	char text[512];
	unsigned long total;
	int ch;

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
	if ((rd = gk_reader_new(name, GK_MAX_LINE)) == NULL)
		gk_fatal(NULL, "out of memory");
	gk_input_start(rd, in, name);
	memset(&tally, 0, sizeof(tally));
	gk_progress_begin("documents");
	gk_progress_input(in);
	total = gk_progress_count(in, "doc\t");
	gk_progress_update(0, total, NULL);
	while ((res = gk_read(rd, in, &r)) != GK_READ_EOF) {
		if (res == GK_READ_BAD) {
			gk_warn(NULL, "%s", gk_reader_error(rd));
			gk_emit(stdout, GK_ERROR, "", "transform", "bad_record",
			    gk_reader_error(rd));
			docs_failed = 1;
			continue;
		}
		if (res == GK_READ_REC) {
			gk_tally_add(&tally, &r);
			doc_content(r.type);
		}
		switch (r.type) {
		case GK_DOC:
			/* two documents without content, none with: the
			 * stream did not pass through gk-extract */
			if (docs_empty > 1 && docs_read == 0)
				not_extracted(name, &tally);
			doc_open = strcmp(r.f[DOC_STATUS], "failed") != 0;
			gk_progress_update(tally.n[GK_DOC] - 1, total, NULL);
			on_doc(stdout, &r);
			/* passed on: gk-load takes each value's provenance
			 * (URL, SHA-256) from it */
			gk_emit_raw(stdout, &r);
			break;
		case GK_PARA:
			on_item(stdout, &r, 0);
			break;
		case GK_CELL:
			on_item(stdout, &r, 1);
			break;
		case GK_ERROR:
			if ((v = find(r.f[ERROR_DOC])) != NULL)
				v->failed = 1;
			gk_emit_raw(stdout, &r);
			break;
		case GK_NOTE:
			on_note(&r);
			gk_emit_raw(stdout, &r);
			break;
		case GK_GROUP:
			/* nothing after it belongs to the reports before it:
			 * write them (and give up the pages that waited for an
			 * attachment), so that each group's output stands on
			 * its own and a stream split between groups gives the
			 * output of the whole */
			flush(stdout);
			docs_failed |= tx_pending_flush(stdout);
			gk_emit_raw(stdout, &r);
			break;
		case GK_COMMENT:
			break;
		default:	/* report, metric, check from elsewhere */
			gk_emit_raw(stdout, &r);
			break;
		}
	}
	doc_content(GK_DOC);
	if (docs_empty > 1 && docs_read == 0)
		not_extracted(name, &tally);
	if (docs_empty == 1 && docs_read == 0)
		gk_warn(name, "a doc record without paragraphs or cells: if "
		    "it is gk-fetch's output, give it to gk-extract first");
	gk_progress_end();
	if (ferror(in))
		gk_fatal(name, "read error");
	flush(stdout);
	docs_failed |= tx_pending_flush(stdout);
	gk_reader_free(rd);
	gk_stdout_close(stdout);
	if (tally.n[GK_DOC] + tally.n[GK_PARA] + tally.n[GK_CELL] == 0 &&
	    gk_tally_records(&tally) > 0) {
		gk_warn(name, "no doc, para or cell records to read (it holds "
		    "%s%s%s); passed on unchanged", gk_tally_text(&tally, text,
		    sizeof(text)), gk_tally_source(&tally) ? ": the output "
		    "of " : "", gk_tally_source(&tally) ? gk_tally_source(
		    &tally) : "");
		return GK_EXIT_RUN;
	}
	tally.n[GK_DOC] = tally.n[GK_PARA] = tally.n[GK_CELL] = 0;
	tally.n[GK_ERROR] = 0;
	if (gk_tally_records(&tally) > 0)
		gk_debug("%s: passed on unchanged: %s", name,
		    gk_tally_text(&tally, text, sizeof(text)));
	return docs_failed ? GK_EXIT_DOCS : GK_EXIT_OK;
}
