/*
 * A PDF none of whose pages has text is a scan: the PDF format (which bids
 * on the bytes alone) reads its pages once and hands it to the OCR reader
 * (extract/format_ocr.c), which reads a page without ink as nothing but its
 * `note DOC ocr N`.  A PDF with text on any page is read as text.  The PDFs
 * are built here: a blank page, a page of Helvetica text, text on page 2 of
 * 2, a table drawn over two pages, a broken PDF and something that is no
 * PDF.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/format.h"
#include "extract/sink.h"

extern const struct gk_format gk_format_pdf;

static char pdf[8192];

/* A PDF of npages pages; page i draws content[i]. */
static size_t
make_pdf(int npages, const char *const *content)
{
	size_t off[32], len;
	int n = 0, i, nobj = 2 + 2 * npages;
	char kids[256] = "";

	len = (size_t)snprintf(pdf, sizeof(pdf), "%%PDF-1.4\n");
	for (i = 0; i < npages; i++) {
		char ref[16];

		snprintf(ref, sizeof(ref), "%d 0 R ", 3 + 2 * i);
		strcat(kids, ref);
	}
	off[n++] = len;
	len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
	    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
	off[n++] = len;
	len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
	    "2 0 obj\n<< /Type /Pages /Kids [%s] /Count %d >>\nendobj\n",
	    kids, npages);
	for (i = 0; i < npages; i++) {
		off[n++] = len;
		len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
		    "%d 0 obj\n<< /Type /Page /Parent 2 0 R "
		    "/MediaBox [0 0 200 100] /Contents %d 0 R /Resources "
		    "<< /Font << /F1 << /Type /Font /Subtype /Type1 "
		    "/BaseFont /Helvetica >> >> >> >>\nendobj\n",
		    3 + 2 * i, 4 + 2 * i);
		off[n++] = len;
		len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
		    "%d 0 obj\n<< /Length %zu >>\nstream\n%s\nendstream\n"
		    "endobj\n", 4 + 2 * i, strlen(content[i]), content[i]);
	}
	len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
	    "xref\n0 %d\n0000000000 65535 f \n", nobj + 1);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
		    "%010zu 00000 n \n", off[i]);
	len += (size_t)snprintf(pdf + len, sizeof(pdf) - len,
	    "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
	    nobj + 1, off[n - 1]);
	return len;
}

static const char text[] = "BT /F1 12 Tf 20 50 Td (Hello 123) Tj ET";
static const char lines[] = "0 0 0 RG 10 10 m 190 10 l S";

/* The records the PDF format writes for pdf[0..len). */
static char *
run(size_t len, enum gk_err *err)
{
	struct gk_doc d = { "d1", "mem.pdf", "pdf",
	    (const unsigned char *)pdf, len };
	struct gk_sink sink;
	char *buf = NULL;
	size_t n = 0;
	FILE *f;

	assert_non_null(f = open_memstream(&buf, &n));
	gk_sink_init(&sink, f, "d1");
	*err = gk_format_pdf.extract(&d, &sink);
	assert_int_equal(gk_sink_commit(&sink), 0);
	gk_sink_free(&sink);
	fclose(f);
	return buf;
}

static int
bid(size_t len)
{
	struct gk_doc d = { "d1", "mem.pdf", "pdf",
	    (const unsigned char *)pdf, len };

	return gk_format_pdf.bid(&d);
}

/* The bid peeks at the bytes: any PDF is the PDF format's. */
static void
test_bid_peeks(void **state)
{
	const char *c[] = { lines };

	(void)state;
	assert_true(bid(make_pdf(1, c)) > 1);
	strcpy(pdf, "<html><body>no PDF here</body></html>");
	assert_int_equal(bid(strlen(pdf)), 0);
}

/* A page of text is read as text, not by OCR. */
static void
test_text_page(void **state)
{
	const char *c[] = { text };
	enum gk_err e;
	char *out;

	(void)state;
	out = run(make_pdf(1, c), &e);
	assert_int_equal(e, GK_E_OK);
	assert_non_null(strstr(out, "para\td1\t1\tHello 123\t1\n"));
	assert_null(strstr(out, "\tocr\t"));
	free(out);
}

/* Text on the last page only: the document has a text layer. */
static void
test_text_on_last_page(void **state)
{
	const char *c[] = { lines, text };
	enum gk_err e;
	char *out;

	(void)state;
	out = run(make_pdf(2, c), &e);
	assert_int_equal(e, GK_E_OK);
	assert_non_null(strstr(out, "\tHello 123\t2\n"));
	assert_null(strstr(out, "\tocr\t"));
	free(out);
}

/* A blank 2-page scan: no paras or cells; the notes, ocr 2 last. */
static void
test_extract_blank_scan(void **state)
{
	const char *c[] = { lines, "" };
	enum gk_err e;
	char *out;

	(void)state;
	out = run(make_pdf(2, c), &e);
	assert_int_equal(e, GK_E_OK);
	assert_string_equal(out, "note\td1\tpages\t2\n"
	    "note\td1\tocr\t2\n");
	free(out);
}

/*
 * A table cut by a page break: page 1 holds its first two rows, the middle
 * column (60-120 pt) one merged cell; page 2 its next three, that column
 * split at 90 pt (a label block of two columns), nothing between them.
 * Page 2's first row holds nothing but a figure (a bar, read as 1) under
 * a blank cell of page 1's last row: the rest of that row, which the break
 * cut.  It is one table (1) of four columns: page 1's middle cells span
 * two, the 1 goes to page 1's last row, page 2's other rows go on as 2
 * and 3.  Before the parts were mapped by their rules' places they joined
 * only with as many columns (page 2 was table 2), and a cut row was a row
 * of its own.
 */
#define GRID_COLS "0 0 0 RG 1 w 20 20 m 20 80 l S 60 20 m 60 80 l S " \
	"120 20 m 120 80 l S 180 20 m 180 80 l S"

static void
test_extract_table_over_break(void **state)
{
	const char *c[] = {
		GRID_COLS " 20 20 m 180 20 l S 20 50 m 180 50 l S "
		    "20 80 m 180 80 l S",
		GRID_COLS " 90 20 m 90 80 l S 20 20 m 180 20 l S "
		    "20 40 m 180 40 l S 20 60 m 180 60 l S 20 80 m 180 80 l S "
		    "148 64 3 12 re f",
	};
	enum gk_err e;
	char *out;

	(void)state;
	out = run(make_pdf(2, c), &e);
	assert_int_equal(e, GK_E_OK);
	assert_string_equal(out, "note\td1\tpages\t2\n"
	    "cell\td1\t1\t1\t0\t0\t1\t1\t\t1\n"
	    "cell\td1\t2\t1\t0\t1\t1\t2\t\t1\n"
	    "cell\td1\t3\t1\t0\t3\t1\t1\t\t1\n"
	    "cell\td1\t4\t1\t1\t0\t1\t1\t\t1\n"
	    "cell\td1\t5\t1\t1\t1\t1\t2\t\t1\n"
	    "cell\td1\t6\t1\t1\t3\t1\t1\t1\t1\n"
	    "cell\td1\t7\t1\t2\t0\t1\t1\t\t2\n"
	    "cell\td1\t8\t1\t2\t1\t1\t1\t\t2\n"
	    "cell\td1\t9\t1\t2\t2\t1\t1\t\t2\n"
	    "cell\td1\t10\t1\t2\t3\t1\t1\t\t2\n"
	    "cell\td1\t11\t1\t3\t0\t1\t1\t\t2\n"
	    "cell\td1\t12\t1\t3\t1\t1\t1\t\t2\n"
	    "cell\td1\t13\t1\t3\t2\t1\t1\t\t2\n"
	    "cell\td1\t14\t1\t3\t3\t1\t1\t\t2\n"
	    "note\td1\tocr\t2\n");
	free(out);
}

/*
 * A page of nothing but a table of faint rules (grey 0.85, 0.75 pt, as a
 * word processor's HTML table prints them), 2 degrees askew: too little
 * ink under 130 for the deskew to tell the skew, so it is looked for with
 * the rules (DESKEW_RULE_INK), the page turned back and its grid found on
 * the second look (RULE_LIGHT): 3 columns by 2 rows, 6 blank cells.
 * Before, no cell.
 */
static void
test_extract_faint_table_askew(void **state)
{
	const char *c[] = { "q 0.99939 0.03490 -0.03490 0.99939 0 0 cm "
	    "0.85 G 0.75 w 20 15 m 180 15 l S 20 45 m 180 45 l S "
	    "20 75 m 180 75 l S 20 15 m 20 75 l S 70 15 m 70 75 l S "
	    "120 15 m 120 75 l S 180 15 m 180 75 l S Q" };
	enum gk_err e;
	char *out, *p;
	int n = 0;

	(void)state;
	out = run(make_pdf(1, c), &e);
	assert_int_equal(e, GK_E_OK);
	for (p = out; (p = strstr(p, "cell\td1\t")) != NULL; p++)
		n++;
	assert_int_equal(n, 6);
	assert_non_null(strstr(out, "\t1\t1\t2\t1\t1\t\t1\n"));
	free(out);
}

/*
 * A figure wrapped in a narrow column: the cell (row 0, column 1) holds
 * two bars one above the other (each a "1" one line high, 3 pt apart),
 * the cell beside it one bar.  The wrapped figure is read over both its
 * lines, 11; before, the digit recogniser took its main line alone, 1.
 */
static void
test_extract_wrapped_figure(void **state)
{
	const char *c[] = { "0 0 0 RG 1 w 20 20 m 20 80 l S "
	    "100 20 m 100 80 l S 130 20 m 130 80 l S 180 20 m 180 80 l S "
	    "20 20 m 180 20 l S 20 50 m 180 50 l S 20 80 m 180 80 l S "
	    "114 66 3 10 re f 114 53 3 10 re f 154 60 3 10 re f" };
	enum gk_err e;
	char *out;

	(void)state;
	out = run(make_pdf(1, c), &e);
	assert_int_equal(e, GK_E_OK);
	assert_non_null(strstr(out, "\t1\t0\t1\t1\t1\t11\t1\n"));
	assert_non_null(strstr(out, "\t1\t0\t2\t1\t1\t1\t1\n"));
	free(out);
}

static void
test_extract_broken(void **state)
{
	struct gk_doc d = { "d1", "mem.pdf", "pdf",
	    (const unsigned char *)"%PDF-1.4\nnothing\n", 17 };
	struct gk_sink sink;
	FILE *f;

	(void)state;
	assert_non_null(f = tmpfile());
	gk_sink_init(&sink, f, "d1");
	assert_int_not_equal(gk_format_pdf.extract(&d, &sink), GK_E_OK);
	assert_int_not_equal(sink.err, GK_E_OK);
	gk_sink_free(&sink);
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bid_peeks),
		cmocka_unit_test(test_text_page),
		cmocka_unit_test(test_text_on_last_page),
		cmocka_unit_test(test_extract_blank_scan),
		cmocka_unit_test(test_extract_table_over_break),
		cmocka_unit_test(test_extract_faint_table_askew),
		cmocka_unit_test(test_extract_wrapped_figure),
		cmocka_unit_test(test_extract_broken),
	};

	return cmocka_run_group_tests_name("extract_ocr_scan", tests, NULL,
	    NULL);
}
