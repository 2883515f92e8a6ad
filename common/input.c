/*
 * input.c: is this a record stream, and what did it hold (input.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "log.h"

#define PEEK 4096

const char *
gk_input_looks(const unsigned char *p, size_t n)
{
	const unsigned char *nl;
	size_t i;

	if (n == 0)
		return NULL;
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return "a PDF document";
	if (n >= 4 && memcmp(p, "PK\3\4", 4) == 0)
		return "a Word or Excel document (.docx, .xlsx)";
	if (n >= 8 && memcmp(p, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return "an old Word, Excel or WPS document (.doc, .xls, .wps)";
	if (n >= 4 && memcmp(p, "OFD", 3) == 0)
		return "an OFD document";
	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	for (i = 0; i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
	    p[i] == '\n'); i++)
		continue;
	if (i < n && p[i] == '<')
		return "an HTML or XML page";
	/* the first line only: a NUL in a later line is that line's fault,
	 * for the reader to name */
	if (memchr(p, '\0', (nl = memchr(p, '\n', n)) != NULL ?
	    (size_t)(nl - p) : n) != NULL)
		return "binary data";
	if (p[0] == '#')
		return NULL;	/* a comment */
	/* A record: a type name of lower-case letters, then a tab. */
	for (i = 0; i < n && ((p[i] >= 'a' && p[i] <= 'z') ||
	    (p[i] >= '0' && p[i] <= '9') || p[i] == '_') && i < 32; i++)
		continue;
	if (i == n)
		return NULL;	/* cut short: let the reader judge */
	if (i > 0 && p[i] == '\t')
		return NULL;
	if (n >= 5 && memcmp(p, "%!PS", 4) == 0)
		return "a PostScript document";
	return "text that is not records";
}

void
gk_input_start(struct gk_reader *rd, FILE *fp, const char *name)
{
	unsigned char buf[PEEK];
	const char *what;
	size_t n = 0;
	ssize_t r;

	/* Nothing is in fp's buffer yet: read(2) the fd itself, and stop at
	 * the first newline so that a slow writer is not waited on. */
	while (n < sizeof(buf)) {
		r = read(fileno(fp), buf + n, sizeof(buf) - n);
		if (r == -1 && errno == EINTR)
			continue;
		if (r == -1)
			gk_fatal(name, "read error: %s", strerror(errno));
		if (r == 0)
			break;
		n += (size_t)r;
		if (memchr(buf, '\n', n) != NULL || n >= 512)
			break;
	}
	if ((what = gk_input_looks(buf, n)) == NULL)
		;
	else if (strncmp(what, "text", 4) == 0)
		gk_fatal(name, "not a gk record stream (its first line is not "
		    "a record: a type name, a tab, the fields)");
	else
		gk_fatal(name, "not a gk record stream (it looks like %s: give "
		    "documents to gk-fetch first)", what);
	if (n > 0 && gk_reader_feed(rd, (const char *)buf, n) == -1)
		gk_fatal(name, "out of memory");
}

void
gk_tally_add(struct gk_tally *t, const struct gk_rec *r)
{
	/* group records only mark where a report's records begin */
	if ((int)r->type >= 0 && r->type <= GK_COMMENT && r->type != GK_GROUP)
		t->n[r->type]++;
}

unsigned long
gk_tally_records(const struct gk_tally *t)
{
	unsigned long s = 0;
	int i;

	for (i = 0; i < GK_COMMENT; i++)
		s += t->n[i];
	return s;
}

const char *
gk_tally_text(const struct gk_tally *t, char *buf, size_t size)
{
	size_t len = 0;
	int i, k;

	buf[0] = '\0';
	for (i = 0; i < GK_COMMENT && len < size; i++) {
		if (t->n[i] == 0)
			continue;
		k = snprintf(buf + len, size - len, "%s%lu %s", len ? ", " : "",
		    t->n[i], i == GK_UNKNOWN ? "lines of other types" :
		    gk_rectype_name((enum gk_rectype)i));
		if (k < 0)
			break;
		len += (size_t)k;
	}
	return buf;
}

const char *
gk_tally_source(const struct gk_tally *t)
{
	if (t->n[GK_REPORT] + t->n[GK_METRIC] + t->n[GK_CHECK] > 0)
		return "gk-transform";
	if (t->n[GK_PARA] + t->n[GK_CELL] > 0)
		return "gk-extract";
	if (t->n[GK_DOC] > 0)
		return "gk-fetch";
	return NULL;
}
