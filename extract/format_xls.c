/*
 * format_xls.c: Excel 97-2003 workbooks (BIFF8, and BIFF5 of Excel 95),
 * and WPS Spreadsheets' .et, which is the same format: our own reader of
 * the Workbook stream over libgsf's OLE2 container (ole.c).
 *
 * libfreexl (Debian's .xls library) was measured first: it gives cells with
 * their row, column and shared strings, but no merged ranges (the top-left
 * cell only, so ROWSPAN and COLSPAN are lost), no number formats (a number
 * is INT or DOUBLE: a figure formatted 0.00 or as a date cannot be printed
 * as the sheet shows it), and it opens a path only (no memory buffer, so
 * no fuzzing in process).  The records needed are few (MS-XLS): globals
 * (BOF, FILEPASS, CODEPAGE, DATE1904, FORMAT, XF, BOUNDSHEET8, SST with its
 * CONTINUE records) and each worksheet's cells (LABELSST, LABEL, RSTRING,
 * NUMBER, RK, MULRK, BOOLERR, FORMULA with its STRING, BLANK, MULBLANK) and
 * MERGEDCELLS.  sheet.c writes each sheet's tables; numfmt.c prints the
 * numbers.
 */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib-object.h>

#include "common/bounds.h"
#include "common/buf.h"
#include "format.h"
#include "numfmt.h"
#include "ole.h"
#include "sheet.h"

#define R_FORMULA	0x0006
#define R_EOF		0x000A
#define R_DATE1904	0x0022
#define R_FILEPASS	0x002F
#define R_CONTINUE	0x003C
#define R_CODEPAGE	0x0042
#define R_BOUNDSHEET	0x0085
#define R_MULRK		0x00BD
#define R_MULBLANK	0x00BE
#define R_RSTRING	0x00D6
#define R_XF		0x00E0
#define R_MERGEDCELLS	0x00E5
#define R_SST		0x00FC
#define R_LABELSST	0x00FD
#define R_BLANK		0x0201
#define R_NUMBER	0x0203
#define R_LABEL		0x0204
#define R_BOOLERR	0x0205
#define R_STRING	0x0207
#define R_RK		0x027E
#define R_FORMAT	0x041E
#define R_BOF		0x0809

#define MAX_XF		65536

/* A record and the CONTINUE records after it, as one byte sequence. */
struct segs {
	const unsigned char **p;
	size_t *n;
	size_t count, cap;
	size_t cur, off;	/* read position */
	int bad;		/* read past the end */
};

struct sheetinfo {
	uint32_t pos;
	int visible, worksheet;
};

struct xls {
	struct gk_sink *sink;
	const unsigned char *w;	/* the Workbook stream */
	size_t wlen;
	int biff8, date1904;
	unsigned codepage;
	iconv_t cd;		/* BIFF5 8-bit strings to UTF-8 */
	int cdopen;
	struct gk_buf sst;	/* shared strings, NUL-separated */
	size_t *sidx, nsst;
	unsigned *xf;		/* XF index -> format id */
	size_t nxf;
	struct { unsigned id; char *code; } *fmts;
	size_t nfmts;
	struct sheetinfo *sheets;
	size_t nsheets;
	struct gk_buf str;	/* a decoded string */
	struct gk_sheet sh;
	struct segs sg;
};

static int
bid(const struct gk_doc *d)
{
	static const unsigned char ole2[8] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
	};

	if (d->len < 8 || memcmp(d->data, ole2, 8) != 0)
		return 0;
	return d->type != NULL && strcmp(d->type, "xls") == 0 ? 96 : 0;
}

static unsigned
u16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static double
f64(const unsigned char *p)
{
	uint64_t b = 0;
	double d;
	int i;

	for (i = 7; i >= 0; i--)
		b = b << 8 | p[i];
	memcpy(&d, &b, sizeof(d));
	return d;
}

static double
rk(uint32_t v)
{
	double d;

	if (v & 2) {
		int32_t i = (int32_t)v >> 2;

		d = (double)i;
	} else {
		uint64_t b = (uint64_t)(v & 0xFFFFFFFCu) << 32;

		memcpy(&d, &b, sizeof(d));
	}
	return v & 1 ? d / 100 : d;
}

/* ---- records ---- */

/* The record at *off: its type, data and length; -1 past the end. */
static int
record(const struct xls *x, size_t *off, unsigned *type,
    const unsigned char **data, size_t *len)
{
	size_t o = *off, n;

	if (o + 4 > x->wlen)
		return -1;
	*type = u16(x->w + o);
	n = u16(x->w + o + 2);
	if (o + 4 + n > x->wlen)
		return -1;
	*data = x->w + o + 4;
	*len = n;
	*off = o + 4 + n;
	return 0;
}

static int
seg_add(struct segs *g, const unsigned char *p, size_t n)
{
	if (g->count == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 16;
		const unsigned char **q = realloc(g->p, cap * sizeof(*q));
		size_t *m;

		if (q == NULL)
			return -1;
		g->p = q;
		if ((m = realloc(g->n, cap * sizeof(*m))) == NULL)
			return -1;
		g->n = m;
		g->cap = cap;
	}
	g->p[g->count] = p;
	g->n[g->count] = n;
	g->count++;
	return 0;
}

/* The record's data and its CONTINUE records from *off on into x->sg. */
static int
gather(struct xls *x, const unsigned char *data, size_t len, size_t *off)
{
	struct segs *g = &x->sg;
	size_t o = *off, n;
	const unsigned char *d;
	unsigned t;

	g->count = g->cur = g->off = 0;
	g->bad = 0;
	if (seg_add(g, data, len) == -1)
		return -1;
	while (record(x, &o, &t, &d, &n) == 0 && t == R_CONTINUE) {
		if (seg_add(g, d, n) == -1)
			return -1;
		*off = o;
	}
	return 0;
}

/* Bytes left in the current segment, moving on past empty ones. */
static size_t
seg_left(struct segs *g)
{
	while (g->cur < g->count && g->off >= g->n[g->cur]) {
		g->cur++;
		g->off = 0;
	}
	return g->cur < g->count ? g->n[g->cur] - g->off : 0;
}

static unsigned
seg_u8(struct segs *g)
{
	if (seg_left(g) == 0) {
		g->bad = 1;
		return 0;
	}
	return g->p[g->cur][g->off++];
}

static unsigned
seg_u16(struct segs *g)
{
	unsigned a = seg_u8(g);

	return a | seg_u8(g) << 8;
}

static uint32_t
seg_u32(struct segs *g)
{
	uint32_t a = seg_u16(g);

	return a | (uint32_t)seg_u16(g) << 16;
}

static void
seg_skip(struct segs *g, size_t n)
{
	while (n > 0) {
		size_t k = seg_left(g);

		if (k == 0) {
			g->bad = 1;
			return;
		}
		if (k > n)
			k = n;
		g->off += k;
		n -= k;
	}
}

/*
 * A BIFF8 string of cch characters into x->str: 8-bit (Latin-1) or UTF-16LE
 * by the flag; where a CONTINUE record splits the characters, the next one
 * starts with a flag byte of its own.
 */
static int
chars16(struct xls *x, size_t cch, int high)
{
	struct segs *g = &x->sg;
	unsigned long hs = 0;

	while (cch > 0 && !g->bad) {
		size_t k = seg_left(g);

		if (k == 0) {
			g->bad = 1;
			break;
		}
		while (k > 0 && cch > 0) {
			unsigned long c;

			if (high) {
				if (k < 2) {	/* a character split: bad file */
					g->bad = 1;
					return -1;
				}
				c = g->p[g->cur][g->off] |
				    (unsigned)g->p[g->cur][g->off + 1] << 8;
				g->off += 2;
				k -= 2;
			} else {
				c = g->p[g->cur][g->off++];
				k--;
			}
			cch--;
			if (c >= 0xD800 && c < 0xDC00) {
				hs = c;
				continue;
			}
			if (c >= 0xDC00 && c < 0xE000 && hs != 0)
				c = 0x10000 + ((hs - 0xD800) << 10) +
				    (c - 0xDC00);
			hs = 0;
			if (gk_buf_add_cp(&x->str, c) == -1)
				return -1;
		}
		if (cch > 0) {	/* continued: a new flag byte */
			g->cur++;
			g->off = 0;
			high = seg_u8(g) & 1;
		}
	}
	return g->bad ? -1 : 0;
}

static iconv_t
open_codepage(unsigned cp)
{
	char name[32];

	switch (cp) {
	case 0:
	case 1200:	/* BIFF8 says UTF-16; BIFF5 8-bit strings: Latin-1 */
	case 367:	/* ASCII */
		return (iconv_t)-1;
	case 936:
		return iconv_open("UTF-8", "GB18030");
	case 32768:
	case 10000:
		return iconv_open("UTF-8", "MACINTOSH");
	}
	snprintf(name, sizeof(name), "CP%u", cp);
	return iconv_open("UTF-8", name);
}

/* A BIFF5 string of cch bytes in the workbook's code page. */
static int
chars8(struct xls *x, size_t cch)
{
	struct segs *g = &x->sg;
	char in[256], out[1024];

	if (!x->cdopen) {
		x->cd = open_codepage(x->codepage);
		x->cdopen = 1;
	}
	while (cch > 0) {
		size_t k = 0, il, ol;
		char *ip = in, *op = out;

		while (k < sizeof(in) && k < cch && !g->bad)
			in[k++] = (char)seg_u8(g);
		if (g->bad)
			return -1;
		cch -= k;
		if (x->cd == (iconv_t)-1) {
			for (il = 0; il < k; il++)
				if (gk_buf_add_cp(&x->str, (unsigned char)in[il]))
					return -1;
			continue;
		}
		il = k;
		while (il > 0) {
			ol = sizeof(out);
			op = out;
			if (iconv(x->cd, &ip, &il, &op, &ol) == (size_t)-1 &&
			    op == out) {
				ip++;	/* a byte the code page lacks */
				il--;
				if (gk_buf_add(&x->str, "\xEF\xBF\xBD", 3))
					return -1;
			}
			if (gk_buf_add(&x->str, out, (size_t)(op - out)) == -1)
				return -1;
		}
		iconv(x->cd, NULL, NULL, NULL, NULL);
	}
	return 0;
}

/*
 * A string at the read position into x->str: BIFF8's XLUnicodeString
 * (lenbytes 2) or ShortXLUnicodeString (1), with their rich-text runs and
 * phonetic data skipped; BIFF5's byte string.  -1 on a bad string.
 */
static int
string(struct xls *x, int lenbytes)
{
	struct segs *g = &x->sg;
	size_t cch = lenbytes == 2 ? seg_u16(g) : seg_u8(g);
	unsigned fl, runs = 0;
	uint32_t ext = 0;

	gk_buf_reset(&x->str);
	if (!x->biff8)
		return chars8(x, cch);
	fl = seg_u8(g);
	if (fl & 8)
		runs = seg_u16(g);
	if (fl & 4)
		ext = seg_u32(g);
	if (g->bad || chars16(x, cch, fl & 1) == -1)
		return -1;
	seg_skip(g, (size_t)runs * 4);
	seg_skip(g, ext);
	return g->bad ? -1 : 0;
}

static int
corrupt(struct xls *x, const char *what)
{
	return gk_sink_fail(x->sink, GK_E_CORRUPT, "the Workbook stream: %s",
	    what);
}

/* ---- globals ---- */

static int
sst(struct xls *x, const unsigned char *d, size_t n, size_t *off)
{
	uint32_t uniq, i;

	if (n < 8)
		return corrupt(x, "a short SST record");
	uniq = u32(d + 4);
	if (uniq > x->wlen / 3)	/* each string takes 3 bytes at least */
		return corrupt(x, "an SST counting more strings than it holds");
	free(x->sidx);
	x->nsst = 0;
	if ((x->sidx = malloc((uniq + 1) * sizeof(*x->sidx))) == NULL)
		return gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
	if (gather(x, d, n, off) == -1)
		return gk_sink_fail(x->sink, GK_E_NOMEM, "out of memory");
	seg_skip(&x->sg, 8);
	for (i = 0; i < uniq; i++) {
		if (string(x, 2) == -1)
			return corrupt(x, "a damaged shared string");
		x->sidx[x->nsst++] = x->sst.len;
		if (gk_buf_add(&x->sst, x->str.len ? x->str.p : "", x->str.len)
		    == -1 || gk_buf_addc(&x->sst, '\0') == -1)
			return gk_sink_fail(x->sink, GK_E_TOO_BIG, "the shared "
			    "strings are larger than %u bytes", GK_MAX_UNZIPPED);
	}
	return 0;
}

static int
globals(struct xls *x)
{
	size_t off = 0, n;
	const unsigned char *d;
	unsigned t, vers;

	if (record(x, &off, &t, &d, &n) == -1 || (t & 0xFF) != 0x09)
		return corrupt(x, "no BOF record at its start");
	if (t != R_BOF || n < 4)
		return gk_sink_fail(x->sink, GK_E_UNSUPPORTED, "an Excel 2.x-4.x "
		    "workbook (BIFF2-4): not read");
	vers = u16(d);
	x->biff8 = vers == 0x0600;
	if (!x->biff8 && vers != 0x0500)
		return gk_sink_fail(x->sink, GK_E_UNSUPPORTED, "a BIFF version "
		    "0x%04x workbook: not read", vers);
	while (record(x, &off, &t, &d, &n) == 0) {
		switch (t) {
		case R_EOF:
			return 0;
		case R_FILEPASS:
			return gk_sink_fail(x->sink, GK_E_ENCRYPTED, "the "
			    "workbook is encrypted (FILEPASS)");
		case R_CODEPAGE:
			if (n >= 2)
				x->codepage = u16(d);
			break;
		case R_DATE1904:
			if (n >= 2)
				x->date1904 = u16(d) == 1;
			break;
		case R_FORMAT: {
			void *q;

			if (n < 3 || x->nfmts >= MAX_XF)
				break;
			if ((q = realloc(x->fmts, (x->nfmts + 1) *
			    sizeof(*x->fmts))) == NULL)
				return gk_sink_fail(x->sink, GK_E_NOMEM,
				    "out of memory");
			x->fmts = q;
			if (gather(x, d, n, &off) == -1)
				return gk_sink_fail(x->sink, GK_E_NOMEM,
				    "out of memory");
			x->fmts[x->nfmts].id = seg_u16(&x->sg);
			if (string(x, x->biff8 ? 2 : 1) == -1)
				break;	/* a bad format: the cell is General */
			if ((x->fmts[x->nfmts].code = strdup(gk_buf_str(
			    &x->str))) == NULL)
				return gk_sink_fail(x->sink, GK_E_NOMEM,
				    "out of memory");
			x->nfmts++;
			break;
		}
		case R_XF: {
			void *q;

			if (n < 4 || x->nxf >= MAX_XF)
				break;
			if ((x->nxf & 63) == 0) {
				if ((q = realloc(x->xf, (x->nxf + 64) *
				    sizeof(*x->xf))) == NULL)
					return gk_sink_fail(x->sink, GK_E_NOMEM,
					    "out of memory");
				x->xf = q;
			}
			x->xf[x->nxf++] = u16(d + 2);
			break;
		}
		case R_BOUNDSHEET: {
			struct sheetinfo *q;

			if (n < 6)
				return corrupt(x, "a short BOUNDSHEET record");
			if (x->nsheets >= GK_MAX_SHEETS)
				return gk_sink_fail(x->sink, GK_E_TOO_MANY,
				    "more than %d sheets", GK_MAX_SHEETS);
			if ((q = realloc(x->sheets, (x->nsheets + 1) *
			    sizeof(*q))) == NULL)
				return gk_sink_fail(x->sink, GK_E_NOMEM,
				    "out of memory");
			x->sheets = q;
			q += x->nsheets++;
			q->pos = u32(d);
			q->visible = (d[4] & 3) == 0;
			q->worksheet = d[5] == 0;
			break;
		}
		case R_SST:
			if (x->biff8 && sst(x, d, n, &off) == -1)
				return -1;
			break;
		}
	}
	return corrupt(x, "the globals run past the end of the stream");
}

/* ---- worksheets ---- */

static const char *
code_of(const struct xls *x, unsigned ixfe)
{
	unsigned id;
	size_t k;

	if (ixfe >= x->nxf)
		return NULL;
	id = x->xf[ixfe];
	for (k = 0; k < x->nfmts; k++)
		if (x->fmts[k].id == id)
			return x->fmts[k].code;
	return gk_numfmt_builtin(id);
}

static int
number(struct xls *x, unsigned row, unsigned col, unsigned ixfe, double v)
{
	char out[512];

	gk_numfmt(out, sizeof(out), v, code_of(x, ixfe), x->date1904);
	return gk_sheet_cell(&x->sh, row, col, out, strlen(out));
}

static int
text(struct xls *x, unsigned row, unsigned col, const char *s)
{
	return gk_sheet_cell(&x->sh, row, col, s, strlen(s));
}

static const char *
errname(unsigned e)
{
	switch (e) {
	case 0x00: return "#NULL!";
	case 0x07: return "#DIV/0!";
	case 0x0F: return "#VALUE!";
	case 0x17: return "#REF!";
	case 0x1D: return "#NAME?";
	case 0x24: return "#NUM!";
	case 0x2A: return "#N/A";
	}
	return "#ERR!";
}

/* A formula's cached string: the STRING record after it. */
static int
formula_string(struct xls *x, size_t off, unsigned row, unsigned col)
{
	const unsigned char *d;
	unsigned t;
	size_t n;

	while (record(x, &off, &t, &d, &n) == 0) {
		if (t == R_STRING) {
			if (gather(x, d, n, &off) == -1)
				return gk_sink_fail(x->sink, GK_E_NOMEM,
				    "out of memory");
			if (string(x, 2) == -1)
				return corrupt(x, "a damaged STRING record");
			return text(x, row, col, gk_buf_str(&x->str));
		}
		if (t != 0x04BC && t != 0x0221 && t != 0x0236)	/* SHRFMLA, ARRAY, TABLE */
			break;
	}
	return text(x, row, col, "");
}

static int
worksheet(struct xls *x, size_t off)
{
	const unsigned char *d;
	unsigned t, row, col;
	size_t n, k;
	int rc = 0;

	if (record(x, &off, &t, &d, &n) == -1 || t != R_BOF)
		return corrupt(x, "a sheet that does not start with BOF");
	while (rc == 0 && record(x, &off, &t, &d, &n) == 0) {
		if (t == R_EOF)
			return gk_sheet_emit(&x->sh);
		if (n < 6 && t != R_MERGEDCELLS && t != R_CONTINUE)
			continue;	/* not a cell record */
		row = n >= 2 ? u16(d) : 0;
		col = n >= 4 ? u16(d + 2) : 0;
		switch (t) {
		case R_LABELSST:
			if (n < 10)
				return corrupt(x, "a short LABELSST record");
			if (u32(d + 6) >= x->nsst)
				return corrupt(x, "a cell names a shared string "
				    "that is not there");
			rc = text(x, row, col, x->sst.p + x->sidx[u32(d + 6)]);
			break;
		case R_LABEL:
		case R_RSTRING:
			if (gather(x, d, n, &off) == -1)
				return gk_sink_fail(x->sink, GK_E_NOMEM,
				    "out of memory");
			seg_skip(&x->sg, 6);
			if (string(x, 2) == -1)
				return corrupt(x, "a damaged LABEL record");
			rc = text(x, row, col, gk_buf_str(&x->str));
			break;
		case R_NUMBER:
			if (n < 14)
				return corrupt(x, "a short NUMBER record");
			rc = number(x, row, col, u16(d + 4), f64(d + 6));
			break;
		case R_RK:
			if (n < 10)
				return corrupt(x, "a short RK record");
			rc = number(x, row, col, u16(d + 4), rk(u32(d + 6)));
			break;
		case R_MULRK:
			for (k = 4; k + 6 <= n - 2 && rc == 0; k += 6, col++)
				rc = number(x, row, col, u16(d + k),
				    rk(u32(d + k + 2)));
			break;
		case R_BOOLERR:
			if (n < 8)
				return corrupt(x, "a short BOOLERR record");
			rc = text(x, row, col, d[7] ? errname(d[6]) :
			    d[6] ? "TRUE" : "FALSE");
			break;
		case R_FORMULA:
			if (n < 14)
				return corrupt(x, "a short FORMULA record");
			if (u16(d + 12) != 0xFFFF)
				rc = number(x, row, col, u16(d + 4), f64(d + 6));
			else if (d[6] == 0)
				rc = formula_string(x, off, row, col);
			else if (d[6] == 1)
				rc = text(x, row, col, d[8] ? "TRUE" : "FALSE");
			else if (d[6] == 2)
				rc = text(x, row, col, errname(d[8]));
			else
				rc = text(x, row, col, "");
			break;
		case R_BLANK:
			rc = text(x, row, col, "");
			break;
		case R_MULBLANK:
			for (k = 4; k + 2 <= n - 2 && rc == 0; k += 2, col++)
				rc = text(x, row, col, "");
			break;
		case R_MERGEDCELLS:
			if (n < 2 || 2 + (size_t)u16(d) * 8 > n)
				return corrupt(x, "a short MERGEDCELLS record");
			for (k = 0; k < u16(d) && rc == 0; k++) {
				const unsigned char *m = d + 2 + k * 8;

				rc = gk_sheet_merge(&x->sh, u16(m), u16(m + 4),
				    u16(m + 2), u16(m + 6));
			}
			break;
		}
	}
	if (rc != 0)
		return -1;
	return corrupt(x, "a sheet runs past the end of the stream");
}

static enum gk_err
extract(const struct gk_doc *d, struct gk_sink *s)
{
	static const char *const names[] = { "Workbook", "WORKBOOK",
	    "workbook", "Book", "BOOK", "book", NULL };
	GsfInfile *ole;
	unsigned char *w = NULL;
	size_t wlen = 0, i;
	struct xls *x;
	enum gk_err e;
	int r = 0;

	if ((ole = gk_ole_open(d, s)) == NULL)
		return s->err;
	for (i = 0; names[i] != NULL && r == 0; i++)
		r = gk_ole_stream(ole, names[i], &w, &wlen);
	g_object_unref(ole);
	if (r <= 0) {
		e = gk_ole_damage(d);
		if (r == 0 && e != GK_E_TRUNCATED)
			e = GK_E_UNSUPPORTED;
		gk_sink_fail(s, e, r == 0 ? "no Workbook stream: not an Excel "
		    "workbook" : "the Workbook stream cannot be read");
		free(w);
		return e;
	}
	if ((x = calloc(1, sizeof(*x))) == NULL) {
		free(w);
		gk_sink_fail(s, GK_E_NOMEM, "out of memory");
		return GK_E_NOMEM;
	}
	x->sink = s;
	x->w = w;
	x->wlen = wlen;
	x->cd = (iconv_t)-1;
	gk_buf_init(&x->sst, GK_MAX_UNZIPPED);
	gk_buf_init(&x->str, GK_MAX_TEXT);
	gk_sheet_init(&x->sh, s);
	if (globals(x) == 0)
		for (i = 0; i < x->nsheets; i++) {
			if (!x->sheets[i].worksheet || !x->sheets[i].visible)
				continue;
			if (x->sheets[i].pos >= wlen) {
				corrupt(x, "a sheet lies past the end of the "
				    "stream");
				break;
			}
			if (worksheet(x, x->sheets[i].pos) == -1)
				break;
		}
	e = s->err;
	if (x->cd != (iconv_t)-1)
		iconv_close(x->cd);
	for (i = 0; i < x->nfmts; i++)
		free(x->fmts[i].code);
	free(x->fmts);
	free(x->xf);
	free(x->sheets);
	free(x->sidx);
	free(x->sg.p);
	free(x->sg.n);
	gk_buf_free(&x->sst);
	gk_buf_free(&x->str);
	gk_sheet_free(&x->sh);
	free(x);
	free(w);
	return e;
}

const struct gk_format gk_format_xls = { "xls", bid, extract };
