/*
 * A BIFF8 workbook built record by record (in an OLE2 file written by
 * libgsf) covers what LibreOffice's files do not: a shared string split by
 * a CONTINUE record that switches from 8-bit to UTF-16 characters, RK
 * integers and RK x100 decimals, MULRK, a NUMBER under a custom FORMAT
 * (0.0: 2.25 -> 2.3, Excel's rounding), #,##0, a FORMULA with its cached
 * STRING, a numeric formula, booleans and errors (BOOLERR), BLANK, LABEL,
 * MERGEDCELLS, a hidden sheet left out, and a title alone as a para.  Then
 * FILEPASS gives `encrypted`, a BIFF4 BOF `unsupported`, an OLE2 file with
 * no Workbook stream `unsupported`.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-utils.h>

#include "test_damage.h"

extern const struct gk_format gk_format_xls;

struct bb {
	unsigned char p[8192];
	size_t n;
};

static void
b8(struct bb *b, unsigned v)
{
	b->p[b->n++] = (unsigned char)v;
}

static void
b16(struct bb *b, unsigned v)
{
	b8(b, v & 0xFF);
	b8(b, v >> 8 & 0xFF);
}

static void
b32(struct bb *b, uint32_t v)
{
	b16(b, v & 0xFFFF);
	b16(b, v >> 16);
}

static void
bytes(struct bb *b, const void *p, size_t n)
{
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

/* A record: type, then its data from the builder d. */
static void
rec(struct bb *w, unsigned type, const struct bb *d)
{
	b16(w, type);
	b16(w, (unsigned)d->n);
	bytes(w, d->p, d->n);
}

static void
bof(struct bb *w, unsigned vers, unsigned dt)
{
	struct bb d = { .n = 0 };

	b16(&d, vers);
	b16(&d, dt);
	b32(&d, 0);
	b32(&d, 0);
	b32(&d, 0);
	rec(w, 0x0809, &d);
}

static void
eof(struct bb *w)
{
	struct bb d = { .n = 0 };

	rec(w, 0x000A, &d);
}

/* row, col, xf: the head of every cell record */
static void
rcx(struct bb *d, unsigned r, unsigned c, unsigned xf)
{
	b16(d, r);
	b16(d, c);
	b16(d, xf);
}

static void
utf16(struct bb *d, const char *ascii_or_u16, size_t nbytes)
{
	bytes(d, ascii_or_u16, nbytes);
}

static void
xf(struct bb *w, unsigned ifmt)
{
	struct bb d = { .n = 0 };

	b16(&d, 0);
	b16(&d, ifmt);
	while (d.n < 20)
		b8(&d, 0);
	rec(w, 0x00E0, &d);
}

/* An OLE2 file holding one stream. */
static unsigned char *
ole(const char *name, const struct bb *w, size_t *len)
{
	GsfOutput *mem, *s;
	GsfOutfile *o;
	unsigned char *p;

	gsf_init();
	mem = gsf_output_memory_new();
	o = gsf_outfile_msole_new(mem);
	s = gsf_outfile_new_child(o, name, FALSE);
	gsf_output_write(s, w->n, w->p);
	gsf_output_close(s);
	g_object_unref(s);
	gsf_output_close(GSF_OUTPUT(o));
	g_object_unref(o);
	*len = (size_t)gsf_output_size(mem);
	p = malloc(*len);
	memcpy(p, gsf_output_memory_get_bytes(GSF_OUTPUT_MEMORY(mem)), *len);
	g_object_unref(mem);
	return p;
}

static void
patch32(struct bb *w, size_t at, uint32_t v)
{
	w->p[at] = v & 0xFF;
	w->p[at + 1] = v >> 8 & 0xFF;
	w->p[at + 2] = v >> 16 & 0xFF;
	w->p[at + 3] = v >> 24 & 0xFF;
}

static void
workbook(struct bb *w)
{
	struct bb d;
	size_t bs1, bs2;

	w->n = 0;
	bof(w, 0x0600, 0x0005);
	d.n = 0;
	b16(&d, 1200);
	rec(w, 0x0042, &d);				/* CODEPAGE */
	d.n = 0;
	b16(&d, 164);
	b16(&d, 3);
	b8(&d, 0);
	bytes(&d, "0.0", 3);
	rec(w, 0x041E, &d);				/* FORMAT 164 */
	xf(w, 0);
	xf(w, 164);
	xf(w, 3);
	d.n = 0;
	b32(&d, 0);
	b8(&d, 0);
	b8(&d, 0);
	b8(&d, 2);
	b8(&d, 0);
	bytes(&d, "S1", 2);
	bs1 = w->n + 4;
	rec(w, 0x0085, &d);				/* BOUNDSHEET */
	d.p[4] = 1;					/* hidden */
	bs2 = w->n + 4;
	rec(w, 0x0085, &d);
	d.n = 0;					/* SST */
	b32(&d, 2);
	b32(&d, 2);
	b16(&d, 4);
	b8(&d, 1);
	utf16(&d, "\164\136\246\136\245\142\112\124", 8);	/* 年度报告 */
	b16(&d, 5);
	b8(&d, 0);
	bytes(&d, "ABC", 3);
	rec(w, 0x00FC, &d);
	d.n = 0;					/* CONTINUE */
	b8(&d, 1);
	utf16(&d, "\000\116\214\116", 4);			/* 一二 */
	rec(w, 0x003C, &d);
	eof(w);

	patch32(w, bs1, (uint32_t)w->n);
	bof(w, 0x0600, 0x0010);
	d.n = 0;
	rcx(&d, 0, 0, 0);
	b32(&d, 0);
	rec(w, 0x00FD, &d);				/* LABELSST 年度报告 */
	d.n = 0;
	rcx(&d, 2, 0, 0);
	b32(&d, 1);
	rec(w, 0x00FD, &d);				/* LABELSST ABC一二 */
	d.n = 0;
	rcx(&d, 2, 1, 0);
	b32(&d, 5146u << 2 | 2);
	rec(w, 0x027E, &d);				/* RK 5146 */
	d.n = 0;
	rcx(&d, 2, 2, 1);
	bytes(&d, "\0\0\0\0\0\0\002\100", 8);		/* 2.25 */
	rec(w, 0x0203, &d);				/* NUMBER */
	d.n = 0;
	b16(&d, 2);
	b16(&d, 3);
	b16(&d, 2);
	b32(&d, 1234u << 2 | 2);
	b16(&d, 0);
	b32(&d, 12345u << 2 | 3);
	b16(&d, 4);
	rec(w, 0x00BD, &d);				/* MULRK */
	d.n = 0;
	rcx(&d, 3, 0, 0);
	b8(&d, 0);
	b8(&d, 0);
	b8(&d, 0);
	b8(&d, 0);
	b8(&d, 0);
	b8(&d, 0);
	b16(&d, 0xFFFF);
	b16(&d, 0);
	b32(&d, 0);
	rec(w, 0x0006, &d);				/* FORMULA: a string */
	d.n = 0;
	b16(&d, 2);
	b8(&d, 1);
	utf16(&d, "\154\121\017\137", 4);			/* 公式 */
	rec(w, 0x0207, &d);				/* STRING */
	d.n = 0;
	rcx(&d, 3, 1, 0);
	bytes(&d, "\0\0\0\0\0\0\034\100", 8);		/* 7.0 */
	b16(&d, 0);
	b32(&d, 0);
	rec(w, 0x0006, &d);				/* FORMULA: 7 */
	d.n = 0;
	rcx(&d, 3, 2, 0);
	b8(&d, 1);
	b8(&d, 0);
	rec(w, 0x0205, &d);				/* BOOLERR TRUE */
	d.n = 0;
	rcx(&d, 3, 3, 0);
	b8(&d, 7);
	b8(&d, 1);
	rec(w, 0x0205, &d);				/* BOOLERR #DIV/0! */
	d.n = 0;
	rcx(&d, 3, 4, 0);
	rec(w, 0x0201, &d);				/* BLANK */
	d.n = 0;
	rcx(&d, 4, 0, 0);
	b16(&d, 2);
	b8(&d, 1);
	utf16(&d, "\010\124\166\136", 4);			/* 合并 */
	rec(w, 0x0204, &d);				/* LABEL */
	d.n = 0;
	rcx(&d, 5, 1, 0);
	b32(&d, 8u << 2 | 2);
	rec(w, 0x027E, &d);				/* RK 8 */
	d.n = 0;
	b16(&d, 1);
	b16(&d, 4);
	b16(&d, 5);
	b16(&d, 0);
	b16(&d, 0);
	rec(w, 0x00E5, &d);				/* MERGEDCELLS A5:A6 */
	eof(w);

	patch32(w, bs2, (uint32_t)w->n);
	bof(w, 0x0600, 0x0010);
	d.n = 0;
	rcx(&d, 0, 0, 0);
	b32(&d, 0);
	rec(w, 0x00FD, &d);
	eof(w);
}

static const char want[] =
    "para\tD\t1\t年度报告\t\n"
    "cell\tD\t2\t1\t0\t0\t1\t1\tABC一二\t\n"
    "cell\tD\t3\t1\t0\t1\t1\t1\t5146\t\n"
    "cell\tD\t4\t1\t0\t2\t1\t1\t2.3\t\n"
    "cell\tD\t5\t1\t0\t3\t1\t1\t1,234\t\n"
    "cell\tD\t6\t1\t0\t4\t1\t1\t123.45\t\n"
    "cell\tD\t7\t1\t1\t0\t1\t1\t公式\t\n"
    "cell\tD\t8\t1\t1\t1\t1\t1\t7\t\n"
    "cell\tD\t9\t1\t1\t2\t1\t1\tTRUE\t\n"
    "cell\tD\t10\t1\t1\t3\t1\t1\t#DIV/0!\t\n"
    "cell\tD\t11\t1\t1\t4\t1\t1\t\t\n"
    "cell\tD\t12\t1\t2\t0\t2\t1\t合并\t\n"
    "cell\tD\t13\t1\t2\t1\t1\t1\t\t\n"
    "cell\tD\t14\t1\t2\t2\t1\t1\t\t\n"
    "cell\tD\t15\t1\t2\t3\t1\t1\t\t\n"
    "cell\tD\t16\t1\t2\t4\t1\t1\t\t\n"
    "cell\tD\t17\t1\t3\t1\t1\t1\t8\t\n"
    "cell\tD\t18\t1\t3\t2\t1\t1\t\t\n"
    "cell\tD\t19\t1\t3\t3\t1\t1\t\t\n"
    "cell\tD\t20\t1\t3\t4\t1\t1\t\t\n";

static void
test_records(void **state)
{
	struct bb w;
	unsigned char *f;
	size_t len = 0;
	char *out;

	(void)state;
	workbook(&w);
	f = ole("Workbook", &w, &len);
	assert_non_null(out = run_format(&gk_format_xls, "xls", f, len));
	assert_string_equal(out, want);
	free(out);
	free(f);
}

static void
test_refused(void **state)
{
	struct bb w, d;
	unsigned char *f;
	size_t len = 0;

	(void)state;
	w.n = 0;
	bof(&w, 0x0600, 0x0005);
	d.n = 0;
	b16(&d, 1);
	rec(&w, 0x002F, &d);				/* FILEPASS */
	eof(&w);
	f = ole("Workbook", &w, &len);
	assert_string_equal(damage_run(&gk_format_xls, "xls", f, len),
	    "encrypted");
	free(f);
	w.n = 0;
	b16(&w, 0x0409);				/* BIFF4 BOF */
	b16(&w, 6);
	b16(&w, 0);
	b16(&w, 0x10);
	b16(&w, 0);
	eof(&w);
	f = ole("Workbook", &w, &len);
	assert_string_equal(damage_run(&gk_format_xls, "xls", f, len),
	    "unsupported");
	free(f);
	workbook(&w);
	f = ole("Other", &w, &len);
	assert_string_equal(damage_run(&gk_format_xls, "xls", f, len),
	    "unsupported");
	free(f);
	w.n = 0;
	bof(&w, 0x0600, 0x0005);			/* no EOF */
	f = ole("Workbook", &w, &len);
	assert_string_equal(damage_run(&gk_format_xls, "xls", f, len),
	    "corrupt");
	free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests_name("extract_xls_records", tests, NULL,
	    NULL);
}
