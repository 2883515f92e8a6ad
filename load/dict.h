/*
 * dict.h: the dictionary of the data set, from the one schema
 * (common/schema*.c), its checks and the series crosswalk (dict.c).
 */
#ifndef GK_LOAD_DICT_H
#define GK_LOAD_DICT_H

#include "db.h"
#include "series.h"

/*
 * Bring the store's dictionary and check_kinds in step with the schema,
 * the keys the store holds and the crosswalk, writing only what differs.
 * 1 when something changed, 0 when not, -1 after a message.
 */
int dict_sync(sqlite3 *, const struct crosswalk *);

#endif
