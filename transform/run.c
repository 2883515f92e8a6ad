/*
 * run.c: gk-transform's stream, callable on any FILE (tx_run).
 *
 * The documents of one report page (doc records with the same PAGE) arrive
 * one after another; they are held until PAGE changes (or the input ends),
 * read, merged into one report and written.  A `reading DOC NAME` record
 * starts another reading of DOC: the paras and cells after it are a
 * version of their own, read and weighed like another document.  Memory
 * holds one report page; every bound is an `error` record (too_many), and
 * a bad line is an error record and a line on standard error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/input.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/rec.h"
#include "tx.h"

#define MAX_VERSIONS 64		/* documents and readings of one page */
#define MAX_HELD (256u << 20)	/* bytes of text held for one report page */

struct run {
	FILE *out;
	struct tx_version *vers[MAX_VERSIONS];
	int nvers;
	char *page;
	size_t held;		/* text bytes of the page's documents */
	int failed;		/* some document gave an error record */
	/* a doc record read straight after another (or at the end) with
	 * nothing of its own between: gk-extract writes a para, a cell or
	 * an error record after every document it reads */
	int doc_open, docs_empty, docs_read;
	char *skip;		/* a document over the version bound */
};

static char *
xstrdup(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		gk_fatal(NULL, "out of memory");
	return d;
}

static void
free_version(struct tx_version *v)
{
	tx_version_free(v);
	free(v);
}

/* A version's values were cut at a bound: say so, once. */
static void
overflowed(struct run *r, struct tx_version *v)
{
	if (!v->overflow || v->toomany)
		return;
	gk_emit(r->out, GK_ERROR, v->doc, "transform", "too_many",
	    "more values than gk keeps for a document; the rest is not read");
	v->toomany = 1;
	r->failed = 1;
}

/*
 * The report of the page, or, when none of its documents has a template,
 * wait: its attachment may still come (see pending.c).
 */
static void
flush(struct run *r)
{
	static struct tx_version *all[MAX_VERSIONS + TX_PENDING_MAX];
	int i, n, tmpl = 0;

	for (i = 0; i < r->nvers; i++) {
		struct tx_version *v = r->vers[i];
		int k;

		tx_meta(v);
		tx_read(v);
		overflowed(r, v);
		for (k = 0; k < v->nitems; k++)
			free(v->items[k].text);
		free(v->items);
		v->items = NULL;
		v->nitems = v->capitems = 0;
		tmpl |= v->form != NULL;
	}
	if (r->nvers > 0 && tmpl) {
		/* the page's own versions first: its title, agency, date */
		n = tx_pending_take(r->vers[0]->page, all, TX_PENDING_MAX);
		memcpy(all + n, r->vers, sizeof(r->vers[0]) * (size_t)r->nvers);
		n += r->nvers;
		r->failed |= tx_report(r->out, all, n);
		tx_reported_mark(r->vers[0]->page);
		for (i = 0; i < n; i++)
			free_version(all[i]);
	} else if (r->nvers > 0 && tx_reported(r->vers[0]->page)) {
		/* a page without tables after its attachment's report */
		for (i = 0; i < r->nvers; i++) {
			gk_debug("%s: no template, but its page %s was "
			    "reported", r->vers[i]->doc, r->vers[i]->page);
			free_version(r->vers[i]);
		}
	} else
		for (i = 0; i < r->nvers; i++)
			r->failed |= tx_pending_add(r->out, r->vers[i]);
	r->nvers = 0;
	r->held = 0;
	free(r->page);
	r->page = NULL;
	free(r->skip);
	r->skip = NULL;
}

/* The newest version (reading) of a document. */
static struct tx_version *
find(struct run *r, const char *doc)
{
	int i;

	for (i = r->nvers - 1; i >= 0; i--)
		if (strcmp(r->vers[i]->doc, doc) == 0)
			return r->vers[i];
	return NULL;
}

static int
skipped(const struct run *r, const char *doc)
{
	return r->skip != NULL && strcmp(r->skip, doc) == 0;
}

/* Over the versions a page may hold: an error, and its content is not
 * read. */
static void
too_many_versions(struct run *r, const char *doc, const char *what)
{
	gk_emit(r->out, GK_ERROR, doc, "transform", "too_many", what);
	free(r->skip);
	r->skip = xstrdup(doc);
	r->failed = 1;
}

static struct tx_version *
new_version(struct run *r)
{
	struct tx_version *v;

	if ((v = calloc(1, sizeof(*v))) == NULL)
		gk_fatal(NULL, "out of memory");
	r->vers[r->nvers++] = v;
	return v;
}

static void
on_doc(struct run *r, const struct gk_rec *rec)
{
	struct tx_version *v;

	if (r->page != NULL && strcmp(r->page, rec->f[DOC_PAGE]) != 0)
		flush(r);
	free(r->skip);
	r->skip = NULL;
	if (r->page == NULL)
		r->page = xstrdup(rec->f[DOC_PAGE]);
	if (r->nvers == MAX_VERSIONS) {
		too_many_versions(r, rec->f[DOC_ID], "more documents and "
		    "readings on one report page than gk keeps; this one is "
		    "not read");
		return;
	}
	v = new_version(r);
	v->doc = xstrdup(rec->f[DOC_ID]);
	v->page = xstrdup(rec->f[DOC_PAGE][0] ? rec->f[DOC_PAGE] :
	    rec->f[DOC_URL]);
	v->type = xstrdup(rec->f[DOC_TYPE]);
	v->title = xstrdup(rec->f[DOC_TITLE]);
	v->agency = xstrdup(rec->f[DOC_AGENCY]);
	v->published = xstrdup(rec->f[DOC_PUBLISHED]);
	v->status = xstrdup(rec->f[DOC_STATUS]);
}

/* reading DOC NAME: what follows is another reading of DOC. */
static void
on_reading(struct run *r, const struct gk_rec *rec)
{
	struct tx_version *v = find(r, rec->f[READING_DOC]), *w;

	if (v == NULL || skipped(r, rec->f[READING_DOC])) {
		if (v == NULL)
			gk_warn(rec->f[READING_DOC], "reading record of a "
			    "document without a doc record");
		return;
	}
	if (v->reading == NULL && v->nitems == 0) {
		/* the document's first reading */
		v->reading = xstrdup(rec->f[READING_NAME]);
		return;
	}
	if (r->nvers == MAX_VERSIONS) {
		too_many_versions(r, v->doc, "more documents and readings on "
		    "one report page than gk keeps; this reading is not read");
		return;
	}
	w = new_version(r);
	w->doc = xstrdup(v->doc);
	w->page = xstrdup(v->page);
	w->type = xstrdup(v->type);
	w->title = xstrdup(v->title);
	w->agency = xstrdup(v->agency);
	w->published = xstrdup(v->published);
	w->status = xstrdup(v->status);
	w->reading = xstrdup(rec->f[READING_NAME]);
	w->ocr = v->ocr;
	w->boxes = v->boxes;
	w->failed = v->failed;
}

static void
on_item(struct run *r, const struct gk_rec *rec, int cell)
{
	struct tx_version *v = find(r, rec->f[1]);
	struct tx_item *it;
	size_t len;

	if (skipped(r, rec->f[1]))
		return;		/* its error is written */
	if (v == NULL) {
		gk_warn(rec->f[1], "%s record of a document without a doc "
		    "record", cell ? "cell" : "para");
		return;
	}
	len = strlen(rec->f[cell ? CELL_TEXT : PARA_TEXT]);
	if (v->nitems >= GK_MAX_CELLS || r->held + len > MAX_HELD) {
		if (!v->toomany) {
			gk_emit(r->out, GK_ERROR, v->doc, "transform",
			    "too_many", v->nitems >= GK_MAX_CELLS ?
			    "more paras and cells than gk reads in a document" :
			    "more text than gk holds for one report page; "
			    "the rest is not read");
			v->toomany = 1;
			r->failed = 1;
		}
		return;
	}
	r->held += len + 1;
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
	it->seq = strtoul(rec->f[cell ? CELL_SEQ : PARA_SEQ], NULL, 10);
	if (cell) {
		it->table = atoi(rec->f[CELL_TABLE]);
		it->row = atoi(rec->f[CELL_ROW]);
		it->col = atoi(rec->f[CELL_COL]);
		it->span = atoi(rec->f[CELL_COLSPAN]);
		if (it->span < 1)
			it->span = 1;
	}
	it->page = atoi(rec->f[cell ? CELL_PAGE : PARA_PAGE]);
	it->text = xstrdup(rec->f[cell ? CELL_TEXT : PARA_TEXT]);
}

static void
on_note(struct run *r, const struct gk_rec *rec)
{
	int i;

	/* note DOC ocr N: N pages were read from page images; note DOC
	 * missing_glyphs N: N missing-glyph boxes were seen on them */
	for (i = 0; i < r->nvers; i++) {
		if (strcmp(r->vers[i]->doc, rec->f[NOTE_DOC]) != 0)
			continue;
		if (strcmp(rec->f[NOTE_KEY], "ocr") == 0)
			r->vers[i]->ocr = atoi(rec->f[NOTE_VALUE]);
		else if (strcmp(rec->f[NOTE_KEY], "missing_glyphs") == 0)
			r->vers[i]->boxes = atol(rec->f[NOTE_VALUE]);
	}
}

static void
on_error(struct run *r, const struct gk_rec *rec)
{
	int i;

	for (i = 0; i < r->nvers; i++)
		if (strcmp(r->vers[i]->doc, rec->f[ERROR_DOC]) == 0)
			r->vers[i]->failed = 1;
}

static void
doc_content(struct run *r, enum gk_rectype t)
{
	switch (t) {
	case GK_PARA:
	case GK_CELL:
	case GK_ERROR:
		r->docs_read += r->doc_open;
		r->doc_open = 0;
		break;
	case GK_DOC:
	case GK_REPORT:
	case GK_METRIC:
	case GK_CHECK:
		r->docs_empty += r->doc_open;
		r->doc_open = 0;
		break;
	default:	/* notes, readings, comments, other types: neither */
		break;
	}
}

/* The stream is gk-fetch's (documents, but no paras and cells) or
 * gk-transform's own: one line saying so. */
static int
not_extracted(const char *name, const struct gk_tally *t)
{
	if (t->n[GK_REPORT] + t->n[GK_METRIC] > 0)
		gk_warn(name, "doc records without their paragraphs and "
		    "cells, and report records: the output of gk-transform "
		    "(give it to gk-load)");
	else
		gk_warn(name, "doc records without their paragraphs and "
		    "cells: the output of gk-fetch (give it to gk-extract "
		    "first)");
	return GK_EXIT_RUN;
}

static void
run_end(struct run *r)
{
	int i;

	for (i = 0; i < r->nvers; i++)
		free_version(r->vers[i]);
	r->nvers = 0;
	free(r->page);
	free(r->skip);
	r->page = r->skip = NULL;
	tx_pending_reset();
}

int
tx_run(FILE *in, const char *name, FILE *out, int sniff)
{
	struct gk_reader *rd;
	struct gk_rec rec;
	struct gk_tally tally;
	enum gk_read_result res;
	struct run r;
	char text[512];
	unsigned long total;

	memset(&r, 0, sizeof(r));
	r.out = out;
	tx_pending_reset();
	if ((rd = gk_reader_new(name, GK_MAX_LINE)) == NULL)
		gk_fatal(NULL, "out of memory");
	if (sniff)
		gk_input_start(rd, in, name);
	memset(&tally, 0, sizeof(tally));
	gk_progress_begin("documents");
	gk_progress_input(in);
	total = gk_progress_count(in, "doc\t");
	gk_progress_update(0, total, NULL);
	while ((res = gk_read(rd, in, &rec)) != GK_READ_EOF) {
		if (res == GK_READ_BAD) {
			gk_warn(name, "%s", gk_reader_error(rd));
			gk_emit(out, GK_ERROR, "", "transform", "bad_record",
			    gk_reader_error(rd));
			r.failed = 1;
			continue;
		}
		if (res == GK_READ_REC) {
			gk_tally_add(&tally, &rec);
			doc_content(&r, rec.type);
		}
		switch (rec.type) {
		case GK_DOC:
			/* two documents without content, none with: the
			 * stream did not pass through gk-extract */
			if (r.docs_empty > 1 && r.docs_read == 0) {
				gk_reader_free(rd);
				run_end(&r);
				gk_progress_end();
				return not_extracted(name, &tally);
			}
			r.doc_open = strcmp(rec.f[DOC_STATUS], "failed") != 0;
			gk_progress_update(tally.n[GK_DOC] - 1, total, NULL);
			on_doc(&r, &rec);
			/* passed on: gk-load takes each value's provenance
			 * (URL, SHA-256) from it */
			gk_emit_raw(out, &rec);
			break;
		case GK_PARA:
			on_item(&r, &rec, 0);
			break;
		case GK_CELL:
			on_item(&r, &rec, 1);
			break;
		case GK_READING:
			on_reading(&r, &rec);
			break;
		case GK_ERROR:
			on_error(&r, &rec);
			gk_emit_raw(out, &rec);
			break;
		case GK_NOTE:
			on_note(&r, &rec);
			gk_emit_raw(out, &rec);
			break;
		case GK_GROUP:
			/* nothing after it belongs to the reports before it:
			 * write them (and give up the pages that waited for an
			 * attachment), so that each group's output stands on
			 * its own and a stream split between groups gives the
			 * output of the whole */
			flush(&r);
			r.failed |= tx_pending_flush(out);
			gk_emit_raw(out, &rec);
			break;
		case GK_COMMENT:
			break;
		default:	/* report, metric, check from elsewhere */
			gk_emit_raw(out, &rec);
			break;
		}
	}
	doc_content(&r, GK_DOC);
	gk_progress_end();
	if (r.docs_empty > 1 && r.docs_read == 0) {
		gk_reader_free(rd);
		run_end(&r);
		return not_extracted(name, &tally);
	}
	if (r.docs_empty == 1 && r.docs_read == 0)
		gk_warn(name, "a doc record without paragraphs or cells: if "
		    "it is gk-fetch's output, give it to gk-extract first");
	if (ferror(in)) {
		gk_reader_free(rd);
		run_end(&r);
		gk_warn(name, "read error");
		return GK_EXIT_RUN;
	}
	flush(&r);
	r.failed |= tx_pending_flush(out);
	gk_reader_free(rd);
	run_end(&r);
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
	return r.failed ? GK_EXIT_DOCS : GK_EXIT_OK;
}
