/*
 * series.c: the crosswalk and the series of a report (series.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/zh.h"
#include "series.h"

#define LEGACY "legacy."

/* A label without the numbering mark it starts with. */
static const char *
unnumbered(const char *s)
{
	struct zh_numbering num;

	if (zh_numbering(s, &num))
		return s + num.len;
	return s;
}

void
series_key(const char *metric, char *out, size_t n)
{
	char tmp[1024], sect[512];
	const char *rest, *dot;
	size_t len;

	if (strncmp(metric, LEGACY, strlen(LEGACY)) != 0) {
		/* a crosswalk entry for a legacy row is written bare */
		if (strchr(metric, '.') != NULL && strspn(metric,
		    "abcdefghijklmnopqrstuvwxyz0123456789._") ==
		    strlen(metric)) {
			snprintf(out, n, "%s", metric);
			return;
		}
		rest = metric;
	} else {
		rest = metric + strlen(LEGACY);
	}
	/* SECTION.ROW: the section's label ends at the first dot */
	dot = strchr(rest, '.');
	len = dot != NULL ? (size_t)(dot - rest) : strlen(rest);
	if (len >= sizeof(sect))
		len = sizeof(sect) - 1;
	memcpy(sect, rest, len);
	sect[len] = '\0';
	snprintf(tmp, sizeof(tmp), "%s%s%s", unnumbered(sect),
	    dot != NULL ? "." : "", dot != NULL ? unnumbered(dot + 1) : "");
	zh_nfkc(tmp, sect, sizeof(sect));
	zh_squeeze(sect, out, n);
}

int
series_read(struct crosswalk *cw, const char *file)
{
	char *line = NULL, *f[5], *p;
	size_t cap = 0;
	ssize_t len;
	unsigned long lineno = 0;
	FILE *fp;
	int nf, rv = 0;

	memset(cw, 0, sizeof(*cw));
	if (file == NULL)
		return 0;
	if ((fp = fopen(file, "r")) == NULL) {
		gk_warn(file, "%s", strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		struct series_def *d;

		lineno++;
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#' ||
		    strncmp(line, "series\t", 7) == 0)
			continue;
		for (nf = 0, p = line; nf < 5; nf++) {
			f[nf] = p;
			if ((p = strchr(p, '\t')) == NULL) {
				nf++;
				break;
			}
			*p++ = '\0';
		}
		if (nf < 3 || p != NULL) {
			gk_warn(file, "line %lu: not \"series<TAB>template<TAB>"
			    "keys[<TAB>label<TAB>description]\"", lineno);
			rv = -1;
			break;
		}
		while (nf < 5)
			f[nf++] = "";
		if ((d = realloc(cw->s, (cw->n + 1) * sizeof(*d))) == NULL) {
			gk_warn(file, "out of memory");
			rv = -1;
			break;
		}
		cw->s = d;
		d += cw->n++;
		memset(d, 0, sizeof(*d));
		snprintf(d->series, sizeof(d->series), "%s", f[0]);
		snprintf(d->template, sizeof(d->template), "%s", f[1]);
		snprintf(d->label, sizeof(d->label), "%s", f[3]);
		snprintf(d->description, sizeof(d->description), "%s", f[4]);
		/* keys: "a + b + c" */
		for (p = strtok(f[2], "+"); p != NULL; p = strtok(NULL, "+")) {
			char key[256];

			while (*p == ' ')
				p++;
			len = (ssize_t)strlen(p);
			while (len > 0 && p[len - 1] == ' ')
				p[--len] = '\0';
			if (*p == '\0')
				continue;
			if (d->nkey == SERIES_MAX_PARTS) {
				gk_warn(file, "line %lu: more than %d keys",
				    lineno, SERIES_MAX_PARTS);
				rv = -1;
				break;
			}
			series_key(p, key, sizeof(key));
			snprintf(d->key[d->nkey++], sizeof(d->key[0]), "%s",
			    key);
		}
		if (rv == 0 && d->nkey == 0) {
			gk_warn(file, "line %lu: no keys", lineno);
			rv = -1;
		}
		if (rv == -1)
			break;
	}
	free(line);
	fclose(fp);
	if (rv == -1)
		series_free(cw);
	return rv;
}

void
series_free(struct crosswalk *cw)
{
	free(cw->s);
	memset(cw, 0, sizeof(*cw));
}

/* Add flag to a comma-separated list (once). */
static void
addflag(char *flags, size_t n, const char *flag, size_t len)
{
	size_t have = strlen(flags);
	const char *p = flags;

	while ((p = strstr(p, flag)) != NULL) {
		if ((p == flags || p[-1] == ',') && (p[len] == ',' ||
		    p[len] == '\0'))
			return;
		p++;
	}
	snprintf(flags + have, n - have, "%s%.*s", have ? "," : "", (int)len,
	    flag);
}

static void
addflags(char *flags, size_t n, const char *list)
{
	const char *p = list, *e;

	while (*p != '\0') {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		if (e > p)
			addflag(flags, n, p, (size_t)(e - p));
		p = *e ? e + 1 : e;
	}
}

size_t
series_compute(const struct crosswalk *cw, const char *template,
    const struct series_in *in, size_t nin, struct series_out *out,
    size_t maxout)
{
	size_t i, j, no = 0;
	int k, found, blank, nan;
	double sum;

	for (i = 0; i < cw->n && no < maxout; i++) {
		const struct series_def *d = &cw->s[i];
		struct series_out *o = &out[no];

		if (strcmp(d->template, template) != 0)
			continue;
		found = blank = nan = 0;
		sum = 0;
		o->flags[0] = '\0';
		for (k = 0; k < d->nkey; k++) {
			for (j = 0; j < nin; j++)
				if (strcmp(in[j].key, d->key[k]) == 0)
					break;
			if (j == nin)
				continue;	/* not printed: counts 0 */
			found++;
			addflags(o->flags, sizeof(o->flags), in[j].flags);
			if (strstr(in[j].flags, "not_a_number") != NULL)
				nan++;
			else if (in[j].value[0] == '\0')
				blank++;
			else
				sum += strtod(in[j].value, NULL);
		}
		if (found == 0)
			continue;
		o->series = d->series;
		if (nan > 0 || blank == found)
			o->value[0] = '\0';
		else if (sum == (double)(long long)sum)
			snprintf(o->value, sizeof(o->value), "%lld",
			    (long long)sum);
		else
			snprintf(o->value, sizeof(o->value), "%.15g", sum);
		if (found < d->nkey)
			addflag(o->flags, sizeof(o->flags), "partial", 7);
		no++;
	}
	return no;
}
