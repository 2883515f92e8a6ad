/*
 * format_xlsx.c: Excel 2007+ workbooks (.xlsx, whichever program
 * wrote them) through libarchive (the zip, read from memory, every part
 * bounded) and libxml2's streaming reader (the parts, never a whole DOM).
 *
 * The workbook lists the sheets in order (xl/workbook.xml; each sheet's part
 * through xl/_rels/workbook.xml.rels); each visible worksheet's cells are
 * read with their type: a shared string (t="s", xl/sharedStrings.xml, the
 * text of its runs without the phonetic ones), an inline string, a formula's
 * cached string, a boolean, an error, or a number printed through the
 * cell's number format (xl/styles.xml: cellXfs -> numFmtId -> the built-in
 * or custom code; numfmt.c) as the sheet shows it.  Merged ranges come from
 * mergeCells.  sheet.c turns each sheet into tables and paras.  Both the
 * transitional and the Strict namespaces are read.
 */
#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/xmlreader.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/log.h"
#include "common/sniff.h"
#include "format.h"
#include "numfmt.h"
#include "sheet.h"

#define SS_NS	"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define SS_SNS	"http://purl.oclc.org/ooxml/spreadsheetml/main"
#define R_NS	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define R_SNS	"http://purl.oclc.org/ooxml/officeDocument/relationships"

#define MAX_PARTS	1024	/* zip members kept */
#define MAX_ROW		1048576u
#define MAX_COL		16384u

struct part {
	char *name;
	struct gk_buf data;
};

struct sheetref {
	char *name, *rid, *target;
	int hidden;
};

struct xlsx {
	const struct gk_doc *d;
	struct gk_sink *sink;
	struct part parts[MAX_PARTS];
	int nparts;
	struct sheetref sheets[GK_MAX_SHEETS];
	int nsheets;
	int date1904;
	/* shared strings: offsets into sst */
	struct gk_buf sst;
	size_t *sidx;
	size_t nsst, capsst;
	/* number formats: per cellXfs index, its format code (or NULL) */
	char **xfcode;
	size_t nxf;
	struct { unsigned id; char *code; } *fmts;
	size_t nfmts;
	struct gk_sheet sh;
};

static int
bid(const struct gk_doc *d)
{
	if (strcmp(gk_sniff(d->data, d->len), "xlsx") == 0)
		return 64;
	/* Labelled xlsx but no zip we know: read it to say what is wrong. */
	return d->type != NULL && strcmp(d->type, "xlsx") == 0 ? 8 : 0;
}

/* ---- the zip ---- */

static int
wanted(const char *name)
{
	size_t n = strlen(name);

	if (strcmp(name, "xl/workbook.xml") == 0 ||
	    strcmp(name, "xl/_rels/workbook.xml.rels") == 0 ||
	    strcmp(name, "xl/sharedStrings.xml") == 0 ||
	    strcmp(name, "xl/styles.xml") == 0)
		return 1;
	return strncmp(name, "xl/worksheets/", 14) == 0 &&
	    strchr(name + 14, '/') == NULL && n > 18 &&
	    strcmp(name + n - 4, ".xml") == 0;
}

static void
parts_free(struct xlsx *x)
{
	int i;

	for (i = 0; i < x->nparts; i++) {
		free(x->parts[i].name);
		gk_buf_free(&x->parts[i].data);
	}
	x->nparts = 0;
}

/* Read the parts we use into x->parts.  GK_E_OK or a code (in the sink). */
static enum gk_err
unzip(struct xlsx *x, struct gk_sink *s, int seekable)
{
	struct archive *a;
	struct archive_entry *e;
	enum gk_err rc = GK_E_CORRUPT;
	char chunk[65536];
	const char *name;
	size_t total = 0;
	la_ssize_t n;
	int r;

	if ((a = archive_read_new()) == NULL)
		return gk_sink_fail(s, GK_E_NOMEM, "out of memory"), GK_E_NOMEM;
	if (seekable)
		archive_read_support_format_zip_seekable(a);
	else
		archive_read_support_format_zip_streamable(a);
	if (archive_read_open_memory(a, x->d->data, x->d->len) != ARCHIVE_OK) {
		gk_sink_fail(s, GK_E_CORRUPT, "%s: damaged or truncated zip "
		    "(%s)", x->d->file, archive_error_string(a));
		goto out;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK ||
	    r == ARCHIVE_WARN) {
		struct part *p;

		name = archive_entry_pathname(e);
		if (name == NULL || !wanted(name))
			continue;
		if (archive_entry_is_encrypted(e)) {
			rc = GK_E_ENCRYPTED;
			gk_sink_fail(s, rc, "%s: the workbook is encrypted",
			    x->d->file);
			goto out;
		}
		if (x->nparts == MAX_PARTS) {
			rc = GK_E_TOO_MANY;
			gk_sink_fail(s, rc, "%s: more than %d parts",
			    x->d->file, MAX_PARTS);
			goto out;
		}
		p = &x->parts[x->nparts];
		if ((p->name = strdup(name)) == NULL) {
			rc = GK_E_NOMEM;
			gk_sink_fail(s, rc, "out of memory");
			goto out;
		}
		gk_buf_init(&p->data, GK_MAX_UNZIPPED);
		x->nparts++;
		while ((n = archive_read_data(a, chunk, sizeof(chunk))) > 0) {
			total += (size_t)n;
			if (total > GK_MAX_UNZIPPED ||
			    gk_buf_add(&p->data, chunk, (size_t)n) == -1) {
				rc = GK_E_TOO_BIG;
				gk_sink_fail(s, rc, "%s: the workbook's parts "
				    "unzip to more than %u bytes", x->d->file,
				    GK_MAX_UNZIPPED);
				goto out;
			}
		}
		if (n < 0) {
			gk_sink_fail(s, GK_E_CORRUPT, "%s: %s: %s", x->d->file,
			    name, archive_error_string(a));
			goto out;
		}
	}
	if (r == ARCHIVE_EOF)
		rc = GK_E_OK;
	else
		gk_sink_fail(s, GK_E_CORRUPT, "%s: damaged zip: %s",
		    x->d->file, archive_error_string(a));
out:
	archive_read_free(a);
	return rc;
}

static struct part *
part(struct xlsx *x, const char *name)
{
	int i;

	for (i = 0; i < x->nparts; i++)
		if (strcmp(x->parts[i].name, name) == 0)
			return &x->parts[i];
	return NULL;
}

/* ---- XML ---- */

static void
quiet(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

static xmlTextReaderPtr
reader(const struct part *p)
{
	return xmlReaderForMemory(p->data.len > 0 ? p->data.p : "",
	    (int)p->data.len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
}

/* An element of the SpreadsheetML namespace named name? */
static int
ss(xmlTextReaderPtr r, const char *name)
{
	const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
	const char *ln = (const char *)xmlTextReaderConstLocalName(r);

	return ln != NULL && strcmp(ln, name) == 0 && ns != NULL &&
	    (strcmp(ns, SS_NS) == 0 || strcmp(ns, SS_SNS) == 0);
}

static int
is_start(xmlTextReaderPtr r)
{
	return xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT;
}

static int
is_text(xmlTextReaderPtr r)
{
	int t = xmlTextReaderNodeType(r);

	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	    t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
	    t == XML_READER_TYPE_WHITESPACE;
}

/* An attribute without namespace; free with xmlFree. */
static char *
attr(xmlTextReaderPtr r, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(r, (const xmlChar *)name);
}

static char *
dup_attr(xmlTextReaderPtr r, const char *name)
{
	char *v = attr(r, name), *c;

	if (v == NULL)
		return NULL;
	c = strdup(v);
	xmlFree(v);
	return c;
}

static long
num_attr(xmlTextReaderPtr r, const char *name, long dflt)
{
	char *v = attr(r, name), *end;
	long k;

	if (v == NULL)
		return dflt;
	k = strtol(v, &end, 10);
	if (end == v)
		k = dflt;
	xmlFree(v);
	return k;
}

static int
xml_fail(struct xlsx *x, xmlTextReaderPtr r, const char *name)
{
	char line[32];

	snprintf(line, sizeof(line), "%d", xmlTextReaderGetParserLineNumber(r));
	return gk_sink_fail(x->sink, GK_E_CORRUPT, "%s: not well-formed XML "
	    "(line %s)", name, line);
}

/* ---- the workbook and its relationships ---- */

static int
workbook(struct xlsx *x)
{
	struct part *p = part(x, "xl/workbook.xml");
	xmlTextReaderPtr r;
	int rc;

	if (p == NULL)
		return gk_sink_fail(x->sink, GK_E_CORRUPT, "%s: a zip without "
		    "xl/workbook.xml", x->d->file);
	if ((r = reader(p)) == NULL)
		return gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
	while ((rc = xmlTextReaderRead(r)) == 1) {
		if (!is_start(r))
			continue;
		if (ss(r, "workbookPr")) {
			char *v = attr(r, "date1904");

			x->date1904 = v != NULL && (strcmp(v, "1") == 0 ||
			    strcmp(v, "true") == 0);
			xmlFree(v);
		} else if (ss(r, "sheet")) {
			struct sheetref *sr;
			char *st;

			if (x->nsheets == GK_MAX_SHEETS) {
				xmlFreeTextReader(r);
				return gk_sink_fail(x->sink, GK_E_TOO_MANY,
				    "more than %d sheets", GK_MAX_SHEETS);
			}
			sr = &x->sheets[x->nsheets++];
			sr->name = dup_attr(r, "name");
			sr->rid = (char *)xmlTextReaderGetAttributeNs(r,
			    (const xmlChar *)"id", (const xmlChar *)R_NS);
			if (sr->rid == NULL)
				sr->rid = (char *)xmlTextReaderGetAttributeNs(r,
				    (const xmlChar *)"id",
				    (const xmlChar *)R_SNS);
			st = attr(r, "state");
			sr->hidden = st != NULL && strcmp(st, "visible") != 0;
			xmlFree(st);
		}
	}
	if (rc < 0) {
		rc = xml_fail(x, r, "xl/workbook.xml");
		xmlFreeTextReader(r);
		return rc;
	}
	xmlFreeTextReader(r);
	return 0;
}

/* The part name of a relationship target, relative to xl/. */
static char *
resolve(const char *target)
{
	char *s;
	size_t n;

	if (target[0] == '/')
		return strdup(target + 1);
	n = strlen(target) + 4;
	if ((s = malloc(n)) == NULL)
		return NULL;
	snprintf(s, n, "xl/%s", target);
	/* "xl/./worksheets/..." and "xl/../xl/..." as some writers put them */
	if (strncmp(s, "xl/./", 5) == 0)
		memmove(s + 3, s + 5, strlen(s + 5) + 1);
	else if (strncmp(s, "xl/../", 6) == 0)
		memmove(s, s + 6, strlen(s + 6) + 1);
	return s;
}

static void
rels(struct xlsx *x)
{
	struct part *p = part(x, "xl/_rels/workbook.xml.rels");
	xmlTextReaderPtr r;
	int i;

	if (p != NULL && (r = reader(p)) != NULL) {
		while (xmlTextReaderRead(r) == 1) {
			const char *ln;
			char *id, *tg;

			if (!is_start(r))
				continue;
			ln = (const char *)xmlTextReaderConstLocalName(r);
			if (ln == NULL || strcmp(ln, "Relationship") != 0)
				continue;
			id = attr(r, "Id");
			tg = attr(r, "Target");
			for (i = 0; id != NULL && tg != NULL &&
			    i < x->nsheets; i++)
				if (x->sheets[i].rid != NULL &&
				    x->sheets[i].target == NULL &&
				    strcmp(x->sheets[i].rid, id) == 0)
					x->sheets[i].target = resolve(tg);
			xmlFree(id);
			xmlFree(tg);
		}
		xmlFreeTextReader(r);
	}
	/* No relationships: sheetN.xml in the workbook's order. */
	for (i = 0; i < x->nsheets; i++)
		if (x->sheets[i].target == NULL) {
			char b[64];

			snprintf(b, sizeof(b), "xl/worksheets/sheet%d.xml",
			    i + 1);
			x->sheets[i].target = strdup(b);
		}
}

/* ---- shared strings and styles ---- */

/*
 * The text of a rich string: the <t> of the element the reader is on (si,
 * is) and of its runs, without phonetic runs (rPh).  Leaves the reader on
 * the element's end.
 */
static int
rich_text(xmlTextReaderPtr r, struct gk_buf *b)
{
	int depth = xmlTextReaderDepth(r), in_t = 0, in_rph = 0, rc;

	if (xmlTextReaderIsEmptyElement(r))
		return 0;
	while ((rc = xmlTextReaderRead(r)) == 1) {
		int t = xmlTextReaderNodeType(r);

		if (t == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(r) == depth)
			return 0;
		if (t == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(r)) {
			if (ss(r, "rPh"))
				in_rph = xmlTextReaderDepth(r);
			else if (ss(r, "t"))
				in_t = 1;
		} else if (t == XML_READER_TYPE_END_ELEMENT) {
			if (ss(r, "rPh") && xmlTextReaderDepth(r) == in_rph)
				in_rph = 0;
			else if (ss(r, "t"))
				in_t = 0;
		} else if (in_t && !in_rph && is_text(r)) {
			const char *v = (const char *)xmlTextReaderConstValue(r);

			if (v != NULL && gk_buf_adds(b, v) == -1)
				return -2;
		}
	}
	return -1;
}

static int
shared_strings(struct xlsx *x)
{
	struct part *p = part(x, "xl/sharedStrings.xml");
	xmlTextReaderPtr r;
	struct gk_buf t;
	int rc;

	if (p == NULL)
		return 0;
	if ((r = reader(p)) == NULL)
		return gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
	gk_buf_init(&t, GK_MAX_TEXT);
	while ((rc = xmlTextReaderRead(r)) == 1) {
		if (!is_start(r) || !ss(r, "si"))
			continue;
		gk_buf_reset(&t);
		if ((rc = rich_text(r, &t)) == -2) {
			rc = gk_sink_fail(x->sink, GK_E_TOO_BIG, "a shared "
			    "string holds more than %u bytes", GK_MAX_TEXT);
			goto out;
		} else if (rc < 0)
			break;
		if (x->nsst == x->capsst) {
			size_t cap = x->capsst ? x->capsst * 2 : 256, *q;

			if (x->nsst >= (size_t)GK_MAX_CELLS * 4 || (q = realloc(
			    x->sidx, cap * sizeof(*q))) == NULL) {
				rc = gk_sink_fail(x->sink, GK_E_TOO_MANY,
				    "more than %d shared strings",
				    GK_MAX_CELLS * 4);
				goto out;
			}
			x->sidx = q;
			x->capsst = cap;
		}
		x->sidx[x->nsst++] = x->sst.len;
		if (gk_buf_add(&x->sst, t.len > 0 ? t.p : "", t.len) == -1 ||
		    gk_buf_addc(&x->sst, '\0') == -1) {
			rc = gk_sink_fail(x->sink, GK_E_TOO_BIG, "the shared "
			    "strings are larger than %u bytes", GK_MAX_UNZIPPED);
			goto out;
		}
	}
	rc = rc < 0 ? xml_fail(x, r, "xl/sharedStrings.xml") : 0;
out:
	gk_buf_free(&t);
	xmlFreeTextReader(r);
	return rc;
}

static int
styles(struct xlsx *x)
{
	struct part *p = part(x, "xl/styles.xml");
	xmlTextReaderPtr r;
	int rc, in_xfs = 0;
	size_t cap = 0, capf = 0;

	if (p == NULL || (r = reader(p)) == NULL)
		return 0;	/* no styles: every number is General */
	while ((rc = xmlTextReaderRead(r)) == 1) {
		if (xmlTextReaderNodeType(r) == XML_READER_TYPE_END_ELEMENT &&
		    ss(r, "cellXfs"))
			in_xfs = 0;
		if (!is_start(r))
			continue;
		if (ss(r, "cellXfs"))
			in_xfs = !xmlTextReaderIsEmptyElement(r);
		else if (ss(r, "numFmt")) {
			if (x->nfmts == capf) {
				void *q;

				capf = capf ? capf * 2 : 16;
				if (capf > 65536 || (q = realloc(x->fmts, capf *
				    sizeof(*x->fmts))) == NULL)
					break;
				x->fmts = q;
			}
			x->fmts[x->nfmts].id = (unsigned)num_attr(r, "numFmtId",
			    0);
			if ((x->fmts[x->nfmts].code = dup_attr(r,
			    "formatCode")) != NULL)
				x->nfmts++;
		} else if (in_xfs && ss(r, "xf")) {
			unsigned id = (unsigned)num_attr(r, "numFmtId", 0);
			const char *code = gk_numfmt_builtin(id);
			size_t k;

			for (k = 0; k < x->nfmts; k++)
				if (x->fmts[k].id == id)
					code = x->fmts[k].code;
			if (x->nxf == cap) {
				void *q;

				cap = cap ? cap * 2 : 64;
				if (cap > 65536 || (q = realloc(x->xfcode, cap *
				    sizeof(*x->xfcode))) == NULL)
					break;
				x->xfcode = q;
			}
			x->xfcode[x->nxf++] = (char *)code;
		}
	}
	xmlFreeTextReader(r);
	return 0;	/* broken styles: the numbers print as General */
}

/* ---- worksheets ---- */

/* "AB12" -> column 27, row 11 (0-based); -1 when malformed. */
static int
cellref(const char *s, unsigned *row, unsigned *col)
{
	unsigned c = 0, r = 0;
	int nl = 0, nd = 0;

	for (; *s >= 'A' && *s <= 'Z' && nl < 4; s++, nl++)
		c = c * 26 + (unsigned)(*s - 'A' + 1);
	for (; *s >= '0' && *s <= '9' && nd < 8; s++, nd++)
		r = r * 10 + (unsigned)(*s - '0');
	if (*s != '\0' || nl == 0 || c > MAX_COL || (nd > 0 && (r == 0 ||
	    r > MAX_ROW)))
		return -1;
	*col = c - 1;
	if (nd > 0)
		*row = r - 1;
	return nd > 0 ? 2 : 1;
}

/* The printed text of one cell: the reader is on its <c>. */
static int
cell(struct xlsx *x, xmlTextReaderPtr r, unsigned row, unsigned col)
{
	char *t = attr(r, "t");
	long s = num_attr(r, "s", 0);
	int depth = xmlTextReaderDepth(r), rc = 0, in_v = 0, have_v = 0;
	struct gk_buf v, is;
	char out[512];
	const char *text;
	size_t len;

	gk_buf_init(&v, GK_MAX_TEXT);
	gk_buf_init(&is, GK_MAX_TEXT);
	if (!xmlTextReaderIsEmptyElement(r))
		while ((rc = xmlTextReaderRead(r)) == 1) {
			int nt = xmlTextReaderNodeType(r);

			if (nt == XML_READER_TYPE_END_ELEMENT &&
			    xmlTextReaderDepth(r) == depth)
				break;
			if (nt == XML_READER_TYPE_ELEMENT && ss(r, "v") &&
			    !xmlTextReaderIsEmptyElement(r)) {
				in_v = 1;
				have_v = 1;
			} else if (nt == XML_READER_TYPE_END_ELEMENT &&
			    ss(r, "v"))
				in_v = 0;
			else if (nt == XML_READER_TYPE_ELEMENT && ss(r, "is")) {
				if ((rc = rich_text(r, &is)) < 0)
					break;
				rc = 1;
			} else if (in_v && is_text(r) && gk_buf_adds(&v,
			    (const char *)xmlTextReaderConstValue(r)) == -1) {
				rc = -2;
				break;
			}
		}
	if (rc == -2) {
		rc = gk_sink_fail(x->sink, GK_E_TOO_BIG, "a cell holds more "
		    "than %u bytes", GK_MAX_TEXT);
		goto out;
	}
	if (rc < 0) {
		rc = -3;	/* XML error: the caller says where */
		goto out;
	}
	text = gk_buf_str(&v);
	len = v.len;
	if (t != NULL && strcmp(t, "s") == 0) {
		char *end;
		unsigned long k = strtoul(text, &end, 10);

		if (!have_v) {
			text = "";
			len = 0;
		} else if (end == text || k >= x->nsst) {
			rc = gk_sink_fail(x->sink, GK_E_CORRUPT, "a cell names "
			    "shared string %.20s of %zu", text, x->nsst);
			goto out;
		} else {
			text = x->sst.p + x->sidx[k];
			len = strlen(text);
		}
	} else if (t != NULL && strcmp(t, "inlineStr") == 0) {
		text = gk_buf_str(&is);
		len = is.len;
	} else if (t != NULL && strcmp(t, "b") == 0 && have_v) {
		text = strcmp(text, "0") == 0 ? "FALSE" : "TRUE";
		len = strlen(text);
	} else if (have_v && (t == NULL || strcmp(t, "n") == 0)) {
		char *end;
		double d = strtod(text, &end);

		if (end != text && *end == '\0') {
			const char *code = s >= 0 && (size_t)s < x->nxf ?
			    x->xfcode[s] : NULL;

			gk_numfmt(out, sizeof(out), d, code, x->date1904);
			text = out;
			len = strlen(out);
		}
	}
	/* t="str", "e", "d": the value as written */
	rc = gk_sheet_cell(&x->sh, row, col, text, len);
out:
	xmlFree(t);
	gk_buf_free(&v);
	gk_buf_free(&is);
	return rc;
}

static int
merge_ref(struct xlsx *x, const char *ref)
{
	char a[16], b[16];
	const char *colon = ref != NULL ? strchr(ref, ':') : NULL;
	unsigned r1 = 0, c1 = 0, r2 = 0, c2 = 0;

	if (colon == NULL || (size_t)(colon - ref) >= sizeof(a) ||
	    strlen(colon + 1) >= sizeof(b))
		return 0;	/* a merge we cannot read is no merge */
	memcpy(a, ref, (size_t)(colon - ref));
	a[colon - ref] = '\0';
	strcpy(b, colon + 1);
	if (cellref(a, &r1, &c1) != 2 || cellref(b, &r2, &c2) != 2)
		return 0;
	return gk_sheet_merge(&x->sh, r1, c1, r2, c2);
}

static int
worksheet(struct xlsx *x, const struct sheetref *sr)
{
	struct part *p = part(x, sr->target);
	xmlTextReaderPtr r;
	unsigned row = 0, col = 0;
	int rc, started = 0;

	if (p == NULL)
		return gk_sink_fail(x->sink, GK_E_CORRUPT, "%s: the workbook "
		    "names a sheet part %s that the zip lacks", x->d->file,
		    sr->target);
	if ((r = reader(p)) == NULL)
		return gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
	while ((rc = xmlTextReaderRead(r)) == 1) {
		if (!is_start(r))
			continue;
		if (ss(r, "row")) {
			long k = num_attr(r, "r", 0);

			if (k >= 1 && (unsigned long)k <= MAX_ROW)
				row = (unsigned)k - 1;
			else if (started)
				row++;
			started = 1;
			col = 0;
		} else if (ss(r, "c")) {
			char *ref = attr(r, "r");
			unsigned rr = row, cc = col;

			if (ref != NULL && cellref(ref, &rr, &cc) < 0) {
				rr = row;
				cc = col;
			}
			xmlFree(ref);
			row = rr;
			col = cc + 1;
			if (col > MAX_COL) {
				rc = gk_sink_fail(x->sink, GK_E_CORRUPT, "a row "
				    "runs past column %u", MAX_COL);
				goto out;
			}
			if ((rc = cell(x, r, rr, cc)) == -3)
				break;
			if (rc < 0)
				goto out;
		} else if (ss(r, "mergeCell")) {
			char *ref = attr(r, "ref");

			rc = merge_ref(x, ref);
			xmlFree(ref);
			if (rc < 0)
				goto out;
		}
	}
	if (rc < 0) {
		rc = xml_fail(x, r, sr->target);
		goto out;
	}
	rc = gk_sheet_emit(&x->sh);
out:
	xmlFreeTextReader(r);
	return rc;
}

static enum gk_err
extract(const struct gk_doc *d, struct gk_sink *s)
{
	struct xlsx *x;
	struct gk_sink probe;
	enum gk_err rc;
	int i;

	if (d->len < 4 || memcmp(d->data, "PK\3\4", 4) != 0) {
		gk_sink_fail(s, GK_E_CORRUPT, "%s: not a zip file, so not an "
		    "xlsx", d->file);
		return GK_E_CORRUPT;
	}
	if ((x = calloc(1, sizeof(*x))) == NULL) {
		gk_sink_fail(s, GK_E_NOMEM, "out of memory");
		return GK_E_NOMEM;
	}
	x->d = d;
	x->sink = s;
	gk_buf_init(&x->sst, GK_MAX_UNZIPPED);
	gk_sheet_init(&x->sh, s);
	xmlSetStructuredErrorFunc(NULL, quiet);
	/* The central directory first; a truncated zip may still give its
	 * first members to the streaming reader. */
	gk_sink_init(&probe, NULL, d->id);
	rc = unzip(x, &probe, 1);
	if (rc == GK_E_CORRUPT) {
		parts_free(x);
		if (unzip(x, s, 0) == GK_E_OK && part(x, "xl/workbook.xml") &&
		    part(x, "xl/worksheets/sheet1.xml")) {
			gk_debug("%s: %s; read by the streaming reader", d->id,
			    probe.msg);
			rc = GK_E_OK;
		} else {
			s->err = GK_E_OK;
			gk_sink_fail(s, probe.err, "%s", probe.msg);
		}
	} else if (rc != GK_E_OK)
		gk_sink_fail(s, probe.err, "%s", probe.msg);
	gk_sink_free(&probe);
	if (rc == GK_E_OK && workbook(x) == 0 && shared_strings(x) == 0 &&
	    styles(x) == 0) {
		rels(x);
		for (i = 0; i < x->nsheets && s->err == GK_E_OK; i++)
			if (!x->sheets[i].hidden &&
			    worksheet(x, &x->sheets[i]) < 0)
				break;
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	rc = s->err;
	parts_free(x);
	for (i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		xmlFree(x->sheets[i].rid);
		free(x->sheets[i].target);
	}
	for (i = 0; (size_t)i < x->nfmts; i++)
		free(x->fmts[i].code);
	free(x->fmts);
	free(x->xfcode);
	free(x->sidx);
	gk_buf_free(&x->sst);
	gk_sheet_free(&x->sh);
	free(x);
	return rc;
}

const struct gk_format gk_format_xlsx = { "xlsx", bid, extract };
