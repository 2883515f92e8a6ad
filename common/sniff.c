/*
 * sniff.c: TYPE from magic bytes.
 */
#include <stdint.h>
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
	if (HAS(p, n, "OFD.xml"))
		return "ofd";	/* GB/T 33190: the entry file of the package */
	return "other";
}

/* ---- OLE2 (Compound File Binary): the names of the root's streams ---- */

#define CFB_END		0xFFFFFFFEu
#define CFB_MAXDIR	4096	/* directory entries looked at */

static uint32_t
le32(const unsigned char *q)
{
	return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
	    (uint32_t)q[3] << 24;
}

struct cfb {
	const unsigned char *p;
	size_t n, ssz;
};

/* Sector s, or NULL when it lies outside the file. */
static const unsigned char *
cfb_sector(const struct cfb *c, uint32_t s)
{
	if (s >= CFB_END - 5 || ((size_t)s + 2) * c->ssz > c->n)
		return NULL;
	return c->p + ((size_t)s + 1) * c->ssz;
}

/* The FAT entry of sector s (the next sector of its chain). */
static uint32_t
cfb_next(const struct cfb *c, uint32_t s)
{
	size_t per = c->ssz / 4, k = s / per;
	const unsigned char *f;

	if (k >= 109)	/* past the header's DIFAT: not needed to sniff */
		return CFB_END;
	if ((f = cfb_sector(c, le32(c->p + 0x4C + k * 4))) == NULL)
		return CFB_END;
	return le32(f + (s % per) * 4);
}

/* Directory entry i (128 bytes), or NULL. */
static const unsigned char *
cfb_entry(const struct cfb *c, uint32_t i)
{
	uint32_t s = le32(c->p + 0x30), per = (uint32_t)(c->ssz / 128), k;
	const unsigned char *q;

	for (k = 0; k < i / per; k++)
		if ((s = cfb_next(c, s)) >= CFB_END - 5)
			return NULL;
	if ((q = cfb_sector(c, s)) == NULL)
		return NULL;
	return q + (i % per) * 128;
}

/* Does entry e hold the name (ASCII, matched without case)? */
static int
cfb_named(const unsigned char *e, const char *name)
{
	size_t m = strlen(name), k;
	unsigned len = (unsigned)(e[64] | e[65] << 8);

	if (len != (m + 1) * 2)
		return 0;
	for (k = 0; k < m; k++)
		if (e[2 * k + 1] != 0 || (e[2 * k] | 0x20) != (name[k] | 0x20))
			return 0;
	return 1;
}

/*
 * Bit 1: a WordDocument stream, 2: Workbook or Book, 4: WpsCustomData,
 * among the root storage's children (a Word file embedded in a workbook
 * sits deeper and does not count).  -1 when the directory cannot be
 * walked (a cut or damaged file).
 */
static int
cfb_streams(const struct cfb *c)
{
	uint32_t stack[64], i;
	const unsigned char *e;
	int sp = 0, seen = 0, found = 0;

	if ((e = cfb_entry(c, 0)) == NULL || e[66] != 5)
		return -1;
	if ((i = le32(e + 76)) >= CFB_MAXDIR)
		return i == 0xFFFFFFFFu ? 0 : -1;
	stack[sp++] = i;
	while (sp > 0) {
		i = stack[--sp];
		if (++seen > CFB_MAXDIR || (e = cfb_entry(c, i)) == NULL)
			return -1;
		if (cfb_named(e, "WordDocument"))
			found |= 1;
		else if (cfb_named(e, "Workbook") || cfb_named(e, "Book"))
			found |= 2;
		else if (cfb_named(e, "WpsCustomData"))
			found |= 4;
		for (int side = 68; side <= 72; side += 4) {
			uint32_t j = le32(e + side);

			if (j == 0xFFFFFFFFu)
				continue;
			if (j >= CFB_MAXDIR || sp == 64)
				return -1;
			stack[sp++] = j;
		}
	}
	return found;
}

static const char *
sniff_ole2(const unsigned char *p, size_t n)
{
	struct cfb c;
	unsigned shift;
	int f = -1;

	shift = n >= 512 ? (unsigned)(p[0x1E] | p[0x1F] << 8) : 0;
	if (shift == 9 || shift == 12) {
		c.p = p;
		c.n = n;
		c.ssz = (size_t)1 << shift;
		f = cfb_streams(&c);
	}
	if (f < 0) {
		/* No walkable directory (a cut file): any entry name will do,
		 * so that the reader says what is wrong.  Names are UTF-16LE. */
		f = 0;
		if (HAS(p, n, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0"))
			f |= 1;
		if (HAS(p, n, "W\0o\0r\0k\0b\0o\0o\0k\0") ||
		    HAS(p, n, "B\0o\0o\0k\0\0\0"))
			f |= 2;
		if (HAS(p, n, "W\0p\0s\0C\0u\0s\0t\0o\0m\0"))
			f |= 4;
	}
	if (f & 1)
		return "doc";	/* Word 97-2003, whoever wrote it (WPS too) */
	if (f & 2)
		return "xls";	/* BIFF: Excel, WPS Spreadsheets' .et */
	if (f & 4)
		return "wps";	/* WPS's own data, no Word text */
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
