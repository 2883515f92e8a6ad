/*
 * tmpl_legacy.c: the 统计表 of the reports before 2019 (statistics
 * indicator / unit / count).  It has no fixed rows: read.c keys each row by
 * its printed label (SCHEMA.md's legacy.* keys), from the 统计指标 header
 * on.
 */
#include <string.h>

#include "tx.h"

static int
has_request(const struct tx_row *r)
{
	(void)r;
	return 0;
}

static int
bid(const char *norm)
{
	return strcmp(norm, "统计指标") == 0;
}

const struct tx_template tx_tmpl_legacy = {
	TX_LEGACY, "legacy", NULL, 0, NULL, has_request, bid
};
