/*
 * stream.c: gathering the transform's stream and merging it into the data.
 */
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/rec.h"
#include "stream.h"

enum { D_DOC, D_URL, D_PAGE, D_SHA256, D_NCOL };

static const char *const report_in[] = { "REPORT", "PAGE", "AGENCY", "YEAR",
	"TEMPLATE", "SOURCE", "STATUS", "TITLE", "PUBLISHED" };
static const char *const metric_in[] = { "REPORT", "METRIC", "VALUE", "UNIT",
	"RAW", "FLAGS", "DOC" };
static const char *const check_in[] = { "REPORT", "CHECK", "WHERE",
	"EXPECTED", "FOUND" };
static const char *const error_in[] = { "DOC", "STAGE", "CODE", "MESSAGE" };
static const char *const doc_in[] = { "DOC", "URL", "PAGE", "SHA256" };

#define NELEM(a) ((int)(sizeof(a) / sizeof((a)[0])))

void
stream_init(struct stream *s)
{
	memset(s, 0, sizeof(*s));
	table_init(&s->reports, "report", report_in, NELEM(report_in));
	table_init(&s->metrics, "metric", metric_in, NELEM(metric_in));
	table_init(&s->checks, "check", check_in, NELEM(check_in));
	table_init(&s->errors, "error", error_in, NELEM(error_in));
	table_init(&s->docs, "doc", doc_in, NELEM(doc_in));
}

void
stream_free(struct stream *s)
{
	table_free(&s->reports);
	table_free(&s->metrics);
	table_free(&s->checks);
	table_free(&s->errors);
	table_free(&s->docs);
}

int
stream_read(struct stream *s, FILE *fp, const char *name)
{
	struct gk_reader *rd;
	struct gk_rec rec;
	enum gk_read_result res;
	struct table *t;
	const char *f[D_NCOL];
	int rv = 0;

	if ((rd = gk_reader_new(name, GK_MAX_LINE)) == NULL) {
		gk_warn(name, "out of memory");
		return -1;
	}
	gk_input_start(rd, fp, name);
	gk_progress_input(fp);
	while ((res = gk_read(rd, fp, &rec)) != GK_READ_EOF) {
		if (res == GK_READ_BAD) {
			gk_warn(NULL, "%s", gk_reader_error(rd));
			s->bad++;
			continue;
		}
		if (res != GK_READ_REC)
			continue;
		gk_tally_add(&s->tally, &rec);
		if (gk_progress_on() && gk_tally_records(&s->tally) % 512 == 0)
			gk_progress_update(gk_tally_records(&s->tally), 0, NULL);
		switch (rec.type) {
		case GK_REPORT:
			t = &s->reports;
			break;
		case GK_METRIC:
			t = &s->metrics;
			break;
		case GK_CHECK:
			t = &s->checks;
			break;
		case GK_ERROR:
			t = &s->errors;
			break;
		case GK_DOC:
			f[D_DOC] = rec.f[DOC_ID];
			f[D_URL] = rec.f[DOC_URL];
			f[D_PAGE] = rec.f[DOC_PAGE];
			f[D_SHA256] = rec.f[DOC_SHA256];
			if (table_add(&s->docs, f) == -1)
				goto nomem;
			continue;
		default:	/* para, cell, note, unknown, comments */
			continue;
		}
		if (table_add(t, (const char *const *)&rec.f[1]) == -1)
			goto nomem;
	}
	if (ferror(fp)) {
		gk_warn(name, "read error");
		rv = -1;
	}
	gk_reader_free(rd);
	return rv;
nomem:
	gk_warn(name, "out of memory");
	gk_reader_free(rd);
	return -1;
}

/* The last row given for key (a later report record wins). */
static const struct row *
last(const struct idx *x, const char *key)
{
	const struct row **r;
	size_t n;

	if ((r = idx_find(x, key, &n)) == NULL)
		return NULL;
	return r[n - 1];
}

struct drop {
	struct idx *reports;	/* of the stream: by REPORT */
	struct idx *docs[4];	/* DOC ids the stream speaks of */
	int ndocs;
};

static int
drop_report(const struct row *r, void *arg)
{
	struct drop *d = arg;
	size_t n;

	return idx_find(d->reports, r->f[0], &n) != NULL;
}

static int
drop_check(const struct row *r, void *arg)
{
	return strcmp(r->f[C_CHECK], "carry_chain") == 0 || drop_report(r, arg);
}

static int
drop_error(const struct row *r, void *arg)
{
	struct drop *d = arg;
	size_t n;
	int i;

	for (i = 0; i < d->ndocs; i++)
		if (idx_find(d->docs[i], r->f[E_DOC], &n) != NULL)
			return 1;
	return 0;
}

/* Warn once per REPORT that has values but no report record. */
static void
orphan(struct stream *s, const char *what, const char *report,
    const char **told)
{
	if (*told != NULL && strcmp(*told, report) == 0)
		return;
	gk_warn(report, "%s for a report the stream never describes (no "
	    "report record): dropped", what);
	*told = report;
	s->bad++;
}

int
stream_merge(struct stream *s, struct dataset *d)
{
	struct idx rep, docs, errdocs, metdocs, srcdocs;
	struct drop dr;
	const struct row *r, *doc;
	const char *f[16], *told = NULL;
	size_t i;
	int rv = -1;

	memset(&rep, 0, sizeof(rep));
	memset(&docs, 0, sizeof(docs));
	memset(&errdocs, 0, sizeof(errdocs));
	memset(&metdocs, 0, sizeof(metdocs));
	memset(&srcdocs, 0, sizeof(srcdocs));
	if (idx_build(&rep, &s->reports, 0) == -1 ||
	    idx_build(&docs, &s->docs, D_DOC) == -1 ||
	    idx_build(&errdocs, &s->errors, 0) == -1 ||
	    idx_build(&metdocs, &s->metrics, 6) == -1 ||
	    idx_build(&srcdocs, &s->reports, 5) == -1)
		goto out;

	dr.reports = &rep;
	dr.docs[0] = &docs;
	dr.docs[1] = &errdocs;
	dr.docs[2] = &metdocs;
	dr.docs[3] = &srcdocs;
	dr.ndocs = 4;
	table_filter(&d->reports, drop_report, &dr);
	table_filter(&d->metrics, drop_report, &dr);
	table_filter(&d->checks, drop_check, &dr);
	table_filter(&d->errors, drop_error, &dr);

	/* Reports: one row per REPORT, its last record. */
	for (i = 0; i < s->reports.n; i++) {
		r = s->reports.rows[i];
		if (last(&rep, r->f[0]) != r)
			continue;
		doc = last(&docs, r->f[5]);
		f[R_REPORT] = r->f[0];
		f[R_AGENCY] = r->f[2];
		f[R_YEAR] = r->f[3];
		f[R_TEMPLATE] = r->f[4];
		f[R_STATUS] = r->f[6];
		f[R_TITLE] = r->f[7];
		f[R_PUBLISHED] = r->f[8];
		f[R_PAGE] = r->f[1];
		f[R_SOURCE] = r->f[5];
		f[R_URL] = doc ? doc->f[D_URL] : "";
		f[R_SHA256] = doc ? doc->f[D_SHA256] : "";
		if (table_add(&d->reports, f) == -1)
			goto out;
	}
	for (i = 0; i < s->metrics.n; i++) {
		const struct row *m = s->metrics.rows[i];

		if ((r = last(&rep, m->f[0])) == NULL) {
			orphan(s, "metric", m->f[0], &told);
			continue;
		}
		/* Provenance: the document the value was read from. */
		if ((doc = last(&docs, m->f[6])) == NULL)
			doc = last(&docs, r->f[5]);
		f[M_REPORT] = m->f[0];
		f[M_AGENCY] = r->f[2];
		f[M_YEAR] = r->f[3];
		f[M_TEMPLATE] = r->f[4];
		f[M_METRIC] = m->f[1];
		f[M_VALUE] = m->f[2];
		f[M_UNIT] = m->f[3];
		f[M_RAW] = m->f[4];
		f[M_FLAGS] = m->f[5];
		f[M_DOC] = m->f[6];
		f[M_PAGE] = r->f[1];
		f[M_SHA256] = doc ? doc->f[D_SHA256] : "";
		if (table_add(&d->metrics, f) == -1)
			goto out;
	}
	told = NULL;
	for (i = 0; i < s->checks.n; i++) {
		const struct row *c = s->checks.rows[i];

		if ((r = last(&rep, c->f[0])) == NULL) {
			orphan(s, "check", c->f[0], &told);
			continue;
		}
		f[C_REPORT] = c->f[0];
		f[C_AGENCY] = r->f[2];
		f[C_YEAR] = r->f[3];
		f[C_TEMPLATE] = r->f[4];
		f[C_CHECK] = c->f[1];
		f[C_WHERE] = c->f[2];
		f[C_EXPECTED] = c->f[3];
		f[C_FOUND] = c->f[4];
		if (table_add(&d->checks, f) == -1)
			goto out;
	}
	for (i = 0; i < s->errors.n; i++) {
		const struct row *e = s->errors.rows[i];

		doc = last(&docs, e->f[0]);
		f[E_DOC] = e->f[0];
		f[E_URL] = doc ? doc->f[D_URL] : "";
		f[E_PAGE] = doc ? doc->f[D_PAGE] : "";
		f[E_SHA256] = doc ? doc->f[D_SHA256] : "";
		f[E_STAGE] = e->f[1];
		f[E_CODE] = e->f[2];
		f[E_MESSAGE] = e->f[3];
		if (table_add(&d->errors, f) == -1)
			goto out;
	}
	rv = 0;
out:
	if (rv == -1)
		gk_warn(NULL, "out of memory");
	idx_free(&rep);
	idx_free(&docs);
	idx_free(&errdocs);
	idx_free(&metdocs);
	idx_free(&srcdocs);
	return rv;
}
