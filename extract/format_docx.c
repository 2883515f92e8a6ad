/*
 * format_docx.c: Word 2007+ documents (.docx) through libarchive (the zip,
 * read from memory) and libxml2 (word/document.xml).
 *
 * Paragraphs are w:p (runs' w:t, w:tab a space, w:br and w:cr a line
 * break, which ends a paragraph outside tables and is a space inside one).
 * Tables are w:tbl / w:tr / w:tc; a cell's column is the running sum of
 * w:gridBefore and w:gridSpan, and w:vMerge restart/continue becomes its
 * ROWSPAN.  Deleted text (w:del, w:delText, w:moveFrom) and field codes
 * (w:instrText) are skipped; the wrappers w:sdt, w:customXml, w:smartTag,
 * w:hyperlink, w:ins are read through.  Tables nested in a cell come after
 * the table that holds them.  Both the transitional and the Strict OOXML
 * namespaces are read.
 */
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/log.h"
#include "common/sniff.h"
#include "format.h"
#include "grid.h"
#include "markup.h"

#define W_NS	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define S_NS	"http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS	"http://schemas.openxmlformats.org/markup-compatibility/2006"

#define MAX_NESTED	64	/* tables nested in the cells of one table */

struct docx {
	struct gk_sink *sink;
	int failed;
};

static int
bid(const struct gk_doc *d)
{
	if (strcmp(gk_sniff(d->data, d->len), "docx") == 0)
		return 64;
	/* Labelled docx but no zip we know: read it to say what is wrong. */
	return d->type != NULL && strcmp(d->type, "docx") == 0 ? 8 : 0;
}

static int
in_ns(const xmlNode *n, const char *ns)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    n->ns->href != NULL && strcmp((const char *)n->ns->href, ns) == 0;
}

/* A WordprocessingML element of the given local name. */
static int
w(const xmlNode *n, const char *name)
{
	return (in_ns(n, W_NS) || in_ns(n, S_NS)) &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
mc(const xmlNode *n, const char *name)
{
	return in_ns(n, MC_NS) && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *
child(const xmlNode *n, const char *name)
{
	const xmlNode *c;

	for (c = n != NULL ? n->children : NULL; c != NULL; c = c->next)
		if (w(c, name))
			return c;
	return NULL;
}

/* The w:val of an element (NULL when absent); free with xmlFree. */
static xmlChar *
val(const xmlNode *n)
{
	xmlChar *v;

	if (n == NULL)
		return NULL;
	if ((v = xmlGetNsProp(n, (const xmlChar *)"val",
	    (const xmlChar *)W_NS)) == NULL &&
	    (v = xmlGetNsProp(n, (const xmlChar *)"val",
	    (const xmlChar *)S_NS)) == NULL)
		v = xmlGetNoNsProp(n, (const xmlChar *)"val");
	return v;
}

static int
val_int(const xmlNode *n, int dflt, int max)
{
	xmlChar *v;
	long k;
	char *end;

	if ((v = val(n)) == NULL)
		return dflt;
	k = strtol((const char *)v, &end, 10);
	if (end == (char *)v)
		k = dflt;
	xmlFree(v);
	if (k < 0)
		return 0;
	return k > max ? max : (int)k;
}

/* Elements whose content is not printed text. */
static int
skipped(const xmlNode *n)
{
	static const char *const names[] = { "del", "delText", "instrText",
	    "moveFrom", "pPr", "rPr", "tcPr", "trPr", "tblPr", "tblGrid",
	    "sectPr", "txbxContent", "footnoteReference", "commentReference",
	    "delInstrText", NULL };
	int i;

	if (mc(n, "Fallback"))
		return 1;	/* the same content as mc:Choice, in VML */
	for (i = 0; names[i] != NULL; i++)
		if (w(n, names[i]))
			return 1;
	return 0;
}

/* Nested deeper than gk reads: the document fails (never a silent cut). */
static int
too_deep(struct docx *x)
{
	if (!x->failed) {
		x->failed = 1;
		gk_sink_fail(x->sink, GK_E_TOO_MANY, "markup nested deeper "
		    "than %d levels", GK_MAX_DEPTH);
	}
	return 1;
}

static int
add(struct docx *x, struct gk_buf *b, const char *s, size_t n)
{
	if (x->failed)
		return -1;
	if (gk_buf_add(b, s, n) == -1) {
		x->failed = 1;
		return gk_sink_fail(x->sink, GK_E_TOO_BIG,
		    "a paragraph or cell holds more than %zu bytes", b->max);
	}
	return 0;
}

/* The text of a paragraph (or of anything inside one) into b. */
static void
para_text(struct docx *x, const xmlNode *n, struct gk_buf *b, int depth)
{
	const xmlNode *c, *t;

	if (depth > GK_MAX_DEPTH && too_deep(x))
		return;
	for (c = n->children; c != NULL && !x->failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		if (w(c, "t")) {
			for (t = c->children; t != NULL; t = t->next)
				if ((t->type == XML_TEXT_NODE ||
				    t->type == XML_CDATA_SECTION_NODE) &&
				    t->content != NULL)
					add(x, b, (const char *)t->content,
					    strlen((const char *)t->content));
		} else if (w(c, "tab") || w(c, "ptab"))
			add(x, b, " ", 1);
		else if (w(c, "br") || w(c, "cr"))
			add(x, b, "\n", 1);
		else if (w(c, "noBreakHyphen"))
			add(x, b, "-", 1);
		else if (mc(c, "AlternateContent")) {
			const xmlNode *k;

			for (k = c->children; k != NULL; k = k->next)
				if (mc(k, "Choice")) {
					para_text(x, k, b, depth + 1);
					break;
				}
		} else
			para_text(x, c, b, depth + 1);
	}
}

static void body(struct docx *, const xmlNode *, int);
static void table(struct docx *, const xmlNode *, int);

/* Text boxes anchored in a paragraph, read after it as body text. */
static void
textboxes(struct docx *x, const xmlNode *n, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH && too_deep(x))
		return;
	for (c = n->children; c != NULL && !x->failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || mc(c, "Fallback") ||
		    w(c, "del") || w(c, "moveFrom"))
			continue;
		if (w(c, "txbxContent"))
			body(x, c, depth + 1);
		else
			textboxes(x, c, depth + 1);
	}
}

static void
paragraph(struct docx *x, const xmlNode *p, int depth)
{
	struct gk_buf b;
	char *line, *nl;

	gk_buf_init(&b, (size_t)GK_MAX_TEXT * 2);
	para_text(x, p, &b, depth);
	/* A line break ends a paragraph, as <br> does in HTML. */
	for (line = b.p; !x->failed && line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		if (gk_sink_para(x->sink, line) == -1)
			x->failed = 1;
	}
	gk_buf_free(&b);
	if (!x->failed)
		textboxes(x, p, depth);
}

/* Block content: paragraphs and tables, through the wrappers. */
static void
body(struct docx *x, const xmlNode *n, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH && too_deep(x))
		return;
	for (c = n->children; c != NULL && !x->failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		if (w(c, "p"))
			paragraph(x, c, depth + 1);
		else if (w(c, "tbl"))
			table(x, c, depth + 1);
		else if (mc(c, "AlternateContent")) {
			const xmlNode *k;

			for (k = c->children; k != NULL; k = k->next)
				if (mc(k, "Choice")) {
					body(x, k, depth + 1);
					break;
				}
		} else
			body(x, c, depth + 1);
	}
}

struct nested {
	const xmlNode *t[MAX_NESTED];
	int n;
};

/* A cell's text: its paragraphs joined by spaces; nested tables noted. */
static void
cell_text(struct docx *x, const xmlNode *n, struct gk_buf *b,
    struct nested *nest, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH && too_deep(x))
		return;
	for (c = n->children; c != NULL && !x->failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		if (w(c, "p")) {
			if (b->len > 0)
				add(x, b, " ", 1);
			para_text(x, c, b, depth + 1);
		} else if (w(c, "tbl")) {
			if (nest->n < MAX_NESTED)
				nest->t[nest->n++] = c;
		} else
			cell_text(x, c, b, nest, depth + 1);
	}
}

/*
 * Call fn for each element named name among n's children, looking through
 * the wrappers (w:sdt / w:sdtContent, w:customXml, w:ins, mc:Choice).
 */
static int
collect(struct docx *x, const xmlNode *n, const char *name,
    const xmlNode **out, int max, int k, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH && too_deep(x))
		return k;
	for (c = n->children; c != NULL && k < max; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c))
			continue;
		if (w(c, name))
			out[k++] = c;
		else if (w(c, "sdt") || w(c, "sdtContent") ||
		    w(c, "customXml") || w(c, "ins") || w(c, "moveTo") ||
		    mc(c, "AlternateContent") || mc(c, "Choice"))
			k = collect(x, c, name, out, max, k, depth + 1);
	}
	return k;
}

static void
fail(struct docx *x, enum gk_err e, const char *what, int limit)
{
	x->failed = 1;
	gk_sink_fail(x->sink, e, "a table has more than %d %s", limit, what);
}

static void
table(struct docx *x, const xmlNode *t, int depth)
{
	const xmlNode **rows = NULL, **cells = NULL;
	struct gk_grid g;
	struct gk_buf text;
	struct nested nest;
	long open[GK_MAX_TABLE_COLS];	/* restart cell of a vMerge, by col */
	int nrows, ncells, r, i, col, span, k;
	xmlChar *v;

	nest.n = 0;
	gk_grid_init(&g);
	gk_buf_init(&text, (size_t)GK_MAX_TEXT * 2);
	for (i = 0; i < GK_MAX_TABLE_COLS; i++)
		open[i] = -1;
	rows = calloc(GK_MAX_TABLE_ROWS + 1, sizeof(*rows));
	cells = calloc(GK_MAX_TABLE_COLS + 1, sizeof(*cells));
	if (rows == NULL || cells == NULL) {
		x->failed = 1;
		gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
		goto out;
	}
	nrows = collect(x, t, "tr", rows, GK_MAX_TABLE_ROWS + 1, 0, 0);
	if (nrows > GK_MAX_TABLE_ROWS) {
		fail(x, GK_E_TOO_MANY, "rows", GK_MAX_TABLE_ROWS);
		goto out;
	}
	for (r = 0; r < nrows && !x->failed; r++) {
		gk_grid_row(&g);
		col = val_int(child(child(rows[r], "trPr"), "gridBefore"), 0,
		    GK_MAX_TABLE_COLS);
		ncells = collect(x, rows[r], "tc", cells, GK_MAX_TABLE_COLS + 1,
		    0, 0);
		if (ncells > GK_MAX_TABLE_COLS) {
			fail(x, GK_E_TOO_MANY, "columns", GK_MAX_TABLE_COLS);
			break;
		}
		for (i = 0; i < ncells && !x->failed; i++) {
			const xmlNode *pr = child(cells[i], "tcPr");
			const xmlNode *vm = child(pr, "vMerge");
			const xmlNode *hm = child(pr, "hMerge");
			int restart = 0;
			long idx;

			span = val_int(child(pr, "gridSpan"), 1,
			    GK_MAX_TABLE_COLS);
			if (span < 1)
				span = 1;
			if (col >= GK_MAX_TABLE_COLS) {
				fail(x, GK_E_TOO_MANY, "columns",
				    GK_MAX_TABLE_COLS);
				break;
			}
			if (span > GK_MAX_TABLE_COLS - col)
				span = GK_MAX_TABLE_COLS - col;	/* cut to fit */
			/* Legacy horizontal merge: widen the cell before. */
			if (hm != NULL && (v = val(hm)) != NULL &&
			    strcmp((const char *)v, "restart") != 0) {
				xmlFree(v);
				if (g.n > 0 && g.cells[g.n - 1].row == r) {
					g.cells[g.n - 1].colspan += span;
					col += span;
					continue;
				}
			} else if (hm != NULL && (v = val(hm)) != NULL)
				xmlFree(v);
			if (vm != NULL) {
				v = val(vm);
				restart = v != NULL &&
				    strcmp((const char *)v, "restart") == 0;
				if (v != NULL)
					xmlFree(v);
				idx = open[col];
				if (!restart && idx >= 0 &&
				    g.cells[idx].row + g.cells[idx].rowspan == r) {
					g.cells[idx].rowspan++;
					col += span;
					continue;
				}
				/* A continue with nothing above starts one. */
				restart = 1;
			}
			gk_buf_reset(&text);
			cell_text(x, cells[i], &text, &nest, depth + 1);
			if (x->failed)
				break;
			idx = gk_grid_add(&g, r, col, 1, span,
			    gk_buf_str(&text), text.len);
			if (idx == -1) {
				fail(x, GK_E_TOO_MANY, "cells", GK_MAX_CELLS);
				break;
			}
			for (k = col; k < col + span; k++)
				open[k] = -1;
			if (restart)
				open[col] = idx;
			col += span;
		}
	}
	if (!x->failed && gk_grid_emit(&g, x->sink) == -1)
		x->failed = 1;
	for (i = 0; i < nest.n && !x->failed; i++)
		table(x, nest.t[i], depth + 1);
out:
	free(rows);
	free(cells);
	gk_buf_free(&text);
	gk_grid_free(&g);
}

/*
 * word/document.xml out of the zip into b.  Returns GK_E_OK or a code,
 * with a sentence in the sink.
 */
static enum gk_err
unzip(const struct gk_doc *d, struct gk_sink *s, struct gk_buf *b,
    int seekable)
{
	struct archive *a;
	struct archive_entry *e;
	enum gk_err rc = GK_E_CORRUPT;
	char chunk[65536];
	const char *name;
	la_ssize_t n;
	int r, found = 0;

	if ((a = archive_read_new()) == NULL)
		return GK_E_NOMEM;
	if (seekable)
		archive_read_support_format_zip_seekable(a);
	else
		archive_read_support_format_zip_streamable(a);
	if (archive_read_open_memory(a, d->data, d->len) != ARCHIVE_OK) {
		gk_sink_fail(s, GK_E_CORRUPT, "%s: damaged or truncated zip "
		    "(%s)", d->file, archive_error_string(a));
		goto out;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		name = archive_entry_pathname(e);
		if (name == NULL || strcmp(name, "word/document.xml") != 0)
			continue;
		found = 1;
		if (archive_entry_is_encrypted(e)) {
			rc = GK_E_ENCRYPTED;
			gk_sink_fail(s, rc, "%s: the document is encrypted",
			    d->file);
			goto out;
		}
		if (archive_entry_size_is_set(e) &&
		    archive_entry_size(e) > (la_int64_t)GK_MAX_UNZIPPED) {
			rc = GK_E_TOO_BIG;
			gk_sink_fail(s, rc, "%s: word/document.xml unzips to "
			    "more than %u bytes", d->file, GK_MAX_UNZIPPED);
			goto out;
		}
		while ((n = archive_read_data(a, chunk, sizeof(chunk))) > 0) {
			if (gk_buf_add(b, chunk, (size_t)n) == -1) {
				rc = GK_E_TOO_BIG;
				gk_sink_fail(s, rc, "%s: word/document.xml "
				    "unzips to more than %u bytes", d->file,
				    GK_MAX_UNZIPPED);
				goto out;
			}
		}
		if (n < 0) {
			gk_sink_fail(s, GK_E_CORRUPT, "%s: word/document.xml: "
			    "%s", d->file, archive_error_string(a));
			goto out;
		}
		rc = GK_E_OK;
		goto out;
	}
	if (r == ARCHIVE_EOF && !found)
		gk_sink_fail(s, GK_E_CORRUPT, "%s: a zip without "
		    "word/document.xml", d->file);
	else
		gk_sink_fail(s, GK_E_CORRUPT, "%s: damaged zip: %s", d->file,
		    archive_error_string(a));
out:
	archive_read_free(a);
	return rc;
}

static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static enum gk_err
extract(const struct gk_doc *d, struct gk_sink *s)
{
	struct gk_buf xml;
	struct gk_sink probe;
	struct docx x;
	enum gk_err rc;
	xmlDocPtr doc;
	const xmlNode *root, *b;

	if (d->len < 4 || memcmp(d->data, "PK\3\4", 4) != 0) {
		gk_sink_fail(s, GK_E_CORRUPT, "%s: not a zip file, so not a "
		    "docx", d->file);
		return GK_E_CORRUPT;
	}
	gk_buf_init(&xml, GK_MAX_UNZIPPED);
	/* The central directory first; a truncated zip may still give its
	 * first members to the streaming reader. */
	gk_sink_init(&probe, NULL, d->id);
	rc = unzip(d, &probe, &xml, 1);
	if (rc == GK_E_CORRUPT) {
		gk_buf_reset(&xml);
		if (unzip(d, s, &xml, 0) == GK_E_OK) {
			gk_debug("%s: %s; read by the streaming reader",
			    d->id, probe.msg);
			rc = GK_E_OK;
		} else {
			s->err = GK_E_OK;
			gk_sink_fail(s, probe.err, "%s", probe.msg);
		}
	} else if (rc != GK_E_OK)
		gk_sink_fail(s, probe.err, "%s", probe.msg);
	gk_sink_free(&probe);
	if (rc != GK_E_OK) {
		gk_buf_free(&xml);
		return s->err;
	}
	if (gk_markup_elements(gk_buf_str(&xml), xml.len, GK_MAX_ELEMENTS) >
	    GK_MAX_ELEMENTS) {
		gk_buf_free(&xml);
		gk_sink_fail(s, GK_E_TOO_MANY, "%s: word/document.xml has more "
		    "than %d elements", d->file, GK_MAX_ELEMENTS);
		return GK_E_TOO_MANY;
	}
	xmlSetStructuredErrorFunc(NULL, quiet);
	doc = xmlReadMemory(gk_buf_str(&xml), (int)xml.len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	gk_buf_free(&xml);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL ||
	    !w(root, "document") || (b = child(root, "body")) == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		gk_sink_fail(s, GK_E_CORRUPT, "%s: word/document.xml is not "
		    "a WordprocessingML document", d->file);
		return GK_E_CORRUPT;
	}
	memset(&x, 0, sizeof(x));
	x.sink = s;
	body(&x, b, 0);
	xmlFreeDoc(doc);
	return s->err;
}

const struct gk_format gk_format_docx = { "docx", bid, extract };
