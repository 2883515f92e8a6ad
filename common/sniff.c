/*
 * sniff.c: TYPE from magic bytes.
 */
#include <string.h>
#include <strings.h>

#include "sniff.h"

static int
has(const unsigned char *p, size_t n, const char *needle, size_t m)
{
	if (n < m)	/* also keeps an empty file's NULL from memmem */
		return 0;
	return memmem(p, n, needle, m) != NULL;
}

#define HAS(p, n, lit) has(p, n, lit, sizeof(lit) - 1)

static const char *
sniff_zip(const unsigned char *p, size_t n)
{
	/* Member names are stored uncompressed in the local headers and in
	 * the central directory. */
	if (HAS(p, n, "word/document.xml"))
		return "docx";
	if (HAS(p, n, "xl/workbook.xml"))
		return "xlsx";
	return "other";
}

static const char *
sniff_ole2(const unsigned char *p, size_t n)
{
	/* Directory entry names are UTF-16LE. */
	if (HAS(p, n, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"))
		return "doc";
	if (HAS(p, n, "W\0o\0r\0k\0b\0o\0o\0k\0") ||
	    HAS(p, n, "B\0o\0o\0k\0\0\0"))
		return "xls";
	if (HAS(p, n, "W\0p\0s\0") || HAS(p, n, "W\0P\0S\0"))
		return "wps";
	return "other";
}

static int
looks_html(const unsigned char *p, size_t n)
{
	static const char *tags[] = { "<html", "<!doctype html", "<head",
	    "<body", "<table", "<meta", "<title", "<div", "<p>", "<p ",
	    "<!--", NULL };
	size_t i = 0, lim, k;

	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
	    p[i] == '\n'))
		i++;
	if (i >= n || p[i] != '<')
		return 0;
	lim = n - i < 1024 ? n - i : 1024;
	for (k = 0; tags[k] != NULL; k++) {
		size_t m = strlen(tags[k]), j;

		for (j = 0; j + m <= lim; j++)
			if (strncasecmp((const char *)p + i + j, tags[k], m) == 0)
				return 1;
	}
	return 0;
}

const char *
gk_sniff(const unsigned char *p, size_t n)
{
	static const unsigned char ole2[] = { 0xD0, 0xCF, 0x11, 0xE0,
	    0xA1, 0xB1, 0x1A, 0xE1 };

	if (n >= 4 && memcmp(p, "PK\3\4", 4) == 0)
		return sniff_zip(p, n);
	if (n >= 8 && memcmp(p, ole2, 8) == 0)
		return sniff_ole2(p, n);
	if (has(p, n < 1024 ? n : 1024, "%PDF-", 5))
		return "pdf";
	if (looks_html(p, n))
		return "html";
	return "other";
}
