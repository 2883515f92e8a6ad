/*
 * page.c: links and report metadata from an HTML page (libxml2).
 */
#include <ctype.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "common/zh.h"
#include "label.h"
#include "page.h"
#include "url.h"

/* gb2312 and gbk pages hold GBK-only characters: read all as GB18030 */
static void
canon_charset(const char *in, size_t n, char *out, size_t outsz)
{
	static const char *gb[] = { "gb2312", "gbk", "x-gbk", "gb_2312-80",
	    "csgb2312", "euc-cn", "gb18030", "cp936", "windows-936", NULL };
	char low[32];
	size_t i;

	if (n >= sizeof(low))
		n = sizeof(low) - 1;
	for (i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)in[i]);
	low[n] = '\0';
	for (i = 0; gb[i] != NULL; i++)
		if (strcmp(low, gb[i]) == 0) {
			snprintf(out, outsz, "GB18030");
			return;
		}
	if (strcmp(low, "utf8") == 0)
		snprintf(out, outsz, "UTF-8");
	else
		snprintf(out, outsz, "%s", low);
}

/* The value of charset=... in s[0..n), or NULL. */
static const char *
find_charset(const char *s, size_t n, size_t *len)
{
	const char *p = s, *e = s + n;

	while (p < e && (p = memmem(p, (size_t)(e - p), "harset", 6)) != NULL) {
		const char *v = p + 6;

		p = v;
		if (p - 7 < s || tolower((unsigned char)p[-7]) != 'c')
			continue;
		while (v < e && (*v == ' ' || *v == '='))
			v++;
		while (v < e && (*v == '"' || *v == '\''))
			v++;
		*len = 0;
		while (v + *len < e && (isalnum((unsigned char)v[*len]) ||
		    v[*len] == '-' || v[*len] == '_'))
			(*len)++;
		if (*len > 0)
			return v;
	}
	return NULL;
}

static int
valid_utf8(const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		int k;

		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((p[i] & 0xE0) == 0xC0)
			k = 1;
		else if ((p[i] & 0xF0) == 0xE0)
			k = 2;
		else if ((p[i] & 0xF8) == 0xF0)
			k = 3;
		else
			return 0;
		if (i + (size_t)k >= n)
			return 1;	/* cut at the end: still UTF-8 */
		for (i++; k > 0; k--, i++)
			if ((p[i] & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

void
page_charset(const char *body, size_t len, const char *http_charset,
    char *out, size_t outsz)
{
	const char *v;
	size_t n;

	if (http_charset != NULL && *http_charset != '\0') {
		canon_charset(http_charset, strlen(http_charset), out, outsz);
		return;
	}
	if ((v = find_charset(body, len < 4096 ? len : 4096, &n)) != NULL) {
		canon_charset(v, n, out, outsz);
		return;
	}
	snprintf(out, outsz, "%s", valid_utf8((const unsigned char *)body,
	    len) ? "UTF-8" : "GB18030");
}

/* Copy text with its white space folded (common/zh: runs of any white
 * space one ASCII space, trimmed), bounded by outsz on a character. */
static void
squeeze(const char *in, char *out, size_t outsz)
{
	(void)zh_fold(in, out, outsz);
}

static char *
node_text(xmlNode *n, size_t max)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *out;

	if ((out = malloc(max)) == NULL) {
		xmlFree(c);
		return NULL;
	}
	squeeze(c != NULL ? (const char *)c : "", out, max);
	xmlFree(c);
	return out;
}

/* Skip spaces and colons (ASCII, full-width) after a label. */
static const char *
skip_sep(const char *p)
{
	for (;;) {
		if (*p == ' ' || *p == ':' || *p == '\t')
			p++;
		else if (strncmp(p, "：", 3) == 0 || strncmp(p, "\u3000", 3) == 0)
			p += 3;
		else
			return p;
	}
}

/*
 * "2021-01-28", "2021/1/28", "2021年1月28日" → "2021-01-28": the end of
 * the date in p, or NULL when p does not start with one.
 */
static const char *
parse_date(const char *p, char out[16])
{
	int v[3], i;

	for (i = 0; i < 3; i++) {
		int k = 0;

		v[i] = 0;
		while (isdigit((unsigned char)*p) && k < 4)
			v[i] = v[i] * 10 + (*p++ - '0'), k++;
		if (k == 0 || (i == 0 && k != 4))
			return NULL;
		if (i == 2)
			break;
		if (*p == '-' || *p == '/' || *p == '.')
			p++;
		else if (strncmp(p, "年", 3) == 0 || strncmp(p, "月", 3) == 0)
			p += 3;
		else
			return NULL;
	}
	if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return NULL;
	if (strncmp(p, "日", 3) == 0)
		p += 3;
	snprintf(out, 16, "%04d-%02d-%02d", v[0] % 10000, v[1], v[2]);
	return p;
}

/* A date starts at p: four digits not inside a longer number. */
static int
date_start(const char *s, const char *p)
{
	return (p == s || !isdigit((unsigned char)p[-1])) &&
	    isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	    isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
	    !isdigit((unsigned char)p[4]);
}

int
page_find_date(const char *s, char out[16])
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (date_start(s, p) && parse_date(p, out) != NULL)
			return 0;
	return -1;
}

struct walk {
	struct page_info *pi;
	char base[URL_MAX];
	const char *root;
	char h1[512], title[512];
	unsigned long nodes;
	int cancelled;
};

static const volatile sig_atomic_t *cancel_flag;

void
page_set_cancel(const volatile sig_atomic_t *flag)
{
	cancel_flag = flag;
}

#define LABEL_MAX 512		/* bytes of a link's label */
#define LABEL_NODES 512		/* nodes of its parent read at most */
#define LABEL_SIBLINGS 8	/* siblings each side in a long parent */

/*
 * The text under n (text and CDATA, as xmlNodeGetContent gives it) into
 * out[*len..max), visiting at most *budget nodes.  0 when all of it fit,
 * -1 when it was cut (by bytes or by nodes).
 */
static int
bounded_text(xmlNode *n, char *out, size_t max, size_t *len,
    unsigned *budget, int depth)
{
	for (; n != NULL; n = n->next) {
		if ((*budget)-- == 0)
			return -1;
		if ((n->type == XML_TEXT_NODE || n->type ==
		    XML_CDATA_SECTION_NODE) && n->content != NULL) {
			size_t k = strlen((const char *)n->content);

			if (k > max - 1 - *len) {
				memcpy(out + *len, n->content, max - 1 - *len);
				*len = max - 1;
				return -1;
			}
			memcpy(out + *len, n->content, k);
			*len += k;
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			if (depth >= 64)
				return -1;
			if (bounded_text(n->children, out, max, len, budget,
			    depth + 1) == -1)
				return -1;
		}
	}
	return 0;
}

/*
 * A link's label: the text of its parent element (a listing row:
 * <li><a>title</a><span>2021-03-09</span></li>).  A parent too long to
 * read whole (a page that puts thousands of links in one element) gives
 * the text of the link and a few siblings on each side instead, so that
 * each link costs a bounded amount of work, not the whole parent's text.
 */
static char *
link_label(xmlNode *a)
{
	xmlNode *p = a->parent != NULL ? a->parent : a, *from, *n;
	char raw[LABEL_MAX], *out;
	size_t len = 0;
	unsigned budget = LABEL_NODES;
	int k;

	if ((out = malloc(LABEL_MAX)) == NULL)
		return NULL;
	if (p == a || bounded_text(p->children, raw, sizeof(raw), &len,
	    &budget, 0) == -1) {
		len = 0;
		for (from = a, k = 0; from->prev != NULL && k < LABEL_SIBLINGS;
		    k++)
			from = from->prev;
		for (n = from, k = 0; n != NULL && k < 2 * LABEL_SIBLINGS + 1 &&
		    len + 1 < sizeof(raw); n = n->next, k++) {
			xmlNode *next = n->next;

			budget = LABEL_NODES;
			n->next = NULL;	/* this node alone */
			(void)bounded_text(n, raw, sizeof(raw), &len, &budget, 0);
			n->next = next;
		}
	}
	raw[len] = '\0';
	squeeze(raw, out, LABEL_MAX);
	return out;
}

static void
add_link(struct walk *w, xmlNode *a, const char *href)
{
	struct page_info *pi = w->pi;
	char u[URL_MAX];
	struct page_link *l;
	char rooted[URL_MAX];
	xmlChar *t;

	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r')
		href++;
	if (w->root != NULL && href[0] == '/' && href[1] != '/') {
		if (snprintf(rooted, sizeof(rooted), "%s%s", w->root, href) >=
		    (int)sizeof(rooted))
			return;
		href = rooted;
	}
	if (url_resolve(w->base, href, u, sizeof(u)) == -1)
		return;
	if (pi->nlinks >= PAGE_MAX_LINKS) {
		pi->nlinks_over++;	/* counted: the caller says so */
		return;
	}
	if (pi->nlinks % 64 == 0) {
		l = realloc(pi->links, (pi->nlinks + 64) * sizeof(*l));
		if (l == NULL)
			return;
		pi->links = l;
	}
	l = &pi->links[pi->nlinks];
	l->url = strdup(u);
	l->text = node_text(a, 512);
	l->label = link_label(a);
	l->title = NULL;
	if ((t = xmlGetProp(a, (const xmlChar *)"title")) != NULL &&
	    (l->title = malloc(512)) != NULL)
		squeeze((const char *)t, l->title, 512);
	xmlFree(t);
	if (l->url == NULL || l->text == NULL || l->label == NULL) {
		free(l->url);
		free(l->text);
		free(l->label);
		free(l->title);
		return;
	}
	pi->nlinks++;
}

static void
meta(struct walk *w, xmlNode *n)
{
	xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
	xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
	struct page_info *pi = w->pi;

	if (name != NULL && content != NULL) {
		const char *nm = (const char *)name, *c = (const char *)content;

		if (strcasecmp(nm, "ArticleTitle") == 0 && pi->title[0] == '\0')
			squeeze(c, pi->title, sizeof(pi->title));
		else if (strcasecmp(nm, "ContentSource") == 0 &&
		    pi->agency[0] == '\0')
			squeeze(c, pi->agency, sizeof(pi->agency));
		else if (strcasecmp(nm, "PubDate") == 0 &&
		    pi->published[0] == '\0' &&
		    parse_date(c, pi->published) == NULL)
			pi->published[0] = '\0';
	}
	xmlFree(name);
	xmlFree(content);
}

static void
walk(struct walk *w, xmlNode *n, int depth)
{
	for (; n != NULL; n = n->next) {
		/* a signal stops a long page: the run is ending */
		if ((++w->nodes & 1023) == 0 && cancel_flag != NULL &&
		    *cancel_flag)
			w->cancelled = 1;
		if (w->cancelled)
			return;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, (const xmlChar *)"a") == 0 ||
		    xmlStrcasecmp(n->name, (const xmlChar *)"area") == 0) {
			xmlChar *h = xmlGetProp(n, (const xmlChar *)"href");

			if (h != NULL)
				add_link(w, n, (const char *)h);
			xmlFree(h);
		} else if (xmlStrcasecmp(n->name, (const xmlChar *)"base") == 0) {
			xmlChar *h = xmlGetProp(n, (const xmlChar *)"href");
			char u[URL_MAX];

			if (h != NULL && url_resolve(w->base, (const char *)h, u,
			    sizeof(u)) == 0)
				memcpy(w->base, u, strlen(u) + 1);
			xmlFree(h);
		} else if (xmlStrcasecmp(n->name, (const xmlChar *)"meta") == 0)
			meta(w, n);
		else if (xmlStrcasecmp(n->name, (const xmlChar *)"h1") == 0 &&
		    w->h1[0] == '\0') {
			char *t = node_text(n, sizeof(w->h1));

			if (t != NULL)
				memcpy(w->h1, t, strlen(t) + 1);
			free(t);
		} else if (xmlStrcasecmp(n->name, (const xmlChar *)"title") == 0 &&
		    w->title[0] == '\0') {
			char *t = node_text(n, sizeof(w->title));

			if (t != NULL)
				memcpy(w->title, t, strlen(t) + 1);
			free(t);
		}
		if (depth < 256)
			walk(w, n->children, depth + 1);
	}
}

/*
 * The text under n into out[*n..max), a space at the edges of block
 * elements: "来源：X</div><p>本报告" must not read as one word.  Scripts
 * and styles are left out; the text is cut at max - 1 bytes.
 */
static void
block_text(xmlNode *n, char *out, size_t max, size_t *len, int depth)
{
	static const char *block[] = { "div", "p", "br", "li", "ul", "ol",
	    "td", "th", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
	    "dd", "dt", "dl", "section", "article", "header", "footer", NULL };

	for (; n != NULL && *len + 1 < max; n = n->next) {
		if (n->type == XML_TEXT_NODE && n->content != NULL) {
			size_t k = strlen((const char *)n->content);

			if (k > max - 1 - *len)
				k = max - 1 - *len;
			memcpy(out + *len, n->content, k);
			*len += k;
		} else if (n->type == XML_ELEMENT_NODE && depth < 256) {
			int isblock = 0;

			if (xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0 ||
			    xmlStrcasecmp(n->name, (const xmlChar *)"style") == 0)
				continue;
			for (const char **b = block; *b != NULL; b++)
				if (xmlStrcasecmp(n->name, (const xmlChar *)*b) == 0)
					isblock = 1;
			if (isblock && *len + 1 < max)
				out[(*len)++] = ' ';
			block_text(n->children, out, max, len, depth + 1);
			if (isblock && *len + 1 < max)
				out[(*len)++] = ' ';
		}
	}
}

/* The date (out) that ends right before label at l, spaces between. */
static int
date_before(const char *text, const char *l, char out[16])
{
	const char *q = l - 24 > text ? l - 24 : text, *e;
	char d[16];

	for (; q < l; q++) {
		if (!date_start(text, q) || (e = parse_date(q, d)) == NULL)
			continue;
		while (e < l && *e == ' ')
			e++;
		if (e == l) {
			memcpy(out, d, 16);
			return 0;
		}
	}
	return -1;
}

/*
 * The publication date and the agency in the page text, when no <meta>
 * gave them: after a date label (发布日期 : 2025-03-07), the value after
 * a source label (来源：X, up to the next space), and a date printed right
 * before the source label with no label of its own (2021-01-29 来源:X).
 * A label whose first occurrence holds no value is looked for again.
 */
static void
from_text(struct page_info *pi, const char *text,
    const struct page_labels *lb)
{
	const char *p, *e, *src = NULL;
	int i;

	for (i = 0; lb != NULL && i < lb->ndate && pi->published[0] == '\0';
	    i++)
		for (p = text; (p = label_find(p, lb->date[i], &e)) != NULL;
		    p = e)
			if (parse_date(skip_sep(e), pi->published) != NULL)
				break;
			else
				pi->published[0] = '\0';
	for (i = 0; lb != NULL && i < lb->nsource && src == NULL; i++)
		for (p = text; (p = label_find(p, lb->source[i], &e)) != NULL;
		    p = e) {
			const char *v = skip_sep(e);
			size_t n = strcspn(v, " \t");

			if (n == 0 || n >= sizeof(pi->agency))
				continue;
			src = p;
			if (pi->agency[0] == '\0') {
				memcpy(pi->agency, v, n);
				pi->agency[n] = '\0';
			}
			break;
		}
	if (pi->published[0] == '\0' && src != NULL &&
	    date_before(text, src, pi->published) == -1)
		pi->published[0] = '\0';
}

/* TRS pagers: createPageHTML(5, 0, "index", "shtml") */
static void
pager(struct page_info *pi, const char *body, size_t len)
{
	const char *p = memmem(body, len, "createPageHTML(", 15);
	char pre[64], ext[16];
	int count, cur;

	if (p == NULL || (size_t)(body + len - p) < 20)
		return;
	if (sscanf(p + 15, " %d , %d , \"%63[^\"]\" , \"%15[^\"]\"", &count,
	    &cur, pre, ext) == 4 && count > 1) {
		pi->pager_count = count;
		memcpy(pi->pager_prefix, pre, sizeof(pre));
		memcpy(pi->pager_ext, ext, sizeof(ext));
	}
}

static void
quiet(void *ctx, xmlError *e)
{
	(void)ctx;
	(void)e;
}

int
page_parse(const char *body, size_t len, const char *url,
    const char *http_charset, const char *root,
    const struct page_labels *labels, struct page_info *pi)
{
	struct walk *w;
	htmlDocPtr doc;
	xmlNode *top, *b;

	memset(pi, 0, sizeof(*pi));
	page_charset(body, len, http_charset, pi->charset, sizeof(pi->charset));
	if (len > (size_t)1 << 30)
		return -1;
	/* encoding errors go to the structured handler, not to stderr */
	xmlSetStructuredErrorFunc(NULL, quiet);
	doc = htmlReadMemory(body, (int)len, url, pi->charset,
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET);
	if (doc == NULL)
		doc = htmlReadMemory(body, (int)len, url, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	if (doc == NULL || (top = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	if ((w = calloc(1, sizeof(*w))) == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	w->pi = pi;
	w->root = root;
	snprintf(w->base, sizeof(w->base), "%s", url);
	walk(w, top, 0);
	if (w->cancelled) {
		free(w);
		xmlFreeDoc(doc);
		page_free(pi);
		return -2;
	}
	if (pi->title[0] == '\0')
		memcpy(pi->title, w->h1[0] ? w->h1 : w->title, sizeof(pi->title));
	for (b = top->children; b != NULL; b = b->next)
		if (b->type == XML_ELEMENT_NODE &&
		    xmlStrcasecmp(b->name, (const xmlChar *)"body") == 0)
			break;
	if (b != NULL) {
		char *raw = malloc(64 << 10), *t = malloc(64 << 10);
		size_t n = 0;

		if (raw != NULL && t != NULL) {
			block_text(b->children, raw, 64 << 10, &n, 0);
			raw[n] = '\0';
			squeeze(raw, t, 64 << 10);
			from_text(pi, t, labels);
		}
		free(raw);
		free(t);
	}
	pager(pi, body, len);
	free(w);
	xmlFreeDoc(doc);
	return 0;
}

void
page_free(struct page_info *pi)
{
	size_t i;

	for (i = 0; i < pi->nlinks; i++) {
		free(pi->links[i].url);
		free(pi->links[i].text);
		free(pi->links[i].label);
		free(pi->links[i].title);
	}
	free(pi->links);
	pi->links = NULL;
	pi->nlinks = 0;
}
