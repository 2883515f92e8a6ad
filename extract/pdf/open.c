/*
 * open.c: open a PDF from memory with MuPDF, under a budget of memory and
 * time (pdf.h).  Every MuPDF call runs under fz_try: MuPDF reports errors
 * by longjmp, and none may escape into the rest of gk.
 *
 * - Memory: the context allocates through alloc_*, which count the bytes
 *   held (a header before each block keeps its size) and refuse a block
 *   that would take the count past the cap.  MuPDF then empties its store
 *   and tries again, and throws when that is not enough.
 * - Time: MuPDF reads the file through a stream of ours that hands it the
 *   bytes in slices of SLICE (no copy); each refill, and every GK_PDF_TICKS
 *   drawing calls of a page (device.c), reads the process CPU clock.  Past
 *   the deadline the cookie's abort is set (the interpreter stops at the
 *   next operator) and MuPDF is thrown out of whatever it is doing: a
 *   content stream inflating to gigabytes of white space stops in its
 *   lexer, which never returns to the interpreter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mupdf/pdf.h>

#include "common/bounds.h"
#include "extract/pdf/pdf.h"

#define SLICE		4096	/* bytes of the file per refill: a refill
				   per ~4 MB of the worst deflate bomb */
#define GK_PDF_TICKS	256	/* drawing calls between clock reads */
#define HDR		16	/* block header: keeps malloc's alignment */
#define STORE_MAX	(32u << 20)	/* MuPDF's cache of decoded objects */

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- the counting allocator ---- */

static void *
alloc_malloc(void *user, size_t n)
{
	struct gk_pdf_budget *b = user;
	unsigned char *p;

	if (n > b->max_mem - b->used) {
		b->over_mem = 1;
		return NULL;
	}
	if ((p = malloc(n + HDR)) == NULL)
		return NULL;
	memcpy(p, &n, sizeof(n));
	b->used += n;
	if (b->used > b->peak)
		b->peak = b->used;
	return p + HDR;
}

static void
alloc_free(void *user, void *ptr)
{
	struct gk_pdf_budget *b = user;
	unsigned char *p;
	size_t n;

	if (ptr == NULL)
		return;
	p = (unsigned char *)ptr - HDR;
	memcpy(&n, p, sizeof(n));
	b->used -= n;
	free(p);
}

static void *
alloc_realloc(void *user, void *old, size_t n)
{
	struct gk_pdf_budget *b = user;
	unsigned char *p, *q;
	size_t o;

	if (old == NULL)
		return alloc_malloc(user, n);
	if (n == 0) {
		alloc_free(user, old);
		return NULL;
	}
	p = (unsigned char *)old - HDR;
	memcpy(&o, p, sizeof(o));
	if (n > o && n - o > b->max_mem - b->used) {
		b->over_mem = 1;
		return NULL;
	}
	if ((q = realloc(p, n + HDR)) == NULL)
		return NULL;
	memcpy(q, &n, sizeof(n));
	b->used = b->used - o + n;
	if (b->used > b->peak)
		b->peak = b->used;
	return q + HDR;
}

/* ---- time ---- */

void
gk_pdf_budget_start(struct gk_pdf_doc *pd)
{
	struct gk_pdf_budget *b = pd->budget;

	b->deadline = cpu_now() + b->seconds;
	b->over_time = 0;
	b->ticks = 0;
	pd->cookie.abort = 0;
}

static void
budget_check(fz_context *ctx, struct gk_pdf_budget *b)
{
	if (!b->over_time && cpu_now() > b->deadline) {
		b->over_time = 1;
		if (b->cookie != NULL)
			b->cookie->abort = 1;
	}
	if (b->over_time)
		fz_throw(ctx, FZ_ERROR_ABORT, "the time budget ran out");
}

void
gk_pdf_budget_tick(fz_context *ctx, struct gk_pdf_budget *b)
{
	if (b->over_time || ++b->ticks % GK_PDF_TICKS == 0)
		budget_check(ctx, b);
}

/* ---- the file, in slices ---- */

struct slices {
	const unsigned char *p;
	size_t len;
	struct gk_pdf_budget *b;
};

static int
slices_next(fz_context *ctx, fz_stream *stm, size_t max)
{
	struct slices *s = stm->state;
	size_t n;

	(void)max;
	budget_check(ctx, s->b);
	if (stm->pos < 0 || (size_t)stm->pos >= s->len)
		return EOF;
	n = s->len - (size_t)stm->pos;
	if (n > SLICE)
		n = SLICE;
	stm->rp = (unsigned char *)s->p + stm->pos;
	stm->wp = stm->rp + n;
	stm->pos += (int64_t)n;
	return *stm->rp++;
}

static void
slices_seek(fz_context *ctx, fz_stream *stm, int64_t off, int whence)
{
	struct slices *s = stm->state;
	int64_t at;

	(void)ctx;
	if (whence == SEEK_END)
		at = (int64_t)s->len + off;
	else if (whence == SEEK_CUR)
		at = stm->pos - (stm->wp - stm->rp) + off;
	else
		at = off;
	if (at < 0)
		at = 0;
	if (at > (int64_t)s->len)
		at = (int64_t)s->len;
	stm->pos = at;
	stm->rp = stm->wp = (unsigned char *)s->p + at;
}

static void
slices_drop(fz_context *ctx, void *state)
{
	fz_free(ctx, state);
}

static fz_stream *
open_slices(fz_context *ctx, const unsigned char *p, size_t len,
    struct gk_pdf_budget *b)
{
	struct slices *s;
	fz_stream *stm;

	s = fz_malloc_struct(ctx, struct slices);
	s->p = p;
	s->len = len;
	s->b = b;
	/* on failure fz_new_stream drops s itself */
	stm = fz_new_stream(ctx, s, slices_next, slices_drop);
	stm->seek = slices_seek;
	stm->rp = stm->wp = (unsigned char *)p;
	return stm;
}

/* ---- opening ---- */

int
gk_pdf_magic(const unsigned char *p, size_t n)
{
	size_t i;

	if (n > 1024)
		n = 1024;
	for (i = 0; i + 5 <= n; i++)
		if (memcmp(p + i, "%PDF-", 5) == 0)
			return 1;
	return 0;
}

/* A positive number from the environment, else dflt (tests lower them). */
static double
env_limit(const char *name, double dflt)
{
	const char *s = getenv(name);
	char *end;
	double v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtod(s, &end);
	return *end == '\0' && v > 0 && v < 1e9 ? v : dflt;
}

enum gk_err
gk_pdf_failure(const struct gk_pdf_doc *pd, enum gk_err dflt, char *msg,
    size_t msgsize)
{
	const struct gk_pdf_budget *b = pd->budget;

	if (b == NULL)
		return dflt;
	if (b->over_mem) {
		snprintf(msg, msgsize, "MuPDF needs more than the limit of "
		    "%zu MB of memory for it", b->max_mem >> 20);
		return GK_E_TOO_BIG;
	}
	if (b->over_time) {
		snprintf(msg, msgsize, "reading it takes more than the limit of "
		    "%.3g s of CPU time", b->seconds);
		return GK_E_TIMEOUT;
	}
	return dflt;
}

void
gk_pdf_close(struct gk_pdf_doc *pd)
{
	if (pd->ctx != NULL) {
		fz_try(pd->ctx)
			fz_drop_document(pd->ctx, pd->doc);
		fz_catch(pd->ctx) {
			/* nothing more to free */
		}
		fz_drop_context(pd->ctx);
	}
	free(pd->budget);
	memset(pd, 0, sizeof(*pd));
}

enum gk_err
gk_pdf_open(struct gk_pdf_doc *pd, const unsigned char *data, size_t len,
    char *msg, size_t msgsize)
{
	fz_alloc_context alloc;
	struct gk_pdf_budget *b;
	fz_stream *stm = NULL;
	fz_context *ctx;
	enum gk_err err = GK_E_OK;

	memset(pd, 0, sizeof(*pd));
	if ((b = calloc(1, sizeof(*b))) == NULL) {
		snprintf(msg, msgsize, "no memory for MuPDF");
		return GK_E_NOMEM;
	}
	b->max_mem = (size_t)env_limit("GK_PDF_MEGABYTES",
	    GK_MAX_PDF_MEMORY >> 20) << 20;
	b->seconds = env_limit("GK_PDF_SECONDS", GK_MAX_PDF_SECONDS);
	b->cookie = &pd->cookie;
	pd->budget = b;
	alloc.user = b;
	alloc.malloc = alloc_malloc;
	alloc.realloc = alloc_realloc;
	alloc.free = alloc_free;
	if ((ctx = fz_new_context(&alloc, NULL, STORE_MAX)) == NULL) {
		free(b);
		pd->budget = NULL;
		snprintf(msg, msgsize, "no memory for MuPDF");
		return GK_E_NOMEM;
	}
	pd->ctx = ctx;
	/* Warnings about repaired files are not ours to print. */
	fz_set_warning_callback(ctx, NULL, NULL);
	fz_set_error_callback(ctx, NULL, NULL);
	gk_pdf_budget_start(pd);
	fz_var(stm);
	fz_var(err);
	fz_try(ctx) {
		stm = open_slices(ctx, data, len, b);
		pd->doc = (fz_document *)pdf_open_document_with_stream(ctx, stm);
		if (fz_needs_password(ctx, pd->doc)) {
			err = GK_E_ENCRYPTED;
			snprintf(msg, msgsize, "the PDF needs a password");
		} else {
			pd->npages = fz_count_pages(ctx, pd->doc);
			if (pd->npages > GK_MAX_PAGES) {
				err = GK_E_TOO_MANY;
				snprintf(msg, msgsize, "%d pages, more than "
				    "the limit of %d", pd->npages, GK_MAX_PAGES);
			} else if (pd->npages <= 0) {
				err = GK_E_CORRUPT;
				snprintf(msg, msgsize, "the PDF has no pages");
			}
		}
	}
	fz_always(ctx)
		fz_drop_stream(ctx, stm);
	fz_catch(ctx) {
		snprintf(msg, msgsize, "MuPDF cannot open it: %s",
		    fz_caught_message(ctx));
		err = gk_pdf_failure(pd, GK_E_CORRUPT, msg, msgsize);
	}
	if (err != GK_E_OK)
		gk_pdf_close(pd);
	return err;
}
