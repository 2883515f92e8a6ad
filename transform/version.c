/*
 * version.c: the metrics read from one document (one version of a report).
 */
#include <stdlib.h>
#include <string.h>

#include "common/bounds.h"
#include "tx.h"

struct tx_metric *
tx_version_get(const struct tx_version *v, const char *key)
{
	int i;

	for (i = 0; i < v->nm; i++)
		if (strcmp(v->m[i].key, key) == 0)
			return &v->m[i];
	return NULL;
}

/* The first printing of a key is kept; later ones only count (a key found
 * twice is a template_shape failure). Returns -1 when out of memory or over
 * the cell limit. */
int
tx_version_add(struct tx_version *v, const char *key, const struct tx_value *val,
    const struct tx_where *at)
{
	struct tx_metric *m;

	if ((m = tx_version_get(v, key)) != NULL) {
		m->nfound++;
		return 0;
	}
	if (v->nm >= GK_MAX_CELLS)
		return -1;
	if (v->nm == v->capm) {
		int cap = v->capm ? v->capm * 2 : 256;
		struct tx_metric *p = realloc(v->m, sizeof(*p) * (size_t)cap);

		if (p == NULL)
			return -1;
		v->m = p;
		v->capm = cap;
	}
	m = &v->m[v->nm];
	m->key = strdup(key);
	m->value = strdup(val->value);
	m->unit = strdup(val->unit);
	m->raw = strdup(val->raw);
	m->flags = val->flags;
	m->nfound = 1;
	if (at != NULL)
		m->at = *at;
	else
		memset(&m->at, 0, sizeof(m->at));
	if (!m->key || !m->value || !m->unit || !m->raw) {
		free(m->key), free(m->value), free(m->unit), free(m->raw);
		return -1;
	}
	v->nm++;
	return 0;
}

/* Free v's metrics only; v holds none afterwards. */
void
tx_metrics_free(struct tx_version *v)
{
	int i;

	for (i = 0; i < v->nm; i++) {
		free(v->m[i].key);
		free(v->m[i].value);
		free(v->m[i].unit);
		free(v->m[i].raw);
	}
	free(v->m);
	v->m = NULL;
	v->nm = v->capm = 0;
}

void
tx_version_free(struct tx_version *v)
{
	int i;

	tx_metrics_free(v);
	for (i = 0; i < v->nitems; i++)
		free(v->items[i].text);
	free(v->items);
	free(v->doc), free(v->type), free(v->page), free(v->title);
	free(v->agency), free(v->published), free(v->status);
	free(v->t_agency), free(v->t_year), free(v->t_title);
	free(v->t_published);
	memset(v, 0, sizeof(*v));
}
