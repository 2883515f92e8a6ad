/*
 * format_html.c: report pages (HTML) through libxml2's HTML parser.
 *
 * The charset is found here, not by libxml2: a BOM, then a <meta> charset in
 * the first 4 KB, else UTF-8 when the bytes are valid UTF-8, else GB18030.
 * The page is converted to UTF-8 with iconv (a bad byte becomes U+FFFD) and
 * handed to libxml2 as UTF-8, because libxml2 silently drops the rest of a
 * page at the first byte its converter refuses (a GBK-only character in a
 * page labelled gb2312: libraries.md 3.2).  gb2312, gbk and their aliases
 * are read as GB18030, their superset.
 *
 * Text comes out as paragraphs in document order (blocks and <br> end a
 * paragraph; a <p> holding only white space is kept as an empty para, see
 * bare_p); tables as cells on the grid (grid.h).  A table holding another
 * table in a cell, or a single cell, is page layout: its content is read as
 * running text.  Script, style and the page's navigation chrome are skipped;
 * the title and the 发布日期 / 来源 line are kept.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "common/log.h"
#include "common/sniff.h"
#include "format.h"
#include "grid.h"
#include "markup.h"

#define SNIFF_BYTES	4096

struct html {
	struct gk_sink *sink;
	struct gk_buf para;	/* the paragraph being gathered */
	int failed;
};

static int
bid(const struct gk_doc *d)
{
	if (strcmp(gk_sniff(d->data, d->len), "html") == 0)
		return 64;
	/* Labelled html but not recognised (a UTF-16 page, say). */
	return d->type != NULL && strcmp(d->type, "html") == 0 ? 8 : 0;
}

static int
valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0, len, k;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			len = 2;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			len = 3;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			len = 4;
		else
			return 0;
		if (len > n - i)
			return 0;
		for (k = 1; k < len; k++)
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
		if (len == 3 && ((p[i] == 0xe0 && p[i + 1] < 0xa0) ||
		    (p[i] == 0xed && p[i + 1] > 0x9f)))
			return 0;
		if (len == 4 && ((p[i] == 0xf0 && p[i + 1] < 0x90) ||
		    (p[i] == 0xf4 && p[i + 1] > 0x8f)))
			return 0;
		i += len;
	}
	return 1;
}

/* The charset a <meta> tag in the first bytes names, into label. */
static int
meta_charset(const unsigned char *p, size_t n, char *label, size_t size)
{
	const char *s = (const char *)p;
	size_t i, j, k;

	if (n > SNIFF_BYTES)
		n = SNIFF_BYTES;
	for (i = 0; i + 5 <= n; i++) {
		int xmldecl;

		if (s[i] != '<')
			continue;
		/* <meta ... charset=X>, or an XHTML page's <?xml encoding="X"?> */
		xmldecl = strncasecmp(s + i + 1, "?xml", 4) == 0;
		if (!xmldecl && strncasecmp(s + i + 1, "meta", 4) != 0)
			continue;
		for (j = i + 5; j + 8 <= n && s[j] != '>'; j++) {
			if (xmldecl && strncasecmp(s + j, "encoding", 8) == 0)
				j += 1;
			else if (xmldecl || strncasecmp(s + j, "charset", 7) != 0)
				continue;
			j += 7;
			while (j < n && (s[j] == ' ' || s[j] == '\t' ||
			    s[j] == '\r' || s[j] == '\n'))
				j++;
			if (j >= n || s[j] != '=')
				break;
			j++;
			while (j < n && (s[j] == ' ' || s[j] == '"' ||
			    s[j] == '\''))
				j++;
			for (k = 0; j < n && k + 1 < size &&
			    (isalnum((unsigned char)s[j]) || s[j] == '-' ||
			    s[j] == '_' || s[j] == '.' || s[j] == ':'); j++)
				label[k++] = s[j];
			label[k] = '\0';
			return k > 0;
		}
	}
	return 0;
}

/* gb2312 and gbk pages often hold characters only GBK/GB18030 has. */
static const char *
canonical(const char *label)
{
	static const char *gb[] = { "gb2312", "gbk", "x-gbk", "gb_2312-80",
	    "gb_2312", "csgb2312", "cp936", "windows-936", "ms936",
	    "gb18030", "euc-cn", "x-euc-cn", "chinese", "iso-ir-58", NULL };
	int i;

	for (i = 0; gb[i] != NULL; i++)
		if (strcasecmp(label, gb[i]) == 0)
			return "GB18030";
	if (strcasecmp(label, "utf8") == 0 || strcasecmp(label, "utf-8") == 0)
		return "UTF-8";
	return label;
}

/*
 * Convert n bytes from charset cs to UTF-8 in out, a bad sequence becoming
 * U+FFFD.  Returns the number of bad sequences, or -1 when iconv does not
 * know cs or the output would pass its maximum.
 */
static long
to_utf8(const char *cs, const unsigned char *p, size_t n, struct gk_buf *out)
{
	char chunk[16384], *in = (char *)(uintptr_t)p, *o;
	size_t inleft = n, oleft, r;
	long bad = 0;
	iconv_t cd;

	if ((cd = iconv_open("UTF-8", cs)) == (iconv_t)-1)
		return -1;
	while (inleft > 0) {
		o = chunk;
		oleft = sizeof(chunk);
		r = iconv(cd, &in, &inleft, &o, &oleft);
		if (gk_buf_add(out, chunk, sizeof(chunk) - oleft) == -1)
			goto fail;
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG)
			continue;
		/* EILSEQ, or EINVAL at the end: replace one byte, go on. */
		if (gk_buf_adds(out, "\xef\xbf\xbd") == -1)
			goto fail;
		in++;
		inleft--;
		bad++;
	}
	iconv_close(cd);
	return bad;
fail:
	iconv_close(cd);
	return -1;
}

/*
 * The page as UTF-8 in out; *cs names the charset it was read as.
 * Returns 0, or -1 when it cannot be converted (too big).
 */
static int
decode(const struct gk_doc *d, struct gk_buf *out, const char **cs)
{
	static char label[64];
	const unsigned char *p = d->data;
	size_t n = d->len;
	long bad;

	*cs = NULL;
	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		*cs = "UTF-8";
		p += 3;
		n -= 3;
	} else if (n >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		*cs = "UTF-16LE";
		p += 2;
		n -= 2;
	} else if (n >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		*cs = "UTF-16BE";
		p += 2;
		n -= 2;
	} else if (meta_charset(p, n, label, sizeof(label)))
		*cs = canonical(label);
	if (*cs != NULL && strcmp(*cs, "UTF-8") == 0 && !valid_utf8(p, n)) {
		/* Labelled UTF-8 but not: a GBK page that clean GB18030
		 * decoding explains is GBK; otherwise mend the UTF-8. */
		gk_buf_reset(out);
		if (to_utf8("GB18030", p, n, out) == 0)
			goto done;
	}
	if (*cs == NULL)
		*cs = valid_utf8(p, n) ? "UTF-8" : "GB18030";
	gk_buf_reset(out);
	if ((bad = to_utf8(*cs, p, n, out)) == -1 && out->len == 0) {
		/* A label iconv does not know: sniff instead. */
		gk_debug("%s: unknown charset %s", d->id, *cs);
		*cs = valid_utf8(p, n) ? "UTF-8" : "GB18030";
		gk_buf_reset(out);
		bad = to_utf8(*cs, p, n, out);
	}
	if (bad == -1)
		return -1;
	if (bad > 0)
		gk_debug("%s: %ld bytes not %s", d->id, bad, *cs);
	return 0;
done:
	*cs = "GB18030";
	return 0;
}

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp((const char *)n->name, name) == 0;
}

static int
in_list(const xmlNode *n, const char *const *names)
{
	int i;

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	for (i = 0; names[i] != NULL; i++)
		if (strcasecmp((const char *)n->name, names[i]) == 0)
			return 1;
	return 0;
}

static const char *const skipped[] = { "script", "style", "noscript",
    "template", "select", "iframe", "object", "embed", "svg", "math",
    "button", "textarea", "map", "audio", "video", "canvas", "nav", NULL };

static const char *const blocks[] = { "p", "div", "h1", "h2", "h3", "h4",
    "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "section", "article", "header", "footer", "aside", "main", "center",
    "address", "form", "fieldset", "figure", "figcaption", "hr", "title",
    "caption", "tr", "td", "th", "thead", "tbody", "tfoot", "body", "html",
    "head", "legend", "details", "summary", "menu", "dir", "option",
    "table", NULL };

/*
 * Page chrome: class or id tokens that mark navigation, breadcrumbs, the
 * font-size and print tools, QR codes and the footer of gov sites.  Whole
 * tokens only, so "main-nav" or "article" are not caught by accident.
 */
static const char *const chrome[] = { "nav", "navbar", "menu", "footer",
    "foot", "position", "location", "breadcrumb", "crumb", "crumbs",
    "tool", "tools", "toolbar", "share", "ewm", "qrcode", "sitemap",
    "skip", NULL };

static int
token_in(const char *v, const char *const *list)
{
	const char *p = v, *e;
	size_t len;
	int i;

	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		for (e = p; *e != '\0' && *e != ' ' && *e != '\t' &&
		    *e != '\n' && *e != '\r'; e++)
			;
		len = (size_t)(e - p);
		for (i = 0; len > 0 && list[i] != NULL; i++)
			if (strlen(list[i]) == len &&
			    strncasecmp(p, list[i], len) == 0)
				return 1;
		p = e;
	}
	return 0;
}

static int
is_chrome(const xmlNode *n)
{
	xmlChar *v;
	int hit = 0;

	if (n->type != XML_ELEMENT_NODE || is(n, "body") || is(n, "html"))
		return 0;
	if ((v = xmlGetProp(n, (const xmlChar *)"class")) != NULL) {
		hit = token_in((const char *)v, chrome);
		xmlFree(v);
	}
	if (!hit && (v = xmlGetProp(n, (const xmlChar *)"id")) != NULL) {
		hit = token_in((const char *)v, chrome);
		xmlFree(v);
	}
	return hit;
}

static int
add(struct html *h, struct gk_buf *b, const char *s, size_t n)
{
	if (h->failed)
		return -1;
	if (gk_buf_add(b, s, n) == -1) {
		h->failed = 1;
		return gk_sink_fail(h->sink, GK_E_TOO_BIG,
		    "a paragraph or cell holds more than %zu bytes", b->max);
	}
	return 0;
}

/* End the paragraph being gathered; keep: write it even when it is empty
 * (an explicitly empty <p>, see bare_p). */
static int
end_para(struct html *h, int keep)
{
	int rc = 0;

	if (h->failed)
		return -1;
	if (keep)
		rc = gk_sink_para_keep(h->sink, gk_buf_str(&h->para));
	else if (h->para.len > 0)
		rc = gk_sink_para(h->sink, gk_buf_str(&h->para));
	gk_buf_reset(&h->para);
	if (rc == -1)
		h->failed = 1;
	return rc;
}

static int
flush(struct html *h)
{
	return end_para(h, 0);
}

/*
 * A <p> that holds only text and inline text markup (span, font, b …):
 * when its text is only white space (<p>&nbsp;</p>, <p></p>, <p>U+3000</p>)
 * it is kept as an empty para, because pages that print a table one <p> per
 * cell print a blank cell that way, some editors as <p><br></p>: a <br>
 * alone is white space too (the reading ignores an empty para where no row
 * wants a figure, so a spacer costs nothing).  A <p> holding an image or
 * any other element is something else and is not kept; nor is any other
 * empty block (div, li, headings …: layout wrappers).
 */
static int
bare_p(const xmlNode *n, int depth)
{
	static const char *const inl[] = { "span", "font", "b", "strong",
	    "i", "em", "u", "s", "strike", "small", "big", "sub", "sup", "ins",
	    "o:p", "br", NULL };
	const xmlNode *c;

	if (depth > 8)
		return 0;
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_COMMENT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE)
			continue;
		if (c->type != XML_ELEMENT_NODE || !in_list(c, inl) ||
		    !bare_p(c, depth + 1))
			return 0;
	}
	return 1;
}

/* The text of a cell: blocks and line breaks become spaces. */
/* Nested deeper than gk reads: the document fails (never a silent cut). */
static int
nested_too_deep(struct html *h)
{
	if (!h->failed) {
		h->failed = 1;
		gk_sink_fail(h->sink, GK_E_TOO_MANY, "markup nested deeper "
		    "than %d levels", GK_MAX_DEPTH);
	}
	return 1;
}

static void
cell_text(struct html *h, const xmlNode *n, struct gk_buf *b, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH && nested_too_deep(h))
		return;
	for (c = n->children; c != NULL && !h->failed; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				add(h, b, (const char *)c->content,
				    strlen((const char *)c->content));
		} else if (c->type != XML_ELEMENT_NODE || in_list(c, skipped))
			continue;
		else if (is(c, "br") || in_list(c, blocks)) {
			add(h, b, " ", 1);
			cell_text(h, c, b, depth + 1);
			add(h, b, " ", 1);
		} else
			cell_text(h, c, b, depth + 1);
	}
}

/* Call fn on each row of a table: direct, or under thead/tbody/tfoot. */
#define FOREACH_ROW(t, sec, r)						\
	for ((sec) = (t)->children; (sec) != NULL; (sec) = (sec)->next)	\
		for ((r) = is(sec, "tr") ? (sec) :			\
		    (is(sec, "thead") || is(sec, "tbody") ||		\
		    is(sec, "tfoot")) ? (sec)->children : NULL;		\
		    (r) != NULL; (r) = (r) == (sec) ? NULL : (r)->next)	\
			if (is(r, "tr"))

static int
has_table(const xmlNode *n, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH)
		return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (is(c, "table") || (c->type == XML_ELEMENT_NODE &&
		    has_table(c, depth + 1)))
			return 1;
	return 0;
}

/* A table used for page layout: a cell holds a table, or one cell only. */
static int
is_layout(const xmlNode *t)
{
	const xmlNode *sec, *r, *c;
	int cells = 0;

	FOREACH_ROW(t, sec, r) {
		for (c = r->children; c != NULL; c = c->next) {
			if (!is(c, "td") && !is(c, "th"))
				continue;
			cells++;
			if (has_table(c, 0))
				return 1;
		}
	}
	return cells <= 1;
}

static int
span(const xmlNode *c, const char *name, int max)
{
	xmlChar *v;
	long n = 1;
	char *end;

	if ((v = xmlGetProp(c, (const xmlChar *)name)) == NULL)
		return 1;
	n = strtol((const char *)v, &end, 10);
	if (end == (char *)v)
		n = 1;
	xmlFree(v);
	if (n == 0 && strcmp(name, "rowspan") == 0)
		return max;	/* rowspan="0": to the end of the table */
	if (n < 1)
		return 1;
	return n > max ? max : (int)n;
}

static void
table(struct html *h, const xmlNode *t)
{
	const xmlNode *sec, *r, *c;
	struct gk_grid g;
	struct gk_buf text;
	int nrows = 0, col, rs, cs;

	FOREACH_ROW(t, sec, r)
		nrows++;
	gk_grid_init(&g);
	gk_buf_init(&text, (size_t)GK_MAX_TEXT * 2);
	FOREACH_ROW(t, sec, r) {
		if (h->failed)
			break;
		if (gk_grid_row(&g) == -1) {
			h->failed = 1;
			gk_sink_fail(h->sink, GK_E_TOO_MANY,
			    "a table has more than %d rows", GK_MAX_TABLE_ROWS);
			break;
		}
		for (c = r->children; c != NULL && !h->failed; c = c->next) {
			if (!is(c, "td") && !is(c, "th"))
				continue;
			rs = span(c, "rowspan", nrows - g.row);
			cs = span(c, "colspan", GK_MAX_TABLE_COLS);
			if ((col = gk_grid_place(&g, rs, &cs)) == -1) {
				h->failed = 1;
				gk_sink_fail(h->sink, GK_E_TOO_MANY,
				    "a table has more than %d columns",
				    GK_MAX_TABLE_COLS);
				break;
			}
			gk_buf_reset(&text);
			cell_text(h, c, &text, 0);
			if (!h->failed && gk_grid_add(&g, g.row, col, rs, cs,
			    gk_buf_str(&text), text.len) == -1) {
				h->failed = 1;
				gk_sink_fail(h->sink, GK_E_TOO_MANY,
				    "a table has more than %d cells",
				    GK_MAX_CELLS);
			}
		}
	}
	if (!h->failed && gk_grid_emit(&g, h->sink) == -1)
		h->failed = 1;
	gk_buf_free(&text);
	gk_grid_free(&g);
}

static void
flow(struct html *h, const xmlNode *n, int depth)
{
	const xmlNode *c;

	if (depth > GK_MAX_DEPTH && nested_too_deep(h))
		return;
	for (c = n->children; c != NULL && !h->failed; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				add(h, &h->para, (const char *)c->content,
				    strlen((const char *)c->content));
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || in_list(c, skipped) ||
		    is_chrome(c))
			continue;
		if (is(c, "br")) {
			flush(h);
		} else if (is(c, "table")) {
			flush(h);
			if (is_layout(c))
				flow(h, c, depth + 1);
			else {
				const xmlNode *k;

				for (k = c->children; k != NULL; k = k->next)
					if (is(k, "caption"))
						flow(h, k, depth + 1);
				flush(h);
				table(h, c);
			}
		} else if (in_list(c, blocks)) {
			flush(h);
			flow(h, c, depth + 1);
			end_para(h, is(c, "p") && bare_p(c, 0));
		} else
			flow(h, c, depth + 1);
	}
}

/* libxml2's messages are not ours to print; note only the one that means
 * it stopped reading (markup nested past its limit of 256). */
static void
quiet(void *ctx, xmlErrorPtr e)
{
	int *too_deep = ctx;

	if (e != NULL && e->message != NULL &&
	    strstr(e->message, "Excessive depth") != NULL)
		*too_deep = 1;
}

static enum gk_err
extract(const struct gk_doc *d, struct gk_sink *s)
{
	struct gk_buf utf8;
	struct html h;
	htmlDocPtr doc;
	const char *cs;
	xmlNode *root;
	int too_deep = 0;

	gk_buf_init(&utf8, d->len * 3 + 16);
	if (decode(d, &utf8, &cs) == -1) {
		gk_buf_free(&utf8);
		gk_sink_fail(s, GK_E_ENCODING, "%s: cannot convert the page "
		    "from %s", d->file, cs != NULL ? cs : "its charset");
		return GK_E_ENCODING;
	}
	gk_debug("%s: read as %s", d->id, cs);
	if (gk_markup_elements(gk_buf_str(&utf8), utf8.len, GK_MAX_ELEMENTS) >
	    GK_MAX_ELEMENTS) {
		gk_buf_free(&utf8);
		gk_sink_fail(s, GK_E_TOO_MANY, "%s: the page has more than %d "
		    "elements", d->file, GK_MAX_ELEMENTS);
		return GK_E_TOO_MANY;
	}
	xmlSetStructuredErrorFunc(&too_deep, quiet);
	doc = htmlReadMemory(gk_buf_str(&utf8), (int)utf8.len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
	xmlSetStructuredErrorFunc(NULL, NULL);
	gk_buf_free(&utf8);
	if (too_deep) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		gk_sink_fail(s, GK_E_TOO_MANY, "%s: markup nested deeper than "
		    "libxml2 reads", d->file);
		return GK_E_TOO_MANY;
	}
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		if (doc != NULL)
			xmlFreeDoc(doc);
		gk_sink_fail(s, GK_E_CORRUPT, "%s: not an HTML page", d->file);
		return GK_E_CORRUPT;
	}
	memset(&h, 0, sizeof(h));
	h.sink = s;
	gk_buf_init(&h.para, (size_t)GK_MAX_TEXT * 2);
	{
		xmlNode top;	/* walk the root element itself as a child */

		memset(&top, 0, sizeof(top));
		top.children = root;
		flow(&h, &top, 0);
	}
	flush(&h);
	gk_buf_free(&h.para);
	xmlFreeDoc(doc);
	return s->err;
}

const struct gk_format gk_format_html = { "html", bid, extract };
