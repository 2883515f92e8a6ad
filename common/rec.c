/*
 * rec.c: reading and writing the typed TSV records of DESIGN.md.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rec.h"

static const struct {
	const char *name;
	int nfield;
} rectypes[GK_NTYPES] = {
	[GK_DOC] = { "doc", 12 },
	[GK_PARA] = { "para", 4 },
	[GK_CELL] = { "cell", 9 },
	[GK_ERROR] = { "error", 4 },
	[GK_REPORT] = { "report", 9 },
	[GK_METRIC] = { "metric", 12 },
	[GK_CHECK] = { "check", 6 },
	[GK_READING] = { "reading", 2 },
	[GK_NOTE] = { "note", 3 },
	[GK_LISTING] = { "listing", 2 },
	[GK_GROUP] = { "group", 1 },
};

struct gk_reader {
	char *name;
	size_t maxline;
	char *buf;		/* bytes fed and not yet consumed */
	size_t start, len, cap;
	int finished;
	int skipping;		/* inside an over-long line, dropping bytes */
	unsigned long lineno;
	char *raw, *work;	/* the current line, whole and split */
	size_t linecap;
	char err[256];
};

const char *
gk_rectype_name(enum gk_rectype t)
{
	if ((int)t >= 0 && t < GK_NTYPES)
		return rectypes[t].name;
	return t == GK_COMMENT ? "#" : "?";
}

int
gk_rectype_nfield(enum gk_rectype t)
{
	if ((int)t >= 0 && t < GK_NTYPES)
		return rectypes[t].nfield;
	return -1;
}

enum gk_rectype
gk_rectype_of(const char *name)
{
	int i;

	for (i = 0; i < GK_NTYPES; i++)
		if (strcmp(rectypes[i].name, name) == 0)
			return (enum gk_rectype)i;
	return GK_UNKNOWN;
}

struct gk_reader *
gk_reader_new(const char *name, size_t maxline)
{
	struct gk_reader *r;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	if ((r->name = strdup(name != NULL ? name : "-")) == NULL) {
		free(r);
		return NULL;
	}
	r->maxline = maxline > 0 ? maxline : 1;
	return r;
}

void
gk_reader_free(struct gk_reader *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->buf);
	free(r->raw);
	free(r->work);
	free(r);
}

int
gk_reader_feed(struct gk_reader *r, const char *p, size_t n)
{
	size_t need;
	char *nb;

	if (r->start > 0 && r->start == r->len)
		r->start = r->len = 0;
	if (r->start > 0 && r->len + n > r->cap) {
		memmove(r->buf, r->buf + r->start, r->len - r->start);
		r->len -= r->start;
		r->start = 0;
	}
	need = r->len + n;
	if (need > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap < need)
			cap *= 2;
		if ((nb = realloc(r->buf, cap)) == NULL)
			return -1;
		r->buf = nb;
		r->cap = cap;
	}
	memcpy(r->buf + r->len, p, n);
	r->len += n;
	return 0;
}

void
gk_reader_finish(struct gk_reader *r)
{
	r->finished = 1;
}

const char *
gk_reader_error(const struct gk_reader *r)
{
	return r->err;
}

static enum gk_read_result bad(struct gk_reader *, const char *, ...)
    __attribute__((format(printf, 2, 3)));

static enum gk_read_result
bad(struct gk_reader *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(r->err, sizeof(r->err), "%s: line %lu: ", r->name,
	    r->lineno);
	if (n < 0 || (size_t)n >= sizeof(r->err))
		return GK_READ_BAD;
	va_start(ap, fmt);
	vsnprintf(r->err + n, sizeof(r->err) - (size_t)n, fmt, ap);
	va_end(ap);
	return GK_READ_BAD;
}

/* Split the current line (already in r->raw, length len) into rec. */
static enum gk_read_result
parse_line(struct gk_reader *r, size_t len, struct gk_rec *rec)
{
	char *p;
	int n, want;

	memset(rec, 0, sizeof(*rec));
	rec->line = r->raw;
	rec->len = len;
	rec->lineno = r->lineno;
	if (r->raw[0] == '#') {
		rec->type = GK_COMMENT;
		return GK_READ_REC;
	}
	memcpy(r->work, r->raw, len + 1);
	n = 0;
	p = r->work;
	rec->f[n++] = p;
	while ((p = strchr(p, '\t')) != NULL) {
		*p++ = '\0';
		if (n == GK_REC_MAXFIELDS) {
			n++;
			break;
		}
		rec->f[n++] = p;
	}
	rec->type = gk_rectype_of(rec->f[0]);
	if (rec->type == GK_UNKNOWN) {
		rec->nfield = n > GK_REC_MAXFIELDS ? GK_REC_MAXFIELDS - 1 : n - 1;
		return GK_READ_REC;
	}
	want = rectypes[rec->type].nfield;
	if (n - 1 != want)
		return bad(r, "%s record has %s%d fields, expected %d",
		    rec->f[0], n > GK_REC_MAXFIELDS ? "over " : "",
		    n > GK_REC_MAXFIELDS ? GK_REC_MAXFIELDS - 1 : n - 1, want);
	rec->nfield = n - 1;
	return GK_READ_REC;
}

enum gk_read_result
gk_reader_next(struct gk_reader *r, struct gk_rec *rec)
{
	char *nl;
	size_t len;

	for (;;) {
		/* nothing fed yet: no buffer at all */
		char *s = r->buf != NULL ? r->buf + r->start : NULL;
		size_t avail = r->len - r->start;

		nl = avail > 0 ? memchr(s, '\n', avail) : NULL;
		if (r->skipping) {
			if (nl == NULL) {
				r->start = r->len;
				return r->finished ? GK_READ_EOF : GK_READ_MORE;
			}
			r->start += (size_t)(nl - s) + 1;
			r->skipping = 0;
			continue;
		}
		if (nl == NULL) {
			if (avail > r->maxline) {
				r->lineno++;
				r->skipping = 1;
				r->start = r->len;
				return bad(r, "line longer than %zu bytes",
				    r->maxline);
			}
			if (!r->finished)
				return GK_READ_MORE;
			if (avail == 0)
				return GK_READ_EOF;
			len = avail;
			r->start = r->len;
		} else {
			len = (size_t)(nl - s);
			r->start += len + 1;
		}
		r->lineno++;
		if (len > r->maxline)
			return bad(r, "line longer than %zu bytes", r->maxline);
		if (len > 0 && s[len - 1] == '\r')
			len--;
		if (len == 0)
			continue;
		if (len + 1 > r->linecap) {
			char *a = realloc(r->raw, len + 1);
			char *b;

			if (a == NULL)
				return bad(r, "out of memory");
			r->raw = a;
			if ((b = realloc(r->work, len + 1)) == NULL)
				return bad(r, "out of memory");
			r->work = b;
			r->linecap = len + 1;
		}
		memcpy(r->raw, s, len);
		r->raw[len] = '\0';
		if (memchr(r->raw, '\0', len) != NULL)
			return bad(r, "NUL byte in line");
		return parse_line(r, len, rec);
	}
}

enum gk_read_result
gk_read(struct gk_reader *r, FILE *fp, struct gk_rec *rec)
{
	char buf[65536];
	enum gk_read_result res;
	size_t n;

	for (;;) {
		res = gk_reader_next(r, rec);
		if (res != GK_READ_MORE)
			return res;
		n = fread(buf, 1, sizeof(buf), fp);
		if (n > 0 && gk_reader_feed(r, buf, n) == -1)
			return bad(r, "out of memory");
		if (n < sizeof(buf) && (feof(fp) || ferror(fp)))
			gk_reader_finish(r);
	}
}

/* Write s with tab, CR and LF turned into spaces: its runs without them
 * in one write each.  The stream is locked by the caller (one record at
 * a time). */
static int
put_field(FILE *fp, const char *s)
{
	size_t k;

	if (s == NULL)
		return 0;
	for (;;) {
		k = strcspn(s, "\t\n\r");
		if (k > 0 && fwrite_unlocked(s, 1, k, fp) != k)
			return -1;
		if (s[k] == '\0')
			return 0;
		if (putc_unlocked(' ', fp) == EOF)
			return -1;
		s += k + 1;
	}
}

int
gk_emitv(FILE *fp, const char *type, int n, const char *const *f)
{
	int i, rc = -1;

	flockfile(fp);
	if (put_field(fp, type) == -1)
		goto out;
	for (i = 0; i < n; i++)
		if (putc_unlocked('\t', fp) == EOF || put_field(fp, f[i]) == -1)
			goto out;
	rc = putc_unlocked('\n', fp) == EOF ? -1 : 0;
out:
	funlockfile(fp);
	return rc;
}

int
gk_emit(FILE *fp, enum gk_rectype t, ...)
{
	const char *f[GK_REC_MAXFIELDS];
	va_list ap;
	int i, n;

	n = gk_rectype_nfield(t);
	if (n < 0)
		return -1;
	va_start(ap, t);
	for (i = 0; i < n; i++)
		f[i] = va_arg(ap, const char *);
	va_end(ap);
	return gk_emitv(fp, rectypes[t].name, n, f);
}

int
gk_emit_raw(FILE *fp, const struct gk_rec *rec)
{
	if (fwrite(rec->line, 1, rec->len, fp) != rec->len)
		return -1;
	return putc('\n', fp) == EOF ? -1 : 0;
}

int
gk_split_tabs(char *line, char **f, int max)
{
	int n = 0;

	for (;;) {
		if (n == max)
			return max + 1;
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			return n;
		*line++ = '\0';
	}
}
