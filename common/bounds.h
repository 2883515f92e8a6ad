/*
 * bounds.h: every input limit of gk and its default, in one place.
 * Hitting a limit is an `error` record, never a crash.
 */
#ifndef GK_BOUNDS_H
#define GK_BOUNDS_H

#define GK_MAX_LINE		(4u << 20)	/* one stream record */
#define GK_MAX_FILE		(64u << 20)	/* one document read from disk */
#define GK_MAX_DOWNLOAD		(64u << 20)	/* one body fetched over HTTP */
#define GK_MAX_UNZIPPED		(128u << 20)	/* one part inside a zip */
#define GK_MAX_PAGES		500		/* pages of a PDF */
#define GK_MAX_CELLS		200000		/* cells of one document */
#define GK_MAX_TABLE_ROWS	5000		/* rows of one table */
#define GK_MAX_TABLE_COLS	256		/* columns of one table */
#define GK_MAX_TEXT		(1u << 20)	/* text of one para or cell */
#define GK_MAX_DEPTH		256		/* nesting of markup */
#define GK_MAX_ELEMENTS		250000		/* elements of one HTML page or
						 * XML part: ~80 MB of tree */

#endif
