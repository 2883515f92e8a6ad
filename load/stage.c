/*
 * stage.c: reading the transform's stream into the staging database.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "common/log.h"
#include "common/progress.h"
#include "common/rec.h"
#include "common/zh.h"
#include "stage.h"

#define ID_MAX 64
#define NAME_MAX_BYTES 512
#define TEXT_MAX_BYTES 8192

enum { S_DOC, S_LISTING, S_ERROR, S_REPORT, S_METRIC, S_CHECK };

static const char schema[] =
"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
"PRAGMA cache_size = -4096;"
"CREATE TABLE s_doc (seq INTEGER PRIMARY KEY, doc TEXT, url TEXT,"
" page TEXT, sha256 TEXT, bytes TEXT, doc_type TEXT, title TEXT,"
" agency TEXT, published TEXT, fetched TEXT, status TEXT);"
"CREATE TABLE s_listing (seq INTEGER PRIMARY KEY, url TEXT, agency TEXT);"
"CREATE TABLE s_error (seq INTEGER PRIMARY KEY, doc TEXT, stage TEXT,"
" code TEXT, message TEXT);"
"CREATE TABLE s_report (seq INTEGER PRIMARY KEY, copy TEXT, page TEXT,"
" agency TEXT, year TEXT, template TEXT, source TEXT, status TEXT,"
" title TEXT, published TEXT);"
"CREATE TABLE s_metric (seq INTEGER PRIMARY KEY, copy TEXT, metric TEXT,"
" value TEXT, unit TEXT, raw TEXT, flags TEXT, doc TEXT, at_seq TEXT,"
" at_table TEXT, at_row TEXT, at_col TEXT, at_page TEXT);"
"CREATE TABLE s_check (seq INTEGER PRIMARY KEY, copy TEXT, name TEXT,"
" location TEXT, expected TEXT, found TEXT, message TEXT);";

static const char *const ins_sql[] = {
	[S_DOC] = "INSERT INTO s_doc VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
	[S_LISTING] = "INSERT INTO s_listing VALUES (?,?,?)",
	[S_ERROR] = "INSERT INTO s_error VALUES (?,?,?,?,?)",
	[S_REPORT] = "INSERT INTO s_report VALUES (?,?,?,?,?,?,?,?,?,?)",
	[S_METRIC] = "INSERT INTO s_metric VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[S_CHECK] = "INSERT INTO s_check VALUES (?,?,?,?,?,?,?)",
};

int
stage_open(struct stage *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	/* "": a private database in a temporary file, gone when closed */
	if ((s->db = db_open("", 1)) == NULL)
		return -1;
	if (db_exec(s->db, schema) == -1 || db_exec(s->db, "BEGIN") == -1)
		goto bad;
	for (i = 0; i < sizeof(ins_sql) / sizeof(ins_sql[0]); i++)
		if ((s->ins[i] = db_prep(s->db, ins_sql[i])) == NULL)
			goto bad;
	return 0;
bad:
	stage_close(s);
	return -1;
}

void
stage_close(struct stage *s)
{
	size_t i;

	for (i = 0; i < sizeof(s->ins) / sizeof(s->ins[0]); i++)
		sqlite3_finalize(s->ins[i]);
	db_close(s->db);
	memset(s, 0, sizeof(*s));
}

/* ---- what a good field is ---- */

const char *
stage_bad_id(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0)
		return "is empty";
	if (n > ID_MAX)
		return "is longer than 64 characters";
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && strchr("._:-", s[i]) == NULL)
			return "holds a character other than letters, digits "
			    "and . _ : -";
	return NULL;
}

const char *
stage_bad_year(const char *s)
{
	long y;

	if (*s == '\0')
		return NULL;		/* not known: allowed */
	if (strlen(s) != 4 || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || !isdigit((unsigned char)s[2]) ||
	    !isdigit((unsigned char)s[3]))
		return "is not a year (four digits)";
	y = strtol(s, NULL, 10);
	if (y < 1990 || y > 2100)
		return "is not a year from 1990 to 2100";
	return NULL;
}

const char *
stage_bad_value(const char *s)
{
	const char *p = s;
	int digits = 0, dot = 0;

	if (*s == '\0')
		return NULL;
	if (*p == '-')
		p++;
	for (; *p != '\0'; p++) {
		if (isdigit((unsigned char)*p)) {
			digits++;
		} else if (*p == '.' && !dot && digits > 0) {
			dot = 1;
		} else {
			return "is not a plain number (digits, - and .)";
		}
	}
	if (digits == 0 || p[-1] == '.')
		return "is not a plain number (digits, - and .)";
	if (digits > 15)
		return "has more than 15 digits";
	return NULL;
}

const char *
stage_bad_count(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0)
		return NULL;
	if (n > 9)
		return "is not a count (at most 9 digits)";
	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return "is not a count (digits only)";
	return NULL;
}

const char *
stage_bad_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0)
		return "is empty";
	if (n > NAME_MAX_BYTES)
		return "is longer than 512 bytes";
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return "holds a control character";
	return NULL;
}

/*
 * Text as it is kept: valid UTF-8 (a bad byte is U+FFFD), every control
 * character a space, at most max bytes (cut at a character).
 */
static char *
clean(const char *in, char *out, size_t max)
{
	size_t w = 0, len, n = strlen(in);
	const char *p = in, *end = in + n;
	unsigned cp;
	char enc[4];
	size_t k;

	while (p < end) {
		cp = zh_decode(p, (size_t)(end - p), &len);
		p += len;
		if (cp < 0x20 || cp == 0x7f)
			cp = ' ';
		k = zh_put(enc, sizeof(enc), cp);
		if (w + k + 1 > max)
			break;
		memcpy(out + w, enc, k);
		w += k;
	}
	out[w] = '\0';
	return out;
}

/* A refused record: named on stderr and staged as an error of doc. */
static int
refuse(struct stage *s, const struct gk_rec *r, const char *doc,
    const char *what, const char *field, const char *value, const char *why)
{
	char msg[1024], v[128];
	sqlite3_stmt *st = s->ins[S_ERROR];

	clean(value, v, sizeof(v));
	snprintf(msg, sizeof(msg), "line %lu: %s record%s%s: %s '%s' %s",
	    r->lineno, r->f[0], *what ? " " : "", what, field, v, why);
	gk_warn(NULL, "%s: refused", msg);
	s->bad++;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)++s->seq);
	db_text(st, 2, doc, 0);
	db_text(st, 3, "load", 0);
	db_text(st, 4, "bad_record", 0);
	db_text(st, 5, msg, 0);
	return db_run(st);
}

/* Bind fields from..from+n of r to st's parameters 2.., cleaned. */
static int
bind_fields(sqlite3_stmt *st, const struct gk_rec *r, const int *fields,
    int n)
{
	static char buf[TEXT_MAX_BYTES];
	int i;

	for (i = 0; i < n; i++)
		if (db_text(st, i + 2, clean(r->f[fields[i]], buf,
		    sizeof(buf)), 0) == -1)
			return -1;
	return 0;
}

static int
add(struct stage *s, int kind, const struct gk_rec *r, const int *fields,
    int n)
{
	sqlite3_stmt *st = s->ins[kind];

	sqlite3_bind_int64(st, 1, (sqlite3_int64)++s->seq);
	if (bind_fields(st, r, fields, n) == -1)
		return -1;
	return db_run(st);
}

static int
on_doc(struct stage *s, const struct gk_rec *r)
{
	static const int f[] = { DOC_ID, DOC_URL, DOC_PAGE, DOC_SHA256,
		DOC_BYTES, DOC_TYPE, DOC_TITLE, DOC_AGENCY, DOC_PUBLISHED,
		DOC_FETCHED, DOC_STATUS };
	const char *why;

	if ((why = stage_bad_id(r->f[DOC_ID])) != NULL)
		return refuse(s, r, "", "", "DOC", r->f[DOC_ID], why);
	if ((why = stage_bad_name(r->f[DOC_URL])) != NULL)
		return refuse(s, r, r->f[DOC_ID], r->f[DOC_ID], "URL",
		    r->f[DOC_URL], why);
	s->docs++;
	return add(s, S_DOC, r, f, 11);
}

static int
on_listing(struct stage *s, const struct gk_rec *r)
{
	static const int f[] = { LISTING_URL, LISTING_AGENCY };
	const char *why;

	if ((why = stage_bad_name(r->f[LISTING_URL])) != NULL)
		return refuse(s, r, "", "", "URL", r->f[LISTING_URL], why);
	if (r->f[LISTING_AGENCY][0] != '\0' &&
	    (why = stage_bad_name(r->f[LISTING_AGENCY])) != NULL)
		return refuse(s, r, "", r->f[LISTING_URL], "AGENCY",
		    r->f[LISTING_AGENCY], why);
	s->listings++;
	return add(s, S_LISTING, r, f, 2);
}

static int
on_error(struct stage *s, const struct gk_rec *r)
{
	static const int f[] = { ERROR_DOC, ERROR_STAGE, ERROR_CODE,
		ERROR_MESSAGE };
	const char *why;

	if (r->f[ERROR_DOC][0] != '\0' &&
	    (why = stage_bad_id(r->f[ERROR_DOC])) != NULL)
		return refuse(s, r, "", "", "DOC", r->f[ERROR_DOC], why);
	if ((why = stage_bad_name(r->f[ERROR_CODE])) != NULL)
		return refuse(s, r, r->f[ERROR_DOC], r->f[ERROR_DOC], "CODE",
		    r->f[ERROR_CODE], why);
	s->errors++;
	return add(s, S_ERROR, r, f, 4);
}

static int
on_report(struct stage *s, const struct gk_rec *r)
{
	static const int f[] = { REPORT_ID, REPORT_PAGE, REPORT_AGENCY,
		REPORT_YEAR, REPORT_TEMPLATE, REPORT_SOURCE, REPORT_STATUS,
		REPORT_TITLE, REPORT_PUBLISHED };
	const char *id = r->f[REPORT_ID], *doc = r->f[REPORT_SOURCE], *why;

	if (stage_bad_id(doc) != NULL)
		doc = stage_bad_id(id) == NULL ? id : "";
	if ((why = stage_bad_id(id)) != NULL)
		return refuse(s, r, doc, "", "REPORT", id, why);
	if ((why = stage_bad_year(r->f[REPORT_YEAR])) != NULL)
		return refuse(s, r, doc, id, "YEAR", r->f[REPORT_YEAR], why);
	if (r->f[REPORT_AGENCY][0] != '\0' &&
	    (why = stage_bad_name(r->f[REPORT_AGENCY])) != NULL)
		return refuse(s, r, doc, id, "AGENCY", r->f[REPORT_AGENCY],
		    why);
	if (r->f[REPORT_TEMPLATE][0] != '\0' &&
	    (why = stage_bad_id(r->f[REPORT_TEMPLATE])) != NULL)
		return refuse(s, r, doc, id, "TEMPLATE",
		    r->f[REPORT_TEMPLATE], why);
	if (r->f[REPORT_SOURCE][0] != '\0' &&
	    (why = stage_bad_id(r->f[REPORT_SOURCE])) != NULL)
		return refuse(s, r, id, id, "SOURCE", r->f[REPORT_SOURCE], why);
	s->reports++;
	return add(s, S_REPORT, r, f, 9);
}

static int
on_metric(struct stage *s, const struct gk_rec *r)
{
	static const int f[] = { METRIC_REPORT, METRIC_KEY, METRIC_VALUE,
		METRIC_UNIT, METRIC_RAW, METRIC_FLAGS, METRIC_DOC, METRIC_SEQ,
		METRIC_TABLE, METRIC_ROW, METRIC_COL, METRIC_PAGE };
	static const char *const at[] = { "SEQ", "TABLE", "ROW", "COL",
		"PAGE" };
	const char *id = r->f[METRIC_REPORT], *why;
	int i;

	if ((why = stage_bad_id(id)) != NULL)
		return refuse(s, r, "", "", "REPORT", id, why);
	if ((why = stage_bad_name(r->f[METRIC_KEY])) != NULL)
		return refuse(s, r, id, id, "METRIC", r->f[METRIC_KEY], why);
	if ((why = stage_bad_value(r->f[METRIC_VALUE])) != NULL)
		return refuse(s, r, id, r->f[METRIC_KEY], "VALUE",
		    r->f[METRIC_VALUE], why);
	if (r->f[METRIC_DOC][0] != '\0' &&
	    (why = stage_bad_id(r->f[METRIC_DOC])) != NULL)
		return refuse(s, r, id, r->f[METRIC_KEY], "DOC",
		    r->f[METRIC_DOC], why);
	for (i = 0; i < 5; i++)
		if ((why = stage_bad_count(r->f[METRIC_SEQ + i])) != NULL)
			return refuse(s, r, id, r->f[METRIC_KEY], at[i],
			    r->f[METRIC_SEQ + i], why);
	s->metrics++;
	return add(s, S_METRIC, r, f, 12);
}

static int
on_check(struct stage *s, const struct gk_rec *r)
{
	static const int f[] = { CHECK_REPORT, CHECK_NAME, CHECK_WHERE,
		CHECK_EXPECTED, CHECK_FOUND, CHECK_MESSAGE };
	const char *id = r->f[CHECK_REPORT], *why;

	if ((why = stage_bad_id(id)) != NULL)
		return refuse(s, r, "", "", "REPORT", id, why);
	if ((why = stage_bad_id(r->f[CHECK_NAME])) != NULL)
		return refuse(s, r, id, id, "CHECK", r->f[CHECK_NAME], why);
	s->checks++;
	return add(s, S_CHECK, r, f, 6);
}

int
stage_read(struct stage *s, FILE *fp, const char *name)
{
	struct gk_reader *rd;
	struct gk_rec rec;
	enum gk_read_result res;
	int rc = 0;

	if ((rd = gk_reader_new(name, GK_MAX_LINE)) == NULL) {
		gk_warn(name, "out of memory");
		return -1;
	}
	gk_input_start(rd, fp, name);
	gk_progress_input(fp);
	while (rc == 0 && (res = gk_read(rd, fp, &rec)) != GK_READ_EOF) {
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
		case GK_DOC:
			rc = on_doc(s, &rec);
			break;
		case GK_LISTING:
			rc = on_listing(s, &rec);
			break;
		case GK_ERROR:
			rc = on_error(s, &rec);
			break;
		case GK_REPORT:
			rc = on_report(s, &rec);
			break;
		case GK_METRIC:
			rc = on_metric(s, &rec);
			break;
		case GK_CHECK:
			rc = on_check(s, &rec);
			break;
		default:	/* para, cell, note, reading, unknown, comments */
			break;
		}
	}
	if (rc == 0 && ferror(fp)) {
		gk_warn(name, "read error");
		rc = -1;
	}
	gk_reader_free(rd);
	return rc;
}

/* Warn once per copy whose values come without a report record. */
static int
orphans(struct stage *s, const char *table, const char *what)
{
	char sql[512];
	sqlite3_stmt *st;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT copy, COUNT(*) FROM %s WHERE copy "
	    "NOT IN (SELECT copy FROM s_report) GROUP BY copy ORDER BY "
	    "MIN(seq)", table);
	if ((st = db_prep(s->db, sql)) == NULL)
		return -1;
	while ((rc = db_step(st)) == 1) {
		gk_warn(db_col(st, 0), "%d %s record%s for a report the stream "
		    "never describes (no report record): dropped",
		    sqlite3_column_int(st, 1), what,
		    sqlite3_column_int(st, 1) == 1 ? "" : "s");
		s->bad++;
	}
	sqlite3_finalize(st);
	if (rc == -1)
		return -1;
	snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE copy NOT IN "
	    "(SELECT copy FROM s_report)", table);
	return db_exec(s->db, sql);
}

int
stage_done(struct stage *s)
{
	if (db_exec(s->db, "COMMIT;"
	    "CREATE INDEX s_report_copy ON s_report(copy, seq);"
	    "CREATE INDEX s_metric_copy ON s_metric(copy, seq);"
	    "CREATE INDEX s_check_copy ON s_check(copy, seq);"
	    "CREATE INDEX s_doc_doc ON s_doc(doc, seq);"
	    "CREATE INDEX s_error_doc ON s_error(doc, seq);") == -1)
		return -1;
	if (orphans(s, "s_metric", "metric") == -1 ||
	    orphans(s, "s_check", "check") == -1)
		return -1;
	return 0;
}
