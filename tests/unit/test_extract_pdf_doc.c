/*
 * test_extract_pdf_doc: the PDF format on whole documents.  Small PDFs are
 * made here with MuPDF's writer (text, no text, encrypted); the seeds and
 * the real 淮安 report come from tests/.  This is the one PDF test that
 * links MuPDF (44 MB).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <mupdf/fitz.h>
#include <mupdf/pdf.h>

#include "test_extract.h"

extern const struct gk_format gk_format_pdf;

/* A one-page PDF drawing `content` (Helvetica as /F1); encrypted if asked. */
static unsigned char *
make_pdf(const char *content, int encrypt, size_t *len)
{
	fz_context *ctx;
	pdf_document *doc = NULL;
	fz_buffer *cbuf = NULL, *out = NULL;
	fz_output *o = NULL;
	fz_font *font = NULL;
	pdf_obj *res, *fonts, *page;
	pdf_write_options opts = pdf_default_write_options;
	unsigned char *bytes = NULL, *data;
	size_t n = 0;

	ctx = fz_new_context(NULL, NULL, FZ_STORE_DEFAULT);
	assert_non_null(ctx);
	fz_var(doc);
	fz_var(cbuf);
	fz_var(out);
	fz_var(o);
	fz_var(font);
	fz_var(bytes);
	fz_try(ctx) {
		doc = pdf_create_document(ctx);
		font = fz_new_base14_font(ctx, "Helvetica");
		res = pdf_new_dict(ctx, doc, 1);
		fonts = pdf_dict_put_dict(ctx, res, PDF_NAME(Font), 1);
		pdf_dict_puts_drop(ctx, fonts, "F1", pdf_add_simple_font(ctx,
		    doc, font, PDF_SIMPLE_ENCODING_LATIN));
		cbuf = fz_new_buffer_from_copied_data(ctx,
		    (const unsigned char *)content, strlen(content));
		page = pdf_add_page(ctx, doc, fz_make_rect(0, 0, 595, 842), 0,
		    res, cbuf);
		pdf_insert_page(ctx, doc, -1, page);
		pdf_drop_obj(ctx, page);
		pdf_drop_obj(ctx, res);
		if (encrypt) {
			opts.do_encrypt = PDF_ENCRYPT_AES_256;
			strcpy(opts.upwd_utf8, "user");
			strcpy(opts.opwd_utf8, "owner");
			opts.permissions = -1;
		}
		out = fz_new_buffer(ctx, 4096);
		o = fz_new_output_with_buffer(ctx, out);
		pdf_write_document(ctx, doc, o, &opts);
		fz_close_output(ctx, o);
		n = fz_buffer_storage(ctx, out, &data);
		bytes = malloc(n);
		memcpy(bytes, data, n);
		*len = n;
	}
	fz_always(ctx) {
		fz_drop_output(ctx, o);
		fz_drop_buffer(ctx, out);
		fz_drop_buffer(ctx, cbuf);
		fz_drop_font(ctx, font);
		pdf_drop_document(ctx, doc);
	}
	fz_catch(ctx)
		bytes = NULL;
	fz_drop_context(ctx);
	assert_non_null(bytes);
	return bytes;
}

static int
bid(const unsigned char *p, size_t n)
{
	struct gk_doc d;

	memset(&d, 0, sizeof(d));
	d.id = "D";
	d.type = "pdf";
	d.data = p;
	d.len = n;
	return gk_format_pdf.bid(&d);
}

static void
test_text_pdf(void **state)
{
	unsigned char *p;
	size_t n = 0;
	char *recs, *paras;

	(void)state;
	p = make_pdf("BT /F1 12 Tf 72 720 Td (Report 2024) Tj ET\n"
	    "BT /F1 12 Tf 72 700 Td (Total) Tj 200 0 Td (1203) Tj ET\n", 0, &n);
	assert_true(bid(p, n) > 1);
	recs = run_format(&gk_format_pdf, "pdf", p, n);
	assert_non_null(strstr(recs, "note\tD\tpages\t1\n"));
	paras = fields(recs, "para", 3);
	/* a label and its figure far apart on a line are two cells */
	assert_string_equal(paras, "Report 2024\nTotal\n1203\n");
	free(paras);
	free(recs);
	free(p);
}

/*
 * ActualText (PDF 32000-1 14.9.4): a span's text stands for its glyphs.
 * Glyphs drawn as boxes (here "::", a font without the digits) read as
 * the span says, one code point a glyph; a span of more code points than
 * glyphs puts the rest on them in order; an empty one has no text; a span
 * inside a BMC, one over two text objects and one in a form all count,
 * and the text around them is its own.
 */
static void
test_actual_text(void **state)
{
	unsigned char *p;
	size_t n = 0;
	char *recs, *paras;

	(void)state;
	p = make_pdf("BT /F1 12 Tf 72 720 Td (Year ) Tj "
	    "/Span << /ActualText <FEFF0032003000320034> >> BDC (::::) Tj EMC "
	    "( end) Tj ET\n"
	    "BT /F1 12 Tf 72 640 Td /Span << /ActualText (fine) >> BDC (fn) Tj "
	    "EMC ET\n"
	    "BT /F1 12 Tf 72 560 Td (a) Tj /Span << /ActualText () >> BDC "
	    "(-) Tj EMC (b) Tj ET\n"
	    "/Artifact BMC BT /F1 12 Tf 72 480 Td /Span << /ActualText (12) >> "
	    "BDC (x) Tj ET BT /F1 12 Tf 79 480 Td (y) Tj ET EMC EMC\n", 0, &n);
	recs = run_format(&gk_format_pdf, "pdf", p, n);
	paras = fields(recs, "para", 3);
	/* the dash the empty span stood for leaves its gap */
	assert_string_equal(paras, "Year 2024 end\nfine\na b\n12\n");
	free(paras);
	free(recs);
	free(p);
}

/*
 * The bid peeks at the bytes and opens nothing: a PDF without a text layer
 * (a scan: read, then handed to OCR) and a broken one bid like any PDF.
 */
static void
test_bid_peeks(void **state)
{
	static const char junk[] = "%PDF-1.7\nnot a PDF after all\n";
	unsigned char *p;
	size_t n = 0;

	(void)state;
	p = make_pdf("0 0 1 rg 72 72 200 200 re f\n", 0, &n);
	assert_int_equal(bid(p, n), 64);
	free(p);
	assert_int_equal(bid((const unsigned char *)junk, sizeof(junk) - 1),
	    64);
	assert_int_equal(bid((const unsigned char *)"PK\3\4", 4), 0);
}

static void
test_encrypted(void **state)
{
	unsigned char *p;
	size_t n = 0;
	char *recs;

	(void)state;
	p = make_pdf("BT /F1 12 Tf 72 720 Td (secret) Tj ET\n", 1, &n);
	assert_true(bid(p, n) > 1);
	recs = run_format(&gk_format_pdf, "pdf", p, n);
	assert_non_null(strstr(recs, "error\tD\textract\tencrypted\t"));
	assert_null(strstr(recs, "secret"));
	free(recs);
	free(p);
}

static void
test_damaged(void **state)
{
	static const char junk[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\n"
	    "trailer << /Root 1 0 R >>\n%%EOF\n";
	char *data, *recs;
	size_t n = 0;

	(void)state;
	recs = run_format(&gk_format_pdf, "pdf", junk, sizeof(junk) - 1);
	assert_non_null(strstr(recs, "error\tD\textract\tcorrupt\t"));
	free(recs);
	data = read_fixture("tests/corpus/docs/002_76275f96720f379e.pdf", &n);
	assert_non_null(data);
	recs = run_format(&gk_format_pdf, "pdf", data, n / 3);
	/* MuPDF repairs what it can; whatever it gives, one record kind */
	assert_true(strstr(recs, "error\tD\textract\t") != NULL ||
	    strstr(recs, "error\t") == NULL);
	free(recs);
	free(data);
}

/* A seed: LibreOffice, table 三 with its merged labels, the producer. */
static void
test_seed(void **state)
{
	char *data, *recs, *cells;
	size_t n = 0;

	(void)state;
	data = read_fixture("tests/corpus/docs/002_76275f96720f379e.pdf", &n);
	assert_non_null(data);
	recs = run_format(&gk_format_pdf, "pdf", data, n);
	assert_non_null(strstr(recs, "note\tD\tproducer\tLibreOffice 7.4\n"));
	cells = fields(recs, "cell", 3);
	assert_non_null(strstr(cells, "2\t5\t0\t20\t1\t三、本年度办理结果\n"));
	assert_non_null(strstr(cells, "2\t3\t9\t1\t1\t5146\n"));
	assert_non_null(strstr(cells, "2\t0\t3\t1\t7\t申请人情况\n"));
	free(cells);
	free(recs);
	free(data);
}

/*
 * The real 淮安 report (WPS): table 三 runs over pages 4-5, its label
 * （四）无法提供 is cut by the break, a page number sits between.
 */
static void
test_page_break(void **state)
{
	char *data, *recs, *cells, *paras;
	size_t n = 0;

	(void)state;
	data = read_fixture("tests/realworld/docs/huaian2024.pdf", &n);
	assert_non_null(data);
	recs = run_format(&gk_format_pdf, "pdf", data, n);
	cells = fields(recs, "cell", 3);
	assert_non_null(strstr(cells, "2\t5\t0\t22\t1\t三、本年度办理结果\n"));
	assert_non_null(strstr(cells, "2\t15\t1\t3\t1\t（四）无法提供\n"));
	assert_non_null(strstr(cells, "2\t27\t9\t1\t1\t103\n"));
	assert_non_null(strstr(cells, "1\t13\t1\t1\t3\t96171.6\n"));
	paras = fields(recs, "para", 3);
	assert_null(strstr(paras, "-4-"));
	assert_null(strstr(paras, "- 4 -"));
	assert_non_null(strstr(recs, "note\tD\tpages\t6\n"));
	free(paras);
	free(cells);
	free(recs);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_pdf),
		cmocka_unit_test(test_actual_text),
		cmocka_unit_test(test_bid_peeks),
		cmocka_unit_test(test_encrypted),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_page_break),
	};

	return cmocka_run_group_tests_name("extract_pdf_doc", tests, NULL,
	    NULL);
}
