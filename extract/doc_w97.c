/*
 * doc_w97.c: the Word 97-2003 binary format (MS-DOC), see doc_w97.h.
 *
 * Text: the CLX in the table stream holds the piece table (PlcPcd); each
 * piece maps a run of CPs to bytes of the WordDocument stream, 8-bit cp1252
 * ("compressed") or UTF-16LE.  Paragraph properties: the PlcBtePapx maps
 * file offsets (FCs) to 512-byte FKP pages; a paragraph's properties are
 * those of the FKP run holding the FC of its mark (0x0D or 0x07), as a list
 * of sprms (PapxInFkp), possibly continued in the Data stream
 * (sprmPHugePapx) and amended by the piece's Prm.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_w97.h"

#define FKP_SIZE	512

struct piece {
	uint32_t cp, cpend;	/* [cp, cpend) */
	uint32_t fc;		/* byte offset of the first character */
	int compressed;
	uint16_t prm;
};

struct grpprl {
	const unsigned char *p;
	size_t len;
};

struct w97 {
	const struct w97_fib *fib;
	const struct w97_stream *wd, *tbl, *data;
	struct piece *pieces;
	size_t npieces;
	struct grpprl *prc;	/* the CLX's Prc grpprls, for Prm */
	size_t nprc;
	uint16_t *text;		/* the main text, ccptext units */
	const unsigned char *bte;	/* PlcBtePapx */
	size_t nbte;
	char *msg;
	size_t msglen;
};

static uint16_t
u16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* Is [off, off + n) inside a stream of len bytes? */
static int
within(size_t len, size_t off, size_t n)
{
	return off <= len && n <= len - off;
}

static enum gk_err
fail(struct w97 *w, enum gk_err e, const char *what)
{
	snprintf(w->msg, w->msglen, "%s", what);
	return e;
}

/* cp1252's 0x80-0x9F; the rest of the 8-bit range is Latin-1. */
static const uint16_t cp1252[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

enum gk_err
w97_fib_read(const struct w97_stream *wd, struct w97_fib *f, char *msg,
    size_t msglen)
{
	const unsigned char *p = wd->p;
	size_t pos, lw;
	unsigned csw, cslw, cbfclcb;

	memset(f, 0, sizeof(*f));
	if (wd->len < 34) {
		snprintf(msg, msglen, "the WordDocument stream is %zu bytes, "
		    "too short for a FIB", wd->len);
		return wd->len == 0 ? GK_E_CORRUPT : GK_E_TRUNCATED;
	}
	if (u16(p) != 0xA5EC) {
		snprintf(msg, msglen, "not a Word 6-2003 document "
		    "(FIB magic 0x%04x)", u16(p));
		return u16(p) == 0xA59B || u16(p) == 0xA5DB ?
		    GK_E_UNSUPPORTED : GK_E_CORRUPT;
	}
	f->nfib = u16(p + 2);
	f->flags = u16(p + 0x0A);
	if (f->nfib < 0xC1) {
		snprintf(msg, msglen, "Word 6/95 or older document "
		    "(nFib 0x%x): only Word 97 and later are read", f->nfib);
		return GK_E_UNSUPPORTED;
	}
	if (f->flags & (W97_F_ENCRYPTED | W97_F_OBFUSCATED)) {
		snprintf(msg, msglen, "the document is %s",
		    f->flags & W97_F_OBFUSCATED ? "obfuscated (XOR)" :
		    "password-encrypted");
		return GK_E_ENCRYPTED;
	}
	/* FibBase, then csw, fibRgW, cslw, fibRgLw, cbRgFcLcb, fibRgFcLcb. */
	pos = 32;
	csw = u16(p + pos);
	pos += 2 + (size_t)csw * 2;
	if (!within(wd->len, pos, 2))
		goto short_fib;
	cslw = u16(p + pos);
	pos += 2;
	lw = pos;
	pos += (size_t)cslw * 4;
	if (cslw < 4 || !within(wd->len, pos, 2))
		goto short_fib;
	f->ccptext = u32(p + lw + 12);
	cbfclcb = u16(p + pos);
	pos += 2;
	/* fcPlcfBtePapx is pair 13, fcClx pair 33. */
	if (cbfclcb < 34 || !within(wd->len, pos, 34 * 8))
		goto short_fib;
	f->fcbtepapx = u32(p + pos + 13 * 8);
	f->lcbbtepapx = u32(p + pos + 13 * 8 + 4);
	f->fcclx = u32(p + pos + 33 * 8);
	f->lcbclx = u32(p + pos + 33 * 8 + 4);
	return GK_E_OK;
short_fib:
	snprintf(msg, msglen, "the FIB is damaged or cut short");
	return wd->len < 0x200 ? GK_E_TRUNCATED : GK_E_CORRUPT;
}

const char *
w97_table_name(const struct w97_fib *f)
{
	return f->flags & W97_F_1TABLE ? "1Table" : "0Table";
}

/* The CLX: Prc blocks (kept for Prm), then the PlcPcd. */
static enum gk_err
read_clx(struct w97 *w)
{
	const struct w97_stream *t = w->tbl;
	const unsigned char *p;
	size_t pos, end, n, i, lcb, cap = 0;
	struct grpprl *g;

	if (w->fib->lcbclx == 0)
		return fail(w, GK_E_CORRUPT, "the document has no piece table");
	if (!within(t->len, w->fib->fcclx, w->fib->lcbclx))
		return fail(w, t->len < w->fib->fcclx ? GK_E_CORRUPT :
		    GK_E_TRUNCATED, "the piece table lies past the end of "
		    "the table stream");
	pos = w->fib->fcclx;
	end = pos + w->fib->lcbclx;
	for (;;) {
		if (pos >= end)
			return fail(w, GK_E_CORRUPT, "no PlcPcd in the CLX");
		if (t->p[pos] == 0x02)
			break;
		if (t->p[pos] != 0x01 || !within(end, pos + 1, 2))
			return fail(w, GK_E_CORRUPT, "bad block in the CLX");
		n = u16(t->p + pos + 1);
		if (!within(end, pos + 3, n) || n > 0x3FA2)
			return fail(w, GK_E_CORRUPT, "bad Prc in the CLX");
		if (w->nprc == cap) {
			cap = cap ? cap * 2 : 8;
			if (cap > 65536 || (g = realloc(w->prc,
			    cap * sizeof(*g))) == NULL)
				return fail(w, GK_E_CORRUPT,
				    "too many Prc blocks in the CLX");
			w->prc = g;
		}
		w->prc[w->nprc].p = t->p + pos + 3;
		w->prc[w->nprc].len = n;
		w->nprc++;
		pos += 3 + n;
	}
	if (!within(end, pos + 1, 4))
		return fail(w, GK_E_CORRUPT, "the PlcPcd is cut short");
	lcb = u32(t->p + pos + 1);
	p = t->p + pos + 5;
	if (!within(end, pos + 5, lcb) || lcb < 16 || (lcb - 4) % 12 != 0)
		return fail(w, GK_E_CORRUPT, "bad PlcPcd size");
	n = (lcb - 4) / 12;
	if ((w->pieces = calloc(n, sizeof(*w->pieces))) == NULL)
		return fail(w, GK_E_NOMEM, "out of memory");
	w->npieces = n;
	for (i = 0; i < n; i++) {
		const unsigned char *pcd = p + (n + 1) * 4 + i * 8;
		uint32_t fc = u32(pcd + 2);

		w->pieces[i].cp = u32(p + i * 4);
		w->pieces[i].cpend = u32(p + (i + 1) * 4);
		w->pieces[i].compressed = (fc & 0x40000000) != 0;
		w->pieces[i].fc = w->pieces[i].compressed ?
		    (fc & 0x3FFFFFFF) / 2 : fc & 0x3FFFFFFF;
		w->pieces[i].prm = u16(pcd + 6);
		if (w->pieces[i].cpend < w->pieces[i].cp)
			return fail(w, GK_E_CORRUPT,
			    "the piece table's CPs go backwards");
	}
	return GK_E_OK;
}

/* The main text as UTF-16 code units, piece by piece. */
static enum gk_err
read_text(struct w97 *w)
{
	uint32_t n = w->fib->ccptext, cp, got = 0;
	size_t i;

	if (n == 0)
		return GK_E_OK;
	if (n > w->wd->len)
		return fail(w, GK_E_CORRUPT, "the text is longer than the "
		    "WordDocument stream");
	if ((w->text = malloc((size_t)n * sizeof(*w->text))) == NULL)
		return fail(w, GK_E_NOMEM, "out of memory");
	for (i = 0; i < w->npieces; i++) {
		const struct piece *pc = &w->pieces[i];
		uint32_t a = pc->cp, b = pc->cpend < n ? pc->cpend : n;
		size_t width = pc->compressed ? 1 : 2;

		if (a >= b)
			continue;
		if (a != got)
			return fail(w, GK_E_CORRUPT, "the piece table leaves "
			    "a gap in the text");
		if (!within(w->wd->len, pc->fc, (size_t)(b - a) * width))
			return fail(w, GK_E_TRUNCATED, "a piece of text lies "
			    "past the end of the WordDocument stream");
		for (cp = a; cp < b; cp++) {
			const unsigned char *q = w->wd->p + pc->fc +
			    (size_t)(cp - a) * width;
			uint16_t c;

			if (!pc->compressed)
				c = u16(q);
			else if (*q >= 0x80 && *q < 0xA0)
				c = cp1252[*q - 0x80];
			else
				c = *q;
			w->text[cp] = c;
		}
		got = b;
	}
	if (got != n)
		return fail(w, GK_E_CORRUPT, "the piece table does not cover "
		    "the text");
	return GK_E_OK;
}

/* The piece holding cp (pieces are in CP order). */
static const struct piece *
piece_at(const struct w97 *w, uint32_t cp)
{
	size_t lo = 0, hi = w->npieces;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < w->pieces[mid].cp)
			hi = mid;
		else if (cp >= w->pieces[mid].cpend)
			lo = mid + 1;
		else
			return &w->pieces[mid];
	}
	return NULL;
}

/*
 * The operand size of a sprm at p (its 2-byte code already read), or -1
 * when it runs past n bytes.  Sizes come from spra (bits 13-15); spra 6
 * is variable: a length byte, except sprmTDefTable (a 2-byte length that
 * counts one byte too many) and sprmPChgTabs (cb 255: computed).
 */
static long
sprm_oplen(unsigned sprm, const unsigned char *p, size_t n)
{
	static const int fixed[8] = { 1, 1, 2, 4, 2, 2, -1, 3 };
	unsigned spra = sprm >> 13;
	size_t len;

	if (spra != 6)
		len = (size_t)fixed[spra];
	else if (sprm == 0xD608 || sprm == 0xD605) {
		if (n < 2)
			return -1;
		len = 2 + (size_t)u16(p) - 1;
		if (u16(p) == 0)
			len = 2;
	} else if (sprm == 0xC615 && n >= 1 && p[0] == 255) {
		size_t del, add;

		if (n < 2)
			return -1;
		del = p[1];
		if (n < 2 + del * 4 + 1)
			return -1;
		add = p[2 + del * 4];
		len = 1 + 1 + del * 4 + 1 + add * 3;
	} else {
		if (n < 1)
			return -1;
		len = 1 + (size_t)p[0];
	}
	return len <= n ? (long)len : -1;
}

static void
read_tdeftable(const unsigned char *p, size_t n, struct w97_para *pp)
{
	struct w97_tap *t = &pp->tap;
	size_t itc, i, tcs;

	/* cb (2 bytes), itcMac, rgdxaCenter[itcMac + 1], rgTc80[]. */
	if (n < 3)
		return;
	itc = p[2];
	if (itc == 0 || itc > W97_MAX_ITC || n < 3 + (itc + 1) * 2)
		return;
	memset(t, 0, sizeof(*t));
	t->itc = (int)itc;
	for (i = 0; i <= itc; i++)
		t->dxa[i] = (int16_t)u16(p + 3 + i * 2);
	tcs = (n - 3 - (itc + 1) * 2) / 20;
	for (i = 0; i < itc && i < tcs; i++)
		t->tcgrf[i] = u16(p + 3 + (itc + 1) * 2 + i * 20);
	pp->has_tap = 1;
}

static void apply_grpprl(struct w97 *, const unsigned char *, size_t,
    struct w97_para *, int);

/* sprmPHugePapx: the rest of the grpprl in the Data stream. */
static void
huge_papx(struct w97 *w, uint32_t fc, struct w97_para *pp)
{
	const struct w97_stream *d = w->data;
	size_t cb;

	if (d == NULL || !within(d->len, fc, 2))
		return;
	cb = u16(d->p + fc);
	if (cb > 0x3FA2 || !within(d->len, (size_t)fc + 2, cb))
		return;
	apply_grpprl(w, d->p + fc + 2, cb, pp, 1);
}

/* Apply the paragraph sprms we need; a bad sprm ends the list. */
static void
apply_grpprl(struct w97 *w, const unsigned char *p, size_t n,
    struct w97_para *pp, int nested)
{
	size_t pos = 0;

	while (pos + 2 <= n) {
		unsigned sprm = u16(p + pos);
		const unsigned char *op = p + pos + 2;
		long len = sprm_oplen(sprm, op, n - pos - 2);

		if (len < 0)
			return;
		switch (sprm) {
		case 0x2416:
			pp->intable = op[0] != 0;
			break;
		case 0x2417:
			pp->ttp = op[0] != 0;
			break;
		case 0x244B:
			pp->inner_cell = op[0] != 0;
			break;
		case 0x244C:
			pp->inner_ttp = op[0] != 0;
			break;
		case 0x6649:
			pp->itap = (int)(u32(op) > 64 ? 64 : u32(op));
			break;
		case 0x664A:	/* sprmPDtap */
			pp->itap += (int32_t)u32(op) > 64 ||
			    (int32_t)u32(op) < -64 ? 0 : (int32_t)u32(op);
			if (pp->itap < 0)
				pp->itap = 0;
			break;
		case 0xD608:
			read_tdeftable(op, (size_t)len, pp);
			break;
		case 0x6646:
			if (!nested)
				huge_papx(w, u32(op), pp);
			break;
		}
		pos += 2 + (size_t)len;
	}
}

/* A Prm without a grpprl: one sprm by its Word 6 index. */
static void
apply_prm0(uint16_t prm, struct w97_para *pp)
{
	unsigned isprm = (prm >> 1) & 0x7F, val = prm >> 8;

	if (isprm == 0x18)
		pp->intable = val != 0;
	else if (isprm == 0x19)
		pp->ttp = val != 0;
}

/* Binary search of a PLC's CPs/FCs (n + 1 of them) for fc. */
static long
plc_find(const unsigned char *plc, size_t n, uint32_t fc)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (fc < u32(plc + mid * 4))
			hi = mid;
		else if (fc >= u32(plc + (mid + 1) * 4))
			lo = mid + 1;
		else
			return (long)mid;
	}
	return -1;
}

/* The properties of the paragraph whose mark is at cp. */
static void
para_props(struct w97 *w, uint32_t cp, struct w97_para *pp)
{
	const struct piece *pc = piece_at(w, cp);
	const unsigned char *fkp, *papx;
	uint32_t fc, pn;
	long i, j;
	size_t crun, off, cb, len;

	if (pc == NULL)
		return;
	fc = pc->fc + (cp - pc->cp) * (pc->compressed ? 1 : 2);
	if (w->nbte > 0 && (i = plc_find(w->bte, w->nbte, fc)) >= 0) {
		pn = u32(w->bte + (w->nbte + 1) * 4 + (size_t)i * 4) &
		    0x3FFFFF;
		if (!within(w->wd->len, (size_t)pn * FKP_SIZE, FKP_SIZE))
			goto prm;
		fkp = w->wd->p + (size_t)pn * FKP_SIZE;
		crun = fkp[FKP_SIZE - 1];
		if (crun == 0 || (crun + 1) * 4 + crun * 13 > FKP_SIZE - 1)
			goto prm;
		if ((j = plc_find(fkp, crun, fc)) < 0)
			goto prm;
		off = (size_t)fkp[(crun + 1) * 4 + (size_t)j * 13] * 2;
		if (off == 0 || off >= FKP_SIZE - 1)
			goto prm;
		papx = fkp + off;
		cb = papx[0];
		if (cb != 0) {
			len = cb * 2 - 1;
			papx += 1;
		} else {
			len = (size_t)papx[1] * 2;
			papx += 2;
			off++;
		}
		if (len < 2 || !within(FKP_SIZE - 1, off + 1, len))
			goto prm;
		apply_grpprl(w, papx + 2, len - 2, pp, 0);
	}
prm:
	if (pc->prm & 1) {
		size_t k = pc->prm >> 1;

		if (k < w->nprc)
			apply_grpprl(w, w->prc[k].p, w->prc[k].len, pp, 0);
	} else if (pc->prm != 0)
		apply_prm0(pc->prm, pp);
	if (pp->intable && pp->itap == 0)
		pp->itap = 1;
	if (!pp->intable && pp->itap > 0)
		pp->intable = 1;
}

enum gk_err
w97_walk(const struct w97_fib *fib, const struct w97_stream *wd,
    const struct w97_stream *tbl, const struct w97_stream *data,
    w97_para_fn fn, void *arg, char *msg, size_t msglen)
{
	struct w97 w;
	struct w97_para pp;
	enum gk_err e;
	uint32_t cp, start;

	memset(&w, 0, sizeof(w));
	w.fib = fib;
	w.wd = wd;
	w.tbl = tbl;
	w.data = data;
	w.msg = msg;
	w.msglen = msglen;
	if ((e = read_clx(&w)) != GK_E_OK || (e = read_text(&w)) != GK_E_OK)
		goto out;
	if (fib->lcbbtepapx >= 12 && (fib->lcbbtepapx - 4) % 8 == 0) {
		if (!within(tbl->len, fib->fcbtepapx, fib->lcbbtepapx)) {
			e = fail(&w, GK_E_TRUNCATED, "the paragraph property "
			    "index lies past the end of the table stream");
			goto out;
		}
		w.bte = tbl->p + fib->fcbtepapx;
		w.nbte = (fib->lcbbtepapx - 4) / 8;
	}
	start = 0;
	for (cp = 0; cp < fib->ccptext; cp++) {
		uint16_t c = w.text[cp];

		if (c != 0x0D && c != 0x07 && cp + 1 < fib->ccptext)
			continue;
		memset(&pp, 0, sizeof(pp));
		para_props(&w, cp, &pp);
		pp.text = w.text + start;
		pp.len = cp + 1 - start;
		if (fn(arg, &pp) != 0)
			break;
		start = cp + 1;
	}
out:
	free(w.text);
	free(w.pieces);
	free(w.prc);
	return e;
}
