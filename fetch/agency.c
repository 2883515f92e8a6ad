/*
 * agency.c: reading config/agencies.tsv.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/rec.h"
#include "common/buf.h"
#include "agency.h"
#include "url.h"

static const char *const levels[] = { "city", "department", "district",
	"district_department", "street", NULL };

void
agencies_free(struct agencies *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		free(a->v[i].name);
		free(a->v[i].level);
		free(a->v[i].parent);
		free(a->v[i].host);
		free(a->v[i].column);
	}
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

static int
add(struct agencies *a, char **f, char *err, size_t errsz)
{
	struct agency *g;
	char u[URL_MAX];
	int i;

	for (i = 0; levels[i] != NULL; i++)
		if (strcmp(f[1], levels[i]) == 0)
			break;
	if (levels[i] == NULL) {
		snprintf(err, errsz, "level %s: not one of city, department, "
		    "district, district_department, street", f[1]);
		return -1;
	}
	if (f[0][0] == '\0' || f[3][0] == '\0') {
		snprintf(err, errsz, "an agency needs a name and a host");
		return -1;
	}
	u[0] = '\0';
	if (f[4][0] != '\0' && url_normalize(f[4], u, sizeof(u)) == -1) {
		snprintf(err, errsz, "column %s: not an http or https URL",
		    f[4]);
		return -1;
	}
	if (a->n >= AGENCY_MAX) {
		snprintf(err, errsz, "more than %d agencies", AGENCY_MAX);
		return -1;
	}
	if (a->n % 64 == 0) {
		g = realloc(a->v, (a->n + 64) * sizeof(*g));
		if (g == NULL) {
			snprintf(err, errsz, "out of memory");
			return -1;
		}
		a->v = g;
	}
	g = &a->v[a->n];
	g->name = strdup(f[0]);
	g->level = strdup(f[1]);
	g->parent = strdup(f[2]);
	g->host = strdup(f[3]);
	g->column = strdup(u);
	g->folder = u[0] != '\0' ? (size_t)(strrchr(url_path(u), '/') -
	    u + 1) : 0;
	a->n++;
	if (g->name == NULL || g->level == NULL || g->parent == NULL ||
	    g->host == NULL || g->column == NULL) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	return 0;
}

int
agencies_parse(struct agencies *a, const char *text, const char *name,
    char *err, size_t errsz)
{
	const char *p = text;
	unsigned long no = 0;
	int header = 0;

	while (*p != '\0') {
		size_t n = strcspn(p, "\n");
		char line[URL_MAX + 1024], why[256], *f[6];
		int nf;

		no++;
		if (n >= sizeof(line)) {
			snprintf(err, errsz, "%s line %lu: too long", name, no);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p += n + (p[n] == '\n');
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		nf = gk_split_tabs(line, f, 5);
		if (!header) {
			if (nf != 5 || strcmp(f[0], "agency") != 0 ||
			    strcmp(f[1], "level") != 0 ||
			    strcmp(f[2], "parent") != 0 ||
			    strcmp(f[3], "host") != 0 ||
			    strcmp(f[4], "column") != 0) {
				snprintf(err, errsz, "%s line %lu: the header "
				    "must be agency, level, parent, host, "
				    "column", name, no);
				return -1;
			}
			header = 1;
			continue;
		}
		if (nf != 5) {
			snprintf(err, errsz, "%s line %lu: %d fields, want 5",
			    name, no, nf > 5 ? 6 : nf);
			return -1;
		}
		if (add(a, f, why, sizeof(why)) == -1) {
			snprintf(err, errsz, "%s line %lu: %s", name, no, why);
			return -1;
		}
	}
	return 0;
}

int
agencies_load(struct agencies *a, const char *path, char *err, size_t errsz)
{
	struct gk_buf b;
	int rc;

	gk_buf_init(&b, 16 << 20);
	if ((rc = gk_buf_read_file(&b, path)) != 0) {
		snprintf(err, errsz, "%s: %s", path, rc == -2 ?
		    "larger than 16 MB" : strerror(errno));
		gk_buf_free(&b);
		return -1;
	}
	rc = agencies_parse(a, gk_buf_str(&b), path, err, errsz);
	gk_buf_free(&b);
	return rc;
}

const struct agency *
agencies_of_url(const struct agencies *a, const char *url)
{
	const struct agency *best = NULL;
	size_t i;

	for (i = 0; i < a->n; i++) {
		const struct agency *g = &a->v[i];

		if (g->folder > 0 && strncmp(url, g->column, g->folder) == 0 &&
		    (best == NULL || g->folder > best->folder))
			best = g;
	}
	return best;
}

const struct agency *
agencies_above_column(const struct agencies *a, const char *url)
{
	const struct agency *found = NULL;
	const char *slash = strrchr(url_path(url), '/');
	size_t n, i;

	if (slash == NULL)
		return NULL;
	n = (size_t)(slash - url + 1);
	for (i = 0; i < a->n; i++)
		if (a->v[i].folder > n && strncmp(a->v[i].column, url, n) == 0) {
			if (found != NULL)
				return NULL;
			found = &a->v[i];
		}
	return found;
}
