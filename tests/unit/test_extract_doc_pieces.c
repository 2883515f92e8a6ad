/*
 * A Word 97 file built here byte by byte (the OLE2 container by libgsf's
 * writer) with what LibreOffice never writes but Word does: several pieces,
 * 8-bit cp1252 ones beside UTF-16 ones, a Prc block in the CLX, FKP runs
 * with gaps between pieces, a row's TAP in the Data stream (sprmPHugePapx),
 * a nested table inside a cell, field codes, objects, line and page
 * breaks.  The grid: a wide cell over two columns (edges 0/1000/3000 against
 * 0/1000/2000/3000) and a cell merged down over two rows.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include "extract/format.h"

extern const struct gk_format gk_format_doc;

#define WD_SIZE		4096
#define FKP_PN		4
#define DATA_FC		16

struct para {
	int piece;
	const char *text;	/* bytes; \xNN above 0x7F are cp1252 or, in a
				 * UTF-16 piece, UTF-8 (decoded below) */
	unsigned char grpprl[256];
	size_t glen;
};

static const int piece_fc[3] = { 1024, 1280, 1536 };
static const int piece_16[3] = { 0, 1, 0 };

static void
put16(unsigned char *p, unsigned v)
{
	p[0] = v & 0xFF;
	p[1] = v >> 8 & 0xFF;
}

static void
put32(unsigned char *p, uint32_t v)
{
	put16(p, v & 0xFFFF);
	put16(p + 2, v >> 16);
}

static size_t
sprm1(unsigned char *g, size_t n, unsigned sprm, unsigned v)
{
	put16(g + n, sprm);
	g[n + 2] = (unsigned char)v;
	return n + 3;
}

static size_t
sprm4(unsigned char *g, size_t n, unsigned sprm, uint32_t v)
{
	put16(g + n, sprm);
	put32(g + n + 2, v);
	return n + 6;
}

/* sprmTDefTable: itc cells with edges dxa[] and TC80 flags tc[]. */
static size_t
tdef(unsigned char *g, size_t n, int itc, const int *dxa, const unsigned *tc)
{
	int i;

	put16(g + n, 0xD608);
	put16(g + n + 2, (unsigned)(1 + 1 + (itc + 1) * 2 + itc * 20));
	g[n + 4] = (unsigned char)itc;
	n += 5;
	for (i = 0; i <= itc; i++, n += 2)
		put16(g + n, (unsigned)dxa[i]);
	for (i = 0; i < itc; i++, n += 20) {
		memset(g + n, 0, 20);
		put16(g + n, tc[i]);
	}
	return n;
}

static struct para *
intable(struct para *p)
{
	p->glen = sprm1(p->grpprl, p->glen, 0x2416, 1);
	return p;
}

/* Decode one UTF-8 character (the test's own strings only). */
static unsigned
utf8(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	unsigned c;

	if (p[0] < 0x80) {
		*s += 1;
		return p[0];
	}
	if (p[0] < 0xE0) {
		c = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
		*s += 2;
		return c;
	}
	c = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
	*s += 3;
	return c;
}

static void
add_stream(GsfOutfile *ole, const char *name, const unsigned char *p,
    size_t n)
{
	GsfOutput *s = gsf_outfile_new_child(ole, name, FALSE);

	assert_non_null(s);
	assert_true(gsf_output_write(s, n, p));
	assert_true(gsf_output_close(s));
	g_object_unref(s);
}

/* Run the extractor over the built file; the records it writes. */
static char *
extract(const unsigned char *p, size_t n, enum gk_err *e)
{
	struct gk_doc d;
	struct gk_sink s;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	memset(&d, 0, sizeof(d));
	d.id = "d";
	d.file = "built.doc";
	d.type = "doc";
	d.data = p;
	d.len = n;
	assert_non_null(fp = open_memstream(&out, &outlen));
	gk_sink_init(&s, fp, "d");
	*e = gk_format_doc.extract(&d, &s);
	gk_sink_commit(&s);
	gk_sink_free(&s);
	fclose(fp);
	return out;
}

static void
test_built(void **state)
{
	static const int dxa2[] = { 0, 1000, 3000 };
	static const int dxa3[] = { 0, 1000, 2000, 3000 };
	static const int dxa1[] = { 0, 500 };
	static const unsigned tc_none[3] = { 0, 0, 0 };
	static const unsigned tc_restart[3] = { 0x60, 0, 0 };
	static const unsigned tc_cont[3] = { 0x20, 0, 0 };
	static const char want[] =
	    "para\td\t1\tTitle \xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac" "5\t\n"
	    "para\td\t2\tSee link here\t\n"
	    "cell\td\t3\t1\t0\t0\t1\t1\tH\t\n"
	    "cell\td\t4\t1\t0\t1\t1\t2\twi de\t\n"
	    "cell\td\t5\t1\t1\t0\t2\t1\tm\t\n"
	    "cell\td\t6\t1\t1\t1\t1\t1\tin y\t\n"
	    "cell\td\t7\t1\t1\t2\t1\t1\tz\t\n"
	    "cell\td\t8\t1\t2\t1\t1\t1\tp\t\n"
	    "cell\td\t9\t1\t2\t2\t1\t1\t中文\t\n"
	    "para\td\t10\tAfter line\t\n"
	    "para\td\t11\tPage2\t\n";
	struct para ps[24];
	unsigned char wd[WD_SIZE], tbl[1024], data[256], *fkp;
	uint32_t cp = 0, cps[4], fcs[24][2];
	size_t np = 0, i, fill[3] = { 0, 0, 0 }, n, pos;
	unsigned char dgrp[256];
	size_t dlen;
	GsfOutput *mem;
	GsfOutfile *ole;
	enum gk_err e;
	char *out;

	(void)state;
	gsf_init();
	memset(ps, 0, sizeof(ps));
	memset(wd, 0, sizeof(wd));
	memset(tbl, 0, sizeof(tbl));
	memset(data, 0xAA, sizeof(data));
#define P(pc, t) (ps[np].piece = (pc), ps[np].text = (t), &ps[np++])
	P(0, "Title \x93q\x94 \x80" "5\r");
	P(0, "See \x13 HYPERLINK \"x\" \x14link\x15 here\x01\x08\r");
	intable(P(1, "H\a"));
	intable(P(1, "wi\r"));
	intable(P(1, "de\a"));
	{
		struct para *p = P(1, "\a");

		intable(p);
		p->glen = sprm1(p->grpprl, p->glen, 0x2417, 1);
		p->glen = tdef(p->grpprl, p->glen, 2, dxa2, tc_none);
	}
	intable(P(1, "m\a"));
	{
		struct para *p = P(1, "in\r");	/* a nested table's cell */

		intable(p);
		p->glen = sprm4(p->grpprl, p->glen, 0x6649, 2);
		p->glen = sprm1(p->grpprl, p->glen, 0x244B, 1);
		p = P(1, "\r");		/* ... and its row end */
		intable(p);
		p->glen = sprm4(p->grpprl, p->glen, 0x6649, 2);
		p->glen = sprm1(p->grpprl, p->glen, 0x244B, 1);
		p->glen = sprm1(p->grpprl, p->glen, 0x244C, 1);
		p->glen = tdef(p->grpprl, p->glen, 1, dxa1, tc_none);
	}
	intable(P(1, "y\a"));
	intable(P(1, "z\a"));
	{
		struct para *p = P(1, "\a");

		intable(p);
		p->glen = sprm1(p->grpprl, p->glen, 0x2417, 1);
		p->glen = tdef(p->grpprl, p->glen, 3, dxa3, tc_restart);
	}
	intable(P(1, "\a"));
	intable(P(1, "p\a"));
	intable(P(1, "中文\a"));
	{
		/* The row end's TAP is in the Data stream. */
		struct para *p = P(1, "\a");

		intable(p);
		p->glen = sprm1(p->grpprl, p->glen, 0x2417, 1);
		p->glen = sprm4(p->grpprl, p->glen, 0x6646, DATA_FC);
		dlen = tdef(dgrp, 0, 3, dxa3, tc_cont);
		put16(data + DATA_FC, (unsigned)dlen);
		memcpy(data + DATA_FC + 2, dgrp, dlen);
	}
	P(2, "After\vline\fPage2\r");

	/* The text, piece by piece, and each paragraph's FCs. */
	for (i = 0; i < np; i++) {
		int pc = ps[i].piece;
		const char *s = ps[i].text;

		if (i == 0 || ps[i - 1].piece != pc)
			cps[pc] = cp;
		fcs[i][0] = (uint32_t)(piece_fc[pc] + fill[pc]);
		while (*s != '\0') {
			unsigned c = piece_16[pc] ? utf8(&s) :
			    (unsigned char)*s++;

			if (piece_16[pc]) {
				put16(wd + piece_fc[pc] + fill[pc], c);
				fill[pc] += 2;
			} else
				wd[piece_fc[pc] + fill[pc]++] = (unsigned char)c;
			cp++;
		}
		fcs[i][1] = (uint32_t)(piece_fc[pc] + fill[pc]);
	}
	cps[3] = cp;

	/* FIB */
	put16(wd, 0xA5EC);
	put16(wd + 2, 0x00C1);
	put16(wd + 0x0A, 0x0200 | 0x0004);	/* 1Table, fComplex */
	put16(wd + 32, 14);
	put16(wd + 62, 22);
	put32(wd + 64 + 12, cp);		/* ccpText */
	put16(wd + 152, 0x5D);

	/* CLX: a Prc (sprmPJc), then the PlcPcd of the three pieces. */
	pos = 0;
	tbl[pos++] = 0x01;
	put16(tbl + pos, 3);
	tbl[pos + 2] = 0x03;
	tbl[pos + 3] = 0x24;
	tbl[pos + 4] = 1;
	pos += 5;
	tbl[pos++] = 0x02;
	put32(tbl + pos, 4 * 4 + 3 * 8);
	pos += 4;
	for (i = 0; i < 4; i++, pos += 4)
		put32(tbl + pos, cps[i]);
	for (i = 0; i < 3; i++, pos += 8) {
		uint32_t fc = (uint32_t)piece_fc[i];

		put32(tbl + pos + 2, piece_16[i] ? fc : (fc * 2) | 0x40000000);
	}
	put32(wd + 0x1A2, 0);
	put32(wd + 0x1A6, (uint32_t)pos);

	/*
	 * FKPs: one run per paragraph, runs without properties between
	 * pieces; a new FKP page when a run's PAPX no longer fits.
	 */
	{
		uint32_t rgfc[40];
		const struct para *papx[40];
		size_t nrun = 0, k = 0, page = 0, nbte = 0;
		uint32_t bte_fc[8], bte_pn[8];

		for (i = 0; i < np; i++) {
			if (nrun > 0 && rgfc[nrun] != fcs[i][0]) {
				papx[nrun] = NULL;
				rgfc[++nrun] = fcs[i][0];
			}
			rgfc[nrun] = fcs[i][0];
			papx[nrun] = &ps[i];
			rgfc[++nrun] = fcs[i][1];
		}
		while (k < nrun) {
			size_t first = k, crun, top = 511, r;

			assert_true(FKP_PN + page < WD_SIZE / 512);
			fkp = wd + (FKP_PN + page) * 512;
			/* As many runs as fit. */
			for (crun = 0; k + crun < nrun; crun++) {
				size_t need = 0;

				for (r = first; r <= first + crun; r++)
					if (papx[r] != NULL)
						need += papx[r]->glen + 6;
				if ((crun + 2) * 4 + (crun + 1) * 13 + need > 500)
					break;
			}
			assert_true(crun > 0);
			fkp[511] = (unsigned char)crun;
			for (r = 0; r <= crun; r++)
				put32(fkp + r * 4, rgfc[first + r]);
			for (r = 0; r < crun; r++) {
				const struct para *pp = papx[first + r];
				size_t len, off;

				if (pp == NULL)
					continue;
				len = 2 + pp->glen;	/* istd + grpprl */
				off = (top - (len + 2)) & ~(size_t)1;
				top = off;
				if (len % 2) {
					fkp[off] = (unsigned char)((len + 1) / 2);
					memcpy(fkp + off + 3, pp->grpprl, pp->glen);
				} else {
					fkp[off] = 0;
					fkp[off + 1] = (unsigned char)(len / 2);
					memcpy(fkp + off + 4, pp->grpprl, pp->glen);
				}
				fkp[(crun + 1) * 4 + r * 13] =
				    (unsigned char)(off / 2);
			}
			assert_true(top >= (crun + 1) * 4 + crun * 13);
			bte_fc[nbte] = rgfc[first];
			bte_pn[nbte++] = (uint32_t)(FKP_PN + page);
			page++;
			k = first + crun;
		}
		bte_fc[nbte] = rgfc[nrun];
		assert_true(nbte >= 2);		/* the test wants two FKPs */
		/* PlcBtePapx */
		n = pos;
		for (k = 0; k <= nbte; k++)
			put32(tbl + n + k * 4, bte_fc[k]);
		for (k = 0; k < nbte; k++)
			put32(tbl + n + (nbte + 1) * 4 + k * 4, bte_pn[k]);
		put32(wd + 0x102, (uint32_t)n);
		put32(wd + 0x106, (uint32_t)((nbte + 1) * 4 + nbte * 4));
		pos = n + (nbte + 1) * 4 + nbte * 4;
	}

	mem = gsf_output_memory_new();
	ole = gsf_outfile_msole_new(mem);
	add_stream(ole, "WordDocument", wd, sizeof(wd));
	add_stream(ole, "1Table", tbl, pos);
	add_stream(ole, "Data", data, sizeof(data));
	assert_true(gsf_output_close(GSF_OUTPUT(ole)));
	g_object_unref(ole);

	out = extract(gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem)),
	    (size_t)gsf_output_size(mem), &e);
	assert_int_equal(e, GK_E_OK);
	assert_string_equal(out, want);
	free(out);
	g_object_unref(mem);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_built),
	};

	return cmocka_run_group_tests_name("extract_doc_pieces", tests, NULL,
	    NULL);
}
