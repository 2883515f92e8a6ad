/*
 * pending.c: report pages that wait for their attachments.
 *
 * A report published only as a file has a short page of its own (title,
 * 发布日期, 来源, a 附件 link, no tables); the tables are in the attachment.
 * The documents of one PAGE normally arrive together, but a crawl may split
 * them (an attachment queued by another page, transfers ending in any
 * order).  A group of documents none of which matches a template is
 * therefore not an error yet: its versions (metadata only, their text is
 * read and freed) wait here until a later group of the same PAGE brings a
 * template, which makes them part of that report, or until the input ends,
 * which makes them no_template errors.  Pages already reported are
 * remembered (a hash each) so that a page arriving after its attachment is
 * not an error either.  Both tables are bounded: the oldest waiting page
 * gives its errors when the table is full, and the reported set stops
 * growing when full.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/rec.h"
#include "tx.h"

#define PEND_MAX	TX_PENDING_MAX
#define SEEN_SLOTS	(1u << 16)	/* reported pages, open addressing */

static struct tx_version *pend[PEND_MAX];
static int npend;
static uint64_t seen[SEEN_SLOTS];
static unsigned nseen;

static uint64_t
page_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h != 0 ? h : 1;	/* 0 marks an empty slot */
}

void
tx_reported_mark(const char *page)
{
	uint64_t h = page_hash(page);
	unsigned i = (unsigned)h & (SEEN_SLOTS - 1);

	if (nseen >= SEEN_SLOTS / 4 * 3)
		return;		/* full: later pages are not remembered */
	while (seen[i] != 0 && seen[i] != h)
		i = (i + 1) & (SEEN_SLOTS - 1);
	if (seen[i] == 0) {
		seen[i] = h;
		nseen++;
	}
}

int
tx_reported(const char *page)
{
	uint64_t h = page_hash(page);
	unsigned i = (unsigned)h & (SEEN_SLOTS - 1);

	while (seen[i] != 0) {
		if (seen[i] == h)
			return 1;
		i = (i + 1) & (SEEN_SLOTS - 1);
	}
	return 0;
}

int
tx_no_template(FILE *out, struct tx_version **v, int n)
{
	int i, j, rc = 0;

	for (i = 0; i < n; i++) {
		/* one error a document, whatever its readings */
		for (j = 0; j < i && strcmp(v[j]->doc, v[i]->doc) != 0; j++)
			;
		if (j < i)
			continue;
		if (!v[i]->failed) {
			gk_emit(out, GK_ERROR, v[i]->doc, "transform",
			    "no_template", v[i]->missing);
			rc = 1;
		}
	}
	return rc;
}

static void
free_all(struct tx_version **v, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		tx_version_free(v[i]);
		free(v[i]);
	}
}

/* The oldest waiting page gives its errors and leaves. */
static int
evict(FILE *out)
{
	static struct tx_version *g[PEND_MAX];
	int n, rc;

	n = tx_pending_take(pend[0]->page, g, PEND_MAX);
	rc = tx_no_template(out, g, n);
	free_all(g, n);
	return rc;
}

int
tx_pending_add(FILE *out, struct tx_version *v)
{
	int rc = 0;

	while (npend >= PEND_MAX)
		rc |= evict(out);
	pend[npend++] = v;
	return rc;
}

int
tx_pending_take(const char *page, struct tx_version **v, int max)
{
	int i, n = 0;

	for (i = 0; i < npend;) {
		if (strcmp(pend[i]->page, page) == 0 && n < max) {
			v[n++] = pend[i];
			memmove(&pend[i], &pend[i + 1], sizeof(pend[0]) *
			    (size_t)(npend - i - 1));
			npend--;
		} else
			i++;
	}
	return n;
}

int
tx_pending_flush(FILE *out)
{
	int rc = 0;

	while (npend > 0)
		rc |= evict(out);
	return rc;
}

void
tx_pending_reset(void)
{
	int i;

	for (i = 0; i < npend; i++) {
		tx_version_free(pend[i]);
		free(pend[i]);
	}
	npend = 0;
	memset(seen, 0, sizeof(seen));
	nseen = 0;
}
