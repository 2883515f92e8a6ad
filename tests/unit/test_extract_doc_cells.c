/*
 * The .doc reader gives the cells of the seed reports: the same grid
 * (ROW, COL, ROWSPAN, COLSPAN) and text as the HTML page of the same report,
 * which is the agency's table as published.  Also checks a few cells by
 * hand: a wide cell (colspan from the union of the rows' cell edges), a cell
 * merged down and across, a blank cell, and the paragraphs around the
 * tables.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "extract/format.h"

extern const struct gk_format gk_format_doc;
extern const struct gk_format gk_format_html;

static const char *seeds[] = {
	"tests/corpus/docs/000_0e252554ad65cb5c",
	"tests/corpus/docs/001_967186fe634bba4e",
	"tests/corpus/docs/002_76275f96720f379e",
	"tests/corpus/docs/003_937a84458300fa66",
	"tests/corpus/docs/004_107c488a6d9a59ea",
};

/* Run a format over a file; returns the records written (malloc'd). */
static char *
run(const struct gk_format *f, const char *path, const char *type,
    enum gk_err *err)
{
	struct gk_buf b;
	struct gk_doc d;
	struct gk_sink s;
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	gk_buf_init(&b, 64u << 20);
	assert_int_equal(gk_buf_read_file(&b, path), 0);
	memset(&d, 0, sizeof(d));
	d.id = "d";
	d.file = path;
	d.type = type;
	d.data = (const unsigned char *)b.p;
	d.len = b.len;
	assert_non_null(fp = open_memstream(&out, &outlen));
	gk_sink_init(&s, fp, "d");
	*err = f->extract(&d, &s);
	gk_sink_commit(&s);
	gk_sink_free(&s);
	fclose(fp);
	gk_buf_free(&b);
	return out;
}

/*
 * The cell records only, without SEQ, text with all white space removed
 * (the HTML page and the Word file break long labels in different places).
 */
static char *
cells(const char *recs)
{
	struct gk_buf b;
	const char *p = recs, *nl;

	gk_buf_init(&b, 64u << 20);
	for (; *p != '\0'; p = nl + 1) {
		const char *f, *q;
		int field = 0;

		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		if (strncmp(p, "cell\t", 5) == 0) {
			for (q = p; q < nl; q++) {
				if (*q == '\t') {
					field++;
					if (field != 2 && field != 3)
						gk_buf_addc(&b, ' ');
					continue;
				}
				if (field == 1 || field == 2)
					continue;	/* DOC, SEQ */
				if (field == 7 && (*q == ' ' ||
				    (unsigned char)*q < 0x20))
					continue;
				f = q;
				gk_buf_addc(&b, *f);
			}
			gk_buf_addc(&b, '\n');
		}
		if (*nl == '\0')
			break;
	}
	return b.p != NULL ? b.p : strdup("");
}

static void
test_seeds_match_html(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		char path[256], *a, *b, *ca, *cb;
		enum gk_err ea, eb;

		snprintf(path, sizeof(path), "%s.doc", seeds[i]);
		a = run(&gk_format_doc, path, "doc", &ea);
		snprintf(path, sizeof(path), "%s.html", seeds[i]);
		b = run(&gk_format_html, path, "html", &eb);
		assert_int_equal(ea, GK_E_OK);
		assert_int_equal(eb, GK_E_OK);
		ca = cells(a);
		cb = cells(b);
		assert_true(strlen(ca) > 1000);
		assert_string_equal(ca, cb);
		free(a);
		free(b);
		free(ca);
		free(cb);
	}
}

static void
test_seed000_by_hand(void **state)
{
	enum gk_err e;
	char *out;

	(void)state;
	out = run(&gk_format_doc, "tests/corpus/docs/000_0e252554ad65cb5c.doc",
	    "doc", &e);
	assert_int_equal(e, GK_E_OK);
	/* Paragraphs before the first table, in order. */
	assert_non_null(strstr(out, "para\td\t1\t市民营经济局\t\n"));
	assert_non_null(strstr(out, "para\td\t3\t一、总体情况\t\n"));
	/* A wide cell: one cell edge pair over four grid columns. */
	assert_non_null(strstr(out,
	    "cell\td\t40\t1\t0\t0\t1\t4\t第二十条第（一）项\t\n"));
	/* Merged three down and three across. */
	assert_non_null(strstr(out, "\t2\t0\t0\t3\t3\t（本列数据的勾稽关系为"));
	/* Merged down, then across. */
	assert_non_null(strstr(out, "\t2\t1\t3\t2\t1\t自然人\t\n"));
	assert_non_null(strstr(out, "\t2\t1\t4\t1\t5\t法人或其他组织\t\n"));
	/* A vertically merged cell is written once. */
	assert_null(strstr(strstr(out, "自然人") + 1, "自然人"));
	/* No field code or control character leaks into the text. */
	assert_null(strstr(out, "PAGE"));
	assert_null(strstr(out, "HYPERLINK"));
	assert_null(strchr(out, '\a'));
	free(out);
}

static void
test_bid(void **state)
{
	static const unsigned char ole[16] = {
		0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1
	};
	struct gk_doc d;

	(void)state;
	memset(&d, 0, sizeof(d));
	d.data = ole;
	d.len = sizeof(ole);
	d.type = "doc";
	assert_true(gk_format_doc.bid(&d) >= 64);
	d.type = "xls";
	assert_int_equal(gk_format_doc.bid(&d), 0);
	d.type = "doc";
	d.data = (const unsigned char *)"%PDF-1.7 and more";
	assert_int_equal(gk_format_doc.bid(&d), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_match_html),
		cmocka_unit_test(test_seed000_by_hand),
		cmocka_unit_test(test_bid),
	};

	return cmocka_run_group_tests_name("extract_doc_cells", tests, NULL,
	    NULL);
}
