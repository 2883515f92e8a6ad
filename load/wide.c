/*
 * wide.c: wide-gov2019.tsv and wide-gov2021.tsv, one row per report of the
 * template and one column per key of it, in the order the tables print
 * them, for a spreadsheet.  A cell holds VALUE (empty when the report left
 * it blank or printed no number: metrics.tsv says which).  Keys outside
 * the template (a mixed report's single 三（六） row) are only in metrics.tsv.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "load.h"

#define WIDE_FIXED 4	/* report agency year page */

int
wide_write(const struct dataset *d, const char *template, FILE *fp)
{
	const char *const *keys;
	const char **f = NULL;
	char *seen = NULL;
	const struct row **m;
	struct idx mx;
	size_t nk, nm, i, j, k;
	int rv = -1;

	keys = keys_of(template, &nk);
	if (keys == NULL)
		return -1;
	if (idx_build(&mx, &d->metrics, M_REPORT) == -1)
		return -1;
	if ((f = calloc(nk + WIDE_FIXED, sizeof(*f))) == NULL ||
	    (seen = malloc(nk)) == NULL)
		goto out;
	f[0] = "report";
	f[1] = "agency";
	f[2] = "year";
	f[3] = "page";
	for (k = 0; k < nk; k++)
		f[WIDE_FIXED + k] = keys[k];
	if (tsv_put_row(fp, (int)(nk + WIDE_FIXED), f) == -1)
		goto out;
	for (i = 0; i < d->reports.n; i++) {
		const struct row *r = d->reports.rows[i];

		if (strcmp(r->f[R_TEMPLATE], template) != 0)
			continue;
		f[0] = r->f[R_REPORT];
		f[1] = r->f[R_AGENCY];
		f[2] = r->f[R_YEAR];
		f[3] = r->f[R_PAGE];
		for (k = 0; k < nk; k++)
			f[WIDE_FIXED + k] = "";
		memset(seen, 0, nk);
		m = idx_find(&mx, r->f[R_REPORT], &nm);
		/*
		 * Both lists are short and mostly in the same order: walk the
		 * keys along the metrics, keeping the first value of a key.
		 */
		for (j = 0, k = 0; j < nm; j++) {
			size_t t;

			for (t = 0; t < nk; t++) {
				size_t kk = (k + t) % nk;

				if (strcmp(keys[kk], m[j]->f[M_METRIC]) == 0) {
					if (!seen[kk])
						f[WIDE_FIXED + kk] =
						    m[j]->f[M_VALUE];
					seen[kk] = 1;
					k = kk + 1;
					break;
				}
			}
		}
		if (tsv_put_row(fp, (int)(nk + WIDE_FIXED), f) == -1)
			goto out;
	}
	rv = 0;
out:
	free(seen);
	free(f);
	idx_free(&mx);
	return rv;
}
