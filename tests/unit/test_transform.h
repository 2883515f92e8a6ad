/*
 * test_transform.h: helpers for the gk-transform unit tests that build a
 * document's content by hand.  One version v is filled item by item, as
 * gk-transform's reader would from cell and para records, then read with
 * tx_read and looked at metric by metric.  Include after <cmocka.h>.
 */
#ifndef GK_TEST_TRANSFORM_H
#define GK_TEST_TRANSFORM_H

#include <stdlib.h>
#include <string.h>

#include "transform/tx.h"

static struct tx_version v;

/* Append one item to v: a cell (cell 1, its table, row and column) or a
 * para (cell 0); seq counts from 1 in order of arrival. */
static inline void
item(int cell, int table, int row, int col, const char *text)
{
	struct tx_item *it;

	if (v.nitems == v.capitems) {
		v.capitems = v.capitems ? v.capitems * 2 : 64;
		v.items = realloc(v.items, sizeof(*it) * (size_t)v.capitems);
		assert_non_null(v.items);
	}
	it = &v.items[v.nitems];
	memset(it, 0, sizeof(*it));
	it->seq = (unsigned long)v.nitems + 1;
	it->cell = cell;
	it->table = table;
	it->row = row;
	it->col = col;
	it->text = strdup(text);
	v.nitems++;
}

static inline void
para(const char *text)
{
	item(0, 0, 0, 0, text);
}

/* The value of metric key, or "(missing)". */
static inline const char *
val(const char *key)
{
	struct tx_metric *m = tx_version_get(&v, key);

	return m == NULL ? "(missing)" : m->value;
}

#endif
