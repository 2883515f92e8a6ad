/*
 * sink.c: a document's paras and cells, held until the whole document was
 * read, then written (or replaced by one `error` record).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/bounds.h"
#include "common/rec.h"
#include "common/zh.h"
#include "sink.h"

/* The records of one document: at most every cell at its longest, bounded. */
#define SINK_MAX_BYTES	((size_t)GK_MAX_UNZIPPED * 2)

void
gk_sink_init(struct gk_sink *s, FILE *out, const char *doc)
{
	memset(s, 0, sizeof(*s));
	s->out = out;
	s->doc = doc != NULL ? doc : "";
	s->seq = 1;
	gk_buf_init(&s->recs, SINK_MAX_BYTES);
}

void
gk_sink_free(struct gk_sink *s)
{
	gk_buf_free(&s->recs);
}

int
gk_sink_fail(struct gk_sink *s, enum gk_err e, const char *fmt, ...)
{
	va_list ap;

	if (s->err != GK_E_OK)
		return -1;	/* the first failure is the one reported */
	s->err = e != GK_E_OK ? e : GK_E_INTERNAL;
	va_start(ap, fmt);
	vsnprintf(s->msg, sizeof(s->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * Append text to the records, white space folded to one space and trimmed,
 * invalid UTF-8 replaced by U+FFFD, and the characters that only look like
 * others (CJK radicals and compatibility ideographs that PDF fonts map
 * glyphs to) made the ideographs they show: the text as a reader sees it.
 * Returns the bytes added, or -1.
 */
static long
add_folded(struct gk_sink *s, const char *text)
{
	size_t n = strlen(text), i = 0, start = s->recs.len, len, rs = 0;
	size_t rn = 0;		/* a run of bytes kept as they are: rs, rn */
	char u[4];
	unsigned c, d;
	int pending = 0;

	for (;;) {
		d = i < n ? zh_decode(text + i, n - i, &len) : 0;
		c = zh_lookalike(d);
		/* a character that is no look-alike, decoded from valid
		 * UTF-8 (zh_decode takes the shortest form only), is its
		 * own bytes: copied with the run it is in, not encoded
		 * again */
		if (i < n && c == d && c != 0xfffd && !zh_is_space(c)) {
			if (pending && gk_buf_addc(&s->recs, ' ') == -1)
				goto full;
			pending = 0;
			if (rn == 0)
				rs = i;
			rn += len;
			i += len;
			continue;
		}
		if (rn > 0) {
			if (gk_buf_add(&s->recs, text + rs, rn) == -1)
				goto full;
			rn = 0;
			if (s->recs.len - start > GK_MAX_TEXT)
				goto big;
		}
		if (i >= n)
			break;
		if (zh_is_space(c)) {
			pending = s->recs.len > start;
			i += len;
			continue;
		}
		if (pending && gk_buf_addc(&s->recs, ' ') == -1)
			goto full;
		pending = 0;
		if (gk_buf_add(&s->recs, u, zh_put(u, sizeof(u), c)) == -1)
			goto full;
		if (s->recs.len - start > GK_MAX_TEXT)
			goto big;
		i += len;
	}
	return (long)(s->recs.len - start);
big:
	s->recs.len = start;
	return gk_sink_fail(s, GK_E_TOO_BIG,
	    "a paragraph or cell holds more than %u bytes of text", GK_MAX_TEXT);
full:
	s->recs.len = start;
	return gk_sink_fail(s, GK_E_TOO_BIG,
	    "the document's text is larger than %zu bytes", SINK_MAX_BYTES);
}

/* A tab, then v in decimal: the numeric fields of a record, without
 * printf (a record is written per para and per cell). */
static int
add_num(struct gk_buf *b, unsigned long v)
{
	char d[24];
	size_t k = sizeof(d);

	do
		d[--k] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	d[--k] = '\t';
	return gk_buf_add(b, d + k, sizeof(d) - k);
}

/* A record's type and DOC field, with the tabs around them. */
static int
add_head(struct gk_sink *s, const char *type)
{
	return gk_buf_adds(&s->recs, type) == -1 ||
	    gk_buf_addc(&s->recs, '\t') == -1 ||
	    gk_buf_adds(&s->recs, s->doc) == -1 ? -1 : 0;
}

/* The PAGE field: the page number, or nothing. */
static int
add_page(struct gk_sink *s)
{
	if (s->page <= 0)
		return gk_buf_addc(&s->recs, '\t');
	return add_num(&s->recs, (unsigned long)s->page);
}

static int
count_item(struct gk_sink *s)
{
	if (s->items >= GK_MAX_CELLS)
		return gk_sink_fail(s, GK_E_TOO_MANY,
		    "more than %d paragraphs and cells", GK_MAX_CELLS);
	s->items++;
	return 0;
}

/* A para; keep: an empty one is written with empty TEXT, not dropped. */
static int
para(struct gk_sink *s, const char *text, int keep)
{
	size_t mark;
	long n;

	if (s->err != GK_E_OK)
		return -1;
	mark = s->recs.len;
	if (add_head(s, "para") == -1 || add_num(&s->recs, s->seq) == -1 ||
	    gk_buf_addc(&s->recs, '\t') == -1)
		return gk_sink_fail(s, GK_E_TOO_BIG,
		    "the document's text is larger than %zu bytes",
		    SINK_MAX_BYTES);
	if ((n = add_folded(s, text)) < 0) {
		s->recs.len = mark;
		return -1;
	}
	if (n == 0 && !keep) {	/* an empty paragraph is dropped */
		s->recs.len = mark;
		s->recs.p[mark] = '\0';
		return 0;
	}
	if (count_item(s) == -1 || add_page(s) == -1 ||
	    gk_buf_addc(&s->recs, '\n') == -1) {
		s->recs.len = mark;
		return gk_sink_fail(s, GK_E_TOO_BIG,
		    "the document's text is larger than %zu bytes",
		    SINK_MAX_BYTES);
	}
	s->seq++;
	return 0;
}

int
gk_sink_para(struct gk_sink *s, const char *text)
{
	return para(s, text, 0);
}

int
gk_sink_para_keep(struct gk_sink *s, const char *text)
{
	return para(s, text != NULL ? text : "", 1);
}

void
gk_sink_page(struct gk_sink *s, int page)
{
	s->page = page > 0 ? page : 0;
}

int
gk_sink_table(struct gk_sink *s)
{
	return ++s->tables;
}

int
gk_sink_cell(struct gk_sink *s, int row, int col, int rowspan, int colspan,
    const char *text)
{
	size_t mark;

	if (s->err != GK_E_OK)
		return -1;
	if (s->tables == 0)
		s->tables = 1;
	if (row < 0 || col < 0 || rowspan < 1 || colspan < 1)
		return gk_sink_fail(s, GK_E_INTERNAL,
		    "cell at row %d col %d span %dx%d", row, col, rowspan,
		    colspan);
	if (row >= GK_MAX_TABLE_ROWS || rowspan > GK_MAX_TABLE_ROWS - row)
		return gk_sink_fail(s, GK_E_TOO_MANY,
		    "table %d has more than %d rows", s->tables,
		    GK_MAX_TABLE_ROWS);
	if (col >= GK_MAX_TABLE_COLS || colspan > GK_MAX_TABLE_COLS - col)
		return gk_sink_fail(s, GK_E_TOO_MANY,
		    "table %d has more than %d columns", s->tables,
		    GK_MAX_TABLE_COLS);
	if (count_item(s) == -1)
		return -1;
	mark = s->recs.len;
	if (add_head(s, "cell") == -1 || add_num(&s->recs, s->seq) == -1 ||
	    add_num(&s->recs, (unsigned long)s->tables) == -1 ||
	    add_num(&s->recs, (unsigned long)row) == -1 ||
	    add_num(&s->recs, (unsigned long)col) == -1 ||
	    add_num(&s->recs, (unsigned long)rowspan) == -1 ||
	    add_num(&s->recs, (unsigned long)colspan) == -1 ||
	    gk_buf_addc(&s->recs, '\t') == -1)
		goto full;
	if (add_folded(s, text != NULL ? text : "") < 0) {
		s->recs.len = mark;
		return -1;
	}
	if (add_page(s) == -1 || gk_buf_addc(&s->recs, '\n') == -1)
		goto full;
	s->seq++;
	return 0;
full:
	s->recs.len = mark;
	return gk_sink_fail(s, GK_E_TOO_BIG,
	    "the document's text is larger than %zu bytes", SINK_MAX_BYTES);
}

int
gk_sink_note(struct gk_sink *s, const char *key, const char *value)
{
	size_t mark;

	if (s->err != GK_E_OK)
		return -1;
	mark = s->recs.len;
	if (gk_buf_printf(&s->recs, "note\t%s\t", s->doc) == -1 ||
	    add_folded(s, key) < 0 || gk_buf_addc(&s->recs, '\t') == -1 ||
	    add_folded(s, value != NULL ? value : "") < 0 ||
	    gk_buf_addc(&s->recs, '\n') == -1) {
		s->recs.len = mark;
		if (s->err == GK_E_OK)
			return gk_sink_fail(s, GK_E_TOO_BIG,
			    "the document's text is larger than %zu bytes",
			    SINK_MAX_BYTES);
		return -1;
	}
	return 0;
}

int
gk_sink_commit(struct gk_sink *s)
{
	if (s->err != GK_E_OK) {
		if (gk_emit(s->out, GK_ERROR, s->doc, "extract",
		    gk_errname(s->err), s->msg[0] != '\0' ? s->msg :
		    gk_strerror(s->err)) == -1)
			return -1;
	} else if (s->recs.len > 0 &&
	    fwrite(s->recs.p, 1, s->recs.len, s->out) != s->recs.len)
		return -1;
	gk_buf_reset(&s->recs);
	return ferror(s->out) ? -1 : 0;
}
