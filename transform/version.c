/*
 * version.c: the values read from one reading of one document (one
 * version of a report), looked up by key through an open-addressing hash.
 */
#include <stdlib.h>
#include <string.h>

#include "tx.h"

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

/* The slot of key: where it is, or the empty one where it would go. */
static unsigned
slot_of(const struct tx_version *v, const char *key)
{
	unsigned i = hash(key) & (v->nslot - 1);

	while (v->slot[i] != 0 && strcmp(v->m[v->slot[i] - 1].key, key) != 0)
		i = (i + 1) & (v->nslot - 1);
	return i;
}

static int
rehash(struct tx_version *v, unsigned n)
{
	uint32_t *s = calloc(n, sizeof(*s));
	int i;

	if (s == NULL)
		return -1;
	free(v->slot);
	v->slot = s;
	v->nslot = n;
	for (i = 0; i < v->nm; i++)
		v->slot[slot_of(v, v->m[i].key)] = (uint32_t)i + 1;
	return 0;
}

struct tx_metric *
tx_version_get(const struct tx_version *v, const char *key)
{
	unsigned i;

	if (v->nslot == 0)
		return NULL;
	i = slot_of(v, key);
	return v->slot[i] == 0 ? NULL : &v->m[v->slot[i] - 1];
}

/* The metric's four strings in one block, freed by its key (the block
 * before, if any, after they are copied: they may be its own). */
static int
strings(struct tx_metric *m, const char *key, const char *value,
    const char *unit, const char *raw)
{
	size_t lk = strlen(key) + 1, lv = strlen(value) + 1;
	size_t lu = strlen(unit) + 1, lr = strlen(raw) + 1;
	char *b = malloc(lk + lv + lu + lr);

	if (b == NULL)
		return -1;
	memcpy(b, key, lk);
	memcpy(b + lk, value, lv);
	memcpy(b + lk + lv, unit, lu);
	memcpy(b + lk + lv + lu, raw, lr);
	free(m->key);
	m->key = b;
	m->value = b + lk;
	m->unit = m->value + lv;
	m->raw = m->unit + lu;
	return 0;
}

int
tx_metric_set(struct tx_metric *m, const char *value, const char *unit,
    const char *raw)
{
	return strings(m, m->key, value, unit, raw);
}

int
tx_version_add(struct tx_version *v, const char *key,
    const struct tx_value *val, const struct tx_where *at)
{
	struct tx_metric *m;

	if ((m = tx_version_get(v, key)) != NULL) {
		m->nfound++;
		return 0;
	}
	if (v->nm >= TX_MAX_METRICS) {
		v->overflow = 1;
		return -1;
	}
	/* at most half full */
	if ((unsigned)(v->nm + 1) * 2 > v->nslot &&
	    rehash(v, v->nslot ? v->nslot * 2 : 512) < 0)
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
	m->key = NULL;
	if (strings(m, key, val->value, val->unit, val->raw) < 0)
		return -1;
	m->flags = val->flags;
	m->nfound = 1;
	if (at != NULL)
		m->at = *at;
	else
		memset(&m->at, 0, sizeof(m->at));
	v->slot[slot_of(v, key)] = (uint32_t)v->nm + 1;
	v->nm++;
	return 0;
}

/* Free v's metrics only; v holds none afterwards. */
void
tx_metrics_free(struct tx_version *v)
{
	int i;

	for (i = 0; i < v->nm; i++)
		free(v->m[i].key);	/* value, unit and raw with it */
	free(v->m);
	free(v->slot);
	v->m = NULL;
	v->slot = NULL;
	v->nm = v->capm = 0;
	v->nslot = 0;
}

void
tx_metrics_move(struct tx_version *dst, struct tx_version *src)
{
	tx_metrics_free(dst);
	dst->m = src->m, dst->nm = src->nm, dst->capm = src->capm;
	dst->slot = src->slot, dst->nslot = src->nslot;
	dst->overflow |= src->overflow;
	src->m = NULL, src->slot = NULL;
	src->nm = src->capm = 0;
	src->nslot = 0;
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
	free(v->reading);
	free(v->t_agency), free(v->t_year), free(v->t_title);
	free(v->t_page_agency);
	free(v->t_published), free(v->t_body_year);
	memset(v, 0, sizeof(*v));
}
